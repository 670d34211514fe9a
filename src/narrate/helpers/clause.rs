//! `{{clause text}}`: a text without its closing punctuation, to join clauses.

use handlebars::{Context, Handlebars, Helper, HelperResult, Output, RenderContext};

use super::{param, text_of};
use crate::zh::punct::ITEM_END;

/// `{{clause text}}` → the text without its closing punctuation, for joining clauses with ;
pub(super) fn clause(
    h: &Helper<'_>,
    _: &Handlebars<'_>,
    _: &Context,
    _: &mut RenderContext<'_, '_>,
    out: &mut dyn Output,
) -> HelperResult {
    let text = text_of(param(h, 0, "clause")?);
    out.write(text.trim_end_matches(ITEM_END))?;
    Ok(())
}
