//! What the actor-network projection and its flags read: the network relations, the asserted
//! triples of a relation with what supports them, the actors' labels and classes, the standings,
//! and which predicates are used.

use std::collections::{BTreeSet, HashMap};

use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::Variable;

use super::{batched, iri, number, text};
use crate::error::Result;
use crate::query::{run, select, Answer, Kb, Limits};

const RELATIONS: &str = "SELECT DISTINCT ?r WHERE { ?r a bkg:networkRelation } ORDER BY ?r";

const TRIPLES: &str = "SELECT ?s ?o ?support WHERE {
  ?s ?p ?o .
  FILTER(isIRI(?o))
  OPTIONAL {
    ?edge rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    { ?edge bkg:derivedFrom ?support } UNION { ?edge a bkg:Fact . BIND(?edge AS ?support) }
  }
}";

/// Label and most specific class of a batch of actors (`VALUES_E` stands for the batch).
const NODES: &str = "SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?class) WHERE {
  VALUES_E
  OPTIONAL { ?e skos:prefLabel|rdfs:label ?l }
  OPTIONAL { ?e a ?c . FILTER NOT EXISTS { ?e a ?sub . ?sub rdfs:subClassOf+ ?c . FILTER(?sub != ?c) } }
} GROUP BY ?e";

const STANDINGS: &str = "SELECT ?s ?label ?rank WHERE { ?s a bkg:Standing ; rdfs:label ?label ; bkg:certaintyRank ?rank } ORDER BY DESC(?rank) ?s";

const PREDICATES: &str = "SELECT DISTINCT ?p WHERE { ?s ?p ?o }";

/// The relations the ontology marks as network relations (full IRIs, sorted).
///
/// # Errors
/// A storage, transport or query error.
pub fn relations(kb: &dyn Kb) -> Result<Vec<String>> {
    Ok(select(kb, "network relations", RELATIONS, &[])?
        .iter()
        .filter_map(|row| iri(row, "r"))
        .collect())
}

/// One asserted `subject relation object` between IRIs, and an event or fact supporting it (none
/// for a plain triple; one row per support).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assertion {
    /// Subject IRI.
    pub subject: String,
    /// Object IRI.
    pub object: String,
    /// The event it is derived from, or the reified fact stating it.
    pub support: Option<String>,
}

/// Gives `each` the assertions of `relation` (a full IRI), one at a time: a relation of a large
/// graph has millions.
///
/// # Errors
/// A storage, transport or query error.
pub fn assertions(kb: &dyn Kb, relation: &str, mut each: impl FnMut(Assertion)) -> Result<()> {
    // Written into the text as the constant it is rather than bound: a binding is a VALUES join,
    // which the planner sees as one more pattern to order. A valid IRI cannot close the `<…>`.
    let relation = NamedNode::new(relation)
        .map_err(|e| crate::Error::Parameter(format!("relation <{relation}>: {e}")))?;
    let query = TRIPLES.replace("?p", &relation.to_string());
    super::each(kb, "projection", &query, |row| {
        if let (Some(subject), Some(object)) = (iri(row, "s"), iri(row, "o")) {
            each(Assertion {
                subject,
                object,
                support: iri(row, "support"),
            });
        }
    })
}

/// What the graph says of an actor: its label and most specific class (compacted), if any.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Node {
    /// Preferred label or `rdfs:label`.
    pub label: Option<String>,
    /// Most specific class, compacted.
    pub class: Option<String>,
}

/// Label and class of each of `iris`, asked in batches.
///
/// # Errors
/// A storage, transport or query error.
pub fn nodes(kb: &dyn Kb, iris: &BTreeSet<&String>) -> Result<HashMap<String, Node>> {
    let iris: Vec<&String> = iris.iter().copied().collect();
    Ok(batched(kb, "projection nodes", NODES, &iris)?
        .iter()
        .filter_map(|row| {
            let node = Node {
                label: match row.get("label") {
                    Some(Term::Literal(l)) => Some(l.value().to_owned()),
                    _ => None,
                },
                class: iri(row, "class").map(|c| crate::vocab::compact(&c)),
            };
            Some((iri(row, "e")?, node))
        })
        .collect())
}

/// A standing of the ontology: how firmly a source states something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// Its IRI.
    pub iri: String,
    /// Its label (`alleged`).
    pub label: String,
    /// Its certainty rank (6 confirmed … 0 denied).
    pub rank: u8,
}

/// The standings, most certain first.
///
/// # Errors
/// A storage, transport or query error.
pub fn standings(kb: &dyn Kb) -> Result<Vec<Standing>> {
    Ok(select(kb, "standings", STANDINGS, &[])?
        .iter()
        .filter_map(|row| {
            Some(Standing {
                iri: iri(row, "s")?,
                label: text(row, "label")?,
                rank: number(row, "rank")?,
            })
        })
        .collect())
}

/// Whether any triple uses `predicate`.
///
/// # Errors
/// A storage, transport or query error.
pub fn is_used(kb: &dyn Kb, predicate: &NamedNode) -> Result<bool> {
    let answer = run(
        kb,
        "--relations",
        "ASK { ?s ?p ?o }",
        vec![(Variable::new_unchecked("p"), predicate.clone().into())],
        Limits::default(),
    )?;
    Ok(answer == Answer::Boolean(true))
}

/// Every predicate some triple uses, compacted.
///
/// # Errors
/// A storage, transport or query error.
pub fn predicates(kb: &dyn Kb) -> Result<Vec<String>> {
    Ok(select(kb, "--relations", PREDICATES, &[])?
        .iter()
        .filter_map(|row| iri(row, "p").map(|p| crate::vocab::compact(&p)))
        .collect())
}
