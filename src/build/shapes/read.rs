//! Reads the SHACL shapes of the ontology graph, closed-world: every SHACL construct the checker
//! does not implement is refused, naming the shape and the construct, rather than skipped.

use std::collections::{BTreeMap, HashSet};

use oxigraph::model::{NamedNode, NamedNodeRef, Term};

use super::graph::ShapesGraph;
use super::path::{self, Path};
use super::{Keyed, ShapeSet};
use crate::error::{Result, Violation};
use crate::vocab::compact;

const SH: &str = "http://www.w3.org/ns/shacl#";
const RDF_TYPE: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
const SHAPE_SCOPE: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("https://w3id.org/borderkg/ontology#shapeScope");
const DATASET_IMPORT: &str = "https://w3id.org/borderkg/ontology#DatasetImport";
const CLASSES: [&str; 2] = [
    "http://www.w3.org/2000/01/rdf-schema#Class",
    "http://www.w3.org/2002/07/owl#Class",
];
const TARGETS: [&str; 4] = ["targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"];
/// SHACL terms that describe a shape without constraining anything.
const NON_VALIDATING: [&str; 5] = ["message", "name", "description", "order", "group"];

fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

/// Which focus nodes a shape checks (SHACL §2.1.3).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Instances of the class or of its subclasses.
    Class(NamedNode),
    /// The node itself, whether or not the data mentions it.
    Node(Term),
    /// Subjects of triples with the predicate.
    SubjectsOf(NamedNode),
    /// Objects of triples with the predicate.
    ObjectsOf(NamedNode),
}

/// `sh:nodeKind`'s six values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    BlankNode,
    Iri,
    Literal,
    BlankNodeOrIri,
    BlankNodeOrLiteral,
    IriOrLiteral,
}

/// One member of an `sh:or`: a value conforms when it has the datatype (if given) and is an
/// instance of the class (if given).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alternative {
    pub datatype: Option<NamedNode>,
    pub class: Option<NamedNode>,
}

/// One `sh:property` of a node shape.
#[derive(Debug, Clone)]
pub struct PropertyShape {
    pub path: Path,
    pub min: Option<u64>,
    pub max: Option<u64>,
    pub classes: Vec<NamedNode>,
    pub datatype: Option<NamedNode>,
    pub node_kind: Option<NodeKind>,
    pub one_of: Option<Vec<Term>>,
    pub any_of: Option<Vec<Alternative>>,
    pub message: Option<String>,
}

/// A node shape with its targets and property shapes.
#[derive(Debug, Clone)]
pub struct NodeShape {
    pub targets: Vec<Target>,
    pub properties: Vec<PropertyShape>,
}

/// Collects refusals while reading, so that one build names every unsupported construct. Each is
/// keyed by the shape's N-Triples form, to find the file that defines it.
struct Refusals(Vec<Keyed>);

impl Refusals {
    fn add(&mut self, shape: &Term, construct: &str, reason: impl Into<String>) {
        self.0.push((
            shape.to_string(),
            Violation {
                node: shown(shape),
                property: construct.to_owned(),
                message: reason.into(),
                files: Vec::new(),
            },
        ));
    }
}

fn shown(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => compact(n.as_str()),
        other => other.to_string(),
    }
}

/// Reads the shapes that `set` selects, and every construct the checker does not implement (keyed
/// by shape). Shapes outside `set` are read too, so that an unsupported construct is refused
/// whichever data is checked.
///
/// # Errors
/// A store error.
pub fn read(store: &oxigraph::store::Store, set: &ShapeSet) -> Result<(Vec<NodeShape>, Vec<Keyed>)> {
    let graph = ShapesGraph::new(store);
    let mut refusals = Refusals(Vec::new());
    // Keyed by N-Triples form, so that shapes are read (and refusals listed) in a stable order.
    let mut names: BTreeMap<String, Term> = BTreeMap::new();
    for name in graph.subjects(RDF_TYPE, Some(sh("NodeShape").as_ref().into()))? {
        names.insert(name.to_string(), name);
    }
    for target in TARGETS {
        for name in graph.subjects(sh(target).as_ref(), None)? {
            names.insert(name.to_string(), name);
        }
    }
    let nested: HashSet<Term> = graph
        .subjects(sh("property").as_ref(), None)?
        .into_iter()
        .flat_map(|s| graph.objects(&s, sh("property").as_ref()).unwrap_or_default())
        .collect();
    for loose in graph
        .subjects(RDF_TYPE, Some(sh("PropertyShape").as_ref().into()))?
        .into_iter()
        .chain(graph.subjects(sh("path").as_ref(), None)?)
    {
        if !nested.contains(&loose) {
            refusals.add(
                &loose,
                "sh:PropertyShape",
                "a property shape outside a node shape's sh:property is not supported; put it under sh:property",
            );
        }
    }
    let mut shapes = Vec::new();
    for name in names.into_values() {
        if let Some(shape) = read_node_shape(&graph, &name, &mut refusals)? {
            let scoped = graph
                .objects(&name, SHAPE_SCOPE)?
                .iter()
                .any(|s| matches!(s, Term::NamedNode(n) if n.as_str() == DATASET_IMPORT));
            let wanted = match set {
                ShapeSet::Curated => graph.objects(&name, SHAPE_SCOPE)?.is_empty(),
                ShapeSet::Import(_) => scoped,
            };
            if wanted {
                shapes.push(shape);
            }
        }
    }
    Ok((shapes, refusals.0))
}

