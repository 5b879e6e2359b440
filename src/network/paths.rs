//! The k shortest simple paths between two nodes by number of hops, with Yen's algorithm over
//! breadth-first searches. petgraph's `k_shortest_path` gives only path lengths and rustworkx-core's
//! only lengths or one path, so this is written here.

use std::collections::{BTreeSet, HashSet, VecDeque};

/// Up to `k` shortest loopless paths from `source` to `target` in a graph given as adjacency lists
/// (`neighbours[u]` lists the nodes one hop from `u`, in a fixed order), shortest first; ties in
/// length are broken by the node sequence, so the result is deterministic.
///
/// # Arguments
/// * `neighbours` — adjacency lists indexed by node; follow only what they list (give both
///   directions for an undirected graph).
/// * `source`, `target` — node indices.
/// * `k` — how many paths at most.
///
/// # Returns
/// Paths as node sequences from `source` to `target`; empty when `target` cannot be reached.
///
/// # Complexity
/// O(k · V · (V + E)): each of the k rounds runs a breadth-first search per spur node.
///
/// # Example
/// ```
/// use borderkg::network::k_shortest_paths;
/// // 0 - 1 - 3, 0 - 2 - 3, 0 - 3
/// let adj = vec![vec![1, 2, 3], vec![0, 3], vec![0, 3], vec![0, 1, 2]];
/// let paths = k_shortest_paths(&adj, 0, 3, 2);
/// assert_eq!(paths, vec![vec![0, 3], vec![0, 1, 3]]);
/// ```
pub fn k_shortest_paths(
    neighbours: &[Vec<usize>],
    source: usize,
    target: usize,
    k: usize,
) -> Vec<Vec<usize>> {
    let n = neighbours.len();
    if k == 0 || source >= n || target >= n {
        return Vec::new();
    }
    let Some(first) = bfs(neighbours, source, target, &HashSet::new(), &HashSet::new()) else {
        return Vec::new();
    };
    let mut found: Vec<Vec<usize>> = vec![first];
    let mut candidates: BTreeSet<(usize, Vec<usize>)> = BTreeSet::new();
    while found.len() < k {
        let last = found[found.len() - 1].clone();
        for i in 0..last.len().saturating_sub(1) {
            let spur = last[i];
            let root = &last[..=i];
            let mut removed_edges: HashSet<(usize, usize)> = HashSet::new();
            for p in &found {
                if p.len() > i && p[..=i] == *root {
                    removed_edges.insert((p[i], p[i + 1]));
                }
            }
            let removed_nodes: HashSet<usize> = root[..i].iter().copied().collect();
            if let Some(spur_path) = bfs(neighbours, spur, target, &removed_nodes, &removed_edges) {
                let mut total = root[..i].to_vec();
                total.extend(spur_path);
                if !found.contains(&total) {
                    candidates.insert((total.len(), total));
                }
            }
        }
        match candidates.pop_first() {
            Some((_, path)) => found.push(path),
            None => break,
        }
    }
    found
}

/// Shortest path by hops avoiding some nodes and edges; neighbours are visited in list order.
fn bfs(
    neighbours: &[Vec<usize>],
    source: usize,
    target: usize,
    removed_nodes: &HashSet<usize>,
    removed_edges: &HashSet<(usize, usize)>,
) -> Option<Vec<usize>> {
    let mut previous: Vec<Option<usize>> = vec![None; neighbours.len()];
    let mut seen = vec![false; neighbours.len()];
    seen[source] = true;
    let mut queue = VecDeque::from([source]);
    while let Some(u) = queue.pop_front() {
        if u == target {
            let mut path = vec![target];
            let mut at = target;
            while let Some(p) = previous[at] {
                path.push(p);
                at = p;
            }
            path.reverse();
            return Some(path);
        }
        for &v in &neighbours[u] {
            if !seen[v] && !removed_nodes.contains(&v) && !removed_edges.contains(&(u, v)) {
                seen[v] = true;
                previous[v] = Some(u);
                queue.push_back(v);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid() -> Vec<Vec<usize>> {
        // 0-1-2
        // | | |
        // 3-4-5
        vec![
            vec![1, 3],
            vec![0, 2, 4],
            vec![1, 5],
            vec![0, 4],
            vec![1, 3, 5],
            vec![2, 4],
        ]
    }

    #[test]
    fn finds_all_three_shortest_grid_paths_then_longer() {
        let paths = k_shortest_paths(&grid(), 0, 5, 4);
        assert_eq!(paths.len(), 4);
        assert!(paths[..3].iter().all(|p| p.len() == 4));
        assert!(paths[3].len() > 4);
        let distinct: HashSet<&Vec<usize>> = paths.iter().collect();
        assert_eq!(distinct.len(), 4);
    }

    #[test]
    fn unreachable_gives_nothing() {
        assert!(k_shortest_paths(&[vec![], vec![]], 0, 1, 3).is_empty());
    }

    proptest::proptest! {
        /// Every path found uses only real edges, has no repeated node, and paths come in order.
        #[test]
        fn paths_use_real_edges(edges in proptest::collection::vec((0usize..8, 0usize..8), 0..24), k in 1usize..5) {
            let mut adj = vec![Vec::new(); 8];
            for (a, b) in edges {
                if a != b && !adj[a].contains(&b) {
                    adj[a].push(b);
                }
            }
            let paths = k_shortest_paths(&adj, 0, 7, k);
            proptest::prop_assert!(paths.len() <= k);
            for w in paths.windows(2) {
                proptest::prop_assert!(w[0].len() <= w[1].len());
            }
            for p in &paths {
                proptest::prop_assert_eq!(p.first(), Some(&0));
                proptest::prop_assert_eq!(p.last(), Some(&7));
                let unique: HashSet<&usize> = p.iter().collect();
                proptest::prop_assert_eq!(unique.len(), p.len());
                for hop in p.windows(2) {
                    proptest::prop_assert!(adj[hop[0]].contains(&hop[1]));
                }
            }
        }
    }
}
