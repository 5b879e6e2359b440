//! `push`: publishes a graph into a remote store, replacing one named graph: with one Graph Store
//! Protocol PUT where the server has one, else with chunked `INSERT DATA` updates; then counts what
//! arrived.

use std::io::Read;
use std::time::Instant;

use indicatif::ProgressBar;
use oxigraph::model::{NamedNode, NamedOrBlankNode, Term, Triple};

use super::endpoint::Endpoint;
use super::error::RemoteError;
use crate::query::{Answer, Kb, Limits, Scope};

/// How a push sends the triples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushMethod {
    /// The Graph Store Protocol when a GSP endpoint is given and answers, SPARQL Update otherwise.
    Auto,
    /// Only the Graph Store Protocol (one PUT).
    GraphStore,
    /// Only SPARQL Update (`DROP SILENT GRAPH`, then `INSERT DATA` in chunks).
    Update,
}

/// What to push and how.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// The named graph to replace.
    pub graph: NamedNode,
    /// How to send.
    pub method: PushMethod,
    /// Triples per `INSERT DATA` request.
    pub chunk: usize,
}

/// What a push did.
#[derive(Debug, Clone, PartialEq)]
pub struct PushReport {
    /// Triples sent.
    pub sent: usize,
    /// Triples the endpoint holds in the graph afterwards.
    pub counted: u64,
    /// How they were sent, in words.
    pub method: String,
    /// Seconds from the first byte sent to the count checked.
    pub seconds: f64,
    /// Why the Graph Store Protocol was not used, when it was asked for but not available.
    pub fallback: Option<String>,
}

/// Replaces `options.graph` on `endpoint` with `triples`, showing progress on `progress`, and checks
/// that the endpoint then counts as many triples in the graph as were sent.
///
/// # Errors
/// [`RemoteError::Interrupted`] when the endpoint stops answering part-way (after retries),
/// [`RemoteError::CountMismatch`] when the count differs, or the error of the first request.
pub fn push(
    endpoint: &Endpoint,
    triples: &[Triple],
    options: &PushOptions,
    progress: &ProgressBar,
) -> Result<PushReport, RemoteError> {
    let started = Instant::now();
    progress.set_length(triples.len() as u64);
    let mut fallback = None;
    let use_gsp = match (options.method, endpoint.gsp_url()) {
        (PushMethod::Update, _) => false,
        (_, Some(_)) => true,
        (PushMethod::GraphStore, None) => {
            return Err(RemoteError::Credentials(
                "--method gsp needs --gsp-endpoint URL (the server's Graph Store Protocol address)".into(),
            ))
        }
        (PushMethod::Auto, None) => false,
    };
    let method = if use_gsp {
        match put(endpoint, triples, &options.graph, progress) {
            Ok(()) => "one Graph Store Protocol PUT".to_owned(),
            Err(RemoteError::Status { status, body, .. })
                if options.method == PushMethod::Auto && [404, 405, 415, 501].contains(&status) =>
            {
                fallback = Some(format!(
                    "the Graph Store endpoint answered {status} ({body}); sent with SPARQL Update instead"
                ));
                progress.set_position(0);
                update(endpoint, triples, options, progress)?
            }
            Err(e) => return Err(e),
        }
    } else {
        update(endpoint, triples, options, progress)?
    };
    let counted = count(endpoint, &options.graph)?;
    progress.finish_and_clear();
    if counted != triples.len() as u64 {
        return Err(RemoteError::CountMismatch {
            graph: options.graph.as_str().to_owned(),
            sent: triples.len(),
            found: counted,
        });
    }
    Ok(PushReport {
        sent: triples.len(),
        counted,
        method,
        seconds: started.elapsed().as_secs_f64(),
        fallback,
    })
}

