//! The report as one self-contained HTML page: the drawing of the network (inline SVG) followed by
//! the same sections and tables as the other formats. No external file, font or script.

use std::io::{self, Write};

use super::document::Block;
use super::drawing::{svg, ColorBy, DrawOptions};
use super::Report;
use crate::projection::{ActorNetwork, DASHED_MEANS};

const STYLE: &str = "body{font-family:Helvetica,Arial,sans-serif;margin:2rem auto;max-width:1500px;color:#222;line-height:1.4;padding:0 1rem}\
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ddd}\
table{border-collapse:collapse;margin:0.5rem 0 1rem;font-size:0.85rem;display:block;max-width:100%;overflow-x:auto}\
th,td{border:1px solid #ccc;padding:0.25rem 0.5rem;vertical-align:top;text-align:left}th{background:#f3f3f3}\
figure{margin:0;overflow:auto;border:1px solid #ddd}figure>svg{display:block;width:100%;height:auto;min-width:720px}figcaption{font-size:0.85rem;color:#555;margin:0.5rem}\
.legend{list-style:none;padding:0;margin:0.5rem;display:flex;flex-wrap:wrap;gap:0.3rem 1rem;font-size:0.85rem}\
.legend span{display:inline-block;width:0.8rem;height:0.8rem;border-radius:50%;margin-right:0.3rem;vertical-align:middle;border:1px solid #333}\
.legend svg{vertical-align:middle}";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes the page.
///
/// # Errors
/// A failed write.
pub fn render(
    report: &Report,
    network: &ActorNetwork,
    doc: &[Block],
    options: &DrawOptions,
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Actor-network report</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>Actor-network report</h1>"
    )?;
    writeln!(
        out,
        "<figure>\n{}\n<figcaption>{} actors, {} ties. Node size: {}; colour: {}. Arrows point from the actor to the one its tie is about; dashed lines are {}. Hover over a node or line for details: a line names each direction with its relations and sources, and shows its relations where there was no room to print them.</figcaption>\n</figure>",
        svg(network, report, options),
        report.actors,
        report.ties,
        escape(&options.size_by),
        match options.color_by {
            ColorBy::Class => "class",
            ColorBy::Community => "Louvain community",
        },
        escape(DASHED_MEANS)
    )?;
    for block in doc {
        match block {
            Block::Heading(h) => writeln!(out, "<h2>{}</h2>", escape(h))?,
            Block::Paragraph(p) => writeln!(out, "<p>{}</p>", escape(p))?,
            Block::List(items) => {
                writeln!(out, "<ul>")?;
                for item in items {
                    writeln!(out, "<li>{}</li>", escape(item))?;
                }
                writeln!(out, "</ul>")?;
            }
            Block::Table { headers, rows } => {
                write!(out, "<table><thead><tr>")?;
                for h in headers {
                    write!(out, "<th>{}</th>", escape(h))?;
                }
                writeln!(out, "</tr></thead><tbody>")?;
                for row in rows {
                    write!(out, "<tr>")?;
                    for c in row {
                        write!(out, "<td>{}</td>", escape(c))?;
                    }
                    writeln!(out, "</tr>")?;
                }
                writeln!(out, "</tbody></table>")?;
            }
        }
    }
    writeln!(out, "</body>\n</html>")
}
