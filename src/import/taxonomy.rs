//! The datasets' event taxonomies, read from the SKOS Turtle in `ontology/datasets/` so that the
//! concept-to-class mapping lives in data: a row's type codes become concepts and an event class.

use std::collections::HashMap;

use oxrdf::{NamedNode, Term};
use oxttl::TurtleParser;

use super::detect::Dataset;
use super::error::ImportError;
use super::normalize::normalize;
use super::vocab::{bkg, rdf, TAXONOMY};

/// The taxonomy files, embedded: (file name, Turtle).
pub const TAXONOMY_FILES: [(&str, &str); 3] = [
    ("ucdp.ttl", include_str!("../../ontology/datasets/ucdp.ttl")),
    ("acled.ttl", include_str!("../../ontology/datasets/acled.ttl")),
    ("cameo.ttl", include_str!("../../ontology/datasets/cameo.ttl")),
];

/// One concept of a dataset taxonomy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    /// The concept's IRI.
    pub iri: NamedNode,
    /// Its English label.
    pub label: String,
    /// The ontology event class it maps to (`bkg:eventClass`).
    pub class: NamedNode,
    /// Whether the second party (side B, actor 2) takes part rather than being targeted.
    pub second_party_participates: bool,
}

/// What a row's type codes resolve to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventType<'t> {
    /// The concepts found, general first.
    pub concepts: Vec<&'t Concept>,
    /// Codes the taxonomy does not know.
    pub unknown: Vec<String>,
}

impl EventType<'_> {
    /// The most specific concept found, if any.
    pub fn most_specific(&self) -> Option<&Concept> {
        self.concepts.last().copied()
    }
}

/// The three taxonomies, by scheme and notation.
pub struct Taxonomy {
    concepts: HashMap<(NamedNode, String), Concept>,
}

#[derive(Default)]
struct Partial {
    scheme: Option<NamedNode>,
    notation: Option<String>,
    label: Option<String>,
    class: Option<NamedNode>,
    participates: bool,
}

impl Taxonomy {
    /// Parses the embedded taxonomy files.
    ///
    /// # Errors
    /// [`ImportError::Taxonomy`] if a file does not parse or a concept lacks its scheme, notation,
    /// label or class.
    pub fn load() -> Result<Self, ImportError> {
        let mut concepts = HashMap::new();
        for (file, ttl) in TAXONOMY_FILES {
            let mut partial: HashMap<NamedNode, Partial> = HashMap::new();
            for triple in TurtleParser::new().for_slice(ttl.as_bytes()) {
                let triple = triple.map_err(|e| ImportError::Taxonomy {
                    file,
                    reason: e.to_string(),
                })?;
                let oxrdf::NamedOrBlankNode::NamedNode(subject) = triple.subject else {
                    continue;
                };
                let p = partial.entry(subject).or_default();
                let pred = triple.predicate.as_ref();
                match triple.object {
                    Term::NamedNode(o) if pred == rdf::IN_SCHEME => p.scheme = Some(o),
                    Term::NamedNode(o) if pred == bkg::EVENT_CLASS => p.class = Some(o),
                    Term::NamedNode(o) if pred == bkg::SECOND_PARTY_ROLE => {
                        p.participates = o.as_ref() == bkg::PARTICIPANT
                    }
                    Term::Literal(l) if pred == rdf::NOTATION => p.notation = Some(l.value().to_owned()),
                    Term::Literal(l) if pred == rdf::PREF_LABEL => p.label = Some(l.value().to_owned()),
                    _ => {}
                }
            }
            for (iri, p) in partial {
                let Some(scheme) = p.scheme else { continue };
                let missing = |what: &str| ImportError::Taxonomy {
                    file,
                    reason: format!("{iri} has no {what}"),
                };
                let notation = p.notation.ok_or_else(|| missing("skos:notation"))?;
                let concept = Concept {
                    label: p.label.ok_or_else(|| missing("skos:prefLabel"))?,
                    class: p.class.ok_or_else(|| missing("bkg:eventClass"))?,
                    second_party_participates: p.participates,
                    iri,
                };
                concepts.insert((scheme, normalize(&notation)), concept);
            }
        }
        Ok(Self { concepts })
    }

    /// The concept scheme of a dataset.
    pub fn scheme(dataset: Dataset) -> NamedNode {
        let local = match dataset {
            Dataset::Ucdp => "ucdp",
            Dataset::Acled => "acled",
            Dataset::Gdelt => "cameo",
        };
        NamedNode::new_unchecked(format!("{TAXONOMY}{local}"))
    }

    /// Looks up a row's type codes (general first) in its dataset's scheme.
    pub fn resolve<'t>(&'t self, dataset: Dataset, codes: &[String]) -> EventType<'t> {
        let scheme = Self::scheme(dataset);
        let mut found = EventType {
            concepts: Vec::new(),
            unknown: Vec::new(),
        };
        for code in codes {
            match self.concepts.get(&(scheme.clone(), normalize(code))) {
                Some(c) => found.concepts.push(c),
                // A full four-digit CAMEO code below a known base code is expected, not unknown.
                None if dataset == Dataset::Gdelt && code.len() > 3 => {}
                None => found.unknown.push(code.clone()),
            }
        }
        found
    }

    /// How many concepts were loaded.
    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    /// Whether no concept was loaded.
    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_all_three_schemes() {
        let t = Taxonomy::load().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.len(), 3 + 31 + 72);
        let fight = t.resolve(Dataset::Gdelt, &["19".into(), "195".into(), "1951".into()]);
        assert_eq!(
            fight.most_specific().map(|c| c.class.as_str()),
            Some("https://w3id.org/borderkg/ontology#AirStrike")
        );
        assert!(fight.unknown.is_empty());
        let acled = t.resolve(Dataset::Acled, &["Battles".into(), "Armed clash".into()]);
        assert_eq!(acled.concepts.len(), 2);
        let odd = t.resolve(Dataset::Acled, &["Battles".into(), "Duel".into()]);
        assert_eq!(odd.unknown, vec!["Duel".to_owned()]);
    }

    #[test]
    fn every_cameo_root_code_is_present() {
        let t = Taxonomy::load().unwrap_or_else(|e| panic!("{e}"));
        for root in 1..=20 {
            let code = format!("{root:02}");
            assert_eq!(
                t.resolve(Dataset::Gdelt, std::slice::from_ref(&code))
                    .concepts
                    .len(),
                1,
                "{code}"
            );
        }
    }
}