fn is_true(term: &Term) -> bool {
    matches!(term, Term::Literal(l) if l.value() == "true" || l.value() == "1")
}

/// `sh:severity` is honoured only as `sh:Violation`: every shape here fails the build.
fn check_severity(shape: &Term, value: &Term, refusals: &mut Refusals) {
    if !matches!(value, Term::NamedNode(n) if n.as_str() == format!("{SH}Violation")) {
        refusals.add(
            shape,
            "sh:severity",
            format!(
                "severity {} is not supported: every broken shape fails the build; remove sh:severity or use sh:Violation",
                shown(value)
            ),
        );
    }
}

fn read_node_shape(
    graph: &ShapesGraph<'_>,
    name: &Term,
    refusals: &mut Refusals,
) -> Result<Option<NodeShape>> {
    let properties = graph.properties(name)?;
    if properties
        .iter()
        .any(|(p, o)| p.as_str() == format!("{SH}deactivated") && is_true(o))
    {
        return Ok(None);
    }
    let mut shape = NodeShape {
        targets: Vec::new(),
        properties: Vec::new(),
    };
    for (predicate, value) in &properties {
        if predicate.as_ref() == RDF_TYPE {
            if let (Term::NamedNode(class), Term::NamedNode(me)) = (value, name) {
                if CLASSES.contains(&class.as_str()) {
                    shape.targets.push(Target::Class(me.clone()));
                }
            }
            continue;
        }
        let Some(local) = predicate.as_str().strip_prefix(SH) else {
            continue;
        };
        match (local, value) {
            ("targetClass", Term::NamedNode(c)) => shape.targets.push(Target::Class(c.clone())),
            ("targetSubjectsOf", Term::NamedNode(p)) => shape.targets.push(Target::SubjectsOf(p.clone())),
            ("targetObjectsOf", Term::NamedNode(p)) => shape.targets.push(Target::ObjectsOf(p.clone())),
            ("targetNode", node) => shape.targets.push(Target::Node(node.clone())),
            ("targetClass" | "targetSubjectsOf" | "targetObjectsOf", other) => {
                refusals.add(name, &format!("sh:{local}"), format!("{other} is not an IRI"));
            }
            ("property", node) => {
                if let Some(p) = read_property_shape(graph, name, node, refusals)? {
                    shape.properties.push(p);
                }
            }
            ("severity", value) => check_severity(name, value, refusals),
            ("deactivated", _) => {}
            (l, _) if NON_VALIDATING.contains(&l) => {}
            (l, _) => refusals.add(
                name,
                &format!("sh:{l}"),
                "constraints on the node shape itself are not supported; only sh:property shapes are checked",
            ),
        }
    }
    if shape.targets.is_empty() {
        refusals.add(
            name,
            "sh:targetClass",
            "the shape has no target (sh:targetClass, sh:targetNode, sh:targetSubjectsOf, sh:targetObjectsOf) and sh:node is not supported, so it would check nothing",
        );
    }
    Ok(Some(shape))
}

fn count(value: &Term) -> Option<u64> {
    match value {
        Term::Literal(l) => l.value().parse().ok(),
        _ => None,
    }
}

