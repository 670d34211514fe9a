//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::io::Read;
use std::path::{Path, PathBuf};

pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

/// The text of one part of a DOCX package.
pub fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip package");
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("the package has {name}"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The visible text of document.xml, paragraph by paragraph.
pub fn paragraphs(document_xml: &str) -> Vec<String> {
    document_xml
        .split("</w:p>")
        .map(|p| {
            let mut text = String::new();
            let mut rest = p;
            while let Some(start) = rest.find("<w:t") {
                let after = &rest[start..];
                let open_end = after.find('>').unwrap();
                // Only <w:t> and <w:t …>: not <w:tab/>, <w:tbl…>, <w:top …/> and the like.
                let tag = &after[..open_end];
                if !(tag == "<w:t" || tag.starts_with("<w:t ")) {
                    rest = &after[open_end..];
                    continue;
                }
                let body = &after[open_end + 1..];
                let close = body.find("</w:t>").unwrap_or(0);
                text.push_str(&body[..close]);
                rest = &body[close..];
            }
            text.replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
        })
        .filter(|t| !t.is_empty())
        .collect()
}

/// Every data file under examples/, the city's counties included.
pub fn examples() -> Vec<PathBuf> {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"));
    let mut files = Vec::new();
    for dir in [root.clone(), root.join("huaihua-2024")] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 15, "{files:?}");
    files
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A file from `init` or `next` with its placeholders written over (here: deleted), as a
/// clerk would fill it in.
pub fn filled_in(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line = match line.find("# 填写") {
            Some(at) if line[..at].contains('=') => line[..at].trim_end(),
            _ => line,
        };
        out.push_str(&line.replace("（请在此填写）", ""));
        out.push('\n');
    }
    out
}
