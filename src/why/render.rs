//! Text and JSON renderings of an edge explanation.

use std::io::{self, Write};

use super::Explanation;

/// Writes `e` for a person to read.
///
/// # Errors
/// A failed write.
pub fn render_text(e: &Explanation, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{} {} {}", e.subject, e.predicate, e.object)?;
    if !e.holds {
        writeln!(out, "  this edge is not in the graph.")?;
        if e.alternatives.is_empty() {
            writeln!(out, "  no actor-network relation links these two.")?;
        } else {
            writeln!(out, "  relations that do link them:")?;
            for a in &e.alternatives {
                writeln!(out, "    {a}")?;
            }
        }
        return Ok(());
    }
    if e.supports.is_empty() {
        writeln!(
            out,
            "  asserted directly, with no event or fact recorded behind it."
        )?;
    }
    for (i, s) in e.supports.iter().enumerate() {
        let role = if s.role == "supports" {
            String::new()
        } else {
            format!("[{}] ", s.role)
        };
        writeln!(out, "\n{}. {role}{} — {} ({})", i + 1, s.label, s.node, s.class)?;
        if let Some(date) = &s.date {
            writeln!(out, "   date: {date}")?;
        }
        if let Some(place) = &s.place {
            writeln!(out, "   place: {place}")?;
        }
        for c in &s.citations {
            writeln!(out, "   {}", c.citation)?;
            if let Some(t) = &c.text {
                writeln!(out, "     “{t}”")?;
            }
        }
    }
    Ok(())
}

/// Writes `e` as JSON.
///
/// # Errors
/// A failed write.
pub fn render_json(e: &Explanation, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, e).map_err(io::Error::other)?;
    writeln!(out)
}
