//! Scores extractions against a hand-annotated gold standard: precision, recall and F1 per slot
//! (type, agent, target, place, date, killed) and for whole (agent, class, target) tuples, with a
//! text and a JSON report.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::model::Extraction;
use super::vocab::local_name;

/// One article of the gold standard (`tests/extract-gold/<source>.json`).
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldArticle {
    /// Source id (file name without extension).
    pub source: String,
    /// Publication date used when extracting it.
    pub date: String,
    /// The events the article states.
    pub events: Vec<GoldEvent>,
    /// Curated events left out of scoring, with the reason.
    #[serde(default)]
    pub excluded: Vec<serde_json::Value>,
}

/// One gold event; entities are given by the last segment of their IRI.
#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct GoldEvent {
    /// The curated event's IRI segment, for reference.
    #[serde(default)]
    pub iri: Option<String>,
    /// Class local name.
    pub class: String,
    /// Agents.
    #[serde(default)]
    pub agents: Vec<String>,
    /// Targets (beneficiaries and participants included).
    #[serde(default)]
    pub targets: Vec<String>,
    /// Place.
    #[serde(default)]
    pub place: Option<String>,
    /// Date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `--MM-DD` or `--MM`).
    #[serde(default)]
    pub date: Option<String>,
    /// Deaths.
    #[serde(default)]
    pub killed: Option<u64>,
    /// Sentence indices that state it.
    pub sentences: Vec<usize>,
    /// Sentence indices that state its death toll (all of `sentences` when absent).
    #[serde(default)]
    pub killed_sentences: Vec<usize>,
}

/// True positives, false positives, false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Prf {
    /// Predicted and in the gold.
    pub tp: usize,
    /// Predicted, not in the gold.
    pub fp: usize,
    /// In the gold, not predicted.
    pub fn_: usize,
}

impl Prf {
    /// Precision (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall (1 when the gold is empty).
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Scores per slot and for tuples, summed over articles.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Per slot.
    pub slots: BTreeMap<String, Prf>,
    /// Whole (agent, class, target) tuples.
    pub tuples: Prf,
    /// Articles scored.
    pub articles: usize,
    /// Gold events not scored because they name neither agent nor target (predicted events naming
    /// no one are left out the same way).
    pub unscored_gold: usize,
}

/// Classes whose two sides are interchangeable.
const SYMMETRIC: [&str; 4] = ["Clash", "Talks", "Cooperation", "Agreement"];

/// An (agent, class, target) tuple; `-` stands for a missing side.
pub type Tuple = (String, String, String);

fn tuples(class: &str, agents: &[String], targets: &[String]) -> BTreeSet<Tuple> {
    let none = vec!["-".to_owned()];
    // Two parties named side by side ("clashes between X and Y") pair with each other.
    if SYMMETRIC.contains(&class) && targets.is_empty() && agents.len() >= 2 {
        let mut out = BTreeSet::new();
        for (i, x) in agents.iter().enumerate() {
            for y in &agents[i + 1..] {
                let (x, y) = if x > y { (y, x) } else { (x, y) };
                out.insert((x.clone(), class.to_owned(), y.clone()));
            }
        }
        return out;
    }
    let a = if agents.is_empty() { &none } else { agents };
    let t = if targets.is_empty() { &none } else { targets };
    let mut out = BTreeSet::new();
    for x in a {
        for y in t {
            let (x, y) = if SYMMETRIC.contains(&class) && x > y && y != "-" {
                (y, x)
            } else {
                (x, y)
            };
            out.insert((x.clone(), class.to_owned(), y.clone()));
        }
    }
    out
}

/// A predicted date matches a gold date written with or without its year.
fn date_matches(pred: &str, gold: &str) -> bool {
    if let Some(md) = gold.strip_prefix("--") {
        return pred.len() >= 7
            && pred
                .get(4..)
                .is_some_and(|rest| rest.trim_start_matches('-').starts_with(md));
    }
    pred == gold
}

