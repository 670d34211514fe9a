//! Files from twelve counties are untrusted. Each test is one class of attack a county's file
//! (or a spreadsheet, or a template folder) can make, and asserts the safe outcome: the exit
//! code, the message, nothing written outside the output folder, nothing lost, no wrong total.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn zongjie(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("zongjie").unwrap();
    cmd.current_dir(dir);
    cmd
}

/// A copy of the 怀化 folder (twelve counties and the city) under `dir/name`.
fn huaihua(dir: &Path, name: &str) -> PathBuf {
    let folder = dir.join(name);
    std::fs::create_dir_all(&folder).unwrap();
    for entry in std::fs::read_dir(common::example("huaihua-2024")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
    }
    folder
}

/// Rewrites one file of a folder.
fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has {from}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Every file under `dir`, relative to it.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

// ---- 1. Output never escapes its folder --------------------------------------------------

#[test]
fn a_city_name_cannot_move_the_roll_up_out_of_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    let folder = huaihua(&work, "counties");
    std::fs::remove_file(folder.join("huaihua.toml")).unwrap();
    // Every county names the same hostile city, so it is the roll-up's city.
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(
            &path,
            text.replace("city = \"怀化市\"", "city = \"../../escaped\""),
        )
        .unwrap();
    }
    zongjie(&work)
        .args(["rollup", "counties", "--out", "out"])
        .assert()
        .success();
    // Nothing outside work/out and the counties' own folder.
    let written = files_under(dir.path());
    assert!(
        written
            .iter()
            .all(|p| p.starts_with("work/out") || p.starts_with("work/counties")),
        "{written:?}"
    );
    assert!(
        written.iter().any(|p| p.starts_with("work/out")),
        "{written:?}"
    );
}

#[test]
fn init_keeps_a_hostile_region_inside_the_folder_and_the_toml_valid() {
    let dir = tempfile::tempdir().unwrap();
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    zongjie(&work)
        .args(["init", "--region", "../../x\"y", "--year", "2025"])
        .assert()
        .success();
    let written = files_under(dir.path());
    assert!(written.iter().all(|p| p.starts_with("work")), "{written:?}");
    let data = written
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .unwrap();
    // The region is kept exactly, quoted: the file parses and names it.
    let text = std::fs::read_to_string(dir.path().join(data)).unwrap();
    let parsed: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(parsed["report"]["region"].as_str(), Some("../../x\"y"));
}

// ---- 4. Sets that would make a wrong total are refused ------------------------------------

#[test]
fn a_county_given_twice_is_refused_naming_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let folder = huaihua(dir.path(), "counties");
    std::fs::copy(folder.join("xupu.toml"), folder.join("xupu-revised.toml")).unwrap();
    for command in ["rollup", "batch"] {
        zongjie(dir.path())
            .args([command, "counties", "--out", "out"])
            .assert()
            .failure()
            .stderr(
                predicate::str::contains("xupu-revised.toml and counties/xupu.toml")
                    .and(predicate::str::contains("both 溆浦县's 2024 annual report")),
            );
        assert!(!dir.path().join("out").exists(), "{command} wrote nothing");
    }
}

#[test]
fn a_file_of_another_year_or_other_units_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let folder = huaihua(dir.path(), "counties");
    let xupu = folder.join("xupu.toml");
    edit(&xupu, "year = 2024", "year = 2023");
    edit(&xupu, "date = 2024-", "date = 2023-");
    zongjie(dir.path())
        .args(["rollup", "counties", "--out", "out"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("a 2023 annual report"));
    edit(&xupu, "year = 2023", "year = 2024");
    edit(&xupu, "date = 2023-", "date = 2024-");
    // Two counties give an indicator of their own, one in 场, the other in 万元.
    let own = |unit: &str| {
        format!("\n[indicators.events]\nname = \"科普活动\"\nunit = \"{unit}\"\ncurrent = 12\n")
    };
    let append = |path: PathBuf, text: String| {
        let old = std::fs::read_to_string(&path).unwrap();
        std::fs::write(&path, old + &text).unwrap();
    };
    append(xupu.clone(), own("场"));
    append(folder.join("chenxi.toml"), own("万元"));
    zongjie(dir.path())
        .args(["batch", "counties", "--out", "out"])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("events is in")
                .and(predicate::str::contains("units that do not convert")),
        );
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_city_typed_with_a_trailing_space_is_still_the_citys() {
    let dir = tempfile::tempdir().unwrap();
    let folder = huaihua(dir.path(), "counties");
    edit(
        &folder.join("xupu.toml"),
        "city = \"怀化市\"",
        "city = \"怀化市 \"",
    );
    zongjie(dir.path())
        .args(["rollup", "counties", "--out", "out"])
        .assert()
        .success()
        .stderr(predicate::str::contains("12 counties of 怀化市"));
}

