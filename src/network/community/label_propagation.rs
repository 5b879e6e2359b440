//! Label propagation, written here (no well-kept crate on our petgraph has it): networkx's
//! asynchronous `asyn_lpa_communities` (Raghavan, Albert, Kumara 2007). Every node starts with its
//! own label; in a seeded random order, a node whose label is not among the most frequent around it
//! takes one of those at random; it stops when every node holds a most frequent label. Cheap
//! (near-linear) but coarse, and it depends on the seed more than Louvain does.

use petgraph::visit::{GraphProp, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};
use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::SeedableRng;

use super::{group_by_label, merge_edges};
use crate::network::compact::Compact;
use crate::network::error::non_negative;
use crate::network::NetworkError;

const MEASURE: &str = "label propagation";

/// Sweeps before giving up with [`NetworkError::NotConverged`] (networkx has no limit).
const MAX_SWEEPS: usize = 10_000;

/// Communities found by asynchronous label propagation, each neighbour counting once.
///
/// Matches networkx `community.asyn_lpa_communities(G, weight=None, seed=seed)` in algorithm (not
/// partition for partition: the random streams differ). On a directed graph a node looks at its
/// successors only, and a node without any keeps its label, as in networkx.
///
/// # Arguments
/// * `graph` — any petgraph graph. Parallel edges count once.
/// * `seed` — seed of the random orders and tie breaks; the same seed gives the same partition.
///
/// # Returns
/// The communities, each sorted by node index, sorted by their first node, or
/// [`NetworkError::NotConverged`] after 10 000 sweeps.
///
/// # Complexity
/// O(E) per sweep, typically a handful of sweeps; O(V + E) space.
///
/// # Example
/// ```
/// use borderkg::network::label_propagation_communities;
/// use petgraph::graph::{node_index as n, UnGraph};
/// // Two triangles, no edge between them.
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3)]);
/// let parts = label_propagation_communities(&g, 1)?;
/// assert_eq!(parts, vec![vec![n(0), n(1), n(2)], vec![n(3), n(4), n(5)]]);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn label_propagation_communities<G>(graph: G, seed: u64) -> Result<Vec<Vec<G::NodeId>>, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
{
    propagate(graph, |_| 1.0, false, seed)
}

/// Communities found by asynchronous label propagation, labels weighed by the edges that carry them.
///
/// Matches networkx `community.asyn_lpa_communities(G, weight="weight", seed=seed)` in algorithm.
///
/// # Arguments
/// * `graph` — any petgraph graph. Parallel edges add up.
/// * `weight` — the strength of an edge; must be finite and ≥ 0.
/// * `seed` — seed of the random orders and tie breaks.
///
/// # Returns
/// The communities as for [`label_propagation_communities`], or [`NetworkError::InvalidWeight`] /
/// [`NetworkError::NotConverged`].
///
/// # Complexity
/// O(E) per sweep; O(V + E) space.
///
/// # Example
/// ```
/// use borderkg::network::label_propagation_communities_weighted;
/// use petgraph::graph::UnGraph;
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 5.0), (1, 2, 1.0), (2, 3, 5.0)]);
/// let parts = label_propagation_communities_weighted(&g, |e| *e.weight(), 3)?;
/// assert_eq!(parts.iter().map(Vec::len).sum::<usize>(), 4);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn label_propagation_communities_weighted<G, F>(
    graph: G,
    weight: F,
    seed: u64,
) -> Result<Vec<Vec<G::NodeId>>, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
    F: FnMut(G::EdgeRef) -> f64,
{
    propagate(graph, weight, true, seed)
}

fn propagate<G, F>(
    graph: G,
    mut weight: F,
    weighted: bool,
    seed: u64,
) -> Result<Vec<Vec<G::NodeId>>, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
    F: FnMut(G::EdgeRef) -> f64,
{
    let compact = Compact::new(graph, |e| non_negative(MEASURE, weight(e)))?;
    let n = compact.len();
    // Each node's out-neighbours (all neighbours if undirected), parallel edges merged: summed
    // when weighted, counted once when not.
    let arcs = compact.edges.iter().flat_map(|&(a, b, w)| {
        let back = (!compact.directed && a != b).then_some((b, a, w));
        std::iter::once((a, b, w)).chain(back)
    });
    let mut neighbours: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    for (a, b, w) in merge_edges(true, arcs) {
        neighbours[a].push((b, if weighted { w } else { 1.0 }));
    }
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut labels: Vec<usize> = (0..n).collect();
    // Label frequencies around the current node, and the labels met, in the order first met.
    let mut frequency = vec![0.0; n];
    let mut is_seen = vec![false; n];
    let mut seen: Vec<usize> = Vec::new();
    let mut best: Vec<usize> = Vec::new();
    for _ in 0..MAX_SWEEPS {
        let mut changed = false;
        let mut order: Vec<usize> = (0..n).collect();
        order.shuffle(&mut rng);
        for node in order {
            if neighbours[node].is_empty() {
                continue;
            }
            for &(v, w) in &neighbours[node] {
                let label = labels[v];
                if !is_seen[label] {
                    is_seen[label] = true;
                    seen.push(label);
                }
                frequency[label] += w;
            }
            let top = seen
                .iter()
                .map(|&l| frequency[l])
                .fold(f64::NEG_INFINITY, f64::max);
            best.clear();
            best.extend(seen.iter().copied().filter(|&l| frequency[l] == top));
            if !best.contains(&labels[node]) {
                if let Some(&label) = best.choose(&mut rng) {
                    labels[node] = label;
                    changed = true;
                }
            }
            for &label in &seen {
                frequency[label] = 0.0;
                is_seen[label] = false;
            }
            seen.clear();
        }
        if !changed {
            return Ok(compact.groups(group_by_label(&labels)));
        }
    }
    Err(NetworkError::NotConverged {
        measure: MEASURE,
        max_iter: MAX_SWEEPS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{DiGraph, UnGraph};

    #[test]
    fn every_node_ends_with_a_most_frequent_label() {
        let g = UnGraph::<(), ()>::from_edges([
            (0, 1),
            (0, 2),
            (1, 2),
            (2, 3),
            (3, 4),
            (3, 5),
            (4, 5),
            (5, 6),
            (6, 7),
            (6, 8),
            (7, 8),
        ]);
        for seed in 0..10 {
            let parts = label_propagation_communities(&g, seed).expect("converges");
            let mut label = vec![0; g.node_count()];
            for (c, part) in parts.iter().enumerate() {
                for node in part {
                    label[node.index()] = c;
                }
            }
            for node in g.node_indices() {
                let mut counts = vec![0; parts.len()];
                for nb in g.neighbors(node) {
                    counts[label[nb.index()]] += 1;
                }
                let top = counts.iter().max().copied().unwrap_or(0);
                assert_eq!(counts[label[node.index()]], top, "seed {seed}: {parts:?}");
            }
        }
    }

    #[test]
    fn sinks_keep_their_label() {
        // 1 and 2 have no successors, so they keep their own labels; 0 joins one of them.
        let g = DiGraph::<(), ()>::from_edges([(0, 1), (0, 2)]);
        let parts = label_propagation_communities(&g, 0).expect("converges");
        assert_eq!(parts.len(), 2);
    }
}
