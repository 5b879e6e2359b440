//! The actor-network report page: the same HTML report as `borderkg report --format html`, under a
//! form whose fields are the projection flags (sent back as GET parameters).

use std::fmt::Write as _;

use oxhttp::model::{Body, Request, Response, StatusCode};

use super::html::{esc, page};
use super::http::{self, Failure};
use super::state::State;
use crate::cli::NetworkArgs;
use crate::formats::parse;
use crate::report::{analyse, render, ColorBy, DrawOptions, RenderOptions, ReportFormat};

/// The report for the request's projection parameters.
///
/// # Errors
/// 400 for a parameter the report command would refuse, 500 for a store error.
pub fn report(state: &State, request: &Request<Body>) -> Result<Response<Body>, Failure> {
    let params = http::query_params(request)?;
    let get = |name: &str| {
        http::param(&params, name)
            .map(str::trim)
            .filter(|v| !v.is_empty())
    };
    let flag = |name: &str| get(name).is_some_and(|v| v != "0" && v != "off");
    let date = |name: &str| -> Result<Option<String>, Failure> {
        match get(name) {
            None => Ok(None),
            Some(d)
                if !d.is_empty() && d.len() <= 10 && d.bytes().all(|b| b.is_ascii_digit() || b == b'-') =>
            {
                Ok(Some(d.to_owned()))
            }
            Some(d) => Err(Failure::bad_request(format!(
                "{name} `{d}`: write YYYY, YYYY-MM or YYYY-MM-DD"
            ))),
        }
    };
    let weight = parse(get("weight").unwrap_or("events")).map_err(Failure::bad_request)?;
    let color_by: ColorBy = parse(get("color-by").unwrap_or("class")).map_err(Failure::bad_request)?;
    let radius = match get("radius") {
        None => 1,
        Some(r) => r
            .parse()
            .ok()
            .filter(|r| (1..=5).contains(r))
            .ok_or_else(|| Failure::bad_request(format!("radius `{r}`: a whole number from 1 to 5")))?,
    };
    let args = NetworkArgs {
        relations: get("relations")
            .map(|r| {
                r.split(',')
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
        weight,
        from: date("from")?,
        to: date("to")?,
        min_certainty: get("min-certainty").map(str::to_owned),
        exclude_disputed: flag("exclude-disputed"),
        candidates: flag("candidates"),
        origins: flag("origins"),
        actor: get("actor").map(str::to_owned),
        radius,
    };
    let snapshot = state.snapshot()?;
    let mut network = crate::commands::network::projected(snapshot.kb(), &args)
        .map_err(|e| Failure::bad_request(format!("{e:#}")))?;
    network.complete_listed(snapshot.kb())?;
    let mut report = analyse(&network, args.weight, !flag("undirected"));
    if let Some(actor) = &args.actor {
        report.scope = Some(format!(
            "Ego network of {actor}: the actors within {radius} ties of it"
        ));
    }
    let options = RenderOptions {
        width: 120,
        drawing: DrawOptions {
            size_by: get("size-by").unwrap_or("pagerank").to_owned(),
            color_by,
            class_order: super::html::class_order(snapshot.network()),
        },
    };
    let mut out = Vec::new();
    render(&report, &network, ReportFormat::Html, &options, &mut out)?;
    let document = String::from_utf8_lossy(&out);
    let body = match (document.find("<body>"), document.rfind("</body>")) {
        (Some(start), Some(end)) if start < end => &document[start + "<body>".len()..end],
        _ => document.as_ref(),
    };
    let style = match (document.find("<style>"), document.find("</style>")) {
        (Some(start), Some(end)) if start < end => &document[start + "<style>".len()..end],
        _ => "",
    };
    let page = page(
        "Actor-network report",
        &format!("{}<style>{style}{FIT}</style>{body}", form(&params)),
    );
    Ok(http::html(StatusCode::OK, page))
}

/// Rules added to the report's own style so that it fits a phone: its tables scroll sideways
/// inside themselves and the drawing scales down.
const FIT: &str = "table{display:block;overflow-x:auto;max-width:100%}figure svg{max-width:100%;height:auto}";

/// The projection flags as a form, filled with the current values.
fn form(params: &[(String, String)]) -> String {
    let value = |name: &str| esc(http::param(params, name).unwrap_or_default());
    let checked = |name: &str| {
        if http::param(params, name).is_some_and(|v| !v.is_empty() && v != "0" && v != "off") {
            " checked"
        } else {
            ""
        }
    };
    let selected = |name: &str, option: &str, default: bool| {
        let current = http::param(params, name).filter(|v| !v.is_empty());
        if current == Some(option) || (current.is_none() && default) {
            " selected"
        } else {
            ""
        }
    };
    let mut s =
        String::from("<form class=\"inline\" method=\"get\" action=\"/report\" aria-label=\"Projection\">");
    for (name, label, hint) in [
        ("relations", "Relations", "bkg:attacked,bkg:condemns"),
        ("from", "From", "YYYY-MM-DD"),
        ("to", "To", "YYYY-MM-DD"),
        ("min-certainty", "Least certainty", "reported"),
        ("actor", "Ego network of", "Taliban"),
        ("radius", "Radius", "1"),
    ] {
        let _ = write!(
            s,
            "<label>{label} <input name=\"{name}\" value=\"{}\" placeholder=\"{hint}\" size=\"12\"></label>",
            value(name)
        );
    }
    let _ = write!(
        s,
        "<label>Weight <select name=\"weight\"><option{}>events</option><option{}>deaths</option></select></label>\
         <label>Size by <select name=\"size-by\">",
        selected("weight", "events", true),
        selected("weight", "deaths", false)
    );
    for key in crate::report::MEASURES.iter().map(|m| m.key) {
        let _ = write!(
            s,
            "<option{}>{key}</option>",
            selected("size-by", key, key == "pagerank")
        );
    }
    let _ = write!(
        s,
        "</select></label><label>Colour by <select name=\"color-by\"><option{}>class</option><option{}>community</option></select></label>",
        selected("color-by", "class", true),
        selected("color-by", "community", false)
    );
    for (name, label) in [
        ("exclude-disputed", "Leave out disputed"),
        ("candidates", "Include candidates"),
        ("origins", "Add where actors came from"),
        ("undirected", "Undirected"),
    ] {
        let _ = write!(
            s,
            "<label><input type=\"checkbox\" name=\"{name}\" value=\"on\"{}> {label}</label>",
            checked(name)
        );
    }
    s.push_str("<button type=\"submit\">Update</button></form>");
    s
}
