//! Node centralities, one per file, each matching the networkx function named in its doc.

pub(crate) mod betweenness;
pub(crate) mod closeness;
pub(crate) mod degree;
pub(crate) mod eigenvector;
pub(crate) mod katz;
pub(crate) mod pagerank;
mod sources;

/// Graphs with at least this many nodes get their betweenness and closeness computed on all cores;
/// smaller ones run on one thread, where spawning costs more than it saves. Either way the scores
/// are the same bits.
pub const PARALLEL_THRESHOLD: usize = 50;

/// Turns rustworkx's per-index `Option` scores into our per-index `f64`, with `0.0` for holes.
pub(crate) fn fill_holes(scores: Vec<Option<f64>>) -> Vec<f64> {
    scores.into_iter().map(|s| s.unwrap_or(0.0)).collect()
}
