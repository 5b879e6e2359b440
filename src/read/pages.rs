//! What the server's pages read, within the server's limits: an actor's events and claims, the
//! graph's size, its sources, every name for the search box, the name to show for each IRI, an
//! entity's kind and a source's file name.

use std::collections::HashMap;

use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::Variable;

use super::{iri, text};
use crate::error::Result;
use crate::query::{run, select_within, Answer, Kb, Limits, Row, Scope};

const EVENTS: &str = "SELECT ?ev ?role ?label ?date ?dateText WHERE {
  VALUES ?role { bkg:agent bkg:target bkg:participant bkg:beneficiary bkg:attributedTo }
  ?ev ?role ?actor .
  OPTIONAL { ?ev rdfs:label ?label }
  OPTIONAL { ?ev bkg:date ?date }
  OPTIONAL { ?ev bkg:dateText ?dateText }
} ORDER BY STR(?date) ?label";

const CLAIMS: &str = "SELECT DISTINCT ?x ?standing ?source ?sentence WHERE {
  ?x bkg:attestedBy ?a . ?a bkg:claimant ?actor .
  OPTIONAL { ?a bkg:standing ?standing }
  OPTIONAL { ?a bkg:source ?source }
  OPTIONAL { ?a bkg:sentence ?sentence }
} ORDER BY ?source ?sentence ?x";

const SIZE: &str = "SELECT
  (COUNT(*) AS ?triples)
  (COUNT(DISTINCT ?event) AS ?events)
  (COUNT(DISTINCT ?actor) AS ?actors)
WHERE {
  ?s ?p ?o .
  OPTIONAL { FILTER(?p = rdf:type) ?o bkg:kindOf bkg:Event . BIND(?s AS ?event) }
  OPTIONAL { FILTER(?p = rdf:type) ?o bkg:kindOf bkg:Actor . BIND(?s AS ?actor) }
}";

const SOURCES: &str = "SELECT ?source ?title ?date ?file WHERE {
  ?source a bkg:Source .
  OPTIONAL { ?source rdfs:label|bkg:title ?title }
  OPTIONAL { ?source bkg:publicationDate|bkg:published ?date }
  OPTIONAL { ?source bkg:fileName ?file }
} ORDER BY ?file ?source";

const LABELS: &str = "SELECT DISTINCT ?s ?label WHERE {
  ?s skos:prefLabel|skos:altLabel|rdfs:label|bkg:metonym ?label .
  FILTER(isIRI(?s) && STRSTARTS(STR(?s), STR(id:)))
}";

/// Names by preference: each subject's first row wins.
const NAMES: &str = "SELECT ?s ?name WHERE {
  { ?s skos:prefLabel ?name BIND(0 AS ?rank) } UNION { ?s rdfs:label ?name BIND(1 AS ?rank) }
  UNION { ?s skos:altLabel ?name BIND(2 AS ?rank) }
  FILTER(isIRI(?s))
} ORDER BY ?s ?rank ?name";

const KIND: &str = "ASK { ?e a/bkg:kindOf ?class }";

const FILE_NAME: &str = "SELECT ?file WHERE { ?e bkg:fileName ?file } LIMIT 1";

fn rows(
    kb: &dyn Kb,
    origin: &str,
    text: &str,
    bindings: &[(&str, Term)],
    limits: Limits,
) -> Result<Vec<Row>> {
    select_within(kb, origin, text, bindings, limits, &Scope::Union)
}

/// An event an actor takes part in.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEvent {
    /// The event.
    pub event: Term,
    /// The actor's role in it (`bkg:agent`, `bkg:target`…).
    pub role: Term,
    /// Its date.
    pub date: Option<Term>,
    /// The words the source uses for the date.
    pub date_text: Option<Term>,
}

/// The events `actor` takes part in, in time order.
///
/// # Errors
/// A query error, or a limit passed.
pub fn actor_events(kb: &dyn Kb, actor: &NamedNode, limits: Limits) -> Result<Vec<ActorEvent>> {
    Ok(rows(
        kb,
        "events of an actor",
        EVENTS,
        &[("actor", actor.clone().into())],
        limits,
    )?
    .into_iter()
    .filter_map(|mut row| {
        Some(ActorEvent {
            event: row.remove("ev")?,
            role: row.remove("role")?,
            date: row.remove("date"),
            date_text: row.remove("dateText"),
        })
    })
    .collect())
}

