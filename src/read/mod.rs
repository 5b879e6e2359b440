//! The read layer: every query that the readers — the projection and its evidence, `why`, name
//! resolution, the network flags and the server's pages — ask of a knowledge graph, with typed answers. Readers call
//! these functions with any [`Kb`] (the embedded store or a remote endpoint) and never write SPARQL
//! or decode rows themselves. Questions about many nodes are asked in batches.

pub mod describe;
pub mod evidence;
pub mod names;
pub mod network;
pub mod pages;
pub mod why;

use oxigraph::model::Term;

use crate::error::Result;
use crate::query::{select, Cells, Kb, Row, Solution};
use crate::vocab::compact;

/// Nodes per batch query: enough to make the per-query cost negligible, few enough to keep each
/// query's intermediate results small (and a remote request's size modest).
pub const BATCH: usize = 500;

/// Runs `query`, whose `VALUES_E` stands for the batch, once per [`BATCH`] of `iris`, and returns
/// all the rows, in the order of the batches. The batches run in parallel: a large network's
/// evidence is thousands of them, each answered on its own.
fn batched(kb: &dyn Kb, origin: &str, query: &str, iris: &[&String]) -> Result<Vec<Row>> {
    use rayon::prelude::*;
    let answers: Vec<Vec<Row>> = iris
        .par_chunks(BATCH)
        .map(|batch| {
            // The IRIs come from the store, so they are valid IRIs and cannot close the `<…>` around them.
            let values: Vec<String> = batch.iter().map(|iri| format!("<{iri}>")).collect();
            let text = query.replace("VALUES_E", &format!("VALUES ?e {{ {} }}", values.join(" ")));
            select(kb, origin, &text, &[])
        })
        .collect::<Result<_>>()?;
    Ok(answers.into_iter().flatten().collect())
}

/// Runs `query` over the whole graph and gives `each` its solutions one at a time, never holding
/// the whole answer: for questions whose answers grow with the graph.
fn each(kb: &dyn Kb, origin: &str, query: &str, mut each: impl FnMut(&Solution<'_>)) -> Result<()> {
    kb.each_solution(origin, query, &mut |solution| {
        each(solution);
        Ok(())
    })
}

/// The value of `var`: a literal's text (when not empty) or an IRI compacted with the project's
/// prefixes.
fn text(row: &impl Cells, var: &str) -> Option<String> {
    match row.cell(var) {
        Some(Term::Literal(l)) if !l.value().is_empty() => Some(l.value().to_owned()),
        Some(Term::NamedNode(n)) => Some(compact(n.as_str())),
        _ => None,
    }
}

/// The full IRI bound to `var`.
fn iri(row: &impl Cells, var: &str) -> Option<String> {
    match row.cell(var) {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

/// The parts of a `GROUP_CONCAT` (separated by U+001F), sorted: the evaluator's order is not stable.
fn parts(row: &impl Cells, var: &str) -> Vec<String> {
    let mut out: Vec<String> = text(row, var)
        .map(|s| s.split('\u{1f}').map(str::to_owned).collect())
        .unwrap_or_default();
    out.sort();
    out
}

/// A number bound to `var`, if it reads as one.
fn number<T: std::str::FromStr>(row: &impl Cells, var: &str) -> Option<T> {
    text(row, var).and_then(|n| n.parse().ok())
}
