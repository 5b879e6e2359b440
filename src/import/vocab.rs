//! The IRIs the importers write: namespaces, ontology terms and the dataset terms (the "Dataset
//! imports" part of `ontology/borderkg.ttl`). Nothing else in `import` spells an IRI out.

use oxrdf::NamedNodeRef;

/// Namespace of the borderkg ontology.
pub const BKG: &str = "https://w3id.org/borderkg/ontology#";
/// Namespace of entities, events and sources.
pub const ID: &str = "https://w3id.org/borderkg/id/";
/// Namespace of events.
pub const EVENT: &str = "https://w3id.org/borderkg/id/event/";
/// Namespace of attestations of dataset rows.
pub const ATTESTATION: &str = "https://w3id.org/borderkg/id/attestation/";
/// Namespace of casualty figures stated by dataset rows.
pub const FIGURE: &str = "https://w3id.org/borderkg/id/figure/";
/// Namespace of point geometries of dataset events.
pub const GEOMETRY: &str = "https://w3id.org/borderkg/id/geometry/";
/// Namespace of sources.
pub const SOURCE: &str = "https://w3id.org/borderkg/id/source/";
/// Namespace of the named graphs that hold one dataset's import each.
pub const GRAPH: &str = "https://w3id.org/borderkg/graph/";
/// Namespace of the SKOS concepts of the datasets' event taxonomies.
pub const TAXONOMY: &str = "https://w3id.org/borderkg/taxonomy/";

macro_rules! iri {
    ($name:ident, $ns:literal, $local:literal) => {
        #[doc = concat!("`", $ns, $local, "`")]
        pub const $name: NamedNodeRef<'static> = NamedNodeRef::new_unchecked(concat!($ns, $local));
    };
}

pub mod rdf {
    //! RDF, RDFS and SKOS terms.
    use super::NamedNodeRef;
    iri!(TYPE, "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type");
    iri!(LABEL, "http://www.w3.org/2000/01/rdf-schema#", "label");
    iri!(PREF_LABEL, "http://www.w3.org/2004/02/skos/core#", "prefLabel");
    iri!(ALT_LABEL, "http://www.w3.org/2004/02/skos/core#", "altLabel");
    iri!(NOTATION, "http://www.w3.org/2004/02/skos/core#", "notation");
    iri!(IN_SCHEME, "http://www.w3.org/2004/02/skos/core#", "inScheme");
}

pub mod geo {
    //! GeoSPARQL terms.
    use super::NamedNodeRef;
    iri!(
        HAS_GEOMETRY,
        "http://www.opengis.net/ont/geosparql#",
        "hasGeometry"
    );
    iri!(GEOMETRY, "http://www.opengis.net/ont/geosparql#", "Geometry");
    iri!(AS_WKT, "http://www.opengis.net/ont/geosparql#", "asWKT");
    iri!(WKT_LITERAL, "http://www.opengis.net/ont/geosparql#", "wktLiteral");
}

pub mod xsd {
    //! XML Schema datatypes.
    use super::NamedNodeRef;
    iri!(INTEGER, "http://www.w3.org/2001/XMLSchema#", "integer");
    iri!(DATE, "http://www.w3.org/2001/XMLSchema#", "date");
    iri!(G_YEAR_MONTH, "http://www.w3.org/2001/XMLSchema#", "gYearMonth");
    iri!(G_YEAR, "http://www.w3.org/2001/XMLSchema#", "gYear");
}

