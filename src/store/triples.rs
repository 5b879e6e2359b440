//! Every triple of a store once, read graph by graph without holding the graph in memory: what
//! `push` sends.

use oxigraph::model::{GraphName, GraphNameRef, QuadRef, Triple};
use oxigraph::store::Store;

use crate::error::Result;
use crate::remote::TripleSource;

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
        let mut graphs = vec![GraphName::DefaultGraph];
        let mut named = Vec::new();
        for graph in self.store.named_graphs() {
            match graph {
                Ok(graph) => named.push(graph),
                Err(e) => return Box::new(std::iter::once(Err(e.into()))),
            }
        }
        named.sort_by_cached_key(ToString::to_string);
        graphs.extend(named.into_iter().map(GraphName::from));
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
                            Ok(quad) => {
                                let seen = earlier.iter().any(|g| {
                                    store
                                        .contains(QuadRef::new(
                                            quad.subject.as_ref(),
                                            quad.predicate.as_ref(),
                                            quad.object.as_ref(),
                                            GraphNameRef::from(g),
                                        ))
                                        .unwrap_or(false)
                                });
                                (!seen).then(|| Ok(Triple::new(quad.subject, quad.predicate, quad.object)))
                            }
                        })
                }),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{NamedNode, Quad};

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
}
