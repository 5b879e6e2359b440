//! Louvain community detection, written here: no well-kept crate on our petgraph has it. The
//! variant is networkx's `louvain_communities` (Blondel et al. 2008, multi-level): each level
//! visits the nodes in one seeded random order, moving each to the neighbouring community of
//! greatest modularity gain (networkx's gain formulas, Leicht–Newman for directed graphs) until a
//! sweep moves nothing; then communities become nodes, until modularity gains no more than
//! `threshold`. Not Leiden: communities are not refined and may, rarely, be internally disconnected.
//! Our random stream (xoshiro256++) differs from Python's, so a seed gives a partition of the same
//! quality as networkx's, not the same partition.

use petgraph::visit::{GraphProp, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};
use rand::rngs::Xoshiro256PlusPlus;
use rand::seq::SliceRandom;
use rand::SeedableRng;

use super::modularity::modularity_of;
use super::{group_by_label, merge_edges};
use crate::network::compact::Compact;
use crate::network::error::{check_param, non_negative};
use crate::network::NetworkError;

const MEASURE: &str = "Louvain communities";

/// A level's sweeps stop after this many even if nodes still move (float ties could, in theory,
/// make a node hop back and forth; networkx has no such stop).
const MAX_SWEEPS: usize = 10_000;

/// Settings of [`louvain_communities`]; the defaults are networkx's, with seed 0 for `None`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LouvainParams {
    /// Resolution γ: above 1 favours smaller communities, below 1 larger ones (networkx: 1).
    pub resolution: f64,
    /// Stop when a level raises modularity by no more than this (networkx: 1e-7).
    pub threshold: f64,
    /// Seed of the random node order; the same seed gives the same partition.
    pub seed: u64,
    /// Stop after this many levels (≥ 1); `None` runs until modularity stops rising.
    pub max_level: Option<usize>,
}

impl Default for LouvainParams {
    fn default() -> Self {
        Self {
            resolution: 1.0,
            threshold: 1e-7,
            seed: 0,
            max_level: None,
        }
    }
}

/// Communities found by Louvain, every edge weighing 1.
///
/// Matches networkx `community.louvain_communities(G, weight=None, resolution, threshold, max_level,
/// seed)` in algorithm and in the modularity it reaches, not partition for partition.
///
/// # Arguments
/// * `graph` — any petgraph graph; directed graphs use directed modularity. Parallel edges add up.
/// * `params` — resolution, threshold, seed and level limit.
///
/// # Returns
/// The communities, each sorted by node index, sorted by their first node; every node alone on a
/// graph without edges. [`NetworkError::InvalidParameter`] for a non-finite resolution or
/// threshold or a `max_level` of 0.
///
/// # Complexity
/// Near-linear in practice: O(E) per sweep, a few sweeps per level, O(log V) levels; O(V + E) space.
///
/// # Example
/// ```
/// use borderkg::network::{louvain_communities, LouvainParams};
/// use petgraph::graph::{node_index as n, UnGraph};
/// // Two triangles joined by one edge.
/// let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)]);
/// let parts = louvain_communities(&g, LouvainParams { seed: 7, ..LouvainParams::default() })?;
/// assert_eq!(parts, vec![vec![n(0), n(1), n(2)], vec![n(3), n(4), n(5)]]);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn louvain_communities<G>(graph: G, params: LouvainParams) -> Result<Vec<Vec<G::NodeId>>, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
{
    louvain_communities_weighted(graph, |_| 1.0, params)
}