/// One PUT of the whole graph as N-Triples, streamed as it is written, tried again from the start
/// on a transient failure (a PUT replaces, so a retry never duplicates).
fn put(
    endpoint: &Endpoint,
    triples: &[Triple],
    graph: &NamedNode,
    progress: &ProgressBar,
) -> Result<(), RemoteError> {
    let url = endpoint.gsp_url().unwrap_or_default().to_owned();
    endpoint.check_credentials(&url, graph)?;
    let mut acknowledged = 0;
    let length = NTriples::byte_length(triples);
    endpoint
        .retrying(|| {
            progress.set_position(0);
            let mut body = NTriples::new(triples, progress.clone());
            endpoint.send_graph(true, &url, graph, "application/n-triples", length, &mut body)?;
            acknowledged = triples.len();
            Ok(())
        })
        .map_err(|cause| interrupted(graph, acknowledged, triples.len(), cause))
}

/// `DROP SILENT GRAPH`, then `INSERT DATA` chunk by chunk; a chunk is tried again on a transient
/// failure (inserting the same triples twice changes nothing).
fn update(
    endpoint: &Endpoint,
    triples: &[Triple],
    options: &PushOptions,
    progress: &ProgressBar,
) -> Result<String, RemoteError> {
    let chunk = options.chunk.max(1);
    if triples.len() > chunk {
        if let Some(blank) = triples.iter().find(|t| {
            matches!(t.subject, NamedOrBlankNode::BlankNode(_)) || matches!(t.object, Term::BlankNode(_))
        }) {
            return Err(RemoteError::Credentials(format!(
                "the graph has blank nodes (e.g. in `{blank}`), which separate INSERT DATA requests \
                 would split into different nodes; use the Graph Store Protocol (--gsp-endpoint) or \
                 a --chunk larger than the graph"
            )));
        }
    }
    let graph = &options.graph;
    let url = endpoint.update_url().to_owned();
    let send = |text: &str| {
        endpoint.retrying(|| {
            endpoint
                .post_form(&url, &[("update", text)], "*/*", None)
                .map(drop)
        })
    };
    send(&format!("DROP SILENT GRAPH {graph}"))
        .map_err(|cause| interrupted(graph, 0, triples.len(), cause))?;
    // A request too large for the server (400 or 413: Virtuoso refuses updates whose SQL
    // translation passes 10,000 lines) is split in half until it passes, and the smaller size is
    // kept for the rest.
    let mut size = chunk;
    let mut done = 0;
    let mut requests = 0;
    while done < triples.len() {
        let part = &triples[done..(done + size).min(triples.len())];
        let mut text = format!("INSERT DATA {{ GRAPH {graph} {{\n");
        for triple in part {
            text.push_str(&triple.to_string());
            text.push_str(" .\n");
        }
        text.push_str("} }");
        match send(&text) {
            Ok(()) => {
                requests += 1;
                done += part.len();
                progress.set_position(done as u64);
            }
            Err(RemoteError::Status {
                status: 400 | 413, ..
            }) if part.len() > 1 => {
                size = part.len() / 2;
            }
            Err(RemoteError::Status { url, status, body }) if part.len() == 1 => {
                return Err(RemoteError::Status {
                    url,
                    status,
                    body: format!("it refused the triple `{}`: {body}", part[0]),
                })
            }
            Err(cause) => return Err(interrupted(graph, done, triples.len(), cause)),
        }
    }
    let reduced = if size < chunk {
        format!(", reduced from {chunk} because the server refused larger requests")
    } else {
        String::new()
    };
    Ok(format!(
        "SPARQL Update: {requests} INSERT DATA request(s) of up to {size} triples{reduced}"
    ))
}

fn interrupted(graph: &NamedNode, done: usize, total: usize, cause: RemoteError) -> RemoteError {
    let cut_off = match &cause {
        // A server that answered before and now refuses connections went away mid-push.
        RemoteError::Unreachable { .. } => done > 0,
        RemoteError::Broken { .. } | RemoteError::TimedOut { .. } => true,
        RemoteError::Status { status, .. } => *status >= 500,
        // Refusals (credentials, a bad request) are not interruptions: say them as they are.
        _ => false,
    };
    if !cut_off {
        return cause;
    }
    RemoteError::Interrupted {
        graph: graph.as_str().to_owned(),
        done,
        total,
        cause: Box::new(cause),
    }
}

