//! Every triple of a store once, read graph by graph without holding the graph in memory: what
//! `push` sends and what `export --order store` writes.

use oxigraph::model::{GraphName, GraphNameRef, NamedOrBlankNode, Quad, QuadRef, Triple};
use oxigraph::store::Store;

use crate::error::Result;
use crate::remote::TripleSource;
use crate::vocab::IMPORT_GRAPHS;

/// The triples of all the graphs of `store` (curated data, ontology, derived triples, imports) as
/// one graph: a triple also held by a graph read earlier is skipped, so each comes once.
pub struct UnionTriples<'a> {
    store: &'a Store,
}

impl<'a> UnionTriples<'a> {
    /// Reads `store`.
    pub fn new(store: &'a Store) -> Self {
        Self { store }
    }
}

impl TripleSource for UnionTriples<'_> {
    fn stream(&self) -> Box<dyn Iterator<Item = Result<Triple>> + '_> {
        let mut named = Vec::new();
        for graph in self.store.named_graphs() {
            match graph {
                Ok(graph) => named.push(graph),
                Err(e) => return Box::new(std::iter::once(Err(e.into()))),
            }
        }
        let graphs = in_reading_order(named);
        let store = self.store;
        Box::new(
            graphs
                .clone()
                .into_iter()
                .enumerate()
                .flat_map(move |(i, graph)| {
                    let earlier: Vec<GraphName> = graphs[..i].to_vec();
                    store
                        .quads_for_pattern(None, None, None, Some(graph.as_ref()))
                        .filter_map(move |quad| match quad {
                            Err(e) => Some(Err(e.into())),
                            Ok(quad) => match held_in(store, &quad, &earlier) {
                                Err(e) => Some(Err(e)),
                                Ok(true) => None,
                                Ok(false) => Some(Ok(Triple::new(quad.subject, quad.predicate, quad.object))),
                            },
                        })
                }),
        )
    }
}

/// Whether one of `graphs` also holds the triple of `quad`.
///
/// # Errors
/// A storage error.
pub fn held_in(store: &Store, quad: &Quad, graphs: &[GraphName]) -> Result<bool> {
    for graph in graphs {
        let held = QuadRef::new(
            quad.subject.as_ref(),
            quad.predicate.as_ref(),
            quad.object.as_ref(),
            GraphNameRef::from(graph),
        );
        if store.contains(held)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The imported datasets' graphs first, then the default graph, then the other named graphs, each
/// group sorted by name. Every triple of a graph is looked up in the graphs read before it, so the
/// largest graphs go first: an import of a dataset holds most of a large store, and read first
/// its triples need no lookup at all.
fn in_reading_order(mut named: Vec<NamedOrBlankNode>) -> Vec<GraphName> {
    named.sort_by_cached_key(ToString::to_string);
    let (imports, others): (Vec<_>, Vec<_>) = named
        .into_iter()
        .partition(|g| matches!(g, NamedOrBlankNode::NamedNode(n) if n.as_str().starts_with(IMPORT_GRAPHS)));
    imports
        .into_iter()
        .map(GraphName::from)
        .chain(std::iter::once(GraphName::DefaultGraph))
        .chain(others.into_iter().map(GraphName::from))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::NamedNode;

    #[test]
    fn a_triple_in_two_graphs_is_pushed_once() {
        let store = Store::new().expect("memory store");
        let ex = |s: &str| NamedNode::new_unchecked(format!("http://e/{s}"));
        for graph in [GraphName::DefaultGraph, ex("g1").into(), ex("g2").into()] {
            store
                .insert(&Quad::new(ex("a"), ex("p"), ex("b"), graph.clone()))
                .expect("insert");
        }
        store
            .insert(&Quad::new(ex("a"), ex("p"), ex("c"), ex("g2")))
            .expect("insert");
        let triples: Vec<Triple> = UnionTriples::new(&store)
            .stream()
            .collect::<Result<_>>()
            .expect("reads");
        assert_eq!(triples.len(), 2, "{triples:?}");
    }

    #[test]
    fn an_imported_dataset_is_read_before_the_curated_graphs_and_its_triples_come_once() {
        let store = Store::new().expect("memory store");
        let ex = |s: &str| NamedNode::new_unchecked(format!("http://e/{s}"));
        let import = NamedNode::new_unchecked(format!("{IMPORT_GRAPHS}ucdp"));
        let derived = crate::vocab::DERIVED_GRAPH.into_owned();
        let quads = [
            (ex("a"), ex("curated"), GraphName::DefaultGraph),
            (ex("b"), ex("both"), GraphName::DefaultGraph),
            (ex("b"), ex("both"), import.clone().into()),
            (ex("c"), ex("imported"), import.into()),
            (ex("b"), ex("both"), derived.clone().into()),
            (ex("d"), ex("derived"), derived.into()),
        ];
        for (s, p, g) in quads {
            store.insert(&Quad::new(s, p, ex("o"), g)).expect("insert");
        }
        let mut predicates: Vec<String> = UnionTriples::new(&store)
            .stream()
            .map(|t| {
                t.expect("reads")
                    .predicate
                    .as_str()
                    .trim_start_matches("http://e/")
                    .to_owned()
            })
            .collect();
        // Within a graph, the store's order.
        predicates[..2].sort();
        assert_eq!(predicates, ["both", "imported", "curated", "derived"]);
    }
}