fn slot(
    gold: &BTreeSet<(usize, String)>,
    pred: &BTreeSet<(usize, String)>,
    same: impl Fn(&str, &str) -> bool,
) -> Prf {
    let tp = gold
        .iter()
        .filter(|(s, g)| pred.iter().any(|(t, p)| t == s && same(p, g)))
        .count();
    let fp = pred
        .iter()
        .filter(|(t, p)| !gold.iter().any(|(s, g)| t == s && same(p, g)))
        .count();
    Prf {
        tp,
        fp,
        fn_: gold.len() - tp,
    }
}

/// Scores `predicted` (matched to the gold by source id) against `gold`.
pub fn score(gold: &[GoldArticle], predicted: &[Extraction]) -> Report {
    let mut r = Report::default();
    for g in gold {
        let Some(x) = predicted.iter().find(|x| x.meta.source_id == g.source) else {
            continue;
        };
        r.articles += 1;
        r.unscored_gold += g
            .events
            .iter()
            .filter(|e| e.agents.is_empty() && e.targets.is_empty())
            .count();
        let (gs, gt) = gold_sets(g);
        let (ps, pt) = predicted_sets(x);
        for k in ["type", "agent", "target", "place", "date", "killed"] {
            let empty = BTreeSet::new();
            let (g, p) = (gs.get(k).unwrap_or(&empty), ps.get(k).unwrap_or(&empty));
            let prf = if k == "date" {
                slot(g, p, date_matches)
            } else {
                slot(g, p, |a, b| a == b)
            };
            r.slots.entry(k.to_owned()).or_default().add(prf);
        }
        r.tuples.add(Prf {
            tp: gt.intersection(&pt).count(),
            fp: pt.difference(&gt).count(),
            fn_: gt.difference(&pt).count(),
        });
    }
    r
}

/// (slot → {(sentence, value)}) and tuples.
type Sets = (BTreeMap<&'static str, BTreeSet<(usize, String)>>, BTreeSet<Tuple>);

/// The gold slot values and tuples of an article (events naming no one left out).
fn gold_sets(g: &GoldArticle) -> Sets {
    let (mut gs, mut gt): Sets = (BTreeMap::new(), BTreeSet::new());
    for e in g
        .events
        .iter()
        .filter(|e| !(e.agents.is_empty() && e.targets.is_empty()))
    {
        gt.extend(tuples(&e.class, &e.agents, &e.targets));
        for &s in &e.sentences {
            let mut put = |k: &'static str, v: &str| {
                gs.entry(k).or_default().insert((s, v.to_owned()));
            };
            put("type", &e.class);
            e.agents.iter().for_each(|a| put("agent", a));
            e.targets.iter().for_each(|t| put("target", t));
            e.place.iter().for_each(|p| put("place", p));
            e.date.iter().for_each(|d| put("date", d));
            if let Some(k) = e
                .killed
                .filter(|_| e.killed_sentences.is_empty() || e.killed_sentences.contains(&s))
            {
                put("killed", &k.to_string());
            }
        }
    }
    (gs, gt)
}

/// The predicted slot values and tuples of an extraction (events naming no one left out).
fn predicted_sets(x: &Extraction) -> Sets {
    let (mut ps, mut pt): Sets = (BTreeMap::new(), BTreeSet::new());
    let ids = |v: &[super::model::EntityRef]| {
        v.iter()
            .map(|r| local_name(&r.iri).to_owned())
            .collect::<Vec<_>>()
    };
    for e in x
        .events
        .iter()
        .filter(|e| !(e.agents.is_empty() && e.targets.is_empty()))
    {
        let class = local_name(&e.class).to_owned();
        let (agents, targets) = (ids(&e.agents), ids(&e.targets));
        pt.extend(tuples(&class, &agents, &targets));
        let s = e.span.sentence;
        let mut put = |k: &'static str, v: &str| {
            ps.entry(k).or_default().insert((s, v.to_owned()));
        };
        put("type", &class);
        agents.iter().for_each(|a| put("agent", a));
        targets.iter().for_each(|t| put("target", t));
        e.place.iter().for_each(|p| put("place", local_name(&p.iri)));
        e.date.value.iter().for_each(|d| put("date", d));
        e.killed.iter().for_each(|k| put("killed", &k.count.to_string()));
    }
    (ps, pt)
}

