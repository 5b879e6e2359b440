//! One module per command: each takes its parsed arguments and a writer, calls the library, and adds
//! context to errors.

mod build;
mod docs;
mod export;
mod extract;
mod graph;
mod import;
pub(crate) mod network;
mod path;
mod push;
mod queries;
mod query;
mod report;
mod sentences;
mod serve;
mod why;

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use anyhow::Context;

use crate::cli::{Cli, Command, RemoteArgs};
use crate::query::Kb;
use crate::remote::{Auth, Endpoint, EndpointConfig};

/// Where a read command reads: the embedded store, or the remote endpoint `--endpoint` names.
pub(crate) struct Target<'a> {
    store: &'a Path,
    remote: &'a RemoteArgs,
}

impl Target<'_> {
    /// Opens the store, or prepares the endpoint.
    fn open(&self) -> anyhow::Result<Box<dyn Kb>> {
        Ok(match self.remote.endpoint {
            None => Box::new(crate::store::open(self.store)?),
            Some(_) => Box::new(endpoint(self.remote, 0)?),
        })
    }
}

/// The endpoint the remote flags describe; `retries` for requests that fail transiently.
fn endpoint(remote: &RemoteArgs, retries: u32) -> anyhow::Result<Endpoint> {
    let query = remote
        .endpoint
        .clone()
        .context("no --endpoint URL given (the SPARQL query endpoint of the remote store)")?;
    let graph = remote
        .graph
        .as_deref()
        .map(|g| {
            oxigraph::model::NamedNode::new(g.trim_start_matches('<').trim_end_matches('>'))
                .with_context(|| format!("--graph `{g}` is not an absolute IRI"))
        })
        .transpose()?;
    for (flag, seconds) in [
        ("--connect-timeout", remote.connect_timeout),
        ("--idle-timeout", remote.idle_timeout),
    ] {
        if !(seconds.is_finite() && seconds > 0.0 && seconds < 1e9) {
            anyhow::bail!("{flag} must be a positive number of seconds, not {seconds}");
        }
    }
    Ok(Endpoint::new(EndpointConfig {
        query,
        update: remote.update_endpoint.clone(),
        gsp: remote.gsp_endpoint.clone(),
        graph,
        auth: Auth::find(remote.auth_file.as_deref())?,
        connect_timeout: Duration::from_secs_f64(remote.connect_timeout),
        idle_timeout: Duration::from_secs_f64(remote.idle_timeout),
        retries,
    })?)
}

/// Runs the command of `cli`, writing its output to `out`.
///
/// # Errors
/// The command's error, with context.
pub fn run(cli: Cli, out: &mut impl Write) -> anyhow::Result<()> {
    let target = Target {
        store: &cli.store,
        remote: &cli.remote,
    };
    if cli.remote.endpoint.is_some() {
        let local_only = match &cli.command {
            Command::Build(_) => Some("build writes the embedded store"),
            Command::Import(_) => Some("import writes the embedded store"),
            _ => None,
        };
        if let Some(why) = local_only {
            anyhow::bail!(
                "--endpoint is for the read commands, serve and push; {why}: run it without --endpoint, \
                 then `borderkg push --endpoint URL --graph IRI` to publish the result"
            );
        }
    }
    match cli.command {
        Command::Build(args) => build::run(&args, &cli.store, out),
        Command::Query(args) => query::run(&args, &target, out),
        Command::Queries(args) => queries::run(&args, out),
        Command::Export(args) => export::run(&args, &target, out),
        Command::Why(args) => why::run(&args, &target, out),
        Command::Sentences(args) => sentences::run(&args, out),
        Command::Report(args) => report::run(&args, &target, out),
        Command::Path(args) => path::run(&args, &target, out),
        Command::Graph(args) => graph::run(&args, &target, out),
        Command::Import(args) => import::run(&args, &cli.store, out),
        Command::Extract(args) => extract::run(&args, out),
        Command::ExtractEval(args) => extract::eval(&args, out),
        Command::Push(args) => push::run(&args, &cli.store, &cli.remote, out),
        Command::Serve(args) => serve::run(&args, &target, out),
        Command::Completions(args) => docs::completions(args.shell, out),
        Command::Man => docs::man(out),
    }
}

/// True when `error` comes from writing to a closed pipe (`borderkg query … | head`).
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        let io =
            cause
                .downcast_ref::<std::io::Error>()
                .or_else(|| match cause.downcast_ref::<crate::Error>() {
                    Some(crate::Error::Io { cause, .. }) => Some(cause),
                    _ => None,
                });
        io.is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
