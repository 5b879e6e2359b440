//! Writes synthetic UCDP, ACLED and GDELT files for benchmarks:
//! `cargo run --release --example gen_datasets -- ROWS [SEED] [DIR]` (defaults: 1000 rows, seed 1,
//! the current directory). ROWS may be anything from 1,000 to 1,000,000.

#![expect(
    clippy::print_stderr,
    reason = "a command-line tool reports the files it wrote"
)]

use std::fs::File;
use std::io::BufWriter;
use std::path::PathBuf;

use borderkg::import::synth::{write_synthetic, SynthLayout};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rows: u64 = args.next().map_or(Ok(1000), |a| a.replace('_', "").parse())?;
    let seed: u64 = args.next().map_or(Ok(1), |a| a.parse())?;
    let dir = PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    std::fs::create_dir_all(&dir)?;
    for (layout, name) in SynthLayout::ALL {
        let path = dir.join(name);
        let mut out = BufWriter::new(File::create(&path)?);
        write_synthetic(layout, rows, seed, &mut out)?;
        out.into_inner()?.sync_all()?;
        eprintln!("wrote {} ({rows} rows)", path.display());
    }
    Ok(())
}
