//! Measures extraction speed in sentences per second on one core, over a corpus generated from the
//! seed articles at run time. Usage:
//! `cargo run --release --example extract_bench -- <borderkg-dir> <seeds-dir> [articles]`

#![expect(
    clippy::print_stdout,
    reason = "a command-line example reports on the terminal"
)]

use std::path::Path;
use std::time::Instant;

use borderkg::extract::{self, ArticleMeta, Date, Gazetteer, Lexicon};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(root), Some(seeds)) = (args.first(), args.get(1)) else {
        return Err("usage: extract_bench <borderkg-dir> <seeds-dir> [articles]".into());
    };
    let n: usize = args.get(2).map_or(Ok(2000), |s| s.parse())?;
    let mut docs = Vec::new();
    for dir in ["ontology", "data", "data/articles"] {
        for e in std::fs::read_dir(Path::new(root).join(dir))? {
            let p = e?.path();
            if p.extension().is_some_and(|x| x == "ttl") {
                docs.push((p.display().to_string(), std::fs::read_to_string(&p)?));
            }
        }
    }
    let t0 = Instant::now();
    let gaz = Gazetteer::from_turtle(docs.iter().map(|(n, t)| (n.as_str(), t.as_str())))?;
    let lex = Lexicon::from_files(extract::lexicon::embedded())?;
    let setup = t0.elapsed();
    let corpus = extract::bench::corpus(Path::new(seeds), n)?;
    let meta = ArticleMeta::new("bench", Date::parse("2025-12-05")?);
    let t = Instant::now();
    let (mut sentences, mut events) = (0usize, 0usize);
    for a in &corpus {
        let x = extract::extract(a, &meta, &lex, &gaz);
        sentences += x.sentences;
        events += x.events.len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "setup (gazetteer + lexicon): {:.1} ms",
        setup.as_secs_f64() * 1000.0
    );
    println!(
        "{} articles, {sentences} sentences, {events} events in {secs:.2} s on one core",
        corpus.len()
    );
    println!("{:.0} sentences/s/core", sentences as f64 / secs);
    Ok(())
}
