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

use super::shapes::Closures;
use crate::error::{Error, Result};
use crate::ingest::RuleFile;
use crate::store::BULK_BATCH_QUADS;
use crate::vocab::{DERIVED_GRAPH, GENID};

const DERIVED_BY: &str = "https://w3id.org/borderkg/ontology#derivedBy";

/// How many rounds the rules may take before the build gives up on reaching a fixpoint.
const MAX_ROUNDS: usize = 10;

/// Most triples one run of one rule may construct, per asserted triple of the store (plus a floor):
/// far above what any sensible rule derives, far below a cartesian product.
const MAX_CONSTRUCTED_PER_TRIPLE: usize = 20;
const MIN_CONSTRUCTED_BOUND: usize = 1_000_000;

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
    /// Its inserts: each a `SELECT` of the template's variables, and the template the rows fill.
    inserts: Vec<Insert>,
    /// IRIs its patterns read as predicates or as classes of `rdf:type`; `None` when a pattern reads
    /// any predicate.
    reads: Option<HashSet<NamedNode>>,
    /// Classes whose instances it reads through `a/rdfs:subClassOf*`: a new `rdf:type` triple
    /// triggers it when its class is one of their subclasses.
    type_roots: Vec<NamedNode>,
}

/// One `INSERT { template } WHERE { pattern }` of a rule, run as a `SELECT` of the template's
/// variables whose rows fill the template here: each value is read from the store once per row,
/// where a `CONSTRUCT` would read it again for every template triple that uses it.
#[derive(Debug, Clone)]
struct Insert {
    template: Vec<TriplePattern>,
    select: Query,
}

impl Insert {
    /// Refuses a template with blank nodes: a run would mint new nodes each time, so the rules
    /// would never finish.
    fn new(template: Vec<TriplePattern>, pattern: GraphPattern) -> std::result::Result<Self, String> {
        let mut variables = Vec::new();
        let mut note = |v: &spargebra::term::Variable| {
            if !variables.contains(v) {
                variables.push(v.clone());
            }
        };
        for triple in &template {
            for term in [&triple.subject, &triple.object] {
                match term {
                    TermPattern::Variable(v) => note(v),
                    TermPattern::NamedNode(_) | TermPattern::Literal(_) => {}
                    _ => {
                        return Err(
                            "a rule's template may not hold blank nodes: each run would mint new \
                                    nodes and the rules would never finish; mint an IRI with BIND(IRI(…))"
                                .into(),
                        )
                    }
                }
            }
            if let NamedNodePattern::Variable(v) = &triple.predicate {
                note(v);
            }
        }
        let select = Query::Select {
            dataset: None,
            pattern: GraphPattern::Project {
                inner: Box::new(pattern),
                variables,
            },
            base_iri: None,
        };
        Ok(Self { template, select })
    }

