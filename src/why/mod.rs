//! `why`: the events, facts and sources behind one edge of the actor network, with the sentences
//! they come from, and the claims that dispute them.

mod render;

pub use render::{render_json, render_text};

use std::collections::BTreeSet;
use std::path::Path;

use crate::query::Kb;
use oxigraph::model::{NamedNode, Term};

use crate::error::Result;
use crate::projection::{collect_evidence, CitedSentence};
use crate::read::why as read;
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
    let holds = read::holds(store, subject, predicate, object)?;
    let mut supports = Vec::new();
    let mut nodes: Vec<(Term, String)> = Vec::new();
    for support in read::supports(store, subject, predicate, object)? {
        for (node, role) in read::related(store, &support)? {
            if !nodes.iter().any(|(n, _)| *n == node) {
                nodes.push((node, role));
            }
        }
        let support = Term::from(support);
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
        read::alternatives(store, subject, object)?
            .into_iter()
            .map(|(p, backwards)| {
                if backwards {
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
