//! `borderkg report`: projects the store and writes the actor-network report.

use std::io::Write;

use anyhow::Context;

use super::network::projected;
use crate::cli::ReportArgs;
use crate::formats::choose;
use crate::report::{analyse, render, DrawOptions, RenderOptions, ReportFormat};

pub fn run(args: &ReportArgs, target: &super::Target<'_>, out: &mut impl Write) -> anyhow::Result<()> {
    let format =
        choose(args.format, args.output.as_deref(), ReportFormat::Text).map_err(anyhow::Error::msg)?;
    let store = target.open()?;
    let mut network = projected(&*store, &args.network)?;
    network
        .complete_listed(&*store)
        .context("reading the evidence the report shows")?;
    let mut report = analyse(&network, args.network.weight, !args.undirected);
    if let Some(actor) = &args.network.actor {
        let ties = if args.network.radius == 1 { "tie" } else { "ties" };
        report.scope = Some(format!(
            "Ego network of {actor}: the actors within {} {ties} of it",
            args.network.radius
        ));
    }
    let options = RenderOptions {
        width: args.width,
        drawing: DrawOptions {
            size_by: args.size_by.clone(),
            color_by: args.color_by,
            class_order: Vec::new(),
        },
    };
    match &args.output {
        None => render(&report, &network, format, &options, out)?,
        Some(path) => crate::output::write_atomically(path, |w| {
            let mut w = w;
            render(&report, &network, format, &options, &mut w)?;
            Ok(())
        })?,
    }
    Ok(())
}
