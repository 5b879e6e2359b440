//! Graphviz DOT: `digraph actors`, nodes filled with one colour per class, edges labelled with the
//! relation, `weight` and `penwidth` from the tie's weight, dashed when the tie is disputed or less
//! firmly stated than `reported` (the report's drawing means the same; the legend says it). The other facts ride along as extra attributes, which Graphviz
//! keeps but does not draw.

use std::collections::BTreeMap;
use std::io::{self, Write};

use petgraph::visit::EdgeRef;

use super::tie::{number, TieFacts};
use super::GraphWriter;
use crate::projection::ActorNetwork;
use crate::projection::DASHED_MEANS;
use crate::report::class_colours;

/// Fill colour of an actor whose class has no colour (none is left without one).
const UNTYPED: &str = "#ffffff";

/// Writes Graphviz DOT.
#[derive(Debug, Clone, Copy, Default)]
pub struct Dot;

impl GraphWriter for Dot {
    fn write(&self, network: &ActorNetwork, out: &mut dyn Write) -> io::Result<()> {
        let g = &network.graph;
        // The report's and the pages' colours, so that a class looks the same everywhere.
        let colours: BTreeMap<String, &str> = class_colours(network).into_iter().collect();
        let fill = |class: &str| {
            let key = if class.is_empty() {
                "untyped"
            } else {
                class.trim_start_matches("bkg:")
            };
            colours.get(key).copied().unwrap_or(UNTYPED)
        };

        writeln!(
            out,
            "// borderkg actor network: {} actors, {} ties; relations: {}",
            g.node_count(),
            g.edge_count(),
            network.relations.join(", ").replace(['\n', '\r'], " ")
        )?;
        writeln!(out, "digraph actors {{")?;
        // Legible with dot, neato and sfdp alike: boxes pushed apart where they would overlap,
        // curved lines around them, and left-to-right ranks so that dot does not draw one long strip.
        writeln!(
            out,
            "  graph [overlap=prism, overlap_scaling=3, splines=true, sep=\"+6\", rankdir=LR, ranksep=1.0, nodesep=0.15, fontname=\"Helvetica\"];"
        )?;
        writeln!(
            out,
            "  node [shape=box, style=\"rounded,filled\", fillcolor=\"{UNTYPED}\", fontname=\"Helvetica\"];"
        )?;
        writeln!(out, "  edge [fontsize=10, fontname=\"Helvetica\"];")?;
        writeln!(out, "  {}", legend(&colours))?;
        for a in g.node_weights() {
            let class = if a.class.is_empty() {
                String::new()
            } else {
                format!(", class={}", quote(&a.class))
            };
            writeln!(
                out,
                "  {} [label={}{class}, iri={}, fillcolor=\"{}\"];",
                quote(&a.id),
                quote(&a.label),
                quote(&a.iri),
                fill(&a.class)
            )?;
        }
        for e in g.edge_references() {
            let tie = e.weight();
            let f = TieFacts::new(network, tie);
            let weight = tie.weight.max(0.0);
            let mut attrs = vec![
                format!("label={}", quote(&tie.relation)),
                format!("relation={}", quote(&tie.relation)),
                // dot wants an integer weight.
                format!("weight={}", number(weight.round())),
                format!("penwidth={:.2}", penwidth(weight)),
                format!("tie_weight={}", f.weight()),
                format!("certainty={}", tie.certainty),
                format!("standing={}", quote(&f.standing)),
                format!("disputed={}", tie.disputed),
            ];
            for (name, value) in [("first_date", &tie.first_date), ("last_date", &tie.last_date)] {
                if let Some(v) = value {
                    attrs.push(format!("{name}={}", quote(v)));
                }
            }
            for (name, value) in [("supports", &f.supports), ("sources", &f.sources)] {
                if !value.is_empty() {
                    attrs.push(format!("{name}={}", quote(value)));
                }
            }
            if f.doubtful() {
                attrs.push("style=dashed".to_owned());
            }
            writeln!(
                out,
                "  {} -> {} [{}];",
                quote(&g[e.source()].id),
                quote(&g[e.target()].id),
                attrs.join(", ")
            )?;
        }
        writeln!(out, "}}")
    }
}

/// Line width for a tie of `weight`: 1 for nothing, growing with the logarithm, at most 8.
fn penwidth(weight: f64) -> f64 {
    (1.0 + weight.ln_1p()).clamp(1.0, 8.0)
}

