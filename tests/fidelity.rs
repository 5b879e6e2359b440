//! Knowledge fidelity: the graph read as an analyst reads it. One count per death that several
//! sources report, dates that agree with the order of events, vague counts kept vague, one entity
//! per name, disputes that contest only what they contest, paths ranked by their evidence, the
//! relations the curators needed, and origins as a relation.
#![allow(clippy::expect_used, reason = "tests fail on unexpected errors")]

mod common;

use std::collections::BTreeMap;

use common::{build_from, json_rows, project_copy, Env};

type Row = BTreeMap<String, String>;

fn rows(env: &Env, args: &[&str]) -> Vec<Row> {
    let mut all = vec!["query"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    json_rows(&env.ok(&all))
}

fn sparql(env: &Env, text: &str) -> Vec<Row> {
    rows(env, &["--sparql", text])
}

const DRONE: &str = "Drone strike on the LLC Shohin SM camp near the Istiklol border post";

/// The edges of the projected network as CSV rows (header → value), with `extra` flags.
fn edges(env: &Env, extra: &[&str]) -> Vec<Row> {
    let dir = env.dir.path().join(format!("csv{}", extra.len()));
    let mut args = vec!["graph", "-f", "csv", "-o", dir.to_str().expect("utf8")];
    args.extend_from_slice(extra);
    env.ok(&args);
    let text = std::fs::read_to_string(dir.join("edges.csv")).expect("edges");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    reader
        .records()
        .map(|r| {
            header
                .iter()
                .cloned()
                .zip(r.expect("record").iter().map(str::to_owned))
                .collect()
        })
        .collect()
}

#[test]
fn drone_strike_dead_are_counted_once_though_two_articles_state_them() {
    let env = Env::built();
    let casualties = rows(&env, &["casualties"]);
    let drone: Vec<&Row> = casualties.iter().filter(|r| r["event"] == DRONE).collect();
    let killed: u32 = drone
        .iter()
        .filter_map(|r| r.get("killed"))
        .map(|k| k.parse::<u32>().expect("exact count"))
        .sum();
    assert_eq!(killed, 3, "{drone:?}");
    let deaths = drone
        .iter()
        .find(|r| r.contains_key("killed"))
        .expect("the deaths");
    assert_eq!(deaths["category"], "LLC Shohin SM employees");
    assert!(
        deaths["sentence"].split(' ').any(|c| c == "000#0")
            && deaths["sentence"].split(' ').any(|c| c == "001#16"),
        "{deaths:?}"
    );

    // The victims are Chinese nationals employed by the firm, both facts cited.
    let facts = sparql(
        &env,
        "SELECT ?p ?o (COUNT(?a) AS ?n) WHERE { ?f a bkg:Fact ; rdf:subject id:shohin-sm-employees ; \
         rdf:predicate ?p ; rdf:object ?o ; bkg:attestedBy ?a } GROUP BY ?p ?o",
    );
    for (p, o) in [("nationality", "china"), ("employedBy", "llc-shohin-sm")] {
        assert!(
            facts.iter().any(|r| r["p"].ends_with(p) && r["o"].ends_with(o)),
            "{p} {o}: {facts:?}"
        );
    }

    // ISKP reaches China through the suspected attack on the Chinese workers.
    let path = env.ok(&["path", "ISKP", "China"]);
    let first = path.split("\n\n").next().expect("a path");
    assert!(
        first.contains("Islamic State Khorasan Province attacked LLC Shohin SM employees"),
        "{first}"
    );
    assert!(
        first.contains("LLC Shohin SM employees nationality China"),
        "{first}"
    );
}

#[test]
fn events_several_sources_report_list_each_sources_figures() {
    let env = Env::built();
    let rows = rows(&env, &["multi-source-events"]);
    let drone: Vec<&Row> = rows.iter().filter(|r| r["event"] == DRONE).collect();
    for source in [
        "000: own voice",
        "001: Ministry of Foreign Affairs of Tajikistan",
        "002: own voice",
    ] {
        assert!(drone.iter().any(|r| r["source"] == source), "{source}: {drone:?}");
    }
    let mfa = drone
        .iter()
        .find(|r| r["source"] == "001: Ministry of Foreign Affairs of Tajikistan")
        .expect("001's figures");
    assert!(
        mfa["figures"].contains("3 killed (LLC Shohin SM employees)"),
        "{mfa:?}"
    );
    assert!(
        mfa["figures"].contains("1 injured (LLC Shohin SM employees)"),
        "{mfa:?}"
    );
    let own = drone
        .iter()
        .find(|r| r["source"] == "000: own voice")
        .expect("000");
    assert!(
        own["figures"].contains("3 killed (LLC Shohin SM employees)"),
        "{own:?}"
    );
    for event in [
        "Kavo border clash",
        "Gunfire attack on Chinese construction workers",
        "Tajik forces kill four militants in Khatlon",
        "Attacks on Chinese workers near the Afghan border",
    ] {
        assert!(rows.iter().any(|r| r["event"] == event), "{event} missing");
    }
    assert!(rows
        .iter()
        .all(|r| r["sourceCount"].parse::<u32>().expect("count") > 1));
}

#[test]
fn a_response_dated_before_what_it_answers_is_warned_about() {
    let env = Env::new();
    let real = env.run(&["build"]);
    assert!(real.status.success());
    let stderr = String::from_utf8_lossy(&real.stderr);
    assert!(!stderr.contains("which its date puts later"), "{stderr}");

    // The Chinese Embassy's November appeals no longer precede the attack they answer.
    let timeline = rows(&env, &["timeline"]);
    let gunfire = timeline
        .iter()
        .find(|r| r["event"] == "Gunfire attack on Chinese construction workers")
        .expect("gunfire attack");
    assert!(!gunfire.contains_key("date"), "{gunfire:?}");

    let (ontology, data) = project_copy(&env);
    std::fs::write(
        data.join("late.ttl"),
        "@prefix bkg: <https://w3id.org/borderkg/ontology#> .
@prefix ev: <https://w3id.org/borderkg/id/event/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ev:chinese-embassy-urges-citizens-to-leave bkg:response ev:un-report-on-jamaat-ansarullah .
",
    )
    .expect("write");
    let out = build_from(&env, &ontology, &data, &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "warning: ev:chinese-embassy-urges-citizens-to-leave (dated --11) is a response to \
             ev:un-report-on-jamaat-ansarullah (dated --12), which its date puts later"
        ),
        "{stderr}"
    );
}

