//! The JSON Schema of a data file, generated from the model's types.
//!
//! One schema serves two readers: the load stage walks it to report every structural
//! problem of a file at once (see [`crate::load::structure`]), and editors (Taplo / Even
//! Better TOML) use the same schema for completion. Draft-07 is the dialect Taplo reads.

use schemars::generate::SchemaSettings;
use serde_json::Value;

use crate::model::ReportFile;

/// The data file's schema as a JSON value.
pub fn data_file() -> Value {
    let generator = SchemaSettings::draft07().into_generator();
    generator.into_root_schema_for::<ReportFile>().to_value()
}

/// The schema as checked in at `schemas/report.schema.json`: pretty JSON and a final newline.
pub fn data_file_text() -> String {
    // Serialising a JSON value cannot fail.
    let mut text = serde_json::to_string_pretty(&data_file()).unwrap_or_default();
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
    fn the_schema_is_draft_07_and_closed() {
        let s = data_file();
        assert_eq!(s["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(s["additionalProperties"], false);
        assert_eq!(
            s["definitions"]["Indicator"]["required"],
            serde_json::json!(["name", "unit", "current"])
        );
    }
}
