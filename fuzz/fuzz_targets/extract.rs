//! Fuzzes the extractor from raw bytes: it must never panic, and its Turtle must always parse.
//! Run with `cargo fuzz run extract fuzz/corpus/extract` from the crate folder.

#![no_main]

use std::sync::OnceLock;

use borderkg::extract::{self, ArticleMeta, Date, Gazetteer, Lexicon};
use libfuzzer_sys::fuzz_target;

fn setup() -> &'static (Lexicon, Gazetteer) {
    static S: OnceLock<(Lexicon, Gazetteer)> = OnceLock::new();
    S.get_or_init(|| {
        let lex = Lexicon::from_files(extract::lexicon::embedded()).expect("lexicon");
        let gaz = Gazetteer::from_turtle([("graph.ttl", include_str!("../../tests/fixtures/extract-graph.ttl"))]).expect("graph");
        (lex, gaz)
    })
}

fuzz_target!(|data: &[u8]| {
    let (lex, gaz) = setup();
    let meta = ArticleMeta::new("fuzz", Date::parse("2025-12-05").expect("date"));
    if let Ok(x) = extract::extract_bytes(data, &meta, lex, gaz) {
        let mut out = Vec::new();
        extract::turtle::write(&x, &mut out).expect("write to memory");
        for t in oxttl::TurtleParser::new().for_slice(&out) {
            assert!(t.is_ok(), "invalid Turtle: {:?}", t.err());
        }
    }
});
