//! `borderkg report`: projects the store and writes the actor-network report.

use std::io::Write;
use std::path::Path;

use super::network::projected;
use crate::cli::ReportArgs;
use crate::report::{analyse, render};

pub fn run(args: &ReportArgs, store_path: &Path, out: &mut impl Write) -> anyhow::Result<()> {
    let store = crate::store::open(store_path)?;
    let network = projected(&store, &args.network)?;
    let report = analyse(&network, args.network.weight, !args.undirected);
    render(&report, args.format, args.width, out)?;
    Ok(())
}
