//! Projection of the knowledge graph onto an actor network: which triples become ties, how ties are
//! weighted and filtered, and the evidence (events, certainty, dates, sources) each tie keeps. Works
//! on any store: the relations are the ontology's `bkg:networkRelation`s by default, or any
//! predicates the caller names.

mod evidence;

pub use evidence::{
    collect as collect_evidence, summarise_by, Citation, CitedSentence, Evidence, Reading, SCAN_ABOVE,
};

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::query::Kb;
use petgraph::graph::{DiGraph, NodeIndex};

use crate::error::Result;
use crate::read::network as read;
use crate::vocab::compact;

/// An actor (or place) in the network.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Actor {
    /// Full IRI.
    pub iri: String,
    /// Compact name (`id:taliban`).
    pub id: String,
    /// Preferred label.
    pub label: String,
    /// Most specific class, compacted (`bkg:ArmedGroup`), or empty when untyped.
    pub class: String,
}

/// A tie: one relation from one actor to another, with the events behind it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Tie {
    /// The relation, compacted (`bkg:attacked`).
    pub relation: String,
    /// Events (or facts, or entities) that support it, by IRI; empty for a plain asserted triple.
    pub supports: Vec<String>,
    /// Weight: number of supporting events (at least 1), or deaths, by [`Weighting`].
    pub weight: f64,
    /// Highest certainty rank among the supports (6 confirmed … 0 denied; 5 when no evidence).
    pub certainty: u8,
    /// Whether any support is denied or disputed by another statement.
    pub disputed: bool,
    /// Earliest and latest known date of the supports (`xsd` lexical form), when known.
    pub first_date: Option<String>,
    /// Latest known date.
    pub last_date: Option<String>,
}

/// How many supports of a tie are shown to people (see [`ActorNetwork::listed`]).
pub const LISTED: usize = 10;

/// Certainty rank of `reported`: a tie whose firmest support is below it is doubtful.
pub const REPORTED_RANK: u8 = 5;

/// What a dashed line means, in every drawing of the network (the report's, the server's pages,
/// the DOT export), so that their legends say the same.
pub const DASHED_MEANS: &str =
    "disputed or denied by another statement, or stated no more firmly than claimed or alleged";

impl Tie {
    /// Whether the tie is drawn dashed: disputed, or stated less firmly than `reported`
    /// ([`DASHED_MEANS`]).
    pub fn doubtful(&self) -> bool {
        self.disputed || self.certainty < REPORTED_RANK
    }
}

/// How ties are weighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Weighting {
    /// Number of supporting events.
    #[default]
    Events,
    /// Deaths in the supporting events (ties without deaths weigh 0).
    Deaths,
}

impl crate::formats::Named for Weighting {
    const NAMES: &'static [(&'static str, Self)] = &[("events", Self::Events), ("deaths", Self::Deaths)];
}

/// What to project.
#[derive(Debug, Clone, Default)]
pub struct ProjectionConfig {
    /// Relations as full IRIs; empty means every `bkg:networkRelation` in the store.
    pub relations: Vec<String>,
    /// Relations added to those (e.g. `bkg:originatedFrom`, which is not a network relation by
    /// default); a relation already there is not added twice.
    pub also: Vec<String>,
    /// How to weight ties.
    pub weighting: Weighting,
    /// Keep only supports dated on or after this (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub from: Option<String>,
    /// Keep only supports dated on or before this.
    pub to: Option<String>,
    /// Keep only supports whose best standing has at least this certainty rank.
    pub min_certainty: u8,
    /// Leave out supports that another statement denies or disputes.
    pub exclude_disputed: bool,
    /// Keep unreviewed machine candidates (`bkg:reviewStatus bkg:Candidate`) among the supports.
    pub include_candidates: bool,
}

