//! `push`: publishes a graph into a remote store, replacing one named graph: with the Graph Store
//! Protocol where the server has one (one PUT, or for a large graph a PUT and then POSTs of parts),
//! else with chunked `INSERT DATA` updates; then counts what arrived.

use std::fmt::Write as _;
use std::io::{Read, Write as _};
use std::time::Instant;

use indicatif::ProgressBar;
use oxigraph::model::{NamedNode, NamedOrBlankNode, Term, Triple};

use super::endpoint::Endpoint;
use super::error::RemoteError;

/// How a push sends the triples.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PushMethod {
    /// The Graph Store Protocol when a GSP endpoint is given and answers, SPARQL Update otherwise.
    Auto,
    /// Only the Graph Store Protocol (one PUT, or a PUT and POSTs for a graph in parts).
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
    /// Triples per Graph Store request: a larger graph goes as a PUT of the first part, then POSTs.
    pub part: usize,
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

/// Where a push reads its triples: read again from the start for each pass (measuring, sending, a
/// retried PUT), so that no copy of the graph is held in memory.
pub trait TripleSource {
    /// Every triple, each once.
    fn stream(&self) -> Box<dyn Iterator<Item = crate::Result<Triple>> + '_>;
}

impl TripleSource for Vec<Triple> {
    fn stream(&self) -> Box<dyn Iterator<Item = crate::Result<Triple>> + '_> {
        Box::new(self.iter().cloned().map(Ok))
    }
}

/// The most N-Triples bytes one Graph Store request carries, whatever `--part` says: servers store
/// a body's length in 32 bits (Virtuoso 7.2 drops the connection during a PUT of 6 GB).
const PART_BYTES: u64 = 1 << 30;

/// What one pass over a source measured.
struct Measure {
    triples: usize,
    blank: Option<Triple>,
    /// The Graph Store requests the triples go in, in the order the source gives them.
    parts: Vec<Part>,
}

/// One Graph Store request's share of the triples.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Part {
    triples: usize,
    bytes: u64,
}

/// Reads `source` once: its triples, its first blank node, and its parts of at most `part`
/// triples and [`PART_BYTES`] bytes.
fn measure(source: &dyn TripleSource, part: usize) -> Result<Measure, RemoteError> {
    let part = part.max(1);
    let mut out = Measure {
        triples: 0,
        blank: None,
        parts: Vec::new(),
    };
    let mut current = Part::default();
    let mut line = Vec::new();
    for triple in source.stream() {
        let triple = triple.map_err(reading)?;
        line.clear();
        let _ = writeln!(line, "{triple} .");
        let bytes = line.len() as u64;
        if current.triples > 0 && (current.triples >= part || current.bytes + bytes > PART_BYTES) {
            out.parts.push(std::mem::take(&mut current));
        }
        current.triples += 1;
        current.bytes += bytes;
        out.triples += 1;
        if out.blank.is_none()
            && (matches!(triple.subject, NamedOrBlankNode::BlankNode(_))
                || matches!(triple.object, Term::BlankNode(_)))
        {
            out.blank = Some(triple);
        }
    }
    // An empty graph is one empty PUT, which empties the graph on the server.
    out.parts.push(current);
    Ok(out)
}

fn reading(error: crate::Error) -> RemoteError {
    RemoteError::Source(error.to_string())
}

/// Replaces `options.graph` on `endpoint` with the triples of `source`, showing progress on
/// `progress`, and checks that the endpoint then counts as many triples in the graph as were sent.
///
/// # Errors
/// [`RemoteError::Interrupted`] when the endpoint stops answering part-way (after retries),
/// [`RemoteError::CountMismatch`] when the count differs, or the error of the first request.
pub fn push(
    endpoint: &Endpoint,
    source: &dyn TripleSource,
    options: &PushOptions,
    progress: &ProgressBar,
) -> Result<PushReport, RemoteError> {
    let started = Instant::now();
    let measured = measure(source, options.part)?;
    let total = measured.triples;
    progress.set_length(total as u64);
    let mut fallback = None;
    let use_gsp = match (options.method, endpoint.gsp_url()) {
        (PushMethod::Update, _) => false,
        (_, Some(_)) => true,
        (PushMethod::GraphStore, None) => {
            return Err(RemoteError::Invalid(
                "--method gsp needs --gsp-endpoint URL (the server's Graph Store Protocol address)".into(),
            ))
        }
        (PushMethod::Auto, None) => false,
    };
    let method = if use_gsp {
        match put(endpoint, source, &measured, &options.graph, progress) {
            Ok(()) => match measured.parts.len() {
                1 => "one Graph Store Protocol PUT".to_owned(),
                n => format!(
                    "the Graph Store Protocol in {n} parts of up to {} triples (one PUT, then POSTs)",
                    options.part
                ),
            },
            Err(RemoteError::Status { status, body, .. })
                if options.method == PushMethod::Auto && [404, 405, 415, 501].contains(&status) =>
            {
                fallback = Some(format!(
                    "the Graph Store endpoint answered {status} ({body}); sent with SPARQL Update instead"
                ));
                progress.set_position(0);
                update(endpoint, source, &measured, options, progress)?
            }
            Err(e) => return Err(e),
        }
    } else {
        update(endpoint, source, &measured, options, progress)?
    };
    let counted = endpoint.count(Some(&options.graph))?;
    progress.finish_and_clear();
    if counted != total as u64 {
        return Err(RemoteError::CountMismatch {
            graph: options.graph.as_str().to_owned(),
            sent: total,
            found: counted,
        });
    }
    Ok(PushReport {
        sent: total,
        counted,
        method,
        seconds: started.elapsed().as_secs_f64(),
        fallback,
    })
}

