//! Compressed sparse row (CSR) adjacency of a [`Compact`] graph: every node's neighbours side by
//! side in one flat array, with the edge weights alongside. The hand-written traversals and power
//! iterations of `centrality` walk it instead of petgraph's linked edge lists, which cost a pointer
//! chase per edge; it is built once per call, in O(V + E).

use super::compact::Compact;

/// One direction of a graph's adjacency: the neighbours of position `v` are
/// `neighbors[offsets[v]..offsets[v + 1]]`, each with its edge's weight at the same index of
/// `weights` and `v` itself at the same index of `rows`. A row keeps the edges' order in
/// [`Compact::edges`]; a parallel edge is listed once per edge, a self-loop once.
pub(crate) struct Csr {
    offsets: Vec<usize>,
    neighbors: Vec<u32>,
    weights: Vec<f64>,
    /// The row of each entry, for sweeps over all rows in one flat loop.
    rows: Vec<u32>,
}

impl Csr {
    /// Out-neighbours of every position: a directed edge `a → b` lists `b` in row `a`; an
    /// undirected edge lists each end in the other's row (a self-loop once, as in networkx's
    /// adjacency).
    pub fn outgoing<Id: Copy>(compact: &Compact<Id>) -> Self {
        Self::from_arcs(compact, false)
    }

    /// In-neighbours of every position: a directed edge `a → b` lists `a` in row `b`. On an
    /// undirected graph this is [`Csr::outgoing`].
    pub fn incoming<Id: Copy>(compact: &Compact<Id>) -> Self {
        Self::from_arcs(compact, compact.directed)
    }

    /// Counting sort of the arcs by their tail (by their head when `reverse`), stable in edge order.
    fn from_arcs<Id: Copy>(compact: &Compact<Id>, reverse: bool) -> Self {
        let n = compact.len();
        // Graphs past u32::MAX nodes do not fit petgraph's default index either.
        assert!(u32::try_from(n).is_ok(), "the graph has more than u32::MAX nodes");
        let both_ways = !compact.directed;
        let arcs = || {
            compact.edges.iter().flat_map(move |&(a, b, w)| {
                let back = (both_ways && a != b).then_some((b, a, w));
                std::iter::once((a, b, w)).chain(back)
            })
        };
        // The row an arc is listed in, and the neighbour listed.
        let ends = |(a, b, _): (usize, usize, f64)| if reverse { (b, a) } else { (a, b) };
        let mut offsets = vec![0usize; n + 1];
        for arc in arcs() {
            offsets[ends(arc).0 + 1] += 1;
        }
        for v in 0..n {
            offsets[v + 1] += offsets[v];
        }
        let m = offsets[n];
        let mut next = offsets.clone();
        let mut neighbors = vec![0u32; m];
        let mut weights = vec![0.0; m];
        for arc in arcs() {
            let (row, neighbor) = ends(arc);
            let k = next[row];
            next[row] += 1;
            neighbors[k] = neighbor as u32;
            weights[k] = arc.2;
        }
        let rows = (0..n)
            .flat_map(|v| std::iter::repeat_n(v as u32, offsets[v + 1] - offsets[v]))
            .collect();
        Self {
            offsets,
            neighbors,
            weights,
            rows,
        }
    }

    /// The neighbours in row `v`.
    #[inline]
    pub fn neighbors(&self, v: usize) -> &[u32] {
        &self.neighbors[self.offsets[v]..self.offsets[v + 1]]
    }

    /// The neighbours in row `v` with their edge weights.
    #[inline]
    pub fn row(&self, v: usize) -> (&[u32], &[f64]) {
        let range = self.offsets[v]..self.offsets[v + 1];
        (&self.neighbors[range.clone()], &self.weights[range])
    }

    /// Adds `Σ values[u] · w` over the neighbours `u` of each row `v` and their weights `w` to
    /// `into[v]`, in row order: one round of a power iteration. It is one flat loop over the
    /// entries; a loop per row would mispredict its exit at nearly every node of a sparse graph,
    /// which doubles the time of the round.
    pub fn add_weighted_sums(&self, values: &[f64], into: &mut [f64]) {
        for ((&v, &u), &w) in self.rows.iter().zip(&self.neighbors).zip(&self.weights) {
            into[v as usize] += values[u as usize] * w;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use petgraph::graph::{DiGraph, UnGraph};

    fn rows(csr: &Csr) -> Vec<Vec<(u32, f64)>> {
        (0..csr.offsets.len() - 1)
            .map(|v| {
                let (nb, w) = csr.row(v);
                nb.iter().copied().zip(w.iter().copied()).collect()
            })
            .collect()
    }

    #[test]
    fn directed_rows_follow_edges() {
        let g = DiGraph::<(), f64>::from_edges([(0, 1, 2.0), (2, 1, 3.0), (1, 1, 4.0), (0, 1, 5.0)]);
        let compact = Compact::new(&g, |e| Ok(*e.weight())).expect("finite");
        let out = Csr::outgoing(&compact);
        assert_eq!(
            rows(&out),
            vec![vec![(1, 2.0), (1, 5.0)], vec![(1, 4.0)], vec![(1, 3.0)]]
        );
        let inc = Csr::incoming(&compact);
        assert_eq!(
            rows(&inc),
            vec![vec![], vec![(0, 2.0), (2, 3.0), (1, 4.0), (0, 5.0)], vec![]]
        );
    }

    #[test]
    fn undirected_edges_go_both_ways_and_self_loops_once() {
        let g = UnGraph::<(), f64>::from_edges([(0, 1, 2.0), (1, 1, 4.0), (2, 1, 3.0)]);
        let compact = Compact::new(&g, |e| Ok(*e.weight())).expect("finite");
        let expected = vec![vec![(1, 2.0)], vec![(0, 2.0), (1, 4.0), (2, 3.0)], vec![(1, 3.0)]];
        assert_eq!(rows(&Csr::outgoing(&compact)), expected);
        assert_eq!(rows(&Csr::incoming(&compact)), expected);
    }

    #[test]
    fn weighted_sums_follow_the_rows() {
        let values = [1.0, 10.0, 100.0];
        let g = DiGraph::<(), f64>::from_edges([(0, 2, 2.0), (1, 2, 3.0)]);
        let compact = Compact::new(&g, |e| Ok(*e.weight())).expect("finite");
        let mut sums = vec![0.5; 3];
        Csr::incoming(&compact).add_weighted_sums(&values, &mut sums);
        assert_eq!(sums, [0.5, 0.5, 32.5]);
        let mut sums = vec![0.0; 3];
        Csr::outgoing(&compact).add_weighted_sums(&values, &mut sums);
        assert_eq!(sums, [200.0, 300.0, 0.0]);
    }
}
