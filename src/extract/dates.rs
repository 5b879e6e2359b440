//! Finds date expressions in a sentence and resolves them against the article's date, keeping the
//! words and the precision ("on Tuesday" → a day; "late last month" → part of a month).

use super::date::{days_in_month, shift_month, Date};
use super::lexicon::{Lexicon, TimeWord};
use super::model::{EventDate, Precision};
use super::text::{Kind, Prepared};

/// A date expression: tokens `from..to`, its resolved date, and whether it opens a period
/// ("since November") rather than dating an event.
#[derive(Debug, Clone)]
pub struct DateExpr {
    /// First token.
    pub from: usize,
    /// Just past the last token.
    pub to: usize,
    /// The resolved date.
    pub date: EventDate,
    /// "since …": the start of a period, not an event's date.
    pub since: bool,
}

/// Finds the date expressions of a sentence.
pub fn find(p: &Prepared, lex: &Lexicon, today: Date) -> Vec<DateExpr> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.tokens.len() {
        if let Some(e) = at(p, lex, today, i) {
            i = e.to.max(i + 1);
            out.push(e);
        } else {
            i += 1;
        }
    }
    out
}

fn year_at(p: &Prepared, i: usize) -> Option<i32> {
    let t = p.tokens.get(i)?;
    if t.kind != Kind::Number || t.lower.len() != 4 {
        return None;
    }
    t.lower.parse().ok().filter(|y| (1900..=2100).contains(y))
}

fn day_at(p: &Prepared, i: usize) -> Option<u32> {
    let t = p.tokens.get(i)?;
    if t.kind != Kind::Number {
        return None;
    }
    let digits: String = t.lower.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn month_at(p: &Prepared, lex: &Lexicon, i: usize) -> Option<u32> {
    let t = p.tokens.get(i)?;
    match lex.time.get(&t.lower) {
        Some(TimeWord::Month(m)) if t.cap => Some(*m),
        _ => None,
    }
}

fn text(p: &Prepared, from: usize, to: usize) -> Option<String> {
    Some(p.text_of(from, to).to_owned())
}

/// The most recent `month` not after the article's month (this year or the year before).
fn past_year_of_month(today: Date, month: u32, strictly_before: bool) -> i32 {
    if month < today.month || (!strictly_before && month == today.month) {
        today.year
    } else {
        today.year - 1
    }
}

/// A date expression over tokens `from..to`.
fn expr(
    p: &Prepared,
    (from, to): (usize, usize),
    value: Option<String>,
    precision: Precision,
    since: bool,
) -> DateExpr {
    DateExpr {
        from,
        to,
        date: EventDate {
            value,
            precision,
            text: text(p, from, to),
        },
        since,
    }
}

/// Where a date expression starting at token `i` begins.
struct Lead<'a> {
    i: usize,
    low: &'a str,
    start: usize,
    lead: bool,
    since: bool,
}

fn at(p: &Prepared, lex: &Lexicon, today: Date, i: usize) -> Option<DateExpr> {
    if let Some(e) = relative(p, lex, today, i) {
        return Some(e);
    }
    let low = p.low(i);
    let lead = matches!(
        low,
        "on" | "in" | "last" | "since" | "early" | "late" | "mid" | "this" | "until" | "by" | "of"
    );
    let l = Lead {
        i,
        low,
        start: if lead { i + 1 } else { i },
        lead,
        since: matches!(low, "since" | "until" | "by"),
    };
    weekday(p, lex, today, &l)
        .or_else(|| month_first(p, lex, today, &l))
        .or_else(|| day_first(p, lex, today, &l))
        .or_else(|| year_only(p, &l))
}

/// Relative phrases from the lexicon ("late last month", "this week").
fn relative(p: &Prepared, lex: &Lexicon, today: Date, i: usize) -> Option<DateExpr> {
    let Some((n, TimeWord::Relative(prec, off))) = p.longest(i, &lex.time) else {
        return None;
    };
    let (prec, off) = (*prec, *off);
    let value = match prec {
        Precision::Day => Some(today.add_days(i64::from(off)).iso()),
        Precision::Month | Precision::PartOfMonth => {
            let (y, m) = shift_month(today.year, today.month, off);
            Some(format!("{y:04}-{m:02}"))
        }
        Precision::Year => Some(format!("{:04}", today.year + off)),
        _ => None,
    };
    let from = if matches!(p.low(i.wrapping_sub(1)), "in" | "over" | "during") {
        i - 1
    } else {
        i
    };
    Some(expr(p, (from, i + n), value, prec, false))
}

/// "on Tuesday", "Saturday night": the last such weekday on or before the article's date.
fn weekday(p: &Prepared, lex: &Lexicon, today: Date, l: &Lead<'_>) -> Option<DateExpr> {
    let Some(TimeWord::Weekday(wd)) = p
        .tokens
        .get(l.start)
        .filter(|t| t.cap)
        .and_then(|t| lex.time.get(&t.lower))
    else {
        return None;
    };
    let back = (i64::from(today.weekday()) - i64::from(*wd)).rem_euclid(7);
    let back = if l.low == "last" && back == 0 { 7 } else { back };
    let mut to = l.start + 1;
    if matches!(p.low(to), "night" | "morning" | "evening" | "afternoon") {
        to += 1;
    }
    Some(expr(
        p,
        (l.i, to),
        Some(today.add_days(-back).iso()),
        Precision::Day,
        l.since,
    ))
}

