//! `borderkg graph` on the seed graph: every format parses, has the report's actors and ties, keeps
//! the evidence's dates where GEXF can place them, and `-o FILE` writes what standard output gets.
#![allow(clippy::expect_used, reason = "tests fail on unexpected errors")]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::Env;
use quick_xml::events::Event;

/// One element of an XML document: its qualified name and attributes.
#[derive(Debug)]
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
}

impl Element {
    fn attr(&self, key: &str) -> &str {
        self.attrs.get(key).map_or("", String::as_str)
    }
}

/// Every element of `xml` in document order, after checking the document is well-formed (tags
/// balanced, attributes and entities valid).
fn elements(xml: &str) -> Vec<Element> {
    let mut reader = quick_xml::Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut out = Vec::new();
    let mut depth = 0usize;
    loop {
        let (e, opens) = match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => (e, true),
            Event::Empty(e) => (e, false),
            Event::End(_) => {
                depth -= 1;
                continue;
            }
            Event::Text(t) => {
                t.unescape().expect("valid entities in text");
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        depth += usize::from(opens);
        let attrs = e
            .attributes()
            .map(|a| {
                let a = a.expect("well-formed attribute");
                let value = a.unescape_value().expect("valid entities").into_owned();
                (String::from_utf8(a.key.as_ref().to_vec()).expect("utf-8"), value)
            })
            .collect();
        let name = String::from_utf8(e.name().as_ref().to_vec()).expect("utf-8");
        out.push(Element { name, attrs });
    }
    assert_eq!(depth, 0, "every element is closed");
    out
}

fn named<'a>(elements: &'a [Element], name: &str) -> Vec<&'a Element> {
    elements.iter().filter(|e| e.name == name).collect()
}

/// The report's actor and tie counts.
fn counts(env: &Env) -> (usize, usize) {
    let v: serde_json::Value = serde_json::from_str(&env.ok(&["report", "--format", "json"])).expect("json");
    let n = |k: &str| usize::try_from(v[k].as_u64().expect(k)).expect("fits");
    (n("actors"), n("ties"))
}

#[test]
fn gexf_has_every_actor_and_tie_and_dates_the_taliban_takeover() {
    let env = Env::built();
    let (actors, ties) = counts(&env);
    let xml = env.ok(&["graph", "--format", "gexf"]);
    let els = elements(&xml);
    let root = &els[0];
    assert_eq!(root.name, "gexf");
    assert_eq!(root.attr("xmlns"), "http://gexf.net/1.3");
    assert_eq!(root.attr("version"), "1.3");
    let graph = named(&els, "graph")[0];
    assert_eq!(graph.attr("defaultedgetype"), "directed");
    assert_eq!(
        (graph.attr("mode"), graph.attr("timeformat")),
        ("dynamic", "date")
    );

    let nodes = named(&els, "node");
    let edges = named(&els, "edge");
    assert_eq!((nodes.len(), edges.len()), (actors, ties));
    assert_eq!(named(&els, "nodes")[0].attr("count"), actors.to_string());
    assert_eq!(named(&els, "edges")[0].attr("count"), ties.to_string());

    let ids: BTreeSet<&str> = nodes.iter().map(|n| n.attr("id")).collect();
    assert_eq!(ids.len(), actors, "node ids are unique");
    let declared: BTreeSet<&str> = named(&els, "attribute").iter().map(|a| a.attr("id")).collect();
    for e in &edges {
        assert!(
            ids.contains(e.attr("source")) && ids.contains(e.attr("target")),
            "{e:?}"
        );
        assert_eq!(e.attr("type"), "directed");
        assert!(
            !e.attr("kind").is_empty() && e.attr("weight").parse::<f64>().is_ok(),
            "{e:?}"
        );
    }
    for v in named(&els, "attvalue") {
        assert!(declared.contains(v.attr("for")), "undeclared attribute {v:?}");
    }

    let takeover = edges
        .iter()
        .find(|e| {
            e.attr("source") == "id:taliban"
                && e.attr("target") == "id:afghanistan"
                && e.attr("kind") == "bkg:controls"
        })
        .expect("the Taliban control Afghanistan");
    assert_eq!(
        (takeover.attr("start"), takeover.attr("end")),
        ("2021-08-01", "2021-08-31")
    );
    assert!(
        edges.iter().any(|e| e.attr("start").is_empty()) && named(&els, "spell").is_empty(),
        "undated ties stay static; no seed tie has supports dated apart"
    );
}

