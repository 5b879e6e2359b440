//! `borderkg push`: publishes the built graph into a named graph of a remote SPARQL store.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::{PushArgs, PushMethodArg, RemoteArgs};
use crate::remote::{push, PushMethod, PushOptions};

pub fn run(
    args: &PushArgs,
    store_path: &Path,
    remote: &RemoteArgs,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let endpoint = super::endpoint(remote, args.retries)?;
    let graph = endpoint.graph().cloned().context(
        "push needs --graph IRI: the named graph on the endpoint that the push replaces \
         (e.g. --graph https://example.org/borderkg)",
    )?;
    let store = crate::store::open(store_path)?;
    let triples = crate::store::UnionTriples::new(&store);
    let progress = ProgressBar::new(0);
    progress.set_style(
        ProgressStyle::with_template("{bar:30} {human_pos}/{human_len} triples ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let options = PushOptions {
        graph: graph.clone(),
        method: match args.method {
            PushMethodArg::Auto => PushMethod::Auto,
            PushMethodArg::Gsp => PushMethod::GraphStore,
            PushMethodArg::Update => PushMethod::Update,
        },
        chunk: usize::try_from(args.chunk).unwrap_or(usize::MAX),
        part: usize::try_from(args.part).unwrap_or(usize::MAX),
    };
    let report = push(&endpoint, &triples, &options, &progress).with_context(|| {
        format!(
            "pushing {} to {graph} at {}",
            store_path.display(),
            endpoint.url()
        )
    })?;
    if let Some(why) = &report.fallback {
        writeln!(out, "note: {why}")?;
    }
    writeln!(
        out,
        "pushed {} triples into {graph} at {} with {} in {:.1} s ({:.0} triples/s); the endpoint counts {}",
        report.sent,
        endpoint.url(),
        report.method,
        report.seconds,
        report.sent as f64 / report.seconds.max(1e-9),
        report.counted
    )?;
    Ok(())
}
