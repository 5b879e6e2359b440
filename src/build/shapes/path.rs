//! SHACL property paths (SHACL §2.3.1) as SPARQL property paths.

use oxigraph::model::{NamedNode, Term};

use super::graph::ShapesGraph;
use crate::error::Result;
use crate::vocab::compact;

const SH: &str = "http://www.w3.org/ns/shacl#";

/// Paths nested deeper than this are refused (a cyclic path description would never end).
const MAX_DEPTH: usize = 32;

/// A SHACL path, ready to put between `?n` and `?v` in a triple pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path {
    /// SPARQL property path syntax.
    pub sparql: String,
    /// The same path written for messages, with prefixed names.
    pub shown: String,
    /// The predicate, when the path is just one (the common case, checked without SPARQL).
    pub predicate: Option<NamedNode>,
}

/// Reads the path described at `node`. `Err(reason)` inside `Ok` when the description is not a
/// SHACL path.
pub fn read(graph: &ShapesGraph<'_>, node: &Term) -> Result<std::result::Result<Path, String>> {
    read_at(graph, node, 0)
}

fn read_at(graph: &ShapesGraph<'_>, node: &Term, depth: usize) -> Result<std::result::Result<Path, String>> {
    if depth > MAX_DEPTH {
        return Ok(Err(format!(
            "the path is nested more than {MAX_DEPTH} levels deep"
        )));
    }
    if matches!(node, Term::Literal(_)) {
        return Ok(Err(format!("{node} is not a path")));
    }
    if graph.is_list(node)? {
        let Some(members) = graph.list(node)? else {
            return Ok(Err("the sequence path is not a well-formed RDF list".into()));
        };
        if members.len() < 2 {
            return Ok(Err("a sequence path needs at least two members".into()));
        }
        return join(graph, &members, "/", depth);
    }
    let mut kinds = Vec::new();
    for (predicate, value) in graph.properties(node)? {
        if let Some(local) = predicate.as_str().strip_prefix(SH) {
            if matches!(
                local,
                "inversePath" | "alternativePath" | "zeroOrMorePath" | "oneOrMorePath" | "zeroOrOnePath"
            ) {
                kinds.push((local.to_owned(), value));
            }
        }
    }
    let (local, value) = match kinds.as_slice() {
        [] => {
            return Ok(match node {
                Term::NamedNode(iri) => Ok(Path {
                    sparql: iri.to_string(),
                    shown: compact(iri.as_str()),
                    predicate: Some(iri.clone()),
                }),
                _ => Err("a blank node path must give sh:inversePath, sh:alternativePath, sh:zeroOrMorePath, sh:oneOrMorePath or sh:zeroOrOnePath, or be a list".into()),
            });
        }
        [one] => one.clone(),
        _ => return Ok(Err("a path node must have exactly one of sh:inversePath, sh:alternativePath, sh:zeroOrMorePath, sh:oneOrMorePath, sh:zeroOrOnePath".into())),
    };
    if local == "alternativePath" {
        let Some(members) = graph.list(&value)? else {
            return Ok(Err("sh:alternativePath needs an RDF list".into()));
        };
        if members.len() < 2 {
            return Ok(Err("sh:alternativePath needs at least two members".into()));
        }
        return join(graph, &members, "|", depth);
    }
    let inner = match read_at(graph, &value, depth + 1)? {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    let (sparql, shown) = match local.as_str() {
        "inversePath" => (format!("^({})", inner.sparql), format!("^({})", inner.shown)),
        "zeroOrMorePath" => (format!("({})*", inner.sparql), format!("({})*", inner.shown)),
        "oneOrMorePath" => (format!("({})+", inner.sparql), format!("({})+", inner.shown)),
        _ => (format!("({})?", inner.sparql), format!("({})?", inner.shown)),
    };
    Ok(Ok(Path {
        sparql,
        shown,
        predicate: None,
    }))
}

fn join(
    graph: &ShapesGraph<'_>,
    members: &[Term],
    operator: &str,
    depth: usize,
) -> Result<std::result::Result<Path, String>> {
    let mut sparql = Vec::new();
    let mut shown = Vec::new();
    for member in members {
        match read_at(graph, member, depth + 1)? {
            Ok(p) => {
                sparql.push(p.sparql);
                shown.push(p.shown);
            }
            Err(e) => return Ok(Err(e)),
        }
    }
    Ok(Ok(Path {
        sparql: format!("({})", sparql.join(operator)),
        shown: format!("({})", shown.join(operator)),
        predicate: None,
    }))
}
