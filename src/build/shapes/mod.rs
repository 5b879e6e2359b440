//! Checks the graph against the SHACL shapes of the ontology. The checker implements this part of
//! SHACL Core, to the specification:
//! - targets: `sh:targetClass` (with subclasses), `sh:targetNode`, `sh:targetSubjectsOf`,
//!   `sh:targetObjectsOf`, and a node shape that is also a class;
//! - on `sh:property` shapes, any SHACL path (predicate, sequence, alternative, inverse,
//!   zero-or-more, one-or-more, zero-or-one) with `sh:minCount`, `sh:maxCount`, `sh:class`,
//!   `sh:datatype` (wrong type or an invalid text), `sh:nodeKind` (all six kinds), `sh:in` (term
//!   identity) and `sh:or` over members that give `sh:datatype` and/or `sh:class`;
//! - `sh:deactivated`, and `sh:severity sh:Violation`.
//!
//! It is closed-world: any other SHACL construct (a constraint on the node shape itself, `sh:node`,
//! `sh:closed`, `sh:pattern`, another severity, …) stops the build with a message naming it,
//! instead of being skipped.

mod check;
mod direct;
mod graph;
mod literal;
mod path;
mod read;
mod scan;
mod stream;

pub use check::Closures;
pub use stream::StreamCheck;

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::{GraphName, NamedNode};
use oxigraph::store::Store;

use crate::error::{Error, Result, Violation};
use crate::query::Scope;
use crate::vocab::{DERIVED_GRAPH, ONTOLOGY_GRAPH};

/// Validates `store` against every `sh:NodeShape` in it.
///
/// `origins` gives, for the nodes that break a shape (N-Triples form), the files describing them,
/// for the messages; it is called only when something is wrong.
///
/// # Errors
/// [`Error::Shapes`] with every violation found, or a store/query error.
pub fn validate(store: &Store, set: &ShapeSet, allow_none: bool, origins: &Origins<'_>) -> Result<()> {
    validate_scanning_from(store, set, allow_none, origins, direct::SCAN_FROM)
}

/// As [`validate`], scanning the predicates of a shape that has `scan_from` focus nodes or more.
fn validate_scanning_from(
    store: &Store,
    set: &ShapeSet,
    allow_none: bool,
    origins: &Origins<'_>,
    scan_from: usize,
) -> Result<()> {
    let shapes = read_supported(store, set, origins)?;
    if shapes.is_empty() && !allow_none {
        return Err(Error::Missing(
            "the ontology has no SHACL shapes (sh:NodeShape), so nothing would be validated: \
             restore ontology/shapes.ttl, or pass --allow-no-shapes if that is intended"
                .into(),
        ));
    }
    let scope = set.scope();
    let mut found = Vec::new();
    let mut closures = check::Closures::default();
    let mut graphs = direct::Graphs::new(store, &scope);
    for shape in &shapes {
        check_whole(
            store,
            &scope,
            shape,
            &mut graphs,
            &mut closures,
            &mut found,
            scan_from,
        )?;
    }
    outcome(found, origins)
}

/// The shapes of `set`, or the constructs the checker refuses.
fn read_supported(store: &Store, set: &ShapeSet, origins: &Origins<'_>) -> Result<Vec<read::NodeShape>> {
    let (shapes, refused) = read::read(store, set)?;
    if refused.is_empty() {
        Ok(shapes)
    } else {
        Err(Error::UnsupportedShapes(with_files(refused, origins)))
    }
}

/// Checks `shape` on every one of its focus nodes in `scope`.
fn check_whole(
    store: &Store,
    scope: &Scope,
    shape: &read::NodeShape,
    graphs: &mut direct::Graphs<'_>,
    closures: &mut check::Closures,
    found: &mut Vec<Keyed>,
    scan_from: usize,
) -> Result<()> {
    let mut focus = None;
    for property in &shape.properties {
        let Some(predicate) = &property.path.predicate else {
            check::check(store, shape, property, scope, closures, found)?;
            continue;
        };
        if focus.is_none() {
            focus = Some(scan::Focus::find(graphs, shape, closures, scan_from)?);
        }
        if let Some(focus) = &mut focus {
            focus.check(graphs, store, shape, property, predicate, closures, found)?;
        }
    }
    Ok(())
}

