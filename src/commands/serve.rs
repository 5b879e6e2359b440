//! `borderkg serve`: checks the flags, starts the server, prints its address, and serves until
//! SIGINT or SIGTERM.

use std::io::Write;
use std::time::Duration;

use anyhow::{bail, Context};
use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::cli::ServeArgs;
use crate::query::Limits;
use crate::serve::{start, Config};

/// How long requests still being answered get after a stop signal.
const GRACE: Duration = Duration::from_secs(5);

pub fn run(args: &ServeArgs, target: &super::Target<'_>, out: &mut impl Write) -> anyhow::Result<()> {
    if !args.bind.ip().is_loopback() && !args.allow_remote {
        bail!(
            "--bind {}: that address can be reached from other machines, and the server has no \
             authentication; add --allow-remote to serve it anyway",
            args.bind
        );
    }
    if let Some(dir) = &args.sources {
        if !dir.is_dir() {
            bail!("--sources {}: not a folder", dir.display());
        }
    }
    if args.max_rows == 0 {
        bail!("--max-rows must be at least 1");
    }
    let endpoint = match target.remote.endpoint {
        Some(_) => Some(std::sync::Arc::new(super::endpoint(target.remote, 0)?)),
        None => None,
    };
    let serving = endpoint.as_ref().map_or_else(
        || format!("the store at {}", target.store.display()),
        |e| {
            let graph = e
                .graph()
                .map_or("its default graph".to_owned(), |g| format!("the graph {g}"));
            format!("{graph} of the remote store at {}", e.url())
        },
    );
    let config = Config {
        store: target.store.to_owned(),
        endpoint,
        sources: args.sources.clone(),
        queries: crate::resources::choose_folder(crate::resources::Kind::Queries, args.queries.as_deref()),
        limits: Limits {
            timeout: args.timeout.0,
            max_rows: Some(args.max_rows),
            max_memory: None,
        },
    };
    let mut signals = Signals::new([SIGINT, SIGTERM]).context("installing the stop-signal handler")?;
    let running = start(config, args.bind, args.threads)
        .with_context(|| format!("starting the server on {}", args.bind))?;
    writeln!(out, "borderkg serve: listening on http://{}/", running.address)?;
    writeln!(out, "  SPARQL endpoint: http://{}/sparql", running.address)?;
    writeln!(out, "  reading: {serving}")?;
    out.flush()?;
    if let Some(signal) = signals.forever().next() {
        let name = if signal == SIGINT { "SIGINT" } else { "SIGTERM" };
        let left = running.drain(GRACE);
        if left == 0 {
            writeln!(out, "borderkg serve: stopped on {name}")?;
        } else {
            writeln!(
                out,
                "borderkg serve: stopped on {name}, {left} requests still running were cut off"
            )?;
        }
    }
    Ok(())
}
