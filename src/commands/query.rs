//! `borderkg query`: resolves the query (saved name, file or text), binds parameters, runs it and
//! renders the answer.

use std::io::Write;
use std::path::Path;

use anyhow::{bail, Context};
use oxigraph::sparql::Variable;

use crate::cli::QueryArgs;
use crate::error::Error;
use crate::query::{self, render, run as run_query, Limits, SavedQuery};
use crate::resources::{choose_folder, Kind};
use crate::terms::{resolve, TermKind};

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
    let mut bindings = Vec::new();
    let mut given = Vec::new();
    for param in &args.params {
        let (name, value) = param.split_once('=').ok_or_else(|| {
            Error::Parameter(format!(
                "--param `{param}`: write it as NAME=VALUE, e.g. --param actor=id:taliban"
            ))
        })?;
        let name = name.trim().trim_start_matches('?');
        let spec = saved.params.iter().find(|p| p.name == name);
        if spec.is_none() && !saved.params.is_empty() {
            return Err(Error::Parameter(format!(
                "--param {name}: `{}` takes {}",
                saved.name,
                saved
                    .params
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .into());
        }
        let kind = spec.map_or_else(|| guess_kind(value), |s| s.kind);
        let term = resolve(&*store, value, kind, &format!("--param {name}"))?;
        let variable = Variable::new(name).map_err(|e| Error::Parameter(format!("--param {name}: {e}")))?;
        bindings.push((variable, term));
        given.push(name.to_owned());
    }
    let missing: Vec<String> = saved
        .missing(&given)
        .into_iter()
        .map(|p| format!("--param {}=… ({})", p.name, p.description))
        .collect();
    if !missing.is_empty() {
        return Err(Error::Parameter(format!("`{}` needs {}", saved.name, missing.join(" and "))).into());
    }
    let limits = Limits {
        timeout: args.timeout.0,
        max_rows: args.max_rows,
        max_memory: args.max_memory.0,
    };
    let answer = run_query(&*store, &origin, &saved.text, bindings, limits)
        .with_context(|| format!("running {origin}"))?;
    render(&answer, args.format, out)?;
    Ok(())
}

/// Kind of a value given to an ad-hoc query, which declares no parameters.
fn guess_kind(value: &str) -> TermKind {
    if value.parse::<i64>().is_ok() {
        TermKind::Integer
    } else if value.starts_with('"') {
        TermKind::Literal
    } else {
        TermKind::Iri
    }
}
