//! The document adopt starts from, as a reader sees it: paragraphs and tables, in order.
//!
//! A .docx (Word, WPS, LibreOffice, zongjie's own drafts) is read from its XML; text is
//! UTF-8, GBK or UTF-16, and a web page saved as HTML is read for its text. Anything else — a
//! spreadsheet, an old .doc, a PDF, an image — is refused with what to do instead, before
//! anything is parsed. Every input is read within bounds: a county's file is untrusted.

use std::path::Path;

use crate::diagnostic::Diagnostic;

use super::docx;

/// Larger than any published summary (a 30-page report with its tables is under 1 MiB).
pub const MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;

/// What a .docx's document part may unpack to (zip bombs are refused at this size, whatever
/// the archive declares).
pub const MAX_UNPACKED_BYTES: u64 = 64 * 1024 * 1024;

/// How a paragraph is aligned: titles are centred, signatures and dates set right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Body,
    Center,
    Right,
}

/// A paragraph of the source, its text trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paragraph {
    pub text: String,
    pub align: Align,
    /// The heading level a Word style gives it (Heading 1 → 1), when it has one.
    pub outline_level: Option<u8>,
}

impl Paragraph {
    pub fn plain(text: impl Into<String>) -> Paragraph {
        Paragraph {
            text: text.into(),
            ..Paragraph::default()
        }
    }
}

/// One piece of the document, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Paragraph(Paragraph),
    /// A table's rows of cell texts.
    Table(Vec<Vec<String>>),
}

/// Reads the document at `path`: a regular file within [`MAX_DOCUMENT_BYTES`].
pub fn read(path: &Path) -> Result<Vec<Piece>, Diagnostic> {
    use crate::load::{Unreadable, read_regular};
    let fail = |message: String, help: &str| Diagnostic::error(message).in_file(path).help(help);
    let bytes = read_regular(path, MAX_DOCUMENT_BYTES).map_err(|e| match e {
        Unreadable::Io(e) => fail(
            format!("cannot read {}: {e}", path.display()),
            "check the path and that you may read the file",
        ),
        Unreadable::Folder | Unreadable::NotRegular => fail(
            format!(
                "{} is not a regular file (a folder, a pipe or a device)",
                path.display()
            ),
            "name the summary itself: a .docx, or a .txt of its text",
        ),
        Unreadable::TooLarge(_) => fail(
            format!(
                "{} is larger than the {} MiB a work summary can be",
                path.display(),
                MAX_DOCUMENT_BYTES / (1024 * 1024)
            ),
            "check that this is the summary; if it holds pictures, save a copy without them (or its text as .txt)",
        ),
    })?;
    from_bytes(&bytes).map_err(|d| d.in_file(path))
}

/// The document in `bytes`, whatever its format, or why it cannot be read.
pub fn from_bytes(bytes: &[u8]) -> Result<Vec<Piece>, Diagnostic> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Diagnostic::error("the file is empty")
            .help("adopt reads last year's summary: a .docx, or a .txt of its text"));
    }
    if let Some((what, help)) = not_a_document(bytes) {
        return Err(Diagnostic::error(format!(
            "the file is {what}, not a work summary adopt can read"
        ))
        .help(help));
    }
    let pieces = if bytes.starts_with(b"PK\x03\x04") {
        docx::read(bytes)?
    } else {
        let text = decode(bytes)?;
        if looks_like_html(&text) {
            paragraphs(&html_text(&text))
        } else {
            paragraphs(&text)
        }
    };
    if pieces.is_empty() {
        return Err(Diagnostic::error("the document has no text")
            .help("a scanned document has only pictures: copy its text into a .txt file"));
    }
    Ok(pieces)
}

/// Formats recognised by their first bytes that adopt does not read, with what to do.
fn not_a_document(bytes: &[u8]) -> Option<(&'static str, String)> {
    let save_as_docx = || {
        format!(
            "open it in Word or WPS and save it as .docx ({})",
            crate::zh::hint::SAVE_AS_DOCX
        )
    };
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"\xD0\xCF\x11\xE0") {
        return Some((
            "an old Office or WPS file (.doc, .xls, .wps)",
            save_as_docx(),
        ));
    }
    if starts(b"%PDF") {
        return Some((
            "a PDF",
            "open it in Word or WPS and save it as .docx, or copy its text into a .txt file".into(),
        ));
    }
    if starts(b"{\\rtf") {
        return Some(("an RTF document", save_as_docx()));
    }
    if starts(b"\x89PNG")
        || starts(b"\xFF\xD8\xFF")
        || starts(b"GIF8")
        || starts(b"BM")
        || starts(b"II*\0")
        || starts(b"MM\0*")
        || (starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP"))
    {
        return Some((
            "an image",
            "adopt reads text, not pictures: copy the summary's text (or its OCR) into a .txt file"
                .into(),
        ));
    }
    if starts(b"PK\x03\x04") {
        return match docx::package_kind(bytes) {
            docx::Package::Document => None,
            docx::Package::Spreadsheet => Some((
                "a spreadsheet",
                "adopt reads a summary; to take figures from a sheet, use zongjie import".into(),
            )),
            docx::Package::Presentation => Some(("a presentation", save_as_docx())),
            docx::Package::OpenDocument => Some(("an OpenDocument file (.odt)", save_as_docx())),
            docx::Package::Other => Some((
                "a zip archive without a Word document in it",
                "unpack it and name the .docx inside".into(),
            )),
        };
    }
    let head = &bytes[..bytes.len().min(4096)];
    if crate::load::wide_encoding(head).is_none() && head.contains(&0) {
        return Some((
            "a binary file",
            "adopt reads a .docx, or a .txt of the summary's text".into(),
        ));
    }
    None
}

