//! Reads a remote graph whole, as a stream: a SELECT of every triple, asked in pages where the
//! server limits the rows of an answer. Triples reach the caller as they arrive,
//! so nothing is held, and the number read is checked against the server's own count, so a
//! server that cuts a large answer short is caught.

use oxigraph::model::{NamedNode, Term, Triple};

use super::endpoint::Endpoint;
use super::error::RemoteError;
use super::kb::RESULTS;
use crate::query::{prepare, Answer};

/// Every triple of the graph, as rows: streamed as they come, and asked in pages where a server cuts
/// answers at a row limit.
const ALL_TRIPLES: &str = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }";

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
        let found = match self.read_results(reply) {
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
    /// triples, or fewer or more than it counts in the graph; or the first error of `each`.
    pub fn download(&self, each: &mut dyn FnMut(Triple) -> crate::Result<()>) -> crate::Result<u64> {
        let mut read = 0u64;
        // Not the Graph Store Protocol's GET: Virtuoso cuts that at its row limit too, without
        // saying so, and a stream already handed on cannot be asked again in pages. Blank nodes
        // read in separate pages may not be told apart: the graphs borderkg pushes have none.
        let url = self.url();
        let query = prepare("the download of the graph", ALL_TRIPLES, &[])?;
        self.solutions(&query, ALL_TRIPLES, None, &mut |_, values| {
            let triple = match <[Option<Term>; 3]>::try_from(values) {
                Ok([Some(Term::NamedNode(s)), Some(Term::NamedNode(p)), Some(o)]) => Triple::new(s, p, o),
                Ok([Some(Term::BlankNode(s)), Some(Term::NamedNode(p)), Some(o)]) => Triple::new(s, p, o),
                _ => return Err(self.bad("a row of the download is not a triple").into()),
            };
            read += 1;
            each(triple)
        })?;
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
