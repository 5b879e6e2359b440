//! Closeness centrality: the reciprocal of a node's mean distance to the nodes that can reach it.
//! Counting hops, it is written here: a breadth-first search per node over the flat incoming
//! [`Csr`] adjacency, on all cores with one distance array and queue per thread, reset only where
//! the last search went. (rustworkx-core's version, used before, built a hash map and a petgraph
//! `Bfs` for every node.) Each node's score comes from its own search alone, so the scores are the
//! same on every run. With distances it is rustworkx-core's `newman_weighted_closeness_centrality`
//! (fed `1 / distance`, which it inverts back); this file checks the distances and maps networkx's
//! zero-total case.

use std::hash::Hash;

use petgraph::visit::{
    EdgeRef, GraphBase, GraphProp, IntoEdgeReferences, IntoEdges, IntoEdgesDirected, IntoNodeIdentifiers,
    NodeCount, NodeIndexable, Visitable,
};
use rayon::prelude::*;
use rustworkx_core::centrality::newman_weighted_closeness_centrality;

use super::{fill_holes, PARALLEL_THRESHOLD};
use crate::network::compact::Compact;
use crate::network::csr::Csr;
use crate::network::error::non_negative;
use crate::network::NetworkError;

const MEASURE: &str = "closeness centrality";

/// Distance of a node the search has not reached.
const UNSEEN: u32 = u32::MAX;

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
    let compact = Compact::from_neighbors(graph);
    let incoming = Csr::incoming(&compact);
    let n = compact.len();
    let score = |search: &mut Search, s: usize| {
        let (reached, total) = search.run(&incoming, s);
        if reached <= 1 {
            return 0.0;
        }
        let others = (reached - 1) as f64;
        let closeness = others / total as f64;
        if wf_improved {
            closeness * (others / (n - 1) as f64)
        } else {
            closeness
        }
    };
    let scores: Vec<f64> = if n >= PARALLEL_THRESHOLD {
        (0..n)
            .into_par_iter()
            .map_init(|| Search::new(n), score)
            .collect()
    } else {
        let mut search = Search::new(n);
        (0..n).map(|s| score(&mut search, s)).collect()
    };
    compact.scatter(&scores)
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

/// One thread's breadth-first search, all nodes unseen between searches.
struct Search {
    /// Hops to the target, [`UNSEEN`] off the search.
    dist: Vec<u32>,
    /// Nodes in the order the search reached them.
    queue: Vec<u32>,
}

impl Search {
    fn new(n: usize) -> Self {
        Self {
            dist: vec![UNSEEN; n],
            queue: Vec::with_capacity(n),
        }
    }

    /// Searches `rows` from `s`: the number of nodes reached (`s` included) and their total hops.
    fn run(&mut self, rows: &Csr, s: usize) -> (usize, u64) {
        let Self { dist, queue } = self;
        queue.clear();
        queue.push(s as u32);
        dist[s] = 0;
        let mut total = 0u64;
        let mut head = 0;
        while let Some(&v) = queue.get(head) {
            head += 1;
            let next = dist[v as usize] + 1;
            for &w in rows.neighbors(v as usize) {
                if dist[w as usize] == UNSEEN {
                    dist[w as usize] = next;
                    total += u64::from(next);
                    queue.push(w);
                }
            }
        }
        for &v in queue.iter() {
            dist[v as usize] = UNSEEN;
        }
        (queue.len(), total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{DiGraph, UnGraph};

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

    #[test]
    fn hops_agree_with_unit_distances_below_and_above_the_threshold() {
        // A directed ring with chords, below and above the parallel threshold.
        for n in [20u32, 80] {
            let edges: Vec<(u32, u32)> = (0..n)
                .map(|i| (i, (i + 1) % n))
                .chain((0..n).step_by(7).map(|i| (i, (i + 13) % n)))
                .collect();
            let g = DiGraph::<(), ()>::from_edges(edges);
            for wf_improved in [false, true] {
                let hops = closeness_centrality(&g, wf_improved);
                let unit = closeness_centrality_weighted(&g, wf_improved, |_| 1.0).expect("valid");
                for (a, b) in hops.iter().zip(&unit) {
                    assert!((a - b).abs() < 1e-12, "{hops:?} != {unit:?}");
                }
            }
        }
    }

    #[test]
    fn wf_improved_scales_by_the_reachable_share() {
        // Components {0, 1, 2} (a path) and {3, 4} of a 5-node graph.
        let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (3, 4)]);
        let plain = [2.0 / 3.0, 1.0, 2.0 / 3.0, 1.0, 1.0];
        let scaled = [1.0 / 3.0, 0.5, 1.0 / 3.0, 0.25, 0.25];
        for (wf_improved, expected) in [(false, plain), (true, scaled)] {
            let c = closeness_centrality(&g, wf_improved);
            for (a, b) in c.iter().zip(expected) {
                assert!((a - b).abs() < 1e-12, "{c:?}");
            }
        }
    }
}
