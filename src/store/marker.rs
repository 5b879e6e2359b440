//! Knowing a store folder when we see one: a build marks the folder it writes with a small manifest
//! file, and nothing that replaces or writes into a folder does so unless the folder is a store.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Name of the manifest file a build writes into every store folder.
pub const MARKER: &str = "borderkg-store.json";

/// What a `--store` path points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreKind {
    /// Nothing is there yet.
    Missing,
    /// An empty folder.
    EmptyFolder,
    /// A folder written by `borderkg build` (it holds the manifest).
    Store,
    /// A RocksDB folder without the manifest (built by an older borderkg): only database files.
    UnmarkedStore,
    /// A folder that holds something else; the first foreign entry is given.
    Foreign(PathBuf),
    /// A regular file, a device, a FIFO or a socket.
    NotAFolder,
}

/// Looks at `path` without changing anything.
///
/// # Errors
/// [`Error::Io`] when the folder cannot be listed.
pub fn kind(path: &Path) -> Result<StoreKind> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(StoreKind::Missing),
        Err(e) => return Err(Error::io(path, e)),
    };
    if !meta.is_dir() {
        return Ok(StoreKind::NotAFolder);
    }
    if path.join(MARKER).is_file() {
        return Ok(StoreKind::Store);
    }
    let mut empty = true;
    for entry in std::fs::read_dir(path).map_err(|e| Error::io(path, e))? {
        let entry = entry.map_err(|e| Error::io(path, e))?;
        empty = false;
        let is_file = entry.file_type().map(|t| t.is_file()).unwrap_or(false);
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_file || !is_rocksdb_file(&name) {
            return Ok(StoreKind::Foreign(entry.path()));
        }
    }
    if empty {
        Ok(StoreKind::EmptyFolder)
    } else if path.join("CURRENT").is_file() {
        Ok(StoreKind::UnmarkedStore)
    } else {
        Ok(StoreKind::Foreign(path.to_owned()))
    }
}

/// True for the names of the files RocksDB keeps in a database folder.
pub(crate) fn is_rocksdb_file(name: &str) -> bool {
    const EXACT: [&str; 4] = ["CURRENT", "IDENTITY", "LOCK", "LOG"];
    const PREFIXES: [&str; 3] = ["MANIFEST-", "OPTIONS-", "LOG.old."];
    EXACT.contains(&name)
        || PREFIXES.iter().any(|p| name.starts_with(p))
        || [".sst", ".log", ".blob", ".dbtmp"]
            .iter()
            .any(|ext| name.ends_with(ext))
}

/// Writes the manifest into the store folder `dir`, flushed to disk.
///
/// # Errors
/// [`Error::Io`] when it cannot be written.
pub fn write(dir: &Path) -> Result<()> {
    let path = dir.join(MARKER);
    let body = serde_json::json!({
        "format": "borderkg-store",
        "version": 1,
        "writer": concat!("borderkg ", env!("CARGO_PKG_VERSION")),
    });
    let text = format!("{body:#}\n");
    let io = |e| Error::io(&path, e);
    let mut file = std::fs::File::create(&path).map_err(io)?;
    std::io::Write::write_all(&mut file, text.as_bytes()).map_err(io)?;
    file.sync_all().map_err(io)
}

/// The nearest folder at or above `path` that is a store (marked, or a bare RocksDB folder).
pub fn enclosing_store(path: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(path).ok()?;
    absolute
        .ancestors()
        .find(|dir| dir.join(MARKER).is_file() || (dir.join("CURRENT").is_file() && has_manifest_file(dir)))
        .map(Path::to_owned)
}

fn has_manifest_file(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("MANIFEST-"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_stores_from_user_folders() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path();
        assert_eq!(kind(&dir.join("none")).expect("kind"), StoreKind::Missing);
        let empty = dir.join("empty");
        std::fs::create_dir(&empty).expect("mkdir");
        assert_eq!(kind(&empty).expect("kind"), StoreKind::EmptyFolder);
        let user = dir.join("user");
        std::fs::create_dir(&user).expect("mkdir");
        std::fs::write(user.join("thesis.docx"), "x").expect("write");
        assert!(matches!(kind(&user).expect("kind"), StoreKind::Foreign(_)));
        let old = dir.join("old");
        std::fs::create_dir(&old).expect("mkdir");
        for f in [
            "CURRENT",
            "MANIFEST-000005",
            "000004.sst",
            "OPTIONS-000007",
            "LOCK",
        ] {
            std::fs::write(old.join(f), "x").expect("write");
        }
        assert_eq!(kind(&old).expect("kind"), StoreKind::UnmarkedStore);
        let marked = dir.join("marked");
        std::fs::create_dir(&marked).expect("mkdir");
        write(&marked).expect("marker");
        std::fs::write(marked.join("anything"), "x").expect("write");
        assert_eq!(kind(&marked).expect("kind"), StoreKind::Store);
        let file = dir.join("file");
        std::fs::write(&file, "x").expect("write");
        assert_eq!(kind(&file).expect("kind"), StoreKind::NotAFolder);
        assert_eq!(enclosing_store(&marked.join("CURRENT")), Some(marked.clone()));
        assert_eq!(enclosing_store(&old.join("x/y")), Some(old));
        assert_eq!(enclosing_store(&user.join("thesis.docx")), None);
    }
}
