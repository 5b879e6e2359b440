//! `why`: the events, facts and sources behind one edge of the actor network, with the sentences
//! they come from, and the claims that dispute them.

mod render;

pub use render::{render_json, render_text};

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::query::Kb;
use oxigraph::model::{NamedNode, Term};

use crate::error::Result;
use crate::projection::{collect_evidence, CitedSentence};
use crate::sources::Quoter;
use crate::vocab::compact;

/// An event or fact that supports (or disputes) the edge.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Support {
    /// Its IRI, compacted.
    pub node: String,
    /// Its class, compacted.
    pub class: String,
    /// Its label.
    pub label: String,
    /// The date as the source states it, with its precision.
    pub date: Option<String>,
    /// Place label.
    pub place: Option<String>,
    /// How this node relates to the edge: `supports`, or the relation of a speech act to it.
    pub role: String,
    /// Where it is stated.
    pub citations: Vec<CitedSentence>,
}

/// Everything behind one edge.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Explanation {
    /// Subject, compacted.
    pub subject: String,
    /// Predicate, compacted.
    pub predicate: String,
    /// Object, compacted.
    pub object: String,
    /// Whether the triple is in the graph.
    pub holds: bool,
    /// The events and facts behind it, then the statements about them (accusations, denials).
    pub supports: Vec<Support>,
    /// Other relations that link subject and object, offered when the asked edge does not hold.
    pub alternatives: Vec<String>,
}

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

fn rows(store: &dyn Kb, query: &str, bind: &[(&str, Term)]) -> Result<Vec<BTreeMap<String, Term>>> {
    crate::query::select(store, "why", query, bind)
}

fn text(row: &BTreeMap<String, Term>, var: &str) -> Option<String> {
    row.get(var).map(|t| match t {
        Term::NamedNode(n) => compact(n.as_str()),
        Term::Literal(l) => l.value().to_owned(),
        other => other.to_string(),
    })
}

/// Explains the edge `subject predicate object`. With `sources_dir`, each citation carries its
/// sentence.
///
/// # Errors
/// A storage or query error, or an unreadable article.
pub fn explain(
    store: &dyn Kb,
    subject: &NamedNode,
    predicate: &NamedNode,
    object: &NamedNode,
    sources_dir: Option<&Path>,
) -> Result<Explanation> {
    let bind = [
        ("s", Term::from(subject.clone())),
        ("p", Term::from(predicate.clone())),
        ("o", Term::from(object.clone())),
    ];
    let holds = !rows(store, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", &bind)?.is_empty();
    let mut supports = Vec::new();
    let mut nodes: Vec<(Term, String)> = Vec::new();
    for row in rows(store, SUPPORTS, &bind)? {
        let Some(support @ Term::NamedNode(_)) = row.get("node").cloned() else {
            continue;
        };
        for related in rows(store, RELATED, &[("support", support.clone())])? {
            if let (Some(node), Some(role)) = (related.get("node"), text(&related, "role")) {
                if !nodes.iter().any(|(n, _)| n == node) {
                    nodes.push((node.clone(), role));
                }
            }
        }
        nodes.retain(|(n, _)| *n != support);
        nodes.insert(0, (support, "supports".to_owned()));
    }
    let iris: BTreeSet<String> = nodes
        .iter()
        .filter_map(|(n, _)| match n {
            Term::NamedNode(n) => Some(n.as_str().to_owned()),
            _ => None,
        })
        .collect();
    let evidence = collect_evidence(store, &iris)?;
    let mut quoter = Quoter::new(sources_dir);
    for (node, role) in nodes {
        let Term::NamedNode(iri) = &node else {
            continue;
        };
        let Some(ev) = evidence.get(iri.as_str()) else {
            continue;
        };
        supports.push(Support {
            node: ev.id.clone(),
            class: ev.class.clone(),
            label: ev.label.clone(),
            date: ev.date_display(true),
            place: (!ev.places.is_empty()).then(|| ev.places.join("; ")),
            role,
            citations: CitedSentence::all(ev, &mut quoter)?,
        });
    }
    supports.sort_by_key(|s| (s.role != "supports", s.node.clone()));
    let alternatives = if holds {
        Vec::new()
    } else {
        rows(
            store,
            ALTERNATIVES,
            &[("s", bind[0].1.clone()), ("o", bind[2].1.clone())],
        )?
        .iter()
        .map(|r| {
            let p = text(r, "p").unwrap_or_default();
            if text(r, "dir").as_deref() == Some("<-") {
                format!("{} {p} {}", compact(object.as_str()), compact(subject.as_str()))
            } else {
                format!("{} {p} {}", compact(subject.as_str()), compact(object.as_str()))
            }
        })
        .collect()
    };
    Ok(Explanation {
        subject: compact(subject.as_str()),
        predicate: compact(predicate.as_str()),
        object: compact(object.as_str()),
        holds,
        supports,
        alternatives,
    })
}
