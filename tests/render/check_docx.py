#!/usr/bin/env python3
"""Checks zongjie drafts with clients that are not zongjie.

python-docx must open each draft and see the GB/T 9704 page, styles, fonts and footers we
claim; headless LibreOffice must convert it to a PDF of 3 to 8 A4 pages whose text carries
the title and the page numbers. Usage: check_docx.py DRAFT.docx... (needs python-docx,
LibreOffice and poppler-utils; .ci/run installs them). Prints 'N passed, N failed'.
"""
import html
import os
import re
import subprocess
import sys
import tempfile

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

failures = []
passes = 0


def check(cond, what):
    global passes
    if cond:
        passes += 1
    else:
        failures.append(what)


def east_asia(style):
    rpr = style.element.rPr
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def run_in_face(paragraph):
    """The face of a run-in heading: the first run's own East Asian font, when a second run
    follows in the paragraph's face."""
    runs = paragraph.runs
    if len(runs) < 2 or runs[0]._element.rPr is None:
        return None
    fonts = runs[0]._element.rPr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def outline_level(style):
    ppr = style.element.pPr
    lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    return int(lvl.get(qn("w:val"))) if lvl is not None else None


def near(a, b, tol=Mm(0.5)):
    return a is not None and abs(a - b) <= tol


def check_docx(path):
    name = os.path.basename(path)
    doc = Document(path)
    s = doc.sections[0]
    check(near(s.page_width, Mm(210)) and near(s.page_height, Mm(297)), f"{name}: A4 page")
    for side, mm in (("top", 37), ("bottom", 35), ("left", 28), ("right", 26)):
        check(near(getattr(s, f"{side}_margin"), Mm(mm)), f"{name}: {side} margin {mm} mm")
    styles = doc.styles
    expect = {
        "Normal": ("仿宋", 16, None),
        "Title": ("方正小标宋简体", 22, None),
        "Heading 1": ("黑体", 16, 0),
        "Heading 2": ("楷体", 16, 1),
        "Heading 3": ("仿宋", 16, 2),
        "Heading 4": ("仿宋", 16, 3),
    }
    # A county drafted with the city's profile names the faces as the city's computers do.
    renamed = {"仿宋": "仿宋_GB2312", "楷体": "楷体_GB2312"} if name.startswith("profile-county") else {}
    for style_name, (font, size, level) in expect.items():
        font = renamed.get(font, font)
        st = styles[style_name]
        check(east_asia(st) == font, f"{name}: {style_name} font {font} (got {east_asia(st)})")
        check(st.font.size == Pt(size), f"{name}: {style_name} size {size} pt (got {st.font.size})")
        if level is not None:
            check(outline_level(st) == level, f"{name}: {style_name} outline level {level}")
    check(styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER, f"{name}: title centred")
    normal = styles["Normal"].paragraph_format
    check(normal.first_line_indent == Pt(32), f"{name}: body indented two characters")
    check(normal.line_spacing == Pt(28.95), f"{name}: fixed 28.95 pt line spacing (got {normal.line_spacing})")
    used = {p.style.name for p in doc.paragraphs}
    if "汇总" in name:
        # zongjie rollup: a title and one table of the counties, no headings.
        check("Title" in used, f"{name}: the title uses its named style ({used})")
        header = [c.text for c in doc.tables[0].rows[0].cells]
        check(header[:3] == ["指标（单位）", "县市区", "本年"], f"{name}: roll-up table header ({header})")
    else:
        run_in = [p for p in doc.paragraphs if run_in_face(p)]
        check({"Title", "Heading 1"} <= used and ("Heading 2" in used or run_in),
              f"{name}: title and headings use named styles, or run into their text ({used})")
        heading1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
        check(heading1 and heading1[0].startswith("一、"), f"{name}: first level-1 heading numbered 一、")
        for p in run_in:
            # A run-in heading: the heading in its level's face, the text after it in the body's.
            head, body = p.runs[0], p.runs[1]
            check(run_in_face(p) in ("黑体", "楷体", "仿宋", "楷体_GB2312", "仿宋_GB2312") and head.text.endswith(("。", "？", "！", "：")),
                  f"{name}: run-in heading in a heading face, ending its sentence ({head.text})")
            body_fonts = body._element.rPr.find(qn("w:rFonts")) if body._element.rPr is not None else None
            check(body_fonts is None and p.style.name == "Normal",
                  f"{name}: run-in text in the body face ({body.text[:12]})")
    check(doc.settings.odd_and_even_pages_header_footer, f"{name}: odd and even footers")
    for label, footer in (("odd", s.footer), ("even", s.even_page_footer)):
        xml = footer._element.xml
        check("PAGE" in xml and "fldChar" in xml, f"{name}: {label} footer has a PAGE field")
        check("— " in xml and " —" in xml, f"{name}: {label} footer has em dashes")
    aligns = {p.paragraph_format.alignment for p in s.footer.paragraphs} | {
        p.paragraph_format.alignment for p in s.even_page_footer.paragraphs}
    check({WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.LEFT} <= aligns, f"{name}: odd right, even left")
    texts = [p for p in doc.paragraphs if p.text.strip()]
    audit = [i for i, p in enumerate(texts) if p.text == "数据核对表"]
    if audit:
        # draft --audit: the 数据核对表 follows the date on a page of its own.
        header = [c.text for c in doc.tables[-1].rows[0].cells]
        check(header[:2] == ["指标", "表述"], f"{name}: audit table header ({header})")
        check(len(doc.tables[-1].rows) > 10, f"{name}: audit table has a row per figure")
        texts = texts[: audit[0]]
    last = texts[-1]
    check(last.style.name == "Signature" and "年" in last.text and last.text[:4].isdigit(),
          f"{name}: ends with the date in Arabic numerals ({last.text})")
    return doc


