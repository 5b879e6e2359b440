//! Replaces blank nodes with skolem IRIs derived from what the node says, so that rebuilding the
//! same data gives the same IRIs and exports diff cleanly.

use std::collections::{HashMap, HashSet};

use oxigraph::model::{BlankNode, NamedNode, NamedOrBlankNode, Term, Triple};
use sha2::{Digest, Sha256};

use crate::vocab::GENID;

/// Replaces every blank node of `triples` with `genid:<hash>`.
///
/// The hash covers what the node says (its predicates and objects, nested blank nodes by their own
/// content hash) and where it hangs (the subject and predicate pointing at it, a blank parent by its
/// own skolem name). So an attestation of one event never merges with an identical-looking
/// attestation of another, and the same data always gets the same IRIs. Blank-node cycles are
/// broken by hashing the back edge as a marker. Runs in O(t log t) for t triples.
pub fn skolemize(triples: Vec<Triple>) -> Vec<Triple> {
    let mut outgoing: HashMap<BlankNode, Vec<(String, Term)>> = HashMap::new();
    let mut incoming: HashMap<BlankNode, Vec<(NamedOrBlankNode, String)>> = HashMap::new();
    for t in &triples {
        if let NamedOrBlankNode::BlankNode(b) = &t.subject {
            outgoing
                .entry(b.clone())
                .or_default()
                .push((t.predicate.to_string(), t.object.clone()));
        }
        if let Term::BlankNode(b) = &t.object {
            incoming
                .entry(b.clone())
                .or_default()
                .push((t.subject.clone(), t.predicate.to_string()));
        }
    }
    if outgoing.is_empty() && incoming.is_empty() {
        return triples;
    }
    let mut hasher = NodeHasher {
        outgoing: &outgoing,
        incoming: &incoming,
        content: HashMap::new(),
        names: HashMap::new(),
    };
    // Every node's content first (memoised, so linear overall), then names, which read them.
    for node in outgoing.keys().chain(incoming.keys()) {
        let _ = hasher.content(node);
    }
    let name = |b: &BlankNode, hasher: &mut NodeHasher<'_>| {
        NamedNode::new_unchecked(format!("{GENID}{}", hasher.name(b)))
    };
    triples
        .into_iter()
        .map(|t| {
            let subject = match t.subject {
                NamedOrBlankNode::BlankNode(b) => name(&b, &mut hasher).into(),
                s => s,
            };
            let object = match t.object {
                Term::BlankNode(b) => name(&b, &mut hasher).into(),
                o => o,
            };
            Triple::new(subject, t.predicate, object)
        })
        .collect()
}

struct NodeHasher<'a> {
    outgoing: &'a HashMap<BlankNode, Vec<(String, Term)>>,
    incoming: &'a HashMap<BlankNode, Vec<(NamedOrBlankNode, String)>>,
    content: HashMap<BlankNode, String>,
    names: HashMap<BlankNode, String>,
}

fn digest(lines: &[String]) -> String {
    let mut digest = Sha256::new();
    for line in lines {
        digest.update(line.as_bytes());
        digest.update(b"\n");
    }
    digest.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Computes `cache[node]` for `root` and every node reachable from it through `next`, children
/// before parents, with an explicit stack: a list of 100,000 items or a chain of nested nodes
/// that deep needs no deeper call stack than a single node. `finish` sees the cache and the nodes
/// on the current path (a child on the path closes a cycle).
fn post_order(
    root: &BlankNode,
    cache: &mut HashMap<BlankNode, String>,
    next: impl Fn(&BlankNode) -> Vec<BlankNode>,
    mut finish: impl FnMut(&BlankNode, &HashMap<BlankNode, String>, &HashSet<BlankNode>) -> String,
) {
    let mut on_path: HashSet<BlankNode> = HashSet::new();
    let mut stack = vec![(root.clone(), false)];
    while let Some((node, expanded)) = stack.pop() {
        if cache.contains_key(&node) {
            continue;
        }
        if expanded {
            let value = finish(&node, cache, &on_path);
            on_path.remove(&node);
            cache.insert(node, value);
        } else if !on_path.contains(&node) {
            on_path.insert(node.clone());
            let children = next(&node);
            stack.push((node, true));
            for child in children {
                if !cache.contains_key(&child) && !on_path.contains(&child) {
                    stack.push((child, false));
                }
            }
        }
    }
}

impl NodeHasher<'_> {
    /// Hash of what the node says, nested blank nodes included.
    fn content(&mut self, node: &BlankNode) -> String {
        let outgoing = self.outgoing;
        post_order(
            node,
            &mut self.content,
            |n| blank_objects(outgoing, n),
            |n, cache, on_path| {
                let mut lines: Vec<String> = outgoing
                    .get(n)
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                    .iter()
                    .map(|(p, o)| match o {
                        Term::BlankNode(b) => match cache.get(b) {
                            Some(h) if !on_path.contains(b) => format!("{p} _:{h}"),
                            _ => format!("{p} _:cycle"),
                        },
                        // A node already skolemized (read back from an export) hashes like the
                        // blank node it came from.
                        Term::NamedNode(iri) if iri.as_str().starts_with(GENID) => {
                            format!("{p} _:{}", &iri.as_str()[GENID.len()..])
                        }
                        o => format!("{p} {o}"),
                    })
                    .collect();
                lines.sort();
                // An empty node hashes as a constant: the edge pointing at it tells it apart in
                // its name, so its IRI is the same on every build.
                if lines.is_empty() {
                    lines.push("empty".to_owned());
                }
                digest(&lines)
            },
        );
        self.content.get(node).cloned().unwrap_or_default()
    }

    /// The skolem name: content plus the edges that point at the node.
    fn name(&mut self, node: &BlankNode) -> String {
        if let Some(h) = self.names.get(node) {
            return h.clone();
        }
        let incoming = self.incoming;
        let parents = |n: &BlankNode| -> Vec<BlankNode> {
            incoming
                .get(n)
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .filter_map(|(s, _)| match s {
                    NamedOrBlankNode::BlankNode(b) => Some(b.clone()),
                    NamedOrBlankNode::NamedNode(_) => None,
                })
                .collect()
        };
        let content = &self.content;
        post_order(node, &mut self.names, parents, |n, names, on_path| {
            let mut lines: Vec<String> = incoming
                .get(n)
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(|(s, p)| match s {
                    NamedOrBlankNode::BlankNode(b) => {
                        let parent = match names.get(b) {
                            Some(h) if !on_path.contains(b) => h,
                            _ => content.get(b).map_or("", String::as_str),
                        };
                        format!("_:{parent} {p}")
                    }
                    s => format!("{s} {p}"),
                })
                .collect();
            lines.sort();
            lines.push(content.get(n).cloned().unwrap_or_default());
            digest(&lines)
        });
        self.names.get(node).cloned().unwrap_or_default()
    }
}

