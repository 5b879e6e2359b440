//! Checks the one-predicate property shapes of a node shape over all its focus nodes by one scan
//! of each predicate. What is held is a digest and a count per focus node, never the nodes and
//! their values, so a check over millions of focus nodes stays small and its time grows with the
//! triples scanned.

use std::collections::HashMap;

use oxigraph::model::{NamedNode, Term};
use oxigraph::store::Store;

use super::check::Closures;
use super::direct::{self, Constraints, Graphs};
use super::read::{NodeShape, PropertyShape};
use super::Keyed;
use crate::build::digest::{term as digest, Digest};
use crate::error::Result;

/// The focus nodes of a shape: listed when few, else a digest per node with the number of values
/// it has for the property being checked.
pub enum Focus {
    Listed(Vec<Term>),
    Counted(HashMap<Digest, u64>),
}

impl Focus {
    /// The distinct focus nodes of `shape` in the checked graphs, listed if there are fewer than
    /// `scan_from` ([`direct::SCAN_FROM`], but for tests).
    ///
    /// # Errors
    /// A storage error.
    pub fn find(
        graphs: &Graphs<'_>,
        shape: &NodeShape,
        closures: &mut Closures,
        scan_from: usize,
    ) -> Result<Self> {
        let mut counted: HashMap<Digest, u64> = HashMap::new();
        let mut listed = Some(Vec::new());
        graphs.each_focus(shape, closures, |node| {
            if counted.insert(digest(node.as_ref()), 0).is_none() {
                if let Some(nodes) = &mut listed {
                    nodes.push(node);
                    if nodes.len() >= scan_from {
                        listed = None;
                    }
                }
            }
            Ok(())
        })?;
        Ok(match listed {
            Some(nodes) => Self::Listed(nodes),
            None => Self::Counted(counted),
        })
    }

    /// Checks `property` (whose path is `predicate`) on every focus node.
    ///
    /// # Errors
    /// A storage error.
    #[allow(clippy::too_many_arguments)]
    pub fn check(
        &mut self,
        graphs: &mut Graphs<'_>,
        store: &Store,
        shape: &NodeShape,
        property: &PropertyShape,
        predicate: &NamedNode,
        closures: &mut Closures,
        out: &mut Vec<Keyed>,
    ) -> Result<()> {
        let counts = match self {
            Self::Listed(nodes) => {
                return direct::check(graphs, store, nodes, property, predicate, closures, out)
            }
            Self::Counted(counts) => counts,
        };
        let constraints = Constraints::new(store, property, closures)?;
        counts.values_mut().for_each(|c| *c = 0);
        graphs.each_triple(predicate.as_ref(), |graphs, subject, object| {
            let node = Term::from(subject);
            let Some(count) = counts.get_mut(&digest(node.as_ref())) else {
                return Ok(());
            };
            *count += 1;
            constraints.value(graphs, &node, &object, out)
        })?;
        if !constraints.counts() {
            return Ok(());
        }
        // The nodes with too few or too many values are known by digest; a second pass over the
        // focus nodes names them.
        let mut wrong: HashMap<Digest, u64> = counts
            .iter()
            .filter(|(_, count)| constraints.breaks_count(**count))
            .map(|(d, c)| (*d, *c))
            .collect();
        if wrong.is_empty() {
            return Ok(());
        }
        graphs.each_focus(shape, closures, |node| {
            if let Some(count) = wrong.remove(&digest(node.as_ref())) {
                constraints.count(&node, count, out);
            }
            Ok(())
        })
    }
}
