//! `zongjie serve`: the clerk's desk — a local page to fill in the figures and the text and
//! see the draft as it will print.
//!
//! This module answers requests; the binary owns the socket. A request is plain data in
//! ([`Request`]) and a [`Reply`] out, so every route and every refusal is tested without a
//! network. The file on disk stays the truth: each request carries the page's edits since the
//! last save ([`edit::Edit`]), applied to the file's text in place, so comments and key order
//! survive; a save writes only a file that checks.

pub mod edit;
pub mod fields;

use std::path::PathBuf;

use serde::Deserialize;
use serde_json::json;
use toml_edit::DocumentMut;

use crate::diagnostic::{Diagnostic, Severity};
use crate::load::Source;
use crate::load::profile::Profile;
use crate::narrate::TemplateSet;

/// The most a request body may hold: a county's file is tens of KB.
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;

const INDEX: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/app.js");
const STYLE: &str = include_str!("page/app.css");

/// A request as the desk sees it.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    pub method: &'a str,
    /// The path and query: `/api/preview`.
    pub url: &'a str,
    pub host: Option<&'a str>,
    pub origin: Option<&'a str>,
    pub body: &'a [u8],
}

/// What the desk answers.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Extra headers: the download's file name.
    pub headers: Vec<(&'static str, String)>,
}

impl Reply {
    fn json(status: u16, value: serde_json::Value) -> Reply {
        Reply {
            status,
            content_type: "application/json; charset=utf-8",
            body: value.to_string().into_bytes(),
            headers: Vec::new(),
        }
    }

    fn text(status: u16, content_type: &'static str, body: &str) -> Reply {
        Reply {
            status,
            content_type,
            body: body.as_bytes().to_vec(),
            headers: Vec::new(),
        }
    }

    fn refused(status: u16, why: &str) -> Reply {
        Reply::json(status, json!({ "error": why }))
    }
}

/// Headers every reply carries: the page runs only its own script and style, in no frame.
pub const SECURITY_HEADERS: &[(&str, &str)] = &[
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cache-Control", "no-store"),
];

/// The desk for one data file.
pub struct Desk<'a> {
    pub path: PathBuf,
    pub profile: Option<&'a Profile>,
    pub templates: &'a TemplateSet,
    /// The port it listens on, for the `Host` and `Origin` it accepts.
    pub port: u16,
}

#[derive(Deserialize)]
struct Edits {
    #[serde(default)]
    edits: Vec<edit::Edit>,
    /// The version of the file the page's paths were read from ([`version`]): edits made
    /// against another version would land in the wrong place.
    #[serde(default)]
    base: Option<u32>,
}

/// A file's version, as the page sends it back: a checksum of its text.
fn version(text: &str) -> u32 {
    crc32fast::hash(text.as_bytes())
}

