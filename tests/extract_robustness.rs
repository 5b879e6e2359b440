//! Bad and extreme input: never a panic, a clear error or a clean empty result, and bounded time.

#[path = "extract_support/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use borderkg::extract::{self, ArticleMeta, Date, Error};

#[expect(clippy::expect_used, reason = "a fixed valid date")]
fn meta() -> ArticleMeta {
    ArticleMeta::new("robust", Date::parse("2025-12-05").expect("date"))
}

#[test]
fn empty_input_gives_an_empty_extraction() {
    let x = extract::extract_bytes(b"", &meta(), &common::lexicon(), &common::gazetteer())
        .expect("empty is fine");
    assert!(x.events.is_empty() && x.facts.is_empty() && x.sentences == 0);
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let err = extract::extract_bytes(
        b"Tajik guards\xff\xfe fired",
        &meta(),
        &common::lexicon(),
        &common::gazetteer(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::InvalidUtf8 { offset: 12 }), "{err}");
    assert!(err.to_string().contains("byte 12"));
}

#[test]
fn binary_input_is_refused() {
    let err = extract::extract_bytes(
        b"\x00\x01\x02binary",
        &meta(),
        &common::lexicon(),
        &common::gazetteer(),
    )
    .unwrap_err();
    assert!(matches!(err, Error::Binary { offset: 0 }));
}

#[test]
fn headlines_only_give_nothing() {
    let text = "Taliban Attack Pakistani Posts\nTajik Guards Kill Two Smugglers\nIran Urges Restraint";
    let x = common::run("h", "2025-12-05", text);
    assert!(x.events.is_empty());
    assert_eq!(x.skipped, vec![0, 1, 2]);
}

#[test]
fn a_ten_megabyte_line_runs_in_bounded_time() {
    let unit =
        "Taliban fighters attacked Pakistani posts in Kurram and killed three soldiers, officials said, ";
    let line: String = unit.repeat(10_000_000 / unit.len());
    let start = Instant::now();
    let x = common::run("big", "2025-12-05", &line);
    assert!(
        start.elapsed() < Duration::from_secs(120),
        "took {:?}",
        start.elapsed()
    );
    assert!(x.sentences >= 1);
}

#[test]
fn many_short_lines_run_in_linear_time() {
    let text: String = (0..20_000)
        .map(|i| format!("Pakistan urged Afghanistan to act on case {i}.\n"))
        .collect();
    let start = Instant::now();
    let x = common::run("many", "2025-12-05", &text);
    assert_eq!(x.events.len(), 20_000);
    assert!(start.elapsed() < Duration::from_secs(30));
}

proptest::proptest! {
    // PROPTEST_CASES raises the number of cases for a longer run.
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(2000)
    ))]

    /// Random text never panics, and every event points at a real sentence.
    #[test]
    fn random_text_never_panics(text in "(?s).{0,400}") {
        let x = common::run("p", "2025-12-05", &text);
        for e in &x.events {
            proptest::prop_assert!(e.span.sentence < x.sentences);
            proptest::prop_assert!(e.span.char_start < e.span.char_end);
            proptest::prop_assert!((0.0..=1.0).contains(&e.confidence));
        }
        let mut out = Vec::new();
        extract::turtle::write(&x, &mut out).expect("writes");
        let ttl = String::from_utf8(out).expect("utf8");
        for t in oxttl::TurtleParser::new().for_slice(ttl.as_bytes()) {
            proptest::prop_assert!(t.is_ok(), "{:?}", t.err());
        }
    }

    /// News-like random recombinations of names and verbs never panic and always write valid Turtle.
    #[test]
    fn word_salad_never_panics(words in proptest::collection::vec(proptest::sample::select(vec![
        "Taliban", "Pakistan", "Kabul", "Dushanbe", "Tajik", "border", "guards", "killed", "three", "dozens", "of",
        "attacked", "urged", "accused", "denied", "not", "will", "on", "Tuesday", "last", "May", "the", "group", "and",
        ",", ".", "\"", "according", "to", "said", "were", "by", "in", "Khatlon", "harbouring", "TTP", "at", "least", "\n",
    ]), 0..80)) {
        let text = words.join(" ");
        let x = common::run("w", "2025-12-05", &text);
        let mut out = Vec::new();
        extract::turtle::write(&x, &mut out).expect("writes");
        for t in oxttl::TurtleParser::new().for_slice(&out) {
            proptest::prop_assert!(t.is_ok(), "{:?}\n{}", t.err(), text);
        }
        let mut js = Vec::new();
        extract::json::write(&x, &mut js).expect("json");
        proptest::prop_assert!(serde_json::from_slice::<serde_json::Value>(&js).is_ok());
    }
}
