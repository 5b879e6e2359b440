//! Writes an extraction as JSON in the shape the `--format json` output promises (field names are
//! part of the interface).

use std::io::Write;

use serde::Serialize;

use super::error::Result;
use super::model::{Count, EntityRef, EventDate, Extraction, FactObject, Qualifier};

#[derive(Serialize)]
struct Doc<'a> {
    source: String,
    date: String,
    events: Vec<Ev<'a>>,
    facts: Vec<Fa<'a>>,
    new_actors: Vec<New<'a>>,
    unmatched: &'a [super::model::Unmatched],
}

#[derive(Serialize)]
struct Ev<'a> {
    iri: &'a str,
    class: &'a str,
    agents: &'a [EntityRef],
    targets: &'a [EntityRef],
    place: Option<&'a EntityRef>,
    date: &'a EventDate,
    killed: Option<&'a Count>,
    injured: Option<&'a Count>,
    standing: String,
    claimant: Option<&'a EntityRef>,
    sentence: usize,
    char_start: usize,
    char_end: usize,
    confidence: f32,
    text: &'a str,
}

#[derive(Serialize)]
struct Fa<'a> {
    iri: &'a str,
    subject: &'a EntityRef,
    predicate: &'a str,
    object: &'a FactObject,
    standing: String,
    claimant: Option<&'a EntityRef>,
    sentence: usize,
    char_start: usize,
    char_end: usize,
    confidence: f32,
}

#[derive(Serialize)]
struct New<'a> {
    iri: &'a str,
    label: &'a str,
    class: &'a str,
    kind: &'a str,
    sentence: usize,
    char_start: usize,
    char_end: usize,
    confidence: f32,
}

fn round(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

/// Writes `x` as pretty JSON to `out`.
///
/// # Errors
/// [`super::Error::Json`] or [`super::Error::Io`] when writing fails.
pub fn write(x: &Extraction, mut out: impl Write) -> Result<()> {
    let doc = Doc {
        source: x.meta.source_iri(),
        date: x.meta.date.iso(),
        events: x
            .events
            .iter()
            .map(|e| Ev {
                iri: &e.iri,
                class: &e.class,
                agents: &e.agents,
                targets: &e.targets,
                place: e.place.as_ref(),
                date: &e.date,
                killed: e.killed.as_ref(),
                injured: e.injured.as_ref(),
                standing: e.standing.iri(),
                claimant: e.claimant.as_ref(),
                sentence: e.span.sentence,
                char_start: e.span.char_start,
                char_end: e.span.char_end,
                confidence: round(e.confidence),
                text: &e.text,
            })
            .collect(),
        facts: x
            .facts
            .iter()
            .map(|f| Fa {
                iri: &f.iri,
                subject: &f.subject,
                predicate: &f.predicate,
                object: &f.object,
                standing: f.standing.iri(),
                claimant: f.claimant.as_ref(),
                sentence: f.span.sentence,
                char_start: f.span.char_start,
                char_end: f.span.char_end,
                confidence: round(f.confidence),
            })
            .collect(),
        new_actors: x
            .new_entities
            .iter()
            .map(|n| New {
                iri: &n.iri,
                label: &n.label,
                class: &n.class,
                kind: n.kind,
                sentence: n.span.sentence,
                char_start: n.span.char_start,
                char_end: n.span.char_end,
                confidence: round(n.confidence),
            })
            .collect(),
        unmatched: &x.unmatched,
    };
    serde_json::to_writer_pretty(&mut out, &doc)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// The JSON name of a qualifier (as serialised).
pub fn qualifier_name(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::AtLeast => "at-least",
        Qualifier::MoreThan => "more-than",
        Qualifier::Approximately => "approximately",
        Qualifier::Vague => "vague",
    }
}
