//! Every name the graph gives its entities — preferred and alternative labels, `rdfs:label`,
//! demonyms, and the words an article uses for one (`bkg:mentionedAs`) — read in one query.

use super::{iri, text};
use crate::error::Result;
use crate::query::{select, Kb};

// The filter comes after the BINDs: Virtuoso 7.2 fails to compile `FILTER(isIRI(?s))` ahead of
// a BIND in a UNION branch (SP031 "equiv replaces filter but under deprecation"). The words an
// article uses are found from `bkg:mentionedAs`, which few attestations have: Oxigraph keeps the
// written order of patterns it cannot tell apart, and starting from `bkg:attestedBy` read every
// attestation of a million imported events (70 s).
const NAMES: &str = "SELECT ?s ?p ?l ?cite WHERE {
  { VALUES ?p { skos:prefLabel skos:altLabel rdfs:label bkg:demonym }
    ?s ?p ?l . FILTER(isIRI(?s) && isLiteral(?l)) }
  UNION
  { ?a bkg:mentionedAs ?l . ?s bkg:attestedBy ?a . ?a bkg:sentence ?i ; bkg:source/bkg:fileName ?f .
    BIND(bkg:mentionedAs AS ?p)
    BIND(CONCAT(SUBSTR(?f, 1, 3), \"#\", STR(?i)) AS ?cite)
    FILTER(!isBlank(?s)) }
}";

/// How a name belongs to an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameKind {
    /// `skos:prefLabel`.
    Preferred,
    /// `skos:altLabel`.
    Alternative,
    /// `rdfs:label`.
    Label,
    /// `bkg:demonym`.
    Demonym,
    /// Used for the entity in the cited sentence (`003#1`).
    Mentioned(String),
}

/// One name of one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The entity's IRI.
    pub entity: String,
    /// The name.
    pub name: String,
    /// How it names the entity.
    pub kind: NameKind,
}

/// Every name of every entity.
///
/// # Errors
/// A storage, transport or query error.
pub fn all(kb: &dyn Kb) -> Result<Vec<Name>> {
    Ok(select(kb, "label index", NAMES, &[])?
        .iter()
        .filter_map(|row| {
            let kind = match iri(row, "p")?.rsplit(['#', '/']).next() {
                Some("prefLabel") => NameKind::Preferred,
                Some("altLabel") => NameKind::Alternative,
                Some("demonym") => NameKind::Demonym,
                Some("mentionedAs") => NameKind::Mentioned(text(row, "cite").unwrap_or_default()),
                _ => NameKind::Label,
            };
            let name = match row.get("l") {
                Some(oxigraph::model::Term::Literal(l)) => l.value().to_owned(),
                _ => return None,
            };
            Some(Name {
                entity: iri(row, "s")?,
                name,
                kind,
            })
        })
        .collect())
}
