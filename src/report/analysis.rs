//! Computes everything the actor-network report shows from a projected network: size, centralities
//! (networkx definitions), brokers, communities, strongest and disputed ties, per-actor profiles.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use petgraph::graph::{DiGraph, NodeIndex, UnGraph};
use petgraph::visit::EdgeRef;

use crate::network::{
    articulation_points, betweenness_centrality, bridges, closeness_centrality, connected_components,
    degree_centrality, eigenvector_centrality, in_degree_centrality, katz_centrality,
    louvain_communities_weighted, modularity_weighted, out_degree_centrality, pagerank_weighted,
    EigenvectorParams, KatzParams, LouvainParams, PageRankParams,
};
use crate::projection::{ActorNetwork, Tie, Weighting};

/// A measure the report computes, with the networkx function it matches.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Measure {
    /// Short key (`betweenness`).
    pub key: &'static str,
    /// Name for people.
    pub name: &'static str,
    /// The networkx call with the same definition and normalisation.
    pub networkx: &'static str,
}

/// The measures, in report order.
pub const MEASURES: &[Measure] = &[
    Measure {
        key: "degree",
        name: "degree",
        networkx: "degree_centrality(G) — (in+out) degree / (n-1)",
    },
    Measure {
        key: "in_degree",
        name: "in-degree",
        networkx: "in_degree_centrality(G)",
    },
    Measure {
        key: "out_degree",
        name: "out-degree",
        networkx: "out_degree_centrality(G)",
    },
    Measure {
        key: "betweenness",
        name: "betweenness",
        networkx: "betweenness_centrality(G, normalized=True)",
    },
    Measure {
        key: "closeness",
        name: "closeness",
        networkx: "closeness_centrality(G, wf_improved=True) — incoming distances",
    },
    Measure {
        key: "eigenvector",
        name: "eigenvector",
        networkx: "eigenvector_centrality(G.to_undirected(), max_iter=1000)",
    },
    Measure {
        key: "pagerank",
        name: "PageRank",
        networkx: "pagerank(G, alpha=0.85, weight='weight')",
    },
    Measure {
        key: "katz",
        name: "Katz",
        networkx: "katz_centrality(G, alpha=0.1, beta=1.0, normalized=True)",
    },
];

/// One actor's row.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ActorRow {
    /// Compact IRI.
    pub id: String,
    /// Label.
    pub label: String,
    /// Class, compacted.
    pub class: String,
    /// Measure key → value (Katz and eigenvector absent when they do not converge).
    pub measures: BTreeMap<&'static str, f64>,
    /// Louvain community number (1-based, largest first).
    pub community: usize,
    /// Whether removing it disconnects the (undirected) network.
    pub articulation_point: bool,
    /// Its ties out, per relation, and in, per relation.
    pub out_ties: BTreeMap<String, usize>,
    /// Ties pointing at it, per relation.
    pub in_ties: BTreeMap<String, usize>,
}

/// A ranked entry.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Ranked {
    /// Compact IRI.
    pub id: String,
    /// Label.
    pub label: String,
    /// Value.
    pub value: f64,
}

/// One event or fact behind a tie, as the report shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TieEvidence {
    /// Compact IRI.
    pub id: String,
    /// Label.
    pub label: String,
    /// Class.
    pub class: String,
    /// Date as stated or resolved.
    pub date: String,
    /// Best standing.
    pub standing: String,
    /// Sources as `NNN#S` (file prefix and sentence).
    pub sources: Vec<String>,
}

