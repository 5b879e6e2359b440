//! Opening the built store for reading.

use std::path::Path;

use oxigraph::store::Store;

use crate::error::{Error, Result};

/// Opens the store at `path` read-only, so queries never change it and can run beside each other.
///
/// # Errors
/// [`Error::StoreMissing`] when nothing was built there, or a storage error.
pub fn open(path: &Path) -> Result<Store> {
    if !path.join("CURRENT").exists() {
        return Err(Error::StoreMissing(path.to_owned()));
    }
    Ok(Store::open_read_only(path)?)
}
