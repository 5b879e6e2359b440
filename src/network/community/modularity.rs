//! Modularity of a partition (Newman 2006; Leicht–Newman for directed graphs), written here as
//! networkx's `community.modularity`: no well-kept crate on our petgraph computes it.

use petgraph::visit::{GraphProp, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};

use crate::network::compact::Compact;
use crate::network::error::non_negative;
use crate::network::NetworkError;

const MEASURE: &str = "modularity";

/// Modularity of `communities` in `graph`, every edge weighing 1: the share of edges inside
/// communities minus the share expected at random with the same degrees (resolution 1).
///
/// Matches networkx `community.modularity(G, communities, weight=None)`.
///
/// # Arguments
/// * `graph` — any petgraph graph; directed graphs use in- and out-degrees (Leicht–Newman).
/// * `communities` — a partition of the graph's nodes: every node in exactly one community.
///
/// # Returns
/// The modularity, at most 1 (0 on a graph without edges), or [`NetworkError::NotAPartition`].
///
/// # Complexity
/// O(V + E) time and space.
///
/// # Example
/// ```
/// use petgraph::graph::{node_index as n, UnGraph};
/// let two_pairs = UnGraph::<(), ()>::from_edges([(0, 1), (2, 3)]);
/// let q = borderkg::network::modularity(&two_pairs, &[vec![n(0), n(1)], vec![n(2), n(3)]])?;
/// assert_eq!(q, 0.5);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn modularity<G>(graph: G, communities: &[Vec<G::NodeId>]) -> Result<f64, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
{
    modularity_weighted(graph, communities, |_| 1.0)
}

/// Modularity of `communities` in `graph` with weighted edges (resolution 1).
///
/// Matches networkx `community.modularity(G, communities, weight="weight")`.
///
/// # Arguments
/// * `graph` — any petgraph graph.
/// * `communities` — a partition of the graph's nodes.
/// * `weight` — the strength of an edge; must be finite and ≥ 0.
///
/// # Returns
/// The modularity (0 when all weights are 0), or [`NetworkError::NotAPartition`] /
/// [`NetworkError::InvalidWeight`].
///
/// # Complexity
/// O(V + E) time and space.
///
/// # Example
/// ```
/// use petgraph::graph::{node_index as n, UnGraph};
/// // A path whose light middle edge is the one cut.
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 3.0), (1, 2, 1.0), (2, 3, 3.0)]);
/// let parts = [vec![n(0), n(1)], vec![n(2), n(3)]];
/// let q = borderkg::network::modularity_weighted(&g, &parts, |e| *e.weight())?;
/// assert!((q - 5.0 / 14.0).abs() < 1e-12);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn modularity_weighted<G, F>(
    graph: G,
    communities: &[Vec<G::NodeId>],
    mut weight: F,
) -> Result<f64, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
    F: FnMut(G::EdgeRef) -> f64,
{
    let compact = Compact::new(graph, |e| non_negative(MEASURE, weight(e)))?;
    let mut position = vec![usize::MAX; compact.bound];
    for (p, &slot) in compact.slots.iter().enumerate() {
        position[slot] = p;
    }
    let mut labels = vec![usize::MAX; compact.len()];
    for (c, community) in communities.iter().enumerate() {
        for &node in community {
            let slot = graph.to_index(node);
            let p = position.get(slot).copied().unwrap_or(usize::MAX);
            if p == usize::MAX {
                return Err(NetworkError::NotAPartition(format!(
                    "node index {slot} is not in the graph"
                )));
            }
            if labels[p] != usize::MAX {
                return Err(NetworkError::NotAPartition(format!(
                    "node index {slot} is in communities {} and {c}",
                    labels[p]
                )));
            }
            labels[p] = c;
        }
    }
    if let Some(p) = labels.iter().position(|&l| l == usize::MAX) {
        return Err(NetworkError::NotAPartition(format!(
            "node index {} is in no community",
            compact.slots[p]
        )));
    }
    Ok(modularity_of(
        compact.len(),
        compact.directed,
        &compact.edges,
        &labels,
        1.0,
    ))
}

/// Modularity of the community `labels` (one per node, each `< n`) of a graph of `n` nodes given as
/// an edge list (each edge once), at `resolution`. 0 when the total edge weight is 0.
pub(crate) fn modularity_of(
    n: usize,
    directed: bool,
    edges: &[(usize, usize, f64)],
    labels: &[usize],
    resolution: f64,
) -> f64 {
    let mut out_degree = vec![0.0; n];
    let mut in_degree = vec![0.0; n];
    let mut inside = vec![0.0; n];
    for &(a, b, w) in edges {
        out_degree[a] += w;
        in_degree[b] += w;
        if labels[a] == labels[b] {
            inside[labels[a]] += w;
        }
    }
    let m: f64 = edges.iter().map(|e| e.2).sum();
    if m == 0.0 {
        return 0.0;
    }
    let mut community_out = vec![0.0; n];
    let mut community_in = vec![0.0; n];
    for (node, &label) in labels.iter().enumerate() {
        if directed {
            community_out[label] += out_degree[node];
            community_in[label] += in_degree[node];
        } else {
            // Undirected degree: both ends, a self-loop twice.
            let degree = out_degree[node] + in_degree[node];
            community_out[label] += degree;
            community_in[label] += degree;
        }
    }
    let norm = if directed {
        1.0 / (m * m)
    } else {
        1.0 / (4.0 * m * m)
    };
    (0..n)
        .map(|c| inside[c] / m - resolution * community_out[c] * community_in[c] * norm)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{node_index as n, DiGraph, UnGraph};

    #[test]
    fn missing_and_repeated_nodes_are_refused() {
        let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
        assert!(matches!(
            modularity(&g, &[vec![n(0), n(1)]]),
            Err(NetworkError::NotAPartition(_))
        ));
        assert!(matches!(
            modularity(&g, &[vec![n(0), n(1)], vec![n(1), n(2)]]),
            Err(NetworkError::NotAPartition(_))
        ));
        assert!(matches!(
            modularity(&g, &[vec![n(0), n(1), n(2)], vec![n(7)]]),
            Err(NetworkError::NotAPartition(_))
        ));
    }

    #[test]
    fn one_community_scores_zero() {
        let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 0)]);
        let q = modularity(&g, &[vec![n(0), n(1), n(2)]]).expect("a partition");
        assert!(q.abs() < 1e-15);
    }
}