# Drafts whose data file sets [style] seal = true (GB/T 9704 §7.3.5.1).
SEALED = {"yueyang-2022.docx"}
# The right edge of the text (A4, 26 mm right margin) and one body character (16 pt less the
# condensed spacing), in points.
TEXT_RIGHT = 595.276 - 26 / 25.4 * 72
CHAR = 15.75
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>')


def lines_of(pdf):
    """Every printed line as (page, text without spaces, left, right), from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    lines = {}
    for page, body in enumerate(out.split("<page ")[1:]):
        for x0, y0, x1, text in WORD.findall(body):
            key = (page, round(float(y0)))
            t, left, right = lines.get(key, ("", 1e9, 0))
            lines[key] = (t + html.unescape(text), min(left, float(x0)), max(right, float(x1)))
    return [(page, t, left, right) for (page, _), (t, left, right) in sorted(lines.items())]


def check_signature(name, pdf, issuer, date):
    """The issuer and date as GB/T 9704 §7.3.5 places them, within 4 pt."""
    lines = lines_of(pdf)
    found = [i for i, l in enumerate(lines) if l[1] == issuer.replace(" ", "")
             and i + 1 < len(lines) and lines[i + 1][1] == date.replace(" ", "")]
    check(found, f"{name}: the issuer's line and the date's line below it in the PDF")
    if not found:
        return
    _, _, s0, s1 = lines[found[-1]]
    _, _, d0, d1 = lines[found[-1] + 1]
    near = lambda a, b: abs(a - b) <= 4
    where = f"issuer {s0:.1f}–{s1:.1f}, date {d0:.1f}–{d1:.1f}, text ends {TEXT_RIGHT:.1f}"
    if name in SEALED:
        check(near(d1, TEXT_RIGHT - 4 * CHAR), f"{name}: sealed, the date ends 4 characters from the margin ({where})")
        check(near((s0 + s1) / 2, (d0 + d1) / 2), f"{name}: sealed, the issuer is centred on the date ({where})")
        return
    unsealed_short = near(s1, TEXT_RIGHT - 2 * CHAR) and near(d0, s0 + 2 * CHAR)
    unsealed_long = near(d1, TEXT_RIGHT - 2 * CHAR) and near(s0, d0 - 2 * CHAR)
    if d1 - d0 > s1 - s0 + 4:
        check(unsealed_long, f"{name}: a date longer than the issuer ends 2 characters from the margin, 2 right of the issuer's start ({where})")
    elif d1 - d0 < s1 - s0 - 4:
        check(unsealed_short, f"{name}: the issuer ends 2 characters from the margin, the date starts 2 right of it ({where})")
    else:
        check(unsealed_short or unsealed_long, f"{name}: issuer and date of about one length placed by either §7.3.5.2 rule ({where})")


MARKS = "，、；：。？！"


def marks_in_docx(doc):
    """The full-width marks of every paragraph and table cell."""
    texts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            seen = set()
            for cell in row.cells:
                if id(cell._tc) not in seen:  # a merged cell appears once per column it spans
                    seen.add(id(cell._tc))
                    texts.append(cell.text)
    return sum(t.count(m) for t in texts for m in MARKS)


def check_pdf(path, signature, marks):
    name = os.path.basename(path)
    with tempfile.TemporaryDirectory() as tmp:
        run = subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, path],
                             capture_output=True, text=True, timeout=180)
        pdf = os.path.join(tmp, os.path.splitext(name)[0] + ".pdf")
        check(run.returncode == 0 and os.path.exists(pdf), f"{name}: LibreOffice converts it ({run.stderr.strip()})")
        if not os.path.exists(pdf):
            return
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        pages = int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")))
        most = 14 if "audit" in name else 8
        # A city's own short file and a roll-up may be shorter than a full report, and a
        # file fresh from `init` holds only its skeleton (two pages, so both footers show).
        least = 1 if name.startswith("怀化市") else 2 if name.startswith("profile-county") else 3
        check(least <= pages <= most, f"{name}: {least} to {most} pages (got {pages})")
        check("595" in info and "841" in info, f"{name}: A4 in the PDF")
        # Without the GB/T 9704 faces (this machine), the Song-style faces fall back to a
        # serif CJK face and 黑体 to a sans one (docs/fontconfig), not all to sans.
        fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
        check("SerifCJK" in fonts, f"{name}: the body falls back to a serif CJK face ({fonts})")
        if not name.startswith("怀化市-2024-汇总"):
            check("SansCJK" in fonts, f"{name}: 黑体 falls back to a sans CJK face ({fonts})")
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
        # Every mark printed: none hung past the margin and lost (see layout::package).
        printed = sum(text.count(m) for m in MARKS)
        check(printed == marks, f"{name}: {marks} full-width marks in the document, {printed} in the PDF")
        check("—1—" in text.replace(" ", "") and "—2—" in text.replace(" ", ""), f"{name}: page numbers printed")
        if len(signature) == 2:
            check_signature(name, pdf, *signature)
        print(f"{name}: {pages} pages in LibreOffice")


for path in sys.argv[1:]:
    doc = check_docx(path)
    signature = [p.text for p in doc.paragraphs if p.style.name == "Signature" and p.text.strip()][:2]
    check_pdf(path, signature, marks_in_docx(doc))

for f in failures:
    print("FAILED:", f)
print(f"{passes} passed, {len(failures)} failed")
sys.exit(1 if failures or not sys.argv[1:] else 0)
