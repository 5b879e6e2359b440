//! `borderkg report` and `borderkg path` on the seed graph and on a store of someone else's
//! vocabulary: snapshots of the report, projection options, explained paths.
#![allow(clippy::expect_used, reason = "tests fail on unexpected errors")]

mod common;

use common::Env;

#[test]
fn report_text_snapshot() {
    let env = Env::built();
    insta::assert_snapshot!("report_text", env.ok(&["report", "--width", "160"]));
}

#[test]
fn report_markdown_snapshot() {
    let env = Env::built();
    insta::assert_snapshot!("report_markdown", env.ok(&["report", "--format", "markdown"]));
}

#[test]
fn report_json_snapshot_and_shape() {
    let env = Env::built();
    let out = env.ok(&["report", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let rows = v["rows"].as_array().expect("rows");
    assert_eq!(rows.len() as u64, v["actors"].as_u64().expect("actors"));
    let pagerank: f64 = rows
        .iter()
        .map(|r| r["measures"]["pagerank"].as_f64().expect("pagerank"))
        .sum();
    assert!(
        (pagerank - 1.0).abs() < 1e-8,
        "PageRank sums to 1 (values kept to 10 decimals): {pagerank}"
    );
    let taliban = rows.iter().find(|r| r["id"] == "id:taliban").expect("Taliban");
    assert_eq!(taliban["out_ties"]["bkg:harbours"], 3);
    insta::assert_snapshot!("report_json", out);
}

#[test]
fn report_csv_has_one_row_per_actor() {
    let env = Env::built();
    let csv = env.ok(&["report", "--format", "csv"]);
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["report", "--format", "json"])).expect("json");
    assert!(
        csv.starts_with("id,label,class,community,articulation_point,degree,"),
        "{csv}"
    );
    assert_eq!(
        csv.lines().count() as u64 - 1,
        json["actors"].as_u64().expect("actors")
    );
}

fn tie_count(env: &Env, args: &[&str]) -> u64 {
    let mut all = vec!["report", "--format", "json"];
    all.extend_from_slice(args);
    let v: serde_json::Value = serde_json::from_str(&env.ok(&all)).expect("json");
    v["ties"].as_u64().expect("ties")
}

#[test]
fn relations_flag_selects_the_ties() {
    let env = Env::built();
    let attacked = env.ok(&[
        "query",
        "--sparql",
        "SELECT (COUNT(*) AS ?n) WHERE { ?a bkg:attacked ?b }",
        "-f",
        "csv",
    ]);
    let expected: u64 = attacked.lines().nth(1).expect("count").parse().expect("number");
    assert_eq!(tie_count(&env, &["--relations", "bkg:attacked"]), expected);
    assert_eq!(
        tie_count(
            &env,
            &["--relations", "https://w3id.org/borderkg/ontology#attacked"]
        ),
        expected
    );
    let err = env.fails(&["report", "--relations", "nope:attacked"]);
    assert!(err.contains("--relations"), "{err}");
}

