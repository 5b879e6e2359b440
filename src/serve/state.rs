//! What the server keeps between requests: the configuration, and the open store of the current
//! generation with what is worth computing once per generation (the names to search, the actor
//! network, the colour of each class). A rebuild publishes a new generation; the next request sees
//! it and opens that one, while requests still running finish on the old one. A remote store has
//! no generations to watch: what was computed from it is computed again after [`REMOTE_FRESH`].

use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use crate::error::Result;
use crate::projection::{ActorNetwork, ProjectionConfig, Weighting};
use crate::query::{Kb, Limits};
use crate::remote::Endpoint;
use crate::store::{self, OpenStore};

/// How long the names and the network read from a remote store are kept before they are read
/// again, so that the pages follow changes others make to it.
pub const REMOTE_FRESH: Duration = Duration::from_secs(300);

/// How the server was started.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store folder.
    pub store: PathBuf,
    /// A remote store to serve instead of the embedded one.
    pub endpoint: Option<Arc<Endpoint>>,
    /// The article files, for quoting sentences.
    pub sources: Option<PathBuf>,
    /// The saved queries' folder (`None`: the built-in ones).
    pub queries: Option<PathBuf>,
    /// Limits of every query.
    pub limits: Limits,
}

/// What the server reads.
#[derive(Debug)]
enum Graph {
    /// One generation of the embedded store.
    Embedded(OpenStore),
    /// A remote store.
    Remote(Arc<Endpoint>),
}

/// One generation of the store, opened (or the remote store, for a while), with its derived data
/// computed on first use.
pub struct Snapshot {
    graph: Graph,
    opened: Instant,
    limits: Limits,
    labels: OnceLock<Vec<(String, String)>>,
    names: OnceLock<std::collections::HashMap<String, String>>,
    network: OnceLock<Option<ActorNetwork>>,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("graph", &self.graph)
            .finish_non_exhaustive()
    }
}

impl Snapshot {
    /// The knowledge graph the pages read.
    pub fn kb(&self) -> &dyn Kb {
        match &self.graph {
            Graph::Embedded(store) => store,
            Graph::Remote(endpoint) => &**endpoint,
        }
    }

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
        let labels = crate::read::pages::labels(self.kb(), self.limits)?;
        Ok(self.labels.get_or_init(|| labels))
    }

    /// The name to show for `iri`: its preferred label, else its `rdfs:label`, else any name.
    pub fn name(&self, iri: &str) -> Option<&str> {
        let names = self
            .names
            .get_or_init(|| crate::read::pages::display_names(self.kb(), self.limits).unwrap_or_default());
        names.get(iri).map(String::as_str)
    }

    /// The file name (`bkg:fileName`) of the source `iri`.
    pub fn file_name(&self, iri: &str) -> Option<String> {
        let source = oxigraph::model::NamedNode::new(iri).ok()?;
        crate::read::pages::file_name(self.kb(), &source, self.limits)
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
                let mut network = crate::projection::project(self.kb(), &config).ok()?;
                network.complete_listed(self.kb()).ok()?;
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
        let newest = match &self.config.endpoint {
            Some(_) => None,
            None => store::current(&self.config.store)?,
        };
        let mut current = self
            .current
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(snapshot) = current.as_ref() {
            let fresh = match &snapshot.graph {
                Graph::Embedded(store) => newest.as_deref().is_none_or(|g| g == store.generation()),
                Graph::Remote(_) => snapshot.opened.elapsed() < REMOTE_FRESH,
            };
            if fresh {
                return Ok(Arc::clone(snapshot));
            }
        }
        let graph = match &self.config.endpoint {
            Some(endpoint) => Graph::Remote(Arc::clone(endpoint)),
            None => Graph::Embedded(store::open(&self.config.store)?),
        };
        let snapshot = Arc::new(Snapshot {
            graph,
            opened: Instant::now(),
            limits: self.config.limits,
            labels: OnceLock::new(),
            names: OnceLock::new(),
            network: OnceLock::new(),
        });
        *current = Some(Arc::clone(&snapshot));
        Ok(snapshot)
    }
}
