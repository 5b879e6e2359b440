//! Katz centrality: every walk into a node counts, damped by `alpha` per step, plus a base score
//! `beta`. The power iteration is rustworkx-core's `centrality::katz_centrality` (networkx's
//! iteration, stopping rule and L2 normalisation), run on a compact copy of the graph.

use petgraph::visit::{GraphProp, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};

use crate::network::compact::Compact;
use crate::network::error::finite;
use crate::network::NetworkError;

const MEASURE: &str = "Katz centrality";

/// Settings of [`katz_centrality`]; the defaults are networkx's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KatzParams {
    /// Attenuation per step; the iteration converges only if `alpha < 1/λmax` (networkx: 0.1).
    pub alpha: f64,
    /// Base score of every node (networkx: 1.0).
    pub beta: f64,
    /// Iterations before giving up (networkx: 1000).
    pub max_iter: usize,
    /// Stop when the L1 change of the vector is below `n × tol` (networkx: 1e-6).
    pub tol: f64,
}

impl Default for KatzParams {
    fn default() -> Self {
        Self {
            alpha: 0.1,
            beta: 1.0,
            max_iter: 1000,
            tol: 1e-6,
        }
    }
}

/// Katz centrality of every node, every edge weighing 1: `x = alpha·Aᵀx + beta`, L2-normalised
/// (a directed edge u → v raises v).
///
/// Matches networkx `katz_centrality(G, alpha, beta, max_iter, tol, normalized=True, weight=None)`.
///
/// # Arguments
/// * `graph` — any petgraph graph. Parallel edges add up.
/// * `params` — alpha, beta, iteration budget and tolerance.
///
/// # Returns
/// Scores with Euclidean norm 1 (all 0 when `beta` is 0), indexed by node index, or
/// [`NetworkError::NotConverged`] (typically `alpha ≥ 1/λmax`).
///
/// # Complexity
/// O(max_iter × (V + E)) time, O(V + E) space.
///
/// # Example
/// ```
/// use borderkg::network::{katz_centrality, KatzParams};
/// use petgraph::graph::UnGraph;
/// let path = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
/// let x = katz_centrality(&path, KatzParams::default())?;
/// assert!(x[1] > x[0] && (x[0] - x[2]).abs() < 1e-12);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn katz_centrality<G>(graph: G, params: KatzParams) -> Result<Vec<f64>, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
{
    katz_centrality_weighted(graph, |_| 1.0, params)
}

/// Katz centrality of every node with weighted edges, L2-normalised.
///
/// Matches networkx `katz_centrality(G, alpha, beta, max_iter, tol, normalized=True, weight="weight")`.
///
/// # Arguments
/// * `graph` — any petgraph graph. Parallel edges add up.
/// * `weight` — the strength of an edge; must be finite.
/// * `params` — alpha, beta, iteration budget and tolerance.
///
/// # Returns
/// Scores with Euclidean norm 1, indexed by node index, or [`NetworkError::NotConverged`] /
/// [`NetworkError::InvalidWeight`].
///
/// # Complexity
/// O(max_iter × (V + E)) time, O(V + E) space.
///
/// # Example
/// ```
/// use borderkg::network::{katz_centrality_weighted, KatzParams};
/// use petgraph::graph::DiGraph;
/// let g = DiGraph::<(), f64>::from_edges([(0, 1, 1.0), (0, 2, 2.0)]);
/// let x = katz_centrality_weighted(&g, |e| *e.weight(), KatzParams::default())?;
/// assert!(x[2] > x[1] && x[1] > x[0]);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn katz_centrality_weighted<G, F>(
    graph: G,
    mut weight: F,
    params: KatzParams,
) -> Result<Vec<f64>, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
    F: FnMut(G::EdgeRef) -> f64,
{
    let compact = Compact::new(graph, |e| finite(MEASURE, weight(e)))?;
    // networkx returns zeros where the norm is 0 (beta = 0); rustworkx reports no result.
    if compact.len() == 0 || params.beta == 0.0 {
        return Ok(compact.scatter(&vec![0.0; compact.len()]));
    }
    let digraph = compact.digraph();
    let scores = rustworkx_core::centrality::katz_centrality(
        &digraph,
        |e| Ok::<f64, NetworkError>(*e.weight()),
        Some(params.alpha),
        None,
        Some(params.beta),
        Some(params.max_iter),
        Some(params.tol),
    )?
    .ok_or(NetworkError::NotConverged {
        measure: MEASURE,
        max_iter: params.max_iter,
    })?;
    Ok(compact.scatter(&scores))
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::UnGraph;

    #[test]
    fn alpha_above_the_spectral_bound_does_not_converge() {
        // λmax of a triangle is 2; alpha = 0.6 > 1/2.
        let g = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2), (2, 0)]);
        let params = KatzParams {
            alpha: 0.6,
            ..KatzParams::default()
        };
        let err = katz_centrality(&g, params).expect_err("diverges");
        assert!(err.to_string().contains("lower alpha"), "{err}");
    }

    #[test]
    fn zero_beta_gives_zeros() {
        let g = UnGraph::<(), ()>::from_edges([(0, 1)]);
        let params = KatzParams {
            beta: 0.0,
            ..KatzParams::default()
        };
        assert_eq!(katz_centrality(&g, params).expect("zeros"), vec![0.0, 0.0]);
    }
}
