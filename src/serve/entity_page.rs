//! The page of one entity: its names and classes, then the sections its kind calls for — for an
//! event what, who, whom, where and when, the casualty figures per claimant and every attestation
//! with its sentence quoted; for an actor see [`super::actor_page`] — then every statement about
//! it, both ways, each linked.

use std::fmt::Write as _;
use std::path::Path;

use oxigraph::model::{NamedNode, NamedOrBlankNode, Term, Triple};

use super::html::{self, esc, page, table};
use super::state::Snapshot;
use super::{actor_page, quote};
use crate::error::Result;
use crate::vocab::{compact, BKG};

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const NAME_PROPERTIES: &[&str] = &[
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
];

fn bkg(local: &str) -> String {
    format!("{BKG}{local}")
}

/// The objects of `subject`'s `predicate` among `triples`.
pub fn objects<'a>(triples: &'a [Triple], subject: &str, predicate: &str) -> Vec<&'a Term> {
    triples
        .iter()
        .filter(|t| subject_is(&t.subject, subject) && t.predicate.as_str() == predicate)
        .map(|t| &t.object)
        .collect()
}

fn subject_is(subject: &NamedOrBlankNode, iri: &str) -> bool {
    matches!(subject, NamedOrBlankNode::NamedNode(n) if n.as_str() == iri)
}

/// A term as linked HTML, named by its label when the graph has one.
pub fn shown(snapshot: &Snapshot, term: &Term) -> String {
    match term {
        Term::NamedNode(n) => html::iri(n.as_str(), snapshot.name(n.as_str())),
        other => html::term(other, None),
    }
}

fn kind(snapshot: &Snapshot, iri: &NamedNode, class: &str) -> Result<bool> {
    let class = NamedNode::new_unchecked(bkg(class));
    crate::read::pages::is_a(snapshot.kb(), iri, &class, snapshot.limits())
}

/// The page of `iri`, described by `triples`.
///
/// # Errors
/// A query error, or an unreadable article.
pub fn render(
    snapshot: &Snapshot,
    sources: Option<&Path>,
    iri: &NamedNode,
    triples: &[Triple],
) -> Result<String> {
    let me = iri.as_str();
    let title = snapshot.name(me).map_or_else(|| compact(me), str::to_owned);
    let colours = html::class_colours(snapshot.network());
    let mut body = format!("<h1>{}</h1><p class=\"muted\">{}</p>", esc(&title), esc(me));
    let classes: Vec<String> = objects(triples, me, RDF_TYPE)
        .into_iter()
        .filter_map(|t| match t {
            Term::NamedNode(n) => Some(compact(n.as_str())),
            _ => None,
        })
        .collect();
    if !classes.is_empty() {
        let _ = write!(
            body,
            "<p>{}</p>",
            classes
                .iter()
                .map(|c| html::badge(c, &colours))
                .collect::<String>()
        );
    }
    let names: Vec<String> = NAME_PROPERTIES
        .iter()
        .chain(std::iter::once(&bkg("metonym").as_str()))
        .flat_map(|p| objects(triples, me, p))
        .filter_map(|t| match t {
            Term::Literal(l) => Some(esc(l.value())),
            _ => None,
        })
        .collect();
    if names.len() > 1 {
        let _ = write!(body, "<p>Also called: {}</p>", names.join(" · "));
    }
    if kind(snapshot, iri, "Event")? {
        body.push_str(&event_sections(snapshot, me, triples));
    }
    if kind(snapshot, iri, "Actor")? || snapshot.network().and_then(|n| n.find(me)).is_some() {
        body.push_str(&actor_page::sections(snapshot, iri)?);
    }
    body.push_str(&attestations(snapshot, sources, me, triples)?);
    body.push_str(&statements(snapshot, me, triples));
    body.push_str(&incoming(snapshot, iri)?);
    let _ = write!(
        body,
        "<p class=\"muted\">As RDF: <a href=\"?format=turtle\">Turtle</a> · <a href=\"?format=ntriples\">N-Triples</a> · \
         <a href=\"?format=jsonld\">JSON-LD</a></p>"
    );
    Ok(page(&title, &body))
}

