//! Turns what a user types for an RDF term — `<iri>`, `prefix:local`, a literal, a number or an
//! entity's label — into the term itself, looking labels up in an index of the store's names.

mod index;
pub mod params;

pub use index::LabelIndex;

use std::str::FromStr;

use crate::query::Kb;
use oxigraph::model::{Literal, NamedNode, Term};

use crate::error::{Error, Result};
use crate::vocab::expand;

pub use crate::query::TermKind;

/// Resolves `input` as a term of `kind`. `what` names the value in error messages.
///
/// # Errors
/// [`Error::Term`] when an IRI cannot be resolved (unknown prefix, no or several matching labels)
/// or an integer does not parse.
pub fn resolve(store: &dyn Kb, input: &str, kind: TermKind, what: &str) -> Result<Term> {
    let input = input.trim();
    match kind {
        TermKind::Integer => input
            .parse::<i64>()
            .map(|i| Literal::from(i).into())
            .map_err(|_| Error::Term(format!("{what}: `{input}` is not an integer"))),
        TermKind::Literal => Ok(if input.starts_with('"') {
            Term::from_str(input)
                .map_err(|e| Error::Term(format!("{what}: `{input}` is not a literal: {e}")))?
        } else {
            Literal::new_simple_literal(input).into()
        }),
        TermKind::Iri => resolve_iri(store, input, what).map(Into::into),
    }
}

/// Resolves an IRI written as `<iri>`, `prefix:local` or a label.
///
/// # Errors
/// See [`resolve`].
pub fn resolve_iri(store: &dyn Kb, input: &str, what: &str) -> Result<NamedNode> {
    if let Some(node) = written_iri(input.trim(), what)? {
        return Ok(node);
    }
    LabelIndex::load(store)?.resolve(input, what)
}

/// Like [`resolve_iri`], looking names up in an index already loaded (for commands that resolve
/// several names against one store).
///
/// # Errors
/// See [`resolve`].
pub fn resolve_iri_in(index: &LabelIndex, input: &str, what: &str) -> Result<NamedNode> {
    match written_iri(input.trim(), what)? {
        Some(node) => Ok(node),
        None => index.resolve(input, what),
    }
}

/// An IRI written out as `<iri>`, a full `http(s)://` IRI or `prefix:local`; `None` for anything
/// else (a label).
///
/// # Errors
/// A malformed IRI or an unknown prefix.
pub fn written_iri(input: &str, what: &str) -> Result<Option<NamedNode>> {
    if let Some(iri) = input.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
        return NamedNode::new(iri)
            .map(Some)
            .map_err(|e| Error::Term(format!("{what}: bad IRI <{iri}>: {e}")));
    }
    if input.starts_with("http://") || input.starts_with("https://") {
        return NamedNode::new(input)
            .map(Some)
            .map_err(|e| Error::Term(format!("{what}: bad IRI {input}: {e}")));
    }
    if let Some((prefix, local)) = input.split_once(':') {
        if !prefix.contains(' ') && !local.contains(' ') && !prefix.is_empty() {
            return expand(input)
                .and_then(|iri| NamedNode::new(iri).ok())
                .map(Some)
                .ok_or_else(|| {
                    Error::Term(format!(
                        "{what}: unknown prefix `{prefix}:` in `{input}`; known prefixes: {}",
                        crate::vocab::PREFIXES
                            .iter()
                            .map(|(p, _)| *p)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                });
        }
    }
    Ok(None)
}
