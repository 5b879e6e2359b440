//! Shared set-up for the integration tests: the shipped lexicon and the invented test graph.

#![allow(dead_code)]
#![allow(clippy::expect_used, reason = "test set-up fails loudly")]

pub mod shapes;

use borderkg::extract::{self, ArticleMeta, Date, Extraction, Gazetteer, Lexicon};

/// The shipped lexicon.
pub fn lexicon() -> Lexicon {
    Lexicon::from_files(extract::lexicon::embedded()).expect("shipped lexicon loads")
}

/// The invented test graph.
pub fn gazetteer() -> Gazetteer {
    Gazetteer::from_turtle([
        ("graph.ttl", include_str!("../fixtures/extract-graph.ttl")),
        ("aliases.ttl", extract::lexicon::ALIASES_TTL),
    ])
    .expect("test graph parses")
}

/// Extracts `text` as source `id` published on `date`.
pub fn run(id: &str, date: &str, text: &str) -> Extraction {
    let meta = ArticleMeta::new(id, Date::parse(date).expect("valid date"));
    extract::extract(text, &meta, &lexicon(), &gazetteer())
}

/// (agent local names, class local name, target local names) of every event.
pub fn triples(x: &Extraction) -> Vec<(Vec<String>, String, Vec<String>)> {
    let local = |i: &str| i.rsplit(['/', '#']).next().unwrap_or(i).to_owned();
    x.events
        .iter()
        .map(|e| {
            (
                e.agents.iter().map(|a| local(&a.iri)).collect(),
                local(&e.class),
                e.targets.iter().map(|t| local(&t.iri)).collect(),
            )
        })
        .collect()
}
