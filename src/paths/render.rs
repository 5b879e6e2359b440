//! Text and JSON renderings of explained paths.

use std::io::{self, Write};

use super::FoundPath;

/// Writes `paths` for a person to read.
///
/// # Errors
/// A failed write.
pub fn render_text(from: &str, to: &str, paths: &[FoundPath], out: &mut impl Write) -> io::Result<()> {
    if paths.is_empty() {
        return writeln!(out, "No path links {from} to {to} through the chosen ties.");
    }
    for (i, path) in paths.iter().enumerate() {
        let hops = path.hops.len();
        writeln!(
            out,
            "Path {} ({hops} hop{}): {}",
            i + 1,
            if hops == 1 { "" } else { "s" },
            path.actors.join(" → ")
        )?;
        writeln!(out, "  ranked: {}", path.rank)?;
        for (h, hop) in path.hops.iter().enumerate() {
            writeln!(out, "  {}. {} → {}", h + 1, hop.from, hop.to)?;
            for tie in &hop.ties {
                let relation = tie.relation.trim_start_matches("bkg:");
                let statement = if tie.forward {
                    format!("{} {relation} {}", hop.from, hop.to)
                } else {
                    format!("{} {relation} {}", hop.to, hop.from)
                };
                let disputed = if tie.disputed { ", disputed" } else { "" };
                writeln!(out, "     {statement} ({}{disputed})", tie.standing)?;
                for ev in &tie.evidence {
                    let mut details = vec![ev.class.trim_start_matches("bkg:").to_owned()];
                    details.extend(ev.date.clone());
                    if !ev.places.is_empty() {
                        details.push(ev.places.join(", "));
                    }
                    writeln!(out, "       · {} — {} ({})", ev.label, ev.id, details.join("; "))?;
                    for s in &ev.sentences {
                        writeln!(out, "         {}", s.citation)?;
                        if let Some(text) = &s.text {
                            writeln!(out, "           “{text}”")?;
                        }
                    }
                }
                if tie.more > 0 {
                    writeln!(out, "       · and {} more", tie.more)?;
                }
            }
        }
        writeln!(out)?;
    }
    Ok(())
}

/// Writes `paths` as JSON.
///
/// # Errors
/// A failed write.
pub fn render_json(paths: &[FoundPath], out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, paths).map_err(io::Error::other)?;
    writeln!(out)
}
