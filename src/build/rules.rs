//! Applies the ontology's rules (SPARQL updates in `ontology/rules/`) until the store stops growing,
//! materialising the facts and actor-network edges that queries read as plain triples.

use oxigraph::sparql::SparqlEvaluator;
use oxigraph::store::Store;

use crate::error::{Error, Result};
use crate::ingest::RuleFile;
use crate::vocab::{GENID, PREFIXES};

/// How many times all rules may run before the build gives up on reaching a fixpoint.
const MAX_ROUNDS: usize = 10;

/// Triples each rule added, over all rounds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleStat {
    /// The rule's file name.
    pub rule: String,
    /// Triples added.
    pub added: usize,
}

/// A SPARQL evaluator that knows the project's prefixes.
pub fn evaluator() -> SparqlEvaluator {
    PREFIXES.iter().fold(SparqlEvaluator::new(), |e, (prefix, ns)| {
        e.with_prefix(*prefix, *ns)
            .unwrap_or_else(|_| SparqlEvaluator::new())
    })
}

/// Parses every rule up front, so that a syntax error in any of them stops the build before work.
///
/// # Errors
/// [`Error::Io`] or [`Error::SparqlSyntax`] naming the rule file, line and column.
pub fn parse_rules(rules: &[RuleFile]) -> Result<Vec<(RuleFile, String)>> {
    rules
        .iter()
        .map(|rule| {
            let text = std::fs::read_to_string(&rule.path).map_err(|e| Error::io(&rule.path, e))?;
            let _validated = evaluator()
                .parse_update(&text)
                .map_err(|e| Error::sparql_syntax(&rule.path.display().to_string(), &text, &e))?;
            Ok((rule.clone(), text))
        })
        .collect()
}

/// Counts triples whose subject is a skolem IRI (a blank node of the data).
fn skolem_subject_triples(store: &Store) -> Result<usize> {
    let rows = crate::query::select(
        store,
        "rule guard",
        &format!("SELECT (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), \"{GENID}\")) }}"),
        &[],
    )?;
    Ok(rows
        .first()
        .and_then(|r| match r.get("n") {
            Some(oxigraph::model::Term::Literal(l)) => l.value().parse().ok(),
            _ => None,
        })
        .unwrap_or(0))
}

/// Runs the rules in order, round after round, until a round adds nothing.
///
/// # Errors
/// [`Error::Rule`] when a rule fails or the rules keep adding triples after [`MAX_ROUNDS`] rounds.
pub fn apply(store: &Store, rules: &[(RuleFile, String)]) -> Result<Vec<RuleStat>> {
    let mut stats: Vec<RuleStat> = rules
        .iter()
        .map(|(r, _)| RuleStat {
            rule: r.name.clone(),
            added: 0,
        })
        .collect();
    for _ in 0..MAX_ROUNDS {
        let mut grew = false;
        for ((rule, text), stat) in rules.iter().zip(&mut stats) {
            let before = store.len()?;
            let skolem_before = skolem_subject_triples(store)?;
            evaluator()
                .parse_update(text)
                .map_err(|e| Error::sparql_syntax(&rule.path.display().to_string(), text, &e))?
                .on_store(store)
                .execute()
                .map_err(|e| Error::Rule {
                    path: rule.path.clone(),
                    message: e.to_string(),
                })?;
            let after = store.len()?;
            if skolem_subject_triples(store)? != skolem_before {
                return Err(Error::Rule {
                    path: rule.path.clone(),
                    message: "the rule adds triples about a node written as a blank node in the data; \
                              such nodes are named from their content, so derived triples must hang off IRIs \
                              (give the node an IRI in the data, or derive the triple on its parent)"
                        .into(),
                });
            }
            if after > before {
                stat.added += after - before;
                grew = true;
            }
        }
        if !grew {
            return Ok(stats);
        }
    }
    Err(Error::Rule {
        path: rules
            .last()
            .map(|(r, _)| r.path.clone())
            .unwrap_or_default(),
        message: format!("the rules still add triples after {MAX_ROUNDS} rounds; a rule probably mints new nodes on every run"),
    })
}
