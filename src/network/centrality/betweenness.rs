//! Betweenness centrality: how often a node lies on shortest paths between other nodes (Brandes
//! 2001). Both forms are written here, on a flat [`Csr`] adjacency built once, with scratch buffers
//! reused by each thread across sources and cleared only where the last search went:
//!
//! - counting hops, a breadth-first search per source; each node's dependency is pulled from its
//!   successors (the out-neighbours one hop further), so no predecessor lists are kept;
//! - with weights as distances, Dijkstra following networkx's `_single_source_dijkstra_path_basic`
//!   step for step, including its exact float comparison of tied path lengths.
//!
//! rustworkx-core's version, used before for hops, allocated hash maps and lists for every source
//! and walked petgraph's linked edge lists. Sources are summed in fixed blocks
//! ([`sum_over_sources`]), so the scores are the same bits on every run and any number of threads.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use petgraph::visit::{
    GraphBase, GraphProp, IntoEdgeReferences, IntoNeighborsDirected, IntoNodeIdentifiers, NodeCount,
    NodeIndexable,
};

use super::sources::sum_over_sources;
use super::PARALLEL_THRESHOLD;
use crate::network::compact::Compact;
use crate::network::csr::Csr;
use crate::network::error::non_negative;
use crate::network::NetworkError;

const MEASURE: &str = "betweenness centrality";

/// Distance of a node the search has not reached.
const UNSEEN: u32 = u32::MAX;

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
/// Scores indexed by node index; all 0 on graphs of fewer than 3 nodes. The same bits on every run.
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
    let compact = Compact::from_neighbors(graph);
    let out = Csr::outgoing(&compact);
    let n = compact.len();
    let raw = sum_over_sources(
        n,
        n >= PARALLEL_THRESHOLD,
        || Hops::new(n),
        |hops, s, betweenness| hops.accumulate(&out, s, betweenness),
    );
    compact.scatter(&rescale(raw))
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
/// Scores indexed by node index, the same bits on every run, or [`NetworkError::InvalidWeight`]
/// for a negative, NaN or infinite distance.
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
    let out = Csr::outgoing(&compact);
    let n = compact.len();
    let raw = sum_over_sources(
        n,
        n >= PARALLEL_THRESHOLD,
        || Dijkstra::new(n),
        |dijkstra, s, betweenness| dijkstra.accumulate(&out, s, betweenness),
    );
    Ok(compact.scatter(&rescale(raw)))
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

/// One thread's scratch space for the hop-count searches, all nodes unseen between sources.
struct Hops {
    /// Hops from the source, [`UNSEEN`] off the search.
    dist: Vec<u32>,
    /// Number of shortest paths from the source (σ).
    sigma: Vec<f64>,
    /// `(1 + δ) / σ` of each node the backward pass has finished.
    coeff: Vec<f64>,
    /// Nodes in the order the search reached them.
    order: Vec<u32>,
}

impl Hops {
    fn new(n: usize) -> Self {
        Self {
            dist: vec![UNSEEN; n],
            sigma: vec![0.0; n],
            coeff: vec![0.0; n],
            order: Vec::with_capacity(n),
        }
    }

    /// One source's breadth-first search and dependency accumulation, added into `betweenness`.
    fn accumulate(&mut self, out: &Csr, s: usize, betweenness: &mut [f64]) {
        let Self {
            dist,
            sigma,
            coeff,
            order,
        } = self;
        order.clear();
        order.push(s as u32);
        dist[s] = 0;
        sigma[s] = 1.0;
        let mut head = 0;
        while let Some(&v) = order.get(head) {
            head += 1;
            let v = v as usize;
            let (next, paths) = (dist[v] + 1, sigma[v]);
            for &w in out.neighbors(v) {
                let w = w as usize;
                if dist[w] == UNSEEN {
                    dist[w] = next;
                    sigma[w] = 0.0;
                    order.push(w as u32);
                }
                if dist[w] == next {
                    sigma[w] += paths;
                }
            }
        }
        // δ(v) = σ(v) · Σ (1 + δ(w)) / σ(w) over the successors w of v, all finished before v.
        for &v in order.iter().rev() {
            let v = v as usize;
            let next = dist[v] + 1;
            let mut pulled = 0.0;
            for &w in out.neighbors(v) {
                let w = w as usize;
                if dist[w] == next {
                    pulled += coeff[w];
                }
            }
            let delta = sigma[v] * pulled;
            coeff[v] = (1.0 + delta) / sigma[v];
            if v != s {
                betweenness[v] += delta;
            }
        }
        for &v in order.iter() {
            dist[v as usize] = UNSEEN;
        }
    }
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

/// One thread's scratch space for the Dijkstra searches, clean between sources.
struct Dijkstra {
    order: Vec<usize>,
    preds: Vec<Vec<usize>>,
    sigma: Vec<f64>,
    delta: Vec<f64>,
    seen: Vec<Option<f64>>,
    settled: Vec<bool>,
    heap: BinaryHeap<Reverse<Entry>>,
}

impl Dijkstra {
    fn new(n: usize) -> Self {
        Self {
            order: Vec::with_capacity(n),
            preds: vec![Vec::new(); n],
            sigma: vec![0.0; n],
            delta: vec![0.0; n],
            seen: vec![None; n],
            settled: vec![false; n],
            heap: BinaryHeap::new(),
        }
    }

    /// One source's Dijkstra and dependency accumulation (Brandes), added into `betweenness`.
    fn accumulate(&mut self, out: &Csr, s: usize, betweenness: &mut [f64]) {
        let Self {
            order,
            preds,
            sigma,
            delta,
            seen,
            settled,
            heap,
        } = self;
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
            let (neighbors, lengths) = out.row(v);
            for (&w, &length) in neighbors.iter().zip(lengths) {
                let w = w as usize;
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
        // Every node seen is settled by now, so `order` lists all that need cleaning.
        while let Some(w) = order.pop() {
            let coeff = (1.0 + delta[w]) / sigma[w];
            for &v in &preds[w] {
                delta[v] += sigma[v] * coeff;
            }
            if w != s {
                betweenness[w] += delta[w];
            }
            preds[w].clear();
            sigma[w] = 0.0;
            delta[w] = 0.0;
            seen[w] = None;
            settled[w] = false;
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
    fn unit_weights_equal_unweighted_on_a_graph_above_the_parallel_threshold() {
        // A ring of 60 with chords, above the parallel threshold. (That parallel and serial sums are
        // the same bits is tested in sources.rs.)
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
    fn parallel_edges_count_as_distinct_paths() {
        // Two paths 0 → 1 → 2 through parallel edges and one 0 → 3 → 2: 1 carries 2/3 of the pair.
        let g = DiGraph::<(), ()>::from_edges([(0, 1), (0, 1), (1, 2), (0, 3), (3, 2)]);
        let bc = betweenness_centrality(&g);
        close(&bc, &[0.0, 2.0 / 3.0 / 6.0, 0.0, 1.0 / 3.0 / 6.0]);
        let weighted = betweenness_centrality_weighted(&g, |_| 1.0).expect("valid weights");
        close(&weighted, &bc);
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
