//! Closeness centrality: the reciprocal of a node's mean distance to the nodes that can reach it.
//! Both forms are rustworkx-core's parallel code: `centrality::closeness_centrality` for hops and
//! `newman_weighted_closeness_centrality` for distances (fed `1 / distance`, which it inverts back).
//! This file only checks the distances and maps networkx's zero-total case.

use std::hash::Hash;

use petgraph::visit::{
    EdgeRef, GraphBase, GraphProp, IntoEdgeReferences, IntoEdges, IntoEdgesDirected, IntoNodeIdentifiers,
    NodeCount, NodeIndexable, Visitable,
};
use rustworkx_core::centrality::{
    closeness_centrality as rx_closeness, newman_weighted_closeness_centrality,
};

use super::{fill_holes, PARALLEL_THRESHOLD};
use crate::network::compact::Compact;
use crate::network::error::non_negative;
use crate::network::NetworkError;

const MEASURE: &str = "closeness centrality";

/// Closeness centrality of every node, counting hops: `(r − 1) / Σd` over the `r − 1` other nodes
/// that reach it, times `(r − 1)/(n − 1)` when `wf_improved` (Wasserman–Faust, so that nodes in small
/// components do not score high). On a directed graph distances are *incoming*, as in networkx.
///
/// Matches networkx `closeness_centrality(G, wf_improved=wf_improved)`.
///
/// # Arguments
/// * `graph` — any petgraph graph.
/// * `wf_improved` — scale by the reachable share of the graph; networkx's default is `true`.
///
/// # Returns
/// Scores in [0, 1] indexed by node index; 0 for a node nothing reaches.
///
/// # Complexity
/// O(V(V + E)) time, O(V) space per thread; on all cores from [`PARALLEL_THRESHOLD`] nodes.
///
/// # Example
/// ```
/// use petgraph::graph::UnGraph;
/// let path = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
/// let c = borderkg::network::closeness_centrality(&path, true);
/// assert_eq!(c, vec![2.0 / 3.0, 1.0, 2.0 / 3.0]);
/// ```
pub fn closeness_centrality<G>(graph: G, wf_improved: bool) -> Vec<f64>
where
    G: NodeIndexable
        + IntoNodeIdentifiers
        + GraphBase
        + IntoEdges
        + Visitable
        + NodeCount
        + IntoEdgesDirected
        + Sync,
    G::NodeId: Eq + Hash + Send,
    G::EdgeId: Eq + Hash + Send,
{
    fill_holes(rx_closeness(graph, wf_improved, PARALLEL_THRESHOLD))
}

/// Closeness centrality of every node with edge weights read as distances: `(r − 1) / Σd` over the
/// nodes that reach it, times `(r − 1)/(n − 1)` when `wf_improved`; incoming distances on a directed
/// graph.
///
/// Matches networkx `closeness_centrality(G, distance="weight", wf_improved=wf_improved)`.
///
/// # Arguments
/// * `graph` — any petgraph graph.
/// * `wf_improved` — scale by the reachable share of the graph.
/// * `distance` — the length of an edge; must be finite and ≥ 0.
///
/// # Returns
/// Scores indexed by node index (0 where all reaching distances are 0, as in networkx), or
/// [`NetworkError::InvalidWeight`].
///
/// # Complexity
/// O(V(E + V log V)) time, O(V + E) space per thread; on all cores from [`PARALLEL_THRESHOLD`] nodes.
///
/// # Example
/// ```
/// use petgraph::graph::UnGraph;
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 2.0), (1, 2, 2.0)]);
/// let c = borderkg::network::closeness_centrality_weighted(&g, true, |e| *e.weight())?;
/// assert_eq!(c, vec![1.0 / 3.0, 0.5, 1.0 / 3.0]);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn closeness_centrality_weighted<G, F>(
    graph: G,
    wf_improved: bool,
    mut distance: F,
) -> Result<Vec<f64>, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
    F: FnMut(G::EdgeRef) -> f64,
{
    let compact = Compact::new(graph, |e| non_negative(MEASURE, distance(e)))?;
    let digraph = compact.digraph();
    // Newman's closeness inverts its weights (strength → length); a zero distance becomes an
    // infinite strength and back to zero.
    let scores = newman_weighted_closeness_centrality(
        &digraph,
        wf_improved,
        |e| 1.0 / *e.weight(),
        PARALLEL_THRESHOLD,
    );
    // networkx scores 0 where the reaching distances sum to 0; rustworkx divides by it.
    let scores: Vec<f64> = fill_holes(scores)
        .into_iter()
        .map(|c| if c.is_finite() { c } else { 0.0 })
        .collect();
    Ok(compact.scatter(&scores))
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::DiGraph;

    #[test]
    fn directed_uses_incoming_distances() {
        // 0 → 1 → 2: only 2 is reached by everyone.
        let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
        let c = closeness_centrality(&g, false);
        assert_eq!(c, vec![0.0, 1.0, 2.0 / 3.0]);
        let w = closeness_centrality_weighted(&g, false, |_| 1.0).expect("valid weights");
        assert_eq!(w, c);
    }

    #[test]
    fn zero_distances_score_zero() {
        let g = DiGraph::<(), f64>::from_edges([(0, 1, 0.0)]);
        let c = closeness_centrality_weighted(&g, true, |e| *e.weight()).expect("valid weights");
        assert_eq!(c, vec![0.0, 0.0]);
    }
}
