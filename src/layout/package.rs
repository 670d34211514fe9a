//! The package around a draft's body.
//!
//! Everything of a draft but its body — styles, settings, numbering, footers, the section
//! properties, the font table — is the same in every draft set in the same faces. docx-rs
//! builds it once per set of faces (`layout::frame`; a batch has one, or a few when some
//! counties name their own); each part is repaired once (see [`super::repair`]), and each
//! draft's body (see `layout::body`) is set into the frame's document part and zipped with
//! the rest (see `layout::zip`: the shared parts are deflated once, with the frame).

use std::sync::{Arc, Mutex, PoisonError};

use docx_rs::Docx;

use super::fonts::{self, Faces};
use super::repair::{fix_part, keep_line_end_marks, lists_a_relationship, without_parts};
use super::zip::{self, Effort, Part};

/// Zips a draft: `body` (paragraphs and tables) set into the frame's document part, which is
/// deflated here; the frame's other parts were deflated when it was built.
pub fn pack(body: &str, faces: &Faces) -> Result<Vec<u8>, String> {
    let frame = frame_for(faces)?;
    let mut document = Vec::with_capacity(frame.head.len() + body.len() + frame.tail.len());
    document.extend_from_slice(&frame.head);
    document.extend_from_slice(body.as_bytes());
    document.extend_from_slice(&frame.tail);
    let document = Part::deflated(DOCUMENT, &document, Effort::EachDraft)?;
    zip::write(
        frame
            .before
            .iter()
            .chain(std::iter::once(&document))
            .chain(&frame.after),
    )
}

/// The frame of drafts set in `faces`, built the first time they are asked for.
fn frame_for(faces: &Faces) -> Result<Arc<Frame>, String> {
    static FRAMES: Mutex<Vec<(Faces, Arc<Frame>)>> = Mutex::new(Vec::new());
    // A panic elsewhere while the lock was held leaves the list as it was: still usable.
    let mut frames = FRAMES.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, frame)) = frames.iter().find(|(f, _)| f == faces) {
        return Ok(Arc::clone(frame));
    }
    let frame = Arc::new(Frame::new(super::frame::frame(faces), faces)?);
    frames.push((faces.clone(), Arc::clone(&frame)));
    Ok(frame)
}

const DOCUMENT: &str = "word/document.xml";

/// The parts every draft shares, built, repaired and deflated once, in package order around
/// the document part; and the document part kept as the text before the body's blocks
/// (through `<w:body>`) and after them (the section properties on).
struct Frame {
    before: Vec<Part>,
    after: Vec<Part>,
    head: Vec<u8>,
    tail: Vec<u8>,
}

impl Frame {
    fn new(docx: Docx, faces: &Faces) -> Result<Frame, String> {
        let parts = docx.build();
        let document = fix_part(&parts.document)?;
        let split = |marker: &str| {
            document
                .windows(marker.len())
                .position(|w| w == marker.as_bytes())
                .ok_or_else(|| format!("docx-rs wrote a document part without {marker}"))
        };
        let body_start = split("<w:body>")? + "<w:body>".len();
        let section = split("<w:sectPr")?;
        if document[body_start..section]
            .iter()
            .any(|b| !b.is_ascii_whitespace())
        {
            return Err("docx-rs wrote blocks into an empty document".into());
        }
        // What zongjie's frame never has; a docx-rs that began writing it would need it here.
        if !parts.media.is_empty() || parts.taskpanes.is_some() || !parts.custom_items.is_empty() {
            return Err("docx-rs wrote media, task panes or custom XML into the frame".into());
        }
        // A draft has no comments, footnotes, list numbering or custom properties: docx-rs's
        // empty parts for them are left out, and so are the entries that name them.
        const UNUSED: [&str; 5] = [
            "docProps/custom.xml",
            "word/comments.xml",
            "word/commentsExtended.xml",
            "word/footnotes.xml",
            "word/numbering.xml",
        ];
        let named_from_word: Vec<&str> = UNUSED
            .iter()
            .filter_map(|p| p.strip_prefix("word/"))
            .collect();
        let part = |name: &str, bytes: &[u8]| Part::deflated(name, bytes, Effort::Shared);
        let before = vec![
            part(
                "[Content_Types].xml",
                &without_parts(&parts.content_type, &UNUSED)?,
            )?,
            part("_rels/.rels", &without_parts(&parts.rels, &UNUSED)?)?,
            part("docProps/app.xml", &parts.doc_props.app)?,
            part("docProps/core.xml", &parts.doc_props.core)?,
            part(
                "word/_rels/document.xml.rels",
                &without_parts(&parts.document_rels, &named_from_word)?,
            )?,
        ];
        let mut after = vec![
            part(
                "word/styles.xml",
                &keep_line_end_marks(&fix_part(&parts.styles)?)?,
            )?,
            part("word/settings.xml", &fix_part(&parts.settings)?)?,
            part("word/fontTable.xml", &fonts::font_table_xml(faces))?,
        ];
        // Headers and footers, each with its relationships when it has any.
        let running = [
            ("header", &parts.headers, &parts.header_rels),
            ("footer", &parts.footers, &parts.footer_rels),
        ];
        for (kind, xml, rels) in running {
            for (i, xml) in xml.iter().enumerate() {
                let n = i + 1;
                after.push(part(&format!("word/{kind}{n}.xml"), &fix_part(xml)?)?);
                if let Some(rels) = rels.get(i).filter(|r| lists_a_relationship(r)) {
                    after.push(part(&format!("word/_rels/{kind}{n}.xml.rels"), rels)?);
                }
            }
        }
        Ok(Frame {
            before,
            after,
            head: document[..body_start].to_vec(),
            tail: document[section..].to_vec(),
        })
    }
}
