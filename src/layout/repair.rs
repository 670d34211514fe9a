//! The one place that corrects what docx-rs 0.4.22 writes.
//!
//! Word validates parts against the ISO/IEC 29500 schemas and refuses a file whose elements
//! stand out of the schema's sequence; LibreOffice forgives them (docx-rs issue #724). Rather
//! than patch each builder call, every part docx-rs writes goes through [`fix_part`] once per
//! process: children of the property elements are put back in schema order, the duplicate
//! `Normal` style docx-rs always emits is dropped in favour of ours, attributes the schema
//! does not define are removed, and the paragraph defaults docx-rs leaves empty get the one
//! setting LibreOffice needs ([`keep_line_end_marks`]). (The font table is replaced outright, in
//! `package`.)

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use quick_xml::{Reader, Writer};

/// The schema sequence of the children of each element docx-rs may misorder, by local name.
/// Children not listed keep their relative order after the listed ones.
fn schema_sequence(parent: &str) -> Option<&'static [&'static str]> {
    Some(match parent {
        // CT_PPrBase + CT_PPr
        "pPr" => &[
            "pStyle",
            "keepNext",
            "keepLines",
            "pageBreakBefore",
            "framePr",
            "widowControl",
            "numPr",
            "suppressLineNumbers",
            "pBdr",
            "shd",
            "tabs",
            "suppressAutoHyphens",
            "kinsoku",
            "wordWrap",
            "overflowPunct",
            "topLinePunct",
            "autoSpaceDE",
            "autoSpaceDN",
            "bidi",
            "adjustRightInd",
            "snapToGrid",
            "spacing",
            "ind",
            "contextualSpacing",
            "mirrorIndents",
            "suppressOverlap",
            "jc",
            "textDirection",
            "textAlignment",
            "textboxTightWrap",
            "outlineLvl",
            "divId",
            "cnfStyle",
            "rPr",
            "sectPr",
            "pPrChange",
        ],
        // CT_RPr (EG_RPrBase)
        "rPr" => &[
            "rStyle",
            "rFonts",
            "b",
            "bCs",
            "i",
            "iCs",
            "caps",
            "smallCaps",
            "strike",
            "dstrike",
            "outline",
            "shadow",
            "emboss",
            "imprint",
            "noProof",
            "snapToGrid",
            "vanish",
            "webHidden",
            "color",
            "spacing",
            "w",
            "kern",
            "position",
            "sz",
            "szCs",
            "highlight",
            "u",
            "effect",
            "bdr",
            "shd",
            "fitText",
            "vertAlign",
            "rtl",
            "cs",
            "em",
            "lang",
            "eastAsianLayout",
            "specVanish",
            "oMath",
            "ins",
            "del",
            "rPrChange",
        ],
        // CT_SectPr: header/footer references first, in any order among themselves.
        "sectPr" => &[
            "headerReference|footerReference",
            "footnotePr",
            "endnotePr",
            "type",
            "pgSz",
            "pgMar",
            "paperSrc",
            "pgBorders",
            "lnNumType",
            "pgNumType",
            "cols",
            "formProt",
            "vAlign",
            "noEndnote",
            "titlePg",
            "textDirection",
            "bidi",
            "rtlGutter",
            "docGrid",
            "printerSettings",
            "sectPrChange",
        ],
        // CT_Style
        "style" => &[
            "name",
            "aliases",
            "basedOn",
            "next",
            "link",
            "autoRedefine",
            "hidden",
            "uiPriority",
            "semiHidden",
            "unhideWhenUsed",
            "qFormat",
            "locked",
            "personal",
            "personalCompose",
            "personalReply",
            "rsid",
            "pPr",
            "rPr",
            "tblPr",
            "trPr",
            "tcPr",
            "tblStylePr",
        ],
        // CT_TblPr
        "tblPr" => &[
            "tblStyle",
            "tblpPr",
            "tblOverlap",
            "bidiVisual",
            "tblStyleRowBandSize",
            "tblStyleColBandSize",
            "tblW",
            "jc",
            "tblCellSpacing",
            "tblInd",
            "tblBorders",
            "shd",
            "tblLayout",
            "tblCellMar",
            "tblLook",
            "tblCaption",
            "tblDescription",
            "tblPrChange",
        ],
        // CT_TcPr
        "tcPr" => &[
            "cnfStyle",
            "tcW",
            "gridSpan",
            "hMerge",
            "vMerge",
            "tcBorders",
            "shd",
            "noWrap",
            "tcMar",
            "textDirection",
            "tcFitText",
            "vAlign",
            "hideMark",
            "headers",
            "cellIns",
            "cellDel",
            "cellMerge",
            "tcPrChange",
        ],
        // CT_TrPr is a choice list (any order); CT_Settings is long, only what docx-rs writes.
        "settings" => &[
            "writeProtection",
            "view",
            "zoom",
            "removePersonalInformation",
            "removeDateAndTime",
            "doNotDisplayPageBoundaries",
            "displayBackgroundShape",
            "printPostScriptOverText",
            "printFractionalCharacterWidth",
            "printFormsData",
            "embedTrueTypeFonts",
            "embedSystemFonts",
            "saveSubsetFonts",
            "saveFormsData",
            "mirrorMargins",
            "alignBordersAndEdges",
            "bordersDoNotSurroundHeader",
            "bordersDoNotSurroundFooter",
            "gutterAtTop",
            "hideSpellingErrors",
            "hideGrammaticalErrors",
            "activeWritingStyle",
            "proofState",
            "formsDesign",
            "attachedTemplate",
            "linkStyles",
            "stylePaneFormatFilter",
            "stylePaneSortMethod",
            "documentType",
            "mailMerge",
            "revisionView",
            "trackRevisions",
            "doNotTrackMoves",
            "doNotTrackFormatting",
            "documentProtection",
            "autoFormatOverride",
            "styleLockTheme",
            "styleLockQFSet",
            "defaultTabStop",
            "autoHyphenation",
            "consecutiveHyphenLimit",
            "hyphenationZone",
            "doNotHyphenateCaps",
            "showEnvelope",
            "summaryLength",
            "clickAndTypeStyle",
            "defaultTableStyle",
            "evenAndOddHeaders",
            "bookFoldRevPrinting",
            "bookFoldPrinting",
            "bookFoldPrintingSheets",
            "drawingGridHorizontalSpacing",
            "drawingGridVerticalSpacing",
            "displayHorizontalDrawingGridEvery",
            "displayVerticalDrawingGridEvery",
            "doNotUseMarginsForDrawingGridOrigin",
            "drawingGridHorizontalOrigin",
            "drawingGridVerticalOrigin",
            "doNotShadeFormData",
            "noPunctuationKerning",
            "characterSpacingControl",
            "printTwoOnOne",
            "strictFirstAndLastChars",
            "noLineBreaksAfter",
            "noLineBreaksBefore",
            "savePreviewPicture",
            "doNotValidateAgainstSchema",
            "saveInvalidXml",
            "ignoreMixedContent",
            "alwaysShowPlaceholderText",
            "doNotDemarcateInvalidXml",
            "saveXmlDataOnly",
            "useXSLTWhenSaving",
            "saveThroughXslt",
            "showXMLTags",
            "alwaysMergeEmptyNamespace",
            "updateFields",
            "hdrShapeDefaults",
            "footnotePr",
            "endnotePr",
            "compat",
            "docVars",
            "rsids",
            "mathPr",
            "attachedSchema",
            "themeFontLang",
            "clrSchemeMapping",
            "doNotIncludeSubdocsInStats",
            "doNotAutoCompressPictures",
            "forceUpgrade",
            "captions",
            "readModeInkLockDown",
            "smartTagType",
            "schemaLibrary",
            "shapeDefaults",
            "doNotEmbedSmartTags",
            "decimalSymbol",
            "listSeparator",
        ],
        _ => return None,
    })
}

