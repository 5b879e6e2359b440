//! The read port over HTTP: a remote endpoint answers the same queries as the embedded store, with
//! parameters bound in the query it is sent, and answers that are incomplete refused as errors.

use std::time::{Duration, Instant};

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{Term, Triple};
use oxigraph::sparql::Variable;
use sparesults::{QueryResultsFormat, QueryResultsParser, ReaderQueryResultsParserOutput};
use spargebra::Query;

use super::endpoint::{Endpoint, Reply};
use super::error::RemoteError;
use crate::error::{Error, Result};
use crate::query::{prepare, Answer, Kb, Limits, Scope, Solution};
use crate::vocab::PREFIXES;

/// What a SELECT or ASK asks for: JSON first, which every SPARQL 1.1 server writes.
pub(super) const RESULTS: &str = "application/sparql-results+json, application/sparql-results+xml;q=0.8, \
                       text/tab-separated-values;q=0.5";
/// What a CONSTRUCT or a graph download asks for.
const GRAPHS: &str = "application/n-triples, text/plain;q=0.9, text/turtle;q=0.8, \
                      application/rdf+xml;q=0.5";

impl Kb for Endpoint {
    fn answer(
        &self,
        origin: &str,
        text: &str,
        bindings: Vec<(Variable, Term)>,
        limits: Limits,
        scope: &Scope,
    ) -> Result<Answer> {
        let query = prepare(origin, text, &bindings)?;
        if let Scope::Graphs(_) = scope {
            return Err(Error::Parameter(format!(
                "{origin}: a remote endpoint is read as one graph ({}); reading chosen graphs of \
                 it is not supported",
                self.graph()
                    .map_or("its default graph".to_owned(), ToString::to_string)
            )));
        }
        // The text as written (with the project's prefixes declared) when nothing is bound, so the
        // server sees the query its author wrote; the bound algebra written back as SPARQL
        // otherwise, with every parameter a constant.
        let sent = if bindings.is_empty() {
            with_prefixes(text)
        } else {
            query.to_string()
        };
        let graph_query = matches!(query, Query::Construct { .. } | Query::Describe { .. });
        if graph_query {
            let started = Instant::now();
            let reply = self
                .ask(&sent, GRAPHS, limits.timeout)
                .map_err(|e| timed(e, started))?;
            return Ok(Answer::Graph(self.read_triples(reply, limits.max_rows)?));
        }
        let mut rows = Vec::new();
        let got = self.solutions(&query, &sent, limits.timeout, &mut |_, values| {
            rows.push(values);
            match limits.max_rows {
                Some(limit) if rows.len() > limit => Err(Error::RowLimit(limit)),
                _ => Ok(()),
            }
        })?;
        Ok(match got {
            Got::Boolean(b) => Answer::Boolean(b),
            Got::Solutions(variables) => Answer::Solutions { variables, rows },
        })
    }

    fn each_solution(
        &self,
        origin: &str,
        text: &str,
        each: &mut dyn FnMut(&Solution<'_>) -> Result<()>,
    ) -> Result<()> {
        let query = prepare(origin, text, &[])?;
        self.solutions(&query, &with_prefixes(text), None, &mut |variables, values| {
            each(&Solution { variables, values })
        })
        .map(drop)
    }

    fn triples(&self) -> Result<Vec<Triple>> {
        let mut triples = Vec::new();
        self.download(&mut |t| {
            triples.push(t);
            Ok(())
        })?;
        crate::export::sort_triples(&mut triples);
        triples.dedup();
        Ok(triples)
    }
}

/// Takes one row of an answer: the answer's variables and the row's values, in their order.
type EachRow<'a> = dyn FnMut(&[Variable], Vec<Option<Term>>) -> Result<()> + 'a;

/// What a SELECT or ASK gave, besides the rows handed on.
pub(super) enum Got {
    Boolean(bool),
    /// The answer's variables.
    Solutions(Vec<Variable>),
}

/// A timeout of the HTTP exchange is the query's timeout.
fn timed(error: RemoteError, started: Instant) -> Error {
    match error {
        RemoteError::TimedOut { .. } => Error::Timeout(started.elapsed()),
        e => Error::Remote(e),
    }
}

impl Endpoint {
    /// POSTs the query `sent`, with the project's graph as the default graph.
    fn ask(&self, sent: &str, accept: &str, timeout: Option<Duration>) -> Result<Reply, RemoteError> {
        let mut form = vec![("query", sent)];
        if let Some(graph) = self.graph() {
            form.push(("default-graph-uri", graph.as_str()));
        }
        self.post_form(self.url(), &form, accept, timeout)
    }

    /// Runs the SELECT or ASK `query` (sent as the text `sent`) and hands `each` its rows as they
    /// arrive. When the server cuts the answer at its row limit, the query is asked again in pages
    /// just under that limit ([`super::paging`]), all within `timeout`.
    pub(super) fn solutions(
        &self,
        query: &Query,
        sent: &str,
        timeout: Option<Duration>,
        each: &mut EachRow<'_>,
    ) -> Result<Got> {
        let started = Instant::now();
        let (url, limit) = match self.ask(sent, RESULTS, timeout) {
            Ok(reply) => return self.read_each(reply, each).map(|(got, _)| got),
            Err(RemoteError::Truncated { url, limit }) => (url, limit),
            Err(e) => return Err(timed(e, started)),
        };
        let truncated = || {
            Error::Remote(RemoteError::Truncated {
                url: url.clone(),
                limit: limit.clone(),
            })
        };
        // A page of exactly the limit is announced as cut too: stay one row under it.
        let size = limit
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| *n > 1)
            .ok_or_else(truncated)?
            - 1;
        let sorted = super::paging::sorted(query).ok_or_else(truncated)?;
        let mut offset = 0;
        loop {
            // The pages share the query's time.
            let left = timeout.map(|t| t.saturating_sub(started.elapsed()));
            if left.is_some_and(|left| left.is_zero()) {
                return Err(Error::Timeout(started.elapsed()));
            }
            let reply = self
                .ask(&super::paging::page(&sorted, size, offset), RESULTS, left)
                .map_err(|e| timed(e, started))?;
            let (got, rows) = self.read_each(reply, each)?;
            offset += rows;
            if rows < size {
                return Ok(got);
            }
        }
    }

