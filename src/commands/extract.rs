//! `borderkg extract` and `extract-eval`: draft candidates from article text against the graph's own
//! names, and score the extractor against a gold standard.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context};

use crate::cli::{ExtractArgs, ExtractEvalArgs, SummaryFormat};
use crate::extract::{self, gold, ArticleMeta, Date, Extraction, Gazetteer, Lexicon};
use crate::resources::{self, choose_folder, Kind};

/// The curated graph as (name, Turtle) pairs: ontology, data, and the extractor's extra aliases.
fn graph(ontology: Option<&Path>, data: Option<&Path>) -> anyhow::Result<Vec<(String, String)>> {
    let mut docs = Vec::new();
    for (kind, flag) in [(Kind::Ontology, ontology), (Kind::Data, data)] {
        let folder = choose_folder(kind, flag);
        for file in resources::load(kind, folder.as_deref(), "ttl")?.files {
            docs.push((file.name.clone(), file.text()?));
        }
    }
    docs.push((
        "lexicon/aliases.ttl".to_owned(),
        extract::lexicon::ALIASES_TTL.to_owned(),
    ));
    Ok(docs)
}

fn lexicon() -> anyhow::Result<Lexicon> {
    Ok(Lexicon::from_files(extract::lexicon::embedded())?)
}

pub fn run(args: &ExtractArgs, out: &mut impl Write) -> anyhow::Result<()> {
    if args.files.len() > 1 && (args.source_id.is_some() || args.title.is_some()) {
        bail!("--source-id and --title name one article: give one file with them");
    }
    let date = Date::parse(&args.date).with_context(|| format!("--date {}", args.date))?;
    let json = match (args.format.as_deref(), &args.output) {
        (Some("json"), _) => true,
        (Some(_), _) => false,
        (None, Some(path)) => path.extension().is_some_and(|e| e == "json"),
        (None, None) => false,
    };
    let docs = graph(args.ontology.as_deref(), args.data.as_deref())?;
    let gazetteer = Gazetteer::from_turtle(docs.iter().map(|(n, t)| (n.as_str(), t.as_str())))?;
    let lexicon = lexicon()?;
    let mut extractions = Vec::new();
    for path in &args.files {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut meta = ArticleMeta::new(args.source_id.clone().unwrap_or(stem), date);
        meta.file_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        meta.title = args.title.clone();
        meta.publisher = args.publisher.clone();
        let x = extract::extract_bytes(&bytes, &meta, &lexicon, &gazetteer)
            .with_context(|| format!("extracting {}", path.display()))?;
        if args.report_unmatched {
            report_unmatched(path, &x);
        }
        extractions.push(x);
    }
    let render = |w: &mut dyn Write| -> anyhow::Result<()> {
        if json {
            write_json(&extractions, w)
        } else {
            for x in &extractions {
                extract::turtle::write(x, &mut *w)?;
            }
            Ok(())
        }
    };
    match &args.output {
        None => render(out)?,
        Some(path) => crate::output::write_atomically(path, |w| {
            render(w).map_err(|e| crate::Error::io(path, std::io::Error::other(format!("{e:#}"))))
        })?,
    }
    Ok(())
}

/// One JSON object for one article, an array of them for several.
fn write_json(extractions: &[Extraction], w: &mut dyn Write) -> anyhow::Result<()> {
    if let [one] = extractions {
        extract::json::write(one, &mut *w)?;
        return Ok(());
    }
    writeln!(w, "[")?;
    for (i, x) in extractions.iter().enumerate() {
        extract::json::write(x, &mut *w)?;
        if i + 1 < extractions.len() {
            writeln!(w, ",")?;
        }
    }
    writeln!(w, "]")?;
    Ok(())
}

fn report_unmatched(path: &Path, x: &Extraction) {
    #[expect(
        clippy::print_stderr,
        reason = "the unmatched list goes beside the output, on stderr"
    )]
    for u in &x.unmatched {
        eprintln!(
            "{}\tunmatched {}\t{}\t{}",
            path.display(),
            u.role,
            u.count,
            u.phrase
        );
    }
}

pub fn eval(args: &ExtractEvalArgs, out: &mut impl Write) -> anyhow::Result<()> {
    let gold = gold::load_gold(&args.gold)?;
    if gold.is_empty() {
        bail!("{} holds no gold article (*.json)", args.gold.display());
    }
    let docs = graph(None, None)?;
    let scores = gold::evaluate(&gold, &args.sources, &docs, &lexicon()?)?;
    match args.format {
        SummaryFormat::Json => {
            let doc = serde_json::json!({
                "full": scores.full.to_json(),
                "leave_one_out": scores.leave_one_out.to_json(),
            });
            let mut doc = doc;
            if args.misses {
                doc["diffs"] = scores
                    .diffs
                    .iter()
                    .map(|d| {
                        let list = |v: &[(extract::eval::Tuple, Vec<usize>)]| {
                            v.iter()
                                .map(|((a, c, t), s)| serde_json::json!({"agent": a, "class": c, "target": t, "sentences": s}))
                                .collect::<Vec<_>>()
                        };
                        serde_json::json!({"source": d.source, "run": d.run, "missed": list(&d.missed), "added": list(&d.added)})
                    })
                    .collect();
            }
            serde_json::to_writer_pretty(&mut *out, &doc)?;
            writeln!(out)?;
        }
        SummaryFormat::Text => {
            writeln!(out, "{}", scores.full.to_text("Full gazetteer"))?;
            writeln!(out, "{}", scores.leave_one_out.to_text("Leave one article out"))?;
            if args.misses {
                write_misses(&scores.diffs, out)?;
            }
        }
    }
    Ok(())
}

/// The missed (`-`) and added (`+`) tuples, one per line, tab-separated.
fn write_misses(diffs: &[gold::ArticleDiff], out: &mut impl Write) -> anyhow::Result<()> {
    for d in diffs {
        for (sign, list) in [("-", &d.missed), ("+", &d.added)] {
            for ((a, c, t), s) in list {
                let s: Vec<String> = s.iter().map(ToString::to_string).collect();
                writeln!(
                    out,
                    "{sign}\t{}\t{}\t{a}\t{c}\t{t}\ts{}",
                    d.source,
                    d.run,
                    s.join(",")
                )?;
            }
        }
    }
    Ok(())
}
