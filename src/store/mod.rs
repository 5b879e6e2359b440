//! The on-disk store: generations published atomically by one writer at a time, opened by readers
//! that never see a swap half-done; recognising a store folder, and refusing to replace anything
//! that is not one.

mod generations;
mod marker;
mod triples;

pub use generations::{current, open, OpenStore, Staging, WhenBusy, Writer};
pub use marker::{enclosing_store, kind, write as write_marker, StoreKind, MARKER};
pub use triples::{held_in, UnionTriples};

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Quads per bulk-load batch. Oxigraph's default is a million per thread, about 2 GB on two
/// cores; this loads as fast and keeps an import of any size within the memory the product
/// promises. An import feeds the loader batches of this size, each checked against the shapes
/// before it is handed over.
pub const BULK_BATCH_QUADS: usize = 200_000;

/// Background threads of a bulk load: each holds a batch, so more would only cost memory.
const BULK_THREADS: usize = 2;

/// A bulk loader on `store` whose batches hold [`BULK_BATCH_QUADS`] quads.
pub fn bulk_loader(store: &oxigraph::store::Store) -> oxigraph::store::BulkLoader<'_> {
    // Oxigraph sizes a batch as megabytes × 1000 / threads.
    store
        .bulk_loader()
        .with_num_threads(BULK_THREADS)
        .with_max_memory_size_in_megabytes(BULK_BATCH_QUADS * BULK_THREADS / 1000)
}

/// Checks that a build may replace whatever is at `store`: nothing, an empty folder or a store, and
/// that `store` neither is, nor lies inside, nor contains one of `inputs` (flag name, folder).
///
/// # Errors
/// [`Error::UnsafeStore`] saying what is there and what to do.
pub fn check_replaceable(store: &Path, inputs: &[(&str, &Path)]) -> Result<()> {
    let refuse = |reason: String| Error::UnsafeStore {
        path: store.to_owned(),
        reason,
    };
    let store_abs = normalised(store);
    for (flag, input) in inputs {
        let input_abs = normalised(input);
        let relation = if store_abs == input_abs {
            "is"
        } else if store_abs.starts_with(&input_abs) {
            "lies inside"
        } else if input_abs.starts_with(&store_abs) {
            "contains"
        } else {
            continue;
        };
        return Err(refuse(format!(
            "it {relation} the {flag} folder {}; a build writes and deletes store files in its \
             store folder, so keep the store apart from its inputs",
            input.display()
        )));
    }
    match kind(store)? {
        StoreKind::Missing | StoreKind::EmptyFolder | StoreKind::Store | StoreKind::UnmarkedStore => {}
        StoreKind::NotAFolder => {
            return Err(refuse(
                "it is a file, not a folder; a store is a folder: give --store a folder path".into(),
            ))
        }
        StoreKind::Foreign(entry) => {
            return Err(refuse(format!(
                "it is a folder that is not a borderkg store (it holds {}), and a build writes and \
                 deletes store files there; give --store a new or empty folder",
                entry.display()
            )))
        }
    }
    Ok(())
}

/// `path` made absolute, with symbolic links resolved as far as the path exists.
fn normalised(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(canonical) = existing.canonicalize() {
            return rest.iter().rev().fold(canonical, |p, part| p.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_may_not_overlap_its_inputs() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let data = tmp.path().join("data");
        std::fs::create_dir(&data).expect("mkdir");
        let ok = tmp.path().join("store");
        check_replaceable(&ok, &[("--data", &data)]).expect("separate folders");
        for bad in [data.clone(), data.join("store"), tmp.path().to_owned()] {
            let err = check_replaceable(&bad, &[("--data", &data)]).expect_err("overlap");
            assert!(err.to_string().contains("--data"), "{err}");
        }
    }
}
