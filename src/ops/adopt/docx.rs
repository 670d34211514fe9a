//! A .docx read as its reader sees it: the body's paragraphs (with the numbers Word's own
//! list numbering shows) and tables, in order. Deleted revisions, field codes and the
//! fallback copies of text boxes are left out, as Word does not show them.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;

use super::read::{Align, MAX_UNPACKED_BYTES, Paragraph, Piece, trim};
use crate::diagnostic::Diagnostic;
use crate::zh::numeral::chinese_numeral;

const W: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const MC: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// What an Office zip package holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Package {
    Document,
    Spreadsheet,
    Presentation,
    /// A LibreOffice or WPS .odt / .ods.
    OpenDocument,
    Other,
}

/// Which kind of package the zip in `bytes` is, by the parts it holds.
pub fn package_kind(bytes: &[u8]) -> Package {
    let Ok(zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return Package::Other;
    };
    let has = |name: &str| zip.file_names().any(|n| n == name);
    if has("word/document.xml") {
        Package::Document
    } else if has("xl/workbook.xml") {
        Package::Spreadsheet
    } else if has("ppt/presentation.xml") {
        Package::Presentation
    } else if has("content.xml") && has("mimetype") {
        Package::OpenDocument
    } else {
        Package::Other
    }
}

/// The body of the .docx in `bytes`.
pub fn read(bytes: &[u8]) -> Result<Vec<Piece>, Diagnostic> {
    let broken = |e: String| {
        Diagnostic::error(format!("the Word document cannot be read: {e}"))
            .help("open it in Word or WPS and save it again as .docx")
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| broken(e.to_string()))?;
    let mut part = |name: &str| -> Result<Option<Vec<u8>>, Diagnostic> {
        let Ok(entry) = zip.by_name(name) else {
            return Ok(None);
        };
        // Read at most one byte past the bound, whatever the archive declares.
        let mut out = Vec::new();
        entry
            .take(MAX_UNPACKED_BYTES + 1)
            .read_to_end(&mut out)
            .map_err(|e| broken(e.to_string()))?;
        if out.len() as u64 > MAX_UNPACKED_BYTES {
            return Err(Diagnostic::error(format!(
                "the document's {name} unpacks to more than {} MiB",
                MAX_UNPACKED_BYTES / (1024 * 1024)
            ))
            .help(
                "a work summary is far smaller: check the file, or copy its text into a .txt file",
            ));
        }
        Ok(Some(out))
    };
    let document =
        part("word/document.xml")?.ok_or_else(|| broken("it has no word/document.xml".into()))?;
    let numbering = match part("word/numbering.xml")? {
        Some(xml) => Numbering::parse(&xml).map_err(broken)?,
        None => Numbering::default(),
    };
    let styles = match part("word/styles.xml")? {
        Some(xml) => Styles::parse(&xml).map_err(broken)?,
        None => Styles::default(),
    };
    Body::new(numbering, styles).read(&document).map_err(broken)
}

/// A paragraph being read.
#[derive(Default)]
struct Open {
    text: String,
    align: Align,
    style: Option<String>,
    num: Option<(String, usize)>,
    outline_level: Option<u8>,
}

/// A table being read: its rows, the row and the cell open now.
#[derive(Default)]
struct OpenTable {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: Vec<String>,
}

struct Body {
    numbering: Numbering,
    styles: Styles,
    counters: HashMap<String, [u32; 9]>,
    pieces: Vec<Piece>,
    paragraphs: Vec<Open>,
    tables: Vec<OpenTable>,
}

impl Body {
    fn new(numbering: Numbering, styles: Styles) -> Body {
        Body {
            numbering,
            styles,
            counters: HashMap::new(),
            pieces: Vec::new(),
            paragraphs: Vec::new(),
            tables: Vec::new(),
        }
    }