/// A tie as the report shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct TieRow {
    /// Source actor label.
    pub from: String,
    /// Target actor label.
    pub to: String,
    /// Relation, compacted.
    pub relation: String,
    /// Weight.
    pub weight: f64,
    /// Best standing label.
    pub standing: String,
    /// Disputed?
    pub disputed: bool,
    /// Evidence: the supports [`ActorNetwork::listed`] shows.
    pub evidence: Vec<TieEvidence>,
    /// Supports not listed in `evidence`.
    #[serde(skip_serializing_if = "is_zero")]
    pub more: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// Everything the report shows.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    /// What part of the network the report covers, when not all of it (an ego network).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Actors in the network.
    pub actors: usize,
    /// Ties (one per relation and ordered pair).
    pub ties: usize,
    /// Distinct ordered pairs with at least one tie.
    pub pairs: usize,
    /// Density of the directed simple graph: pairs / (n(n-1)).
    pub density: f64,
    /// Weakly connected components.
    pub components: usize,
    /// Actors in the largest component.
    pub largest_component: usize,
    /// Ties per relation.
    pub relations: Vec<(String, usize)>,
    /// How ties are weighted.
    pub weighting: Weighting,
    /// Whether measures were computed on the directed graph.
    pub directed: bool,
    /// The measures and their networkx definitions.
    pub measures: Vec<Measure>,
    /// Top actors per measure key.
    pub top: Vec<(&'static str, Vec<Ranked>)>,
    /// Actors whose removal disconnects the network.
    pub articulation_points: Vec<String>,
    /// Ties whose removal disconnects the network (labels of both ends).
    pub bridges: Vec<(String, String)>,
    /// Communities (Louvain, seed 1), largest first: labels.
    pub communities: Vec<Vec<String>>,
    /// Modularity of that partition.
    pub modularity: f64,
    /// The heaviest ties with their evidence.
    pub strongest_ties: Vec<TieRow>,
    /// Ties with a denied or disputed support.
    pub disputed_ties: Vec<TieRow>,
    /// One row per actor, by label.
    pub rows: Vec<ActorRow>,
}

/// How many entries the top lists hold.
pub const TOP: usize = 10;

/// The weight of several ties taken together: each supporting event counts once, whichever tie
/// it supports; a tie without supports (a plain asserted triple) counts as one event without deaths.
fn joint_weight(ties: &[&Tie], network: &ActorNetwork, weighting: Weighting) -> f64 {
    let mut events: BTreeSet<&str> = BTreeSet::new();
    let mut plain = 0_usize;
    for tie in ties {
        if tie.supports.is_empty() {
            plain += 1;
        } else {
            events.extend(tie.supports.iter().map(String::as_str));
        }
    }
    match weighting {
        Weighting::Events => (events.len() + plain) as f64,
        Weighting::Deaths => events
            .iter()
            .filter_map(|e| network.evidence.get(*e))
            .map(|e| e.deaths as f64)
            .sum(),
    }
}

