//! What the server keeps between requests: the configuration, and the open store of the current
//! generation with what is worth computing once per generation (the names to search, the actor
//! network, the colour of each class). A rebuild publishes a new generation; the next request sees
//! it and opens that one, while requests still running finish on the old one.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use crate::error::Result;
use crate::projection::{ActorNetwork, ProjectionConfig, Weighting};
use crate::query::Limits;
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

impl Snapshot {
    /// The server's limits, which every page's queries run within.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Every (IRI, name) pair of the graph's own entities: preferred labels, aliases and metonyms.
    ///
    /// # Errors
    /// A query error.
    pub fn labels(&self) -> Result<&[(String, String)]> {
        if let Some(labels) = self.labels.get() {
            return Ok(labels);
        }
        let labels = crate::read::pages::labels(&*self.store, self.limits)?;
        Ok(self.labels.get_or_init(|| labels))
    }

    /// The name to show for `iri`: its preferred label, else its `rdfs:label`, else any name.
    pub fn name(&self, iri: &str) -> Option<&str> {
        let names = self
            .names
            .get_or_init(|| crate::read::pages::display_names(&*self.store, self.limits).unwrap_or_default());
        names.get(iri).map(String::as_str)
    }

    /// The file name (`bkg:fileName`) of the source `iri`.
    pub fn file_name(&self, iri: &str) -> Option<String> {
        let source = oxigraph::model::NamedNode::new(iri).ok()?;
        crate::read::pages::file_name(&*self.store, &source, self.limits)
            .ok()
            .flatten()
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
                let mut network = crate::projection::project(&self.store, &config).ok()?;
                network.complete_listed(&self.store).ok()?;
                Some(network)
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
