//! `build`: parse ontology and data, load them into a fresh Oxigraph store beside the old one,
//! apply the rules, validate shapes and provenance, then swap the new store in.

mod provenance;
mod rules;
mod shapes;
mod summary;

pub use rules::{evaluator, Rule, RuleStat};
pub use summary::BuildSummary;

use std::path::PathBuf;

use oxigraph::model::{GraphName, Quad};
use oxigraph::store::Store;

use crate::error::Result;
use crate::ingest::{Graph, Inputs};
use crate::store::{WhenBusy, Writer};

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
    let graph = Graph::read(&inputs)?;
    let rules = rules::parse_rules(&inputs.rules)?;
    if rules.is_empty() && !config.allow_no_rules {
        return Err(crate::Error::Missing(
            "the ontology has no rules (rules/*.ru), so the actor network would be empty: restore \
             ontology/rules/, or pass --allow-no-rules if that is intended"
                .into(),
        ));
    }

    let writer = Writer::acquire(&config.store, config.when_busy, |holder| {
        on_stage(Stage::WaitingForLock);
        let _ = holder;
    })?;
    on_stage(Stage::Loading);
    let staging = writer.staging()?;
    let mut summary = {
        let store = Store::open(staging.path())?;
        let mut loader = store.bulk_loader();
        loader.load_quads(graph.triples.iter().map(|t| {
            Quad::new(
                t.subject.clone(),
                t.predicate.clone(),
                t.object.clone(),
                GraphName::DefaultGraph,
            )
        }))?;
        loader.commit()?;
        let asserted = store.len()?;

        on_stage(Stage::Rules);
        let stats = rules::apply(&store, &rules)?;

        on_stage(Stage::Shapes);
        shapes::validate(&store, &graph.origins, config.allow_no_shapes)?;

        if let Some(dir) = &config.sources {
            on_stage(Stage::Provenance);
            provenance::check(&store, dir)?;
        }

        on_stage(Stage::Finishing);
        let mut summary = summary::summarize(&store)?;
        summary.asserted = asserted;
        summary.derived = summary.triples.saturating_sub(asserted);
        summary.files = inputs.turtle_count();
        summary.ontology_from = inputs.ontology.origin.to_string();
        summary.data_from = inputs.data.iter().map(|d| d.origin.to_string()).collect();
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
