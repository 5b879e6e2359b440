//! An entity's description: its own triples with the nodes that hang from it (attestations,
//! casualty figures), the reified statements about it (facts and derived edges with their
//! attestations), and the statements of other nodes that point at it. Read from the embedded
//! store's quads directly, or from a remote store with one small SPARQL query per node.

use std::collections::{BTreeSet, HashSet};

use oxigraph::model::{NamedNode, NamedNodeRef, NamedOrBlankNode, Term, Triple};

use oxigraph::sparql::Variable;

use crate::query::{run, select, Answer, Kb, Limits};
use crate::vocab::{rdf, GENID};

/// How deep the description follows nodes that hang from the entity (its attestations, their
/// figures).
const DEPTH: usize = 3;

const OUTGOING: &str = "SELECT DISTINCT ?p ?o WHERE { ?s ?p ?o }";
const STATEMENTS: &str = "SELECT DISTINCT ?st WHERE {
  { ?st rdf:subject ?e } UNION { ?st rdf:object ?e }
  FILTER(isIRI(?st))
}";
const MENTIONED: &str = "ASK { { ?e ?p ?o } UNION { ?s ?p ?e } }";
const POINTING: &str = "SELECT DISTINCT ?s ?p WHERE { ?s ?p ?e }";

/// The triples that describe `entity`: its own, those of the skolemised nodes it points to (to
/// [`DEPTH`]), and the reified statements (`rdf:subject`/`rdf:object`) about it with theirs.
/// Each triple once, whatever graph it is in, sorted.
///
/// # Errors
/// A storage or transport error.
pub fn entity(kb: &dyn Kb, entity: NamedNodeRef<'_>) -> crate::Result<Vec<Triple>> {
    let mut out = HashSet::new();
    let mut seen = BTreeSet::new();
    follow(kb, entity.into_owned(), 0, &mut out, &mut seen)?;
    for statement in statements_about(kb, entity)? {
        follow(kb, statement, 1, &mut out, &mut seen)?;
    }
    let mut triples: Vec<Triple> = out.into_iter().collect();
    triples.sort_by_cached_key(ToString::to_string);
    Ok(triples)
}

fn follow(
    kb: &dyn Kb,
    node: NamedNode,
    depth: usize,
    out: &mut HashSet<Triple>,
    seen: &mut BTreeSet<NamedNode>,
) -> crate::Result<()> {
    if !seen.insert(node.clone()) {
        return Ok(());
    }
    let mut next = Vec::new();
    for triple in outgoing(kb, &node)? {
        if let Term::NamedNode(object) = &triple.object {
            if object.as_str().starts_with(GENID) && depth < DEPTH {
                next.push(object.clone());
            }
        }
        out.insert(triple);
    }
    for object in next {
        follow(kb, object, depth + 1, out, seen)?;
    }
    Ok(())
}

/// The triples whose subject is `node`, in any graph.
fn outgoing(kb: &dyn Kb, node: &NamedNode) -> crate::Result<Vec<Triple>> {
    if let Some(store) = kb.as_store() {
        return store
            .quads_for_pattern(Some(node.as_ref().into()), None, None, None)
            .map(|quad| Ok(quad.map(|q| Triple::new(q.subject, q.predicate, q.object))?))
            .collect();
    }
    let rows = select(
        kb,
        "an entity's description",
        OUTGOING,
        &[("s", node.clone().into())],
    )?;
    Ok(rows
        .iter()
        .filter_map(|row| match (row.get("p"), row.get("o")) {
            (Some(Term::NamedNode(p)), Some(o)) => Some(Triple::new(node.clone(), p.clone(), o.clone())),
            _ => None,
        })
        .collect())
}

