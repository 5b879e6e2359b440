//! `borderkg::network` against networkx: every measure on every fixture of
//! `tests/fixtures/networks/` (written by `make_fixtures.py` there) to 1e-6, Louvain by the
//! modularity it reaches; then properties that must hold on any graph.
#![allow(
    clippy::expect_used,
    clippy::print_stderr,
    reason = "fixture helpers fail the test on a bad fixture, and report each measure's deviation from networkx"
)]

use std::path::PathBuf;

use borderkg::network::{
    articulation_points, betweenness_centrality, betweenness_centrality_weighted, bridges,
    closeness_centrality, closeness_centrality_weighted, connected_components, degree_centrality,
    eigenvector_centrality, eigenvector_centrality_weighted, in_degree_centrality, katz_centrality,
    katz_centrality_weighted, label_propagation_communities, louvain_communities,
    louvain_communities_weighted, modularity, modularity_weighted, out_degree_centrality, pagerank,
    pagerank_weighted, EigenvectorParams, KatzParams, LouvainParams, NetworkError, PageRankParams,
};
use petgraph::graph::{node_index, DiGraph, Graph, NodeIndex, UnGraph};
use petgraph::EdgeType;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use serde::Deserialize;

const TOLERANCE: f64 = 1e-6;
/// How far below networkx's Louvain modularity ours may land (a different random order).
const MODULARITY_SLACK: f64 = 0.02;

#[derive(Deserialize)]
struct Fixture {
    name: String,
    directed: bool,
    nodes: Vec<String>,
    edges: Vec<(usize, usize, f64)>,
    measures: Measures,
}

/// networkx's values, per node in index order; `None` where networkx refuses the measure.
#[derive(Deserialize)]
struct Measures {
    degree: Vec<f64>,
    in_degree: Option<Vec<f64>>,
    out_degree: Option<Vec<f64>>,
    betweenness: Vec<f64>,
    betweenness_weighted: Vec<f64>,
    closeness: Vec<f64>,
    closeness_weighted: Vec<f64>,
    eigenvector: Option<Vec<f64>>,
    eigenvector_weighted: Option<Vec<f64>>,
    pagerank: Vec<f64>,
    pagerank_weighted: Vec<f64>,
    katz: Option<Vec<f64>>,
    katz_weighted: Option<Vec<f64>>,
    articulation_points: Option<Vec<usize>>,
    bridges: Option<Vec<(usize, usize)>>,
    components: Vec<Vec<usize>>,
    louvain_partition: Vec<Vec<usize>>,
    louvain_modularity: f64,
    louvain_partition_weighted: Vec<Vec<usize>>,
    louvain_modularity_weighted: f64,
}

fn load(name: &str) -> Fixture {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/networks")
        .join(format!("{name}.json"));
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    let fixture: Fixture = serde_json::from_str(&text).expect("fixture is valid JSON");
    assert_eq!(fixture.name, name);
    fixture
}

fn build<Ty: EdgeType>(fixture: &Fixture) -> Graph<(), f64, Ty> {
    let mut g = Graph::default();
    for _ in &fixture.nodes {
        g.add_node(());
    }
    for &(a, b, w) in &fixture.edges {
        g.add_edge(node_index(a), node_index(b), w);
    }
    g
}

/// Checks `ours` against networkx's `expected` to [`TOLERANCE`], reports and returns the largest
/// deviation.
fn close(fixture: &str, measure: &str, ours: &[f64], expected: &[f64]) -> f64 {
    assert_eq!(ours.len(), expected.len(), "{fixture} {measure}: lengths differ");
    let deviation = ours
        .iter()
        .zip(expected)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0, f64::max);
    eprintln!("{fixture:>20} {measure:<22} max |ours - networkx| = {deviation:.3e}");
    assert!(
        deviation < TOLERANCE,
        "{fixture} {measure}: deviation {deviation:e}\n ours: {ours:?}\n networkx: {expected:?}"
    );
    deviation
}

