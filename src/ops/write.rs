//! Writing results without ever leaving a half-written file or clobbering one by accident.
//!
//! Bytes go to a temporary file in the destination folder, are flushed to disk, then renamed
//! over the destination in one step: an interrupted run leaves the old file or the new one,
//! never a mixture. Without `force`, the rename itself refuses to replace an existing file,
//! so even a file created meanwhile by another run is safe. A batch stages all its files,
//! flushes them together and only then renames them ([`stage`], [`sync_all`],
//! [`Staged::commit`]).

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;

/// Writes one file: staged, flushed to disk, then renamed into place.
pub fn write_atomically(path: &Path, bytes: &[u8], force: bool) -> Result<(), Diagnostic> {
    let staged = stage(path, bytes, force)?;
    let file = fs::File::open(&staged.temp).map_err(|e| staged.io_error(e))?;
    file.sync_all().map_err(|e| staged.io_error(e))?;
    staged.commit()
}

/// Refuses a destination that exists, unless `force`. Commands call it for every file they
/// will write before they start work, so that nothing is drafted in vain; staging checks
/// again, and the final rename refuses a file that appeared meanwhile.
pub fn refuse_existing(path: &Path, force: bool) -> Result<(), Diagnostic> {
    if path.exists() && !force {
        return Err(
            Diagnostic::error(format!("{} already exists", path.display()))
                .in_file(path)
                .help("pass --force to replace it, or choose another name"),
        );
    }
    Ok(())
}

/// A file written beside its destination under a temporary name, not yet flushed to disk
/// nor renamed into place; dropped, it is removed.
#[derive(Debug)]
pub struct Staged {
    temp: tempfile::TempPath,
    target: PathBuf,
    force: bool,
}

/// Writes `bytes` to a temporary file in `path`'s folder, refusing a folder, or an existing
/// file without `force`.
pub fn stage(path: &Path, bytes: &[u8], force: bool) -> Result<Staged, Diagnostic> {
    let fail = |msg: String, help: &str| Diagnostic::error(msg).in_file(path).help(help);
    if path.is_dir() {
        return Err(fail(
            format!("{} is a folder", path.display()),
            "give a file name for the draft, e.g. -o out/report.docx",
        ));
    }
    refuse_existing(path, force)?;
    let parent = folder_of(path);
    fs::create_dir_all(parent).map_err(|e| {
        fail(
            format!("cannot create the folder {}: {e}", parent.display()),
            "check the path and your permissions",
        )
    })?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".zongjie-")
        .suffix(".tmp")
        .tempfile_in(parent)
        .map_err(|e| io_error(path, e))?;
    tmp.write_all(bytes).map_err(|e| io_error(path, e))?;
    Ok(Staged {
        temp: tmp.into_temp_path(),
        target: path.to_path_buf(),
        force,
    })
}

impl Staged {
    pub fn target(&self) -> &Path {
        &self.target
    }

    fn io_error(&self, e: std::io::Error) -> Diagnostic {
        io_error(&self.target, e)
    }

    /// Renames the file into place (refusing, without `force`, a file that appeared
    /// meanwhile). Flush it to disk first: see [`sync_all`].
    pub fn commit(self) -> Result<(), Diagnostic> {
        let Staged {
            temp,
            target,
            force,
        } = self;
        let result = if force {
            temp.persist(&target)
        } else {
            temp.persist_noclobber(&target)
        };
        result.map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                Diagnostic::error(format!(
                    "{} appeared while drafting and was left alone",
                    target.display()
                ))
                .in_file(&target)
                .help("pass --force to replace it")
            } else {
                io_error(&target, e.error)
            }
        })
    }
}

/// Flushes staged files to disk before they are committed. On Linux one `syncfs` per
/// filesystem does it for a whole batch at once (thousands of `fsync`s would cost more than
/// drafting); elsewhere each file is synced.
pub fn sync_all<'a>(staged: impl IntoIterator<Item = &'a Staged>) -> Result<(), Diagnostic> {
    #[cfg(target_os = "linux")]
    {
        let mut folders: Vec<&Path> = staged.into_iter().map(|s| folder_of(&s.target)).collect();
        folders.sort();
        folders.dedup();
        for folder in folders {
            let dir = fs::File::open(folder).map_err(|e| io_error(folder, e))?;
            rustix::fs::syncfs(&dir).map_err(|e| io_error(folder, e.into()))?;
        }
    }
    #[cfg(not(target_os = "linux"))]
    for s in staged {
        fs::File::open(&s.temp)
            .and_then(|f| f.sync_all())
            .map_err(|e| s.io_error(e))?;
    }
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn io_error(path: &Path, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot write {}: {e}", path.display()))
        .in_file(path)
        .help("check free disk space and permissions")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_without_force_and_replaces_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/draft.docx");
        write_atomically(&path, b"one", false).unwrap();
        let err = write_atomically(&path, b"two", false).unwrap_err();
        assert!(err.message.contains("already exists"));
        assert_eq!(fs::read(&path).unwrap(), b"one");
        write_atomically(&path, b"two", true).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let leftovers: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn staged_files_appear_only_when_committed() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.docx");
        let b = dir.path().join("b.docx");
        let staged = vec![
            stage(&a, b"A", false).unwrap(),
            stage(&b, b"B", false).unwrap(),
        ];
        assert!(!a.exists() && !b.exists());
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            2,
            "two temporary files"
        );
        sync_all(&staged).unwrap();
        // A file that appears meanwhile is left alone, the other committed.
        fs::write(&b, "theirs").unwrap();
        let results: Vec<_> = staged.into_iter().map(Staged::commit).collect();
        assert!(results[0].is_ok());
        assert!(
            results[1]
                .as_ref()
                .unwrap_err()
                .message
                .contains("appeared")
        );
        assert_eq!(fs::read(&a).unwrap(), b"A");
        assert_eq!(fs::read(&b).unwrap(), b"theirs");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temporary file left"
        );
        // Staged but dropped: nothing is left behind.
        drop(stage(&dir.path().join("c.docx"), b"C", false).unwrap());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn a_folder_is_not_a_destination() {
        let dir = tempfile::tempdir().unwrap();
        assert!(
            write_atomically(dir.path(), b"x", true)
                .unwrap_err()
                .message
                .contains("folder")
        );
    }
}
