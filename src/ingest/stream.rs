//! Reads a Turtle file of any size in constant memory (beyond its blank nodes' bookkeeping),
//! naming blank nodes exactly as [`skolemize`] names them over the whole file.
//!
//! A skolem name depends only on the blank node's own connected group (the triples linking blank
//! nodes to each other and to the named nodes around them), so a group can be named as soon as its
//! last triple is read. A first pass finds where each blank node is used last; the second passes on
//! triples without blank nodes at once, and each group when its last triple has been read. The
//! parser names an anonymous node (`[ … ]`) differently on each pass, but it meets the nodes in the
//! same order, so a node is known by when it was first met.

use std::collections::HashMap;
use std::fs::File;
use std::io::BufReader;

use oxigraph::model::{BlankNode, NamedOrBlankNode, Term, Triple};
use oxttl::TurtleParser;

use super::skolem::skolemize;
use crate::error::{Error, Result};
use crate::resources::{Location, Resource};

/// Gives `each` the triples of `resource` with blank nodes skolemised, in batches of about
/// `batch`, and returns how many there were. Nothing is given before the whole file has parsed.
///
/// # Errors
/// The file cannot be read or parsed (the error names the line and column), or `each` fails.
pub fn stream_triples(
    resource: &Resource,
    batch: usize,
    mut each: impl FnMut(Vec<Triple>) -> Result<()>,
) -> Result<u64> {
    // Pass 1: where each blank node (by order of first use) is used last.
    let mut first_seen: HashMap<BlankNode, usize> = HashMap::new();
    let mut last_use: Vec<u64> = Vec::new();
    for (index, triple) in (0_u64..).zip(triples_of(resource)?) {
        let Ok(triple) = triple else {
            // The whole-file parser words the error with the line it is on.
            return Err(super::parse_turtle(resource)
                .err()
                .unwrap_or_else(|| Error::Parameter(format!("{}: unreadable Turtle", resource.name))));
        };
        for node in blank_nodes(&triple) {
            let next = first_seen.len();
            let ordinal = *first_seen.entry(node.clone()).or_insert(next);
            if ordinal == last_use.len() {
                last_use.push(index);
            } else if let Some(last) = last_use.get_mut(ordinal) {
                *last = index;
            }
        }
    }
    drop(first_seen);

    // Pass 2: triples without blank nodes go out at once; a group of blank nodes when complete.
    let mut groups = Groups::default();
    let mut out: Vec<Triple> = Vec::with_capacity(batch);
    let mut count = 0_u64;
    for (index, triple) in (0_u64..).zip(triples_of(resource)?) {
        count = index + 1;
        let triple = triple.map_err(|e| Error::Parameter(format!("{}: {e}", resource.name)))?;
        if blank_nodes(&triple).next().is_none() {
            out.push(triple);
        } else if let Some(done) = groups.add(triple, &last_use, index) {
            out.extend(skolemize(done));
        }
        if out.len() >= batch {
            each(std::mem::take(&mut out))?;
        }
    }
    // Every group ends at its last triple, so none is left; should one be, it is named as it is.
    out.extend(skolemize(groups.rest()));
    if !out.is_empty() {
        each(out)?;
    }
    Ok(count)
}

/// The triples of `resource` as the parser gives them.
fn triples_of(
    resource: &Resource,
) -> Result<Box<dyn Iterator<Item = Result<Triple, oxttl::TurtleParseError>>>> {
    Ok(match &resource.location {
        Location::Embedded(bytes) => Box::new(
            TurtleParser::new()
                .for_slice(*bytes)
                .map(|t| t.map_err(oxttl::TurtleParseError::from)),
        ),
        Location::File(path) => {
            let file = File::open(path).map_err(|e| Error::io(path, e))?;
            Box::new(TurtleParser::new().for_reader(BufReader::with_capacity(1 << 20, file)))
        }
    })
}

/// The blank nodes of a triple: subject and object.
fn blank_nodes(triple: &Triple) -> impl Iterator<Item = &BlankNode> {
    let subject = match &triple.subject {
        NamedOrBlankNode::BlankNode(b) => Some(b),
        NamedOrBlankNode::NamedNode(_) => None,
    };
    let object = match &triple.object {
        Term::BlankNode(b) => Some(b),
        _ => None,
    };
    subject.into_iter().chain(object)
}

/// The groups of blank nodes still being read: union-find over the nodes' ordinals, each root
/// holding its group.
#[derive(Default)]
struct Groups {
    /// Ordinal of each blank node met in this pass and not yet named.
    ordinals: HashMap<BlankNode, usize>,
    /// How many nodes this pass has met.
    met: usize,
    /// Parent of each open node.
    parent: HashMap<usize, usize>,
    /// The open groups, by root.
    open: HashMap<usize, Group>,
}

/// Blank nodes linked by the triples read so far.
struct Group {
    /// Their triples.
    triples: Vec<Triple>,
    /// The index of the last triple that uses one of them.
    end: u64,
    /// The nodes, with their ordinals.
    members: Vec<(usize, BlankNode)>,
}

impl Groups {
    fn root(&self, mut node: usize) -> usize {
        while let Some(&up) = self.parent.get(&node) {
            if up == node {
                break;
            }
            node = up;
        }
        node
    }

