//! Content negotiation: picks the answer's format from a `format` parameter or the `Accept` header,
//! among the formats an answer of its kind can take.

use oxhttp::model::StatusCode;
use oxigraph::io::RdfFormat;
use oxigraph::sparql::results::QueryResultsFormat;

use super::http::Failure;

/// A format an answer can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A W3C SPARQL results format (SELECT and ASK).
    Results(QueryResultsFormat),
    /// An RDF format (CONSTRUCT, DESCRIBE, entity descriptions).
    Graph(RdfFormat),
    /// A web page.
    Html,
}

impl Format {
    /// The media type sent as `Content-Type`.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Results(f) => f.media_type(),
            Self::Graph(f) => f.media_type(),
            Self::Html => "text/html",
        }
    }

    /// The `Content-Type` header value, with the charset for text.
    pub fn content_type(self) -> String {
        format!("{}; charset=utf-8", self.media_type())
    }
}

/// The formats of SELECT and ASK answers, the default first.
pub const RESULTS: &[Format] = &[
    Format::Results(QueryResultsFormat::Json),
    Format::Results(QueryResultsFormat::Xml),
    Format::Results(QueryResultsFormat::Csv),
    Format::Results(QueryResultsFormat::Tsv),
    Format::Html,
];

/// The formats of graphs, the default first.
pub const GRAPHS: &[Format] = &[
    Format::Graph(RdfFormat::Turtle),
    Format::Graph(RdfFormat::NTriples),
    Format::Graph(RdfFormat::NQuads),
    Format::Graph(RdfFormat::RdfXml),
    Format::Graph(RdfFormat::JsonLd {
        profile: oxigraph::io::JsonLdProfileSet::empty(),
    }),
    Format::Html,
];

/// Short names accepted by the `format` parameter.
const NAMES: &[(&str, Format)] = &[
    ("json", Format::Results(QueryResultsFormat::Json)),
    ("srj", Format::Results(QueryResultsFormat::Json)),
    ("xml", Format::Results(QueryResultsFormat::Xml)),
    ("srx", Format::Results(QueryResultsFormat::Xml)),
    ("csv", Format::Results(QueryResultsFormat::Csv)),
    ("tsv", Format::Results(QueryResultsFormat::Tsv)),
    ("html", Format::Html),
    ("turtle", Format::Graph(RdfFormat::Turtle)),
    ("ttl", Format::Graph(RdfFormat::Turtle)),
    ("ntriples", Format::Graph(RdfFormat::NTriples)),
    ("nt", Format::Graph(RdfFormat::NTriples)),
    ("nquads", Format::Graph(RdfFormat::NQuads)),
    ("nq", Format::Graph(RdfFormat::NQuads)),
    ("rdfxml", Format::Graph(RdfFormat::RdfXml)),
    ("rdf", Format::Graph(RdfFormat::RdfXml)),
    (
        "jsonld",
        Format::Graph(RdfFormat::JsonLd {
            profile: oxigraph::io::JsonLdProfileSet::empty(),
        }),
    ),
];

/// Whether two formats are the same kind of thing for negotiation (JSON-LD profiles aside).
fn same(a: Format, b: Format) -> bool {
    match (a, b) {
        (Format::Graph(x), Format::Graph(y)) => x.media_type() == y.media_type(),
        _ => a == b,
    }
}

/// Chooses among `offers` (the default first) from the `format` parameter, else from `accept`.
///
/// # Errors
/// 400 for an unknown or unfitting `format` name, 406 when nothing acceptable is offered.
pub fn choose(format: Option<&str>, accept: &str, offers: &[Format]) -> Result<Format, Failure> {
    let names = || {
        NAMES
            .iter()
            .filter(|(_, f)| offers.iter().any(|o| same(*o, *f)))
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(name) = format.filter(|f| !f.is_empty()) {
        let wanted = NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, f)| *f)
            .or_else(|| media_format(name));
        return match wanted {
            Some(f) if offers.iter().any(|o| same(*o, f)) => {
                Ok(offers.iter().copied().find(|o| same(*o, f)).unwrap_or(f))
            }
            _ => Err(Failure::bad_request(format!(
                "format `{name}` is not one this answer can take; use one of {}",
                names()
            ))),
        };
    }
    let default = offers.first().copied().unwrap_or(Format::Html);
    let mut ranges = ranges(accept);
    if ranges.is_empty() {
        return Ok(default);
    }
    ranges.sort_by(|a, b| b.1.total_cmp(&a.1));
    for (range, q) in &ranges {
        if *q <= 0.0 {
            continue;
        }
        if range == "*/*" {
            return Ok(default);
        }
        if let Some(kind) = range.strip_suffix("/*") {
            if let Some(f) = offers
                .iter()
                .find(|o| o.media_type().split('/').next() == Some(kind))
            {
                return Ok(*f);
            }
            continue;
        }
        if let Some(f) = offers
            .iter()
            .find(|o| o.media_type() == range || media_format(range).is_some_and(|m| same(m, **o)))
        {
            return Ok(*f);
        }
    }
    Err(Failure::new(
        StatusCode::NOT_ACCEPTABLE,
        format!(
            "none of the media types in Accept ({accept}) fits this answer; it can be {} (or give format=NAME)",
            offers.iter().map(|o| o.media_type()).collect::<Vec<_>>().join(", ")
        ),
    ))
}

/// The format of a media type, when it names one.
fn media_format(media: &str) -> Option<Format> {
    if media == "text/html" || media == "application/xhtml+xml" {
        return Some(Format::Html);
    }
    QueryResultsFormat::from_media_type(media)
        .map(Format::Results)
        .or_else(|| RdfFormat::from_media_type(media).map(Format::Graph))
}

/// The media ranges of an `Accept` header with their weights, in header order.
fn ranges(accept: &str) -> Vec<(String, f32)> {
    accept
        .split(',')
        .filter_map(|part| {
            let mut pieces = part.split(';');
            let range = pieces.next()?.trim().to_ascii_lowercase();
            if range.is_empty() {
                return None;
            }
            let q = pieces
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            Some((range, q))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browsers_get_html_and_clients_their_format() {
        let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        assert_eq!(choose(None, browser, RESULTS).ok(), Some(Format::Html));
        assert_eq!(
            choose(None, "application/sparql-results+xml", RESULTS).ok(),
            Some(Format::Results(QueryResultsFormat::Xml))
        );
        assert_eq!(
            choose(None, "*/*", GRAPHS).ok(),
            Some(Format::Graph(RdfFormat::Turtle))
        );
        assert_eq!(choose(None, "", RESULTS).ok(), RESULTS.first().copied());
    }

    #[test]
    fn the_format_parameter_wins_and_unknown_names_are_refused() {
        assert_eq!(
            choose(Some("csv"), "text/html", RESULTS).ok(),
            Some(Format::Results(QueryResultsFormat::Csv))
        );
        let err = choose(Some("yaml"), "", RESULTS).expect_err("unknown");
        assert_eq!(err.status, StatusCode::BAD_REQUEST);
        let err = choose(None, "image/png", RESULTS).expect_err("nothing fits");
        assert_eq!(err.status, StatusCode::NOT_ACCEPTABLE);
    }
}
