//! Scoring against a gold standard from files: reads the gold articles of a folder, extracts each
//! article from the sources folder, and scores the runs with the full gazetteer and leaving each
//! article out (its curated file and the entities only it attests).

use std::path::Path;

use super::eval::{score, tuple_diff, GoldArticle, Report, Tuple};
use super::{extract_bytes, ArticleMeta, Date, Error, Extraction, Gazetteer, Lexicon, Result};

/// The two scores of an evaluation.
#[derive(Debug, Clone)]
pub struct Evaluation {
    /// With the gazetteer of the whole graph.
    pub full: Report,
    /// With each article's own curated file and entities left out of the gazetteer.
    pub leave_one_out: Report,
    /// Per article and run, the tuples missed and those added.
    pub diffs: Vec<ArticleDiff>,
}

/// The tuples one run of one article missed and added.
#[derive(Debug, Clone)]
pub struct ArticleDiff {
    /// Source id.
    pub source: String,
    /// `full` or `leave-one-out`.
    pub run: &'static str,
    /// Gold tuples not predicted, with the sentences of the gold events that give them.
    pub missed: Vec<(Tuple, Vec<usize>)>,
    /// Predicted tuples not in the gold, with the sentences they were read from.
    pub added: Vec<(Tuple, Vec<usize>)>,
}

/// Reads every `*.json` gold article in `dir`, sorted by file name.
///
/// # Errors
/// An unreadable folder or file, or a file that is not a gold article.
pub fn load_gold(dir: &Path) -> Result<Vec<GoldArticle>> {
    let io = |e: std::io::Error| Error::Gold(format!("{}: {e}", dir.display()));
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text =
                std::fs::read_to_string(p).map_err(|e| Error::Gold(format!("{}: {e}", p.display())))?;
            serde_json::from_str(&text)
                .map_err(|e| Error::Gold(format!("{}:{}:{}: {e}", p.display(), e.line(), e.column())))
        })
        .collect()
}

/// Extracts every gold article's text from `sources` and scores the runs. `graph` is the curated
/// graph as (file name, Turtle) pairs, file names ending in `articles/NNN.ttl` for the per-article
/// files that leave-one-out drops.
///
/// # Errors
/// An unreadable article, a bad date in the gold, or a graph that does not parse.
pub fn evaluate(
    gold: &[GoldArticle],
    sources: &Path,
    graph: &[(String, String)],
    lexicon: &Lexicon,
) -> Result<Evaluation> {
    let full = Gazetteer::from_turtle(graph.iter().map(|(n, t)| (n.as_str(), t.as_str())))?;
    let mut full_runs = Vec::new();
    let mut loo_runs = Vec::new();
    let mut diffs = Vec::new();
    for g in gold {
        let path = sources.join(format!("{}.txt", g.source));
        let text = std::fs::read(&path).map_err(|e| Error::Gold(format!("{}: {e}", path.display())))?;
        let meta = ArticleMeta::new(g.source.clone(), Date::parse(&g.date)?);
        let x = extract_bytes(&text, &meta, lexicon, &full)?;
        diffs.push(diff(g, &x, "full"));
        full_runs.push(x);
        let own = format!("articles/{}.ttl", g.source.get(..3).unwrap_or(""));
        let held: Vec<(&str, &str)> = graph
            .iter()
            .filter(|(n, _)| !n.ends_with(&own))
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let gazetteer = Gazetteer::from_turtle_without(held, &g.source)?;
        let x = extract_bytes(&text, &meta, lexicon, &gazetteer)?;
        diffs.push(diff(g, &x, "leave-one-out"));
        loo_runs.push(x);
    }
    Ok(Evaluation {
        full: score(gold, &full_runs),
        leave_one_out: score(gold, &loo_runs),
        diffs,
    })
}

/// The missed and added tuples of one run, each with the sentences behind it.
fn diff(g: &GoldArticle, x: &Extraction, run: &'static str) -> ArticleDiff {
    let (missed, added) = tuple_diff(g, x);
    let gold_sentences = |t: &Tuple| {
        let mut v: Vec<usize> = g
            .events
            .iter()
            .filter(|e| e.class == t.1)
            .filter(|e| {
                let side = |xs: &[String], v: &str| v == "-" && xs.is_empty() || xs.iter().any(|a| a == v);
                (side(&e.agents, &t.0) && side(&e.targets, &t.2))
                    || (side(&e.agents, &t.2) && side(&e.targets, &t.0))
                    || (e.targets.is_empty() && side(&e.agents, &t.0) && side(&e.agents, &t.2))
            })
            .flat_map(|e| e.sentences.iter().copied())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let pred_sentences = |t: &Tuple| {
        let mut v: Vec<usize> = x
            .events
            .iter()
            .filter(|e| super::vocab::local_name(&e.class) == t.1)
            .filter(|e| {
                let has = |xs: &[super::model::EntityRef], v: &str| {
                    v == "-" && xs.is_empty() || xs.iter().any(|r| super::vocab::local_name(&r.iri) == v)
                };
                (has(&e.agents, &t.0) || has(&e.targets, &t.0))
                    && (has(&e.targets, &t.2) || has(&e.agents, &t.2))
            })
            .map(|e| e.span.sentence)
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    ArticleDiff {
        source: g.source.clone(),
        run,
        missed: missed
            .into_iter()
            .map(|t| {
                let s = gold_sentences(&t);
                (t, s)
            })
            .collect(),
        added: added
            .into_iter()
            .map(|t| {
                let s = pred_sentences(&t);
                (t, s)
            })
            .collect(),
    }
}
