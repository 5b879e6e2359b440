//! The frame every page shares — a responsive layout without scripts, the navigation and the
//! escaping of text — and the small pieces pages are built from: links to the graph's own IRIs,
//! class badges in the report's colours, tables that scroll inside their wrapper.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use oxigraph::model::vocab::xsd;
use oxigraph::model::Term;

use crate::projection::ActorNetwork;
use crate::vocab::{compact, ID};

const STYLE: &str = "*{box-sizing:border-box}\
body{font-family:Helvetica,Arial,sans-serif;margin:0 auto;max-width:1200px;color:#222;line-height:1.45;padding:0 1rem 2rem}\
header{display:flex;flex-wrap:wrap;gap:.3rem 1rem;align-items:center;border-bottom:1px solid #ddd;padding:.6rem 0;margin-bottom:1rem}\
header a{text-decoration:none}header .brand{font-weight:bold;color:#222}\
h1{font-size:1.5rem;overflow-wrap:anywhere}h2{font-size:1.15rem;margin-top:1.8rem;border-bottom:1px solid #eee}\
.scroll{overflow-x:auto;max-width:100%}\
table{border-collapse:collapse;margin:.4rem 0 1rem;font-size:.88rem}\
th,td{border:1px solid #ccc;padding:.25rem .5rem;vertical-align:top;text-align:left}th{background:#f3f3f3}\
td{overflow-wrap:anywhere;min-width:4rem}\
.badge{display:inline-block;padding:0 .45rem;border-radius:.7rem;color:#fff;font-size:.8rem;margin-right:.3rem;text-shadow:0 0 2px #000}\
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem .8rem;font-size:.85rem}\
.legend span{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;margin-right:.3rem;vertical-align:middle;border:1px solid #333}\
figure{margin:0;border:1px solid #ddd;max-width:100%}figure svg{max-width:100%;height:auto;display:block}\
blockquote{margin:.3rem 0 .8rem;padding:.3rem .8rem;border-left:4px solid #ccc;background:#fafafa}\
mark{background:#ffe58a}\
form.inline{display:flex;flex-wrap:wrap;gap:.4rem;align-items:flex-end;margin:.5rem 0}\
label{display:flex;flex-direction:column;font-size:.85rem}\
input,select,textarea{font:inherit;max-width:100%}textarea{width:100%;font-family:monospace}\
.muted{color:#666;font-size:.88rem}.error{color:#a00}\
.node-label{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}\
.edge-label{paint-order:stroke;stroke:#fff;stroke-width:2px}";

/// Escapes `text` for HTML content and attribute values.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A whole page: `title` and the already escaped `body`.
pub fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} · borderkg</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{}\n<main>\n{body}\n</main>\n</body>\n</html>\n",
        esc(title),
        nav()
    )
}

fn nav() -> &'static str {
    "<header><a class=\"brand\" href=\"/\">borderkg</a><a href=\"/report\">Report</a>\
     <a href=\"/queries\">Saved queries</a><a href=\"/editor\">SPARQL</a>\
     <form action=\"/\" method=\"get\" role=\"search\"><input name=\"q\" type=\"search\" placeholder=\"Search names\" aria-label=\"Search names\"></form></header>"
}

/// The local path of one of the graph's own IRIs, when it is one.
pub fn local_path(iri: &str) -> Option<String> {
    iri.strip_prefix(ID).map(|rest| format!("/id/{rest}"))
}

/// A table inside a wrapper that scrolls sideways on narrow screens. Cells are already HTML.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let mut s = String::from("<div class=\"scroll\"><table><thead><tr>");
    for h in headers {
        let _ = write!(s, "<th>{}</th>", esc(h));
    }
    s.push_str("</tr></thead><tbody>");
    for row in rows {
        s.push_str("<tr>");
        for cell in row {
            let _ = write!(s, "<td>{cell}</td>");
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table></div>");
    s
}

/// One term as HTML: the graph's own IRIs link to their page, named by `label` when given; a
/// date without a year in words (see [`crate::dates::words`]).
pub fn term(term: &Term, label: Option<&str>) -> String {
    match term {
        Term::NamedNode(n) => iri(n.as_str(), label),
        Term::Literal(l) if matches!(l.datatype(), xsd::G_MONTH_DAY | xsd::G_MONTH) => {
            esc(&crate::dates::words(l.value()))
        }
        Term::Literal(l) => esc(l.value()),
        other => esc(&other.to_string()),
    }
}

/// An IRI as HTML, linked when it is one of the graph's own.
pub fn iri(iri: &str, label: Option<&str>) -> String {
    let shown = label.map_or_else(|| compact(iri), str::to_owned);
    match local_path(iri) {
        Some(path) => format!("<a href=\"{}\">{}</a>", esc(&path), esc(&shown)),
        None => format!("<span title=\"{}\">{}</span>", esc(iri), esc(&shown)),
    }
}

/// The actor classes (without `bkg:`) by how many actors of `network` they have, most first: the
/// order in which the report's drawing gives them the palette's colours.
pub fn class_order(network: Option<&ActorNetwork>) -> Vec<String> {
    network.map(ActorNetwork::class_ranking).unwrap_or_default()
}

/// The colour of each actor class, as the report's drawing of the whole network gives it.
pub fn class_colours(network: Option<&ActorNetwork>) -> BTreeMap<String, &'static str> {
    let palette = crate::report::PALETTE;
    class_order(network)
        .into_iter()
        .enumerate()
        .map(|(i, class)| {
            (
                class,
                palette.get(i % palette.len().max(1)).copied().unwrap_or("#999"),
            )
        })
        .collect()
}

/// A badge naming `class` (compacted, `bkg:` dropped) in its colour.
pub fn badge(class: &str, colours: &BTreeMap<String, &'static str>) -> String {
    let name = class.trim_start_matches("bkg:");
    let colour = colours.get(name).copied().unwrap_or("#777");
    format!(
        "<span class=\"badge\" style=\"background:{colour}\">{}</span>",
        esc(name)
    )
}

/// The legend of the class colours.
pub fn legend(colours: &BTreeMap<String, &'static str>) -> String {
    let mut s = String::from("<ul class=\"legend\" aria-label=\"Colours of actor classes\">");
    for (class, colour) in colours {
        let _ = write!(
            s,
            "<li><span style=\"background:{colour}\"></span>{}</li>",
            esc(class)
        );
    }
    s.push_str("</ul>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_everywhere() {
        assert_eq!(
            esc("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
        let cell = iri("https://w3id.org/borderkg/id/a\"><script>", Some("<b>"));
        assert!(!cell.contains("<script>") && !cell.contains("<b>"), "{cell}");
    }

    #[test]
    fn own_iris_link_to_local_pages() {
        assert_eq!(
            local_path("https://w3id.org/borderkg/id/taliban").as_deref(),
            Some("/id/taliban")
        );
        assert_eq!(local_path("http://example.org/x"), None);
    }
}