    /// Adds `triple`, the `index`th of the file, to the group of its blank nodes (merging the groups
    /// it links); returns the group's triples when no later triple uses any of its nodes.
    fn add(&mut self, triple: Triple, last_use: &[u64], index: u64) -> Option<Vec<Triple>> {
        let mut main: Option<usize> = None;
        for node in blank_nodes(&triple) {
            let ordinal = match self.ordinals.get(node) {
                Some(&o) => o,
                None => {
                    let o = self.met;
                    self.met += 1;
                    self.ordinals.insert(node.clone(), o);
                    self.parent.insert(o, o);
                    let end = last_use.get(o).copied().unwrap_or(index);
                    let members = vec![(o, node.clone())];
                    self.open.insert(
                        o,
                        Group {
                            triples: Vec::new(),
                            end,
                            members,
                        },
                    );
                    o
                }
            };
            let root = self.root(ordinal);
            self.parent.insert(ordinal, root);
            match main {
                None => main = Some(root),
                Some(m) if m != root => main = Some(self.merge(m, root)),
                Some(_) => {}
            }
        }
        let main = main?;
        let group = self.open.get_mut(&main)?;
        group.triples.push(triple);
        if group.end > index {
            return None;
        }
        let group = self.open.remove(&main)?;
        for (ordinal, node) in group.members {
            self.parent.remove(&ordinal);
            self.ordinals.remove(&node);
        }
        Some(group.triples)
    }

    /// Merges the groups rooted at `a` and `b`, the smaller into the larger; returns the new root.
    fn merge(&mut self, a: usize, b: usize) -> usize {
        let size = |r: usize| self.open.get(&r).map_or(0, |g| g.members.len());
        let (keep, gone) = if size(a) >= size(b) { (a, b) } else { (b, a) };
        self.parent.insert(gone, keep);
        if let Some(gone) = self.open.remove(&gone) {
            if let Some(group) = self.open.get_mut(&keep) {
                group.triples.extend(gone.triples);
                group.end = group.end.max(gone.end);
                group.members.extend(gone.members);
            }
        }
        keep
    }

    /// The triples of groups never completed.
    fn rest(self) -> Vec<Triple> {
        self.open.into_values().flat_map(|g| g.triples).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::turtle::parse_turtle_bytes;

    fn resource(text: &'static str) -> Resource {
        Resource {
            name: "test.ttl".into(),
            location: Location::Embedded(text.as_bytes()),
        }
    }

    /// The streamed triples, in batches of `batch`, sorted; and the whole-file ones, sorted.
    fn both(text: &'static str, batch: usize) -> (Vec<String>, Vec<String>) {
        let mut streamed = Vec::new();
        let count = stream_triples(&resource(text), batch, |triples| {
            assert!(triples.len() <= batch + 64, "a batch stays near its size");
            streamed.extend(triples.iter().map(ToString::to_string));
            Ok(())
        })
        .expect("streams");
        let whole = skolemize(parse_turtle_bytes(text.as_bytes()).expect("parses"));
        let mut whole: Vec<String> = whole.iter().map(ToString::to_string).collect();
        assert_eq!(count as usize, whole.len());
        streamed.sort();
        whole.sort();
        (streamed, whole)
    }

    #[test]
    fn streamed_names_equal_whole_file_names() {
        let texts = [
            // Nested anonymous nodes, a list, a statement after them.
            "@prefix ex: <http://e/> . ex:a ex:p [ ex:q [ ex:r 1 ] ; ex:s ( 1 2 [ ex:t 3 ] ) ] ; ex:u 4 . ex:b ex:p 5 .",
            // A labelled node used again far later, as subject and object.
            "@prefix ex: <http://e/> . ex:a ex:p _:x . ex:b ex:p 1 . ex:c ex:p 2 . _:x ex:q 3 . ex:d ex:p _:x .",
            // Two groups joined by a late triple.
            "@prefix ex: <http://e/> . _:x ex:p 1 . _:y ex:p 2 . ex:a ex:q 3 . _:x ex:r _:y . ex:b ex:q 4 .",
            // Identical anonymous nodes under different parents. (A cycle of blank nodes is named
            // by whichever of its nodes is hashed first, whole file or not.)
            "@prefix ex: <http://e/> . ex:a ex:p [ ex:q 1 ] . ex:b ex:p [ ex:q 1 ] .",
            // No blank node at all.
            "@prefix ex: <http://e/> . ex:a ex:p ex:b . ex:b ex:p \"x\" .",
        ];
        for text in texts {
            for batch in [1, 2, 1000] {
                let (streamed, whole) = both(text, batch);
                assert_eq!(streamed, whole, "batch {batch}: {text}");
            }
        }
    }

    #[test]
    fn a_syntax_error_gives_nothing_and_names_its_line() {
        let mut given = 0;
        let err = stream_triples(
            &resource("@prefix ex: <http://e/> .\nex:a ex:p 1 .\nex:b ex:p [ ex:q 2 .\n"),
            1,
            |t| {
                given += t.len();
                Ok(())
            },
        )
        .expect_err("bad Turtle");
        assert_eq!(given, 0, "nothing is given before the whole file parsed");
        assert!(err.to_string().contains("test.ttl"), "{err}");
        assert!(err.to_string().contains('3'), "{err}");
    }
}