/// The graph as N-Triples: one PUT, or for a graph in parts a PUT of the first part and a POST of
/// each other. Each body is streamed as it is written; a request that fails transiently is sent
/// again (a PUT replaces and a POST of triples already there adds nothing, so a retry never
/// duplicates), reading the source again up to its part when the stream has moved past it.
fn put(
    endpoint: &Endpoint,
    source: &dyn TripleSource,
    measured: &Measure,
    graph: &NamedNode,
    progress: &ProgressBar,
) -> Result<(), RemoteError> {
    let total = measured.triples;
    if let Some(blank) = measured.blank.as_ref().filter(|_| measured.parts.len() > 1) {
        return Err(RemoteError::Invalid(format!(
            "the graph has blank nodes (e.g. in `{blank}`), which separate Graph Store requests \
             would split into different nodes; give a --part larger than the graph ({total} triples)"
        )));
    }
    let url = endpoint.gsp_url().unwrap_or_default().to_owned();
    endpoint.check_credentials(&url, graph)?;
    let mut stream = source.stream();
    // Triples taken from `stream`, and triples the endpoint has acknowledged.
    let mut taken = 0;
    let mut done = 0;
    for (i, part) in measured.parts.iter().enumerate() {
        let first = i == 0;
        endpoint
            .retrying(|| {
                if taken != done {
                    stream = source.stream();
                    taken = 0;
                    for triple in stream.by_ref().take(done) {
                        triple.map_err(reading)?;
                        taken += 1;
                    }
                }
                let mut body = NTriples::new(
                    Box::new(stream.by_ref().take(part.triples)),
                    progress.clone(),
                    done,
                );
                let sent =
                    endpoint.send_graph(first, &url, graph, "application/n-triples", part.bytes, &mut body);
                taken += body.written;
                sent.map(drop)
            })
            .map_err(|cause| interrupted(graph, done, total, cause))?;
        done += part.triples;
        progress.set_position(done as u64);
    }
    Ok(())
}

