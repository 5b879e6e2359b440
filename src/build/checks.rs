//! Checks a build warns about without refusing the data: orderings the dates contradict (a response,
//! a consequence or a stated "after" dated before the event it follows) and vague figures that do
//! not say in words how vague they are.

use oxigraph::model::Term;
use oxigraph::store::Store;

use crate::error::Result;
use crate::query::select;
use crate::vocab::compact;

/// Pairs of events whose link says the first follows the second, with both dates.
const ORDERED: &str = "SELECT ?e ?link ?t ?ed ?td WHERE {
  VALUES ?link { bkg:response bkg:after bkg:causedBy }
  ?e ?link ?t .
  ?e bkg:date ?ed . ?t bkg:date ?td .
} ORDER BY ?e ?t";

const VAGUE_WITHOUT_WORDS: &str = "SELECT DISTINCT ?f WHERE {
  ?f bkg:qualifier bkg:Vague .
  FILTER NOT EXISTS { ?f bkg:countWords ?w }
} ORDER BY ?f";

/// The warnings for `store`, one line each.
///
/// # Errors
/// A storage or query error.
pub fn warnings(store: &Store) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for row in select(store, "date order check", ORDERED, &[])? {
        let (Some(Term::NamedNode(e)), Some(Term::NamedNode(link)), Some(Term::NamedNode(t))) =
            (row.get("e"), row.get("link"), row.get("t"))
        else {
            continue;
        };
        let (Some(Term::Literal(ed)), Some(Term::Literal(td))) = (row.get("ed"), row.get("td")) else {
            continue;
        };
        if ends_before(ed.value(), td.value()) {
            let how = match link.as_str().rsplit('#').next() {
                Some("response") => "a response to",
                Some("causedBy") => "caused by",
                _ => "after",
            };
            out.push(format!(
                "{} (dated {}) is {how} {} (dated {}), which its date puts later: check the dates or the link",
                compact(e.as_str()),
                ed.value(),
                compact(t.as_str()),
                td.value()
            ));
        }
    }
    for row in select(store, "vague figure check", VAGUE_WITHOUT_WORDS, &[])? {
        if let Some(Term::NamedNode(f)) = row.get("f") {
            out.push(format!(
                "{} is vague but has no bkg:countWords: queries cannot print it without a number",
                compact(f.as_str())
            ));
        }
    }
    Ok(out)
}

/// A date as a span: year (when stated), first and last (month, day) of the span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    year: Option<i32>,
    first: (u32, u32),
    last: (u32, u32),
}

/// Reads the lexical forms of `xsd:date`, `gYearMonth`, `gYear`, `gMonthDay` and `gMonth`.
fn span(lexical: &str) -> Option<Span> {
    let (year, rest) = match lexical.strip_prefix("--") {
        Some(rest) => (None, rest),
        None => {
            let (y, rest) = lexical.split_at(lexical.find('-').unwrap_or(lexical.len()));
            (Some(y.parse().ok()?), rest.trim_start_matches('-'))
        }
    };
    let mut parts = rest.split('-').filter(|p| !p.is_empty());
    let month: Option<u32> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u32> = parts
        .next()
        .map(|d| d.get(..2).unwrap_or(d).parse())
        .transpose()
        .ok()?;
    let (first, last) = match (month, day) {
        (Some(m), Some(d)) => ((m, d), (m, d)),
        (Some(m), None) => ((m, 1), (m, 31)),
        _ => ((1, 1), (12, 31)),
    };
    (year.is_some() || month.is_some()).then_some(Span { year, first, last })
}

/// True when the span of `a` ends before the span of `b` starts. Dates without a year are
/// compared only with dates without a year (the articles' "in November" shares the article's year).
fn ends_before(a: &str, b: &str) -> bool {
    let (Some(a), Some(b)) = (span(a), span(b)) else {
        return false;
    };
    match (a.year, b.year) {
        (Some(x), Some(y)) if x != y => x < y,
        (Some(_), Some(_)) | (None, None) => a.last < b.first,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::ends_before;

    #[test]
    fn a_month_ends_before_the_next() {
        assert!(ends_before("--11", "--12"));
        assert!(!ends_before("--12", "--11"));
        assert!(!ends_before("--11-26", "--11"));
        assert!(ends_before("--11-26", "--11-27"));
    }

    #[test]
    fn years_decide_first_and_yearless_dates_are_not_compared_with_dated_ones() {
        assert!(ends_before("2012", "2021-08"));
        assert!(!ends_before("2021-08", "2021"));
        assert!(ends_before("2021-07", "2021-08-01"));
        assert!(!ends_before("--05", "2021-08"));
    }
}
