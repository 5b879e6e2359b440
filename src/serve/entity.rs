//! Linked data at `/id/...`: each of the graph's own IRIs answers with its description — Turtle
//! (or another RDF format) for RDF clients, a page for browsers — and 404 for an IRI the graph
//! does not use.

use oxhttp::model::header::ACCEPT;
use oxhttp::model::{Body, Request, Response, StatusCode};
use oxigraph::model::NamedNode;

use super::entity_page;
use super::http::{self, Failure};
use super::negotiate::{choose, Format, GRAPHS};
use super::state::State;
use crate::vocab::ID;

/// Answers `/id/{rest}`: `rest` is the raw (still percent-encoded) path after `/id/`.
///
/// # Errors
/// 400 for a path that is not an IRI of the graph, 404 for one the graph does not use, 406.
pub fn answer(state: &State, request: &Request<Body>, rest: &str) -> Result<Response<Body>, Failure> {
    let iri = NamedNode::new(format!("{ID}{rest}"))
        .map_err(|e| Failure::bad_request(format!("/id/{rest} is not an IRI of this graph: {e}")))?;
    let params = http::query_params(request)?;
    let format = choose(
        http::param(&params, "format"),
        http::header(request, ACCEPT),
        GRAPHS,
    )?;
    let snapshot = state.snapshot()?;
    if !crate::read::describe::is_known(snapshot.kb(), iri.as_ref())? {
        return Err(Failure::not_found(format!(
            "the graph says nothing about <{}>; search the names at /?q=",
            iri.as_str()
        )));
    }
    let triples = crate::read::describe::entity(snapshot.kb(), iri.as_ref())?;
    match format {
        Format::Html => {
            let page = entity_page::render(&snapshot, state.config.sources.as_deref(), &iri, &triples)?;
            Ok(http::html(StatusCode::OK, page))
        }
        Format::Graph(rdf) => {
            let body = super::sparql::write_triples(&triples, rdf)
                .map_err(|e| Failure::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
            Ok(http::bytes(StatusCode::OK, &format.content_type(), body))
        }
        Format::Results(_) => Err(Failure::bad_request("an entity is described in RDF or HTML")),
    }
}
