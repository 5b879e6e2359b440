//! Source documents: finding an article file by its name and reading it as numbered sentences.

mod segment;

pub use segment::{segment, Sentence};

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A source article read from disk.
#[derive(Debug, Clone)]
pub struct Article {
    /// The file the article was read from.
    pub path: PathBuf,
    /// Its sentences.
    pub sentences: Vec<Sentence>,
}

/// Reads `<dir>/<file_name>` and segments it.
///
/// # Errors
/// [`Error::Io`] when the file cannot be read.
pub fn read_article(dir: &Path, file_name: &str) -> Result<Article> {
    let path = dir.join(file_name);
    let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
        path: path.clone(),
        source,
    })?;
    Ok(Article {
        sentences: segment(&text),
        path,
    })
}