    /// Reads a SELECT or ASK answer, handing `each` the rows; returns what it was and how many rows.
    fn read_each(&self, reply: Reply, each: &mut EachRow<'_>) -> Result<(Got, usize)> {
        let format = QueryResultsFormat::from_media_type(&reply.media_type)
            .ok_or_else(|| self.bad(format!("`{}` is not a SPARQL results format", reply.media_type)))?;
        let parsed = QueryResultsParser::from_format(format)
            .for_reader(reply.body)
            .map_err(|e| self.bad(e.to_string()))?;
        Ok(match parsed {
            ReaderQueryResultsParserOutput::Boolean(b) => (Got::Boolean(b), 0),
            ReaderQueryResultsParserOutput::Solutions(solutions) => {
                let variables = solutions.variables().to_vec();
                let mut rows = 0;
                for solution in solutions {
                    let solution = solution.map_err(|e| self.bad(e.to_string()))?;
                    each(
                        &variables,
                        variables.iter().map(|v| solution.get(v).cloned()).collect(),
                    )?;
                    rows += 1;
                }
                (Got::Solutions(variables), rows)
            }
        })
    }

    pub(super) fn bad(&self, cause: impl Into<String>) -> RemoteError {
        RemoteError::BadAnswer {
            url: self.url().to_owned(),
            cause: cause.into(),
        }
    }

    pub(super) fn read_results(&self, reply: Reply) -> Result<Answer> {
        let mut rows = Vec::new();
        let (got, _) = self.read_each(reply, &mut |_, values| {
            rows.push(values);
            Ok(())
        })?;
        Ok(match got {
            Got::Boolean(b) => Answer::Boolean(b),
            Got::Solutions(variables) => Answer::Solutions { variables, rows },
        })
    }

    pub(super) fn read_triples(&self, reply: Reply, max_rows: Option<usize>) -> Result<Vec<Triple>> {
        let format = rdf_format(&reply.media_type)
            .ok_or_else(|| self.bad(format!("`{}` is not an RDF format", reply.media_type)))?;
        let mut triples = Vec::new();
        for quad in RdfParser::from_format(format).for_reader(reply.body) {
            let quad = quad.map_err(|e| self.bad(e.to_string()))?;
            triples.push(Triple::from(quad));
            if max_rows.is_some_and(|limit| triples.len() > limit) {
                return Err(Error::RowLimit(max_rows.unwrap_or_default()));
            }
        }
        triples.sort_by_cached_key(ToString::to_string);
        triples.dedup();
        Ok(triples)
    }
}

/// The RDF format of a graph answer's media type; `text/plain` is what older servers call
/// N-Triples.
fn rdf_format(media_type: &str) -> Option<RdfFormat> {
    match media_type {
        "text/plain" => Some(RdfFormat::NTriples),
        other => RdfFormat::from_media_type(other),
    }
}

/// `text` with a `PREFIX` line for each of the project's prefixes it uses but does not declare, so
/// that any SPARQL 1.1 server reads it as borderkg does.
fn with_prefixes(text: &str) -> String {
    let declared = declared_prefixes(text);
    let mut out = String::new();
    for (prefix, namespace) in PREFIXES {
        if !declared.iter().any(|d| d == prefix) && text.contains(&format!("{prefix}:")) {
            out.push_str(&format!("PREFIX {prefix}: <{namespace}>\n"));
        }
    }
    out.push_str(text);
    out
}

/// The prefix names a query's prologue declares (`PREFIX name:`), case-insensitively for the
/// keyword.
fn declared_prefixes(text: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = lower[from..].find("prefix") {
        let start = from + at + "prefix".len();
        let rest = text[start..].trim_start();
        if rest.len() < text.len() - start {
            if let Some(colon) = rest.find(':') {
                let name = &rest[..colon];
                if name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.')
                {
                    out.push(name.to_owned());
                }
            }
        }
        from = start;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_sent_away_declare_the_prefixes_they_use() {
        let sent = with_prefixes("SELECT ?a WHERE { ?a a bkg:Attack ; rdfs:label ?l }");
        assert!(sent.starts_with("PREFIX "), "{sent}");
        assert!(sent.contains("PREFIX bkg: <"), "{sent}");
        assert!(sent.contains("PREFIX rdfs: <"), "{sent}");
        assert!(!sent.contains("PREFIX skos:"), "{sent}");
        crate::query::parser()
            .and_then(|p| p.parse_query(&sent).map_err(|e| Error::Parameter(e.to_string())))
            .expect("still parses");
    }

    #[test]
    fn a_declared_prefix_is_not_declared_twice() {
        let text = "PREFIX bkg: <http://example.org/other#>\nSELECT * WHERE { ?a a bkg:X }";
        assert_eq!(with_prefixes(text), text);
        assert_eq!(
            declared_prefixes("prefix  ex: <x> PREFIX :<y>"),
            vec!["ex".to_owned(), String::new()]
        );
    }
}
