//! A compact, weighted copy of any petgraph graph: nodes renumbered 0..n (holes of a `StableGraph`
//! dropped), weights read and checked once, and undirected edges stored once. The hand-written
//! measures run on it or on its [`Csr`](super::csr::Csr) adjacency, and the rustworkx-core ones
//! left (Katz, weighted closeness) on its directed form.

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{
    EdgeRef, GraphProp, IntoEdgeReferences, IntoNeighbors, IntoNodeIdentifiers, NodeIndexable,
};

use super::NetworkError;

/// A graph's nodes in compact order with its edges as `(source, target, weight)` position triples.
pub(crate) struct Compact<Id> {
    /// Node id at each compact position.
    pub ids: Vec<Id>,
    /// The original graph's `to_index` of the node at each compact position.
    pub slots: Vec<usize>,
    /// The original graph's `node_bound()`.
    pub bound: usize,
    /// Whether `edges` are directed: the original graph's kind from [`Compact::new`], always from
    /// [`Compact::from_neighbors`].
    pub directed: bool,
    /// From [`Compact::new`], every edge once, in `edge_references` order, with its checked weight;
    /// from [`Compact::from_neighbors`], every arc `neighbors` lists, in node order.
    pub edges: Vec<(usize, usize, f64)>,
}

impl<Id: Copy> Compact<Id> {
    /// Copies `graph`, reading each edge's weight through `weight`, which may refuse it.
    pub fn new<G, F>(graph: G, mut weight: F) -> Result<Self, NetworkError>
    where
        G: IntoNodeIdentifiers<NodeId = Id> + IntoEdgeReferences + NodeIndexable + GraphProp,
        F: FnMut(G::EdgeRef) -> Result<f64, NetworkError>,
    {
        let (mut compact, position) = Self::nodes(graph, graph.is_directed());
        for edge in graph.edge_references() {
            let w = weight(edge)?;
            let source = position[graph.to_index(edge.source())];
            let target = position[graph.to_index(edge.target())];
            compact.edges.push((source, target, w));
        }
        Ok(compact)
    }

    /// Copies `graph` as the arcs its `neighbors` lists, with weight 1: out-neighbours on a
    /// directed graph, all neighbours on an undirected one. The copy is directed either way, so an
    /// undirected edge is two arcs (a self-loop one) and a parallel edge one arc per edge. For the
    /// hop-count measures, whose bounds offer only `neighbors`.
    pub fn from_neighbors<G>(graph: G) -> Self
    where
        G: IntoNodeIdentifiers<NodeId = Id> + IntoNeighbors + NodeIndexable,
    {
        let (mut compact, position) = Self::nodes(graph, true);
        for (source, &node) in compact.ids.iter().enumerate() {
            for neighbor in graph.neighbors(node) {
                compact
                    .edges
                    .push((source, position[graph.to_index(neighbor)], 1.0));
            }
        }
        compact
    }

    /// The nodes of `graph` in compact order, without edges, and the compact position of each
    /// original index (`usize::MAX` at holes).
    fn nodes<G>(graph: G, directed: bool) -> (Self, Vec<usize>)
    where
        G: IntoNodeIdentifiers<NodeId = Id> + NodeIndexable,
    {
        let bound = graph.node_bound();
        let mut position = vec![usize::MAX; bound];
        let mut ids = Vec::new();
        let mut slots = Vec::new();
        for node in graph.node_identifiers() {
            let slot = graph.to_index(node);
            position[slot] = ids.len();
            ids.push(node);
            slots.push(slot);
        }
        let compact = Self {
            ids,
            slots,
            bound,
            directed,
            edges: Vec::new(),
        };
        (compact, position)
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// The graph as a petgraph digraph on compact positions: a directed graph as it is, an
    /// undirected one with each edge both ways (a self-loop once, as in networkx's adjacency).
    pub fn digraph(&self) -> DiGraph<(), f64> {
        let mut g = DiGraph::with_capacity(self.len(), self.edges.len() * 2);
        for _ in 0..self.len() {
            g.add_node(());
        }
        for &(a, b, w) in &self.edges {
            g.add_edge(NodeIndex::new(a), NodeIndex::new(b), w);
            if !self.directed && a != b {
                g.add_edge(NodeIndex::new(b), NodeIndex::new(a), w);
            }
        }
        g
    }

    /// Spreads per-position `values` back to per-index scores of the original graph (holes 0.0).
    pub fn scatter(&self, values: &[f64]) -> Vec<f64> {
        let mut scores = vec![0.0; self.bound];
        for (slot, value) in self.slots.iter().zip(values) {
            scores[*slot] = *value;
        }
        scores
    }

    /// Turns groups of positions into groups of node ids, each sorted by original index, sorted by
    /// their first node.
    pub fn groups(&self, groups: Vec<Vec<usize>>) -> Vec<Vec<Id>> {
        let mut groups: Vec<Vec<usize>> = groups.into_iter().filter(|g| !g.is_empty()).collect();
        for group in &mut groups {
            group.sort_unstable_by_key(|&p| self.slots[p]);
        }
        groups.sort_unstable_by_key(|g| g.first().map(|&p| self.slots[p]));
        groups
            .into_iter()
            .map(|g| g.into_iter().map(|p| self.ids[p]).collect())
            .collect()
    }
}
