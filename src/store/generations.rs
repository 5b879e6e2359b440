//! A store folder holds generations: each build writes a new RocksDB folder `gen-N` beside the
//! current one and then replaces a one-line pointer file (`generation`) atomically, so a reader
//! always opens a complete generation and never sees a swap half-done. Writers take an exclusive
//! lock on the store first; readers hold a shared lock on the generation they opened, and a writer
//! removes an old generation only when no reader holds it.
//!
//! ```text
//! store/
//!   borderkg-store.json   marker: this folder is a store
//!   generation            "gen-000007": the generation readers open
//!   gen-000007/           a complete RocksDB store, never changed once published
//!   writer.lock           held by the one build or import running (its pid inside)
//!   staging-<pid>/        the generation being written
//! ```

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use oxigraph::store::Store;

use super::marker;
use crate::error::{Error, Result};

/// The pointer file naming the current generation.
const POINTER: &str = "generation";
/// The lock file of writers.
const WRITER_LOCK: &str = "writer.lock";
/// The file readers hold a shared lock on, inside each generation.
const READERS: &str = "readers.lock";
/// How many times a reader retries when a generation disappears under it.
const OPEN_ATTEMPTS: usize = 20;

/// A store opened for reading, with the shared lock that keeps its generation from being removed.
pub struct OpenStore {
    store: Store,
    generation: PathBuf,
    _readers: Option<File>,
}

impl std::fmt::Debug for OpenStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OpenStore")
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

impl OpenStore {
    /// The folder of the generation that was opened.
    pub fn generation(&self) -> &Path {
        &self.generation
    }
}

impl crate::query::Kb for OpenStore {
    fn answer(
        &self,
        origin: &str,
        text: &str,
        bindings: Vec<(oxigraph::sparql::Variable, oxigraph::model::Term)>,
        limits: crate::query::Limits,
        scope: &crate::query::Scope,
    ) -> crate::Result<crate::query::Answer> {
        self.store.answer(origin, text, bindings, limits, scope)
    }

    fn each_solution(
        &self,
        origin: &str,
        text: &str,
        each: &mut dyn FnMut(&crate::query::Solution<'_>) -> crate::Result<()>,
    ) -> crate::Result<()> {
        self.store.each_solution(origin, text, each)
    }

    fn triples(&self) -> crate::Result<Vec<oxigraph::model::Triple>> {
        self.store.triples()
    }

    fn as_store(&self) -> Option<&Store> {
        Some(&self.store)
    }
}

impl std::ops::Deref for OpenStore {
    type Target = Store;

