//! The extraction's data model: what one article yields (events, facts, proposed entities,
//! unmatched phrases), shared by the writers and the evaluation.

use serde::Serialize;

use super::date::Date;
use super::vocab;

/// What the caller knows about the article besides its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleMeta {
    /// Source identifier, e.g. the file name without extension (`001_c4fba955e0c800b1`).
    pub source_id: String,
    /// The file name the text was read from, when there is one.
    pub file_name: Option<String>,
    /// Publication date; relative dates resolve against it.
    pub date: Date,
    /// Title, when given.
    pub title: Option<String>,
    /// Publisher name, when given.
    pub publisher: Option<String>,
}

impl ArticleMeta {
    /// Metadata with only the required parts.
    pub fn new(source_id: impl Into<String>, date: Date) -> Self {
        Self {
            source_id: source_id.into(),
            file_name: None,
            date,
            title: None,
            publisher: None,
        }
    }

    /// The IRI of the source node.
    pub fn source_iri(&self) -> String {
        format!("{}{}", vocab::SRC, super::slug::source_slug(&self.source_id))
    }
}

/// A reference to an actor or place: its IRI and the label the graph (or the proposal) gives it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct EntityRef {
    /// Full IRI.
    pub iri: String,
    /// Preferred label.
    pub label: String,
}

/// How precisely a date is known (the ontology's `bkg:DatePrecision` individuals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    /// A day.
    Day,
    /// A week.
    Week,
    /// Early, mid or late month.
    PartOfMonth,
    /// A month.
    Month,
    /// A season or span of weeks.
    Season,
    /// A year.
    Year,
    /// Not given.
    Unknown,
}

impl Precision {
    /// The ontology individual.
    pub fn iri(self) -> String {
        vocab::bkg(match self {
            Self::Day => "DayPrecision",
            Self::Week => "WeekPrecision",
            Self::PartOfMonth => "PartOfMonthPrecision",
            Self::Month => "MonthPrecision",
            Self::Season => "SeasonPrecision",
            Self::Year => "YearPrecision",
            Self::Unknown => "UnknownPrecision",
        })
    }
}

/// An event's date: the resolved value (ISO lexical form), its precision and the words used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventDate {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; absent when only relative or unknown.
    pub value: Option<String>,
    /// Precision of the value (or of the words when no value could be fixed).
    pub precision: Precision,
    /// The words of the article that gave the date.
    pub text: Option<String>,
}

impl EventDate {
    /// No date given.
    pub fn unknown() -> Self {
        Self {
            value: None,
            precision: Precision::Unknown,
            text: None,
        }
    }
}

/// How a count is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// Stated without hedging.
    Exact,
    /// "at least".
    AtLeast,
    /// "more than".
    MoreThan,
    /// "about", "around", "nearly".
    Approximately,
    /// "several", "dozens": the count is the smallest the word allows.
    Vague,
}

impl Qualifier {
    /// The ontology individual.
    pub fn iri(self) -> String {
        vocab::bkg(match self {
            Self::Exact => "Exactly",
            Self::AtLeast => "AtLeast",
            Self::MoreThan => "MoreThan",
            Self::Approximately => "About",
            Self::Vague => "Vague",
        })
    }
}

/// A number of people killed or injured.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The number (for vague words, the smallest number the word allows).
    pub count: u32,
    /// How it is hedged.
    pub qualifier: Qualifier,
    /// Who they were, when the sentence says.
    pub victims: Option<EntityRef>,
    /// The words used.
    pub text: String,
}

/// How firmly a statement is put (the ontology's `bkg:Standing` individuals).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Standing {
    /// Denied.
    Denied,
    /// Suspected.
    Suspected,
    /// Alleged.
    Alleged,
    /// Claimed.
    Claimed,
    /// Unconfirmed (reportedly).
    Unconfirmed,
    /// Reported as fact.
    Reported,
}

impl Standing {
    /// The ontology individual.
    pub fn iri(self) -> String {
        vocab::bkg(match self {
            Self::Denied => "Denied",
            Self::Suspected => "Suspected",
            Self::Alleged => "Alleged",
            Self::Claimed => "Claimed",
            Self::Unconfirmed => "Unconfirmed",
            Self::Reported => "Reported",
        })
    }
}

/// Where in the article something was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Sentence index (as `sources::segment` numbers them).
    pub sentence: usize,
    /// First character of the sentence, in characters from the start of the text.
    pub char_start: usize,
    /// Just past the sentence's last character.
    pub char_end: usize,
}

