//! Binds a saved query's parameters from the values a user gives — `--param NAME=VALUE` on the
//! command line or the fields of a web form — each resolved to an RDF term as its declared kind
//! says (a label becomes the entity it names).

use oxigraph::model::Term;
use oxigraph::sparql::Variable;

use super::{resolve, TermKind};
use crate::error::{Error, Result};
use crate::query::{Kb, SavedQuery};

/// What the given values bind, and the declared parameters left without a value.
#[derive(Debug, Default)]
pub struct Bound {
    /// Variable and term, in the order given.
    pub bindings: Vec<(Variable, Term)>,
    /// `name (description)` of each required parameter not given.
    pub missing: Vec<String>,
}

/// Resolves `values` (name, text) for `saved` on `kb`. A name must be one of the query's declared
/// parameters; a query that declares none (SPARQL text given on the spot) takes any name, reading
/// its value as an integer, a quoted literal or else an IRI. Empty values count as not given.
/// `label` names a value in messages (`--param actor`, `parameter actor`).
///
/// # Errors
/// [`Error::Parameter`] for a name the query does not take, [`Error::Term`] for a value that does
/// not resolve.
pub fn bind(
    saved: &SavedQuery,
    kb: &dyn Kb,
    values: &[(String, String)],
    label: &dyn Fn(&str) -> String,
) -> Result<Bound> {
    let mut bound = Bound::default();
    let mut given = Vec::new();
    for (name, value) in values {
        let name = name.trim().trim_start_matches('?');
        let value = value.trim();
        let spec = saved.params.iter().find(|p| p.name == name);
        if spec.is_none() && !saved.params.is_empty() {
            return Err(Error::Parameter(format!(
                "{}: `{}` takes {}",
                label(name),
                saved.name,
                saved
                    .params
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        if value.is_empty() {
            continue;
        }
        let kind = spec.map_or_else(|| guess_kind(value), |s| s.kind);
        let term = resolve(kb, value, kind, &label(name))?;
        let variable = Variable::new(name).map_err(|e| Error::Parameter(format!("{}: {e}", label(name))))?;
        bound.bindings.push((variable, term));
        given.push(name.to_owned());
    }
    bound.missing = saved
        .missing(&given)
        .into_iter()
        .map(|p| format!("{} ({})", label(&format!("{}=…", p.name)), p.description))
        .collect();
    Ok(bound)
}

fn guess_kind(value: &str) -> TermKind {
    if value.parse::<i64>().is_ok() {
        TermKind::Integer
    } else if value.starts_with('"') {
        TermKind::Literal
    } else {
        TermKind::Iri
    }
}