#[test]
fn gexf_under_a_date_window_dates_every_edge() {
    let env = Env::built();
    let xml = env.ok(&["graph", "--format", "gexf", "--from", "2010", "--to", "2022"]);
    let els = elements(&xml);
    let edges = named(&els, "edge");
    assert!(!edges.is_empty());
    for e in edges {
        assert!(
            e.attr("start").len() == 10 && e.attr("end") >= e.attr("start"),
            "{e:?}"
        );
    }
}

#[test]
fn graphml_has_every_actor_and_tie_with_declared_keys() {
    let env = Env::built();
    let (actors, ties) = counts(&env);
    let xml = env.ok(&["graph", "--format", "graphml"]);
    let els = elements(&xml);
    assert_eq!(els[0].name, "graphml");
    assert_eq!(els[0].attr("xmlns"), "http://graphml.graphdrawing.org/xmlns");
    assert_eq!(named(&els, "graph")[0].attr("edgedefault"), "directed");
    let nodes = named(&els, "node");
    let edges = named(&els, "edge");
    assert_eq!((nodes.len(), edges.len()), (actors, ties));

    let keys: BTreeMap<&str, &str> = named(&els, "key")
        .iter()
        .map(|k| (k.attr("id"), k.attr("for")))
        .collect();
    for want in [
        "label",
        "iri",
        "class",
        "relation",
        "weight",
        "certainty",
        "standing",
        "disputed",
        "supports",
        "sources",
    ] {
        assert!(keys.contains_key(want), "key {want}");
    }
    // Each <data> uses a declared key of its parent's domain.
    let mut parent = "";
    for e in &els {
        match e.name.as_str() {
            "node" | "edge" => parent = &e.name,
            "data" => assert_eq!(keys.get(e.attr("key")).copied(), Some(parent), "{e:?}"),
            _ => {}
        }
    }
    let ids: BTreeSet<&str> = nodes.iter().map(|n| n.attr("id")).collect();
    let edge_ids: BTreeSet<&str> = edges.iter().map(|n| n.attr("id")).collect();
    assert_eq!((ids.len(), edge_ids.len()), (actors, ties), "ids are unique");
    for e in &edges {
        assert!(
            ids.contains(e.attr("source")) && ids.contains(e.attr("target")),
            "{e:?}"
        );
    }
}

/// The quoted strings of a DOT line, unescaped just enough to compare (`\"` → `"`); panics on an
/// unterminated string.
fn quoted(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        loop {
            match chars.next().expect("string closed on its line") {
                '"' => break,
                '\\' => s.push(chars.next().expect("escape completed")),
                c => s.push(c),
            }
        }
        out.push(s);
    }
    out
}

