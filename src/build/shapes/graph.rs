//! Reads triples of the shapes graph (the ontology graph) directly from the store.

use oxigraph::model::{GraphNameRef, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Quad, Term, TermRef};
use oxigraph::store::Store;

use crate::error::Result;
use crate::vocab::ONTOLOGY_GRAPH;

const RDF_FIRST: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#first");
const RDF_REST: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#rest");
const RDF_NIL: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";

/// The longest RDF list read; a longer (or cyclic) list is an error.
const MAX_LIST: usize = 10_000;

/// The triples of the ontology graph, where the shapes are.
pub struct ShapesGraph<'a> {
    store: &'a Store,
}

impl<'a> ShapesGraph<'a> {
    pub fn new(store: &'a Store) -> Self {
        Self { store }
    }

    fn quads(
        &self,
        subject: Option<&Term>,
        predicate: Option<NamedNodeRef<'_>>,
        object: Option<TermRef<'_>>,
    ) -> Result<Vec<Quad>> {
        let subject = match subject {
            Some(Term::NamedNode(n)) => Some(NamedOrBlankNodeRef::from(n.as_ref())),
            Some(Term::BlankNode(b)) => Some(NamedOrBlankNodeRef::from(b.as_ref())),
            Some(Term::Literal(_)) => return Ok(Vec::new()),
            None => None,
        };
        let graph = GraphNameRef::NamedNode(ONTOLOGY_GRAPH);
        Ok(self
            .store
            .quads_for_pattern(subject, predicate, object, Some(graph))
            .collect::<std::result::Result<Vec<_>, _>>()?)
    }

    /// Every `(predicate, object)` of `subject`.
    pub fn properties(&self, subject: &Term) -> Result<Vec<(NamedNode, Term)>> {
        Ok(self
            .quads(Some(subject), None, None)?
            .into_iter()
            .map(|q| (q.predicate, q.object))
            .collect())
    }

    /// Every subject with `predicate`, optionally with `object` as its value.
    pub fn subjects(&self, predicate: NamedNodeRef<'_>, object: Option<TermRef<'_>>) -> Result<Vec<Term>> {
        Ok(self
            .quads(None, Some(predicate), object)?
            .into_iter()
            .map(|q| q.subject.into())
            .collect())
    }

    /// Every object of `subject`'s `predicate`.
    pub fn objects(&self, subject: &Term, predicate: NamedNodeRef<'_>) -> Result<Vec<Term>> {
        Ok(self
            .quads(Some(subject), Some(predicate), None)?
            .into_iter()
            .map(|q| q.object)
            .collect())
    }

    /// Whether `node` is the head of an RDF list (it has an `rdf:first`).
    pub fn is_list(&self, node: &Term) -> Result<bool> {
        Ok(!self.objects(node, RDF_FIRST)?.is_empty())
    }

    /// The members of the RDF list starting at `head`, or `None` when it is not a well-formed list.
    pub fn list(&self, head: &Term) -> Result<Option<Vec<Term>>> {
        let mut members = Vec::new();
        let mut node = head.clone();
        while !matches!(&node, Term::NamedNode(n) if n.as_str() == RDF_NIL) {
            if members.len() > MAX_LIST {
                return Ok(None);
            }
            let (first, rest) = (self.objects(&node, RDF_FIRST)?, self.objects(&node, RDF_REST)?);
            let ([first], [rest]) = (first.as_slice(), rest.as_slice()) else {
                return Ok(None);
            };
            members.push(first.clone());
            node = rest.clone();
        }
        Ok(Some(members))
    }
}
