//! Checks a property shape whose path is a single predicate directly over the store's quads: one
//! index lookup per focus node (and per value for `sh:class`), instead of a SPARQL query per
//! constraint over every focus node. Its results and messages are those of the SPARQL checks in
//! `check.rs`, which handle every other path.

use std::collections::{HashMap, HashSet};

use oxigraph::model::{GraphName, NamedNode, NamedNodeRef, NamedOrBlankNode, NamedOrBlankNodeRef, Term};
use oxigraph::store::Store;

use super::check::{alternative_name, kind_name, one_of_message, shown, violation, Closures};
use super::literal::well_formed;
use super::read::{NodeKind, NodeShape, PropertyShape, Target};
use super::Keyed;
use crate::error::Result;
use crate::query::Scope;
use crate::vocab::{compact, GENID};

/// From this many focus nodes a check scans the predicate once instead of looking up each node.
pub(super) const SCAN_FROM: usize = 512;

/// The types of at most this many values are kept; past it, the cache starts again.
const TYPES_KEPT: usize = 100_000;

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

    /// The checked graphs, listed.
    fn listed(&self) -> Result<Vec<GraphName>> {
        match &self.graphs {
            Some(graphs) => Ok(graphs.clone()),
            None => std::iter::once(Ok(GraphName::DefaultGraph))
                .chain(
                    self.store
                        .named_graphs()
                        .map(|g| Ok(GraphName::from(g.map_err(crate::Error::from)?))),
                )
                .collect(),
        }
    }

    /// Calls `each` with the subject and object of every `predicate` triple in the checked
    /// graphs, once per triple even when several of the graphs hold it.
    ///
    /// # Errors
    /// A storage error, or the first error of `each`.
    pub fn each_triple(
        &mut self,
        predicate: NamedNodeRef<'_>,
        mut each: impl FnMut(&mut Self, NamedOrBlankNode, Term) -> Result<()>,
    ) -> Result<()> {
        let graphs = self.listed()?;
        let store = self.store;
        for (i, graph) in graphs.iter().enumerate() {
            for quad in store.quads_for_pattern(None, Some(predicate), None, Some(graph.as_ref())) {
                let quad = quad?;
                if !crate::store::held_in(store, &quad, &graphs[..i])? {
                    each(self, quad.subject, quad.object)?;
                }
            }
        }
        Ok(())
    }

    /// Calls `each` with every focus node of `shape` in the checked graphs (a node may come more
    /// than once).
    ///
    /// # Errors
    /// A storage error, or the first error of `each`.
    pub fn each_focus(
        &self,
        shape: &NodeShape,
        closures: &mut Closures,
        mut each: impl FnMut(Term) -> Result<()>,
    ) -> Result<()> {
        let graphs = self.listed()?;
        for target in &shape.targets {
            match target {
                Target::Node(node) => each(node.clone())?,
                Target::Class(class) => {
                    for member in closures.of(self.store, class)? {
                        for graph in &graphs {
                            let typed = self.store.quads_for_pattern(
                                None,
                                Some(RDF_TYPE),
                                Some(member.as_ref().into()),
                                Some(graph.as_ref()),
                            );
                            for quad in typed {
                                each(quad?.subject.into())?;
                            }
                        }
                    }
                }
                Target::SubjectsOf(p) | Target::ObjectsOf(p) => {
                    let subjects = matches!(target, Target::SubjectsOf(_));
                    for graph in &graphs {
                        let quads =
                            self.store
                                .quads_for_pattern(None, Some(p.as_ref()), None, Some(graph.as_ref()));
                        for quad in quads {
                            let quad = quad?;
                            each(if subjects {
                                quad.subject.into()
                            } else {
                                quad.object
                            })?;
                        }
                    }
                }
            }
        }
        Ok(())
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
            if self.types.len() >= TYPES_KEPT {
                self.types.clear();
            }
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
    let constraints = Constraints::new(store, property, closures)?;
    let all_values = graphs.values(focus, predicate.as_ref())?;
    for (node, values) in focus.iter().zip(all_values) {
        constraints.count(node, values.len() as u64, out);
        for value in &values {
            constraints.value(graphs, node, value, out)?;
        }
    }
    Ok(())
}

/// One property shape's constraints, with the subclass closures of the classes they name: what a
/// check applies to a focus node's number of values and to each value.
pub struct Constraints<'p> {
    property: &'p PropertyShape,
    classes: Vec<(&'p NamedNode, HashSet<NamedNode>)>,
    alternative_classes: Vec<Option<HashSet<NamedNode>>>,
}

impl<'p> Constraints<'p> {
    /// # Errors
    /// A storage error reading a subclass closure.
    pub fn new(store: &Store, property: &'p PropertyShape, closures: &mut Closures) -> Result<Self> {
        let classes = property
            .classes
            .iter()
            .map(|c| Ok((c, closures.of(store, c)?.clone())))
            .collect::<Result<Vec<_>>>()?;
        let alternative_classes = property
            .any_of
            .iter()
            .flatten()
            .map(|a| {
                a.class
                    .as_ref()
                    .map(|c| closures.of(store, c).cloned())
                    .transpose()
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Self {
            property,
            classes,
            alternative_classes,
        })
    }

    /// Checks that `node` has an allowed number of values.
    pub fn count(&self, node: &Term, count: u64, out: &mut Vec<Keyed>) {
        let property = self.property;
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
    }

    /// Whether the number of values needs checking at all.
    pub fn counts(&self) -> bool {
        self.property.min.is_some() || self.property.max.is_some()
    }

    /// Whether `count` values are too few or too many.
    pub fn breaks_count(&self, count: u64) -> bool {
        self.property.min.is_some_and(|m| count < m) || self.property.max.is_some_and(|m| count > m)
    }

    /// Checks one value of `node`.
    ///
    /// # Errors
    /// A storage error reading the value's types.
    pub fn value(
        &self,
        graphs: &mut impl Values,
        node: &Term,
        value: &Term,
        out: &mut Vec<Keyed>,
    ) -> Result<()> {
        let property = self.property;
        for (class, members) in &self.classes {
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
        if let Some(alternatives) = &property.any_of {
            let mut invalid_text = false;
            let mut satisfied = false;
            for (alternative, members) in alternatives.iter().zip(&self.alternative_classes) {
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
        Ok(())
    }
}
