//! Reads UCDP GED rows (columns matched by header name, as the GED codebook names them) into
//! dataset-neutral event records.

use super::dates::{self, DateSpan, Precision};
use super::detect::Dataset;
use super::error::{ImportError, RowError};
use super::record::{ActorKind, ActorRef, EventRecord, Figure, PlaceRef, Qualifier, Victims};
use super::table::{Columns, Row, Table};

/// The GED columns the mapping reads, in the order of the constants below.
const NAMES: &[&str] = &[
    "id",
    "type_of_violence",
    "side_a",
    "side_b",
    "source_article",
    "source_headline",
    "where_prec",
    "where_coordinates",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "country",
    "date_prec",
    "date_start",
    "date_end",
    "deaths_a",
    "deaths_b",
    "deaths_civilians",
    "deaths_unknown",
    "best",
    "high",
    "low",
];
const ID: usize = 0;
const TYPE: usize = 1;
const SIDE_A: usize = 2;
const SIDE_B: usize = 3;
const SOURCE_ARTICLE: usize = 4;
const HEADLINE: usize = 5;
const WHERE_PREC: usize = 6;
const WHERE: usize = 7;
const ADM1: usize = 8;
const ADM2: usize = 9;
const LAT: usize = 10;
const LON: usize = 11;
const COUNTRY: usize = 12;
const DATE_PREC: usize = 13;
const DATE_START: usize = 14;
const DATE_END: usize = 15;
const DEATHS_A: usize = 16;
const DEATHS_B: usize = 17;
const DEATHS_CIV: usize = 18;
const DEATHS_UNKNOWN: usize = 19;
const BEST: usize = 20;
const HIGH: usize = 21;
const LOW: usize = 22;

/// Resolves the GED columns against the file's header.
///
/// # Errors
/// [`ImportError::MissingColumn`] if `id`, `type_of_violence`, `side_a`, `side_b` or
/// `date_start` is missing.
pub fn columns(table: &Table) -> Result<Columns, ImportError> {
    table.columns("UCDP GED", NAMES, &[ID, TYPE, SIDE_A, SIDE_B, DATE_START])
}

/// Reads one GED row.
///
/// # Errors
/// A [`RowError`] naming the first column that does not parse.
pub fn read(row: &Row<'_>, cols: &Columns) -> Result<EventRecord, RowError> {
    let id = row.req(cols, ID)?;
    let violence = row.req(cols, TYPE)?;
    if !matches!(violence, "1" | "2" | "3") {
        return Err(row.pos.err(
            NAMES[TYPE],
            format!("{violence:?} is not a UCDP type of violence (1, 2 or 3)"),
        ));
    }
    let country = row.opt(cols, COUNTRY)?;
    let side = |col| -> Result<Vec<ActorRef>, RowError> {
        Ok(row
            .opt(cols, col)?
            .map(|name| vec![actor(name, country)])
            .unwrap_or_default())
    };
    let figure = |col, victims| -> Result<Option<Figure>, RowError> {
        Ok(row
            .num::<u64>(cols, col)?
            .filter(|&n| n > 0)
            .map(|deaths| Figure {
                qualifier: Qualifier::BestEstimate,
                victims,
                deaths,
                low: None,
                high: None,
            }))
    };
    let mut figures = Vec::new();
    if let Some(best) = row.num::<u64>(cols, BEST)? {
        let (low, high) = (row.num(cols, LOW)?, row.num(cols, HIGH)?);
        figures.push(Figure {
            qualifier: Qualifier::BestEstimate,
            victims: Victims::All,
            deaths: best,
            low,
            high,
        });
    }
    for (col, victims) in [
        (DEATHS_A, Victims::SideA),
        (DEATHS_B, Victims::SideB),
        (DEATHS_CIV, Victims::Civilians),
        (DEATHS_UNKNOWN, Victims::Unknown),
    ] {
        figures.extend(figure(col, victims)?);
    }
    Ok(EventRecord {
        dataset: Dataset::Ucdp,
        id: id.to_owned(),
        row: row.pos.row,
        type_codes: vec![violence.to_owned()],
        agents: side(SIDE_A)?,
        targets: side(SIDE_B)?,
        participants: Vec::new(),
        place: PlaceRef {
            country: row.opt(cols, COUNTRY)?.map(str::to_owned),
            admin1: row.opt(cols, ADM1)?.map(str::to_owned),
            admin2: row.opt(cols, ADM2)?.map(str::to_owned),
            admin3: None,
            location: row.opt(cols, WHERE)?.map(str::to_owned),
        },
        date: date_span(row, cols)?,
        point: point(row, cols, LON, LAT)?,
        location_precision: row.num(cols, WHERE_PREC)?,
        figures,
        cited_sources: row
            .opt(cols, SOURCE_ARTICLE)?
            .map(|s| vec![s.to_owned()])
            .unwrap_or_default(),
        note: row.opt(cols, HEADLINE)?.map(str::to_owned),
    })
}

fn date_span(row: &Row<'_>, cols: &Columns) -> Result<DateSpan, RowError> {
    let start = dates::parse(row.req(cols, DATE_START)?).map_err(|e| row.pos.err(NAMES[DATE_START], e))?;
    let end = match row.opt(cols, DATE_END)? {
        Some(text) => Some(dates::parse(text).map_err(|e| row.pos.err(NAMES[DATE_END], e))?),
        None => None,
    };
    if end.is_some_and(|end| end < start) {
        return Err(row.pos.err(NAMES[DATE_END], "ends before date_start"));
    }
    let precision = match row.num::<u8>(cols, DATE_PREC)? {
        None | Some(1) => Precision::Day,
        Some(2 | 3) => Precision::Week,
        Some(4) => Precision::Month,
        Some(5) => Precision::Year,
        Some(other) => {
            return Err(row.pos.err(
                NAMES[DATE_PREC],
                format!("{other} is not a GED date precision (1-5)"),
            ))
        }
    };
    Ok(DateSpan {
        start,
        end: end.filter(|&e| e != start),
        precision,
    })
}

/// Reads a longitude/latitude pair, rejecting numbers off the globe.
pub(crate) fn point(
    row: &Row<'_>,
    cols: &Columns,
    lon: usize,
    lat: usize,
) -> Result<Option<(f64, f64)>, RowError> {
    let (x, y) = (row.num::<f64>(cols, lon)?, row.num::<f64>(cols, lat)?);
    match (x, y) {
        (Some(x), Some(y)) => {
            if !(-180.0..=180.0).contains(&x) {
                return Err(row
                    .pos
                    .err(Row::column_name(cols, lon), format!("{x} is not a longitude")));
            }
            if !(-90.0..=90.0).contains(&y) {
                return Err(row
                    .pos
                    .err(Row::column_name(cols, lat), format!("{y} is not a latitude")));
            }
            Ok(Some((x, y)))
        }
        _ => Ok(None),
    }
}

/// A side of a GED dyad. "Civilians" (the target of one-sided violence) is made specific to the
/// event's country, as ACLED names them, so that it can match a curated group of civilians.
fn actor(name: &str, country: Option<&str>) -> ActorRef {
    if name.eq_ignore_ascii_case("civilians") {
        let name = country.map_or_else(|| name.to_owned(), |c| format!("Civilians ({c})"));
        return ActorRef {
            name,
            code: None,
            kind: ActorKind::PeopleGroup,
        };
    }
    let kind = if name.starts_with("Government of") {
        ActorKind::State
    } else {
        ActorKind::ArmedGroup
    };
    ActorRef {
        name: name.to_owned(),
        code: None,
        kind,
    }
}
