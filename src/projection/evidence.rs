//! The evidence behind a tie: for each supporting event (or fact, or entity), its label, class, date,
//! place, deaths, how firmly it is stated, whether it is disputed, and the sentences that state it.

use std::collections::{BTreeMap, BTreeSet};

use crate::query::Kb;
use oxigraph::model::Term;

use crate::dates::spell;
use crate::error::Result;
use crate::query::{select, Row};
use crate::vocab::compact;

/// One sentence stating a support.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Citation {
    /// Source file name.
    pub file: String,
    /// Sentence index (0 for a dataset row).
    pub sentence: u64,
    /// For a dataset: the row of the file (header = row 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// For a dataset: the dataset's own record id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// Standing label (`alleged`).
    pub standing: String,
    /// Claimants' labels.
    pub claimants: Vec<String>,
}

impl Citation {
    /// The short form tables use: `003#5` for a sentence of an article, `ged.csv:row 12` for a
    /// dataset row.
    pub fn short(&self) -> String {
        match self.row {
            Some(row) => format!("{}:row {row}", self.file),
            None => format!("{}#{}", self.file.get(..3).unwrap_or(&self.file), self.sentence),
        }
    }
}

impl std::fmt::Display for Citation {
    /// `FILE sentence N · standing · claimed by X` (or `in the article's own voice`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let by = if self.claimants.is_empty() {
            "in the article's own voice".to_owned()
        } else {
            format!("claimed by {}", self.claimants.join(", "))
        };
        match (self.row, &self.record) {
            (Some(row), record) => write!(
                f,
                "{} row {row}{} · {} · in the dataset's own voice",
                self.file,
                record
                    .as_deref()
                    .map(|r| format!(" (record {r})"))
                    .unwrap_or_default(),
                self.standing
            ),
            (None, _) => write!(
                f,
                "{} sentence {} · {} · {by}",
                self.file, self.sentence, self.standing
            ),
        }
    }
}

/// A citation with the sentence itself, when the articles are at hand.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CitedSentence {
    /// The citation.
    #[serde(flatten)]
    pub citation: Citation,
    /// The sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl CitedSentence {
    /// Every citation of `evidence`, quoted through `quoter`.
    ///
    /// # Errors
    /// An unreadable article.
    pub fn all(evidence: &Evidence, quoter: &mut crate::sources::Quoter) -> Result<Vec<Self>> {
        evidence
            .citations
            .iter()
            .map(|c| {
                Ok(Self {
                    text: match c.row {
                        Some(_) => None,
                        None => quoter.sentence(&c.file, c.sentence)?,
                    },
                    citation: c.clone(),
                })
            })
            .collect()
    }
}

/// What is known about one supporting node.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Evidence {
    /// Its IRI.
    pub iri: String,
    /// Compact name.
    pub id: String,
    /// Label.
    pub label: String,
    /// Most specific class, compacted.
    pub class: String,
    /// `bkg:date` in its lexical form (`2021-08`, `--11-26`), when given.
    pub date: Option<String>,
    /// Date precision label.
    pub precision: Option<String>,
    /// The date as the source words it.
    pub date_text: Option<String>,
    /// Place labels.
    pub places: Vec<String>,
    /// Deaths: the largest total any one source gives for it.
    pub deaths: u64,
    /// Highest certainty rank among its attestations (5, reported, when it has none).
    pub certainty: u8,
    /// Label of that standing.
    pub standing: String,
    /// Whether another statement denies or disputes it (or the accusation that asserts it).
    pub disputed: bool,
    /// Whether it is an unreviewed machine candidate (`bkg:reviewStatus bkg:Candidate`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub candidate: bool,
    /// The sentences that state it.
    pub citations: Vec<Citation>,
}

impl Evidence {
    /// The date as stated, the resolved value in brackets and, with `precision`, its precision:
    /// `on November 26 [26 November] (day precision)` (a date without a year in words, see
    /// [`crate::dates::words`]); `None` when the source gives no date.
    pub fn date_display(&self, precision: bool) -> Option<String> {
        if self.date_text.is_none() && self.date.is_none() {
            return None;
        }
        let parts = [
            self.date_text.clone(),
            self.date
                .as_deref()
                .map(|d| format!("[{}]", crate::dates::words(d))),
            self.precision
                .as_ref()
                .filter(|_| precision)
                .map(|p| format!("({p} precision)")),
        ];
        Some(parts.into_iter().flatten().collect::<Vec<_>>().join(" "))
    }

    /// Whether the support's date overlaps the window `[from, to]` (`YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`). Without a window everything passes; with one, supports whose year is unknown
    /// are left out.
    pub fn within(&self, from: Option<&str>, to: Option<&str>) -> bool {
        if from.is_none() && to.is_none() {
            return true;
        }
        let Some(span) = self.date.as_deref().and_then(spell) else {
            return false;
        };
        span.overlaps(from.and_then(spell).as_ref(), to.and_then(spell).as_ref())
    }
}

/// Supports per batch query: enough to make the per-query cost negligible, few enough to keep each
/// query's intermediate results small.
const BATCH: usize = 500;

