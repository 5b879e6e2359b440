//! Sums over source nodes that give the same bits on every run. Betweenness adds up one term per
//! source; summing those in whatever order threads finish (as a rayon `reduce` or a shared lock
//! does) makes the last digits vary run to run, and the report prints them. Here the sources are
//! cut into fixed blocks, each block is summed in source order, and the block sums are added in
//! block order, so the result depends on the graph alone — not on timing or the number of threads.

use std::ops::Range;

use rayon::prelude::*;

/// Sources per block: each block's partial sums cost one pass over `n` values, next to `BLOCK`
/// graph searches.
const BLOCK: usize = 32;

/// Blocks in flight per thread; their partial sums are held at once, `n` values each.
const BLOCKS_PER_THREAD: usize = 2;

/// `Σ_s term(s)` over the sources `s` in `0..n`, each term a vector of `n` values:
/// `add(state, s, sums)` adds source `s`'s term into `sums`, using `state` (made by `init`, one per
/// thread) as scratch space that it leaves ready for the next source.
///
/// On all cores when `parallel`, on this thread otherwise; both give bit-identical results.
pub(crate) fn sum_over_sources<S, I, F>(n: usize, parallel: bool, init: I, add: F) -> Vec<f64>
where
    S: Send,
    I: Fn() -> S + Sync + Send,
    F: Fn(&mut S, usize, &mut [f64]) + Sync + Send,
{
    let blocks: Vec<Range<usize>> = (0..n)
        .step_by(BLOCK)
        .map(|start| start..(start + BLOCK).min(n))
        .collect();
    let mut total = vec![0.0; n];
    if parallel {
        let wave = BLOCKS_PER_THREAD * rayon::current_num_threads().max(1);
        for group in blocks.chunks(wave) {
            // `collect` keeps block order whichever thread summed which block.
            let partials: Vec<Vec<f64>> = group
                .par_iter()
                .map_init(&init, |state, block| {
                    let mut sums = vec![0.0; n];
                    for s in block.clone() {
                        add(state, s, &mut sums);
                    }
                    sums
                })
                .collect();
            for sums in &partials {
                accumulate(&mut total, sums);
            }
        }
    } else {
        let mut state = init();
        let mut sums = vec![0.0; n];
        for block in blocks {
            sums.fill(0.0);
            for s in block {
                add(&mut state, s, &mut sums);
            }
            accumulate(&mut total, &sums);
        }
    }
    total
}

fn accumulate(total: &mut [f64], sums: &[f64]) {
    for (t, s) in total.iter_mut().zip(sums) {
        *t += s;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Terms whose float sum depends on the order of addition.
    fn add(_: &mut (), s: usize, sums: &mut [f64]) {
        for (v, x) in sums.iter_mut().enumerate() {
            *x += 1.0 / ((s * 7 + v * 13) % 97 + 1) as f64 * 1e-3_f64.powi((s % 5) as i32);
        }
    }

    #[test]
    fn parallel_and_serial_sums_are_the_same_bits() {
        let n = 1000;
        let serial = sum_over_sources(n, false, || (), add);
        for threads in [1, 2, 3, 7] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool");
            let parallel = pool.install(|| sum_over_sources(n, true, || (), add));
            assert!(
                serial
                    .iter()
                    .zip(&parallel)
                    .all(|(a, b)| a.to_bits() == b.to_bits()),
                "{threads} threads"
            );
        }
    }

    #[test]
    fn no_sources_sum_to_nothing() {
        assert!(sum_over_sources(0, true, || (), add).is_empty());
    }
}
