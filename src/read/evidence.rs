//! What the evidence behind the network's ties reads, for a batch of events and facts at a time:
//! their labels, classes, dates and places, their citations with standing and claimants, their
//! deaths per source, and whether they are disputed or unreviewed candidates.

use std::collections::BTreeSet;

use super::{batched, iri, number, parts, text};
use crate::error::Result;
use crate::query::{select, Cells, Kb};

const DETAILS: &str = "SELECT ?e (SAMPLE(?l) AS ?label) (SAMPLE(?c) AS ?class) (SAMPLE(?p) AS ?precision) (GROUP_CONCAT(DISTINCT ?dt; separator=\"\\u001f\") AS ?dateText)
  (GROUP_CONCAT(DISTINCT ?pl; separator=\"\\u001f\") AS ?places) WHERE {
  VALUES_E
  OPTIONAL { ?e rdfs:label|skos:prefLabel ?l }
  OPTIONAL { ?e a ?c . FILTER NOT EXISTS { ?e a ?sub . ?sub rdfs:subClassOf+ ?c . FILTER(?sub != ?c) } }
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

/// The citations of a batch of events: a sentence of an article or a row of a dataset each. Each
/// value is an `OPTIONAL` of one pattern: a `UNION`, or an `OPTIONAL` of several patterns, the
/// engine would evaluate over every attestation in the graph before joining it with the batch
/// (40 s a batch on a million imported events).
const CITATIONS: &str = "SELECT ?e ?sfile ?i ?dfile ?row ?record ?standing ?rank
  (GROUP_CONCAT(DISTINCT ?cl; separator=\"\\u001f\") AS ?claimants) WHERE {
  VALUES_E
  ?e bkg:attestedBy ?a .
  ?a bkg:standing ?s .
  ?s rdfs:label ?standing .
  OPTIONAL { ?s bkg:certaintyRank ?rank }
  OPTIONAL { ?a bkg:source/bkg:fileName ?sfile }
  OPTIONAL { ?a bkg:sentence ?i }
  OPTIONAL { ?a bkg:datasetFile ?dfile }
  OPTIONAL { ?a bkg:datasetRow ?row }
  OPTIONAL { ?a bkg:datasetRecordId ?record }
  OPTIONAL { ?a bkg:claimant ?c . OPTIONAL { ?c skos:prefLabel ?cpl } BIND(COALESCE(?cpl, STR(?c)) AS ?cl) }
} GROUP BY ?e ?sfile ?i ?dfile ?row ?record ?standing ?rank";

const CANDIDATES: &str = "SELECT DISTINCT ?e WHERE { ?e bkg:reviewStatus bkg:Candidate }";

const FACTS: &str = "SELECT ?e WHERE { ?e a bkg:Fact }";

const DISPUTED: &str = "SELECT DISTINCT ?e WHERE {
  { ?d bkg:denies|bkg:disputes ?e }
  UNION { ?e bkg:asserts ?claim . ?d bkg:denies|bkg:disputes ?claim }
  UNION { ?accusation bkg:asserts ?e . ?d bkg:denies|bkg:disputes ?accusation }
}";

/// The standings of the attestations of a batch of events or facts.
const STANDINGS_OF: &str = "SELECT ?e ?s WHERE { VALUES_E ?e bkg:attestedBy ?a . ?a bkg:standing ?s }";

/// Every support a tie can have, as `?e`: an event a triple is derived from, or a reified fact.
/// `SUPPORTS` in the queries below stands for it.
const SUPPORTS: &str =
    "{ SELECT DISTINCT ?e WHERE { { ?edge bkg:derivedFrom ?e } UNION { ?e a bkg:Fact } } }";

/// The standings of the attestations of every support a tie can have: an event a triple is derived
/// from, or a reified fact. Each part is a sub-select, so that the engine joins them by hashing
/// whole index scans instead of looking up each support's attestations one by one.
const SUPPORT_STANDINGS: &str = "SELECT ?e ?s WHERE {
  SUPPORTS
  { SELECT ?e ?a WHERE { ?e bkg:attestedBy ?a } }
  { SELECT ?a ?s WHERE { ?a bkg:standing ?s } }
}";

/// How many attestations have each standing: one index scan, nothing decoded but the standings.
const STANDING_COUNTS: &str = "SELECT ?s (COUNT(?a) AS ?n) WHERE { ?a bkg:standing ?s } GROUP BY ?s";

/// What has an attestation of the standing `?s` (bound by the caller): few things, for any
/// standing but the most common.
const ATTESTED_AT: &str = "SELECT DISTINCT ?e WHERE { ?a bkg:standing ?s . ?e bkg:attestedBy ?a }";

/// The dates of a batch of events or facts.
const DATES_OF: &str = "SELECT ?e ?d WHERE { VALUES_E ?e bkg:date ?d }";

/// Every date in the graph: one index scan.
const DATES: &str = "SELECT ?e ?d WHERE { ?e bkg:date ?d }";

/// Deaths of an event per source: the largest figure for all sides where the source gives one
/// (restatements of a total are not added up), else the sum of its distinct figures for parts.
/// `FIGURES` stands for the pattern binding each event `?e`, its figures `?f` with their deaths
/// `?n`, the source `?file` attesting each, and `?isTotal` (1 for a figure for all sides).
const DEATHS: &str =
    "SELECT ?e ?file (MAX(?total) AS ?all) (SUM(?part) AS ?parts) (SUM(?isTotal) AS ?totals) WHERE {
  { SELECT DISTINCT ?e ?file ?f ?n ?isTotal WHERE { FIGURES } }
  BIND(IF(?isTotal = 1, ?n, 0) AS ?total)
  BIND(IF(?isTotal = 1, 0, ?n) AS ?part)
} GROUP BY ?e ?file";

