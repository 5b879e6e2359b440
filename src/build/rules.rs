//! Applies the ontology's rules (SPARQL `INSERT … WHERE` updates in `ontology/rules/`) until they
//! derive nothing new, materialising the facts and actor-network edges that queries read as plain
//! triples.
//!
//! Rules read every graph of the store (curated data, ontology, imports, what rules derived) and
//! write into the derived graph, so that an import can be re-derived by clearing that one graph.
//! Each rule is run as the `CONSTRUCT` form of its insert, and the new triples are added in Rust:
//! so a rule can only add (a `DELETE` is refused when the rules are read), each rule's own delta is
//! known exactly, a rule that would describe a skolemised blank node is caught on the triple that
//! does it, and a runaway rule is stopped by a bound on what one run may construct. After the first
//! round, a rule runs again only when the previous round added triples with a predicate (or, for
//! `rdf:type`, a class) that its pattern reads, so a round costs what the new triples need.

use std::collections::HashSet;

use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode, Quad, Term, Triple};
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use spargebra::algebra::{GraphPattern, PropertyPathExpression};
use spargebra::term::{GraphNamePattern, NamedNodePattern, TermPattern, TriplePattern};
use spargebra::{GraphUpdateOperation, Query};

use crate::error::{Error, Result};
use crate::ingest::RuleFile;
use crate::vocab::{DERIVED_GRAPH, GENID};

const DERIVED_BY: &str = "https://w3id.org/borderkg/ontology#derivedBy";

/// How many rounds the rules may take before the build gives up on reaching a fixpoint.
const MAX_ROUNDS: usize = 10;

/// Most triples one run of one rule may construct, per asserted triple of the store (plus a floor):
/// far above what any sensible rule derives, far below a cartesian product.
const MAX_CONSTRUCTED_PER_TRIPLE: usize = 20;
const MIN_CONSTRUCTED_BOUND: usize = 1_000_000;

/// Above this many new triples a rule's output goes through the bulk loader, below it one transaction.
const BULK_THRESHOLD: usize = 100_000;

/// Triples each rule added, over all rounds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RuleStat {
    /// The rule's file name.
    pub rule: String,
    /// Triples added.
    pub added: usize,
}

/// A rule ready to run.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Its file.
    pub file: RuleFile,
    /// The `CONSTRUCT` queries equivalent to its inserts.
    constructs: Vec<Query>,
    /// IRIs its patterns read as predicates or as classes of `rdf:type`; `None` when a pattern reads
    /// any predicate.
    reads: Option<HashSet<NamedNode>>,
}

/// Parses every rule up front, so that a syntax error or a rule that deletes stops the build before
/// any work.
///
/// # Errors
/// [`Error::Io`], [`Error::SparqlSyntax`] naming the rule file, line and column, or [`Error::Rule`]
/// for a rule that is not an `INSERT … WHERE`.
pub fn parse_rules(rules: &[RuleFile]) -> Result<Vec<Rule>> {
    let parser = crate::query::parser()?;
    rules
        .iter()
        .map(|file| {
            let text = file.resource.text()?;
            let origin = file.path.display().to_string();
            crate::query::depth::check_nesting(&origin, &text)?;
            let update = parser
                .clone()
                .parse_update(&text)
                .map_err(|e| Error::sparql_syntax(&origin, &text, &e))?;
            let refuse = |message: &str| Error::Rule {
                path: file.path.clone(),
                message: message.to_owned(),
            };
            let mut constructs = Vec::new();
            let mut reads = Some(HashSet::new());
            for operation in update.operations {
                let GraphUpdateOperation::DeleteInsert {
                    delete,
                    insert,
                    using: None,
                    pattern,
                } = operation
                else {
                    return Err(refuse(
                        "a rule must be one INSERT { … } WHERE { … }: rules only add triples, never delete, load or clear",
                    ));
                };
                if !delete.is_empty() {
                    return Err(refuse("a rule may only insert: DELETE would remove asserted data"));
                }
                let template = insert
                    .into_iter()
                    .map(|q| match q.graph_name {
                        GraphNamePattern::DefaultGraph => Ok(TriplePattern {
                            subject: q.subject,
                            predicate: q.predicate,
                            object: q.object,
                        }),
                        _ => Err(refuse("a rule inserts into the default graph only (no GRAPH in the template)")),
                    })
                    .collect::<Result<Vec<_>>>()?;
                check_derived_by(&template, &file.name).map_err(|m| refuse(&m))?;
                collect_reads(&pattern, &mut reads);
                constructs.push(Query::Construct {
                    template,
                    dataset: None,
                    pattern: *pattern,
                    base_iri: None,
                });
            }
            Ok(Rule {
                file: file.clone(),
                constructs,
                reads,
            })
        })
        .collect()
}

