//! Scores the extractor on the seed articles against `tests/extract-gold/`, twice: with the full
//! gazetteer, and leaving each article out (its curated file and the entities only it attests).
//! Usage: `cargo run --release --example evaluate -- <borderkg-dir> <seeds-dir> [--json]`

#![expect(
    clippy::print_stdout,
    reason = "a command-line example reports on the terminal"
)]

use std::path::Path;

use borderkg::extract::{self, eval, ArticleMeta, Date, Gazetteer, Lexicon};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(root), Some(seeds)) = (args.first(), args.get(1)) else {
        return Err("usage: evaluate <borderkg-dir> <seeds-dir> [--json]".into());
    };
    let json = args.iter().any(|a| a == "--json");
    let gold = load_gold(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/extract-gold")
            .as_path(),
    )?;
    let docs = graph_docs(Path::new(root))?;
    let lex = Lexicon::from_files(extract::lexicon::embedded())?;
    let full = Gazetteer::from_turtle(docs.iter().map(|(n, t)| (n.as_str(), t.as_str())))?;
    let mut seed_run = Vec::new();
    let mut loo_run = Vec::new();
    for g in &gold {
        let text = std::fs::read(Path::new(seeds).join(format!("{}.txt", g.source)))?;
        let meta = ArticleMeta::new(g.source.clone(), Date::parse(&g.date)?);
        seed_run.push(extract::extract_bytes(&text, &meta, &lex, &full)?);
        // Leave-one-out: drop the article's own curated file and the entities only it attests.
        let prefix = g.source.get(..3).unwrap_or("");
        let held: Vec<(&str, &str)> = docs
            .iter()
            .filter(|(n, _)| !n.ends_with(&format!("articles/{prefix}.ttl")))
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let gaz = Gazetteer::from_turtle_without(held, &g.source)?;
        loo_run.push(extract::extract_bytes(&text, &meta, &lex, &gaz)?);
    }
    if args.iter().any(|a| a == "--diff") {
        let runs = if args.iter().any(|a| a == "--loo") {
            &loo_run
        } else {
            &seed_run
        };
        for (g, x) in gold.iter().zip(runs) {
            let (missing, extra) = eval::tuple_diff(g, x);
            println!("{}\n  missing: {missing:?}\n  extra:   {extra:?}", g.source);
        }
    }
    let seed = eval::score(&gold, &seed_run);
    let loo = eval::score(&gold, &loo_run);
    if json {
        let doc = serde_json::json!({"seed": seed.to_json(), "leave_one_out": loo.to_json()});
        println!("{}", serde_json::to_string_pretty(&doc)?);
    } else {
        println!("{}", seed.to_text("Seed articles, full gazetteer"));
        println!("{}", loo.to_text("Leave one article out"));
    }
    Ok(())
}

fn load_gold(dir: &Path) -> Result<Vec<eval::GoldArticle>, Box<dyn std::error::Error>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| Ok(serde_json::from_str(&std::fs::read_to_string(p)?)?))
        .collect()
}

fn graph_docs(root: &Path) -> Result<Vec<(String, String)>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for dir in ["ontology", "data", "data/articles"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(dir))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        paths.sort();
        for p in paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "ttl"))
        {
            out.push((p.display().to_string(), std::fs::read_to_string(&p)?));
        }
    }
    out.push((
        "lexicon/aliases.ttl".to_owned(),
        extract::lexicon::ALIASES_TTL.to_owned(),
    ));
    Ok(out)
}
