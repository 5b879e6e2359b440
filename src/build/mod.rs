//! `build`: parse ontology and data, load them into a fresh Oxigraph store beside the old one,
//! apply the rules, validate shapes and provenance, then swap the new store in.

mod checks;
pub(crate) mod digest;
mod provenance;
pub(crate) mod rules;
mod shapes;
mod summary;

pub use rules::{Rule, RuleStat};
pub(crate) use shapes::StreamCheck;
pub use summary::BuildSummary;

use std::path::PathBuf;

use oxigraph::model::{GraphName, NamedOrBlankNode, Quad};
use oxigraph::store::Store;

use crate::error::Result;
use crate::ingest::Inputs;
use crate::store::{WhenBusy, Writer};
use crate::vocab::{IMPORT_GRAPHS, ONTOLOGY_GRAPH};
use shapes::ShapeSet;

/// What to build from and where.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    /// Folder of the on-disk store to (re)place.
    pub store: PathBuf,
    /// Ontology folder (Turtle + `rules/*.ru`); the built-in ontology when `None`.
    pub ontology: Option<PathBuf>,
    /// Data folder (Turtle); the built-in curated data when `None`.
    pub data: Option<PathBuf>,
    /// Turtle files or folders added to the data.
    pub add: Vec<PathBuf>,
    /// Folder of the source articles; when given, every attestation is checked against them.
    pub sources: Option<PathBuf>,
    /// What to do when another build or import is writing the same store.
    pub when_busy: WhenBusy,
    /// Build even when the ontology has no rules.
    pub allow_no_rules: bool,
    /// Build even when the ontology has no shapes.
    pub allow_no_shapes: bool,
}

/// The stages of a build, reported to a progress observer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Parsing the Turtle files.
    Parsing,
    /// Waiting for another build or import of the same store to finish.
    WaitingForLock,
    /// Loading the triples into the new store.
    Loading,
    /// Applying the rules.
    Rules,
    /// Checking shapes.
    Shapes,
    /// Checking attestations against the articles.
    Provenance,
    /// Counting and swapping the store in.
    Finishing,
}

/// Builds the store described by `config`, calling `on_stage` as each stage starts.
///
/// Readers see the new store only once every stage succeeded: it is written as a new generation
/// of the store folder and published by replacing the generation pointer (see [`crate::store`]).
///
/// # Errors
/// The first failing stage's error: unreadable input, Turtle or SPARQL syntax, a failing rule,
/// shape violations, provenance mismatches, or a storage error.
pub fn build(config: &BuildConfig, mut on_stage: impl FnMut(Stage)) -> Result<BuildSummary> {
    let inputs_in_use: Vec<(&str, &std::path::Path)> = [
        config.ontology.as_deref().map(|p| ("--ontology", p)),
        config.data.as_deref().map(|p| ("--data", p)),
        config.sources.as_deref().map(|p| ("--sources", p)),
    ]
    .into_iter()
    .flatten()
    .chain(config.add.iter().map(|p| ("--add", p.as_path())))
    .collect();
    crate::store::check_replaceable(&config.store, &inputs_in_use)?;
    on_stage(Stage::Parsing);
    let inputs = Inputs::discover(config.ontology.as_deref(), config.data.as_deref(), &config.add)?;
    let rules = rules::parse_rules(&inputs.rules)?;
    if rules.is_empty() && !config.allow_no_rules {
        return Err(crate::Error::Missing(
            "the ontology has no rules (rules/*.ru), so the actor network would be empty: restore \
             ontology/rules/, or pass --allow-no-rules if that is intended"
                .into(),
        ));
    }

    let writer = Writer::acquire(&config.store, config.when_busy, |_| {
        on_stage(Stage::WaitingForLock)
    })?;
    on_stage(Stage::Loading);
    let staging = writer.staging()?;
    let mut summary = {
        let store = Store::open(staging.path())?;
        load_inputs(&store, &inputs)?;
        let (carried, import_checks) = carry_imports(&config.store, &store)?;
        let asserted = store.len()?;

        on_stage(Stage::Rules);
        let stats = rules::apply(&store, &rules)?;

        on_stage(Stage::Shapes);
        check_curated_shapes(&store, &inputs, config.allow_no_shapes)?;
        for check in import_checks {
            check.finish(&store)?;
        }

        if let Some(dir) = &config.sources {
            on_stage(Stage::Provenance);
            provenance::check(&store, dir)?;
        }

        on_stage(Stage::Finishing);
        let mut summary = summary::summarize(&store)?;
        summary.warnings = checks::warnings(&store)?;
        summary.asserted = asserted;
        summary.derived = summary.triples.saturating_sub(asserted);
        summary.files = inputs.turtle_count();
        summary.ontology_from = inputs.ontology.origin.to_string();
        summary.data_from = inputs.data.iter().map(|d| d.origin.to_string()).collect();
        summary.data_from.extend(carried);
        summary.skipped = inputs
            .skipped()
            .map(|s| format!("{}: {}", s.path.display(), s.reason))
            .collect();
        summary.rules = stats;
        store.flush()?;
        summary
    };
    summary.cleaned = writer
        .cleaned
        .iter()
        .map(|(path, bytes)| format!("{} ({} MB)", path.display(), bytes / 1_048_576))
        .collect();
    staging.publish()?;
    Ok(summary)
}