// ---- 5. Data cannot forge document structure ----------------------------------------------

#[test]
fn a_line_break_in_a_name_is_refused_not_printed_as_a_heading() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.toml");
    let text = std::fs::read_to_string(common::example("xupu-2024.toml"))
        .unwrap()
        .replacen(
            "issuer = \"溆浦县科学技术局\"",
            "issuer = \"溆浦县科学技术局\\n# 伪造的标题\\n::signature 假署名\"",
            1,
        );
    std::fs::write(&file, text).unwrap();
    for command in ["check", "draft"] {
        zongjie(dir.path())
            .args([command, "x.toml"])
            .assert()
            .failure()
            .stderr(
                predicate::str::contains("a name is one line")
                    .and(predicate::str::contains("report.issuer")),
            );
    }
    assert!(!dir.path().join("out").exists());
}

// ---- 6. CSV cells never run as formulas ---------------------------------------------------

#[test]
fn a_county_named_like_a_formula_is_text_in_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let folder = huaihua(dir.path(), "counties");
    edit(
        &folder.join("xupu.toml"),
        "region = \"溆浦县\"",
        "region = \"=HYPERLINK(\\\"http://x\\\")\"",
    );
    zongjie(dir.path())
        .args(["rollup", "counties", "--out", "out"])
        .assert()
        .success();
    let csv = std::fs::read_to_string(dir.path().join("out/怀化市-2024-汇总.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let mut seen = 0;
    for record in reader.records() {
        let record = record.unwrap();
        for cell in record.iter() {
            assert!(!cell.starts_with(['=', '+', '@']), "{cell}");
            if cell.contains("HYPERLINK") {
                assert!(cell.starts_with("'="), "{cell}");
                seen += 1;
            }
        }
    }
    assert!(seen > 0, "the county is in the CSV");
}

// ---- 2. One file cannot kill the process or the batch -------------------------------------

#[test]
fn prose_that_would_recurse_or_loop_is_refused_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let folder = huaihua(dir.path(), "counties");
    // A self-including inline partial overflowed the stack; nested loops ran for hours.
    edit(
        &folder.join("xupu.toml"),
        "text = \"",
        "text = \"{{#*inline \\\"p\\\"}}{{> p}}{{/inline}}{{> p}}",
    );
    edit(
        &folder.join("chenxi.toml"),
        "text = \"",
        "text = \"{{#each ind}}{{#each ind}}{{#each ind}}x{{/each}}{{/each}}{{/each}}",
    );
    for file in ["counties/xupu.toml", "counties/chenxi.toml"] {
        zongjie(dir.path())
            .args(["check", file])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(
                "is not allowed in a data file's prose",
            ));
    }
    zongjie(dir.path())
        .args(["batch", "counties", "--out", "out"])
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("drafted 11 of 13 files")
                .and(predicate::str::contains("2 failed")),
        );
    // Every draft that could be made is whole; no temporary file is left behind.
    let written = files_under(&dir.path().join("out"));
    assert_eq!(written.len(), 11, "{written:?}");
    assert!(
        written
            .iter()
            .all(|p| p.extension().is_some_and(|e| e == "docx")),
        "{written:?}"
    );
}

