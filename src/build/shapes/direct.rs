//! Checks a property shape whose path is a single predicate directly over the store's quads: one
//! index lookup per focus node (and per value for `sh:class`), instead of a SPARQL query per
//! constraint over every focus node. Its results and messages are those of the SPARQL checks in
//! `check.rs`, which handle every other path.

use std::collections::{HashMap, HashSet};

use oxigraph::model::{GraphName, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Term};
use oxigraph::store::Store;

use super::check::{alternative_name, kind_name, one_of_message, shown, violation, Closures};
use super::literal::well_formed;
use super::read::{NodeKind, PropertyShape};
use super::Keyed;
use crate::error::Result;
use crate::query::Scope;
use crate::vocab::{compact, GENID};

/// From this many focus nodes a check scans the predicate once instead of looking up each node.
const SCAN_FROM: usize = 512;

const RDF_TYPE: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");

/// Where a check reads the values of a focus node's predicate, and the types of a value: the
/// store ([`Graphs`]), or the quads of an import batch not yet loaded (`stream::Batch`).
pub trait Values {
    /// The distinct values of `predicate` on each node of `focus`, in the order of `focus`.
    ///
    /// # Errors
    /// A storage error.
    fn values(&mut self, focus: &[Term], predicate: NamedNodeRef<'_>) -> Result<Vec<Vec<Term>>>;

    /// Whether `value` has a type among `classes`.
    ///
    /// # Errors
    /// A storage error.
    fn is_instance(&mut self, value: &Term, classes: &HashSet<NamedNode>) -> Result<bool>;
}

/// The checked graphs of a store, with the types of the nodes looked up so far.
pub struct Graphs<'a> {
    store: &'a Store,
    /// `None` for every graph.
    graphs: Option<Vec<GraphName>>,
    types: HashMap<Term, Vec<NamedNode>>,
}

impl<'a> Graphs<'a> {
    pub fn new(store: &'a Store, scope: &Scope) -> Self {
        Self {
            store,
            graphs: match scope {
                Scope::Union => None,
                Scope::Graphs(g) => Some(g.clone()),
            },
            types: HashMap::new(),
        }
    }

    /// The distinct objects of `subject`'s `predicate` in the checked graphs.
    pub(super) fn objects(&self, subject: &Term, predicate: NamedNodeRef<'_>) -> Result<Vec<Term>> {
        let subject = match subject {
            Term::NamedNode(n) => NamedOrBlankNodeRef::from(n.as_ref()),
            Term::BlankNode(b) => NamedOrBlankNodeRef::from(b.as_ref()),
            Term::Literal(_) => return Ok(Vec::new()),
        };
        let mut out: Vec<Term> = Vec::new();
        let mut add = |quads: oxigraph::store::QuadIter<'_>| -> Result<()> {
            for quad in quads {
                let object = quad?.object;
                if !out.contains(&object) {
                    out.push(object);
                }
            }
            Ok(())
        };
        match &self.graphs {
            None => add(self
                .store
                .quads_for_pattern(Some(subject), Some(predicate), None, None))?,
            Some(graphs) => {
                for graph in graphs {
                    add(self.store.quads_for_pattern(
                        Some(subject),
                        Some(predicate),
                        None,
                        Some(graph.as_ref()),
                    ))?;
                }
            }
        }
        Ok(out)
    }

    /// Whether `object` is the object of a `predicate` triple in the checked graphs.
    pub(super) fn is_object_of(&self, predicate: NamedNodeRef<'_>, object: &Term) -> Result<bool> {
        let any = |graph: Option<oxigraph::model::GraphNameRef<'_>>| {
            self.store
                .quads_for_pattern(None, Some(predicate), Some(object.as_ref()), graph)
                .next()
                .transpose()
                .map(|q| q.is_some())
        };
        match &self.graphs {
            None => Ok(any(None)?),
            Some(graphs) => {
                for graph in graphs {
                    if any(Some(graph.as_ref()))? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    /// Every subject of `predicate` in the checked graphs with its distinct objects: one scan of
    /// the predicate, cheaper than a lookup per node when most nodes are checked.
    fn by_subject(&self, predicate: NamedNodeRef<'_>) -> Result<HashMap<Term, Vec<Term>>> {
        let mut map: HashMap<Term, Vec<Term>> = HashMap::new();
        let mut add = |quads: oxigraph::store::QuadIter<'_>| -> Result<()> {
            for quad in quads {
                let quad = quad?;
                let values = map.entry(quad.subject.into()).or_default();
                if !values.contains(&quad.object) {
                    values.push(quad.object);
                }
            }
            Ok(())
        };
        match &self.graphs {
            None => add(self.store.quads_for_pattern(None, Some(predicate), None, None))?,
            Some(graphs) => {
                for graph in graphs {
                    add(self
                        .store
                        .quads_for_pattern(None, Some(predicate), None, Some(graph.as_ref())))?;
                }
            }
        }
        Ok(map)
    }
}

impl Values for Graphs<'_> {
    fn values(&mut self, focus: &[Term], predicate: NamedNodeRef<'_>) -> Result<Vec<Vec<Term>>> {
        if focus.len() >= SCAN_FROM {
            let mut scanned = self.by_subject(predicate)?;
            Ok(focus
                .iter()
                .map(|node| scanned.remove(node).unwrap_or_default())
                .collect())
        } else {
            focus.iter().map(|node| self.objects(node, predicate)).collect()
        }
    }

    fn is_instance(&mut self, value: &Term, classes: &HashSet<NamedNode>) -> Result<bool> {
        if !self.types.contains_key(value) {
            let types = self
                .objects(value, RDF_TYPE)?
                .into_iter()
                .filter_map(|t| match t {
                    Term::NamedNode(n) => Some(n),
                    _ => None,
                })
                .collect();
            self.types.insert(value.clone(), types);
        }
        Ok(self
            .types
            .get(value)
            .is_some_and(|types| types.iter().any(|t| classes.contains(t))))
    }
}

