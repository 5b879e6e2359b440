//! Regression tests, one per bug fixed, each named after what broke.
#![allow(clippy::expect_used, reason = "tests fail on unexpected errors")]

mod common;

use std::path::Path;

use common::{build_from, copy_tree, project_copy, root, triple_count, Env};

fn build_into(env: &Env, store: &Path, extra: &[&str]) -> std::process::Output {
    env.cmd()
        .arg("build")
        .args(extra)
        .arg("--store")
        .arg(store)
        .output()
        .expect("runs")
}

#[test]
fn build_into_a_folder_of_user_files_deleted_them() {
    let env = Env::new();
    let folder = env.dir.path().join("my-notes");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("thesis.md"), "years of work").expect("write");
    let out = build_into(&env, &folder, &[]);
    assert!(!out.status.success(), "a build replaced a folder of user files");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a borderkg store"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(folder.join("thesis.md")).expect("file still there"),
        "years of work"
    );
}

#[test]
fn build_with_store_equal_to_inside_or_around_data_deleted_the_data() {
    let env = Env::new();
    let data = env.dir.path().join("data");
    copy_tree(&root().join("data"), &data);
    let before = std::fs::read_dir(&data).expect("list").count();
    for store in [data.clone(), data.join("store"), env.dir.path().to_owned()] {
        let out = env
            .cmd()
            .arg("build")
            .arg("--data")
            .arg(&data)
            .arg("--store")
            .arg(&store)
            .output()
            .expect("runs");
        assert!(
            !out.status.success(),
            "build into {} was accepted",
            store.display()
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("--data"), "{stderr}");
    }
    assert_eq!(std::fs::read_dir(&data).expect("list").count(), before);
    assert!(data.join("core.ttl").is_file());
}

#[test]
fn build_with_a_file_as_store_moved_the_file_aside() {
    let env = Env::new();
    let file = env.dir.path().join("store.txt");
    std::fs::write(&file, "not a store").expect("write");
    let out = build_into(&env, &file, &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("is a file"));
    assert_eq!(
        std::fs::read_to_string(&file).expect("still there"),
        "not a store"
    );
    assert!(!env.dir.path().join(".store.txt.previous").exists());
}

#[test]
fn rebuilding_a_store_still_replaces_it() {
    let env = Env::built();
    env.ok(&["build"]);
    assert!(env.store().join("borderkg-store.json").is_file());
}

#[test]
fn export_into_the_store_folder_broke_the_store() {
    let env = Env::built();
    let generation = std::fs::read_to_string(env.store().join("generation")).expect("pointer");
    let current = env.store().join(generation.trim()).join("CURRENT");
    let before = std::fs::read(&current).expect("CURRENT");
    let stderr = env.fails(&["export", "-o", current.to_str().expect("utf8")]);
    assert!(stderr.contains("inside the store folder"), "{stderr}");
    assert_eq!(std::fs::read(&current).expect("CURRENT"), before);
    env.ok(&["query", "who-attacked"]);
}

#[cfg(unix)]
#[test]
fn export_onto_a_symlink_replaced_the_link() {
    let env = Env::built();
    let target = env.dir.path().join("real.ttl");
    std::fs::write(&target, "old").expect("write");
    let link = env.dir.path().join("link.ttl");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    env.ok(&["export", "-o", link.to_str().expect("utf8")]);
    assert!(std::fs::symlink_metadata(&link)
        .expect("link")
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&target)
        .expect("target")
        .contains("@prefix"));
}

#[cfg(unix)]
#[test]
fn report_onto_a_fifo_replaced_the_special_file() {
    use std::os::unix::fs::FileTypeExt;
    let env = Env::built();
    let fifo = env.dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || std::fs::read_to_string(reader_path).expect("read fifo"));
    env.ok(&["report", "-o", fifo.to_str().expect("utf8")]);
    let text = reader.join().expect("reader");
    assert!(text.contains("Taliban"), "the report went through the FIFO");
    assert!(std::fs::symlink_metadata(&fifo)
        .expect("fifo")
        .file_type()
        .is_fifo());
}

