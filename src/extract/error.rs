//! The typed errors of the extractor: bad input bytes, bad lexicon rows, bad graph Turtle, bad dates.

use std::fmt;

/// Everything that can go wrong while loading dictionaries or extracting from an article.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The article is not UTF-8; `offset` is the first bad byte.
    #[error(
        "the article is not valid UTF-8 at byte {offset}; convert it to UTF-8 (e.g. with iconv) and retry"
    )]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The article looks like binary data (NUL bytes), not text.
    #[error("the article looks like binary data (NUL byte at {offset}); give a plain-text article")]
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },
    /// A gold-standard folder or file that cannot be read.
    #[error("gold standard: {0}")]
    Gold(String),
    /// A lexicon file has a malformed line.
    #[error("lexicon {file}, line {line}: {message}")]
    Lexicon {
        /// The lexicon file name.
        file: String,
        /// One-based line number.
        line: usize,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// A Turtle document given to the gazetteer does not parse.
    #[error("Turtle document {name}: {source}")]
    Turtle {
        /// The document's name as the caller gave it.
        name: String,
        /// The parser's error, with its position.
        source: oxttl::TurtleSyntaxError,
    },
    /// A date option is not `YYYY-MM-DD`.
    #[error("invalid date {value:?}: expected YYYY-MM-DD (fix --date)")]
    Date {
        /// The rejected value.
        value: String,
    },
    /// The name automaton could not be built.
    #[error("building the name matcher failed: {0}")]
    Automaton(#[from] aho_corasick::BuildError),
    /// Writing output failed.
    #[error("writing the extraction failed: {0}")]
    Io(#[from] std::io::Error),
    /// Serialising JSON failed.
    #[error("serialising JSON failed: {0}")]
    Json(#[from] serde_json::Error),
}

/// Result of the extractor's fallible functions.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A lexicon line error, built by the loaders.
pub(crate) fn lexicon_error(file: &str, line: usize, message: impl fmt::Display) -> Error {
    Error::Lexicon {
        file: file.to_owned(),
        line,
        message: message.to_string(),
    }
}
