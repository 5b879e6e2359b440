//! What every format says about a tie beyond the [`Tie`] itself, worked out once from the evidence:
//! its standing, its supports and sources as text, and the days it is known to hold.

use crate::projection::{ActorNetwork, Evidence, Tie};
use crate::vocab::compact;

use crate::dates::{merge_spells, Spell};

pub use crate::projection::REPORTED_RANK;

/// A tie with the facts the exports derive from its evidence.
#[derive(Debug, Clone)]
pub struct TieFacts<'a> {
    /// The tie.
    pub tie: &'a Tie,
    /// Standing of its firmest support (`reported` for a plain asserted triple).
    pub standing: String,
    /// Its supports as compact names, space-separated.
    pub supports: String,
    /// The sentences that state them, as `NNN#S` (source number, sentence), space-separated.
    pub sources: String,
    /// The days its dated supports cover, merged; empty when none has a year.
    pub spells: Vec<Spell>,
}

impl<'a> TieFacts<'a> {
    /// Works out the facts of `tie` from `network`'s evidence.
    pub fn new(network: &ActorNetwork, tie: &'a Tie) -> Self {
        let evidence: Vec<&Evidence> = tie
            .supports
            .iter()
            .filter_map(|s| network.evidence.get(s))
            .collect();
        let standing = evidence
            .iter()
            .max_by_key(|e| e.certainty)
            .map_or_else(|| "reported".to_owned(), |e| e.standing.clone());
        let supports = tie
            .supports
            .iter()
            .map(|s| {
                network
                    .evidence
                    .get(s)
                    .map_or_else(|| compact(s), |e| e.id.clone())
            })
            .collect::<Vec<_>>()
            .join(" ");
        let mut sources: Vec<String> = Vec::new();
        for c in evidence.iter().flat_map(|e| &e.citations) {
            let source = c.short();
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
        Self {
            tie,
            standing,
            supports,
            sources: sources.join(" "),
            spells: merge_spells(evidence.iter().filter_map(|e| e.date.as_deref())),
        }
    }

    /// Whether the tie is shown as doubtful (dashed): see [`Tie::doubtful`].
    pub fn doubtful(&self) -> bool {
        self.tie.doubtful()
    }

    /// The weight as text: `2` for 2.0, `0.5` for 0.5.
    pub fn weight(&self) -> String {
        number(self.tie.weight)
    }
}

/// A finite number as its shortest text; anything else as `0`.
pub(crate) fn number(x: f64) -> String {
    if x.is_finite() {
        x.to_string()
    } else {
        "0".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph_export::fixture;

    #[test]
    fn facts_of_the_fixture_ties() {
        let net = fixture::network();
        let facts: Vec<TieFacts<'_>> = net.graph.edge_weights().map(|t| TieFacts::new(&net, t)).collect();
        assert_eq!(facts[0].supports, "ev:takeover ev:raid");
        assert_eq!(facts[0].sources, "003#5");
        assert_eq!(facts[0].spells.len(), 2);
        assert_eq!(facts[0].spells[0].start, "2012-01-01");
        assert!(!facts[0].doubtful());
        assert_eq!(facts[1].standing, "alleged");
        assert!(facts[1].spells.is_empty(), "--11-26 has no year");
        assert!(facts[1].doubtful());
        assert_eq!(facts[2].standing, "reported");
        assert_eq!((facts[2].supports.as_str(), facts[2].sources.as_str()), ("", ""));
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(number(2.0), "2");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(f64::NAN), "0");
    }
}
