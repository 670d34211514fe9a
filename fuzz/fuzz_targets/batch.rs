//! A city's folder of county files, from bytes: the bytes are cut into files at every 0xFF
//! byte, and `batch` drafts the folder. Whatever the files say, the batch ends with drafts or
//! diagnostics for each, writes only into its output folder and leaves no temporary file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zongjie::narrate::TemplateSet;

fuzz_target!(|data: &[u8]| {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let counties = dir.path().join("counties");
    std::fs::create_dir(&counties).expect("writable");
    let mut inputs = Vec::new();
    for (i, bytes) in data.split(|b| *b == 0xFF).take(8).enumerate() {
        let path = counties.join(format!("c{i}.toml"));
        std::fs::write(&path, bytes).expect("writable");
        inputs.push(path);
    }
    let out = dir.path().join("out");
    let result = zongjie::ops::batch::run(
        &inputs,
        &out,
        &TemplateSet::built_in(),
        zongjie::Options::default(),
        false,
        &|_| {},
    );
    // Only drafts (or nothing) in the output folder.
    if let Ok(entries) = std::fs::read_dir(&out) {
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            assert!(name.ends_with(".docx"), "left behind: {name}");
        }
    }
    // Nothing beside the two folders.
    for entry in std::fs::read_dir(dir.path()).expect("readable").flatten() {
        let name = entry.file_name();
        assert!(name == "counties" || name == "out", "written outside: {name:?}");
    }
    drop(result);
});
