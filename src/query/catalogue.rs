//! The saved queries: one `.rq` file per question in `queries/`, each opening with a comment header
//! that gives its title, description and parameters.
//!
//! ```text
//! # title: Who attacked whom
//! # description: Every attack with agent, target, place and date.
//! # param: actor iri  The actor to profile (IRI, prefixed name or label).
//! ```

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::resources::{self, Kind, Resource};

/// A declared parameter of a saved query: the SPARQL variable `?name` it binds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ParamSpec {
    /// Variable name, without `?`.
    pub name: String,
    /// How values are read.
    pub kind: TermKind,
    /// Whether the query may run without it.
    pub optional: bool,
    /// What it means.
    pub description: String,
}

/// A saved query.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SavedQuery {
    /// Its name: the file stem.
    pub name: String,
    /// The file.
    pub path: PathBuf,
    /// One-line title.
    pub title: String,
    /// Longer description.
    pub description: String,
    /// Declared parameters.
    pub params: Vec<ParamSpec>,
    /// The SPARQL text.
    #[serde(skip)]
    pub text: String,
}

impl SavedQuery {
    /// The parameters it needs that are not among `given`.
    pub fn missing<'a>(&'a self, given: &[String]) -> Vec<&'a ParamSpec> {
        self.params
            .iter()
            .filter(|p| !p.optional && !given.contains(&p.name))
            .collect()
    }

    /// Reads a query file and its header.
    ///
    /// # Errors
    /// [`Error::Io`] when unreadable, [`Error::Parameter`] for a malformed `# param:` line.
    pub fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Self::from_text(path, text)
    }

    /// Reads a saved query from a built-in or on-disk resource.
    ///
    /// # Errors
    /// As [`SavedQuery::read`].
    pub fn from_resource(resource: &Resource) -> Result<Self> {
        Self::from_text(&resource.path(), resource.text()?)
    }

    fn from_text(path: &Path, text: String) -> Result<Self> {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut query = Self {
            title: name.clone(),
            name,
            path: path.to_owned(),
            description: String::new(),
            params: Vec::new(),
            text: String::new(),
        };
        for (i, line) in text.lines().enumerate() {
            let Some(comment) = line.trim().strip_prefix('#') else {
                if line.trim().is_empty() {
                    continue;
                }
                break;
            };
            let comment = comment.trim();
            if let Some(title) = comment.strip_prefix("title:") {
                query.title = title.trim().to_owned();
            } else if let Some(d) = comment.strip_prefix("description:") {
                query.description = d.trim().to_owned();
            } else if let Some(p) = comment.strip_prefix("param:") {
                query.params.push(
                    parse_param(p)
                        .map_err(|m| Error::Parameter(format!("{}:{}: {m}", path.display(), i + 1)))?,
                );
            }
        }
        query.text = text;
        Ok(query)
    }
}

/// `name kind [optional] description…`
fn parse_param(spec: &str) -> Result<ParamSpec, String> {
    let mut words = spec.split_whitespace();
    let name = words
        .next()
        .ok_or("a `# param:` line needs a name, a kind and a description")?
        .trim_start_matches('?')
        .to_owned();
    let kind: TermKind = words
        .next()
        .ok_or("a `# param:` line needs a kind (iri, literal, integer)")?
        .parse()?;
    let rest: Vec<&str> = words.collect();
    let optional = rest.first() == Some(&"optional");
    let description = rest[usize::from(optional)..].join(" ");
    Ok(ParamSpec {
        name,
        kind,
        optional,
        description,
    })
}

/// Every saved query in `dir` (the built-in ones when `None`), sorted by name.
///
/// # Errors
/// An unreadable folder or query file.
pub fn list(dir: Option<&Path>) -> Result<Vec<SavedQuery>> {
    let mut all = resources::load(Kind::Queries, dir, "rq")?
        .files
        .iter()
        .map(SavedQuery::from_resource)
        .collect::<Result<Vec<_>>>()?;
    all.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(all)
}

/// The saved query called `name` in `dir` (the built-in ones when `None`).
///
/// # Errors
/// [`Error::UnknownQuery`] with the closest names when there is none.
pub fn find(dir: Option<&Path>, name: &str) -> Result<SavedQuery> {
    let all = list(dir)?;
    if let Some(q) = all.iter().find(|q| q.name == name) {
        return Ok(q.clone());
    }
    let mut scored: Vec<(f64, &str)> = all
        .iter()
        .map(|q| {
            let score =
                strsim::jaro_winkler(name, &q.name).max(if q.name.contains(name) || name.contains(&q.name) {
                    0.9
                } else {
                    0.0
                });
            (score, q.name.as_str())
        })
        .filter(|(s, _)| *s >= 0.75)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    Err(Error::UnknownQuery {
        name: name.to_owned(),
        suggestions: scored.into_iter().take(3).map(|(_, n)| n.to_owned()).collect(),
    })
}

/// How a parameter value is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermKind {
    /// An IRI: `<iri>`, `prefix:local`, or a label of something in the store.
    Iri,
    /// A string (or a literal in N-Triples syntax).
    Literal,
    /// An integer.
    Integer,
}

impl std::fmt::Display for TermKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Iri => "iri",
            Self::Literal => "literal",
            Self::Integer => "integer",
        })
    }
}

impl std::str::FromStr for TermKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "iri" => Ok(Self::Iri),
            "literal" | "string" => Ok(Self::Literal),
            "integer" => Ok(Self::Integer),
            other => Err(format!(
                "unknown parameter kind `{other}` (iri, literal or integer)"
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str) {
        std::fs::write(dir.join(name), text).expect("write");
    }

    #[test]
    fn reads_header() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            "actor-profile.rq",
            "# title: Everything about one actor\n# description: All of it.\n# param: actor iri The actor.\n# param: limit integer optional How many.\nSELECT * WHERE { ?actor ?p ?o }\n",
        );
        let q = find(Some(dir.path()), "actor-profile").expect("found");
        assert_eq!(q.title, "Everything about one actor");
        assert_eq!(q.params.len(), 2);
        assert_eq!(q.params[0].kind, TermKind::Iri);
        assert!(!q.params[0].optional);
        assert!(q.params[1].optional);
        assert_eq!(q.params[1].description, "How many.");
    }

    #[test]
    fn unknown_name_suggests_closest() {
        let dir = tempfile::tempdir().expect("tempdir");
        for n in ["who-attacked.rq", "timeline.rq", "borders.rq"] {
            write(dir.path(), n, "SELECT * {}");
        }
        let err = find(Some(dir.path()), "who-atacked").expect_err("missing");
        let Error::UnknownQuery { suggestions, .. } = err else {
            panic!("wrong error {err}");
        };
        assert_eq!(suggestions.first().map(String::as_str), Some("who-attacked"));
    }

    #[test]
    fn bad_param_kind_names_the_line() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(
            dir.path(),
            "x.rq",
            "# title: x\n# param: a nonsense d\nSELECT * {}",
        );
        let err = find(Some(dir.path()), "x").expect_err("bad");
        assert!(err.to_string().contains("x.rq:2"), "{err}");
    }
}
