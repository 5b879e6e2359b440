//! Writing an import into the store, atomically. A new generation starts as a checkpoint of the
//! current one (hard links, so it costs nothing) when the import replaces no dataset graph that
//! holds triples, and otherwise as a bulk copy of every graph the import keeps, which is far faster
//! than deleting the replaced triples one by one. Each dataset's graph is then loaded from the files
//! given for it, the rules are derived again and the shapes checked, and only then is the generation
//! published. A failed or killed import leaves the previous store as it was.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use oxigraph::model::{GraphName, Quad, Term};
use oxigraph::store::Store;

use super::{dataset_graph, open, quads, CuratedPlace, Dataset, Mapper, PlaceLevel, Reconciler, Taxonomy};
use super::{parse_wkt_point, Unmatched, ACTOR_ALIASES, LABELS_QUERY, PLACES_QUERY};
use crate::build::{check_curated_shapes, rules, StreamCheck};
use crate::error::{Error, Result};
use crate::ingest::Inputs;
use crate::query::{select_in, Scope};
use crate::store::{WhenBusy, Writer, BULK_BATCH_QUADS};
use crate::vocab::{DERIVED_GRAPH, ONTOLOGY_GRAPH};

/// What to import and where.
#[derive(Debug, Clone)]
pub struct ImportConfig {
    /// The store folder (it must hold a built store).
    pub store: PathBuf,
    /// The dataset files (plain, `.gz` or `.zip`).
    pub files: Vec<PathBuf>,
    /// The dataset, when not detected from each file.
    pub dataset: Option<Dataset>,
    /// Stop at the first bad row instead of skipping it.
    pub strict: bool,
    /// Ontology folder whose rules and shapes apply; the built-in ontology when `None`.
    pub ontology: Option<PathBuf>,
    /// What to do when another build or import is writing the store.
    pub when_busy: WhenBusy,
}

/// Progress of an import, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// Waiting for another writer.
    Waiting,
    /// Reading a file: what was detected.
    File(String),
    /// Rows read so far in the current file.
    Rows(u64),
    /// Deriving the actor network again.
    Rules,
    /// Checking shapes.
    Shapes,
}

/// What an import did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ImportSummary {
    /// One line per file (or archive member): what was detected.
    pub detected: Vec<String>,
    /// Rows imported.
    pub rows: u64,
    /// Bad rows skipped.
    pub skipped: u64,
    /// The first bad rows, with file, row, column and reason.
    pub bad_rows: Vec<String>,
    /// The named graphs replaced.
    pub graphs: Vec<String>,
    /// Triples in the store before and after.
    pub triples_before: usize,
    /// Triples in the store after the import.
    pub triples_after: usize,
    /// Triples the rules derived.
    pub derived: usize,
    /// Seconds spent reading and loading rows, deriving the rules, and checking shapes.
    pub seconds: [f64; 3],
    /// Names no alias or label matched.
    #[serde(skip)]
    pub unmatched: Vec<Unmatched>,
}

/// How many bad rows the summary lists (all are counted).
const LISTED_BAD_ROWS: usize = 20;

