//! The measures the benchmark times, each on the graph python-igraph computes it on, so that
//! `bench/compare.py` can pair every line with igraph's equivalent call.

use std::collections::HashSet;

use anyhow::{bail, Result};
use borderkg::network::{
    betweenness_centrality, closeness_centrality, degree_centrality, eigenvector_centrality, katz_centrality,
    pagerank, EigenvectorParams, KatzParams, PageRankParams,
};
use petgraph::graph::{DiGraph, UnGraph};

use crate::actor_network::ActorNetwork;

/// The actor network as a directed graph, and as the simple undirected graph of its ties
/// (reciprocal ties merged, as igraph's `as_undirected(mode="collapse")`).
pub struct Graphs {
    directed: DiGraph<(), ()>,
    undirected: UnGraph<(), ()>,
}

/// Which of the two graphs a measure runs on.
#[derive(Clone, Copy)]
pub enum Kind {
    Directed,
    Undirected,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Directed => "directed",
            Kind::Undirected => "undirected",
        }
    }
}

impl Graphs {
    pub fn new(network: &ActorNetwork) -> Self {
        let mut directed = DiGraph::with_capacity(network.nodes, network.edges.len());
        let mut undirected = UnGraph::with_capacity(network.nodes, network.edges.len());
        for _ in 0..network.nodes {
            directed.add_node(());
            undirected.add_node(());
        }
        directed.extend_with_edges(&network.edges);
        let mut pairs = HashSet::with_capacity(network.edges.len());
        undirected.extend_with_edges(
            network
                .edges
                .iter()
                .map(|&(a, b)| (a.min(b), a.max(b)))
                .filter(|&pair| pairs.insert(pair)),
        );
        Self { directed, undirected }
    }

    /// Nodes and edges of one of the graphs.
    pub fn size(&self, kind: Kind) -> (usize, usize) {
        match kind {
            Kind::Directed => (self.directed.node_count(), self.directed.edge_count()),
            Kind::Undirected => (self.undirected.node_count(), self.undirected.edge_count()),
        }
    }
}

/// A timed measure. The names are the keys `bench/compare.py` matches igraph's calls to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Total (in + out) degree over n − 1; igraph `degree()`.
    Degree,
    /// Directed hop betweenness; igraph `betweenness(directed=True)`.
    Betweenness,
    /// Undirected hop betweenness; igraph `betweenness()` on the collapsed graph.
    BetweennessUndirected,
    /// Closeness from incoming distances over the nodes that reach each node (no Wasserman–Faust
    /// scaling); igraph `closeness(mode="in")`.
    Closeness,
    /// Undirected closeness; igraph `closeness()` on the collapsed graph.
    ClosenessUndirected,
    /// PageRank with networkx's defaults (damping 0.85, stop at L1 change < n · 1e-6).
    PageRank,
    /// PageRank iterated to an L1 change below 1e-9 in all, about as exact as igraph's PRPACK.
    PageRankExact,
    /// Eigenvector centrality of the collapsed graph with networkx's defaults.
    Eigenvector,
    /// Eigenvector centrality iterated to an L1 change below 1e-9 in all, near ARPACK's answer.
    EigenvectorExact,
    /// Katz centrality of the directed graph (alpha 0.01); igraph has none.
    Katz,
}

const ALL: [Measure; 10] = [
    Measure::Degree,
    Measure::PageRank,
    Measure::PageRankExact,
    Measure::Eigenvector,
    Measure::EigenvectorExact,
    Measure::Katz,
    Measure::Closeness,
    Measure::ClosenessUndirected,
    Measure::Betweenness,
    Measure::BetweennessUndirected,
];

/// Total L1 change at which the "exact" power iterations stop.
const EXACT_L1: f64 = 1e-9;

impl Measure {
    pub fn name(self) -> &'static str {
        match self {
            Measure::Degree => "degree",
            Measure::Betweenness => "betweenness",
            Measure::BetweennessUndirected => "betweenness_undirected",
            Measure::Closeness => "closeness",
            Measure::ClosenessUndirected => "closeness_undirected",
            Measure::PageRank => "pagerank",
            Measure::PageRankExact => "pagerank_exact",
            Measure::Eigenvector => "eigenvector",
            Measure::EigenvectorExact => "eigenvector_exact",
            Measure::Katz => "katz",
        }
    }

    /// The measures named in `names`, in the benchmark's order; all of them when `names` is empty.
    pub fn select(names: &[String]) -> Result<Vec<Measure>> {
        if let Some(unknown) = names.iter().find(|n| !ALL.iter().any(|m| m.name() == n.as_str())) {
            let known: Vec<&str> = ALL.iter().map(|m| m.name()).collect();
            bail!(
                "unknown measure `{unknown}` in --measures; known: {}",
                known.join(", ")
            );
        }
        Ok(ALL
            .into_iter()
            .filter(|m| names.is_empty() || names.iter().any(|n| n == m.name()))
            .collect())
    }

    pub fn graph(self) -> Kind {
        match self {
            Measure::BetweennessUndirected
            | Measure::ClosenessUndirected
            | Measure::Eigenvector
            | Measure::EigenvectorExact => Kind::Undirected,
            _ => Kind::Directed,
        }
    }

    /// All-pairs measures, which get fewer timed runs.
    pub fn is_slow(self) -> bool {
        matches!(
            self,
            Measure::Betweenness
                | Measure::BetweennessUndirected
                | Measure::Closeness
                | Measure::ClosenessUndirected
        )
    }

    pub fn compute(self, graphs: &Graphs) -> Result<Vec<f64>> {
        let d = &graphs.directed;
        let u = &graphs.undirected;
        let n = d.node_count() as f64;
        Ok(match self {
            Measure::Degree => degree_centrality(d),
            Measure::Betweenness => betweenness_centrality(d),
            Measure::BetweennessUndirected => betweenness_centrality(u),
            Measure::Closeness => closeness_centrality(d, false),
            Measure::ClosenessUndirected => closeness_centrality(u, false),
            Measure::PageRank => pagerank(d, PageRankParams::default())?,
            Measure::PageRankExact => pagerank(
                d,
                PageRankParams {
                    tol: EXACT_L1 / n,
                    max_iter: 1000,
                    ..PageRankParams::default()
                },
            )?,
            Measure::Eigenvector => eigenvector_centrality(u, EigenvectorParams::default())?,
            Measure::EigenvectorExact => eigenvector_centrality(
                u,
                EigenvectorParams {
                    tol: EXACT_L1 / n,
                    max_iter: 1000,
                },
            )?,
            Measure::Katz => katz_centrality(
                d,
                KatzParams {
                    alpha: 0.01,
                    ..KatzParams::default()
                },
            )?,
        })
    }
}
