//! The actor sections of an entity page: ties both ways with their evidence, the events it takes
//! part in (in time order), the claims it makes, and its ego network drawn by the report's code.

use std::fmt::Write as _;

use oxigraph::model::{NamedNode, Term};
use petgraph::visit::EdgeRef;
use petgraph::Direction;

use super::entity_page::shown;
use super::html::{self, esc, table};
use super::state::Snapshot;
use crate::error::Result;
use crate::projection::{ActorNetwork, Weighting};
use crate::read::pages as read;
use crate::report::{analyse, svg, ColorBy, DrawOptions};

/// The actor sections for `iri`.
///
/// # Errors
/// A query error.
pub fn sections(snapshot: &Snapshot, iri: &NamedNode) -> Result<String> {
    let mut s = String::new();
    if let Some(network) = snapshot.network() {
        s.push_str(&ties(snapshot, network, iri.as_str()));
    }
    let limits = snapshot.limits();
    let rows: Vec<Vec<String>> = read::actor_events(snapshot.kb(), iri, limits)?
        .iter()
        .map(|r| {
            let when = match (&r.date_text, &r.date) {
                (Some(text), Some(date)) => format!("{} [{}]", shown(snapshot, text), shown(snapshot, date)),
                (None, Some(date)) => shown(snapshot, date),
                (Some(text), None) => shown(snapshot, text),
                (None, None) => String::new(),
            };
            vec![when, shown(snapshot, &r.event), shown(snapshot, &r.role)]
        })
        .collect();
    if !rows.is_empty() {
        let _ = write!(
            s,
            "<h2>Events, in time order</h2>{}",
            table(&["when", "event", "role"], &rows)
        );
    }
    let cell = |t: &Option<Term>| t.as_ref().map(|t| shown(snapshot, t)).unwrap_or_default();
    let rows: Vec<Vec<String>> = read::actor_claims(snapshot.kb(), iri, limits)?
        .iter()
        .map(|r| {
            vec![
                shown(snapshot, &r.what),
                cell(&r.standing),
                format!("{} #{}", cell(&r.source), cell(&r.sentence)),
            ]
        })
        .collect();
    if !rows.is_empty() {
        let _ = write!(
            s,
            "<h2>Claims it makes</h2>{}",
            table(&["what", "standing", "source"], &rows)
        );
    }
    Ok(s)
}

/// The ties of the actor both ways, with the evidence of each, and the ego-network drawing.
fn ties(snapshot: &Snapshot, network: &ActorNetwork, iri: &str) -> String {
    let Some(center) = network.find(iri) else {
        return "<p class=\"muted\">No tie in the actor network.</p>".to_owned();
    };
    let g = &network.graph;
    let mut rows = Vec::new();
    for direction in [Direction::Outgoing, Direction::Incoming] {
        for edge in g.edges_directed(center, direction) {
            let (other, arrow) = match direction {
                Direction::Outgoing => (edge.target(), "→"),
                Direction::Incoming => (edge.source(), "←"),
            };
            let tie = edge.weight();
            let (listed, more) = network.listed(tie);
            let evidence: Vec<String> = listed
                .into_iter()
                .map(|support| {
                    let label = network.evidence.get(support).map(|e| {
                        let cites: Vec<String> = e.citations.iter().map(|c| c.short()).collect();
                        format!("{} ({})", e.label, cites.join(", "))
                    });
                    html::iri(support, label.as_deref().or_else(|| snapshot.name(support)))
                })
                .chain((more > 0).then(|| esc(&format!("and {more} more events"))))
                .collect();
            rows.push(vec![
                esc(arrow),
                esc(&tie.relation),
                html::iri(&g[other].iri, Some(&g[other].label)),
                format!("{}", tie.weight),
                format!(
                    "{}{}",
                    esc(&network.standing(tie)),
                    if tie.disputed { " · disputed" } else { "" }
                ),
                evidence.join("<br>"),
            ]);
        }
    }
    let ego = network.ego(center, 1);
    let report = analyse(&ego, Weighting::Events, true);
    let drawing = svg(
        &ego,
        &report,
        &DrawOptions {
            size_by: "pagerank".to_owned(),
            color_by: ColorBy::Class,
            class_order: html::class_order(snapshot.network()),
        },
    );
    let neighbours: Vec<String> = ego
        .graph
        .node_weights()
        .filter(|a| a.iri != iri)
        .map(|a| html::iri(&a.iri, Some(&a.label)))
        .collect();
    format!(
        "<h2>Ties ({})</h2>{}<h2>Ego network</h2><figure>{drawing}</figure><p>Neighbours: {}</p>",
        rows.len(),
        table(
            &["", "relation", "actor", "weight", "standing", "evidence"],
            &rows
        ),
        neighbours.join(" · ")
    )
}