/// A power-iteration measure: equal where networkx converged, NotConverged where it did not.
fn close_or_diverges(
    fixture: &str,
    measure: &str,
    ours: Result<Vec<f64>, NetworkError>,
    expected: Option<&Vec<f64>>,
) {
    match expected {
        Some(expected) => {
            close(fixture, measure, &ours.expect("networkx converged"), expected);
        }
        None => {
            assert!(
                matches!(ours, Err(NetworkError::NotConverged { .. })),
                "{fixture} {measure}: networkx did not converge, we gave {ours:?}"
            );
            eprintln!("{fixture:>20} {measure:<22} does not converge, as in networkx");
        }
    }
}

fn indices(nodes: &[NodeIndex]) -> Vec<usize> {
    nodes.iter().map(|n| n.index()).collect()
}

fn as_nodes(parts: &[Vec<usize>]) -> Vec<Vec<NodeIndex>> {
    parts
        .iter()
        .map(|p| p.iter().map(|&i| node_index(i)).collect())
        .collect()
}

/// The measures defined on both kinds of graph.
fn check_shared<Ty: EdgeType + Sync>(fixture: &Fixture) {
    let g = build::<Ty>(fixture);
    let (name, m) = (fixture.name.as_str(), &fixture.measures);
    let weight = |e: petgraph::graph::EdgeReference<'_, f64>| *e.weight();

    close(name, "degree", &degree_centrality(&g), &m.degree);
    close(name, "betweenness", &betweenness_centrality(&g), &m.betweenness);
    let ours = betweenness_centrality_weighted(&g, weight).expect("valid distances");
    close(name, "betweenness weighted", &ours, &m.betweenness_weighted);
    close(name, "closeness", &closeness_centrality(&g, true), &m.closeness);
    let ours = closeness_centrality_weighted(&g, true, weight).expect("valid distances");
    close(name, "closeness weighted", &ours, &m.closeness_weighted);

    let params = EigenvectorParams::default();
    close_or_diverges(
        name,
        "eigenvector",
        eigenvector_centrality(&g, params),
        m.eigenvector.as_ref(),
    );
    let ours = eigenvector_centrality_weighted(&g, weight, params);
    close_or_diverges(
        name,
        "eigenvector weighted",
        ours,
        m.eigenvector_weighted.as_ref(),
    );

    let params = PageRankParams::default();
    close(
        name,
        "pagerank",
        &pagerank(&g, params).expect("converges"),
        &m.pagerank,
    );
    let ours = pagerank_weighted(&g, weight, params).expect("converges");
    close(name, "pagerank weighted", &ours, &m.pagerank_weighted);

    let params = KatzParams::default();
    close_or_diverges(name, "katz", katz_centrality(&g, params), m.katz.as_ref());
    let ours = katz_centrality_weighted(&g, weight, params);
    close_or_diverges(name, "katz weighted", ours, m.katz_weighted.as_ref());

    let ours: Vec<Vec<usize>> = connected_components(&g).iter().map(|c| indices(c)).collect();
    assert_eq!(ours, m.components, "{name} components");

    // Modularity of networkx's own partition, then of ours.
    let theirs = modularity(&g, &as_nodes(&m.louvain_partition)).expect("a partition");
    close(name, "modularity", &[theirs], &[m.louvain_modularity]);
    let theirs =
        modularity_weighted(&g, &as_nodes(&m.louvain_partition_weighted), weight).expect("a partition");
    close(
        name,
        "modularity weighted",
        &[theirs],
        &[m.louvain_modularity_weighted],
    );
    let params = LouvainParams {
        seed: 1,
        ..LouvainParams::default()
    };
    let ours = modularity(&g, &louvain_communities(&g, params).expect("valid")).expect("a partition");
    eprintln!(
        "{name:>20} {:<22} ours {ours:.6}, networkx {:.6}",
        "louvain modularity", m.louvain_modularity
    );
    assert!(
        ours >= m.louvain_modularity - MODULARITY_SLACK,
        "{name} louvain: {ours}"
    );
    let parts = louvain_communities_weighted(&g, weight, params).expect("valid");
    let ours = modularity_weighted(&g, &parts, weight).expect("a partition");
    eprintln!(
        "{name:>20} {:<22} ours {ours:.6}, networkx {:.6}",
        "louvain mod. weighted", m.louvain_modularity_weighted
    );
    assert!(
        ours >= m.louvain_modularity_weighted - MODULARITY_SLACK,
        "{name} louvain weighted: {ours}"
    );
}

