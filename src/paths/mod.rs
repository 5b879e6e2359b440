//! `path`: the shortest and k shortest paths between two actors of the projected network, each hop
//! explained by the ties that make it — relation, direction, the events behind them with date,
//! place, standing and claimant — and the source sentences.

mod rank;
mod render;

pub use render::{render_json, render_text};

use std::collections::BTreeSet;
use std::path::Path;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::error::Result;
use crate::network::k_shortest_paths;
use crate::projection::{ActorNetwork, CitedSentence};
use crate::sources::Quoter;

/// An event (or fact) behind a tie of a hop.
#[derive(Debug, Clone, serde::Serialize)]
pub struct HopEvidence {
    /// Compact IRI.
    pub id: String,
    /// Label.
    pub label: String,
    /// Class, compacted.
    pub class: String,
    /// Date as stated, with the resolved value in brackets.
    pub date: Option<String>,
    /// Places.
    pub places: Vec<String>,
    /// The sentences that state it.
    pub sentences: Vec<CitedSentence>,
}

/// One tie between the two actors of a hop.
#[derive(Debug, Clone, serde::Serialize)]
pub struct HopTie {
    /// Relation, compacted.
    pub relation: String,
    /// True when the tie points from the hop's first actor to its second.
    pub forward: bool,
    /// Best standing among its evidence.
    pub standing: String,
    /// Its rank (6 confirmed … 0 denied).
    pub certainty: u8,
    /// Whether a support is denied or disputed.
    pub disputed: bool,
    /// Evidence: the supports [`ActorNetwork::listed`] shows.
    pub evidence: Vec<HopEvidence>,
    /// Supports not listed in `evidence`.
    #[serde(skip_serializing_if = "is_zero")]
    pub more: usize,
    /// Every supporting event (not a stated fact), by IRI: what ranking counts.
    #[serde(skip)]
    pub events: Vec<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One step of a path.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Hop {
    /// Label of the actor the hop leaves.
    pub from: String,
    /// Label of the actor it reaches.
    pub to: String,
    /// The ties that link them (in the direction followed, or both when undirected).
    pub ties: Vec<HopTie>,
}

/// A path with its hops.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FoundPath {
    /// Actor labels along the path.
    pub actors: Vec<String>,
    /// The hops.
    pub hops: Vec<Hop>,
    /// Distinct events (not stated facts) behind its ties.
    pub events: usize,
    /// The standing of its weakest hop (each hop counted by its firmest tie).
    pub weakest: String,
    /// Why it ranks where it does.
    pub rank: String,
}

/// The routes [`find_paths`] weighs: up to `3k + 10` shortest sequences of nodes from `from` to
/// `to`, so that every path of the lengths kept can compete on its evidence.
fn routes(
    network: &ActorNetwork,
    from: NodeIndex,
    to: NodeIndex,
    k: usize,
    directed: bool,
) -> Vec<Vec<usize>> {
    let g = &network.graph;
    let mut adjacency: Vec<Vec<usize>> = vec![Vec::new(); g.node_count()];
    for e in g.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        if a == b {
            continue;
        }
        adjacency[a].push(b);
        if !directed {
            adjacency[b].push(a);
        }
    }
    for list in &mut adjacency {
        list.sort_by_key(|&n| g[NodeIndex::new(n)].label.to_lowercase());
        list.dedup();
    }
    let wanted = k.saturating_mul(3).saturating_add(10);
    k_shortest_paths(&adjacency, from.index(), to.index(), wanted)
}

/// The supports listed for every tie on the routes [`find_paths`] weighs: the evidence to
/// [complete](ActorNetwork::complete) before calling it.
pub fn supports_on_routes(
    network: &ActorNetwork,
    from: NodeIndex,
    to: NodeIndex,
    k: usize,
    directed: bool,
) -> BTreeSet<String> {
    let g = &network.graph;
    let mut out = BTreeSet::new();
    for nodes in routes(network, from, to, k, directed) {
        for pair in nodes.windows(2) {
            let (a, b) = (NodeIndex::new(pair[0]), NodeIndex::new(pair[1]));
            let backward = g.edges_connecting(b, a).filter(|_| !directed);
            for e in g.edges_connecting(a, b).chain(backward) {
                out.extend(network.listed(e.weight()).0.into_iter().cloned());
            }
        }
    }
    out
}

/// Finds up to `k` shortest paths from `from` to `to`, following ties forward only when `directed`.
/// Paths of equal length are ranked by the strength of their evidence: more supporting events
/// first, then the firmer weakest hop (see [`rank`]); each path says why it ranks where it does.
/// With `sources`, every cited sentence carries its text. The evidence of
/// [`supports_on_routes`] is expected to be complete.
///
/// # Errors
/// An unreadable article.
pub fn find_paths(
    network: &ActorNetwork,
    from: NodeIndex,
    to: NodeIndex,
    k: usize,
    directed: bool,
    sources: Option<&Path>,
) -> Result<Vec<FoundPath>> {
    let g = &network.graph;
    let mut quoter = Quoter::new(sources);
    let mut out = Vec::new();
    for nodes in routes(network, from, to, k, directed) {
        let mut hops = Vec::new();
        for pair in nodes.windows(2) {
            let (a, b) = (NodeIndex::new(pair[0]), NodeIndex::new(pair[1]));
            let mut ties = Vec::new();
            let forward = g.edges_connecting(a, b).map(|e| (e, true));
            let backward = g.edges_connecting(b, a).map(|e| (e, false)).filter(|_| !directed);
            for (e, is_forward) in forward.chain(backward) {
                let tie = e.weight();
                let (listed, more) = network.listed(tie);
                let mut evidence = Vec::new();
                for support in listed {
                    let Some(ev) = network.evidence.get(support) else {
                        continue;
                    };
                    evidence.push(HopEvidence {
                        id: ev.id.clone(),
                        label: ev.label.clone(),
                        class: ev.class.clone(),
                        date: ev.date_display(false),
                        places: ev.places.clone(),
                        sentences: CitedSentence::all(ev, &mut quoter)?,
                    });
                }
                ties.push(HopTie {
                    relation: tie.relation.clone(),
                    forward: is_forward,
                    standing: network.standing(tie),
                    certainty: tie.certainty,
                    disputed: tie.disputed,
                    evidence,
                    more,
                    events: tie
                        .supports
                        .iter()
                        .filter(|s| network.evidence.get(*s).is_some_and(|e| !e.fact))
                        .cloned()
                        .collect(),
                });
            }
            hops.push(Hop {
                from: g[a].label.clone(),
                to: g[b].label.clone(),
                ties,
            });
        }
        out.push(FoundPath {
            actors: nodes
                .iter()
                .map(|&n| g[NodeIndex::new(n)].label.clone())
                .collect(),
            hops,
            events: 0,
            weakest: String::new(),
            rank: String::new(),
        });
    }
    Ok(rank::rank(out, k))
}
