//! The synthetic generator's files import without a bad row, one event per row, in every layout;
//! and importing is deterministic whatever the seed.

use std::io::Cursor;

use borderkg::import::synth::{write_synthetic, SynthLayout};
use borderkg::import::{quads, EventReader, Mapper, Reconciler, Taxonomy, ACTOR_ALIASES};
use proptest::prelude::*;

fn import(layout: SynthLayout, rows: u64, seed: u64) -> (Vec<String>, usize, Vec<String>) {
    let mut bytes = Vec::new();
    write_synthetic(layout, rows, seed, &mut bytes).unwrap_or_else(|e| panic!("{e}"));
    let taxonomy = Taxonomy::load().unwrap_or_else(|e| panic!("{e}"));
    let mut reconciler = Reconciler::new(ACTOR_ALIASES, std::iter::empty()).unwrap_or_else(|e| panic!("{e}"));
    let mut mapper = Mapper::new(&mut reconciler, &taxonomy);
    let reader = EventReader::new("synthetic".into(), Box::new(Cursor::new(bytes)), None)
        .unwrap_or_else(|e| panic!("{layout:?}: {e}"));
    let (mut lines, mut events, mut errors) = (Vec::new(), 0, Vec::new());
    for row in quads(reader, &mut mapper) {
        match row {
            Ok(q) => {
                events += 1;
                lines.extend(q.iter().map(ToString::to_string));
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
    (lines, events, errors)
}

#[test]
fn every_layout_imports_one_event_per_row() {
    for (layout, _) in SynthLayout::ALL {
        let (_, events, errors) = import(layout, 500, 42);
        assert_eq!((events, errors), (500, Vec::new()), "{layout:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]
    #[test]
    fn import_is_deterministic_for_any_seed(seed in any::<u64>(), which in 0usize..6) {
        let layout = SynthLayout::ALL[which].0;
        let first = import(layout, 40, seed);
        prop_assert!(first.2.is_empty(), "{:?}", first.2);
        prop_assert_eq!(&first, &import(layout, 40, seed));
    }
}

/// What the shapes ask of every imported event and minted entity holds on a large mixed import:
/// one preferred label per entity; one label, summary, date and precision per event.
#[test]
fn shapes_hold_on_synthetic_imports() {
    use std::collections::HashMap;
    for (layout, _) in SynthLayout::ALL {
        let (lines, _, _) = import(layout, 2000, 9);
        let mut counts: HashMap<(String, String), usize> = HashMap::new();
        for line in &lines {
            let mut parts = line.splitn(3, ' ');
            let (s, p) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            *counts.entry((s.to_owned(), p.to_owned())).or_default() += 1;
        }
        let per = |p: &'static str| counts.iter().filter(move |((_, q), _)| q.ends_with(p));
        assert!(
            per("core#prefLabel>").all(|(_, n)| *n == 1),
            "{layout:?}: an entity has two preferred labels"
        );
        let events: Vec<&String> = counts
            .keys()
            .filter(|(s, p)| s.contains("/id/event/") && p.ends_with("#summary>"))
            .map(|(s, _)| s)
            .collect();
        assert!(events.len() >= 2000, "{layout:?}");
        for p in ["rdf-schema#label>", "#summary>", "#date>", "#datePrecision>"] {
            assert!(
                per(p)
                    .filter(|((s, _), _)| s.contains("/id/event/"))
                    .all(|(_, n)| *n == 1),
                "{layout:?}: {p} more than once"
            );
        }
    }
}