/// Something an actor claims, with where.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorClaim {
    /// What is claimed.
    pub what: Term,
    /// The attestation's standing.
    pub standing: Option<Term>,
    /// The source.
    pub source: Option<Term>,
    /// The sentence index.
    pub sentence: Option<Term>,
}

/// What `actor` is cited as claiming.
///
/// # Errors
/// A query error, or a limit passed.
pub fn actor_claims(kb: &dyn Kb, actor: &NamedNode, limits: Limits) -> Result<Vec<ActorClaim>> {
    Ok(rows(
        kb,
        "claims of an actor",
        CLAIMS,
        &[("actor", actor.clone().into())],
        limits,
    )?
    .into_iter()
    .filter_map(|mut row| {
        Some(ActorClaim {
            what: row.remove("x")?,
            standing: row.remove("standing"),
            source: row.remove("source"),
            sentence: row.remove("sentence"),
        })
    })
    .collect())
}

/// Triples, events and actors in the graph, as the numbers' texts.
///
/// # Errors
/// A query error, or a limit passed.
pub fn size(kb: &dyn Kb, limits: Limits) -> Result<Option<[String; 3]>> {
    Ok(rows(kb, "size", SIZE, &[], limits)?
        .first()
        .map(|row| ["triples", "events", "actors"].map(|k| text(row, k).unwrap_or_else(|| "0".to_owned()))))
}

/// A source of the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    /// The source node.
    pub source: Option<Term>,
    /// Its title or label.
    pub title: Option<Term>,
    /// Its publication date.
    pub date: Option<Term>,
    /// Its file name.
    pub file: Option<Term>,
}

/// The graph's sources, by file name.
///
/// # Errors
/// A query error, or a limit passed.
pub fn sources(kb: &dyn Kb, limits: Limits) -> Result<Vec<SourceRow>> {
    Ok(rows(kb, "sources", SOURCES, &[], limits)?
        .into_iter()
        .map(|mut row| SourceRow {
            source: row.remove("source"),
            title: row.remove("title"),
            date: row.remove("date"),
            file: row.remove("file"),
        })
        .collect())
}

/// Every (IRI, name) pair of the graph's own entities: preferred labels, aliases and metonyms.
///
/// # Errors
/// A query error, or a limit passed.
pub fn labels(kb: &dyn Kb, limits: Limits) -> Result<Vec<(String, String)>> {
    Ok(rows(kb, "labels", LABELS, &[], limits)?
        .iter()
        .filter_map(|row| match row.get("label") {
            Some(Term::Literal(l)) => Some((iri(row, "s")?, l.value().to_owned())),
            _ => None,
        })
        .collect())
}

/// The name to show for each IRI: its preferred label, else its `rdfs:label`, else any name.
///
/// # Errors
/// A query error, or a limit passed.
pub fn display_names(kb: &dyn Kb, limits: Limits) -> Result<HashMap<String, String>> {
    let mut names = HashMap::new();
    for row in rows(kb, "names", NAMES, &[], limits)? {
        if let (Some(s), Some(Term::Literal(l))) = (iri(&row, "s"), row.get("name")) {
            names.entry(s).or_insert_with(|| l.value().to_owned());
        }
    }
    Ok(names)
}

/// Whether `entity` is an instance of `class` or of a subclass of it.
///
/// # Errors
/// A query error, or a limit passed.
pub fn is_a(kb: &dyn Kb, entity: &NamedNode, class: &NamedNode, limits: Limits) -> Result<bool> {
    let bindings = vec![
        (Variable::new_unchecked("e"), entity.clone().into()),
        (Variable::new_unchecked("class"), class.clone().into()),
    ];
    Ok(run(kb, "kind", KIND, bindings, limits)? == Answer::Boolean(true))
}

/// The file name (`bkg:fileName`) of the source `source`.
///
/// # Errors
/// A query error, or a limit passed.
pub fn file_name(kb: &dyn Kb, source: &NamedNode, limits: Limits) -> Result<Option<String>> {
    Ok(rows(
        kb,
        "file name",
        FILE_NAME,
        &[("e", source.clone().into())],
        limits,
    )?
    .first()
    .and_then(|row| text(row, "file")))
}