/// Checks the one-predicate property shapes of `shape` on `focus`, which must be focus nodes of
/// the shape.
fn check_nodes(
    store: &Store,
    shape: &read::NodeShape,
    focus: &[oxigraph::model::Term],
    values: &mut impl direct::Values,
    closures: &mut check::Closures,
    found: &mut Vec<Keyed>,
) -> Result<()> {
    for property in &shape.properties {
        if let Some(predicate) = &property.path.predicate {
            direct::check(values, store, focus, property, predicate, closures, found)?;
        }
    }
    Ok(())
}

/// `Ok` when nothing was found, else every violation with the files describing its node.
fn outcome(found: Vec<Keyed>, origins: &Origins<'_>) -> Result<()> {
    let violations = with_files(found, origins);
    if violations.is_empty() {
        Ok(())
    } else {
        Err(Error::Shapes(violations))
    }
}

/// Names the files describing each node (keyed by its N-Triples form), sorted and deduplicated.
fn with_files(found: Vec<Keyed>, origins: &Origins<'_>) -> Vec<Violation> {
    let keys: BTreeSet<String> = found.iter().map(|(k, _)| k.clone()).collect();
    let files = if keys.is_empty() {
        BTreeMap::new()
    } else {
        origins(&keys)
    };
    let mut violations: Vec<Violation> = found
        .into_iter()
        .map(|(key, mut v)| {
            v.files = files
                .get(&key)
                .map(|s| s.iter().cloned().collect())
                .unwrap_or_default();
            v
        })
        .collect();
    violations.sort_by(|a, b| (&a.node, &a.property, &a.message).cmp(&(&b.node, &b.property, &b.message)));
    violations.dedup();
    violations
}

/// A violation keyed by its node's N-Triples form, before the files describing it are known.
type Keyed = (String, Violation);

/// Gives the files that describe each of a set of nodes (N-Triples form).
pub type Origins<'a> = dyn Fn(&BTreeSet<String>) -> BTreeMap<String, BTreeSet<String>> + 'a;

/// Which shapes to check, against which graphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShapeSet {
    /// The shapes without a `bkg:shapeScope`, over the curated data, the ontology and what the rules
    /// derived.
    Curated,
    /// The shapes scoped to `bkg:DatasetImport`, over one import graph and the ontology.
    Import(NamedNode),
}

