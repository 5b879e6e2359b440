//! `why`: the events, facts and sources behind one edge of the actor network, with the sentences
//! they come from, and the claims that dispute them.

mod render;

pub use render::{render_json, render_text};

use std::collections::BTreeMap;
use std::path::Path;

use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::{QueryResults, Variable};
use oxigraph::store::Store;

use crate::build::evaluator;
use crate::error::{Error, Result};
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

const SUPPORTS: &str = "SELECT DISTINCT ?node ?role WHERE {
  ?stmt rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
  { ?stmt a bkg:DerivedEdge ; bkg:derivedFrom ?support . }
  UNION { ?stmt a bkg:Fact . BIND(?stmt AS ?support) }
  { BIND(?support AS ?node) BIND(\"supports\" AS ?role) }
  UNION { ?node bkg:asserts ?support . BIND(\"asserts it\" AS ?role) }
  UNION { ?node bkg:denies ?support . BIND(\"denies it\" AS ?role) }
  UNION { ?node bkg:disputes ?support . BIND(\"disputes it\" AS ?role) }
  UNION { ?support bkg:asserts ?claim . ?node bkg:denies ?claim . BIND(\"denies what it asserts\" AS ?role) }
  UNION { ?node bkg:denies ?support2 . ?support bkg:asserts ?support2 . BIND(\"denies it\" AS ?role) }
} ORDER BY ?role ?node";

const DETAILS: &str = "SELECT ?class ?label ?dateText ?date ?precision ?place WHERE {
  ?node a ?class .
  FILTER NOT EXISTS { ?node a ?sub . ?sub rdfs:subClassOf+ ?class . FILTER(?sub != ?class) }
  OPTIONAL { ?node rdfs:label|skos:prefLabel ?label }
  OPTIONAL { ?node bkg:dateText ?dateText }
  OPTIONAL { ?node bkg:date ?date }
  OPTIONAL { ?node bkg:datePrecision/rdfs:label ?precision }
  OPTIONAL { ?node bkg:place/skos:prefLabel ?place }
} LIMIT 1";

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
    let mut prepared = evaluator()
        .parse_query(query)
        .map_err(|e| Error::sparql_syntax("why", query, &e))?;
    for (name, term) in bind {
        prepared = prepared.substitute_variable(Variable::new_unchecked(*name), term.clone());
    }
    let QueryResults::Solutions(solutions) = prepared.on_store(store).execute()? else {
        return Ok(Vec::new());
    };
    let mut out = Vec::new();
    for s in solutions {
        out.push(
            s?.iter()
                .map(|(v, t)| (v.as_str().to_owned(), t.clone()))
                .collect(),
        );
    }
    Ok(out)
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
    for row in rows(store, SUPPORTS, &bind)? {
        let Some(node @ Term::NamedNode(_)) = row.get("node").cloned() else {
            continue;
        };
        let details = rows(store, DETAILS, &[("node", node.clone())])?;
        let d = details.first().cloned().unwrap_or_default();
        let date = match (text(&d, "dateText"), text(&d, "date"), text(&d, "precision")) {
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
            node: text(&row, "node").unwrap_or_default(),
            class: text(&d, "class").unwrap_or_default(),
            label: text(&d, "label").unwrap_or_default(),
            date,
            place: text(&d, "place"),
            role: text(&row, "role").unwrap_or_default(),
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
