//! Bounds on what a city's templates may make a draft do.
//!
//! Templates keep the whole Handlebars language, loops and partials included, but nothing may
//! run without bound: two templates that include each other (or an inline partial that
//! includes itself) would overflow the stack and kill a batch, and loops nested in loops over
//! a few thousand indicators would run for hours. Before any draft, the templates are read
//! once and refused if
//!
//! - a partial (a template or an inline partial) includes itself, directly or through others,
//!   or is chosen at render time (`{{> (lookup …)}}`);
//! - `{{#each}}` nests more than [`MAX_EACH_DEPTH`] deep, counting through partials.
//!
//! While rendering, a template may write at most [`MAX_OUTPUT_BYTES`] (see
//! `narrate::registry`): every block of a real report is a few kilobytes.

use std::collections::HashMap;

use super::templates::{Template, TemplateSet};
use crate::diagnostic::Diagnostic;

/// How deep `{{#each}}` may nest, partials included: a list, its items' lists, one more.
pub const MAX_EACH_DEPTH: usize = 3;
/// The most one template may write into a draft.
pub const MAX_OUTPUT_BYTES: usize = 8 * 1024 * 1024;

/// A partial (a template, or an inline partial of one) and what it includes.
#[derive(Default)]
struct Node {
    /// Partials it includes, with how deep in `{{#each}}` each call sits.
    calls: Vec<(String, usize)>,
    /// Its own deepest `{{#each}}`.
    depth: usize,
}

/// Every expression `{{…}}` of a template's text, comments skipped.
fn expressions(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find("{{") {
        let after = &rest[open + 2..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("--}}").map_or("", |end| &comment[end + 4..]);
            continue;
        }
        let Some(close) = after.find("}}") else { break };
        let inner = after[..close]
            .trim_start_matches('{')
            .trim_matches('~')
            .trim();
        if !inner.starts_with('!') {
            out.push(inner);
        }
        rest = &after[close + 2..];
    }
    out
}

/// The partial graph of every template, inline partials as nodes `TEMPLATE#NAME`.
fn graph(templates: &[Template]) -> Result<HashMap<String, Node>, Diagnostic> {
    let mut nodes: HashMap<String, Node> = HashMap::new();
    for t in templates {
        let exprs = expressions(&t.text);
        // Inline partials this template defines, by name.
        let inline: Vec<String> = exprs
            .iter()
            .filter_map(|e| e.strip_prefix("#*inline"))
            .map(|name| name.trim().trim_matches('"').to_string())
            .collect();
        // The node each part of the text belongs to, and the each-depth there.
        let mut stack: Vec<(String, usize)> = vec![(t.name.to_string(), 0)];
        let mut blocks: Vec<&str> = Vec::new();
        for e in exprs {
            let (node, depth) = stack.last().cloned().unwrap_or_default();
            if let Some(name) = e.strip_prefix("#*inline") {
                let name = format!("{}#{}", t.name, name.trim().trim_matches('"'));
                stack.push((name, 0));
                blocks.push("inline");
                continue;
            }
            let call = e.strip_prefix("#>").or_else(|| e.strip_prefix('>'));
            if let Some(call) = call {
                let target = call.split_whitespace().next().unwrap_or_default();
                if target.starts_with('(') || target.starts_with('@') && target != "@partial-block"
                {
                    return Err(refusal(
                        t,
                        &format!(
                            "a partial chosen while rendering ({{{{> {target}}}}}) cannot be bounded"
                        ),
                    ));
                }
                if target != "@partial-block" {
                    let target = if inline.iter().any(|i| i == target) {
                        format!("{}#{target}", t.name)
                    } else {
                        target.to_string()
                    };
                    nodes
                        .entry(node.clone())
                        .or_default()
                        .calls
                        .push((target, depth));
                }
                if e.starts_with("#>") {
                    blocks.push("partial");
                }
                continue;
            }
            if let Some(block) = e.strip_prefix('#') {
                let name = block.split_whitespace().next().unwrap_or_default();
                if name == "each" {
                    let depth = depth + 1;
                    let entry = nodes.entry(node.clone()).or_default();
                    entry.depth = entry.depth.max(depth);
                    stack.push((node, depth));
                    blocks.push("each");
                } else {
                    blocks.push("other");
                }
                continue;
            }
            if e.starts_with('/') {
                match blocks.pop() {
                    Some("inline") | Some("each") => {
                        stack.pop();
                    }
                    _ => {}
                }
            }
        }
        nodes.entry(t.name.to_string()).or_default();
    }
    Ok(nodes)
}

