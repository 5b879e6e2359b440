//! `borderkg export`: writes the whole graph, to standard output or atomically to a file.

use std::io::Write;

use crate::cli::{ExportArgs, ExportOrder};
use crate::export::{write_stream, write_triples, ExportFormat, SORTED_UP_TO};
use crate::formats::choose;
use crate::remote::TripleSource;

pub fn run(args: &ExportArgs, target: &super::Target<'_>, out: &mut impl Write) -> anyhow::Result<()> {
    let format =
        choose(args.format, args.output.as_deref(), ExportFormat::Turtle).map_err(anyhow::Error::msg)?;
    if target.remote.endpoint.is_some() {
        let endpoint = super::endpoint(target.remote, 0)?;
        let streamed = match args.order {
            ExportOrder::Store => true,
            ExportOrder::Sorted => false,
            ExportOrder::Auto => endpoint.count(endpoint.graph())? > SORTED_UP_TO as u64,
        };
        if streamed {
            return emit(args, out, |mut w| {
                let produce = |each: &mut dyn FnMut(_) -> _| endpoint.download(each).map(drop);
                write_stream(Box::new(produce), format, &mut w)
            });
        }
        let triples = crate::query::Kb::triples(&endpoint)?;
        return emit(args, out, |mut w| write_triples(&triples, format, &mut w));
    }
    let store = crate::store::open(target.store)?;
    let streamed = match args.order {
        ExportOrder::Store => true,
        ExportOrder::Sorted => false,
        ExportOrder::Auto => store.len()? > SORTED_UP_TO,
    };
    if streamed {
        let triples = crate::store::UnionTriples::new(&store);
        emit(args, out, |mut w| {
            let produce = |each: &mut dyn FnMut(_) -> _| triples.stream().try_for_each(|t| each(t?));
            write_stream(Box::new(produce), format, &mut w)
        })
    } else {
        let triples = crate::query::Kb::triples(&*store)?;
        emit(args, out, |mut w| write_triples(&triples, format, &mut w))
    }
}

/// Writes with `write` to `--output` (atomically) or to `out`.
fn emit(
    args: &ExportArgs,
    out: &mut impl Write,
    write: impl Fn(&mut dyn Write) -> crate::Result<()>,
) -> anyhow::Result<()> {
    match &args.output {
        None => write(out)?,
        Some(path) => crate::output::write_atomically(path, |w| write(w))?,
    }
    Ok(())
}
