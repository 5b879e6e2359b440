//! Checks an import graph's shapes on its quads while they stream in, a batch at a time, before
//! each batch goes to the bulk loader: the check costs what the new quads cost and reads nothing
//! back from the store.
//!
//! A batch settles a focus node on its own when the node is described in that batch alone: the
//! node's values come from the batch, and the types of those values from the batch, from the
//! ontology graph, or from what earlier batches typed. Every other node is kept for later: one
//! described in more than one batch or also in the ontology graph, and one that fails a check in
//! its batch (a later batch may complete it). Once the import is loaded, the kept nodes are checked
//! on the store with the same checks as a full validation, as are the shapes a batch cannot judge
//! (a `sh:targetNode`, a path longer than one predicate). So the outcome is a full validation's,
//! in time that grows with the import, not with the store.

use std::collections::{HashMap, HashSet};

use oxigraph::model::{GraphName, NamedNode, NamedNodeRef, NamedOrBlankNodeRef, Quad, Term};
use oxigraph::store::Store;

use super::check::{focus_nodes, Closures};
use super::direct::{Graphs, Values};
use super::read::{NodeShape, Target};
use super::{check_nodes, check_whole, outcome, read_supported, Keyed, ShapeSet};
use crate::build::digest::{term as digest, Digest};
use crate::error::Result;
use crate::query::Scope;
use crate::vocab::ONTOLOGY_GRAPH;

const RDF_TYPE: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");

/// The shapes of one import graph, checked batch by batch; see the module documentation.
pub struct StreamCheck {
    graph: GraphName,
    scope: Scope,
    /// Shapes a batch can judge: class, subjects-of and objects-of targets, one-predicate paths.
    streamed: Vec<NodeShape>,
    /// Shapes checked on the store, in full, once the import is loaded.
    whole: Vec<NodeShape>,
    closures: Closures,
    /// Types stated in the ontology graph.
    ontology_types: HashMap<Term, Vec<NamedNode>>,
    /// Classes a value may be required to have (`sh:class`, or a `sh:or` member's): the nodes of
    /// these classes are remembered across batches, as bits of `typed`.
    tracked: Vec<NamedNode>,
    typed: HashMap<Digest, u64>,
    /// Subjects of earlier batches and of the ontology graph.
    seen: HashSet<Digest>,
    /// Nodes to check on the store at the end.
    kept: HashSet<Term>,
}

impl StreamCheck {
    /// Reads the import shapes from `store` (whose ontology graph is loaded) for `graph`.
    ///
    /// # Errors
    /// Shapes with constructs the checker refuses, or a storage error.
    pub fn new(store: &Store, graph: &NamedNode) -> Result<Self> {
        let set = ShapeSet::Import(graph.clone());
        let shapes = read_supported(store, &set, &|_| Default::default())?;
        let (streamed, whole): (Vec<NodeShape>, Vec<NodeShape>) = shapes.into_iter().partition(|s| {
            s.targets.iter().all(|t| !matches!(t, Target::Node(_)))
                && s.properties.iter().all(|p| p.path.predicate.is_some())
        });
        let mut closures = Closures::default();
        let mut tracked: Vec<NamedNode> = Vec::new();
        for shape in &streamed {
            for target in &shape.targets {
                if let Target::Class(class) = target {
                    closures.of(store, class)?;
                }
            }
            for property in &shape.properties {
                let classes = property
                    .classes
                    .iter()
                    .chain(property.any_of.iter().flatten().filter_map(|a| a.class.as_ref()));
                for class in classes {
                    for member in closures.of(store, class)? {
                        if !tracked.contains(member) {
                            tracked.push(member.clone());
                        }
                    }
                }
            }
        }
        let ontology = GraphName::NamedNode(ONTOLOGY_GRAPH.into_owned());
        let mut ontology_types: HashMap<Term, Vec<NamedNode>> = HashMap::new();
        let mut seen = HashSet::new();
        for quad in store.quads_for_pattern(None, None, None, Some(ontology.as_ref())) {
            let quad = quad?;
            let subject = Term::from(quad.subject);
            seen.insert(digest(subject.as_ref()));
            if quad.predicate.as_ref() == RDF_TYPE {
                if let Term::NamedNode(class) = quad.object {
                    ontology_types.entry(subject).or_default().push(class);
                }
            }
        }
        Ok(Self {
            graph: GraphName::NamedNode(graph.clone()),
            scope: set.scope(),
            streamed,
            whole,
            closures,
            ontology_types,
            tracked,
            typed: HashMap::new(),
            seen,
            kept: HashSet::new(),
        })
    }

