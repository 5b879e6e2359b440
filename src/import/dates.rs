//! Parses the datasets' date spellings (`2023-01-05`, `2023-01-05 00:00:00.000`,
//! `05 January 2023`, `20230105`) into calendar dates, and pairs them with a precision.

use std::fmt;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1-12.
    pub month: u8,
    /// Day, 1-31.
    pub day: u8,
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How precisely a dataset fixes the date, as the ontology's precision individuals say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// The day is known.
    Day,
    /// Known to within a week.
    Week,
    /// Known to a month.
    Month,
    /// Known to a year.
    Year,
}

/// When an event happened: its first (or only) day, its last day if it spans several, and how
/// precisely the dataset knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    /// First day.
    pub start: Date,
    /// Last day, when different from the first.
    pub end: Option<Date>,
    /// Precision.
    pub precision: Precision,
}

/// Parses one date, or explains what was expected.
///
/// # Errors
/// A message naming the accepted spellings.
pub fn parse(text: &str) -> Result<Date, String> {
    let text = text.trim();
    let bad = || format!("{text:?} is not a date (expected YYYY-MM-DD, DD Month YYYY or YYYYMMDD)");
    let part = |range: std::ops::Range<usize>| text.get(range);
    let bytes = text.as_bytes();
    let date = if bytes.len() >= 10 && bytes[4] == b'-' && bytes[7] == b'-' {
        let rest = part(10..text.len()).ok_or_else(bad)?;
        if !(rest.is_empty() || rest.starts_with(' ') || rest.starts_with('T')) {
            return Err(bad());
        }
        ymd(text, [0..4, 5..7, 8..10]).ok_or_else(bad)?
    } else if bytes.len() == 8 && bytes.iter().all(u8::is_ascii_digit) {
        ymd(text, [0..4, 4..6, 6..8]).ok_or_else(bad)?
    } else {
        let parts: Vec<&str> = text.split([' ', '-', '/']).filter(|p| !p.is_empty()).collect();
        let [d, m, y] = parts[..] else { return Err(bad()) };
        if y.len() != 4 {
            return Err(format!(
                "{text:?} has a two-digit year; save the file with four-digit years"
            ));
        }
        let m = m.to_ascii_lowercase();
        let month = crate::dates::MONTHS
            .iter()
            .position(|name| m.len() >= 3 && name.to_ascii_lowercase().starts_with(&m))
            .ok_or_else(bad)?;
        Date {
            year: num(y).ok_or_else(bad)?,
            month: u8::try_from(month + 1).map_err(|_| bad())?,
            day: num(d).ok_or_else(bad)?,
        }
    };
    if date.month == 0 || date.month > 12 || date.day == 0 || date.day > days_in_month(date.year, date.month)
    {
        return Err(format!("{text:?} is not a calendar date"));
    }
    Ok(date)
}

/// Year, month and day from three byte ranges of `text` (none if a range splits a character).
fn ymd(text: &str, [y, m, d]: [std::ops::Range<usize>; 3]) -> Option<Date> {
    Some(Date {
        year: num(text.get(y)?)?,
        month: num(text.get(m)?)?,
        day: num(text.get(d)?)?,
    })
}

fn num<T: std::str::FromStr>(s: &str) -> Option<T> {
    s.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| s.parse().ok())
        .flatten()
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn spellings() {
        assert_eq!(parse("2023-01-05"), Ok(d(2023, 1, 5)));
        assert_eq!(parse("2023-01-05 00:00:00.000"), Ok(d(2023, 1, 5)));
        assert_eq!(parse("05 January 2023"), Ok(d(2023, 1, 5)));
        assert_eq!(parse("5-Jan-2023"), Ok(d(2023, 1, 5)));
        assert_eq!(parse("20230105"), Ok(d(2023, 1, 5)));
        assert_eq!(parse("2024-02-29"), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn rejects() {
        for bad in [
            "2023-02-30",
            "2023-13-01",
            "yesterday",
            "31 Smarch 2023",
            "",
            "2023-1-5x",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
