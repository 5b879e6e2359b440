//! `borderkg query` and `borderkg queries`: each saved query on the real graph returns what the
#![allow(clippy::expect_used, reason = "tests fail on unexpected errors")]
//! articles say; formats, parameters, errors and time limits.

mod common;

use common::{json_rows, Env};

fn rows(env: &Env, args: &[&str]) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut all = vec!["query"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    json_rows(&env.ok(&all))
}

fn id(local: &str) -> String {
    format!("https://w3id.org/borderkg/id/{local}")
}

#[test]
fn queries_lists_every_saved_query_with_parameters() {
    let env = Env::new();
    let out = env.ok(&["queries"]);
    for name in [
        "who-attacked",
        "harboured-groups",
        "condemnations",
        "borders",
        "casualties",
        "chinese-nationals",
        "disputed",
        "sources",
        "timeline",
        "actor-profile",
    ] {
        assert!(
            out.lines().any(|l| l.starts_with(name)),
            "{name} missing from:\n{out}"
        );
    }
    assert!(out.contains("--param actor="), "{out}");
    insta::assert_snapshot!("queries_list", out);
}

#[test]
fn who_attacked_lists_the_drone_strike_with_its_suspects() {
    let env = Env::built();
    let rows = rows(&env, &["who-attacked"]);
    let drone = rows
        .iter()
        .find(|r| r["event"] == id("event/khatlon-drone-strike-on-shohin-sm-camp"))
        .expect("the November drone strike");
    assert_eq!(drone["agent"], "unidentified operators of the Khatlon drone");
    assert!(
        drone["suspected"].contains("Islamic State Khorasan Province"),
        "{drone:?}"
    );
    assert_eq!(
        drone["deaths"], "3 LLC Shohin SM employees [000, 001]",
        "{drone:?}"
    );
    assert!(
        drone["injured"].contains("1 LLC Shohin SM employees [001]"),
        "{drone:?}"
    );
    assert!(drone["date"].contains("[26 November]"), "{drone:?}");
    for source in ["000#", "001#", "002#"] {
        assert!(drone["sources"].contains(source), "{drone:?}");
    }
    let us = rows
        .iter()
        .find(|r| r["event"] == id("event/us-drone-strike-killing-mansour"))
        .expect("the strike on Mansour");
    assert_eq!(us["place"], "Baluchistan");
    // Every row is a violent event with at least one source sentence.
    assert!(rows.iter().all(|r| !r["sources"].is_empty()));
}

#[test]
fn harboured_groups_keeps_allegation_and_denial() {
    let env = Env::built();
    let rows = rows(&env, &["harboured-groups"]);
    assert_eq!(rows.len(), 3, "{rows:?}");
    let ttp = rows
        .iter()
        .find(|r| r["harboured"] == "Tehreek-e-Taliban Pakistan")
        .expect("TTP");
    assert_eq!(ttp["harbourer"], "Taliban");
    assert_eq!(ttp["standing"], "alleged");
    assert_eq!(ttp["allegedBy"], "Pakistan");
    assert_eq!(ttp["deniedBy"], "Taliban");
    let ja = rows
        .iter()
        .find(|r| r["harboured"] == "Jamaat Ansarullah")
        .expect("JA");
    assert_eq!(ja["allegedBy"], "Ministry of Foreign Affairs of Tajikistan");
    assert_eq!(ja["sources"], "001#28");
}

#[test]
fn borders_keep_both_lengths_of_the_tajik_border() {
    let env = Env::built();
    let rows = rows(&env, &["borders"]);
    let lengths: Vec<(String, String, String)> = rows
        .iter()
        .map(|r| (r["stateB"].clone(), r["length"].clone(), r["qualifier"].clone()))
        .collect();
    assert_eq!(
        lengths,
        [
            ("Pakistan".into(), "2640".into(), "exactly".into()),
            ("Tajikistan".into(), "1340".into(), "exactly".into()),
            ("Tajikistan".into(), "1350".into(), "about".into()),
        ]
    );
    assert_eq!(rows[1]["otherFigures"], "1350");
    assert_eq!(rows[2]["otherFigures"], "1340");
}

#[test]
fn condemnations_name_the_condemned_event() {
    let env = Env::built();
    let rows = rows(&env, &["condemnations"]);
    assert!(!rows.is_empty());
    assert!(rows
        .iter()
        .any(|r| r["condemner"] == "Ministry of Foreign Affairs of Tajikistan"
            && r["ofEvent"].contains("Drone strike")));
}

#[test]
fn casualties_give_one_row_per_stated_figure() {
    let env = Env::built();
    let rows = rows(&env, &["casualties"]);
    let afp = rows
        .iter()
        .find(|r| r.get("claimant").map(String::as_str) == Some("AFP"))
        .expect("AFP tally");
    assert_eq!(afp["killed"], "16");
    assert_eq!(afp["qualifier"], "at least");
    let kavo_guards: Vec<_> = rows
        .iter()
        .filter(|r| {
            r["category"] == "Tajik border guards" && r.get("killed").map(String::as_str) == Some("2")
        })
        .collect();
    assert!(!kavo_guards.is_empty());
}

