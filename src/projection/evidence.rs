//! The evidence behind a tie: for each supporting event (or fact, or entity), its label, class, date,
//! place, deaths, how firmly it is stated, whether it is disputed, and the sentences that state it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::dates::spell;
use crate::error::Result;
use crate::query::Kb;
use crate::read::evidence as read;
use crate::read::network::{standings, Standing};
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
    /// Compact name. This and the fields after it up to `places`, and `citations`, are filled in
    /// by [`complete`]; a projection fills them only for the evidence it shows.
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
    /// Highest certainty rank among its attestations ([`super::REPORTED_RANK`] when it has none).
    pub certainty: u8,
    /// Label of that standing.
    pub standing: String,
    /// Whether another statement denies or disputes it (or the accusation that asserts it).
    pub disputed: bool,
    /// Whether it is an unreviewed machine candidate (`bkg:reviewStatus bkg:Candidate`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub candidate: bool,
    /// Whether it is a stated fact (`bkg:Fact`) rather than an event.
    #[serde(skip)]
    pub fact: bool,
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

/// More supports than this are summarised from whole-graph scans rather than in batches: past
/// it, most of a graph's supports are usually wanted, and scans joined by hashing cost less than
/// looking each support up.
pub const SCAN_ABOVE: usize = 4 * crate::read::BATCH;

/// How [`summarise_by`] reads the graph. Both give the same summaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Questions about the supports, a batch at a time.
    Batches,
    /// Questions about every support in the graph at once, answered by whole index scans.
    Scans,
}

/// What the projection needs to know of each of `supports` to filter and weigh ties: its firmest
/// standing, date, whether it is disputed or a candidate, and (with `deaths`) its deaths. The
/// fields shown to people (label, class, places, citations) are left empty for [`complete`].
///
/// # Errors
/// A storage or query error.
pub fn summarise(
    store: &dyn Kb,
    supports: &BTreeSet<String>,
    deaths: bool,
) -> Result<BTreeMap<String, Evidence>> {
    let reading = if supports.len() > SCAN_ABOVE {
        Reading::Scans
    } else {
        Reading::Batches
    };
    summarise_by(store, supports, deaths, reading)
}

/// As [`summarise`], reading the graph as `reading` says.
///
/// # Errors
/// A storage or query error.
pub fn summarise_by(
    store: &dyn Kb,
    supports: &BTreeSet<String>,
    deaths: bool,
    reading: Reading,
) -> Result<BTreeMap<String, Evidence>> {
    let all: Vec<&String> = supports.iter().collect();
    let among = match reading {
        Reading::Scans => read::Among::Supports,
        Reading::Batches => read::Among::These(&all),
    };
    let mut out: BTreeMap<String, Evidence> = supports
        .iter()
        .map(|iri| {
            let ev = Evidence {
                iri: iri.clone(),
                certainty: super::REPORTED_RANK,
                standing: "reported".to_owned(),
                ..Evidence::default()
            };
            (iri.clone(), ev)
        })
        .collect();
    // The questions are independent: they are asked in parallel, each keeping only what concerns
    // the supports.
    let wanted = |iri: &String| supports.contains(iri);
    let ((table, attested), ((dates, deaths), (disputed, (candidates, facts)))) = rayon::join(
        || rayon::join(|| standings(store), || attested_standings(store, among, supports)),
        || {
            rayon::join(
                || {
                    rayon::join(
                        || {
                            let mut dates: Vec<(String, String)> = Vec::new();
                            read::dates(store, among, |iri, date| {
                                if wanted(&iri) {
                                    dates.push((iri, date));
                                }
                            })
                            .map(|()| dates)
                        },
                        || -> Result<Vec<read::DeathsRow>> {
                            let mut rows = Vec::new();
                            if deaths {
                                read::deaths(store, among, |row| {
                                    if wanted(&row.iri) {
                                        rows.push(row);
                                    }
                                })?;
                            }
                            Ok(rows)
                        },
                    )
                },
                || {
                    rayon::join(
                        || read::disputed(store),
                        || rayon::join(|| read::candidates(store), || read::facts(store)),
                    )
                },
            )
        },
    );
    let table: HashMap<String, Standing> = table?.into_iter().map(|s| (s.iri.clone(), s)).collect();
    let mut firmest: HashMap<String, &Standing> = HashMap::new();
    for (iri, standing) in attested? {
        let Some(standing) = table.get(&standing) else {
            continue;
        };
        let best = firmest.entry(iri).or_insert(standing);
        if standing.rank > best.rank {
            *best = standing;
        }
    }
    for (iri, standing) in firmest {
        if let Some(ev) = out.get_mut(&iri) {
            ev.certainty = standing.rank;
            ev.standing.clone_from(&standing.label);
        }
    }
    for (iri, date) in dates? {
        if let Some(ev) = out.get_mut(&iri) {
            // One date per node is the rule; should there be more, the earliest is kept.
            if ev.date.as_ref().is_none_or(|d| date < *d) {
                ev.date = Some(date);
            }
        }
    }
    for row in deaths? {
        if let Some(ev) = out.get_mut(&row.iri) {
            let deaths = if row.totals > 0 { row.total } else { row.parts };
            ev.deaths = ev.deaths.max(deaths);
        }
    }
    for iri in disputed? {
        if let Some(ev) = out.get_mut(&iri) {
            ev.disputed = true;
        }
    }
    for iri in candidates? {
        if let Some(ev) = out.get_mut(&iri) {
            ev.candidate = true;
        }
    }
    for iri in facts? {
        if let Some(ev) = out.get_mut(&iri) {
            ev.fact = true;
        }
    }
    Ok(out)
}

