//! Writing results without ever leaving a half-written file or clobbering one by accident.
//!
//! Bytes go to a temporary file in the destination folder, are flushed to disk, then renamed
//! over the destination in one step: an interrupted run leaves the old file or the new one,
//! never a mixture. Without `force`, the rename itself refuses to replace an existing file,
//! so even a file created meanwhile by another run is safe. A batch stages all its files,
//! flushes them together and only then renames them ([`stage`], [`sync_all`],
//! [`Staged::commit`]).
//!
//! What is there is kept: a new file is created with the umask's permissions; a file that is
//! replaced (`--force`, or an in-place edit) keeps its mode and owner; a symbolic link is
//! followed, so the file it names is changed and the link stays; anything but a regular file
//! (a device, a pipe) is never replaced. Temporary files a killed run left in a folder are
//! swept by the next run that writes there (ours only, older than the run).

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
    // A link is followed: the file it names is the one replaced, and the link stays.
    let path = &resolved(path);
    let existing = fs::metadata(path).ok();
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        return Err(fail(
            format!("{} is not a regular file", path.display()),
            "zongjie replaces only files: choose another name",
        ));
    }
    let parent = folder_of(path);
    fs::create_dir_all(parent).map_err(|e| {
        fail(
            format!("cannot create the folder {}: {e}", parent.display()),
            "check the path and your permissions",
        )
    })?;
    sweep(parent);
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX).suffix(TEMP_SUFFIX);
    #[cfg(unix)]
    {
        // Created as any new file is, under the umask (tempfile's default is 0600).
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(parent).map_err(|e| io_error(path, e))?;
    tmp.write_all(bytes).map_err(|e| io_error(path, e))?;
    if let Some(old) = &existing {
        keep_mode_and_owner(tmp.path(), old);
    }
    Ok(Staged {
        temp: tmp.into_temp_path(),
        target: path.to_path_buf(),
        force,
    })
}

const TEMP_PREFIX: &str = ".zongjie-";
const TEMP_SUFFIX: &str = ".tmp";

/// The file a path names, through any symbolic links; the path itself when it names nothing
/// yet (or a link to nothing).
fn resolved(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// The replacement takes the replaced file's permissions and, where the user may give it,
/// its owner and group.
fn keep_mode_and_owner(temp: &Path, old: &fs::Metadata) {
    let _ = fs::set_permissions(temp, old.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root may give a file away; for anyone else this keeps the group if they can.
        let _ = std::os::unix::fs::chown(temp, Some(old.uid()), Some(old.gid()));
    }
}

/// Removes, once per folder and run, the temporary files of runs that were killed before
/// they renamed them: ours only (`.zongjie-*.tmp`), and only those last written well before
/// this run began, so that a run still writing beside us keeps its own.
fn sweep(folder: &Path) {
    use std::sync::{Mutex, OnceLock};
    use std::time::{Duration, SystemTime};
    static STARTED: OnceLock<SystemTime> = OnceLock::new();
    static SWEPT: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
    let started = *STARTED.get_or_init(SystemTime::now);
    {
        let mut swept = SWEPT
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if swept.iter().any(|f| f == folder) {
            return;
        }
        swept.push(folder.to_path_buf());
    }
    let Some(cutoff) = started.checked_sub(Duration::from_secs(60)) else {
        return;
    };
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .is_some_and(|t| t < cutoff);
        if old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Refuses to write `output` over `input`, the data it was made from, even with `--force`.
pub fn refuse_input(output: &Path, input: &Path) -> Result<(), Diagnostic> {
    let same = match (fs::canonicalize(output), fs::canonicalize(input)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same {
        return Err(Diagnostic::error(format!(
            "{} is the data file itself: writing there would replace the data",
            output.display()
        ))
        .in_file(output)
        .help("choose another output name with -o"));
    }
    Ok(())
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
    use std::io::ErrorKind as K;
    let help = match e.kind() {
        K::InvalidFilename => {
            "the file name is too long or not allowed here: choose a shorter name"
        }
        K::PermissionDenied | K::ReadOnlyFilesystem => {
            "you may not write there: choose another folder or ask for permission"
        }
        K::StorageFull | K::QuotaExceeded => "the disk is full: free some space and run again",
        K::NotFound => "a folder on the way does not exist: check the path",
        _ => "check the path, free disk space and permissions",
    };
    Diagnostic::error(format!("cannot write {}: {e}", path.display()))
        .in_file(path)
        .help(help)
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
