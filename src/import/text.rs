//! Writes the English label and one-line summary every event needs, from the row's own values
//! (type, actors, place, date, deaths), never from its free text.

use std::fmt::Write;

use super::record::{ActorRef, EventRecord, Victims};

fn names(actors: &[ActorRef]) -> String {
    actors
        .iter()
        .map(|a| a.name.as_str())
        .collect::<Vec<_>>()
        .join(" and ")
}

fn place_path(rec: &EventRecord) -> Vec<&str> {
    let p = &rec.place;
    let mut path: Vec<&str> = [&p.location, &p.admin3, &p.admin2, &p.admin1, &p.country]
        .into_iter()
        .filter_map(|n| n.as_deref())
        .collect();
    path.dedup();
    path
}

/// A short label: `"Armed clash: Taliban – Military Forces of Pakistan (2018-), Kurram, 2023-09-06"`.
pub fn label(rec: &EventRecord, type_label: Option<&str>) -> String {
    let mut out = format!("{}: ", type_label.unwrap_or("Event"));
    out.push_str(&names(&rec.agents));
    if !rec.targets.is_empty() {
        out.push_str(" – ");
        out.push_str(&names(&rec.targets));
    }
    if let Some(place) = place_path(rec).first() {
        let _ = write!(out, ", {place}");
    }
    let _ = write!(out, ", {}", rec.date.start);
    out
}

/// A one-line summary: dataset, record id, type, parties, place, dates and deaths. With
/// `participates`, the second party is named as a partner ("with"), not a target ("against").
pub fn summary(rec: &EventRecord, type_label: Option<&str>, participates: bool) -> String {
    let mut out = format!("{} event {}", rec.dataset, rec.id);
    let _ = write!(
        out,
        " ({})",
        type_label.unwrap_or_else(|| rec.type_codes.last().map_or("untyped", String::as_str))
    );
    if !rec.agents.is_empty() {
        let _ = write!(out, ": {}", names(&rec.agents));
    }
    if !rec.targets.is_empty() {
        let word = if participates { "with" } else { "against" };
        let _ = write!(out, " {word} {}", names(&rec.targets));
    }
    if !rec.participants.is_empty() {
        let _ = write!(out, ", joined by {}", names(&rec.participants));
    }
    let path = place_path(rec);
    if !path.is_empty() {
        let _ = write!(out, ", in {}", path.join(", "));
    }
    match rec.date.end {
        Some(end) => {
            let _ = write!(out, ", between {} and {end}", rec.date.start);
        }
        None => {
            let _ = write!(out, ", on {}", rec.date.start);
        }
    }
    if let Some(total) = rec.figures.iter().find(|f| f.victims == Victims::All) {
        let _ = write!(out, "; {} killed", total.deaths);
        if let (Some(low), Some(high)) = (total.low, total.high) {
            let _ = write!(out, " (estimates {low} to {high})");
        }
    }
    out.push('.');
    out
}
