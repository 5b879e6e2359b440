//! `report`: the actor-network report an analyst reads first — size, central actors, brokers,
//! communities, strongest and disputed ties, per-actor profiles — in several formats.

mod analysis;
mod csv;
mod document;
mod drawing;
mod html;
mod markdown;
mod text;
mod ties;

pub use analysis::{analyse, ActorRow, Measure, Ranked, Report, TieEvidence, TieRow, MEASURES, TOP};
pub use document::{layout, Block};
pub use drawing::{class_colours, svg, ColorBy, DrawOptions, PALETTE};

use std::io::Write;

use crate::error::{Error, Result};

/// Output formats of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// Headings and tables for the terminal.
    Text,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// All of the report's data as JSON.
    Json,
    /// One row per actor with every measure.
    Csv,
    /// One self-contained page: an SVG drawing of the network and the tables.
    Html,
}

impl crate::formats::Named for ReportFormat {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("text", Self::Text),
        ("txt", Self::Text),
        ("markdown", Self::Markdown),
        ("md", Self::Markdown),
        ("json", Self::Json),
        ("csv", Self::Csv),
        ("html", Self::Html),
    ];
    const EXTENSIONS: &'static [(&'static str, Self)] = &[
        ("txt", Self::Text),
        ("md", Self::Markdown),
        ("json", Self::Json),
        ("csv", Self::Csv),
        ("html", Self::Html),
        ("htm", Self::Html),
    ];
}

/// How the report is rendered beyond its format.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Width of text tables, in columns.
    pub width: u16,
    /// How the HTML drawing looks.
    pub drawing: DrawOptions,
}

/// Writes `report` (of `network`) in `format`.
///
/// # Errors
/// A failed write, or a drawing sized by a measure the report does not have.
pub fn render(
    report: &Report,
    network: &crate::projection::ActorNetwork,
    format: ReportFormat,
    options: &RenderOptions,
    out: &mut impl Write,
) -> Result<()> {
    let io = |e: std::io::Error| Error::io("output", e);
    let width = options.width;
    match format {
        ReportFormat::Html => {
            if !report.measures.iter().any(|m| m.key == options.drawing.size_by) {
                return Err(Error::Parameter(format!(
                    "--size-by {}: use one of {}",
                    options.drawing.size_by,
                    report
                        .measures
                        .iter()
                        .map(|m| m.key)
                        .collect::<Vec<_>>()
                        .join(", ")
                )));
            }
            html::render(report, network, &layout(report), &options.drawing, out).map_err(io)
        }
        ReportFormat::Text => text::render(&layout(report), width, out).map_err(io),
        ReportFormat::Markdown => markdown::render(&layout(report), out).map_err(io),
        ReportFormat::Csv => csv::render(report, out).map_err(io),
        ReportFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, report).map_err(|e| io(std::io::Error::other(e)))?;
            writeln!(out).map_err(io)
        }
    }
}
