//! Runs a SPARQL query on the store with parameters bound as RDF terms (substituted into the parsed
//! query, never pasted into its text) and a time limit.

use std::sync::mpsc;
use std::time::{Duration, Instant};

use oxigraph::model::{GraphName, Term, Triple};
use oxigraph::sparql::{
    CancellationToken, PreparedSparqlQuery, QueryEvaluationError, QueryResults, Variable,
};
use oxigraph::store::Store;

use spargebra::SparqlParser;

use super::bind::bind;
use crate::error::{Error, Result};
use crate::vocab::PREFIXES;

/// The materialised answer of a query.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// SELECT: the variables and one row per solution.
    Solutions {
        /// Projected variables, in order.
        variables: Vec<Variable>,
        /// Rows, one value (or none) per variable.
        rows: Vec<Vec<Option<Term>>>,
    },
    /// ASK.
    Boolean(bool),
    /// CONSTRUCT or DESCRIBE.
    Graph(Vec<Triple>),
}

/// How far one query may go before it is stopped. A stopped query is an error, never a result.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Limits {
    /// Wall-clock time for evaluating and collecting the answer.
    pub timeout: Option<Duration>,
    /// Most rows (or triples) an answer may have.
    pub max_rows: Option<usize>,
    /// Most resident memory of the whole process, in bytes, while the query runs.
    pub max_memory: Option<u64>,
}

/// Which graphs a query reads as its default graph.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Scope {
    /// Every graph of the store: curated data, ontology, derived triples and imports (how every
    /// reader sees the knowledge graph).
    #[default]
    Union,
    /// Only these graphs.
    Graphs(Vec<GraphName>),
}

impl Limits {
    fn any(&self) -> bool {
        self.timeout.is_some() || self.max_memory.is_some()
    }
}

/// Parses `text` (named `origin` in errors), binds `bindings`, and runs it within `limits`.
///
/// With a time or memory limit the query runs on a worker thread watched from this one: when a limit
/// is passed the query is cancelled and this returns at once with the error, whether or not the
/// evaluator notices the cancellation (an `ORDER BY` or a cartesian product may not); the worker is
/// left to end with the process.
///
/// # Errors
/// [`Error::SparqlSyntax`] with the position in `text`, [`Error::Timeout`],
/// [`Error::MemoryLimit`], [`Error::RowLimit`], or an evaluation error.
pub fn run(
    kb: &dyn Kb,
    origin: &str,
    text: &str,
    bindings: Vec<(Variable, Term)>,
    limits: Limits,
) -> Result<Answer> {
    kb.answer(origin, text, bindings, limits, &Scope::Union)
}

/// A SPARQL parser that knows the project's prefixes: the one every query and rule is read with.
///
/// # Errors
/// [`Error::Parameter`] if a built-in prefix is not a valid IRI (a programming error).
pub fn parser() -> Result<SparqlParser> {
    PREFIXES
        .iter()
        .try_fold(SparqlParser::new(), |p, (prefix, ns)| p.with_prefix(*prefix, *ns))
        .map_err(|e| Error::Parameter(format!("bad built-in prefix: {e}")))
}

/// A SPARQL evaluator that knows the project's prefixes.
pub fn evaluator() -> oxigraph::sparql::SparqlEvaluator {
    PREFIXES
        .iter()
        .fold(oxigraph::sparql::SparqlEvaluator::new(), |e, (prefix, ns)| {
            e.with_prefix(*prefix, *ns)
                .unwrap_or_else(|_| oxigraph::sparql::SparqlEvaluator::new())
        })
}

/// As [`run`], reading the graphs of `scope` as the default graph.
///
/// # Errors
/// As [`run`].
pub fn run_in(
    kb: &dyn Kb,
    origin: &str,
    text: &str,
    bindings: Vec<(Variable, Term)>,
    limits: Limits,
    scope: &Scope,
) -> Result<Answer> {
    kb.answer(origin, text, bindings, limits, scope)
}

