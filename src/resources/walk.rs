//! A bounded, safe walk of an input folder: regular files only, symbolic links followed only to
//! files inside the folder, never into loops or out across the file system.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// How deep below the top folder the walk goes.
const MAX_DEPTH: usize = 32;
/// How many entries the walk looks at before it decides it was pointed at the wrong folder.
const MAX_ENTRIES: usize = 200_000;

/// An entry that was passed over, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The entry.
    pub path: PathBuf,
    /// Why it was not read.
    pub reason: &'static str,
}

/// Every regular file under `dir` (recursively) whose extension is `ext`, sorted by path, and the
/// entries with that extension that were passed over.
///
/// # Errors
/// [`Error::Io`] when `dir` cannot be read, or when it is too large or deep to be an input folder.
pub fn files_with_extension(dir: &Path, ext: &str) -> Result<(Vec<PathBuf>, Vec<Skipped>)> {
    let root = dir.canonicalize().map_err(|e| Error::io(dir, e))?;
    let mut out = Vec::new();
    let mut skipped = Vec::new();
    let mut seen = 0usize;
    let mut stack = vec![(dir.to_owned(), 0usize)];
    while let Some((d, depth)) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|e| Error::io(&d, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&d, e))?;
            seen += 1;
            if seen > MAX_ENTRIES {
                return Err(too_big(dir, format!("more than {MAX_ENTRIES} entries")));
            }
            let path = entry.path();
            let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
            let wanted = path.extension().is_some_and(|e| e == ext);
            if kind.is_dir() {
                if depth + 1 > MAX_DEPTH {
                    return Err(too_big(dir, format!("folders nested deeper than {MAX_DEPTH}")));
                }
                stack.push((path, depth + 1));
            } else if kind.is_file() {
                if wanted {
                    out.push(path);
                }
            } else if kind.is_symlink() {
                match link_inside(&path, &root) {
                    Ok(true) if wanted => out.push(path),
                    Ok(true) => {}
                    Ok(false) => skipped.push(Skipped {
                        path,
                        reason: "a symbolic link to a folder or to something outside the input folder",
                    }),
                    Err(reason) => skipped.push(Skipped { path, reason }),
                }
            } else if wanted {
                skipped.push(Skipped {
                    path,
                    reason: "not a regular file (a FIFO, socket or device)",
                });
            }
        }
    }
    out.sort();
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    Ok((out, skipped))
}

/// True when the link ends at a regular file inside `root`.
fn link_inside(link: &Path, root: &Path) -> Result<bool, &'static str> {
    let target = link
        .canonicalize()
        .map_err(|_| "a broken symbolic link, or one in a loop")?;
    let meta = std::fs::metadata(&target).map_err(|_| "a broken symbolic link")?;
    Ok(meta.is_file() && target.starts_with(root))
}

fn too_big(dir: &Path, what: String) -> Error {
    Error::io(
        dir,
        std::io::Error::other(format!(
            "{what}: this does not look like an input folder; point the flag at the folder of input files"
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_files_in_order() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let d = tmp.path();
        std::fs::create_dir_all(d.join("articles")).expect("mkdir");
        for f in ["b.ttl", "a.ttl", "articles/001.ttl", "notes.txt"] {
            std::fs::write(d.join(f), "").expect("write");
        }
        let (files, skipped) = files_with_extension(d, "ttl").expect("walk");
        let names: Vec<_> = files
            .iter()
            .map(|p| p.strip_prefix(d).expect("inside").display().to_string())
            .collect();
        assert_eq!(names, ["a.ttl", "articles/001.ttl", "b.ttl"]);
        assert!(skipped.is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_folder_and_loops_are_skipped() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let outside = tmp.path().join("outside.ttl");
        std::fs::write(&outside, "").expect("write");
        let d = tmp.path().join("data");
        std::fs::create_dir(&d).expect("mkdir");
        std::fs::write(d.join("in.ttl"), "").expect("write");
        std::os::unix::fs::symlink(&outside, d.join("out.ttl")).expect("link");
        std::os::unix::fs::symlink(d.join("in.ttl"), d.join("alias.ttl")).expect("link");
        std::os::unix::fs::symlink(&d, d.join("loop")).expect("link");
        std::os::unix::fs::symlink(d.join("x.ttl"), d.join("y.ttl")).expect("link");
        std::os::unix::fs::symlink(d.join("y.ttl"), d.join("x.ttl")).expect("link");
        let (files, skipped) = files_with_extension(&d, "ttl").expect("walk");
        let names: Vec<_> = files
            .iter()
            .map(|p| p.file_name().expect("name").to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["alias.ttl", "in.ttl"]);
        let skipped: Vec<_> = skipped
            .iter()
            .map(|s| s.path.file_name().expect("name").to_string_lossy().into_owned())
            .collect();
        assert_eq!(skipped, ["loop", "out.ttl", "x.ttl", "y.ttl"]);
    }
}