/// `s` as a double-quoted DOT string: `"` and `\` are escaped (so a label shows them as written
/// and no `\N`-style escape is read into it), line breaks become `\n`, other control characters a
/// space.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The graph's label: a table of the classes and their colours, drawn below the graph (a label,
/// not nodes, so that tools reading the actors see only actors).
fn legend(colours: &BTreeMap<String, &str>) -> String {
    let rows: String = colours
        .iter()
        .map(|(class, colour)| {
            format!(
                "<tr><td bgcolor=\"{colour}\" width=\"16\"></td><td align=\"left\">{}</td></tr>",
                html_escape(class)
            )
        })
        .collect();
    format!(
        "graph [labelloc=b, label=<<table border=\"0\" cellspacing=\"2\"><tr><td colspan=\"2\"><b>classes</b></td></tr>{rows}<tr><td>- - -</td><td align=\"left\">dashed: {}</td></tr></table>>];",
        html_escape(DASHED_MEANS)
    )
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph_export::fixture;

    #[test]
    fn dot_snapshot() {
        insta::assert_snapshot!(fixture::render(&Dot), @r##"
// borderkg actor network: 3 actors, 3 ties; relations: bkg:attacked, bkg:borders, bkg:controls
digraph actors {
  graph [overlap=prism, overlap_scaling=3, splines=true, sep="+6", rankdir=LR, ranksep=1.0, nodesep=0.15, fontname="Helvetica"];
  node [shape=box, style="rounded,filled", fillcolor="#ffffff", fontname="Helvetica"];
  edge [fontsize=10, fontname="Helvetica"];
  graph [labelloc=b, label=<<table border="0" cellspacing="2"><tr><td colspan="2"><b>classes</b></td></tr><tr><td bgcolor="#4e79a7" width="16"></td><td align="left">ArmedGroup</td></tr><tr><td bgcolor="#f28e2b" width="16"></td><td align="left">State</td></tr><tr><td bgcolor="#e15759" width="16"></td><td align="left">untyped</td></tr><tr><td>- - -</td><td align="left">dashed: disputed or denied by another statement, or stated no more firmly than claimed or alleged</td></tr></table>>];
  "id:taliban" [label="Taliban \"Islamic Emirate\" & <co>", class="bkg:ArmedGroup", iri="https://w3id.org/borderkg/id/taliban", fillcolor="#4e79a7"];
  "id:afghanistan" [label="Afghanistan\nline two end", class="bkg:State", iri="https://w3id.org/borderkg/id/afghanistan", fillcolor="#f28e2b"];
  "id:nowhere" [label="Nowhere \\ land", iri="https://w3id.org/borderkg/id/nowhere", fillcolor="#e15759"];
  "id:taliban" -> "id:afghanistan" [label="bkg:controls", relation="bkg:controls", weight=2, penwidth=2.10, tie_weight=2, certainty=5, standing="reported", disputed=false, first_date="2012", last_date="2021-08", supports="ev:takeover ev:raid", sources="003#5"];
  "id:taliban" -> "id:afghanistan" [label="bkg:attacked", relation="bkg:attacked", weight=1, penwidth=1.69, tie_weight=1, certainty=2, standing="alleged", disputed=true, first_date="--11-26", last_date="--11-26", supports="ev:clash", sources="003#5", style=dashed];
  "id:afghanistan" -> "id:nowhere" [label="bkg:borders", relation="bkg:borders", weight=1, penwidth=1.69, tie_weight=1, certainty=5, standing="reported", disputed=false];
}
        "##);
    }

    #[test]
    fn quoting_escapes_what_dot_reads() {
        assert_eq!(quote(r#"a "b" \N c"#), r#""a \"b\" \\N c""#);
        assert_eq!(quote("one\r\ntwo\nthree\u{1}"), r#""one\ntwo\nthree ""#);
        assert_eq!(quote("ends with \\"), r#""ends with \\""#);
    }

    #[test]
    fn penwidth_grows_slowly_and_is_capped() {
        assert!((penwidth(0.0) - 1.0).abs() < 1e-12);
        assert!(penwidth(1.0) < penwidth(3.0));
        assert!((penwidth(1e9) - 8.0).abs() < 1e-12);
    }
}
