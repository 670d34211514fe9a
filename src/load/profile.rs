//! A city's profile: what standardising format across its counties means, in one file or
//! folder that the city hands to every county.
//!
//! ```text
//! huaihua-profile/
//!   profile.toml      [profile] name; [style] (house style); [[sections]] (the outline
//!                     skeleton: titles, order, blocks); [indicators.KEY] (catalogue entries
//!                     added to, or replacing, the standard catalogue's)
//!   templates/*.hbs   the city's own wording of blocks, title, opening, signature (optional)
//! ```
//!
//! A county's data file follows it: its `[style]` keys override the profile's one by one, its
//! `[[sections]]` fill in the skeleton's content, and `check --profile` lists where it departs
//! (see [`crate::validate::profile`]).

use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;

use super::Source;
use super::catalogue::{Catalogue, Entry};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::{Section, Style};

/// The file name of a profile inside its folder.
pub const PROFILE_FILE: &str = "profile.toml";

/// A profile as read from disk.
#[derive(Debug, Clone)]
pub struct Profile {
    /// The profile file.
    pub path: PathBuf,
    pub name: Option<String>,
    pub style: Style,
    /// The outline every county's document follows.
    pub sections: Vec<Section>,
    /// The standard catalogue with the profile's entries.
    pub catalogue: Catalogue,
    /// The folder of the city's templates, when the profile has one.
    pub templates: Option<PathBuf>,
}

/// The profile file's shape (see `schemas/profile.schema.json`).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProfileFile {
    #[serde(default)]
    profile: ProfileMeta,
    /// The house style every county follows unless its file says otherwise.
    #[serde(default)]
    style: Option<Style>,
    /// The outline skeleton: titles, order and blocks of the document's parts.
    #[serde(default)]
    sections: Vec<Section>,
    /// Catalogue entries added to (or replacing) the standard catalogue's.
    #[serde(default)]
    indicators: IndexMap<String, Entry>,
}

#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
struct ProfileMeta {
    /// What the profile is for, e.g. 怀化市县市区科技局年度工作总结统一格式.
    #[serde(default)]
    name: Option<String>,
}

impl Profile {
    /// Reads a profile: a folder holding `profile.toml` (and perhaps `templates/`), or a
    /// profile file on its own.
    pub fn read(path: &Path) -> Result<Profile, Diagnostics> {
        let (file, templates) = if path.is_dir() {
            let templates = path.join("templates");
            (
                path.join(PROFILE_FILE),
                templates.is_dir().then_some(templates),
            )
        } else {
            (path.to_path_buf(), None)
        };
        let source = Source::read(&file)?;
        let parsed: ProfileFile = toml::from_str(&source.text).map_err(|e| {
            Diagnostics::from(
                Diagnostic::error(format!("the profile cannot be read: {}", e.message().trim()))
                    .in_file(&source.path)
                    .at(e.span().map(|s| source.locate(s)))
                    .help("a profile holds [profile], [style], [[sections]] and [indicators.KEY] tables; see README, \"A city's profile\""),
            )
        })?;
        let style = parsed.style.unwrap_or_default();
        let mut found = Vec::new();
        crate::validate::style_findings(&style, &mut found);
        if !found.is_empty() {
            return Err(Diagnostics(
                found
                    .into_iter()
                    .map(|f| source.locate_finding(f))
                    .collect(),
            ));
        }
        let mut catalogue = Catalogue::standard().clone();
        catalogue
            .indicators
            .extend(parsed.indicators.into_iter().map(|(key, mut entry)| {
                let line = source
                    .span_of(&format!("indicators.{key}"))
                    .map(|span| format!(", line {}", source.locate(span).line))
                    .unwrap_or_default();
                entry.origin = Some(format!("{}{line}", source.path.display()));
                (key, entry)
            }));
        Ok(Profile {
            path: source.path.clone(),
            name: parsed.profile.name,
            style,
            sections: parsed.sections,
            catalogue,
            templates,
        })
    }
}
