//! Writing the projected actor network for other network tools: GEXF 1.3 (Gephi, with time
//! intervals on edges), GraphML, Graphviz DOT, and node/edge CSV.
//!
//! Every format carries the same facts (see [`TieFacts`]): nodes are actors with their IRI, label and
//! class; edges are ties, one per tie (parallel edges between two actors are kept), with relation,
//! weight, certainty rank, standing, dispute flag, dates, supports and sources. Nodes and edges are
//! written in graph order, so the same network gives the same bytes. The XML is written by hand
//! with one escaping function (the `xml` module) rather than with an XML crate: the documents are flat, and
//! the escaping has to go further than quick-xml's (line breaks in attributes, characters XML 1.0
//! forbids), so the crate would save nothing.

mod csv;

mod dot;
mod gexf;
mod graphml;
mod tie;
mod xml;

pub use self::csv::{write_edges_csv, write_nodes_csv, EDGES_FILE, NODES_FILE};
pub use crate::dates::{merge_spells, spell, Spell};
pub use dot::Dot;
pub use gexf::Gexf;
pub use graphml::GraphMl;
pub use tie::{TieFacts, REPORTED_RANK};

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};
use crate::output::write_atomically;
use crate::projection::ActorNetwork;

/// The formats `graph` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphFormat {
    /// GEXF 1.3, with edge time intervals where the evidence is dated.
    Gexf,
    /// GraphML.
    Graphml,
    /// Graphviz DOT.
    Dot,
    /// nodes.csv and edges.csv.
    Csv,
}

impl crate::formats::Named for GraphFormat {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("gexf", Self::Gexf),
        ("graphml", Self::Graphml),
        ("dot", Self::Dot),
        ("gv", Self::Dot),
        ("csv", Self::Csv),
    ];
    const EXTENSIONS: &'static [(&'static str, Self)] = &[
        ("gexf", Self::Gexf),
        ("graphml", Self::Graphml),
        ("dot", Self::Dot),
        ("gv", Self::Dot),
    ];
}

/// A format that is one stream of bytes.
pub trait GraphWriter {
    /// Writes `network` to `out`.
    ///
    /// # Errors
    /// A failed write.
    fn write(&self, network: &ActorNetwork, out: &mut dyn Write) -> std::io::Result<()>;
}

/// The writer of a single-stream `format`; `None` for CSV, which is two files.
pub fn writer(format: GraphFormat) -> Option<&'static dyn GraphWriter> {
    match format {
        GraphFormat::Gexf => Some(&Gexf),
        GraphFormat::Graphml => Some(&GraphMl),
        GraphFormat::Dot => Some(&Dot),
        GraphFormat::Csv => None,
    }
}

/// Writes `network` in `format` (not CSV, which is two files: see [`write_csv_pair`]).
///
/// # Errors
/// A failed write, or CSV asked for a single stream.
pub fn write_graph(network: &ActorNetwork, format: GraphFormat, out: &mut impl Write) -> Result<()> {
    let Some(w) = writer(format) else {
        return Err(Error::Parameter(
            "--format csv writes two files (nodes.csv and edges.csv): give their folder with -o DIR".into(),
        ));
    };
    w.write(network, out).map_err(|e| Error::io("output", e))
}