#[test]
fn chinese_nationals_finds_both_attacks_on_chinese_workers() {
    let env = Env::built();
    let rows = rows(&env, &["chinese-nationals"]);
    let events: Vec<&str> = rows.iter().map(|r| r["event"].as_str()).collect();
    assert!(
        events.contains(&id("event/khatlon-drone-strike-on-shohin-sm-camp").as_str()),
        "{events:?}"
    );
    assert!(
        events.contains(&id("event/gunfire-attack-on-chinese-construction-workers").as_str()),
        "{events:?}"
    );
    // Nothing unrelated to China.
    assert!(
        !events.iter().any(|e| e.contains("mansour") || e.contains("kavo")),
        "{events:?}"
    );
}

#[test]
fn disputed_shows_both_sides() {
    let env = Env::built();
    let rows = rows(&env, &["disputed"]);
    assert!(rows
        .iter()
        .any(|r| r["kind"] == "denial" && r["claimedBy"] == "Pakistan" && r["contestedBy"] == "Taliban"));
    assert!(rows
        .iter()
        .any(|r| r["kind"] == "denial" && r["claimedBy"] == "Taliban" && r["contestedBy"] == "Pakistan"));
    assert!(rows
        .iter()
        .any(|r| r["kind"] == "conflicting figures" && r["claim"].contains("1340")));
}

#[test]
fn sources_covers_all_five_articles() {
    let env = Env::built();
    let rows = rows(&env, &["sources"]);
    assert_eq!(rows.len(), 5);
    assert!(rows
        .iter()
        .all(|r| r["events"].parse::<u32>().expect("count") > 0));
}

#[test]
fn timeline_starts_with_dated_events_in_order() {
    let env = Env::built();
    let rows = rows(&env, &["timeline"]);
    let dated: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.get("date").map(String::as_str))
        .filter(|d| !d.starts_with("--"))
        .collect();
    assert_eq!(dated.first(), Some(&"2012"));
    assert!(dated.windows(2).all(|w| w[0] <= w[1]), "{dated:?}");
    assert!(rows.iter().all(|r| r.contains_key("precision")));
}

#[test]
fn actor_profile_accepts_a_label_alias_or_prefixed_name() {
    let env = Env::built();
    let by_name = env.ok(&["query", "actor-profile", "--param", "actor=ISKP", "-f", "csv"]);
    let by_alias = env.ok(&[
        "query",
        "actor-profile",
        "--param",
        "actor=Daesh's Khorasan affiliate",
        "-f",
        "csv",
    ]);
    let by_iri = env.ok(&["query", "actor-profile", "--param", "actor=id:iskp", "-f", "csv"]);
    assert_eq!(by_name, by_alias);
    assert_eq!(by_name, by_iri);
    assert!(by_name.contains("attacked"), "{by_name}");
}

#[test]
fn missing_parameter_is_named() {
    let env = Env::built();
    let err = env.fails(&["query", "actor-profile"]);
    assert!(err.contains("needs --param actor="), "{err}");
}

#[test]
fn parameter_values_cannot_change_the_query() {
    let env = Env::built();
    let out = env.ok(&[
        "query",
        "--sparql",
        "SELECT ?s WHERE { ?s skos:prefLabel ?name }",
        "--param",
        "name=\"x\\\" } UNION { ?s ?p ?o \"",
        "-f",
        "csv",
    ]);
    assert_eq!(out.lines().count(), 1, "only the header: {out}");
}

#[test]
fn unknown_query_suggests_the_closest_names() {
    let env = Env::built();
    let err = env.fails(&["query", "who-atacked"]);
    assert!(err.contains("did you mean `who-attacked`"), "{err}");
}

#[test]
fn syntax_error_points_at_the_position() {
    let env = Env::built();
    let err = env.fails(&["query", "--sparql", "SELECT ?x WHERE {\n  ?x ?y\n}"]);
    assert!(err.contains("--sparql:3:"), "{err}");
    assert!(err.contains('^'), "{err}");
}

#[test]
fn all_result_formats() {
    let env = Env::built();
    let q = ["query", "borders"];
    let csv = env.ok(&[q[0], q[1], "-f", "csv"]);
    assert!(csv.starts_with("stateA,stateB,border,length"), "{csv}");
    let tsv = env.ok(&[q[0], q[1], "-f", "tsv"]);
    assert!(tsv.starts_with("?stateA\t?stateB"), "{tsv}");
    let xml = env.ok(&[q[0], q[1], "-f", "xml"]);
    assert!(xml.starts_with("<?xml") && xml.contains("<sparql"), "{xml}");
    let table = env.ok(&[q[0], q[1]]);
    assert!(
        table.contains("Durand Line") && table.contains("3 rows"),
        "{table}"
    );
    let ask = env.ok(&[
        "query",
        "--sparql",
        "ASK { id:taliban bkg:harbours id:ttp }",
        "-f",
        "json",
    ]);
    assert!(ask.contains("\"boolean\":true"), "{ask}");
}

