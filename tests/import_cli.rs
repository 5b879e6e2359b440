//! `borderkg import` run as a user runs it: into a built store, across curated and imported
//! events, re-runnable, atomic, and kept by a rebuild.
#![allow(clippy::expect_used, reason = "tests fail on unexpected errors")]

mod common;

use common::{root, Env};

fn fixture(name: &str) -> String {
    root()
        .join("tests/fixtures/import")
        .join(name)
        .display()
        .to_string()
}

fn export_nt(env: &Env) -> String {
    env.ok(&["export", "-f", "nt"])
}

fn imported(env: &Env) -> String {
    env.ok(&[
        "import",
        "auto",
        &fixture("ucdp-ged.csv"),
        &fixture("acled-current.csv"),
        &fixture("gdelt2.tsv"),
    ])
}

#[test]
fn import_reports_detection_rows_and_bad_rows() {
    let env = Env::built();
    let out = imported(&env);
    assert!(out.contains("detected ucdp-ged.csv: UCDP GED CSV"), "{out}");
    assert!(out.contains("GDELT 2.0"), "{out}");
    assert!(out.contains("ucdp-ged.csv row 5, column date_start"), "{out}");
    assert!(out.contains("skipped 3 bad rows"), "{out}");
}

#[test]
fn importing_the_same_files_twice_changes_nothing() {
    let env = Env::built();
    imported(&env);
    let first = export_nt(&env);
    imported(&env);
    let second = export_nt(&env);
    let differ = first.lines().zip(second.lines()).filter(|(a, b)| a != b).count();
    assert!(
        first == second,
        "{differ} lines differ; first:{} second:{}",
        first.lines().count(),
        second.lines().count()
    );
}

#[test]
fn reimporting_one_dataset_keeps_the_others_and_the_curated_graph() {
    let env = Env::built();
    imported(&env);
    let first = export_nt(&env);
    let out = env.ok(&["import", "ucdp", &fixture("ucdp-ged.csv")]);
    assert!(
        out.contains("replaced graph https://w3id.org/borderkg/graph/import/ucdp"),
        "{out}"
    );
    assert_eq!(
        export_nt(&env),
        first,
        "the ACLED and GDELT graphs, the curated data and the derived ties are as before"
    );
    let count = |graph: &str| -> u64 {
        let csv = env.ok(&[
            "query",
            "-f",
            "csv",
            "--sparql",
            &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <https://w3id.org/borderkg/graph/{graph}> {{ ?s ?p ?o }} }}"),
        ]);
        csv.lines()
            .nth(1)
            .expect("a count")
            .trim()
            .parse()
            .expect("a number")
    };
    assert_eq!(count("import/nothing"), 0);
    for graph in [
        "import/ucdp",
        "import/acled",
        "import/gdelt",
        "ontology",
        "derived",
    ] {
        assert!(count(graph) > 0, "{graph} is empty after re-importing UCDP");
    }
}

#[test]
fn an_actor_is_one_node_across_articles_and_datasets() {
    let env = Env::built();
    imported(&env);
    let rows = env.ok(&[
        "query",
        "--sparql",
        "SELECT DISTINCT ?origin WHERE { ?e bkg:target|bkg:agent id:ttp . BIND(IF(EXISTS { ?e bkg:origin bkg:DatasetImport }, \"dataset\", \"article\") AS ?origin) } ORDER BY ?origin",
        "-f",
        "csv",
    ]);
    assert_eq!(
        rows.lines().skip(1).collect::<Vec<_>>(),
        ["article", "dataset"],
        "{rows}"
    );
    let why = env.ok(&["why", "Pakistan", "bkg:clashedWith", "TTP"]);
    assert!(why.contains("ucdp-ged.csv row 2 (record 900001)"), "{why}");
    let report = env.ok(&["report", "--format", "json"]);
    assert!(
        report.contains("acled-current.csv:row") || report.contains("id:ttp"),
        "report spans both"
    );
}

#[test]
fn strict_import_with_a_bad_row_changes_nothing() {
    let env = Env::built();
    let before = export_nt(&env);
    let stderr = env.fails(&["import", "ucdp", "--strict", &fixture("ucdp-ged.csv")]);
    assert!(stderr.contains("row 5, column date_start"), "{stderr}");
    assert!(stderr.contains("the store is unchanged"), "{stderr}");
    assert!(
        export_nt(&env) == before,
        "a failed strict import changed the store"
    );
}

#[test]
fn import_before_any_build_says_to_build() {
    let env = Env::new();
    let stderr = env.fails(&["import", "auto", &fixture("ucdp-ged.csv")]);
    assert!(stderr.contains("borderkg build"), "{stderr}");
}

#[test]
fn rebuild_lost_the_imported_datasets() {
    let env = Env::built();
    imported(&env);
    let with_imports = export_nt(&env);
    let summary = env.ok(&["build"]);
    assert!(summary.contains("graph/import/ucdp (kept)"), "{summary}");
    assert!(export_nt(&env) == with_imports, "the rebuild changed the graph");
}

#[test]
fn killed_import_left_the_store_half_imported() {
    let env = Env::built();
    let before = export_nt(&env);
    for stage in ["Rules", "Shapes"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_borderkg"))
            .current_dir(root())
            .env("BORDERKG_PAUSE_AT_STAGE", stage)
            .arg("--store")
            .arg(env.store())
            .args(["import", "auto", &fixture("ucdp-ged.csv")])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawns");
        std::thread::sleep(std::time::Duration::from_secs(3));
        child.kill().expect("kill");
        child.wait().expect("reaped");
        assert!(
            export_nt(&env) == before,
            "the store changed after an import killed at {stage}"
        );
    }
    imported(&env);
    assert_ne!(export_nt(&env), before, "the next import completes");
}
