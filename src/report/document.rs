//! The report laid out once as a neutral document — headings, paragraphs, lists and tables — which
//! the text, Markdown and HTML renderers each draw in their own way.

use super::analysis::{Report, TieRow, MEASURES};
use crate::projection::Weighting;

/// One block of the document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading.
    Heading(String),
    /// A paragraph.
    Paragraph(String),
    /// A bulleted list.
    List(Vec<String>),
    /// A table with a header row.
    Table {
        /// Column titles.
        headers: Vec<String>,
        /// Rows of cells.
        rows: Vec<Vec<String>>,
    },
}

fn fmt(v: f64) -> String {
    format!("{v:.4}")
}

fn tie_rows(ties: &[TieRow]) -> Vec<Vec<String>> {
    ties.iter()
        .map(|t| {
            vec![
                t.from.clone(),
                t.relation.trim_start_matches("bkg:").to_owned(),
                t.to.clone(),
                format!("{}", t.weight),
                format!("{}{}", t.standing, if t.disputed { ", disputed" } else { "" }),
                t.evidence
                    .iter()
                    .map(|e| {
                        let date = if e.date.is_empty() {
                            String::new()
                        } else {
                            format!(", {}", e.date)
                        };
                        format!("{}{date} ({})", e.label, e.sources.join(" "))
                    })
                    .chain((t.more > 0).then(|| format!("and {} more", t.more)))
                    .collect::<Vec<_>>()
                    .join("; "),
            ]
        })
        .collect()
}

fn tie_headers() -> Vec<String> {
    [
        "from",
        "relation",
        "to",
        "weight",
        "standing",
        "evidence (source#sentence)",
    ]
    .map(str::to_owned)
    .to_vec()
}

