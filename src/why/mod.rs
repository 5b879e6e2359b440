//! `why`: the events, facts and sources behind one edge of the actor network, with the sentences
//! they come from, and the claims that dispute them.

mod render;

pub use render::{render_json, render_text};

use std::collections::BTreeMap;
use std::path::Path;

use oxigraph::model::{NamedNode, Term};
use oxigraph::store::Store;

use crate::error::Result;
use crate::sources::{read_article, Article};
use crate::vocab::compact;

/// One attestation: a source sentence stating something.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Citation {
    /// Source file name.
    pub file: String,
    /// Sentence index.
    pub sentence: u64,
    /// How firmly it is stated.
    pub standing: String,
    /// Who makes the claim, if the source attributes it.
    pub claimants: Vec<String>,
    /// The sentence, when the articles folder was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

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
    pub citations: Vec<Citation>,
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

const DETAILS: &str = "SELECT (SAMPLE(?c) AS ?class) (SAMPLE(?l) AS ?label) (SAMPLE(?d) AS ?date)
  (SAMPLE(?p) AS ?precision) (GROUP_CONCAT(DISTINCT ?dt; separator=\" / \") AS ?dateText)
  (GROUP_CONCAT(DISTINCT ?pl; separator=\"; \") AS ?place) WHERE {
  ?node a ?c .
  FILTER NOT EXISTS { ?node a ?sub . ?sub rdfs:subClassOf+ ?c . FILTER(?sub != ?c) }
  OPTIONAL { ?node rdfs:label|skos:prefLabel ?l }
  OPTIONAL { ?node bkg:dateText ?dt }
  OPTIONAL { ?node bkg:date ?d }
  OPTIONAL { ?node bkg:datePrecision/rdfs:label ?p }
  OPTIONAL { ?node bkg:place/skos:prefLabel ?pl }
}";

const CITATIONS: &str = "SELECT ?file ?i ?standing (GROUP_CONCAT(DISTINCT ?claimantLabel; separator=\"|\") AS ?claimants) WHERE {
  ?node bkg:attestedBy ?a .
  ?a bkg:source/bkg:fileName ?file ; bkg:sentence ?i ; bkg:standing/rdfs:label ?standing .
  OPTIONAL { ?a bkg:claimant ?c . OPTIONAL { ?c skos:prefLabel ?cl } BIND(COALESCE(?cl, STR(?c)) AS ?claimantLabel) }
} GROUP BY ?file ?i ?standing ORDER BY ?file ?i";

const ALTERNATIVES: &str = "SELECT DISTINCT ?p ?dir WHERE {
  { ?s ?p ?o . BIND(\"->\" AS ?dir) } UNION { ?o ?p ?s . BIND(\"<-\" AS ?dir) }
  ?p a bkg:networkRelation .
} ORDER BY ?p";

fn rows(store: &Store, query: &str, bind: &[(&str, Term)]) -> Result<Vec<BTreeMap<String, Term>>> {
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
    store: &Store,
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
    let mut articles: BTreeMap<String, Article> = BTreeMap::new();
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
    for (node, role) in nodes {
        let details = rows(store, DETAILS, &[("node", node.clone())])?;
        let d = details.first().cloned().unwrap_or_default();
        let non_empty = |v: &str| text(&d, v).filter(|s| !s.is_empty());
        let date = match (non_empty("dateText"), text(&d, "date"), text(&d, "precision")) {
            (None, None, _) => None,
            (t, v, p) => Some(
                [
                    t,
                    v.map(|v| format!("[{v}]")),
                    p.map(|p| format!("({p} precision)")),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
            ),
        };
        let mut citations = Vec::new();
        for c in rows(store, CITATIONS, &[("node", node.clone())])? {
            let file = text(&c, "file").unwrap_or_default();
            let sentence = text(&c, "i").and_then(|i| i.parse().ok()).unwrap_or(0);
            let sentence_text = match sources_dir {
                Some(dir) => {
                    if !articles.contains_key(&file) {
                        articles.insert(file.clone(), read_article(dir, &file)?);
                    }
                    articles
                        .get(&file)
                        .and_then(|a| usize::try_from(sentence).ok().and_then(|i| a.sentences.get(i)))
                        .map(|s| s.text.clone())
                }
                None => None,
            };
            citations.push(Citation {
                file,
                sentence,
                standing: text(&c, "standing").unwrap_or_default(),
                claimants: text(&c, "claimants")
                    .filter(|s| !s.is_empty())
                    .map(|s| s.split('|').map(str::to_owned).collect())
                    .unwrap_or_default(),
                text: sentence_text,
            });
        }
        supports.push(Support {
            node: text(&BTreeMap::from([("n".to_owned(), node.clone())]), "n").unwrap_or_default(),
            class: text(&d, "class").unwrap_or_default(),
            label: text(&d, "label").unwrap_or_default(),
            date,
            place: non_empty("place"),
            role,
            citations,
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
