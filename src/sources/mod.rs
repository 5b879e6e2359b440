//! Source documents: finding an article file by its name and reading it as numbered sentences.

mod segment;

pub use segment::{segment, Sentence};

use std::collections::BTreeMap;
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
    let text = std::fs::read_to_string(&path).map_err(|cause| Error::Io {
        path: path.clone(),
        cause,
    })?;
    Ok(Article {
        sentences: segment(&text),
        path,
    })
}

/// Looks up cited sentences in the article files of a folder, reading each article once.
#[derive(Debug, Default)]
pub struct Quoter {
    dir: Option<PathBuf>,
    articles: BTreeMap<String, Article>,
}

impl Quoter {
    /// A quoter over the articles in `dir`; with `None` it quotes nothing.
    pub fn new(dir: Option<&Path>) -> Self {
        Self {
            dir: dir.map(Path::to_owned),
            articles: BTreeMap::new(),
        }
    }

    /// The text of sentence `index` of `file`, when a folder was given and it has that sentence.
    ///
    /// # Errors
    /// [`Error::Io`] when the article cannot be read.
    pub fn sentence(&mut self, file: &str, index: u64) -> Result<Option<String>> {
        let Some(dir) = &self.dir else {
            return Ok(None);
        };
        if !self.articles.contains_key(file) {
            self.articles.insert(file.to_owned(), read_article(dir, file)?);
        }
        Ok(self
            .articles
            .get(file)
            .and_then(|a| usize::try_from(index).ok().and_then(|i| a.sentences.get(i)))
            .map(|s| s.text.clone()))
    }
}