#[test]
fn templates_that_include_each_other_are_refused_before_drafting() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    std::fs::create_dir_all(profile.join("templates")).unwrap();
    std::fs::write(profile.join("profile.toml"), "[profile]\nname = \"x\"\n").unwrap();
    std::fs::write(profile.join("templates/title.hbs"), "{{> opening}}").unwrap();
    std::fs::write(profile.join("templates/opening.hbs"), "{{> title}}").unwrap();
    let example = common::example("xupu-2024.toml");
    zongjie(dir.path())
        .args([
            "draft",
            "--profile",
            "profile",
            example.to_str().unwrap(),
            "-o",
            "x.docx",
        ])
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "includes itself: title → opening → title",
        ));
    assert!(!dir.path().join("x.docx").exists());
}

// ---- 3. Spreadsheets are read within bounds ----------------------------------------------

/// A minimal .xlsx whose one sheet is `sheet_xml`.
fn xlsx(path: &Path, sheet_xml: &str) {
    use std::io::Write;
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    zip.write_all(sheet_xml.as_bytes()).unwrap();
    zip.finish().unwrap();
}

fn sheet(cells: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>"#
    )
}

#[test]
fn a_far_cell_a_zip_bomb_or_a_million_rows_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::example("xupu-2024.toml"), dir.path().join("x.toml")).unwrap();
    // One value in the last cell of the sheet: ~512 GB as a range.
    xlsx(
        &dir.path().join("far.xlsx"),
        &sheet(r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#),
    );
    // A part that unpacks to 80 MiB from a few hundred KB.
    let padding = " ".repeat(80 * 1024 * 1024);
    xlsx(&dir.path().join("bomb.xlsx"), &sheet(&padding));
    drop(padding);
    // A CSV of 20,000 rows.
    let mut rows = String::from("指标名称,2024年\n");
    for i in 0..20_000 {
        rows.push_str(&format!("指标{i},{i}\n"));
    }
    std::fs::write(dir.path().join("rows.csv"), rows).unwrap();
    for (file, says) in [
        ("far.xlsx", "a cell at row 1048576, column 16384"),
        ("bomb.xlsx", "unpack to 80 MiB"),
        ("rows.csv", "more than 10000 rows"),
    ] {
        zongjie(dir.path())
            .args(["import", file, "--into", "x.toml"])
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .code(1)
            .stderr(predicate::str::contains(says));
    }
    // The data file is untouched.
    assert_eq!(
        std::fs::read(dir.path().join("x.toml")).unwrap(),
        std::fs::read(common::example("xupu-2024.toml")).unwrap()
    );
}

// ---- 7. Import changes no figure by guessing ----------------------------------------------

#[test]
fn a_comma_typed_for_a_decimal_point_or_a_row_given_twice_is_not_imported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::example("xupu-2024.toml"), dir.path().join("x.toml")).unwrap();
    let original = std::fs::read(dir.path().join("x.toml")).unwrap();
    // 4,54 is a slip for 4.54: never 454.
    std::fs::write(
        dir.path().join("slip.csv"),
        "key,unit,current\nrd_spend,亿元,\"4,54\"\ncontract_value,亿元,\"1,323.5\"\n",
    )
    .unwrap();
    zongjie(dir.path())
        .args(["import", "slip.csv", "--into", "x.toml"])
        .assert()
        .success()
        .stderr(predicate::str::contains("\"4,54\" is not a figure"))
        .stdout(predicate::str::contains(
            "contract_value.current: 13.23 → 1323.5",
        ));
    let text = std::fs::read_to_string(dir.path().join("x.toml")).unwrap();
    assert!(!text.contains("454"), "the slip is not imported");
    // Two rows for one indicator: which is meant cannot be told.
    std::fs::write(dir.path().join("x.toml"), &original).unwrap();
    std::fs::write(
        dir.path().join("twice.csv"),
        "key,current\nrd_spend,4.6\nhte,58\nrd_spend,4.7\n",
    )
    .unwrap();
    zongjie(dir.path())
        .args(["import", "twice.csv", "--into", "x.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("rows 2 and 4 both give rd_spend"));
    assert_eq!(std::fs::read(dir.path().join("x.toml")).unwrap(), original);
}

// ---- 8. Writes keep what is there -------------------------------------------------------

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_input_is_never_replaced_and_only_regular_files_are() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::example("xupu-2024.toml"), dir.path().join("x.toml")).unwrap();
    let original = std::fs::read(dir.path().join("x.toml")).unwrap();
    for args in [
        &["draft", "x.toml", "-o", "x.toml", "--force"][..],
        &["next", "x.toml", "-o", "./x.toml", "--force"][..],
    ] {
        zongjie(dir.path())
            .args(args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("is the data file itself"));
    }
    assert_eq!(std::fs::read(dir.path().join("x.toml")).unwrap(), original);
    // A named pipe stays a pipe.
    let fifo = dir.path().join("pipe.docx");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        zongjie(dir.path())
            .args(["draft", "x.toml", "-o", "pipe.docx", "--force"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("is not a regular file"));
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo_like()
        );
    }
}

