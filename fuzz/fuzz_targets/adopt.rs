//! A document from bytes, as text or as a .docx: `adopt` reads it within its bounds and
//! composes a data file that checks, or says why not — never a panic, never a hang, never an
//! allocation the document chose.
//!
//! The first byte picks how the rest is wrapped: as plain text, or as the body of a .docx.
#![no_main]

use std::io::Write;

use libfuzzer_sys::fuzz_target;
use zongjie::load::Source;

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let document = if pick % 2 == 0 {
        bytes.to_vec()
    } else {
        // The bytes as word/document.xml of an otherwise well-formed package.
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("[Content_Types].xml", options).expect("zip");
        zip.write_all(b"<Types/>").expect("zip");
        zip.start_file("word/document.xml", options).expect("zip");
        zip.write_all(bytes).expect("zip");
        zip.finish().expect("zip").into_inner()
    };
    let path = std::path::Path::new("fuzz.docx");
    if let Ok(adopted) = zongjie::ops::adopt::adopt_bytes(path, &document, zongjie::Options::default()) {
        // What adopt writes is a data file zongjie reads back.
        let source = Source::new("adopted.toml", adopted.toml);
        let options = zongjie::Options {
            unfinished: true,
            ..Default::default()
        };
        assert!(
            zongjie::check(&source, options).is_ok(),
            "adopt wrote a file that does not check:\n{}",
            source.text
        );
    }
});
