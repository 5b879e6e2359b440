//! Typed errors of the network measures: a power iteration that did not converge, an edge weight or a
//! parameter the measure cannot use, and communities that do not partition the graph.

/// Errors of [`crate::network`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NetworkError {
    /// A power iteration (eigenvector, Katz, PageRank) or label propagation did not settle within
    /// its iteration budget; networkx raises `PowerIterationFailedConvergence` in the same case.
    #[error(
        "{measure} did not converge in {max_iter} iterations: raise max_iter or tol{}",
        if *measure == "Katz centrality" { ", or lower alpha below 1/λmax of the adjacency matrix" } else { "" }
    )]
    NotConverged {
        /// The measure, e.g. `"eigenvector centrality"`.
        measure: &'static str,
        /// The iteration budget that was spent.
        max_iter: usize,
    },
    /// An edge weight the measure cannot use (NaN, infinite, or negative where it must not be).
    #[error("{measure}: edge weight {weight} is not usable: the weight must be {expected}")]
    InvalidWeight {
        /// The measure that read the weight.
        measure: &'static str,
        /// The offending weight.
        weight: f64,
        /// What the measure accepts, e.g. `"finite and >= 0"`.
        expected: &'static str,
    },
    /// A parameter outside the range the measure is defined for.
    #[error("{measure}: {name} = {value} is out of range: it must be {expected}")]
    InvalidParameter {
        /// The measure.
        measure: &'static str,
        /// The parameter's field name, e.g. `"alpha"`.
        name: &'static str,
        /// The value given.
        value: f64,
        /// The accepted range, e.g. `"in [0, 1]"`.
        expected: &'static str,
    },
    /// Communities handed to [`crate::network::modularity`] do not partition the graph's nodes.
    #[error("the communities are not a partition of the graph's nodes: {0}")]
    NotAPartition(String),
}

/// Returns `w` if it is finite, for measures that accept any real weight.
pub(crate) fn finite(measure: &'static str, w: f64) -> Result<f64, NetworkError> {
    if w.is_finite() {
        Ok(w)
    } else {
        Err(NetworkError::InvalidWeight {
            measure,
            weight: w,
            expected: "finite",
        })
    }
}

/// Returns `w` if it is finite and not negative, for distances and flows.
pub(crate) fn non_negative(measure: &'static str, w: f64) -> Result<f64, NetworkError> {
    if w.is_finite() && w >= 0.0 {
        Ok(w)
    } else {
        Err(NetworkError::InvalidWeight {
            measure,
            weight: w,
            expected: "finite and >= 0",
        })
    }
}

/// Returns `value` if `ok` holds, else the matching [`NetworkError::InvalidParameter`].
pub(crate) fn check_param(
    measure: &'static str,
    name: &'static str,
    value: f64,
    ok: bool,
    expected: &'static str,
) -> Result<f64, NetworkError> {
    if ok {
        Ok(value)
    } else {
        Err(NetworkError::InvalidParameter {
            measure,
            name,
            value,
            expected,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn katz_hint_names_alpha() {
        let e = NetworkError::NotConverged {
            measure: "Katz centrality",
            max_iter: 1000,
        };
        assert!(e.to_string().contains("lower alpha"));
        let e = NetworkError::NotConverged {
            measure: "PageRank",
            max_iter: 100,
        };
        assert!(!e.to_string().contains("alpha"));
    }

    #[test]
    fn weights_are_checked() {
        assert_eq!(finite("m", -1.0), Ok(-1.0));
        assert!(finite("m", f64::NAN).is_err());
        assert!(non_negative("m", -0.5).is_err());
        assert_eq!(non_negative("m", 0.0), Ok(0.0));
    }
}