/// Whether a file type is a FIFO, where the platform has them.
trait FifoLike {
    fn is_fifo_like(&self) -> bool;
}

impl FifoLike for std::fs::FileType {
    #[cfg(unix)]
    fn is_fifo_like(&self) -> bool {
        use std::os::unix::fs::FileTypeExt;
        self.is_fifo()
    }
    #[cfg(not(unix))]
    fn is_fifo_like(&self) -> bool {
        true
    }
}

#[test]
fn next_on_an_inline_table_writes_a_file_that_parses() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("x.toml"),
        "[report]\nissuer = \"某县科学技术局\"\nregion = \"某县\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n\n\
         [indicators]\nrd = { name = \"研发经费\", unit = \"亿元\", current = 4.54, previous = 2.72, next_target = 5.1 }\n",
    )
    .unwrap();
    zongjie(dir.path())
        .args(["next", "x.toml", "-o", "y.toml"])
        .assert()
        .success();
    let text = std::fs::read_to_string(dir.path().join("y.toml")).unwrap();
    let parsed: toml::Table = toml::from_str(&text).unwrap();
    assert_eq!(
        parsed["indicators"]["rd"]["previous"].as_float(),
        Some(4.54),
        "{text}"
    );
    // The indicator became a table of its own, where the figure to fill is marked.
    assert!(text.contains("[indicators.rd]"), "{text}");
    zongjie(dir.path())
        .args(["check", "y.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "this figure is still the placeholder",
        ));
    // import fills it like any other.
    std::fs::write(
        dir.path().join("f.csv"),
        "key,current
rd,4.8
",
    )
    .unwrap();
    zongjie(dir.path())
        .args(["import", "f.csv", "--into", "y.toml"])
        .assert()
        .success();
    zongjie(dir.path())
        .args(["check", "y.toml"])
        .assert()
        .success();
}

#[cfg(unix)]
#[test]
fn edits_keep_mode_owner_and_links_and_new_files_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    std::fs::create_dir(&real).unwrap();
    std::fs::copy(common::example("xupu-2024.toml"), real.join("x.toml")).unwrap();
    std::fs::set_permissions(real.join("x.toml"), std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("real/x.toml", dir.path().join("x.toml")).unwrap();
    std::fs::write(dir.path().join("f.csv"), "key,current\nhte,58\n").unwrap();
    zongjie(dir.path())
        .args(["import", "f.csv", "--into", "x.toml"])
        .assert()
        .success();
    // The link is still a link; the file it names has the new figure and its old mode.
    let link = std::fs::symlink_metadata(dir.path().join("x.toml")).unwrap();
    assert!(link.file_type().is_symlink());
    let text = std::fs::read_to_string(real.join("x.toml")).unwrap();
    assert!(text.contains("current = 58"), "{text}");
    assert_eq!(mode(&real.join("x.toml")), 0o640);
    // A new draft is created under the umask, not 0600.
    let status = std::process::Command::new("sh")
        .current_dir(dir.path())
        .arg("-c")
        .arg(format!(
            "umask 022 && {} draft x.toml -o new.docx",
            assert_cmd::cargo::cargo_bin("zongjie").display()
        ))
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(mode(&dir.path().join("new.docx")), 0o644);
}

