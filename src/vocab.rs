//! The IRIs the code refers to: namespaces, ontology terms and the prefixes shared by queries and
//! exports. Nothing else in the crate spells an IRI out.

use oxigraph::model::NamedNodeRef;

/// Namespace of the borderkg ontology.
pub const BKG: &str = "https://w3id.org/borderkg/ontology#";
/// Namespace of the entities, events, facts and sources of the knowledge graph.
pub const ID: &str = "https://w3id.org/borderkg/id/";
/// Namespace of skolem IRIs that replace blank nodes at build time.
pub const GENID: &str = "https://w3id.org/borderkg/id/.well-known/genid/";

/// Namespace of the store's named graphs.
pub const GRAPHS: &str = "https://w3id.org/borderkg/graph/";
/// Named graph of the ontology (classes, properties, shapes, alignments).
pub const ONTOLOGY_GRAPH: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("https://w3id.org/borderkg/graph/ontology");
/// Named graph of what the rules derive.
pub const DERIVED_GRAPH: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("https://w3id.org/borderkg/graph/derived");
/// Prefix of the named graphs of imported datasets, one per dataset.
pub const IMPORT_GRAPHS: &str = "https://w3id.org/borderkg/graph/import/";

/// Prefixes known to every query and used by exports, in a fixed order.
pub const PREFIXES: &[(&str, &str)] = &[
    ("bkg", BKG),
    ("id", ID),
    ("ev", "https://w3id.org/borderkg/id/event/"),
    ("fact", "https://w3id.org/borderkg/id/fact/"),
    ("src", "https://w3id.org/borderkg/id/source/"),
    ("edge", "https://w3id.org/borderkg/id/edge/"),
    ("genid", GENID),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("sh", "http://www.w3.org/ns/shacl#"),
    ("sem", "http://semanticweb.cs.vu.nl/2009/11/sem/"),
    ("prov", "http://www.w3.org/ns/prov#"),
    ("wd", "http://www.wikidata.org/entity/"),
    ("wdt", "http://www.wikidata.org/prop/direct/"),
];

macro_rules! iri {
    ($name:ident, $ns:literal, $local:literal) => {
        #[doc = concat!("`", $ns, $local, "`")]
        pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));
    };
}

pub mod rdf {
    //! RDF and RDFS terms used by the code.
    pub use oxigraph::model::vocab::rdf::*;
    pub use oxigraph::model::vocab::rdfs::*;
}

pub mod sh {
    //! The SHACL terms the code names outside SPARQL text.
    use super::NamedNodeRef;

    iri!(NODE_SHAPE, "http://www.w3.org/ns/shacl#", "NodeShape");
    iri!(PROPERTY, "http://www.w3.org/ns/shacl#", "property");
    iri!(IRI, "http://www.w3.org/ns/shacl#", "IRI");
    iri!(LITERAL, "http://www.w3.org/ns/shacl#", "Literal");
}

/// Writes an IRI as a prefixed name when one of [`PREFIXES`] covers it with a valid local part,
/// otherwise as `<iri>`.
pub fn compact(iri: &str) -> String {
    for (prefix, ns) in PREFIXES {
        if let Some(local) = iri.strip_prefix(ns) {
            if is_simple_local(local) {
                return format!("{prefix}:{local}");
            }
        }
    }
    format!("<{iri}>")
}

/// Expands `prefix:local` with [`PREFIXES`]; `None` when the prefix is unknown.
pub fn expand(name: &str) -> Option<String> {
    let (prefix, local) = name.split_once(':')?;
    PREFIXES
        .iter()
        .find(|(p, _)| *p == prefix)
        .map(|(_, ns)| format!("{ns}{local}"))
}

/// True when `local` can follow a prefix in Turtle and SPARQL without escaping.
pub fn is_simple_local(local: &str) -> bool {
    !local.is_empty()
        && !local.ends_with('.')
        && !local.starts_with('-')
        && !local.starts_with('.')
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_and_expand_round_trip() {
        let iri = "https://w3id.org/borderkg/id/event/kavo-clash";
        assert_eq!(compact(iri), "ev:kavo-clash");
        assert_eq!(expand("ev:kavo-clash").as_deref(), Some(iri));
    }

    #[test]
    fn compact_falls_back_to_brackets() {
        assert_eq!(compact("http://example.org/a/b"), "<http://example.org/a/b>");
        assert_eq!(
            compact("https://w3id.org/borderkg/id/a/b"),
            "<https://w3id.org/borderkg/id/a/b>"
        );
    }

    #[test]
    fn unknown_prefix_does_not_expand() {
        assert_eq!(expand("nope:x"), None);
    }
}
