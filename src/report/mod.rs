//! `report`: the actor-network report an analyst reads first — size, central actors, brokers,
//! communities, strongest and disputed ties, per-actor profiles — in several formats.

mod analysis;
mod csv;
mod document;
mod markdown;
mod text;

pub use analysis::{analyse, ActorRow, Measure, Ranked, Report, TieEvidence, TieRow, MEASURES, TOP};
pub use document::{layout, Block};

use std::io::Write;

use crate::error::{Error, Result};

/// Output formats of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Headings and tables for the terminal.
    Text,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// All of the report's data as JSON.
    Json,
    /// One row per actor with every measure.
    Csv,
}

/// Writes `report` in `format`; `width` sets the text tables' width.
///
/// # Errors
/// A failed write.
pub fn render(report: &Report, format: ReportFormat, width: u16, out: &mut impl Write) -> Result<()> {
    let io = |e: std::io::Error| Error::io("output", e);
    match format {
        ReportFormat::Text => text::render(&layout(report), width, out).map_err(io),
        ReportFormat::Markdown => markdown::render(&layout(report), out).map_err(io),
        ReportFormat::Csv => csv::render(report, out).map_err(io),
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, report).map_err(|e| io(std::io::Error::other(e)))?;
            writeln!(out).map_err(io)
        }
    }
}
