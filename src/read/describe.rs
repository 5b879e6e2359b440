//! An entity's description, read from the embedded store's quads: its own triples with the nodes
//! that hang from it (attestations, casualty figures), the reified statements about it (facts and
//! derived edges with their attestations), and the statements of other nodes that point at it.

use std::collections::BTreeSet;

use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Term, Triple};
use oxigraph::store::Store;

use crate::vocab::{rdf, GENID};

/// How deep the description follows nodes that hang from the entity (its attestations, their
/// figures).
const DEPTH: usize = 3;

/// The triples that describe `entity`: its own, those of the skolemised nodes it points to (to
/// [`DEPTH`]), and the reified statements (`rdf:subject`/`rdf:object`) about it with theirs.
/// Each triple once, whatever graph it is in, sorted.
///
/// # Errors
/// A storage error.
pub fn entity(store: &Store, entity: NamedNodeRef<'_>) -> crate::Result<Vec<Triple>> {
    let mut out = std::collections::HashSet::new();
    let mut seen = BTreeSet::new();
    follow(store, entity.into_owned(), 0, &mut out, &mut seen)?;
    for predicate in [rdf::SUBJECT, rdf::OBJECT] {
        for quad in store.quads_for_pattern(None, Some(predicate), Some(entity.into()), None) {
            let quad = quad?;
            if let NamedOrBlankNode::NamedNode(statement) = quad.subject {
                follow(store, statement, 1, &mut out, &mut seen)?;
            }
        }
    }
    let mut triples: Vec<Triple> = out.into_iter().collect();
    triples.sort_by_cached_key(ToString::to_string);
    Ok(triples)
}

fn follow(
    store: &Store,
    node: NamedNode,
    depth: usize,
    out: &mut std::collections::HashSet<Triple>,
    seen: &mut BTreeSet<NamedNode>,
) -> crate::Result<()> {
    if !seen.insert(node.clone()) {
        return Ok(());
    }
    let mut next = Vec::new();
    for quad in store.quads_for_pattern(Some(node.as_ref().into()), None, None, None) {
        let quad = quad?;
        if let Term::NamedNode(object) = &quad.object {
            if object.as_str().starts_with(GENID) && depth < DEPTH {
                next.push(object.clone());
            }
        }
        out.insert(Triple::new(quad.subject, quad.predicate, quad.object));
    }
    for object in next {
        follow(store, object, depth + 1, out, seen)?;
    }
    Ok(())
}

/// Whether the store mentions `iri` at all (as subject or object, in any graph).
///
/// # Errors
/// A storage error.
pub fn is_known(store: &Store, iri: NamedNodeRef<'_>) -> crate::Result<bool> {
    if store
        .quads_for_pattern(Some(iri.into()), None, None, None)
        .next()
        .transpose()?
        .is_some()
    {
        return Ok(true);
    }
    Ok(store
        .quads_for_pattern(None, None, Some(iri.into()), None)
        .next()
        .transpose()?
        .is_some())
}

/// The (subject, predicate) of each statement that points at `iri`, each pair once, at most `max`.
///
/// # Errors
/// A storage error.
pub fn incoming(
    store: &Store,
    iri: NamedNodeRef<'_>,
    max: usize,
) -> crate::Result<Vec<(NamedOrBlankNode, NamedNode)>> {
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for quad in store.quads_for_pattern(None, None, Some(iri.into()), None) {
        let quad = quad?;
        if !seen.insert((quad.subject.to_string(), quad.predicate.to_string())) {
            continue;
        }
        if out.len() >= max {
            break;
        }
        out.push((quad.subject, quad.predicate));
    }
    Ok(out)
}
