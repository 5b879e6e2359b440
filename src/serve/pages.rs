//! The pages that are not about one entity: home (size, sources, search), the SPARQL editor, the
//! result table of any answer, and the page of a SPARQL answer.

use std::fmt::Write as _;

use oxigraph::model::Term;

use super::html::{self, esc, page, table};
use super::state::Snapshot;
use crate::error::Result;
use crate::query::Answer;
use crate::read::pages as read;

/// The table of an answer: solutions as rows, a boolean as one cell, triples as three columns.
pub fn answer_table(answer: &Answer) -> String {
    match answer {
        Answer::Solutions { variables, rows } => {
            let headers: Vec<&str> = variables.iter().map(|v| v.as_str()).collect();
            let cells: Vec<Vec<String>> = rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|t| t.as_ref().map(|t| html::term(t, None)).unwrap_or_default())
                        .collect()
                })
                .collect();
            format!(
                "<p class=\"muted\">{} rows</p>{}",
                rows.len(),
                table(&headers, &cells)
            )
        }
        Answer::Boolean(b) => format!("<p>Answer: <strong>{b}</strong></p>"),
        Answer::Graph(triples) => {
            let cells: Vec<Vec<String>> = triples
                .iter()
                .map(|t| {
                    vec![
                        html::term(&Term::from(t.subject.clone()), None),
                        html::iri(t.predicate.as_str(), None),
                        html::term(&t.object, None),
                    ]
                })
                .collect();
            format!(
                "<p class=\"muted\">{} triples</p>{}",
                triples.len(),
                table(&["subject", "predicate", "object"], &cells)
            )
        }
    }
}

/// The page showing the answer to an ad-hoc query.
pub fn sparql_results(query: &str, table: String) -> String {
    page(
        "Query results",
        &format!("<h1>Query results</h1>{}{table}", editor_form(query)),
    )
}

fn editor_form(query: &str) -> String {
    format!(
        "<form method=\"post\" action=\"/sparql\">\
         <label for=\"query\">SPARQL query (read-only; the prefixes bkg:, id:, ev:, rdfs:, skos:… are known)</label>\
         <textarea id=\"query\" name=\"query\" rows=\"12\">{}</textarea>\
         <div class=\"inline\"><label>Answer as <select name=\"format\">\
         <option value=\"html\">table (HTML)</option><option value=\"json\">SPARQL JSON</option>\
         <option value=\"xml\">SPARQL XML</option><option value=\"csv\">CSV</option><option value=\"tsv\">TSV</option>\
         <option value=\"turtle\">Turtle (CONSTRUCT/DESCRIBE)</option><option value=\"ntriples\">N-Triples</option>\
         <option value=\"jsonld\">JSON-LD</option></select></label> <button type=\"submit\">Run</button></div></form>",
        esc(query)
    )
}

/// The SPARQL editor: a plain form that posts to `/sparql`.
pub fn editor() -> String {
    let example = "SELECT ?event ?label ?date WHERE {\n  ?event a/rdfs:subClassOf* bkg:Event ; rdfs:label ?label .\n  OPTIONAL { ?event bkg:date ?date }\n} ORDER BY ?date LIMIT 50";
    page(
        "SPARQL editor",
        &format!(
            "<h1>SPARQL editor</h1><p class=\"muted\">The endpoint is <code>/sparql</code> (SPARQL 1.1 Protocol): \
             tools can send GET <code>?query=</code> or POST. Its service description is at <a href=\"/sparql\">/sparql</a>.</p>{}",
            editor_form(example)
        ),
    )
}

