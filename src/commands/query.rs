//! `borderkg query`: resolves the query (saved name, file or text), binds parameters, runs it and
//! renders the answer.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context};

use crate::cli::QueryArgs;
use crate::error::Error;
use crate::query::{self, render, run as run_query, Limits, SavedQuery};
use crate::resources::{choose_folder, Kind};
use crate::terms::params;

pub fn run(args: &QueryArgs, target: &super::Target<'_>, out: &mut impl Write) -> anyhow::Result<()> {
    let ad_hoc = |origin: &str, text: String| {
        (
            origin.to_owned(),
            SavedQuery {
                name: origin.into(),
                path: origin.into(),
                title: String::new(),
                description: String::new(),
                params: Vec::new(),
                text,
            },
        )
    };
    let (origin, saved) = match (&args.query, &args.sparql) {
        (_, Some(text)) => ad_hoc("--sparql", text.clone()),
        (Some(dash), None) if dash == "-" => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                .context("reading the query from standard input")?;
            ad_hoc("standard input", text)
        }
        (Some(name), None) if name.ends_with(".rq") || Path::new(name).is_file() => {
            let q = SavedQuery::read(Path::new(name))?;
            (name.clone(), q)
        }
        (Some(name), None) => {
            let folder = choose_folder(Kind::Queries, args.queries.as_deref());
            let q = query::find(folder.as_deref(), name)?;
            (q.path.display().to_string(), q)
        }
        (None, None) => bail!("give a saved query name, a .rq file, or --sparql TEXT"),
    };
    let store = target.open()?;
    let mut values = Vec::new();
    for param in &args.params {
        let (name, value) = param.split_once('=').ok_or_else(|| {
            Error::Parameter(format!(
                "--param `{param}`: write it as NAME=VALUE, e.g. --param actor=id:taliban"
            ))
        })?;
        values.push((name.to_owned(), value.to_owned()));
    }
    let bound = params::bind(&saved, &*store, &values, &|name| format!("--param {name}"))?;
    if !bound.missing.is_empty() {
        return Err(
            Error::Parameter(format!("`{}` needs {}", saved.name, bound.missing.join(" and "))).into(),
        );
    }
    let bindings = bound.bindings;
    let limits = Limits {
        timeout: args.timeout.0,
        max_rows: args.max_rows,
        max_memory: args.max_memory.0,
    };
    let answer = run_query(&*store, &origin, &saved.text, bindings, limits)
        .with_context(|| format!("running {origin}"))?;
    render(&answer, args.format, args.width, out)?;
    Ok(())
}
