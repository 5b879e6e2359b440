//! `borderkg why` and `borderkg sentences`: tracing an edge to its events and source sentences.
#![allow(clippy::expect_used, reason = "tests fail on unexpected errors")]

mod common;

use common::Env;

#[test]
fn why_traces_harbouring_to_accusation_and_denial() {
    let env = Env::built();
    let out = env.ok(&["why", "Taliban", "harbours", "TTP"]);
    assert!(out.starts_with("id:taliban bkg:harbours id:ttp"), "{out}");
    assert!(out.contains("ev:taliban-harbours-ttp"), "{out}");
    assert!(
        out.contains("003_d6679de3fa4b726c.txt sentence 5 · alleged · claimed by Pakistan"),
        "{out}"
    );
    assert!(out.contains("[asserts it]"), "{out}");
    assert!(out.contains("[denies the accusation]"), "{out}");
    assert!(out.contains("003_d6679de3fa4b726c.txt sentence 6"), "{out}");
}

#[test]
fn why_with_sources_prints_the_cited_sentence() {
    let Some(sources) = common::sources() else {
        return;
    };
    let env = Env::built();
    let out = env
        .cmd()
        .args([
            "why",
            "id:iskp",
            "bkg:attacked",
            "id:shohin-sm-employees",
            "--sources",
        ])
        .arg(&sources)
        .output()
        .expect("runs");
    let out = String::from_utf8(out.stdout).expect("utf8");
    let table = env
        .cmd()
        .args(["sentences", "--format", "tsv"])
        .arg(sources.join("001_c4fba955e0c800b1.txt"))
        .output()
        .expect("runs");
    let table = String::from_utf8(table.stdout).expect("utf8");
    let sentence_26 = table
        .lines()
        .find(|l| l.starts_with("26\t"))
        .and_then(|l| l.split('\t').nth(3))
        .expect("sentence 26");
    assert!(out.contains(&format!("“{sentence_26}”")), "{out}");
    assert!(
        out.contains("suspected · claimed by BBC Monitoring, Oxus Society"),
        "{out}"
    );
}

#[test]
fn why_json_lists_supports() {
    let env = Env::built();
    let out = env.ok(&[
        "why",
        "id:afghanistan",
        "bkg:borders",
        "id:tajikistan",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["holds"], true);
    assert_eq!(v["supports"][0]["node"], "id:afghanistan-tajikistan-border");
}

#[test]
fn why_for_a_missing_edge_offers_the_relations_that_exist() {
    let env = Env::built();
    let err = env.fails(&["why", "Pakistan", "condemns", "Taliban"]);
    assert!(err.contains("does not say"), "{err}");
    assert!(err.contains("id:pakistan bkg:accuses id:taliban"), "{err}");
}

#[test]
fn why_rejects_unknown_names_with_suggestions() {
    let env = Env::built();
    let err = env.fails(&["why", "Talibn", "harbours", "TTP"]);
    assert!(err.contains("nothing in the store is labelled `Talibn`"), "{err}");
    assert!(err.contains("`Taliban`"), "{err}");
}

#[test]
fn sentences_lists_numbered_sentences_with_offsets() {
    let env = Env::new();
    let file = env.dir.path().join("a.txt");
    std::fs::write(&file, "Headline\n\nOne sentence. Another one.\n").expect("write");
    let out = env.ok(&["sentences", "--format", "tsv", file.to_str().expect("path")]);
    assert_eq!(
        out,
        "sentence\tcharStart\tcharEnd\ttext\n0\t0\t8\tHeadline\n1\t10\t23\tOne sentence.\n2\t24\t36\tAnother one.\n"
    );
}

#[test]
fn why_and_path_printed_a_date_without_a_year_as_its_xsd_form() {
    let env = Env::built();
    let out = env.ok(&["why", "United States", "attacked", "id:akhtar-muhammad-mansour"]);
    assert!(out.contains("date: last May [May] (month precision)"), "{out}");
    assert!(!out.contains("--05"), "{out}");
    let path = env.ok(&["path", "United States", "Akhtar Muhammad Mansour"]);
    assert!(
        path.contains("(DroneStrike; last May [May]; Baluchistan)"),
        "{path}"
    );
}
