//! Ranks paths of equal length by the strength of their evidence, so that a route through events
//! outranks one through bare co-presence, and says why each path ranks where it does.

use std::collections::BTreeSet;

use super::FoundPath;

/// Standing labels by certainty rank (the ontology's `bkg:certaintyRank`).
const STANDINGS: [&str; 7] = [
    "denied",
    "suspected",
    "alleged",
    "claimed",
    "unconfirmed",
    "reported",
    "confirmed",
];

/// The strength of a path: distinct supporting events, the certainty of its weakest hop (a hop
/// counts its firmest tie), and the sum of its hops' certainties.
fn strength(path: &FoundPath) -> (usize, u8, u32) {
    let events: BTreeSet<&str> = path
        .hops
        .iter()
        .flat_map(|h| &h.ties)
        .flat_map(|t| &t.events)
        .map(String::as_str)
        .collect();
    let per_hop: Vec<u8> = path
        .hops
        .iter()
        .map(|h| h.ties.iter().map(|t| t.certainty).max().unwrap_or(0))
        .collect();
    let weakest = per_hop.iter().copied().min().unwrap_or(0);
    let total = per_hop.iter().map(|&c| u32::from(c)).sum();
    (events.len(), weakest, total)
}

/// Orders `paths` (shortest first, as found) by length, then strength, keeping the finder's order
/// (labels) for paths that tie on both; keeps `k` and fills in each path's reason.
///
/// Complexity: O(p log p) for p paths.
pub(super) fn rank(mut paths: Vec<FoundPath>, k: usize) -> Vec<FoundPath> {
    let scored: Vec<(usize, usize, u8, u32)> = paths
        .iter()
        .map(|p| {
            let (events, weakest, total) = strength(p);
            (p.hops.len(), events, weakest, total)
        })
        .collect();
    let mut order: Vec<usize> = (0..paths.len()).collect();
    order.sort_by(|&a, &b| {
        let (la, ea, wa, ta) = scored[a];
        let (lb, eb, wb, tb) = scored[b];
        la.cmp(&lb)
            .then(eb.cmp(&ea))
            .then(wb.cmp(&wa))
            .then(tb.cmp(&ta))
            .then(a.cmp(&b))
    });
    order.truncate(k);
    let mut taken: Vec<Option<FoundPath>> = paths.drain(..).map(Some).collect();
    let mut out = Vec::with_capacity(order.len());
    for (place, &i) in order.iter().enumerate() {
        let Some(mut path) = taken[i].take() else {
            continue;
        };
        let (len, events, weakest, total) = scored[i];
        path.events = events;
        path.weakest = STANDINGS
            .get(usize::from(weakest))
            .copied()
            .unwrap_or("reported")
            .to_owned();
        let rivals = scored.iter().filter(|s| s.0 == len).count();
        path.rank = if place == 0 && rivals == 1 {
            "the only shortest path".to_owned()
        } else if rivals == 1 {
            format!("the only path of {len} hops found")
        } else {
            let ahead = order[..place].iter().filter(|&&j| scored[j].0 == len).count();
            let tied = scored
                .iter()
                .filter(|s| s.0 == len && s.1 == events && s.2 == weakest && s.3 == total)
                .count();
            let tie = if tied > 1 { "; ties broken by label" } else { "" };
            format!(
                "{} of {rivals} paths of {len} hops: {events} supporting event{}, weakest hop {}, \
                 certainty sum {total} (more events, then a firmer weakest hop, rank first{tie})",
                ordinal(ahead + 1),
                if events == 1 { "" } else { "s" },
                path.weakest
            )
        };
        out.push(path);
    }
    out
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
