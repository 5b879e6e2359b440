//! The names in a store, loaded once: every preferred and alternative label, `rdfs:label`, demonym,
//! and each sentence's metonymic use of a name (`bkg:mentionedAs`), keyed by its lower-case form.
//! A lookup is exact first; a name that denotes several things is refused with each candidate and
//! why it matches, and a name that matches nothing gets the closest names as a hint.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::query::Kb;
use oxigraph::model::NamedNode;

use crate::error::{Error, Result};
use crate::read::names::NameKind;
use crate::vocab::compact;

/// How a name matches an entity.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Reason {
    Preferred,
    Alternative,
    Label,
    Demonym,
    /// Used for the entity in these sentences, by metonymy.
    Mentioned(BTreeSet<String>),
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Preferred => f.write_str("its preferred label"),
            Self::Alternative => f.write_str("an alternative label"),
            Self::Label => f.write_str("its label"),
            Self::Demonym => f.write_str("its demonym, not a name"),
            Self::Mentioned(cites) => write!(
                f,
                "not a name of it, but the sources use it for it in {}",
                cites.iter().cloned().collect::<Vec<_>>().join(", ")
            ),
        }
    }
}

/// Every name in a store, built with one query; reuse it for several lookups.
#[derive(Debug, Clone, Default)]
pub struct LabelIndex {
    /// Lower-case name → entity IRI → how it matches.
    names: HashMap<String, BTreeMap<String, Vec<Reason>>>,
    /// Every name as written, for hints.
    written: BTreeSet<String>,
}

impl LabelIndex {
    /// Loads every name of `store`.
    ///
    /// # Errors
    /// A storage or query error.
    pub fn load(store: &dyn Kb) -> Result<Self> {
        let mut index = Self::default();
        for name in crate::read::names::all(store)? {
            let reason = match name.kind {
                NameKind::Preferred => Reason::Preferred,
                NameKind::Alternative => Reason::Alternative,
                NameKind::Label => Reason::Label,
                NameKind::Demonym => Reason::Demonym,
                NameKind::Mentioned(cite) => Reason::Mentioned(BTreeSet::from([cite])),
            };
            index.add(&name.name, &name.entity, reason);
        }
        Ok(index)
    }

    fn add(&mut self, name: &str, entity: &str, reason: Reason) {
        self.written.insert(name.to_owned());
        let reasons = self
            .names
            .entry(name.to_lowercase())
            .or_default()
            .entry(entity.to_owned())
            .or_default();
        match (
            reason,
            reasons.iter_mut().find(|r| matches!(r, Reason::Mentioned(_))),
        ) {
            (Reason::Mentioned(new), Some(Reason::Mentioned(cites))) => cites.extend(new),
            (reason, _) => {
                if !reasons.contains(&reason) {
                    reasons.push(reason);
                    reasons.sort();
                }
            }
        }
    }

    /// The one entity `name` denotes.
    ///
    /// # Errors
    /// [`Error::Term`] naming every candidate and why it matches when the name denotes several
    /// things, or the closest names when it denotes none.
    pub fn resolve(&self, name: &str, what: &str) -> Result<NamedNode> {
        let candidates = self.names.get(&name.trim().to_lowercase());
        match candidates.map(|c| c.iter().collect::<Vec<_>>()).as_deref() {
            Some([(iri, _)]) => NamedNode::new(iri.as_str())
                .map_err(|e| Error::Term(format!("{what}: bad IRI {iri}: {e}"))),
            Some(many) if !many.is_empty() => Err(Error::Term(format!(
                "{what}: `{name}` is ambiguous, it denotes {} things: {}; give one of them as a prefixed name",
                many.len(),
                many.iter()
                    .map(|(iri, reasons)| format!(
                        "{} ({})",
                        compact(iri),
                        reasons.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
                    ))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
            _ => Err(Error::Term(format!(
                "{what}: nothing in the store is labelled `{name}`; give an IRI or prefixed name (e.g. id:taliban), or a label the graph uses{}",
                self.close(name)
            ))),
        }
    }

    /// A hint listing up to three names close to `input`.
    fn close(&self, input: &str) -> String {
        let needle = input.to_lowercase();
        let mut scored: Vec<(f64, &String)> = self
            .written
            .iter()
            .map(|l| (strsim::jaro_winkler(&needle, &l.to_lowercase()), l))
            .filter(|(score, _)| *score > 0.8)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let names: Vec<String> = scored
            .into_iter()
            .take(3)
            .map(|(_, l)| format!("`{l}`"))
            .collect();
        if names.is_empty() {
            String::new()
        } else {
            format!(" (did you mean {}?)", names.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::{LabelIndex, Reason};

    fn index() -> LabelIndex {
        let mut index = LabelIndex::default();
        let id = "https://w3id.org/borderkg/id/";
        index.add("Kabul", &format!("{id}kabul"), Reason::Preferred);
        for cite in ["003#1", "003#6"] {
            index.add(
                "Kabul",
                &format!("{id}taliban"),
                Reason::Mentioned(BTreeSet::from([cite.to_owned()])),
            );
        }
        index.add("Taliban", &format!("{id}taliban"), Reason::Preferred);
        index
    }

    #[test]
    fn a_name_of_two_things_lists_both_with_the_reason() {
        let err = index()
            .resolve("kabul", "actor")
            .expect_err("ambiguous")
            .to_string();
        assert!(err.contains("id:kabul (its preferred label)"), "{err}");
        assert!(
            err.contains("id:taliban (not a name of it, but the sources use it for it in 003#1, 003#6)"),
            "{err}"
        );
    }

    #[test]
    fn a_unique_name_resolves_and_a_typo_gets_a_hint() {
        let index = index();
        assert_eq!(
            index.resolve("TALIBAN", "actor").expect("resolves").as_str(),
            "https://w3id.org/borderkg/id/taliban"
        );
        let err = index.resolve("Talibn", "actor").expect_err("unknown").to_string();
        assert!(err.contains("did you mean `Taliban`"), "{err}");
    }
}
