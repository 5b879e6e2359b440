//! Draws the actor network as SVG: a deterministic force-directed layout (Fruchterman–Reingold,
//! started from community sectors), then an overlap-removal pass over each node's footprint — its
//! circle plus its label — so that no label covers another node or label. Written here because no
//! maintained Rust crate lays out and labels a graph as SVG without a browser or Graphviz.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use petgraph::visit::EdgeRef;

use super::analysis::{ActorRow, Report};
use super::ties::{self, Stop};
use crate::projection::{ActorNetwork, DASHED_MEANS};

/// What colours the nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorBy {
    /// The actor's class.
    #[default]
    Class,
    /// The actor's Louvain community.
    Community,
}

impl crate::formats::Named for ColorBy {
    const NAMES: &'static [(&'static str, Self)] = &[("class", Self::Class), ("community", Self::Community)];
}

/// How the drawing looks.
#[derive(Debug, Clone)]
pub struct DrawOptions {
    /// Measure key that sizes the nodes (`pagerank`, `betweenness`…).
    pub size_by: String,
    /// What colours the nodes.
    pub color_by: ColorBy,
    /// Classes (without `bkg:`) in the order they take the palette's colours, so that several
    /// drawings (and pages) give a class the same colour; classes not listed follow. Empty: the
    /// network's [`ActorNetwork::class_ranking`].
    pub class_order: Vec<String>,
}

/// The colours of node groups (classes or communities), in the order groups are given them.
pub const PALETTE: &[&str] = &[
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
    "#bab0ac", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02",
];

const FONT: f64 = 11.0;

/// The drawing's own style, so that it reads the same wherever it is embedded: labels haloed in
/// white, a relation label that found no free place shown only while its line is hovered.
const STYLE: &str = "<style>.node-label,.edge-label{paint-order:stroke;stroke:#fff;stroke-linejoin:round}\
.node-label{stroke-width:3px}.edge-label{stroke-width:2.5px}.focus-label{font-weight:bold}\
.tie .hover-only{visibility:hidden}.tie:hover .hover-only{visibility:visible}\
.tie:hover line+line{stroke:#333}</style>";
const CHAR_WIDTH: f64 = 0.58 * FONT;

/// A node's place and size on the canvas.
#[derive(Debug, Clone, Copy)]
struct Placed {
    x: f64,
    y: f64,
    r: f64,
    label_width: f64,
}

impl Placed {
    /// The box covering the circle and the label to its right.
    fn footprint(&self) -> (f64, f64, f64, f64) {
        let pad = 3.0;
        (
            self.x - self.r - pad,
            self.y - self.r.max(FONT * 0.75) - pad,
            self.x + self.r + 4.0 + self.label_width + pad,
            self.y + self.r.max(FONT * 0.75) + pad,
        )
    }
}

fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> Option<(f64, f64)> {
    let dx = a.2.min(b.2) - a.0.max(b.0);
    let dy = a.3.min(b.3) - a.1.max(b.1);
    (dx > 0.0 && dy > 0.0).then_some((dx, dy))
}

/// A tiny deterministic generator (xorshift) for the layout's initial jitter.
struct Jitter(u64);

impl Jitter {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % 10_000) as f64 / 10_000.0 - 0.5
    }
}

