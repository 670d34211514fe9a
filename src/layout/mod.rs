//! Stage 5, lay out: outline → GB/T 9704 DOCX bytes, and the same outline → a web page.
//!
//! This stage decides how things look, never what they say: every word comes from the
//! outline. One public entry per format, [`lay_out`] and [`html::write`]; inside, one file
//! per concern:
//!
//! - `frame`: what docx-rs builds once per set of faces (page, grid, footers, styles);
//! - [`repair`]: the one place that corrects what docx-rs writes;
//! - `package`: the frame's parts, repaired once, with each draft's body set in and zipped;
//! - `body`: each draft's paragraphs and tables, written directly in schema order;
//! - `columns`: table column widths from what the cells hold;
//! - `geometry`, `styles`, `fonts`: the numbers, the named styles and the faces.

mod body;
mod columns;
mod fonts;
mod frame;
mod geometry;
pub mod html;
mod package;
pub mod repair;
mod styles;
mod zip;

use crate::outline::Outline;

/// Renders an outline to the bytes of a .docx file.
pub fn lay_out(outline: &Outline) -> Result<Vec<u8>, String> {
    use crate::timing::{Stage, timed};
    let faces = fonts::Faces::chosen(&outline.look.fonts);
    let body = timed(Stage::LayOut, || body::blocks(outline, &faces));
    timed(Stage::Zip, || package::pack(&body, &faces))
}
