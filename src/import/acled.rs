//! Reads ACLED rows, in the older (`data_id`, numeric `inter1`) and the current (`disorder_type`,
//! text `inter1`) export layouts, into dataset-neutral event records.

use super::dates::{self, DateSpan, Precision};
use super::detect::Dataset;
use super::error::{ImportError, RowError};
use super::record::{ActorKind, ActorRef, EventRecord, Figure, PlaceRef, Qualifier, Victims};
use super::table::{Columns, Row, Table};
use super::ucdp::point;

const NAMES: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
];
const ID: usize = 0;
const DATE: usize = 1;
const TIME_PREC: usize = 2;
const EVENT_TYPE: usize = 3;
const SUB_TYPE: usize = 4;
const ACTOR1: usize = 5;
const ASSOC1: usize = 6;
const INTER1: usize = 7;
const ACTOR2: usize = 8;
const ASSOC2: usize = 9;
const INTER2: usize = 10;
const COUNTRY: usize = 11;
const ADMIN1: usize = 12;
const ADMIN2: usize = 13;
const ADMIN3: usize = 14;
const LOCATION: usize = 15;
const LAT: usize = 16;
const LON: usize = 17;
const GEO_PREC: usize = 18;
const SOURCE: usize = 19;
const NOTES: usize = 20;
const FATALITIES: usize = 21;

/// Resolves the ACLED columns against the file's header (both layouts share these names).
///
/// # Errors
/// [`ImportError::MissingColumn`] if `event_id_cnty`, `event_date`, `event_type` or `actor1` is missing.
pub fn columns(table: &Table) -> Result<Columns, ImportError> {
    table.columns("ACLED", NAMES, &[ID, DATE, EVENT_TYPE, ACTOR1])
}

/// Reads one ACLED row.
///
/// # Errors
/// A [`RowError`] naming the first column that does not parse.
pub fn read(row: &Row<'_>, cols: &Columns) -> Result<EventRecord, RowError> {
    let id = row.req(cols, ID)?;
    let start = dates::parse(row.req(cols, DATE)?).map_err(|e| row.pos.err(NAMES[DATE], e))?;
    let precision = match row.num::<u8>(cols, TIME_PREC)? {
        None | Some(1) => Precision::Day,
        Some(2) => Precision::Week,
        Some(3) => Precision::Month,
        Some(other) => {
            return Err(row.pos.err(
                NAMES[TIME_PREC],
                format!("{other} is not an ACLED time precision (1-3)"),
            ))
        }
    };
    let event_type = row.req(cols, EVENT_TYPE)?;
    let mut type_codes = vec![event_type.to_owned()];
    type_codes.extend(row.opt(cols, SUB_TYPE)?.map(str::to_owned));
    let kind1 = kind(row.opt(cols, INTER1)?);
    let kind2 = kind(row.opt(cols, INTER2)?);
    let actor1 = ActorRef {
        name: row.req(cols, ACTOR1)?.to_owned(),
        code: None,
        kind: kind1,
    };
    // Whether actor 2 is a target or a party (a protest's police, an agreement's other side) is
    // the taxonomy's call (bkg:secondPartyRole), not the reader's.
    let targets: Vec<ActorRef> = row
        .opt(cols, ACTOR2)?
        .map(|name| ActorRef {
            name: name.to_owned(),
            code: None,
            kind: kind2,
        })
        .into_iter()
        .collect();
    let mut participants = associates(row.opt(cols, ASSOC1)?, kind1);
    participants.extend(associates(row.opt(cols, ASSOC2)?, kind2));
    let owned = |col| -> Result<Option<String>, RowError> { Ok(row.opt(cols, col)?.map(str::to_owned)) };
    Ok(EventRecord {
        dataset: Dataset::Acled,
        id: id.to_owned(),
        row: row.pos.row,
        type_codes,
        agents: vec![actor1],
        targets,
        participants,
        place: PlaceRef {
            country: owned(COUNTRY)?,
            admin1: owned(ADMIN1)?,
            admin2: owned(ADMIN2)?,
            admin3: owned(ADMIN3)?,
            location: owned(LOCATION)?,
        },
        date: DateSpan {
            start,
            end: None,
            precision,
        },
        point: point(row, cols, LON, LAT)?,
        location_precision: row.num(cols, GEO_PREC)?,
        figures: row
            .num::<u64>(cols, FATALITIES)?
            .map(|deaths| {
                vec![Figure {
                    qualifier: Qualifier::AtLeast,
                    victims: Victims::All,
                    deaths,
                    low: None,
                    high: None,
                }]
            })
            .unwrap_or_default(),
        cited_sources: owned(SOURCE)?.into_iter().collect(),
        note: owned(NOTES)?,
    })
}

/// The actor kind an `inter` code implies: numeric in the older layout, a name in the current one.
fn kind(inter: Option<&str>) -> ActorKind {
    match inter.map(str::to_ascii_lowercase).as_deref() {
        Some("1" | "state forces" | "8" | "external/other forces") => ActorKind::GovernmentBody,
        Some("2" | "rebel group" | "3" | "political militia" | "4" | "identity militia") => {
            ActorKind::ArmedGroup
        }
        Some("5" | "rioters" | "6" | "protesters" | "7" | "civilians") => ActorKind::PeopleGroup,
        _ => ActorKind::Unknown,
    }
}

/// Splits an `assoc_actor_*` field, which lists several actors separated by `;`.
fn associates(field: Option<&str>, kind: ActorKind) -> Vec<ActorRef> {
    field
        .into_iter()
        .flat_map(|f| f.split(';'))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|name| ActorRef {
            name: name.to_owned(),
            code: None,
            kind,
        })
        .collect()
}
