//! The clerk's own text made to read as a 公文 prints it: a half-width `, ; : ( ) ? !` that
//! touches Chinese text becomes full-width (GB/T 15834), in every text field of the file,
//! before anything else reads it. `[style] full_width_punctuation = false` leaves the text as
//! typed.
//!
//! Why not the `autocorrect` crate: its full-width rule is one of a dozen (spacing between
//! Chinese and Latin, which official documents do not want, among them) configured through a
//! process-wide setting, and it brings Markdown and HTML parsers zongjie has no use for. The
//! rule zongjie needs fits in [`crate::zh::punct::normalise`], where its cases are tested.

use crate::diagnostic::Finding;
use crate::model::ReportFile;
use crate::zh::punct;

/// Normalises the punctuation of every text field; a note says how many marks changed and
/// where the first is.
pub fn normalise(file: &mut ReportFile) -> Option<Finding> {
    let mut changed = 0;
    let mut first: Option<(String, String)> = None;
    for (path, text) in file.texts_mut() {
        let n = punct::normalise(text);
        if n.changed == 0 {
            continue;
        }
        changed += n.changed;
        if first.is_none() {
            first = n.first.map(|excerpt| (path, excerpt));
        }
        *text = n.text;
    }
    let (path, excerpt) = first?;
    Some(
        Finding::note(
            path,
            format!(
                "{changed} half-width mark{} in Chinese text will print full-width; the first is here",
                if changed == 1 { "" } else { "s" }
            ),
        )
        .about(excerpt)
        .help(format!(
            "type them full-width ({}) to silence this, or set [style] full_width_punctuation = false to keep them",
            crate::zh::hint::FULL_WIDTH_MARKS
        )),
    )
}
