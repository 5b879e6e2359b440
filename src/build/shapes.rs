//! Checks the graph against the SHACL shapes of the ontology. It understands the part of SHACL Core
//! the project's shapes use: `sh:targetClass` (with subclasses) and `sh:targetObjectsOf`, and on
//! `sh:property` with an IRI
//! `sh:path`: `sh:minCount`, `sh:maxCount`, `sh:class`, `sh:datatype`, `sh:nodeKind` (`sh:IRI`,
//! `sh:Literal`), `sh:in`, and `sh:or` over alternatives that each give `sh:datatype` or `sh:class`.
//! Any other constraint in a shape is reported as unsupported rather than silently ignored.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::{GraphName, NamedNode, Term};
use oxigraph::store::Store;

use crate::error::{Error, Result, Violation};
use crate::query::{Row, Scope};
use crate::vocab::{compact, sh, DERIVED_GRAPH, ONTOLOGY_GRAPH};

/// The SHACL properties a property shape may use here.
const SUPPORTED: &[&str] = &[
    "path",
    "minCount",
    "maxCount",
    "class",
    "datatype",
    "nodeKind",
    "in",
    "or",
    "message",
    "name",
    "description",
    "severity",
];

/// One property constraint of a node shape.
#[derive(Debug, Default, Clone)]
struct PropertyShape {
    /// SPARQL pattern binding `?n` to every focus node.
    focus: String,
    path: String,
    min: Option<u64>,
    max: Option<u64>,
    class: Option<String>,
    datatype: Option<String>,
    node_kind: Option<String>,
    one_of: Vec<Term>,
    or_datatypes: Vec<String>,
    or_classes: Vec<String>,
    message: Option<String>,
}

/// Validates `store` against every `sh:NodeShape` in it.
///
/// `origins` gives, for the nodes that break a shape (N-Triples form), the files describing them,
/// for the messages; it is called only when something is wrong.
///
/// # Errors
/// [`Error::Shapes`] with every violation found, or a store/query error.
pub fn validate(store: &Store, set: &ShapeSet, allow_none: bool, origins: &Origins<'_>) -> Result<()> {
    let shapes = read_shapes(store, set)?;
    if shapes.is_empty() && !allow_none {
        return Err(Error::Missing(
            "the ontology has no SHACL shapes (sh:NodeShape), so nothing would be validated: \
             restore ontology/shapes.ttl, or pass --allow-no-shapes if that is intended"
                .into(),
        ));
    }
    let scope = set.scope();
    let mut found = Vec::new();
    for shape in &shapes {
        check(store, shape, &scope, &mut found)?;
    }
    let keys: BTreeSet<String> = found.iter().map(|(k, _)| k.clone()).collect();
    let files = if keys.is_empty() {
        BTreeMap::new()
    } else {
        origins(&keys)
    };
    let mut violations: Vec<Violation> = found
        .into_iter()
        .map(|(key, mut v)| {
            v.files = files
                .get(&key)
                .map(|s| s.iter().cloned().collect())
                .unwrap_or_default();
            v
        })
        .collect();
    violations.sort_by(|a, b| (&a.node, &a.property, &a.message).cmp(&(&b.node, &b.property, &b.message)));
    violations.dedup();
    if violations.is_empty() {
        Ok(())
    } else {
        Err(Error::Shapes(violations))
    }
}

/// Gives the files that describe each of a set of nodes (N-Triples form).
pub type Origins<'a> = dyn Fn(&BTreeSet<String>) -> BTreeMap<String, BTreeSet<String>> + 'a;

/// Which shapes to check, against which graphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShapeSet {
    /// The shapes without a `bkg:shapeScope`, over the curated data, the ontology and what the rules
    /// derived.
    Curated,
    /// The shapes scoped to `bkg:DatasetImport`, over one import graph and the ontology.
    Import(NamedNode),
}

impl ShapeSet {
    fn scope(&self) -> Scope {
        let ontology = GraphName::NamedNode(ONTOLOGY_GRAPH.into_owned());
        match self {
            Self::Curated => Scope::Graphs(vec![
                GraphName::DefaultGraph,
                ontology,
                GraphName::NamedNode(DERIVED_GRAPH.into_owned()),
            ]),
            Self::Import(graph) => Scope::Graphs(vec![GraphName::NamedNode(graph.clone()), ontology]),
        }
    }

    fn filter(&self) -> &'static str {
        match self {
            Self::Curated => "FILTER NOT EXISTS { ?cls bkg:shapeScope ?scope }",
            Self::Import(_) => "?cls bkg:shapeScope bkg:DatasetImport .",
        }
    }
}

fn select(store: &Store, query: &str) -> Result<Vec<Row>> {
    crate::query::select(store, "shape check", query, &[])
}

fn select_in(store: &Store, query: &str, scope: &Scope) -> Result<Vec<Row>> {
    crate::query::select_in(store, "shape check", query, &[], scope)
}