#[test]
fn certainty_dispute_and_time_filters_drop_ties() {
    let env = Env::built();
    let all = tie_count(&env, &[]);
    let reported = tie_count(&env, &["--min-certainty", "reported"]);
    let undisputed = tie_count(&env, &["--exclude-disputed"]);
    let dated = tie_count(&env, &["--from", "2021-01", "--to", "2021-12"]);
    assert!(
        reported < all && undisputed < all && dated < all,
        "{all} {reported} {undisputed} {dated}"
    );
    let row = |args: &[&str], id: &str| {
        let mut all = vec!["report", "--format", "json"];
        all.extend_from_slice(args);
        let v: serde_json::Value = serde_json::from_str(&env.ok(&all)).expect("json");
        v["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .find(|r| r["id"] == id)
            .cloned()
            .expect("actor")
    };
    // ISKP's attack on the Shohin SM workers is only suspected; its attacks on foreigners are reported.
    assert_eq!(row(&[], "id:iskp")["out_ties"]["bkg:attacked"], 2);
    assert_eq!(
        row(&["--min-certainty", "reported"], "id:iskp")["out_ties"]["bkg:attacked"],
        1
    );
    // Every harbouring is an allegation; the one of the TTP is also denied.
    assert_eq!(row(&[], "id:taliban")["out_ties"]["bkg:harbours"], 3);
    assert_eq!(
        row(&["--exclude-disputed"], "id:taliban")["out_ties"]["bkg:harbours"],
        2
    );
    assert!(row(&["--min-certainty", "reported"], "id:taliban")["out_ties"]
        .get("bkg:harbours")
        .is_none());
    let err = env.fails(&["report", "--min-certainty", "sure"]);
    assert!(err.contains("confirmed") && err.contains("suspected"), "{err}");
    let err = env.fails(&["report", "--from", "last year"]);
    assert!(err.contains("YYYY-MM-DD"), "{err}");
}

#[test]
fn path_explains_every_hop_with_its_sources() {
    let env = Env::built();
    let out = env.ok(&["path", "ISKP", "China", "-k", "3"]);
    assert!(out.starts_with("Path 1 ("), "{out}");
    assert!(out.contains("Path 3 ("), "{out}");
    assert!(
        out.contains("Islamic State Khorasan Province attacked LLC Shohin SM employees (suspected)"),
        "{out}"
    );
    assert!(
        out.contains(
            "001_c4fba955e0c800b1.txt sentence 26 · suspected · claimed by BBC Monitoring, Oxus Society"
        ),
        "{out}"
    );
}

#[test]
fn every_hop_of_a_path_is_a_real_edge() {
    let env = Env::built();
    let json = env.ok(&["path", "id:iskp", "id:china", "-k", "5", "--format", "json"]);
    let paths: serde_json::Value = serde_json::from_str(&json).expect("json");
    let labels = |name: &str| {
        let out = env.ok(&[
            "query",
            "--sparql",
            "SELECT ?x WHERE { ?x skos:prefLabel ?l }",
            "--param",
            &format!("l=\"{name}\"@en"),
            "-f",
            "csv",
        ]);
        out.lines().nth(1).expect("entity").to_owned()
    };
    for path in paths.as_array().expect("paths") {
        for hop in path["hops"].as_array().expect("hops") {
            let (a, b) = (
                labels(hop["from"].as_str().expect("from")),
                labels(hop["to"].as_str().expect("to")),
            );
            for tie in hop["ties"].as_array().expect("ties") {
                let rel = tie["relation"].as_str().expect("relation");
                let (s, o) = if tie["forward"] == true {
                    (&a, &b)
                } else {
                    (&b, &a)
                };
                let ask = env.ok(&[
                    "query",
                    "--sparql",
                    &format!("ASK {{ <{s}> {rel} <{o}> }}"),
                    "-f",
                    "json",
                ]);
                assert!(ask.contains("true"), "{s} {rel} {o} is not in the graph");
                assert!(!tie["evidence"].as_array().expect("evidence").is_empty());
            }
        }
    }
}

#[test]
fn path_with_sources_quotes_the_sentences() {
    let Some(sources) = common::sources() else {
        return;
    };
    let env = Env::built();
    let out = env
        .cmd()
        .args(["path", "ISKP", "China", "--sources"])
        .arg(&sources)
        .output()
        .expect("runs");
    let out = String::from_utf8(out.stdout).expect("utf8");
    assert!(out.lines().any(|l| l.trim_start().starts_with('“')), "{out}");
}

#[test]
fn path_between_unlinked_actors_says_so() {
    let env = Env::built();
    let err = env.fails(&[
        "path",
        "ISKP",
        "Pakistan",
        "--relations",
        "bkg:attacked,bkg:nationality",
        "--directed",
    ]);
    assert!(err.contains("no path links"), "{err}");
    let err = env.fails(&["path", "ISKP", "Atlantis"]);
    assert!(err.contains("Atlantis"), "{err}");
}

#[test]
fn report_works_on_a_store_with_another_vocabulary() {
    let env = Env::new();
    let ontology = env.dir.path().join("o");
    let data = env.dir.path().join("d");
    std::fs::create_dir_all(&ontology).expect("mkdir");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::write(ontology.join("empty.ttl"), "").expect("write");
    std::fs::write(
        data.join("people.ttl"),
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n@prefix ex: <http://example.org/> .\n\
         ex:a foaf:knows ex:b . ex:b foaf:knows ex:c . ex:c foaf:knows ex:a . ex:c foaf:knows ex:d .\n\
         ex:a foaf:name \"A\" .\n",
    )
    .expect("write");
    env.cmd()
        .args(["build", "--allow-no-rules", "--allow-no-shapes", "--ontology"])
        .arg(&ontology)
        .arg("--data")
        .arg(&data)
        .assert()
        .success();
    let json = env.ok(&[
        "report",
        "--format",
        "json",
        "--relations",
        "http://xmlns.com/foaf/0.1/knows",
    ]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(v["actors"], 4);
    assert_eq!(v["ties"], 4);
    assert_eq!(v["articulation_points"][0], "<http://example.org/c>");
    let out = env.ok(&[
        "path",
        "<http://example.org/a>",
        "<http://example.org/d>",
        "--relations",
        "http://xmlns.com/foaf/0.1/knows",
    ]);
    assert!(out.contains("Path 1 (2 hops)"), "{out}");
}

/// Reads `name="number"` from an SVG element's text.
fn attr(element: &str, name: &str) -> f64 {
    let key = format!(" {name}=\"");
    let start = element.find(&key).expect("attribute") + key.len();
    let end = element[start..].find('"').expect("closing quote") + start;
    element[start..end].parse().expect("number")
}

#[test]
fn html_report_had_no_viewport_and_cut_tables_off_on_a_phone() {
    let env = Env::built();
    let html = env.ok(&["report", "--format", "html"]);
    assert!(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    let style = &html[html.find("<style>").expect("style")..html.find("</style>").expect("style end")];
    assert!(
        style.contains("display:block;max-width:100%;overflow-x:auto}"),
        "tables scroll sideways"
    );
    assert!(
        style.contains("figure{") && style.contains("overflow:auto"),
        "the drawing scrolls inside its frame"
    );
    assert!(
        style.contains("figure>svg{display:block;width:100%;height:auto;min-width:720px}"),
        "the drawing scales to the page, down to a width where its names still read"
    );
}

#[test]
fn html_report_is_one_page_with_a_drawing_whose_labels_cover_no_node() {
    let env = Env::built();
    let file = env.dir.path().join("report.html");
    env.cmd()
        .args(["report", "--format", "html", "-o"])
        .arg(&file)
        .assert()
        .success();
    let html = std::fs::read_to_string(&file).expect("read");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "self-contained"
    );
    let json: serde_json::Value =
        serde_json::from_str(&env.ok(&["report", "--format", "json"])).expect("json");
    let circles: Vec<(f64, f64, f64)> = html
        .split("<circle")
        .skip(1)
        .map(|c| (attr(c, "cx"), attr(c, "cy"), attr(c, "r")))
        .collect();
    assert_eq!(circles.len() as u64, json["actors"].as_u64().expect("actors"));
    // Each node label starts right of its own circle; its box (11px font, 0.58em per character)
    // must not touch any other node's circle.
    let labels: Vec<(f64, f64, usize)> = html
        .split("<text ")
        .skip(1)
        .filter(|t| t.contains("class=\"node-label\""))
        .map(|t| {
            let text = &t[t.find('>').expect("text") + 1..t.find("</text>").expect("end")];
            (
                attr(&format!(" {t}"), "x"),
                attr(&format!(" {t}"), "y"),
                text.chars().count(),
            )
        })
        .collect();
    assert_eq!(labels.len(), circles.len());
    for (i, (x, y, chars)) in labels.iter().enumerate() {
        let (left, right) = (*x, x + *chars as f64 * 11.0 * 0.58);
        let (top, bottom) = (y - 11.0 * 0.8, y + 11.0 * 0.25);
        for (j, (cx, cy, r)) in circles.iter().enumerate() {
            if i == j {
                continue;
            }
            let nx = cx.clamp(left, right);
            let ny = cy.clamp(top, bottom);
            assert!(
                (nx - cx).powi(2) + (ny - cy).powi(2) > r * r,
                "label {i} covers node {j}"
            );
        }
    }
    let err = env.fails(&["report", "--format", "html", "--size-by", "fame"]);
    assert!(
        err.contains("--size-by fame") && err.contains("pagerank"),
        "{err}"
    );
}

#[test]
fn ego_network_keeps_only_actors_within_the_radius() {
    let env = Env::built();
    let json = env.ok(&["report", "--format", "json", "--actor", "ISKP", "--radius", "1"]);
    let v: serde_json::Value = serde_json::from_str(&json).expect("json");
    let ids: Vec<&str> = v["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert!(ids.contains(&"id:iskp"));
    assert!(ids.contains(&"id:shohin-sm-employees"), "{ids:?}");
    assert!(!ids.contains(&"id:china"), "China is two ties away: {ids:?}");
    assert!(v["scope"]
        .as_str()
        .expect("scope")
        .contains("Ego network of ISKP"));
    let wider: serde_json::Value =
        serde_json::from_str(&env.ok(&["report", "--format", "json", "--actor", "ISKP", "--radius", "2"]))
            .expect("json");
    assert!(wider["actors"].as_u64() > v["actors"].as_u64());
    let err = env.fails(&["report", "--radius", "2"]);
    assert!(err.contains("--actor"), "{err}");
}

/// The `<title>` and the drawn line of every tie group of the drawing.
fn tie_groups(html: &str) -> Vec<(&str, &str)> {
    html.split("<g class=\"tie\">")
        .skip(1)
        .map(|g| {
            let g = &g[..g.find("</g>").expect("end of tie")];
            let title = &g[g.find("<title>").expect("title") + 7..g.find("</title>").expect("end")];
            (title, g)
        })
        .collect()
}

#[test]
fn ego_view_did_not_mark_the_focal_actor() {
    let env = Env::built();
    let ego = env.ok(&["report", "--format", "html", "--actor", "Taliban"]);
    let rings: Vec<&str> = ego
        .split("<circle")
        .filter(|c| c.contains("class=\"focus-ring\""))
        .collect();
    assert_eq!(rings.len(), 1, "one ringed actor");
    let taliban = ego
        .split("<circle")
        .find(|c| c.contains("<title>Taliban (ArmedGroup)"))
        .expect("the Taliban's node");
    assert_eq!(
        (attr(rings[0], "cx"), attr(rings[0], "cy")),
        (attr(taliban, "cx"), attr(taliban, "cy"))
    );
    assert!(ego.contains("class=\"node-label focus-label\">Taliban</text>"));
    assert!(
        ego.contains("ringed: <b>Taliban</b>"),
        "the legend says what the ring means"
    );
    let full = env.ok(&["report", "--format", "html"]);
    assert!(!full.contains("focus-ring"), "the whole network has no centre");
}

#[test]
fn ego_view_gave_a_class_another_colour_than_the_full_report() {
    let env = Env::built();
    let legend = |html: &str| -> Vec<(String, String)> {
        let list = &html[html.find("<ul class=\"legend\">").expect("legend")..];
        let list = &list[..list.find("</ul>").expect("end")];
        list.split("<span style=\"background:")
            .skip(1)
            .map(|item| {
                let (colour, rest) = item.split_once('"').expect("colour");
                let class = &rest[rest.find("</span>").expect("span") + 7..rest.find("</li>").expect("li")];
                (class.to_owned(), colour.to_owned())
            })
            .collect()
    };
    let full = legend(&env.ok(&["report", "--format", "html"]));
    let ego = legend(&env.ok(&["report", "--format", "html", "--actor", "Taliban"]));
    assert!(ego.len() > 3);
    for entry in &ego {
        assert!(full.contains(entry), "{entry:?} is not in {full:?}");
    }
    // The DOT export of the ego network too.
    let fill = |dot: &str| -> String {
        let node = dot
            .lines()
            .find(|l| l.trim_start().starts_with("\"id:afghanistan\" [label="))
            .expect("Afghanistan's node")
            .to_owned();
        node[node.find("fillcolor=").expect("fill")..].to_owned()
    };
    let whole = env.ok(&["graph", "--format", "dot"]);
    let part = env.ok(&["graph", "--format", "dot", "--actor", "Taliban"]);
    assert_eq!(fill(&part), fill(&whole));
}

#[test]
fn relation_labels_were_8px_and_under_node_labels_near_the_hubs() {
    let env = Env::built();
    let html = env.ok(&["report", "--format", "html"]);
    // Node boxes: circle plus the label right of it (11 px font, 0.58 em per character).
    let circles: Vec<(f64, f64, f64)> = html
        .split("<circle")
        .skip(1)
        .map(|c| (attr(c, "cx"), attr(c, "cy"), attr(c, "r")))
        .collect();
    let labels: Vec<(f64, f64, f64, f64)> = html
        .split("<text ")
        .skip(1)
        .filter(|t| t.contains("class=\"node-label"))
        .map(|t| {
            let text = &t[t.find('>').expect("text") + 1..t.find("</text>").expect("end")];
            let (x, y) = (attr(&format!(" {t}"), "x"), attr(&format!(" {t}"), "y"));
            (
                x,
                y - 11.0 * 0.8,
                x + text.chars().count() as f64 * 11.0 * 0.58,
                y + 11.0 * 0.25,
            )
        })
        .collect();
    let mut shown = 0;
    for (_, group) in tie_groups(&html) {
        let text = &group[group.find("<text ").expect("a relation label")..];
        assert!(attr(text, "font-size") >= 10.0, "{text}");
        if text.contains("hover-only") {
            continue;
        }
        shown += 1;
        // Points along the label's middle line, rotated as drawn.
        let (x, y) = (attr(text, "x"), attr(text, "y"));
        let rotate = &text[text.find("rotate(").expect("rotated") + 7..];
        let angle: f64 = rotate[..rotate.find(' ').expect("angle")].parse().expect("angle");
        let words = &text[text.find('>').expect("text") + 1..text.find("</text>").expect("end")];
        let half = words.chars().count() as f64 * 10.0 * 0.58 / 2.0;
        let (ux, uy) = (angle.to_radians().cos(), angle.to_radians().sin());
        for step in -4..=4 {
            let t = f64::from(step) / 4.0 * half;
            let (px, py) = (x + ux * t, y + uy * t);
            for &(cx, cy, r) in &circles {
                assert!(
                    (px - cx).powi(2) + (py - cy).powi(2) > r * r,
                    "{words} covers a node"
                );
            }
            for &(l, top, r, b) in &labels {
                assert!(
                    !(l < px && px < r && top < py && py < b),
                    "{words} covers a node label"
                );
            }
        }
    }
    assert!(shown > 20, "most relations are printed: {shown}");
    assert!(html.contains(".tie:hover .hover-only{visibility:visible}"));
}

#[test]
fn merged_tie_tooltip_lost_its_direction() {
    let env = Env::built();
    let html = env.ok(&["report", "--format", "html"]);
    let titles: Vec<&str> = tie_groups(&html).into_iter().map(|(t, _)| t).collect();
    assert!(
        titles.contains(&"Afghan Foreign Minister → Taliban: memberOf (003#8)"),
        "{titles:?}"
    );
    assert!(
        titles.contains(
            &"Taliban → Tajikistan: cooperatesWith (002#9)\nTajikistan → Taliban: cooperatesWith (002#9); opposes (001#20); urges (002#6)"
        ),
        "{titles:?}"
    );
    assert!(
        !titles.iter().any(|t| t.contains(" — ")),
        "no undirected pair left"
    );
}

#[test]
fn dashed_lines_meant_one_thing_in_html_and_another_in_dot() {
    let env = Env::built();
    let html = env.ok(&["report", "--format", "html"]);
    let dot = env.ok(&["graph", "--format", "dot"]);
    let meaning =
        "dashed: disputed or denied by another statement, or stated no more firmly than claimed or alleged";
    assert!(html.contains(meaning) && dot.contains(meaning));
    // A tie only the Taliban claim, disputed by no one: dashed in both.
    let (_, line) = tie_groups(&html)
        .into_iter()
        .find(|(t, _)| *t == "Taliban → Pakistani border posts: controls (003#3)")
        .expect("the tie");
    assert!(line.contains("stroke-dasharray"), "{line}");
    let edge = dot
        .lines()
        .find(|l| l.contains("\"id:taliban\" -> \"id:pakistani-border-posts\""))
        .expect("the edge");
    assert!(edge.contains("standing=\"claimed\"") && edge.contains("disputed=false"));
    assert!(edge.contains("style=dashed"), "{edge}");
}

/// A projection of many supports reads their standings and dates with a few whole-graph scans
/// instead of batches of lookups; both readings must give the same summaries, on curated events
/// and facts (standings other than `reported`, disputes, deaths per source) and on dataset rows.
#[test]
fn evidence_read_by_whole_graph_scans_equals_evidence_read_in_batches() {
    use borderkg::projection::{project, summarise_by, ProjectionConfig, Reading};
    let env = Env::built();
    env.ok(&["import", "ucdp", "tests/fixtures/import/ucdp-ged.csv"]);
    env.ok(&["import", "acled", "tests/fixtures/import/acled-current.csv"]);
    let store = borderkg::store::open(&env.store()).expect("store");
    let network = project(&store, &ProjectionConfig::default()).expect("projection");
    let supports: std::collections::BTreeSet<String> = network.evidence.keys().cloned().collect();
    assert!(
        supports.iter().any(|s| s.contains("/ucdp-")) && supports.iter().any(|s| s.contains("/acled-")),
        "the imported rows support ties"
    );
    for deaths in [false, true] {
        let batches = summarise_by(&store, &supports, deaths, Reading::Batches).expect("batches");
        let scans = summarise_by(&store, &supports, deaths, Reading::Scans).expect("scans");
        assert_eq!(batches.len(), supports.len());
        assert!(
            batches.values().any(|e| e.certainty < 5),
            "some support is less than reported"
        );
        assert!(batches.values().any(|e| e.disputed), "some support is disputed");
        assert!(
            batches.values().any(|e| e.date.is_some()),
            "some support is dated"
        );
        assert_eq!(
            deaths,
            batches.values().any(|e| e.deaths > 0),
            "deaths read only when asked"
        );
        assert_eq!(batches, scans, "deaths: {deaths}");
    }
    // The whole-graph join of attestations and standings, which the scans use when most
    // attestations are not `reported`, gives what the batches give.
    use borderkg::read::evidence::{standings, Among};
    let all: Vec<&String> = supports.iter().collect();
    let (mut joined, mut batched) = (Vec::new(), Vec::new());
    standings(&store, Among::Supports, |e, s| {
        if supports.contains(&e) {
            joined.push((e, s));
        }
    })
    .expect("joined");
    standings(&store, Among::These(&all), |e, s| batched.push((e, s))).expect("batched");
    joined.sort();
    batched.sort();
    assert!(
        batched.iter().any(|(_, s)| !s.ends_with("#Reported")),
        "other standings"
    );
    assert_eq!(joined, batched);
}

/// A tie backed by thousands of dataset rows lists the firmest, latest few of them and says how
/// many more there are: the report on a large import used to print every row behind every tie
/// (65 MB of text at 100,000 rows).
#[test]
fn report_on_a_large_import_listed_every_supporting_row() {
    use borderkg::import::synth::{write_synthetic, SynthLayout};
    let env = Env::built();
    let rows = 3_000;
    let csv = env.store().with_extension("csv");
    let mut file = std::fs::File::create(&csv).expect("csv");
    write_synthetic(SynthLayout::Ucdp, rows, 7, &mut file).expect("synthetic rows");
    drop(file);
    env.ok(&["import", "ucdp", csv.to_str().expect("path")]);
    let v: serde_json::Value = serde_json::from_str(&env.ok(&["report", "--format", "json"])).expect("json");
    let ties = v["strongest_ties"].as_array().expect("strongest ties");
    let mut cut = 0;
    for tie in ties {
        let listed = tie["evidence"].as_array().expect("evidence").len();
        let more = tie["more"].as_u64().unwrap_or(0);
        assert!(listed <= borderkg::projection::LISTED, "{tie}");
        assert_eq!(
            listed as u64 + more,
            tie["weight"].as_f64().expect("weight") as u64,
            "{tie}"
        );
        if more > 0 {
            cut += 1;
        }
    }
    assert!(cut > 0, "some tie has more supports than are listed");
    let text = env.ok(&["report", "--width", "400"]);
    let heaviest = ties[0]["more"].as_u64().expect("the heaviest tie is cut");
    assert!(text.contains(&format!("and {heaviest} more")), "{text}");
    assert!(
        text.len() < 200_000,
        "the report stays readable: {} bytes",
        text.len()
    );
    // A path through that tie lists as few and counts every event when it ranks.
    let (from, to) = (
        ties[0]["from"].as_str().expect("from"),
        ties[0]["to"].as_str().expect("to"),
    );
    let paths: serde_json::Value =
        serde_json::from_str(&env.ok(&["path", from, to, "-k", "1", "--format", "json"])).expect("json");
    let hop_tie = paths[0]["hops"][0]["ties"]
        .as_array()
        .expect("ties")
        .iter()
        .find(|t| t["more"].as_u64().unwrap_or(0) > 0)
        .expect("a hop tie with more supports than are listed");
    assert_eq!(
        hop_tie["evidence"].as_array().expect("evidence").len(),
        borderkg::projection::LISTED
    );
    let events = paths[0]["events"].as_u64().expect("events");
    assert!(events > borderkg::projection::LISTED as u64, "{}", paths[0]);
}