/// The figures of a batch of events.
const FIGURES_OF: &str = "VALUES_E
  ?e bkg:casualties ?f . ?f bkg:deaths ?n ; bkg:attestedBy ?fa .
  { ?fa bkg:source/bkg:fileName ?file } UNION { ?fa bkg:datasetFile ?file }
  BIND(IF(EXISTS { ?f bkg:victimCategory id:people-all-sides }, 1, 0) AS ?isTotal)";

/// The figures of every support of a tie, each part a sub-select so that the engine joins whole
/// index scans by hashing.
const SUPPORT_FIGURES: &str = "SUPPORTS
  { SELECT ?e ?f WHERE { ?e bkg:casualties ?f } }
  { SELECT ?f ?n WHERE { ?f bkg:deaths ?n } }
  { SELECT ?f ?fa WHERE { ?f bkg:attestedBy ?fa } }
  { SELECT ?fa ?file WHERE {
      { { SELECT ?fa ?src WHERE { ?fa bkg:source ?src } } { SELECT ?src ?file WHERE { ?src bkg:fileName ?file } } }
      UNION { ?fa bkg:datasetFile ?file } } }
  OPTIONAL { SELECT ?f ?whole WHERE { ?f bkg:victimCategory id:people-all-sides BIND(1 AS ?whole) } }
  BIND(IF(BOUND(?whole), 1, 0) AS ?isTotal)";

/// Label, class, date precision and wording, and places of an event or fact.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Detail {
    /// Its IRI.
    pub iri: String,
    /// Its label, if it has one.
    pub label: Option<String>,
    /// Its most specific class, compacted.
    pub class: Option<String>,
    /// The label of the date's precision.
    pub precision: Option<String>,
    /// The words the sources use for the date, sorted.
    pub date_texts: Vec<String>,
    /// Labels of its places, sorted.
    pub places: Vec<String>,
}

/// One source's statement of an event or fact.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CitationRow {
    /// The event or fact.
    pub iri: String,
    /// The article or dataset file.
    pub file: String,
    /// The sentence index, for an article.
    pub sentence: Option<u64>,
    /// The row, for a dataset.
    pub row: Option<u64>,
    /// The dataset's record id.
    pub record: Option<String>,
    /// The standing's label.
    pub standing: String,
    /// The standing's certainty rank.
    pub rank: Option<u8>,
    /// Who the source says claims it, sorted.
    pub claimants: Vec<String>,
}

