//! What the server keeps between requests: the configuration, and the open store of the current
//! generation with what is worth computing once per generation (the names to search, the actor
//! network, the colour of each class). A rebuild publishes a new generation; the next request sees
//! it and opens that one, while requests still running finish on the old one.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use oxigraph::model::Term;

use crate::error::Result;
use crate::projection::{ActorNetwork, ProjectionConfig, Weighting};
use crate::query::{Answer, Limits, Row, Scope};
use crate::store::{self, OpenStore};

/// How the server was started.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store folder.
    pub store: PathBuf,
    /// The article files, for quoting sentences.
    pub sources: Option<PathBuf>,
    /// The saved queries' folder (`None`: the built-in ones).
    pub queries: Option<PathBuf>,
    /// Limits of every query.
    pub limits: Limits,
}

/// One generation of the store, opened, with its derived data computed on first use.
pub struct Snapshot {
    /// The store.
    pub store: OpenStore,
    limits: Limits,
    labels: OnceLock<Vec<(String, String)>>,
    names: OnceLock<std::collections::HashMap<String, String>>,
    network: OnceLock<Option<ActorNetwork>>,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

const LABELS: &str = "SELECT DISTINCT ?s ?label WHERE {
  ?s skos:prefLabel|skos:altLabel|rdfs:label|bkg:metonym ?label .
  FILTER(isIRI(?s) && STRSTARTS(STR(?s), STR(id:)))
}";

/// Names by preference: each subject's first row wins.
const NAMES: &str = "SELECT ?s ?name WHERE {
  { ?s skos:prefLabel ?name BIND(0 AS ?rank) } UNION { ?s rdfs:label ?name BIND(1 AS ?rank) }
  UNION { ?s skos:altLabel ?name BIND(2 AS ?rank) }
  FILTER(isIRI(?s))
} ORDER BY ?s ?rank ?name";

impl Snapshot {
    /// Runs a page's SELECT `text` (named `origin` in errors) with `bindings`, within the server's
    /// limits, and returns its rows.
    ///
    /// # Errors
    /// As [`crate::query::run`]: a page whose query runs past the limits fails like any query.
    pub fn select(&self, origin: &str, text: &str, bindings: &[(&str, Term)]) -> Result<Vec<Row>> {
        crate::query::select_within(&self.store, origin, text, bindings, self.limits, &Scope::Union)
    }

    /// Whether the ASK `text` holds, within the server's limits.
    ///
    /// # Errors
    /// As [`Snapshot::select`].
    pub fn ask(&self, origin: &str, text: &str) -> Result<bool> {
        Ok(matches!(
            crate::query::run(&self.store, origin, text, Vec::new(), self.limits)?,
            Answer::Boolean(true)
        ))
    }

    /// Every (IRI, name) pair of the graph's own entities: preferred labels, aliases and metonyms.
    ///
    /// # Errors
    /// A query error.
    pub fn labels(&self) -> Result<&[(String, String)]> {
        if let Some(labels) = self.labels.get() {
            return Ok(labels);
        }
        let rows = self.select("labels", LABELS, &[])?;
        let labels = rows
            .into_iter()
            .filter_map(|row| match (row.get("s"), row.get("label")) {
                (Some(Term::NamedNode(s)), Some(Term::Literal(l))) => {
                    Some((s.as_str().to_owned(), l.value().to_owned()))
                }
                _ => None,
            })
            .collect();
        Ok(self.labels.get_or_init(|| labels))
    }

    /// The name to show for `iri`: its preferred label, else its `rdfs:label`, else any name.
    pub fn name(&self, iri: &str) -> Option<&str> {
        let names = self.names.get_or_init(|| {
            let mut names = std::collections::HashMap::new();
            if let Ok(rows) = self.select("names", NAMES, &[]) {
                for row in rows {
                    if let (Some(Term::NamedNode(s)), Some(Term::Literal(l))) =
                        (row.get("s"), row.get("name"))
                    {
                        names
                            .entry(s.as_str().to_owned())
                            .or_insert_with(|| l.value().to_owned());
                    }
                }
            }
            names
        });
        names.get(iri).map(String::as_str)
    }

    /// The file name (`bkg:fileName`) of the source `iri`.
    pub fn file_name(&self, iri: &str) -> Option<String> {
        let source = oxigraph::model::NamedNode::new(iri).ok()?;
        let property = oxigraph::model::NamedNode::new(format!("{}fileName", crate::vocab::BKG)).ok()?;
        let quad = self
            .store
            .quads_for_pattern(Some(source.as_ref().into()), Some(property.as_ref()), None, None)
            .next()?
            .ok()?;
        match quad.object {
            Term::Literal(l) => Some(l.value().to_owned()),
            _ => None,
        }
    }

    /// The actor network with the default projection (every network relation, events as weight),
    /// `None` when the store has no ties.
    pub fn network(&self) -> Option<&ActorNetwork> {
        self.network
            .get_or_init(|| {
                let config = ProjectionConfig {
                    weighting: Weighting::Events,
                    ..ProjectionConfig::default()
                };
                crate::projection::project(&self.store, &config).ok()
            })
            .as_ref()
    }
}

/// The shared state of the server.
#[derive(Debug)]
pub struct State {
    /// The configuration.
    pub config: Config,
    current: Mutex<Option<Arc<Snapshot>>>,
}

impl State {
    /// A state for `config`; the store is opened by the first request.
    pub fn new(config: Config) -> Self {
        Self {
            config,
            current: Mutex::new(None),
        }
    }

    /// The snapshot of the current generation, opening it when a rebuild published a new one.
    ///
    /// # Errors
    /// The store cannot be opened.
    pub fn snapshot(&self) -> Result<Arc<Snapshot>> {
        let newest = store::current(&self.config.store)?;
        let mut current = self
            .current
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(snapshot) = current.as_ref() {
            if newest.as_deref().is_none_or(|g| g == snapshot.store.generation()) {
                return Ok(Arc::clone(snapshot));
            }
        }
        let snapshot = Arc::new(Snapshot {
            store: store::open(&self.config.store)?,
            limits: self.config.limits,
            labels: OnceLock::new(),
            names: OnceLock::new(),
            network: OnceLock::new(),
        });
        *current = Some(Arc::clone(&snapshot));
        Ok(snapshot)
    }
}