/// Writes `nodes.csv` and `edges.csv` into the existing folder `dir`, each atomically: a temporary
/// file in `dir` is written, flushed, synced, then renamed over the target.
///
/// # Errors
/// A failed write, naming the file.
pub fn write_csv_pair(network: &ActorNetwork, dir: &Path) -> Result<()> {
    write_atomically(&dir.join(NODES_FILE), |out| {
        write_nodes_csv(network, out).map_err(|e| Error::io(NODES_FILE, e))
    })?;
    write_atomically(&dir.join(EDGES_FILE), |out| {
        write_edges_csv(network, out).map_err(|e| Error::io(EDGES_FILE, e))
    })
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A small network with every awkward case: parallel ties, a disputed tie, an alleged tie,
    //! dated and undated supports, and labels full of characters to escape.

    use std::collections::BTreeMap;

    use petgraph::graph::DiGraph;

    use crate::projection::{Actor, ActorNetwork, Citation, Evidence, Tie};

    fn actor(id: &str, label: &str, class: &str) -> Actor {
        Actor {
            iri: format!("https://w3id.org/borderkg/id/{id}"),
            id: format!("id:{id}"),
            label: label.to_owned(),
            class: class.to_owned(),
        }
    }

    fn evidence(id: &str, date: Option<&str>, certainty: u8, standing: &str, disputed: bool) -> Evidence {
        Evidence {
            iri: format!("https://w3id.org/borderkg/id/event/{id}"),
            id: format!("ev:{id}"),
            label: id.to_owned(),
            class: "bkg:Clash".to_owned(),
            date: date.map(str::to_owned),
            precision: None,
            date_text: None,
            places: Vec::new(),
            deaths: 0,
            certainty,
            standing: standing.to_owned(),
            disputed,
            candidate: false,
            fact: false,
            citations: vec![Citation {
                file: "003_d6679de3fa4b726c.txt".to_owned(),
                sentence: 5,
                row: None,
                record: None,
                standing: standing.to_owned(),
                claimants: Vec::new(),
            }],
        }
    }

    fn tie(relation: &str, supports: &[&Evidence], weight: f64) -> Tie {
        let dates: Vec<&String> = supports.iter().filter_map(|e| e.date.as_ref()).collect();
        Tie {
            relation: relation.to_owned(),
            supports: supports.iter().map(|e| e.iri.clone()).collect(),
            weight,
            certainty: supports.iter().map(|e| e.certainty).max().unwrap_or(5),
            disputed: supports.iter().any(|e| e.disputed),
            first_date: dates.iter().min().map(|d| (*d).clone()),
            last_date: dates.iter().max().map(|d| (*d).clone()),
        }
    }

    /// Two actors and a place; three ties, two of them parallel.
    pub(crate) fn network() -> ActorNetwork {
        let takeover = evidence("takeover", Some("2021-08"), 5, "reported", false);
        let raid = evidence("raid", Some("2012"), 5, "reported", false);
        let clash = evidence("clash", Some("--11-26"), 2, "alleged", true);
        let mut graph = DiGraph::new();
        let a = graph.add_node(actor(
            "taliban",
            "Taliban \"Islamic Emirate\" & <co>",
            "bkg:ArmedGroup",
        ));
        let b = graph.add_node(actor("afghanistan", "Afghanistan\nline two\tend", "bkg:State"));
        let c = graph.add_node(actor("nowhere", "Nowhere \\ land", ""));
        graph.add_edge(a, b, tie("bkg:controls", &[&takeover, &raid], 2.0));
        graph.add_edge(a, b, tie("bkg:attacked", &[&clash], 1.0));
        graph.add_edge(b, c, tie("bkg:borders", &[], 1.0));
        let evidence: BTreeMap<String, Evidence> = [takeover, raid, clash]
            .into_iter()
            .map(|e| (e.iri.clone(), e))
            .collect();
        ActorNetwork {
            graph,
            evidence,
            relations: vec!["bkg:attacked".into(), "bkg:borders".into(), "bkg:controls".into()],
            focus: None,
            classes: Vec::new(),
        }
    }

    /// What `writer` writes for [`network`], as text.
    pub(crate) fn render(writer: &dyn super::GraphWriter) -> String {
        let mut out = Vec::new();
        writer.write(&network(), &mut out).expect("writes to memory");
        String::from_utf8(out).expect("utf-8")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_is_not_a_single_stream_and_says_which_flag_fixes_it() {
        let err = write_graph(&fixture::network(), GraphFormat::Csv, &mut Vec::new())
            .expect_err("csv needs a folder");
        assert!(err.to_string().contains("-o DIR"), "{err}");
    }

    #[test]
    fn csv_pair_replaces_old_files_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join(NODES_FILE), "old").expect("write");
        write_csv_pair(&fixture::network(), dir.path()).expect("writes");
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .expect("read_dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [EDGES_FILE, NODES_FILE]);
        let nodes = std::fs::read_to_string(dir.path().join(NODES_FILE)).expect("read");
        assert!(nodes.starts_with("id,iri,label,class\n"), "{nodes}");
    }

    #[cfg(unix)]
    #[test]
    fn csv_files_get_the_permissions_of_any_new_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        write_csv_pair(&fixture::network(), dir.path()).expect("writes");
        let plain = dir.path().join("plain");
        std::fs::write(&plain, "").expect("write");
        let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
        assert_eq!(mode(&dir.path().join(EDGES_FILE)), mode(&plain));
    }
}
