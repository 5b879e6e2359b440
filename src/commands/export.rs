//! `borderkg export`: writes the whole graph, to standard output or atomically to a file.

use std::io::Write;

use crate::cli::ExportArgs;
use crate::export::{write_triples, ExportFormat};
use crate::formats::choose;

pub fn run(args: &ExportArgs, target: &super::Target<'_>, out: &mut impl Write) -> anyhow::Result<()> {
    let format =
        choose(args.format, args.output.as_deref(), ExportFormat::Turtle).map_err(anyhow::Error::msg)?;
    let store = target.open()?;
    let triples = store.triples()?;
    match &args.output {
        None => write_triples(&triples, format, out)?,
        Some(path) => crate::output::write_atomically(path, |w| {
            let mut w = w;
            write_triples(&triples, format, &mut w)?;
            Ok(())
        })?,
    }
    Ok(())
}