/// "November 26" (with an optional year), "in November", "last May", "late November 2025".
fn month_first(p: &Prepared, lex: &Lexicon, today: Date, l: &Lead<'_>) -> Option<DateExpr> {
    let m = month_at(p, lex, l.start)?;
    if let Some(d) = day_at(p, l.start + 1) {
        let mut to = l.start + 2;
        let year = if p.low(to) == "," && year_at(p, to + 1).is_some() {
            to += 2;
            year_at(p, to - 1)
        } else if let Some(y) = year_at(p, to) {
            to += 1;
            Some(y)
        } else {
            None
        };
        // Without a year, the last such day on or before the article.
        let year = year.unwrap_or_else(|| {
            let this = Date {
                year: today.year,
                month: m,
                day: d.min(days_in_month(today.year, m)),
            };
            if this > today {
                today.year - 1
            } else {
                today.year
            }
        });
        let day = Date {
            year,
            month: m,
            day: d.min(days_in_month(year, m)),
        };
        return Some(expr(p, (l.i, to), Some(day.iso()), Precision::Day, l.since));
    }
    let explicit = year_at(p, l.start + 1);
    if !l.lead && explicit.is_none() {
        return None;
    }
    let to = if explicit.is_some() {
        l.start + 2
    } else {
        l.start + 1
    };
    let year = explicit.unwrap_or_else(|| past_year_of_month(today, m, l.low == "last"));
    let prec = if matches!(l.low, "early" | "late" | "mid") {
        Precision::PartOfMonth
    } else {
        Precision::Month
    };
    Some(expr(
        p,
        (l.i, to),
        Some(format!("{year:04}-{m:02}")),
        prec,
        l.since,
    ))
}

/// "26 November" with an optional year.
fn day_first(p: &Prepared, lex: &Lexicon, today: Date, l: &Lead<'_>) -> Option<DateExpr> {
    let d = day_at(p, l.start)?;
    let m = month_at(p, lex, l.start + 1)?;
    let year = year_at(p, l.start + 2);
    let to = if year.is_some() { l.start + 3 } else { l.start + 2 };
    let year = year.unwrap_or_else(|| past_year_of_month(today, m, false));
    let day = Date {
        year,
        month: m,
        day: d.min(days_in_month(year, m)),
    };
    Some(expr(p, (l.i, to), Some(day.iso()), Precision::Day, l.since))
}

/// "in 2012".
fn year_only(p: &Prepared, l: &Lead<'_>) -> Option<DateExpr> {
    if !matches!(l.low, "in" | "since") {
        return None;
    }
    let y = year_at(p, l.i + 1)?;
    Some(expr(
        p,
        (l.i, l.i + 2),
        Some(format!("{y:04}")),
        Precision::Year,
        l.since,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::{embedded, Lexicon};

    fn dates(s: &str, today: &str) -> Vec<(Option<String>, Precision, String)> {
        let lex = Lexicon::from_files(embedded()).unwrap();
        let p = Prepared::new(s);
        find(&p, &lex, Date::parse(today).unwrap())
            .into_iter()
            .map(|d| (d.date.value, d.date.precision, d.date.text.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn resolves_weekdays_against_the_article_date() {
        // 2025-12-05 is a Friday.
        let d = dates(
            "Militants crossed on Tuesday and were killed on Friday.",
            "2025-12-05",
        );
        assert_eq!(
            d[0],
            (Some("2025-12-02".into()), Precision::Day, "on Tuesday".into())
        );
        assert_eq!(d[1].0.as_deref(), Some("2025-12-05"));
    }

    #[test]
    fn month_day_without_year_is_the_last_one_before_the_article() {
        let d = dates("A drone hit the camp on November 26.", "2026-01-10");
        assert_eq!(d[0].0.as_deref(), Some("2025-11-26"));
        assert_eq!(d[0].1, Precision::Day);
    }

    #[test]
    fn relative_months_keep_their_precision() {
        let d = dates(
            "Late last month the group struck, and last May it withdrew.",
            "2017-05-10",
        );
        assert_eq!(
            d[0],
            (
                Some("2017-04".into()),
                Precision::PartOfMonth,
                "Late last month".into()
            )
        );
        assert_eq!(
            d[1],
            (Some("2016-05".into()), Precision::Month, "last May".into())
        );
    }

    #[test]
    fn modal_may_is_not_a_month() {
        assert!(dates("The delay may have been caused by snow.", "2017-05-10").is_empty());
    }

    #[test]
    fn this_week_is_a_week() {
        let d = dates("A clash this week left five dead.", "2025-12-05");
        assert_eq!(d[0].1, Precision::Week);
        assert_eq!(d[0].2, "this week");
    }
}
