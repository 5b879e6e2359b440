//! Betweenness centrality: how often a node lies on shortest paths between other nodes (Brandes
//! 2001). Unweighted, this is rustworkx-core's parallel `centrality::betweenness_centrality`.
//! Weighted (weights as distances) is written here, on rayon, because rustworkx-core offers only
//! the unweighted form: Brandes with Dijkstra, following networkx's `_single_source_dijkstra_path_basic`
//! step for step, including its exact float comparison of tied path lengths.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use petgraph::visit::{
    GraphBase, GraphProp, IntoEdgeReferences, IntoNeighborsDirected, IntoNodeIdentifiers, NodeCount,
    NodeIndexable,
};
use rayon::prelude::*;

use super::{fill_holes, PARALLEL_THRESHOLD};
use crate::network::compact::Compact;
use crate::network::error::non_negative;
use crate::network::NetworkError;

const MEASURE: &str = "betweenness centrality";

/// Betweenness centrality of every node, counting hops: the share of shortest paths between pairs
/// of other nodes that pass through it, normalised by `(n − 1)(n − 2)` (so an undirected star's
/// centre scores 1).
///
/// Matches networkx `betweenness_centrality(G, normalized=True, weight=None)`.
///
/// # Arguments
/// * `graph` — any petgraph graph; directed paths on a directed graph. Parallel edges count as
///   distinct paths.
///
/// # Returns
/// Scores indexed by node index; all 0 on graphs of fewer than 3 nodes.
///
/// # Complexity
/// O(VE) time, O(V + E) space per thread; on all cores from [`PARALLEL_THRESHOLD`] nodes.
///
/// # Example
/// ```
/// use petgraph::graph::UnGraph;
/// let path = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
/// assert_eq!(borderkg::network::betweenness_centrality(&path), vec![0.0, 1.0, 0.0]);
/// ```
pub fn betweenness_centrality<G>(graph: G) -> Vec<f64>
where
    G: NodeIndexable + IntoNodeIdentifiers + IntoNeighborsDirected + NodeCount + GraphProp + GraphBase + Sync,
    G::NodeId: Eq + Send,
{
    fill_holes(rustworkx_core::centrality::betweenness_centrality(
        graph,
        false,
        true,
        PARALLEL_THRESHOLD,
    ))
}

/// Betweenness centrality of every node with edge weights read as distances (path length is the
/// sum of weights), normalised by `(n − 1)(n − 2)`.
///
/// Matches networkx `betweenness_centrality(G, normalized=True, weight="weight")`.
///
/// # Arguments
/// * `graph` — any petgraph graph.
/// * `distance` — the length of an edge; must be finite and ≥ 0. Paths of equal length are ties
///   only when their float sums are exactly equal, as in networkx.
///
/// # Returns
/// Scores indexed by node index, or [`NetworkError::InvalidWeight`] for a negative, NaN or
/// infinite distance.
///
/// # Complexity
/// O(VE + V² log V) time, O(V + E) space per thread; on all cores from [`PARALLEL_THRESHOLD`] nodes.
///
/// # Example
/// ```
/// use petgraph::graph::UnGraph;
/// // The direct edge 0–2 is longer than the detour through 1.
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 1.0), (1, 2, 1.0), (0, 2, 5.0)]);
/// let bc = borderkg::network::betweenness_centrality_weighted(&g, |e| *e.weight())?;
/// assert_eq!(bc, vec![0.0, 1.0, 0.0]);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn betweenness_centrality_weighted<G, F>(graph: G, mut distance: F) -> Result<Vec<f64>, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
    F: FnMut(G::EdgeRef) -> f64,
{
    let compact = Compact::new(graph, |e| non_negative(MEASURE, distance(e)))?;
    let n = compact.len();
    let adjacency = compact.out_adjacency();
    let raw = if n >= PARALLEL_THRESHOLD {
        (0..n)
            .into_par_iter()
            .fold(
                || vec![0.0; n],
                |mut acc, s| {
                    accumulate(&adjacency, s, &mut acc);
                    acc
                },
            )
            .reduce(|| vec![0.0; n], add)
    } else {
        let mut acc = vec![0.0; n];
        for s in 0..n {
            accumulate(&adjacency, s, &mut acc);
        }
        acc
    };
    Ok(compact.scatter(&rescale(raw)))
}

