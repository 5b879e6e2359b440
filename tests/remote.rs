//! The read commands against real remote triple stores (an Oxigraph server and Virtuoso, started
//! on loopback by the tests) give the embedded store's answers; push is all-or-nothing, survives a
//! killed server on a re-run, and says clearly when credentials are wrong or the endpoint is away.

#![allow(
    clippy::expect_used,
    clippy::print_stderr,
    reason = "tests fail loudly and say which answers differ as expected"
)]

mod common;

use std::time::{Duration, Instant};

use common::servers::{self, Server};
use common::Env;

const GRAPH: &str = "https://example.org/borderkg/test";

/// Saved queries that Virtuoso 7.2 answers wrongly, with what was seen; the test checks that they
/// still differ, so that a query rewritten to work there is taken off this list. None is left:
/// - casualties, chinese-nationals and disputed came off it when the saved queries stopped walking
///   `rdfs:subClassOf*` at query time and read the derived `bkg:kindOf` closure instead: Virtuoso
///   evaluates such paths wrongly inside OPTIONAL, UNION and FILTER NOT EXISTS;
/// - multi-source-events joined its sub-selects on a text holding a `·`: Virtuoso joined wrongly on
///   it, and gave back a non-ASCII character the query writes as `?`. It joins on a key of article
///   and claimant and writes ASCII;
/// - actor-profile built a fact's period from `OPTIONAL` values: Virtuoso evaluated the expression
///   (`BOUND`, `CONCAT`, a `BIND` inside the `OPTIONAL`, a sub-select's projection) as if the
///   value were there and empty, writing `from  until ` for every fact. The period is now made
///   in a grouped sub-select that has a row only for facts with a period.
const VIRTUOSO_DIFFERS: &[(&str, &str)] = &[];

/// The saved queries, each with the parameters it needs.
fn saved_queries() -> Vec<Vec<String>> {
    let mut names: Vec<String> = std::fs::read_dir(common::root().join("queries"))
        .expect("queries/")
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "rq").then(|| path.file_stem()?.to_str().map(str::to_owned))?
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let mut args = vec!["query".to_owned(), name.clone(), "--format".into(), "csv".into()];
            if name == "actor-profile" {
                args.extend(["--param".into(), "actor=Taliban".into()]);
            }
            args
        })
        .collect()
}

fn with_remote(env: &Env, server: &Server, graph: &str, args: &[String]) -> std::process::Output {
    with_flags(env, server, &server.flags(graph), args)
}

/// Runs `args` with the remote `flags` and `server`'s credentials.
fn with_flags(env: &Env, server: &Server, flags: &[String], args: &[String]) -> std::process::Output {
    let mut cmd = env.cmd();
    cmd.args(flags).args(args);
    if let Some((user, password)) = server.credentials {
        cmd.env("BORDERKG_ENDPOINT_USER", user)
            .env("BORDERKG_ENDPOINT_PASSWORD", password);
    }
    cmd.output().expect("runs")
}

fn text(out: &std::process::Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("utf8")
}

/// Pushes the built store with `method` into `graph`, asserting success.
fn push(env: &Env, server: &Server, graph: &str, method: &str) -> String {
    let args: Vec<String> = ["push", "--method", method]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    text(
        &with_remote(env, server, graph, &args),
        &format!("push --method {method}"),
    )
}

/// Two JSON documents equal, numbers to 1e-12.
fn json_equal(a: &serde_json::Value, b: &serde_json::Value, at: &str) {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (x.as_f64().unwrap_or(f64::NAN), y.as_f64().unwrap_or(f64::NAN));
            assert!((x - y).abs() <= 1e-12, "{at}: {x} against {y}");
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{at}: lengths differ");
            for (i, (x, y)) in x.iter().zip(y).enumerate() {
                json_equal(x, y, &format!("{at}[{i}]"));
            }
        }
        (Value::Object(x), Value::Object(y)) => {
            assert_eq!(
                x.keys().collect::<Vec<_>>(),
                y.keys().collect::<Vec<_>>(),
                "{at}: keys differ"
            );
            for (k, v) in x {
                json_equal(v, &y[k], &format!("{at}.{k}"));
            }
        }
        _ => assert_eq!(a, b, "{at}"),
    }
}