    /// Checks one batch of quads (those of other graphs are passed over). Call it before the
    /// batch is loaded, and [`finish`](Self::finish) once every batch is.
    ///
    /// # Errors
    /// A storage error.
    pub fn batch(&mut self, store: &Store, quads: &[Quad]) -> Result<()> {
        let mut subjects: HashMap<NamedOrBlankNodeRef<'_>, Vec<usize>> = HashMap::new();
        for (i, quad) in quads.iter().enumerate() {
            if quad.graph_name == self.graph {
                subjects.entry(quad.subject.as_ref()).or_default().push(i);
            }
        }
        let mut batch = Batch {
            quads,
            subjects: &subjects,
            ontology_types: &self.ontology_types,
            tracked: &self.tracked,
            typed: &self.typed,
        };
        for shape in &self.streamed {
            let mut fresh = Vec::new();
            for node in batch.focus(shape, &mut self.closures, store, &self.graph)? {
                if self.seen.contains(&digest(node.as_ref())) {
                    self.kept.insert(node);
                } else {
                    fresh.push(node);
                }
            }
            let mut found: Vec<Keyed> = Vec::new();
            check_nodes(store, shape, &fresh, &mut batch, &mut self.closures, &mut found)?;
            if !found.is_empty() {
                let failed: HashSet<String> = found.into_iter().map(|(key, _)| key).collect();
                self.kept
                    .extend(fresh.into_iter().filter(|n| failed.contains(&n.to_string())));
            }
        }
        for subject in subjects.keys() {
            if !self.seen.insert(digest((*subject).into())) {
                self.kept.insert(subject.into_owned().into());
            }
        }
        for quad in quads
            .iter()
            .filter(|q| q.graph_name == self.graph && q.predicate.as_ref() == RDF_TYPE)
        {
            let Term::NamedNode(class) = &quad.object else {
                continue;
            };
            if let Some(bit) = self.tracked.iter().position(|t| t == class).filter(|b| *b < 64) {
                let subject = Term::from(quad.subject.clone());
                *self.typed.entry(digest(subject.as_ref())).or_default() |= 1 << bit;
            }
        }
        Ok(())
    }

    /// Checks on the store, which now holds every batch, the nodes no batch could settle and the
    /// shapes no batch could judge.
    ///
    /// # Errors
    /// [`crate::Error::Shapes`] with every violation, or a storage error.
    pub fn finish(mut self, store: &Store) -> Result<()> {
        let mut graphs = Graphs::new(store, &self.scope);
        let mut found = Vec::new();
        let mut kept: Vec<Term> = self.kept.into_iter().collect();
        kept.sort_by_cached_key(ToString::to_string);
        let ontology = Scope::Graphs(vec![GraphName::NamedNode(ONTOLOGY_GRAPH.into_owned())]);
        for shape in &self.streamed {
            let mut focus = Vec::new();
            for node in &kept {
                if is_focus(shape, node, &mut graphs, &mut self.closures, store)? {
                    focus.push(node.clone());
                }
            }
            for node in focus_nodes(store, shape, &ontology, &mut self.closures)? {
                if !focus.contains(&node) {
                    focus.push(node);
                }
            }
            check_nodes(store, shape, &focus, &mut graphs, &mut self.closures, &mut found)?;
        }
        for shape in &self.whole {
            check_whole(
                store,
                &self.scope,
                shape,
                &mut graphs,
                &mut self.closures,
                &mut found,
                super::direct::SCAN_FROM,
            )?;
        }
        outcome(found, &|_| Default::default())
    }
}