/// `DROP SILENT GRAPH`, then `INSERT DATA` chunk by chunk; a chunk is tried again on a transient
/// failure (inserting the same triples twice changes nothing).
fn update(
    endpoint: &Endpoint,
    source: &dyn TripleSource,
    measured: &Measure,
    options: &PushOptions,
    progress: &ProgressBar,
) -> Result<String, RemoteError> {
    let chunk = options.chunk.max(1);
    let total = measured.triples;
    if let Some(blank) = measured.blank.as_ref().filter(|_| total > chunk) {
        return Err(RemoteError::Invalid(format!(
            "the graph has blank nodes (e.g. in `{blank}`), which separate INSERT DATA requests \
             would split into different nodes; use the Graph Store Protocol (--gsp-endpoint) or \
             a --chunk larger than the graph"
        )));
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
    send(&format!("DROP SILENT GRAPH {graph}")).map_err(|cause| interrupted(graph, 0, total, cause))?;
    // A request too large for the server (400 or 413: Virtuoso refuses updates whose SQL
    // translation passes 10,000 lines) is split in half until it passes, and the smaller size is
    // kept for the rest.
    let mut size = chunk;
    let mut done = 0;
    let mut requests = 0;
    let mut stream = source.stream();
    let mut pending: std::collections::VecDeque<Triple> = std::collections::VecDeque::new();
    loop {
        while pending.len() < size {
            match stream.next() {
                Some(triple) => pending.push_back(triple.map_err(reading)?),
                None => break,
            }
        }
        if pending.is_empty() {
            break;
        }
        let part = size.min(pending.len());
        let mut text = format!("INSERT DATA {{ GRAPH {graph} {{\n");
        for triple in pending.iter().take(part) {
            let _ = writeln!(text, "{triple} .");
        }
        text.push_str("} }");
        match send(&text) {
            Ok(()) => {
                requests += 1;
                done += part;
                pending.drain(..part);
                progress.set_position(done as u64);
            }
            Err(RemoteError::Status {
                status: 400 | 413, ..
            }) if part > 1 => size = part / 2,
            Err(RemoteError::Status { url, status, body }) if part == 1 => {
                return Err(RemoteError::Status {
                    url,
                    status,
                    body: format!("it refused the triple `{}`: {body}", pending[0]),
                })
            }
            Err(cause) => return Err(interrupted(graph, done, total, cause)),
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

/// The triples as an N-Triples byte stream, written a batch at a time as the HTTP client reads,
/// moving the progress bar.
struct NTriples<'a> {
    triples: Box<dyn Iterator<Item = crate::Result<Triple>> + 'a>,
    /// Triples written before this body, for the progress bar.
    before: usize,
    written: usize,
    buffer: Vec<u8>,
    read: usize,
    progress: ProgressBar,
}

impl<'a> NTriples<'a> {
    fn new(
        triples: Box<dyn Iterator<Item = crate::Result<Triple>> + 'a>,
        progress: ProgressBar,
        before: usize,
    ) -> Self {
        Self {
            triples,
            before,
            written: 0,
            buffer: Vec::new(),
            read: 0,
            progress,
        }
    }
}

impl Read for NTriples<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        if self.read == self.buffer.len() {
            self.buffer.clear();
            self.read = 0;
            for triple in self.triples.by_ref().take(1024) {
                let triple = triple.map_err(std::io::Error::other)?;
                writeln!(self.buffer, "{triple} .")?;
                self.written += 1;
            }
            self.progress.set_position((self.before + self.written) as u64);
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
        NTriples::new(triples.stream(), ProgressBar::hidden(), 0)
            .read_to_string(&mut body)
            .expect("reads");
        let measured = measure(&triples, usize::MAX).expect("measures");
        assert_eq!(measured.parts.len(), 1);
        assert_eq!(measured.parts[0].bytes, body.len() as u64);
        assert_eq!(measured.triples, triples.len());
        let back: Vec<Triple> = oxttl::NTriplesParser::new()
            .for_slice(body.as_bytes())
            .collect::<Result<_, _>>()
            .expect("valid N-Triples");
        assert_eq!(back, triples);
    }

    #[test]
    fn a_graph_is_cut_into_parts_of_at_most_so_many_triples() {
        let ex = |s: &str| NamedNode::new_unchecked(format!("http://e/{s}"));
        let triples: Vec<Triple> = (0..10)
            .map(|i| Triple::new(ex(&format!("s{i}")), ex("p"), ex("o")))
            .collect();
        let line = format!("{} .\n", triples[0]).len() as u64;
        let parts = |part| measure(&triples, part).expect("measures").parts;
        let sizes = |part| parts(part).iter().map(|p| p.triples).collect::<Vec<_>>();
        assert_eq!(sizes(4), [4, 4, 2]);
        assert_eq!(sizes(5), [5, 5]);
        assert_eq!(sizes(10), [10]);
        assert_eq!(sizes(usize::MAX), [10]);
        assert_eq!(parts(4)[0].bytes, 4 * line);
        assert_eq!(parts(4).iter().map(|p| p.bytes).sum::<u64>(), 10 * line);
        // An empty graph is still one (empty) request, which empties the graph there.
        assert_eq!(
            measure(&Vec::new(), 4).expect("measures").parts,
            [Part::default()]
        );
    }

    #[test]
    fn a_graph_with_blank_nodes_is_not_cut_into_parts() {
        use oxigraph::model::BlankNode;
        let ex = |s: &str| NamedNode::new_unchecked(format!("http://e/{s}"));
        let triples = vec![
            Triple::new(ex("a"), ex("p"), BlankNode::new_unchecked("b")),
            Triple::new(BlankNode::new_unchecked("b"), ex("p"), ex("c")),
        ];
        // A closed port: the refusal comes before any request.
        let endpoint = Endpoint::new(crate::remote::EndpointConfig {
            query: "http://127.0.0.1:9/query".into(),
            update: None,
            gsp: Some("http://127.0.0.1:9/store".into()),
            graph: None,
            auth: None,
            connect_timeout: std::time::Duration::from_secs(1),
            idle_timeout: std::time::Duration::from_secs(1),
            retries: 0,
        })
        .expect("endpoint");
        let options = PushOptions {
            graph: ex("g"),
            method: PushMethod::GraphStore,
            chunk: 10,
            part: 1,
        };
        let error = push(&endpoint, &triples, &options, &ProgressBar::hidden()).expect_err("refused");
        assert!(
            matches!(&error, RemoteError::Invalid(m) if m.contains("blank nodes") && m.contains("--part")),
            "{error}"
        );
    }
}