    /// The template's triples for one row, leaving out those with an unbound variable or a value
    /// that cannot stand where it is (a literal as subject), as `CONSTRUCT` does.
    fn fill<'a>(&'a self, row: &'a oxigraph::sparql::QuerySolution) -> impl Iterator<Item = Triple> + 'a {
        self.template.iter().filter_map(move |t| {
            let subject: NamedOrBlankNode = match &t.subject {
                TermPattern::NamedNode(n) => n.clone().into(),
                TermPattern::Variable(v) => match row.get(v)? {
                    Term::NamedNode(n) => n.clone().into(),
                    Term::BlankNode(b) => b.clone().into(),
                    _ => return None,
                },
                _ => return None,
            };
            let predicate = match &t.predicate {
                NamedNodePattern::NamedNode(n) => n.clone(),
                NamedNodePattern::Variable(v) => match row.get(v)? {
                    Term::NamedNode(n) => n.clone(),
                    _ => return None,
                },
            };
            let object: Term = match &t.object {
                TermPattern::NamedNode(n) => n.clone().into(),
                TermPattern::Literal(l) => l.clone().into(),
                TermPattern::Variable(v) => row.get(v)?.clone(),
                _ => return None,
            };
            Some(Triple::new(subject, predicate, object))
        })
    }
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
            let mut inserts = Vec::new();
            let mut reads = Some(HashSet::new());
            let mut type_roots = Vec::new();
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
                match type_reads(&pattern, &pattern) {
                    Some(roots) => type_roots.extend(roots),
                    None => {
                        if let Some(set) = reads.as_mut() {
                            set.insert(crate::vocab::rdf::TYPE.into_owned());
                        }
                    }
                }
                inserts.push(Insert::new(template, *pattern).map_err(|m| refuse(&m))?);
            }
            Ok(Rule {
                file: file.clone(),
                inserts,
                reads,
                type_roots,
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
                // `?x a bkg:Attack` reads the class only: new triples typing nodes with other classes
                // cannot change its matches.
                // A type read through a variable is accounted for by `type_reads`.
                match &t.object {
                    TermPattern::NamedNode(class) if p.as_ref() == crate::vocab::rdf::TYPE => {
                        set.insert(class.clone());
                    }
                    _ if p.as_ref() == crate::vocab::rdf::TYPE => {}
                    _ => {
                        set.insert(p.clone());
                    }
                }
            }
        }
        NamedNodePattern::Variable(_) => *reads = None,
    };
    match pattern {
        GraphPattern::Bgp { patterns } => patterns.iter().for_each(|t| add_triple(t, reads)),
        GraphPattern::Path { path, .. } => collect_path(path, reads),
        _ => children(pattern)
            .into_iter()
            .for_each(|c| collect_reads(c, reads)),
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

/// Whether `path` is `rdfs:subClassOf*`.
fn is_subclass_path(path: &PropertyPathExpression) -> bool {
    matches!(path, PropertyPathExpression::ZeroOrMore(sub)
        if matches!(sub.as_ref(), PropertyPathExpression::NamedNode(s) if s.as_ref() == crate::vocab::rdf::SUB_CLASS_OF))
}

/// The classes whose instances `pattern` reads through an `rdf:type` triple pattern with a
/// variable class (`?e a ?c`, or `?e a/rdfs:subClassOf* bkg:Clash`, which the algebra writes as
/// `?e a ?c . ?c rdfs:subClassOf* bkg:Clash`): the classes that a `VALUES` in `whole` lists for the
/// variable, or that a `rdfs:subClassOf*` path from it reaches. `None` when one such pattern could
/// read any class.
fn type_reads(pattern: &GraphPattern, whole: &GraphPattern) -> Option<Vec<NamedNode>> {
    let mut roots = Vec::new();
    if let GraphPattern::Bgp { patterns } = pattern {
        for t in patterns {
            let is_type = matches!(&t.predicate, NamedNodePattern::NamedNode(p) if p.as_ref() == crate::vocab::rdf::TYPE);
            if is_type && !matches!(t.object, TermPattern::NamedNode(_)) {
                roots.extend(classes_of(&t.object, whole, whole)?);
            }
        }
    }
    for child in children(pattern) {
        roots.extend(type_reads(child, whole)?);
    }
    Some(roots)
}

/// The patterns directly inside `pattern`.
fn children(pattern: &GraphPattern) -> Vec<&GraphPattern> {
    match pattern {
        GraphPattern::Join { left, right }
        | GraphPattern::Lateral { left, right }
        | GraphPattern::Union { left, right }
        | GraphPattern::Minus { left, right }
        | GraphPattern::LeftJoin { left, right, .. } => vec![&**left, &**right],
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Graph { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::OrderBy { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner }
        | GraphPattern::Slice { inner, .. }
        | GraphPattern::Group { inner, .. }
        | GraphPattern::Service { inner, .. } => vec![&**inner],
        GraphPattern::Bgp { .. } | GraphPattern::Path { .. } | GraphPattern::Values { .. } => Vec::new(),
    }
}

/// The classes a class variable is held to in `whole`: by a `VALUES`, or by a `rdfs:subClassOf*`
/// path (found in `pattern`, a part of `whole`) to an IRI or to a variable that a `VALUES` holds.
fn classes_of(class: &TermPattern, pattern: &GraphPattern, whole: &GraphPattern) -> Option<Vec<NamedNode>> {
    if let TermPattern::Variable(v) = class {
        if let Some(listed) = values_of(whole, v) {
            return Some(listed);
        }
    }
    match pattern {
        GraphPattern::Path {
            subject,
            path,
            object,
        } if subject == class && is_subclass_path(path) => match object {
            TermPattern::NamedNode(root) => Some(vec![root.clone()]),
            TermPattern::Variable(v) => values_of(whole, v),
            _ => None,
        },
        GraphPattern::Join { left, right } | GraphPattern::Lateral { left, right } => {
            classes_of(class, left, whole).or_else(|| classes_of(class, right, whole))
        }
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner } => classes_of(class, inner, whole),
        _ => None,
    }
}

/// The IRIs a `VALUES` in `pattern` gives `variable`, when it gives only IRIs.
fn values_of(pattern: &GraphPattern, variable: &spargebra::term::Variable) -> Option<Vec<NamedNode>> {
    match pattern {
        GraphPattern::Values { variables, bindings } => {
            let column = variables.iter().position(|v| v == variable)?;
            bindings
                .iter()
                .map(|row| match row.get(column) {
                    Some(Some(spargebra::term::GroundTerm::NamedNode(n))) => Some(n.clone()),
                    _ => None,
                })
                .collect()
        }
        GraphPattern::Join { left, right }
        | GraphPattern::Lateral { left, right }
        | GraphPattern::LeftJoin { left, right, .. } => {
            values_of(left, variable).or_else(|| values_of(right, variable))
        }
        GraphPattern::Filter { inner, .. }
        | GraphPattern::Extend { inner, .. }
        | GraphPattern::Project { inner, .. }
        | GraphPattern::Distinct { inner }
        | GraphPattern::Reduced { inner } => values_of(inner, variable),
        _ => None,
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

/// The IRIs a set of new triples can trigger rules with: their predicates (`rdf:type` included, for
/// the patterns and paths that read it with any class), and the classes given to nodes by
/// `rdf:type`.
fn touched(t: &Triple, into: &mut HashSet<NamedNode>) {
    if !into.contains(&t.predicate) {
        into.insert(t.predicate.clone());
    }
    if t.predicate.as_ref() == crate::vocab::rdf::TYPE {
        if let Term::NamedNode(class) = &t.object {
            if !into.contains(class) {
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
    let mut subclasses = Closures::default();
    for _ in 0..MAX_ROUNDS {
        let mut added_now = HashSet::new();
        grew.clear();
        for (rule, stat) in rules.iter().zip(&mut stats) {
            let triggered = match (&last_round, &rule.reads) {
                (None, _) | (Some(_), None) => true,
                (Some(new), Some(reads)) => {
                    !reads.is_disjoint(new) || any_under(&mut subclasses, store, &rule.type_roots, new)?
                }
            };
            if !triggered {
                continue;
            }
            let added = run_rule(store, rule, bound)?;
            if added.count > 0 {
                stat.added += added.count;
                added_now.extend(added.touched);
                grew.push(rule.file.path.display().to_string());
            }
        }
        if added_now.is_empty() {
            return Ok(stats);
        }
        if added_now.contains(&crate::vocab::rdf::SUB_CLASS_OF.into_owned()) {
            subclasses = Closures::default();
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

/// Whether one of `classes` is a subclass of (or is) one of `roots`.
fn any_under(
    closures: &mut Closures,
    store: &Store,
    roots: &[NamedNode],
    classes: &HashSet<NamedNode>,
) -> Result<bool> {
    for root in roots {
        if !closures.of(store, root)?.is_disjoint(classes) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// What one run of a rule added.
#[derive(Default)]
struct Added {
    /// Triples added.
    count: usize,
    /// What they can trigger other rules with (see [`touched`]).
    touched: HashSet<NamedNode>,
}

/// Runs one rule and adds what it constructs that is new. The triples go to the store as they
/// come, in bulk-load batches, and only their digests are remembered, so memory does not grow with
/// what the rule derives.
fn run_rule(store: &Store, rule: &Rule, bound: usize) -> Result<Added> {
    let fail = |message: String| Error::Rule {
        path: rule.file.path.clone(),
        message,
    };
    let derived = GraphName::NamedNode(DERIVED_GRAPH.into_owned());
    let mut added = Added::default();
    let mut seen = HashSet::new();
    let mut pending: Vec<Quad> = Vec::new();
    let mut loader = None;
    for insert in &rule.inserts {
        let results = crate::query::scoped(
            crate::query::evaluator().for_query(insert.select.clone()),
            &crate::query::Scope::Union,
        )
        .on_store(store)
        .execute()
        .map_err(|e| fail(e.to_string()))?;
        let QueryResults::Solutions(rows) = results else {
            continue;
        };
        let mut constructed = 0usize;
        for row in rows {
            let row = row.map_err(|e| fail(e.to_string()))?;
            for triple in insert.fill(&row) {
                constructed += 1;
                if constructed > bound {
                    return Err(fail(format!(
                    "one run constructed more than {bound} triples; the rule's pattern probably joins unrelated parts (a cartesian product)"
                )));
                }
                if !seen.insert(crate::build::digest::triple(triple.as_ref())) {
                    continue;
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
                if known {
                    continue;
                }
                if matches!(&triple.subject, NamedOrBlankNode::NamedNode(n) if n.as_str().starts_with(GENID))
                {
                    return Err(fail(format!(
                    "the rule adds a triple about {}, a node written as a blank node in the data; such nodes are named \
                     from their content, so derived triples must hang off IRIs (give the node an IRI in the data, or \
                     derive the triple on its parent)",
                    triple.subject
                )));
                }
                added.count += 1;
                touched(&triple, &mut added.touched);
                pending.push(Quad::new(
                    triple.subject,
                    triple.predicate,
                    triple.object,
                    derived.clone(),
                ));
                if pending.len() >= BULK_BATCH_QUADS {
                    loader
                        .get_or_insert_with(|| crate::store::bulk_loader(store))
                        .load_quads(std::mem::take(&mut pending))?;
                }
            }
        }
    }
    match loader {
        Some(mut loader) => {
            loader.load_quads(pending)?;
            loader.commit()?;
        }
        None => store.extend(pending)?,
    }
    Ok(added)
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
