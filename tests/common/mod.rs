//! Helpers shared by the integration tests: the real binary, a fresh store per test, and the
//! project's own ontology, data and queries.
#![allow(dead_code, reason = "each test crate uses a different part of these helpers")]
#![allow(
    clippy::expect_used,
    clippy::print_stderr,
    reason = "test helpers fail the test on setup errors and say why a check is skipped"
)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use tempfile::TempDir;

pub mod servers;

/// Starts `borderkg serve` as `cmd` describes (with `--bind 127.0.0.1:0`) and reads the address
/// from its first line: the child, `http://127.0.0.1:PORT`, and the rest of its output.
pub fn start_serving(
    cmd: &mut std::process::Command,
) -> (
    std::process::Child,
    String,
    std::io::BufReader<std::process::ChildStdout>,
) {
    use std::io::BufRead;
    cmd.stdout(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("serve starts");
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("reads the start-up line");
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no URL in `{line}`"))
        .trim_end_matches('/')
        .to_owned();
    (child, url, stdout)
}

/// The project root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The folder of the source articles, from `BORDERKG_SOURCES`. Tests that need the articles call
/// this; outside CI they are skipped when it is unset, in CI (`CI` set) they fail.
pub fn sources() -> Option<PathBuf> {
    match std::env::var_os("BORDERKG_SOURCES").map(PathBuf::from) {
        Some(dir) if dir.is_dir() => Some(dir),
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "BORDERKG_SOURCES must point at the article files in CI"
            );
            eprintln!("BORDERKG_SOURCES not set: skipping the checks that read the articles");
            None
        }
    }
}

/// Says that a check is skipped because `what` is missing; in CI (`CI` set) fails instead.
pub fn skip(what: &str) {
    assert!(std::env::var_os("CI").is_none(), "{what} must be available in CI");
    eprintln!("{what} is missing: skipping this check");
}

/// A temporary working folder with a store path inside.
pub struct Env {
    pub dir: TempDir,
}

impl Env {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    /// `borderkg --store <tmp>/store` run from the project root, with no inherited store or sources.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_borderkg"));
        cmd.current_dir(root())
            .env_remove("BORDERKG_STORE")
            .env_remove("BORDERKG_SOURCES")
            .env_remove("BORDERKG_ENDPOINT")
            .env_remove("BORDERKG_GRAPH")
            .env_remove("BORDERKG_ENDPOINT_USER")
            .env_remove("BORDERKG_ENDPOINT_PASSWORD")
            .env_remove("BORDERKG_ENDPOINT_TOKEN")
            .arg("--store")
            .arg(self.store());
        cmd
    }

    /// Builds the project's knowledge graph into this env's store.
    pub fn built() -> Self {
        let env = Self::new();
        env.cmd().arg("build").assert().success();
        env
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("runs")
    }

    /// Runs and returns stdout, asserting success.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "borderkg {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf8")
    }

    /// Runs and returns stderr, asserting failure.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "borderkg {args:?} should fail");
        String::from_utf8(out.stderr).expect("utf8")
    }
}

/// Copies a folder tree.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}

/// Parses the JSON results of a SELECT into rows of variable → lexical value.
pub fn json_rows(json: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let v: serde_json::Value = serde_json::from_str(json).expect("json results");
    v["results"]["bindings"]
        .as_array()
        .expect("bindings")
        .iter()
        .map(|b| {
            b.as_object()
                .expect("binding")
                .iter()
                .map(|(k, v)| (k.clone(), v["value"].as_str().unwrap_or_default().to_owned()))
                .collect()
        })
        .collect()
}

/// The number of triples in the env's store, as the query prints it.
pub fn triple_count(env: &Env) -> String {
    let out = env.ok(&[
        "query",
        "--sparql",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        "-f",
        "csv",
    ]);
    out.lines().nth(1).expect("count row").to_owned()
}

/// A copy of the project's ontology and data in the env, to change on purpose.
pub fn project_copy(env: &Env) -> (PathBuf, PathBuf) {
    let ontology = env.dir.path().join("ontology");
    let data = env.dir.path().join("data");
    copy_tree(&root().join("ontology"), &ontology);
    copy_tree(&root().join("data"), &data);
    (ontology, data)
}

/// `build` from the given ontology and data folders, with `extra` flags.
pub fn build_from(env: &Env, ontology: &Path, data: &Path, extra: &[&str]) -> Output {
    env.cmd()
        .arg("build")
        .arg("--ontology")
        .arg(ontology)
        .arg("--data")
        .arg(data)
        .args(extra)
        .output()
        .expect("runs")
}
