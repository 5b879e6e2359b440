//! The lines of the drawing: one per pair of actors, its tooltip naming each direction with its
//! relations and sources, and its relation label set along the line where it covers no node, no
//! node label and no other relation label (elsewhere the label shows when the line is hovered).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::projection::ActorNetwork;

/// The smallest text the drawing uses, in pixels.
pub const MIN_FONT: f64 = 10.0;

/// A box `(left, top, right, bottom)` on the canvas.
pub type Rect = (f64, f64, f64, f64);

/// A node as the lines see it: its centre, its radius, and what it covers (circle and label).
#[derive(Debug, Clone, Copy)]
pub struct Stop {
    /// Centre.
    pub x: f64,
    /// Centre.
    pub y: f64,
    /// Circle radius.
    pub r: f64,
    /// The box its circle and label cover.
    pub footprint: Rect,
}

/// All ties between two actors, in either direction.
#[derive(Debug, Default)]
struct PairLine {
    /// Relations from the lower to the higher node index, each with its sources.
    forward: BTreeMap<String, Vec<String>>,
    /// Relations the other way.
    backward: BTreeMap<String, Vec<String>>,
    doubtful: bool,
    weight: f64,
}

/// Collects the ties of `network` per pair of nodes (lower index first); loops are left out.
fn pairs(network: &ActorNetwork) -> BTreeMap<(usize, usize), PairLine> {
    let g = &network.graph;
    let mut pairs: BTreeMap<(usize, usize), PairLine> = BTreeMap::new();
    for e in g.edge_references() {
        let (a, b) = (e.source().index(), e.target().index());
        if a == b {
            continue;
        }
        let tie = e.weight();
        let entry = pairs.entry((a.min(b), a.max(b))).or_default();
        let side = if a < b {
            &mut entry.forward
        } else {
            &mut entry.backward
        };
        let sources = side
            .entry(tie.relation.trim_start_matches("bkg:").to_owned())
            .or_default();
        let (listed, more) = network.listed(tie);
        for citation in listed
            .into_iter()
            .filter_map(|s| network.evidence.get(s))
            .flat_map(|ev| &ev.citations)
        {
            let short = citation.short();
            if !sources.contains(&short) {
                sources.push(short);
            }
        }
        if more > 0 {
            sources.push(format!("and {more} more events"));
        }
        entry.doubtful |= tie.doubtful();
        entry.weight += tie.weight;
    }
    pairs
}