/// Imports `config.files` into the store.
///
/// # Errors
/// No store built yet, another writer (with [`WhenBusy::Fail`]), an unreadable or unrecognised
/// file, a bad row with `strict`, a rule or shape failure, or a storage error; the store is then
/// unchanged.
pub fn import(config: &ImportConfig, mut on_progress: impl FnMut(Progress)) -> Result<ImportSummary> {
    let inputs = Inputs::discover(config.ontology.as_deref(), None, &[])?;
    let rules = rules::parse_rules(&inputs.rules)?;
    let taxonomy = Taxonomy::load().map_err(|e| Error::Import(e.to_string()))?;
    let writer = Writer::acquire(&config.store, config.when_busy, |_| {
        on_progress(Progress::Waiting)
    })?;
    let staging = writer.staging()?;
    let triples_before = {
        let current = crate::store::open(&config.store)?;
        let before = current.len()?;
        let replaced = replaced_graphs(&current, config)?;
        if replaced.is_empty() {
            std::fs::remove_dir(staging.path()).map_err(|e| Error::io(staging.path(), e))?;
            current.backup(staging.path())?;
        } else {
            copy_all_but(&current, &Store::open(staging.path())?, &replaced)?;
        }
        before
    };
    let mut summary = ImportSummary::default();
    {
        let store = Store::open(staging.path())?;
        summary.triples_before = triples_before;
        let mut reconciler = reconciler(&store)?;
        let mut mapper = Mapper::new(&mut reconciler, &taxonomy);
        let mut checks = BTreeMap::new();
        let mut checking = Duration::ZERO;
        let started = Instant::now();
        for path in &config.files {
            let mut file = FileLoad {
                store: &store,
                config,
                checks: &mut checks,
                checking: &mut checking,
                summary: &mut summary,
            };
            file.load(path, &mut mapper, &mut on_progress)?;
        }
        summary.unmatched = mapper.reconciler().unmatched();
        summary.graphs = checks.keys().cloned().collect();
        summary.seconds[0] = started.elapsed().saturating_sub(checking).as_secs_f64();

        on_progress(Progress::Rules);
        let started = Instant::now();
        store.clear_graph(DERIVED_GRAPH)?;
        let stats = rules::apply(&store, &rules)?;
        summary.derived = stats.iter().map(|s| s.added).sum();
        summary.seconds[1] = started.elapsed().as_secs_f64();
        on_progress(Progress::Shapes);
        let started = Instant::now();
        check_curated_shapes(&store, &inputs, false)?;
        for check in checks.into_values() {
            check.finish(&store)?;
        }
        summary.seconds[2] = (started.elapsed() + checking).as_secs_f64();
        summary.triples_after = store.len()?;
        store.flush()?;
    }
    staging.publish()?;
    Ok(summary)
}

/// The reconciler over the labels and places of the curated graph (not of earlier imports, whose
/// minted entities each import describes again in its own graph).
fn reconciler(store: &Store) -> Result<Reconciler> {
    let curated = Scope::Graphs(vec![
        GraphName::DefaultGraph,
        GraphName::NamedNode(ONTOLOGY_GRAPH.into_owned()),
    ]);
    let text = |t: Option<&Term>| match t {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
        Some(Term::Literal(l)) => Some(l.value().to_owned()),
        _ => None,
    };
    let labels: Vec<(String, String)> = select_in(store, "import labels", LABELS_QUERY, &[], &curated)?
        .iter()
        .filter_map(|row| Some((text(row.get("iri"))?, text(row.get("label"))?)))
        .collect();
    let places: Vec<CuratedPlace> = select_in(store, "import places", PLACES_QUERY, &[], &curated)?
        .iter()
        .filter_map(|row| {
            Some(CuratedPlace {
                iri: text(row.get("iri"))?,
                label: text(row.get("label"))?,
                country: text(row.get("country")),
                level: PlaceLevel::from_class(&text(row.get("class"))?),
                point: text(row.get("point")).and_then(|p| parse_wkt_point(&p)),
            })
        })
        .collect();
    Ok(Reconciler::new(ACTOR_ALIASES, labels.into_iter())
        .map_err(|e| Error::Import(e.to_string()))?
        .with_places(places.into_iter()))
}

/// The dataset graphs this import replaces that already hold triples in `current`.
fn replaced_graphs(current: &Store, config: &ImportConfig) -> Result<HashSet<GraphName>> {
    let mut replaced = HashSet::new();
    for path in &config.files {
        let readers =
            open(path, config.dataset).map_err(|e| Error::Import(format!("{}: {e}", path.display())))?;
        for reader in readers {
            let graph = GraphName::NamedNode(dataset_graph(reader.layout().dataset()));
            if current
                .quads_for_pattern(None, None, None, Some(graph.as_ref()))
                .next()
                .is_some()
            {
                replaced.insert(graph);
            }
        }
    }
    Ok(replaced)
}

