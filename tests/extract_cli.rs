//! `borderkg extract` and `extract-eval` through the binary: drafts that `build --add` loads, kept
//! out of the actor network until reviewed, and scores printed from the gold standard.
#![allow(clippy::expect_used, reason = "tests fail on unexpected errors")]

mod common;

use common::{root, Env};

#[test]
fn extracted_draft_builds_and_stays_out_of_the_report_until_asked_for() {
    let env = Env::new();
    let article = root().join("tests/extract-articles/pak-afghan-clash.txt");
    let draft = env.dir.path().join("draft.ttl");
    env.ok(&[
        "extract",
        article.to_str().expect("utf8"),
        "--date",
        "2025-10-12",
        "-o",
        draft.to_str().expect("utf8"),
    ]);
    let text = std::fs::read_to_string(&draft).expect("draft");
    assert!(text.contains("bkg:reviewStatus bkg:Candidate"), "{text}");
    env.ok(&["build"]);
    let curated = env.ok(&["report", "--format", "json"]);
    env.ok(&["build", "--add", draft.to_str().expect("utf8")]);
    let candidates = env.ok(&[
        "query",
        "--sparql",
        "SELECT (COUNT(*) AS ?n) WHERE { ?e bkg:reviewStatus bkg:Candidate ; bkg:attestedBy ?a }",
        "-f",
        "csv",
    ]);
    let n: u64 = candidates
        .lines()
        .nth(1)
        .and_then(|l| l.parse().ok())
        .expect("count");
    assert!(n > 0, "the draft's candidates are in the store");
    assert_eq!(
        env.ok(&["report", "--format", "json"]),
        curated,
        "candidates left out by default"
    );
    assert_ne!(env.ok(&["report", "--format", "json", "--candidates"]), curated);
}

#[test]
fn extract_refuses_binary_and_bad_dates_with_clear_errors() {
    let env = Env::new();
    let binary = env.dir.path().join("x.bin");
    std::fs::write(&binary, [0u8, 159, 146, 150, 0, 1]).expect("write");
    let err = env.fails(&["extract", binary.to_str().expect("utf8"), "--date", "2025-10-12"]);
    assert!(err.contains("x.bin"), "{err}");
    let article = root().join("tests/extract-articles/pak-afghan-clash.txt");
    let err = env.fails(&["extract", article.to_str().expect("utf8"), "--date", "2025-02-30"]);
    assert!(err.contains("--date"), "{err}");
    let empty = env.dir.path().join("empty.txt");
    std::fs::write(&empty, "").expect("write");
    let out = env.ok(&[
        "extract",
        empty.to_str().expect("utf8"),
        "--date",
        "2025-10-12",
        "-f",
        "json",
    ]);
    assert!(
        out.contains("\"events\": []") || out.contains("\"events\":[]"),
        "{out}"
    );
}

#[test]
fn extract_eval_prints_both_scores() {
    let Some(sources) = common::sources() else {
        return;
    };
    let env = Env::new();
    let out = env.ok(&[
        "extract-eval",
        root().join("tests/extract-gold").to_str().expect("utf8"),
        sources.to_str().expect("utf8"),
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let full = v["full"]["tuple"]["f1"].as_f64().expect("f1");
    let loo = v["leave_one_out"]["tuple"]["f1"].as_f64().expect("f1");
    assert!(full >= loo, "{full} {loo}");
    let p = v["full"]["tuple"]["precision"].as_f64().expect("p");
    let r = v["full"]["tuple"]["recall"].as_f64().expect("r");
    assert!(p >= r, "precision {p} below recall {r}");
}