/// The projected network: a directed multigraph (one edge per tie) plus the evidence behind ties.
#[derive(Debug, Clone, Default)]
pub struct ActorNetwork {
    /// Actors as nodes, ties as edges.
    pub graph: DiGraph<Actor, Tie>,
    /// Evidence for every supporting node, by IRI: summarised for all of them, and complete (see
    /// [`Evidence::id`]) for those passed to [`ActorNetwork::complete`].
    pub evidence: BTreeMap<String, Evidence>,
    /// The relations that were projected, compacted.
    pub relations: Vec<String>,
    /// For an ego network, the IRI of the actor at its centre.
    pub focus: Option<String>,
    /// For an ego network, the [`ActorNetwork::class_ranking`] of the network it was cut from.
    pub classes: Vec<String>,
}

impl ActorNetwork {
    /// The node of an actor given by IRI or compact name.
    pub fn find(&self, name: &str) -> Option<NodeIndex> {
        self.graph
            .node_indices()
            .find(|&n| self.graph[n].iri == name || self.graph[n].id == name)
    }

    /// The ego network of `center`: the actors within `radius` ties of it (ties followed either
    /// way) and every tie among them, with the evidence of those ties.
    pub fn ego(&self, center: NodeIndex, radius: usize) -> ActorNetwork {
        let mut distance: HashMap<NodeIndex, usize> = HashMap::from([(center, 0)]);
        let mut frontier = vec![center];
        for step in 1..=radius {
            let mut next = Vec::new();
            for &n in &frontier {
                for m in self.graph.neighbors_undirected(n) {
                    if let std::collections::hash_map::Entry::Vacant(e) = distance.entry(m) {
                        e.insert(step);
                        next.push(m);
                    }
                }
            }
            frontier = next;
        }
        let graph = self.graph.filter_map(
            |n, actor| distance.contains_key(&n).then(|| actor.clone()),
            |_, tie| Some(tie.clone()),
        );
        let evidence = graph
            .edge_weights()
            .flat_map(|tie| &tie.supports)
            .filter_map(|s| Some((s.clone(), self.evidence.get(s)?.clone())))
            .collect();
        ActorNetwork {
            focus: Some(self.graph[center].iri.clone()),
            classes: self.class_ranking(),
            graph,
            evidence,
            relations: self.relations.clone(),
        }
    }

    /// The classes of the actors (`bkg:` left off, `untyped` for none), most actors first, then
    /// by name: the order in which drawings and exports give classes their colours. An ego network
    /// keeps the ranking of the network it was cut from, so that a class has one colour in both.
    pub fn class_ranking(&self) -> Vec<String> {
        if !self.classes.is_empty() {
            return self.classes.clone();
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for actor in self.graph.node_weights() {
            let class = actor.class.trim_start_matches("bkg:");
            *counts
                .entry(if class.is_empty() { "untyped" } else { class })
                .or_default() += 1;
        }
        let mut order: Vec<(&str, usize)> = counts.into_iter().collect();
        order.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        order.into_iter().map(|(class, _)| class.to_owned()).collect()
    }

    /// The supports of `tie` to show people, and how many more it has: all of them up to
    /// [`LISTED`], else the [`LISTED`] firmest, latest first.
    pub fn listed<'a>(&self, tie: &'a Tie) -> (Vec<&'a String>, usize) {
        if tie.supports.len() <= LISTED {
            return (tie.supports.iter().collect(), 0);
        }
        type Keyed<'k, 's> = (Option<(u8, Option<&'k str>)>, &'s String);
        let mut keyed: Vec<Keyed<'_, 'a>> = tie
            .supports
            .iter()
            .map(|s| (self.evidence.get(s).map(|e| (e.certainty, e.date.as_deref())), s))
            .collect();
        // Firmest first, then latest, then by name.
        let order = |a: &Keyed<'_, '_>, b: &Keyed<'_, '_>| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1));
        keyed.select_nth_unstable_by(LISTED - 1, order);
        keyed.truncate(LISTED);
        keyed.sort_by(order);
        (
            keyed.into_iter().map(|(_, s)| s).collect(),
            tie.supports.len() - LISTED,
        )
    }

    /// Completes the evidence of `iris` (those not complete yet) for people to read: labels,
    /// classes, places and citations.
    ///
    /// # Errors
    /// A storage or query error.
    pub fn complete<'a>(&mut self, store: &dyn Kb, iris: impl IntoIterator<Item = &'a String>) -> Result<()> {
        let wanted: BTreeSet<&String> = iris
            .into_iter()
            .filter(|iri| self.evidence.get(*iri).is_some_and(|e| e.id.is_empty()))
            .collect();
        let wanted: Vec<&String> = wanted.into_iter().collect();
        evidence::complete(store, &mut self.evidence, &wanted)
    }

    /// Completes the evidence of every tie's [`listed`](Self::listed) supports.
    ///
    /// # Errors
    /// A storage or query error.
    pub fn complete_listed(&mut self, store: &dyn Kb) -> Result<()> {
        let listed: BTreeSet<String> = self
            .graph
            .edge_weights()
            .flat_map(|tie| self.listed(tie).0)
            .cloned()
            .collect();
        self.complete(store, &listed)
    }

    /// Completes the evidence of every support.
    ///
    /// # Errors
    /// A storage or query error.
    pub fn complete_all(&mut self, store: &dyn Kb) -> Result<()> {
        let all: Vec<String> = self.evidence.keys().cloned().collect();
        self.complete(store, &all)
    }

    /// The standing label of the firmest evidence behind `tie` (`reported` when it has none).
    pub fn standing(&self, tie: &Tie) -> String {
        tie.supports
            .iter()
            .filter_map(|s| self.evidence.get(s))
            .max_by_key(|ev| ev.certainty)
            .map_or_else(|| "reported".to_owned(), |ev| ev.standing.clone())
    }
}

