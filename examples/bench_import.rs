//! Times the reader and mapper alone: imports each synthetic file in DIR (from `gen_datasets`)
//! and writes N-Triples to a sink (or, with `NO_WRITE=1`, only counts them), printing rows per second:
//! `cargo run --release --example bench_import -- DIR`.

#![expect(clippy::print_stdout, reason = "a benchmark prints its timings")]

use std::io::{sink, BufWriter};
use std::path::PathBuf;
use std::time::Instant;

use borderkg::import::synth::SynthLayout;
use borderkg::import::{open, quads, Mapper, Reconciler, Taxonomy, ACTOR_ALIASES};
use oxttl::NTriplesSerializer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| ".".into()));
    // With NO_WRITE set, the quads are counted but not serialised, to time reading and mapping only.
    let write = std::env::var_os("NO_WRITE").is_none();
    let taxonomy = Taxonomy::load()?;
    for (_, name) in SynthLayout::ALL {
        let mut reconciler = Reconciler::new(ACTOR_ALIASES, std::iter::empty())?;
        let mut mapper = Mapper::new(&mut reconciler, &taxonomy);
        let mut out = NTriplesSerializer::new().for_writer(BufWriter::new(sink()));
        let (mut rows, mut bad, mut triples) = (0u64, 0u64, 0u64);
        let start = Instant::now();
        for reader in open(&dir.join(name), None)? {
            for row in quads(reader, &mut mapper) {
                match row {
                    Ok(quads) => {
                        rows += 1;
                        for q in &quads {
                            if write {
                                out.serialize_triple(q.as_ref())?;
                            }
                            triples += 1;
                        }
                    }
                    Err(_) => bad += 1,
                }
            }
        }
        out.finish().into_inner()?;
        let secs = start.elapsed().as_secs_f64();
        let rate = rows as f64 / secs;
        println!(
            "{name:<18} {rows:>8} rows {bad:>3} bad {triples:>9} triples {secs:>7.2} s {rate:>10.0} rows/s"
        );
    }
    Ok(())
}
