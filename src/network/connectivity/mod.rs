//! Connectivity: which nodes and edges hold the graph together, and its (weak) components.

pub(crate) mod components;
pub(crate) mod cuts;

use petgraph::visit::NodeIndexable;

/// Sorts node ids by their index in `graph`.
pub(crate) fn sorted_by_index<G, I>(graph: G, nodes: I) -> Vec<G::NodeId>
where
    G: NodeIndexable,
    I: IntoIterator<Item = G::NodeId>,
{
    let mut nodes: Vec<G::NodeId> = nodes.into_iter().collect();
    nodes.sort_unstable_by_key(|&n| graph.to_index(n));
    nodes
}