/// Whether `value` has the node kind; skolemised blank nodes (`genid:` IRIs) are blank nodes.
fn has_kind(kind: NodeKind, value: &Term) -> bool {
    let blank = match value {
        Term::BlankNode(_) => true,
        Term::NamedNode(n) => n.as_str().starts_with(GENID),
        Term::Literal(_) => false,
    };
    let literal = matches!(value, Term::Literal(_));
    let iri = !blank && !literal;
    match kind {
        NodeKind::BlankNode => blank,
        NodeKind::Iri => iri,
        NodeKind::Literal => literal,
        NodeKind::BlankNodeOrIri => blank || iri,
        NodeKind::BlankNodeOrLiteral => blank || literal,
        NodeKind::IriOrLiteral => iri || literal,
    }
}

/// `Some(true)` when `value` is a literal of `datatype` with a valid text, `Some(false)` when it is
/// one with an invalid text, `None` when it is not a literal of that datatype.
fn typed_as(value: &Term, datatype: &NamedNode) -> Option<bool> {
    match value {
        Term::Literal(l) if l.datatype() == datatype.as_ref() => {
            Some(well_formed(l.value(), datatype.as_str()) != Some(false))
        }
        _ => None,
    }
}

/// Checks `property` (whose path is `predicate`) on every node of `focus`.
pub fn check(
    graphs: &mut impl Values,
    store: &Store,
    focus: &[Term],
    property: &PropertyShape,
    predicate: &NamedNode,
    closures: &mut Closures,
    out: &mut Vec<Keyed>,
) -> Result<()> {
    let classes = property
        .classes
        .iter()
        .map(|c| Ok((c, closures.of(store, c)?.clone())))
        .collect::<Result<Vec<_>>>()?;
    let alternatives = property.any_of.as_deref().unwrap_or_default();
    let alternative_classes = alternatives
        .iter()
        .map(|a| {
            a.class
                .as_ref()
                .map(|c| closures.of(store, c).cloned())
                .transpose()
        })
        .collect::<Result<Vec<_>>>()?;
    let all_values = graphs.values(focus, predicate.as_ref())?;
    for (node, values) in focus.iter().zip(all_values) {
        let count = values.len() as u64;
        if let Some(min) = property.min.filter(|m| count < *m) {
            out.push(violation(
                property,
                node,
                &format!("has {count} value(s), needs at least {min}"),
            ));
        }
        if let Some(max) = property.max.filter(|m| count > *m) {
            out.push(violation(
                property,
                node,
                &format!("has {count} values, allows at most {max}"),
            ));
        }
        for value in &values {
            for (class, members) in &classes {
                if !graphs.is_instance(value, members)? {
                    let message = format!("value is not a {}: {}", compact(class.as_str()), shown(value));
                    out.push(violation(property, node, &message));
                }
            }
            if let Some(datatype) = &property.datatype {
                let message = match typed_as(value, datatype) {
                    None => Some(format!(
                        "value is not of datatype {}: {}",
                        compact(datatype.as_str()),
                        shown(value)
                    )),
                    Some(false) => Some(format!(
                        "value is not a valid {}: {value}",
                        compact(datatype.as_str())
                    )),
                    Some(true) => None,
                };
                if let Some(message) = message {
                    out.push(violation(property, node, &message));
                }
            }
            if let Some(kind) = property.node_kind.filter(|k| !has_kind(*k, value)) {
                let message = format!("value is not {}: {}", kind_name(kind), shown(value));
                out.push(violation(property, node, &message));
            }
            if let Some(members) = property.one_of.as_ref().filter(|m| !m.contains(value)) {
                let message = format!("{}: {}", one_of_message(members), shown(value));
                out.push(violation(property, node, &message));
            }
            if property.any_of.is_some() {
                let mut invalid_text = false;
                let mut satisfied = false;
                for (alternative, members) in alternatives.iter().zip(&alternative_classes) {
                    let typed = match &alternative.datatype {
                        None => true,
                        Some(d) => match typed_as(value, d) {
                            Some(valid) => {
                                invalid_text |= !valid;
                                valid
                            }
                            None => false,
                        },
                    };
                    let instance = match members {
                        None => true,
                        Some(members) => graphs.is_instance(value, members)?,
                    };
                    satisfied |= typed && instance;
                }
                if !satisfied {
                    let message = match value {
                        Term::Literal(l) if invalid_text => {
                            format!("value is not a valid {}: {value}", compact(l.datatype().as_str()))
                        }
                        _ => {
                            let names: Vec<String> = alternatives.iter().map(alternative_name).collect();
                            format!("value is none of {}: {}", names.join(", "), shown(value))
                        }
                    };
                    out.push(violation(property, node, &message));
                }
            }
        }
    }
    Ok(())
}
