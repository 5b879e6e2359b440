//! Finds the focus nodes and values that break one property shape, with SPARQL over the checked
//! graphs (and lexical checks of literals in Rust).

use std::collections::{HashMap, HashSet};

use oxigraph::model::{NamedNode, Term};
use oxigraph::store::Store;

use super::literal::well_formed;
use super::read::{Alternative, NodeKind, NodeShape, PropertyShape, Target};
use super::Keyed;
use crate::error::{Result, Violation};
use crate::query::{Row, Scope};
use crate::vocab::{compact, GENID};

/// Subclass closures, computed once per class from the ontology.
#[derive(Default)]
pub struct Closures(HashMap<NamedNode, HashSet<NamedNode>>);

impl Closures {
    /// `class` and all its subclasses.
    pub fn of(&mut self, store: &Store, class: &NamedNode) -> Result<&HashSet<NamedNode>> {
        if !self.0.contains_key(class) {
            let rows = select(
                store,
                &format!("SELECT DISTINCT ?c WHERE {{ ?c <http://www.w3.org/2000/01/rdf-schema#subClassOf>* {class} }}"),
                &Scope::Union,
            )?;
            let mut set: HashSet<NamedNode> = rows
                .iter()
                .filter_map(|r| match r.get("c") {
                    Some(Term::NamedNode(n)) => Some(n.clone()),
                    _ => None,
                })
                .collect();
            set.insert(class.clone());
            self.0.insert(class.clone(), set);
        }
        Ok(self.0.entry(class.clone()).or_default())
    }

    /// `VALUES ?var { … }` over `class` and all its subclasses, so that a check joins on
    /// `rdf:type` instead of walking `rdfs:subClassOf*` from every typed node.
    fn values(&mut self, store: &Store, var: &str, class: &NamedNode) -> Result<String> {
        let mut listed: Vec<String> = self.of(store, class)?.iter().map(ToString::to_string).collect();
        listed.sort();
        Ok(format!("VALUES ?{var} {{ {} }}", listed.join(" ")))
    }
}

fn select(store: &Store, query: &str, scope: &Scope) -> Result<Vec<Row>> {
    crate::query::select_in(store, "shape check", query, &[], scope)
}

pub(super) fn shown(term: &Term) -> String {
    match term {
        Term::NamedNode(n) if !n.as_str().starts_with(GENID) => compact(n.as_str()),
        Term::NamedNode(_) | Term::BlankNode(_) => "a blank node".into(),
        other => other.to_string(),
    }
}

/// `?n` bound to every focus node of `shape`.
fn focus(store: &Store, shape: &NodeShape, closures: &mut Closures) -> Result<String> {
    let mut patterns = Vec::new();
    for target in &shape.targets {
        patterns.push(match target {
            Target::Class(c) => format!(
                "{{ {} ?n a ?focusclass }}",
                closures.values(store, "focusclass", c)?
            ),
            Target::Node(n) => format!("{{ VALUES ?n {{ {n} }} }}"),
            Target::SubjectsOf(p) => format!("{{ ?n {p} ?x }}"),
            Target::ObjectsOf(p) => format!("{{ ?x {p} ?n }}"),
        });
    }
    Ok(format!(
        "{{ SELECT DISTINCT ?n WHERE {{ {} }} }}",
        patterns.join(" UNION ")
    ))
}

/// Every focus node of `shape`, found once for all its property shapes.
pub fn focus_nodes(
    store: &Store,
    shape: &NodeShape,
    scope: &Scope,
    closures: &mut Closures,
) -> Result<Vec<Term>> {
    let focus = focus(store, shape, closures)?;
    Ok(select(store, &format!("SELECT ?n WHERE {focus}"), scope)?
        .into_iter()
        .filter_map(|mut row| row.remove("n"))
        .collect())
}

/// The violation of `property` by `node`, with the shape's own message first when it has one.
pub(super) fn violation(property: &PropertyShape, node: &Term, message: &str) -> Keyed {
    (
        node.to_string(),
        Violation {
            node: shown(node),
            property: property.path.shown.clone(),
            message: property
                .message
                .as_ref()
                .map_or(message.to_owned(), |m| format!("{m} ({message})")),
            files: Vec::new(),
        },
    )
}

/// What `sh:in` and `sh:or` violations say.
pub(super) fn one_of_message(members: &[Term]) -> String {
    format!(
        "value is not one of {}",
        members.iter().map(shown).collect::<Vec<_>>().join(", ")
    )
}

/// A SPARQL expression true when `?v` has the node kind. Skolemised blank nodes (`genid:` IRIs)
/// count as the blank nodes they were written as.
fn kind_expression(kind: NodeKind) -> String {
    let blank = format!("(isBlank(?v) || STRSTARTS(STR(?v), \"{GENID}\"))");
    let iri = format!("(isIRI(?v) && !STRSTARTS(STR(?v), \"{GENID}\"))");
    let literal = "isLiteral(?v)".to_owned();
    match kind {
        NodeKind::BlankNode => blank,
        NodeKind::Iri => iri,
        NodeKind::Literal => literal,
        NodeKind::BlankNodeOrIri => format!("({blank} || {iri})"),
        NodeKind::BlankNodeOrLiteral => format!("({blank} || {literal})"),
        NodeKind::IriOrLiteral => format!("({iri} || {literal})"),
    }
}

pub(super) fn kind_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::BlankNode => "a blank node",
        NodeKind::Iri => "an IRI",
        NodeKind::Literal => "a literal",
        NodeKind::BlankNodeOrIri => "a blank node or an IRI",
        NodeKind::BlankNodeOrLiteral => "a blank node or a literal",
        NodeKind::IriOrLiteral => "an IRI or a literal",
    }
}