/// Analyses `network`.
///
/// Centralities run on the simple directed graph in which all ties from one actor to another make
/// one edge whose weight is the sum of theirs; eigenvector centrality runs on its undirected view,
/// where it is defined for every connected graph. Communities and bridges use the undirected view.
pub fn analyse(network: &ActorNetwork, weighting: Weighting, directed: bool) -> Report {
    let g = &network.graph;
    let n = g.node_count();
    let mut simple: DiGraph<NodeIndex, f64> = DiGraph::with_capacity(n, g.edge_count());
    for node in g.node_indices() {
        simple.add_node(node);
    }
    // Ties between the same actors merge into one edge; an event supporting several of them (an
    // attack and a clash, or a symmetric tie's two directions) counts once.
    let mut directed_ties: BTreeMap<(usize, usize), Vec<&Tie>> = BTreeMap::new();
    let mut undirected_ties: BTreeMap<(usize, usize), Vec<&Tie>> = BTreeMap::new();
    for e in g.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        if a != b {
            directed_ties.entry((a, b)).or_default().push(e.weight());
            undirected_ties
                .entry((a.min(b), a.max(b)))
                .or_default()
                .push(e.weight());
        }
    }
    for (&(a, b), ties) in &directed_ties {
        simple.add_edge(
            NodeIndex::new(a),
            NodeIndex::new(b),
            joint_weight(ties, network, weighting),
        );
    }
    let mut undirected: UnGraph<NodeIndex, f64> = UnGraph::with_capacity(n, undirected_ties.len());
    for node in g.node_indices() {
        undirected.add_node(node);
    }
    for (&(a, b), ties) in &undirected_ties {
        undirected.add_edge(
            NodeIndex::new(a),
            NodeIndex::new(b),
            joint_weight(ties, network, weighting),
        );
    }
    let eigen = EigenvectorParams {
        max_iter: 1000,
        ..EigenvectorParams::default()
    };
    let mut values: Vec<(&'static str, Option<Vec<f64>>)> = if directed {
        vec![
            ("degree", Some(degree_centrality(&simple))),
            ("in_degree", Some(in_degree_centrality(&simple))),
            ("out_degree", Some(out_degree_centrality(&simple))),
            ("betweenness", Some(betweenness_centrality(&simple))),
            ("closeness", Some(closeness_centrality(&simple, true))),
            ("eigenvector", eigenvector_centrality(&undirected, eigen).ok()),
            (
                "pagerank",
                pagerank_weighted(&simple, |e| *e.weight(), PageRankParams::default()).ok(),
            ),
            ("katz", katz_centrality(&simple, KatzParams::default()).ok()),
        ]
    } else {
        vec![
            ("degree", Some(degree_centrality(&undirected))),
            ("betweenness", Some(betweenness_centrality(&undirected))),
            ("closeness", Some(closeness_centrality(&undirected, true))),
            ("eigenvector", eigenvector_centrality(&undirected, eigen).ok()),
            (
                "pagerank",
                pagerank_weighted(&undirected, |e| *e.weight(), PageRankParams::default()).ok(),
            ),
            ("katz", katz_centrality(&undirected, KatzParams::default()).ok()),
        ]
    };
    values.retain(|(_, v)| v.is_some());
    let values: Vec<(&'static str, Vec<f64>)> = values
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();

    let communities = louvain_communities_weighted(
        &undirected,
        |e| *e.weight(),
        LouvainParams {
            seed: 1,
            ..LouvainParams::default()
        },
    )
    .unwrap_or_else(|_| vec![undirected.node_indices().collect()]);
    let mut communities = communities;
    communities.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    let modularity = modularity_weighted(&undirected, &communities, |e| *e.weight()).unwrap_or(0.0);
    let mut community_of: HashMap<usize, usize> = HashMap::new();
    for (i, members) in communities.iter().enumerate() {
        for m in members {
            community_of.insert(m.index(), i + 1);
        }
    }
    let cut_points: Vec<usize> = articulation_points(&undirected)
        .iter()
        .map(|n| n.index())
        .collect();
    let components = connected_components(&undirected);

    let label = |i: usize| g[NodeIndex::new(i)].label.clone();
    let mut rows: Vec<ActorRow> = g
        .node_indices()
        .map(|node| {
            let i = node.index();
            let mut out_ties = BTreeMap::new();
            let mut in_ties = BTreeMap::new();
            for e in g.edges_directed(node, petgraph::Direction::Outgoing) {
                *out_ties.entry(e.weight().relation.clone()).or_default() += 1;
            }
            for e in g.edges_directed(node, petgraph::Direction::Incoming) {
                *in_ties.entry(e.weight().relation.clone()).or_default() += 1;
            }
            ActorRow {
                id: g[node].id.clone(),
                label: g[node].label.clone(),
                class: g[node].class.clone(),
                measures: values
                    .iter()
                    .map(|(k, v)| (*k, v.get(i).copied().unwrap_or(0.0)))
                    .collect(),
                community: community_of.get(&i).copied().unwrap_or(0),
                articulation_point: cut_points.contains(&i),
                out_ties,
                in_ties,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        a.label
            .to_lowercase()
            .cmp(&b.label.to_lowercase())
            .then_with(|| a.id.cmp(&b.id))
    });

    let top = values
        .iter()
        .map(|(key, v)| {
            let mut ranked: Vec<Ranked> = g
                .node_indices()
                .map(|node| Ranked {
                    id: g[node].id.clone(),
                    label: g[node].label.clone(),
                    value: v.get(node.index()).copied().unwrap_or(0.0),
                })
                .filter(|r| r.value > 0.0)
                .collect();
            ranked.sort_by(|a, b| b.value.total_cmp(&a.value).then_with(|| a.label.cmp(&b.label)));
            ranked.truncate(TOP);
            (*key, ranked)
        })
        .collect();

    let tie_row = |e: petgraph::graph::EdgeReference<'_, crate::projection::Tie>| {
        let tie = e.weight();
        let (listed, more) = network.listed(tie);
        let evidence: Vec<TieEvidence> = listed
            .into_iter()
            .filter_map(|s| network.evidence.get(s))
            .map(|ev| TieEvidence {
                id: ev.id.clone(),
                label: ev.label.clone(),
                class: ev.class.clone(),
                date: [
                    ev.date_text.clone(),
                    ev.date
                        .as_deref()
                        .map(|d| format!("[{}]", crate::dates::words(d))),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" "),
                standing: ev.standing.clone(),
                sources: ev
                    .citations
                    .iter()
                    .map(crate::projection::Citation::short)
                    .collect(),
            })
            .collect();
        TieRow {
            from: g[e.source()].label.clone(),
            to: g[e.target()].label.clone(),
            relation: tie.relation.clone(),
            weight: tie.weight,
            standing: network.standing(tie),
            disputed: tie.disputed,
            evidence,
            more,
        }
    };
    let mut by_weight: Vec<_> = g.edge_references().collect();
    by_weight.sort_by(|a, b| {
        b.weight()
            .weight
            .total_cmp(&a.weight().weight)
            .then_with(|| g[a.source()].label.cmp(&g[b.source()].label))
            .then_with(|| g[a.target()].label.cmp(&g[b.target()].label))
            .then_with(|| a.weight().relation.cmp(&b.weight().relation))
    });
    // A symmetric relation is derived in both directions; list each such pair once.
    let mut seen: std::collections::HashSet<(String, usize, usize)> = std::collections::HashSet::new();
    let once: Vec<_> = by_weight
        .iter()
        .filter(|e| {
            let (a, b) = (e.source().index(), e.target().index());
            let mirrored = g
                .edges_connecting(e.target(), e.source())
                .any(|m| m.weight().relation == e.weight().relation);
            !mirrored || seen.insert((e.weight().relation.clone(), a.min(b), a.max(b)))
        })
        .copied()
        .collect();
    let strongest_ties = once.iter().take(TOP).map(|e| tie_row(*e)).collect();
    let disputed_ties = once
        .iter()
        .filter(|e| e.weight().disputed)
        .map(|e| tie_row(*e))
        .collect();

    let mut relations: BTreeMap<String, usize> = BTreeMap::new();
    for e in g.edge_references() {
        *relations.entry(e.weight().relation.clone()).or_default() += 1;
    }
    let mut relations: Vec<(String, usize)> = relations.into_iter().collect();
    relations.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));

    Report {
        scope: None,
        actors: n,
        ties: g.edge_count(),
        pairs: directed_ties.len(),
        density: if n > 1 {
            directed_ties.len() as f64 / (n * (n - 1)) as f64
        } else {
            0.0
        },
        components: components.len(),
        largest_component: components.iter().map(Vec::len).max().unwrap_or(0),
        relations,
        weighting,
        directed,
        measures: MEASURES
            .iter()
            .filter(|m| values.iter().any(|(k, _)| *k == m.key))
            .cloned()
            .collect(),
        top,
        articulation_points: cut_points.iter().map(|&i| label(i)).collect(),
        bridges: bridges(&undirected)
            .iter()
            .map(|(a, b)| (label(a.index()), label(b.index())))
            .collect(),
        communities: communities
            .iter()
            .map(|members| {
                let mut names: Vec<String> = members.iter().map(|m| label(m.index())).collect();
                names.sort_by_key(|s| s.to_lowercase());
                names
            })
            .collect(),
        modularity,
        strongest_ties,
        disputed_ties,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::Evidence;

    fn tie(relation: &str, supports: &[&str]) -> Tie {
        Tie {
            relation: relation.into(),
            supports: supports.iter().map(|s| (*s).to_owned()).collect(),
            weight: 0.0,
            certainty: 5,
            disputed: false,
            first_date: None,
            last_date: None,
        }
    }

    #[test]
    fn event_behind_two_relations_was_counted_twice() {
        let mut network = ActorNetwork::default();
        for (iri, deaths) in [("ev:clash", 5), ("ev:raid", 2)] {
            network.evidence.insert(
                iri.into(),
                Evidence {
                    iri: iri.into(),
                    deaths,
                    ..Evidence::default()
                },
            );
        }
        let (attacked, clashed, back) = (
            tie("bkg:attacked", &["ev:clash", "ev:raid"]),
            tie("bkg:clashedWith", &["ev:clash"]),
            tie("bkg:clashedWith", &["ev:clash"]),
        );
        let ties = [&attacked, &clashed, &back];
        assert_eq!(joint_weight(&ties, &network, Weighting::Deaths), 7.0);
        assert_eq!(joint_weight(&ties, &network, Weighting::Events), 2.0);
        let plain = tie("bkg:borders", &[]);
        assert_eq!(
            joint_weight(&[&plain, &clashed], &network, Weighting::Events),
            2.0
        );
        assert_eq!(joint_weight(&[&plain], &network, Weighting::Deaths), 0.0);
    }
}
