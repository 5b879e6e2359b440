//! Network measures over the actor graph: centralities, cut points, components and communities,
//! generic over petgraph graphs and checked against networkx to 1e-6. Pure functions: no store, no I/O.
//!
//! # Conventions
//!
//! - **Per-node scores** are a `Vec<f64>` of length `graph.node_bound()`, indexed by
//!   `graph.to_index(node)` (for a [`petgraph::Graph`], `NodeIndex::index()`). Slots of nodes removed
//!   from a `StableGraph` hold `0.0` and count as no node.
//! - **Node sets** (articulation points, components, communities) hold node ids sorted by index; a
//!   list of sets is sorted by each set's first node. Bridges are `(u, v)` pairs with `u` before `v`.
//! - **Weights** come from a closure over the edge reference, so any edge weight type works. Each
//!   weighted measure has a `_weighted` twin of its unweighted function; the unweighted one counts
//!   every edge as 1 (networkx `weight=None`). Betweenness and closeness read weights as
//!   *distances*; eigenvector, Katz, PageRank, modularity and the communities read them as
//!   *strengths*. Bad weights are a [`NetworkError::InvalidWeight`], never a panic.
//! - **Direction** follows networkx: a directed graph's closeness uses incoming distances,
//!   eigenvector centrality is the left eigenvector (scores flow along edges), components are weak.
//!   Functions defined only for one kind of graph say so in their bounds (`EdgeType = Directed`).
//! - Graphs are taken to be simple (no parallel edges); each function says what it does with one.
//! - An empty graph gives empty results, never an error.
//!
//! Betweenness and closeness use all cores (rayon) on graphs of [`PARALLEL_THRESHOLD`] nodes or more,
//! and give the same bits on every run whatever the number of threads. They, eigenvector
//! centrality and PageRank are written here over a flat adjacency built once per call (`csr`);
//! rustworkx-core still serves Katz, weighted closeness, degrees, components and cut points.

mod centrality;
mod community;
mod compact;
mod connectivity;
mod csr;
mod error;
mod paths;

pub use centrality::betweenness::{betweenness_centrality, betweenness_centrality_weighted};
pub use centrality::closeness::{closeness_centrality, closeness_centrality_weighted};
pub use centrality::degree::{degree_centrality, in_degree_centrality, out_degree_centrality};
pub use centrality::eigenvector::{
    eigenvector_centrality, eigenvector_centrality_weighted, EigenvectorParams,
};
pub use centrality::katz::{katz_centrality, katz_centrality_weighted, KatzParams};
pub use centrality::pagerank::{pagerank, pagerank_weighted, PageRankParams};
pub use centrality::PARALLEL_THRESHOLD;
pub use community::label_propagation::{
    label_propagation_communities, label_propagation_communities_weighted,
};
pub use community::louvain::{louvain_communities, louvain_communities_weighted, LouvainParams};
pub use community::modularity::{modularity, modularity_weighted};
pub use connectivity::components::connected_components;
pub use connectivity::cuts::{articulation_points, bridges};
pub use error::NetworkError;
pub use paths::k_shortest_paths;