fn read_property_shape(
    graph: &ShapesGraph<'_>,
    shape: &Term,
    node: &Term,
    refusals: &mut Refusals,
) -> Result<Option<PropertyShape>> {
    let properties = graph.properties(node)?;
    if properties
        .iter()
        .any(|(p, o)| p.as_str() == format!("{SH}deactivated") && is_true(o))
    {
        return Ok(None);
    }
    let mut path = None;
    let mut out = PropertyShape {
        path: Path {
            sparql: String::new(),
            shown: String::new(),
            predicate: None,
        },
        min: None,
        max: None,
        classes: Vec::new(),
        datatype: None,
        node_kind: None,
        one_of: None,
        any_of: None,
        message: None,
    };
    for (predicate, value) in &properties {
        let Some(local) = predicate.as_str().strip_prefix(SH) else {
            continue;
        };
        let construct = format!("sh:{local}");
        match local {
            "path" => match path::read(graph, value)? {
                Ok(p) if path.is_none() => path = Some(p),
                Ok(_) => refusals.add(shape, &construct, "a property shape has more than one sh:path"),
                Err(reason) => refusals.add(shape, &construct, reason),
            },
            "minCount" | "maxCount" => match count(value) {
                Some(n) if local == "minCount" => out.min = Some(n),
                Some(n) => out.max = Some(n),
                None => refusals.add(shape, &construct, format!("{value} is not a non-negative integer")),
            },
            "class" => match value {
                Term::NamedNode(c) => out.classes.push(c.clone()),
                other => refusals.add(shape, &construct, format!("{other} is not an IRI")),
            },
            "datatype" => match value {
                Term::NamedNode(d) if out.datatype.is_none() => out.datatype = Some(d.clone()),
                _ => refusals.add(shape, &construct, "a property shape needs exactly one IRI as sh:datatype"),
            },
            "nodeKind" => match node_kind(value) {
                Some(kind) => out.node_kind = Some(kind),
                None => refusals.add(shape, &construct, format!("{} is not a SHACL node kind", shown(value))),
            },
            "in" => match graph.list(value)? {
                Some(members) => out.one_of = Some(members),
                None => refusals.add(shape, &construct, "sh:in needs an RDF list"),
            },
            "or" => match read_alternatives(graph, value)? {
                Ok(alternatives) => out.any_of = Some(alternatives),
                Err(reason) => refusals.add(shape, &construct, reason),
            },
            "message" => {
                if let Term::Literal(l) = value {
                    out.message.get_or_insert_with(|| l.value().to_owned());
                }
            }
            "severity" => check_severity(shape, value, refusals),
            "deactivated" => {}
            l if NON_VALIDATING.contains(&l) => {}
            _ => refusals.add(
                shape,
                &construct,
                "this SHACL constraint is not supported by the shape checker (see the README's Validation section)",
            ),
        }
    }
    let Some(path) = path else {
        refusals.add(shape, "sh:path", "a property shape needs an sh:path");
        return Ok(None);
    };
    out.path = path;
    Ok(Some(out))
}

fn node_kind(value: &Term) -> Option<NodeKind> {
    let Term::NamedNode(n) = value else {
        return None;
    };
    Some(match n.as_str().strip_prefix(SH)? {
        "BlankNode" => NodeKind::BlankNode,
        "IRI" => NodeKind::Iri,
        "Literal" => NodeKind::Literal,
        "BlankNodeOrIRI" => NodeKind::BlankNodeOrIri,
        "BlankNodeOrLiteral" => NodeKind::BlankNodeOrLiteral,
        "IRIOrLiteral" => NodeKind::IriOrLiteral,
        _ => return None,
    })
}

/// The members of an `sh:or` list; each may give only `sh:datatype` and `sh:class`.
fn read_alternatives(
    graph: &ShapesGraph<'_>,
    list: &Term,
) -> Result<std::result::Result<Vec<Alternative>, String>> {
    let Some(members) = graph.list(list)? else {
        return Ok(Err("sh:or needs an RDF list".into()));
    };
    let mut alternatives = Vec::new();
    for member in members {
        let mut alternative = Alternative::default();
        for (predicate, value) in graph.properties(&member)? {
            let Some(local) = predicate.as_str().strip_prefix(SH) else {
                continue;
            };
            match (local, value) {
                ("datatype", Term::NamedNode(d)) if alternative.datatype.is_none() => {
                    alternative.datatype = Some(d);
                }
                ("class", Term::NamedNode(c)) if alternative.class.is_none() => alternative.class = Some(c),
                (l, _) if NON_VALIDATING.contains(&l) => {}
                (l, _) => {
                    return Ok(Err(format!(
                        "an sh:or member may give one sh:datatype and one sh:class only, not sh:{l}"
                    )))
                }
            }
        }
        alternatives.push(alternative);
    }
    Ok(Ok(alternatives))
}