fn check_undirected(fixture: &Fixture) {
    assert!(!fixture.directed);
    check_shared::<petgraph::Undirected>(fixture);
    let g: UnGraph<(), f64> = build(fixture);
    let m = &fixture.measures;
    let expected = m.articulation_points.as_ref().expect("undirected fixture");
    assert_eq!(
        &indices(&articulation_points(&g)),
        expected,
        "{} articulation points",
        fixture.name
    );
    let ours: Vec<(usize, usize)> = bridges(&g).iter().map(|(a, b)| (a.index(), b.index())).collect();
    assert_eq!(
        &ours,
        m.bridges.as_ref().expect("undirected fixture"),
        "{} bridges",
        fixture.name
    );
}

fn check_directed(fixture: &Fixture) {
    assert!(fixture.directed);
    check_shared::<petgraph::Directed>(fixture);
    let g: DiGraph<(), f64> = build(fixture);
    let m = &fixture.measures;
    let name = fixture.name.as_str();
    close(
        name,
        "in-degree",
        &in_degree_centrality(&g),
        m.in_degree.as_ref().expect("directed"),
    );
    close(
        name,
        "out-degree",
        &out_degree_centrality(&g),
        m.out_degree.as_ref().expect("directed"),
    );
}

#[test]
fn karate_club_matches_networkx() {
    check_undirected(&load("karate_club"));
}

#[test]
fn florentine_families_match_networkx() {
    check_undirected(&load("florentine_families"));
}

#[test]
fn directed_weighted_graph_matches_networkx() {
    check_directed(&load("directed_weighted"));
}

#[test]
fn label_propagation_partitions_the_karate_club() {
    let g: UnGraph<(), f64> = build(&load("karate_club"));
    let parts = label_propagation_communities(&g, 1).expect("converges");
    assert!(modularity(&g, &parts).is_ok(), "not a partition: {parts:?}");
}

/// A simple graph on `n` nodes: `pairs` without self-loops and repeats.
fn simple<Ty: EdgeType>(n: usize, pairs: &[(usize, usize, f64)]) -> Graph<(), f64, Ty> {
    let mut g = Graph::default();
    for _ in 0..n {
        g.add_node(());
    }
    for &(a, b, w) in pairs {
        let (a, b) = (node_index(a), node_index(b));
        if a != b && g.find_edge(a, b).is_none() {
            g.add_edge(a, b, w);
        }
    }
    g
}

fn graphs() -> impl Strategy<Value = (usize, Vec<(usize, usize, f64)>)> {
    (1usize..25).prop_flat_map(|n| {
        (
            Just(n),
            prop::collection::vec((0..n, 0..n, 0.1f64..10.0), 0..3 * n),
        )
    })
}

/// A random simple graph of 300 nodes and about 1,500 weighted edges, the same on every call
/// (SplitMix64 from a fixed seed).
fn random_300<Ty: EdgeType>() -> Graph<(), f64, Ty> {
    let mut state = 0x5eed_u64;
    let mut next = move || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let n = 300;
    let pairs: Vec<(usize, usize, f64)> = (0..1500)
        .map(|_| {
            let a = (next() % n) as usize;
            let b = (next() % n) as usize;
            (a, b, 0.5 + (next() % 8) as f64 * 0.25)
        })
        .collect();
    simple(n as usize, &pairs)
}

/// Every score of every run, as bits.
fn bits(runs: &[Vec<f64>]) -> Vec<Vec<u64>> {
    runs.iter()
        .map(|r| r.iter().map(|x| x.to_bits()).collect())
        .collect()
}

