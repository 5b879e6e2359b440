//! Fuzzes the Turtle ingest path: parsing with positions, then skolemisation. Whatever the bytes, it
//! ends in triples or a positioned error, never a panic or a stack overflow, and every blank node is
//! named.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(triples) = borderkg::ingest::parse_turtle_bytes(data) {
        let named = borderkg::ingest::skolemize(triples);
        for t in &named {
            let blank_subject = matches!(t.subject, oxigraph::model::NamedOrBlankNode::BlankNode(_));
            let blank_object = matches!(t.object, oxigraph::model::Term::BlankNode(_));
            assert!(!blank_subject && !blank_object, "a blank node survived: {t}");
        }
    }
});