    fn read(mut self, xml: &[u8]) -> Result<Vec<Piece>, String> {
        let mut reader = NsReader::from_reader(xml);
        reader.config_mut().trim_text(false);
        let mut buf = Vec::new();
        // Depth inside content Word does not show (a deleted run, a field code, the fallback
        // copy of a text box); nothing there is read.
        let mut hidden = 0usize;
        let mut in_text = false;
        // A run marked hidden (w:vanish) is not on the page either.
        let mut in_run = false;
        let mut run_hidden = false;
        loop {
            let (ns, event) = reader
                .read_resolved_event_into(&mut buf)
                .map_err(|e| e.to_string())?;
            let word = matches!(ns, ResolveResult::Bound(n) if n.as_ref() == W);
            let compat = matches!(ns, ResolveResult::Bound(n) if n.as_ref() == MC);
            match event {
                Event::Start(e) => {
                    let name = e.local_name();
                    let name = name.as_ref();
                    if hidden > 0
                        || (compat && name == b"Fallback")
                        || (word && matches!(name, b"del" | b"instrText" | b"delText"))
                    {
                        hidden += 1;
                    } else if word {
                        in_text = name == b"t";
                        if name == b"r" {
                            in_run = true;
                            run_hidden = false;
                        }
                        self.open(name, &e);
                    }
                }
                Event::Empty(e) if hidden == 0 && word => {
                    let name = e.local_name();
                    if in_run && name.as_ref() == b"vanish" {
                        run_hidden = !matches!(
                            attribute(&e, b"val").as_deref(),
                            Some("0" | "false" | "off")
                        );
                    }
                    if !(run_hidden && matches!(name.as_ref(), b"br" | b"cr" | b"tab")) {
                        self.open(name.as_ref(), &e);
                        self.close(name.as_ref());
                    }
                }
                Event::End(e) => {
                    if hidden > 0 {
                        hidden -= 1;
                    } else if word {
                        let name = e.local_name();
                        if name.as_ref() == b"t" {
                            in_text = false;
                        }
                        if name.as_ref() == b"r" {
                            in_run = false;
                            run_hidden = false;
                        }
                        self.close(name.as_ref());
                    }
                }
                Event::Text(t) if in_text && hidden == 0 && !run_hidden => {
                    let text = t.unescape().map_err(|e| e.to_string())?;
                    if let Some(p) = self.paragraphs.last_mut() {
                        p.text.push_str(&text);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
        }
        Ok(self.pieces)
    }

    fn open(&mut self, name: &[u8], e: &BytesStart) {
        let val = || attribute(e, b"val");
        match name {
            b"p" => self.paragraphs.push(Open::default()),
            b"tbl" => self.tables.push(OpenTable::default()),
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.row.clear();
                }
            }
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    t.cell.clear();
                }
            }
            b"tab" => self.push_text(" "),
            b"br" | b"cr" => self.push_text("\n"),
            _ => {
                let Some(p) = self.paragraphs.last_mut() else {
                    return;
                };
                match name {
                    b"jc" => {
                        p.align = match val().as_deref() {
                            Some("center") => Align::Center,
                            Some("right" | "end") => Align::Right,
                            _ => Align::Body,
                        }
                    }
                    b"pStyle" => p.style = val(),
                    b"numId" => {
                        let level = p.num.as_ref().map_or(0, |n| n.1);
                        p.num = val().map(|id| (id, level));
                    }
                    b"ilvl" => {
                        let level = val().and_then(|v| v.parse().ok()).unwrap_or(0);
                        let id = p.num.take().map(|n| n.0).unwrap_or_default();
                        p.num = Some((id, level));
                    }
                    b"outlineLvl" => {
                        p.outline_level = val().and_then(|v| v.parse::<u8>().ok()).map(|l| l + 1)
                    }
                    _ => {}
                }
            }
        }
    }

    fn push_text(&mut self, text: &str) {
        if let Some(p) = self.paragraphs.last_mut() {
            p.text.push_str(text);
        }
    }

    fn close(&mut self, name: &[u8]) {
        match name {
            b"p" => {
                let Some(p) = self.paragraphs.pop() else {
                    return;
                };
                let paragraph = self.finish(p);
                match self.tables.last_mut() {
                    Some(t) => t.cell.push(paragraph.text),
                    None => {
                        // A soft line break starts a new paragraph for the reader.
                        for line in paragraph
                            .text
                            .split('\n')
                            .map(trim)
                            .filter(|l| !l.is_empty())
                        {
                            self.pieces.push(Piece::Paragraph(Paragraph {
                                text: line.to_string(),
                                ..paragraph.clone()
                            }));
                        }
                    }
                }
            }
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    let cell = t
                        .cell
                        .iter()
                        .map(|c| trim(c))
                        .filter(|c| !c.is_empty())
                        .collect::<Vec<_>>()
                        .join("\n");
                    t.row.push(cell);
                }
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            b"tbl" => {
                if let Some(t) = self.tables.pop() {
                    match self.tables.last_mut() {
                        // A table inside a cell: its text joins the cell's.
                        Some(outer) => outer.cell.extend(t.rows.into_iter().flatten()),
                        None if !t.rows.is_empty() => self.pieces.push(Piece::Table(t.rows)),
                        None => {}
                    }
                }
            }
            _ => {}
        }
    }

    /// The paragraph as shown: its list number (from Word's numbering) before its text.
    fn finish(&mut self, p: Open) -> Paragraph {
        let style = p.style.as_deref().and_then(|s| self.styles.get(s));
        let num = p.num.clone().or_else(|| style.and_then(|s| s.num.clone()));
        let outline_level = p
            .outline_level
            .or_else(|| style.and_then(|s| s.outline_level));
        let mut text = p.text;
        if let Some((id, level)) = num
            && let Some(label) = self.label(&id, level)
        {
            text = format!("{label}{}", text.trim_start());
        }
        Paragraph {
            text: trim(&text).to_string(),
            align: p.align,
            outline_level,
        }
    }

    /// The number Word shows for the next paragraph of list `id` at `level`.
    fn label(&mut self, id: &str, level: usize) -> Option<String> {
        let abstract_id = self.numbering.nums.get(id)?.clone();
        let levels = self.numbering.abstracts.get(&abstract_id)?;
        let level = level.min(8);
        let counters = self.counters.entry(abstract_id.clone()).or_insert_with(|| {
            let mut c = [0u32; 9];
            for (i, slot) in c.iter_mut().enumerate() {
                *slot = levels.get(&i).map_or(1, |l| l.start).saturating_sub(1);
            }
            c
        });
        counters[level] += 1;
        for (deeper, slot) in counters.iter_mut().enumerate().skip(level + 1) {
            *slot = levels.get(&deeper).map_or(1, |l| l.start).saturating_sub(1);
        }
        let this = levels.get(&level)?;
        let mut label = this.text.clone();
        for k in (0..=level).rev() {
            let format = levels.get(&k).map_or("decimal", |l| l.format.as_str());
            label = label.replace(&format!("%{}", k + 1), &number_as(format, counters[k]));
        }
        (this.format != "bullet" && this.format != "none").then_some(label)
    }
}