#[test]
fn a_killed_runs_temporary_files_are_swept_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(common::example("xupu-2024.toml"), dir.path().join("x.toml")).unwrap();
    let out = dir.path().join("out");
    std::fs::create_dir(&out).unwrap();
    let old = out.join(".zongjie-killed.tmp");
    let fresh = out.join(".zongjie-running.tmp");
    let theirs = out.join("notes.tmp");
    for f in [&old, &fresh, &theirs] {
        std::fs::write(f, b"x").unwrap();
    }
    let touched = std::process::Command::new("touch")
        .args(["-d", "2 hours ago"])
        .arg(&old)
        .arg(&theirs)
        .status();
    if !touched.is_ok_and(|s| s.success()) {
        return;
    }
    zongjie(dir.path())
        .args(["draft", "x.toml", "-o", "out/x.docx"])
        .assert()
        .success();
    assert!(!old.exists(), "an old temporary file of ours is swept");
    assert!(fresh.exists(), "a recent one may be a run still writing");
    assert!(theirs.exists(), "files that are not ours stay");
}

// ---- 9. No input makes a command hang or blow up -----------------------------------------

#[test]
fn huge_years_many_blocks_endless_files_and_thread_counts_are_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(common::example("xupu-2024.toml")).unwrap();
    let quick = std::time::Duration::from_secs(30);
    // An outlook 2 billion years away took the compound growth forever.
    std::fs::write(
        dir.path().join("far.toml"),
        base.replacen(
            "[indicators.hte]\n",
            "[indicators.hte]\noutlook = { year = 2147483647, value = 100 }\n",
            1,
        ),
    )
    .unwrap();
    // 20,000 {{#if}} blocks in one paragraph took Handlebars half a minute.
    let blocks = "{{#if ind.hte.value}}甲{{/if}}".repeat(20_000);
    std::fs::write(
        dir.path().join("blocks.toml"),
        base.replacen(
            "[opening]\ntext = \"",
            &format!("[opening]\ntext = \"{blocks}"),
            1,
        ),
    )
    .unwrap();
    for (file, says) in [
        ("far.toml", "more than 50 years after"),
        ("blocks.toml", "more than 200 {{#if}} blocks"),
    ] {
        zongjie(dir.path())
            .args(["check", file])
            .timeout(quick)
            .assert()
            .code(1)
            .stderr(predicate::str::contains(says));
    }
    if Path::new("/dev/zero").exists() {
        zongjie(dir.path())
            .args(["check", "/dev/zero"])
            .timeout(quick)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("is not a regular file"));
    }
    // A pipe nobody writes to would block the read for ever.
    let fifo = dir.path().join("pipe.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        for args in [
            &["check", "pipe.toml"][..],
            &["import", "pipe.toml", "--into", "far.toml"][..],
        ] {
            zongjie(dir.path())
                .args(args)
                .timeout(quick)
                .assert()
                .code(1)
                .stderr(predicate::str::contains("not a regular file"));
        }
    }
    std::fs::copy(common::example("xupu-2024.toml"), dir.path().join("x.toml")).unwrap();
    zongjie(dir.path())
        .args(["batch", "x.toml", "--out", "out", "--jobs", "10000"])
        .timeout(quick)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "--jobs 10000 is more threads than are useful",
        ));
}

// ---- 11. Messages say what is wrong, and data cannot drive the terminal -------------------