impl Desk<'_> {
    fn options(&self) -> crate::Options<'_> {
        crate::Options {
            profile: self.profile,
            ..Default::default()
        }
    }

    /// Only this machine's names for this server: a page of another site (or a DNS name
    /// rebound to 127.0.0.1) is refused.
    fn ours(&self, host: &str) -> bool {
        let port = self.port;
        // Not [::1]: the desk listens on 127.0.0.1 only, and another program may hold ::1.
        [format!("127.0.0.1:{port}"), format!("localhost:{port}")]
            .iter()
            .any(|h| h.eq_ignore_ascii_case(host))
    }

    /// Whether a request may be answered at all, from its method and headers: the socket
    /// asks before it reads a body, so a stranger's request costs nothing.
    pub fn refuses(&self, method: &str, host: Option<&str>, origin: Option<&str>) -> Option<Reply> {
        if !host.is_some_and(|h| self.ours(h)) {
            return Some(Reply::refused(
                403,
                "Host is not this desk's: open the address zongjie serve printed",
            ));
        }
        if !matches!(method, "GET" | "HEAD") {
            // A write comes from this page only: its Origin is this server.
            let same =
                origin.is_some_and(|o| o.strip_prefix("http://").is_some_and(|h| self.ours(h)));
            if !same {
                return Some(Reply::refused(403, "cross-site request refused"));
            }
        }
        None
    }

    pub fn handle(&self, req: &Request) -> Reply {
        if let Some(refused) = self.refuses(req.method, req.host, req.origin) {
            return refused;
        }
        if req.body.len() > MAX_BODY_BYTES {
            return Reply::refused(413, "request too large");
        }
        let route = req.url.split('?').next().unwrap_or("");
        let method = if req.method == "HEAD" {
            "GET"
        } else {
            req.method
        };
        match (method, route) {
            ("GET", "/favicon.ico") => Reply::text(204, "text/plain; charset=utf-8", ""),
            ("GET", "/") => Reply::text(200, "text/html; charset=utf-8", INDEX),
            ("GET", "/app.js") => Reply::text(200, "text/javascript; charset=utf-8", SCRIPT),
            ("GET", "/app.css") => Reply::text(200, "text/css; charset=utf-8", STYLE),
            ("GET", "/api/desk") => match self.read() {
                Ok(text) => self.desk(&text, version(&text)),
                Err(r) => r,
            },
            // The file as edited, still of the version on disk the edits apply to.
            ("POST", "/api/desk") => match self.read() {
                Ok(on_disk) => {
                    let base = version(&on_disk);
                    self.with_edits(req.body, |text| self.desk(&text, base))
                }
                Err(r) => r,
            },
            ("GET", "/preview.css") => self.preview_style(),
            ("POST", "/api/preview") => self.with_edits(req.body, |text| self.preview(text)),
            ("POST", "/api/save") => self.with_edits(req.body, |text| self.save(text)),
            ("POST", "/api/docx") => self.with_edits(req.body, |text| self.docx(text)),
            ("GET" | "POST", _) => Reply::refused(404, "no such page"),
            _ => Reply::refused(405, "method not allowed"),
        }
    }

    fn read(&self) -> Result<String, Reply> {
        Source::read(&self.path)
            .map(|s| s.text)
            .map_err(|d| Reply::json(500, json!({ "error": d.to_string() })))
    }

    /// The file as the page edits it: the schema, the indicators, the text fields, the words.
    fn desk(&self, text: &str, version: u32) -> Reply {
        let doc: DocumentMut = match text.parse() {
            Ok(d) => d,
            Err(e) => return Reply::json(422, json!({ "error": format!("{e}") })),
        };
        let words: serde_json::Map<String, serde_json::Value> = crate::zh::desk::WORDS
            .iter()
            .map(|(k, v)| (k.to_string(), json!(v)))
            .collect();
        Reply::json(
            200,
            json!({
                "file": self.path.display().to_string(),
                "version": version,
                "schema": crate::load::schema::data_file(),
                "indicators": fields::rows(&doc),
                "fields": fields::fields(&doc),
                "words": words,
            }),
        )
    }

    fn with_edits(&self, body: &[u8], then: impl FnOnce(String) -> Reply) -> Reply {
        let edits: Edits = match serde_json::from_slice(body) {
            Ok(e) => e,
            Err(e) => return Reply::refused(400, &format!("the edits do not read: {e}")),
        };
        let text = match self.read() {
            Ok(t) => t,
            Err(r) => return r,
        };
        if edits.base.is_some_and(|base| base != version(&text)) {
            return Reply::json(
                409,
                json!({ "error": crate::zh::desk::CHANGED_ON_DISK, "changed": true }),
            );
        }
        match edit::apply(&text, &edits.edits) {
            Ok(edited) => then(edited),
            Err(why) => {
                // The edit it is about, for the page to mark its field.
                let path = why.split(':').next().unwrap_or_default().to_string();
                Reply::json(
                    422,
                    json!({ "error": why, "findings": [{
                        "severity": "error", "path": path, "message": why,
                    }] }),
                )
            }
        }
    }

    /// The look of the preview: the document's faces as its file chooses them.
    fn preview_style(&self) -> Reply {
        let look = self
            .read()
            .ok()
            .and_then(|text| crate::draft(&self.source(text), self.templates, self.options()).ok())
            .map(|d| d.outline.look)
            .unwrap_or_default();
        Reply::text(
            200,
            "text/css; charset=utf-8",
            &crate::layout::html::stylesheet(&look),
        )
    }

    fn source(&self, text: String) -> Source {
        Source::new(self.path.clone(), text)
    }

    /// The draft of the edited text as the page shows it, with every finding.
    fn preview(&self, text: String) -> Reply {
        let source = self.source(text);
        match crate::draft(&source, self.templates, self.options()) {
            Ok(draft) => {
                let highlights = crate::views::audit::highlights(&draft.facts);
                Reply::json(
                    200,
                    json!({
                        "html": crate::layout::html::fragment(&draft.outline, &highlights),
                        "findings": findings(&draft.warnings),
                    }),
                )
            }
            Err(d) => Reply::json(200, json!({ "html": null, "findings": findings(&d.0) })),
        }
    }

    /// Writes the edited text in place when it checks; otherwise the findings, and the file
    /// as it was.
    fn save(&self, text: String) -> Reply {
        let source = self.source(text);
        if let Err(d) = crate::check(&source, self.options()) {
            return Reply::json(422, json!({ "findings": findings(&d.0) }));
        }
        match crate::ops::write::write_atomically(&self.path, source.text.as_bytes(), true) {
            Ok(()) => Reply::json(200, json!({ "saved": true })),
            Err(d) => Reply::json(500, json!({ "error": d.to_string() })),
        }
    }

    /// The DOCX `zongjie draft` would write from the edited text.
    fn docx(&self, text: String) -> Reply {
        let source = self.source(text);
        match crate::draft(&source, self.templates, self.options()) {
            Ok(draft) => {
                let stem = self
                    .path
                    .file_stem()
                    .map_or_else(|| "draft".into(), |s| s.to_string_lossy().into_owned());
                let name = crate::safe::file_component(&stem, "draft");
                Reply {
                    status: 200,
                    content_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    body: draft.docx,
                    headers: vec![(
                        "Content-Disposition",
                        format!(
                            "attachment; filename=\"draft.docx\"; filename*=UTF-8''{}.docx",
                            percent_encode(&name)
                        ),
                    )],
                }
            }
            Err(d) => Reply::json(422, json!({ "findings": findings(&d.0) })),
        }
    }
}

/// Findings as the page places them: beside the field their key path names.
fn findings(diagnostics: &[Diagnostic]) -> serde_json::Value {
    diagnostics
        .iter()
        .map(|d| {
            json!({
                "severity": match d.severity {
                    Severity::Error => "error",
                    _ => "warning",
                },
                "path": d.key_path,
                "message": d.message,
                "help": d.help,
                "line": d.location.as_ref().map(|l| l.line),
            })
        })
        .collect()
}

fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests;
