//! Writing graphs out as RDF: Turtle that a person can read, and the other standard formats, always
//! in the same order so that the same store gives the same bytes.

mod turtle;

pub use turtle::write_turtle;

use std::io::Write;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, QuadRef, Triple};

use crate::error::{Error, Result};

/// The RDF formats `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// Turtle, grouped by subject, with the prefixes it uses.
    Turtle,
    /// N-Triples, one triple per line.
    Ntriples,
    /// N-Quads (every triple in the default graph).
    Nquads,
    /// TriG (every triple in the default graph).
    Trig,
    /// RDF/XML.
    Rdfxml,
    /// JSON-LD (expanded, one node object per subject).
    Jsonld,
}

impl crate::formats::Named for ExportFormat {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("turtle", Self::Turtle),
        ("ttl", Self::Turtle),
        ("ntriples", Self::Ntriples),
        ("nt", Self::Ntriples),
        ("n-triples", Self::Ntriples),
        ("nquads", Self::Nquads),
        ("nq", Self::Nquads),
        ("n-quads", Self::Nquads),
        ("trig", Self::Trig),
        ("rdfxml", Self::Rdfxml),
        ("rdf", Self::Rdfxml),
        ("xml", Self::Rdfxml),
        ("owl", Self::Rdfxml),
        ("jsonld", Self::Jsonld),
        ("json-ld", Self::Jsonld),
    ];
    const EXTENSIONS: &'static [(&'static str, Self)] = &[
        ("ttl", Self::Turtle),
        ("nt", Self::Ntriples),
        ("nq", Self::Nquads),
        ("trig", Self::Trig),
        ("rdf", Self::Rdfxml),
        ("owl", Self::Rdfxml),
        ("xml", Self::Rdfxml),
        ("jsonld", Self::Jsonld),
    ];
}

/// Oxigraph's serializer format for `format`.
fn rdf_format(format: ExportFormat) -> RdfFormat {
    match format {
        ExportFormat::Turtle => RdfFormat::Turtle,
        ExportFormat::Ntriples => RdfFormat::NTriples,
        ExportFormat::Nquads => RdfFormat::NQuads,
        ExportFormat::Trig => RdfFormat::TriG,
        ExportFormat::Rdfxml => RdfFormat::RdfXml,
        ExportFormat::Jsonld => RdfFormat::JsonLd {
            profile: oxigraph::io::JsonLdProfileSet::empty(),
        },
    }
}

/// Sorts triples by subject, then `rdf:type` first, then predicate and object.
pub fn sort_triples(triples: &mut [Triple]) {
    triples.sort_by_cached_key(|t| {
        let is_type = t.predicate.as_ref() == crate::vocab::rdf::TYPE;
        (
            t.subject.to_string(),
            !is_type,
            t.predicate.to_string(),
            t.object.to_string(),
        )
    });
}

/// Writes `triples` (already sorted) in `format`.
///
/// # Errors
/// A failed write.
pub fn write_triples(triples: &[Triple], format: ExportFormat, out: &mut impl Write) -> Result<()> {
    let io = |e: std::io::Error| Error::io("output", e);
    if format == ExportFormat::Turtle {
        return write_turtle(triples, out).map_err(io);
    }
    let prefixes = crate::vocab::PREFIXES
        .iter()
        .filter(|_| {
            matches!(
                format,
                ExportFormat::Trig | ExportFormat::Rdfxml | ExportFormat::Jsonld
            )
        })
        .filter(|(_, ns)| used(triples, ns));
    let produce = |each: &mut dyn FnMut(Triple) -> Result<()>| triples.iter().cloned().try_for_each(each);
    serialize(Box::new(produce), rdf_format(format), prefixes, out)
}

/// Up to this many quads in the store, `export` sorts the graph in memory (subjects in order,
/// blank nodes inline, only the prefixes used); above it, it streams the store in the store's own
/// order, which is as stable from one run to the next and holds nothing in memory.
pub const SORTED_UP_TO: usize = 1_000_000;

/// The triples `produce` gives, one call of its callback each.
pub type Produce<'a> = dyn FnOnce(&mut dyn FnMut(Triple) -> Result<()>) -> Result<()> + 'a;

/// Writes the triples `produce` gives, as they come, in `format`: every project prefix declared up
/// front (for the formats that have prefixes), consecutive triples about one subject grouped,
/// nothing held.
///
/// # Errors
/// The first error of `produce`, or a failed write.
pub fn write_stream(produce: Box<Produce<'_>>, format: ExportFormat, out: &mut impl Write) -> Result<()> {
    let prefixes = crate::vocab::PREFIXES
        .iter()
        .filter(|_| !matches!(format, ExportFormat::Ntriples | ExportFormat::Nquads));
    serialize(produce, rdf_format(format), prefixes, out)
}

/// Writes what `produce` gives with Oxigraph's serializer for `format`, declaring `prefixes`.
fn serialize<'p>(
    produce: Box<Produce<'_>>,
    format: RdfFormat,
    mut prefixes: impl Iterator<Item = &'p (&'p str, &'p str)>,
    out: &mut impl Write,
) -> Result<()> {
    let io = |e: std::io::Error| Error::io("output", e);
    let mut serializer = prefixes
        .try_fold(RdfSerializer::from_format(format), |s, (p, ns)| {
            s.with_prefix(*p, *ns)
        })
        .map_err(|e| Error::io("output", std::io::Error::other(e)))?
        .for_writer(std::io::BufWriter::with_capacity(1 << 20, &mut *out));
    produce(&mut |t| {
        serializer
            .serialize_quad(QuadRef::new(
                &t.subject,
                &t.predicate,
                &t.object,
                GraphNameRef::DefaultGraph,
            ))
            .map_err(io)
    })?;
    serializer.finish().map_err(io)?.flush().map_err(io)?;
    Ok(())
}

/// True when some IRI of `triples` starts with `ns`.
pub(crate) fn used(triples: &[Triple], ns: &str) -> bool {
    triples.iter().any(|t| {
        t.subject.to_string().starts_with(&format!("<{ns}"))
            || t.predicate.as_str().starts_with(ns)
            || match &t.object {
                oxigraph::model::Term::NamedNode(n) => n.as_str().starts_with(ns),
                oxigraph::model::Term::Literal(l) => l.datatype().as_str().starts_with(ns),
                _ => false,
            }
    })
}
