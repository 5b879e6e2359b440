//! The counts a build prints: triples, entities per class, events per type, derived edges per
//! relation.

use oxigraph::model::Term;
use oxigraph::store::Store;

use super::rules::RuleStat;
use crate::error::Result;
use crate::query::select;
use crate::vocab::compact;

/// What a build produced.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct BuildSummary {
    /// Triples in the store.
    pub triples: usize,
    /// Triples read from the ontology and data files.
    pub asserted: usize,
    /// Triples added by rules.
    pub derived: usize,
    /// Turtle files read.
    pub files: usize,
    /// Where the ontology, rules and shapes came from: `built in` or a folder.
    pub ontology_from: String,
    /// Where the data came from: `built in` or folders and files, in the order read.
    pub data_from: Vec<String>,
    /// Entries of the input folders that were not read, and why.
    pub skipped: Vec<String>,
    /// Folders left by interrupted builds that this build removed, with their sizes.
    pub cleaned: Vec<String>,
    /// Actors, places and sources per most specific class.
    pub entities: Vec<(String, usize)>,
    /// Events per class.
    pub events: Vec<(String, usize)>,
    /// Actor-network edges per relation.
    pub edges: Vec<(String, usize)>,
    /// Triples added per rule.
    pub rules: Vec<RuleStat>,
    /// What the build accepted but a curator should look at (dates contradicting a stated order,
    /// vague figures without their words).
    pub warnings: Vec<String>,
}

fn counts(store: &Store, query: &str) -> Result<Vec<(String, usize)>> {
    Ok(select(store, "build summary", query, &[])?
        .iter()
        .filter_map(|row| match (row.get("k"), row.get("n")) {
            (Some(Term::NamedNode(k)), Some(Term::Literal(n))) => {
                Some((compact(k.as_str()), n.value().parse().unwrap_or(0)))
            }
            _ => None,
        })
        .collect())
}

/// Counts what is in `store`.
///
/// # Errors
/// A storage or query error.
pub fn summarize(store: &Store) -> Result<BuildSummary> {
    let by_class = |root: &str| {
        format!(
            "SELECT ?k (COUNT(DISTINCT ?x) AS ?n) WHERE {{
               ?x a ?k . ?k rdfs:subClassOf* {root} .
               FILTER NOT EXISTS {{ ?x a ?sub . ?sub rdfs:subClassOf+ ?k . FILTER(?sub != ?k) }}
             }} GROUP BY ?k ORDER BY DESC(?n) ?k"
        )
    };
    let mut entities = counts(store, &by_class("bkg:Actor"))?;
    entities.extend(counts(store, &by_class("bkg:Place"))?);
    entities.extend(counts(store, &by_class("bkg:Source"))?);
    entities.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    entities.dedup();
    Ok(BuildSummary {
        triples: store.len()?,
        entities,
        events: counts(store, &by_class("bkg:Event"))?,
        edges: counts(
            store,
            "SELECT ?k (COUNT(*) AS ?n) WHERE { ?k a bkg:networkRelation . ?s ?k ?o } GROUP BY ?k ORDER BY DESC(?n) ?k",
        )?,
        ..BuildSummary::default()
    })
}