#[test]
fn vague_counts_print_as_words_never_as_numbers() {
    let env = Env::built();
    let chinese = rows(&env, &["chinese-nationals"]);
    let umbrella = chinese
        .iter()
        .find(|r| r["attack"] == "Attacks on Chinese workers near the Afghan border")
        .expect("the two attacks");
    assert!(
        umbrella["injured"].contains("several (vague) Chinese nationals"),
        "{umbrella:?}"
    );
    assert!(
        !umbrella["injured"].contains("2 Chinese nationals"),
        "{umbrella:?}"
    );

    let casualties = rows(&env, &["casualties"]);
    let dozens = casualties
        .iter()
        .find(|r| r["event"] == "Taliban attack Pakistani border posts")
        .expect("dozens of casualties");
    assert_eq!(dozens["casualtiesUnsplit"], "dozens");
    assert!(casualties.iter().filter(|r| r["qualifier"] == "vague").all(|r| [
        "killed",
        "injured",
        "casualtiesUnsplit"
    ]
    .iter()
    .filter_map(|c| r.get(*c))
    .all(|v| v.parse::<u32>().is_err())));

    let attacks = rows(&env, &["who-attacked"]);
    let raid = attacks
        .iter()
        .find(|r| r["event"].ends_with("taliban-retaliatory-operations"))
        .expect("raid");
    assert!(raid["casualtiesUnsplit"].contains("dozens (vague)"), "{raid:?}");
    assert!(!raid["casualtiesUnsplit"].contains("24"), "{raid:?}");
    let several = rows(&env, &["multi-source-events"]);
    assert!(several
        .iter()
        .all(|r| !r["figures"].contains("2 injured (Chinese nationals)")));
}

#[test]
fn a_name_of_two_things_is_ambiguous_and_names_are_not_adjectives_or_metonyms() {
    let env = Env::built();
    let err = env.fails(&["query", "actor-profile", "--param", "actor=Kabul"]);
    assert!(err.contains("`Kabul` is ambiguous"), "{err}");
    assert!(err.contains("id:kabul (its preferred label)"), "{err}");
    assert!(
        err.contains("id:taliban (not a name of it, but the sources use it for it in")
            && err.contains("003#1")
            && err.contains("003#6"),
        "{err}"
    );
    let err = env.fails(&["path", "Dushanbe", "ISKP"]);
    assert!(
        err.contains("id:dushanbe") && err.contains("id:tajikistan"),
        "{err}"
    );

    let us = rows(&env, &["actor-profile", "--param", "actor=United States"]);
    assert!(us
        .iter()
        .any(|r| r["relation"] == "prefLabel" && r["value"] == "United States"));

    let tajikistan = rows(&env, &["actor-profile", "--param", "actor=Tajikistan"]);
    let names: Vec<(&str, &str)> = tajikistan
        .iter()
        .filter(|r| r["section"] == "1 name")
        .map(|r| (r["relation"].as_str(), r["value"].as_str()))
        .collect();
    assert!(names.contains(&("demonym", "Tajik")), "{names:?}");
    assert!(!names.contains(&("altLabel", "Tajik")), "{names:?}");
    assert!(
        !names.iter().any(|(r, v)| *r != "mentionedAs" && *v == "Dushanbe"),
        "{names:?}"
    );
    assert!(names.contains(&("mentionedAs", "Dushanbe")), "{names:?}");

    let taliban = rows(&env, &["actor-profile", "--param", "actor=id:taliban"]);
    assert!(!taliban.iter().any(|r| r["value"] == "Taliban representatives"));
    assert!(!taliban
        .iter()
        .any(|r| r["section"] == "1 name" && r["relation"] != "mentionedAs" && r["value"] == "Kabul"));
    // An adjective alone still finds its state, and says so only when it is ambiguous.
    assert!(rows(&env, &["actor-profile", "--param", "actor=Afghan"])
        .iter()
        .any(|r| r["value"] == "Afghanistan"));
}

