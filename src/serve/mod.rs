//! `serve`: the store read-only over HTTP — the SPARQL 1.1 Protocol at `/sparql`, the graph's own
//! IRIs as linked data at `/id/...`, saved queries as endpoints, and server-rendered pages. A thin
//! layer: each handler makes the library calls the commands make and hands the answer to a
//! renderer; errors become statuses in one place ([`http::Failure`]).

mod actor_page;
mod describe;
mod entity;
mod entity_page;
mod html;
mod http;
mod negotiate;
mod pages;
mod quote;
mod report_page;
mod saved;
mod sparql;
mod state;

pub use state::Config;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use oxhttp::model::{Body, Method, Request, Response, StatusCode};
use oxhttp::Server;

use crate::error::{Error, Result};
use http::Failure;
use state::State;

/// A running server.
pub struct Running {
    /// The address it listens on.
    pub address: SocketAddr,
    active: Arc<AtomicUsize>,
    _listener: oxhttp::ListeningServer,
}

impl std::fmt::Debug for Running {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Running")
            .field("address", &self.address)
            .finish_non_exhaustive()
    }
}

impl Running {
    /// Waits up to `grace` for the requests being answered to finish; returns how many still run.
    pub fn drain(&self, grace: Duration) -> usize {
        let started = std::time::Instant::now();
        while self.active.load(Ordering::SeqCst) > 0 && started.elapsed() < grace {
            std::thread::sleep(Duration::from_millis(20));
        }
        self.active.load(Ordering::SeqCst)
    }
}

/// Checks the store opens (or the remote store answers), then starts serving `config` on
/// `address` with at most `threads` connections at once. Port 0 picks a free port.
///
/// # Errors
/// The store cannot be opened, the remote store does not answer, or the address cannot be bound.
pub fn start(config: Config, address: SocketAddr, threads: usize) -> Result<Running> {
    let state = Arc::new(State::new(config));
    let snapshot = state.snapshot()?;
    if snapshot.kb().as_store().is_none() {
        let limits = state.config.limits;
        crate::query::run(
            snapshot.kb(),
            "a first question to the endpoint",
            "ASK {}",
            Vec::new(),
            limits,
        )?;
    }
    let address = if address.port() == 0 {
        // oxhttp binds when it spawns; find a free port first so that the address can be printed.
        let probe =
            std::net::TcpListener::bind(address).map_err(|e| Error::io("binding the server address", e))?;
        probe
            .local_addr()
            .map_err(|e| Error::io("binding the server address", e))?
    } else {
        address
    };
    let active = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&active);
    let server = Server::new(move |request| {
        counter.fetch_add(1, Ordering::SeqCst);
        let response = http::with_cors(route(&state, request).unwrap_or_else(|f| http::failure(&f)));
        counter.fetch_sub(1, Ordering::SeqCst);
        response
    })
    .bind(address)
    .with_global_timeout(Duration::from_secs(120))
    .with_max_concurrent_connections(threads.max(1));
    let listener = server
        .spawn()
        .map_err(|e| Error::io(format!("listening on {address}"), e))?;
    Ok(Running {
        address,
        active,
        _listener: listener,
    })
}

/// Sends the request to its handler.
fn route(state: &State, request: &mut Request<Body>) -> std::result::Result<Response<Body>, Failure> {
    if request.method() == Method::OPTIONS {
        return Ok(http::bytes(StatusCode::NO_CONTENT, "text/plain", Vec::new()));
    }
    let path = request.uri().path().to_owned();
    check_path(&path)?;
    if path == "/sparql" {
        return sparql::endpoint(state, request);
    }
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return Err(Failure::new(
            StatusCode::METHOD_NOT_ALLOWED,
            format!("{path} answers GET only (POST queries to /sparql)"),
        ));
    }
    match path.as_str() {
        "/" => {
            let params = http::query_params(request)?;
            let snapshot = state.snapshot()?;
            Ok(http::html(
                StatusCode::OK,
                pages::home(&snapshot, http::param(&params, "q"))?,
            ))
        }
        "/editor" => Ok(http::html(StatusCode::OK, pages::editor())),
        "/report" => report_page::report(state, request),
        "/queries" | "/queries/" => saved::list(state),
        _ => {
            if let Some(rest) = path.strip_prefix("/id/").filter(|r| !r.is_empty()) {
                return entity::answer(state, request, rest);
            }
            if let Some(name) = path.strip_prefix("/queries/") {
                return saved::run(state, request, &http::decode(name.as_bytes())?);
            }
            Err(Failure::not_found(format!(
                "nothing is served at {path}; see / for the pages, /sparql for the endpoint"
            )))
        }
    }
}

/// Refuses paths that climb out of their folder (`..`, `.` segments, encoded or not) or hold
/// control characters.
fn check_path(path: &str) -> std::result::Result<(), Failure> {
    let decoded = http::decode(path.as_bytes())?;
    let climbs = decoded
        .split(['/', '\\'])
        .any(|segment| segment == ".." || segment == ".");
    if climbs || decoded.chars().any(char::is_control) || !path.starts_with('/') {
        return Err(Failure::bad_request(format!(
            "the path {} is refused: it names a parent or current folder, or holds control characters",
            html::esc(path)
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_climb_are_refused() {
        for bad in ["/id/../../etc/passwd", "/id/%2e%2e/x", "/id/a/./b", "/id/..%2Fx"] {
            assert!(check_path(bad).is_err(), "{bad}");
        }
        check_path("/id/taliban").expect("plain path");
        check_path("/id/.well-known/genid/abc").expect("dot files are not climbing");
    }
}
