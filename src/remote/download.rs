//! Reads a remote graph whole, as a stream: the Graph Store Protocol's GET of the graph when the
//! server has one, a CONSTRUCT of every triple otherwise. Triples reach the caller as they arrive,
//! so nothing is held, and the number read is checked against the server's own count, so a
//! server that cuts a large answer short is caught.

use oxigraph::io::RdfParser;
use oxigraph::model::{NamedNode, Term, Triple};

use super::endpoint::Endpoint;
use super::error::RemoteError;
use super::kb::{rdf_format, GRAPHS, RESULTS};
use crate::query::Answer;

/// Counts the distinct triples of the default graph.
const DISTINCT_TRIPLES: &str =
    "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }";

impl Endpoint {
    /// How many triples `graph` holds (the default graph when `None`, which on some servers is the
    /// union of their graphs, where a triple held by two graphs counts twice).
    ///
    /// # Errors
    /// A transport error, or an answer that is not a number.
    pub fn count(&self, graph: Option<&NamedNode>) -> Result<u64, RemoteError> {
        // Counted in the named graph itself, whatever --graph the reads use.
        self.count_answer(&match graph {
            Some(graph) => format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}"),
            None => "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }".to_owned(),
        })
    }

    /// The number that `text`, a query of one count, answers.
    fn count_answer(&self, text: &str) -> Result<u64, RemoteError> {
        let reply = self.post_form(self.url(), &[("query", text)], RESULTS, None)?;
        let found = match self.read_results(reply, None) {
            Ok(Answer::Solutions { rows, .. }) => rows
                .first()
                .and_then(|row| row.first().cloned().flatten())
                .and_then(|term| match term {
                    Term::Literal(l) => l.value().parse::<u64>().ok(),
                    _ => None,
                }),
            Ok(_) => None,
            Err(crate::Error::Remote(e)) => return Err(e),
            Err(other) => return Err(self.bad(other.to_string())),
        };
        found.ok_or_else(|| self.bad("the count did not answer with a number"))
    }

    /// Calls `each` with every triple of the project's graph (`--graph`, or the default graph), as
    /// the server sends them, and returns how many there were.
    ///
    /// # Errors
    /// A transport error; [`RemoteError::BadAnswer`] when the server sends something other than
    /// RDF, or fewer or more triples than it counts in the graph; or the first error of `each`.
    pub fn download(&self, each: &mut dyn FnMut(Triple) -> crate::Result<()>) -> crate::Result<u64> {
        let (url, reply) = match (self.gsp_url(), self.graph()) {
            (Some(gsp), Some(graph)) => (gsp, self.get_graph(gsp, graph, GRAPHS)?),
            _ => {
                let mut form = vec![("query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")];
                if let Some(graph) = self.graph() {
                    form.push(("default-graph-uri", graph.as_str()));
                }
                (self.url(), self.post_form(self.url(), &form, GRAPHS, None)?)
            }
        };
        let format = rdf_format(&reply.media_type)
            .ok_or_else(|| self.bad(format!("{url} sent `{}`, not an RDF format", reply.media_type)))?;
        let mut read = 0u64;
        for quad in RdfParser::from_format(format).for_reader(reply.body) {
            let quad = quad.map_err(|e| self.bad(format!("{url}: {e}")))?;
            each(Triple::from(quad))?;
            read += 1;
        }
        // A named graph is a set: its download holds each of its triples once. A default graph
        // that is a union counts a triple once per graph holding it, and a server may send it
        // once or as often: there, a download is short only when it has fewer triples than the
        // distinct ones (counted only then, as that count is the costlier).
        let counted = self.count(self.graph())?;
        let whole = read == counted
            || (self.graph().is_none() && read < counted && read >= self.count_answer(DISTINCT_TRIPLES)?);
        if !whole {
            return Err(self
                .bad(format!(
                    "{url} sent {read} triples of the graph, but the endpoint counts {counted} in it: \
                     the download is incomplete (a limit on the size of answers?) or the graph \
                     changed while it was read"
                ))
                .into());
        }
        Ok(read)
    }
}
