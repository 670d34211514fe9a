//! The typefaces GB/T 9704 names, as Word and WPS find them, and the names a city may use
//! instead.
//!
//! Runs name the Chinese face (仿宋, 黑体…) in every script slot, the way Word on a Chinese
//! system saves them; the font table then gives each face its Latin alternative name
//! (FangSong, SimHei…), its PANOSE class, the GB2312 character set and its family — roman
//! for the Song-style faces (仿宋, 楷体, 宋体, 小标宋), swiss for 黑体 — so that a client
//! without the face substitutes one of the same kind. (Word and WPS use the face when it is
//! installed and never look at the family; LibreOffice reads it from version 24.2.)

use std::borrow::Cow;

use docx_rs::RunFonts;

use crate::model::Fonts;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Face {
    /// The name Word and WPS store: 仿宋.
    pub name: Cow<'static, str>,
    /// The Latin name of the same face: FangSong; none for a face a city names that zongjie
    /// does not know.
    pub latin: Option<&'static str>,
    pub panose: &'static str,
    pub family: &'static str,
}

const fn face(
    name: &'static str,
    latin: &'static str,
    panose: &'static str,
    family: &'static str,
) -> Face {
    Face {
        name: Cow::Borrowed(name),
        latin: Some(latin),
        panose,
        family,
    }
}

/// Body text and headings of levels 3–4 (3号仿宋).
pub const FANGSONG: Face = face("仿宋", "FangSong", "02010609060101010101", "roman");
/// Level-1 headings (黑体).
pub const HEITI: Face = face("黑体", "SimHei", "02010609060101010101", "swiss");
/// Level-2 headings (楷体).
pub const KAITI: Face = face("楷体", "KaiTi", "02010609060101010101", "roman");
/// Page numbers (4号宋体).
pub const SONGTI: Face = face("宋体", "SimSun", "02010600030101010101", "roman");
/// The title (2号小标宋).
pub const XIAOBIAOSONG: Face = face(
    "方正小标宋简体",
    "FZXiaoBiaoSong-B05S",
    "02000000000000000000",
    "roman",
);

/// The Latin names of the faces government computers have under older names.
const KNOWN: &[(&str, &str)] = &[
    ("仿宋_GB2312", "FangSong_GB2312"),
    ("楷体_GB2312", "KaiTi_GB2312"),
    ("华文仿宋", "STFangsong"),
    ("华文楷体", "STKaiti"),
    ("华文中宋", "STZhongsong"),
    ("微软雅黑", "Microsoft YaHei"),
];

/// The faces of one document by role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Faces {
    pub body: Face,
    pub title: Face,
    /// Levels 1–4: 黑体, 楷体, then the body's face.
    pub heading: [Face; 4],
    pub page_number: Face,
}

impl Faces {
    /// GB/T 9704's faces, with the roles `chosen` names renamed.
    pub fn chosen(chosen: &Fonts) -> Faces {
        let body = renamed(FANGSONG, chosen.body.as_deref());
        Faces {
            title: renamed(XIAOBIAOSONG, chosen.title.as_deref()),
            heading: [
                renamed(HEITI, chosen.heading1.as_deref()),
                renamed(KAITI, chosen.heading2.as_deref()),
                body.clone(),
                body.clone(),
            ],
            page_number: renamed(SONGTI, chosen.page_number.as_deref()),
            body,
        }
    }

    /// A heading level's face (1–4).
    pub fn heading(&self, level: u8) -> &Face {
        &self.heading[usize::from(level.clamp(1, 4)) - 1]
    }

    /// Every distinct face, for the font table.
    fn all(&self) -> Vec<&Face> {
        let mut all: Vec<&Face> = Vec::new();
        for f in [&self.body, &self.title, &self.page_number]
            .into_iter()
            .chain(&self.heading)
        {
            if !all.iter().any(|a| a.name == f.name) {
                all.push(f);
            }
        }
        all
    }
}

/// `standard` under another name: its kind (PANOSE, family) kept, its Latin name known or
/// left out.
fn renamed(standard: Face, name: Option<&str>) -> Face {
    match name {
        Some(name) if name != standard.name => Face {
            name: Cow::Owned(name.to_string()),
            latin: KNOWN.iter().find(|(zh, _)| *zh == name).map(|(_, en)| *en),
            ..standard
        },
        _ => standard,
    }
}

/// The Latin face of the signature block's digits: exactly half an em in Word and WPS, and
/// in LibreOffice through its metric twin Liberation Serif, so the date's width, and with it
/// the §7.3.5 positions, are the same in every client.
pub const LATIN: &str = "Times New Roman";

/// The face for Chinese text, with Latin letters and digits in [`LATIN`].
pub fn run_fonts_latin(face: &Face) -> RunFonts {
    RunFonts::new()
        .ascii(LATIN)
        .hi_ansi(LATIN)
        .east_asia(face.name.as_ref())
        .cs(face.name.as_ref())
}

/// The face in every script slot of a run.
pub fn run_fonts(face: &Face) -> RunFonts {
    RunFonts::new()
        .ascii(face.name.as_ref())
        .hi_ansi(face.name.as_ref())
        .east_asia(face.name.as_ref())
        .cs(face.name.as_ref())
}

/// `word/fontTable.xml` declaring every face used, with its Latin alternative name.
pub fn font_table_xml(faces: &Faces) -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    for f in faces.all() {
        xml.push_str(&format!(r#"<w:font w:name="{}">"#, escape(&f.name)));
        if let Some(latin) = f.latin {
            xml.push_str(&format!(r#"<w:altName w:val="{latin}"/>"#));
        }
        // Variable pitch: a fixed-pitch hint sends a substitute to a monospaced face.
        xml.push_str(&format!(
            r#"<w:panose1 w:val="{}"/><w:charset w:val="86"/><w:family w:val="{}"/><w:pitch w:val="variable"/></w:font>"#,
            f.panose, f.family
        ));
    }
    xml.push_str(
        r#"<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#,
    );
    xml.into_bytes()
}

/// A face name as an XML attribute value (names are checked on load; this keeps the part
/// well-formed whatever reaches it).
pub(super) fn escape(name: &str) -> String {
    name.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
