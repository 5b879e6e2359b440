//! One remote SPARQL 1.1 service: its query, update and Graph Store URLs, the named graph the
//! project's data lives in, credentials, timeouts, and the HTTP exchanges with it.

use std::io::Read;
use std::time::Duration;

use oxigraph::model::NamedNode;

use super::auth::Auth;
use super::error::RemoteError;

/// How to reach a remote store: what the command line's `--endpoint` family of flags gives.
#[derive(Debug, Clone)]
pub struct EndpointConfig {
    /// SPARQL 1.1 query endpoint.
    pub query: String,
    /// SPARQL 1.1 update endpoint (defaults to the query endpoint).
    pub update: Option<String>,
    /// SPARQL 1.1 Graph Store HTTP Protocol endpoint, if the server has one.
    pub gsp: Option<String>,
    /// The named graph the project's data lives in; the endpoint's default graph when absent.
    pub graph: Option<NamedNode>,
    /// Credentials.
    pub auth: Option<Auth>,
    /// How long to try to connect.
    pub connect_timeout: Duration,
    /// How long the server may stay silent (nothing received or sent) before a request fails.
    pub idle_timeout: Duration,
    /// How many times a request that failed transiently (5xx, broken connection) is tried again.
    pub retries: u32,
}

/// A remote store, ready to be asked.
#[derive(Debug)]
pub struct Endpoint {
    config: EndpointConfig,
    agent: ureq::Agent,
}

/// A successful answer: its media type (without parameters) and its body.
pub(super) struct Reply {
    pub media_type: String,
    pub body: Box<dyn Read + Send>,
}

