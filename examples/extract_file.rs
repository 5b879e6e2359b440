//! Runs the extractor on article files against the graph of a borderkg checkout and prints JSON.
//! Usage: `cargo run --example extract_file -- <borderkg-dir> <date> FILE...`

use std::path::Path;

use borderkg::extract::{self, ArticleMeta, Date, Gazetteer, Lexicon};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [root, date, files @ ..] = args.as_slice() else {
        return Err("usage: extract_file <borderkg-dir> <YYYY-MM-DD> FILE...".into());
    };
    let docs = graph_docs(Path::new(root))?;
    let gaz = Gazetteer::from_turtle(docs.iter().map(|(n, t)| (n.as_str(), t.as_str())))?;
    let lex = Lexicon::from_files(extract::lexicon::embedded())?;
    let date = Date::parse(date)?;
    for f in files {
        let bytes = std::fs::read(f)?;
        let stem = Path::new(f)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("article");
        let mut meta = ArticleMeta::new(stem, date);
        meta.file_name = Path::new(f)
            .file_name()
            .and_then(|s| s.to_str())
            .map(str::to_owned);
        let x = extract::extract_bytes(&bytes, &meta, &lex, &gaz)?;
        if std::env::var_os("TURTLE").is_some() {
            extract::turtle::write(&x, std::io::stdout().lock())?;
        } else {
            extract::json::write(&x, std::io::stdout().lock())?;
        }
    }
    Ok(())
}

/// The ontology and data Turtle files of a borderkg checkout.
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