/// A CSV answer as rows of cells, each cell the sorted words it holds: SPARQL leaves the order of
/// GROUP_CONCAT's parts to the engine (Virtuoso sorts them, Oxigraph keeps the order it met them),
/// and rows ordered by such a cell follow it.
fn as_sets(csv: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = csv::Reader::from_reader(csv.as_bytes())
        .records()
        .map(|r| {
            r.expect("csv")
                .iter()
                .map(|cell| {
                    let mut words: Vec<&str> = cell
                        .split(|c: char| c.is_whitespace() || c == ';' || c == '/')
                        .filter(|w| !w.is_empty())
                        .collect();
                    words.sort_unstable();
                    words.join(" ")
                })
                .collect()
        })
        .collect();
    rows.sort();
    rows
}

/// Every read on `server` against the embedded store: saved-query answers compared as [`as_sets`]
/// (even two Oxigraph stores holding the same triples concatenate in different orders), the
/// queries in `differs` checked to still differ, and `why`, `path`, `export`, `graph` and the
/// report's measures (to 1e-12) compared whole.
fn reads_match(env: &Env, server: &Server, differs: &[(&str, &str)]) {
    for args in saved_queries() {
        let name = args[1].as_str();
        let here = env.ok(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let out = with_remote(env, server, GRAPH, &args);
        if let Some((_, why)) = differs.iter().find(|(n, _)| *n == name) {
            let there = String::from_utf8_lossy(&out.stdout).into_owned();
            assert!(
                !out.status.success() || as_sets(&here) != as_sets(&there),
                "{name} now answers the same on {}: take it off the list of queries that differ ({why})",
                server.base
            );
            eprintln!("{name}: differs on {} as expected ({why})", server.base);
            continue;
        }
        let there = text(&out, &format!("query {name} on {}", server.base));
        assert_eq!(
            as_sets(&here),
            as_sets(&there),
            "query {name} differs on {}",
            server.base
        );
    }
    for args in [
        &["why", "Taliban", "harbours", "TTP"][..],
        &["path", "ISKP", "China", "-k", "3"],
        &["export", "--format", "nt"],
        &["graph", "--format", "gexf"],
    ] {
        let here = env.ok(args);
        let args: Vec<String> = args.iter().map(|s| (*s).to_owned()).collect();
        let there = text(&with_remote(env, server, GRAPH, &args), &args.join(" "));
        assert_eq!(here, there, "{} differs on {}", args.join(" "), server.base);
    }
    exports_whole_past_the_row_limit(env, server);
    let args: Vec<String> = ["report", "--format", "json"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let here: serde_json::Value =
        serde_json::from_str(&env.ok(&["report", "--format", "json"])).expect("json");
    let there: serde_json::Value =
        serde_json::from_str(&text(&with_remote(env, server, GRAPH, &args), "report")).expect("json");
    json_equal(&here, &there, "report");
}

/// `export --order store` streams the graph from the server and gives the embedded store's triples,
/// also past the server's row limit (the test Virtuoso cuts answers at 1,000 rows: its Graph Store
/// GET was cut there too, without a word, and the download read 1,001 triples of 8,158).
fn exports_whole_past_the_row_limit(env: &Env, server: &Server) {
    let sorted = |text: &str| {
        let mut lines: Vec<&str> = text.lines().collect();
        lines.sort_unstable();
        lines.join("\n")
    };
    let here = env.ok(&["export", "--format", "nt"]);
    assert!(
        !here.contains("_:"),
        "the comparison of lines assumes no blank nodes"
    );
    let args: Vec<String> = ["export", "--format", "nt", "--order", "store"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let out = with_flags(env, server, &server.flags(GRAPH), &args);
    let there = text(&out, &format!("export --order store on {}", server.base));
    assert_eq!(
        sorted(&there),
        sorted(&here),
        "streamed export on {}",
        server.base
    );
}

/// Without --graph, `export` reads the server's default graph, which on Virtuoso is the union of
/// all its graphs. Called once the graph was pushed twice, into two named graphs, so that each
/// triple is held twice there: the export is whole and holds every triple pushed. (Virtuoso 7.2
/// sends such a triple as often as its plain count counts it; a server that sends it once is
/// checked against the count of distinct triples.)
fn exports_the_default_graph(env: &Env, server: &Server) {
    let flags: Vec<String> = server.flags(GRAPH);
    let at = flags.iter().position(|f| f == "--graph").expect("--graph");
    let without_graph: Vec<String> = [&flags[..at], &flags[at + 2..]].concat();
    let here = env.ok(&["export", "--format", "nt"]);
    for order in ["store", "sorted"] {
        let args = ["export", "--format", "nt", "--order", order].map(str::to_owned);
        let there = text(
            &with_flags(env, server, &without_graph, &args),
            &format!("export --order {order} of the default graph of {}", server.base),
        );
        // The Oxigraph server's default graph is a graph of its own, empty here.
        if there.lines().count() > 0 {
            let lines: std::collections::HashSet<&str> = there.lines().collect();
            assert!(
                here.lines().all(|l| lines.contains(l)),
                "the union default graph of {} lacks triples pushed into it",
                server.base
            );
        }
    }
}

fn triple_count(env: &Env) -> usize {
    env.ok(&["export", "--format", "nt"]).lines().count()
}

/// `borderkg serve`, on the embedded store or (with remote flags) on a remote one.
struct Serve {
    child: std::process::Child,
    url: String,
    /// Kept open: a closed pipe would fail the server's next line of output.
    _stdout: std::io::BufReader<std::process::ChildStdout>,
}

impl Serve {
    fn start(env: &Env, server: Option<(&Server, &str)>) -> Self {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_borderkg"));
        cmd.current_dir(common::root())
            .env_remove("BORDERKG_STORE")
            .env_remove("BORDERKG_SOURCES")
            .env_remove("BORDERKG_ENDPOINT")
            .arg("--store")
            .arg(env.store());
        if let Some((server, graph)) = server {
            cmd.args(server.flags(graph));
            if let Some((user, password)) = server.credentials {
                cmd.env("BORDERKG_ENDPOINT_USER", user)
                    .env("BORDERKG_ENDPOINT_PASSWORD", password);
            }
        }
        cmd.args(["serve", "--bind", "127.0.0.1:0"]);
        let (child, url, stdout) = common::start_serving(&mut cmd);
        Self {
            child,
            url,
            _stdout: stdout,
        }
    }

    fn get(&self, path: &str, accept: &str) -> (u16, String) {
        let response = minreq::get(format!("{}{path}", self.url))
            .with_header("Accept", accept)
            .with_timeout(120)
            .send()
            .expect("answers");
        (response.status_code, response.as_str().expect("utf-8").to_owned())
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `serve --endpoint` (pages, linked data and the SPARQL endpoint) answers as `serve` on the
/// embedded store holding the same graph.
fn serves_as_the_embedded_store(env: &Env, server: &Server) {
    let local = Serve::start(env, None);
    let remote = Serve::start(env, Some((server, GRAPH)));
    let event = "SELECT ?e WHERE { ?e a bkg:DroneStrike ; bkg:attestedBy ?a } ORDER BY ?e LIMIT 1";
    let (status, event) = local.get(
        &format!("/sparql?query={}", percent(event)),
        "application/sparql-results+json",
    );
    assert_eq!(status, 200, "{event}");
    let event = common::json_rows(&event)[0]["e"].replace("https://w3id.org/borderkg", "");
    let pages = [
        ("/", "text/html"),
        ("/id/taliban", "text/html"),
        ("/id/taliban", "application/n-triples"),
        ("/id/ttp", "text/html"),
        (event.as_str(), "text/html"),
        (event.as_str(), "application/n-triples"),
        ("/id/no-such-thing", "text/html"),
        ("/report", "text/html"),
        ("/queries/who-attacked", "text/csv"),
        ("/queries/actor-profile?actor=Taliban", "text/csv"),
        ("/queries", "text/html"),
    ];
    for (path, accept) in pages {
        let (status, mut here) = local.get(path, accept);
        let (status_there, mut there) = remote.get(path, accept);
        assert_eq!(status_there, status, "{path} as {accept}: {there}");
        if accept == "application/n-triples" {
            let sorted = |text: &str| {
                let mut lines: Vec<&str> = text.lines().collect();
                lines.sort_unstable();
                lines.join("\n")
            };
            (here, there) = (sorted(&here), sorted(&there));
        }
        if accept == "text/csv" {
            // The order of GROUP_CONCAT's parts is the engine's choice (see `as_sets`).
            assert_eq!(
                as_sets(&here),
                as_sets(&there),
                "{path} differs on {}",
                server.query
            );
            continue;
        }
        assert_eq!(here, there, "{path} as {accept} differs on {}", server.query);
    }
    // The endpoint refuses updates there as here.
    let (status, _) = remote.get(
        &format!("/sparql?update={}", percent("DROP ALL")),
        "application/sparql-results+json",
    );
    assert!(
        status >= 400,
        "an update through serve --endpoint answers {status}"
    );
}

fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A graph larger than `--part` goes as a PUT and then POSTs, and arrives whole: the endpoint
/// counts every triple and exports what the embedded store exports.
fn pushes_in_parts(env: &Env, server: &Server) {
    let graph = format!("{GRAPH}/in-parts");
    let count = triple_count(env);
    let args: Vec<String> = ["push", "--method", "gsp", "--part", "1000"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let said = text(&with_remote(env, server, &graph, &args), "push --part 1000");
    assert!(
        said.contains(&format!(
            "in {} parts of up to 1000 triples",
            count.div_ceil(1000)
        )) && said.contains(&format!("the endpoint counts {count}")),
        "{said}"
    );
    let args: Vec<String> = ["export", "--format", "nt"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    assert_eq!(
        text(&with_remote(env, server, &graph, &args), "export"),
        env.ok(&["export", "--format", "nt"])
    );
}

#[test]
fn oxigraph_server_answers_every_read_as_the_embedded_store() {
    let Some(server) = servers::oxigraph() else { return };
    let env = Env::built();
    let said = push(&env, &server, GRAPH, "gsp");
    assert!(said.contains("Graph Store Protocol PUT"), "{said}");
    assert!(
        said.contains(&format!("the endpoint counts {}", triple_count(&env))),
        "{said}"
    );
    reads_match(&env, &server, &[]);
    serves_as_the_embedded_store(&env, &server);
    pushes_in_parts(&env, &server);
    // The same graph sent by SPARQL Update into another graph reads back the same.
    let other = format!("{GRAPH}/by-update");
    let said = push(&env, &server, &other, "update");
    assert!(said.contains("INSERT DATA"), "{said}");
    exports_the_default_graph(&env, &server);
    let args: Vec<String> = ["export", "--format", "nt"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    assert_eq!(
        text(&with_remote(&env, &server, &other, &args), "export"),
        env.ok(&["export", "--format", "nt"])
    );
}

#[test]
fn virtuoso_answers_every_read_as_the_embedded_store() {
    let Some(server) = servers::virtuoso() else { return };
    let env = Env::built();
    let said = push(&env, &server, GRAPH, "gsp");
    assert!(
        said.contains(&format!("the endpoint counts {}", triple_count(&env))),
        "{said}"
    );
    reads_match(&env, &server, VIRTUOSO_DIFFERS);
    serves_as_the_embedded_store(&env, &server);
    pushes_in_parts(&env, &server);
    // Virtuoso refuses INSERT DATA requests whose SQL passes 10,000 lines: the push halves them.
    let other = format!("{GRAPH}/by-update");
    let said = push(&env, &server, &other, "update");
    assert!(said.contains("reduced from 10000"), "{said}");
    exports_the_default_graph(&env, &server);
    // Credentials that are wrong, or missing where the endpoint wants them, are a clear 401.
    let args: Vec<String> = ["push"].iter().map(|s| (*s).to_owned()).collect();
    let out = env
        .cmd()
        .args(server.flags(GRAPH))
        .args(&args)
        .env("BORDERKG_ENDPOINT_USER", "borderkg")
        .env("BORDERKG_ENDPOINT_PASSWORD", "not-the-password")
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("401 Unauthorized") && err.contains("credentials were refused"),
        "{err}"
    );
    let out = env
        .cmd()
        .args(server.flags(GRAPH))
        .args(&args)
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("401") && err.contains("BORDERKG_ENDPOINT_USER"),
        "{err}"
    );
}

#[test]
fn a_push_cut_off_by_a_killed_server_says_so_and_a_rerun_completes() {
    let Some(mut server) = servers::oxigraph() else {
        return;
    };
    let env = Env::built();
    // One triple per request: thousands of requests, so the push is still going when the server
    // dies as soon as the first triples have arrived.
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_borderkg"));
    cmd.current_dir(common::root())
        .env_remove("BORDERKG_ENDPOINT")
        .arg("--store")
        .arg(env.store())
        .args(server.flags(GRAPH))
        .args(["push", "--method", "update", "--chunk", "1", "--retries", "1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let child = cmd.spawn().expect("push starts");
    let count = format!(
        "{}?query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20%7BGRAPH%20%3F%67%20%7B%3Fs%20%3Fp%20%3Fo%7D%7D",
        server.query
    );
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(30) {
        let arrived = minreq::get(&count)
            .with_header("Accept", "text/csv")
            .send()
            .ok()
            .and_then(|r| {
                r.as_str()
                    .ok()
                    .map(|t| t.lines().nth(1).unwrap_or("0").trim().to_owned())
            })
            .is_some_and(|n| n != "0");
        if arrived {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    server.kill();
    let out = child.wait_with_output().expect("push ends");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "the push should fail when the server dies: {err}"
    );
    assert!(
        err.contains("the push stopped after") && err.contains("run the same push again"),
        "{err}"
    );
    server.restart();
    let said = push(&env, &server, GRAPH, "update");
    assert!(
        said.contains(&format!("the endpoint counts {}", triple_count(&env))),
        "{said}"
    );
}

#[test]
fn an_unreachable_or_silent_endpoint_is_a_clear_error_in_good_time() {
    let env = Env::built();
    // Nothing listens: refused at once.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("port")
        .port();
    let url = format!("http://127.0.0.1:{port}/sparql");
    let err = env.fails(&["--endpoint", &url, "--connect-timeout", "2", "query", "borders"]);
    assert!(err.contains("cannot reach") && err.contains(&url), "{err}");
    // A server that takes the connection and never answers: the idle timeout ends the wait.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("listener");
    let url = format!("http://{}/sparql", silent.local_addr().expect("address"));
    let started = Instant::now();
    let err = env.fails(&["--endpoint", &url, "--idle-timeout", "2", "report"]);
    assert!(
        err.contains("stopped answering") && err.contains("--idle-timeout"),
        "{err}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn commands_that_write_the_embedded_store_refuse_an_endpoint() {
    let env = Env::new();
    let err = env.fails(&["--endpoint", "http://127.0.0.1:9/sparql", "build"]);
    assert!(err.contains("borderkg push"), "{err}");
    let err = Env::built().fails(&["--endpoint", "http://127.0.0.1:9/sparql", "push"]);
    assert!(err.contains("--graph"), "{err}");
}
