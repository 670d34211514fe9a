//! A table of bad inputs: one data file per case in `tests/bad_inputs/`, each run through the
//! whole pipeline in memory, its messages kept as an insta snapshot in `tests/snapshots/`.
//!
//! A new case is a new file; `INSTA_UPDATE=always cargo test --test bad_inputs` writes its
//! snapshot, which is then read and committed like code.

use std::path::Path;

use zongjie::Options;
use zongjie::diagnostic::Diagnostics;
use zongjie::load::Source;
use zongjie::narrate::TemplateSet;

/// What a clerk would see for this file: the refusal, or the warnings of a draft.
fn outcome(path: &Path) -> String {
    let name = Path::new("bad_inputs").join(path.file_name().unwrap());
    let bytes = std::fs::read(path).unwrap();
    let result = Source::from_bytes(&name, bytes)
        .map_err(Diagnostics::from)
        .and_then(|s| zongjie::draft(&s, &TemplateSet::built_in(), Options::default()));
    match result {
        Err(all) => format!("refused\n\n{all}"),
        Ok(draft) if draft.warnings.is_empty() => "drafted".into(),
        Ok(draft) => format!("drafted with warnings\n\n{}", Diagnostics(draft.warnings)),
    }
}

#[test]
fn every_bad_input_is_refused_or_warned_about_with_its_location() {
    let mut cases = 0;
    insta::glob!("bad_inputs/*.toml", |path| {
        cases += 1;
        let seen = outcome(path);
        let clean = path.to_string_lossy().contains("utf8-bom");
        if clean {
            assert_eq!(seen, "drafted", "a BOM is not an error");
        } else {
            assert!(
                seen.contains("error: ") || seen.contains("warning: "),
                "{}: {seen}",
                path.display()
            );
            assert!(seen.contains("bad_inputs/"), "names the file: {seen}");
        }
        insta::assert_snapshot!(seen);
    });
    assert!(cases >= 30, "{cases} cases");
}