/// A rule that names itself with `bkg:derivedBy "…"` must give its own file name, so that `why`
/// never points at a rule that was renamed.
fn check_derived_by(template: &[TriplePattern], file_name: &str) -> std::result::Result<(), String> {
    for triple in template {
        if let (NamedNodePattern::NamedNode(p), TermPattern::Literal(named)) =
            (&triple.predicate, &triple.object)
        {
            if p.as_str() == DERIVED_BY && named.value() != file_name {
                return Err(format!(
                    "bkg:derivedBy names \"{}\" but the rule's file is {file_name}: make them the same",
                    named.value()
                ));
            }
        }
    }
    Ok(())
}

/// Adds the predicates (and `rdf:type` objects) that `pattern` reads to `reads`; sets it to `None`
/// when a predicate is a variable.
fn collect_reads(pattern: &GraphPattern, reads: &mut Option<HashSet<NamedNode>>) {
    let add_triple = |t: &TriplePattern, reads: &mut Option<HashSet<NamedNode>>| match &t.predicate {
        NamedNodePattern::NamedNode(p) => {
            if let Some(set) = reads.as_mut() {
                set.insert(p.clone());
                if p.as_str() == crate::vocab::rdf::TYPE.as_str() {
                    if let TermPattern::NamedNode(class) = &t.object {
                        set.insert(class.clone());
                    }
                }
            }
        }
        NamedNodePattern::Variable(_) => *reads = None,
    };
    match pattern {
        GraphPattern::Bgp { patterns } => patterns.iter().for_each(|t| add_triple(t, reads)),
        GraphPattern::Path { path, .. } => collect_path(path, reads),
        GraphPattern::Join { left, right }
        | GraphPattern::Lateral { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right } => {
            collect_reads(left, reads);
            collect_reads(right, reads);
        }
        GraphPattern::LeftJoin { left, right, .. } => {
            collect_reads(left, reads);
            collect_reads(right, reads);
        }
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. }
        | GraphPattern::Service { inner, .. } => collect_reads(inner, reads),
        GraphPattern::Values { .. } => {}
    }
    // FILTER (NOT) EXISTS patterns are inside expressions: count every IRI they mention as read.
    if let (
        GraphPattern::Filter { expr, .. }
        | GraphPattern::LeftJoin {
            expression: Some(expr),
            ..
        },
        Some(set),
    ) = (pattern, reads.as_mut())
    {
        let text = expr.to_string();
        for iri in text.split('<').skip(1).filter_map(|s| s.split('>').next()) {
            if let Ok(n) = NamedNode::new(iri) {
                set.insert(n);
            }
        }
    }
}

