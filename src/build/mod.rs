//! `build`: parse ontology and data, load them into a fresh Oxigraph store beside the old one,
//! apply the rules, validate shapes and provenance, then swap the new store in.

mod provenance;
mod rules;
mod shapes;
mod summary;
mod swap;

pub use rules::{evaluator, RuleStat};
pub use summary::BuildSummary;

use std::path::PathBuf;

use oxigraph::model::{GraphName, Quad};
use oxigraph::store::Store;

use crate::error::Result;
use crate::ingest::{Graph, Inputs};

/// What to build from and where.
#[derive(Debug, Clone)]
pub struct BuildConfig {
    /// Folder of the on-disk store to (re)place.
    pub store: PathBuf,
    /// Ontology folder (Turtle + `rules/*.ru`).
    pub ontology: PathBuf,
    /// Data folder (Turtle).
    pub data: PathBuf,
    /// Folder of the source articles; when given, every attestation is checked against them.
    pub sources: Option<PathBuf>,
}

/// The stages of a build, reported to a progress observer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Parsing the Turtle files.
    Parsing,
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
/// Nothing is written at `config.store` unless every stage succeeds: the new store is built in a
/// sibling folder and renamed into place at the end.
///
/// # Errors
/// The first failing stage's error: unreadable input, Turtle or SPARQL syntax, a failing rule,
/// shape violations, provenance mismatches, or a storage error.
pub fn build(config: &BuildConfig, mut on_stage: impl FnMut(Stage)) -> Result<BuildSummary> {
    swap::recover(&config.store);
    on_stage(Stage::Parsing);
    let inputs = Inputs::discover(&config.ontology, &config.data)?;
    let graph = Graph::read(&inputs)?;
    let rules = rules::parse_rules(&inputs.rules)?;

    on_stage(Stage::Loading);
    let staging = swap::StagingDir::beside(&config.store)?;
    let summary = {
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
        shapes::validate(&store, &graph.origins)?;

        if let Some(dir) = &config.sources {
            on_stage(Stage::Provenance);
            provenance::check(&store, dir)?;
        }

        on_stage(Stage::Finishing);
        let mut summary = summary::summarize(&store)?;
        summary.asserted = asserted;
        summary.derived = summary.triples.saturating_sub(asserted);
        summary.files = inputs.ontology.len() + inputs.data.len();
        summary.rules = stats;
        store.flush()?;
        summary
    };
    staging.commit()?;
    Ok(summary)
}
