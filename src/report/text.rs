//! The report for the terminal: headings underlined, tables drawn with comfy-table.

use std::io::{self, Write};

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};

use super::document::Block;

/// Writes `doc` as text, tables at `width` columns.
///
/// # Errors
/// A failed write.
pub fn render(doc: &[Block], width: u16, out: &mut impl Write) -> io::Result<()> {
    for block in doc {
        match block {
            Block::Heading(h) => writeln!(out, "\n{h}\n{}", "=".repeat(h.chars().count()))?,
            Block::Paragraph(p) => writeln!(out, "{}\n", wrap(p, usize::from(width)))?,
            Block::List(items) => {
                for item in items {
                    writeln!(
                        out,
                        "- {}",
                        wrap(item, usize::from(width).saturating_sub(2)).replace('\n', "\n  ")
                    )?;
                }
                writeln!(out)?;
            }
            Block::Table { headers, rows } => {
                let mut table = Table::new();
                table
                    .load_preset(UTF8_FULL_CONDENSED)
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_width(width)
                    .set_header(headers);
                for row in rows {
                    table.add_row(row);
                }
                writeln!(out, "{table}\n")?;
            }
        }
    }
    Ok(())
}

fn wrap(text: &str, width: usize) -> String {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width.max(20) {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines.join("\n")
}