pub mod bkg {
    //! Terms of the borderkg ontology, existing and added for dataset imports.
    use super::NamedNodeRef;
    // Classes.
    iri!(EVENT, "https://w3id.org/borderkg/ontology#", "Event");
    iri!(STATE, "https://w3id.org/borderkg/ontology#", "State");
    iri!(ARMED_GROUP, "https://w3id.org/borderkg/ontology#", "ArmedGroup");
    iri!(
        GOVERNMENT_BODY,
        "https://w3id.org/borderkg/ontology#",
        "GovernmentBody"
    );
    iri!(PEOPLE_GROUP, "https://w3id.org/borderkg/ontology#", "PeopleGroup");
    iri!(ACTOR, "https://w3id.org/borderkg/ontology#", "Actor");
    iri!(PLACE, "https://w3id.org/borderkg/ontology#", "Place");
    iri!(PROVINCE, "https://w3id.org/borderkg/ontology#", "Province");
    iri!(DISTRICT, "https://w3id.org/borderkg/ontology#", "District");
    iri!(SETTLEMENT, "https://w3id.org/borderkg/ontology#", "Settlement");
    iri!(
        CASUALTY_FIGURE,
        "https://w3id.org/borderkg/ontology#",
        "CasualtyFigure"
    );
    iri!(SOURCE, "https://w3id.org/borderkg/ontology#", "Source");
    // Event roles, dates, figures, provenance (existing terms).
    iri!(AGENT, "https://w3id.org/borderkg/ontology#", "agent");
    iri!(TARGET, "https://w3id.org/borderkg/ontology#", "target");
    iri!(PARTICIPANT, "https://w3id.org/borderkg/ontology#", "participant");
    iri!(PLACE_PROP, "https://w3id.org/borderkg/ontology#", "place");
    iri!(LOCATED_IN, "https://w3id.org/borderkg/ontology#", "locatedIn");
    iri!(DATE, "https://w3id.org/borderkg/ontology#", "date");
    iri!(
        DATE_PRECISION,
        "https://w3id.org/borderkg/ontology#",
        "datePrecision"
    );
    iri!(SUMMARY, "https://w3id.org/borderkg/ontology#", "summary");
    iri!(CASUALTIES, "https://w3id.org/borderkg/ontology#", "casualties");
    iri!(DEATHS, "https://w3id.org/borderkg/ontology#", "deaths");
    iri!(QUALIFIER, "https://w3id.org/borderkg/ontology#", "qualifier");
    iri!(
        VICTIM_CATEGORY,
        "https://w3id.org/borderkg/ontology#",
        "victimCategory"
    );
    iri!(ATTESTED_BY, "https://w3id.org/borderkg/ontology#", "attestedBy");
    iri!(SOURCE_PROP, "https://w3id.org/borderkg/ontology#", "source");
    iri!(STANDING, "https://w3id.org/borderkg/ontology#", "standing");
    iri!(NOTE, "https://w3id.org/borderkg/ontology#", "note");
    iri!(REPORTED, "https://w3id.org/borderkg/ontology#", "Reported");
    iri!(AT_LEAST, "https://w3id.org/borderkg/ontology#", "AtLeast");
    iri!(DAY, "https://w3id.org/borderkg/ontology#", "DayPrecision");
    iri!(WEEK, "https://w3id.org/borderkg/ontology#", "WeekPrecision");
    iri!(MONTH, "https://w3id.org/borderkg/ontology#", "MonthPrecision");
    iri!(YEAR, "https://w3id.org/borderkg/ontology#", "YearPrecision");
    // Terms for dataset imports (the "Dataset imports" part of ontology/borderkg.ttl).
    iri!(
        DATASET_SOURCE,
        "https://w3id.org/borderkg/ontology#",
        "DatasetSource"
    );
    iri!(
        DATASET_ATTESTATION,
        "https://w3id.org/borderkg/ontology#",
        "DatasetAttestation"
    );
    iri!(ORIGIN, "https://w3id.org/borderkg/ontology#", "origin");
    iri!(
        DATASET_IMPORT,
        "https://w3id.org/borderkg/ontology#",
        "DatasetImport"
    );
    iri!(
        DATASET_EVENT_TYPE,
        "https://w3id.org/borderkg/ontology#",
        "datasetEventType"
    );
    iri!(EVENT_CLASS, "https://w3id.org/borderkg/ontology#", "eventClass");
    iri!(
        SECOND_PARTY_ROLE,
        "https://w3id.org/borderkg/ontology#",
        "secondPartyRole"
    );
    iri!(TARGET_PLACE, "https://w3id.org/borderkg/ontology#", "targetPlace");
    iri!(CAPTURE, "https://w3id.org/borderkg/ontology#", "Capture");
    iri!(DATASET_FILE, "https://w3id.org/borderkg/ontology#", "datasetFile");
    iri!(DATASET_ROW, "https://w3id.org/borderkg/ontology#", "datasetRow");
    iri!(
        DATASET_RECORD_ID,
        "https://w3id.org/borderkg/ontology#",
        "datasetRecordId"
    );
    iri!(CITED_SOURCE, "https://w3id.org/borderkg/ontology#", "citedSource");
    iri!(DEATHS_LOW, "https://w3id.org/borderkg/ontology#", "deathsLow");
    iri!(DEATHS_HIGH, "https://w3id.org/borderkg/ontology#", "deathsHigh");
    iri!(
        BEST_ESTIMATE,
        "https://w3id.org/borderkg/ontology#",
        "BestEstimate"
    );
    iri!(
        DATE_EARLIEST,
        "https://w3id.org/borderkg/ontology#",
        "dateEarliest"
    );
    iri!(DATE_LATEST, "https://w3id.org/borderkg/ontology#", "dateLatest");
    iri!(
        LOCATION_PRECISION,
        "https://w3id.org/borderkg/ontology#",
        "locationPrecision"
    );
}

/// Curated entities the importers refer to by name.
pub mod id {
    use super::NamedNodeRef;
    iri!(
        PEOPLE_ALL_SIDES,
        "https://w3id.org/borderkg/id/",
        "people-all-sides"
    );
    iri!(
        UNKNOWN_VICTIMS,
        "https://w3id.org/borderkg/id/",
        "dataset-unknown-victims"
    );
}