/// What, who, whom, where, when, and the casualty figures of an event.
fn event_sections(snapshot: &Snapshot, me: &str, triples: &[Triple]) -> String {
    let list = |predicates: &[&str]| -> String {
        predicates
            .iter()
            .flat_map(|p| objects(triples, me, &bkg(p)))
            .map(|t| shown(snapshot, t))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut when = list(&["dateText"]);
    let date = list(&["date"]);
    if !date.is_empty() {
        let _ = write!(when, " [{date}]");
    }
    let precision = list(&["datePrecision"]);
    if !precision.is_empty() {
        let _ = write!(when, " ({precision})");
    }
    let rows = vec![
        vec!["What".to_owned(), format!("{} {}", list(&["summary"]), "")],
        vec!["Who".to_owned(), list(&["agent", "participant"])],
        vec!["Whom".to_owned(), list(&["target", "beneficiary"])],
        vec!["Where".to_owned(), list(&["place", "targetPlace", "originPlace"])],
        vec!["When".to_owned(), when],
        vec!["About".to_owned(), list(&["about", "response"])],
    ];
    let rows: Vec<Vec<String>> = rows
        .into_iter()
        .filter(|r| r.get(1).is_some_and(|c| !c.trim().is_empty()))
        .collect();
    let mut s = format!(
        "<h2>The event</h2>{}",
        table(&["", "as the graph states it"], &rows)
    );
    let figures = objects(triples, me, &bkg("casualties"));
    if !figures.is_empty() {
        let mut rows = Vec::new();
        for figure in figures {
            let Term::NamedNode(f) = figure else { continue };
            let what: Vec<String> = triples
                .iter()
                .filter(|t| subject_is(&t.subject, f.as_str()))
                .filter(|t| t.predicate.as_str() != RDF_TYPE && t.predicate.as_str() != bkg("attestedBy"))
                .map(|t| {
                    format!(
                        "{} {}",
                        esc(&local(t.predicate.as_str())),
                        shown(snapshot, &t.object)
                    )
                })
                .collect();
            let attestations = objects(triples, f.as_str(), &bkg("attestedBy"));
            if attestations.is_empty() {
                rows.push(vec![what.join("; "), String::new(), String::new(), String::new()]);
            }
            for a in attestations {
                let Term::NamedNode(a) = a else { continue };
                let field = |p: &str| {
                    objects(triples, a.as_str(), &bkg(p))
                        .into_iter()
                        .map(|t| shown(snapshot, t))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                let claimant = field("claimant");
                rows.push(vec![
                    what.join("; "),
                    if claimant.is_empty() {
                        "the article's own voice".to_owned()
                    } else {
                        claimant
                    },
                    field("standing"),
                    format!("{} #{}", field("source"), field("sentence")),
                ]);
            }
        }
        let _ = write!(
            s,
            "<h2>Casualties, per claimant</h2>{}",
            table(&["figure", "claimed by", "standing", "source"], &rows)
        );
    }
    s
}

/// The local name of an IRI.
fn local(iri: &str) -> String {
    iri.rsplit(['#', '/']).next().unwrap_or(iri).to_owned()
}

/// Every attestation of the entity, with the sentence quoted within its paragraph.
fn attestations(snapshot: &Snapshot, sources: Option<&Path>, me: &str, triples: &[Triple]) -> Result<String> {
    let list = objects(triples, me, &bkg("attestedBy"));
    if list.is_empty() {
        return Ok(String::new());
    }
    let mut s = format!("<h2>Attestations ({})</h2>", list.len());
    if sources.is_none() {
        s.push_str("<p class=\"muted\">Start the server with --sources to quote the sentences.</p>");
    }
    for a in list {
        let Term::NamedNode(a) = a else { continue };
        let one = |p: &str| objects(triples, a.as_str(), &bkg(p)).into_iter().next();
        let number = |p: &str| match one(p) {
            Some(Term::Literal(l)) => l.value().parse::<usize>().ok(),
            _ => None,
        };
        let mut line = String::new();
        if let Some(source) = one("source") {
            let _ = write!(line, "{}", shown(snapshot, source));
        }
        if let Some(i) = number("sentence") {
            let _ = write!(line, ", sentence {i}");
        }
        if let Some(standing) = one("standing") {
            let _ = write!(line, " · {}", shown(snapshot, standing));
        }
        if let Some(claimant) = one("claimant") {
            let _ = write!(line, " · claimed by {}", shown(snapshot, claimant));
        }
        let _ = write!(s, "<p>{line}</p>");
        if let Some(Term::Literal(note)) = one("note") {
            let _ = write!(s, "<p class=\"muted\">Note: {}</p>", esc(note.value()));
        }
        let file = one("source").and_then(|source| match source {
            Term::NamedNode(n) => snapshot.file_name(n.as_str()),
            _ => None,
        });
        if let (Some(dir), Some(file)) = (sources, file) {
            if let Some(html) = quote::paragraph(
                dir,
                &file,
                number("sentence"),
                number("charStart"),
                number("charEnd"),
            )? {
                let _ = write!(s, "<blockquote>{html}</blockquote>");
            }
        }
    }
    Ok(s)
}

/// The entity's own statements, each linked.
fn statements(snapshot: &Snapshot, me: &str, triples: &[Triple]) -> String {
    let rows: Vec<Vec<String>> = triples
        .iter()
        .filter(|t| subject_is(&t.subject, me))
        .map(|t| vec![html::iri(t.predicate.as_str(), None), shown(snapshot, &t.object)])
        .collect();
    format!("<h2>Statements</h2>{}", table(&["property", "value"], &rows))
}

/// Most statements about the entity listed from other nodes.
const MAX_INCOMING: usize = 300;

/// The statements of other nodes that point at the entity.
fn incoming(snapshot: &Snapshot, iri: &NamedNode) -> Result<String> {
    let rows: Vec<Vec<String>> = crate::read::describe::incoming(snapshot.kb(), iri.as_ref(), MAX_INCOMING)?
        .into_iter()
        .map(|(subject, predicate)| {
            vec![
                shown(snapshot, &Term::from(subject)),
                html::iri(predicate.as_str(), None),
            ]
        })
        .collect();
    if rows.is_empty() {
        return Ok(String::new());
    }
    Ok(format!(
        "<h2>Pointed at by</h2>{}",
        table(&["node", "property"], &rows)
    ))
}