/// How many triples `graph` holds on the endpoint.
fn count(endpoint: &Endpoint, graph: &NamedNode) -> Result<u64, RemoteError> {
    let text = format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}");
    // Counted in the named graph itself, whatever --graph the reads use.
    let unscoped = Endpoint::new(super::EndpointConfig {
        graph: None,
        ..endpoint.config.clone()
    })?;
    let answer = unscoped
        .answer(
            "the count check",
            &text,
            Vec::new(),
            Limits::default(),
            &Scope::Union,
        )
        .map_err(|e| match e {
            crate::Error::Remote(e) => e,
            other => RemoteError::BadAnswer {
                url: endpoint.url().to_owned(),
                cause: other.to_string(),
            },
        })?;
    let found = match answer {
        Answer::Solutions { rows, .. } => rows
            .first()
            .and_then(|row| row.first().cloned().flatten())
            .and_then(|term| match term {
                Term::Literal(l) => l.value().parse::<u64>().ok(),
                _ => None,
            }),
        _ => None,
    };
    found.ok_or_else(|| RemoteError::BadAnswer {
        url: endpoint.url().to_owned(),
        cause: "the count check did not answer with a number".into(),
    })
}

/// The triples as an N-Triples byte stream, written a batch at a time as the HTTP client reads,
/// moving the progress bar.
struct NTriples<'a> {
    triples: &'a [Triple],
    next: usize,
    buffer: Vec<u8>,
    read: usize,
    progress: ProgressBar,
}

impl<'a> NTriples<'a> {
    fn new(triples: &'a [Triple], progress: ProgressBar) -> Self {
        Self {
            triples,
            next: 0,
            buffer: Vec::new(),
            read: 0,
            progress,
        }
    }
}

impl NTriples<'_> {
    /// How many bytes the N-Triples text of `triples` takes, counted without holding it.
    fn byte_length(triples: &[Triple]) -> u64 {
        struct Count(u64);
        impl std::io::Write for Count {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.0 += buf.len() as u64;
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut count = Count(0);
        for triple in triples {
            use std::io::Write;
            let _ = writeln!(count, "{triple} .");
        }
        count.0
    }
}

impl Read for NTriples<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.read == self.buffer.len() {
            self.buffer.clear();
            self.read = 0;
            let end = (self.next + 1024).min(self.triples.len());
            for triple in &self.triples[self.next..end] {
                use std::io::Write;
                writeln!(self.buffer, "{triple} .")?;
            }
            self.progress.set_position(end as u64);
            self.next = end;
        }
        let n = out.len().min(self.buffer.len() - self.read);
        out[..n].copy_from_slice(&self.buffer[self.read..self.read + n]);
        self.read += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::Literal;

    #[test]
    fn the_put_body_is_n_triples_that_parse_back() {
        let ex = |s: &str| NamedNode::new_unchecked(format!("http://e/{s}"));
        let triples: Vec<Triple> = (0..2500)
            .map(|i| {
                Triple::new(
                    ex(&format!("s{i}")),
                    ex("p"),
                    Literal::new_language_tagged_literal_unchecked(format!("x\"{i}\n"), "en"),
                )
            })
            .collect();
        let mut body = String::new();
        NTriples::new(&triples, ProgressBar::hidden())
            .read_to_string(&mut body)
            .expect("reads");
        assert_eq!(NTriples::byte_length(&triples), body.len() as u64);
        let back: Vec<Triple> = oxttl::NTriplesParser::new()
            .for_slice(body.as_bytes())
            .collect::<Result<_, _>>()
            .expect("valid N-Triples");
        assert_eq!(back, triples);
    }
}
