//! Reading the project's inputs: finding the ontology, data and rule files, parsing Turtle with
//! precise error positions, and giving blank nodes stable names.

mod files;
mod skolem;
mod stream;
mod turtle;

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::{NamedOrBlankNode, Triple};

use crate::resources::Resource;

pub use files::{Inputs, RuleFile};
pub use skolem::skolemize;
pub use stream::stream_triples;
pub use turtle::{parse_turtle, parse_turtle_bytes, ParsedFile};

/// Parses Turtle text, panicking on errors: for unit tests elsewhere in the crate.
#[cfg(test)]
pub(crate) fn turtle_for_tests(text: &str) -> Vec<Triple> {
    turtle::parse_turtle_bytes(text.as_bytes()).unwrap_or_else(|e| panic!("bad test Turtle: {e:?}"))
}

/// The triples of one Turtle file, blank nodes replaced by skolem IRIs (blank-node scope is the
/// file, so each file is read and named on its own and nothing holds more than one file).
///
/// # Errors
/// The file cannot be read or parsed.
pub fn read_triples(resource: &Resource) -> crate::Result<Vec<Triple>> {
    Ok(skolemize(parse_turtle(resource)?.triples))
}

/// For each of `subjects` (N-Triples form), the input files that state something about it. Reads
/// the inputs again: it is called only to explain a failed build.
pub fn origins(inputs: &Inputs, subjects: &BTreeSet<String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for resource in inputs.turtle_files() {
        let _ = stream_triples(resource, 100_000, |triples| {
            for t in triples {
                if let NamedOrBlankNode::NamedNode(n) = &t.subject {
                    let key = n.to_string();
                    if subjects.contains(&key) {
                        found.entry(key).or_default().insert(resource.name.clone());
                    }
                }
            }
            Ok(())
        });
    }
    found
}