/// Whether `node` is a focus node of `shape` (which has no `sh:targetNode`) in the store.
fn is_focus(
    shape: &NodeShape,
    node: &Term,
    graphs: &mut Graphs<'_>,
    closures: &mut Closures,
    store: &Store,
) -> Result<bool> {
    for target in &shape.targets {
        let hit = match target {
            Target::Class(class) => graphs.is_instance(node, closures.of(store, class)?)?,
            Target::SubjectsOf(p) => !graphs.objects(node, p.as_ref())?.is_empty(),
            Target::ObjectsOf(p) => graphs.is_object_of(p.as_ref(), node)?,
            Target::Node(n) => n == node,
        };
        if hit {
            return Ok(true);
        }
    }
    Ok(false)
}

/// One batch's quads, as the checks read them.
struct Batch<'a> {
    quads: &'a [Quad],
    subjects: &'a HashMap<NamedOrBlankNodeRef<'a>, Vec<usize>>,
    ontology_types: &'a HashMap<Term, Vec<NamedNode>>,
    tracked: &'a [NamedNode],
    typed: &'a HashMap<Digest, u64>,
}

impl<'a> Batch<'a> {
    /// The quads of the batch about `node`.
    fn about<'n>(&'n self, node: &'n Term) -> impl Iterator<Item = &'n Quad> + 'n {
        let (quads, subjects) = (self.quads, self.subjects);
        let indices = match node {
            Term::NamedNode(n) => subjects.get(&NamedOrBlankNodeRef::from(n.as_ref())),
            Term::BlankNode(b) => subjects.get(&NamedOrBlankNodeRef::from(b.as_ref())),
            Term::Literal(_) => None,
        };
        indices.into_iter().flatten().map(move |i| &quads[*i])
    }

    /// The focus nodes of `shape` that the batch names, each once, in the batch's order.
    fn focus(
        &self,
        shape: &NodeShape,
        closures: &mut Closures,
        store: &Store,
        graph: &GraphName,
    ) -> Result<Vec<Term>> {
        let mut focus = Vec::new();
        let mut listed = HashSet::new();
        let mut add = |term: Term| {
            if listed.insert(digest(term.as_ref())) {
                focus.push(term);
            }
        };
        let quads = self.quads.iter().filter(|q| q.graph_name == *graph);
        for target in &shape.targets {
            match target {
                Target::Class(class) => {
                    let members = closures.of(store, class)?;
                    for quad in quads.clone().filter(|q| q.predicate.as_ref() == RDF_TYPE) {
                        if matches!(&quad.object, Term::NamedNode(c) if members.contains(c)) {
                            add(quad.subject.clone().into());
                        }
                    }
                }
                Target::SubjectsOf(p) => quads
                    .clone()
                    .filter(|q| q.predicate == *p)
                    .for_each(|q| add(q.subject.clone().into())),
                Target::ObjectsOf(p) => quads
                    .clone()
                    .filter(|q| q.predicate == *p)
                    .for_each(|q| add(q.object.clone())),
                Target::Node(_) => {}
            }
        }
        Ok(focus)
    }
}