/// Projects `store` onto an actor network.
///
/// # Errors
/// A storage or query error.
pub fn project(store: &dyn Kb, config: &ProjectionConfig) -> Result<ActorNetwork> {
    let relations: Vec<String> = if config.relations.is_empty() {
        read::relations(store)?
    } else {
        config.relations.clone()
    };
    let mut relations = relations;
    for extra in &config.also {
        if !relations.contains(extra) {
            relations.push(extra.clone());
        }
    }
    // (subject, relation, object) → supports; the relations are read in parallel.
    type Supports = BTreeMap<(String, String), BTreeSet<String>>;
    let read: Vec<Supports> = {
        use rayon::prelude::*;
        relations
            .par_iter()
            .map(|relation| {
                let mut ties = Supports::new();
                read::assertions(store, relation, |assertion| {
                    let entry = ties.entry((assertion.subject, assertion.object)).or_default();
                    if let Some(support) = assertion.support {
                        entry.insert(support);
                    }
                })?;
                Ok(ties)
            })
            .collect::<Result<_>>()?
    };
    let ties: BTreeMap<(String, String, String), BTreeSet<String>> = relations
        .iter()
        .zip(read)
        .flat_map(|(relation, ties)| {
            ties.into_iter()
                .map(move |((s, o), supports)| ((s, relation.clone(), o), supports))
        })
        .collect();
    let all_supports: BTreeSet<String> = ties.values().flatten().cloned().collect();
    let evidence = evidence::summarise(store, &all_supports, config.weighting == Weighting::Deaths)?;

    let mut graph: DiGraph<Actor, Tie> = DiGraph::new();
    let mut index: HashMap<String, NodeIndex> = HashMap::new();
    let mut actors = read::nodes(store, &ties.keys().flat_map(|(s, _, o)| [s, o]).collect())?;
    let mut node = |iri: &str, graph: &mut DiGraph<Actor, Tie>| -> NodeIndex {
        if let Some(n) = index.get(iri) {
            return *n;
        }
        let known = actors.remove(iri).unwrap_or_default();
        let actor = Actor {
            iri: iri.to_owned(),
            id: compact(iri),
            label: known.label.unwrap_or_else(|| compact(iri)),
            class: known.class.unwrap_or_default(),
        };
        let n = graph.add_node(actor);
        index.insert(iri.to_owned(), n);
        n
    };
    for ((s, relation, o), supports) in &ties {
        let kept: Vec<&Evidence> = supports
            .iter()
            .filter_map(|e| evidence.get(e))
            .filter(|ev| ev.certainty >= config.min_certainty)
            .filter(|ev| !(config.exclude_disputed && ev.disputed))
            .filter(|ev| config.include_candidates || !ev.candidate)
            .filter(|ev| ev.within(config.from.as_deref(), config.to.as_deref()))
            .collect();
        let asserted_only = supports.is_empty();
        if !asserted_only && kept.is_empty() {
            continue;
        }
        if asserted_only && (config.from.is_some() || config.to.is_some() || config.min_certainty > 5) {
            // A plain triple has no date and counts as reported: it cannot pass these filters.
            continue;
        }
        let weight = match config.weighting {
            Weighting::Events => kept.len().max(1) as f64,
            Weighting::Deaths => kept.iter().map(|e| e.deaths as f64).sum(),
        };
        let dates: Vec<&String> = kept.iter().filter_map(|e| e.date.as_ref()).collect();
        let tie = Tie {
            relation: compact(relation),
            supports: kept.iter().map(|e| e.iri.clone()).collect(),
            weight,
            certainty: kept.iter().map(|e| e.certainty).max().unwrap_or(5),
            disputed: kept.iter().any(|e| e.disputed),
            first_date: dates.iter().min().map(|d| (*d).clone()),
            last_date: dates.iter().max().map(|d| (*d).clone()),
        };
        let a = node(s, &mut graph);
        let b = node(o, &mut graph);
        graph.add_edge(a, b, tie);
    }
    Ok(ActorNetwork {
        graph,
        evidence,
        relations: relations.iter().map(|r| compact(r)).collect(),
        focus: None,
        classes: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn network_with(supports: &[(&str, u8, Option<&str>)]) -> (ActorNetwork, Tie) {
        let mut network = ActorNetwork::default();
        for (iri, certainty, date) in supports {
            let ev = Evidence {
                iri: (*iri).to_owned(),
                certainty: *certainty,
                date: date.map(str::to_owned),
                ..Evidence::default()
            };
            network.evidence.insert((*iri).to_owned(), ev);
        }
        let tie = Tie {
            relation: "bkg:attacked".into(),
            supports: supports.iter().map(|(iri, ..)| (*iri).to_owned()).collect(),
            weight: supports.len() as f64,
            certainty: 5,
            disputed: false,
            first_date: None,
            last_date: None,
        };
        (network, tie)
    }

    #[test]
    fn a_tie_with_few_supports_lists_them_all_in_their_order() {
        let (network, tie) = network_with(&[("ev:b", 2, None), ("ev:a", 6, Some("2020"))]);
        let (listed, more) = network.listed(&tie);
        assert_eq!(listed, [&"ev:b".to_owned(), &"ev:a".to_owned()]);
        assert_eq!(more, 0);
    }

    #[test]
    fn a_tie_with_many_supports_lists_the_firmest_latest_and_counts_the_rest() {
        let mut supports: Vec<(String, u8, Option<String>)> = (0..LISTED + 5)
            .map(|i| (format!("ev:{i:02}"), 5, Some(format!("2020-01-{:02}", i + 1))))
            .collect();
        supports[0].1 = 6; // the earliest, but confirmed
        supports[3].2 = None; // undated: after every dated one of its standing
        let borrowed: Vec<(&str, u8, Option<&str>)> = supports
            .iter()
            .map(|(iri, c, d)| (iri.as_str(), *c, d.as_deref()))
            .collect();
        let (network, tie) = network_with(&borrowed);
        let (listed, more) = network.listed(&tie);
        assert_eq!(more, 5);
        let names: Vec<&str> = listed.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            names,
            ["ev:00", "ev:14", "ev:13", "ev:12", "ev:11", "ev:10", "ev:09", "ev:08", "ev:07", "ev:06"]
        );
    }
}
