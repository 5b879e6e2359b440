//! The dataset-neutral shape of one imported event row: what each reader produces and the RDF
//! mapper consumes, so the three datasets share one mapping to the ontology.

use super::dates::DateSpan;
use super::detect::Dataset;

/// One event as a dataset row states it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventRecord {
    /// The dataset.
    pub dataset: Dataset,
    /// The dataset's own event id (`id`, `event_id_cnty`, `GLOBALEVENTID`), as IRI slug and citation.
    pub id: String,
    /// The row number in its file, as [`super::RowError`] counts it.
    pub row: u64,
    /// Codes of the dataset's event taxonomy, general first (`["Battles", "Armed clash"]`,
    /// `["19", "193"]`, `["1"]`); the most specific code the taxonomy knows fixes the class.
    pub type_codes: Vec<String>,
    /// Who carried the event out (side A, actor 1).
    pub agents: Vec<ActorRef>,
    /// Who it was directed at (side B, actor 2).
    pub targets: Vec<ActorRef>,
    /// Others involved (associated actors, actor 2 of a protest).
    pub participants: Vec<ActorRef>,
    /// Where.
    pub place: PlaceRef,
    /// When, with precision.
    pub date: DateSpan,
    /// Longitude and latitude of the event.
    pub point: Option<(f64, f64)>,
    /// The dataset's location precision code (UCDP `where_prec`, ACLED `geo_precision`, GDELT
    /// `ActionGeo_Type`).
    pub location_precision: Option<u8>,
    /// Casualty figures.
    pub figures: Vec<Figure>,
    /// The row's own citations (UCDP `source_article`, ACLED `source`, GDELT `SOURCEURL`).
    pub cited_sources: Vec<String>,
    /// The row's free-text note (ACLED `notes`, UCDP `source_headline`).
    pub note: Option<String>,
}

/// An actor as a dataset names it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActorRef {
    /// The name (`Taleban`, `Military Forces of Pakistan (2018-)`, `TALIBAN`).
    pub name: String,
    /// A code where the dataset has one (GDELT's CAMEO actor code `AFGTAL`).
    pub code: Option<String>,
    /// What kind of actor the dataset says it is.
    pub kind: ActorKind,
}

/// The kind of actor a dataset's own codes imply, used to type new entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ActorKind {
    /// A state as such.
    State,
    /// A government, its forces or agencies.
    GovernmentBody,
    /// A rebel group, militia or terrorist group.
    ArmedGroup,
    /// Civilians, protesters, rioters or another collective.
    PeopleGroup,
    /// The dataset does not say.
    #[default]
    Unknown,
}

/// Where an event happened, from the country down.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlaceRef {
    /// The country's name.
    pub country: Option<String>,
    /// First-level administrative unit (province).
    pub admin1: Option<String>,
    /// Second-level unit (district).
    pub admin2: Option<String>,
    /// Third-level unit.
    pub admin3: Option<String>,
    /// The named location (town, village, site).
    pub location: Option<String>,
}

/// Whom a casualty figure counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Victims {
    /// Everyone killed (UCDP `best`, ACLED `fatalities`).
    All,
    /// Side A's dead.
    SideA,
    /// Side B's dead.
    SideB,
    /// Civilians killed.
    Civilians,
    /// Dead of unknown status.
    Unknown,
}

/// How a dataset hedges its death counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// The most likely number, within low and high estimates (UCDP).
    BestEstimate,
    /// A lower bound: the most conservative of the reports (ACLED).
    AtLeast,
}

/// A casualty figure of the row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// How the number is hedged.
    pub qualifier: Qualifier,
    /// Whom it counts.
    pub victims: Victims,
    /// The (best) number killed.
    pub deaths: u64,
    /// UCDP's low estimate.
    pub low: Option<u64>,
    /// UCDP's high estimate.
    pub high: Option<u64>,
}