/// The (agent, class, target) tuples of one article the extraction missed and those it added.
pub fn tuple_diff(gold: &GoldArticle, x: &Extraction) -> (Vec<Tuple>, Vec<Tuple>) {
    let mut gt = BTreeSet::new();
    for e in gold
        .events
        .iter()
        .filter(|e| !(e.agents.is_empty() && e.targets.is_empty()))
    {
        gt.extend(tuples(&e.class, &e.agents, &e.targets));
    }
    let mut pt = BTreeSet::new();
    for e in x
        .events
        .iter()
        .filter(|e| !(e.agents.is_empty() && e.targets.is_empty()))
    {
        let ids = |v: &[super::model::EntityRef]| {
            v.iter()
                .map(|r| local_name(&r.iri).to_owned())
                .collect::<Vec<_>>()
        };
        pt.extend(tuples(local_name(&e.class), &ids(&e.agents), &ids(&e.targets)));
    }
    (
        gt.difference(&pt).cloned().collect(),
        pt.difference(&gt).cloned().collect(),
    )
}

impl Report {
    /// A plain-text table.
    pub fn to_text(&self, title: &str) -> String {
        let mut s = format!(
            "{title} ({} articles; {} gold events without agent or target not scored)\n",
            self.articles, self.unscored_gold
        );
        let _ = writeln!(
            s,
            "{:<8} {:>5} {:>5} {:>5} {:>9} {:>7} {:>6}",
            "slot", "tp", "fp", "fn", "precision", "recall", "f1"
        );
        let row = |s: &mut String, name: &str, p: &Prf| {
            let _ = writeln!(
                s,
                "{name:<8} {:>5} {:>5} {:>5} {:>9.3} {:>7.3} {:>6.3}",
                p.tp,
                p.fp,
                p.fn_,
                p.precision(),
                p.recall(),
                p.f1()
            );
        };
        for (k, p) in &self.slots {
            row(&mut s, k, p);
        }
        row(&mut s, "tuple", &self.tuples);
        s
    }

    /// The report as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        let f = |p: &Prf| serde_json::json!({"tp": p.tp, "fp": p.fp, "fn": p.fn_, "precision": p.precision(), "recall": p.recall(), "f1": p.f1()});
        serde_json::json!({
            "articles": self.articles,
            "unscored_gold": self.unscored_gold,
            "slots": self.slots.iter().map(|(k, p)| (k.clone(), f(p))).collect::<serde_json::Map<_, _>>(),
            "tuple": f(&self.tuples),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetric_tuples_ignore_order() {
        let a = tuples("Clash", &["x".into()], &["a".into()]);
        let b = tuples("Clash", &["a".into()], &["x".into()]);
        assert_eq!(a, b);
        assert_ne!(
            tuples("Attack", &["x".into()], &["a".into()]),
            tuples("Attack", &["a".into()], &["x".into()])
        );
    }

    #[test]
    fn dates_without_year_match_by_month_and_day() {
        assert!(date_matches("2025-11-26", "--11-26"));
        assert!(date_matches("2025-11", "--11"));
        assert!(!date_matches("2025-11-27", "--11-26"));
        assert!(date_matches("2021-08", "2021-08"));
    }

    #[test]
    fn prf_handles_empty_sets() {
        let p = Prf::default();
        assert_eq!((p.precision(), p.recall()), (1.0, 1.0));
        let q = Prf { tp: 1, fp: 1, fn_: 2 };
        assert!((q.f1() - 0.4).abs() < 1e-9);
    }
}
