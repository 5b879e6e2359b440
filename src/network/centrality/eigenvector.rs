//! Eigenvector centrality: a node is central when central nodes point to it. The power iteration is
//! networkx's — (A + I) from a uniform start, L2-normalised each round, stopping on the L1 change —
//! written here pull-style over the incoming [`Csr`] adjacency of a compact copy of the graph, so
//! that each round reads the edges in one flat sweep and removed nodes cannot skew the
//! normalisation. (rustworkx-core's version, used before, walks petgraph's linked edge lists and
//! calls the weight closure on every edge in every round.)

use petgraph::visit::{GraphProp, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};

use crate::network::compact::Compact;
use crate::network::csr::Csr;
use crate::network::error::finite;
use crate::network::NetworkError;

const MEASURE: &str = "eigenvector centrality";

/// Power-iteration settings of [`eigenvector_centrality`]; the defaults are networkx's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EigenvectorParams {
    /// Iterations before giving up (networkx: 100).
    pub max_iter: usize,
    /// Stop when the L1 change of the vector is below `n × tol` (networkx: 1e-6).
    pub tol: f64,
}

impl Default for EigenvectorParams {
    fn default() -> Self {
        Self {
            max_iter: 100,
            tol: 1e-6,
        }
    }
}

/// Eigenvector centrality of every node, every edge weighing 1: the principal left eigenvector of
/// the adjacency matrix (a directed edge u → v raises v), L2-normalised.
///
/// Matches networkx `eigenvector_centrality(G, max_iter, tol, weight=None)`.
///
/// # Arguments
/// * `graph` — any petgraph graph. Parallel edges add up.
/// * `params` — iteration budget and tolerance.
///
/// # Returns
/// Scores with Euclidean norm 1, indexed by node index, or [`NetworkError::NotConverged`].
///
/// # Complexity
/// O(max_iter × (V + E)) time, O(V + E) space.
///
/// # Example
/// ```
/// use borderkg::network::{eigenvector_centrality, EigenvectorParams};
/// use petgraph::graph::UnGraph;
/// let path = UnGraph::<(), ()>::from_edges([(0, 1), (1, 2)]);
/// let x = eigenvector_centrality(&path, EigenvectorParams::default())?;
/// assert!((x[1] - std::f64::consts::FRAC_1_SQRT_2).abs() < 1e-5);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn eigenvector_centrality<G>(graph: G, params: EigenvectorParams) -> Result<Vec<f64>, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
{
    eigenvector_centrality_weighted(graph, |_| 1.0, params)
}

/// Eigenvector centrality of every node with weighted edges, L2-normalised.
///
/// Matches networkx `eigenvector_centrality(G, max_iter, tol, weight="weight")`.
///
/// # Arguments
/// * `graph` — any petgraph graph. Parallel edges add up.
/// * `weight` — the strength of an edge; must be finite.
/// * `params` — iteration budget and tolerance.
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
/// use borderkg::network::{eigenvector_centrality_weighted, EigenvectorParams};
/// use petgraph::graph::UnGraph;
/// let g = UnGraph::<(), f64>::from_edges([(0, 1, 1.0), (1, 2, 3.0)]);
/// let x = eigenvector_centrality_weighted(&g, |e| *e.weight(), EigenvectorParams::default())?;
/// assert!(x[2] > x[0]);
/// # Ok::<(), borderkg::network::NetworkError>(())
/// ```
pub fn eigenvector_centrality_weighted<G, F>(
    graph: G,
    mut weight: F,
    params: EigenvectorParams,
) -> Result<Vec<f64>, NetworkError>
where
    G: IntoNodeIdentifiers + IntoEdgeReferences + NodeIndexable + GraphProp,
    F: FnMut(G::EdgeRef) -> f64,
{
    let compact = Compact::new(graph, |e| finite(MEASURE, weight(e)))?;
    let n = compact.len();
    if n == 0 {
        return Ok(compact.scatter(&[]));
    }
    let not_converged = NetworkError::NotConverged {
        measure: MEASURE,
        max_iter: params.max_iter,
    };
    let incoming = Csr::incoming(&compact);
    let mut x = vec![1.0 / n as f64; n];
    let mut next = vec![0.0; n];
    for _ in 0..params.max_iter {
        // (A + I)ᵀ x: start from x, add what flows in.
        next.copy_from_slice(&x);
        incoming.add_weighted_sums(&x, &mut next);
        let norm = next.iter().map(|v| v * v).sum::<f64>().sqrt();
        // networkx would go on with the zero vector; there is no eigenvector to report.
        if norm == 0.0 {
            return Err(not_converged);
        }
        for v in &mut next {
            *v /= norm;
        }
        let change: f64 = next.iter().zip(&x).map(|(a, b)| (a - b).abs()).sum();
        std::mem::swap(&mut x, &mut next);
        if change < n as f64 * params.tol {
            return Ok(compact.scatter(&x));
        }
    }
    Err(not_converged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::UnGraph;
    use petgraph::stable_graph::StableUnGraph;

    #[test]
    fn removed_nodes_do_not_change_scores() {
        let edges = [(1, 2), (2, 3), (3, 1), (3, 4)];
        let mut stable = StableUnGraph::<(), ()>::from_edges(edges);
        stable.remove_node(petgraph::graph::node_index(0));
        let plain = UnGraph::<(), ()>::from_edges(edges.map(|(a, b)| (a - 1, b - 1)));
        let with_hole = eigenvector_centrality(&stable, EigenvectorParams::default()).expect("converges");
        let compact = eigenvector_centrality(&plain, EigenvectorParams::default()).expect("converges");
        assert_eq!(with_hole[0], 0.0);
        assert_eq!(&with_hole[1..], &compact[..]);
    }

    #[test]
    fn zero_iterations_do_not_converge() {
        let g = UnGraph::<(), ()>::from_edges([(0, 1)]);
        let params = EigenvectorParams {
            max_iter: 0,
            tol: 1e-6,
        };
        assert!(matches!(
            eigenvector_centrality(&g, params),
            Err(NetworkError::NotConverged { max_iter: 0, .. })
        ));
    }
}
