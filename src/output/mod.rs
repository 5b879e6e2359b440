//! Writing output files safely: into a temporary file beside the target, flushed and synced, then
//! renamed over it, so a failed command never leaves a half-written file behind. Only regular files
//! are replaced: a device, FIFO or terminal is written to directly, a symbolic link is followed to
//! its target, and nothing is written inside a store folder.

mod interrupt;

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `path` through a temporary file beside it (flushed, synced, then renamed over `path`),
/// so that a failed write leaves any old file whole. The file gets the permissions of any new file,
/// not the owner-only ones of a temporary file.
///
/// # Errors
/// A failed write, naming `path`.
pub fn write_atomically(path: &Path, render: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let io = |e: std::io::Error| Error::io(path, e);
    if let Some(store) = crate::store::enclosing_store(path) {
        return Err(Error::UnsafeOutput {
            path: path.to_owned(),
            reason: format!(
                "it lies inside the store folder {}, which only `borderkg build` writes; choose a path outside it",
                store.display()
            ),
        });
    }
    let target = resolve_links(path)?;
    match std::fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => {
            return Err(Error::UnsafeOutput {
                path: path.to_owned(),
                reason: "it is a folder; give -o a file path".into(),
            })
        }
        Ok(meta) if !meta.is_file() => {
            // A device, FIFO or terminal: write into it, never replace the node itself.
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(io)?;
            let mut w = std::io::BufWriter::new(&mut file);
            render(&mut w)?;
            return w.flush().map_err(io);
        }
        _ => {}
    }
    replace_regular_file(&target, render)
}

/// Follows symbolic links from `path` to the file they end at (which may not exist yet).
fn resolve_links(path: &Path) -> Result<std::path::PathBuf> {
    let mut current = path.to_owned();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current).map_err(|e| Error::io(&current, e))?;
                current = match current.parent() {
                    Some(dir) if link.is_relative() => dir.join(link),
                    _ => link,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(Error::UnsafeOutput {
        path: path.to_owned(),
        reason: "its symbolic links form a loop".into(),
    })
}

/// The temporary-file-then-rename write of a regular file (or a new one).
fn replace_regular_file(path: &Path, render: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let io = |e: std::io::Error| Error::io(path, e);
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        // Like any new file (the umask applies), not tempfile's owner-only 0600.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir).map_err(io)?;
    let tmp_path = tmp.path().to_owned();
    interrupt::remove_on_stop(&tmp_path, path);
    let written = (|| {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        render(&mut w)?;
        w.flush().map_err(io)?;
        drop(w);
        tmp.as_file().sync_all().map_err(io)
    })();
    // A failure drops (and so removes) the temporary file; success renames it into place.
    interrupt::settle(&tmp_path, || match written {
        Ok(()) => tmp.persist(path).map(drop).map_err(|e| io(e.error)),
        Err(e) => {
            drop(tmp);
            Err(e)
        }
    })
}
