//! The data file `zongjie init` writes: every section, commented in Chinese for the clerk who
//! fills it in, valid as it stands (it passes `check` and drafts at once, with zeros and
//! placeholder sentences that are plainly placeholders).

use serde::Serialize;

use crate::load::profile::Profile;
use crate::model::{ReportKind, Section};
use crate::zh::fill;

/// File name of the schema `init` writes beside a new data file, named in its first line.
pub const SCHEMA_FILE: &str = "zongjie.schema.json";

/// What a new data file is for.
#[derive(Debug, Clone)]
pub struct Skeleton {
    pub kind: ReportKind,
    /// 某县 / 某市: the region the figures describe.
    pub region: String,
    pub year: i32,
    /// The outline to write: the city's profile's, else the standard one.
    pub profile: Option<Profile>,
}

impl Skeleton {
    /// The text of the data file.
    pub fn render(&self) -> String {
        let sections = self.profile.as_ref().map(outline_of);
        crate::zh::skeleton::data_file(
            self.kind,
            &self.region,
            self.year,
            SCHEMA_FILE,
            sections.as_deref(),
        )
    }
}

/// A profile's outline as a county writes it: the profile's sections, titles and blocks as
/// they are, each section with nothing under it given a placeholder paragraph to fill in.
pub fn outline_of(profile: &Profile) -> String {
    fn fill_in(section: &mut Section) {
        let empty = section.lead.is_none()
            && section.blocks.is_empty()
            && section.paragraphs.is_empty()
            && section.points.is_empty()
            && section.sections.is_empty();
        if empty {
            section.paragraphs.push(fill::content());
        }
        section.sections.iter_mut().for_each(fill_in);
    }
    #[derive(Serialize)]
    struct Outline {
        sections: Vec<Section>,
    }
    let mut sections = profile.sections.clone();
    sections.iter_mut().for_each(fill_in);
    // Serialising plain tables of strings cannot fail.
    let toml = toml::to_string(&Outline { sections }).unwrap_or_default();
    format!(
        "{}\n{toml}",
        fill::profile_note(&profile.path.display().to_string())
    )
}

/// The current year by the system clock (UTC), for `init`'s default.
pub fn this_year() -> i32 {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400) as i64;
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm), year only.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2)) as i32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::Source;
    use crate::narrate::TemplateSet;

    /// The skeleton as `init` writes it: refused while its placeholders stand, every one of
    /// them named; once they are written over (here: deleted), a draft.
    fn draft_of(kind: ReportKind) -> crate::Draft {
        let text = Skeleton {
            kind,
            region: "某县".into(),
            year: 2025,
            profile: None,
        }
        .render();
        let source = Source::new("new.toml", text.clone());
        let refused = crate::draft(&source, &TemplateSet::built_in(), crate::Options::default())
            .err()
            .expect("placeholders are errors");
        // One error per figure to fill (ten) and per placeholder text, and nothing else.
        assert!(refused.0.len() > 10, "{refused}");
        assert!(
            refused.0.iter().all(|d| d.message.contains("placeholder")),
            "{refused}"
        );
        let filled = regex::Regex::new(r" *# 填写\d+年数值")
            .unwrap()
            .replace_all(&text, "")
            .replace(crate::zh::fill::FILL, "");
        let source = Source::new("new.toml", filled);
        crate::draft(&source, &TemplateSet::built_in(), crate::Options::default())
            .unwrap_or_else(|e| panic!("{e}\n{}", source.text))
    }

    #[test]
    fn this_year_is_plausible() {
        assert!((2024..2200).contains(&this_year()));
    }

    #[test]
    fn both_kinds_draft_as_they_stand() {
        let annual = draft_of(ReportKind::Annual);
        assert_eq!(annual.outline.title[1], "2025年工作总结和2026年工作计划");
        assert!(annual.warnings.is_empty(), "{:?}", annual.warnings);
        let half = draft_of(ReportKind::HalfYear);
        assert_eq!(
            half.outline.title[1],
            "2025年上半年工作总结和下半年工作思路"
        );
    }
}