/// A three-way cartesian product of the store: billions of rows.
const RUNAWAY: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

#[test]
fn timed_out_query_printed_a_result_as_if_complete() {
    let env = Env::built();
    for text in [
        RUNAWAY,
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 3 OFFSET 40000000",
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1",
    ] {
        let started = std::time::Instant::now();
        let out = env.run(&["query", "--sparql", text, "--timeout", "1", "-f", "csv"]);
        assert!(!out.status.success(), "a stopped query exited 0: {text}");
        assert!(out.stdout.is_empty(), "a stopped query printed a result");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("stopped after"), "{stderr}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(60),
            "the time limit did not stop the query"
        );
    }
}

#[test]
fn runaway_query_grew_without_a_memory_bound() {
    let env = Env::built();
    let out = env.run(&[
        "query",
        "--sparql",
        "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "--timeout",
        "none",
        "--max-memory",
        "300",
        "-f",
        "csv",
    ]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--max-memory"));
}

#[test]
fn answer_over_the_row_limit_was_printed() {
    let env = Env::built();
    let out = env.run(&[
        "query",
        "--sparql",
        "SELECT * WHERE { ?s ?p ?o }",
        "--max-rows",
        "10",
    ]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("more than 10 rows"));
}

#[test]
fn timeout_of_inf_panicked_and_zero_meant_no_limit() {
    let env = Env::built();
    for bad in ["inf", "1e30", "NaN", "0", "-3"] {
        let out = env.run(&["query", "who-attacked", &format!("--timeout={bad}")]);
        assert_eq!(out.status.code(), Some(2), "--timeout {bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("none"));
    }
    env.ok(&["query", "who-attacked", "--timeout", "none"]);
}

#[test]
fn update_given_to_query_was_called_a_syntax_error() {
    let env = Env::built();
    let stderr = env.fails(&["query", "--sparql", "DELETE WHERE { ?s ?p ?o }"]);
    assert!(stderr.contains("read-only"), "{stderr}");
    assert!(!stderr.contains("expected"), "{stderr}");
}

#[test]
fn io_error_printed_its_cause_twice() {
    let env = Env::new();
    let stderr = env.fails(&["build", "--data", "no-such-folder"]);
    assert_eq!(stderr.matches("No such file or directory").count(), 1, "{stderr}");
}

#[test]
fn changed_article_text_passed_the_provenance_check() {
    let Some(sources) = common::sources() else {
        return;
    };
    let env = Env::new();
    let copy = env.dir.path().join("seeds");
    copy_tree(&sources, &copy);
    let article = copy.join("003_d6679de3fa4b726c.txt");
    let mut text = std::fs::read(&article).expect("article");
    let i = text.iter().position(|b| *b == b'a').expect("an a");
    text[i] = b'o';
    std::fs::write(&article, text).expect("write");
    let out = env
        .cmd()
        .arg("build")
        .arg("--sources")
        .arg(&copy)
        .output()
        .expect("runs");
    assert!(!out.status.success(), "a changed article passed");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("003_d6679de3fa4b726c.txt"), "{stderr}");
    assert!(stderr.contains("not the text the data was made from"), "{stderr}");
}

/// Starts a build that stops at `stage` (see `BORDERKG_PAUSE_AT_STAGE`) and gives it time to get there.
fn paused_build(env: &Env, stage: &str) -> std::process::Child {
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_borderkg"))
        .current_dir(root())
        .env_remove("BORDERKG_SOURCES")
        .env("BORDERKG_PAUSE_AT_STAGE", stage)
        .arg("--store")
        .arg(env.store())
        .arg("build")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("spawns");
    std::thread::sleep(std::time::Duration::from_secs(4));
    child
}

#[test]
fn killed_build_at_any_stage_lost_the_store() {
    let env = Env::built();
    let before = triple_count(&env);
    for stage in ["Parsing", "Loading", "Rules", "Shapes", "Finishing"] {
        let mut build = paused_build(&env, stage);
        build.kill().expect("kill");
        build.wait().expect("reaped");
        assert_eq!(triple_count(&env), before, "after a build killed at {stage}");
    }
    let summary = env.ok(&["build"]);
    assert!(
        summary.contains("left by an interrupted build"),
        "the next build says it removed the staging folder: {summary}"
    );
    assert_eq!(triple_count(&env), before);
}

#[test]
fn two_builds_on_one_store_corrupted_it() {
    let env = Env::built();
    let before = triple_count(&env);
    let mut first = paused_build(&env, "Loading");
    let stderr = env.fails(&["build"]);
    assert!(stderr.contains("another build or import"), "{stderr}");
    assert!(stderr.contains(&format!("pid {}", first.id())), "{stderr}");
    // The queued build runs once the first one is gone.
    let killer = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(2));
        first.kill().expect("kill");
        first.wait().expect("reaped");
    });
    let waiting = env.cmd().args(["build", "--wait"]).output().expect("runs");
    killer.join().expect("killer");
    assert!(
        waiting.status.success(),
        "{}",
        String::from_utf8_lossy(&waiting.stderr)
    );
    assert_eq!(triple_count(&env), before);
}