fn blank_objects(outgoing: &HashMap<BlankNode, Vec<(String, Term)>>, node: &BlankNode) -> Vec<BlankNode> {
    outgoing
        .get(node)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|(_, o)| match o {
            Term::BlankNode(b) => Some(b.clone()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::turtle::parse_turtle_bytes;

    fn skolemized(ttl: &str) -> Vec<String> {
        let triples = parse_turtle_bytes(ttl.as_bytes()).expect("valid turtle");
        let mut out: Vec<String> = skolemize(triples).iter().map(ToString::to_string).collect();
        out.sort();
        out
    }

    #[test]
    fn same_content_same_iri_across_parses() {
        let ttl = "@prefix ex: <http://e/> . ex:a ex:p [ ex:q 1 ; ex:r [ ex:s 2 ] ] .";
        assert_eq!(skolemized(ttl), skolemized(ttl));
        assert!(skolemized(ttl).iter().all(|t| !t.contains("_:")));
    }

    #[test]
    fn different_content_different_iri() {
        let a = skolemized("@prefix ex: <http://e/> . ex:a ex:p [ ex:q 1 ] .");
        let b = skolemized("@prefix ex: <http://e/> . ex:a ex:p [ ex:q 2 ] .");
        assert_ne!(a[0], b[0]);
    }

    #[test]
    fn nested_change_changes_parent() {
        let a = skolemized("@prefix ex: <http://e/> . ex:a ex:p [ ex:r [ ex:s 1 ] ] .");
        let b = skolemized("@prefix ex: <http://e/> . ex:a ex:p [ ex:r [ ex:s 2 ] ] .");
        let parent = |v: &[String]| v.iter().find(|t| t.starts_with("<http://e/a>")).cloned();
        assert_ne!(parent(&a), parent(&b));
    }

    #[test]
    fn identical_nodes_under_different_parents_stay_distinct() {
        let out = skolemized("@prefix ex: <http://e/> . ex:a ex:p [ ex:q 1 ] . ex:b ex:p [ ex:q 1 ] .");
        let objects: std::collections::BTreeSet<_> = out
            .iter()
            .filter(|t| t.contains("<http://e/p>"))
            .map(|t| t.split(' ').nth(2).map(str::to_owned))
            .collect();
        assert_eq!(objects.len(), 2, "{out:?}");
    }

    #[test]
    fn long_lists_and_deep_nesting_do_not_overflow_the_stack() {
        let items: Vec<String> = (0..20_000).map(|i| i.to_string()).collect();
        let list = format!("@prefix ex: <http://e/> . ex:a ex:p ( {} ) .", items.join(" "));
        let out = skolemized(&list);
        assert_eq!(out.len(), 40_001);
        let depth = 30_000;
        let nested = format!(
            "@prefix ex: <http://e/> . ex:a ex:p {} 1 {} .",
            "[ ex:q ".repeat(depth),
            "]".repeat(depth)
        );
        assert_eq!(skolemized(&nested).len(), depth + 1);
    }

    #[test]
    fn empty_nodes_get_the_same_iri_on_every_build() {
        let ttl = "@prefix ex: <http://e/> . ex:a ex:p [] . ex:b ex:p [ ex:r [] ] .";
        assert_eq!(skolemized(ttl), skolemized(ttl));
        let out = skolemized(ttl);
        let objects: std::collections::BTreeSet<_> = out
            .iter()
            .filter_map(|t| t.split(' ').nth(2).map(str::to_owned))
            .collect();
        assert_eq!(objects.len(), 3, "three distinct nodes: {out:?}");
    }

    #[test]
    fn skolem_names_are_fixed_for_fixed_input() {
        let out = skolemized("@prefix ex: <http://e/> . ex:a ex:p [ ex:q 1 ] .");
        let golden = out.iter().find(|t| t.starts_with("<http://e/a>")).expect("edge");
        assert_eq!(
            golden, GOLDEN_EDGE,
            "skolem IRIs changed: every attestation would be renamed"
        );
    }

    const GOLDEN_EDGE: &str =
        "<http://e/a> <http://e/p> <https://w3id.org/borderkg/id/.well-known/genid/bbfc695c85cdb59db40f4c6c>";

    #[test]
    fn cycles_terminate() {
        let out = skolemized("@prefix ex: <http://e/> . _:x ex:p _:y . _:y ex:p _:x .");
        assert_eq!(out.len(), 2);
    }
}
