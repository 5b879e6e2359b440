//! A compact, weighted copy of any petgraph graph: nodes renumbered 0..n (holes of a `StableGraph`
//! dropped), weights read and checked once, and undirected edges stored once. The hand-written
//! measures run on it, and the rustworkx-core power iterations run on its directed form.

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::{EdgeRef, GraphProp, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};

use super::NetworkError;

/// A graph's nodes in compact order with its edges as `(source, target, weight)` position triples.
pub(crate) struct Compact<Id> {
    /// Node id at each compact position.
    pub ids: Vec<Id>,
    /// The original graph's `to_index` of the node at each compact position.
    pub slots: Vec<usize>,
    /// The original graph's `node_bound()`.
    pub bound: usize,
    /// Whether the original graph is directed.
    pub directed: bool,
    /// Every edge once, in `edge_references` order, with its checked weight.
    pub edges: Vec<(usize, usize, f64)>,
}

impl<Id: Copy> Compact<Id> {
    /// Copies `graph`, reading each edge's weight through `weight`, which may refuse it.
    pub fn new<G, F>(graph: G, mut weight: F) -> Result<Self, NetworkError>
    where
        G: IntoNodeIdentifiers<NodeId = Id> + IntoEdgeReferences + NodeIndexable + GraphProp,
        F: FnMut(G::EdgeRef) -> Result<f64, NetworkError>,
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
        let mut edges = Vec::new();
        for edge in graph.edge_references() {
            let w = weight(edge)?;
            let source = position[graph.to_index(edge.source())];
            let target = position[graph.to_index(edge.target())];
            edges.push((source, target, w));
        }
        Ok(Self {
            ids,
            slots,
            bound,
            directed: graph.is_directed(),
            edges,
        })
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

    /// Out-neighbours of each position with the edge weight (both ways for an undirected graph).
    pub fn out_adjacency(&self) -> Vec<Vec<(usize, f64)>> {
        let mut out = vec![Vec::new(); self.len()];
        for &(a, b, w) in &self.edges {
            out[a].push((b, w));
            if !self.directed && a != b {
                out[b].push((a, w));
            }
        }
        out
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
