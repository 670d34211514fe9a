//! `zongjie adopt`: last year's published summary read back into a data file.
//!
//! ```text
//! read      .docx / text / saved web page → paragraphs and tables      (read, docx)
//! portal    the page's navigation and counters dropped, its date kept  (portal)
//! outline   title, opening, headings, run-ins, leads, points, signature (outline)
//! figures   each stated figure and its comparison → indicators          (figures)
//! compose   mentions → indicators and sections; citations checked by drafting (compose)
//!           the report's particulars and house style                   (meta)
//!           the data file's text, unsure places commented               (emit)
//! ```

pub mod compose;
pub mod docx;
mod emit;
pub mod figures;
mod meta;
pub mod outline;
pub mod portal;
pub mod read;

use std::path::Path;

use crate::diagnostic::Diagnostic;
pub use compose::Adopted;

/// Reads a published summary and composes its data file. Writes nothing.
pub fn adopt(path: &Path, options: crate::Options) -> Result<Adopted, Diagnostic> {
    let pieces = read::read(path)?;
    adopt_pieces(path, pieces, options)
}

/// As [`adopt`], from the document's bytes (`path` names it in messages).
pub fn adopt_bytes(
    path: &Path,
    bytes: &[u8],
    options: crate::Options,
) -> Result<Adopted, Diagnostic> {
    let pieces = read::from_bytes(bytes).map_err(|d| d.in_file(path))?;
    adopt_pieces(path, pieces, options)
}

/// More paragraphs than a work summary has (a long one has about 2,000): a document this
/// size is refused before its outline is read, not after gigabytes of it.
pub const MAX_PARAGRAPHS: usize = 20_000;
/// More text than a work summary has (a long one is about 100 KB).
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

fn adopt_pieces(
    path: &Path,
    pieces: Vec<read::Piece>,
    options: crate::Options,
) -> Result<Adopted, Diagnostic> {
    let text_bytes: usize = pieces
        .iter()
        .map(|p| match p {
            read::Piece::Paragraph(p) => p.text.len(),
            read::Piece::Table(rows) => rows.iter().flatten().map(String::len).sum(),
        })
        .sum();
    if pieces.len() > MAX_PARAGRAPHS || text_bytes > MAX_TEXT_BYTES {
        return Err(Diagnostic::error(format!(
            "{} paragraphs and {} KB of text: more than a work summary holds (at most {MAX_PARAGRAPHS} paragraphs, {} KB)",
            pieces.len(),
            text_bytes / 1024,
            MAX_TEXT_BYTES / 1024
        ))
        .in_file(path)
        .help("check that this is the summary; adopt one report at a time"));
    }
    let (pieces, page) = portal::strip(pieces);
    let doc = outline::recognise(&pieces);
    if doc.parts.is_empty() {
        return Err(Diagnostic::error(crate::zh::recognise::NO_HEADINGS)
            .in_file(path)
            .help(crate::zh::recognise::NO_HEADINGS_HELP));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    compose::compose(&doc, &page, options, &name).map_err(|d| d.in_file(path))
}
