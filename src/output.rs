//! Writing results without ever leaving a half-written file or clobbering one by accident.
//!
//! Bytes go to a temporary file in the destination folder, are flushed to disk, then renamed
//! over the destination in one step: an interrupted run leaves the old file or the new one,
//! never a mixture. Without `force`, the rename itself refuses to replace an existing file,
//! so even a file created meanwhile by another run is safe.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::diagnostic::Diagnostic;

pub fn write_atomically(path: &Path, bytes: &[u8], force: bool) -> Result<(), Diagnostic> {
    let fail = |msg: String, help: &str| Diagnostic::error(msg).in_file(path).help(help);
    if path.is_dir() {
        return Err(fail(
            format!("{} is a folder", path.display()),
            "give a file name for the draft, e.g. -o out/report.docx",
        ));
    }
    if path.exists() && !force {
        return Err(fail(
            format!("{} already exists", path.display()),
            "pass --force to replace it, or choose another name with -o",
        ));
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(parent).map_err(|e| {
        fail(
            format!("cannot create the folder {}: {e}", parent.display()),
            "check the path and your permissions",
        )
    })?;
    let io = |e: std::io::Error| {
        fail(
            format!("cannot write {}: {e}", path.display()),
            "check free disk space and permissions",
        )
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".zongjie-")
        .suffix(".tmp")
        .tempfile_in(parent)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    let result = if force {
        tmp.persist(path).map(|_| ())
    } else {
        tmp.persist_noclobber(path).map(|_| ())
    };
    result.map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            fail(
                format!(
                    "{} appeared while drafting and was left alone",
                    path.display()
                ),
                "pass --force to replace it",
            )
        } else {
            io(e.error)
        }
    })
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
