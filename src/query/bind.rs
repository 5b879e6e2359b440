//! Binds query parameters as RDF terms in the parsed query: the parameter becomes a one-row
//! `VALUES` table joined into the WHERE clause below any projection, grouping, ordering or slicing,
//! so it constrains the pattern the way a substituted constant would. The query text is never
//! edited, so a value cannot change the query's meaning.

use oxigraph::model::Term;
use oxigraph::sparql::Variable;
use spargebra::algebra::GraphPattern;
use spargebra::term::GroundTerm;
use spargebra::Query;

use crate::error::{Error, Result};

/// Returns `query` with each `(variable, value)` bound.
///
/// # Errors
/// [`Error::Parameter`] when a value is a blank node (which cannot be bound).
pub fn bind(query: Query, bindings: &[(Variable, Term)]) -> Result<Query> {
    if bindings.is_empty() {
        return Ok(query);
    }
    let mut variables = Vec::new();
    let mut row = Vec::new();
    for (variable, value) in bindings {
        let ground = match value {
            Term::NamedNode(n) => GroundTerm::NamedNode(n.clone()),
            Term::Literal(l) => GroundTerm::Literal(l.clone()),
            other => {
                return Err(Error::Parameter(format!(
                    "?{}: {other} cannot be bound; give an IRI or a literal",
                    variable.as_str()
                )))
            }
        };
        variables.push(variable.clone());
        row.push(Some(ground));
    }
    let values = GraphPattern::Values {
        variables,
        bindings: vec![row],
    };
    Ok(match query {
        Query::Select {
            dataset,
            pattern,
            base_iri,
        } => Query::Select {
            dataset,
            pattern: inject(pattern, values),
            base_iri,
        },
        Query::Construct {
            template,
            dataset,
            pattern,
            base_iri,
        } => Query::Construct {
            template,
            dataset,
            pattern: inject(pattern, values),
            base_iri,
        },
        Query::Describe {
            dataset,
            pattern,
            base_iri,
        } => Query::Describe {
            dataset,
            pattern: inject(pattern, values),
            base_iri,
        },
        Query::Ask {
            dataset,
            pattern,
            base_iri,
        } => Query::Ask {
            dataset,
            pattern: inject(pattern, values),
            base_iri,
        },
    })
}

/// Joins `values` into `pattern` beneath the solution modifiers and aggregation, and into the
/// mandatory side of an OPTIONAL.
fn inject(pattern: GraphPattern, values: GraphPattern) -> GraphPattern {
    match pattern {
        GraphPattern::Slice { inner, start, length } => GraphPattern::Slice {
            inner: Box::new(inject(*inner, values)),
            start,
            length,
        },
        GraphPattern::Distinct { inner } => GraphPattern::Distinct {
            inner: Box::new(inject(*inner, values)),
        },
        GraphPattern::Reduced { inner } => GraphPattern::Reduced {
            inner: Box::new(inject(*inner, values)),
        },
        GraphPattern::Project { inner, variables } => GraphPattern::Project {
            inner: Box::new(inject(*inner, values)),
            variables,
        },
        GraphPattern::OrderBy { inner, expression } => GraphPattern::OrderBy {
            inner: Box::new(inject(*inner, values)),
            expression,
        },
        GraphPattern::Group {
            inner,
            variables,
            aggregates,
        } => GraphPattern::Group {
            inner: Box::new(inject(*inner, values)),
            variables,
            aggregates,
        },
        GraphPattern::Filter { expr, inner } => GraphPattern::Filter {
            expr,
            inner: Box::new(inject(*inner, values)),
        },
        GraphPattern::Extend {
            inner,
            variable,
            expression,
        } => GraphPattern::Extend {
            inner: Box::new(inject(*inner, values)),
            variable,
            expression,
        },
        GraphPattern::LeftJoin {
            left,
            right,
            expression,
        } => GraphPattern::LeftJoin {
            left: Box::new(inject(*left, values)),
            right,
            expression,
        },
        other => GraphPattern::Join {
            left: Box::new(values),
            right: Box::new(other),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::NamedNode;
    use spargebra::SparqlParser;

    fn bound(query: &str) -> String {
        let q = SparqlParser::new().parse_query(query).expect("parses");
        let v = Variable::new_unchecked("actor");
        let t: Term = NamedNode::new_unchecked("http://e/x").into();
        bind(q, &[(v, t)]).expect("binds").to_string()
    }

    #[test]
    fn values_go_below_grouping_and_ordering() {
        let q = bound("SELECT ?o (COUNT(*) AS ?n) WHERE { ?actor ?p ?o } GROUP BY ?o ORDER BY ?n LIMIT 3");
        let values_at = q.find("VALUES").expect("has values");
        let group_at = q.find("GROUP BY").expect("has group");
        assert!(values_at < group_at, "{q}");
        assert!(q.contains("LIMIT 3"), "{q}");
    }

    #[test]
    fn unprojected_variables_can_be_bound() {
        let q = bound("SELECT ?o WHERE { ?actor ?p ?o }");
        assert!(q.contains("<http://e/x>"), "{q}");
        assert!(q.starts_with("SELECT ?o"), "{q}");
    }
}
