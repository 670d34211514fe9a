//! The indicator catalogue: standard keys with their names, units, kinds and directions, so
//! that every county of a city drafts the same indicators in the same units.
//!
//! zongjie ships `catalogue/standard.toml` inside the binary; a city's profile adds entries to it
//! or replaces some (`[indicators.KEY]` in profile.toml).
//! Resolving a data file against the catalogue fills in what the file leaves out (name, unit,
//! kind, precision, direction) and reports what disagrees with it.

use std::sync::LazyLock;

use indexmap::IndexMap;
use serde::Deserialize;

use crate::diagnostic::{Finding, closest};
use crate::measure::{kind_of, units};
use crate::model::{Better, IndicatorKind, ReportFile};

/// The catalogue shipped with zongjie.
pub const STANDARD_TEXT: &str = include_str!("../../catalogue/standard.toml");

/// One standard indicator.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub name: String,
    pub unit: String,
    #[serde(default)]
    pub kind: Option<IndicatorKind>,
    #[serde(default)]
    pub precision: Option<u32>,
    #[serde(default)]
    pub better: Option<Better>,
    /// Whether county figures add up to the city's (false for ratios and per-capita figures).
    #[serde(default = "yes")]
    pub sum: bool,
    /// The shorter name sentences use (高新技术企业 for 高新技术企业数).
    #[serde(default)]
    pub label: Option<String>,
    /// Other names published summaries give the indicator (研发经费, R&D经费): `adopt` reads a
    /// figure under any of them, or the name or label, as this indicator.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Where the entry was written, when it is not the shipped catalogue's (a profile's
    /// `[indicators.KEY]`, as `FILE, line N`): a disagreement names it, since the profile
    /// may be what is wrong rather than the county's file.
    #[serde(skip)]
    #[schemars(skip)]
    pub origin: Option<String>,
}

impl Entry {
    /// Which catalogue says so, for a message about a disagreement.
    fn whose(&self) -> String {
        match &self.origin {
            Some(at) => format!("the profile's catalogue ({at})"),
            None => "the standard catalogue".to_string(),
        }
    }

    /// The second way out of a disagreement: correct the catalogue entry, when it is a
    /// profile's (the shipped one is not the user's to edit).
    fn or_fix_profile(&self, key: &str) -> String {
        match &self.origin {
            Some(at) => {
                format!("; or, if the profile is what is wrong, correct [indicators.{key}] at {at}")
            }
            None => String::new(),
        }
    }
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub indicators: IndexMap<String, Entry>,
}

static STANDARD: LazyLock<Catalogue> = LazyLock::new(|| {
    // The shipped catalogue is tested to parse (`the_standard_catalogue_parses`).
    toml::from_str(STANDARD_TEXT).unwrap_or(Catalogue {
        indicators: IndexMap::new(),
    })
});

impl Catalogue {
    /// The catalogue shipped with zongjie.
    pub fn standard() -> &'static Catalogue {
        &STANDARD
    }

    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.indicators.get(key)
    }
}