/// The home page: the graph's size, its sources, and the search box with `hits` for `search`.
///
/// # Errors
/// A query error.
pub fn home(snapshot: &Snapshot, search: Option<&str>) -> Result<String> {
    let mut body = String::from("<h1>Conflict on the Afghanistan–Tajikistan–Pakistan border</h1>");
    let _ = write!(
        body,
        "<form class=\"inline\" action=\"/\" method=\"get\" role=\"search\"><label>Find an actor, place or event by any of its names\
         <input name=\"q\" type=\"search\" value=\"{}\"></label><button type=\"submit\">Search</button></form>",
        esc(search.unwrap_or_default())
    );
    if let Some(q) = search.filter(|q| !q.trim().is_empty()) {
        body.push_str(&search_results(snapshot, q)?);
    }
    if let Some([triples, events, actors]) = read::size(snapshot.kb(), snapshot.limits())? {
        let _ = write!(
            body,
            "<h2>The graph</h2><p>{triples} triples; {events} events; {actors} actors.</p>"
        );
    }
    let colours = html::class_colours(snapshot.network());
    if let Some(network) = snapshot.network() {
        let _ = write!(
            body,
            "<p>The actor network: {} actors with {} ties (<a href=\"/report\">report</a>).</p>{}",
            network.graph.node_count(),
            network.graph.edge_count(),
            html::legend(&colours)
        );
    }
    let cell = |t: &Option<Term>| t.as_ref().map(|t| html::term(t, None)).unwrap_or_default();
    let rows: Vec<Vec<String>> = read::sources(snapshot.kb(), snapshot.limits())?
        .iter()
        .map(|r| vec![cell(&r.source), cell(&r.title), cell(&r.date), cell(&r.file)])
        .collect();
    let _ = write!(
        body,
        "<h2>Sources</h2>{}",
        table(&["source", "title", "date", "file"], &rows)
    );
    Ok(page("Home", &body))
}

/// Most hits a search lists.
const MAX_HITS: usize = 100;

/// The entities one of whose names contains `q`, ignoring case; close spellings when none does.
fn search_results(snapshot: &Snapshot, q: &str) -> Result<String> {
    let wanted = q.trim().to_lowercase();
    let labels = snapshot.labels()?;
    let mut hits: Vec<(&str, &str)> = labels
        .iter()
        .filter(|(_, name)| name.to_lowercase().contains(&wanted))
        .map(|(s, n)| (s.as_str(), n.as_str()))
        .collect();
    let mut close = false;
    if hits.is_empty() {
        close = true;
        hits = labels
            .iter()
            .filter(|(_, name)| {
                let name = name.to_lowercase();
                strsim::jaro_winkler(&name, &wanted) > 0.88
                    || name
                        .split_whitespace()
                        .any(|w| strsim::jaro_winkler(w, &wanted) > 0.9)
            })
            .map(|(s, n)| (s.as_str(), n.as_str()))
            .collect();
    }
    hits.sort_by(|a, b| a.0.cmp(b.0).then_with(|| a.1.cmp(b.1)));
    let mut by_entity: Vec<(&str, Vec<&str>)> = Vec::new();
    for (s, n) in hits {
        match by_entity.last_mut() {
            Some((last, names)) if *last == s => names.push(n),
            _ => by_entity.push((s, vec![n])),
        }
    }
    let total = by_entity.len();
    let rows: Vec<Vec<String>> = by_entity
        .into_iter()
        .take(MAX_HITS)
        .map(|(s, names)| {
            let preferred = labels.iter().find(|(e, _)| e == s).map(|(_, n)| n.as_str());
            vec![html::iri(s, preferred), esc(&names.join(" · "))]
        })
        .collect();
    let heading = if total == 0 {
        format!("No name contains “{}”", esc(q))
    } else if close {
        format!("No name contains “{}”; close spellings", esc(q))
    } else {
        format!("{total} entities named “{}”", esc(q))
    };
    let more = if total > MAX_HITS {
        format!("<p class=\"muted\">The first {MAX_HITS} are shown.</p>")
    } else {
        String::new()
    };
    Ok(format!(
        "<h2>{heading}</h2>{}{more}",
        table(&["entity", "matching names"], &rows)
    ))
}