    fn deref(&self) -> &Store {
        &self.store
    }
}

/// Opens the current generation of the store at `root` read-only.
///
/// A store written by an older borderkg (RocksDB files directly in the folder) opens as it is.
///
/// # Errors
/// [`Error::StoreMissing`] when nothing was built there; [`Error::StoreDamaged`] when the files are
/// unreadable as a store.
pub fn open(root: &Path) -> Result<OpenStore> {
    for _ in 0..OPEN_ATTEMPTS {
        let Some(generation) = current(root)? else {
            if root.join("CURRENT").is_file() {
                return open_unlocked(root, root.to_owned(), None);
            }
            if let Some(moved_aside) = legacy_moved_aside(root) {
                return open_unlocked(root, moved_aside, None);
            }
            return Err(Error::StoreMissing(root.to_owned()));
        };
        let Ok(readers) = File::open(generation.join(READERS)) else {
            continue; // removed by a writer since the pointer was read: read it again
        };
        if readers.try_lock_shared().is_err() || !generation.join(READERS).is_file() {
            continue; // being removed, or removed while we waited
        }
        return open_unlocked(root, generation, Some(readers));
    }
    Err(Error::StoreDamaged {
        path: root.to_owned(),
        reason: "its current generation kept disappearing while it was opened".into(),
    })
}

fn open_unlocked(root: &Path, generation: PathBuf, readers: Option<File>) -> Result<OpenStore> {
    let store = Store::open_read_only(&generation).map_err(|e| Error::StoreDamaged {
        path: root.to_owned(),
        reason: e.to_string(),
    })?;
    Ok(OpenStore {
        store,
        generation,
        _readers: readers,
    })
}

/// An older borderkg swapped stores by renaming the old one to `.NAME.previous` first; a crash
/// between its two renames left the store there, which readers open as it is.
fn legacy_moved_aside(root: &Path) -> Option<PathBuf> {
    let name = root.file_name()?.to_string_lossy().into_owned();
    let previous = root.with_file_name(format!(".{name}.previous"));
    (!root.exists() && previous.join("CURRENT").is_file()).then_some(previous)
}

/// The current generation's folder, when the pointer names one (a long-running reader compares it
/// with [`OpenStore::generation`] to notice a rebuild).
///
/// # Errors
/// [`Error::Io`] when the pointer is unreadable, [`Error::StoreDamaged`] when it names no generation.
pub fn current(root: &Path) -> Result<Option<PathBuf>> {
    let pointer = root.join(POINTER);
    let name = match std::fs::read_to_string(&pointer) {
        Ok(text) => text.trim().to_owned(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(&pointer, e)),
    };
    if !is_generation_name(&name) {
        return Err(Error::StoreDamaged {
            path: root.to_owned(),
            reason: format!("{} names `{name}`, which is not a generation", pointer.display()),
        });
    }
    Ok(Some(root.join(name)))
}

fn is_generation_name(name: &str) -> bool {
    name.strip_prefix("gen-")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// How a writer that finds another writer at work behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WhenBusy {
    /// Wait for the other writer to finish.
    Wait,
    /// Fail at once, naming the other writer.
    Fail,
}

/// The exclusive right to write a new generation of one store.
#[derive(Debug)]
pub struct Writer {
    root: PathBuf,
    lock: File,
    /// This writer made the store folder: if it publishes nothing, it removes the folder again.
    created_root: bool,
    /// Leftovers of interrupted writers removed when the lock was taken: (folder, bytes).
    pub cleaned: Vec<(PathBuf, u64)>,
}

impl Writer {
    /// Takes the writer lock of the store at `root`, creating the folder (with its marker) when it
    /// does not exist, and removes what interrupted writers left behind. `on_wait` is called once
    /// with the other writer's pid when it must wait.
    ///
    /// A lock held by a process that died is released by the system, so it is never stale.
    ///
    /// # Errors
    /// [`Error::StoreBusy`] with [`WhenBusy::Fail`] while another writer runs; I/O errors.
    pub fn acquire(root: &Path, when_busy: WhenBusy, on_wait: impl FnOnce(&str)) -> Result<Self> {
        let created_root = !root.exists();
        std::fs::create_dir_all(root).map_err(|e| Error::io(root, e))?;
        if !root.join(marker::MARKER).is_file() {
            marker::write(root)?;
        }
        let path = root.join(WRITER_LOCK);
        let lock = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        if lock.try_lock().is_err() {
            let holder = std::fs::read_to_string(&path).unwrap_or_default();
            let holder = holder.trim();
            match when_busy {
                WhenBusy::Fail => {
                    return Err(Error::StoreBusy {
                        path: root.to_owned(),
                        holder: holder.to_owned(),
                    })
                }
                WhenBusy::Wait => {
                    on_wait(holder);
                    lock.lock().map_err(|e| Error::io(&path, e))?;
                }
            }
        }
        lock.set_len(0).map_err(|e| Error::io(&path, e))?;
        (&lock)
            .write_all(format!("pid {}\n", std::process::id()).as_bytes())
            .map_err(|e| Error::io(&path, e))?;
        let mut writer = Self {
            root: root.to_owned(),
            lock,
            created_root,
            cleaned: Vec::new(),
        };
        writer.clean_leftovers()?;
        Ok(writer)
    }

    /// A fresh, empty folder in which to write the next generation.
    ///
    /// # Errors
    /// When it cannot be created.
    pub fn staging(&self) -> Result<Staging<'_>> {
        let path = self.root.join(format!("staging-{}", std::process::id()));
        if path.exists() {
            std::fs::remove_dir_all(&path).map_err(|e| Error::io(&path, e))?;
        }
        std::fs::create_dir(&path).map_err(|e| Error::io(&path, e))?;
        Ok(Staging {
            writer: self,
            path,
            published: false,
        })
    }

    /// Removes staging folders and half-removed generations that crashed writers left.
    fn clean_leftovers(&mut self) -> Result<()> {
        let entries = std::fs::read_dir(&self.root).map_err(|e| Error::io(&self.root, e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&self.root, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with("staging-") || name.starts_with("trash-") {
                let path = entry.path();
                let bytes = folder_size(&path);
                std::fs::remove_dir_all(&path).map_err(|e| Error::io(&path, e))?;
                self.cleaned.push((path, bytes));
            }
        }
        Ok(())
    }

    /// Removes every generation but `keep` that no reader holds.
    fn remove_old_generations(&self, keep: &str) {
        let Ok(entries) = std::fs::read_dir(&self.root) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if !is_generation_name(&name) || name == keep {
                continue;
            }
            let folder = entry.path();
            let Ok(readers) = File::open(folder.join(READERS)) else {
                continue;
            };
            if readers.try_lock().is_err() {
                continue; // a reader still has it open; the next writer tries again
            }
            let trash = self.root.join(format!("trash-{name}"));
            if std::fs::rename(&folder, &trash).is_ok() {
                let _ = std::fs::remove_dir_all(&trash);
            }
        }
    }

