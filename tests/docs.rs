//! Shell completions and the manual page are generated from the argument definitions and name every
//! command.
#![allow(clippy::expect_used, reason = "tests fail on unexpected errors")]

mod common;

use common::Env;

const COMMANDS: &[&str] = &[
    "build",
    "query",
    "queries",
    "export",
    "why",
    "sentences",
    "report",
    "path",
    "graph",
    "import",
    "extract",
    "extract-eval",
    "completions",
    "man",
];

#[test]
fn completions_and_man_page_name_every_command() {
    let env = Env::new();
    for shell in ["bash", "zsh", "fish"] {
        let script = env.ok(&["completions", shell]);
        for command in COMMANDS {
            assert!(script.contains(command), "{shell} completions lack {command}");
        }
    }
    let man = env.ok(&["man"]);
    assert!(man.starts_with(".ie") || man.contains(".TH"), "roff");
    for command in COMMANDS {
        assert!(
            man.contains(&format!("borderkg\\-{command}")) || man.contains(&format!("borderkg-{command}")),
            "man lacks {command}"
        );
    }
}
