//! `borderkg serve` end to end: the real binary on a free loopback port over a freshly built store,
//! spoken to with a real HTTP client (and, for the request shapes no client sends, a raw socket).
#![allow(clippy::expect_used, clippy::unwrap_used, reason = "tests fail loudly")]

mod common;

use std::collections::BTreeSet;
use std::io::{BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{json_rows, root, Env};
use oxigraph::io::{RdfFormat, RdfParser};

/// A running server, stopped when dropped.
struct Server {
    child: Child,
    url: String,
    stdout: BufReader<std::process::ChildStdout>,
}

impl Server {
    fn start(env: &Env, extra: &[&str]) -> Self {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_borderkg"));
        cmd.current_dir(root())
            .env_remove("BORDERKG_STORE")
            .env_remove("BORDERKG_SOURCES")
            .arg("--store")
            .arg(env.store())
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(extra)
            .stderr(Stdio::inherit());
        let (child, url, stdout) = common::start_serving(&mut cmd);
        Self { child, url, stdout }
    }

    fn get(&self, path: &str, accept: &str) -> minreq::Response {
        minreq::get(format!("{}{path}", self.url))
            .with_header("Accept", accept)
            .with_timeout(60)
            .send()
            .expect("answers")
    }

    fn query(&self, query: &str, accept: &str) -> minreq::Response {
        self.get(&format!("/sparql?query={}", encode(query)), accept)
    }

    fn post(&self, path: &str, content_type: &str, body: impl Into<Vec<u8>>) -> minreq::Response {
        minreq::post(format!("{}{path}", self.url))
            .with_header("Content-Type", content_type)
            .with_header("Accept", "application/sparql-results+json")
            .with_body(body)
            .with_timeout(60)
            .send()
            .expect("answers")
    }

    /// Sends `request` as it is over a socket and returns the status and the body.
    fn raw(&self, request: &str) -> (u16, String) {
        let address = self.url.trim_start_matches("http://");
        let mut stream = TcpStream::connect(address).expect("connects");
        stream.write_all(request.as_bytes()).expect("sends");
        let mut answer = String::new();
        let _ = stream.read_to_string(&mut answer);
        let status = answer
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no status in `{answer}`"));
        let body = answer.split("\r\n\r\n").nth(1).unwrap_or_default().to_owned();
        (status, body)
    }

    fn count(&self) -> String {
        let response = self.query(
            "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
            "application/sparql-results+json",
        );
        assert_eq!(response.status_code, 200);
        json_rows(response.as_str().expect("utf-8"))[0]["n"].clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

fn triples(body: &[u8], format: RdfFormat) -> usize {
    RdfParser::from_format(format)
        .for_slice(body)
        .inspect(|q| {
            if let Err(e) = q {
                panic!("{} does not parse: {e}", format.name())
            }
        })
        .count()
}

const SELECT: &str =
    "SELECT ?event ?label WHERE { ?event a bkg:DroneStrike ; rdfs:label ?label } ORDER BY ?event";
const CONSTRUCT: &str = "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a bkg:DroneStrike ; rdfs:label ?l }";

#[test]
fn every_result_format_parses() {
    let env = Env::built();
    let server = Server::start(&env, &[]);
    let json = server.query(SELECT, "application/sparql-results+json");
    assert_eq!(json.status_code, 200);
    assert!(
        json.header("access-control-allow-origin").is_some(),
        "CORS header"
    );
    let rows = json_rows(json.as_str().unwrap()).len();
    assert!(rows > 0, "drone strikes in the seed graph");

    let xml = server.query(SELECT, "application/sparql-results+xml");
    assert!(xml
        .header("content-type")
        .unwrap()
        .starts_with("application/sparql-results+xml"));
    let mut reader = quick_xml::Reader::from_reader(xml.as_bytes());
    let mut results = 0;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == b"result" => results += 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(results, rows);

    let csv_body = server.get(&format!("/sparql?format=csv&query={}", encode(SELECT)), "*/*");
    let mut csv = csv::Reader::from_reader(csv_body.as_bytes());
    assert_eq!(
        csv.headers().unwrap().iter().collect::<Vec<_>>(),
        ["event", "label"]
    );
    assert_eq!(csv.records().filter(Result::is_ok).count(), rows);

    let tsv = server.query(SELECT, "text/tab-separated-values");
    let tsv = tsv.as_str().unwrap();
    assert!(tsv.starts_with("?event\t?label"), "{tsv}");
    assert_eq!(tsv.lines().count(), rows + 1);

    let ask = server.query("ASK { ?s a bkg:DroneStrike }", "application/sparql-results+json");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(ask.as_str().unwrap()).unwrap()["boolean"],
        true
    );

    let mut counts = Vec::new();
    for (accept, format) in [
        ("text/turtle", RdfFormat::Turtle),
        ("application/n-triples", RdfFormat::NTriples),
        ("application/rdf+xml", RdfFormat::RdfXml),
        (
            "application/ld+json",
            RdfFormat::JsonLd {
                profile: Default::default(),
            },
        ),
    ] {
        let response = server.query(CONSTRUCT, accept);
        assert_eq!(
            response.status_code,
            200,
            "{accept}: {}",
            response.as_str().unwrap_or_default()
        );
        counts.push(triples(response.as_bytes(), format));
    }
    assert!(
        counts[0] > 0 && counts.iter().all(|c| *c == counts[0]),
        "{counts:?}"
    );

    // POST as the protocol allows: the query as the body, or as a form.
    let direct = server.post("/sparql", "application/sparql-query", SELECT);
    assert_eq!(json_rows(direct.as_str().unwrap()).len(), rows);
    let form = server.post(
        "/sparql",
        "application/x-www-form-urlencoded",
        format!("query={}", encode(SELECT)),
    );
    assert_eq!(json_rows(form.as_str().unwrap()).len(), rows);

    // The dataset of the request: the ontology graph alone has no drone strikes.
    let scoped = server.get(
        &format!(
            "/sparql?query={}&default-graph-uri={}",
            encode(SELECT),
            encode("https://w3id.org/borderkg/graph/ontology")
        ),
        "application/sparql-results+json",
    );
    assert_eq!(json_rows(scoped.as_str().unwrap()).len(), 0);

    // named-graph-uri: GRAPH ?g sees only the graphs named.
    let derived = "https://w3id.org/borderkg/graph/derived";
    let named = server.get(
        &format!(
            "/sparql?query={}&named-graph-uri={}",
            encode("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"),
            encode(derived)
        ),
        "application/sparql-results+json",
    );
    let graphs = json_rows(named.as_str().unwrap());
    assert_eq!(graphs.len(), 1, "{graphs:?}");
    assert_eq!(graphs[0]["g"], derived);

    // The service description, with no query.
    let description = server.get("/sparql", "text/turtle");
    assert_eq!(description.status_code, 200);
    let body = description.as_str().unwrap();
    assert!(triples(body.as_bytes(), RdfFormat::Turtle) > 5);
    assert!(
        body.contains("sparql-service-description#") && body.contains("/sparql>"),
        "{body}"
    );
}

#[test]
fn an_update_is_refused_and_the_store_is_unchanged() {
    let env = Env::built();
    let server = Server::start(&env, &[]);
    let before = server.count();
    let update = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }";
    let refused = [
        server.post("/sparql", "application/sparql-update", update),
        server.post(
            "/sparql",
            "application/x-www-form-urlencoded",
            format!("update={}", encode(update)),
        ),
        server.post("/sparql", "application/sparql-query", "DROP ALL"),
        server.query(update, "*/*"),
    ];
    for response in &refused {
        assert_eq!(
            response.status_code,
            403,
            "{}",
            response.as_str().unwrap_or_default()
        );
        assert!(response.as_str().unwrap().contains("read-only"));
    }
    assert_eq!(server.count(), before);
    assert_eq!(common::triple_count(&env), before, "the store on disk too");
}

#[test]
fn a_runaway_query_is_stopped_at_its_timeout_while_another_is_answered() {
    let env = Env::built();
    let server = Server::start(&env, &["--timeout", "2"]);
    let url = server.url.clone();
    let runaway = std::thread::spawn(move || {
        let started = Instant::now();
        let query = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        let response = minreq::get(format!("{url}/sparql?query={}", encode(query)))
            .with_timeout(60)
            .send()
            .expect("answers");
        (
            response.status_code,
            response.as_str().unwrap_or_default().to_owned(),
            started.elapsed(),
        )
    });
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    let quick = server.query("ASK { ?s a bkg:DroneStrike }", "application/sparql-results+json");
    let quick_time = started.elapsed();
    assert_eq!(quick.status_code, 200);
    let (status, message, took) = runaway.join().expect("runaway thread");
    assert!(
        quick_time < Duration::from_secs(1),
        "the quick query waited {quick_time:?} behind the runaway one"
    );
    assert_eq!(status, 504, "{message}");
    assert!(message.contains("time limit"), "{message}");
    assert!(took < Duration::from_secs(10), "stopped after {took:?}");
    assert_eq!(
        server.query("ASK { ?s ?p ?o }", "*/*").status_code,
        200,
        "still serving"
    );
}

#[test]
fn malformed_requests_get_a_4xx_with_a_message_and_the_server_keeps_serving() {
    let env = Env::built();
    let server = Server::start(&env, &[]);
    let check = |status: u16, body: &str, what: &str| {
        assert!((400..500).contains(&status), "{what}: {status} {body}");
        assert!(body.trim().len() > 10, "{what}: no message");
        assert!(!server.count().is_empty(), "serving after {what}");
    };
    let bad = server.query("SELECT ?s WHERE { ?s ?p }", "*/*");
    check(bad.status_code, bad.as_str().unwrap(), "bad SPARQL");
    let unknown = server.get(&format!("/sparql?format=yaml&query={}", encode(SELECT)), "*/*");
    check(unknown.status_code, unknown.as_str().unwrap(), "unknown format");
    let service = server.query(
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "*/*",
    );
    check(service.status_code, service.as_str().unwrap(), "SERVICE");
    let huge = format!("SELECT * WHERE {{ ?s ?p ?o }} # {}", "x".repeat(10 * 1024 * 1024));
    let too_long = server.post("/sparql", "application/sparql-query", huge);
    check(too_long.status_code, too_long.as_str().unwrap(), "10 MB query");
    assert_eq!(too_long.status_code, 413);
    let (status, body) =
        server.raw("GET /sparql?query=SELECT%20%FF%FE HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    check(status, &body, "invalid UTF-8");
    let (status, body) =
        server.raw("GET /id/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    check(status, &body, "path traversal");
    assert!(!body.contains("root:"), "{body}");
    let (status, body) =
        server.raw("GET /id/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    check(status, &body, "encoded path traversal");
    let (status, body) = server.raw("BREW /pot HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    check(status, &body, "unknown method");
    let search = server.get(
        &format!("/?q={}", encode("<script>alert(1)</script>")),
        "text/html",
    );
    assert_eq!(search.status_code, 200);
    let search = search.as_str().unwrap();
    assert!(
        !search.contains("<script>alert") && search.contains("&lt;script&gt;"),
        "escaped"
    );
    let missing = server.get("/id/no-such-entity", "text/html");
    check(missing.status_code, missing.as_str().unwrap(), "unknown entity");
    assert_eq!(missing.status_code, 404);
}

#[test]
fn saved_queries_are_endpoints_with_parameters() {
    let env = Env::built();
    let server = Server::start(&env, &[]);
    let csv = server.get("/queries/actor-profile?actor=Taliban&format=csv", "*/*");
    assert_eq!(csv.status_code, 200, "{}", csv.as_str().unwrap_or_default());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert!(reader.records().count() > 5, "the Taliban's profile has rows");
    let json = server.get(
        "/queries/actor-profile?actor=id:taliban",
        "application/sparql-results+json",
    );
    assert!(!json_rows(json.as_str().unwrap()).is_empty());
    let unknown = server.get("/queries/actor-profile?actor=Taliban&acter=x", "*/*");
    assert_eq!(unknown.status_code, 400);
    assert!(unknown.as_str().unwrap().contains("acter"));
    let missing = server.get("/queries/actor-profile?format=json", "*/*");
    assert_eq!(missing.status_code, 400);
    assert!(missing.as_str().unwrap().contains("actor"));
    assert_eq!(server.get("/queries/no-such-query", "*/*").status_code, 404);
    let page = server.get("/queries/actor-profile?actor=Taliban", "text/html");
    let page = page.as_str().unwrap();
    assert!(
        page.contains("<form") && page.contains("<table"),
        "form and table"
    );
}

/// The `href`s of a page, unescaped.
fn links(page: &str) -> Vec<String> {
    page.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(|l| l.replace("&amp;", "&"))
        .collect()
}

#[test]
fn entities_are_linked_data_and_pages_link_only_to_resolvable_pages() {
    let env = Env::built();
    let server = Server::start(&env, &[]);
    let turtle = server.get("/id/taliban", "text/turtle");
    assert_eq!(turtle.status_code, 200);
    assert!(turtle.header("content-type").unwrap().starts_with("text/turtle"));
    assert!(triples(turtle.as_bytes(), RdfFormat::Turtle) > 10);
    assert!(
        turtle.as_str().unwrap().contains("bkg:attestedBy"),
        "its attestations"
    );

    // Any spelling finds the entity.
    for spelling in ["Rahmon", "rakhmon"] {
        let page = server.get(&format!("/?q={spelling}"), "text/html");
        assert!(
            page.as_str().unwrap().contains("href=\"/id/emomali-rahmon\""),
            "search {spelling}"
        );
    }

    let event = server.query(
        "SELECT ?e WHERE { ?e a bkg:DroneStrike ; bkg:attestedBy ?a } LIMIT 1",
        "application/sparql-results+json",
    );
    let event = json_rows(event.as_str().unwrap())[0]["e"].replace("https://w3id.org/borderkg", "");
    let start = [
        "/".to_owned(),
        "/id/taliban".to_owned(),
        event,
        "/report".to_owned(),
        "/queries".to_owned(),
        "/queries/actor-profile?actor=Taliban".to_owned(),
        "/editor".to_owned(),
    ];
    let mut checked = BTreeSet::new();
    for page in &start {
        let response = server.get(page, "text/html");
        assert_eq!(response.status_code, 200, "{page}");
        let body = response.as_str().unwrap();
        assert!(body.contains("name=\"viewport\""), "{page} has a viewport");
        for link in links(body) {
            if !link.starts_with('/') || link.starts_with("//") || !checked.insert(link.clone()) {
                continue;
            }
            let status = server.get(&link, "text/html").status_code;
            assert!(status < 400, "{page} links to {link}, which answers {status}");
        }
    }
    assert!(checked.len() > 20, "only {} links", checked.len());
}

#[test]
fn a_rebuild_while_serving_is_picked_up_by_the_next_request() {
    let env = Env::built();
    let server = Server::start(&env, &[]);
    let search = "/?q=Zanzibarian";
    assert!(!server
        .get(search, "text/html")
        .as_str()
        .unwrap()
        .contains("/id/taliban\""));
    let before = server.count();
    let (ontology, data) = common::project_copy(&env);
    let article = data.join("articles").join("000.ttl");
    let mut text = std::fs::read_to_string(&article).expect("reads");
    text.push_str("\nid:taliban skos:altLabel \"Zanzibarian test alias\"@en .\n");
    std::fs::write(&article, text).expect("writes");
    let built = common::build_from(&env, &ontology, &data, &[]);
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    assert_ne!(server.count(), before, "the new generation is read");
    assert!(server
        .get(search, "text/html")
        .as_str()
        .unwrap()
        .contains("/id/taliban\""));
}

/// The colour a page gives `class`: in its badges and in the legends of its drawing.
fn colours_of(page: &str, class: &str) -> BTreeSet<String> {
    let badge = page
        .split("<span class=\"badge\" style=\"background:")
        .skip(1)
        .filter(|rest| {
            rest.split('<')
                .next()
                .is_some_and(|b| b.ends_with(&format!(">{class}")))
        })
        .filter_map(|rest| rest.split('"').next());
    let legend = page
        .split("<li><span style=\"background:")
        .skip(1)
        .filter(|rest| {
            rest.split("</li>")
                .next()
                .is_some_and(|l| l.ends_with(&format!("</span>{class}")))
        })
        .filter_map(|rest| rest.split('"').next());
    badge.chain(legend).map(str::to_owned).collect()
}

#[test]
fn a_class_has_one_colour_on_every_page_and_drawing() {
    let env = Env::built();
    let server = Server::start(&env, &[]);
    let mut seen = BTreeSet::new();
    for page in [
        "/",
        "/id/taliban",
        "/id/tajikistan",
        "/report",
        "/report?actor=Taliban",
    ] {
        let body = server.get(page, "text/html");
        let colours = colours_of(body.as_str().unwrap(), "ArmedGroup");
        assert!(!colours.is_empty(), "{page} shows ArmedGroup in a colour");
        seen.extend(colours);
    }
    assert_eq!(seen.len(), 1, "ArmedGroup in {seen:?}");
}

#[test]
fn a_public_address_needs_allow_remote() {
    let env = Env::built();
    let err = env.fails(&["serve", "--bind", "0.0.0.0:0"]);
    assert!(err.contains("--allow-remote"), "{err}");
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let env = Env::built();
    let mut server = Server::start(&env, &[]);
    assert_eq!(server.query("ASK { ?s ?p ?o }", "*/*").status_code, 200);
    let pid = server.child.id().to_string();
    let killed = Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let status = server.child.wait().expect("exits");
    assert!(status.success(), "{status:?}");
    let mut rest = String::new();
    server.stdout.read_to_string(&mut rest).expect("reads");
    assert!(rest.contains("stopped on SIGTERM"), "{rest}");
}

#[test]
fn event_page_showed_a_date_without_a_year_as_its_xsd_form() {
    let env = Env::built();
    let server = Server::start(&env, &[]);
    let page = server.get("/id/event/khatlon-drone-strike-on-shohin-sm-camp", "text/html");
    let page = page.as_str().expect("utf8");
    assert!(page.contains("on November 26 [26 November]"), "{page}");
    assert!(!page.contains("--11-26"), "{page}");
}