/// A counter written the way a numbering format shows it.
fn number_as(format: &str, n: u32) -> String {
    let n_usize = n as usize;
    match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "chineseLegalSimplified"
        | "ideographDigital"
        | "japaneseCounting"
        | "taiwaneseCounting" => chinese_numeral(n_usize),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            char::from_u32(0x2460 + n - 1)
                .map(String::from)
                .unwrap_or_default()
        }
        "lowerLetter" => letter(n, b'a'),
        "upperLetter" => letter(n, b'A'),
        "lowerRoman" => roman(n).to_lowercase(),
        "upperRoman" => roman(n),
        _ => n.to_string(),
    }
}

fn letter(n: u32, a: u8) -> String {
    let i = (n.max(1) - 1) % 26;
    char::from(a + i as u8).to_string()
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The `w:val`-style attribute of an element by its local name.
fn attribute(e: &BytesStart, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// One level of a list definition.
#[derive(Debug, Clone)]
struct Level {
    format: String,
    text: String,
    start: u32,
}

/// Word's list definitions: each list (`w:num`) points at an abstract definition whose
/// levels say how numbers look (`%1、`, `（%1）`).
#[derive(Debug, Default)]
struct Numbering {
    nums: HashMap<String, String>,
    abstracts: HashMap<String, HashMap<usize, Level>>,
}

/// An element of a Word part's main namespace, as it opens (with its attributes) or closes.
/// An empty element (`<w:numFmt …/>`) only opens.
enum Tag<'a> {
    Open(&'a BytesStart<'a>),
    Close(&'a [u8]),
}

/// Walks the Word elements of a part (numbering, styles), giving each to `on`.
fn each_word_element(xml: &[u8], mut on: impl FnMut(Tag)) -> Result<(), String> {
    let mut reader = NsReader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        let (ns, event) = reader
            .read_resolved_event_into(&mut buf)
            .map_err(|e| e.to_string())?;
        let word = matches!(ns, ResolveResult::Bound(n) if n.as_ref() == W);
        match event {
            Event::Start(e) | Event::Empty(e) if word => on(Tag::Open(&e)),
            Event::End(e) if word => on(Tag::Close(e.local_name().as_ref())),
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

impl Numbering {
    fn parse(xml: &[u8]) -> Result<Numbering, String> {
        let mut out = Numbering::default();
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut num: Option<String> = None;
        each_word_element(xml, |tag| match tag {
            Tag::Open(e) => {
                let val = || attribute(e, b"val");
                match e.local_name().as_ref() {
                    b"abstractNum" => abstract_id = attribute(e, b"abstractNumId"),
                    b"lvl" => {
                        let i = attribute(e, b"ilvl")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0);
                        level = Some((
                            i,
                            Level {
                                format: "decimal".into(),
                                text: String::new(),
                                start: 1,
                            },
                        ));
                    }
                    b"numFmt" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), val()) {
                            l.format = v;
                        }
                    }
                    b"lvlText" => {
                        if let (Some((_, l)), Some(v)) = (level.as_mut(), val()) {
                            l.text = v;
                        }
                    }
                    b"start" => {
                        if let (Some((_, l)), Some(v)) =
                            (level.as_mut(), val().and_then(|v| v.parse().ok()))
                        {
                            l.start = v;
                        }
                    }
                    b"num" => num = attribute(e, b"numId"),
                    b"abstractNumId" => {
                        if let (Some(n), Some(a)) = (num.clone(), val()) {
                            out.nums.insert(n, a);
                        }
                    }
                    _ => {}
                }
            }
            Tag::Close(name) => match name {
                b"lvl" => {
                    if let (Some(a), Some((i, l))) = (abstract_id.clone(), level.take()) {
                        out.abstracts.entry(a).or_default().insert(i, l);
                    }
                }
                b"abstractNum" => abstract_id = None,
                b"num" => num = None,
                _ => {}
            },
        })?;
        Ok(out)
    }
}