/// Attributes docx-rs writes that the schema does not define on an element.
fn disallowed_attributes(element: &str) -> Option<&'static [&'static str]> {
    match element {
        // CT_TblGridCol has only w:w; docx-rs adds w:type="dxa".
        "gridCol" => Some(&["type"]),
        _ => None,
    }
}

fn attribute(start: &BytesStart<'_>, local: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local.as_bytes())
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn without_attributes(start: &BytesStart<'static>, refused: &[&str]) -> BytesStart<'static> {
    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
    let mut cleaned = BytesStart::new(name);
    for attr in start.attributes().flatten() {
        let local = String::from_utf8_lossy(attr.key.local_name().as_ref()).into_owned();
        if !refused.contains(&local.as_str()) {
            cleaned.push_attribute(attr);
        }
    }
    cleaned.into_owned()
}

/// A parsed XML element: enough structure to reorder children and drop duplicates.
#[derive(Debug, Clone)]
enum Node {
    Element {
        start: BytesStart<'static>,
        children: Vec<Node>,
        empty: bool,
    },
    /// Text, CDATA, comments and the like, kept as raw events.
    Other(Event<'static>),
}

fn local_name(start: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(start.local_name().as_ref()).into_owned()
}

fn parse(xml: &[u8]) -> Result<(Vec<Event<'static>>, Vec<Node>), String> {
    let mut reader = Reader::from_reader(xml);
    let mut prolog = Vec::new();
    let mut stack: Vec<(BytesStart<'static>, Vec<Node>)> = Vec::new();
    let mut roots = Vec::new();
    let mut buf = Vec::new();
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| format!("docx-rs wrote a part that is not well-formed XML: {e}"))?
            .into_owned();
        let node = match event {
            Event::Eof => break,
            Event::Decl(_) if stack.is_empty() => {
                prolog.push(event);
                continue;
            }
            Event::Start(start) => {
                stack.push((start, Vec::new()));
                continue;
            }
            Event::End(_) => {
                let (start, children) = stack.pop().ok_or("unbalanced XML from docx-rs")?;
                Node::Element {
                    start,
                    children,
                    empty: false,
                }
            }
            Event::Empty(start) => Node::Element {
                start,
                children: Vec::new(),
                empty: true,
            },
            other => Node::Other(other),
        };
        match stack.last_mut() {
            Some((_, children)) => children.push(node),
            None => roots.push(node),
        }
        buf.clear();
    }
    Ok((prolog, roots))
}

fn rank(sequence: &[&str], name: &str) -> usize {
    sequence
        .iter()
        .position(|s| s.split('|').any(|alt| alt == name))
        .unwrap_or(sequence.len())
}

fn repair(node: &mut Node) {
    let Node::Element {
        start, children, ..
    } = node
    else {
        return;
    };
    children.iter_mut().for_each(repair);
    let name = local_name(start);
    if name == "styles" {
        drop_shadowed_styles(children);
    }
    if name == "pPr" {
        // docx-rs writes an empty paragraph-mark rPr into every pPr; inside styles and
        // numbering levels (CT_PPrGeneral) the schema has no place for it at all.
        children.retain(|c| !matches!(c, Node::Element { start, children, .. } if children.is_empty() && local_name(start) == "rPr"));
    }
    if let Some(refused) = disallowed_attributes(&name) {
        *start = without_attributes(start, refused);
    }
    if name == "style"
        && attribute(start, "styleId").as_deref() == Some("Normal")
        && attribute(start, "default").is_none()
    {
        // docx-rs cannot mark a default style; without w:default="1" unstyled paragraphs
        // have no declared style and readers fall back to their own defaults.
        start.push_attribute(("w:default", "1"));
    }
    if let Some(sequence) = schema_sequence(&name) {
        // Stable: elements of equal rank (and all non-elements) keep their order.
        children.sort_by_key(|child| match child {
            Node::Element { start, .. } => rank(sequence, &local_name(start)),
            Node::Other(_) => sequence.len(),
        });
    }
}

/// docx-rs always writes a bare `Normal` style before the document's own styles; when the
/// document defines a style with the same id, the later definition wins and the earlier one
/// is removed (duplicate style ids make Word discard the styles part).
fn drop_shadowed_styles(children: &mut Vec<Node>) {
    let id_of = |node: &Node| match node {
        Node::Element { start, .. } if local_name(start) == "style" => attribute(start, "styleId"),
        _ => None,
    };
    let ids: Vec<Option<String>> = children.iter().map(id_of).collect();
    let mut keep = ids.iter().enumerate().map(|(i, id)| match id {
        Some(id) => !ids[i + 1..]
            .iter()
            .any(|later| later.as_deref() == Some(id)),
        None => true,
    });
    children.retain(|_| keep.next().unwrap_or(true));
}

fn write(writer: &mut Writer<Vec<u8>>, node: &Node) -> Result<(), String> {
    let err = |e: std::io::Error| format!("could not write XML: {e}");
    match node {
        Node::Element {
            start,
            children,
            empty,
        } => {
            if *empty && children.is_empty() {
                writer
                    .write_event(Event::Empty(start.borrow()))
                    .map_err(err)?;
            } else {
                writer
                    .write_event(Event::Start(start.borrow()))
                    .map_err(err)?;
                for child in children {
                    write(writer, child)?;
                }
                let name = start.name();
                writer
                    .write_event(Event::End(BytesEnd::new(String::from_utf8_lossy(
                        name.as_ref(),
                    ))))
                    .map_err(err)?;
            }
        }
        Node::Other(event) => writer.write_event(event.borrow()).map_err(err)?,
    }
    Ok(())
}

/// Parses a WordprocessingML part, puts it in schema order and writes it back.
pub fn fix_part(xml: &[u8]) -> Result<Vec<u8>, String> {
    let (prolog, mut roots) = parse(xml)?;
    roots.iter_mut().for_each(repair);
    let mut writer = Writer::new(Vec::with_capacity(xml.len()));
    if prolog.is_empty() {
        writer
            .write_event(Event::Decl(BytesDecl::new(
                "1.0",
                Some("UTF-8"),
                Some("yes"),
            )))
            .map_err(|e| e.to_string())?;
    }
    for event in &prolog {
        writer
            .write_event(event.borrow())
            .map_err(|e| e.to_string())?;
    }
    for root in &roots {
        write(&mut writer, root)?;
    }
    Ok(writer.into_inner())
}

/// Declares what Word does by default, that a mark may stand past the line's end
/// (`w:overflowPunct`), in the paragraph defaults docx-rs leaves empty. LibreOffice reads the
/// setting the other way round, as "no hanging punctuation"; left to its own default it hangs
/// a 、 or ， past the margin of a full 28-character line and its PDF loses the mark.
pub fn keep_line_end_marks(styles: &[u8]) -> Result<Vec<u8>, String> {
    const EMPTY: &str = "<w:pPrDefault><w:pPr></w:pPr></w:pPrDefault>";
    const SET: &str =
        r#"<w:pPrDefault><w:pPr><w:overflowPunct w:val="1" /></w:pPr></w:pPrDefault>"#;
    let text = std::str::from_utf8(styles).map_err(|e| e.to_string())?;
    if !text.contains(EMPTY) {
        return Err("docx-rs wrote paragraph defaults zongjie does not know".into());
    }
    Ok(text.replacen(EMPTY, SET, 1).into_bytes())
}

/// `xml` (a package's `[Content_Types].xml` or a relationships part) without the entries that
/// name one of `parts` (an `Override` by its `PartName`, a `Relationship` by its `Target`):
/// docx-rs lists every part it knows, and a draft leaves out those it has nothing in (empty
/// comments, footnotes, numbering, custom properties).
pub fn without_parts(xml: &[u8], parts: &[&str]) -> Result<Vec<u8>, String> {
    let mut reader = Reader::from_reader(xml);
    let mut writer = Writer::new(Vec::with_capacity(xml.len()));
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let named = match &event {
            Event::Empty(e) => ["PartName", "Target"]
                .iter()
                .find_map(|a| attribute(e, a))
                .is_some_and(|name| parts.contains(&name.trim_start_matches('/'))),
            Event::Eof => break,
            _ => false,
        };
        if !named {
            writer.write_event(event).map_err(|e| e.to_string())?;
        }
    }
    Ok(writer.into_inner())
}

/// Whether a relationships part lists any relationship (docx-rs writes one for every header
/// and footer, most of them empty).
pub fn lists_a_relationship(rels: &[u8]) -> bool {
    const ENTRY: &[u8] = b"<Relationship ";
    rels.windows(ENTRY.len()).any(|w| w == ENTRY)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(xml: &str) -> String {
        String::from_utf8(fix_part(xml.as_bytes()).unwrap()).unwrap()
    }

    #[test]
    fn an_empty_relationships_part_lists_nothing() {
        let empty = br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="r" />"#;
        assert!(!lists_a_relationship(empty));
        let one = br#"<Relationships xmlns="r"><Relationship Id="rId1" Target="media/seal.png" /></Relationships>"#;
        assert!(lists_a_relationship(one));
    }

    #[test]
    fn parts_left_out_are_no_longer_listed() {
        let types = br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="t"><Default Extension="xml" ContentType="application/xml" /><Override PartName="/word/comments.xml" ContentType="c" /><Override PartName="/word/styles.xml" ContentType="s" /></Types>"#;
        let out = without_parts(types, &["word/comments.xml"]).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert!(
            !out.contains("comments") && out.contains("styles.xml"),
            "{out}"
        );
        assert!(out.contains(r#"<Default Extension="xml""#), "{out}");
        let rels = br#"<Relationships xmlns="r"><Relationship Id="rId5" Target="commentsExtended.xml" /><Relationship Id="rId1" Target="styles.xml" /></Relationships>"#;
        let out = without_parts(rels, &["commentsExtended.xml"]).unwrap();
        let out = String::from_utf8(out).unwrap();
        assert_eq!(
            out,
            r#"<Relationships xmlns="r"><Relationship Id="rId1" Target="styles.xml" /></Relationships>"#
        );
    }

    #[test]
    fn paragraph_properties_are_put_in_schema_order() {
        let out = fixed(
            r#"<w:p xmlns:w="w"><w:pPr><w:jc w:val="center"/><w:ind w:firstLine="0"/><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>标题 &amp; R&amp;D</w:t></w:r></w:p>"#,
        );
        let p = out.find("pStyle").unwrap();
        let ind = out.find("w:ind").unwrap();
        let jc = out.find("w:jc").unwrap();
        assert!(p < ind && ind < jc, "{out}");
        assert!(out.contains("R&amp;D"), "escapes survive: {out}");
    }

    #[test]
    fn section_references_stay_first_and_grid_last() {
        let out = fixed(
            r#"<w:sectPr xmlns:w="w"><w:docGrid w:linePitch="579"/><w:pgSz w:w="1"/><w:footerReference w:id="a"/><w:pgMar w:top="1"/><w:footerReference w:id="b"/></w:sectPr>"#,
        );
        let order: Vec<usize> = ["id=\"a\"", "id=\"b\"", "pgSz", "pgMar", "docGrid"]
            .iter()
            .map(|s| out.find(s).unwrap())
            .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{out}");
    }

    #[test]
    fn a_later_style_replaces_an_earlier_one_with_the_same_id() {
        let out = fixed(
            r#"<w:styles xmlns:w="w"><w:style w:styleId="Normal"><w:name w:val="bare"/></w:style><w:style w:styleId="Normal"><w:name w:val="ours"/></w:style></w:styles>"#,
        );
        assert!(!out.contains("bare") && out.contains("ours"), "{out}");
        assert_eq!(
            out.matches(r#"w:default="1""#).count(),
            1,
            "Normal is the default: {out}"
        );
    }

    #[test]
    fn attributes_and_elements_outside_the_schema_are_dropped() {
        let out =
            fixed(r#"<w:tblGrid xmlns:w="w"><w:gridCol w:w="2000" w:type="dxa"/></w:tblGrid>"#);
        assert!(out.contains(r#"<w:gridCol w:w="2000"/>"#), "{out}");
        let out = fixed(
            r#"<w:style xmlns:w="w"><w:pPr><w:rPr/><w:jc w:val="both"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>"#,
        );
        assert!(
            out.contains(r#"<w:pPr><w:jc w:val="both"/></w:pPr><w:rPr><w:b/></w:rPr>"#),
            "{out}"
        );
    }
}