/// Loads every input file, one at a time: the ontology into its named graph, the data into the
/// default graph.
fn load_inputs(store: &Store, inputs: &Inputs) -> Result<()> {
    let ontology = GraphName::NamedNode(ONTOLOGY_GRAPH.into_owned());
    let files = inputs.ontology.files.iter().map(|f| (f, &ontology)).chain(
        inputs
            .data
            .iter()
            .flat_map(|d| &d.files)
            .map(|f| (f, &GraphName::DefaultGraph)),
    );
    for (file, graph) in files {
        // Streamed in batches: a file of any size is read without being held.
        let mut loader = crate::store::bulk_loader(store);
        crate::ingest::stream_triples(file, crate::store::BULK_BATCH_QUADS, |triples| {
            loader.load_quads(
                triples
                    .into_iter()
                    .map(|t| Quad::new(t.subject, t.predicate, t.object, graph.clone())),
            )?;
            Ok(())
        })?;
        loader.commit()?;
    }
    Ok(())
}

/// Copies the imported datasets' graphs from the store's current generation, so that a rebuild of
/// the curated data keeps them, checking each batch against the import shapes of the new ontology
/// on the way; returns a line per graph for the summary, and the checks to finish once the rules
/// have run.
fn carry_imports(root: &std::path::Path, store: &Store) -> Result<(Vec<String>, Vec<StreamCheck>)> {
    let previous = match crate::store::open(root) {
        Ok(previous) => previous,
        Err(crate::Error::StoreMissing(_)) => return Ok((Vec::new(), Vec::new())),
        Err(e) => return Err(e),
    };
    let mut carried = Vec::new();
    let mut checks = Vec::new();
    for graph in previous.named_graphs() {
        let NamedOrBlankNode::NamedNode(graph) = graph? else {
            continue;
        };
        if !graph.as_str().starts_with(IMPORT_GRAPHS) {
            continue;
        }
        let mut check = StreamCheck::new(store, &graph)?;
        let mut loader = crate::store::bulk_loader(store);
        let mut count = 0usize;
        let mut batch = Vec::with_capacity(crate::store::BULK_BATCH_QUADS);
        for quad in previous.quads_for_pattern(None, None, None, Some(graph.as_ref().into())) {
            batch.push(quad?);
            count += 1;
            if batch.len() >= crate::store::BULK_BATCH_QUADS {
                check.batch(store, &batch)?;
                loader.load_quads(std::mem::take(&mut batch))?;
            }
        }
        check.batch(store, &batch)?;
        loader.load_quads(batch)?;
        loader.commit()?;
        checks.push(check);
        carried.push(format!(
            "{} triples imported into {} (kept)",
            count,
            graph.as_str()
        ));
    }
    Ok((carried, checks))
}

/// Checks the curated shapes over the curated data, the ontology and what the rules derived.
pub(crate) fn check_curated_shapes(store: &Store, inputs: &Inputs, allow_none: bool) -> Result<()> {
    let origins = |keys: &std::collections::BTreeSet<String>| crate::ingest::origins(inputs, keys);
    shapes::validate(store, &ShapeSet::Curated, allow_none, &origins)
}
