//! Times `borderkg::network`'s measures on a synthetic actor network of 20,000 actors and 100,000
//! ties, one JSON line per measure on stdout; `bench/compare.py` times python-igraph on the same
//! edge list and prints the ratios.
//!
//! ```text
//! cargo bench --bench network                              # generate in memory, time everything
//! cargo bench --bench network -- generate --out actors.txt # write the edge list only
//! cargo bench --bench network -- run --graph actors.txt --measures pagerank --values DIR
//! ```

#[path = "network/actor_network.rs"]
mod actor_network;
#[path = "network/cpu.rs"]
mod cpu;
#[path = "network/measures.rs"]
mod measures;

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use serde::Serialize;

use actor_network::{generate, read_edge_list, write_edge_list, ActorNetwork, Spec};
use cpu::Sample;
use measures::{Graphs, Measure};

#[derive(Parser)]
#[command(about = "Benchmark of borderkg's network measures on a synthetic actor network")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Passed by `cargo bench` to every `harness = false` bench; ignored.
    #[arg(long, global = true, hide = true)]
    bench: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Write the actor network as an edge list and exit.
    Generate(GenerateArgs),
    /// Time the measures (the default, on a network generated in memory).
    Run(RunArgs),
}

#[derive(Args, Clone, Copy)]
struct SpecArgs {
    /// Number of actors.
    #[arg(long, default_value_t = 20_000)]
    nodes: usize,
    /// Number of directed ties.
    #[arg(long, default_value_t = 100_000)]
    edges: usize,
    /// Seed of the generator.
    #[arg(long, default_value_t = 2024)]
    seed: u64,
}

impl SpecArgs {
    fn spec(self) -> Spec {
        Spec {
            nodes: self.nodes,
            edges: self.edges,
            seed: self.seed,
        }
    }
}

#[derive(Args)]
struct GenerateArgs {
    /// Where to write the edge list.
    #[arg(long)]
    out: PathBuf,
    #[command(flatten)]
    spec: SpecArgs,
}

#[derive(Args)]
struct RunArgs {
    /// Edge list to read (from `generate`); without it the network is generated in memory.
    #[arg(long)]
    graph: Option<PathBuf>,
    #[command(flatten)]
    spec: SpecArgs,
    /// Timed runs of each fast measure (degree, PageRank, eigenvector, Katz).
    #[arg(long, default_value_t = 5)]
    repeats: usize,
    /// Timed runs of each slow measure (betweenness, closeness).
    #[arg(long, default_value_t = 2)]
    slow_repeats: usize,
    /// Comma-separated measures to time (default: all); see `measures.rs` for the names.
    #[arg(long, value_delimiter = ',')]
    measures: Vec<String>,
    /// Directory to write each measure's scores to, as `<measure>.txt`, one per line by node id.
    #[arg(long)]
    values: Option<PathBuf>,
}

impl Default for RunArgs {
    fn default() -> Self {
        Self {
            graph: None,
            spec: SpecArgs {
                nodes: 20_000,
                edges: 100_000,
                seed: 2024,
            },
            repeats: 5,
            slow_repeats: 2,
            measures: Vec::new(),
            values: None,
        }
    }
}

/// One line of output.
#[derive(Serialize)]
struct Timing<'a> {
    tool: &'static str,
    measure: &'a str,
    graph: &'static str,
    nodes: usize,
    edges: usize,
    threads: usize,
    /// Wall-clock seconds of each timed run.
    seconds: Vec<f64>,
    min: f64,
    median: f64,
    /// Cores this process kept busy during each run (`null` off Linux and for runs under 1 s).
    cores: Vec<Option<f64>>,
    /// Cores other processes kept busy during each run: near 0 for a fair comparison.
    background: Vec<Option<f64>>,
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Some(Command::Generate(args)) => {
            let spec = args.spec.spec();
            let network = generate(spec)?;
            write_edge_list(&network, &spec, &args.out)?;
            describe(&network);
            Ok(())
        }
        Some(Command::Run(args)) => run(args),
        None => run(RunArgs::default()),
    }
}

/// Degree extremes and reciprocity on stderr, to see that the tail is heavy.
fn describe(network: &ActorNetwork) {
    let mut in_degree = vec![0u32; network.nodes];
    let mut out_degree = vec![0u32; network.nodes];
    let mut arcs = std::collections::HashSet::with_capacity(network.edges.len());
    for &(a, b) in &network.edges {
        out_degree[a as usize] += 1;
        in_degree[b as usize] += 1;
        arcs.insert((a, b));
    }
    let mutual = network
        .edges
        .iter()
        .filter(|&&(a, b)| arcs.contains(&(b, a)))
        .count();
    let max = |d: &[u32]| d.iter().copied().max().unwrap_or(0);
    let line = format!(
        "actor network: {} actors, {} ties, max in-degree {}, max out-degree {}, {:.1}% reciprocated",
        network.nodes,
        network.edges.len(),
        max(&in_degree),
        max(&out_degree),
        100.0 * mutual as f64 / network.edges.len().max(1) as f64
    );
    // Best effort: a closed stderr must not fail the benchmark.
    let _ = writeln!(std::io::stderr(), "{line}");
}

fn run(args: RunArgs) -> Result<()> {
    let selected = Measure::select(&args.measures)?;
    let network = match &args.graph {
        Some(path) => read_edge_list(path)?,
        None => generate(args.spec.spec())?,
    };
    describe(&network);
    let graphs = Graphs::new(&network);
    let threads = rayon::current_num_threads();
    let stdout = std::io::stdout();
    for measure in selected {
        let repeats = if measure.is_slow() {
            args.slow_repeats
        } else {
            args.repeats
        };
        let mut seconds = Vec::with_capacity(repeats);
        let mut cores = Vec::with_capacity(repeats);
        let mut background = Vec::with_capacity(repeats);
        let mut scores = Vec::new();
        for _ in 0..repeats.max(1) {
            let start = Sample::before();
            scores = std::hint::black_box(measure.compute(&graphs)?);
            let end = Sample::after();
            seconds.push(end.seconds_since(&start));
            let usage = start.until(&end);
            cores.push(usage.own);
            background.push(usage.background);
        }
        let (nodes, edges) = graphs.size(measure.graph());
        let timing = Timing {
            tool: "borderkg",
            measure: measure.name(),
            graph: measure.graph().name(),
            nodes,
            edges,
            threads,
            min: seconds.iter().copied().fold(f64::INFINITY, f64::min),
            median: median(&seconds),
            seconds,
            cores,
            background,
        };
        let mut out = stdout.lock();
        serde_json::to_writer(&mut out, &timing)?;
        writeln!(out)?;
        out.flush()?;
        if let Some(dir) = &args.values {
            write_scores(&dir.join(format!("{}.txt", measure.name())), &scores)?;
        }
    }
    Ok(())
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2.0
    }
}

/// One score per line, full precision, flushed and synced.
fn write_scores(path: &std::path::Path, scores: &[f64]) -> Result<()> {
    let file = std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    for s in scores {
        writeln!(out, "{s:e}")?;
    }
    out.into_inner()
        .context("flushing scores")?
        .sync_all()
        .with_context(|| format!("syncing {}", path.display()))
}