/// Lays the network out; returns positions by node index and the canvas size.
fn layout(network: &ActorNetwork, rows: &[Option<&ActorRow>], sizes: &[f64]) -> (Vec<Placed>, f64, f64) {
    let g = &network.graph;
    let n = g.node_count();
    let community: Vec<usize> = rows.iter().map(|r| r.map_or(0, |r| r.community)).collect();
    let communities = community.iter().copied().max().unwrap_or(0).max(1);
    let (width, height) = (1400.0_f64, 1000.0_f64);
    let mut jitter = Jitter(0x9e37_79b9_7f4a_7c15);
    let mut pos: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let angle = std::f64::consts::TAU * (community[i] as f64 - 0.5) / communities as f64;
            (
                width / 2.0 + width * 0.3 * angle.cos() + 80.0 * jitter.next(),
                height / 2.0 + height * 0.3 * angle.sin() + 80.0 * jitter.next(),
            )
        })
        .collect();
    let pairs: Vec<(usize, usize)> = g
        .edge_references()
        .map(|e| (e.source().index(), e.target().index()))
        .collect();
    let k = (width * height / n.max(1) as f64).sqrt() * 0.75;
    let mut temperature = width / 8.0;
    for _ in 0..600 {
        let mut shift = vec![(0.0_f64, 0.0_f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
                let d = (dx * dx + dy * dy).sqrt().max(0.01);
                let force = k * k / d;
                shift[i].0 += dx / d * force;
                shift[i].1 += dy / d * force;
                shift[j].0 -= dx / d * force;
                shift[j].1 -= dy / d * force;
            }
        }
        for &(a, b) in &pairs {
            if a == b {
                continue;
            }
            let (dx, dy) = (pos[a].0 - pos[b].0, pos[a].1 - pos[b].1);
            let d = (dx * dx + dy * dy).sqrt().max(0.01);
            let force = d * d / k;
            shift[a].0 -= dx / d * force;
            shift[a].1 -= dy / d * force;
            shift[b].0 += dx / d * force;
            shift[b].1 += dy / d * force;
        }
        for (i, p) in pos.iter_mut().enumerate() {
            // Gravity keeps separate components on the canvas.
            shift[i].0 += (width / 2.0 - p.0) * 0.02 * k / 10.0;
            shift[i].1 += (height / 2.0 - p.1) * 0.02 * k / 10.0;
            let len = (shift[i].0 * shift[i].0 + shift[i].1 * shift[i].1)
                .sqrt()
                .max(0.01);
            // Classic Fruchterman–Reingold keeps nodes inside the frame.
            p.0 = (p.0 + shift[i].0 / len * len.min(temperature)).clamp(40.0, width - 240.0);
            p.1 = (p.1 + shift[i].1 / len * len.min(temperature)).clamp(30.0, height - 30.0);
        }
        temperature = (temperature * 0.985).max(1.0);
    }
    let max_size = sizes.iter().copied().fold(0.0_f64, f64::max);
    let mut placed: Vec<Placed> = g
        .node_indices()
        .map(|i| {
            let s = if max_size > 0.0 {
                sizes[i.index()] / max_size
            } else {
                0.0
            };
            Placed {
                x: pos[i.index()].0,
                y: pos[i.index()].1,
                r: 5.0 + 17.0 * s.sqrt(),
                label_width: g[i].label.chars().count() as f64 * CHAR_WIDTH,
            }
        })
        .collect();
    remove_overlaps(&mut placed);
    // Fit the canvas to the drawing.
    let (mut min_x, mut min_y, mut max_x, mut max_y) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for p in &placed {
        let f = p.footprint();
        min_x = min_x.min(f.0);
        min_y = min_y.min(f.1);
        max_x = max_x.max(f.2);
        max_y = max_y.max(f.3);
    }
    let margin = 20.0;
    for p in &mut placed {
        p.x += margin - min_x;
        p.y += margin - min_y;
    }
    (placed, max_x - min_x + 2.0 * margin, max_y - min_y + 2.0 * margin)
}