/// The read port: what every reader (`query`, `why`, `path`, `report`, `graph`, the server) needs
/// from a knowledge graph, whichever store holds it. Readers take `&dyn Kb`, never a concrete store;
/// the embedded Oxigraph store implements it here.
pub trait Kb: Sync {
    /// Parses `text` (named `origin` in errors), binds `bindings`, and runs it within `limits`,
    /// reading the graphs of `scope` as the default graph.
    ///
    /// # Errors
    /// As [`run`].
    fn answer(
        &self,
        origin: &str,
        text: &str,
        bindings: Vec<(Variable, Term)>,
        limits: Limits,
        scope: &Scope,
    ) -> Result<Answer>;

    /// Runs the SELECT query `text` (named `origin` in errors) over all graphs, without limits,
    /// and gives `each` every solution in turn (its values in the order of `variables`), so that a
    /// large answer is never held whole where the store can stream it. A store that cannot stream
    /// answers through [`Kb::answer`].
    ///
    /// # Errors
    /// As [`run`], or the first error `each` returns.
    fn each_solution(
        &self,
        origin: &str,
        text: &str,
        each: &mut dyn FnMut(&Solution<'_>) -> Result<()>,
    ) -> Result<()> {
        if let Answer::Solutions { variables, rows } =
            self.answer(origin, text, Vec::new(), Limits::default(), &Scope::Union)?
        {
            for values in rows {
                each(&Solution {
                    variables: &variables,
                    values,
                })?;
            }
        }
        Ok(())
    }

    /// Every triple of the knowledge graph (all its graphs as one), deduplicated and sorted as
    /// [`crate::export::sort_triples`] sorts them: what `export` writes and `push` sends.
    ///
    /// # Errors
    /// A storage or transport error.
    fn triples(&self) -> Result<Vec<Triple>>;

    /// The embedded store behind this port, when there is one: readers that walk a few nodes'
    /// quads read its indexes directly instead of asking SPARQL.
    fn as_store(&self) -> Option<&Store> {
        None
    }
}

impl Kb for Store {
    fn answer(
        &self,
        origin: &str,
        text: &str,
        bindings: Vec<(Variable, Term)>,
        limits: Limits,
        scope: &Scope,
    ) -> Result<Answer> {
        answer_on_store(self, origin, text, bindings, limits, scope)
    }