#[test]
fn wide_encodings_escapes_long_names_and_bidi_are_told_apart() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::example("xupu-2024.toml")).unwrap();
    // UTF-16 (Notepad's "Unicode") is not GBK: iconv -f GBK would make it worse.
    let wide: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(dir.path().join("wide.toml"), wide).unwrap();
    zongjie(dir.path())
        .args(["check", "wide.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("UTF-16LE").and(predicate::str::contains("GBK").not()));
    // Escape sequences in the data are shown, never sent to the terminal.
    let escaped = text.replacen(
        "issuer = \"溆浦县科学技术局\"",
        "issuer = \"溆浦县\\u001b[2J\\u001b]0;title\\u0007科学技术局\"",
        1,
    );
    std::fs::write(dir.path().join("esc.toml"), escaped).unwrap();
    for command in ["check", "preview", "explain"] {
        let out = zongjie(dir.path())
            .args([command, "esc.toml"])
            .output()
            .unwrap();
        assert!(
            !out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b),
            "{command}"
        );
        assert!(
            !out.stdout.contains(&0x07) && !out.stderr.contains(&0x07),
            "{command}"
        );
    }
    // A name too long for the file system is not blamed on the disk.
    let long = format!("{}.docx", "长".repeat(100));
    std::fs::copy(common::example("xupu-2024.toml"), dir.path().join("x.toml")).unwrap();
    zongjie(dir.path())
        .args(["draft", "x.toml", "-o", &long])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("file name is too long"));
    // A bidi override cannot disguise a draft's name.
    let folder = huaihua(dir.path(), "counties");
    edit(
        &folder.join("xupu.toml"),
        "region = \"溆浦县\"",
        "region = \"溆浦\\u202Excod.县\"",
    );
    zongjie(dir.path())
        .args(["batch", "counties", "--out", "out"])
        .assert()
        .success();
    let names = files_under(&dir.path().join("out"));
    assert!(
        names
            .iter()
            .all(|p| !p.to_string_lossy().contains('\u{202E}')),
        "{names:?}"
    );
}

#[test]
fn a_catalogue_conflict_names_the_profile_entry_not_only_the_county_file() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    std::fs::create_dir_all(&profile).unwrap();
    let text =
        std::fs::read_to_string(common::example("huaihua-profile").join("profile.toml")).unwrap();
    // The city's profile gets 科技特派员 wrong; the county's file is right.
    let text = format!("{text}\n[indicators.envoys]\nname = \"科技特派员\"\nunit = \"万元\"\n");
    let line = text
        .lines()
        .position(|l| l == "[indicators.envoys]")
        .unwrap()
        + 1;
    std::fs::write(profile.join("profile.toml"), text).unwrap();
    let folder = huaihua(dir.path(), "counties");
    edit(
        &folder.join("xupu.toml"),
        "[indicators.envoys]\n",
        "[indicators.envoys]\nunit = \"人\"\n",
    );
    zongjie(dir.path())
        .args(["check", "counties/xupu.toml", "--profile", "profile"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("counties/xupu.toml")
                .and(predicate::str::contains(format!(
                    "the profile's catalogue (profile/profile.toml, line {line}) measures envoys in 万元, not 人"
                )))
                .and(predicate::str::contains(format!(
                    "correct [indicators.envoys] at profile/profile.toml, line {line}"
                ))),
        );
}

// ---- 10. check runs what draft runs, and reports everything at once ------------------------

