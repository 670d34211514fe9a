//! `zongjie adopt`: last year's published summary read back into a data file.
//!
//! ```text
//! read      .docx / text / saved web page → paragraphs and tables      (read, docx)
//! portal    the page's navigation and counters dropped, its date kept  (portal)
//! outline   title, opening, headings, run-ins, leads, points, signature (outline)
//! figures   each stated figure and its comparison → indicators          (figures)
//! compose   the data file, prose citing what was found, unsure places commented
//! ```

pub mod docx;
pub mod outline;
pub mod portal;
pub mod read;