#[test]
fn construct_gives_turtle_or_ntriples() {
    let env = Env::built();
    let q = "CONSTRUCT { ?a bkg:harbours ?b } WHERE { ?a bkg:harbours ?b }";
    let ttl = env.ok(&["query", "--sparql", q, "-f", "turtle"]);
    assert!(ttl.contains("@prefix bkg:"), "{ttl}");
    assert!(ttl.contains("bkg:harbours"), "{ttl}");
    let nt = env.ok(&["query", "--sparql", q, "-f", "ntriples"]);
    assert_eq!(nt.lines().count(), 3, "{nt}");
    let err = env.fails(&["query", "--sparql", q, "-f", "csv"]);
    assert!(err.contains("--format turtle"), "{err}");
}

#[test]
fn timeout_stops_a_runaway_query() {
    let env = Env::built();
    let err = env.fails(&[
        "query",
        "--sparql",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "--timeout",
        "0.2",
    ]);
    assert!(err.contains("stopped after"), "{err}");
}

#[test]
fn query_without_a_store_says_to_build() {
    let env = Env::new();
    let err = env.fails(&["query", "borders"]);
    assert!(err.contains("run `borderkg build` first"), "{err}");
}

#[test]
fn closed_pipe_is_not_an_error() {
    let env = Env::built();
    let bin = env!("CARGO_BIN_EXE_borderkg");
    let script = format!(
        "'{bin}' --store '{}' export -f ntriples | head -n 1 >/dev/null; echo ${{PIPESTATUS[0]}}",
        env.store().display()
    );
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(script)
        .current_dir(common::root())
        .output()
        .expect("bash");
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "0");
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("error"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn timeline_and_casualties_cited_sentences_with_zero_padding() {
    // `003#05` in two saved queries, `003#5` everywhere else: the padding was only a sort key.
    let env = Env::built();
    for name in ["timeline", "casualties"] {
        let csv = env.ok(&["query", name, "--format", "csv"]);
        let padded: Vec<&str> = csv
            .split(|c: char| c == ',' || c.is_whitespace() || c == '"')
            .filter(|w| w.len() > 5 && w.as_bytes()[3] == b'#' && w[4..].starts_with('0'))
            .collect();
        assert!(padded.is_empty(), "{name} cites {padded:?}");
        assert!(csv.contains("#"), "{name} cites no sentence");
    }
}

#[test]
fn query_tables_ran_past_the_terminal_width() {
    let env = Env::built();
    let narrow = env.ok(&["query", "who-attacked", "--width", "100"]);
    let widest = narrow.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest <= 100, "a line of {widest} columns:\n{narrow}");
    // Not a terminal and no --width: the table keeps its natural width for files and pipes.
    let piped = env.ok(&["query", "who-attacked"]);
    assert!(piped.lines().any(|l| l.chars().count() > 200));
    // Cells wrap rather than being cut: the same rows, on more lines.
    let count = |t: &str| t.lines().last().map(str::to_owned);
    assert_eq!(count(&narrow), count(&piped));
    assert!(count(&narrow).is_some_and(|c| c.ends_with(" rows")));
    assert!(narrow.lines().count() > piped.lines().count());
    let err = env.fails(&["query", "who-attacked", "--width", "5"]);
    assert!(err.contains("--width"), "{err}");
}

#[test]
fn dates_without_a_year_printed_as_xsd_lexical_forms() {
    let env = Env::built();
    let timeline = env.ok(&["query", "timeline"]);
    assert!(timeline.contains("26 November"), "{timeline}");
    assert!(timeline.contains("│ May "), "{timeline}");
    let who = env.ok(&["query", "who-attacked", "--format", "csv"]);
    assert!(
        who.contains("on November 26 [26 November] (day precision)"),
        "{who}"
    );
    assert!(who.contains("last May [May] (month precision)"), "{who}");
    let casualties = env.ok(&["query", "casualties", "--format", "csv"]);
    assert!(casualties.contains("26 November (day)"), "{casualties}");
    for text in [&timeline, &who, &casualties] {
        assert!(!text.contains("--11-26") && !text.contains("--05"), "{text}");
    }
    // Machine formats keep the typed value.
    let csv = env.ok(&["query", "timeline", "--format", "csv"]);
    assert!(csv.contains("\n--11-26,day,"), "{csv}");
}

#[test]
fn actor_profile_showed_a_stated_fact_as_its_iri() {
    let env = Env::built();
    let csv = env.ok(&[
        "query",
        "actor-profile",
        "--param",
        "actor=Taliban",
        "--format",
        "csv",
    ]);
    assert!(!csv.contains("/id/fact/"), "{csv}");
    assert!(
        csv.contains("6 claims,claimed,Taliban opposes forces the Taliban call occupation forces,"),
        "{csv}"
    );
    assert!(
        csv.contains("Taliban aim drive the forces it calls occupiers out of Afghanistan"),
        "{csv}"
    );
}