fn collect_path(path: &PropertyPathExpression, reads: &mut Option<HashSet<NamedNode>>) {
    match path {
        PropertyPathExpression::NamedNode(p) => {
            if let Some(set) = reads.as_mut() {
                set.insert(p.clone());
            }
        }
        PropertyPathExpression::Reverse(p)
        | PropertyPathExpression::ZeroOrMore(p)
        | PropertyPathExpression::OneOrMore(p)
        | PropertyPathExpression::ZeroOrOne(p) => collect_path(p, reads),
        PropertyPathExpression::Sequence(a, b) | PropertyPathExpression::Alternative(a, b) => {
            collect_path(a, reads);
            collect_path(b, reads);
        }
        PropertyPathExpression::NegatedPropertySet(_) => *reads = None,
    }
}

/// The IRIs a set of new triples can trigger rules with: their predicates, and the classes given to
/// nodes by `rdf:type`.
fn touched(triples: &[Triple], into: &mut HashSet<NamedNode>) {
    for t in triples {
        into.insert(t.predicate.clone());
        if t.predicate.as_ref() == crate::vocab::rdf::TYPE {
            if let Term::NamedNode(class) = &t.object {
                into.insert(class.clone());
            }
        }
    }
}

/// Runs the rules, round after round, until a round adds nothing. Round one runs every rule; later
/// rounds run only the rules that read what the previous round added.
///
/// # Errors
/// [`Error::Rule`] naming the rule that failed, that described a skolemised node, that constructed
/// too much in one run, or that kept adding triples after [`MAX_ROUNDS`] rounds.
pub fn apply(store: &Store, rules: &[Rule]) -> Result<Vec<RuleStat>> {
    let mut stats: Vec<RuleStat> = rules
        .iter()
        .map(|r| RuleStat {
            rule: r.file.name.clone(),
            added: 0,
        })
        .collect();
    let bound = store
        .len()?
        .saturating_mul(MAX_CONSTRUCTED_PER_TRIPLE)
        .max(MIN_CONSTRUCTED_BOUND);
    let mut last_round: Option<HashSet<NamedNode>> = None;
    let mut grew = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let mut added_now = HashSet::new();
        grew.clear();
        for (rule, stat) in rules.iter().zip(&mut stats) {
            let triggered = match (&last_round, &rule.reads) {
                (None, _) | (Some(_), None) => true,
                (Some(new), Some(reads)) => !reads.is_disjoint(new),
            };
            if !triggered {
                continue;
            }
            let added = run_rule(store, rule, bound)?;
            if !added.is_empty() {
                stat.added += added.len();
                touched(&added, &mut added_now);
                grew.push(rule.file.path.display().to_string());
            }
        }
        if added_now.is_empty() {
            return Ok(stats);
        }
        last_round = Some(added_now);
    }
    Err(Error::Rule {
        path: rules.first().map(|r| r.file.path.clone()).unwrap_or_default(),
        message: format!(
            "the rules still add triples after {MAX_ROUNDS} rounds: {} kept adding in the last round; such a \
             rule probably mints new nodes on every run",
            grew.join(", ")
        ),
    })
}

