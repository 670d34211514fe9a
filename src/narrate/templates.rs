//! The section templates: built into the binary, overridable file by file from a user folder.
//!
//! A user folder is read by name only: for each built-in template `NAME`, the file
//! `DIR/NAME.hbs` replaces it if present. Nothing else in the folder is read, symbolic links
//! that leave the folder are refused, and handlebars is used without its scripting and
//! directory-loading features, so a template folder can neither read other files nor run
//! programs.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::diagnostic::Diagnostic;

/// Largest template file accepted; real ones are a few kilobytes.
const MAX_TEMPLATE_BYTES: u64 = 256 * 1024;

macro_rules! built_in {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../templates/", $name, ".hbs")))),*]
    };
}

/// Every built-in template by name: the title, the opening and the signature, and one for
/// each block a section may hold (`indicators`, `indicator_table`, `goals`, `remaining`,
/// `highlights`, `outlook`). The sections themselves, their order and headings, are data.
pub const BUILT_IN: &[(&str, &str)] = built_in![
    "title",
    "opening",
    "indicators",
    "indicator_table",
    "goals",
    "remaining",
    "highlights",
    "outlook",
    "signature",
];

/// Templates of earlier versions that placed sections, which the data file's `[[sections]]`
/// now does.
const RETIRED: &[&str] = &["report", "achievements", "part", "problems", "plan"];

/// Where a template's text came from, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    User(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Template {
    pub name: &'static str,
    pub text: String,
    pub origin: Origin,
}

impl Template {
    /// The path to show in an error about this template.
    pub fn display_path(&self) -> PathBuf {
        match &self.origin {
            Origin::BuiltIn => PathBuf::from(format!("templates/{}.hbs (built-in)", self.name)),
            Origin::User(p) => p.clone(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct TemplateSet {
    pub templates: Vec<Template>,
    /// The templates compiled, once: a batch of thousands of drafts shares one registry.
    pub(crate) compiled: OnceLock<Result<handlebars::Handlebars<'static>, Diagnostic>>,
    /// The fields the templates can reach, found once (see `reach`).
    pub(crate) reach: OnceLock<super::reach::Reach>,
}

impl TemplateSet {
    pub fn built_in() -> TemplateSet {
        TemplateSet {
            templates: BUILT_IN
                .iter()
                .map(|(name, text)| Template {
                    name,
                    text: (*text).to_string(),
                    origin: Origin::BuiltIn,
                })
                .collect(),
            compiled: OnceLock::new(),
            reach: OnceLock::new(),
        }
    }

    /// The built-in set with every `DIR/NAME.hbs` that exists taking the place of `NAME`.
    pub fn with_overrides(dir: &Path) -> Result<TemplateSet, Diagnostic> {
        let fail = |msg: String, help: String| Diagnostic::error(msg).in_file(dir).help(help);
        let root = fs::canonicalize(dir).map_err(|e| {
            fail(
                format!("cannot open the template folder {}: {e}", dir.display()),
                "pass an existing folder with --templates".into(),
            )
        })?;
        if !root.is_dir() {
            return Err(fail(
                format!("{} is not a folder", dir.display()),
                "--templates takes a folder holding NAME.hbs files".into(),
            ));
        }
        let known: Vec<&str> = BUILT_IN.iter().map(|(n, _)| *n).collect();
        for entry in fs::read_dir(&root).map_err(|e| {
            fail(
                format!("cannot list {}: {e}", dir.display()),
                "check permissions".into(),
            )
        })? {
            let Ok(entry) = entry else { continue };
            let path = entry.path();
            let Some(stem) = path
                .extension()
                .filter(|e| *e == "hbs")
                .and_then(|_| path.file_stem())
                .and_then(|s| s.to_str())
            else {
                continue;
            };
            if RETIRED.contains(&stem) {
                return Err(Diagnostic::error(format!(
                    "{} places sections, which templates no longer do",
                    path.display()
                ))
                .in_file(&path)
                .help(format!(
                    "write the order and headings of sections in the data file's [[sections]] (see README, \"The outline\"); templates word the blocks: {}",
                    known.join(", ")
                )));
            }
            if !known.contains(&stem) {
                let closest =
                    crate::diagnostic::closest(stem, known.iter().copied()).unwrap_or("report");
                return Err(Diagnostic::error(format!(
                    "{} does not replace any built-in template",
                    path.display()
                ))
                .in_file(&path)
                .help(format!(
                    "did you mean {closest}.hbs? templates that can be replaced: {}",
                    known.join(", ")
                )));
            }
        }
        let mut set = TemplateSet::built_in();
        for template in &mut set.templates {
            let path = dir.join(format!("{}.hbs", template.name));
            if !path.exists() {
                continue;
            }
            template.text = read_template(&root, &path)?;
            template.origin = Origin::User(path);
        }
        Ok(set)
    }
}

fn read_template(root: &Path, path: &Path) -> Result<String, Diagnostic> {
    let fail = |msg: String| Diagnostic::error(msg).in_file(path);
    let real = fs::canonicalize(path).map_err(|e| fail(format!("cannot open template: {e}")))?;
    if !real.starts_with(root) {
        return Err(fail(format!(
            "{} links to {}, outside the template folder",
            path.display(),
            real.display()
        ))
        .help("copy the template into the folder instead of linking to it"));
    }
    let meta = fs::metadata(&real).map_err(|e| fail(format!("cannot open template: {e}")))?;
    if !meta.is_file() || meta.len() > MAX_TEMPLATE_BYTES {
        return Err(fail(format!(
            "{} is not a template file (a folder, or larger than {MAX_TEMPLATE_BYTES} bytes)",
            path.display()
        )));
    }
    let bytes = fs::read(&real).map_err(|e| fail(format!("cannot read template: {e}")))?;
    String::from_utf8(bytes)
        .map_err(|_| fail("the template is not UTF-8 text".into()).help("save it as UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_replace_by_name_and_unknown_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("outlook.hbs"), "展望\n").unwrap();
        fs::write(dir.path().join("notes.txt"), "ignored").unwrap();
        let set = TemplateSet::with_overrides(dir.path()).unwrap();
        let outlook = set.templates.iter().find(|t| t.name == "outlook").unwrap();
        assert_eq!(outlook.text, "展望\n");
        assert!(matches!(outlook.origin, Origin::User(_)));

        fs::write(dir.path().join("outlok.hbs"), "x").unwrap();
        let err = TemplateSet::with_overrides(dir.path()).unwrap_err();
        assert!(err.help.unwrap().contains("did you mean outlook.hbs"));
        fs::remove_file(dir.path().join("outlok.hbs")).unwrap();

        // A template of an earlier version that placed sections is explained, not ignored.
        fs::write(dir.path().join("problems.hbs"), "# 问题\n").unwrap();
        let err = TemplateSet::with_overrides(dir.path()).unwrap_err();
        assert!(err.message.contains("places sections"), "{err}");
        assert!(err.help.unwrap().contains("[[sections]]"));
    }

    #[cfg(unix)]
    #[test]
    fn links_out_of_the_folder_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret.hbs");
        fs::write(&secret, "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(&secret, dir.path().join("title.hbs")).unwrap();
        let err = TemplateSet::with_overrides(dir.path()).unwrap_err();
        assert!(err.message.contains("outside the template folder"), "{err}");
    }
}