    /// Removes RocksDB files written directly in the store folder by an older borderkg, once a
    /// generation has replaced them.
    fn remove_unversioned_store(&self) {
        let Ok(entries) = std::fs::read_dir(&self.root) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if entry.file_type().is_ok_and(|t| t.is_file()) && marker::is_rocksdb_file(&name) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if self.created_root && !self.root.join(POINTER).exists() {
            // Nothing was published into the folder this writer made: leave no empty store behind.
            // Only our own two files are removed, and the folder only if that empties it.
            let _ = std::fs::remove_file(self.root.join(marker::MARKER));
            let _ = std::fs::remove_file(self.root.join(WRITER_LOCK));
            let _ = std::fs::remove_dir(&self.root);
        }
        let _ = self.lock.unlock();
    }
}

/// A generation being written; removed unless published.
#[derive(Debug)]
pub struct Staging<'w> {
    writer: &'w Writer,
    path: PathBuf,
    published: bool,
}

impl Staging<'_> {
    /// Where to write the store.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Makes the staged store the current generation: renamed to the next `gen-N`, then the pointer
    /// replaced in one rename, each step synced. Old generations no reader holds are removed.
    ///
    /// # Errors
    /// When a step fails before the pointer is replaced (the previous generation is then still
    /// current).
    pub fn publish(mut self) -> Result<PathBuf> {
        let root = &self.writer.root;
        let readers = self.path.join(READERS);
        File::create(&readers).map_err(|e| Error::io(&readers, e))?;
        sync_dir(&self.path)?;
        let name = format!("gen-{:06}", next_generation(root)?);
        let generation = root.join(&name);
        std::fs::rename(&self.path, &generation).map_err(|e| Error::io(&generation, e))?;
        self.published = true;
        sync_dir(root)?;
        let tmp = root.join(format!("{POINTER}.tmp"));
        {
            let mut file = File::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
            file.write_all(format!("{name}\n").as_bytes())
                .map_err(|e| Error::io(&tmp, e))?;
            file.sync_all().map_err(|e| Error::io(&tmp, e))?;
        }
        std::fs::rename(&tmp, root.join(POINTER)).map_err(|e| Error::io(root.join(POINTER), e))?;
        sync_dir(root)?;
        self.writer.remove_old_generations(&name);
        self.writer.remove_unversioned_store();
        Ok(generation)
    }
}

impl Drop for Staging<'_> {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_dir_all(&self.path);
        }
    }
}

fn next_generation(root: &Path) -> Result<u64> {
    let entries = std::fs::read_dir(root).map_err(|e| Error::io(root, e))?;
    let highest = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let name = name.strip_prefix("trash-").unwrap_or(&name).to_owned();
            is_generation_name(&name).then(|| name[4..].parse::<u64>().ok())?
        })
        .max()
        .unwrap_or(0);
    Ok(highest + 1)
}

fn sync_dir(dir: &Path) -> Result<()> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(dir, e))
}

fn folder_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .flatten()
            .map(|e| match e.file_type() {
                Ok(t) if t.is_dir() => folder_size(&e.path()),
                _ => e.metadata().map_or(0, |m| m.len()),
            })
            .sum()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn publish_one(root: &Path) -> PathBuf {
        let writer = Writer::acquire(root, WhenBusy::Fail, |_| {}).expect("lock");
        let staging = writer.staging().expect("staging");
        {
            let store = Store::open(staging.path()).expect("store");
            store.flush().expect("flush");
        }
        staging.publish().expect("publish")
    }

    #[test]
    fn each_build_publishes_a_new_generation_and_removes_the_old_one() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("store");
        let first = publish_one(&root);
        assert!(open(&root).is_ok());
        let second = publish_one(&root);
        assert_ne!(first, second);
        assert!(!first.exists(), "unheld old generation removed");
        assert_eq!(open(&root).expect("open").generation(), second);
    }

    #[test]
    fn a_generation_held_by_a_reader_is_kept() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("store");
        let first = publish_one(&root);
        let reader = open(&root).expect("open");
        publish_one(&root);
        assert!(first.exists(), "the reader's generation stays");
        assert_eq!(reader.generation(), first);
        drop(reader);
        publish_one(&root);
        assert!(!first.exists());
    }

    #[test]
    fn a_second_writer_is_refused_with_the_first_ones_pid() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("store");
        let _first = Writer::acquire(&root, WhenBusy::Fail, |_| {}).expect("lock");
        let err = Writer::acquire(&root, WhenBusy::Fail, |_| {}).expect_err("busy");
        assert!(err.to_string().contains(&std::process::id().to_string()), "{err}");
    }

    #[test]
    fn leftovers_of_a_crashed_writer_are_removed() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let root = tmp.path().join("store");
        publish_one(&root);
        std::fs::create_dir(root.join("staging-99999")).expect("mkdir");
        std::fs::write(root.join("staging-99999/x"), "half").expect("write");
        let writer = Writer::acquire(&root, WhenBusy::Fail, |_| {}).expect("lock");
        assert_eq!(writer.cleaned.len(), 1);
        assert!(!root.join("staging-99999").exists());
    }
}
