//! Paging for servers that cut answers at a row limit (Virtuoso's `ResultSetMaxRows`, announced by
//! its `X-SPARQL-MaxRows` header): the query is asked again in pages of `LIMIT`/`OFFSET`, over a
//! sub-select ordered by every projected variable (after the query's own order), so that the pages
//! do not overlap and together hold every row. The order sits in a sub-select and the slice
//! outside it: Virtuoso refuses to sort past its limit for an `ORDER BY … OFFSET` at the top
//! (error SR353), but not for a sorted sub-select.

use oxigraph::sparql::Variable;
use spargebra::algebra::{Expression, GraphPattern, OrderExpression};
use spargebra::Query;

/// A query ready to be asked a page at a time.
pub(super) struct Pageable {
    /// The query, ordered totally, as a sub-select.
    sorted: String,
    /// Its projected variables, in its order.
    variables: String,
}

/// `query` ordered totally, or `None` when it cannot be paged: it is not a SELECT, names its own
/// dataset, or has its own `LIMIT`/`OFFSET`.
pub(super) fn sorted(query: &Query) -> Option<Pageable> {
    let Query::Select {
        dataset: None,
        pattern,
        base_iri: None,
    } = query
    else {
        return None;
    };
    let (pattern, variables) = ordered(pattern.clone())?;
    let sorted = Query::Select {
        dataset: None,
        pattern,
        base_iri: None,
    };
    Some(Pageable {
        sorted: sorted.to_string(),
        variables: variables
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" "),
    })
}

/// One page of `query`: `size` rows from `offset`, with the query's variables in its order.
pub(super) fn page(query: &Pageable, size: usize, offset: usize) -> String {
    let Pageable { sorted, variables } = query;
    format!("SELECT {variables} WHERE {{ {{ {sorted} }} }} LIMIT {size} OFFSET {offset}")
}

/// `pattern` (a SELECT's) with every projected variable added to its order, after its own keys;
/// and the projected variables.
fn ordered(pattern: GraphPattern) -> Option<(GraphPattern, Vec<Variable>)> {
    Some(match pattern {
        GraphPattern::Distinct { inner } => {
            let (inner, variables) = ordered(*inner)?;
            let inner = Box::new(inner);
            (GraphPattern::Distinct { inner }, variables)
        }
        GraphPattern::Reduced { inner } => {
            let (inner, variables) = ordered(*inner)?;
            let inner = Box::new(inner);
            (GraphPattern::Reduced { inner }, variables)
        }
        GraphPattern::Project { inner, variables } => {
            let keys = variables
                .iter()
                .map(|v| OrderExpression::Asc(Expression::Variable(v.clone())));
            let inner = match *inner {
                GraphPattern::OrderBy {
                    inner,
                    mut expression,
                } => {
                    expression.extend(keys);
                    GraphPattern::OrderBy { inner, expression }
                }
                other => GraphPattern::OrderBy {
                    inner: Box::new(other),
                    expression: keys.collect(),
                },
            };
            let project = GraphPattern::Project {
                inner: Box::new(inner),
                variables: variables.clone(),
            };
            (project, variables)
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Answer, Kb, Limits, Scope};
    use oxigraph::model::{GraphName, Literal, NamedNode, Quad};
    use oxigraph::store::Store;

    fn parse(text: &str) -> Query {
        crate::query::parser()
            .and_then(|p| {
                p.parse_query(text)
                    .map_err(|e| crate::Error::Parameter(e.to_string()))
            })
            .expect("parses")
    }

    fn rows(store: &Store, text: &str) -> Vec<Vec<Option<oxigraph::model::Term>>> {
        match store
            .answer("t", text, Vec::new(), Limits::default(), &Scope::Union)
            .expect("runs")
        {
            Answer::Solutions { rows, .. } => rows,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn pages_together_hold_every_row_once_in_the_query_order() {
        const SIZE: usize = 3;
        let store = Store::new().expect("store");
        let ex = |s: String| NamedNode::new_unchecked(format!("http://e/{s}"));
        for i in 0..50 {
            for j in 0..(i % 4) {
                store
                    .insert(&Quad::new(
                        ex(format!("s{i}")),
                        ex(format!("p{j}")),
                        Literal::from(i % 7),
                        GraphName::DefaultGraph,
                    ))
                    .expect("insert");
            }
        }
        for text in [
            "SELECT ?s ?p ?o WHERE { ?s ?p ?o }",
            "SELECT DISTINCT ?o WHERE { ?s ?p ?o }",
            "SELECT ?o (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?o ORDER BY DESC(?n)",
            "SELECT ?s (STR(?o) AS ?t) WHERE { ?s ?p ?o } ORDER BY ?t",
        ] {
            let whole = rows(&store, text);
            assert!(whole.len() > 2 * SIZE, "{text} has several pages");
            let sorted = sorted(&parse(text)).expect("pageable");
            let mut paged = Vec::new();
            for offset in (0..whole.len() + SIZE).step_by(SIZE) {
                paged.extend(rows(&store, &page(&sorted, SIZE, offset)));
            }
            let mut unordered = whole.clone();
            let mut paged_unordered = paged.clone();
            unordered.sort_by_key(|r| format!("{r:?}"));
            paged_unordered.sort_by_key(|r| format!("{r:?}"));
            assert_eq!(paged_unordered, unordered, "{text}");
            if text.contains("ORDER BY") {
                // The query's own order leads: its key (the second column) comes in the same
                // sequence, whatever the order among rows with the same key.
                let keys = |rows: &[Vec<Option<oxigraph::model::Term>>]| {
                    rows.iter().map(|r| r[1].clone()).collect::<Vec<_>>()
                };
                assert_eq!(keys(&paged), keys(&whole), "{text}");
            }
        }
    }

    #[test]
    fn queries_with_their_own_slice_or_dataset_are_not_paged() {
        for text in [
            "SELECT ?s WHERE { ?s ?p ?o } LIMIT 10",
            "SELECT ?s FROM <http://e/g> WHERE { ?s ?p ?o }",
            "ASK { ?s ?p ?o }",
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        ] {
            assert!(sorted(&parse(text)).is_none(), "{text}");
        }
    }
}
