//! The data file as text: `[report]`, `[style]`, `[indicators]`, `[opening]` and the
//! `[[sections]]` tree, with the `# 待核` comments, the prose citing what the caller accepts.

use std::fmt::Write as _;

use rust_decimal::Decimal;

use super::compose::{Cite, Composer, Sec, Slot};
use super::figures::Stated;
use super::meta::{Meta, Style};
use crate::model::Approx;
use crate::zh::adopted as words;
use crate::zh::recognise as zh;

impl Composer<'_> {
    /// The data file, citing the spans `cites` accepts.
    pub(super) fn write(
        &self,
        meta: &Meta,
        style: &Style,
        opening: Option<usize>,
        sections: &[Sec],
        source: &str,
        cites: &dyn Fn(&Slot, &Cite) -> bool,
    ) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "#:schema ../schemas/report.schema.json");
        let _ = writeln!(out, "# {}\n", words::header(source));
        out.push_str("[report]\n");
        put(
            &mut out,
            "issuer",
            &q(&meta.issuer),
            meta.issuer_note.as_deref(),
        );
        put(
            &mut out,
            "region",
            &q(&meta.region),
            meta.issuer_note.as_deref(),
        );
        put(&mut out, "year", &meta.year.to_string(), None);
        let kind = if meta.half { "half-year" } else { "annual" };
        put(&mut out, "kind", &q(kind), None);
        let (y, m, d) = meta.date;
        put(
            &mut out,
            "date",
            &format!("{y:04}-{m:02}-{d:02}"),
            meta.date_note.as_deref(),
        );
        if let Some(t) = &meta.title {
            put(&mut out, "title", &q(t), None);
        }
        if !style.is_empty() {
            out.push_str("\n[style]\n");
            if !style.run_in.is_empty() {
                let levels: Vec<String> = style.run_in.iter().map(u8::to_string).collect();
                put(
                    &mut out,
                    "run_in",
                    &format!("[{}]", levels.join(", ")),
                    None,
                );
            }
            if let Some(l3) = style.level3 {
                put(&mut out, "level3", &q(l3), None);
            }
        }
        for (key, f) in &self.found {
            let _ = writeln!(out, "\n[indicators.{key}]");
            put(&mut out, "name", &q(&f.name), None);
            if let Some(l) = &f.label {
                put(&mut out, "label", &q(l), None);
            }
            put(&mut out, "unit", &q(&f.unit), None);
            let approx = f
                .current
                .approx
                .map(|_| words::approximate(&self.span_text(&f.current)));
            put(
                &mut out,
                "current",
                &number(f.current.value),
                approx.as_deref(),
            );
            if let Some(p) = f.previous {
                put(&mut out, "previous", &number(p), f.previous_note.as_deref());
            }
            if let Some(g) = &f.stated_growth {
                put(
                    &mut out,
                    "stated_growth",
                    &number(g.value),
                    f.growth_note.as_deref(),
                );
            }
            if let Some(t) = f.target {
                put(&mut out, "target", &number(t), None);
            } else if let Some(note) = &f.completion_note {
                let _ = writeln!(out, "# {note}");
            }
            if let Some(t) = f.next_target {
                put(&mut out, "next_target", &number(t), None);
            }
            if f.relative && f.previous.is_some() {
                put(&mut out, "relative_change", "true", None);
            }
            if let Some(p) = f.percent_places {
                put(&mut out, "percent_precision", &p.to_string(), None);
            }
            if let Some(a) = f.current.approx {
                let a = match a {
                    Approx::More => zh::MORE,
                    Approx::Over => zh::OVER,
                    Approx::About => zh::ABOUT,
                    Approx::Nearly => zh::NEARLY,
                };
                put(&mut out, "approx", &q(a), None);
            }
            if let Some(p) = &f.period {
                put(&mut out, "period", &q(p), None);
            }
            if let Some((scope, position)) = &f.rank {
                let rank = format!("{{ scope = {}, position = {position} }}", q(scope));
                put(&mut out, "stated_rank", &rank, None);
            }
        }
        if let Some(i) = opening {
            out.push_str("\n[opening]\n");
            put(&mut out, "text", &q(&self.cited(i, cites)), None);
        }
        for sec in sections {
            self.write_section(&mut out, sec, "sections", style, 1, cites);
        }
        out
    }

    fn write_section(
        &self,
        out: &mut String,
        sec: &Sec,
        table: &str,
        style: &Style,
        level: u8,
        cites: &dyn Fn(&Slot, &Cite) -> bool,
    ) {
        let _ = writeln!(out, "\n[[{table}]]");
        if sec.table_note {
            let _ = writeln!(out, "# {}", words::dropped_table());
        }
        put(out, "title", &q(&sec.title), None);
        let level = sec.level.unwrap_or(level);
        if let Some(l) = sec.level {
            put(out, "level", &l.to_string(), None);
        }
        let by_style = style.run_in.contains(&level);
        if let Some(r) = sec.run_in
            && r != by_style
        {
            put(out, "run_in", &r.to_string(), None);
        }
        if let Some(i) = sec.lead {
            put(out, "lead", &q(&self.cited(i, cites)), None);
        }
        if !sec.only.is_empty() {
            put(out, "blocks", "[\"indicator_table\"]", None);
            let keys: Vec<String> = sec.only.iter().map(|k| q(k)).collect();
            put(out, "only", &format!("[{}]", keys.join(", ")), None);
        }
        if !sec.paragraphs.is_empty() {
            out.push_str("paragraphs = [\n");
            for &i in &sec.paragraphs {
                let _ = writeln!(out, "  {},", q(&self.cited(i, cites)));
            }
            out.push_str("]\n");
        }
        if !sec.points.is_empty() {
            if let Some(m) = sec.marker
                && m != zh::POINT_MARKER_IS
            {
                put(out, "marker", &q(m), None);
            }
            if sec.inline_points {
                put(out, "inline_points", "true", None);
            }
            out.push_str("points = [\n");
            for (title, i) in &sec.points {
                let _ = writeln!(
                    out,
                    "  {{ title = {}, text = {} }},",
                    q(title),
                    q(&self.cited(*i, cites))
                );
            }
            out.push_str("]\n");
        }
        let inner = format!("{table}.sections");
        for child in &sec.sections {
            self.write_section(out, child, &inner, style, level + 1, cites);
        }
    }

    /// A slot's text with the accepted citations in place of their spans.
    fn cited(&self, i: usize, cites: &dyn Fn(&Slot, &Cite) -> bool) -> String {
        let slot = &self.slots[i];
        let mut accepted: Vec<&Cite> = slot.cites.iter().filter(|c| cites(slot, c)).collect();
        accepted.sort_by_key(|c| c.span.start);
        let mut out = String::new();
        let mut at = 0;
        for c in accepted {
            if c.span.start < at {
                continue;
            }
            out.push_str(&literal(&slot.text[at..c.span.start]));
            let _ = write!(out, "{{{{ind.{}.{}}}}}", c.key, c.field);
            at = c.span.end;
        }
        out.push_str(&literal(&slot.text[at..]));
        out
    }

    fn span_text(&self, s: &Stated) -> String {
        self.slots
            .iter()
            .find_map(|slot| {
                slot.cites
                    .iter()
                    .any(|c| c.span == s.span && c.field == "value")
                    .then(|| slot.text.get(s.span.clone()).map(str::to_string))
                    .flatten()
            })
            .unwrap_or_default()
    }
}

/// The document's own `{{` kept as text, not read as a citation.
fn literal(text: &str) -> String {
    text.replace("{{", "\\{{")
}

/// A TOML string.
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A TOML number as the document typed it (57, 4.54, 2.0).
fn number(d: Decimal) -> String {
    d.to_string()
}

fn put(out: &mut String, key: &str, value: &str, note: Option<&str>) {
    match note {
        Some(n) => {
            let _ = writeln!(out, "{key} = {value}  # {n}");
        }
        None => {
            let _ = writeln!(out, "{key} = {value}");
        }
    }
}
