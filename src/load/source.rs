//! The text of a data file and where it came from, and the one place a key path of the
//! data becomes a line and column in that text.

use std::fs;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::diagnostic::{Diagnostic, Finding, Location, Severity};

/// Larger than any real report data file by two orders of magnitude; anything bigger is a
/// wrong file (a spreadsheet, an image) rather than data.
pub const MAX_INPUT_BYTES: u64 = 4 * 1024 * 1024;

/// The text of a data file and where it came from.
#[derive(Clone)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
    /// The text parsed with spans, once: loading and every located diagnostic share it.
    document: OnceLock<Result<toml_edit::ImDocument<String>, toml_edit::TomlError>>,
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Source")
            .field("path", &self.path)
            .field("text", &self.text)
            .finish_non_exhaustive()
    }
}

impl Source {
    pub fn new(path: impl Into<PathBuf>, text: impl Into<String>) -> Source {
        Source {
            path: path.into(),
            text: text.into(),
            document: OnceLock::new(),
        }
    }

    /// The parsed document, or the first syntax error.
    pub(super) fn document(&self) -> Result<&toml_edit::ImDocument<String>, &toml_edit::TomlError> {
        self.document
            .get_or_init(|| toml_edit::ImDocument::parse(self.text.clone()))
            .as_ref()
    }

    /// Reads a data file, refusing directories, huge files and text that is not UTF-8.
    pub fn read(path: &Path) -> Result<Source, Diagnostic> {
        let fail = |msg: String, help: &str| Diagnostic::error(msg).in_file(path).help(help);
        let bytes = read_regular(path, MAX_INPUT_BYTES).map_err(|e| match e {
            Unreadable::Io(e) => fail(
                format!("cannot read {}: {e}", path.display()),
                "check the path and that you may read the file",
            ),
            Unreadable::Folder => fail(
                format!("{} is a folder, not a data file", path.display()),
                "name a .toml file inside it, e.g. examples/xupu-2024.toml",
            ),
            Unreadable::NotRegular => fail(
                format!(
                    "{} is not a regular file (a pipe, a device or a socket)",
                    path.display()
                ),
                "name the data file itself",
            ),
            Unreadable::TooLarge(Some(reported)) => fail(
                format!(
                    "{} is {reported} bytes, more than the {} a report data file can be",
                    path.display(),
                    MAX_INPUT_BYTES
                ),
                "check that this is the TOML data file and not a spreadsheet or document",
            ),
            Unreadable::TooLarge(None) => fail(
                format!(
                    "{} holds more than the {} bytes a report data file can be",
                    path.display(),
                    MAX_INPUT_BYTES
                ),
                "check that this is the TOML data file and not a spreadsheet, a device or a pipe",
            ),
        })?;
        Source::from_bytes(path, bytes)
    }

    /// A data file from its raw bytes (a UTF-8 BOM is dropped; other encodings are refused
    /// with a hint).
    pub fn from_bytes(path: impl Into<PathBuf>, bytes: Vec<u8>) -> Result<Source, Diagnostic> {
        let path = path.into();
        let text = decode_utf8(bytes).map_err(|d| d.in_file(&path))?;
        Ok(Source::new(path, text))
    }

    /// Where a byte span of this file is, for a diagnostic.
    pub fn locate(&self, span: Range<usize>) -> Location {
        Location::from_span(&self.text, span)
    }

    /// The span of the value at a dotted key path such as `indicators.rd.current` or
    /// `achievements.1.title`, if the path exists in the file.
    pub fn span_of(&self, key_path: &str) -> Option<Range<usize>> {
        let doc = self.document().ok()?;
        let mut item: &toml_edit::Item = doc.as_item();
        for segment in key_path.split('.') {
            item = match segment.parse::<usize>() {
                Ok(i) => item.get(i)?,
                Err(_) => item.get(segment)?,
            };
        }
        item.span()
    }

    /// A finding of a later stage, placed: the caret points at its excerpt when the value
    /// holds it literally, else at the whole value (or the nearest enclosing key that has a
    /// place in the file).
    pub fn locate_finding(&self, finding: Finding) -> Diagnostic {
        let Finding {
            severity,
            key_path,
            excerpt,
            message,
            help,
        } = finding;
        let excerpt = excerpt.unwrap_or_default();
        let span = self.span_of_path(&key_path).map(|span| {
            match self.text[span.clone()]
                .find(&excerpt)
                .filter(|_| !excerpt.is_empty())
            {
                Some(at) => span.start + at..span.start + at + excerpt.len(),
                None => span,
            }
        });
        let d = match severity {
            Severity::Error => Diagnostic::error(message),
            Severity::Warning | Severity::Note => Diagnostic {
                severity,
                ..Diagnostic::warning(message)
            },
        };
        let d = d
            .in_file(&self.path)
            .key(key_path)
            .at(span.map(|s| self.locate(s)));
        match help {
            Some(h) => d.help(h),
            None => d,
        }
    }

