//! `extract` on the five seed articles, then `build` with the drafts in place of the curated
//! article files (the curated entity files kept): the saved queries answer the key questions as
//! the curated graph does. What the drafts do not reach is asserted as not reached, so that a
//! change either way is seen.
#![allow(clippy::expect_used, reason = "tests fail on unexpected errors")]

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{json_rows, root, sources, Env};

/// The seed articles with the publication dates the gold standard extracts them at.
fn seeds(dir: &Path) -> Vec<(String, String)> {
    let gold = root().join("tests/extract-gold");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&gold)
        .expect("gold folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let v: serde_json::Value =
                serde_json::from_str(&std::fs::read_to_string(&p).expect("gold file")).expect("gold json");
            let source = v["source"].as_str().expect("source").to_owned();
            let date = v["date"].as_str().expect("date").to_owned();
            (dir.join(format!("{source}.txt")).display().to_string(), date)
        })
        .collect();
    out.sort();
    out
}

/// A store built from the curated entity files (`data/*.ttl`, not `data/articles/`) and the drafts
/// `extract` writes for the seeds; the build checks every attestation against the article texts.
fn extracted_store(seeds_dir: &Path) -> Env {
    let env = Env::new();
    let data = env.dir.path().join("data");
    let drafts = env.dir.path().join("drafts");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::create_dir_all(&drafts).expect("mkdir");
    for entry in std::fs::read_dir(root().join("data")).expect("data folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|x| x == "ttl") {
            std::fs::copy(&path, data.join(path.file_name().expect("name"))).expect("copy");
        }
    }
    for (file, date) in seeds(seeds_dir) {
        let stem = Path::new(&file)
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let out = drafts.join(format!("{stem}.ttl"));
        env.ok(&[
            "extract",
            &file,
            "--date",
            &date,
            "-o",
            out.to_str().expect("utf8"),
        ]);
    }
    env.ok(&[
        "build",
        "--data",
        data.to_str().expect("utf8"),
        "--add",
        drafts.to_str().expect("utf8"),
        "--sources",
        seeds_dir.to_str().expect("utf8"),
    ]);
    env
}

fn rows(env: &Env, query: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    json_rows(&env.ok(&["query", query, "-f", "json"]))
}

fn get<'a>(row: &'a std::collections::BTreeMap<String, String>, k: &str) -> &'a str {
    row.get(k).map_or("", String::as_str)
}

#[test]
fn drafts_of_the_seeds_build_and_answer_the_key_questions() {
    let Some(seeds_dir) = sources() else { return };
    let curated = Env::built();
    let drafted = extracted_store(&seeds_dir);

    // Both Tajik border lengths, each with its source and qualifier, as curated.
    let borders = |env: &Env| -> BTreeSet<(String, String, String, String)> {
        rows(env, "borders")
            .iter()
            .map(|r| {
                (
                    get(r, "stateB").to_owned(),
                    get(r, "length").to_owned(),
                    get(r, "qualifier").to_owned(),
                    get(r, "source").to_owned(),
                )
            })
            .collect()
    };
    let (b_cur, b_ext) = (borders(&curated), borders(&drafted));
    assert_eq!(b_ext, b_cur, "border lengths");
    assert!(
        b_ext.iter().any(|b| b.1 == "1340" && b.2 == "exactly"),
        "{b_ext:?}"
    );
    assert!(b_ext.iter().any(|b| b.1 == "1350" && b.2 == "about"), "{b_ext:?}");

    // Who attacked the Chinese workers: no perpetrator is named in either graph; the attacks,
    // their victims and the death tolls the articles give are found.
    let chinese = |env: &Env| -> Vec<(String, String, String)> {
        rows(env, "who-attacked")
            .iter()
            .filter(|r| get(r, "target").contains("Chinese") || get(r, "target").contains("Shohin"))
            .map(|r| {
                (
                    get(r, "agent").to_owned(),
                    get(r, "target").to_owned(),
                    get(r, "deaths").to_owned(),
                )
            })
            .collect()
    };
    let (c_cur, c_ext) = (chinese(&curated), chinese(&drafted));
    for (agent, _, _) in &c_ext {
        assert!(
            agent.is_empty() || agent == "(unknown)",
            "an attacker asserted: {c_ext:?}"
        );
    }
    for toll in [
        "5 Chinese nationals",
        "3 LLC Shohin SM employees",
        "2 Chinese construction workers",
    ] {
        assert!(
            c_cur.iter().any(|c| c.2.starts_with(toll)),
            "curated: {toll} in {c_cur:?}"
        );
        assert!(
            c_ext.iter().any(|c| c.2.starts_with(toll)),
            "drafts: {toll} in {c_ext:?}"
        );
    }
    // The curated graph names the drone's operators as a group of their own and gives who is
    // suspected (analysts naming ISKP); the drafts do not read suspicion from these articles.
    let suspected = |env: &Env| {
        rows(env, "who-attacked")
            .iter()
            .any(|r| get(r, "target").contains("Shohin") && !get(r, "suspected").is_empty())
    };
    assert!(suspected(&curated));
    assert!(
        !suspected(&drafted),
        "the drafts now read suspects: update this test and the README"
    );

    // The harbouring allegations, by whom, and the denial.
    let harboured = |env: &Env| -> BTreeSet<(String, String, String, String)> {
        rows(env, "harboured-groups")
            .iter()
            .map(|r| {
                (
                    get(r, "harbourer").to_owned(),
                    get(r, "harboured").to_owned(),
                    get(r, "allegedBy").to_owned(),
                    get(r, "deniedBy").to_owned(),
                )
            })
            .collect()
    };
    let (h_cur, h_ext) = (harboured(&curated), harboured(&drafted));
    let reached: BTreeSet<_> = h_cur.intersection(&h_ext).cloned().collect();
    assert!(
        reached
            .iter()
            .any(|h| h.1 == "Tehreek-e-Taliban Pakistan" && h.2 == "Pakistan" && h.3 == "Taliban"),
        "TTP harbouring alleged by Pakistan, denied by the Taliban: {h_ext:?}"
    );
    assert!(
        reached.iter().any(|h| h.1 == "Jamaat Ansarullah"),
        "Jamaat Ansarullah harbouring: {h_ext:?}"
    );
    assert_eq!(
        h_ext.difference(&h_cur).count(),
        0,
        "allegations the curators did not record: {h_ext:?}"
    );
    // Not reached: Rahmon's charge of "providing sanctuary to groups that threaten Tajikistan's
    // stability" (a described group the graph names only in that article's file).
    let missing: Vec<_> = h_cur.difference(&h_ext).map(|h| h.1.clone()).collect();
    assert_eq!(
        missing,
        ["groups threatening Tajikistan's stability"],
        "{h_ext:?}"
    );

    // Each denial answers the claim it denies, with the same parties as curated.
    let denials = |env: &Env| -> BTreeSet<(String, String)> {
        rows(env, "disputed")
            .iter()
            .filter(|r| get(r, "kind") == "denial")
            .map(|r| (get(r, "claimedBy").to_owned(), get(r, "contestedBy").to_owned()))
            .collect()
    };
    assert_eq!(denials(&drafted), denials(&curated), "denials");
}