impl ShapeSet {
    fn scope(&self) -> Scope {
        let ontology = GraphName::NamedNode(ONTOLOGY_GRAPH.into_owned());
        match self {
            Self::Curated => Scope::Graphs(vec![
                GraphName::DefaultGraph,
                ontology,
                GraphName::NamedNode(DERIVED_GRAPH.into_owned()),
            ]),
            Self::Import(graph) => Scope::Graphs(vec![GraphName::NamedNode(graph.clone()), ontology]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::io::RdfFormat;

    const EX: &str = "http://example.org/";

    fn store_from(trig: &str) -> Store {
        let store = Store::new().expect("store");
        store
            .load_from_reader(RdfFormat::TriG, trig.as_bytes())
            .expect("fixture parses");
        store
    }

    /// The violations of the curated shapes on `store`, scanning from `scan_from` focus nodes.
    fn violations(store: &Store, scan_from: usize) -> std::result::Result<Vec<Violation>, Error> {
        match validate_scanning_from(store, &ShapeSet::Curated, true, &|_| BTreeMap::new(), scan_from) {
            Ok(()) => Ok(Vec::new()),
            Err(Error::Shapes(v)) => Ok(v),
            Err(e) => Err(e),
        }
    }

    /// The nodes that break a curated shape, each once.
    fn outcome(store: &Store) -> std::result::Result<Vec<String>, Error> {
        let mut nodes: Vec<String> = violations(store, direct::SCAN_FROM)?
            .into_iter()
            .map(|v| v.node)
            .collect();
        nodes.dedup();
        Ok(nodes)
    }

    /// Every fixture in tests/fixtures/shacl states on its first line what SHACL says of it:
    /// `conforms`, `fails NODE…` (the focus nodes with results) or `refused CONSTRUCT`.
    /// (tests/shacl.rs checks the same expectations against an independent SHACL validator.)
    #[test]
    fn shacl_fixtures_give_the_results_the_specification_defines() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shacl");
        let mut checked = 0;
        for entry in std::fs::read_dir(&folder).expect("fixtures") {
            let path = entry.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("read");
            let expect = text
                .lines()
                .next()
                .and_then(|l| l.strip_prefix("# expect: "))
                .expect("expectation line");
            let name = path.display();
            let store = store_from(&text);
            let (kind, rest) = expect.split_once(' ').unwrap_or((expect, ""));
            match (kind, outcome(&store)) {
                ("conforms", Ok(nodes)) => assert!(nodes.is_empty(), "{name}: {nodes:?}"),
                ("fails", Ok(nodes)) => {
                    let mut wanted: Vec<String> = rest
                        .split_whitespace()
                        .map(|n| format!("<{EX}{}>", n.trim_start_matches("ex:")))
                        .collect();
                    wanted.sort();
                    assert_eq!(nodes, wanted, "{name}");
                }
                ("refused", Err(Error::UnsupportedShapes(v))) => {
                    assert!(v.iter().any(|v| v.property == rest), "{name}: {v:?}");
                }
                (_, other) => panic!("{name}: expected {expect}, got {other:?}"),
            }
            checked += 1;
        }
        assert!(checked >= 25, "only {checked} fixtures");
    }

    /// The scan that checks shapes of many focus nodes keeps a digest and a count per node, and
    /// names the nodes with too few or too many values in a second pass: on every fixture, forced
    /// on, it gives the violations (nodes, properties, messages) of looking up each node.
    #[test]
    fn shape_check_by_scanning_predicates_finds_what_looking_up_each_node_finds() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shacl");
        let mut compared = 0;
        for entry in std::fs::read_dir(&folder).expect("fixtures") {
            let path = entry.expect("entry").path();
            let store = store_from(&std::fs::read_to_string(&path).expect("read"));
            let found = |scan_from| violations(&store, scan_from).map_err(|e| e.to_string());
            let looked_up = found(usize::MAX);
            assert_eq!(found(0), looked_up, "{}", path.display());
            compared += usize::from(looked_up.is_ok_and(|v| !v.is_empty()));
        }
        assert!(compared >= 10, "only {compared} fixtures with violations");
    }

    /// A triple both stated and derived is one value, not two, whichever way the values are read.
    #[test]
    fn shape_check_counts_a_triple_held_in_two_checked_graphs_once() {
        let store = store_from(&format!(
            "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <{EX}> .
             GRAPH {ONTOLOGY_GRAPH} {{ ex:S a sh:NodeShape ; sh:targetClass ex:C ;
               sh:property [ sh:path ex:p ; sh:minCount 2 ; sh:maxCount 1 ] . }}
             ex:a a ex:C ; ex:p ex:v .
             GRAPH {DERIVED_GRAPH} {{ ex:a ex:p ex:v . ex:b a ex:C . }}"
        ));
        for scan_from in [0, usize::MAX] {
            let found = violations(&store, scan_from).expect("checked");
            let messages: Vec<(&str, &str)> = found
                .iter()
                .map(|v| (v.node.as_str(), v.message.as_str()))
                .collect();
            assert_eq!(
                messages,
                [
                    ("<http://example.org/a>", "has 1 value(s), needs at least 2"),
                    ("<http://example.org/b>", "has 0 value(s), needs at least 2")
                ],
                "scanning from {scan_from} focus nodes"
            );
        }
    }

    #[test]
    fn skolemised_blank_nodes_count_as_blank_nodes() {
        let store = store_from(&format!(
            "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <{EX}> .
             GRAPH {ONTOLOGY_GRAPH} {{ ex:S a sh:NodeShape ; sh:targetClass ex:C ;
               sh:property [ sh:path ex:p ; sh:nodeKind sh:BlankNode ] . }}
             ex:a a ex:C ; ex:p <{}x1> .",
            crate::vocab::GENID
        ));
        assert_eq!(outcome(&store).expect("checked"), Vec::<String>::new());
    }

    #[test]
    fn refusals_name_every_construct_at_once() {
        let store = store_from(&format!(
            "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <{EX}> .
             GRAPH {ONTOLOGY_GRAPH} {{ ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:closed true ;
               sh:property [ sh:path ex:p ; sh:pattern \"x\" ] . }}"
        ));
        let Err(Error::UnsupportedShapes(v)) = outcome(&store) else {
            panic!("not refused");
        };
        let named: Vec<&str> = v.iter().map(|v| v.property.as_str()).collect();
        assert_eq!(named, ["sh:closed", "sh:pattern"]);
    }
}
