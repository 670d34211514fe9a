//! `{{clause text}}`: a text without its closing punctuation, to join clauses.

use handlebars::{Context, Handlebars, Helper, HelperResult, Output, RenderContext};

use super::{ITEM_END, param};

/// `{{clause text}}` → the text without its closing punctuation, for joining clauses with ;
pub(super) fn clause(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let text = param(h, 0, "clause")?;
    let text = text
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| text.to_string());
    out.write(text.trim_end_matches(ITEM_END))?;
    Ok(())
}
