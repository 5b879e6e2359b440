//! The SPARQL 1.1 Protocol at `/sparql`: reads the query and its dataset from GET or POST, refuses
//! updates (403) and `SERVICE` (400), runs the query within the server's limits through the same
//! library call the `query` command makes, and writes the answer in the negotiated format.

use oxhttp::model::header::{ACCEPT, CONTENT_TYPE};
use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedNode, Term, TermRef};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::Variable;
use spargebra::algebra::{GraphPattern, QueryDataset};
use spargebra::Query;

use super::http::{self, Failure};
use super::negotiate::{choose, Format, GRAPHS, RESULTS};
use super::state::State;
use super::{describe, pages};
use crate::error::Error;
use crate::query::{run_in, Answer, Kb, Limits, Scope};
use crate::vocab::PREFIXES;

/// The dataset a request names with `default-graph-uri` and `named-graph-uri`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dataset {
    /// Graphs merged into the default graph.
    pub default: Vec<NamedNode>,
    /// Graphs `GRAPH` may read.
    pub named: Vec<NamedNode>,
}

/// Answers a request to `/sparql`.
///
/// # Errors
/// A [`Failure`] with the status the problem deserves.
pub fn endpoint(state: &State, request: &mut Request<Body>) -> Result<Response<Body>, Failure> {
    let mut params = http::query_params(request)?;
    let query = match *request.method() {
        Method::GET => {
            if http::param(&params, "update").is_some() {
                return Err(refuse_update());
            }
            match http::param(&params, "query") {
                Some(q) => q.to_owned(),
                None => return describe::service(state, request, &params),
            }
        }
        Method::POST => {
            let content_type = http::header(request, CONTENT_TYPE).to_ascii_lowercase();
            let media = content_type
                .split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_owned();
            let body = http::read_body(request)?;
            match media.as_str() {
                "application/sparql-query" => String::from_utf8(body)
                    .map_err(|_| Failure::bad_request("the query is not valid UTF-8"))?,
                "application/x-www-form-urlencoded" => {
                    params.extend(http::form(&body)?);
                    if http::param(&params, "update").is_some() {
                        return Err(refuse_update());
                    }
                    http::param(&params, "query")
                        .ok_or_else(|| Failure::bad_request("the form has no `query` field"))?
                        .to_owned()
                }
                "application/sparql-update" => return Err(refuse_update()),
                other => {
                    return Err(Failure::new(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        format!(
                            "POST a query as application/sparql-query or as a form \
                             (application/x-www-form-urlencoded), not `{other}`"
                        ),
                    ))
                }
            }
        }
        _ => {
            return Err(Failure::new(
                StatusCode::METHOD_NOT_ALLOWED,
                "/sparql answers GET and POST",
            ))
        }
    };
    let dataset = Dataset {
        default: graphs(&params, "default-graph-uri")?,
        named: graphs(&params, "named-graph-uri")?,
    };
    let snapshot = state.snapshot()?;
    let answer = execute(
        snapshot.kb(),
        "the query",
        &query,
        Vec::new(),
        &dataset,
        state.config.limits,
    )?;
    let format = negotiate(
        &answer,
        http::param(&params, "format"),
        http::header(request, ACCEPT),
    )?;
    respond(&answer, format, |table| pages::sparql_results(&query, table))
}

/// The format of `answer` chosen from the `format` parameter and the `Accept` header.
///
/// # Errors
/// As [`choose`].
pub fn negotiate(answer: &Answer, format: Option<&str>, accept: &str) -> Result<Format, Failure> {
    let offers = match answer {
        Answer::Graph(_) => GRAPHS,
        _ => RESULTS,
    };
    choose(format, accept, offers)
}

/// The response carrying `answer` in `format`; for HTML, `page` wraps the result table.
///
/// # Errors
/// 500 when serialising fails.
pub fn respond(
    answer: &Answer,
    format: Format,
    page: impl FnOnce(String) -> String,
) -> Result<Response<Body>, Failure> {
    if format == Format::Html {
        return Ok(http::html(StatusCode::OK, page(pages::answer_table(answer))));
    }
    let body = serialize(answer, format).map_err(|e| {
        Failure::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!("writing the answer: {e}"),
        )
    })?;
    Ok(http::bytes(StatusCode::OK, &format.content_type(), body))
}

fn refuse_update() -> Failure {
    Failure::new(
        StatusCode::FORBIDDEN,
        "this endpoint is read-only: SPARQL Update is refused and the store is unchanged \
         (the store is written only by `borderkg build`)",
    )
}

fn graphs(params: &[(String, String)], name: &str) -> Result<Vec<NamedNode>, Failure> {
    params
        .iter()
        .filter(|(n, _)| n == name)
        .map(|(_, v)| {
            NamedNode::new(v.trim())
                .map_err(|e| Failure::bad_request(format!("{name} `{v}` is not an IRI: {e}")))
        })
        .collect()
}

