//! `borderkg export`: writes the whole graph, to standard output or atomically to a file.

use std::io::Write;
use std::path::Path;

use crate::cli::ExportArgs;
use crate::export::{store_triples, write_triples, ExportFormat};
use crate::formats::choose;

pub fn run(args: &ExportArgs, store_path: &Path, out: &mut impl Write) -> anyhow::Result<()> {
    let format =
        choose(args.format, args.output.as_deref(), ExportFormat::Turtle).map_err(anyhow::Error::msg)?;
    let store = crate::store::open(store_path)?;
    let triples = store_triples(&store)?;
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
