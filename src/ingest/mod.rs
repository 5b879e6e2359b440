//! Reading the project's inputs: finding the ontology, data and rule files, parsing Turtle with
//! precise error positions, and giving blank nodes stable names.

mod files;
mod skolem;
mod turtle;

pub use files::{Inputs, RuleFile};
pub use skolem::skolemize;
pub use turtle::{parse_turtle, ParsedFile};

/// Parses Turtle text, panicking on errors: for unit tests elsewhere in the crate.
#[cfg(test)]
pub(crate) fn turtle_for_tests(text: &str) -> Vec<Triple> {
    turtle::parse_turtle_bytes(text.as_bytes()).unwrap_or_else(|e| panic!("bad test Turtle: {e:?}"))
}

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::{NamedOrBlankNode, Triple};

/// Every triple of the inputs, plus which files describe each subject (for error messages).
#[derive(Debug, Default)]
pub struct Graph {
    /// The triples, blank nodes already replaced by skolem IRIs.
    pub triples: Vec<Triple>,
    /// Subject (as N-Triples term) → files that state something about it.
    pub origins: BTreeMap<String, BTreeSet<String>>,
}

impl Graph {
    /// Parses every Turtle file of `inputs` and skolemizes each file's blank nodes.
    ///
    /// # Errors
    /// The first file that cannot be read or parsed.
    pub fn read(inputs: &Inputs) -> crate::Result<Self> {
        let mut graph = Self::default();
        for resource in inputs.turtle_files() {
            let parsed = parse_turtle(resource)?;
            let label = resource.name.clone();
            let triples = skolemize(parsed.triples);
            for t in &triples {
                if let NamedOrBlankNode::NamedNode(n) = &t.subject {
                    graph
                        .origins
                        .entry(n.to_string())
                        .or_default()
                        .insert(label.clone());
                }
            }
            graph.triples.extend(triples);
        }
        graph.triples.sort_by_cached_key(ToString::to_string);
        graph.triples.dedup();
        Ok(graph)
    }
}
