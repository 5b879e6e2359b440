//! `borderkg build`: the summary, and every failure path leaving the previous store intact.
#![allow(clippy::expect_used, reason = "tests fail on unexpected errors")]

mod common;

use common::{build_from, project_copy, triple_count, Env};

#[test]
fn build_prints_the_summary() {
    let env = Env::new();
    let out = env.ok(&["build"]);
    insta::assert_snapshot!(
        "build_summary",
        out.replace(&env.store().display().to_string(), "STORE")
    );
}

#[test]
fn build_summary_as_json_agrees_with_the_store() {
    let env = Env::new();
    let out = env.ok(&["build", "--format", "json"]);
    let summary: serde_json::Value = serde_json::from_str(&out).expect("json");
    let triples = summary["triples"].as_u64().expect("triples");
    assert_eq!(triple_count(&env), triples.to_string());
    assert!(summary["derived"].as_u64().expect("derived") > 0);
    let edges: u64 = summary["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| e[1].as_u64().expect("count"))
        .sum();
    let counted = env.ok(&[
        "query",
        "--sparql",
        "SELECT (COUNT(*) AS ?n) WHERE { ?r a bkg:networkRelation . ?s ?r ?o }",
        "-f",
        "csv",
    ]);
    assert_eq!(counted.lines().nth(1), Some(edges.to_string().as_str()));
}

#[test]
fn build_checks_attestations_against_the_articles() {
    let Some(sources) = common::sources() else {
        return;
    };
    let env = Env::new();
    env.cmd()
        .arg("build")
        .arg("--sources")
        .arg(&sources)
        .assert()
        .success();
}

#[test]
fn turtle_syntax_error_names_file_line_column_and_keeps_the_old_store() {
    let env = Env::built();
    let before = triple_count(&env);
    let (ontology, data) = project_copy(&env);
    std::fs::write(
        data.join("broken.ttl"),
        "@prefix id: <https://w3id.org/borderkg/id/> .\n\nid:a id:b id:c ;\n    id:d \"unterminated .\n",
    )
    .expect("write");
    let out = build_from(&env, &ontology, &data, &[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.ttl:4:"), "{err}");
    assert!(err.contains("    id:d \"unterminated ."), "shows the line: {err}");
    assert!(err.contains("previous store"), "{err}");
    assert_eq!(triple_count(&env), before, "the old store still answers");
    assert!(
        !env.dir.path().join(".store.building").exists(),
        "no staging left behind"
    );
}

#[test]
fn shape_violation_names_node_property_and_file() {
    let env = Env::built();
    let before = triple_count(&env);
    let (ontology, data) = project_copy(&env);
    std::fs::write(
        data.join("incomplete.ttl"),
        "@prefix bkg: <https://w3id.org/borderkg/ontology#> .\n\
         @prefix ev: <https://w3id.org/borderkg/id/event/> .\n\
         @prefix id: <https://w3id.org/borderkg/id/> .\n\
         @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
         ev:mystery a bkg:Attack ; rdfs:label \"A mystery\"@en ; bkg:agent id:nobody-typed ;\n\
             bkg:datePrecision bkg:UnknownPrecision .\n",
    )
    .expect("write");
    let out = build_from(&env, &ontology, &data, &[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("ev:mystery bkg:summary"), "{err}");
    assert!(err.contains("ev:mystery bkg:attestedBy"), "{err}");
    assert!(
        err.contains("ev:mystery bkg:agent: value is not a bkg:Actor: id:nobody-typed"),
        "{err}"
    );
    assert!(err.contains("[in data/incomplete.ttl]"), "{err}");
    assert_eq!(triple_count(&env), before);
}

#[test]
fn rule_syntax_error_names_the_rule_and_position() {
    let env = Env::built();
    let (ontology, data) = project_copy(&env);
    std::fs::write(
        ontology.join("rules/99-broken.ru"),
        "INSERT { ?a ?b ?c }\nWHERE { ?a nope:b ?c }\n",
    )
    .expect("write");
    let out = build_from(&env, &ontology, &data, &[]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("99-broken.ru:2:18:"), "{err}");
}

#[test]
fn provenance_mismatch_is_reported_with_the_right_offsets() {
    let env = Env::new();
    let (ontology, _) = project_copy(&env);
    let data = env.dir.path().join("tiny-data");
    let articles = env.dir.path().join("articles");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::create_dir_all(&articles).expect("mkdir");
    std::fs::write(
        articles.join("x.txt"),
        "First line here.\nSecond one. Third one.\n",
    )
    .expect("write");
    std::fs::write(
        data.join("x.ttl"),
        "@prefix bkg: <https://w3id.org/borderkg/ontology#> .\n\
         @prefix id: <https://w3id.org/borderkg/id/> .\n\
         @prefix src: <https://w3id.org/borderkg/id/source/> .\n\
         @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n\
         @prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\
         src:x a bkg:Source ; rdfs:label \"x\" ; bkg:fileName \"x.txt\" .\n\
         id:somewhere a bkg:Region ; skos:prefLabel \"Somewhere\"@en ;\n\
           bkg:attestedBy [ bkg:source src:x ; bkg:sentence 2 ; bkg:charStart 30 ; bkg:charEnd 40 ; bkg:standing bkg:Reported ] .\n",
    )
    .expect("write");
    let out = env
        .cmd()
        .arg("build")
        .arg("--ontology")
        .arg(&ontology)
        .arg("--data")
        .arg(&data)
        .arg("--sources")
        .arg(&articles)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(
        err.contains("id:somewhere: x.txt sentence 2 spans characters 29..39, the attestation says 30..40"),
        "{err}"
    );
    assert!(!env.store().exists(), "no store was created by the failed build");
}

#[test]
fn missing_data_folder_is_a_clear_error() {
    let env = Env::new();
    let err = env.fails(&["build", "--data", "no-such-folder"]);
    assert!(err.contains("no-such-folder"), "{err}");
}

/// Runs `borderkg build ARGS` in `dir` with the default store, returning standard error.
fn build_in(dir: &std::path::Path, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_borderkg"))
        .current_dir(dir)
        .env_remove("BORDERKG_STORE")
        .env_remove("BORDERKG_SOURCES")
        .arg("build")
        .args(args)
        .output()
        .expect("runs");
    assert!(!out.status.success(), "the build should fail");
    String::from_utf8(out.stderr).expect("utf8")
}

#[test]
fn readme_failure_examples_had_no_input_files_to_reproduce_them() {
    let readme = std::fs::read_to_string(common::root().join("README.md")).expect("README");
    let examples = common::root().join("examples/failures");
    let env = Env::new();
    let dir = env.dir.path();
    common::copy_tree(&examples.join("broken-data"), &dir.join("broken-data"));
    let syntax = build_in(dir, &["--data", "broken-data"]);
    std::fs::create_dir(dir.join("data")).expect("mkdir");
    std::fs::copy(examples.join("incomplete.ttl"), dir.join("data/incomplete.ttl")).expect("copy");
    let shapes = build_in(dir, &[]);
    for line in syntax.lines().chain(shapes.lines()) {
        assert!(readme.contains(line), "the README does not show `{line}`");
    }
    assert!(
        syntax.contains("broken-data/events.ttl:4:6: Turtle syntax error"),
        "{syntax}"
    );
    assert!(shapes.contains("3 shape violation(s)"), "{shapes}");
}

/// The rules' output on the seed data, triple for triple: a change in how the rules are evaluated
/// (which rules a round runs, how rows become triples, how triples reach the store) must derive
/// exactly this graph.
#[test]
fn derived_graph_of_the_seeds_is_unchanged_by_how_rules_are_evaluated() {
    let env = Env::new();
    env.ok(&["build"]);
    let out = env.ok(&[
        "query",
        "-f",
        "nt",
        "--sparql",
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/borderkg/graph/derived> { ?s ?p ?o } }",
    ]);
    let mut lines: Vec<&str> = out.lines().collect();
    lines.sort_unstable();
    assert!(lines.len() > 500, "{} derived triples", lines.len());
    insta::assert_snapshot!("derived_graph_of_the_seeds", lines.join("\n"));
}
