//! Articulation points and bridges of an undirected graph: the nodes and edges whose removal
//! disconnects it. Both are rustworkx-core's (`connectivity::articulation_points`, `bridges`, one
//! Tarjan DFS), with their sets turned into sorted lists.

use std::hash::Hash;

use petgraph::visit::{EdgeCount, GraphProp, IntoEdges, IntoNodeIdentifiers, NodeIndexable, Visitable};
use petgraph::Undirected;

use super::sorted_by_index;

/// Articulation (cut) points of an undirected graph: nodes whose removal leaves more connected
/// components than before.
///
/// Matches networkx `articulation_points` (not defined on directed graphs; here that is a compile
/// error).
///
/// # Arguments
/// * `graph` — an undirected petgraph graph.
///
/// # Returns
/// The articulation points, sorted by node index.
///
/// # Complexity
/// O(V + E) time, O(V) space.
///
/// # Example
/// ```
/// use petgraph::graph::{node_index as n, UnGraph};
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 3)]);
/// assert_eq!(borderkg::network::articulation_points(&g), vec![n(1), n(2)]);
/// ```
pub fn articulation_points<G>(graph: G) -> Vec<G::NodeId>
where
    G: GraphProp<EdgeType = Undirected>
        + EdgeCount
        + IntoEdges
        + Visitable
        + NodeIndexable
        + IntoNodeIdentifiers,
    G::NodeId: Eq + Hash,
{
    sorted_by_index(
        graph,
        rustworkx_core::connectivity::articulation_points(graph, None),
    )
}

/// Bridges of an undirected graph: edges whose removal leaves more connected components than
/// before. Parallel edges are not told apart from one another.
///
/// Matches networkx `bridges` on a simple graph.
///
/// # Arguments
/// * `graph` — an undirected petgraph graph.
///
/// # Returns
/// Each bridge as `(u, v)` with `u` of lower index, sorted.
///
/// # Complexity
/// O(V + E) time, O(V + E) space.
///
/// # Example
/// ```
/// use petgraph::graph::{node_index as n, UnGraph};
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 0), (2, 3)]);
/// assert_eq!(borderkg::network::bridges(&g), vec![(n(2), n(3))]);
/// ```
pub fn bridges<G>(graph: G) -> Vec<(G::NodeId, G::NodeId)>
where
    G: GraphProp<EdgeType = Undirected>
        + EdgeCount
        + IntoEdges
        + Visitable
        + NodeIndexable
        + IntoNodeIdentifiers,
    G::NodeId: Eq + Hash,
{
    let mut bridges: Vec<(G::NodeId, G::NodeId)> = rustworkx_core::connectivity::bridges(graph)
        .into_iter()
        .map(|(a, b)| {
            if graph.to_index(a) <= graph.to_index(b) {
                (a, b)
            } else {
                (b, a)
            }
        })
        .collect();
    bridges.sort_unstable_by_key(|&(a, b)| (graph.to_index(a), graph.to_index(b)));
    bridges
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{node_index as n, UnGraph};

    #[test]
    fn a_cycle_has_no_cuts() {
        let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 0)]);
        assert!(articulation_points(&g).is_empty());
        assert!(bridges(&g).is_empty());
    }

    #[test]
    fn every_tree_edge_is_a_bridge() {
        let g = UnGraph::<(), ()>::from_edges([(2, 0), (0, 1), (0, 3)]);
        assert_eq!(bridges(&g), vec![(n(0), n(1)), (n(0), n(2)), (n(0), n(3))]);
        assert_eq!(articulation_points(&g), vec![n(0)]);
    }
}
