//! Turns what a user types for an RDF term — `<iri>`, `prefix:local`, a literal, a number or an
//! entity's label — into the term itself, looking labels up in the store.

use std::str::FromStr;

use oxigraph::model::{Literal, NamedNode, Term};
use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::query::select;
use crate::vocab::{compact, expand};

/// How a parameter value is to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermKind {
    /// An IRI: `<iri>`, `prefix:local`, or a label of something in the store.
    Iri,
    /// A string (or a literal in N-Triples syntax).
    Literal,
    /// An integer.
    Integer,
}

impl std::fmt::Display for TermKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Iri => "iri",
            Self::Literal => "literal",
            Self::Integer => "integer",
        })
    }
}

impl FromStr for TermKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "iri" => Ok(Self::Iri),
            "literal" | "string" => Ok(Self::Literal),
            "integer" => Ok(Self::Integer),
            other => Err(format!(
                "unknown parameter kind `{other}` (iri, literal or integer)"
            )),
        }
    }
}

const LABEL_QUERY: &str = "SELECT DISTINCT ?s ?pref WHERE {
  ?s skos:prefLabel|skos:altLabel|rdfs:label|bkg:metonym ?l .
  FILTER(LCASE(STR(?l)) = LCASE(STR(?q)))
  BIND(EXISTS { ?s skos:prefLabel ?p . FILTER(LCASE(STR(?p)) = LCASE(STR(?q))) } AS ?pref)
} ORDER BY DESC(?pref) ?s";

/// Resolves `input` as a term of `kind`. `what` names the value in error messages.
///
/// # Errors
/// [`Error::Term`] when an IRI cannot be resolved (unknown prefix, no or several matching labels)
/// or an integer does not parse.
pub fn resolve(store: &Store, input: &str, kind: TermKind, what: &str) -> Result<Term> {
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
pub fn resolve_iri(store: &Store, input: &str, what: &str) -> Result<NamedNode> {
    if let Some(iri) = input.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
        return NamedNode::new(iri).map_err(|e| Error::Term(format!("{what}: bad IRI <{iri}>: {e}")));
    }
    if input.starts_with("http://") || input.starts_with("https://") {
        return NamedNode::new(input).map_err(|e| Error::Term(format!("{what}: bad IRI {input}: {e}")));
    }
    if let Some((prefix, local)) = input.split_once(':') {
        if !prefix.contains(' ') && !local.contains(' ') && !prefix.is_empty() {
            return expand(input)
                .and_then(|iri| NamedNode::new(iri).ok())
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
    let matches = by_label(store, input)?;
    let preferred: Vec<&(NamedNode, bool)> = matches.iter().filter(|(_, pref)| *pref).collect();
    match (matches.as_slice(), preferred.as_slice()) {
        ([(one, _)], _) | (_, [(one, _)]) => Ok(one.clone()),
        ([], _) => Err(Error::Term(format!(
            "{what}: nothing in the store is labelled `{input}`; give an IRI or prefixed name (e.g. id:taliban), or a label the graph uses{}",
            close_labels(store, input)?
        ))),
        (many, _) => Err(Error::Term(format!(
            "{what}: `{input}` names several things: {}; give one of them as a prefixed name",
            many.iter().map(|(n, _)| compact(n.as_str())).collect::<Vec<_>>().join(", ")
        ))),
    }
}

fn by_label(store: &Store, label: &str) -> Result<Vec<(NamedNode, bool)>> {
    let rows = select(
        store,
        "label lookup",
        LABEL_QUERY,
        &[("q", Literal::new_simple_literal(label).into())],
    )?;
    Ok(rows
        .iter()
        .filter_map(|row| match row.get("s") {
            Some(Term::NamedNode(n)) => {
                let pref = matches!(row.get("pref"), Some(Term::Literal(l)) if l.value() == "true");
                Some((n.clone(), pref))
            }
            _ => None,
        })
        .collect())
}

/// A hint listing up to three labels close to `input`.
fn close_labels(store: &Store, input: &str) -> Result<String> {
    let rows = select(
        store,
        "label lookup",
        "SELECT DISTINCT ?l WHERE { ?s skos:prefLabel|skos:altLabel ?l }",
        &[],
    )?;
    let needle = input.to_lowercase();
    let mut scored = Vec::new();
    for row in rows {
        if let Some(Term::Literal(l)) = row.get("l") {
            let score = strsim::jaro_winkler(&needle, &l.value().to_lowercase());
            if score > 0.8 {
                scored.push((score, l.value().to_owned()));
            }
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let names: Vec<String> = scored
        .into_iter()
        .take(3)
        .map(|(_, l)| format!("`{l}`"))
        .collect();
    Ok(if names.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", names.join(", "))
    })
}
