//! Atomic replacement of the store: a new store is built in a sibling folder and swapped in only
//! when the build succeeded, so a failed build leaves the previous store queryable.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A folder beside the target store in which a new store is being built.
#[derive(Debug)]
pub struct StagingDir {
    staging: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl StagingDir {
    /// Makes an empty staging folder beside `target` (`.<name>.building`), removing a stale one.
    ///
    /// # Errors
    /// When the parent folder cannot be created or the stale folder removed.
    pub fn beside(target: &Path) -> Result<Self> {
        let parent = parent_of(target);
        std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let staging = sibling(target, "building");
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
        }
        Ok(Self {
            staging,
            target: target.to_owned(),
            committed: false,
        })
    }

    /// Where to build.
    pub fn path(&self) -> &Path {
        &self.staging
    }

    /// Swaps the staging folder in place of the target. The old store is moved aside first and
    /// removed only once the new one is in place; if the second move fails the old one is put back.
    ///
    /// # Errors
    /// When a rename fails (the previous store is then still in place).
    pub fn commit(mut self) -> Result<()> {
        let previous = sibling(&self.target, "previous");
        if previous.exists() {
            std::fs::remove_dir_all(&previous).map_err(|e| Error::io(&previous, e))?;
        }
        let had_previous = self.target.exists();
        if had_previous {
            std::fs::rename(&self.target, &previous).map_err(|e| Error::io(&self.target, e))?;
        }
        if let Err(e) = std::fs::rename(&self.staging, &self.target) {
            if had_previous {
                // Best effort: put the old store back before reporting.
                let _ = std::fs::rename(&previous, &self.target);
            }
            return Err(Error::io(&self.target, e));
        }
        self.committed = true;
        if had_previous {
            std::fs::remove_dir_all(&previous).map_err(|e| Error::io(&previous, e))?;
        }
        Ok(())
    }
}

impl Drop for StagingDir {
    fn drop(&mut self) {
        if !self.committed && self.staging.exists() {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

fn parent_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    }
}

fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "store".to_owned());
    parent_of(target).join(format!(".{name}.{suffix}"))
}

/// Restores a store left moved aside by an interrupted swap (crash between the two renames).
pub fn recover(target: &Path) {
    let previous = sibling(target, "previous");
    if !target.exists() && previous.exists() {
        let _ = std::fs::rename(&previous, target);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_staging_leaves_target_untouched() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let target = tmp.path().join("store");
        std::fs::create_dir(&target).expect("mkdir");
        std::fs::write(target.join("marker"), "old").expect("write");
        {
            let staging = StagingDir::beside(&target).expect("staging");
            std::fs::create_dir(staging.path()).expect("mkdir");
            std::fs::write(staging.path().join("marker"), "new").expect("write");
        }
        assert_eq!(
            std::fs::read_to_string(target.join("marker")).expect("read"),
            "old"
        );
        assert!(!tmp.path().join(".store.building").exists());
    }

    #[test]
    fn commit_replaces_target() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let target = tmp.path().join("store");
        std::fs::create_dir(&target).expect("mkdir");
        std::fs::write(target.join("marker"), "old").expect("write");
        let staging = StagingDir::beside(&target).expect("staging");
        std::fs::create_dir(staging.path()).expect("mkdir");
        std::fs::write(staging.path().join("marker"), "new").expect("write");
        staging.commit().expect("commit");
        assert_eq!(
            std::fs::read_to_string(target.join("marker")).expect("read"),
            "new"
        );
        assert!(!tmp.path().join(".store.previous").exists());
    }

    #[test]
    fn recover_restores_moved_aside_store() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let target = tmp.path().join("store");
        std::fs::create_dir(tmp.path().join(".store.previous")).expect("mkdir");
        recover(&target);
        assert!(target.exists());
    }
}
