//! The templates compiled into one Handlebars registry, and their errors said in the
//! template's terms (file, line, column).

use std::path::PathBuf;

use handlebars::{Handlebars, RenderError, RenderErrorReason, TemplateError};

use super::helpers;
use super::templates::{self, TemplateSet};
use crate::diagnostic::{Diagnostic, Location};

/// Compiles every template with zongjie's helpers, in strict mode and without HTML escaping.
pub(super) fn compile(templates: &TemplateSet) -> Result<Handlebars<'static>, Diagnostic> {
    super::bounds::check(templates)?;
    let mut hb = Handlebars::new();
    hb.set_strict_mode(true);
    hb.register_escape_fn(handlebars::no_escape);
    helpers::register(&mut hb);
    for t in &templates.templates {
        hb.register_template_string(t.name, &t.text)
            .map_err(|e| template_diagnostic(t, &e))?;
    }
    Ok(hb)
}

/// Renders template `name`, stopping it once it has written [`bounds::MAX_OUTPUT_BYTES`].
///
/// [`bounds::MAX_OUTPUT_BYTES`]: super::bounds::MAX_OUTPUT_BYTES
pub(super) fn render_bounded(
    hb: &Handlebars<'static>,
    name: &str,
    context: &handlebars::Context,
) -> Result<String, RenderError> {
    struct Capped(Vec<u8>);
    impl std::io::Write for Capped {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if self.0.len() + bytes.len() > super::bounds::MAX_OUTPUT_BYTES {
                return Err(std::io::Error::other(format!(
                    "the template wrote more than {} MiB",
                    super::bounds::MAX_OUTPUT_BYTES / (1024 * 1024)
                )));
            }
            self.0.extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut out = Capped(Vec::with_capacity(4096));
    hb.render_with_context_to_write(name, context, &mut out)?;
    String::from_utf8(out.0).map_err(|e| RenderErrorReason::Other(e.to_string()).into())
}

fn template_diagnostic(t: &templates::Template, e: &TemplateError) -> Diagnostic {
    let location = e
        .pos()
        .map(|(line, column)| line_location(&t.text, line, column));
    Diagnostic::error(format!("template syntax error: {}", e.reason()))
        .in_file(&t.display_path())
        .at(location)
        .help("check that every {{#if}}/{{#each}} is closed and braces are paired")
}

pub(super) fn render_diagnostic(templates: &TemplateSet, e: &RenderError) -> Diagnostic {
    let template = e
        .template_name
        .as_deref()
        .and_then(|n| templates.templates.iter().find(|t| t.name == n));
    let (file, location) = match template {
        Some(t) => (
            t.display_path(),
            e.line_no
                .zip(e.column_no)
                .map(|(l, c)| line_location(&t.text, l, c)),
        ),
        None => (PathBuf::from("templates"), None),
    };
    let (message, help) = match e.reason() {
        RenderErrorReason::PartialNotFound(name) => (
            format!("the template includes {{{{> {name}}}}}, which is not one of zongjie's templates"),
            format!(
                "a template may include only these, by name: {}",
                templates::BUILT_IN
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        RenderErrorReason::MissingVariable(Some(path)) => (
            format!("the template names `{path}`, which this data file does not have"),
            "guard optional values with {{#if …}}, or check the name against README's citation table".into(),
        ),
        reason => (
            format!("template could not be filled: {reason}"),
            "check the helper's arguments and that every value the template names exists".into(),
        ),
    };
    Diagnostic::error(message)
        .in_file(&file)
        .at(location)
        .help(help)
}

/// Builds a [`Location`] from a 1-based line and column as handlebars reports them.
fn line_location(text: &str, line: usize, column: usize) -> Location {
    let line_text = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
    Location::window(line, column.max(1), line_text, 1)
}
