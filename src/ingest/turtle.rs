//! Parses one Turtle file with oxttl, turning a syntax error into one that names the file, line
//! and column and shows the line.

use std::path::PathBuf;

use oxigraph::model::Triple;
use oxttl::TurtleParser;

use crate::error::{Error, Position, Result};
use crate::resources::Resource;

/// The triples of one file.
#[derive(Debug)]
pub struct ParsedFile {
    /// Where they came from.
    pub path: PathBuf,
    /// The triples, with the file's own blank nodes.
    pub triples: Vec<Triple>,
}

/// Reads and parses the Turtle file `resource`.
///
/// # Errors
/// [`Error::Io`] when unreadable, [`Error::TurtleSyntax`] at the first syntax error.
pub fn parse_turtle(resource: &Resource) -> Result<ParsedFile> {
    let path = resource.path();
    let path = path.as_path();
    let bytes = resource.bytes()?;
    let triples = parse_turtle_bytes(&bytes).map_err(|(line, column, message)| {
        let text = String::from_utf8_lossy(&bytes);
        Error::TurtleSyntax {
            path: path.to_owned(),
            position: Position::in_text(&text, line, column),
            message,
        }
    })?;
    Ok(ParsedFile {
        path: path.to_owned(),
        triples,
    })
}

/// Parses Turtle bytes; on error returns the zero-based line and column and the message.
pub fn parse_turtle_bytes(bytes: &[u8]) -> Result<Vec<Triple>, (u64, u64, String)> {
    TurtleParser::new()
        .for_slice(bytes)
        .map(|r| {
            r.map_err(|e| {
                let start = e.location().start;
                (start.line, start.column, e.message().to_owned())
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_line_and_column_of_the_error() {
        let text = "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e \"unclosed .\n";
        let err = parse_turtle_bytes(text.as_bytes()).expect_err("must fail");
        assert_eq!(err.0, 2, "line of {err:?}");
    }

    #[test]
    fn error_names_the_file_and_shows_the_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("bad.ttl");
        std::fs::write(
            &path,
            "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:a ex:b .\n",
        )
        .expect("write");
        let resource = Resource {
            name: "bad.ttl".into(),
            location: crate::resources::Location::File(path),
        };
        let msg = parse_turtle(&resource).expect_err("must fail").to_string();
        assert!(msg.contains("bad.ttl:3:"), "{msg}");
        assert!(msg.contains("    ex:a ex:b ."), "{msg}");
    }
}