/// Pushes footprints apart until none overlaps another.
fn remove_overlaps(placed: &mut [Placed]) {
    for _ in 0..2000 {
        let mut moved = false;
        for i in 0..placed.len() {
            for j in (i + 1)..placed.len() {
                if let Some((dx, dy)) = overlap(placed[i].footprint(), placed[j].footprint()) {
                    moved = true;
                    // Separate along the axis that needs the smaller move.
                    if dx < dy {
                        let dir = if placed[i].x <= placed[j].x { -1.0 } else { 1.0 };
                        placed[i].x += dir * (dx / 2.0 + 0.5);
                        placed[j].x -= dir * (dx / 2.0 + 0.5);
                    } else {
                        let dir = if placed[i].y <= placed[j].y { -1.0 } else { 1.0 };
                        placed[i].y += dir * (dy / 2.0 + 0.5);
                        placed[j].y -= dir * (dy / 2.0 + 0.5);
                    }
                }
            }
        }
        if !moved {
            return;
        }
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The colour key of every node and the legend entries.
fn colours(
    network: &ActorNetwork,
    rows: &[Option<&ActorRow>],
    by: ColorBy,
    class_order: &[String],
) -> (Vec<&'static str>, Vec<(String, &'static str)>) {
    let g = &network.graph;
    let keys: Vec<String> = g
        .node_indices()
        .map(|i| match by {
            ColorBy::Class => {
                let c = g[i].class.trim_start_matches("bkg:");
                if c.is_empty() {
                    "untyped".to_owned()
                } else {
                    c.to_owned()
                }
            }
            ColorBy::Community => {
                format!("community {}", rows[i.index()].map_or(0, |r| r.community))
            }
        })
        .collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for k in &keys {
        *counts.entry(k).or_default() += 1;
    }
    let mut order: Vec<(&str, usize)> = counts.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    // Without an order given, the network's own (for an ego network, that of the whole).
    let ranking;
    let class_order = if class_order.is_empty() {
        ranking = network.class_ranking();
        &ranking[..]
    } else {
        class_order
    };
    let mut unlisted = class_order.len();
    let colour_of: BTreeMap<&str, &'static str> = order
        .iter()
        .enumerate()
        .map(|(i, (k, _))| {
            let slot = match by {
                ColorBy::Class if !class_order.is_empty() => {
                    class_order.iter().position(|c| c == k).unwrap_or_else(|| {
                        unlisted += 1;
                        unlisted - 1
                    })
                }
                _ => i,
            };
            (*k, PALETTE[slot % PALETTE.len()])
        })
        .collect();
    let per_node = keys
        .iter()
        .map(|k| colour_of.get(k.as_str()).copied().unwrap_or("#999"))
        .collect();
    let legend = order
        .iter()
        .map(|(k, _)| ((*k).to_owned(), colour_of.get(k).copied().unwrap_or("#999")))
        .collect();
    (per_node, legend)
}

/// The colour of each class of actor (`State`, `ArmedGroup`, … `untyped`; classes outside `bkg:`
/// keep their prefix), the same in the report's drawing, the server's pages and the DOT export:
/// the palette in order of how many actors have the class, most first, then by name.
pub fn class_colours(network: &ActorNetwork) -> Vec<(String, &'static str)> {
    let rows = vec![None; network.graph.node_count()];
    colours(network, &rows, ColorBy::Class, &[]).1
}

/// The SVG drawing of `network`.
pub fn svg(network: &ActorNetwork, report: &Report, options: &DrawOptions) -> String {
    let g = &network.graph;
    // The report's row of each node, found once.
    let rows: Vec<Option<&ActorRow>> = g
        .node_indices()
        .map(|i| report.rows.iter().find(|r| r.id == g[i].id))
        .collect();
    let sizes: Vec<f64> = rows
        .iter()
        .map(|r| {
            r.and_then(|r| r.measures.get(options.size_by.as_str()).copied())
                .unwrap_or(0.0)
        })
        .collect();
    let (placed, width, height) = layout(network, &rows, &sizes);
    let (fill, legend) = colours(network, &rows, options.color_by, &options.class_order);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0} {height:.0}" width="{width:.0}" height="{height:.0}" font-family="Helvetica, Arial, sans-serif" role="img" aria-label="Actor network">"#
    );
    s.push_str(STYLE);
    s.push_str(r##"<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker></defs>"##);
    // One line per pair of actors, labelled with every relation between them.
    let stops: Vec<Stop> = placed
        .iter()
        .map(|p| Stop {
            x: p.x,
            y: p.y,
            r: p.r,
            footprint: p.footprint(),
        })
        .collect();
    s.push_str(r#"<g class="edges">"#);
    ties::draw(network, &stops, &mut s);
    s.push_str("</g><g class=\"nodes\">");
    let focus = network
        .focus
        .as_deref()
        .and_then(|iri| g.node_indices().find(|&i| g[i].iri == iri));
    for i in g.node_indices() {
        let p = placed[i.index()];
        let actor = &g[i];
        let focal = focus == Some(i);
        if focal {
            let _ = write!(
                s,
                r##"<circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="none" stroke="#111" stroke-width="2.5" class="focus-ring"/>"##,
                p.x,
                p.y,
                p.r + 3.5
            );
        }
        let _ = write!(
            s,
            r##"<g class="node"><circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="{}" stroke="#333" stroke-width="0.8"><title>{} ({}) — {} {:.4}</title></circle><text x="{:.1}" y="{:.1}" font-size="{FONT}" fill="#111" class="node-label{}">{}</text></g>"##,
            p.x,
            p.y,
            p.r,
            fill[i.index()],
            escape(&actor.label),
            escape(actor.class.trim_start_matches("bkg:")),
            escape(&options.size_by),
            sizes[i.index()],
            p.x + p.r + 4.0,
            p.y + FONT * 0.35,
            if focal { " focus-label" } else { "" },
            escape(&actor.label)
        );
    }
    s.push_str("</g></svg>");
    let mut legend_html = String::from(r#"<ul class="legend">"#);
    for (key, colour) in legend {
        let _ = write!(
            legend_html,
            r#"<li><span style="background:{colour}"></span>{}</li>"#,
            escape(&key)
        );
    }
    let _ = write!(
        legend_html,
        r##"<li><svg width="28" height="10" aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" stroke="#999" stroke-width="2" stroke-dasharray="5 3"/></svg> dashed: {}</li>"##,
        escape(DASHED_MEANS)
    );
    if let Some(i) = focus {
        let _ = write!(
            legend_html,
            r##"<li><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6" fill="none" stroke="#111" stroke-width="2.5"/></svg> ringed: <b>{}</b>, the actor at the centre of this view</li>"##,
            escape(&g[i].label)
        );
    }
    legend_html.push_str("</ul>");
    format!("{legend_html}\n{s}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_removal_separates_every_footprint() {
        let mut placed: Vec<Placed> = (0..30)
            .map(|i| Placed {
                x: 100.0 + (i % 3) as f64,
                y: 100.0 + (i % 5) as f64,
                r: 8.0,
                label_width: 60.0,
            })
            .collect();
        remove_overlaps(&mut placed);
        for i in 0..placed.len() {
            for j in (i + 1)..placed.len() {
                assert!(
                    overlap(placed[i].footprint(), placed[j].footprint()).is_none(),
                    "{i} and {j} overlap"
                );
            }
        }
    }
}
