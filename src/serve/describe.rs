//! The SPARQL 1.1 Service Description of `/sparql`, which the server writes itself.

use oxhttp::model::header::{ACCEPT, HOST};
use oxhttp::model::{Body, Request, Response, StatusCode};
use oxigraph::model::{BlankNode, NamedNode, NamedOrBlankNode, Triple};
use oxigraph::store::Store;

use super::http::{self, Failure};
use super::negotiate::{choose, Format, GRAPHS};
use super::state::State;
use crate::vocab::rdf;

/// The Service Description vocabulary (kept here: only the server speaks it).
const SD: &str = "http://www.w3.org/ns/sparql-service-description#";
/// The W3C's names of formats.
const FORMATS: &str = "http://www.w3.org/ns/formats/";

fn sd(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SD}{local}"))
}

/// The Service Description of the endpoint, in the negotiated RDF format.
///
/// # Errors
/// 406 or 400 from negotiation, 500 when the store cannot be read.
pub fn service(
    state: &State,
    request: &Request<Body>,
    params: &[(String, String)],
) -> Result<Response<Body>, Failure> {
    let format = choose(
        http::param(params, "format"),
        http::header(request, ACCEPT),
        GRAPHS,
    )?;
    if format == Format::Html {
        // A browser opening the endpoint gets the editor.
        return Ok(http::html(StatusCode::OK, super::pages::editor()));
    }
    let host = http::header(request, HOST);
    let host = if host.is_empty() { "localhost" } else { host };
    let endpoint = NamedNode::new(format!("http://{host}/sparql"))
        .map_err(|_| Failure::bad_request("the Host header is not a host name"))?;
    let snapshot = state.snapshot()?;
    let service = BlankNode::default();
    let dataset = BlankNode::default();
    let default_graph = BlankNode::default();
    let mut triples = vec![
        Triple::new(service.clone(), rdf::TYPE, sd("Service")),
        Triple::new(service.clone(), sd("endpoint"), endpoint),
        Triple::new(service.clone(), sd("supportedLanguage"), sd("SPARQL11Query")),
        Triple::new(service.clone(), sd("feature"), sd("UnionDefaultGraph")),
        Triple::new(service.clone(), sd("defaultDataset"), dataset.clone()),
        Triple::new(dataset.clone(), rdf::TYPE, sd("Dataset")),
        Triple::new(dataset.clone(), sd("defaultGraph"), default_graph.clone()),
        Triple::new(default_graph, rdf::TYPE, sd("Graph")),
    ];
    for name in [
        "SPARQL_Results_JSON",
        "SPARQL_Results_XML",
        "SPARQL_Results_CSV",
        "SPARQL_Results_TSV",
        "Turtle",
        "N-Triples",
        "N-Quads",
        "RDF_XML",
        "JSON-LD",
    ] {
        triples.push(Triple::new(
            service.clone(),
            sd("resultFormat"),
            NamedNode::new_unchecked(format!("{FORMATS}{name}")),
        ));
    }
    // A remote store is served as one graph, the default one: it has no named graphs here.
    let named_graphs = snapshot
        .kb()
        .as_store()
        .map(Store::named_graphs)
        .into_iter()
        .flatten();
    for graph in named_graphs {
        let graph = graph.map_err(crate::error::Error::from)?;
        if let NamedOrBlankNode::NamedNode(name) = graph {
            let named = BlankNode::default();
            triples.push(Triple::new(dataset.clone(), sd("namedGraph"), named.clone()));
            triples.push(Triple::new(named, sd("name"), name));
        }
    }
    let Format::Graph(rdf_format) = format else {
        return Err(Failure::bad_request("the service description is RDF"));
    };
    let body = super::sparql::write_triples(&triples, rdf_format)
        .map_err(|e| Failure::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
    Ok(http::bytes(StatusCode::OK, &format.content_type(), body))
}