/// Deaths of an event in one source: the largest total for all sides, the sum of the figures for
/// parts, and how many totals there are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeathsRow {
    /// The event.
    pub iri: String,
    /// Largest figure for all sides.
    pub total: u64,
    /// Sum of the figures for parts.
    pub parts: u64,
    /// How many figures for all sides.
    pub totals: u64,
}

/// Which events and facts a question is about.
#[derive(Debug, Clone, Copy)]
pub enum Among<'a> {
    /// These, asked in batches.
    These(&'a [&'a String]),
    /// Every support of a tie in the graph, asked at once; the caller keeps those it wants. Cheaper
    /// than batches when most of the graph's supports are wanted.
    Supports,
}

/// Gives `each` the standing (IRI) of each attestation of the events or facts `among`, as
/// `(iri, standing)`.
///
/// # Errors
/// A storage, transport or query error.
pub fn standings(kb: &dyn Kb, among: Among<'_>, mut each: impl FnMut(String, String)) -> Result<()> {
    let whole = SUPPORT_STANDINGS.replace("SUPPORTS", SUPPORTS);
    pairs(kb, among, STANDINGS_OF, &whole, "s", &mut each)
}

/// Each standing (IRI) that attestations have, with how many have it.
///
/// # Errors
/// A storage, transport or query error.
pub fn standing_counts(kb: &dyn Kb) -> Result<Vec<(String, u64)>> {
    Ok(select(kb, "tie evidence", STANDING_COUNTS, &[])?
        .iter()
        .filter_map(|row| Some((iri(row, "s")?, number(row, "n")?)))
        .collect())
}

/// Gives `each` everything attested with the standing `standing` (an IRI read from the store).
///
/// # Errors
/// A storage, transport or query error.
pub fn attested_at(kb: &dyn Kb, standing: &str, mut each: impl FnMut(String)) -> Result<()> {
    // Written into the text as the constant it is rather than bound (a binding is a VALUES join).
    // A valid IRI cannot close the `<…>` around it.
    let standing = oxigraph::model::NamedNode::new(standing)
        .map_err(|e| crate::Error::Parameter(format!("standing <{standing}>: {e}")))?;
    let query = ATTESTED_AT.replace("?s", &standing.to_string());
    super::each(kb, "tie evidence", &query, |row| {
        if let Some(e) = iri(row, "e") {
            each(e);
        }
    })
}

/// Gives `each` the dates (lexical form) of the events or facts `among`, as `(iri, date)`; with
/// [`Among::Supports`], of everything dated.
///
/// # Errors
/// A storage, transport or query error.
pub fn dates(kb: &dyn Kb, among: Among<'_>, mut each: impl FnMut(String, String)) -> Result<()> {
    pairs(kb, among, DATES_OF, DATES, "d", &mut each)
}

/// Gives `each` the `(?e, ?value)` pairs of `batch` asked of each batch of `among`, or of `whole`
/// asked of the whole graph, streamed.
fn pairs(
    kb: &dyn Kb,
    among: Among<'_>,
    batch: &str,
    whole: &str,
    value: &str,
    each: &mut impl FnMut(String, String),
) -> Result<()> {
    let pair = |row: &dyn Cells| Some((iri(&row, "e")?, text_or_iri(&row, value)?));
    match among {
        Among::These(iris) => {
            for row in batched(kb, "tie evidence", batch, iris)? {
                if let Some((e, v)) = pair(&row) {
                    each(e, v);
                }
            }
            Ok(())
        }
        Among::Supports => super::each(kb, "tie evidence", whole, |row| {
            if let Some((e, v)) = pair(row) {
                each(e, v);
            }
        }),
    }
}

/// A literal's text, or an IRI in full.
fn text_or_iri(row: &impl Cells, var: &str) -> Option<String> {
    iri(row, var).or_else(|| text(row, var))
}

