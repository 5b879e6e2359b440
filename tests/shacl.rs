//! The shape checker's expected results on the SHACL fixtures (tests/fixtures/shacl, checked by the
//! unit tests in src/build/shapes) agree with pySHACL, an independent SHACL validator.
#![allow(clippy::expect_used, reason = "tests fail on unexpected errors")]

mod common;

use std::collections::BTreeMap;
use std::process::Command;

/// Runs pySHACL over the fixtures; `None` (skipped) when it is not installed, a failure in CI.
fn pyshacl_results() -> Option<BTreeMap<String, String>> {
    let folder = common::root().join("tests/fixtures/shacl");
    let script = common::root().join("tests/shacl/pyshacl_results.py");
    let out = Command::new("python3").arg(script).arg(&folder).output();
    match out {
        Ok(out) if out.status.success() => Some(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .filter_map(|l| l.split_once(' '))
                .map(|(f, r)| (f.to_owned(), r.to_owned()))
                .collect(),
        ),
        _ => {
            common::skip("pySHACL (pip install pyshacl)");
            None
        }
    }
}

#[test]
fn shape_checker_expectations_agree_with_pyshacl() {
    let Some(results) = pyshacl_results() else {
        return;
    };
    let folder = common::root().join("tests/fixtures/shacl");
    let mut compared = 0;
    for entry in std::fs::read_dir(folder).expect("fixtures") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).expect("read");
        let expect = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .expect("expectation");
        let wanted = match expect.split_once(' ') {
            Some(("refused", _)) => continue,
            Some(("fails", nodes)) => {
                let mut nodes: Vec<String> = nodes
                    .split_whitespace()
                    .map(|n| format!("http://example.org/{}", n.trim_start_matches("ex:")))
                    .collect();
                nodes.sort();
                nodes.join(" ")
            }
            _ => expect.to_owned(),
        };
        assert_eq!(results.get(&name), Some(&wanted), "{name}: pySHACL disagrees");
        compared += 1;
    }
    assert!(compared >= 20, "only {compared} fixtures compared");
}
