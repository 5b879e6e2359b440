//! The installed binary works from any folder: it carries its ontology, rules, shapes, saved
//! queries and curated data, and infers output formats from file names.
#![allow(clippy::expect_used, reason = "tests fail on unexpected errors")]

use std::process::Output;

use assert_cmd::Command;

fn in_empty_folder(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_borderkg"))
        .current_dir(dir)
        .env_remove("BORDERKG_STORE")
        .env_remove("BORDERKG_SOURCES")
        .args(args)
        .output()
        .expect("runs")
}

fn ok(dir: &std::path::Path, args: &[&str]) -> String {
    let out = in_empty_folder(dir, args);
    assert!(
        out.status.success(),
        "borderkg {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf8")
}

#[test]
fn outside_the_repository_nothing_worked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let here = dir.path();
    let summary = ok(here, &["build"]);
    assert!(
        summary.contains("ontology, rules and shapes: built in; data: built in"),
        "{summary}"
    );
    assert!(ok(here, &["report"]).contains("Taliban"));
    let attacks = ok(here, &["query", "who-attacked", "-f", "csv"]);
    assert!(attacks.lines().count() > 5, "{attacks}");
    assert!(ok(here, &["queries"]).contains("who-attacked"));
    ok(here, &["export", "-o", "kg.nt"]);
    let nt = std::fs::read_to_string(here.join("kg.nt")).expect("kg.nt");
    assert!(!nt.contains("@prefix"), "kg.nt is N-Triples, not Turtle");
    assert!(
        nt.lines().all(|l| l.starts_with('<') && l.ends_with(" .")),
        "one triple per line"
    );
}

#[test]
fn output_format_followed_the_flag_not_the_file_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let here = dir.path();
    ok(here, &["build"]);
    ok(here, &["report", "-o", "r.html"]);
    let html = std::fs::read_to_string(here.join("r.html")).expect("r.html");
    assert!(html
        .trim_start()
        .to_ascii_lowercase()
        .starts_with("<!doctype html"));
    ok(here, &["export", "-o", "kg.jsonld"]);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(here.join("kg.jsonld")).expect("jsonld"))
            .expect("JSON-LD is JSON");
    assert!(json.is_array() || json.is_object());
    ok(here, &["export", "-f", "ttl", "-o", "kg.ttl"]);
    let out = in_empty_folder(here, &["export", "-f", "turtle", "-o", "kg.nt"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("contradicts"));
    ok(here, &["graph", "-o", "g.gexf"]);
    assert!(std::fs::read_to_string(here.join("g.gexf"))
        .expect("gexf")
        .contains("<gexf"));
}

#[test]
fn query_could_not_be_read_from_standard_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    ok(dir.path(), &["build"]);
    let out = Command::new(env!("CARGO_BIN_EXE_borderkg"))
        .current_dir(dir.path())
        .env_remove("BORDERKG_STORE")
        .args(["query", "-", "-f", "csv"])
        .write_stdin("SELECT (COUNT(*) AS ?n) WHERE { ?s a bkg:State }")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().nth(1), Some("8"));
}
