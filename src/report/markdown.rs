//! The report as GitHub-flavoured Markdown.

use std::io::{self, Write};

use super::document::Block;

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// Writes `doc` as Markdown.
///
/// # Errors
/// A failed write.
pub fn render(doc: &[Block], out: &mut impl Write) -> io::Result<()> {
    let mut first = true;
    for block in doc {
        match block {
            Block::Heading(h) => {
                let level = if first { "#" } else { "##" };
                first = false;
                writeln!(out, "{level} {h}\n")?;
            }
            Block::Paragraph(p) => writeln!(out, "{p}\n")?,
            Block::List(items) => {
                for item in items {
                    writeln!(out, "- {item}")?;
                }
                writeln!(out)?;
            }
            Block::Table { headers, rows } => {
                writeln!(
                    out,
                    "| {} |",
                    headers.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")
                )?;
                writeln!(out, "|{}", "---|".repeat(headers.len()))?;
                for row in rows {
                    writeln!(
                        out,
                        "| {} |",
                        row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
                    )?;
                }
                writeln!(out)?;
            }
        }
    }
    Ok(())
}