/// One extracted event (speech acts included).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    /// Proposed IRI.
    pub iri: String,
    /// Full IRI of the event class.
    pub class: String,
    /// Who acted (the speaker of a speech act).
    pub agents: Vec<EntityRef>,
    /// Who was acted upon (the accused; for a harbouring, the sheltered group).
    pub targets: Vec<EntityRef>,
    /// Where it happened.
    pub place: Option<EntityRef>,
    /// When.
    pub date: EventDate,
    /// People killed.
    pub killed: Option<Count>,
    /// People injured.
    pub injured: Option<Count>,
    /// How firmly the article puts it.
    pub standing: Standing,
    /// Who the article says makes the claim.
    pub claimant: Option<EntityRef>,
    /// Where it was read.
    pub span: Span,
    /// The extractor's confidence, 0..1.
    pub confidence: f32,
    /// The sentence.
    pub text: String,
    /// The event a speech act is about or asserts (accusation → harbouring; denial → what is denied).
    pub about: Option<String>,
    /// Names that stood for an actor here (a capital for its government), kept for the attestation.
    pub metonyms: Vec<String>,
    /// The trigger words that made the event.
    pub trigger: String,
}

/// The object of a fact: an entity or a stated quantity.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FactObject {
    /// Another actor or place.
    Entity(EntityRef),
    /// A quantity such as a border length.
    Quantity {
        /// What is measured ("length").
        quantity: String,
        /// The number.
        value: f64,
        /// Its unit ("km").
        unit: String,
        /// How it is hedged.
        qualifier: Qualifier,
    },
}

/// One extracted fact (locatedIn, memberOf, leaderOf, nationality, borders, a border's length).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    /// Proposed IRI.
    pub iri: String,
    /// The subject.
    pub subject: EntityRef,
    /// Full IRI of the predicate (`bkg:measurement` for quantities).
    pub predicate: String,
    /// The object.
    pub object: FactObject,
    /// How firmly the article puts it.
    pub standing: Standing,
    /// Who the article says makes the claim.
    pub claimant: Option<EntityRef>,
    /// Where it was read.
    pub span: Span,
    /// The extractor's confidence, 0..1.
    pub confidence: f32,
}

/// An actor or place the graph does not have yet, proposed for review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewEntity {
    /// Proposed IRI (`https://w3id.org/borderkg/id/<slug>`).
    pub iri: String,
    /// Label as the article words it.
    pub label: String,
    /// Full IRI of the class guessed from the head noun.
    pub class: String,
    /// `actor` or `place`.
    pub kind: &'static str,
    /// Where it was first read.
    pub span: Span,
    /// The extractor's confidence, 0..1.
    pub confidence: f32,
}

/// An actor or place the graph already has, named in the article: the draft declares it (class,
/// label, the sentence naming it), so that the draft builds without the files that define it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KnownEntity {
    /// Its IRI.
    pub iri: String,
    /// Its preferred label in the graph.
    pub label: String,
    /// Full IRIs of its classes in the graph.
    pub classes: Vec<String>,
    /// For a border, the places it separates.
    pub separates: Vec<String>,
    /// The first sentence naming it.
    pub span: Span,
}

/// A noun phrase in agent or target position that matched nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    /// The phrase.
    pub phrase: String,
    /// `agent` or `target`.
    pub role: &'static str,
    /// How many times it was seen.
    pub count: usize,
    /// Sentences it was seen in.
    pub sentences: Vec<usize>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    /// Source metadata.
    #[serde(skip)]
    pub meta: ArticleMeta,
    /// Events, in text order.
    pub events: Vec<Event>,
    /// Facts, in text order.
    pub facts: Vec<Fact>,
    /// Proposed actors and places.
    pub new_entities: Vec<NewEntity>,
    /// Unmatched phrases in argument position.
    pub unmatched: Vec<Unmatched>,
    /// Number of sentences read (furniture included).
    pub sentences: usize,
    /// Sentences skipped as headlines, bylines, credits or page furniture.
    pub skipped: Vec<usize>,
    /// The publisher named in the metadata, when the graph knows it.
    pub publisher: Option<EntityRef>,
    /// Graph actors and places the article names, in the order first named.
    #[serde(skip)]
    pub mentioned: Vec<KnownEntity>,
    /// The graph already describes this source (with a label): the draft does not label it again.
    #[serde(skip)]
    pub source_known: bool,
}
