//! The Turtle draft parses, and satisfies by hand the required properties of the project's shapes
//! (ontology/shapes.ttl) for events, attestations, figures, facts, entities and the source.

#[path = "extract_support/mod.rs"]
mod common;

use std::collections::BTreeSet;

use common::shapes::check;

#[test]
fn turtle_drafts_parse_and_meet_the_shapes() {
    let gaz = common::gazetteer();
    let known: BTreeSet<String> = gaz.entities().iter().map(|e| e.iri.clone()).collect();
    for (name, date, text) in [
        (
            "pak-afghan-clash",
            "2025-10-12",
            include_str!("extract-articles/pak-afghan-clash.txt"),
        ),
        (
            "tajik-border-incident",
            "2025-12-22",
            include_str!("extract-articles/tajik-border-incident.txt"),
        ),
        (
            "iskp-background",
            "2025-12-22",
            include_str!("extract-articles/iskp-background.txt"),
        ),
    ] {
        let x = common::run(name, date, text);
        let mut out = Vec::new();
        borderkg::extract::turtle::write(&x, &mut out).expect("writes");
        check(&String::from_utf8(out).expect("UTF-8"), &known);
    }
}

#[test]
fn json_has_the_promised_shape() {
    let x = common::run(
        "pak-afghan-clash",
        "2025-10-12",
        include_str!("extract-articles/pak-afghan-clash.txt"),
    );
    let mut out = Vec::new();
    borderkg::extract::json::write(&x, &mut out).expect("writes");
    let v: serde_json::Value = serde_json::from_slice(&out).expect("JSON");
    let keys = |o: &serde_json::Value| {
        o.as_object()
            .map(|m| m.keys().cloned().collect::<BTreeSet<_>>())
            .unwrap_or_default()
    };
    assert_eq!(
        keys(&v),
        ["date", "events", "facts", "new_actors", "source", "unmatched"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    );
    let e = &v["events"][0];
    let want: BTreeSet<String> = [
        "iri",
        "class",
        "agents",
        "targets",
        "place",
        "date",
        "killed",
        "injured",
        "standing",
        "claimant",
        "sentence",
        "char_start",
        "char_end",
        "confidence",
        "text",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    assert_eq!(keys(e), want);
    assert!(e["class"]
        .as_str()
        .is_some_and(|c| c.starts_with(common::shapes::BKG)));
}

#[test]
fn source_node_carries_date_title_and_known_publisher() {
    let mut meta = borderkg::extract::ArticleMeta::new(
        "s1",
        borderkg::extract::Date::parse("2025-12-05").expect("date"),
    );
    meta.title = Some("Border \"incident\"".to_owned());
    meta.publisher = Some("Tajik Border Troops".to_owned());
    let x = borderkg::extract::extract(
        "Tajik border guards clashed with smugglers.",
        &meta,
        &common::lexicon(),
        &common::gazetteer(),
    );
    let mut out = Vec::new();
    borderkg::extract::turtle::write(&x, &mut out).expect("writes");
    let ttl = String::from_utf8(out).expect("UTF-8");
    assert!(
        ttl.contains("bkg:publicationDate \"2025-12-05\"^^xsd:date"),
        "{ttl}"
    );
    assert!(ttl.contains("bkg:publisher id:tajik-border-troops"), "{ttl}");
    assert!(ttl.contains("rdfs:label \"Border \\\"incident\\\"\"@en"), "{ttl}");
}