/// `VALUES ?var { … }` over `class` and all its subclasses, computed once from the ontology, so
/// that a check joins on `rdf:type` instead of walking `rdfs:subClassOf*` from every typed node.
fn class_values(store: &Store, var: &str, class: &str) -> Result<String> {
    let rows = select(
        store,
        &format!(
            "SELECT DISTINCT ?c WHERE {{ ?c <http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{class}> }}"
        ),
    )?;
    let mut classes: BTreeSet<String> = rows.iter().filter_map(|r| iri_of(r, "c")).collect();
    classes.insert(class.to_owned());
    let listed: Vec<String> = classes.iter().map(|c| format!("<{c}>")).collect();
    Ok(format!("VALUES ?{var} {{ {} }}", listed.join(" ")))
}

fn iri_of(row: &Row, var: &str) -> Option<String> {
    match row.get(var) {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

fn int_of(row: &Row, var: &str) -> Option<u64> {
    match row.get(var) {
        Some(Term::Literal(l)) => l.value().parse().ok(),
        _ => None,
    }
}

fn read_shapes(store: &Store, set: &ShapeSet) -> Result<Vec<PropertyShape>> {
    let rows = select(
        store,
        &format!(
            "SELECT ?cls ?p ?pred WHERE {{ ?cls a <{}> ; <{}> ?p . ?p ?pred ?o }}",
            sh::NODE_SHAPE.as_str(),
            sh::PROPERTY.as_str()
        ),
    )?;
    for row in &rows {
        if let Some(pred) = iri_of(row, "pred") {
            let local = pred.strip_prefix("http://www.w3.org/ns/shacl#");
            if let Some(local) = local {
                if !SUPPORTED.contains(&local) {
                    return Err(Error::Shapes(vec![Violation {
                        node: compact(&iri_of(row, "cls").unwrap_or_default()),
                        property: format!("sh:{local}"),
                        message: "this SHACL constraint is not supported by the shape checker; use the ones listed in ontology/shapes.ttl".into(),
                        files: vec!["ontology/shapes.ttl".into()],
                    }]));
                }
            }
        }
    }
    let rows = select(
        store,
        &format!(
            "SELECT ?cls ?p ?path ?min ?max ?class ?dt ?kind ?msg WHERE {{
               ?cls a <{ns}NodeShape> ; <{ns}property> ?p . {filter}
               ?p <{ns}path> ?path .
               OPTIONAL {{ ?p <{ns}minCount> ?min }} OPTIONAL {{ ?p <{ns}maxCount> ?max }}
               OPTIONAL {{ ?p <{ns}class> ?class }} OPTIONAL {{ ?p <{ns}datatype> ?dt }}
               OPTIONAL {{ ?p <{ns}nodeKind> ?kind }} OPTIONAL {{ ?p <{ns}message> ?msg }}
             }}",
            ns = "http://www.w3.org/ns/shacl#",
            filter = set.filter()
        ),
    )?;
    let targets = select(
        store,
        "SELECT ?shape ?kind ?t WHERE {
           ?shape a sh:NodeShape .
           { ?shape sh:targetClass ?t BIND(\"class\" AS ?kind) }
           UNION { ?shape sh:targetObjectsOf ?t BIND(\"objects\" AS ?kind) }
         }",
    )?;
    let focus_of = |shape: &str| -> Result<String> {
        let mut patterns = Vec::new();
        for r in targets
            .iter()
            .filter(|r| iri_of(r, "shape").as_deref() == Some(shape))
        {
            match (r.get("kind"), iri_of(r, "t")) {
                (Some(Term::Literal(k)), Some(t)) if k.value() == "class" => {
                    patterns.push(format!(
                        "{{ {} ?n a ?focusclass }}",
                        class_values(store, "focusclass", &t)?
                    ));
                }
                (Some(Term::Literal(_)), Some(t)) => patterns.push(format!("{{ ?x <{t}> ?n }}")),
                _ => {}
            }
        }
        Ok(patterns.join(" UNION "))
    };
    let mut shapes = Vec::new();
    for row in rows {
        let (Some(shape_iri), Some(path)) = (iri_of(&row, "cls"), iri_of(&row, "path")) else {
            continue;
        };
        let focus = focus_of(&shape_iri)?;
        if focus.is_empty() {
            continue;
        }
        let node = row.get("p").cloned();
        let mut shape = PropertyShape {
            focus,
            path,
            min: int_of(&row, "min"),
            max: int_of(&row, "max"),
            class: iri_of(&row, "class"),
            datatype: iri_of(&row, "dt"),
            node_kind: iri_of(&row, "kind"),
            message: match row.get("msg") {
                Some(Term::Literal(l)) => Some(l.value().to_owned()),
                _ => None,
            },
            ..PropertyShape::default()
        };
        if let Some(node) = node {
            read_lists(store, &node, &mut shape)?;
        }
        shapes.push(shape);
    }
    Ok(shapes)
}

fn read_lists(store: &Store, node: &Term, shape: &mut PropertyShape) -> Result<()> {
    let ns = "http://www.w3.org/ns/shacl#";
    let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    for row in select(
        store,
        &format!("SELECT ?v WHERE {{ {node} <{ns}in>/<{rdf}rest>*/<{rdf}first> ?v }}"),
    )? {
        if let Some(v) = row.get("v") {
            shape.one_of.push(v.clone());
        }
    }
    for row in select(
        store,
        &format!(
            "SELECT ?dt ?class WHERE {{ {node} <{ns}or>/<{rdf}rest>*/<{rdf}first> ?alt .
               OPTIONAL {{ ?alt <{ns}datatype> ?dt }} OPTIONAL {{ ?alt <{ns}class> ?class }} }}"
        ),
    )? {
        if let Some(dt) = iri_of(&row, "dt") {
            shape.or_datatypes.push(dt);
        }
        if let Some(class) = iri_of(&row, "class") {
            shape.or_classes.push(class);
        }
    }
    Ok(())
}

fn check(
    store: &Store,
    shape: &PropertyShape,
    scope: &Scope,
    out: &mut Vec<(String, Violation)>,
) -> Result<()> {
    let focus = format!("{{ SELECT DISTINCT ?n WHERE {{ {} }} }}", shape.focus);
    let path = NamedNode::new_unchecked(shape.path.clone());
    let mut report = |node: &Term, message: String| {
        let key = node.to_string();
        out.push((
            key,
            Violation {
                node: match node {
                    Term::NamedNode(n) => compact(n.as_str()),
                    other => other.to_string(),
                },
                property: compact(path.as_str()),
                message: shape
                    .message
                    .clone()
                    .map_or(message.clone(), |m| format!("{m} ({message})")),
                files: Vec::new(),
            },
        ));
    };
    if shape.min.is_some() || shape.max.is_some() {
        let rows = select_in(
            store,
            &format!("SELECT ?n (COUNT(DISTINCT ?v) AS ?c) WHERE {{ {focus} OPTIONAL {{ ?n {path} ?v }} }} GROUP BY ?n"),
            scope,
        )?;
        for row in rows {
            let (Some(n), Some(c)) = (row.get("n"), int_of(&row, "c")) else {
                continue;
            };
            if let Some(min) = shape.min.filter(|m| c < *m) {
                report(n, format!("has {c} value(s), needs at least {min}"));
            }
            if let Some(max) = shape.max.filter(|m| c > *m) {
                report(n, format!("has {c} values, allows at most {max}"));
            }
        }
    }
    let mut value_checks: Vec<(String, String)> = Vec::new();
    if let Some(class) = &shape.class {
        value_checks.push((
            format!(
                "FILTER NOT EXISTS {{ {} ?v a ?valueclass }}",
                class_values(store, "valueclass", class)?
            ),
            format!("value is not a {}", compact(class)),
        ));
    }
    if let Some(dt) = &shape.datatype {
        value_checks.push((
            format!("FILTER(!isLiteral(?v) || DATATYPE(?v) != <{dt}>)"),
            format!("value is not of datatype {}", compact(dt)),
        ));
    }
    match shape.node_kind.as_deref() {
        Some(k) if k == sh::IRI.as_str() => {
            value_checks.push(("FILTER(!isIRI(?v))".into(), "value is not an IRI".into()));
        }
        Some(k) if k == sh::LITERAL.as_str() => {
            value_checks.push(("FILTER(!isLiteral(?v))".into(), "value is not a literal".into()));
        }
        _ => {}
    }
    if !shape.one_of.is_empty() {
        let list = shape
            .one_of
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        value_checks.push((
            format!("FILTER(?v NOT IN ({list}))"),
            format!(
                "value is not one of {}",
                shape
                    .one_of
                    .iter()
                    .map(|t| match t {
                        Term::NamedNode(n) => compact(n.as_str()),
                        t => t.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }
    if !shape.or_datatypes.is_empty() || !shape.or_classes.is_empty() {
        let mut alternatives: Vec<String> = shape
            .or_datatypes
            .iter()
            .map(|dt| format!("(isLiteral(?v) && DATATYPE(?v) = <{dt}>)"))
            .collect();
        for c in &shape.or_classes {
            alternatives.push(format!(
                "EXISTS {{ {} ?v a ?altclass }}",
                class_values(store, "altclass", c)?
            ));
        }
        let names: Vec<String> = shape
            .or_datatypes
            .iter()
            .chain(&shape.or_classes)
            .map(|i| compact(i))
            .collect();
        value_checks.push((
            format!("FILTER(!({}))", alternatives.join(" || ")),
            format!("value is none of {}", names.join(", ")),
        ));
    }
    for (filter, message) in value_checks {
        let rows = select_in(
            store,
            &format!("SELECT DISTINCT ?n ?v WHERE {{ {focus} ?n {path} ?v . {filter} }}"),
            scope,
        )?;
        for row in rows {
            if let (Some(n), Some(v)) = (row.get("n"), row.get("v")) {
                let shown = match v {
                    Term::NamedNode(n) => compact(n.as_str()),
                    v => v.to_string(),
                };
                report(n, format!("{message}: {shown}"));
            }
        }
    }
    Ok(())
}