impl Values for Batch<'_> {
    fn values(&mut self, focus: &[Term], predicate: NamedNodeRef<'_>) -> Result<Vec<Vec<Term>>> {
        Ok(focus
            .iter()
            .map(|node| {
                let mut values: Vec<Term> = Vec::new();
                for quad in self.about(node).filter(|q| q.predicate.as_ref() == predicate) {
                    if !values.contains(&quad.object) {
                        values.push(quad.object.clone());
                    }
                }
                values
            })
            .collect())
    }

    fn is_instance(&mut self, value: &Term, classes: &HashSet<NamedNode>) -> Result<bool> {
        let in_batch = self.about(value).any(|q| {
            q.predicate.as_ref() == RDF_TYPE && matches!(&q.object, Term::NamedNode(c) if classes.contains(c))
        });
        let in_ontology = || {
            self.ontology_types
                .get(value)
                .is_some_and(|types| types.iter().any(|c| classes.contains(c)))
        };
        let earlier = || {
            self.typed.get(&digest(value.as_ref())).is_some_and(|bits| {
                self.tracked
                    .iter()
                    .take(64)
                    .enumerate()
                    .any(|(bit, class)| bits & (1 << bit) != 0 && classes.contains(class))
            })
        };
        Ok(in_batch || in_ontology() || earlier())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use oxigraph::io::RdfFormat;

    const SHAPES: &str = r#"
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix bkg: <https://w3id.org/borderkg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix ex: <http://e/> .
        ex:EventShape a sh:NodeShape ; bkg:shapeScope bkg:DatasetImport ; sh:targetClass ex:Event ;
            sh:property [ sh:path ex:label ; sh:minCount 1 ; sh:maxCount 1 ] ,
                        [ sh:path ex:att ; sh:minCount 1 ; sh:class ex:Att ] .
        ex:FigureShape a sh:NodeShape ; bkg:shapeScope bkg:DatasetImport ; sh:targetObjectsOf ex:fig ;
            sh:property [ sh:path ex:deaths ; sh:minCount 1 ] .
        ex:Sub rdfs:subClassOf ex:Event .
        ex:OntologyAtt a ex:Att .
    "#;

    /// Two batches of an import graph: what each holds is chosen so that nodes are split across
    /// batches, values are typed in a later batch or in the ontology, and some nodes break shapes.
    const BATCHES: [&str; 2] = [
        r#"@prefix ex: <http://e/> .
           ex:e1 a ex:Event ; ex:label "a" ; ex:att ex:a1 . ex:a1 a ex:Att .
           ex:e2 a ex:Sub ; ex:label "b" ; ex:att ex:a2 .
           ex:e3 a ex:Event ; ex:label "c" ; ex:att ex:a1 .
           ex:e4 a ex:Event ; ex:att ex:a9 .
           ex:e5 a ex:Event ; ex:label "e" ; ex:att ex:OntologyAtt ; ex:fig ex:f1 .
           ex:f1 ex:deaths 3 .
           ex:e7 a ex:Event ; ex:label "g" ; ex:att ex:a1 ; ex:fig ex:f2 ."#,
        r#"@prefix ex: <http://e/> .
           ex:a2 a ex:Att .
           ex:e3 ex:label "d" .
           ex:e6 a ex:Event ; ex:label "f" ; ex:att ex:a1 ; ex:fig ex:f3 .
           ex:f2 ex:deaths 1 ."#,
    ];

    fn parsed(graph: &NamedNode, text: &str) -> Vec<Quad> {
        oxigraph::io::RdfParser::from_format(RdfFormat::Turtle)
            .with_default_graph(graph.clone())
            .for_slice(text.as_bytes())
            .collect::<std::result::Result<_, _>>()
            .expect("turtle")
    }

    fn violations(result: Result<()>) -> Vec<crate::error::Violation> {
        match result {
            Ok(()) => Vec::new(),
            Err(Error::Shapes(v)) => v,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn batch_by_batch_check_finds_what_a_full_validation_finds() {
        let store = Store::new().expect("store");
        let ontology = ONTOLOGY_GRAPH.into_owned();
        let graph = NamedNode::new_unchecked("https://w3id.org/borderkg/graph/import/test");
        store.extend(parsed(&ontology, SHAPES)).expect("ontology");
        let mut check = StreamCheck::new(&store, &graph).expect("shapes");
        for text in BATCHES {
            let quads = parsed(&graph, text);
            check.batch(&store, &quads).expect("batch");
            store.extend(quads).expect("load");
        }
        let streamed = violations(check.finish(&store));
        let full = violations(super::super::validate(
            &store,
            &ShapeSet::Import(graph),
            true,
            &|_| Default::default(),
        ));
        assert_eq!(streamed, full);
        let mut nodes: Vec<&str> = streamed.iter().map(|v| v.node.as_str()).collect();
        nodes.dedup();
        // e3 has two labels across the batches, e4 no label and an untyped value, f3 no deaths;
        // e2's value typed in the next batch, e5's typed in the ontology and e6's typed in the first
        // batch all pass, as does f2, described a batch after it was named.
        assert_eq!(nodes, ["<http://e/e3>", "<http://e/e4>", "<http://e/f3>"]);
    }
}