    fn each_solution(
        &self,
        origin: &str,
        text: &str,
        each: &mut dyn FnMut(&Solution<'_>) -> Result<()>,
    ) -> Result<()> {
        let query = prepare(origin, text, &[])?;
        let prepared = scoped(evaluator().for_query(query), &Scope::Union);
        if let QueryResults::Solutions(solutions) = prepared.on_store(self).execute()? {
            let variables = solutions.variables().to_vec();
            for solution in solutions {
                let solution = solution?;
                each(&Solution {
                    values: variables.iter().map(|v| solution.get(v).cloned()).collect(),
                    variables: &variables,
                })?;
            }
        }
        Ok(())
    }

    fn triples(&self) -> Result<Vec<Triple>> {
        let mut triples = Vec::new();
        for quad in self.quads_for_pattern(None, None, None, None) {
            let quad = quad?;
            triples.push(Triple::new(quad.subject, quad.predicate, quad.object));
        }
        crate::export::sort_triples(&mut triples);
        triples.dedup();
        Ok(triples)
    }

    fn as_store(&self) -> Option<&Store> {
        Some(self)
    }
}

/// Queries already parsed, by their text: each query the program runs is parsed once per process
/// (up to [`PARSED_MAX`] texts, so that a server answering ad-hoc queries does not grow without
/// bound; texts longer than [`PARSED_MAX_TEXT`] are not kept).
static PARSED: std::sync::LazyLock<std::sync::Mutex<std::collections::HashMap<String, spargebra::Query>>> =
    std::sync::LazyLock::new(Default::default);
const PARSED_MAX: usize = 1024;

/// The longest text kept parsed. Saved queries are a few kilobytes; the readers' batched queries,
/// each listing hundreds of IRIs, run once, and keeping a thousand of them held over 100 MB.
const PARSED_MAX_TEXT: usize = 16 * 1024;

/// `text` parsed as a read-only query, from [`PARSED`] when it was parsed before.
fn parsed(origin: &str, text: &str) -> Result<spargebra::Query> {
    if let Some(query) = PARSED.lock().ok().and_then(|cache| cache.get(text).cloned()) {
        return Ok(query);
    }
    let parser = parser()?;
    super::depth::check_nesting(origin, text)?;
    let query = match parser.clone().parse_query(text) {
        Ok(parsed) => parsed,
        Err(_) if parser.parse_update(text).is_ok() => {
            return Err(Error::Parameter(format!(
                "{origin} is a SPARQL update; queries here are read-only and never change the store \
                 (the store is written only by `borderkg build`)"
            )))
        }
        Err(e) => return Err(Error::sparql_syntax(origin, text, &e)),
    };
    if let Ok(mut cache) = PARSED.lock() {
        if cache.len() < PARSED_MAX && text.len() <= PARSED_MAX_TEXT {
            cache.insert(text.to_owned(), query.clone());
        }
    }
    Ok(query)
}

/// Checks `text` (named `origin` in errors) and parses it as a read-only query with `bindings` bound
/// into its algebra: what every store runs, embedded or remote.
///
/// # Errors
/// [`Error::SparqlSyntax`] with the position in `text`, [`Error::Parameter`] for an update or a
/// binding of a variable the query does not have.
pub fn prepare(origin: &str, text: &str, bindings: &[(Variable, Term)]) -> Result<spargebra::Query> {
    let parsed = parsed(origin, text)?;
    if bindings.is_empty() {
        return Ok(parsed);
    }
    let variables = variables_of(text);
    for (variable, _) in bindings {
        if !variables.iter().any(|v| v == variable.as_str()) {
            return Err(Error::Parameter(format!(
                "--param {}: {origin} has no variable ?{}; its variables are {}",
                variable.as_str(),
                variable.as_str(),
                variables
                    .iter()
                    .map(|v| format!("?{v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
    }
    bind(parsed, bindings)
}

fn answer_on_store(
    store: &Store,
    origin: &str,
    text: &str,
    bindings: Vec<(Variable, Term)>,
    limits: Limits,
    scope: &Scope,
) -> Result<Answer> {
    let token = CancellationToken::new();
    let query = prepare(origin, text, &bindings)?;
    if !limits.any() {
        let prepared = scoped(evaluator().for_query(query), scope);
        return collect(prepared.on_store(store).execute(), limits.max_rows);
    }
    let (tx, rx) = mpsc::channel();
    let worker_store = store.clone();
    let worker_token = token.clone();
    let scope = scope.clone();
    let worker = std::thread::Builder::new()
        .name("query".into())
        .spawn(move || {
            let prepared = scoped(
                evaluator().with_cancellation_token(worker_token).for_query(query),
                &scope,
            );
            let answer = collect(prepared.on_store(&worker_store).execute(), limits.max_rows);
            drop(worker_store);
            let _ = tx.send(answer);
        })
        .map_err(|e| Error::io("query worker thread", e))?;
    let started = Instant::now();
    // Stops the query: cancels it and gives the worker a moment to notice and let go of the store,
    // so that the process does not end with the worker still inside the storage engine.
    let stop = |error: Error| {
        token.cancel();
        let _ = rx.recv_timeout(STOP_GRACE);
        Err(error)
    };
    loop {
        match rx.recv_timeout(WATCH_INTERVAL) {
            Ok(answer) => {
                let _ = worker.join();
                return match answer {
                    _ if token.is_cancelled() => Err(Error::Timeout(started.elapsed())),
                    Err(Error::Evaluation(QueryEvaluationError::Cancelled)) => {
                        Err(Error::Timeout(started.elapsed()))
                    }
                    other => other,
                };
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                let _ = worker.join();
                return Err(Error::Parameter(format!(
                    "{origin}: the query worker stopped without an answer"
                )));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
        if let Some(limit) = limits.timeout {
            if started.elapsed() >= limit {
                return stop(Error::Timeout(started.elapsed()));
            }
        }
        if let (Some(limit), Some(used)) = (limits.max_memory, resident_memory()) {
            if used > limit {
                return stop(Error::MemoryLimit { used, limit });
            }
        }
    }
}

/// The names of the variables (`?x` or `$x`) a query's text mentions outside strings, IRIs and
/// comments, in order of first use.
fn variables_of(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut chars = text.chars().peekable();
    let mut in_string: Option<char> = None;
    while let Some(c) = chars.next() {
        match (in_string, c) {
            (Some(q), '\\') if q != '>' => {
                chars.next();
            }
            (Some(q), c) if c == q => in_string = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => in_string = Some(c),
            (None, '<') if chars.peek().is_some_and(|n| !n.is_whitespace() && *n != '=') => {
                in_string = Some('>')
            }
            (None, '#') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        break;
                    }
                }
            }
            (None, '?' | '$') => {
                let mut name = String::new();
                while let Some(&n) = chars.peek() {
                    if n.is_alphanumeric() || n == '_' {
                        name.push(n);
                        chars.next();
                    } else {
                        break;
                    }
                }
                if !name.is_empty() && !out.contains(&name) {
                    out.push(name);
                }
            }
            _ => {}
        }
    }
    out
}

/// Sets the default graph of `prepared` to `scope`.
pub fn scoped(mut prepared: PreparedSparqlQuery, scope: &Scope) -> PreparedSparqlQuery {
    match scope {
        Scope::Union => prepared.dataset_mut().set_default_graph_as_union(),
        Scope::Graphs(graphs) => prepared.dataset_mut().set_default_graph(graphs.clone()),
    }
    prepared
}

/// How long a stopped query's worker is given to notice the cancellation.
const STOP_GRACE: Duration = Duration::from_secs(3);

/// How often the watcher looks at the clock and the memory.
const WATCH_INTERVAL: Duration = Duration::from_millis(50);

/// The resident memory of this process in bytes, where the system tells it (Linux).
fn resident_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    kb.checked_mul(1024)
}

/// A solution as a map from variable name to value.
pub type Row = std::collections::BTreeMap<String, Term>;

/// One solution of a streamed answer (see [`Kb::each_solution`]).
#[derive(Debug)]
pub struct Solution<'a> {
    /// The projected variables, in order.
    pub variables: &'a [Variable],
    /// One value (or none) per variable.
    pub values: Vec<Option<Term>>,
}

/// The value of a variable in a row of an answer, however the row is held.
pub trait Cells {
    /// The value bound to `var`, if any.
    fn cell(&self, var: &str) -> Option<&Term>;
}

impl Cells for Row {
    fn cell(&self, var: &str) -> Option<&Term> {
        self.get(var)
    }
}

impl Cells for &dyn Cells {
    fn cell(&self, var: &str) -> Option<&Term> {
        (**self).cell(var)
    }
}

impl Cells for Solution<'_> {
    fn cell(&self, var: &str) -> Option<&Term> {
        let i = self.variables.iter().position(|v| v.as_str() == var)?;
        self.values.get(i)?.as_ref()
    }
}

/// Runs a SELECT query given as text (named `origin` in errors) with `bindings` and returns its rows.
///
/// # Errors
/// As [`run`]; a query that is not a SELECT gives no rows.
pub fn select(kb: &dyn Kb, origin: &str, text: &str, bindings: &[(&str, Term)]) -> Result<Vec<Row>> {
    select_in(kb, origin, text, bindings, &Scope::Union)
}

/// As [`select`], reading the graphs of `scope` as the default graph.
///
/// # Errors
/// As [`run`].
pub fn select_in(
    kb: &dyn Kb,
    origin: &str,
    text: &str,
    bindings: &[(&str, Term)],
    scope: &Scope,
) -> Result<Vec<Row>> {
    select_within(kb, origin, text, bindings, Limits::default(), scope)
}

/// As [`select_in`], within `limits` (a reader that serves others, such as a page of the server).
///
/// # Errors
/// As [`run`].
pub fn select_within(
    kb: &dyn Kb,
    origin: &str,
    text: &str,
    bindings: &[(&str, Term)],
    limits: Limits,
    scope: &Scope,
) -> Result<Vec<Row>> {
    let bindings = bindings
        .iter()
        .map(|(name, term)| (Variable::new_unchecked(*name), term.clone()))
        .collect();
    let Answer::Solutions { variables, rows } = run_in(kb, origin, text, bindings, limits, scope)? else {
        return Ok(Vec::new());
    };
    Ok(rows
        .into_iter()
        .map(|row| {
            variables
                .iter()
                .zip(row)
                .filter_map(|(v, t)| t.map(|t| (v.as_str().to_owned(), t)))
                .collect()
        })
        .collect())
}

fn collect(
    results: Result<QueryResults<'_>, QueryEvaluationError>,
    max_rows: Option<usize>,
) -> Result<Answer> {
    let check = |n: usize| match max_rows {
        Some(limit) if n > limit => Err(Error::RowLimit(limit)),
        _ => Ok(()),
    };
    Ok(match results? {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows = Vec::new();
            for solution in solutions {
                let solution = solution?;
                rows.push(variables.iter().map(|v| solution.get(v).cloned()).collect());
                check(rows.len())?;
            }
            Answer::Solutions { variables, rows }
        }
        QueryResults::Boolean(b) => Answer::Boolean(b),
        QueryResults::Graph(triples) => {
            let mut out = Vec::new();
            for triple in triples {
                out.push(triple?);
                check(out.len())?;
            }
            out.sort_by_cached_key(ToString::to_string);
            out.dedup();
            Answer::Graph(out)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{Literal, NamedNode, Quad};

    fn store() -> Store {
        let store = Store::new().expect("memory store");
        let ex = |s: &str| NamedNode::new_unchecked(format!("http://e/{s}"));
        store
            .insert(&Quad::new(
                ex("a"),
                ex("p"),
                Literal::from("x\" } ; DROP ALL"),
                oxigraph::model::GraphName::DefaultGraph,
            ))
            .expect("insert");
        store
    }

    #[test]
    fn a_query_text_is_parsed_once_and_bound_afresh_each_time() {
        let text = "SELECT ?s WHERE { ?s ?p ?v } # parsed once";
        let v = Variable::new_unchecked("v");
        let first = prepare("t", text, &[(v.clone(), Literal::from("a").into())]).expect("first");
        let second = prepare("t", text, &[(v, Literal::from("b").into())]).expect("second");
        assert_ne!(
            first, second,
            "the bindings of the first run stuck to the cached query"
        );
        assert!(PARSED.lock().expect("cache").contains_key(text));
        let broken = "SELECT ?s WHERE { ?s ?p }";
        assert!(prepare("t", broken, &[]).is_err());
        assert!(
            prepare("t", broken, &[]).is_err(),
            "an error is not cached as a query"
        );
    }

    #[test]
    fn parameters_are_bound_as_terms_not_text() {
        let store = store();
        let value: Term = Literal::from("x\" } ; DROP ALL").into();
        let answer = run(
            &store,
            "t",
            "SELECT ?s WHERE { ?s ?p ?v }",
            vec![(Variable::new_unchecked("v"), value)],
            Limits::default(),
        )
        .expect("runs");
        let Answer::Solutions { rows, .. } = answer else {
            panic!("select");
        };
        assert_eq!(rows.len(), 1);
    }

    #[test]
    fn variables_are_read_outside_strings_iris_and_comments() {
        let text = "# ?not\nSELECT ?a WHERE { ?a <http://e/x?y> \"?b\" . FILTER(?a < 3) $c }";
        assert_eq!(variables_of(text), ["a", "c"]);
    }

    #[test]
    fn a_parameter_the_query_does_not_use_is_an_error() {
        let err = run(
            &store(),
            "q",
            "SELECT ?s WHERE { ?s ?p ?o }",
            vec![(Variable::new_unchecked("acter"), Literal::from("x").into())],
            Limits::default(),
        )
        .expect_err("unknown variable");
        assert!(err.to_string().contains("no variable ?acter"), "{err}");
    }

    #[test]
    fn syntax_error_has_position() {
        let err = run(
            &store(),
            "q.rq",
            "SELECT ?s WHERE {\n  ?s ?p \n}",
            Vec::new(),
            Limits::default(),
        )
        .expect_err("bad");
        let Error::SparqlSyntax { position, .. } = err else {
            panic!("wrong error {err}");
        };
        assert_eq!(position.line, 3);
    }
}