#[test]
fn check_finds_what_draft_would_every_problem_and_every_placeholder() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::example("xupu-2024.toml")).unwrap();
    // Three citations of indicators that do not exist: all three, not the first.
    let cited = text.replacen(
        "[opening]\ntext = \"",
        "[opening]\ntext = \"{{ind.nope.value}}{{ind.zzz.summary}}{{cite \\\"none\\\"}}",
        1,
    );
    std::fs::write(dir.path().join("cited.toml"), cited).unwrap();
    let out = zongjie(dir.path())
        .args(["check", "cited.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    for key in ["nope", "zzz", "none"] {
        assert!(
            stderr.contains(&format!("there is no indicator \"{key}\"")),
            "{stderr}"
        );
    }
    // Several NaN and infinite figures: each one.
    let nan = text
        .replacen("current = 4.54", "current = nan", 1)
        .replacen("previous = 2.72", "previous = inf", 1);
    std::fs::write(dir.path().join("nan.toml"), nan).unwrap();
    let out = zongjie(dir.path())
        .args(["check", "nan.toml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("\"NaN\"") && stderr.contains("\"inf\""),
        "{stderr}"
    );
    // A template error is a check error too: check runs the templates draft runs.
    let profile = dir.path().join("p");
    std::fs::create_dir_all(profile.join("templates")).unwrap();
    std::fs::write(profile.join("profile.toml"), "[profile]\nname = \"x\"\n").unwrap();
    std::fs::write(
        profile.join("templates/opening.hbs"),
        "{{report.no_such_field}}",
    )
    .unwrap();
    std::fs::copy(common::example("xupu-2024.toml"), dir.path().join("x.toml")).unwrap();
    for command in ["check", "draft"] {
        zongjie(dir.path())
            .args([command, "--profile", "p", "x.toml"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("opening.hbs"));
    }
    // A file fresh from init never drafts as it stands.
    zongjie(dir.path())
        .args(["init", "--region", "某县", "--year", "2025", "new.toml"])
        .assert()
        .success();
    zongjie(dir.path())
        .args(["draft", "new.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "this figure is still the placeholder",
        ));
    assert!(!dir.path().join("out").exists());
}

// ---- From an adversarial review: more ways a set could be wrong -------------------------

#[test]
fn one_key_must_mean_one_thing_across_the_set() {
    let dir = tempfile::tempdir().unwrap();
    for (edit_to, says) in [
        // One county ranks high-tech firms the other way round.
        (
            "[indicators.hte]\nbetter = \"lower\"\n",
            "one set ranks it one way",
        ),
        // One county's figure is of another period.
        (
            "[indicators.hte]\nperiod = \"1-11月\"\n",
            "figures of different periods",
        ),
    ] {
        let folder = huaihua(dir.path(), &format!("c{}", says.len()));
        edit(&folder.join("xupu.toml"), "[indicators.hte]\n", edit_to);
        let name = folder.file_name().unwrap().to_str().unwrap().to_string();
        for command in ["rollup", "batch"] {
            zongjie(dir.path())
                .args([command, &name, "--out", &format!("out-{name}")])
                .assert()
                .code(1)
                .stderr(predicate::str::contains(says));
        }
    }
}

#[test]
fn a_city_or_county_typed_two_ways_is_one_and_two_cities_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    // A full-width space and a zero-width space: still 怀化市, ranked and summed.
    let folder = huaihua(dir.path(), "spaces");
    edit(
        &folder.join("xupu.toml"),
        "city = \"怀化市\"",
        "city = \"怀化市\u{3000}\"",
    );
    edit(
        &folder.join("chenxi.toml"),
        "city = \"怀化市\"",
        "city = \"怀化\u{200B}市\"",
    );
    zongjie(dir.path())
        .args(["rollup", "spaces", "--out", "out1"])
        .assert()
        .success()
        .stderr(predicate::str::contains("12 counties of 怀化市"));
    // One county given twice, once with a zero-width space in its name.
    let folder = huaihua(dir.path(), "twice");
    let text = std::fs::read_to_string(folder.join("xupu.toml")).unwrap();
    std::fs::write(
        folder.join("xupu-copy.toml"),
        text.replace("region = \"溆浦县\"", "region = \"溆浦\u{200B}县\""),
    )
    .unwrap();
    zongjie(dir.path())
        .args(["rollup", "twice", "--out", "out2"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("both 溆浦县's 2024 annual report"));
    // Counties of two cities in one folder: two roll-ups, not one that drops the other.
    let folder = huaihua(dir.path(), "two");
    edit(
        &folder.join("xupu.toml"),
        "city = \"怀化市\"",
        "city = \"岳阳市\"",
    );
    edit(
        &folder.join("chenxi.toml"),
        "city = \"怀化市\"",
        "city = \"岳阳市\"",
    );
    zongjie(dir.path())
        .args(["rollup", "two", "--out", "out3"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("report to 2 cities"));
}

#[test]
fn a_roll_up_keeps_the_decimals_a_converted_figure_needs() {
    let dir = tempfile::tempdir().unwrap();
    let folder = huaihua(dir.path(), "counties");
    // 溆浦县 gives its R&D spending in 万元: 45400 and 27200, i.e. 4.54 and 2.72 亿元.
    edit(
        &folder.join("xupu.toml"),
        "[indicators.rd_spend]\ncurrent = 4.54\nprevious = 2.72",
        "[indicators.rd_spend]\ninput_unit = \"万元\"\ncurrent = 45400\nprevious = 27200",
    );
    zongjie(dir.path())
        .args(["rollup", "counties", "--out", "out"])
        .assert()
        .success();
    let csv = std::fs::read_to_string(dir.path().join("out/怀化市-2024-汇总.csv")).unwrap();
    assert!(csv.contains(",溆浦县,4.54,2.72,"), "{csv}");
    assert!(
        csv.contains("全社会研发经费投入,亿元,合计,32.83,27.39,"),
        "{csv}"
    );
}

#[test]
fn outputs_never_replace_an_input_and_placeholders_and_tables_never_print() {
    let dir = tempfile::tempdir().unwrap();
    let folder = huaihua(dir.path(), "counties");
    // An input named like the roll-up's output, given on the command line with --force.
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let victim = dir.path().join("out/怀化市-2024-汇总.csv");
    std::fs::copy(folder.join("chenxi.toml"), &victim).unwrap();
    let before = std::fs::read(&victim).unwrap();
    let mut args: Vec<String> = vec!["rollup".into()];
    for entry in std::fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() != "chenxi.toml" {
            args.push(path.to_string_lossy().into_owned());
        }
    }
    args.extend([
        "out/怀化市-2024-汇总.csv".into(),
        "--out".into(),
        "out".into(),
        "--force".into(),
    ]);
    zongjie(dir.path())
        .args(&args)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is the data file itself"));
    assert_eq!(std::fs::read(&victim).unwrap(), before);
    // Placeholders in disguise, and citations of a whole table.
    let text = std::fs::read_to_string(common::example("xupu-2024.toml")).unwrap();
    for (from, to, says) in [
        (
            "[opening]\ntext = \"",
            "[opening]\ntext = \"(请在此填写)",
            "placeholder",
        ),
        (
            "[opening]\ntext = \"",
            "[opening]\ntext = \"（请在\u{200B}此填写）",
            "placeholder",
        ),
        (
            "current = 4.54",
            "current = 0#填写2024年数值",
            "placeholder",
        ),
        (
            "[opening]\ntext = \"",
            "[opening]\ntext = \"{{report}}",
            "names no field",
        ),
        (
            "[opening]\ntext = \"",
            "[opening]\ntext = \"{{ind.hte}}",
            "names no field",
        ),
    ] {
        std::fs::write(dir.path().join("x.toml"), text.replacen(from, to, 1)).unwrap();
        zongjie(dir.path())
            .args(["check", "x.toml"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(says));
    }
    // A bidi override is left out of the draft, as a warning says.
    std::fs::write(
        dir.path().join("x.toml"),
        text.replacen(
            "[opening]\ntext = \"",
            "[opening]\ntext = \"完成\u{202E}成完未\u{202C}。",
            1,
        ),
    )
    .unwrap();
    zongjie(dir.path())
        .args(["draft", "x.toml", "-o", "x.docx"])
        .assert()
        .success()
        .stderr(predicate::str::contains("U+202E"));
    let docx = std::fs::read(dir.path().join("x.docx")).unwrap();
    let xml = common::part(&docx, "word/document.xml");
    assert!(!xml.contains('\u{202E}') && xml.contains("完成成完未。"));
}

#[test]
fn a_thousand_findings_on_one_long_line_stay_small() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(common::example("xupu-2024.toml")).unwrap();
    let mut prose = "中".repeat(300_000);
    for i in 0..1_500 {
        prose.push_str(&format!("{{{{ind.missing{i}.value}}}}"));
    }
    std::fs::write(
        dir.path().join("x.toml"),
        text.replacen(
            "[opening]\ntext = \"",
            &format!("[opening]\ntext = \"{prose}"),
            1,
        ),
    )
    .unwrap();
    let out = zongjie(dir.path())
        .args(["check", "x.toml"])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // Each finding shows a window of the line, not the 900 KB line itself.
    assert!(out.stderr.len() < 2_000_000, "{} bytes", out.stderr.len());
}
