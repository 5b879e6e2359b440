//! Ontology and namespace IRIs in one place, so no IRI string is scattered through the code.

/// The ontology namespace.
pub const BKG: &str = "https://w3id.org/borderkg/ontology#";
/// Entities (actors and places).
pub const ID: &str = "https://w3id.org/borderkg/id/";
/// Events.
pub const EV: &str = "https://w3id.org/borderkg/id/event/";
/// Reified facts.
pub const FACT: &str = "https://w3id.org/borderkg/id/fact/";
/// Source documents.
pub const SRC: &str = "https://w3id.org/borderkg/id/source/";
/// rdf:type.
pub const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
/// rdf:subject of a reified fact.
pub const RDF_SUBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject";
/// rdf:predicate of a reified fact.
pub const RDF_PREDICATE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate";
/// rdf:object of a reified fact.
pub const RDF_OBJECT: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#object";
/// rdfs:label.
pub const RDFS_LABEL: &str = "http://www.w3.org/2000/01/rdf-schema#label";
/// rdfs:subClassOf.
pub const RDFS_SUBCLASS: &str = "http://www.w3.org/2000/01/rdf-schema#subClassOf";
/// skos:prefLabel.
pub const SKOS_PREF: &str = "http://www.w3.org/2004/02/skos/core#prefLabel";
/// skos:altLabel.
pub const SKOS_ALT: &str = "http://www.w3.org/2004/02/skos/core#altLabel";
/// xsd namespace.
pub const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// The full IRI of an ontology term from its local name.
pub fn bkg(local: &str) -> String {
    format!("{BKG}{local}")
}

/// The local name of an IRI (after the last `#` or `/`).
pub fn local_name(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// Local names of ontology terms the extractor emits.
pub mod term {
    /// Place class.
    pub const PLACE: &str = "Place";
    /// State class (actor and place).
    pub const STATE: &str = "State";
    /// Armed group class.
    pub const ARMED_GROUP: &str = "ArmedGroup";
    /// Government body class.
    pub const GOVERNMENT_BODY: &str = "GovernmentBody";
    /// Person class.
    pub const PERSON: &str = "Person";
    /// Group of people class.
    pub const PEOPLE_GROUP: &str = "PeopleGroup";
    /// Harbouring situation class.
    pub const HARBOURING: &str = "Harbouring";
    /// Denial class.
    pub const DENIAL: &str = "Denial";
    /// De facto government role.
    pub const DE_FACTO_GOVERNMENT: &str = "DeFactoGovernment";
}
