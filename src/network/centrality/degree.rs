//! Degree centrality: the share of the other nodes a node is linked to. In- and out-degrees are
//! rustworkx-core's (`centrality::degree_centrality` with a direction), and a directed graph's
//! total is their sum over n − 1 (rustworkx's own total switches to 2(n − 1) on complete digraphs,
//! networkx does not). An undirected graph's degree is counted here, one per edge end, because
//! rustworkx counts petgraph neighbours and so sees a self-loop once where networkx counts it twice.
//! A graph of one node scores 1, as in networkx.

use petgraph::visit::{
    EdgeRef, GraphProp, IntoEdgeReferences, IntoNeighbors, IntoNeighborsDirected, IntoNodeIdentifiers,
    NodeCount, NodeIndexable,
};
use petgraph::{Directed, Direction};
use rustworkx_core::centrality::degree_centrality as rx_degree;

/// Degree centrality of every node: its degree divided by `n − 1`. On a directed graph the degree
/// is in-degree plus out-degree, so scores can exceed 1.
///
/// Matches networkx `degree_centrality`.
///
/// # Arguments
/// * `graph` — any petgraph graph, directed or not. Every edge counts, parallel ones too; a
///   self-loop counts twice (once as in-edge and once as out-edge on a directed graph).
///
/// # Returns
/// Scores indexed by node index (see the [module conventions](crate::network)); `1.0` for the only
/// node of a one-node graph.
///
/// # Complexity
/// O(V + E) time, O(V) space.
///
/// # Example
/// ```
/// use petgraph::graph::UnGraph;
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (0, 2)]);
/// assert_eq!(borderkg::network::degree_centrality(&g), vec![1.0, 0.5, 0.5]);
/// ```
pub fn degree_centrality<G>(graph: G) -> Vec<f64>
where
    G: NodeIndexable
        + IntoNodeIdentifiers
        + IntoNeighbors
        + IntoNeighborsDirected
        + IntoEdgeReferences
        + NodeCount
        + GraphProp,
    G::NodeId: Eq,
{
    if let Some(trivial) = one_node(graph) {
        return trivial;
    }
    if graph.is_directed() {
        let incoming = rx_degree(graph, Some(Direction::Incoming));
        let outgoing = rx_degree(graph, Some(Direction::Outgoing));
        incoming.iter().zip(&outgoing).map(|(i, o)| i + o).collect()
    } else {
        let mut degree = vec![0.0; graph.node_bound()];
        for edge in graph.edge_references() {
            degree[graph.to_index(edge.source())] += 1.0;
            degree[graph.to_index(edge.target())] += 1.0;
        }
        let scale = 1.0 / (graph.node_count() - 1) as f64;
        degree.iter().map(|d| d * scale).collect()
    }
}

/// In-degree centrality of every node of a directed graph: its in-degree divided by `n − 1`.
///
/// Matches networkx `in_degree_centrality` (which is not defined on undirected graphs; here that is
/// a compile error).
///
/// # Arguments
/// * `graph` — a directed petgraph graph.
///
/// # Returns
/// Scores indexed by node index; `1.0` for the only node of a one-node graph.
///
/// # Complexity
/// O(V + E) time, O(V) space.
///
/// # Example
/// ```
/// use petgraph::graph::DiGraph;
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (2, 1)]);
/// assert_eq!(borderkg::network::in_degree_centrality(&g), vec![0.0, 1.0, 0.0]);
/// ```
pub fn in_degree_centrality<G>(graph: G) -> Vec<f64>
where
    G: NodeIndexable
        + IntoNodeIdentifiers
        + IntoNeighbors
        + IntoNeighborsDirected
        + NodeCount
        + GraphProp<EdgeType = Directed>,
    G::NodeId: Eq,
{
    one_node(graph).unwrap_or_else(|| rx_degree(graph, Some(Direction::Incoming)))
}

/// Out-degree centrality of every node of a directed graph: its out-degree divided by `n − 1`.
///
/// Matches networkx `out_degree_centrality`.
///
/// # Arguments
/// * `graph` — a directed petgraph graph.
///
/// # Returns
/// Scores indexed by node index; `1.0` for the only node of a one-node graph.
///
/// # Complexity
/// O(V + E) time, O(V) space.
///
/// # Example
/// ```
/// use petgraph::graph::DiGraph;
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (0, 2)]);
/// assert_eq!(borderkg::network::out_degree_centrality(&g), vec![1.0, 0.0, 0.0]);
/// ```
pub fn out_degree_centrality<G>(graph: G) -> Vec<f64>
where
    G: NodeIndexable
        + IntoNodeIdentifiers
        + IntoNeighbors
        + IntoNeighborsDirected
        + NodeCount
        + GraphProp<EdgeType = Directed>,
    G::NodeId: Eq,
{
    one_node(graph).unwrap_or_else(|| rx_degree(graph, Some(Direction::Outgoing)))
}

/// networkx gives the node of a one-node graph a degree centrality of 1 (where `n − 1` is 0).
fn one_node<G>(graph: G) -> Option<Vec<f64>>
where
    G: NodeIndexable + IntoNodeIdentifiers + NodeCount,
{
    (graph.node_count() <= 1).then(|| {
        let mut scores = vec![0.0; graph.node_bound()];
        for node in graph.node_identifiers() {
            scores[graph.to_index(node)] = 1.0;
        }
        scores
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{DiGraph, UnGraph};
    use petgraph::stable_graph::StableUnGraph;

    #[test]
    fn directed_total_is_in_plus_out_even_when_complete() {
        // rustworkx divides by 2(n-1) on a complete digraph; networkx does not.
        let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 0)]);
        assert_eq!(degree_centrality(&g), vec![2.0, 2.0]);
    }

    #[test]
    fn self_loops_count_twice_as_in_networkx() {
        let g = UnGraph::<(), ()>::from_edges([(0, 0), (0, 1), (1, 2)]);
        assert_eq!(degree_centrality(&g), vec![1.5, 1.0, 0.5]);
        let g = DiGraph::<(), ()>::from_edges([(0, 0), (0, 1), (1, 2)]);
        assert_eq!(degree_centrality(&g), vec![1.5, 1.0, 0.5]);
    }

    #[test]
    fn one_node_scores_one() {
        let mut g = UnGraph::<(), ()>::new_undirected();
        g.add_node(());
        assert_eq!(degree_centrality(&g), vec![1.0]);
        let empty = UnGraph::<(), ()>::new_undirected();
        assert!(degree_centrality(&empty).is_empty());
    }

    #[test]
    fn removed_nodes_are_holes() {
        let mut g = StableUnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 3)]);
        g.remove_node(petgraph::graph::node_index(0));
        // n = 3 remaining nodes; slot 0 is a hole.
        assert_eq!(degree_centrality(&g), vec![0.0, 0.5, 1.0, 0.5]);
    }
}