/// Lays `report` out as blocks.
pub fn layout(report: &Report) -> Vec<Block> {
    let mut doc = vec![Block::Heading("Actor network".into())];
    if let Some(scope) = &report.scope {
        doc.push(Block::Paragraph(format!("{scope}.")));
    }
    doc.push(Block::Paragraph(format!(
        "{} actors and {} ties ({} ordered pairs of actors) in {} relations; density {:.4}; {} connected component{} (the largest holds {} actors). Ties are weighted by {}.",
        report.actors,
        report.ties,
        report.pairs,
        report.relations.len(),
        report.density,
        report.components,
        if report.components == 1 { "" } else { "s" },
        report.largest_component,
        match report.weighting {
            Weighting::Events => "the number of supporting events",
            Weighting::Deaths => "the deaths in the supporting events",
        }
    )));
    doc.push(Block::Paragraph(format!(
        "Ties per relation: {}.",
        report
            .relations
            .iter()
            .map(|(r, n)| format!("{} {n}", r.trim_start_matches("bkg:")))
            .collect::<Vec<_>>()
            .join(", ")
    )));

    doc.push(Block::Heading("Most central actors".into()));
    doc.push(Block::Paragraph(if report.directed {
        "Each measure has the definition and normalisation of the networkx function named, computed on the directed graph in which all ties from one actor to another form one edge (eigenvector on its undirected view).".into()
    } else {
        "Each measure has the definition and normalisation of the networkx function named, computed on the undirected graph in which all ties between two actors form one edge.".into()
    }));
    doc.push(Block::Table {
        headers: vec!["measure".into(), "networkx".into(), "top actors".into()],
        rows: report
            .top
            .iter()
            .map(|(key, ranked)| {
                let m = MEASURES.iter().find(|m| m.key == *key);
                vec![
                    m.map_or((*key).to_owned(), |m| m.name.to_owned()),
                    m.map_or(String::new(), |m| m.networkx.to_owned()),
                    ranked
                        .iter()
                        .take(5)
                        .map(|r| format!("{} {}", r.label, fmt(r.value)))
                        .collect::<Vec<_>>()
                        .join("; "),
                ]
            })
            .collect(),
    });
    let missing: Vec<&str> = MEASURES
        .iter()
        .filter(|m| !report.top.iter().any(|(k, _)| *k == m.key))
        .map(|m| m.name)
        .collect();
    if !missing.is_empty() {
        doc.push(Block::Paragraph(format!(
            "Not shown (the iteration did not converge on this network): {}.",
            missing.join(", ")
        )));
    }

    doc.push(Block::Heading("Brokers".into()));
    let brokers = report
        .top
        .iter()
        .find(|(k, _)| *k == "betweenness")
        .map(|(_, r)| {
            r.iter()
                .map(|r| format!("{} {}", r.label, fmt(r.value)))
                .collect::<Vec<_>>()
                .join("; ")
        })
        .unwrap_or_default();
    doc.push(Block::List(vec![
        format!(
            "Highest betweenness: {}",
            if brokers.is_empty() {
                "none".into()
            } else {
                brokers
            }
        ),
        format!(
            "Articulation points (removing one disconnects the network): {}",
            if report.articulation_points.is_empty() {
                "none".into()
            } else {
                report.articulation_points.join(", ")
            }
        ),
        format!(
            "Bridges (ties whose removal disconnects the network): {}",
            if report.bridges.is_empty() {
                "none".into()
            } else {
                report
                    .bridges
                    .iter()
                    .map(|(a, b)| format!("{a} — {b}"))
                    .collect::<Vec<_>>()
                    .join("; ")
            }
        ),
    ]));

    doc.push(Block::Heading("Communities".into()));
    doc.push(Block::Paragraph(format!(
        "Louvain (networkx louvain_communities, seed 1) on the undirected weighted view; modularity {:.4}.",
        report.modularity
    )));
    doc.push(Block::Table {
        headers: vec!["community".into(), "size".into(), "members".into()],
        rows: report
            .communities
            .iter()
            .enumerate()
            .map(|(i, m)| vec![(i + 1).to_string(), m.len().to_string(), m.join(", ")])
            .collect(),
    });

    doc.push(Block::Heading("Strongest ties".into()));
    doc.push(Block::Table {
        headers: tie_headers(),
        rows: tie_rows(&report.strongest_ties),
    });
    doc.push(Block::Heading("Disputed ties".into()));
    if report.disputed_ties.is_empty() {
        doc.push(Block::Paragraph(
            "No tie rests on a denied or disputed statement.".into(),
        ));
    } else {
        doc.push(Block::Table {
            headers: tie_headers(),
            rows: tie_rows(&report.disputed_ties),
        });
    }

    doc.push(Block::Heading("Actor profiles".into()));
    doc.push(Block::List(
        report
            .rows
            .iter()
            .map(|r| {
                let outs: Vec<String> = r
                    .out_ties
                    .iter()
                    .map(|(rel, n)| format!("{} {n}", rel.trim_start_matches("bkg:")))
                    .collect();
                let ins: Vec<String> = r
                    .in_ties
                    .iter()
                    .map(|(rel, n)| format!("{} {n}", rel.trim_start_matches("bkg:")))
                    .collect();
                let m = |k: &str| r.measures.get(k).copied().unwrap_or(0.0);
                format!(
                    "{} ({}, community {}{}): out: {}; in: {}; degree {}, betweenness {}, PageRank {}",
                    r.label,
                    r.class.trim_start_matches("bkg:"),
                    r.community,
                    if r.articulation_point {
                        ", articulation point"
                    } else {
                        ""
                    },
                    if outs.is_empty() {
                        "none".into()
                    } else {
                        outs.join(", ")
                    },
                    if ins.is_empty() {
                        "none".into()
                    } else {
                        ins.join(", ")
                    },
                    fmt(m("degree")),
                    fmt(m("betweenness")),
                    fmt(m("pagerank")),
                )
            })
            .collect(),
    ));
    doc
}