/// Details of each of `iris`.
///
/// # Errors
/// A storage, transport or query error.
pub fn details(kb: &dyn Kb, iris: &[&String]) -> Result<Vec<Detail>> {
    Ok(batched(kb, "tie evidence", DETAILS, iris)?
        .iter()
        .filter_map(|row| {
            Some(Detail {
                iri: iri(row, "e")?,
                label: text(row, "label"),
                class: text(row, "class"),
                precision: text(row, "precision"),
                date_texts: parts(row, "dateText"),
                places: parts(row, "places"),
            })
        })
        .collect())
}

/// A label made of subject, predicate and object labels, for each of `iris` that is a reified fact.
///
/// # Errors
/// A storage, transport or query error.
pub fn fact_labels(kb: &dyn Kb, iris: &[&String]) -> Result<Vec<(String, String)>> {
    Ok(batched(kb, "tie evidence", FACT_LABELS, iris)?
        .iter()
        .filter_map(|row| Some((iri(row, "e")?, text(row, "label")?)))
        .collect())
}

/// Every citation of each of `iris`.
///
/// # Errors
/// A storage, transport or query error.
pub fn citations(kb: &dyn Kb, iris: &[&String]) -> Result<Vec<CitationRow>> {
    Ok(batched(kb, "tie evidence", CITATIONS, iris)?
        .iter()
        .filter_map(|row| {
            // A sentence of an article, else a row of a dataset; an attestation that names neither
            // is no citation.
            let (file, sentence) = match (text(row, "sfile"), number(row, "i")) {
                (Some(file), Some(sentence)) => (file, Some(sentence)),
                _ => (text(row, "dfile")?, None),
            };
            let dataset = sentence.is_none();
            Some(CitationRow {
                iri: iri(row, "e")?,
                file,
                sentence,
                row: number(row, "row").filter(|_| dataset),
                record: text(row, "record").filter(|_| dataset),
                standing: text(row, "standing").unwrap_or_default(),
                rank: number(row, "rank"),
                claimants: parts(row, "claimants"),
            })
        })
        .collect())
}

/// Gives `each` the deaths per event and source of the events `among`.
///
/// # Errors
/// A storage, transport or query error.
pub fn deaths(kb: &dyn Kb, among: Among<'_>, mut each: impl FnMut(DeathsRow)) -> Result<()> {
    let read = |row: &dyn Cells| {
        Some(DeathsRow {
            iri: iri(&row, "e")?,
            total: number(&row, "all").unwrap_or(0),
            parts: number(&row, "parts").unwrap_or(0),
            totals: number(&row, "totals").unwrap_or(0),
        })
    };
    match among {
        Among::These(iris) => {
            let query = DEATHS.replace("FIGURES", FIGURES_OF);
            batched(kb, "tie evidence", &query, iris)?
                .iter()
                .filter_map(|row| read(row))
                .for_each(each);
            Ok(())
        }
        Among::Supports => {
            let query = DEATHS.replace("FIGURES", &SUPPORT_FIGURES.replace("SUPPORTS", SUPPORTS));
            super::each(kb, "tie evidence", &query, |row| {
                if let Some(row) = read(row) {
                    each(row);
                }
            })
        }
    }
}

/// Everything denied or disputed (itself, a claim it asserts, or an accusation asserting it).
/// Denials and disputes are few, so the whole graph is asked at once.
///
/// # Errors
/// A storage, transport or query error.
pub fn disputed(kb: &dyn Kb) -> Result<BTreeSet<String>> {
    Ok(select(kb, "tie evidence", DISPUTED, &[])?
        .iter()
        .filter_map(|row| iri(row, "e"))
        .collect())
}

/// Every stated fact (`bkg:Fact`): few, as only articles state them.
///
/// # Errors
/// A storage, transport or query error.
pub fn facts(kb: &dyn Kb) -> Result<BTreeSet<String>> {
    Ok(select(kb, "tie evidence", FACTS, &[])?
        .iter()
        .filter_map(|row| iri(row, "e"))
        .collect())
}

/// Every unreviewed extraction candidate.
///
/// # Errors
/// A storage, transport or query error.
pub fn candidates(kb: &dyn Kb) -> Result<BTreeSet<String>> {
    Ok(select(kb, "tie evidence", CANDIDATES, &[])?
        .iter()
        .filter_map(|row| iri(row, "e"))
        .collect())
}
