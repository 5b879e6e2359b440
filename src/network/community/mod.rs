//! Communities: Louvain and label propagation to find them, modularity to score them. All three run
//! on [`Compact`](crate::network::compact::Compact) copies of the graph and are written here, as no
//! well-kept crate on our petgraph offers them (rustworkx-core has no community detection).

pub(crate) mod label_propagation;
pub(crate) mod louvain;
pub(crate) mod modularity;

/// Edges with parallel ones summed into one (undirected ones keyed by their sorted ends), sorted.
pub(crate) fn merge_edges(
    directed: bool,
    edges: impl IntoIterator<Item = (usize, usize, f64)>,
) -> Vec<(usize, usize, f64)> {
    let mut keyed: Vec<(usize, usize, f64)> = edges
        .into_iter()
        .map(|(a, b, w)| if directed || a <= b { (a, b, w) } else { (b, a, w) })
        .collect();
    keyed.sort_unstable_by_key(|&(a, b, _)| (a, b));
    let mut merged: Vec<(usize, usize, f64)> = Vec::with_capacity(keyed.len());
    for (a, b, w) in keyed {
        match merged.last_mut() {
            Some(last) if (last.0, last.1) == (a, b) => last.2 += w,
            _ => merged.push((a, b, w)),
        }
    }
    merged
}

/// Groups positions `0..labels.len()` by label, in label order, dropping empty groups.
pub(crate) fn group_by_label(labels: &[usize]) -> Vec<Vec<usize>> {
    let mut groups = vec![Vec::new(); labels.len()];
    for (node, &label) in labels.iter().enumerate() {
        groups[label].push(node);
    }
    groups.retain(|g| !g.is_empty());
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_edges_merge() {
        let merged = merge_edges(false, [(1, 0, 1.0), (0, 1, 2.0), (1, 1, 1.0)]);
        assert_eq!(merged, vec![(0, 1, 3.0), (1, 1, 1.0)]);
        let merged = merge_edges(true, [(1, 0, 1.0), (0, 1, 2.0)]);
        assert_eq!(merged, vec![(0, 1, 2.0), (1, 0, 1.0)]);
    }

    #[test]
    fn groups_follow_labels() {
        assert_eq!(group_by_label(&[2, 0, 2, 0]), vec![vec![1, 3], vec![0, 2]]);
    }
}