/// Communities found by Louvain with weighted edges.
///
/// Matches networkx `community.louvain_communities(G, weight="weight", ...)` in algorithm and in the
/// modularity it reaches.
///
/// # Arguments
/// * `graph` — any petgraph graph.
/// * `weight` — the strength of an edge; must be finite and ≥ 0.
/// * `params` — resolution, threshold, seed and level limit.
///
/// # Returns
/// The communities as for [`louvain_communities`], or [`NetworkError::InvalidWeight`] /
/// [`NetworkError::InvalidParameter`].
///
/// # Complexity
/// As [`louvain_communities`].
///
/// # Example
/// ```
/// use borderkg::network::{louvain_communities_weighted, LouvainParams};
/// use petgraph::graph::{node_index as n, UnGraph};
/// // A square whose heavy edges pair 0–1 and 2–3.
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 9.0), (1, 2, 1.0), (2, 3, 9.0), (3, 0, 1.0)]);
/// let parts = louvain_communities_weighted(&g, |e| *e.weight(), LouvainParams::default())?;
/// assert_eq!(parts, vec![vec![n(0), n(1)], vec![n(2), n(3)]]);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn louvain_communities_weighted<G, F>(
    graph: G,
    mut weight: F,
    params: LouvainParams,
) -> Result<Vec<Vec<G::NodeId>>, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
    F: FnMut(G::EdgeRef) -> f64,
{
    let resolution = params.resolution;
    check_param(
        MEASURE,
        "resolution",
        resolution,
        resolution.is_finite(),
        "finite",
    )?;
    check_param(
        MEASURE,
        "threshold",
        params.threshold,
        params.threshold.is_finite(),
        "finite",
    )?;
    if let Some(levels) = params.max_level {
        check_param(MEASURE, "max_level", levels as f64, levels > 0, ">= 1")?;
    }
    let compact = Compact::new(graph, |e| non_negative(MEASURE, weight(e)))?;
    let n = compact.len();
    let singletons = (0..n).map(|p| vec![p]).collect();
    let mut level = Level {
        directed: compact.directed,
        n,
        edges: merge_edges(compact.directed, compact.edges.iter().copied()),
    };
    let m: f64 = level.edges.iter().map(|e| e.2).sum();
    if m == 0.0 {
        return Ok(compact.groups(singletons));
    }
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(params.seed);
    // members[c]: the original nodes inside node c of the current level.
    let mut members: Vec<Vec<usize>> = singletons;
    let identity: Vec<usize> = (0..n).collect();
    let mut modularity = modularity_of(n, level.directed, &level.edges, &identity, resolution);
    let (mut labels, mut improvement) = level.one_level(m, resolution, &mut rng);
    let mut best = members.clone();
    let mut levels = 0;
    while improvement {
        best = lift(&labels, &members);
        levels += 1;
        if params.max_level.is_some_and(|max| levels >= max) {
            break;
        }
        let next = modularity_of(level.n, level.directed, &level.edges, &labels, resolution);
        if next - modularity <= params.threshold {
            break;
        }
        modularity = next;
        (level, members) = level.aggregate(&labels, members);
        (labels, improvement) = level.one_level(m, resolution, &mut rng);
    }
    Ok(compact.groups(best))
}

/// Original-node communities from the current level's `labels` and each level node's members.
fn lift(labels: &[usize], members: &[Vec<usize>]) -> Vec<Vec<usize>> {
    group_by_label(labels)
        .into_iter()
        .map(|group| group.iter().flat_map(|&c| members[c].iter().copied()).collect())
        .collect()
}

/// The graph of one Louvain level: nodes `0..n`, merged weighted edges.
struct Level {
    directed: bool,
    n: usize,
    edges: Vec<(usize, usize, f64)>,
}

/// Weighted degrees and neighbours of a level's nodes.
struct Degrees {
    /// Undirected: degree; directed: in-degree.
    incoming: Vec<f64>,
    /// Undirected: degree; directed: out-degree.
    outgoing: Vec<f64>,
    /// Neighbours other than the node itself, with the weight of the edge (either direction).
    neighbours: Vec<Vec<(usize, f64)>>,
}

/// Per-community totals of the degrees of their nodes.
struct Totals {
    /// Undirected: degree; directed: in-degree.
    incoming: Vec<f64>,
    /// Undirected: degree; directed: out-degree.
    outgoing: Vec<f64>,
}

impl Level {
    /// One level of moves (networkx `_one_level`): returns each node's community and whether any
    /// node moved.
    fn one_level(&self, m: f64, resolution: f64, rng: &mut Xoshiro256PlusPlus) -> (Vec<usize>, bool) {
        let n = self.n;
        let Degrees {
            incoming: node_in,
            outgoing: node_out,
            neighbours,
        } = self.degrees();
        let mut totals = Totals {
            incoming: node_in.clone(),
            outgoing: node_out.clone(),
        };
        // Modularity expected of node u's ties to community c under the null model.
        let expected = |totals: &Totals, u: usize, c: usize| -> f64 {
            if self.directed {
                resolution * (node_out[u] * totals.incoming[c] + node_in[u] * totals.outgoing[c]) / (m * m)
            } else {
                resolution * totals.incoming[c] * node_in[u] / (2.0 * m * m)
            }
        };
        let mut community: Vec<usize> = (0..n).collect();
        let mut order: Vec<usize> = (0..n).collect();
        order.shuffle(rng);
        // Weight from the node being moved to each community, and the communities touched, in the
        // order first met.
        let mut to_community = vec![0.0; n];
        let mut is_touched = vec![false; n];
        let mut touched: Vec<usize> = Vec::new();
        let mut improvement = false;
        for _ in 0..MAX_SWEEPS {
            let mut moves = 0;
            for &u in &order {
                for &(v, w) in &neighbours[u] {
                    let c = community[v];
                    if !is_touched[c] {
                        is_touched[c] = true;
                        touched.push(c);
                    }
                    to_community[c] += w;
                }
                let own = community[u];
                totals.incoming[own] -= node_in[u];
                totals.outgoing[own] -= node_out[u];
                let remove_cost = -to_community[own] / m + expected(&totals, u, own);
                let mut best_gain = 0.0;
                let mut best = own;
                for &c in &touched {
                    let gain = remove_cost + to_community[c] / m - expected(&totals, u, c);
                    if gain > best_gain {
                        best_gain = gain;
                        best = c;
                    }
                }
                totals.incoming[best] += node_in[u];
                totals.outgoing[best] += node_out[u];
                if best != own {
                    community[u] = best;
                    improvement = true;
                    moves += 1;
                }
                for &c in &touched {
                    to_community[c] = 0.0;
                    is_touched[c] = false;
                }
                touched.clear();
            }
            if moves == 0 {
                break;
            }
        }
        (community, improvement)
    }

