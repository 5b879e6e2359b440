//! Runs a SPARQL query on the store with parameters bound as RDF terms (substituted into the parsed
//! query, never pasted into its text) and a time limit.

use std::sync::mpsc;
use std::time::Duration;

use oxigraph::model::{Term, Triple};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults, Variable};
use oxigraph::store::Store;

use spargebra::SparqlParser;

use super::bind::bind;
use crate::build::evaluator;
use crate::error::{Error, Result};
use crate::vocab::PREFIXES;

/// The materialised answer of a query.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// SELECT: the variables and one row per solution.
    Solutions {
        /// Projected variables, in order.
        variables: Vec<Variable>,
        /// Rows, one value (or none) per variable.
        rows: Vec<Vec<Option<Term>>>,
    },
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT or DESCRIBE.
    Graph(Vec<Triple>),
}

/// Parses `text` (named `origin` in errors), binds `bindings`, and runs it within `timeout`.
///
/// # Errors
/// [`Error::SparqlSyntax`] with the position in `text`, [`Error::Timeout`], or an evaluation error.
pub fn run(
    store: &Store,
    origin: &str,
    text: &str,
    bindings: Vec<(Variable, Term)>,
    timeout: Option<Duration>,
) -> Result<Answer> {
    let token = CancellationToken::new();
    let parser = PREFIXES
        .iter()
        .try_fold(SparqlParser::new(), |p, (prefix, ns)| p.with_prefix(*prefix, *ns))
        .map_err(|e| Error::Parameter(format!("bad built-in prefix: {e}")))?;
    let parsed = parser
        .parse_query(text)
        .map_err(|e| Error::sparql_syntax(origin, text, &e))?;
    let prepared = evaluator()
        .with_cancellation_token(token.clone())
        .for_query(bind(parsed, &bindings)?);
    let (done, watchdog) = match timeout {
        Some(limit) => {
            let (tx, rx) = mpsc::channel::<()>();
            let handle = std::thread::spawn(move || {
                if rx.recv_timeout(limit) == Err(mpsc::RecvTimeoutError::Timeout) {
                    token.cancel();
                }
            });
            (Some(tx), Some(handle))
        }
        None => (None, None),
    };
    let answer = collect(prepared.on_store(store).execute());
    drop(done);
    if let Some(handle) = watchdog {
        let _ = handle.join();
    }
    match answer {
        Err(Error::Evaluation(QueryEvaluationError::Cancelled)) => {
            Err(Error::Timeout(timeout.unwrap_or_default()))
        }
        other => other,
    }
}

/// A solution as a map from variable name to value.
pub type Row = std::collections::BTreeMap<String, Term>;

/// Runs a SELECT query given as text (named `origin` in errors) with `bindings` and returns its rows.
///
/// # Errors
/// As [`run`]; a query that is not a SELECT gives no rows.
pub fn select(store: &Store, origin: &str, text: &str, bindings: &[(&str, Term)]) -> Result<Vec<Row>> {
    let bindings = bindings
        .iter()
        .map(|(name, term)| (Variable::new_unchecked(*name), term.clone()))
        .collect();
    let Answer::Solutions { variables, rows } = run(store, origin, text, bindings, None)? else {
        return Ok(Vec::new());
    };
    Ok(rows
        .into_iter()
        .map(|row| {
            variables
                .iter()
                .zip(row)
                .filter_map(|(v, t)| t.map(|t| (v.as_str().to_owned(), t)))
                .collect()
        })
        .collect())
}

fn collect(results: Result<QueryResults<'_>, QueryEvaluationError>) -> Result<Answer> {
    Ok(match results? {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for solution in solutions {
                let solution = solution?;
                rows.push(variables.iter().map(|v| solution.get(v).cloned()).collect());
            }
            Answer::Solutions { variables, rows }
        }
        QueryResults::Boolean(b) => Answer::Boolean(b),
        QueryResults::Graph(triples) => {
            let mut out = triples.collect::<Result<Vec<_>, _>>()?;
            out.sort_by_cached_key(ToString::to_string);
            out.dedup();
            Answer::Graph(out)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode, Quad};

    fn store() -> Store {
        let store = Store::new().expect("memory store");
        let ex = |s: &str| NamedNode::new_unchecked(format!("http://e/{s}"));
        store
            .insert(&Quad::new(
                ex("a"),
                ex("p"),
                Literal::from("x\" } ; DROP ALL"),
                oxigraph::model::GraphName::DefaultGraph,
            ))
            .expect("insert");
        store
    }

    #[test]
    fn parameters_are_bound_as_terms_not_text() {
        let store = store();
        let value: Term = Literal::from("x\" } ; DROP ALL").into();
        let answer = run(
            &store,
            "t",
            "SELECT ?s WHERE { ?s ?p ?v }",
            vec![(Variable::new_unchecked("v"), value)],
            None,
        )
        .expect("runs");
        let Answer::Solutions { rows, .. } = answer else {
            panic!("select");
        };
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn syntax_error_has_position() {
        let err = run(
            &store(),
            "q.rq",
            "SELECT ?s WHERE {\n  ?s ?p \n}",
            Vec::new(),
            None,
        )
        .expect_err("bad");
        let Error::SparqlSyntax { position, .. } = err else {
            panic!("wrong error {err}");
        };
        assert_eq!(position.line, 3);
    }
}
