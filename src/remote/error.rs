//! What can go wrong talking to a remote SPARQL endpoint, each saying what to do about it.

use std::time::Duration;

/// An error from a remote endpoint or from reaching it.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    /// No connection could be made (refused, unknown host, connect timeout).
    #[error(
        "cannot reach {url}: {cause}\ncheck the URL and that the server is running (connections \
         give up after {} s; --connect-timeout changes that)",
        connect_timeout.as_secs_f64()
    )]
    Unreachable {
        /// The URL asked.
        url: String,
        /// What the network layer said.
        cause: String,
        /// How long a connection was tried.
        connect_timeout: Duration,
    },
    /// The connection broke or timed out while a request was under way.
    #[error("{url} stopped answering: {cause}")]
    Broken {
        /// The URL asked.
        url: String,
        /// What the network layer said.
        cause: String,
    },
    /// A request that took longer than it was allowed.
    #[error("{url} did not answer within {:.1} s", after.as_secs_f64())]
    TimedOut {
        /// The URL asked.
        url: String,
        /// How long it was given.
        after: Duration,
    },
    /// 401: no credentials, or wrong ones.
    #[error(
        "{url} answered 401 Unauthorized: {}",
        if *sent { "the credentials were refused; check BORDERKG_ENDPOINT_USER and BORDERKG_ENDPOINT_PASSWORD, BORDERKG_ENDPOINT_TOKEN, or the --auth-file" }
        else { "it wants credentials; set BORDERKG_ENDPOINT_USER and BORDERKG_ENDPOINT_PASSWORD (basic) or BORDERKG_ENDPOINT_TOKEN (bearer), or pass --auth-file FILE" }
    )]
    Unauthorized {
        /// The URL asked.
        url: String,
        /// Whether credentials were sent.
        sent: bool,
    },
    /// Any other answer than success.
    #[error("{url} answered {status}{}", if body.is_empty() { String::new() } else { format!(": {body}") })]
    Status {
        /// The URL asked.
        url: String,
        /// The HTTP status code.
        status: u16,
        /// The start of what the server said, on one line.
        body: String,
    },
    /// The server cut the answer short at its own row limit (Virtuoso's `ResultSetMaxRows`).
    #[error(
        "{url} cut the answer off at its limit of {limit} rows, so it is incomplete; raise the \
         server's limit (Virtuoso: ResultSetMaxRows in the [SPARQL] section of virtuoso.ini) or narrow the query"
    )]
    Truncated {
        /// The URL asked.
        url: String,
        /// The server's row limit.
        limit: String,
    },
    /// The answer could not be read as what was asked for.
    #[error("{url} sent an answer that cannot be read ({cause})")]
    BadAnswer {
        /// The URL asked.
        url: String,
        /// What was wrong.
        cause: String,
    },
    /// Credentials could not be read.
    #[error("{0}")]
    Credentials(String),
    /// The request cannot be made as given (a URL that is not HTTP, an option that needs another,
    /// a graph that the chosen method would change).
    #[error("{0}")]
    Invalid(String),
    /// The graph to push could not be read from the embedded store.
    #[error("reading the graph to push: {0}")]
    Source(String),
    /// A push whose count check failed.
    #[error(
        "the graph <{graph}> on the endpoint holds {found} triples after the push, but {sent} were \
         sent; another writer may have changed it, or the server dropped triples: push again"
    )]
    CountMismatch {
        /// The graph pushed.
        graph: String,
        /// Triples sent.
        sent: usize,
        /// Triples the endpoint counted afterwards.
        found: u64,
    },
    /// A push that stopped part-way.
    #[error(
        "the push stopped after {done} of {total} triples: {cause}\nthe graph <{graph}> may now hold \
         part of the data; run the same push again when the endpoint answers (it replaces the graph)"
    )]
    Interrupted {
        /// The graph pushed.
        graph: String,
        /// Triples the endpoint acknowledged.
        done: usize,
        /// Triples to send.
        total: usize,
        /// Why it stopped.
        cause: Box<RemoteError>,
    },
}

impl RemoteError {
    /// Whether trying the same request again may succeed (5xx, a broken connection or a timeout).
    pub fn is_transient(&self) -> bool {
        match self {
            Self::Broken { .. } => true,
            Self::Status { status, .. } => *status >= 500,
            _ => false,
        }
    }
}
