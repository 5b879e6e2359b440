//! Reads GDELT event rows (1.0 with 57 or 58 columns, 2.0 with 61, tab-separated, no header)
//! into dataset-neutral event records, by the column positions of the GDELT event codebook.

use super::dates::{self, DateSpan, Precision};
use super::detect::{Dataset, Layout};
use super::error::RowError;
use super::record::{ActorKind, ActorRef, EventRecord, PlaceRef};
use super::table::{Columns, Row};
use super::ucdp::point;

const NAMES: &[&str] = &[
    "GLOBALEVENTID",
    "SQLDATE",
    "Actor1Code",
    "Actor1Name",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2Type1Code",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "SOURCEURL",
];
const ID: usize = 0;
const DATE: usize = 1;
const A1_CODE: usize = 2;
const A1_NAME: usize = 3;
const A1_TYPE: usize = 4;
const A2_CODE: usize = 5;
const A2_NAME: usize = 6;
const A2_TYPE: usize = 7;
const CODE: usize = 8;
const BASE: usize = 9;
const ROOT: usize = 10;
const GEO_TYPE: usize = 11;
const GEO_NAME: usize = 12;
const LAT: usize = 15;
const LON: usize = 16;
const URL: usize = 17;

/// The least and most columns a row of a GDELT layout has, `None` for the other datasets. A 1.0
/// file is read whether or not its rows carry `SOURCEURL`.
pub fn width(layout: Layout) -> Option<(usize, usize)> {
    match layout {
        Layout::Gdelt1 { .. } => Some((57, 58)),
        Layout::Gdelt2 => Some((61, 61)),
        _ => None,
    }
}

/// The positions of the columns read, for a GDELT layout.
pub fn columns(layout: Layout) -> Columns {
    let common = [0, 1, 5, 6, 12, 15, 16, 22, 26, 27, 28];
    let geo: [usize; 6] = match layout {
        Layout::Gdelt2 => [51, 52, 53, 54, 56, 57],
        _ => [49, 50, 51, 52, 53, 54],
    };
    let url = match layout {
        Layout::Gdelt2 => Some(60),
        _ => Some(57),
    };
    let positions: Vec<Option<usize>> = common
        .iter()
        .chain(geo.iter())
        .map(|&p| Some(p))
        .chain(std::iter::once(url))
        .collect();
    Columns::fixed(NAMES, &positions)
}

/// Reads one GDELT row.
///
/// # Errors
/// A [`RowError`] naming the first column that does not parse.
pub fn read(row: &Row<'_>, cols: &Columns) -> Result<EventRecord, RowError> {
    let id = row.req(cols, ID)?;
    if !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(row.pos.err(NAMES[ID], format!("{id:?} is not a GDELT event id")));
    }
    let start = dates::parse(row.req(cols, DATE)?).map_err(|e| row.pos.err(NAMES[DATE], e))?;
    let root = row.req(cols, ROOT)?;
    let mut type_codes = vec![format!("{root:0>2}")];
    for col in [BASE, CODE] {
        if let Some(code) = row.opt(cols, col)? {
            if !code.bytes().all(|b| b.is_ascii_digit()) {
                return Err(row.pos.err(NAMES[col], format!("{code:?} is not a CAMEO code")));
            }
            if !type_codes.iter().any(|c| c == code) {
                type_codes.push(code.to_owned());
            }
        }
    }
    let actor = |code_col, name_col, type_col| -> Result<Option<ActorRef>, RowError> {
        let code = row.opt(cols, code_col)?;
        let name = row.opt(cols, name_col)?;
        let kind = kind(code, row.opt(cols, type_col)?);
        Ok(match (code, name) {
            (None, None) => None,
            (code, name) => Some(ActorRef {
                name: name.or(code).unwrap_or_default().to_owned(),
                code: code.map(str::to_owned),
                kind,
            }),
        })
    };
    Ok(EventRecord {
        dataset: Dataset::Gdelt,
        id: id.to_owned(),
        row: row.pos.row,
        type_codes,
        agents: actor(A1_CODE, A1_NAME, A1_TYPE)?.into_iter().collect(),
        targets: actor(A2_CODE, A2_NAME, A2_TYPE)?.into_iter().collect(),
        participants: Vec::new(),
        place: place(row.num::<u8>(cols, GEO_TYPE)?, row.opt(cols, GEO_NAME)?),
        date: DateSpan {
            start,
            end: None,
            precision: Precision::Day,
        },
        point: point(row, cols, LON, LAT)?,
        location_precision: row.num(cols, GEO_TYPE)?,
        figures: Vec::new(),
        cited_sources: row
            .opt(cols, URL)?
            .map(|u| vec![u.to_owned()])
            .unwrap_or_default(),
        note: None,
    })
}

/// Splits `ActionGeo_FullName` ("Kabul, Kabol, Afghanistan") by its geographic resolution:
/// 1 country, 4 world city, 5 world first-level division (2 and 3 are US states and cities).
fn place(geo_type: Option<u8>, full_name: Option<&str>) -> PlaceRef {
    let Some(full) = full_name else {
        return PlaceRef::default();
    };
    let parts: Vec<String> = full
        .split(',')
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect();
    let country = parts.last().cloned();
    match (geo_type, parts.len()) {
        (Some(4 | 3), n) if n >= 2 => PlaceRef {
            country,
            admin1: (n >= 3).then(|| parts[n - 2].clone()),
            location: Some(parts[0].clone()),
            ..PlaceRef::default()
        },
        (Some(5 | 2), n) if n >= 2 => PlaceRef {
            country,
            admin1: Some(parts[0].clone()),
            ..PlaceRef::default()
        },
        _ => PlaceRef {
            country,
            ..PlaceRef::default()
        },
    }
}

/// Three-letter CAMEO actor codes that name groups or organisations, not countries.
const NON_STATE: &[&str] = &[
    "TAL", "ALQ", "IGO", "NGO", "MNC", "UNO", "IMG", "SIS", "UIS", "REB", "INS", "MIL", "GOV",
];

/// The actor kind implied by a CAMEO actor code and its first type code.
fn kind(code: Option<&str>, type1: Option<&str>) -> ActorKind {
    match type1 {
        Some("GOV" | "MIL" | "COP" | "SPY" | "JUD" | "LEG") => ActorKind::GovernmentBody,
        Some("INS" | "REB" | "SEP" | "UAF") => ActorKind::ArmedGroup,
        Some("CVL" | "REF" | "LAB" | "AGR" | "EDU" | "OPP" | "HLH" | "BUS") => ActorKind::PeopleGroup,
        _ if code.is_some_and(|c| {
            c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()) && !NON_STATE.contains(&c)
        }) =>
        {
            ActorKind::State
        }
        _ => ActorKind::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geo_full_name_by_type() {
        let city = place(Some(4), Some("Jalalabad, Nangarhar, Afghanistan"));
        assert_eq!(city.location.as_deref(), Some("Jalalabad"));
        assert_eq!(city.admin1.as_deref(), Some("Nangarhar"));
        assert_eq!(city.country.as_deref(), Some("Afghanistan"));
        let adm = place(Some(5), Some("Khatlon, Tajikistan"));
        assert_eq!(adm.admin1.as_deref(), Some("Khatlon"));
        assert_eq!(
            place(Some(1), Some("Pakistan")).country.as_deref(),
            Some("Pakistan")
        );
    }
}
