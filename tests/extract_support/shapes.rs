//! A hand check of the required properties of the project's shapes (ontology/shapes.ttl) on a
//! Turtle draft, shared by the tests.

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test helper"
)]

use std::collections::{BTreeMap, BTreeSet};

use oxttl::TurtleParser;

type Graph = BTreeMap<String, Vec<(String, String, bool)>>;

pub const BKG: &str = "https://w3id.org/borderkg/ontology#";

fn parse(ttl: &str) -> Graph {
    let mut g: Graph = BTreeMap::new();
    for t in TurtleParser::new().for_slice(ttl.as_bytes()) {
        let t = t.unwrap_or_else(|e| panic!("invalid Turtle: {e}\n{ttl}"));
        let (o, lit) = match &t.object {
            oxrdf::Term::Literal(l) => (format!("{}^^{}", l.value(), l.datatype().as_str()), true),
            other => (other.to_string().trim_matches(['<', '>']).to_owned(), false),
        };
        g.entry(t.subject.to_string().trim_matches(['<', '>']).to_owned())
            .or_default()
            .push((t.predicate.as_str().to_owned(), o, lit));
    }
    g
}

fn values<'a>(g: &'a Graph, s: &str, p: &str) -> Vec<&'a str> {
    g.get(s)
        .into_iter()
        .flatten()
        .filter(|(pp, _, _)| pp == p)
        .map(|(_, o, _)| o.as_str())
        .collect()
}

fn bkg(l: &str) -> String {
    format!("{BKG}{l}")
}

/// Parses `ttl` and asserts the shapes' required properties; `known` are the graph's entities.
pub fn check(ttl: &str, known: &BTreeSet<String>) {
    let g = parse(ttl);
    let rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    let typed = |s: &str| !values(&g, s, rdf_type).is_empty() || known.contains(s);
    let one = |s: &str, p: &str| assert_eq!(values(&g, s, p).len(), 1, "{s} needs exactly one {p}\n{ttl}");
    let mut events = 0;
    for s in g.keys() {
        let classes = values(&g, s, rdf_type);
        if s.contains("/id/event/") {
            events += 1;
            one(s, "http://www.w3.org/2000/01/rdf-schema#label");
            one(s, &bkg("summary"));
            one(s, &bkg("datePrecision"));
            assert!(!values(&g, s, &bkg("attestedBy")).is_empty(), "{s} attested");
            assert!(values(&g, s, &bkg("date")).len() <= 1);
            for p in ["agent", "target", "beneficiary", "participant"] {
                for a in values(&g, s, &bkg(p)) {
                    assert!(
                        typed(a),
                        "{a} ({p} of {s}) is neither in the graph nor proposed\n{ttl}"
                    );
                }
            }
            let speech = [
                "Accusation",
                "Condemnation",
                "Appeal",
                "Warning",
                "Criticism",
                "CallForRestraint",
                "Denial",
            ];
            if classes
                .iter()
                .any(|c| speech.iter().any(|k| c.ends_with(&format!("#{k}"))))
            {
                assert!(!values(&g, s, &bkg("agent")).is_empty(), "{s} names its speaker");
            }
            if classes.iter().any(|c| c.ends_with("#Denial")) {
                assert!(
                    !values(&g, s, &bkg("denies")).is_empty(),
                    "{s} says what it denies"
                );
            }
            for c in values(&g, s, &bkg("casualties")) {
                one(c, &bkg("qualifier"));
                let v = values(&g, c, &bkg("victimCategory"));
                assert!(!v.is_empty() && v.iter().all(|x| typed(x)), "{c} victims");
                assert!(!values(&g, c, &bkg("attestedBy")).is_empty());
            }
            one(s, &bkg("reviewStatus"));
            one(s, &bkg("confidence"));
        }
        if classes.iter().any(|c| c.ends_with("#Fact")) {
            for p in ["subject", "predicate", "object"] {
                one(s, &format!("http://www.w3.org/1999/02/22-rdf-syntax-ns#{p}"));
            }
            one(s, &bkg("reviewStatus"));
        }
        if s.starts_with("https://w3id.org/borderkg/id/")
            && !s.contains("/event/")
            && !s.contains("/fact/")
            && !s.contains("/source/")
            && !classes.is_empty()
        {
            one(s, "http://www.w3.org/2004/02/skos/core#prefLabel");
            assert!(!values(&g, s, &bkg("attestedBy")).is_empty(), "{s} attested");
        }
        if classes.iter().any(|c| c.ends_with("#Source")) {
            one(s, &bkg("fileName"));
            // A source the graph already labels is not labelled again (it would have two labels).
            if known.contains(s) {
                assert!(
                    values(&g, s, "http://www.w3.org/2000/01/rdf-schema#label").is_empty(),
                    "{s} labelled twice\n{ttl}"
                );
            } else {
                one(s, "http://www.w3.org/2000/01/rdf-schema#label");
            }
        }
        for m in values(&g, s, &bkg("measurement")) {
            for p in ["quantity", "value", "unit", "qualifier"] {
                one(m, &bkg(p));
            }
        }
        for att in values(&g, s, &bkg("attestedBy")) {
            for p in ["source", "sentence", "charStart", "charEnd", "standing"] {
                one(att, &bkg(p));
            }
            for p in ["sentence", "charStart", "charEnd"] {
                assert!(
                    values(&g, att, &bkg(p))[0].ends_with("#integer"),
                    "{att} {p} is an integer"
                );
            }
            for c in values(&g, att, &bkg("claimant")) {
                assert!(typed(c), "claimant {c}");
            }
        }
    }
    assert!(events > 0, "no events in\n{ttl}");
}
