//! A spreadsheet from bytes, as .xlsx or .csv: `import` reads it within its bounds and fills
//! an example data file, or says why not — never a panic and never an allocation the sheet
//! chose.
//!
//! The first byte picks the extension the rest is read as.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zongjie::load::Source;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let extension = if pick % 2 == 0 { "xlsx" } else { "csv" };
    let dir = tempfile::tempdir().expect("a scratch folder");
    let path = dir.path().join(format!("sheet.{extension}"));
    std::fs::write(&path, bytes).expect("writable");
    let Ok(rows) = zongjie::ops::import::read_rows(&path, None) else {
        return;
    };
    let example = include_str!("../../examples/xupu-2024.toml");
    let source = Source::new("xupu-2024.toml", example.to_string());
    if let Ok(imported) = zongjie::ops::import::import(&source, &rows, &path, zongjie::Options::default()) {
        // What import writes is TOML that zongjie reads back.
        let _ = zongjie::check(
            &Source::new("xupu-2024.toml", imported.text),
            zongjie::Options::default(),
        );
    }
});