/// The reified statements (named by IRIs) whose subject or object is `entity`.
fn statements_about(kb: &dyn Kb, entity: NamedNodeRef<'_>) -> crate::Result<Vec<NamedNode>> {
    if let Some(store) = kb.as_store() {
        let mut out = Vec::new();
        for predicate in [rdf::SUBJECT, rdf::OBJECT] {
            for quad in store.quads_for_pattern(None, Some(predicate), Some(entity.into()), None) {
                if let NamedOrBlankNode::NamedNode(statement) = quad?.subject {
                    out.push(statement);
                }
            }
        }
        return Ok(out);
    }
    let rows = select(
        kb,
        "an entity's description",
        STATEMENTS,
        &[("e", entity.into_owned().into())],
    )?;
    Ok(rows
        .iter()
        .filter_map(|row| match row.get("st") {
            Some(Term::NamedNode(st)) => Some(st.clone()),
            _ => None,
        })
        .collect())
}

/// Whether the graph mentions `iri` at all (as subject or object, in any graph).
///
/// # Errors
/// A storage or transport error.
pub fn is_known(kb: &dyn Kb, iri: NamedNodeRef<'_>) -> crate::Result<bool> {
    let Some(store) = kb.as_store() else {
        let bindings = vec![(Variable::new_unchecked("e"), iri.into_owned().into())];
        let answer = run(
            kb,
            "whether the graph knows an IRI",
            MENTIONED,
            bindings,
            Limits::default(),
        )?;
        return Ok(answer == Answer::Boolean(true));
    };
    if store
        .quads_for_pattern(Some(iri.into()), None, None, None)
        .next()
        .transpose()?
        .is_some()
    {
        return Ok(true);
    }
    Ok(store
        .quads_for_pattern(None, None, Some(iri.into()), None)
        .next()
        .transpose()?
        .is_some())
}

