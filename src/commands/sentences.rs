//! `borderkg sentences`: the sentence table of an article, for curators writing attestations.

use std::io::Write;

use anyhow::Context;

use crate::cli::{SentencesArgs, SentencesFormat};
use crate::sources::segment;

pub fn run(args: &SentencesArgs, out: &mut impl Write) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(&args.file).with_context(|| format!("reading {}", args.file.display()))?;
    let sentences = segment(&text);
    match args.format {
        SentencesFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &sentences)?;
            writeln!(out)?;
        }
        SentencesFormat::Tsv => {
            writeln!(out, "sentence\tcharStart\tcharEnd\ttext")?;
            for s in &sentences {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    s.index,
                    s.start,
                    s.end,
                    s.text.replace('\t', " ")
                )?;
            }
        }
        SentencesFormat::Text => {
            for s in &sentences {
                writeln!(out, "{:>3} {:>5}..{:<5} {}", s.index, s.start, s.end, s.text)?;
            }
        }
    }
    Ok(())
}
