//! Real triple-store servers on loopback for the remote-store tests: an Oxigraph server and a
//! Virtuoso, each in its own temporary folder, stopped when dropped (also when a test panics).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// A running server.
pub struct Server {
    child: Child,
    /// Its folder (database files, logs).
    pub dir: TempDir,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The SPARQL query endpoint, read without credentials.
    pub query: String,
    /// The SPARQL update endpoint.
    pub update: String,
    /// The Graph Store Protocol endpoint.
    pub gsp: String,
    /// `BORDERKG_ENDPOINT_USER` and `BORDERKG_ENDPOINT_PASSWORD` for update and GSP, if it has them.
    pub credentials: Option<(&'static str, &'static str)>,
    restart: Vec<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Stops the server abruptly (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Starts the server again on the same folder and port.
    pub fn restart(&mut self) {
        self.kill();
        self.child = spawn(&self.restart, self.dir.path());
        assert!(
            wait_until_up(&self.query, Duration::from_secs(60)),
            "the server did not come back"
        );
    }

    /// The remote flags for reading (and pushing to) `graph` on this server.
    pub fn flags(&self, graph: &str) -> Vec<String> {
        [
            "--endpoint",
            &self.query,
            "--update-endpoint",
            &self.update,
            "--gsp-endpoint",
            &self.gsp,
            "--graph",
            graph,
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect()
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

fn spawn(command: &[String], dir: &Path) -> Child {
    Command::new(&command[0])
        .args(&command[1..])
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("server.err")).map_or(Stdio::null(), Stdio::from))
        .spawn()
        .expect("the server starts")
}

/// Whether `url?query=ASK{}` answers 200 before `within` passes.
fn wait_until_up(url: &str, within: Duration) -> bool {
    let started = Instant::now();
    while started.elapsed() < within {
        let answer = minreq::get(format!("{url}?query=ASK%7B%7D"))
            .with_header("Accept", "application/sparql-results+json")
            .with_timeout(2)
            .send();
        if answer.is_ok_and(|r| r.status_code == 200) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    false
}

/// An Oxigraph server (`oxigraph serve`, the PyPI package `oxigraph`), or `None` with the test
/// skipped (failing in CI) when it is not installed.
pub fn oxigraph() -> Option<Server> {
    if !on_path("oxigraph") {
        super::skip("the Oxigraph server (`pip install oxigraph`)");
        return None;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let command: Vec<String> = [
        "oxigraph".to_owned(),
        "serve".into(),
        "--location".into(),
        dir.path().join("db").display().to_string(),
        "--bind".into(),
        format!("127.0.0.1:{port}"),
    ]
    .into();
    let child = spawn(&command, dir.path());
    let server = Server {
        child,
        query: format!("{base}/query"),
        update: format!("{base}/update"),
        gsp: format!("{base}/store"),
        base,
        dir,
        credentials: None,
        restart: command,
    };
    assert!(
        wait_until_up(&server.query, Duration::from_secs(30)),
        "oxigraph serve did not answer: {}",
        std::fs::read_to_string(server.dir.path().join("server.err")).unwrap_or_default()
    );
    Some(server)
}

/// A Virtuoso (`virtuoso-t`, the Debian package `virtuoso-opensource`) configured by
/// `tests/remote/virtuoso.ini` and `virtuoso-setup.sql`, or `None` with the test skipped (failing
/// in CI) when it is not installed.
pub fn virtuoso() -> Option<Server> {
    if !on_path("virtuoso-t") || !on_path("isql-vt") {
        super::skip("Virtuoso (`apt-get install virtuoso-opensource`)");
        return None;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (sql_port, http_port) = (free_port(), free_port());
    let ini = std::fs::read_to_string(super::root().join("tests/remote/virtuoso.ini"))
        .expect("the ini template")
        .replace("@DIR@", &dir.path().display().to_string())
        .replace("@SQL_PORT@", &sql_port.to_string())
        .replace("@HTTP_PORT@", &http_port.to_string());
    let ini_path: PathBuf = dir.path().join("virtuoso.ini");
    std::fs::write(&ini_path, ini).expect("writes the ini");
    let command: Vec<String> = [
        "virtuoso-t".to_owned(),
        "+foreground".into(),
        "+configfile".into(),
        ini_path.display().to_string(),
    ]
    .into();
    let child = spawn(&command, dir.path());
    let base = format!("http://127.0.0.1:{http_port}");
    let server = Server {
        child,
        query: format!("{base}/sparql"),
        update: format!("{base}/sparql-basic"),
        gsp: format!("{base}/sparql-graph-crud-basic"),
        base,
        dir,
        credentials: Some(("borderkg", "borderkg-test")),
        restart: command,
    };
    assert!(
        wait_until_up(&server.query, Duration::from_secs(90)),
        "virtuoso-t did not answer: {}",
        std::fs::read_to_string(server.dir.path().join("virtuoso.log")).unwrap_or_default()
    );
    let setup = Command::new("isql-vt")
        .arg(format!("127.0.0.1:{sql_port}"))
        .args(["dba", "dba"])
        .arg(super::root().join("tests/remote/virtuoso-setup.sql"))
        .output()
        .expect("isql-vt runs");
    assert!(
        setup.status.success() && !String::from_utf8_lossy(&setup.stdout).contains("Error"),
        "the Virtuoso set-up failed: {}{}",
        String::from_utf8_lossy(&setup.stdout),
        String::from_utf8_lossy(&setup.stderr)
    );
    Some(server)
}
