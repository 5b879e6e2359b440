//! `borderkg export`: writes the whole graph, to standard output or atomically to a file.

use std::io::Write;

use crate::cli::{ExportArgs, ExportOrder};
use crate::export::{write_stream, write_triples, ExportFormat, SORTED_UP_TO};
use crate::formats::choose;
use crate::remote::TripleSource;

pub fn run(args: &ExportArgs, target: &super::Target<'_>, out: &mut impl Write) -> anyhow::Result<()> {
    let format =
        choose(args.format, args.output.as_deref(), ExportFormat::Turtle).map_err(anyhow::Error::msg)?;
    if args.order == ExportOrder::Store && target.remote.endpoint.is_some() {
        anyhow::bail!(
            "--order store streams the embedded store; a remote endpoint's graph is exported sorted \
             (leave out --order, or give --order sorted)"
        );
    }
    if target.remote.endpoint.is_none() && args.order != ExportOrder::Sorted {
        let store = crate::store::open(target.store)?;
        if args.order == ExportOrder::Store || store.len()? > SORTED_UP_TO {
            let triples = crate::store::UnionTriples::new(&store);
            let stream = || triples.stream();
            return match &args.output {
                None => Ok(write_stream(stream(), format, out)?),
                Some(path) => Ok(crate::output::write_atomically(path, |mut w| {
                    write_stream(stream(), format, &mut w)?;
                    Ok(())
                })?),
            };
        }
    }
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
