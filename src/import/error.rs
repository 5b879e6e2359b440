//! Typed errors of the importers: one for a file that cannot be read at all, one for a single
//! bad row that the caller may skip and count, or treat as fatal with `--strict`.

use std::fmt;
use std::io;

/// A file, archive or header that cannot be imported at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file or an archive member could not be read.
    #[error("reading {file}: {source}")]
    Io {
        /// The file (or `archive!member`).
        file: String,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// A `.zip` archive is malformed or uses a feature the reader does not support.
    #[error("reading the zip archive {file}: {reason}")]
    Zip {
        /// The archive.
        file: String,
        /// What went wrong.
        reason: String,
    },
    /// The archive holds no CSV or TSV member.
    #[error("{file}: the archive holds no .csv, .tsv or .txt member to import")]
    EmptyArchive {
        /// The archive.
        file: String,
    },
    /// The layout of the file could not be recognised.
    #[error("{file}: cannot tell which dataset this is ({reason}); name it with --format ucdp|acled|gdelt")]
    Undetected {
        /// The file.
        file: String,
        /// What was seen.
        reason: String,
    },
    /// The header lacks columns the chosen dataset needs.
    #[error("{file}: the header has no column {missing} that a {dataset} file must have; check the file or its --format")]
    MissingColumn {
        /// The file.
        file: String,
        /// The dataset the file was taken for.
        dataset: &'static str,
        /// The missing column's name.
        missing: String,
    },
    /// The header row itself is unreadable.
    #[error("{file}: reading the header: {reason}")]
    Header {
        /// The file.
        file: String,
        /// What went wrong.
        reason: String,
    },
    /// The alias table is malformed.
    #[error("alias table line {line}: {reason}")]
    Aliases {
        /// 1-based line number in the TSV.
        line: usize,
        /// What went wrong.
        reason: String,
    },
    /// An embedded taxonomy does not parse.
    #[error("taxonomy {file}: {reason}")]
    Taxonomy {
        /// The Turtle file.
        file: &'static str,
        /// What went wrong.
        reason: String,
    },
}

/// One row that cannot be mapped: where it is and why.
///
/// `row` counts records as a spreadsheet shows them: the header is row 1, the first data row is
/// row 2, and a quoted field that spans several lines still belongs to one row. Files without a
/// header (GDELT) start at row 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct RowError {
    /// The file (or `archive!member`).
    pub file: String,
    /// The row number, 1-based.
    pub row: u64,
    /// The column, when one is at fault.
    pub column: Option<String>,
    /// Why the row is rejected.
    pub reason: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} row {}", self.file, self.row)?;
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

/// Where a row is, to build a [`RowError`] with.
#[derive(Debug, Clone, Copy)]
pub struct RowPos<'a> {
    /// The file (or `archive!member`).
    pub file: &'a str,
    /// The row number, 1-based.
    pub row: u64,
}

impl RowPos<'_> {
    /// A row error at this position, blaming `column`.
    pub fn err(&self, column: &str, reason: impl Into<String>) -> RowError {
        RowError {
            file: self.file.to_owned(),
            row: self.row,
            column: Some(column.to_owned()),
            reason: reason.into(),
        }
    }

    /// A row error at this position that no single column is to blame for.
    pub fn row_err(&self, reason: impl Into<String>) -> RowError {
        RowError {
            file: self.file.to_owned(),
            row: self.row,
            column: None,
            reason: reason.into(),
        }
    }
}
