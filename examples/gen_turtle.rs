//! Writes a synthetic conflict graph as one Turtle file, for benchmarking `borderkg build`: ROWS
//! synthetic UCDP rows mapped to the ontology's model as an import maps them, each row's
//! attestation made a blank node that cites a sentence of a synthetic article, as curated data
//! does: `cargo run --release --example gen_turtle -- ROWS [SEED] [OUT.ttl]` (defaults: 1000 rows,
//! seed 1, `synthetic.ttl`).

#![expect(clippy::print_stderr, reason = "a command-line tool reports what it wrote")]

use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::PathBuf;

use borderkg::import::synth::{write_synthetic, SynthLayout};
use borderkg::import::{quads, EventReader, Mapper, Reconciler, Taxonomy, ACTOR_ALIASES};
use oxigraph::model::vocab::rdf;
use oxigraph::model::{BlankNode, Literal, NamedNode, NamedOrBlankNode, Term, Triple};
use oxttl::TurtleSerializer;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let rows: u64 = args.next().map_or(Ok(1000), |a| a.replace('_', "").parse())?;
    let seed: u64 = args.next().map_or(Ok(1), |a| a.parse())?;
    let out = PathBuf::from(args.next().unwrap_or_else(|| "synthetic.ttl".into()));
    // The rows go through a CSV file beside the output, so that memory does not grow with them.
    let csv = out.with_extension("csv");
    let mut writer = BufWriter::new(File::create(&csv)?);
    write_synthetic(SynthLayout::Ucdp, rows, seed, &mut writer)?;
    writer.flush()?;
    drop(writer);

    let taxonomy = Taxonomy::load()?;
    let mut reconciler = Reconciler::new(ACTOR_ALIASES, std::iter::empty())?;
    let mut mapper = Mapper::new(&mut reconciler, &taxonomy);
    let reader = EventReader::new(
        "ucdp-ged.csv".into(),
        Box::new(BufReader::new(File::open(&csv)?)),
        None,
    )?;
    let mut serializer = borderkg::vocab::PREFIXES
        .iter()
        .try_fold(TurtleSerializer::new(), |s, (prefix, ns)| {
            s.with_prefix(*prefix, *ns)
        })?
        .for_writer(BufWriter::new(File::create(&out)?));
    let (mut events, mut triples) = (0u64, 0u64);
    let attestation = format!("{}attestation/", borderkg::vocab::ID);
    let blank = |term: &NamedOrBlankNode| match term {
        NamedOrBlankNode::NamedNode(n) if n.as_str().starts_with(&attestation) => Some(
            BlankNode::new_unchecked(format!("a{}", &n.as_str()[attestation.len()..])),
        ),
        _ => None,
    };
    let bkg = |local: &str| NamedNode::new_unchecked(format!("{}{local}", borderkg::vocab::BKG));
    let mut write = |s: NamedOrBlankNode, p: NamedNode, o: Term| {
        triples += 1;
        serializer.serialize_triple(&Triple::new(s, p, o))
    };
    for row in quads(reader, &mut mapper) {
        let mut attestations = Vec::new();
        for quad in row? {
            let subject = blank(&quad.subject).map_or(quad.subject, NamedOrBlankNode::from);
            let object = match &quad.object {
                Term::NamedNode(n) => blank(&n.clone().into()).map_or(quad.object, Term::from),
                _ => quad.object,
            };
            if let (NamedOrBlankNode::BlankNode(b), true) = (&subject, quad.predicate == rdf::TYPE) {
                attestations.push(b.clone());
            }
            if quad.predicate == bkg("source")
                && !matches!(&subject, NamedOrBlankNode::NamedNode(_))
                && events == 0
            {
                if let Term::NamedNode(source) = &object {
                    write(
                        source.clone().into(),
                        bkg("fileName"),
                        Literal::from("synthetic-ucdp.txt").into(),
                    )?;
                }
            }
            write(subject, quad.predicate, object)?;
        }
        for a in attestations {
            for (p, v) in [("sentence", events), ("charStart", 0), ("charEnd", 1)] {
                write(a.clone().into(), bkg(p), Literal::from(v).into())?;
            }
        }
        events += 1;
    }
    serializer.finish()?.into_inner()?.sync_all()?;
    std::fs::remove_file(&csv)?;
    eprintln!("wrote {} ({events} events, {triples} triples)", out.display());
    Ok(())
}