#[test]
fn queries_failed_while_a_build_swapped_the_store_in() {
    let env = Env::built();
    let expected = triple_count(&env);
    let store = env.store();
    let reader = std::thread::spawn(move || {
        let mut answers = Vec::new();
        for _ in 0..120 {
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_borderkg"))
                .arg("--store")
                .arg(&store)
                .args([
                    "query",
                    "--sparql",
                    "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                    "-f",
                    "csv",
                ])
                .output()
                .expect("runs");
            answers.push((
                out.status.success(),
                String::from_utf8_lossy(&out.stdout).into_owned(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            ));
        }
        answers
    });
    for _ in 0..5 {
        env.ok(&["build", "--wait"]);
    }
    for (ok, stdout, stderr) in reader.join().expect("reader") {
        assert!(ok, "a query failed during rebuilds: {stderr}");
        assert_eq!(stdout.lines().nth(1), Some(expected.as_str()));
    }
}

#[test]
fn long_turtle_list_overflowed_the_stack() {
    let env = Env::new();
    let (ontology, data) = project_copy(&env);
    let items: Vec<String> = (0..12_000).map(|i| format!("\"item {i}\"")).collect();
    std::fs::write(
        data.join("long-list.ttl"),
        format!(
            "@prefix bkg: <https://w3id.org/borderkg/ontology#> .\n<https://w3id.org/borderkg/id/list-holder> bkg:note ( {} ) .\n",
            items.join(" ")
        ),
    )
    .expect("write");
    let out = build_from(&env, &ontology, &data, &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn deeply_nested_query_overflowed_the_stack() {
    let env = Env::built();
    let text = format!(
        "SELECT * WHERE {} ?s ?p ?o {}",
        "{ ".repeat(5_000),
        "} ".repeat(5_000)
    );
    let out = env.run(&["query", "--sparql", &text]);
    assert_eq!(out.status.code(), Some(1), "a clean error, not a crash");
    assert!(String::from_utf8_lossy(&out.stderr).contains("nested more than"));
    let text = format!(
        "SELECT * WHERE {{ FILTER({}1{}) }}",
        "(".repeat(5_000),
        ")".repeat(5_000)
    );
    assert_eq!(env.run(&["query", "--sparql", &text]).status.code(), Some(1));
}

#[cfg(unix)]
#[test]
fn fifo_and_symlink_loop_in_data_hung_the_build() {
    let env = Env::new();
    let (ontology, data) = project_copy(&env);
    let made = std::process::Command::new("mkfifo")
        .arg(data.join("x.ttl"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    std::os::unix::fs::symlink(&data, data.join("loop")).expect("symlink");
    std::os::unix::fs::symlink("/", data.join("root")).expect("symlink");
    let out = build_from(&env, &ontology, &data, &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("skipped") && stdout.contains("x.ttl"), "{stdout}");
}

#[test]
fn build_without_shapes_or_rules_succeeded_silently() {
    let env = Env::new();
    let (ontology, data) = project_copy(&env);
    std::fs::remove_file(ontology.join("shapes.ttl")).expect("rm");
    let out = build_from(&env, &ontology, &data, &[]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--allow-no-shapes"));
    assert!(build_from(&env, &ontology, &data, &["--allow-no-shapes"])
        .status
        .success());
    std::fs::remove_dir_all(ontology.join("rules")).expect("rm");
    let out = build_from(&env, &ontology, &data, &["--allow-no-shapes"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--allow-no-rules"));
}

#[test]
fn impossible_dates_gave_an_empty_network() {
    let env = Env::built();
    for bad in ["2021-13", "2021-02-30", "2021-1", "02021"] {
        let out = env.run(&["report", "--from", bad]);
        assert_eq!(out.status.code(), Some(2), "--from {bad}");
        assert!(String::from_utf8_lossy(&out.stderr).contains(bad));
    }
}

#[test]
fn path_with_k_zero_said_no_path_exists() {
    let env = Env::built();
    let out = env.run(&["path", "ISKP", "China", "-k", "0"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn why_for_a_missing_edge_and_path_without_a_path_exited_zero() {
    let env = Env::built();
    let stderr = env.fails(&["why", "Taliban", "bkg:harbours", "China"]);
    assert!(stderr.contains("does not say"), "{stderr}");
    let stderr = env.fails(&[
        "path",
        "ISKP",
        "Pakistan",
        "--relations",
        "bkg:attacked,bkg:nationality",
        "--directed",
    ]);
    assert!(stderr.contains("no path links"), "{stderr}");
}

#[test]
fn misspelt_param_returned_every_row_unfiltered() {
    let env = Env::built();
    let stderr = env.fails(&[
        "query",
        "--sparql",
        "SELECT ?x WHERE { ?x a bkg:State }",
        "--param",
        "acter=id:taliban",
    ]);
    assert!(stderr.contains("no variable ?acter"), "{stderr}");
}

#[test]
fn kavo_clash_weighed_fifteen_deaths_for_five() {
    let env = Env::built();
    let dir = env.dir.path().join("csv");
    env.ok(&[
        "graph",
        "-f",
        "csv",
        "-o",
        dir.to_str().expect("utf8"),
        "--weight",
        "deaths",
    ]);
    let edges = std::fs::read_to_string(dir.join("edges.csv")).expect("edges");
    let kavo = edges
        .lines()
        .find(|l| l.contains("bkg:clashedWith") && l.contains("ev:kavo-border-clash"))
        .expect("the Kavo clash tie");
    assert_eq!(kavo.split(',').nth(3), Some("5"), "{kavo}");
}

#[test]
fn relation_no_triple_uses_gave_a_silent_empty_report() {
    let env = Env::built();
    let out = env.run(&["report", "--relations", "bkg:attackd,bkg:attacked"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no triple uses bkg:attackd"), "{stderr}");
    assert!(stderr.contains("bkg:attacked"), "{stderr}");
}

#[test]
fn empty_borderkg_store_did_not_name_the_variable() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_borderkg"))
        .env("BORDERKG_STORE", "")
        .args(["query", "who-attacked"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("BORDERKG_STORE is set but empty"));
}

#[test]
fn damaged_store_gave_only_rocksdb_words() {
    let env = Env::built();
    let generation = std::fs::read_to_string(env.store().join("generation")).expect("pointer");
    std::fs::write(env.store().join(generation.trim()).join("CURRENT"), "garbage\n").expect("damage");
    let stderr = env.fails(&["query", "who-attacked"]);
    assert!(stderr.contains("is damaged"), "{stderr}");
    assert!(stderr.contains("rebuild it with `borderkg build`"), "{stderr}");
}

#[test]
fn rule_could_delete_asserted_data() {
    let env = Env::new();
    let (ontology, data) = project_copy(&env);
    std::fs::write(
        ontology.join("rules/05-delete.ru"),
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nDELETE { ?s skos:altLabel ?l } WHERE { ?s skos:altLabel ?l }\n",
    )
    .expect("write");
    let out = build_from(&env, &ontology, &data, &[]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("05-delete.ru") && stderr.contains("may only insert"),
        "{stderr}"
    );
}

#[test]
fn looping_rule_was_reported_against_the_wrong_file() {
    let env = Env::new();
    let (ontology, data) = project_copy(&env);
    std::fs::write(
        ontology.join("rules/05-loop.ru"),
        "PREFIX ex: <http://e/>\nINSERT { ?n ex:next ?m } WHERE { { SELECT (COUNT(*) AS ?c) WHERE { ?a ex:next ?b } } BIND(IRI(CONCAT(\"http://e/n\", STR(?c))) AS ?n) BIND(IRI(CONCAT(\"http://e/n\", STR(?c + 1))) AS ?m) }\n",
    )
    .expect("write");
    let out = build_from(&env, &ontology, &data, &[]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("05-loop.ru") && stderr.contains("kept adding"),
        "{stderr}"
    );
    assert!(!stderr.contains("60-borders.ru kept"), "{stderr}");
}

#[test]
fn casualty_claimant_was_left_empty_when_one_attestation_named_none() {
    // The Khatlon drone strike's three dead are stated by article 000 in its own voice and by
    // article 001 as the Tajik Foreign Ministry's claim: the claimant must survive the attestation
    // that names none (a GROUP_CONCAT over an unbound value gives nothing at all in Oxigraph).
    let env = Env::built();
    let csv = env.ok(&["query", "casualties", "-f", "csv"]);
    let row = csv
        .lines()
        .find(|l| l.starts_with("Drone strike on the LLC Shohin SM camp") && l.contains(",3,"))
        .unwrap_or_else(|| panic!("no row for the three killed in the drone strike:\n{csv}"));
    assert!(row.contains("Ministry of Foreign Affairs of Tajikistan"), "{row}");
}

#[cfg(unix)]
#[test]
fn an_export_stopped_by_a_signal_left_its_temporary_file() {
    use std::time::{Duration, Instant};
    let env = Env::new();
    let out = env.dir.path().join("graph.ttl");
    std::fs::write(&out, "an earlier export").expect("write");
    // A server that takes the connection and never answers holds the export mid-write, its
    // temporary file open beside the output.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("listener");
    let url = format!("http://{}/sparql", silent.local_addr().expect("address"));
    for signal in ["INT", "TERM", "HUP"] {
        let child = std::process::Command::new(env!("CARGO_BIN_EXE_borderkg"))
            .env_remove("BORDERKG_ENDPOINT")
            .env_remove("BORDERKG_GRAPH")
            .args([
                "--endpoint",
                &url,
                "--idle-timeout",
                "120",
                "export",
                "--order",
                "store",
                "-o",
            ])
            .arg(&out)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("starts");
        let temporary = || {
            std::fs::read_dir(env.dir.path())
                .expect("list")
                .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
                .filter(|name| name.ends_with(".tmp"))
                .collect::<Vec<_>>()
        };
        let started = Instant::now();
        while temporary().is_empty() {
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "no temporary file appeared"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        let sent = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
            .status()
            .expect("kill runs");
        assert!(sent.success());
        let output = child.wait_with_output().expect("ends");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "SIG{signal}: {stderr}");
        assert!(stderr.contains(&format!("stopped by SIG{signal}")), "{stderr}");
        assert_eq!(
            temporary(),
            Vec::<String>::new(),
            "SIG{signal} left the temporary file"
        );
        assert_eq!(
            std::fs::read_to_string(&out).expect("the old file"),
            "an earlier export",
            "SIG{signal} changed the old file"
        );
    }
}