/// The report prints these scores, so they must not move in the last digit from run to run, nor
/// with the number of threads summing them.
#[test]
fn measures_are_the_same_bits_on_every_run() {
    let di = random_300::<petgraph::Directed>();
    let un = random_300::<petgraph::Undirected>();
    let weight = |e: petgraph::graph::EdgeReference<'_, f64>| *e.weight();
    let measures = || {
        vec![
            betweenness_centrality(&di),
            betweenness_centrality(&un),
            betweenness_centrality_weighted(&di, weight).expect("valid distances"),
            betweenness_centrality_weighted(&un, weight).expect("valid distances"),
            closeness_centrality(&di, true),
            closeness_centrality(&un, false),
            pagerank(&di, PageRankParams::default()).expect("converges"),
            pagerank_weighted(&un, weight, PageRankParams::default()).expect("converges"),
            eigenvector_centrality(&un, EigenvectorParams::default()).expect("converges"),
        ]
    };
    let first = bits(&measures());
    for run in 1..5 {
        assert!(bits(&measures()) == first, "run {run} differs from run 0");
    }
    for threads in [1, 3] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        assert!(
            bits(&pool.install(measures)) == first,
            "{threads} threads differ from the default pool"
        );
    }
}

proptest! {
    // Failing cases are kept next to this file (the default looks for a lib.rs beside it).
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn pagerank_sums_to_one((n, pairs) in graphs()) {
        let params = PageRankParams::default();
        let un = simple::<petgraph::Undirected>(n, &pairs);
        let di = simple::<petgraph::Directed>(n, &pairs);
        for pr in [
            pagerank(&un, params),
            pagerank(&di, params),
            pagerank_weighted(&un, |e| *e.weight(), params),
            pagerank_weighted(&di, |e| *e.weight(), params),
        ] {
            let pr = pr.expect("PageRank converges on small graphs");
            prop_assert!((pr.iter().sum::<f64>() - 1.0).abs() < 1e-9, "{pr:?}");
            prop_assert!(pr.iter().all(|&x| x > 0.0));
        }
    }

    #[test]
    fn betweenness_of_a_leaf_is_zero((n, pairs) in graphs()) {
        let g = simple::<petgraph::Undirected>(n, &pairs);
        let hops = betweenness_centrality(&g);
        let weighted = betweenness_centrality_weighted(&g, |e| *e.weight()).expect("valid distances");
        for node in g.node_indices() {
            if g.neighbors(node).count() == 1 {
                prop_assert_eq!(hops[node.index()], 0.0);
                prop_assert_eq!(weighted[node.index()], 0.0);
            }
        }
        // A node with no in- or no out-edges is on no directed path either.
        let d = simple::<petgraph::Directed>(n, &pairs);
        let hops = betweenness_centrality(&d);
        for node in d.node_indices() {
            let ins = d.neighbors_directed(node, petgraph::Incoming).count();
            let outs = d.neighbors_directed(node, petgraph::Outgoing).count();
            if ins == 0 || outs == 0 {
                prop_assert_eq!(hops[node.index()], 0.0);
            }
        }
    }

    #[test]
    fn closeness_is_between_zero_and_one((n, pairs) in graphs(), wf_improved in any::<bool>()) {
        let un = simple::<petgraph::Undirected>(n, &pairs);
        let di = simple::<petgraph::Directed>(n, &pairs);
        for c in [closeness_centrality(&un, wf_improved), closeness_centrality(&di, wf_improved)] {
            prop_assert!(c.iter().all(|x| (0.0..=1.0).contains(x)), "{c:?}");
        }
        // Unit distances are hops.
        let unit = closeness_centrality_weighted(&di, wf_improved, |_| 1.0).expect("valid distances");
        let hops = closeness_centrality(&di, wf_improved);
        for (a, b) in unit.iter().zip(&hops) {
            prop_assert!((a - b).abs() < 1e-12);
        }
    }

    #[test]
    fn louvain_partitions_every_node_once((n, pairs) in graphs(), seed in any::<u64>()) {
        let g = simple::<petgraph::Undirected>(n, &pairs);
        let params = LouvainParams { seed, ..LouvainParams::default() };
        let parts = louvain_communities(&g, params).expect("valid parameters");
        let q = modularity(&g, &parts);
        prop_assert!(q.is_ok(), "{:?}", q);
        prop_assert_eq!(louvain_communities(&g, params).expect("valid parameters"), parts);
    }
}
