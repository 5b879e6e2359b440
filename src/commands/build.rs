//! `borderkg build`: runs the build with a progress spinner and prints its summary.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};

use crate::build::{build, BuildConfig, BuildSummary, Stage};
use crate::cli::{BuildArgs, SummaryFormat};
use crate::resources::{choose_folder, Kind};
use crate::store::WhenBusy;

pub fn run(args: &BuildArgs, store: &Path, out: &mut impl Write) -> anyhow::Result<()> {
    let config = BuildConfig {
        store: store.to_owned(),
        ontology: choose_folder(Kind::Ontology, args.ontology.as_deref()),
        data: choose_folder(Kind::Data, args.data.as_deref()),
        add: args.add.clone(),
        sources: args.sources.clone(),
        when_busy: if args.wait { WhenBusy::Wait } else { WhenBusy::Fail },
        allow_no_rules: args.allow_no_rules,
        allow_no_shapes: args.allow_no_shapes,
    };
    let pause_at = std::env::var("BORDERKG_PAUSE_AT_STAGE").ok();
    let spinner = ProgressBar::new_spinner();
    spinner.set_style(
        ProgressStyle::with_template("{spinner} {msg} ({elapsed})")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    spinner.enable_steady_tick(Duration::from_millis(120));
    let result = build(&config, |stage| {
        if pause_at.as_deref() == Some(&format!("{stage:?}")) {
            // For the tests that kill a build at each stage.
            std::thread::sleep(Duration::from_secs(60));
        }
        spinner.set_message(match stage {
            Stage::Parsing => "parsing ontology, data and rules",
            Stage::WaitingForLock => "waiting for another build or import of this store to finish",
            Stage::Loading => "loading triples into a new store",
            Stage::Rules => "applying rules",
            Stage::Shapes => "checking shapes",
            Stage::Provenance => "checking attestations against the articles",
            Stage::Finishing => "counting and swapping the new store in",
        });
    });
    spinner.finish_and_clear();
    let summary = result.with_context(|| {
        format!(
            "building {} failed; the previous store, if any, is unchanged",
            store.display()
        )
    })?;
    #[expect(
        clippy::print_stderr,
        reason = "warnings go beside the summary, which still prints"
    )]
    for warning in &summary.warnings {
        eprintln!("warning: {warning}");
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

fn write_summary(s: &BuildSummary, store: &Path, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "built {} from {} Turtle files and {} rules: {} triples ({} asserted, {} derived)",
        store.display(),
        s.files,
        s.rules.len(),
        s.triples,
        s.asserted,
        s.derived
    )?;
    writeln!(
        out,
        "ontology, rules and shapes: {}; data: {}",
        s.ontology_from,
        s.data_from.join(" + ")
    )?;
    for skipped in &s.skipped {
        writeln!(out, "skipped {skipped}")?;
    }
    for cleaned in &s.cleaned {
        writeln!(out, "removed {cleaned}, left by an interrupted build")?;
    }
    for (title, rows) in [
        ("Entities per class", &s.entities),
        ("Events per type", &s.events),
        ("Actor-network edges per relation", &s.edges),
    ] {
        let total: usize = rows.iter().map(|(_, n)| n).sum();
        writeln!(out, "\n{title} ({total}):")?;
        let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        for (k, n) in rows {
            writeln!(out, "  {k:<width$}  {n:>5}")?;
        }
    }
    Ok(())
}
