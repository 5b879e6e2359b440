//! Writes query answers: a readable table for people, the W3C SPARQL results formats (CSV, TSV,
//! JSON, XML) for programs, and Turtle or N-Triples for graphs.

use std::io::Write;

use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use oxigraph::model::vocab::xsd;
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};

use super::Answer;
use crate::error::{Error, Result};
use crate::export::{sort_triples, write_triples, ExportFormat};
use crate::vocab::compact;

/// Output formats of `query`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// A table for the terminal (graphs are written as Turtle).
    Table,
    /// W3C SPARQL 1.1 CSV results.
    Csv,
    /// W3C SPARQL 1.1 TSV results.
    Tsv,
    /// W3C SPARQL 1.1 JSON results.
    Json,
    /// W3C SPARQL XML results.
    Xml,
    /// Turtle, for CONSTRUCT and DESCRIBE.
    Turtle,
    /// N-Triples, for CONSTRUCT and DESCRIBE.
    Ntriples,
}

impl crate::formats::Named for ResultFormat {
    const NAMES: &'static [(&'static str, Self)] = &[
        ("table", Self::Table),
        ("csv", Self::Csv),
        ("tsv", Self::Tsv),
        ("json", Self::Json),
        ("xml", Self::Xml),
        ("turtle", Self::Turtle),
        ("ttl", Self::Turtle),
        ("ntriples", Self::Ntriples),
        ("nt", Self::Ntriples),
    ];
}