impl Endpoint {
    /// Checks the URLs and prepares the HTTP client.
    ///
    /// # Errors
    /// [`RemoteError::Credentials`] names a URL that is not `http://` or `https://`.
    pub fn new(config: EndpointConfig) -> Result<Self, RemoteError> {
        for url in [Some(&config.query), config.update.as_ref(), config.gsp.as_ref()]
            .into_iter()
            .flatten()
        {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(RemoteError::Invalid(format!(
                    "`{url}` is not an http:// or https:// URL; give the endpoint's full URL, e.g. \
                     http://127.0.0.1:7878/query"
                )));
            }
        }
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(config.connect_timeout))
            .timeout_per_read(Some(config.idle_timeout))
            .timeout_per_write(Some(config.idle_timeout))
            .user_agent(concat!("borderkg/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Ok(Self { config, agent })
    }

    /// The query URL, as the user gave it (for messages).
    pub fn url(&self) -> &str {
        &self.config.query
    }

    /// The named graph the data lives in, if one was given.
    pub fn graph(&self) -> Option<&NamedNode> {
        self.config.graph.as_ref()
    }

    pub(super) fn update_url(&self) -> &str {
        self.config.update.as_deref().unwrap_or(&self.config.query)
    }

    pub(super) fn gsp_url(&self) -> Option<&str> {
        self.config.gsp.as_deref()
    }

    /// POSTs a form (`query=…` or `update=…`, with dataset parameters) and returns the reply,
    /// trying transient failures again.
    pub(super) fn post_form(
        &self,
        url: &str,
        form: &[(&str, &str)],
        accept: &str,
        timeout: Option<Duration>,
    ) -> Result<Reply, RemoteError> {
        self.retrying(|| {
            let request = self
                .agent
                .post(url)
                .config()
                .timeout_global(timeout)
                .build()
                .header("Accept", accept);
            let request = self.authorised(request);
            self.reply(url, request.send_form(form.iter().copied()))
                .map_err(|e| match (e, timeout) {
                    (RemoteError::Broken { url, cause }, Some(after)) if cause.starts_with("timed out") => {
                        RemoteError::TimedOut { url, after }
                    }
                    (e, _) => e,
                })
        })
    }

    /// Sends `body` of `length` bytes with PUT (or POST) to `url?graph=IRI`, once: the caller decides whether
    /// a body can be sent again.
    pub(super) fn send_graph(
        &self,
        put: bool,
        url: &str,
        graph: &NamedNode,
        content_type: &str,
        length: u64,
        body: &mut dyn Read,
    ) -> Result<Reply, RemoteError> {
        let request = if put {
            self.agent.put(url)
        } else {
            self.agent.post(url)
        };
        // With its length given, not chunked: Virtuoso 7 answers a chunked PUT with 201 Created
        // and stores nothing. On a connection closed after the answer: Virtuoso 7.2 holds a large
        // load's locks for as long as its connection stays open, so the next part's request
        // would wait for them forever.
        let request = request
            .query("graph", graph.as_str())
            .header("Content-Type", content_type)
            .header("Content-Length", length.to_string())
            .header("Accept", "*/*")
            .header("Connection", "close");
        let request = self.authorised(request);
        self.reply(url, request.send(ureq::SendBody::from_reader(body)))
    }

    /// Asks `url?graph=IRI` with HEAD, only to learn whether the credentials are refused before a
    /// large body is sent (a server that refuses them may close the connection mid-body, which
    /// would read as a broken connection instead of a 401).
    ///
    /// # Errors
    /// [`RemoteError::Unauthorized`], or the transport error; any other status is left to the
    /// request that follows.
    pub(super) fn check_credentials(&self, url: &str, graph: &NamedNode) -> Result<(), RemoteError> {
        // On a connection of its own, closed after the answer: Virtuoso 7.2 answers a HEAD of its
        // Graph Store with 501 but keeps a lock for as long as the connection stays open, and a
        // PUT of a million triples then waits for it forever.
        let request = self
            .agent
            .head(url)
            .query("graph", graph.as_str())
            .header("Connection", "close");
        let request = self.authorised(request);
        match self.reply(url, request.call()) {
            Err(RemoteError::Unauthorized { url, sent }) => Err(RemoteError::Unauthorized { url, sent }),
            Err(e @ RemoteError::Unreachable { .. }) => Err(e),
            _ => Ok(()),
        }
    }

    /// Runs `attempt` up to `retries` more times while it fails transiently, waiting 0.5 s, 1 s,
    /// 2 s… in between.
    pub(super) fn retrying<T>(
        &self,
        mut attempt: impl FnMut() -> Result<T, RemoteError>,
    ) -> Result<T, RemoteError> {
        let mut wait = Duration::from_millis(500);
        let mut left = self.config.retries;
        loop {
            match attempt() {
                Err(e) if e.is_transient() && left > 0 => {
                    left -= 1;
                    std::thread::sleep(wait);
                    wait = (wait * 2).min(Duration::from_secs(8));
                }
                other => return other,
            }
        }
    }

    fn authorised<B>(&self, request: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        match &self.config.auth {
            Some(auth) => request.header("Authorization", auth.header()),
            None => request,
        }
    }

    fn reply(
        &self,
        url: &str,
        response: Result<ureq::http::Response<ureq::Body>, ureq::Error>,
    ) -> Result<Reply, RemoteError> {
        let response = response.map_err(|e| self.transport(url, e))?;
        let status = response.status().as_u16();
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        if let Some(limit) = header("X-SPARQL-MaxRows") {
            return Err(RemoteError::Truncated {
                url: url.to_owned(),
                limit,
            });
        }
        if let Some(state) = header("X-SQL-State") {
            // Virtuoso's "anytime" answers: a query stopped at its time limit answers 200 with the
            // rows found so far. An incomplete answer is an error, never a result.
            let message = header("X-SQL-Message").unwrap_or_default();
            return Err(RemoteError::Status {
                url: url.to_owned(),
                status,
                body: format!(
                    "an incomplete answer (SQL state {state}: {message}); the server stopped the \
                     query at its own time limit: raise it or narrow the query"
                ),
            });
        }
        let media_type = header("Content-Type")
            .map(|ct| {
                ct.split(';')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_ascii_lowercase()
            })
            .unwrap_or_default();
        let body = response.into_body().into_reader();
        match status {
            200..=299 => Ok(Reply {
                media_type,
                body: Box::new(body),
            }),
            401 => Err(RemoteError::Unauthorized {
                url: url.to_owned(),
                sent: self.config.auth.is_some(),
            }),
            _ => Err(RemoteError::Status {
                url: url.to_owned(),
                status,
                body: excerpt(body),
            }),
        }
    }

    fn transport(&self, url: &str, error: ureq::Error) -> RemoteError {
        let unreachable = |cause: String| RemoteError::Unreachable {
            url: url.to_owned(),
            cause,
            connect_timeout: self.config.connect_timeout,
        };
        match error {
            ureq::Error::HostNotFound => unreachable("the host name is not known".into()),
            ureq::Error::ConnectionFailed => unreachable("the connection failed".into()),
            ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => {
                unreachable("no connection within the connect timeout".into())
            }
            ureq::Error::Io(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::ConnectionRefused
                        | std::io::ErrorKind::AddrNotAvailable
                        | std::io::ErrorKind::HostUnreachable
                        | std::io::ErrorKind::NetworkUnreachable
                ) =>
            {
                unreachable(e.to_string())
            }
            ureq::Error::Timeout(ureq::Timeout::PerRead | ureq::Timeout::PerWrite) => RemoteError::Broken {
                url: url.to_owned(),
                cause: format!(
                    "nothing came for {} s (--idle-timeout changes that)",
                    self.config.idle_timeout.as_secs_f64()
                ),
            },
            ureq::Error::Timeout(which) => RemoteError::Broken {
                url: url.to_owned(),
                cause: format!("timed out ({which})"),
            },
            ureq::Error::BadUri(why) => RemoteError::Invalid(format!("`{url}`: {why}")),
            other => RemoteError::Broken {
                url: url.to_owned(),
                cause: other.to_string(),
            },
        }
    }
}

/// The start of an error body, on one line, with markup tags dropped.
fn excerpt(body: impl Read) -> String {
    let mut bytes = Vec::new();
    let _ = body.take(4096).read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes);
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            c if c.is_whitespace() => {
                if !plain.ends_with(' ') && !plain.is_empty() {
                    plain.push(' ');
                }
            }
            c => plain.push(c),
        }
    }
    let plain = plain.trim();
    match plain.char_indices().nth(300) {
        Some((i, _)) => format!("{}…", &plain[..i]),
        None => plain.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_shrink_to_one_line_of_text() {
        let html = "<html><body>\n<h1>Error</h1>\n<p>SP030: SPARQL compiler,\nline 1</p></body></html>";
        assert_eq!(excerpt(html.as_bytes()), "Error SP030: SPARQL compiler, line 1");
        assert!(excerpt("x".repeat(1000).as_bytes()).ends_with('…'));
    }

    #[test]
    fn urls_must_be_http() {
        let config = EndpointConfig {
            query: "localhost:7878/query".into(),
            update: None,
            gsp: None,
            graph: None,
            auth: None,
            connect_timeout: Duration::from_secs(1),
            idle_timeout: Duration::from_secs(1),
            retries: 0,
        };
        let error = Endpoint::new(config).expect_err("no scheme");
        assert!(error.to_string().contains("http://"), "{error}");
    }
}
