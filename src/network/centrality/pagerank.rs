//! PageRank, written here: petgraph's `page_rank` runs a fixed number of unweighted rounds and
//! rustworkx-core has none, while we need networkx's weighted iteration with its L1 stopping rule.
//! This is networkx's `_pagerank_scipy` without personalisation: row-stochastic weights, dangling
//! nodes' rank spread uniformly, start and teleport vectors uniform. Each round pulls every node's
//! rank from its in-neighbours over the incoming [`Csr`] adjacency, one flat sweep over the edges.

use petgraph::visit::{GraphProp, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};

use crate::network::compact::Compact;
use crate::network::csr::Csr;
use crate::network::error::{check_param, non_negative};
use crate::network::NetworkError;

const MEASURE: &str = "PageRank";

/// Settings of [`pagerank`]; the defaults are networkx's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageRankParams {
    /// Damping factor: probability of following an edge rather than jumping (networkx: 0.85).
    pub alpha: f64,
    /// Iterations before giving up (networkx: 100).
    pub max_iter: usize,
    /// Stop when the L1 change of the vector is below `n × tol` (networkx: 1e-6).
    pub tol: f64,
}

impl Default for PageRankParams {
    fn default() -> Self {
        Self {
            alpha: 0.85,
            max_iter: 100,
            tol: 1e-6,
        }
    }
}

/// PageRank of every node, every edge weighing 1. An undirected edge is followed both ways; a node
/// without out-edges (dangling) hands its rank to all nodes uniformly.
///
/// Matches networkx `pagerank(G, alpha, max_iter=max_iter, tol=tol, weight=None)`.
///
/// # Arguments
/// * `graph` — any petgraph graph. Parallel edges add up.
/// * `params` — damping, iteration budget and tolerance.
///
/// # Returns
/// Scores summing to 1, indexed by node index, or [`NetworkError::NotConverged`] /
/// [`NetworkError::InvalidParameter`] (alpha outside [0, 1]).
///
/// # Complexity
/// O(max_iter × (V + E)) time, O(V + E) space.
///
/// # Example
/// ```
/// use borderkg::network::{pagerank, PageRankParams};
/// use petgraph::graph::DiGraph;
/// let g = DiGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 0), (2, 1)]);
/// let pr = pagerank(&g, PageRankParams::default())?;
/// assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9 && pr[1] > pr[0]);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn pagerank<G>(graph: G, params: PageRankParams) -> Result<Vec<f64>, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
{
    pagerank_weighted(graph, |_| 1.0, params)
}

/// PageRank of every node with weighted edges: a walker leaves a node along an edge with
/// probability proportional to its weight. A node whose out-weights sum to 0 is dangling.
///
/// Matches networkx `pagerank(G, alpha, max_iter=max_iter, tol=tol, weight="weight")`.
///
/// # Arguments
/// * `graph` — any petgraph graph. Parallel edges add up.
/// * `weight` — the strength of an edge; must be finite and ≥ 0.
/// * `params` — damping, iteration budget and tolerance.
///
/// # Returns
/// Scores summing to 1, indexed by node index, or [`NetworkError::NotConverged`] /
/// [`NetworkError::InvalidWeight`] / [`NetworkError::InvalidParameter`].
///
/// # Complexity
/// O(max_iter × (V + E)) time, O(V + E) space.
///
/// # Example
/// ```
/// use borderkg::network::{pagerank_weighted, PageRankParams};
/// use petgraph::graph::DiGraph;
/// let g = DiGraph::<(), f64>::from_edges([(0, 1, 1.0), (0, 2, 9.0)]);
/// let pr = pagerank_weighted(&g, |e| *e.weight(), PageRankParams::default())?;
/// assert!(pr[2] > pr[1]);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn pagerank_weighted<G, F>(
    graph: G,
    mut weight: F,
    params: PageRankParams,
) -> Result<Vec<f64>, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
    F: FnMut(G::EdgeRef) -> f64,
{
    let alpha = params.alpha;
    check_param(MEASURE, "alpha", alpha, (0.0..=1.0).contains(&alpha), "in [0, 1]")?;
    let compact = Compact::new(graph, |e| non_negative(MEASURE, weight(e)))?;
    let n = compact.len();
    if n == 0 {
        return Ok(compact.scatter(&[]));
    }
    // Row-normalise, as networkx's Q @ A: an edge u → v carries w / (u's out-weight).
    let mut out_weight = vec![0.0; n];
    for &(a, b, w) in &compact.edges {
        out_weight[a] += w;
        if !compact.directed && a != b {
            out_weight[b] += w;
        }
    }
    let inverse: Vec<f64> = out_weight
        .iter()
        .map(|&total| if total == 0.0 { 0.0 } else { 1.0 / total })
        .collect();
    let incoming = Csr::incoming(&compact);
    let dangling: Vec<usize> = (0..n).filter(|&u| out_weight[u] == 0.0).collect();
    let uniform = 1.0 / n as f64;
    let mut x = vec![uniform; n];
    let mut next = vec![0.0; n];
    // Each node's rank per unit of out-weight, which its out-edges carry times their weight.
    let mut share = vec![0.0; n];
    for _ in 0..params.max_iter {
        let dangling_rank: f64 = dangling.iter().map(|&u| x[u]).sum();
        for ((s, &rank), &inverse) in share.iter_mut().zip(&x).zip(&inverse) {
            *s = rank * inverse;
        }
        next.fill(0.0);
        incoming.add_weighted_sums(&share, &mut next);
        for rank in &mut next {
            *rank = alpha * (*rank + dangling_rank * uniform) + (1.0 - alpha) * uniform;
        }
        let change: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if change < n as f64 * params.tol {
            return Ok(compact.scatter(&x));
        }
    }
    Err(NetworkError::NotConverged {
        measure: MEASURE,
        max_iter: params.max_iter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{DiGraph, UnGraph};

    #[test]
    fn dangling_rank_is_spread_uniformly() {
        // 0 → 1, 1 dangling: closed form with alpha = 0.85.
        let g = DiGraph::<(), ()>::from_edges([(0, 1)]);
        let params = PageRankParams {
            tol: 1e-12,
            ..PageRankParams::default()
        };
        let pr = pagerank(&g, params).expect("converges");
        // x0 = 0.075 + 0.425·x1 and x0 + x1 = 1, so x0 = 0.5 / 1.425.
        let x0 = 0.5 / 1.425;
        assert!((pr[0] - x0).abs() < 1e-9, "{pr:?}");
        assert!((pr[0] + pr[1] - 1.0).abs() < 1e-12);
    }

    #[test]
    fn zero_weight_rows_are_dangling() {
        let g = DiGraph::<(), f64>::from_edges([(0, 1, 0.0)]);
        let pr = pagerank_weighted(&g, |e| *e.weight(), PageRankParams::default()).expect("converges");
        assert!((pr[0] - 0.5).abs() < 1e-12 && (pr[1] - 0.5).abs() < 1e-12);
    }

    #[test]
    fn alpha_out_of_range_is_refused() {
        let g = UnGraph::<(), ()>::from_edges([(0, 1)]);
        let params = PageRankParams {
            alpha: 1.5,
            ..PageRankParams::default()
        };
        assert!(matches!(
            pagerank(&g, params),
            Err(NetworkError::InvalidParameter { name: "alpha", .. })
        ));
    }
}
