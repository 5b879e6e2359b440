//! What `why` reads about one edge: whether it holds, the events and facts behind it, the
//! statements about those, and the other relations between the same two actors.

use oxigraph::model::{NamedNode, Term};

use super::{iri, text};
use crate::error::Result;
use crate::query::{select, Kb};

const HOLDS: &str = "SELECT * WHERE { ?s ?p ?o } LIMIT 1";

const SUPPORTS: &str = "SELECT DISTINCT ?node WHERE {
  ?stmt rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  { ?stmt a bkg:DerivedEdge ; bkg:derivedFrom ?node . }
  UNION { ?stmt a bkg:Fact . BIND(?stmt AS ?node) }
} ORDER BY ?node";

/// Statements about a supporting node: what asserts, denies or disputes it.
const RELATED: &str = "SELECT DISTINCT ?node ?role WHERE {
  { ?node bkg:asserts ?support . BIND(\"asserts it\" AS ?role) }
  UNION { ?node bkg:denies ?support . BIND(\"denies it\" AS ?role) }
  UNION { ?node bkg:disputes ?support . BIND(\"disputes it\" AS ?role) }
  UNION { ?support bkg:asserts ?claim . ?node bkg:denies ?claim . BIND(\"denies what it asserts\" AS ?role) }
  UNION { ?node bkg:denies ?accusation . ?accusation bkg:asserts ?support . BIND(\"denies the accusation\" AS ?role) }
  UNION { ?support a bkg:Attribution ; bkg:about ?node . BIND(\"the event it is about\" AS ?role) }
} ORDER BY ?role ?node";

const ALTERNATIVES: &str = "SELECT DISTINCT ?p ?dir WHERE {
  { ?s ?p ?o . BIND(\"->\" AS ?dir) } UNION { ?o ?p ?s . BIND(\"<-\" AS ?dir) }
  ?p a bkg:networkRelation .
} ORDER BY ?p";

fn edge(s: &NamedNode, p: &NamedNode, o: &NamedNode) -> [(&'static str, Term); 3] {
    [
        ("s", s.clone().into()),
        ("p", p.clone().into()),
        ("o", o.clone().into()),
    ]
}

/// Whether the graph holds `s p o`.
///
/// # Errors
/// A storage, transport or query error.
pub fn holds(kb: &dyn Kb, s: &NamedNode, p: &NamedNode, o: &NamedNode) -> Result<bool> {
    Ok(!select(kb, "why", HOLDS, &edge(s, p, o))?.is_empty())
}

/// The events an edge is derived from and the facts that state it, sorted.
///
/// # Errors
/// A storage, transport or query error.
pub fn supports(kb: &dyn Kb, s: &NamedNode, p: &NamedNode, o: &NamedNode) -> Result<Vec<NamedNode>> {
    Ok(select(kb, "why", SUPPORTS, &edge(s, p, o))?
        .iter()
        .filter_map(|row| iri(row, "node").map(NamedNode::new_unchecked))
        .collect())
}

/// The statements about `support` (what asserts, denies or disputes it, or the event an
/// attribution is about), each with its role in words.
///
/// # Errors
/// A storage, transport or query error.
pub fn related(kb: &dyn Kb, support: &NamedNode) -> Result<Vec<(Term, String)>> {
    Ok(
        select(kb, "why", RELATED, &[("support", support.clone().into())])?
            .into_iter()
            .filter_map(|row| Some((row.get("node")?.clone(), text(&row, "role")?)))
            .collect(),
    )
}

/// The network relations between `s` and `o`, compacted, each with `true` when it runs from `o` to
/// `s`.
///
/// # Errors
/// A storage, transport or query error.
pub fn alternatives(kb: &dyn Kb, s: &NamedNode, o: &NamedNode) -> Result<Vec<(String, bool)>> {
    Ok(select(
        kb,
        "why",
        ALTERNATIVES,
        &[("s", s.clone().into()), ("o", o.clone().into())],
    )?
    .iter()
    .map(|row| {
        (
            text(row, "p").unwrap_or_default(),
            text(row, "dir").as_deref() == Some("<-"),
        )
    })
    .collect())
}
