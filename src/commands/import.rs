//! `borderkg import`: streams dataset files into the store with a progress line, then prints what
//! was detected, imported and skipped.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::{ImportArgs, SummaryFormat};
use crate::import::{import, write_unmatched_tsv, Dataset, ImportConfig, ImportSummary, Progress};
use crate::resources::{choose_folder, Kind};
use crate::store::WhenBusy;

pub fn run(args: &ImportArgs, store: &Path, out: &mut impl Write) -> anyhow::Result<()> {
    let config = ImportConfig {
        store: store.to_owned(),
        files: args.files.clone(),
        dataset: Dataset::from_name(&args.dataset),
        strict: args.strict,
        ontology: choose_folder(Kind::Ontology, args.ontology.as_deref()),
        when_busy: if args.wait { WhenBusy::Wait } else { WhenBusy::Fail },
    };
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} {human_pos} rows ({per_sec}, {elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.enable_steady_tick(Duration::from_millis(120));
    let pause_at = std::env::var("BORDERKG_PAUSE_AT_STAGE").ok();
    let mut done_before = 0u64;
    let mut in_file = 0u64;
    let result = import(&config, |progress| {
        if matches!(
            (&progress, pause_at.as_deref()),
            (Progress::Rules, Some("Rules")) | (Progress::Shapes, Some("Shapes"))
        ) {
            // For the tests that kill an import part-way.
            std::thread::sleep(Duration::from_secs(60));
        }
        match progress {
            Progress::Waiting => bar.set_message("waiting for another build or import of this store"),
            Progress::File(detection) => {
                done_before += in_file;
                in_file = 0;
                bar.set_message(format!("reading {detection}:"));
            }
            Progress::Rows(rows) => {
                in_file = rows;
                bar.set_position(done_before + rows);
            }
            Progress::Rules => bar.set_message("deriving the actor network;"),
            Progress::Shapes => bar.set_message("checking shapes;"),
        }
    });
    bar.finish_and_clear();
    let summary = result.with_context(|| {
        format!(
            "importing into {} failed; the store is unchanged",
            store.display()
        )
    })?;
    if let Some(path) = &args.report_unmatched {
        if path.as_os_str() == "-" {
            write_unmatched_tsv(&summary.unmatched, out)?;
        } else {
            crate::output::write_atomically(path, |w| {
                write_unmatched_tsv(&summary.unmatched, w).map_err(|e| crate::Error::io(path, e))
            })?;
        }
    }
    match args.format {
        SummaryFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &summary)?;
            writeln!(out)?;
        }
        SummaryFormat::Text => write_summary(&summary, store, out)?,
    }
    Ok(())
}

fn write_summary(s: &ImportSummary, store: &Path, out: &mut impl Write) -> std::io::Result<()> {
    for line in &s.detected {
        writeln!(out, "detected {line}")?;
    }
    writeln!(
        out,
        "imported {} rows into {} ({} triples, was {}; {} derived by the rules)",
        s.rows,
        store.display(),
        s.triples_after,
        s.triples_before,
        s.derived
    )?;
    writeln!(
        out,
        "took {:.1} s reading and loading, {:.1} s deriving the actor network, {:.1} s checking shapes",
        s.seconds[0], s.seconds[1], s.seconds[2]
    )?;
    for graph in &s.graphs {
        writeln!(out, "replaced graph {graph}")?;
    }
    if s.skipped > 0 {
        writeln!(
            out,
            "skipped {} bad rows (--strict stops at the first):",
            s.skipped
        )?;
        for row in &s.bad_rows {
            writeln!(out, "  {row}")?;
        }
        if s.bad_rows.len() as u64 > 0 && (s.bad_rows.len() as u64) < s.skipped {
            writeln!(out, "  … and {} more", s.skipped - s.bad_rows.len() as u64)?;
        }
    }
    let unmatched: u64 = s.unmatched.iter().map(|u| u.count).sum();
    if !s.unmatched.is_empty() {
        writeln!(
            out,
            "{} names matched no curated actor or place ({} uses); they became new entities (list them with --report-unmatched FILE)",
            s.unmatched.len(),
            unmatched
        )?;
    }
    Ok(())
}