/// Runs one rule and adds what it constructs that is new; returns the added triples.
fn run_rule(store: &Store, rule: &Rule, bound: usize) -> Result<Vec<Triple>> {
    let fail = |message: String| Error::Rule {
        path: rule.file.path.clone(),
        message,
    };
    let mut new = Vec::new();
    let mut seen = HashSet::new();
    for query in &rule.constructs {
        let results = crate::query::scoped(
            crate::query::evaluator().for_query(query.clone()),
            &crate::query::Scope::Union,
        )
        .on_store(store)
        .execute()
        .map_err(|e| fail(e.to_string()))?;
        let QueryResults::Graph(triples) = results else {
            continue;
        };
        let mut constructed = 0usize;
        for triple in triples {
            let triple = triple.map_err(|e| fail(e.to_string()))?;
            constructed += 1;
            if constructed > bound {
                return Err(fail(format!(
                    "one run constructed more than {bound} triples; the rule's pattern probably joins unrelated parts (a cartesian product)"
                )));
            }
            let known = store
                .quads_for_pattern(
                    Some(triple.subject.as_ref()),
                    Some(triple.predicate.as_ref()),
                    Some(triple.object.as_ref()),
                    None,
                )
                .next()
                .transpose()?
                .is_some();
            if known || !seen.insert(triple.clone()) {
                continue;
            }
            if matches!(&triple.subject, NamedOrBlankNode::NamedNode(n) if n.as_str().starts_with(GENID)) {
                return Err(fail(format!(
                    "the rule adds a triple about {}, a node written as a blank node in the data; such nodes are named \
                     from their content, so derived triples must hang off IRIs (give the node an IRI in the data, or \
                     derive the triple on its parent)",
                    triple.subject
                )));
            }
            new.push(triple);
        }
    }
    let derived = GraphName::NamedNode(DERIVED_GRAPH.into_owned());
    let quads = new.iter().map(|t| {
        Quad::new(
            t.subject.clone(),
            t.predicate.clone(),
            t.object.clone(),
            derived.clone(),
        )
    });
    if new.len() > BULK_THRESHOLD {
        let mut loader = store.bulk_loader();
        loader.load_quads(quads)?;
        loader.commit()?;
    } else {
        store.extend(quads)?;
    }
    Ok(new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resources::{Location, Resource};
    use oxigraph::io::RdfFormat;

    fn rule(name: &str, text: &str) -> RuleFile {
        let bytes: &'static [u8] = Box::leak(text.as_bytes().to_vec().into_boxed_slice());
        RuleFile {
            resource: Resource {
                name: format!("ontology/rules/{name}"),
                location: Location::Embedded(bytes),
            },
            path: name.into(),
            name: name.into(),
        }
    }

    fn shipped(name: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("ontology/rules")
            .join(name);
        std::fs::read_to_string(path).expect("shipped rule")
    }

    #[test]
    fn edges_between_actors_with_the_same_local_name_were_merged() {
        let store = Store::new().expect("store");
        store
            .load_from_reader(
                RdfFormat::Turtle,
                r"@prefix bkg: <https://w3id.org/borderkg/ontology#> .
                  <http://e/1> a bkg:Attack ; bkg:agent <http://a.example/ns#ali> ; bkg:target <http://t.example/x> .
                  <http://e/2> a bkg:Attack ; bkg:agent <http://b.example/ali> ; bkg:target <http://t.example/x> .
                  <http://e/3> a bkg:Attack ; bkg:agent <http://b.example/ali> ; bkg:target <http://t.example/x> ."
                    .as_bytes(),
            )
            .expect("data");
        let rules = parse_rules(&[rule("10-attacked.ru", &shipped("10-attacked.ru"))]).expect("parses");
        apply(&store, &rules).expect("applies");
        let edges = crate::query::select(
            &store,
            "test",
            "SELECT ?edge (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?e) AS ?events) WHERE {
               ?edge a bkg:DerivedEdge ; rdf:subject ?s ; bkg:derivedFrom ?e } GROUP BY ?edge ORDER BY ?events",
            &[],
        )
        .expect("query");
        let counts: Vec<(String, String)> = edges
            .iter()
            .map(|r| {
                let value = |v: &str| match r.get(v) {
                    Some(Term::Literal(l)) => l.value().to_owned(),
                    _ => String::new(),
                };
                (value("subjects"), value("events"))
            })
            .collect();
        // Two edges, each with one subject: `a.example/ns#ali` and `b.example/ali` stay apart.
        assert_eq!(counts, [("1".into(), "1".into()), ("1".into(), "2".into())]);
    }

    #[test]
    fn renamed_rule_kept_naming_its_old_file() {
        let text = shipped("10-attacked.ru");
        let err = parse_rules(&[rule("15-renamed.ru", &text)]).expect_err("refused");
        assert!(
            err.to_string().contains("10-attacked.ru") && err.to_string().contains("15-renamed.ru"),
            "{err}"
        );
    }
}
