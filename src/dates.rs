//! The one date type of the program: the `xsd` lexical dates the evidence carries (`2021`,
//! `2021-08`, `2021-08-15`, `--11-26`) as closed day intervals. A year or month becomes its first
//! to last day; a date without a year has no place on a timeline and gives none. The `--from`/`--to`
//! flags, the projection's date window and the dynamic GEXF graph all use it, and [`words`] is how
//! every rendered report, table and explanation shows one.

/// A closed interval of days, both ends `YYYY-MM-DD`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Spell {
    /// First day.
    pub start: String,
    /// Last day.
    pub end: String,
}

/// The days a date covers: `YYYY` → 1 January to 31 December, `YYYY-MM` → the whole month,
/// `YYYY-MM-DD` → that day. A time of day or time zone after the date is ignored.
///
/// Returns `None` for a date without a year (`--11-26`, `--08`), a year that is not four digits, or
/// a month or day out of range.
///
/// ```
/// use borderkg::graph_export::spell;
/// let s = spell("2024-02").expect("a month");
/// assert_eq!((s.start.as_str(), s.end.as_str()), ("2024-02-01", "2024-02-29"));
/// assert!(spell("--11-26").is_none());
/// ```
pub fn spell(date: &str) -> Option<Spell> {
    let b = date.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let part = b.get(from..from + n)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |acc, d| acc * 10 + u32::from(d - b'0')))
    };
    // Whether the date part ends at `at`: nothing follows, or a time (`T…`) or zone (`Z`, `+hh:mm`,
    // `-hh:mm`) does.
    let ends = |at: usize| match b.get(at) {
        None | Some(b'Z' | b'T' | b'+') => true,
        Some(b'-') => b.get(at + 3) == Some(&b':'),
        Some(_) => false,
    };
    // A field `-NN` at `at`.
    let field = |at: usize| {
        if b.get(at) == Some(&b'-') {
            digits(at + 1, 2)
        } else {
            None
        }
    };
    let year = digits(0, 4)?;
    let (first_month, last_month, first_day, last_day) = if ends(4) {
        (1, 12, 1, 31)
    } else {
        let month = field(4).filter(|m| (1..=12).contains(m))?;
        if ends(7) {
            (month, month, 1, days_in_month(year, month))
        } else {
            let day = field(7).filter(|d| (1..=days_in_month(year, month)).contains(d))?;
            if !ends(10) {
                return None;
            }
            (month, month, day, day)
        }
    };
    Some(Spell {
        start: format!("{year:04}-{first_month:02}-{first_day:02}"),
        end: format!("{year:04}-{last_month:02}-{last_day:02}"),
    })
}