fn refusal(t: &Template, why: &str) -> Diagnostic {
    Diagnostic::error(format!("the template {why}"))
        .in_file(&t.display_path())
        .help("templates may include one another, but never in a circle, and nest {{#each}} at most three deep")
}

/// The deepest `{{#each}}` reached from `name`, through its partials; `Err` with the circle
/// when a partial includes itself.
fn reach(
    nodes: &HashMap<String, Node>,
    name: &str,
    path: &mut Vec<String>,
    memo: &mut HashMap<String, usize>,
) -> Result<usize, Vec<String>> {
    if let Some(&d) = memo.get(name) {
        return Ok(d);
    }
    if path.iter().any(|p| p == name) {
        path.push(name.to_string());
        return Err(path.clone());
    }
    path.push(name.to_string());
    let mut deepest = 0;
    if let Some(node) = nodes.get(name) {
        deepest = node.depth;
        for (callee, at) in &node.calls {
            deepest = deepest.max(at + reach(nodes, callee, path, memo)?);
        }
    }
    path.pop();
    memo.insert(name.to_string(), deepest);
    Ok(deepest)
}

/// The templates as they may run, or why not.
pub fn check(set: &TemplateSet) -> Result<(), Diagnostic> {
    let nodes = graph(&set.templates)?;
    let mut memo = HashMap::new();
    for t in &set.templates {
        match reach(&nodes, t.name, &mut Vec::new(), &mut memo) {
            Err(circle) => {
                return Err(refusal(
                    t,
                    &format!("includes itself: {}", circle.join(" → ")),
                ));
            }
            Ok(depth) if depth > MAX_EACH_DEPTH => {
                return Err(refusal(
                    t,
                    &format!(
                        "nests {{{{#each}}}} {depth} deep, counting the partials it includes (at most {MAX_EACH_DEPTH})"
                    ),
                ));
            }
            Ok(_) => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::narrate::templates::Origin;

    fn set(pairs: &[(&'static str, &str)]) -> TemplateSet {
        TemplateSet {
            templates: pairs
                .iter()
                .map(|(name, text)| Template {
                    name,
                    text: text.to_string(),
                    origin: Origin::User(format!("{name}.hbs").into()),
                })
                .collect(),
            compiled: Default::default(),
            reach: Default::default(),
        }
    }

    #[test]
    fn the_built_in_templates_are_within_bounds() {
        assert!(check(&TemplateSet::built_in()).is_ok());
    }

    #[test]
    fn circles_of_partials_are_refused() {
        let e = check(&set(&[
            ("title", "{{> opening}}"),
            ("opening", "{{> title}}"),
        ]))
        .unwrap_err();
        assert!(e.to_string().contains("includes itself"), "{e}");
        let e = check(&set(&[(
            "title",
            "{{#*inline \"p\"}}x{{> p}}{{/inline}}{{> p}}",
        )]))
        .unwrap_err();
        assert!(e.to_string().contains("title#p → title#p"), "{e}");
        let e = check(&set(&[("title", "{{> (lookup this \"x\")}}")])).unwrap_err();
        assert!(e.to_string().contains("chosen while rendering"), "{e}");
        // An inline partial used, not recursive, is fine; so is a chain.
        assert!(
            check(&set(&[
                (
                    "title",
                    "{{#*inline \"p\"}}x{{/inline}}{{> p}}{{> opening}}"
                ),
                ("opening", "{{> signature}}"),
                ("signature", "y"),
            ]))
            .is_ok()
        );
    }

    #[test]
    fn loops_nest_three_deep_at_most_through_partials() {
        let deep =
            "{{#each a}}{{#each b}}{{#each c}}{{#each d}}x{{/each}}{{/each}}{{/each}}{{/each}}";
        assert!(check(&set(&[("title", deep)])).is_err());
        let through = set(&[
            (
                "title",
                "{{#each a}}{{#each b}}{{> opening}}{{/each}}{{/each}}",
            ),
            ("opening", "{{#each c}}{{#each d}}x{{/each}}{{/each}}"),
        ]);
        let e = check(&through).unwrap_err();
        assert!(e.to_string().contains("4 deep"), "{e}");
        assert!(
            check(&set(&[(
                "title",
                "{{#each a}}{{#each b}}{{/each}}{{/each}}"
            )]))
            .is_ok()
        );
    }
}
