//! `borderkg why`: explains one edge of the actor network.

use std::io::Write;

use crate::cli::{SummaryFormat, WhyArgs};
use crate::terms::{resolve_iri_in, LabelIndex};
use crate::why::{explain, render_json, render_text};

pub fn run(args: &WhyArgs, target: &super::Target<'_>, out: &mut impl Write) -> anyhow::Result<()> {
    let store = target.open()?;
    let names = LabelIndex::load(&*store)?;
    let s = resolve_iri_in(&names, &args.subject, "subject")?;
    let p = resolve_iri_in(&names, &args.predicate, "relation")?;
    let o = resolve_iri_in(&names, &args.object, "object")?;
    let explanation = explain(&*store, &s, &p, &o, args.sources.as_deref())?;
    if !explanation.holds && explanation.supports.is_empty() {
        let others = if explanation.alternatives.is_empty() {
            "nothing else links them either".to_owned()
        } else {
            format!("they are linked by {}", explanation.alternatives.join(", "))
        };
        anyhow::bail!(
            "the graph does not say {} {} {}; {others}",
            explanation.subject,
            explanation.predicate,
            explanation.object
        );
    }
    match args.format {
        SummaryFormat::Text => render_text(&explanation, out)?,
        SummaryFormat::Json => render_json(&explanation, out)?,
    }
    Ok(())
}