    fn span_of_path(&self, key_path: &str) -> Option<Range<usize>> {
        self.span_of(key_path).or_else(|| {
            // Arrays of tables have no span of their own in toml_edit; fall back to the
            // nearest enclosing key that has one.
            key_path
                .rsplit_once('.')
                .and_then(|(parent, _)| self.span_of_path(parent))
        })
    }
}

/// UTF-16 or UTF-32, by the byte-order mark or, without one, by the zero bytes every ASCII
/// character carries (a data file is mostly ASCII keys).
pub(crate) fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    let marked = [
        (&b"\xFF\xFE\x00\x00"[..], "UTF-32LE"),
        (&b"\x00\x00\xFE\xFF"[..], "UTF-32BE"),
        (&b"\xFF\xFE"[..], "UTF-16LE"),
        (&b"\xFE\xFF"[..], "UTF-16BE"),
    ];
    if let Some((_, name)) = marked.iter().find(|(bom, _)| bytes.starts_with(bom)) {
        return Some(name);
    }
    let head = &bytes[..bytes.len().min(256)];
    if head.len() < 8 {
        return None;
    }
    // At least half the bytes at one position of each unit are zero: no UTF-8 or GBK text
    // has them.
    let zeros_at = |phase: usize, step: usize| {
        head.iter()
            .skip(phase)
            .step_by(step)
            .filter(|b| **b == 0)
            .count()
            * step
            * 2
            >= head.len()
    };
    if zeros_at(1, 4) && zeros_at(2, 4) && zeros_at(3, 4) {
        Some("UTF-32LE")
    } else if zeros_at(0, 4) && zeros_at(1, 4) && zeros_at(2, 4) {
        Some("UTF-32BE")
    } else if zeros_at(1, 2) {
        Some("UTF-16LE")
    } else if zeros_at(0, 2) {
        Some("UTF-16BE")
    } else {
        None
    }
}

pub(super) fn decode_utf8(bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if let Some(encoding) = wide_encoding(&bytes) {
        return Err(Diagnostic::error(format!(
            "the file is {encoding} text (Notepad and Excel call it \"Unicode\"), not UTF-8"
        ))
        .help(format!(
            "save it again as UTF-8 ({}), or run: iconv -f {encoding} -t UTF-8 in.toml > out.toml",
            crate::zh::hint::SAVE_AS_UTF8
        )));
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let good = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
        let line = good.matches('\n').count() + 1;
        let column = good.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Diagnostic::error(format!(
            "the file is not UTF-8 text (first bad byte at line {line}, column {column}); \
             it was probably saved as GBK/GB2312 by an older editor"
        ))
        .help(format!(
            "save it again as UTF-8 ({}), or run: iconv -f GBK -t UTF-8 in.toml > out.toml",
            crate::zh::hint::SAVE_AS_UTF8
        ))
    })
}

/// Why a file an input was named by cannot be read.
#[derive(Debug)]
pub enum Unreadable {
    Io(std::io::Error),
    Folder,
    /// A pipe, a device or a socket: a read would block or never end.
    NotRegular,
    /// More than the limit: by the length the file reports (given), or by what was read.
    TooLarge(Option<u64>),
}

/// The bytes of the regular file at `path`, at most `limit` of them. The length a file
/// reports is not trusted (a pipe or /dev/zero reports none): at most one byte past the limit
/// is read, to know it was passed. Every input zongjie reads from a path comes through here.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, Unreadable> {
    use std::io::Read;
    let meta = fs::metadata(path).map_err(Unreadable::Io)?;
    if meta.is_dir() {
        return Err(Unreadable::Folder);
    }
    if !meta.is_file() {
        return Err(Unreadable::NotRegular);
    }
    if meta.len() > limit {
        return Err(Unreadable::TooLarge(Some(meta.len())));
    }
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(Unreadable::Io)?;
    if bytes.len() as u64 > limit {
        return Err(Unreadable::TooLarge(None));
    }
    Ok(bytes)
}
