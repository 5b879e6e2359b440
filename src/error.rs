//! The library's typed errors. Each says where the problem is (file, line, column, node) and what to
//! do about it; the command layer only adds context.

use std::fmt;
use std::path::PathBuf;

/// Result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A position in a text file, one-based, with the offending line for display.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// One-based line number.
    pub line: u64,
    /// One-based column, in characters.
    pub column: u64,
    /// The text of the line, without its end of line.
    pub snippet: String,
}

impl Position {
    /// Builds a position from zero-based `line` and `column` into `text`.
    /// A position at or past the end of the text (a missing `}` or `]`) points just after the
    /// last line with content, where the missing part belongs.
    pub fn in_text(text: &str, line0: u64, column0: u64) -> Self {
        let lines: Vec<&str> = text.lines().collect();
        let index = usize::try_from(line0).unwrap_or(usize::MAX);
        let past_end = lines
            .get(index..)
            .is_none_or(|rest| rest.iter().all(|l| l.trim().is_empty()));
        if past_end {
            if let Some((i, last)) = lines.iter().enumerate().rev().find(|(_, l)| !l.trim().is_empty()) {
                return Self {
                    line: i as u64 + 1,
                    column: last.chars().count() as u64 + 1,
                    snippet: (*last).to_owned(),
                };
            }
        }
        Self {
            line: line0 + 1,
            column: column0 + 1,
            snippet: lines.get(index).copied().unwrap_or_default().to_owned(),
        }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Control characters from a binary or damaged file are shown escaped, never sent to the
        // terminal; each takes one column so the caret stays under its character.
        let shown: String = self
            .snippet
            .chars()
            .map(|c| {
                if c.is_control() && c != '\t' {
                    '\u{fffd}'
                } else {
                    c
                }
            })
            .collect();
        let pad = usize::try_from(self.column.saturating_sub(1)).unwrap_or(0);
        write!(f, "    {shown}\n    {}^", " ".repeat(pad))
    }
}

/// One shape violation found by the build.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Violation {
    /// The node that breaks the shape, as a prefixed name or `<iri>`.
    pub node: String,
    /// The property concerned, as a prefixed name.
    pub property: String,
    /// What is wrong.
    pub message: String,
    /// The data files in which the node is described.
    pub files: Vec<String>,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let files = if self.files.is_empty() {
            "(derived by a rule)".to_owned()
        } else {
            self.files.join(", ")
        };
        write!(
            f,
            "{} {}: {} [in {}]",
            self.node, self.property, self.message, files
        )
    }
}