/// The months' English names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as a reader is shown it: a date without a year in words (`--11-26` → `26 November`,
/// `--05` → `May`), any other date unchanged (`2021-08-15` stays ISO, which sorts and reads).
///
/// ```
/// use borderkg::dates::words;
/// assert_eq!(words("--11-26"), "26 November");
/// assert_eq!(words("--05"), "May");
/// assert_eq!(words("2021-08"), "2021-08");
/// ```
pub fn words(date: &str) -> String {
    let Some(rest) = date.strip_prefix("--") else {
        return date.to_owned();
    };
    let number = |s: &str| {
        (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<usize>().ok())
            .flatten()
    };
    let month = rest.get(..2).and_then(number).filter(|m| (1..=12).contains(m));
    let Some(month) = month else {
        return date.to_owned();
    };
    let name = MONTHS[month - 1];
    // `--05` (XSD 1.1), `--05--` (XSD 1.0) and `--05Z` are a month; `--11-26` a day.
    match rest.get(2..) {
        Some("" | "--" | "Z") => name.to_owned(),
        Some(tail) => match tail.strip_prefix('-').and_then(|t| t.get(..2)).and_then(number) {
            Some(day) if (1..=31).contains(&day) => format!("{day} {name}"),
            _ => date.to_owned(),
        },
        None => date.to_owned(),
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Spell {
    /// Whether the interval overlaps the window from the start of `from` to the end of `to` (either
    /// may be open).
    pub fn overlaps(&self, from: Option<&Spell>, to: Option<&Spell>) -> bool {
        // Fixed-width `YYYY-MM-DD` compares as text.
        from.is_none_or(|f| self.end >= f.start) && to.is_none_or(|t| self.start <= t.end)
    }
}

/// The spells of `dates`, sorted, with overlapping ones merged (Gephi refuses overlapping
/// intervals on one element). Dates without a year are skipped.
///
/// Complexity: O(n log n) in the number of dates.
pub fn merge_spells<'a>(dates: impl IntoIterator<Item = &'a str>) -> Vec<Spell> {
    let mut spells: Vec<Spell> = dates.into_iter().filter_map(spell).collect();
    spells.sort();
    let mut merged: Vec<Spell> = Vec::with_capacity(spells.len());
    for s in spells {
        match merged.last_mut() {
            // Fixed-width `YYYY-MM-DD` compares as text.
            Some(last) if s.start <= last.end => {
                if s.end > last.end {
                    last.end = s.end;
                }
            }
            _ => merged.push(s),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn days(date: &str) -> Option<(String, String)> {
        spell(date).map(|s| (s.start, s.end))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_owned(), b.to_owned()))
    }

    #[test]
    fn dates_without_a_year_read_as_words() {
        assert_eq!(words("--11-26"), "26 November");
        assert_eq!(words("--01-05"), "5 January");
        assert_eq!(words("--05"), "May");
        assert_eq!(words("--12--"), "December");
        for unchanged in [
            "2021",
            "2021-08",
            "2021-08-15",
            "--13",
            "--1",
            "---26",
            "--11-40",
            "",
        ] {
            assert_eq!(words(unchanged), unchanged);
        }
    }

    #[test]
    fn windows_open_at_either_end() {
        let month = spell("2021-08").expect("month");
        let (y2021, sep, jul31) = (spell("2021"), spell("2021-09"), spell("2021-07-31"));
        assert!(month.overlaps(y2021.as_ref(), y2021.as_ref()));
        assert!(!month.overlaps(sep.as_ref(), None));
        assert!(!month.overlaps(None, jul31.as_ref()));
        assert!(month.overlaps(None, None));
    }

    #[test]
    fn precision_sets_the_interval() {
        assert_eq!(days("2012"), pair("2012-01-01", "2012-12-31"));
        assert_eq!(days("2021-08"), pair("2021-08-01", "2021-08-31"));
        assert_eq!(days("2021-08-15"), pair("2021-08-15", "2021-08-15"));
        assert_eq!(days("2023-02"), pair("2023-02-01", "2023-02-28"));
        assert_eq!(days("2000-02"), pair("2000-02-01", "2000-02-29"));
        assert_eq!(days("1900-02"), pair("1900-02-01", "1900-02-28"));
    }

    #[test]
    fn time_and_zone_are_ignored() {
        assert_eq!(days("2021-08-15T10:00:00Z"), pair("2021-08-15", "2021-08-15"));
        assert_eq!(days("2021Z"), pair("2021-01-01", "2021-12-31"));
        assert_eq!(days("2021-05:00"), pair("2021-01-01", "2021-12-31"));
        assert_eq!(days("2021-08-05:00"), pair("2021-08-01", "2021-08-31"));
        assert_eq!(days("2021-08+04:30"), pair("2021-08-01", "2021-08-31"));
    }

    #[test]
    fn no_year_or_bad_fields_give_no_interval() {
        for date in [
            "--11-26",
            "--08",
            "---26",
            "",
            "21",
            "20211",
            "2021-13",
            "2021-00",
            "2021-02-30",
            "2021-8",
        ] {
            assert_eq!(days(date), None, "{date}");
        }
    }

    #[test]
    fn overlapping_spells_merge_and_disjoint_ones_stay() {
        let merged = merge_spells(["2021-08", "2012", "2021", "--11-26", "2021-08-15", "2023-01-01"]);
        let got: Vec<(&str, &str)> = merged
            .iter()
            .map(|s| (s.start.as_str(), s.end.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("2012-01-01", "2012-12-31"),
                ("2021-01-01", "2021-12-31"),
                ("2023-01-01", "2023-01-01")
            ]
        );
        assert!(merge_spells(["--11"]).is_empty());
    }
}
