//! The JSON Schema of a data file, generated from the model's types.
//!
//! One schema serves two readers: the load stage walks it to report every structural
//! problem of a file at once (see `structure`), and editors (Taplo / Even
//! Better TOML) use the same schema for completion. Draft-07 is the dialect Taplo reads.

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::measure::Citable;
use crate::model::ReportFile;

/// The data file's schema as a JSON value, each field described in Chinese first (for the
/// clerk hovering over a key in an editor) and in English after (from the doc comments).
pub fn data_file() -> Value {
    let generator = SchemaSettings::draft07().into_generator();
    let mut schema = generator.into_root_schema_for::<ReportFile>().to_value();
    describe(&mut schema);
    // What prose may cite, from the one list of citable fields.
    let fields: Vec<&str> = Citable::ALL.iter().map(|c| c.name()).collect();
    if let Some(Value::Object(indicators)) = schema
        .get_mut("properties")
        .and_then(|p| p.get_mut("indicators"))
    {
        indicators.insert(
            "description".into(),
            Value::String(crate::zh::schema::indicators(&fields)),
        );
    }
    schema
}

/// Puts the Chinese description of each field (see [`crate::zh::schema`]) before its English
/// one, wherever the schema has that field.
fn describe(schema: &mut Value) {
    for (place, chinese) in crate::zh::schema::DESCRIPTIONS {
        let (definition, field) = place.split_once('.').unwrap_or(("", place));
        let properties = if definition.is_empty() {
            schema.get_mut("properties")
        } else {
            schema
                .get_mut("definitions")
                .and_then(|d| d.get_mut(definition))
                .and_then(|d| d.get_mut("properties"))
        };
        if let Some(Value::Object(property)) = properties.and_then(|p| p.get_mut(field)) {
            let english = property
                .get("description")
                .and_then(Value::as_str)
                .map(|e| format!("\n\n{e}"))
                .unwrap_or_default();
            property.insert(
                "description".into(),
                Value::String(format!("{chinese}{english}")),
            );
        }
    }
}

/// The schema of a city's profile file (`profile.toml`), for editors.
pub fn profile() -> Value {
    let generator = SchemaSettings::draft07().into_generator();
    let mut schema = generator
        .into_root_schema_for::<super::profile::ProfileFile>()
        .to_value();
    describe(&mut schema);
    schema
}

/// The profile schema as checked in at `schemas/profile.schema.json`.
pub fn profile_text() -> String {
    pretty(&profile())
}

/// The schema as checked in at `schemas/report.schema.json`.
pub fn data_file_text() -> String {
    pretty(&data_file())
}

/// Pretty JSON and a final newline.
fn pretty(schema: &Value) -> String {
    // Serialising a JSON value cannot fail.
    let mut text = serde_json::to_string_pretty(schema).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checked_in_schema_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/report.schema.json");
        let checked_in = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            checked_in == data_file_text(),
            "schemas/report.schema.json is stale: run `cargo run -- schema > schemas/report.schema.json`"
        );
    }

    #[test]
    fn the_checked_in_profile_schema_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/profile.schema.json");
        let checked_in = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            checked_in == profile_text(),
            "schemas/profile.schema.json is stale: run `cargo run -- schema profile > schemas/profile.schema.json`"
        );
    }

    #[test]
    fn every_field_is_described_in_chinese() {
        for s in [data_file(), profile()] {
            every_field_of_is_described_in_chinese(&s);
        }
    }

    fn every_field_of_is_described_in_chinese(s: &Value) {
        let mut missing = Vec::new();
        let definitions = s["definitions"].as_object().unwrap();
        let top = std::iter::once(("", s));
        for (name, def) in top.chain(definitions.iter().map(|(k, v)| (k.as_str(), v))) {
            for (field, property) in def["properties"].as_object().into_iter().flatten() {
                let described = property["description"]
                    .as_str()
                    .is_some_and(|d| d.chars().next().is_some_and(|c| !c.is_ascii()));
                if !described {
                    missing.push(format!("{name}.{field}"));
                }
            }
        }
        assert!(missing.is_empty(), "no Chinese description: {missing:?}");
    }

    /// schemas/README.md documents every key of both schemas as a stable interface.
    #[test]
    fn every_key_is_documented_in_the_schemas_readme() {
        let readme =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/schemas/README.md"))
                .unwrap();
        let mut missing = Vec::new();
        for s in [data_file(), profile()] {
            let definitions = s["definitions"].as_object().unwrap();
            let top = std::iter::once(&s);
            for def in top.chain(definitions.values()) {
                for field in def["properties"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(k, _)| k)
                {
                    if !readme.contains(&format!("`{field}`")) {
                        missing.push(field.clone());
                    }
                }
            }
        }
        assert!(missing.is_empty(), "not in schemas/README.md: {missing:?}");
    }

    #[test]
    fn the_schema_is_draft_07_and_closed() {
        let s = data_file();
        assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(s["additionalProperties"], false);
        assert_eq!(
            s["definitions"]["Indicator"]["required"],
            serde_json::json!(["current"]),
            "name and unit come from the catalogue when left out"
        );
    }
}