#[test]
fn graphviz_draws_the_dot_export_with_every_engine() {
    let env = Env::built();
    let dot = env.dir.path().join("actors.dot");
    env.ok(&["graph", "--format", "dot", "-o", dot.to_str().expect("utf8")]);
    for engine in ["dot", "neato", "sfdp"] {
        let Ok(out) = std::process::Command::new(engine).arg("-Tsvg").arg(&dot).output() else {
            common::skip("Graphviz (Debian package graphviz)");
            return;
        };
        assert!(
            out.status.success(),
            "{engine}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let svg = String::from_utf8_lossy(&out.stdout);
        assert!(
            svg.contains("<svg") && svg.contains(">classes<"),
            "{engine} drew the legend"
        );
    }
}

#[test]
fn dot_is_a_digraph_of_every_actor_and_tie() {
    let env = Env::built();
    let (actors, ties) = counts(&env);
    let dot = env.ok(&["graph", "--format", "dot"]);
    let body: Vec<&str> = dot.lines().filter(|l| !l.starts_with("//")).collect();
    assert_eq!(body.first(), Some(&"digraph actors {"));
    assert_eq!(body.last(), Some(&"}"));
    let statements = &body[1..body.len() - 1];
    let (edges, nodes): (Vec<&str>, Vec<&str>) = statements
        .iter()
        .filter(|l| l.trim_start().starts_with('"'))
        .partition(|l| l.contains("\" -> \""));
    assert_eq!((nodes.len(), edges.len()), (actors, ties));
    let ids: BTreeSet<String> = nodes.iter().map(|l| quoted(l)[0].clone()).collect();
    assert_eq!(ids.len(), actors);
    for line in statements {
        assert!(
            line.ends_with("];") || line.ends_with('}'),
            "statement ends: {line}"
        );
    }
    for e in &edges {
        let q = quoted(e);
        assert!(ids.contains(&q[0]) && ids.contains(&q[1]), "{e}");
        assert!(e.contains("label=\"bkg:") && e.contains("penwidth="), "{e}");
    }
    assert!(
        edges.iter().any(|e| e.contains("style=dashed")),
        "disputed or weakly stated ties are dashed"
    );
    assert!(
        nodes.iter().all(|n| n.contains("fillcolor=\"#")),
        "nodes are filled by class"
    );
}

fn read_csv(path: &std::path::Path) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut r = csv::Reader::from_path(path).expect("opens");
    let header: Vec<String> = r.headers().expect("header").iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|rec| {
            header
                .iter()
                .cloned()
                .zip(rec.expect("record").iter().map(str::to_owned))
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn csv_pair_round_trips_actors_and_ties() {
    let env = Env::built();
    let (actors, ties) = counts(&env);
    let dir = env.dir.path().join("tables");
    env.ok(&[
        "graph",
        "--format",
        "csv",
        "-o",
        dir.to_str().expect("utf-8 path"),
    ]);
    let (node_header, nodes) = read_csv(&dir.join("nodes.csv"));
    let (edge_header, edges) = read_csv(&dir.join("edges.csv"));
    assert_eq!(node_header, ["id", "iri", "label", "class"]);
    assert_eq!(
        edge_header,
        [
            "source",
            "target",
            "relation",
            "weight",
            "certainty",
            "standing",
            "disputed",
            "first_date",
            "last_date",
            "supports",
            "sources"
        ]
    );
    assert_eq!((nodes.len(), edges.len()), (actors, ties));
    let ids: BTreeSet<&str> = nodes.iter().map(|n| n["id"].as_str()).collect();
    assert_eq!(ids.len(), actors);
    for e in &edges {
        assert!(
            ids.contains(e["source"].as_str()) && ids.contains(e["target"].as_str()),
            "{e:?}"
        );
        assert!(
            e["weight"].parse::<f64>().is_ok() && e["certainty"].parse::<u8>().is_ok(),
            "{e:?}"
        );
    }
    let takeover = edges
        .iter()
        .find(|e| {
            e["source"] == "id:taliban" && e["target"] == "id:afghanistan" && e["relation"] == "bkg:controls"
        })
        .expect("the Taliban control Afghanistan");
    assert_eq!(takeover["first_date"], "2021-08");
    assert!(takeover["supports"].contains("ev:taliban-takeover-of-afghanistan"));
    assert!(
        takeover["sources"].split(' ').any(|s| s == "003#5"),
        "{takeover:?}"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&dir).expect("read_dir").collect();
    assert_eq!(leftovers.len(), 2, "no temporary files are left behind");
}

#[test]
fn csv_without_output_names_the_flag() {
    let env = Env::built();
    let err = env.fails(&["graph", "--format", "csv"]);
    assert!(err.contains("-o"), "{err}");
}

#[test]
fn output_file_has_the_bytes_of_standard_output() {
    let env = Env::built();
    for format in ["gexf", "graphml", "dot"] {
        let stdout = env.ok(&["graph", "--format", format]);
        let path = env.dir.path().join(format!("actors.{format}"));
        let quiet = env.ok(&[
            "graph",
            "--format",
            format,
            "-o",
            path.to_str().expect("utf-8 path"),
        ]);
        assert!(quiet.is_empty(), "-o writes nothing to standard output");
        assert_eq!(
            std::fs::read_to_string(&path).expect("written"),
            stdout,
            "{format}"
        );
        assert_eq!(
            env.ok(&["graph", "--format", format]),
            stdout,
            "{format} is deterministic"
        );
    }
}