/// The tooltip of a line: one line per direction, `A → B: relation (sources); relation (…)`.
fn tooltip(from: &str, to: &str, relations: &BTreeMap<String, Vec<String>>) -> String {
    let parts: Vec<String> = relations
        .iter()
        .map(|(relation, sources)| {
            if sources.is_empty() {
                relation.clone()
            } else {
                format!("{relation} ({})", sources.join(" "))
            }
        })
        .collect();
    format!("{from} → {to}: {}", parts.join("; "))
}

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Small boxes covering a label of `length` pixels centred on `(x, y)` along the direction
/// `(ux, uy)`, set `lift` pixels to one side of the line.
fn label_cover(x: f64, y: f64, ux: f64, uy: f64, length: f64, lift: f64) -> Vec<Rect> {
    let half = MIN_FONT * 0.5;
    let (cx, cy) = (x + uy * lift, y - ux * lift);
    let steps = (length / MIN_FONT).ceil().max(1.0) as usize;
    (0..=steps)
        .map(|i| {
            let t = i as f64 / steps as f64 - 0.5;
            let (px, py) = (cx + ux * t * length, cy + uy * t * length);
            (px - half, py - half, px + half, py + half)
        })
        .collect()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Writes the lines of `network` to `s` as SVG, one `<g class="tie">` per pair of actors.
///
/// A relation label is written along its line, upright, at the middle, a third or two thirds of
/// the way, whichever first covers no node footprint and no label already placed; when none is
/// free (a short line near a hub) it is written hidden and shows when the line is hovered.
///
/// Complexity: O(p · (n + p)) for p pairs and n nodes.
pub fn draw(network: &ActorNetwork, stops: &[Stop], s: &mut String) {
    let g = &network.graph;
    let label_of = |i: usize| g[NodeIndex::new(i)].label.as_str();
    let mut taken: Vec<Rect> = Vec::new();
    for ((a, b), line) in pairs(network) {
        let (p, q) = (stops[a], stops[b]);
        let (dx, dy) = (q.x - p.x, q.y - p.y);
        let d = (dx * dx + dy * dy).sqrt().max(0.01);
        let (ux, uy) = (dx / d, dy / d);
        let (x1, y1) = (p.x + ux * p.r, p.y + uy * p.r);
        let (x2, y2) = (q.x - ux * q.r, q.y - uy * q.r);
        let mut markers = String::new();
        if !line.forward.is_empty() {
            markers.push_str(r#" marker-end="url(#arrow)""#);
        }
        if !line.backward.is_empty() {
            markers.push_str(r#" marker-start="url(#arrow)""#);
        }
        let dash = if line.doubtful {
            r#" stroke-dasharray="5 3""#
        } else {
            ""
        };
        let mut title = Vec::new();
        if !line.forward.is_empty() {
            title.push(tooltip(label_of(a), label_of(b), &line.forward));
        }
        if !line.backward.is_empty() {
            title.push(tooltip(label_of(b), label_of(a), &line.backward));
        }
        let _ = write!(
            s,
            r##"<g class="tie"><title>{}</title><line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="transparent" stroke-width="10"/><line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="#999" stroke-width="{:.1}"{dash}{markers}/>"##,
            escape(&title.join("\n")),
            (0.8 + line.weight.sqrt() * 0.6).min(5.0),
        );
        let mut relations: Vec<&String> = line.forward.keys().chain(line.backward.keys()).collect();
        relations.sort();
        relations.dedup();
        let label = relations
            .iter()
            .map(|r| r.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        let length = label.chars().count() as f64 * MIN_FONT * 0.58;
        let room = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt();
        // Text reads left to right: a line pointing left is labelled as if it pointed right.
        let (rx, ry) = if ux < 0.0 { (-ux, -uy) } else { (ux, uy) };
        let lift = MIN_FONT * 0.5 + 1.5;
        let place = [0.5, 0.35, 0.65].into_iter().find_map(|t| {
            let (x, y) = (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t);
            // The label must lie within the line and clear of every node and placed label.
            let along = room * t.min(1.0 - t);
            if length / 2.0 + 2.0 > along {
                return None;
            }
            let cover = label_cover(x, y, rx, ry, length, lift);
            let clear = cover.iter().all(|c| {
                stops.iter().all(|n| !overlaps(*c, n.footprint)) && taken.iter().all(|t| !overlaps(*c, *t))
            });
            clear.then_some((x, y, cover))
        });
        let angle = ry.atan2(rx).to_degrees();
        let (x, y, class) = match place {
            Some((x, y, cover)) => {
                taken.extend(cover);
                (x, y, "edge-label")
            }
            None => ((x1 + x2) / 2.0, (y1 + y2) / 2.0, "edge-label hover-only"),
        };
        let (tx, ty) = (x + ry * lift, y - rx * lift);
        let _ = write!(
            s,
            r##"<text x="{tx:.1}" y="{ty:.1}" font-size="{MIN_FONT}" fill="#555" text-anchor="middle" dominant-baseline="middle" transform="rotate({angle:.1} {tx:.1} {ty:.1})" class="{class}">{}</text></g>"##,
            escape(&label)
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tooltip_names_the_direction_relations_and_sources() {
        let relations = BTreeMap::from([
            (
                "memberOf".to_owned(),
                vec!["004#3".to_owned(), "004#5".to_owned()],
            ),
            ("borders".to_owned(), Vec::new()),
        ]);
        assert_eq!(
            tooltip("Afghan Foreign Minister", "Taliban", &relations),
            "Afghan Foreign Minister → Taliban: borders; memberOf (004#3 004#5)"
        );
    }

    #[test]
    fn a_label_cover_follows_its_line() {
        let cover = label_cover(100.0, 100.0, 1.0, 0.0, 40.0, 0.0);
        let left = cover.iter().map(|c| c.0).fold(f64::MAX, f64::min);
        let right = cover.iter().map(|c| c.2).fold(f64::MIN, f64::max);
        assert!(
            (left - 75.0).abs() < 0.01 && (right - 125.0).abs() < 0.01,
            "{left} {right}"
        );
        assert!(cover.iter().all(|c| c.1 == 95.0 && c.3 == 105.0));
    }
}