/// Text in UTF-8 (with or without a BOM), UTF-16 or GBK — the encodings a Chinese office's
/// editors save in.
fn decode(bytes: &[u8]) -> Result<String, Diagnostic> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, bad) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if !bad {
            return Ok(text.into_owned());
        }
    }
    if let Some(wide) = crate::load::wide_encoding(bytes) {
        let encoding = match wide {
            "UTF-16LE" => encoding_rs::UTF_16LE,
            "UTF-16BE" => encoding_rs::UTF_16BE,
            _ => {
                return Err(Diagnostic::error(format!("the file is {wide} text"))
                    .help("save it again as UTF-8 (or GBK) text"));
            }
        };
        let (text, bad) = encoding.decode_without_bom_handling(bytes);
        if !bad {
            return Ok(text.into_owned());
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(text.to_string());
    }
    // GB18030 reads GBK and GB2312 too.
    match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(text.into_owned()),
        None => Err(Diagnostic::error(
            "the file is text in an encoding adopt does not know (neither UTF-8, UTF-16 nor GBK)",
        )
        .help(format!(
            "save it again as UTF-8 text ({})",
            crate::zh::hint::SAVE_AS_UTF8
        ))),
    }
}

/// Each non-blank line a paragraph.
fn paragraphs(text: &str) -> Vec<Piece> {
    text.lines()
        .map(trim)
        .filter(|l| !l.is_empty())
        .map(|l| Piece::Paragraph(Paragraph::plain(l)))
        .collect()
}

/// A line without the spaces around it, ideographic spaces and non-breaking ones included.
pub fn trim(line: &str) -> &str {
    line.trim_matches(|c: char| {
        c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' || c == '\u{feff}'
    })
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect::<String>().to_lowercase();
    head.contains("<html") || head.contains("<!doctype html") || head.contains("<body")
}

/// The text of a web page: scripts and styles dropped, block ends made line breaks, tags
/// removed and entities decoded.
fn html_text(html: &str) -> String {
    use std::sync::LazyLock;
    static DROPPED: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"(?is)<(script|style|head|noscript)\b.*?</(script|style|head|noscript)\s*>|<!--.*?-->",
        )
        .expect("a valid pattern")
    });
    static BREAKS: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"(?i)<br\s*/?>|</(p|div|h[1-6]|li|tr|table|section|article)\s*>|<(p|div|tr|li)\b[^>]*>")
            .expect("a valid pattern")
    });
    static TAGS: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"(?s)<[^>]*>").expect("a valid pattern"));
    let text = DROPPED.replace_all(html, "");
    let text = BREAKS.replace_all(&text, "\n");
    let text = TAGS.replace_all(&text, "");
    decode_entities(&text)
}

/// `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;` and numeric references.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(pieces: &[Piece]) -> Vec<String> {
        pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Paragraph(p) => Some(p.text.clone()),
                Piece::Table(_) => None,
            })
            .collect()
    }

    #[test]
    fn text_in_the_encodings_offices_save_in() {
        let text = "一、2024年工作情况\n\u{3000}\u{3000}全县研发经费投入4.54亿元。\r\n\n";
        let want = ["一、2024年工作情况", "全县研发经费投入4.54亿元。"];
        assert_eq!(texts(&from_bytes(text.as_bytes()).unwrap()), want);
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        assert_eq!(texts(&from_bytes(&gbk).unwrap()), want);
        let utf16: Vec<u8> = "\u{feff}"
            .chars()
            .chain(text.chars())
            .collect::<String>()
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(texts(&from_bytes(&utf16).unwrap()), want);
    }

    #[test]
    fn a_saved_web_page_is_read_for_its_text() {
        let html = "<!DOCTYPE html><html><head><title>x</title><script>var a='<p>';</script></head>\
                    <body><div>首页 &gt; 政务公开</div><p>一、工作情况</p><p>投入4.54亿元&#65292;增长</p></body></html>";
        assert_eq!(
            texts(&from_bytes(html.as_bytes()).unwrap()),
            ["首页 > 政务公开", "一、工作情况", "投入4.54亿元，增长"]
        );
    }

    #[test]
    fn what_is_not_a_summary_is_refused_with_what_to_do() {
        for (bytes, says) in [
            (&b""[..], "empty"),
            (&b"  \n\t "[..], "empty"),
            (&b"\x89PNG\r\n\x1a\n\0\0\0"[..], "an image"),
            (&b"\xFF\xD8\xFF\xE0\0\x10JFIF"[..], "an image"),
            (&b"%PDF-1.7\n"[..], "a PDF"),
            (&b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"[..], "an old Office"),
            (&b"\x7fELF\x02\x01\x01\0\0\0"[..], "a binary file"),
            (
                &b"\xff\xfe\xfd\x80\x81"[..],
                "an encoding adopt does not know",
            ),
        ] {
            let e = from_bytes(bytes).unwrap_err().to_string();
            assert!(e.contains(says), "{e}");
        }
    }
}
