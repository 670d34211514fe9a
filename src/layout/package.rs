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
use super::repair::{fix_part, keep_line_end_marks};
use super::zip::{self, Part};

/// Zips a draft: `body` (paragraphs and tables) set into the frame's document part, which is
/// deflated here; the frame's other parts were deflated when it was built.
pub fn pack(body: &str, faces: &Faces) -> Result<Vec<u8>, String> {
    let frame = frame_for(faces)?;
    let mut document = Vec::with_capacity(frame.head.len() + body.len() + frame.tail.len());
    document.extend_from_slice(&frame.head);
    document.extend_from_slice(body.as_bytes());
    document.extend_from_slice(&frame.tail);
    let document = Part::deflated(DOCUMENT, &document)?;
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
        let deflated = |name: &str, bytes: &[u8]| Part::deflated(name, bytes);
        let before = vec![
            deflated("[Content_Types].xml", &parts.content_type)?,
            deflated("_rels/.rels", &parts.rels)?,
            deflated("docProps/app.xml", &parts.doc_props.app)?,
            deflated("docProps/core.xml", &parts.doc_props.core)?,
            deflated("docProps/custom.xml", &parts.doc_props.custom)?,
            deflated("word/_rels/document.xml.rels", &parts.document_rels)?,
        ];
        let mut after = vec![
            deflated(
                "word/styles.xml",
                &keep_line_end_marks(&fix_part(&parts.styles)?)?,
            )?,
            deflated("word/settings.xml", &fix_part(&parts.settings)?)?,
            deflated("word/fontTable.xml", &fonts::font_table_xml(faces))?,
            deflated("word/comments.xml", &parts.comments)?,
            deflated("word/numbering.xml", &fix_part(&parts.numberings)?)?,
            deflated("word/commentsExtended.xml", &parts.comments_extended)?,
            deflated("word/footnotes.xml", &parts.footnotes)?,
        ];
        // Headers and footers, each with its relationships when it has any.
        let running = [
            ("header", &parts.headers, &parts.header_rels),
            ("footer", &parts.footers, &parts.footer_rels),
        ];
        for (kind, xml, rels) in running {
            for (i, part) in xml.iter().enumerate() {
                let n = i + 1;
                after.push(deflated(&format!("word/{kind}{n}.xml"), &fix_part(part)?)?);
                if let Some(rels) = rels.get(i) {
                    after.push(deflated(&format!("word/_rels/{kind}{n}.xml.rels"), rels)?);
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