/// Errors of the borderkg library.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read or written.
    /// (The cause is part of the message and deliberately not a `source`, so that a chain of
    /// contexts prints it once.)
    #[error("{}: {cause}", path.display())]
    Io {
        /// The path concerned.
        path: PathBuf,
        /// The underlying error.
        cause: std::io::Error,
    },
    /// A Turtle file is not valid Turtle.
    #[error("{}:{}:{}: Turtle syntax error: {message}\n{position}\nfix the file and run the command again", path.display(), position.line, position.column)]
    TurtleSyntax {
        /// The file.
        path: PathBuf,
        /// Where in it.
        position: Position,
        /// The parser's message.
        message: String,
    },
    /// A SPARQL query or update does not parse.
    #[error("{origin}:{}:{}: SPARQL syntax error: {message}\n{position}", position.line, position.column)]
    SparqlSyntax {
        /// The file name, saved query name or `--sparql`.
        origin: String,
        /// Where in the text.
        position: Position,
        /// The parser's message.
        message: String,
    },
    /// A rule (SPARQL update) failed to run.
    #[error("rule {}: {message}", path.display())]
    Rule {
        /// The rule file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The data breaks the ontology's shapes.
    #[error("{} shape violation(s); the store was not changed:\n{}", .0.len(), list(.0))]
    Shapes(Vec<Violation>),
    /// The shapes use SHACL the checker does not implement; it refuses rather than skip them.
    #[error("{} SHACL construct(s) that the shape checker does not implement (it stops rather than skip them); the store was not changed:\n{}", .0.len(), list(.0))]
    UnsupportedShapes(Vec<Violation>),
    /// Attestations cite sentences that do not match the source texts.
    #[error("{} provenance problem(s); the store was not changed:\n{}", .0.len(), .0.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
    Provenance(Vec<String>),
    /// A `--store` path that a build must not replace.
    #[error("refusing to build into {}: {reason}", path.display())]
    UnsafeStore {
        /// The `--store` path.
        path: PathBuf,
        /// What is there and what to do.
        reason: String,
    },
    /// An output path that must not be written.
    #[error("refusing to write {}: {reason}", path.display())]
    UnsafeOutput {
        /// The `-o` path.
        path: PathBuf,
        /// Why, and what to do.
        reason: String,
    },
    /// The store's files cannot be read as a store.
    #[error("the store at {} is damaged ({reason}); rebuild it with `borderkg build`", path.display())]
    StoreDamaged {
        /// The store folder.
        path: PathBuf,
        /// What was found.
        reason: String,
    },
    /// Another build or import is writing the store.
    #[error("another build or import of {} is running ({holder}); wait for it, or pass --wait to queue behind it", path.display())]
    StoreBusy {
        /// The store folder.
        path: PathBuf,
        /// Who holds the lock, as it wrote itself into the lock file.
        holder: String,
    },
    /// A dataset file that cannot be imported, or a bad row with `--strict`.
    #[error("{0}")]
    Import(String),
    /// A part of the inputs that must be there is missing.
    #[error("{0}")]
    Missing(String),
    /// No store at the given place.
    #[error("no knowledge-graph store at {}: run `borderkg build` first (or pass --store DIR)", .0.display())]
    StoreMissing(PathBuf),
    /// A saved query name that does not exist.
    #[error("no saved query named `{name}`{}", suggest(.suggestions))]
    UnknownQuery {
        /// The name asked for.
        name: String,
        /// Close names.
        suggestions: Vec<String>,
    },
    /// A query parameter that is missing, unknown or malformed.
    #[error("{0}")]
    Parameter(String),
    /// A term (prefixed name, IRI or label) that resolves to nothing.
    #[error("{0}")]
    Term(String),
    /// A query ran past its time limit; no part of its answer is given.
    #[error("the query was stopped after {:.1} s, before it had a complete answer: raise --timeout or narrow the query", .0.as_secs_f64())]
    Timeout(std::time::Duration),
    /// A query made the process use more memory than allowed; no part of its answer is given.
    #[error("the query was stopped when the process used {} MB, over the limit of {} MB: raise --max-memory or narrow the query", .used / 1_048_576, .limit / 1_048_576)]
    MemoryLimit {
        /// Resident memory when it was stopped, in bytes.
        used: u64,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A query's answer has more rows than allowed; no part of it is given.
    #[error("the answer has more than {0} rows: raise --max-rows or add a LIMIT")]
    RowLimit(usize),
    /// A remote SPARQL endpoint could not be reached or gave an unusable answer.
    #[error(transparent)]
    Remote(#[from] crate::remote::RemoteError),
    /// Oxigraph storage error.
    #[error(transparent)]
    Storage(#[from] oxigraph::store::StorageError),
    /// Oxigraph query evaluation error.
    #[error(transparent)]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    /// Oxigraph loader error.
    #[error(transparent)]
    Loader(#[from] oxigraph::store::LoaderError),
    /// Oxigraph serializer error.
    #[error(transparent)]
    Serializer(#[from] oxigraph::store::SerializerError),
}

fn list(violations: &[Violation]) -> String {
    violations
        .iter()
        .map(|v| format!("  - {v}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn suggest(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; run `borderkg queries` to list them".to_owned()
    } else {
        format!(
            "; did you mean {}? (`borderkg queries` lists them all)",
            suggestions
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        )
    }
}

impl Error {
    /// Wraps an I/O error with its path.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            cause: source,
        }
    }

    /// Turns a SPARQL syntax error into one that names `origin` and the line and column in `text`.
    pub fn sparql_syntax(origin: &str, text: &str, err: &oxigraph::sparql::SparqlSyntaxError) -> Self {
        let message = err.to_string();
        let (line, column) = parse_line_col(&message).unwrap_or((1, 1));
        let position = Position::in_text(text, line.saturating_sub(1), column.saturating_sub(1));
        Self::SparqlSyntax {
            origin: origin.to_owned(),
            position,
            message: message
                .split_once(": ")
                .map_or(message.clone(), |(_, m)| m.to_owned()),
        }
    }
}

/// Reads `line:column` out of a message of the form `error at 3:14: expected …`.
fn parse_line_col(message: &str) -> Option<(u64, u64)> {
    let rest = message.split("error at ").nth(1)?;
    let loc = rest.split(':').take(2).collect::<Vec<_>>();
    let line = loc.first()?.trim().parse().ok()?;
    let column = loc.get(1)?.trim().parse().ok()?;
    Some((line, column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_peg_locations() {
        assert_eq!(parse_line_col("error at 3:14: expected one of"), Some((3, 14)));
        assert_eq!(parse_line_col("no location"), None);
    }

    #[test]
    fn position_points_at_the_column() {
        let p = Position::in_text("a\nbcd efg\n", 1, 4);
        assert_eq!(p.to_string(), "    bcd efg\n        ^");
        assert_eq!((p.line, p.column), (2, 5));
    }

    #[test]
    fn position_past_the_end_points_after_the_last_line_with_content() {
        let p = Position::in_text("SELECT * WHERE {\n  ?s ?p ?o\n\n", 3, 0);
        assert_eq!((p.line, p.column), (2, 11));
        assert_eq!(p.snippet, "  ?s ?p ?o");
    }

    #[test]
    fn control_bytes_never_reach_the_terminal() {
        let p = Position::in_text("a \u{1b}[31mred", 0, 2);
        assert!(!p.to_string().contains('\u{1b}'));
    }

    #[test]
    fn unknown_query_suggests() {
        let e = Error::UnknownQuery {
            name: "who-atacked".into(),
            suggestions: vec!["who-attacked".into()],
        };
        assert!(e.to_string().contains("did you mean `who-attacked`"));
    }
}