/// Fills `staging` with every graph of `current` except `replaced` and the derived graph (which the
/// rules derive again): the bulk loader writes the kept triples far faster than the store deletes
/// the replaced ones one by one.
fn copy_all_but(current: &Store, staging: &Store, replaced: &HashSet<GraphName>) -> Result<()> {
    let mut graphs = vec![GraphName::DefaultGraph];
    for graph in current.named_graphs() {
        graphs.push(graph?.into());
    }
    graphs.retain(|g| !replaced.contains(g) && *g != GraphName::NamedNode(DERIVED_GRAPH.into_owned()));
    let mut loader = crate::store::bulk_loader(staging);
    for graph in &graphs {
        loader.load_ok_quads::<_, Error>(
            current
                .quads_for_pattern(None, None, None, Some(graph.as_ref()))
                .map(|q| q.map_err(Error::from)),
        )?;
    }
    loader.commit()?;
    Ok(())
}

/// One file's load: where its rows go and what it reports.
struct FileLoad<'s> {
    store: &'s Store,
    config: &'s ImportConfig,
    /// The shape check of each dataset graph this import writes, by graph IRI.
    checks: &'s mut BTreeMap<String, StreamCheck>,
    /// Time spent checking shapes on the batches.
    checking: &'s mut Duration,
    summary: &'s mut ImportSummary,
}

impl FileLoad<'_> {
    /// Streams one file's rows into the store, a batch of quads at a time, each batch checked
    /// against the shapes before it is loaded; a dataset's graph is cleared the first time the
    /// dataset is met in this import.
    fn load(
        &mut self,
        path: &Path,
        mapper: &mut Mapper<'_>,
        on_progress: &mut impl FnMut(Progress),
    ) -> Result<()> {
        let readers =
            open(path, self.config.dataset).map_err(|e| Error::Import(format!("{}: {e}", path.display())))?;
        for reader in readers {
            let graph = dataset_graph(reader.layout().dataset());
            if !self.checks.contains_key(graph.as_str()) {
                self.store.clear_graph(graph.as_ref())?;
                let check = StreamCheck::new(self.store, &graph)?;
                self.checks.insert(graph.as_str().to_owned(), check);
            }
            let detection = reader.detection();
            on_progress(Progress::File(detection.clone()));
            self.summary.detected.push(detection);
            let mut loader = crate::store::bulk_loader(self.store);
            let mut batch: Vec<Quad> = Vec::with_capacity(BULK_BATCH_QUADS);
            let (mut rows, mut skipped) = (0u64, 0u64);
            for row in quads(reader, mapper) {
                rows += 1;
                if rows.is_multiple_of(10_000) {
                    on_progress(Progress::Rows(rows));
                }
                match row {
                    Ok(quads) => batch.extend(quads),
                    Err(row_error) if self.config.strict => {
                        return Err(Error::Import(format!(
                            "{row_error}; nothing was imported (without --strict, bad rows are skipped and counted)"
                        )));
                    }
                    Err(row_error) => {
                        skipped += 1;
                        if self.summary.bad_rows.len() < LISTED_BAD_ROWS {
                            self.summary.bad_rows.push(row_error.to_string());
                        }
                    }
                }
                if batch.len() >= BULK_BATCH_QUADS {
                    self.flush(&graph, &mut batch, &mut loader)?;
                }
            }
            self.flush(&graph, &mut batch, &mut loader)?;
            loader.commit()?;
            self.summary.rows += rows - skipped;
            self.summary.skipped += skipped;
        }
        Ok(())
    }

    /// Checks `batch` against the shapes of `graph` and hands it to the loader.
    fn flush(
        &mut self,
        graph: &oxigraph::model::NamedNode,
        batch: &mut Vec<Quad>,
        loader: &mut oxigraph::store::BulkLoader<'_>,
    ) -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let started = Instant::now();
        if let Some(check) = self.checks.get_mut(graph.as_str()) {
            check.batch(self.store, batch)?;
        }
        *self.checking += started.elapsed();
        loader.load_quads(std::mem::replace(batch, Vec::with_capacity(BULK_BATCH_QUADS)))?;
        Ok(())
    }
}
