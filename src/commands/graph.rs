//! `borderkg graph`: the projected actor network in a format other network tools read.

use std::io::Write;

use anyhow::Context;

use super::network::projected;
use crate::cli::GraphArgs;
use crate::formats::{choose, from_extension};
use crate::graph_export::{write_csv_pair, write_graph, GraphFormat};

pub fn run(args: &GraphArgs, target: &super::Target<'_>, out: &mut impl Write) -> anyhow::Result<()> {
    let format = match args.format {
        Some(f) => choose(Some(f), args.output.as_deref(), f),
        None => args
            .output
            .as_deref()
            .and_then(from_extension::<GraphFormat>)
            .ok_or_else(|| {
                "give --format gexf|graphml|dot|csv, or -o FILE ending in .gexf, .graphml or .dot".to_owned()
            }),
    }
    .map_err(anyhow::Error::msg)?;
    let store = target.open()?;
    let mut network = projected(&*store, &args.network)?;
    network
        .complete_all(&*store)
        .context("reading the evidence behind the ties")?;
    if format == GraphFormat::Csv {
        let dir = args.output.as_deref().context(
            "--format csv writes two files: give the folder for nodes.csv and edges.csv with -o DIR",
        )?;
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        write_csv_pair(&network, dir)?;
        return Ok(());
    }
    match &args.output {
        None => write_graph(&network, format, out)?,
        Some(path) => crate::output::write_atomically(path, |w| {
            let mut w = w;
            write_graph(&network, format, &mut w)?;
            Ok(())
        })?,
    }
    Ok(())
}