#[test]
fn pakistani_sources_dispute_the_framing_not_the_seizures() {
    let env = Env::built();
    let disputed = rows(&env, &["disputed"]);
    let framing = disputed
        .iter()
        .find(|r| r["contestedBy"] == "Pakistani security sources")
        .expect("the Pakistani dispute");
    assert_eq!(framing["claim"], "Taliban call their operations retaliation");
    assert!(framing["kind"].contains("framing"), "{framing:?}");
    assert!(!disputed
        .iter()
        .any(|r| r["claim"] == "Taliban claim positions taken and heavy Pakistani losses"));
    let ties = edges(&env, &[]);
    let seized = ties
        .iter()
        .find(|e| e["relation"] == "bkg:controls" && e["target"] == "id:pakistani-border-posts")
        .expect("the seized posts");
    assert_eq!(seized["disputed"], "false", "{seized:?}");
}

#[test]
fn paths_of_equal_length_rank_by_their_evidence_and_say_why() {
    let env = Env::built();
    let out = env.ok(&["path", "ISKP", "China", "-k", "4"]);
    let paths: Vec<&str> = out.split("\n\n").filter(|p| p.starts_with("Path")).collect();
    assert!(paths[0].contains(" attacked "), "{out}");
    assert!(paths[0].contains("ranked: the only shortest path"), "{out}");
    let three_hops: Vec<&&str> = paths.iter().filter(|p| p.contains("(3 hops)")).collect();
    assert!(three_hops.len() >= 2, "{out}");
    assert!(three_hops[0].contains("ranked: 1st of"), "{out}");
    assert!(three_hops[1].contains("ranked: 2nd of"), "{out}");
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["path", "ISKP", "China", "-k", "4", "--format", "json"]))
            .expect("json");
    let strength: Vec<(u64, u64)> = json
        .as_array()
        .expect("paths")
        .iter()
        .filter(|p| p["hops"].as_array().map(Vec::len) == Some(3))
        .map(|p| {
            (
                p["events"].as_u64().expect("events"),
                p["hops"].as_array().map_or(0, |h| h.len() as u64),
            )
        })
        .collect();
    assert!(strength.windows(2).all(|w| w[0].0 >= w[1].0), "{strength:?}");
}

#[test]
fn the_gaps_the_curators_hit_are_now_queryable() {
    let env = Env::built();
    let ask = |text: &str| !sparql(&env, text).is_empty();
    assert!(ask(
        "SELECT ?e WHERE { ?e bkg:causedBy ev:attacks-on-chinese-workers ; bkg:trend bkg:Worsening }"
    ));
    assert!(ask("SELECT ?e WHERE { ev:government-forces-retreat-to-afghan-ishkashim bkg:destination id:ishkashim-afghanistan }"));
    assert!(ask(
        "SELECT ?x WHERE { id:llc-shohin-sm bkg:operates id:shohin-sm-camp }"
    ));
    assert!(ask("SELECT ?x WHERE { id:ttp bkg:outlawedBy id:pakistan }"));
    assert!(ask(
        "SELECT ?x WHERE { ev:central-asian-states-improve-ties-with-taliban bkg:trend bkg:Improving }"
    ));
    assert!(ask(
        "SELECT ?x WHERE { ev:clinic-expects-more-afghan-soldiers bkg:eventStatus bkg:Expected }"
    ));
    assert!(ask(
        "SELECT ?x WHERE { ev:pakistan-tajikistan-exploratory-military-talks bkg:eventStatus bkg:Planned }"
    ));
    let silent = sparql(
        &env,
        "SELECT ?who ?what WHERE { ?e a bkg:AbsentReaction ; bkg:about ev:kavo-border-clash ; \
         bkg:agent ?who ; bkg:absentReaction ?what }",
    );
    assert_eq!(silent.len(), 1, "{silent:?}");
    assert!(silent[0]["who"].ends_with("/afghanistan") && silent[0]["what"] == "comment");
    // A planned event makes no tie: the only Pakistan-Tajikistan cooperation is the consultations.
    let why = env.ok(&["why", "Pakistan", "bkg:cooperatesWith", "Tajikistan"]);
    assert!(!why.contains("exploratory-military-talks"), "{why}");
}

#[test]
fn origins_cross_the_border_into_the_network_only_when_asked() {
    let env = Env::built();
    assert!(!edges(&env, &[])
        .iter()
        .any(|e| e["relation"] == "bkg:originatedFrom"));
    let with = edges(&env, &["--origins"]);
    let mut from: Vec<&str> = with
        .iter()
        .filter(|e| e["relation"] == "bkg:originatedFrom" && e["target"] == "id:afghanistan")
        .map(|e| e["source"].as_str())
        .collect();
    from.sort_unstable();
    assert_eq!(
        from,
        [
            "id:four-militants-khatlon",
            "id:kavo-armed-men",
            "id:khatlon-drone-operators"
        ]
    );
}