    /// Weighted in- and out-degrees (undirected: the degree in both, a self-loop counted twice) and
    /// each node's neighbours other than itself with the weight between them.
    fn degrees(&self) -> Degrees {
        let mut incoming = vec![0.0; self.n];
        let mut outgoing = vec![0.0; self.n];
        let mut neighbours = vec![Vec::new(); self.n];
        for &(a, b, w) in &self.edges {
            if self.directed {
                outgoing[a] += w;
                incoming[b] += w;
            } else {
                incoming[a] += w;
                incoming[b] += w;
            }
            if a != b {
                neighbours[a].push((b, w));
                neighbours[b].push((a, w));
            }
        }
        if !self.directed {
            outgoing.clone_from(&incoming);
        }
        Degrees {
            incoming,
            outgoing,
            neighbours,
        }
    }

    /// The next level (networkx `_gen_graph`): one node per community, edges summed.
    fn aggregate(&self, labels: &[usize], members: Vec<Vec<usize>>) -> (Level, Vec<Vec<usize>>) {
        let groups = group_by_label(labels);
        let mut renumber = vec![0; self.n];
        for (new, group) in groups.iter().enumerate() {
            for &node in group {
                renumber[node] = new;
            }
        }
        let mut members: Vec<Option<Vec<usize>>> = members.into_iter().map(Some).collect();
        let merged_members = groups
            .iter()
            .map(|group| {
                group
                    .iter()
                    .flat_map(|&c| members[c].take().unwrap_or_default())
                    .collect()
            })
            .collect();
        let edges = merge_edges(
            self.directed,
            self.edges.iter().map(|&(a, b, w)| (renumber[a], renumber[b], w)),
        );
        let level = Level {
            directed: self.directed,
            n: groups.len(),
            edges,
        };
        (level, merged_members)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::modularity;
    use petgraph::graph::{DiGraph, UnGraph};

    fn ring_of_cliques() -> UnGraph<(), ()> {
        // Six 5-cliques in a ring: Louvain must find the cliques.
        let mut edges = Vec::new();
        for c in 0..6u32 {
            for i in 0..5 {
                for j in (i + 1)..5 {
                    edges.push((c * 5 + i, c * 5 + j));
                }
            }
            edges.push((c * 5, ((c + 1) % 6) * 5 + 1));
        }
        UnGraph::from_edges(edges)
    }

    #[test]
    fn finds_the_cliques_of_a_ring() {
        let g = ring_of_cliques();
        let parts = louvain_communities(&g, LouvainParams::default()).expect("valid parameters");
        assert_eq!(parts.len(), 6);
        assert!(parts.iter().all(|p| p.len() == 5));
    }

    #[test]
    fn same_seed_same_partition() {
        let g = ring_of_cliques();
        for seed in 0..5 {
            let params = LouvainParams {
                seed,
                ..LouvainParams::default()
            };
            let a = louvain_communities(&g, params).expect("valid parameters");
            let b = louvain_communities(&g, params).expect("valid parameters");
            assert_eq!(a, b);
        }
    }

    #[test]
    fn one_level_is_never_worse_than_singletons() {
        let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5), (5, 3)]);
        let params = LouvainParams {
            max_level: Some(1),
            ..LouvainParams::default()
        };
        let parts = louvain_communities(&g, params).expect("valid parameters");
        let singletons: Vec<Vec<_>> = g.node_indices().map(|n| vec![n]).collect();
        assert!(
            modularity(&g, &parts).expect("a partition") > modularity(&g, &singletons).expect("a partition")
        );
    }

    #[test]
    fn edgeless_graph_gives_singletons_and_zero_levels_are_refused() {
        let mut g = UnGraph::<(), ()>::new_undirected();
        let a = g.add_node(());
        let b = g.add_node(());
        assert_eq!(
            louvain_communities(&g, LouvainParams::default()).expect("valid"),
            vec![vec![a], vec![b]]
        );
        let params = LouvainParams {
            max_level: Some(0),
            ..LouvainParams::default()
        };
        assert!(louvain_communities(&g, params).is_err());
    }
}