fn add(mut a: Vec<f64>, b: Vec<f64>) -> Vec<f64> {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
    a
}

/// networkx's `_rescale` for `normalized=True, endpoints=False`.
fn rescale(mut raw: Vec<f64>) -> Vec<f64> {
    let n = raw.len();
    if n > 2 {
        let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
        for x in &mut raw {
            *x *= scale;
        }
    }
    raw
}

/// A heap entry ordered like networkx's `(dist, count, pred, v)` tuples: by distance, then FIFO.
struct Entry {
    dist: f64,
    count: usize,
    pred: usize,
    node: usize,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.dist
            .total_cmp(&other.dist)
            .then(self.count.cmp(&other.count))
    }
}

/// One source's Dijkstra and dependency accumulation (Brandes), added into `betweenness`.
fn accumulate(adjacency: &[Vec<(usize, f64)>], s: usize, betweenness: &mut [f64]) {
    let n = adjacency.len();
    let mut order = Vec::with_capacity(n);
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut sigma = vec![0.0_f64; n];
    let mut seen: Vec<Option<f64>> = vec![None; n];
    let mut settled = vec![false; n];
    let mut heap = BinaryHeap::new();
    let mut count = 0;
    sigma[s] = 1.0;
    seen[s] = Some(0.0);
    heap.push(Reverse(Entry {
        dist: 0.0,
        count,
        pred: s,
        node: s,
    }));
    while let Some(Reverse(Entry {
        dist, pred, node: v, ..
    })) = heap.pop()
    {
        if settled[v] {
            continue;
        }
        if v != s {
            sigma[v] += sigma[pred];
        }
        order.push(v);
        settled[v] = true;
        for &(w, length) in &adjacency[v] {
            let vw = dist + length;
            if !settled[w] && seen[w].is_none_or(|d| vw < d) {
                seen[w] = Some(vw);
                count += 1;
                heap.push(Reverse(Entry {
                    dist: vw,
                    count,
                    pred: v,
                    node: w,
                }));
                sigma[w] = 0.0;
                preds[w].clear();
                preds[w].push(v);
            } else if seen[w] == Some(vw) {
                sigma[w] += sigma[v];
                preds[w].push(v);
            }
        }
    }
    let mut delta = vec![0.0; n];
    while let Some(w) = order.pop() {
        let coeff = (1.0 + delta[w]) / sigma[w];
        for &v in &preds[w] {
            delta[v] += sigma[v] * coeff;
        }
        if w != s {
            betweenness[w] += delta[w];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{DiGraph, UnGraph};

    fn close(a: &[f64], b: &[f64]) {
        assert_eq!(a.len(), b.len());
        for (x, y) in a.iter().zip(b) {
            assert!((x - y).abs() < 1e-12, "{a:?} != {b:?}");
        }
    }

    #[test]
    fn unit_weights_agree_with_hops() {
        let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 3), (3, 0), (1, 3), (3, 4)]);
        close(
            &betweenness_centrality_weighted(&g, |_| 1.0).expect("valid weights"),
            &betweenness_centrality(&g),
        );
        let d = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 0), (2, 3), (3, 1)]);
        close(
            &betweenness_centrality_weighted(&d, |_| 1.0).expect("valid weights"),
            &betweenness_centrality(&d),
        );
    }

    #[test]
    fn parallel_and_serial_agree() {
        // A ring of 60 with chords, above the parallel threshold.
        let edges: Vec<(u32, u32)> = (0..60)
            .map(|i| (i, (i + 1) % 60))
            .chain((0..60).step_by(7).map(|i| (i, (i + 13) % 60)))
            .collect();
        let g = UnGraph::<(), ()>::from_edges(edges);
        close(
            &betweenness_centrality_weighted(&g, |_| 1.0).expect("valid weights"),
            &betweenness_centrality(&g),
        );
    }

    #[test]
    fn negative_distance_is_refused() {
        let g = UnGraph::<(), f64>::from_edges([(0, 1, -1.0)]);
        assert!(matches!(
            betweenness_centrality_weighted(&g, |e| *e.weight()),
            Err(NetworkError::InvalidWeight { .. })
        ));
    }
}
