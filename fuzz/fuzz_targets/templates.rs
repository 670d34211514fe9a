//! A city's template folder, from bytes: whatever a template says, drafting an example with it
//! returns a draft or diagnostics — never a panic, a stack overflow or a runaway render.
//!
//! The first byte picks which built-in template the rest replaces.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zongjie::load::Source;
use zongjie::narrate::TemplateSet;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, text)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(text) else {
        return;
    };
    let dir = tempfile::tempdir().expect("a scratch folder");
    let names = zongjie::narrate::BUILT_IN_TEMPLATES;
    let name = names[usize::from(pick) % names.len()].0;
    std::fs::write(dir.path().join(format!("{name}.hbs")), text).expect("writable");
    let Ok(templates) = TemplateSet::with_overrides(dir.path()) else {
        return;
    };
    let example = include_str!("../../examples/xupu-2024.toml");
    let source = Source::new("xupu-2024.toml", example.to_string());
    if let Ok(draft) = zongjie::draft(&source, &templates, zongjie::Options::default()) {
        assert_eq!(&draft.docx[..2], b"PK", "a DOCX is a zip package");
    }
});