/// What a paragraph style gives its paragraphs: a list number, a heading level.
#[derive(Debug, Clone, Default)]
struct Style {
    num: Option<(String, usize)>,
    outline_level: Option<u8>,
}

#[derive(Debug, Default)]
struct Styles(HashMap<String, Style>);

impl Styles {
    fn get(&self, id: &str) -> Option<&Style> {
        self.0.get(id)
    }

    fn parse(xml: &[u8]) -> Result<Styles, String> {
        let mut out = HashMap::new();
        let mut current: Option<(String, Style)> = None;
        each_word_element(xml, |tag| match tag {
            Tag::Open(e) => {
                let val = || attribute(e, b"val");
                match e.local_name().as_ref() {
                    b"style" => current = attribute(e, b"styleId").map(|id| (id, Style::default())),
                    b"numId" => {
                        if let (Some((_, s)), Some(v)) = (current.as_mut(), val()) {
                            let level = s.num.as_ref().map_or(0, |n| n.1);
                            s.num = Some((v, level));
                        }
                    }
                    b"ilvl" => {
                        if let Some((_, s)) = current.as_mut() {
                            let level = val().and_then(|v| v.parse().ok()).unwrap_or(0);
                            let id = s.num.take().map(|n| n.0).unwrap_or_default();
                            s.num = Some((id, level));
                        }
                    }
                    b"outlineLvl" => {
                        if let Some((_, s)) = current.as_mut() {
                            s.outline_level =
                                val().and_then(|v| v.parse::<u8>().ok()).map(|l| l + 1);
                        }
                    }
                    _ => {}
                }
            }
            Tag::Close(b"style") => {
                if let Some((id, s)) = current.take() {
                    out.insert(id, s);
                }
            }
            Tag::Close(_) => {}
        })?;
        Ok(Styles(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn docx(document: &str, numbering: Option<&str>) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        let mut zip = zip::ZipWriter::new(&mut out);
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(document.as_bytes()).unwrap();
        if let Some(n) = numbering {
            zip.start_file("word/numbering.xml", options).unwrap();
            zip.write_all(n.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
        out.into_inner()
    }

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006""#;

    #[test]
    fn paragraphs_tables_and_what_word_does_not_show() {
        let xml = format!(
            r#"<w:document {NS}><w:body>
            <w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>溆浦县科学技术局</w:t></w:r></w:p>
            <w:p><w:r><w:t xml:space="preserve">全县投入</w:t></w:r><w:del><w:r><w:delText>5.1</w:delText></w:r></w:del><w:r><w:t>4.54亿元</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>
            <w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏888件</w:t></w:r><w:r><w:t>看得见</w:t></w:r></w:p>
            <w:p><w:r><mc:AlternateContent><mc:Choice><w:t>一次</w:t></mc:Choice><mc:Fallback><w:t>两次</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>指标</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>单位</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t>研发</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>
            </w:body></w:document>"#
        );
        let pieces = read(&docx(&xml, None)).unwrap();
        assert_eq!(
            pieces,
            vec![
                Piece::Paragraph(Paragraph {
                    text: "溆浦县科学技术局".into(),
                    align: Align::Center,
                    outline_level: None
                }),
                Piece::Paragraph(Paragraph::plain("全县投入4.54亿元")),
                Piece::Paragraph(Paragraph::plain("第二行")),
                Piece::Paragraph(Paragraph::plain("看得见")),
                Piece::Paragraph(Paragraph::plain("一次")),
                Piece::Table(vec![
                    vec!["指标".into(), "单位".into()],
                    vec!["研发".into(), String::new()]
                ]),
            ]
        );
    }

    #[test]
    fn word_list_numbers_are_read_as_shown() {
        let numbering = format!(
            r#"<w:numbering {NS}><w:abstractNum w:abstractNumId="0">
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
            <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
            </w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
        );
        let p = |level: u8, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let xml = format!(
            "<w:document {NS}><w:body>{}{}{}{}</w:body></w:document>",
            p(0, "工作情况"),
            p(1, "抓党建"),
            p(1, "抓指标"),
            p(0, "存在的问题")
        );
        let texts: Vec<String> = read(&docx(&xml, Some(&numbering)))
            .unwrap()
            .into_iter()
            .map(|p| match p {
                Piece::Paragraph(p) => p.text,
                Piece::Table(_) => String::new(),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "一、工作情况",
                "（一）抓党建",
                "（二）抓指标",
                "二、存在的问题"
            ]
        );
    }
}
