//! The whole pipeline, from the bytes of a data file to the bytes of a DOCX: whatever the
//! bytes, zongjie returns a draft or diagnostics, never a panic.
//!
//! With `ZONGJIE_FUZZ_DOCX_DIR` set, every DOCX produced is written there (named by a hash of
//! its input) so that a replay of the corpus can be checked with ../shared/tools/docx-validate.
#![no_main]

use std::hash::{DefaultHasher, Hash, Hasher};

use libfuzzer_sys::fuzz_target;
use zongjie::load::Source;
use zongjie::narrate::TemplateSet;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = Source::from_bytes("fuzz.toml", data.to_vec()) else {
        return;
    };
    let options = zongjie::Options {
        audit_table: data.len() % 2 == 0,
        ..Default::default()
    };
    let Ok(draft) = zongjie::draft(&source, &TemplateSet::built_in(), options) else {
        return;
    };
    assert_eq!(&draft.docx[..2], b"PK", "a DOCX is a zip package");
    if let Ok(dir) = std::env::var("ZONGJIE_FUZZ_DOCX_DIR") {
        let mut h = DefaultHasher::new();
        data.hash(&mut h);
        let path = std::path::Path::new(&dir).join(format!("{:016x}.docx", h.finish()));
        std::fs::write(path, &draft.docx).expect("the replay folder is writable");
    }
});
