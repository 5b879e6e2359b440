//! Eigenvector centrality: a node is central when central nodes point to it. The power iteration is
//! rustworkx-core's `centrality::eigenvector_centrality` (networkx's (A + I) iteration and stopping
//! rule), run on a compact copy of the graph so that removed nodes cannot skew the normalisation.

use petgraph::visit::{GraphProp, IntoEdgeReferences, IntoNodeIdentifiers, NodeIndexable};

use crate::network::compact::Compact;
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
    if compact.len() == 0 {
        return Ok(compact.scatter(&[]));
    }
    let digraph = compact.digraph();
    let scores = rustworkx_core::centrality::eigenvector_centrality(
        &digraph,
        |e| Ok::<f64, NetworkError>(*e.weight()),
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
