//! Temporary output files that a stop signal removes: a command interrupted by Ctrl-C (`SIGINT`),
//! `SIGTERM` or a closed terminal (`SIGHUP`) while writing `-o FILE` leaves neither a partial file
//! nor its temporary file behind, and any old `FILE` whole.
//!
//! The handler is installed by the first file registered, so commands that write no file keep the
//! default action of each signal.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, Once};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// Temporary files being written, each with the file it will replace.
static PENDING: Mutex<Vec<(PathBuf, PathBuf)>> = Mutex::new(Vec::new());
static HANDLER: Once = Once::new();

/// The pending list, even after a thread panicked while holding it (the list stays consistent:
/// every change is one push or one retain).
fn pending() -> MutexGuard<'static, Vec<(PathBuf, PathBuf)>> {
    PENDING.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Registers `tmp`, the temporary file that will become `target`, to be removed on a stop signal.
pub fn remove_on_stop(tmp: &Path, target: &Path) {
    HANDLER.call_once(install);
    pending().push((tmp.to_owned(), target.to_owned()));
}

/// Runs `finish` (the rename of `tmp` into place, or its removal) with no stop signal handled
/// part-way, then forgets `tmp`.
pub fn settle<T>(tmp: &Path, finish: impl FnOnce() -> T) -> T {
    let mut pending = pending();
    let result = finish();
    pending.retain(|(path, _)| path != tmp);
    result
}

/// Removes the temporary files of `pending` and says which outputs were left as they were.
#[expect(
    clippy::print_stderr,
    reason = "the process ends on the signal, with this as its last word"
)]
fn remove_all(pending: &[(PathBuf, PathBuf)], signal: &str) {
    for (tmp, target) in pending {
        // Already gone is fine: the point is that it is not left behind.
        let _ = std::fs::remove_file(tmp);
        eprintln!(
            "borderkg: stopped by {signal} before {} was complete; it is left as it was",
            target.display()
        );
    }
}

fn install() {
    // Without a handler (the system refused one), the signals keep their default action and an
    // interrupted write leaves its temporary file, as before.
    let Ok(mut signals) = Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let name = match signal {
                SIGINT => "SIGINT",
                SIGTERM => "SIGTERM",
                _ => "SIGHUP",
            };
            // Held until the process ends, so that no rename starts after the removal.
            let pending = pending();
            remove_all(&pending, name);
            // The shell's convention for a process ended by a signal.
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pending_file_is_removed_and_a_settled_one_is_not() {
        let dir = tempfile::tempdir().expect("tempdir");
        let kept = dir.path().join(".kept.tmp");
        let cut = dir.path().join(".cut.tmp");
        std::fs::write(&kept, "whole").expect("write");
        std::fs::write(&cut, "part").expect("write");
        pending().push((kept.clone(), dir.path().join("kept")));
        pending().push((cut.clone(), dir.path().join("cut")));
        settle(&kept, || std::fs::rename(&kept, dir.path().join("kept"))).expect("rename");
        let ours: Vec<_> = pending()
            .iter()
            .filter(|(tmp, _)| tmp.starts_with(dir.path()))
            .cloned()
            .collect();
        assert_eq!(
            ours,
            [(cut.clone(), dir.path().join("cut"))],
            "only the unsettled file is pending"
        );
        remove_all(&ours, "SIGINT");
        assert!(!cut.exists(), "the interrupted file's temporary file is left");
        assert!(dir.path().join("kept").exists(), "the settled file was removed");
    }
}
