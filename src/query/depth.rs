//! Refuses SPARQL text nested deeper than the parser can recurse: thousands of `(` or `{` would
//! overflow the stack of the recursive-descent parser and abort the process without a message.

use crate::error::{Error, Position, Result};

/// The deepest nesting of `(`, `{` and `[` accepted in a query or update.
pub const MAX_DEPTH: usize = 200;

/// Checks that brackets in `text` (outside strings, IRIs and comments) nest at most [`MAX_DEPTH`]
/// deep.
///
/// # Errors
/// [`Error::SparqlSyntax`] at the first bracket past the limit.
pub fn check_nesting(origin: &str, text: &str) -> Result<()> {
    let mut depth = 0usize;
    let mut line = 0u64;
    let mut column = 0u64;
    let mut chars = text.chars().peekable();
    let rest_of_iri = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
        let ahead: String = chars
            .clone()
            .take_while(|c| *c != '>' && !c.is_whitespace())
            .collect();
        let closed = chars.clone().nth(ahead.chars().count()) == Some('>');
        if closed {
            for _ in 0..=ahead.chars().count() {
                chars.next();
            }
        }
        u64::try_from(ahead.chars().count() + 1).unwrap_or(0) * u64::from(closed)
    };
    while let Some(c) = chars.next() {
        match c {
            '\n' => {
                line += 1;
                column = 0;
                continue;
            }
            '#' => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        column = 0;
                        break;
                    }
                }
                continue;
            }
            '"' | '\'' => {
                let mut escaped = false;
                for s in chars.by_ref() {
                    column += 1;
                    if s == '\n' {
                        line += 1;
                        column = 0;
                    }
                    if escaped {
                        escaped = false;
                    } else if s == '\\' {
                        escaped = true;
                    } else if s == c {
                        break;
                    }
                }
            }
            '<' => column += rest_of_iri(&mut chars),
            '(' | '{' | '[' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(Error::SparqlSyntax {
                        origin: origin.to_owned(),
                        position: Position::in_text(text, line, column),
                        message: format!(
                            "brackets nested more than {MAX_DEPTH} deep; write the query with fewer nested groups"
                        ),
                    });
                }
            }
            ')' | '}' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        column += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_nesting_is_refused_with_its_position() {
        let text = format!("SELECT * WHERE {}{}", "{ ".repeat(5_000), "}".repeat(5_000));
        let err = check_nesting("q", &text).expect_err("too deep");
        assert!(err.to_string().contains("nested more than"), "{err}");
        let ok = format!("SELECT * WHERE {} ?s ?p ?o {}", "{".repeat(50), "}".repeat(50));
        check_nesting("q", &ok).expect("fine");
    }

    #[test]
    fn brackets_in_strings_iris_and_comments_do_not_count() {
        let noise = "(((((((((((".repeat(40);
        let text = format!(
            "# {noise}\nSELECT * WHERE {{ ?s <http://e/{}> \"{noise}\" }}",
            "x".repeat(3)
        );
        check_nesting("q", &text).expect("fine");
        assert!(check_nesting("q", "SELECT * WHERE { FILTER(?a < ?b) }").is_ok());
    }
}