/// Writes `answer` to `out` in `format`. A table is `width` columns wide, its cells wrapped to fit;
/// without a width it takes the terminal's when `out` is one (comfy-table asks the terminal), and
/// is as wide as its cells otherwise.
///
/// # Errors
/// [`Error::Parameter`] for a format that does not fit the answer (Turtle for a SELECT), or a
/// failed write.
pub fn render(answer: &Answer, format: ResultFormat, width: Option<u16>, out: &mut impl Write) -> Result<()> {
    let io = |e: std::io::Error| Error::io("output", e);
    let w3c = match format {
        ResultFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultFormat::Json => Some(QueryResultsFormat::Json),
        ResultFormat::Xml => Some(QueryResultsFormat::Xml),
        _ => None,
    };
    match (answer, format, w3c) {
        (Answer::Graph(triples), ResultFormat::Ntriples, _) => {
            let mut triples = triples.clone();
            sort_triples(&mut triples);
            write_triples(&triples, ExportFormat::Ntriples, out)
        }
        (Answer::Graph(triples), ResultFormat::Table | ResultFormat::Turtle, _) => {
            let mut triples = triples.clone();
            sort_triples(&mut triples);
            write_triples(&triples, ExportFormat::Turtle, out)
        }
        (Answer::Graph(_), _, _) => Err(Error::Parameter(
            "a CONSTRUCT or DESCRIBE query gives a graph: use --format turtle or --format ntriples".into(),
        )),
        (_, ResultFormat::Turtle | ResultFormat::Ntriples, _) => Err(Error::Parameter(
            "a SELECT or ASK query gives a table: use --format table, csv, tsv, json or xml".into(),
        )),
        (Answer::Boolean(b), _, Some(f)) => {
            QueryResultsSerializer::from_format(f)
                .serialize_boolean_to_writer(&mut *out, *b)
                .map_err(io)?;
            Ok(())
        }
        (Answer::Boolean(b), _, None) => writeln!(out, "{b}").map_err(io),
        (Answer::Solutions { variables, rows }, _, Some(f)) => {
            let mut s = QueryResultsSerializer::from_format(f)
                .serialize_solutions_to_writer(&mut *out, variables.clone())
                .map_err(io)?;
            for row in rows {
                s.serialize(
                    variables
                        .iter()
                        .zip(row)
                        .filter_map(|(v, t)| t.as_ref().map(|t| (v, t))),
                )
                .map_err(io)?;
            }
            s.finish().map_err(io)?;
            Ok(())
        }
        (Answer::Solutions { variables, rows }, _, None) => {
            let mut table = Table::new();
            table
                .load_preset(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_header(variables.iter().map(|v| v.as_str().to_owned()));
            if let Some(width) = width {
                table.set_width(width);
            }
            for row in rows {
                table.add_row(
                    row.iter()
                        .map(|t| t.as_ref().map(display_term).unwrap_or_default()),
                );
            }
            writeln!(out, "{table}").map_err(io)?;
            writeln!(
                out,
                "{} row{}",
                rows.len(),
                if rows.len() == 1 { "" } else { "s" }
            )
            .map_err(io)
        }
    }
}

/// A term as a person reads it: IRIs as prefixed names, literals as their text, a date without a
/// year (`xsd:gMonthDay`, `xsd:gMonth`) in words.
pub fn display_term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => compact(n.as_str()),
        Term::Literal(l) => match l.language() {
            Some(lang) if lang != "en" => format!("{} @{lang}", l.value()),
            _ if matches!(l.datatype(), xsd::G_MONTH_DAY | xsd::G_MONTH) => crate::dates::words(l.value()),
            _ => l.value().to_owned(),
        },
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode};
    use oxigraph::sparql::Variable;

    fn answer() -> Answer {
        Answer::Solutions {
            variables: vec![
                Variable::new_unchecked("actor"),
                Variable::new_unchecked("deaths"),
            ],
            rows: vec![vec![
                Some(NamedNode::new_unchecked("https://w3id.org/borderkg/id/iskp").into()),
                Some(Literal::from(3).into()),
            ]],
        }
    }

    fn text(format: ResultFormat) -> String {
        let mut out = Vec::new();
        render(&answer(), format, None, &mut out).expect("render");
        String::from_utf8(out).expect("utf8")
    }

    #[test]
    fn table_uses_prefixed_names() {
        let t = text(ResultFormat::Table);
        assert!(t.contains("id:iskp"), "{t}");
        assert!(t.contains("1 row"), "{t}");
    }

    #[test]
    fn dates_without_a_year_are_words_in_a_table_and_lexical_in_csv() {
        let answer = Answer::Solutions {
            variables: vec![Variable::new_unchecked("date")],
            rows: vec![
                vec![Some(
                    Literal::new_typed_literal("--11-26", xsd::G_MONTH_DAY).into(),
                )],
                vec![Some(Literal::new_typed_literal("--05", xsd::G_MONTH).into())],
            ],
        };
        let mut table = Vec::new();
        render(&answer, ResultFormat::Table, None, &mut table).expect("table");
        let table = String::from_utf8(table).expect("utf8");
        assert!(table.contains("26 November") && table.contains("May"), "{table}");
        assert!(!table.contains("--11-26"), "{table}");
        let mut csv = Vec::new();
        render(&answer, ResultFormat::Csv, None, &mut csv).expect("csv");
        assert_eq!(
            String::from_utf8(csv).expect("utf8"),
            "date\r\n--11-26\r\n--05\r\n"
        );
    }

    #[test]
    fn a_table_keeps_to_its_width() {
        let long = "a long cell of words that would make the table much wider than forty columns";
        let answer = Answer::Solutions {
            variables: vec![Variable::new_unchecked("one"), Variable::new_unchecked("two")],
            rows: vec![vec![
                Some(Literal::from(long).into()),
                Some(Literal::from(long).into()),
            ]],
        };
        let mut out = Vec::new();
        render(&answer, ResultFormat::Table, Some(40), &mut out).expect("table");
        let out = String::from_utf8(out).expect("utf8");
        assert!(out.lines().all(|l| l.chars().count() <= 40), "{out}");
    }

    #[test]
    fn csv_and_json_follow_w3c() {
        assert_eq!(
            text(ResultFormat::Csv),
            "actor,deaths\r\nhttps://w3id.org/borderkg/id/iskp,3\r\n"
        );
        assert!(text(ResultFormat::Json).starts_with("{\"head\":{\"vars\":[\"actor\",\"deaths\"]}"));
    }

    #[test]
    fn turtle_for_select_is_refused() {
        let mut out = Vec::new();
        let err = render(&answer(), ResultFormat::Turtle, None, &mut out).expect_err("refused");
        assert!(err.to_string().contains("--format table"));
    }
}
