//! Replaces blank nodes with skolem IRIs derived from what the node says, so that rebuilding the
//! same data gives the same IRIs and exports diff cleanly.

use std::collections::HashMap;

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
        visiting: Vec::new(),
    };
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
    visiting: Vec<BlankNode>,
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

impl NodeHasher<'_> {
    /// Hash of what the node says, nested blank nodes included.
    fn content(&mut self, node: &BlankNode) -> String {
        if let Some(h) = self.content.get(node) {
            return h.clone();
        }
        if self.visiting.contains(node) {
            return "cycle".to_owned();
        }
        self.visiting.push(node.clone());
        let mut lines: Vec<String> = self
            .outgoing
            .get(node)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(|(p, o)| match o {
                Term::BlankNode(b) => format!("{p} _:{}", self.content(&b)),
                // A node already skolemized (read back from an export) hashes like the blank
                // node it came from.
                Term::NamedNode(n) if n.as_str().starts_with(GENID) => {
                    format!("{p} _:{}", &n.as_str()[GENID.len()..])
                }
                o => format!("{p} {o}"),
            })
            .collect();
        self.visiting.pop();
        lines.sort();
        if lines.is_empty() {
            // An empty node carries nothing to hash: keep it distinct from other empty nodes.
            lines.push(format!("empty {}", node.as_str()));
        }
        let hex = digest(&lines);
        self.content.insert(node.clone(), hex.clone());
        hex
    }

    /// The skolem name: content plus the edges that point at the node.
    fn name(&mut self, node: &BlankNode) -> String {
        if let Some(h) = self.names.get(node) {
            return h.clone();
        }
        let content = self.content(node);
        if self.visiting.contains(node) {
            return content;
        }
        self.visiting.push(node.clone());
        let mut lines: Vec<String> = self
            .incoming
            .get(node)
            .cloned()
            .unwrap_or_default()
            .into_iter()
            .map(|(s, p)| match s {
                NamedOrBlankNode::BlankNode(b) => format!("_:{} {p}", self.name(&b)),
                s => format!("{s} {p}"),
            })
            .collect();
        self.visiting.pop();
        lines.sort();
        lines.push(content);
        let hex = digest(&lines);
        self.names.insert(node.clone(), hex.clone());
        hex
    }
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
    fn cycles_terminate() {
        let out = skolemized("@prefix ex: <http://e/> . _:x ex:p _:y . _:y ex:p _:x .");
        assert_eq!(out.len(), 2);
    }
}
