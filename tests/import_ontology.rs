//! The dataset Turtle (terms, shapes, taxonomies) parses, declares every ontology term the
//! importers write that the core ontology lacks, and maps every concept to a class.

use std::collections::BTreeSet;
use std::path::Path;

use borderkg::import::{Taxonomy, TAXONOMY_FILES};
use oxrdf::{NamedOrBlankNode, Term, Triple};
use oxttl::TurtleParser;

/// Parses `ontology/NAME`.
fn parse(name: &str) -> Vec<Triple> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ontology").join(name);
    let text = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    TurtleParser::new()
        .for_slice(&text)
        .collect::<Result<_, _>>()
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

const BKG: &str = "https://w3id.org/borderkg/ontology#";

/// The terms the importers write, which `ontology/borderkg.ttl` must define.
const ADDED: &[&str] = &[
    "DatasetSource",
    "DatasetAttestation",
    "Origin",
    "origin",
    "DatasetImport",
    "datasetEventType",
    "eventClass",
    "secondPartyRole",
    "datasetFile",
    "datasetRow",
    "datasetRecordId",
    "citedSource",
    "deathsLow",
    "deathsHigh",
    "BestEstimate",
    "dateEarliest",
    "dateLatest",
    "locationPrecision",
];

#[test]
fn terms_declare_every_added_term_with_label_and_comment() {
    let triples = parse("borderkg.ttl");
    let described = |local: &str, property: &str| {
        triples.iter().any(|t| {
            matches!(&t.subject, NamedOrBlankNode::NamedNode(s) if s.as_str() == format!("{BKG}{local}"))
                && t.predicate.as_str().ends_with(property)
        })
    };
    for local in ADDED {
        assert!(described(local, "#label"), "{local} has no rdfs:label");
        assert!(described(local, "#comment"), "{local} has no rdfs:comment");
    }
}

#[test]
fn shapes_and_alignment_parse() {
    assert!(!parse("datasets/shapes.ttl").is_empty());
    assert!(!parse("alignment.ttl").is_empty());
}

#[test]
fn every_concept_maps_to_an_ontology_class() {
    let taxonomy = Taxonomy::load().unwrap_or_else(|e| panic!("{e}"));
    let core: BTreeSet<&str> = [
        "Event",
        "ViolentEvent",
        "Attack",
        "AirStrike",
        "ArmedAttack",
        "Clash",
        "Capture",
        "SeizureOfWeapons",
        "Presence",
        "Agreement",
        "Talks",
        "Visit",
        "Cooperation",
        "DiplomaticEvent",
        "Statement",
        "Claim",
        "Denial",
        "Appeal",
        "Investigation",
        "Criticism",
        "Accusation",
        "SpeechAct",
        "Warning",
        "Deployment",
        "Closure",
    ]
    .into_iter()
    .collect();
    let mut concepts = 0;
    for (name, _) in TAXONOMY_FILES {
        for t in parse(&format!("datasets/{name}")) {
            if t.predicate.as_str() == format!("{BKG}eventClass") {
                concepts += 1;
                let Term::NamedNode(class) = &t.object else {
                    panic!("{name}: class is not an IRI")
                };
                let local = class
                    .as_str()
                    .strip_prefix(BKG)
                    .unwrap_or_else(|| panic!("{class} outside bkg:"));
                assert!(core.contains(local), "{name}: {local} is not a core event class");
            }
        }
    }
    assert_eq!(concepts, taxonomy.len());
}
