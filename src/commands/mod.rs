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
mod queries;
mod query;
mod report;
mod sentences;
mod serve;
mod why;

use std::io::Write;

use crate::cli::{Cli, Command};

/// Runs the command of `cli`, writing its output to `out`.
///
/// # Errors
/// The command's error, with context.
pub fn run(cli: Cli, out: &mut impl Write) -> anyhow::Result<()> {
    match cli.command {
        Command::Build(args) => build::run(&args, &cli.store, out),
        Command::Query(args) => query::run(&args, &cli.store, out),
        Command::Queries(args) => queries::run(&args, out),
        Command::Export(args) => export::run(&args, &cli.store, out),
        Command::Why(args) => why::run(&args, &cli.store, out),
        Command::Sentences(args) => sentences::run(&args, out),
        Command::Report(args) => report::run(&args, &cli.store, out),
        Command::Path(args) => path::run(&args, &cli.store, out),
        Command::Graph(args) => graph::run(&args, &cli.store, out),
        Command::Import(args) => import::run(&args, &cli.store, out),
        Command::Extract(args) => extract::run(&args, out),
        Command::ExtractEval(args) => extract::eval(&args, out),
        Command::Serve(args) => serve::run(&args, &cli.store, out),
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
