//! Connected components, weak on a directed graph: rustworkx-core's
//! `connectivity::connected_components`, with its sets turned into sorted lists.

use std::hash::Hash;

use petgraph::visit::{GraphProp, IntoNeighborsDirected, IntoNodeIdentifiers, NodeIndexable, Visitable};

use super::sorted_by_index;

/// Connected components of the graph; on a directed graph, weakly connected components (edge
/// direction ignored).
///
/// Matches networkx `connected_components` (undirected) and `weakly_connected_components`
/// (directed).
///
/// # Arguments
/// * `graph` — any petgraph graph.
///
/// # Returns
/// One list of node ids per component, each sorted by node index, the lists sorted by their first
/// node; an isolated node is a component of its own.
///
/// # Complexity
/// O(V + E) time, O(V) space.
///
/// # Example
/// ```
/// use petgraph::graph::{node_index as n, DiGraph};
/// let g = DiGraph::<(), ()>::from_edges([(1, 0), (2, 3)]);
/// assert_eq!(
///     borderkg::network::connected_components(&g),
///     vec![vec![n(0), n(1)], vec![n(2), n(3)]]
/// );
/// ```
pub fn connected_components<G>(graph: G) -> Vec<Vec<G::NodeId>>
where
    G: GraphProp + IntoNeighborsDirected + Visitable + IntoNodeIdentifiers + NodeIndexable,
    G::NodeId: Eq + Hash,
{
    let mut components: Vec<Vec<G::NodeId>> = rustworkx_core::connectivity::connected_components(graph)
        .into_iter()
        .map(|set| sorted_by_index(graph, set))
        .collect();
    components.sort_unstable_by_key(|c| c.first().map(|&n| graph.to_index(n)));
    components
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{node_index as n, UnGraph};

    #[test]
    fn isolated_nodes_are_components() {
        let mut g = UnGraph::<(), ()>::from_edges([(0, 2)]);
        g.add_node(());
        assert_eq!(
            connected_components(&g),
            vec![vec![n(0), n(2)], vec![n(1)], vec![n(3)]]
        );
    }
}
