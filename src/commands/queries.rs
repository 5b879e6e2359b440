//! `borderkg queries`: lists the saved queries.

use std::io::Write;

use crate::cli::{QueriesArgs, SummaryFormat};
use crate::query;
use crate::resources::{choose_folder, Kind};

pub fn run(args: &QueriesArgs, out: &mut impl Write) -> anyhow::Result<()> {
    let folder = choose_folder(Kind::Queries, args.queries.as_deref());
    let all = query::list(folder.as_deref())?;
    if args.format == SummaryFormat::Json {
        serde_json::to_writer_pretty(&mut *out, &all)?;
        writeln!(out)?;
        return Ok(());
    }
    let width = all.iter().map(|q| q.name.len()).max().unwrap_or(0);
    for q in &all {
        writeln!(out, "{:<width$}  {}", q.name, q.title)?;
        for p in &q.params {
            let optional = if p.optional { ", optional" } else { "" };
            writeln!(
                out,
                "{:<width$}    --param {}=<{}{optional}>  {}",
                "", p.name, p.kind, p.description
            )?;
        }
    }
    Ok(())
}