/// Parses `text` (named `origin` in messages), refuses what a read-only public endpoint must not
/// run, and runs it on `store` within `limits` with `bindings` and `dataset`.
///
/// # Errors
/// 403 for an update, 400 for a syntax error or `SERVICE`, the limit statuses of [`Failure`].
pub fn execute(
    kb: &dyn Kb,
    origin: &str,
    text: &str,
    bindings: Vec<(Variable, Term)>,
    dataset: &Dataset,
    limits: Limits,
) -> Result<Answer, Failure> {
    let parser = crate::query::parser()?;
    crate::query::depth::check_nesting(origin, text)?;
    let mut parsed = match parser.clone().parse_query(text) {
        Ok(parsed) => parsed,
        Err(_) if parser.parse_update(text).is_ok() => return Err(refuse_update()),
        Err(e) => return Err(Error::sparql_syntax(origin, text, &e).into()),
    };
    if uses_service(&parsed) {
        return Err(Failure::bad_request(
            "SERVICE is refused: this endpoint answers from its own store only and does not call other endpoints",
        ));
    }
    let own = query_dataset(&mut parsed);
    let (text, scope) = if !dataset.named.is_empty() {
        *own = Some(QueryDataset {
            default: dataset.default.clone(),
            named: Some(dataset.named.clone()),
        });
        (parsed.to_string(), Scope::Graphs(graphs_of(&dataset.default)))
    } else if !dataset.default.is_empty() {
        (text.to_owned(), Scope::Graphs(graphs_of(&dataset.default)))
    } else if let Some(own) = own.as_ref() {
        (text.to_owned(), Scope::Graphs(graphs_of(&own.default)))
    } else {
        (text.to_owned(), Scope::Union)
    };
    Ok(run_in(kb, origin, &text, bindings, limits, &scope)?)
}

fn graphs_of(nodes: &[NamedNode]) -> Vec<GraphName> {
    nodes.iter().cloned().map(GraphName::NamedNode).collect()
}

fn query_dataset(query: &mut Query) -> &mut Option<QueryDataset> {
    match query {
        Query::Select { dataset, .. }
        | Query::Construct { dataset, .. }
        | Query::Describe { dataset, .. }
        | Query::Ask { dataset, .. } => dataset,
    }
}

/// Whether the query calls another endpoint anywhere.
fn uses_service(query: &Query) -> bool {
    match query {
        Query::Select { pattern, .. }
        | Query::Construct { pattern, .. }
        | Query::Describe { pattern, .. }
        | Query::Ask { pattern, .. } => pattern_uses_service(pattern),
    }
}

fn pattern_uses_service(pattern: &GraphPattern) -> bool {
    // EXISTS inside an expression holds a pattern too; its text shows a SERVICE keyword.
    let in_expression = |e: &spargebra::algebra::Expression| e.to_string().contains("SERVICE");
    match pattern {
        GraphPattern::Service { .. } => true,
        GraphPattern::Bgp { .. } | GraphPattern::Path { .. } | GraphPattern::Values { .. } => false,
        GraphPattern::Join { left, right }
        | GraphPattern::Lateral { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => pattern_uses_service(left) || pattern_uses_service(right),
        GraphPattern::LeftJoin {
            left,
            right,
            expression,
        } => {
            pattern_uses_service(left)
                || pattern_uses_service(right)
                || expression.as_ref().is_some_and(in_expression)
        }
        GraphPattern::Filter { expr, inner } => in_expression(expr) || pattern_uses_service(inner),
        GraphPattern::Extend {
            inner, expression, ..
        } => in_expression(expression) || pattern_uses_service(inner),
        GraphPattern::Graph { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. } => pattern_uses_service(inner),
    }
}

/// Writes `answer` in `format` (not HTML).
///
/// # Errors
/// A serialiser error, or a format that does not fit the answer's kind.
pub fn serialize(answer: &Answer, format: Format) -> std::io::Result<Vec<u8>> {
    match (answer, format) {
        (Answer::Solutions { variables, rows }, Format::Results(f)) => {
            let mut writer = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(Vec::new(), variables.clone())?;
            for row in rows {
                writer.serialize(
                    variables
                        .iter()
                        .zip(row)
                        .filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), TermRef::from(t)))),
                )?;
            }
            writer.finish()
        }
        (Answer::Boolean(b), Format::Results(f)) => {
            QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(Vec::new(), *b)
        }
        (Answer::Graph(triples), Format::Graph(f)) => write_triples(triples, f),
        _ => Err(std::io::Error::other(format!(
            "{} does not fit this kind of answer",
            format.media_type()
        ))),
    }
}

/// Writes `triples` in `format`, with the project's prefixes where the format has them.
///
/// # Errors
/// A serialiser error.
pub fn write_triples(triples: &[oxigraph::model::Triple], format: RdfFormat) -> std::io::Result<Vec<u8>> {
    let mut serializer = RdfSerializer::from_format(format);
    if matches!(format, RdfFormat::Turtle | RdfFormat::TriG) {
        for (prefix, ns) in PREFIXES {
            serializer = serializer
                .with_prefix(*prefix, *ns)
                .map_err(std::io::Error::other)?;
        }
    }
    let mut writer = serializer.for_writer(Vec::new());
    for triple in triples {
        writer.serialize_triple(triple)?;
    }
    writer.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::store::Store;

    fn parse(text: &str) -> Query {
        spargebra::SparqlParser::new().parse_query(text).expect("parses")
    }

    #[test]
    fn service_is_found_anywhere() {
        assert!(uses_service(&parse(
            "SELECT * { SERVICE <http://x/> { ?s ?p ?o } }"
        )));
        assert!(uses_service(&parse(
            "SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <http://x/> { ?s ?p ?o } } }"
        )));
        assert!(!uses_service(&parse("SELECT * { ?s ?p \"SERVICE\" }")));
    }

    #[test]
    fn updates_are_refused_and_the_store_is_unchanged() {
        let store = Store::new().expect("store");
        let err = execute(
            &store,
            "q",
            "INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }",
            Vec::new(),
            &Dataset::default(),
            Limits::default(),
        )
        .expect_err("refused");
        assert_eq!(err.status, StatusCode::FORBIDDEN);
        assert_eq!(store.len().expect("len"), 0);
    }
}
