//! `borderkg path`: explained shortest paths between two actors.

use std::io::Write;

use anyhow::{bail, Context};

use super::network::projected;
use crate::cli::{PathArgs, SummaryFormat};
use crate::paths::{find_paths, render_json, render_text, supports_on_routes};
use crate::terms::{resolve_iri_in, LabelIndex};

pub fn run(args: &PathArgs, target: &super::Target<'_>, out: &mut impl Write) -> anyhow::Result<()> {
    let store = target.open()?;
    let names = LabelIndex::load(&*store)?;
    let from = resolve_iri_in(&names, &args.from_actor, "start actor")?;
    let to = resolve_iri_in(&names, &args.to_actor, "end actor")?;
    let mut network = projected(&*store, &args.network)?;
    let (Some(a), Some(b)) = (network.find(from.as_str()), network.find(to.as_str())) else {
        let missing = if network.find(from.as_str()).is_none() {
            &args.from_actor
        } else {
            &args.to_actor
        };
        bail!("{missing} has no tie in the chosen network (check --relations and the filters)");
    };
    let wanted = supports_on_routes(&network, a, b, usize::from(args.k), args.directed);
    network
        .complete(&*store, &wanted)
        .context("reading the evidence along the paths")?;
    let paths = find_paths(
        &network,
        a,
        b,
        usize::from(args.k),
        args.directed,
        args.sources.as_deref(),
    )?;
    if paths.is_empty() {
        bail!(
            "no path links {} to {} through the chosen ties (check --relations, the filters and --directed)",
            network.graph[a].label,
            network.graph[b].label
        );
    }
    match args.format {
        SummaryFormat::Text => render_text(&network.graph[a].label, &network.graph[b].label, &paths, out)?,
        SummaryFormat::Json => render_json(&paths, out)?,
    }
    Ok(())
}