/// The standing (IRI) of each attestation of `supports` that can change its firmest standing from
/// the default, `reported`.
///
/// Read from the whole graph, this would join every attestation with its standing. When the most
/// common standing is `reported` itself, only the supports with another standing somewhere need
/// their attestations read: those attested at each rarer standing are found from the standing,
/// and their standings read in batches.
fn attested_standings(
    store: &dyn Kb,
    among: read::Among<'_>,
    supports: &BTreeSet<String>,
) -> Result<Vec<(String, String)>> {
    let mut attested: Vec<(String, String)> = Vec::new();
    if let read::Among::Supports = among {
        let table = standings(store)?;
        let counts = read::standing_counts(store)?;
        let common = counts.iter().max_by_key(|(_, n)| *n).map(|(s, _)| s);
        let is_default = |iri: &String| {
            table
                .iter()
                .any(|s| s.iri == *iri && s.rank == super::REPORTED_RANK && s.label == "reported")
        };
        if let Some(common) = common.filter(|c| is_default(c)) {
            let mut rare: BTreeSet<&String> = BTreeSet::new();
            for (standing, _) in counts.iter().filter(|(s, _)| s != common) {
                read::attested_at(store, standing, |iri| {
                    if let Some(support) = supports.get(&iri) {
                        rare.insert(support);
                    }
                })?;
            }
            let rare: Vec<&String> = rare.into_iter().collect();
            read::standings(store, read::Among::These(&rare), |iri, standing| {
                attested.push((iri, standing));
            })?;
            return Ok(attested);
        }
    }
    read::standings(store, among, |iri, standing| {
        if supports.contains(&iri) {
            attested.push((iri, standing));
        }
    })?;
    Ok(attested)
}

/// Fills in what people are shown of each of `iris` that `evidence` holds: name, label, class,
/// date as worded, places and citations.
///
/// # Errors
/// A storage or query error.
pub fn complete(store: &dyn Kb, evidence: &mut BTreeMap<String, Evidence>, iris: &[&String]) -> Result<()> {
    for detail in read::details(store, iris)? {
        let Some(ev) = evidence.get_mut(&detail.iri) else {
            continue;
        };
        ev.id = compact(&detail.iri);
        ev.label = detail.label.unwrap_or_else(|| ev.id.clone());
        ev.class = detail.class.unwrap_or_default();
        ev.precision = detail.precision;
        ev.date_text = Some(detail.date_texts.join(" / ")).filter(|s| !s.is_empty());
        ev.places = detail.places;
    }
    for (iri, label) in read::fact_labels(store, iris)? {
        if let Some(ev) = evidence.get_mut(&iri) {
            if ev.label == ev.id {
                ev.label = label;
            }
        }
    }
    let mut cited: BTreeMap<String, Vec<Citation>> = BTreeMap::new();
    for row in read::citations(store, iris)? {
        cited.entry(row.iri).or_default().push(Citation {
            file: row.file,
            sentence: row.sentence.unwrap_or(0),
            row: row.row,
            record: row.record,
            standing: row.standing,
            claimants: row.claimants,
        });
    }
    for (iri, mut citations) in cited {
        let Some(ev) = evidence.get_mut(&iri) else {
            continue;
        };
        citations.sort_by(|a, b| (&a.file, a.sentence, a.row).cmp(&(&b.file, b.sentence, b.row)));
        ev.citations = citations;
    }
    Ok(())
}

/// Everything known of each of `supports`: [`summarise`] and [`complete`] together.
///
/// # Errors
/// A storage or query error.
pub fn collect(store: &dyn Kb, supports: &BTreeSet<String>) -> Result<BTreeMap<String, Evidence>> {
    let mut out = summarise(store, supports, true)?;
    let all: Vec<&String> = supports.iter().collect();
    complete(store, &mut out, &all)?;
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
            fact: false,
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
