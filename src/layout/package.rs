//! The package around a draft's body.
//!
//! Everything of a draft but its body — styles, settings, numbering, footers, the section
//! properties, the font table — is the same in every draft set in the same faces. docx-rs
//! builds it once per set of faces (`layout::frame`; a batch has one, or a few when some
//! counties name their own); each part is repaired once (see [`super::repair`]), and each
//! draft's body (see `layout::body`) is set into the frame's document part and zipped with
//! the rest.

use std::io::Cursor;
use std::sync::{Arc, Mutex, PoisonError};

use docx_rs::{Docx, XMLDocx};

use super::fonts::{self, Faces};
use super::repair::{fix_part, keep_line_end_marks};

/// Zips a draft: `body` (paragraphs and tables) set into the frame's document part.
pub fn pack(body: &str, faces: &Faces) -> Result<Vec<u8>, String> {
    let frame = frame_for(faces)?;
    let mut parts = frame.parts();
    let mut document = Vec::with_capacity(frame.head.len() + body.len() + frame.tail.len());
    document.extend_from_slice(&frame.head);
    document.extend_from_slice(body.as_bytes());
    document.extend_from_slice(&frame.tail);
    parts.document = document;
    let mut out = Cursor::new(Vec::with_capacity(parts.document.len() + 32 * 1024));
    parts
        .pack(&mut out)
        .map_err(|e| format!("could not zip the document: {e}"))?;
    Ok(out.into_inner())
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

/// The parts every draft shares, built and repaired once; the document part is kept as the
/// text before the body's blocks (through `<w:body>`) and after them (the section
/// properties on).
struct Frame {
    parts: XMLDocx,
    head: Vec<u8>,
    tail: Vec<u8>,
}

impl Frame {
    fn new(docx: Docx, faces: &Faces) -> Result<Frame, String> {
        let mut parts = docx.build();
        let document = fix_part(&parts.document)?;
        parts.styles = keep_line_end_marks(&fix_part(&parts.styles)?)?;
        parts.settings = fix_part(&parts.settings)?;
        parts.numberings = fix_part(&parts.numberings)?;
        for footer in &mut parts.footers {
            *footer = fix_part(footer)?;
        }
        for header in &mut parts.headers {
            *header = fix_part(header)?;
        }
        parts.font_table = fonts::font_table_xml(faces);
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
        Ok(Frame {
            head: document[..body_start].to_vec(),
            tail: document[section..].to_vec(),
            parts,
        })
    }

    /// A copy of the shared parts, to be given a document and zipped.
    fn parts(&self) -> XMLDocx {
        let p = &self.parts;
        XMLDocx {
            content_type: p.content_type.clone(),
            rels: p.rels.clone(),
            doc_props: docx_rs::XMLDocProps {
                app: p.doc_props.app.clone(),
                core: p.doc_props.core.clone(),
                custom: p.doc_props.custom.clone(),
            },
            styles: p.styles.clone(),
            document: Vec::new(),
            comments: p.comments.clone(),
            document_rels: p.document_rels.clone(),
            settings: p.settings.clone(),
            font_table: p.font_table.clone(),
            numberings: p.numberings.clone(),
            media: p.media.clone(),
            headers: p.headers.clone(),
            header_rels: p.header_rels.clone(),
            footers: p.footers.clone(),
            footer_rels: p.footer_rels.clone(),
            comments_extended: p.comments_extended.clone(),
            taskpanes: p.taskpanes.clone(),
            taskpanes_rels: p.taskpanes_rels.clone(),
            web_extensions: p.web_extensions.clone(),
            custom_items: p.custom_items.clone(),
            custom_item_rels: p.custom_item_rels.clone(),
            custom_item_props: p.custom_item_props.clone(),
            footnotes: p.footnotes.clone(),
        }
    }
}