/// Checks one property shape of `shape`, adding `(node key, violation)` pairs to `out`.
pub fn check(
    store: &Store,
    shape: &NodeShape,
    property: &PropertyShape,
    scope: &Scope,
    closures: &mut Closures,
    out: &mut Vec<Keyed>,
) -> Result<()> {
    let focus = focus(store, shape, closures)?;
    let path = &property.path.sparql;
    let mut report = |node: &Term, message: String| out.push(violation(property, node, &message));
    if property.min.is_some() || property.max.is_some() {
        let rows = select(
            store,
            &format!("SELECT ?n (COUNT(DISTINCT ?v) AS ?c) WHERE {{ {focus} OPTIONAL {{ ?n {path} ?v }} }} GROUP BY ?n"),
            scope,
        )?;
        for row in rows {
            let (Some(n), Some(Term::Literal(c))) = (row.get("n"), row.get("c")) else {
                continue;
            };
            let Ok(c) = c.value().parse::<u64>() else {
                continue;
            };
            if let Some(min) = property.min.filter(|m| c < *m) {
                report(n, format!("has {c} value(s), needs at least {min}"));
            }
            if let Some(max) = property.max.filter(|m| c > *m) {
                report(n, format!("has {c} values, allows at most {max}"));
            }
        }
    }
    let mut filters: Vec<(String, String)> = Vec::new();
    for class in &property.classes {
        filters.push((
            format!(
                "FILTER NOT EXISTS {{ {} ?v a ?valueclass }}",
                closures.values(store, "valueclass", class)?
            ),
            format!("value is not a {}", compact(class.as_str())),
        ));
    }
    if let Some(dt) = &property.datatype {
        filters.push((
            format!("FILTER(!isLiteral(?v) || DATATYPE(?v) != {dt})"),
            format!("value is not of datatype {}", compact(dt.as_str())),
        ));
    }
    if let Some(kind) = property.node_kind {
        filters.push((
            format!("FILTER(!{})", kind_expression(kind)),
            format!("value is not {}", kind_name(kind)),
        ));
    }
    if let Some(members) = &property.one_of {
        let same: Vec<String> = members.iter().map(|m| format!("sameTerm(?v, {m})")).collect();
        let test = if same.is_empty() {
            "false".to_owned()
        } else {
            same.join(" || ")
        };
        filters.push((format!("FILTER(!({test}))"), one_of_message(members)));
    }
    let alternatives = property.any_of.as_deref().unwrap_or_default();
    if property.any_of.is_some() && !alternatives.iter().any(|a| *a == Alternative::default()) {
        let mut tests = Vec::new();
        for alternative in alternatives {
            let mut parts = Vec::new();
            if let Some(dt) = &alternative.datatype {
                parts.push(format!("(isLiteral(?v) && DATATYPE(?v) = {dt})"));
            }
            if let Some(class) = &alternative.class {
                parts.push(format!(
                    "EXISTS {{ {} ?v a ?altclass }}",
                    closures.values(store, "altclass", class)?
                ));
            }
            tests.push(format!("({})", parts.join(" && ")));
        }
        let test = if tests.is_empty() {
            "false".to_owned()
        } else {
            tests.join(" || ")
        };
        let names: Vec<String> = alternatives.iter().map(alternative_name).collect();
        filters.push((
            format!("FILTER(!({test}))"),
            format!("value is none of {}", names.join(", ")),
        ));
    }
    for (filter, message) in filters {
        let rows = select(
            store,
            &format!("SELECT DISTINCT ?n ?v WHERE {{ {focus} ?n {path} ?v . {filter} }}"),
            scope,
        )?;
        for row in rows {
            if let (Some(n), Some(v)) = (row.get("n"), row.get("v")) {
                report(n, format!("{message}: {}", shown(v)));
            }
        }
    }
    // SHACL's sh:datatype also rejects a literal whose text is not valid for the datatype.
    let mut typed: Vec<&NamedNode> = property.datatype.iter().collect();
    typed.extend(
        alternatives
            .iter()
            .filter(|a| a.class.is_none())
            .filter_map(|a| a.datatype.as_ref()),
    );
    // Only datatypes with texts that can be invalid need the look (the empty text is invalid for them).
    typed.retain(|dt| well_formed("", dt.as_str()) == Some(false));
    if !typed.is_empty() {
        let listed: Vec<String> = typed.iter().map(ToString::to_string).collect();
        let rows = select(
            store,
            &format!(
                "SELECT DISTINCT ?n ?v WHERE {{ {focus} ?n {path} ?v . FILTER(isLiteral(?v) && DATATYPE(?v) IN ({})) }}",
                listed.join(", ")
            ),
            scope,
        )?;
        for row in rows {
            if let (Some(n), Some(Term::Literal(v))) = (row.get("n"), row.get("v")) {
                if well_formed(v.value(), v.datatype().as_str()) == Some(false) {
                    report(
                        n,
                        format!("value is not a valid {}: {v}", compact(v.datatype().as_str())),
                    );
                }
            }
        }
    }
    Ok(())
}

pub(super) fn alternative_name(alternative: &Alternative) -> String {
    match (&alternative.datatype, &alternative.class) {
        (Some(d), Some(c)) => format!("{} {}", compact(c.as_str()), compact(d.as_str())),
        (Some(d), None) => compact(d.as_str()),
        (None, Some(c)) => compact(c.as_str()),
        (None, None) => "anything".into(),
    }
}
