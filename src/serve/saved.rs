//! Saved queries as endpoints and pages: `/queries` lists them; `/queries/NAME?param=…` runs one with
//! its parameters bound as terms (the same rules as `borderkg query --param`: a parameter the query
//! does not declare is an error), in any result format, or as a page with a form and the table.

use std::fmt::Write as _;

use oxhttp::model::header::ACCEPT;
use oxhttp::model::{Body, Request, Response, StatusCode};

use super::html::{self, esc, page};
use super::http::{self, Failure};
use super::negotiate::{choose, Format, RESULTS};
use super::sparql::{execute, negotiate, respond, Dataset};
use super::state::State;
use crate::error::Error;
use crate::query::{self, SavedQuery};
use crate::terms::params;

/// Parameters of the request that are not query parameters.
const RESERVED: &[&str] = &["format"];

/// The list of saved queries.
///
/// # Errors
/// The queries folder cannot be read.
pub fn list(state: &State) -> Result<Response<Body>, Failure> {
    let all = query::list(state.config.queries.as_deref())?;
    let rows: Vec<Vec<String>> = all
        .iter()
        .map(|q| {
            vec![
                format!(
                    "<a href=\"/queries/{}\">{}</a>",
                    esc(&http::encode(&q.name)),
                    esc(&q.name)
                ),
                esc(&q.title),
                esc(&q.description),
                esc(&q
                    .params
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")),
            ]
        })
        .collect();
    let body = format!(
        "<h1>Saved queries</h1><p class=\"muted\">Each is also an endpoint: <code>/queries/NAME?param=value&amp;format=csv</code> \
         (json, xml, csv, tsv, or by Accept header).</p>{}",
        html::table(&["name", "title", "description", "parameters"], &rows)
    );
    Ok(http::html(StatusCode::OK, page("Saved queries", &body)))
}

/// Runs the saved query `name` with the request's parameters.
///
/// # Errors
/// 404 for an unknown query, 400 for an unknown or unresolvable parameter (or a missing one, when
/// the answer is not a page), the limit statuses.
pub fn run(state: &State, request: &Request<Body>, name: &str) -> Result<Response<Body>, Failure> {
    let saved = query::find(state.config.queries.as_deref(), name).map_err(|e| match e {
        e @ Error::UnknownQuery { .. } => Failure::not_found(e.to_string()),
        other => other.into(),
    })?;
    let params = http::query_params(request)?;
    let format = http::param(&params, "format");
    let accept = http::header(request, ACCEPT);
    let wants_page = choose(format, accept, RESULTS).is_ok_and(|f| f == Format::Html);
    let snapshot = state.snapshot()?;
    let values: Vec<(String, String)> = params
        .iter()
        .filter(|(k, _)| !RESERVED.contains(&k.as_str()))
        .cloned()
        .collect();
    if saved.params.is_empty() {
        if let Some((key, _)) = values.first() {
            return Err(Failure::bad_request(format!(
                "parameter `{key}`: `{}` takes no parameters",
                saved.name
            )));
        }
    }
    let bound = params::bind(&saved, snapshot.kb(), &values, &|name| {
        format!("parameter {name}")
    })?;
    if !bound.missing.is_empty() {
        let message = format!("`{}` needs {}", saved.name, bound.missing.join(" and "));
        if wants_page {
            let body = format!("{}<p>{}</p>", form(&saved, &params), esc(&message));
            return Ok(http::html(StatusCode::OK, page(&saved.title, &body)));
        }
        return Err(Failure::bad_request(message));
    }
    let bindings = bound.bindings;
    let origin = format!("saved query {}", saved.name);
    let answer = execute(
        snapshot.kb(),
        &origin,
        &saved.text,
        bindings,
        &Dataset::default(),
        state.config.limits,
    )?;
    let format = negotiate(&answer, format, accept)?;
    respond(&answer, format, |table| {
        page(&saved.title, &format!("{}{table}", form(&saved, &params)))
    })
}

/// The heading, description and parameter form of a saved query, filled with `params`.
fn form(saved: &SavedQuery, params: &[(String, String)]) -> String {
    let mut s = format!(
        "<h1>{}</h1><p>{}</p><form class=\"inline\" method=\"get\" action=\"/queries/{}\">",
        esc(&saved.title),
        esc(&saved.description),
        esc(&http::encode(&saved.name))
    );
    for p in &saved.params {
        let value = http::param(params, &p.name).unwrap_or_default();
        let _ = write!(
            s,
            "<label>{}{} <input name=\"{}\" value=\"{}\" title=\"{}\"></label>",
            esc(&p.name),
            if p.optional { " (optional)" } else { "" },
            esc(&p.name),
            esc(value),
            esc(&p.description)
        );
    }
    let _ = write!(
        s,
        "<button type=\"submit\">Run</button></form><p class=\"muted\">Also as \
         <a href=\"{0}format=csv\">CSV</a>, <a href=\"{0}format=json\">JSON</a>, <a href=\"{0}format=xml\">XML</a>, \
         <a href=\"{0}format=tsv\">TSV</a>.</p>",
        esc(&self_link(saved, params))
    );
    s
}

/// The query's own address with the given parameters, ready for one more `name=value`.
fn self_link(saved: &SavedQuery, params: &[(String, String)]) -> String {
    let mut link = format!("/queries/{}?", http::encode(&saved.name));
    for (k, v) in params.iter().filter(|(k, _)| !RESERVED.contains(&k.as_str())) {
        let _ = write!(link, "{}={}&", http::encode(k), http::encode(v));
    }
    link
}