/// The (subject, predicate) of each statement that points at `iri`, each pair once, at most `max`,
/// sorted. Past `max`, which pairs come is the store's choice.
///
/// # Errors
/// A storage or transport error.
pub fn incoming(
    kb: &dyn Kb,
    iri: NamedNodeRef<'_>,
    max: usize,
) -> crate::Result<Vec<(NamedOrBlankNode, NamedNode)>> {
    let mut out = Vec::new();
    let Some(store) = kb.as_store() else {
        let text = format!("{POINTING} LIMIT {max}");
        for row in select(
            kb,
            "what points at an entity",
            &text,
            &[("e", iri.into_owned().into())],
        )? {
            let subject = match row.get("s") {
                Some(Term::NamedNode(s)) => NamedOrBlankNode::from(s.clone()),
                Some(Term::BlankNode(s)) => NamedOrBlankNode::from(s.clone()),
                _ => continue,
            };
            if let Some(Term::NamedNode(p)) = row.get("p") {
                out.push((subject, p.clone()));
            }
        }
        out.sort_by_cached_key(|(s, p)| (s.to_string(), p.to_string()));
        return Ok(out);
    };
    let mut seen = BTreeSet::new();
    for quad in store.quads_for_pattern(None, None, Some(iri.into()), None) {
        let quad = quad?;
        if !seen.insert((quad.subject.to_string(), quad.predicate.to_string())) {
            continue;
        }
        if out.len() >= max {
            break;
        }
        out.push((quad.subject, quad.predicate));
    }
    out.sort_by_cached_key(|(s, p)| (s.to_string(), p.to_string()));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::{Answer, Scope, Solution};
    use oxigraph::model::{GraphName, Literal, Quad};
    use oxigraph::store::Store;

    /// The embedded store seen only through SPARQL, as a remote store is.
    struct OnlySparql(Store);

    impl Kb for OnlySparql {
        fn answer(
            &self,
            origin: &str,
            text: &str,
            bindings: Vec<(Variable, Term)>,
            limits: Limits,
            scope: &Scope,
        ) -> crate::Result<Answer> {
            self.0.answer(origin, text, bindings, limits, scope)
        }

        fn each_solution(
            &self,
            origin: &str,
            text: &str,
            each: &mut dyn FnMut(&Solution<'_>) -> crate::Result<()>,
        ) -> crate::Result<()> {
            self.0.each_solution(origin, text, each)
        }

        fn triples(&self) -> crate::Result<Vec<Triple>> {
            self.0.triples()
        }
    }

    fn graph() -> Store {
        let store = Store::new().expect("memory store");
        let id = |s: &str| NamedNode::new_unchecked(format!("{}{s}", crate::vocab::ID));
        let genid = |s: &str| NamedNode::new_unchecked(format!("{GENID}{s}"));
        let in_graph = GraphName::NamedNode(id("graph"));
        let quads = [
            Quad::new(
                id("ttp"),
                id("name"),
                Literal::from("TTP"),
                GraphName::DefaultGraph,
            ),
            // The same triple in another graph comes once.
            Quad::new(id("ttp"), id("name"), Literal::from("TTP"), in_graph.clone()),
            Quad::new(id("ttp"), id("attestedBy"), genid("a1"), GraphName::DefaultGraph),
            Quad::new(genid("a1"), id("figure"), genid("f1"), GraphName::DefaultGraph),
            Quad::new(genid("f1"), id("source"), genid("deep"), GraphName::DefaultGraph),
            Quad::new(
                genid("deep"),
                id("more"),
                genid("deeper"),
                GraphName::DefaultGraph,
            ),
            Quad::new(
                genid("deeper"),
                id("tooDeep"),
                Literal::from(1),
                GraphName::DefaultGraph,
            ),
            Quad::new(
                id("st1"),
                rdf::SUBJECT.into_owned(),
                id("taliban"),
                in_graph.clone(),
            ),
            Quad::new(id("st1"), rdf::OBJECT.into_owned(), id("ttp"), in_graph.clone()),
            Quad::new(id("st1"), id("attestedBy"), genid("a2"), in_graph),
            Quad::new(
                genid("a2"),
                id("sentence"),
                Literal::from(3),
                GraphName::DefaultGraph,
            ),
            Quad::new(id("taliban"), id("harbours"), id("ttp"), GraphName::DefaultGraph),
            Quad::new(id("pakistan"), id("accuses"), id("ttp"), GraphName::DefaultGraph),
        ];
        for quad in &quads {
            store.insert(quad).expect("insert");
        }
        store
    }

    #[test]
    fn a_description_read_by_sparql_is_the_one_read_from_the_indexes() {
        let direct = graph();
        let sparql = OnlySparql(graph());
        let id = |s: &str| NamedNode::new_unchecked(format!("{}{s}", crate::vocab::ID));
        for name in ["ttp", "taliban", "st1", "pakistan", "nowhere"] {
            let iri = id(name);
            let by_index = entity(&direct, iri.as_ref()).expect("direct");
            assert_eq!(by_index, entity(&sparql, iri.as_ref()).expect("sparql"), "{name}");
            assert_eq!(
                is_known(&direct, iri.as_ref()).expect("direct"),
                is_known(&sparql, iri.as_ref()).expect("sparql"),
                "{name}"
            );
            assert_eq!(
                incoming(&direct, iri.as_ref(), 10).expect("direct"),
                incoming(&sparql, iri.as_ref(), 10).expect("sparql"),
                "{name}"
            );
        }
        let ttp = entity(&direct, id("ttp").as_ref()).expect("direct");
        // Its own triples, once, its attestation to the depth followed, and the statement about it.
        assert!(ttp.iter().any(|t| t.predicate == id("figure")));
        assert!(ttp.iter().any(|t| t.predicate == id("sentence")));
        assert!(ttp.iter().any(|t| t.predicate == id("more")));
        assert!(!ttp.iter().any(|t| t.predicate == id("tooDeep")));
        assert_eq!(ttp.iter().filter(|t| t.predicate == id("name")).count(), 1);
        assert!(!is_known(&direct, id("nowhere").as_ref()).expect("direct"));
        assert_eq!(incoming(&direct, id("ttp").as_ref(), 1).expect("direct").len(), 1);
        assert_eq!(
            incoming(&OnlySparql(graph()), id("ttp").as_ref(), 1)
                .expect("sparql")
                .len(),
            1
        );
    }
}
