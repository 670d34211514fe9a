//! `draft --format html`: the portal's page says what the DOCX says.

mod common;

use zongjie::load::Source;
use zongjie::narrate::TemplateSet;

/// The page's text, one entry per paragraph-like element (title lines joined, a table's
/// caption and each cell apart), as the DOCX paragraphs are.
fn page_text(html: &str) -> Vec<String> {
    let body = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find('>').unwrap() + open;
        let tag = &rest[open + 1..close];
        let name = tag
            .trim_start_matches('/')
            .split([' ', '>'])
            .next()
            .unwrap_or("");
        let ends_block = tag.starts_with('/')
            && ["h1", "h2", "h3", "h4", "h5", "p", "caption", "th", "td"].contains(&name);
        if ends_block {
            let t = text
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
            if !t.trim().is_empty() {
                out.push(t.trim().to_string());
            }
            text.clear();
        }
        rest = &rest[close + 1..];
    }
    out
}

#[test]
fn every_example_as_a_page_has_the_docx_text_and_no_scripts_or_fonts_to_fetch() {
    let examples = common::examples();
    assert!(examples.len() >= 10);
    for path in examples {
        let source = Source::read(&path).unwrap();
        let draft = zongjie::draft(
            &source,
            &TemplateSet::built_in(),
            zongjie::Options::default(),
        )
        .unwrap();
        let html = zongjie::layout::html::write(&draft.outline, &[]);
        let docx = common::paragraphs(&common::part(&draft.docx, "word/document.xml"));
        // The DOCX holds the title's lines in one paragraph (a line break between) and each
        // table cell as a paragraph.
        let page: Vec<String> = page_text(&html.replace("<br>", ""));
        let docx: Vec<String> = docx.into_iter().filter(|t| !t.trim().is_empty()).collect();
        // The DOCX footer holds page numbers, not the body: compare the body's text.
        assert_eq!(page, docx, "{}", path.display());
        for forbidden in ["<script", "url(", "@import", "http://", "https://"] {
            assert!(!html.contains(forbidden), "{}: {forbidden}", path.display());
        }
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert_eq!(html.matches("<h1>").count(), 1);
    }
}

#[test]
fn draft_format_html_writes_the_page_to_out() {
    let dir = tempfile::tempdir().unwrap();
    let example = common::example("xupu-2024.toml");
    assert_cmd::Command::cargo_bin("zongjie")
        .unwrap()
        .current_dir(dir.path())
        .args(["draft", example.to_str().unwrap(), "--format", "html"])
        .assert()
        .success();
    let page = std::fs::read_to_string(dir.path().join("out/xupu-2024.html")).unwrap();
    assert!(page.contains("<h2 class=\"h1\">一、"), "{page}");
    assert!(!dir.path().join("out/xupu-2024.docx").exists());
}
