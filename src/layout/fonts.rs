//! The typefaces GB/T 9704 names, as Word and WPS find them.
//!
//! Runs name the Chinese face (仿宋, 黑体…) in every script slot, the way Word on a Chinese
//! system saves them; the font table then gives each face its Latin alternative name
//! (FangSong, SimHei…), its PANOSE class and the GB2312 character set, so Word, WPS and
//! LibreOffice on any system can match the face or choose a close substitute.

use docx_rs::RunFonts;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Face {
    /// The name Word and WPS store: 仿宋.
    pub name: &'static str,
    /// The Latin name of the same face: FangSong.
    pub latin: &'static str,
    pub panose: &'static str,
    pub family: &'static str,
    pub pitch: &'static str,
}

/// Body text and headings of levels 3–4 (3号仿宋).
pub const FANGSONG: Face = Face {
    name: "仿宋",
    latin: "FangSong",
    panose: "02010609060101010101",
    family: "roman",
    pitch: "fixed",
};
/// Level-1 headings (黑体).
pub const HEITI: Face = Face {
    name: "黑体",
    latin: "SimHei",
    panose: "02010609060101010101",
    family: "swiss",
    pitch: "fixed",
};
/// Level-2 headings (楷体).
pub const KAITI: Face = Face {
    name: "楷体",
    latin: "KaiTi",
    panose: "02010609060101010101",
    family: "roman",
    pitch: "fixed",
};
/// Page numbers (4号宋体).
pub const SONGTI: Face = Face {
    name: "宋体",
    latin: "SimSun",
    panose: "02010600030101010101",
    family: "roman",
    pitch: "variable",
};
/// The title (2号小标宋).
pub const XIAOBIAOSONG: Face = Face {
    name: "方正小标宋简体",
    latin: "FZXiaoBiaoSong-B05S",
    panose: "02000000000000000000",
    family: "roman",
    pitch: "variable",
};

pub const ALL: [Face; 5] = [FANGSONG, HEITI, KAITI, SONGTI, XIAOBIAOSONG];

/// The Latin face of the signature block's digits: exactly half an em in Word and WPS, and
/// in LibreOffice through its metric twin Liberation Serif, so the date's width, and with it
/// the §7.3.5 positions, are the same in every client.
pub const LATIN: &str = "Times New Roman";

/// The face for Chinese text, with Latin letters and digits in [`LATIN`].
pub fn run_fonts_latin(face: Face) -> RunFonts {
    RunFonts::new()
        .ascii(LATIN)
        .hi_ansi(LATIN)
        .east_asia(face.name)
        .cs(face.name)
}

/// The face in every script slot of a run.
pub fn run_fonts(face: Face) -> RunFonts {
    RunFonts::new()
        .ascii(face.name)
        .hi_ansi(face.name)
        .east_asia(face.name)
        .cs(face.name)
}

/// `word/fontTable.xml` declaring every face used, with its Latin alternative name.
pub fn font_table_xml() -> Vec<u8> {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    for f in ALL {
        xml.push_str(&format!(
            r#"<w:font w:name="{}"><w:altName w:val="{}"/><w:panose1 w:val="{}"/><w:charset w:val="86"/><w:family w:val="{}"/><w:pitch w:val="{}"/></w:font>"#,
            f.name, f.latin, f.panose, f.family, f.pitch
        ));
    }
    xml.push_str(
        r#"<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>"#,
    );
    xml.into_bytes()
}