const DETAILS: &str = "SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?class) (SAMPLE(?d) AS ?date)
  (SAMPLE(?p) AS ?precision) (GROUP_CONCAT(DISTINCT ?dt; separator=\"\\u001f\") AS ?dateText)
  (GROUP_CONCAT(DISTINCT ?pl; separator=\"\\u001f\") AS ?places) WHERE {
  VALUES_E
  OPTIONAL { ?e rdfs:label|skos:prefLabel ?l }
  OPTIONAL { ?e a ?c . FILTER NOT EXISTS { ?e a ?sub . ?sub rdfs:subClassOf+ ?c . FILTER(?sub != ?c) } }
  OPTIONAL { ?e bkg:date ?d }
  OPTIONAL { ?e bkg:datePrecision/rdfs:label ?p }
  OPTIONAL { ?e bkg:dateText ?dt }
  OPTIONAL { ?e bkg:place/skos:prefLabel ?pl }
} GROUP BY ?e";

/// The label of a reified fact that has none of its own: subject, predicate and object labels.
const FACT_LABELS: &str = "SELECT ?e (SAMPLE(?factLabel) AS ?label) WHERE {
  VALUES_E
  ?e rdf:subject ?fs ; rdf:predicate ?fp ; rdf:object ?fo .
  OPTIONAL { ?fs skos:prefLabel ?fsl } OPTIONAL { ?fp rdfs:label ?fpl } OPTIONAL { ?fo skos:prefLabel|rdfs:label ?fol }
  BIND(CONCAT(COALESCE(?fsl, STR(?fs)), \" \", COALESCE(?fpl, STR(?fp)), \" \", COALESCE(?fol, STR(?fo))) AS ?factLabel)
} GROUP BY ?e";

const CITATIONS: &str =
    "SELECT ?e ?file ?i ?row ?record ?standing ?rank (GROUP_CONCAT(DISTINCT ?cl; separator=\"\\u001f\") AS ?claimants) WHERE {
  VALUES_E
  ?e bkg:attestedBy ?a .
  { ?a bkg:source/bkg:fileName ?file ; bkg:sentence ?i }
  UNION { ?a bkg:datasetFile ?file ; bkg:datasetRow ?row ; bkg:datasetRecordId ?record }
  ?a bkg:standing ?s .
  ?s rdfs:label ?standing .
  OPTIONAL { ?s bkg:certaintyRank ?rank }
  OPTIONAL { ?a bkg:claimant ?c . OPTIONAL { ?c skos:prefLabel ?cpl } BIND(COALESCE(?cpl, STR(?c)) AS ?cl) }
} GROUP BY ?e ?file ?i ?row ?record ?standing ?rank";

const CANDIDATES: &str = "SELECT DISTINCT ?e WHERE { VALUES_E ?e bkg:reviewStatus bkg:Candidate }";

const DISPUTED: &str = "SELECT DISTINCT ?e WHERE {
  VALUES_E
  { ?d bkg:denies|bkg:disputes ?e }
  UNION { ?e bkg:asserts ?claim . ?d bkg:denies|bkg:disputes ?claim }
  UNION { ?accusation bkg:asserts ?e . ?d bkg:denies|bkg:disputes ?accusation }
}";

/// Deaths of an event per source: the largest figure for all sides where the source gives one
/// (restatements of a total are not added up), else the sum of its distinct figures for parts.
const DEATHS: &str =
    "SELECT ?e ?file (MAX(?total) AS ?all) (SUM(?part) AS ?parts) (SUM(?isTotal) AS ?totals) WHERE {
  { SELECT DISTINCT ?e ?file ?f ?n ?isTotal WHERE {
      VALUES_E
      ?e bkg:casualties ?f . ?f bkg:deaths ?n ; bkg:attestedBy ?fa .
      { ?fa bkg:source/bkg:fileName ?file } UNION { ?fa bkg:datasetFile ?file }
      BIND(IF(EXISTS { ?f bkg:victimCategory id:people-all-sides }, 1, 0) AS ?isTotal)
  } }
  BIND(IF(?isTotal = 1, ?n, 0) AS ?total)
  BIND(IF(?isTotal = 1, 0, ?n) AS ?part)
} GROUP BY ?e ?file";

fn text(row: &Row, var: &str) -> Option<String> {
    match row.get(var) {
        Some(Term::Literal(l)) if !l.value().is_empty() => Some(l.value().to_owned()),
        Some(Term::NamedNode(n)) => Some(compact(n.as_str())),
        _ => None,
    }
}

/// The parts of a `GROUP_CONCAT` (separated by U+001F), sorted: the evaluator's order is not stable.
fn parts(row: &Row, var: &str) -> Vec<String> {
    let mut out: Vec<String> = text(row, var)
        .map(|s| s.split('\u{1f}').map(str::to_owned).collect())
        .unwrap_or_default();
    out.sort();
    out
}

/// The full IRI of the row's `?e`.
fn support_of(row: &Row) -> Option<String> {
    match row.get("e") {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

/// Runs `query` (whose `VALUES_E` stands for the batch) over `batch` and returns its rows.
fn batch_rows(store: &dyn Kb, query: &str, batch: &[&String]) -> Result<Vec<Row>> {
    // The IRIs come from the store, so they are valid IRIs and cannot close the `<…>` around them.
    let values: Vec<String> = batch.iter().map(|iri| format!("<{iri}>")).collect();
    let text = query.replace("VALUES_E", &format!("VALUES ?e {{ {} }}", values.join(" ")));
    select(store, "tie evidence", &text, &[])
}

/// Collects the evidence for each IRI of `supports`, with a handful of set-oriented queries per
/// batch of supports (not several queries per support), so the cost grows with the evidence.
///
/// # Errors
/// A storage or query error.
pub fn collect(store: &dyn Kb, supports: &BTreeSet<String>) -> Result<BTreeMap<String, Evidence>> {
    let mut out = BTreeMap::new();
    let all: Vec<&String> = supports.iter().collect();
    for batch in all.chunks(BATCH) {
        for row in batch_rows(store, DETAILS, batch)? {
            let Some(iri) = support_of(&row) else { continue };
            out.insert(
                iri.clone(),
                Evidence {
                    id: compact(&iri),
                    label: text(&row, "label").unwrap_or_else(|| compact(&iri)),
                    class: text(&row, "class").unwrap_or_default(),
                    date: text(&row, "date"),
                    precision: text(&row, "precision"),
                    date_text: Some(parts(&row, "dateText").join(" / ")).filter(|s| !s.is_empty()),
                    places: parts(&row, "places"),
                    deaths: 0,
                    certainty: 5,
                    standing: "reported".to_owned(),
                    disputed: false,
                    candidate: false,
                    citations: Vec::new(),
                    iri,
                },
            );
        }
        for row in batch_rows(store, FACT_LABELS, batch)? {
            if let (Some(ev), Some(label)) = (
                support_of(&row).and_then(|i| out.get_mut(&i)),
                text(&row, "label"),
            ) {
                if ev.label == ev.id {
                    ev.label = label;
                }
            }
        }
        let mut ranked: BTreeMap<String, Vec<(Citation, u8)>> = BTreeMap::new();
        for row in batch_rows(store, CITATIONS, batch)? {
            let Some(iri) = support_of(&row) else { continue };
            let rank = text(&row, "rank").and_then(|r| r.parse().ok()).unwrap_or(5);
            ranked.entry(iri).or_default().push((
                Citation {
                    file: text(&row, "file").unwrap_or_default(),
                    sentence: text(&row, "i").and_then(|i| i.parse().ok()).unwrap_or(0),
                    row: text(&row, "row").and_then(|i| i.parse().ok()),
                    record: text(&row, "record"),
                    standing: text(&row, "standing").unwrap_or_default(),
                    claimants: parts(&row, "claimants"),
                },
                rank,
            ));
        }
        for (iri, mut citations) in ranked {
            let Some(ev) = out.get_mut(&iri) else { continue };
            citations
                .sort_by(|(a, _), (b, _)| (&a.file, a.sentence, a.row).cmp(&(&b.file, b.sentence, b.row)));
            if let Some((best, rank)) = citations.iter().max_by_key(|(_, rank)| *rank) {
                ev.certainty = *rank;
                ev.standing = best.standing.clone();
            }
            ev.citations = citations.into_iter().map(|(c, _)| c).collect();
        }
        let number = |r: &Row, v: &str| text(r, v).and_then(|n| n.parse::<u64>().ok()).unwrap_or(0);
        for row in batch_rows(store, DEATHS, batch)? {
            let Some(ev) = support_of(&row).and_then(|i| out.get_mut(&i)) else {
                continue;
            };
            let deaths = if number(&row, "totals") > 0 {
                number(&row, "all")
            } else {
                number(&row, "parts")
            };
            ev.deaths = ev.deaths.max(deaths);
        }
        for row in batch_rows(store, DISPUTED, batch)? {
            if let Some(ev) = support_of(&row).and_then(|i| out.get_mut(&i)) {
                ev.disputed = true;
            }
        }
        for row in batch_rows(store, CANDIDATES, batch)? {
            if let Some(ev) = support_of(&row).and_then(|i| out.get_mut(&i)) {
                ev.candidate = true;
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(date: Option<&str>) -> Evidence {
        Evidence {
            iri: String::new(),
            id: String::new(),
            label: String::new(),
            class: String::new(),
            date: date.map(str::to_owned),
            precision: None,
            date_text: None,
            places: Vec::new(),
            deaths: 0,
            certainty: 5,
            standing: String::new(),
            disputed: false,
            candidate: false,
            citations: Vec::new(),
        }
    }

    #[test]
    fn month_overlaps_year_window() {
        let e = dated(Some("2021-08"));
        assert!(e.within(Some("2021"), Some("2021")));
        assert!(e.within(Some("2021-08-15"), None));
        assert!(!e.within(Some("2021-09"), None));
        assert!(!e.within(None, Some("2021-07-31")));
    }

    #[test]
    fn unknown_year_is_outside_any_window() {
        assert!(!dated(Some("--11-26")).within(Some("2000"), None));
        assert!(!dated(None).within(None, Some("2030")));
        assert!(dated(None).within(None, None));
    }
}