/// Fills what `file` leaves out from the catalogue and reports disagreements: errors for a
/// missing name or unit the catalogue cannot supply and for units or kinds that cannot be
/// reconciled, warnings for keys that look like misspelt catalogue keys.
pub fn resolve(file: &mut ReportFile, catalogue: &Catalogue) -> Vec<Finding> {
    let mut found = Vec::new();
    let keys: Vec<&str> = catalogue.indicators.keys().map(String::as_str).collect();
    for (key, ind) in file.indicators.iter_mut() {
        let at = |field: &str| format!("indicators.{key}.{field}");
        let Some(entry) = catalogue.get(key) else {
            let near = closest(key, keys.iter().copied());
            let missing: Vec<&str> = [("name", &ind.name), ("unit", &ind.unit)]
                .into_iter()
                .filter(|(_, v)| v.trim().is_empty())
                .map(|(f, _)| f)
                .collect();
            if !missing.is_empty() {
                let help = match near {
                    Some(c) => format!(
                        "\"{key}\" is not in the catalogue — did you mean \"{c}\"? otherwise give {}",
                        missing.join(" and ")
                    ),
                    None => format!(
                        "give {} for an indicator outside the catalogue",
                        missing.join(" and ")
                    ),
                };
                found.push(
                    Finding::error(
                        format!("indicators.{key}"),
                        format!("indicator \"{key}\" needs {}", missing.join(" and ")),
                    )
                    .help(help),
                );
            } else if let Some(c) = near.filter(|c| strsim::jaro_winkler(key, c) > 0.92) {
                found.push(
                    Finding::warning(format!("indicators.{key}"), format!("\"{key}\" is not a catalogue key"))
                        .help(format!("did you mean \"{c}\"? catalogue keys make counties comparable in rankings and roll-ups")),
                );
            }
            continue;
        };
        if ind.name.trim().is_empty() {
            ind.name = entry.name.clone();
            if ind.label.is_none() {
                ind.label = entry.label.clone();
            }
        }
        if ind.unit.trim().is_empty() {
            ind.unit = entry.unit.clone();
        } else if !units::convertible(&ind.unit, &entry.unit) {
            found.push(
                Finding::error(
                    at("unit"),
                    format!(
                        "{} measures {key} in {}, not {}",
                        entry.whose(),
                        entry.unit,
                        ind.unit
                    ),
                )
                .help(format!(
                    "write unit = \"{}\" (or another unit of its family), or use a key of your own{}",
                    entry.unit,
                    entry.or_fix_profile(key)
                )),
            );
        }
        match (ind.kind, entry.kind) {
            (Some(mine), Some(standard)) if mine != standard => found.push(
                Finding::error(
                    at("kind"),
                    format!(
                        "{} compares {key} as {}, not {}",
                        entry.whose(),
                        format!("{standard:?}").to_lowercase(),
                        format!("{mine:?}").to_lowercase()
                    ),
                )
                .help(format!(
                    "remove `kind` to use the catalogue's{}",
                    entry.or_fix_profile(key)
                )),
            ),
            (None, standard) => ind.kind = standard,
            _ => {}
        }
        if ind.precision.is_none() {
            ind.precision = entry.precision;
        }
        if ind.better.is_none() {
            ind.better = entry.better;
        }
        // A kind inferred from a unit must agree too (a % indicator under a count key).
        if let Some(standard) = entry.kind
            && kind_of(ind) != standard
        {
            found.push(
                Finding::error(
                    at("unit"),
                    format!(
                        "{} in {} cannot be the catalogue's {key}",
                        ind.name, ind.unit
                    ),
                )
                .help(format!(
                    "{} has {key} in {}{}",
                    entry.whose(),
                    entry.unit,
                    entry.or_fix_profile(key)
                )),
            );
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::load::{Source, parse};

    #[test]
    fn the_standard_catalogue_parses_and_covers_the_assessment_set() {
        let c: Catalogue = toml::from_str(STANDARD_TEXT).unwrap();
        for key in [
            "hte",
            "hte_net",
            "tech_sme",
            "contract_count",
            "contract_value",
            "rd_spend",
            "rd_intensity",
            "hti_value_added",
            "hti_growth",
            "fiscal_st",
            "fiscal_share",
            "hv_patents_per_10k",
            "platforms",
            "envoys",
        ] {
            assert!(c.get(key).is_some(), "{key}");
        }
        assert!(!c.get("rd_intensity").unwrap().sum);
        assert!(c.get("hte").unwrap().sum);
    }

    fn resolved(body: &str) -> (ReportFile, Vec<Diagnostic>) {
        let text = format!(
            "[report]\nissuer = \"某县科学技术局\"\nregion = \"某县\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n{body}"
        );
        let source = Source::new("c.toml", text);
        let mut file = parse(&source).unwrap();
        let found: Vec<Diagnostic> = resolve(&mut file, Catalogue::standard())
            .into_iter()
            .map(|f| source.locate_finding(f))
            .collect();
        (file, found)
    }

    #[test]
    fn catalogue_keys_need_only_their_figures() {
        let (file, found) = resolved("[indicators.hte]\ncurrent = 57\nprevious = 46\n");
        assert!(found.is_empty(), "{found:?}");
        let hte = &file.indicators["hte"];
        assert_eq!(
            (hte.name.as_str(), hte.unit.as_str()),
            ("高新技术企业数", "家")
        );
        assert_eq!(hte.kind, Some(IndicatorKind::Count));
    }

    #[test]
    fn disagreements_and_unknown_keys_are_reported() {
        let (_, found) = resolved(
            "[indicators.hte]\nunit = \"亿元\"\ncurrent = 57\n\
             [indicators.hte_cnt]\ncurrent = 5\n\
             [indicators.tech_smes]\nname = \"科小\"\nunit = \"家\"\ncurrent = 5\n\
             [indicators.contract_value]\nunit = \"万元\"\ncurrent = 132300\n",
        );
        let shown: Vec<String> = found.iter().map(|d| d.to_string()).collect();
        assert_eq!(found.len(), 3, "{shown:#?}");
        assert!(shown[0].contains("the standard catalogue measures hte in 家, not 亿元"));
        assert!(
            shown[1].contains("indicator \"hte_cnt\" needs name and unit")
                && shown[1].contains("did you mean \"hte")
        );
        assert!(
            shown[2].contains("\"tech_smes\" is not a catalogue key")
                && shown[2].contains("tech_sme")
        );
    }
}
