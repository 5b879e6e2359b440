//! Fuzzes query parameters: any query text with any value bound to `?v` either runs or fails with
//! an error; a value is bound as a term, so it can never change the query's text.

#![no_main]

use std::sync::OnceLock;

use borderkg::query::{run, Limits};
use libfuzzer_sys::fuzz_target;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};
use oxigraph::sparql::Variable;
use oxigraph::store::Store;

fn store() -> &'static Store {
    static STORE: OnceLock<Store> = OnceLock::new();
    STORE.get_or_init(|| {
        let store = Store::new().expect("memory store");
        let ex = |s: &str| NamedNode::new_unchecked(format!("http://e/{s}"));
        for i in 0..20 {
            store
                .insert(&Quad::new(ex(&format!("s{i}")), ex("p"), Literal::from(i), GraphName::DefaultGraph))
                .expect("insert");
        }
        store
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (query, value) = text.split_once('\u{0}').unwrap_or((&text, ""));
    let bindings = vec![(Variable::new_unchecked("v"), Term::from(Literal::from(value)))];
    let _ = run(store(), "fuzz", query, bindings, Limits::default());
});
