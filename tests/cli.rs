//! The `zongjie` binary, run as a user would.

mod common;

use assert_cmd::Command;
use predicates::prelude::*;

fn zongjie(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("zongjie").unwrap();
    cmd.current_dir(dir);
    cmd
}

#[test]
fn draft_writes_to_out_and_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let example = common::example("xupu-2024.toml");
    zongjie(dir.path())
        .args(["draft", example.to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote out/xupu-2024.docx"));
    let out = dir.path().join("out/xupu-2024.docx");
    let first = std::fs::read(&out).unwrap();
    assert_eq!(&first[..2], b"PK", "a zip package");

    std::fs::write(&out, b"clerk's edited copy").unwrap();
    zongjie(dir.path())
        .args(["draft", example.to_str().unwrap()])
        .assert()
        .failure()
        .code(1)
        .stderr(
            predicate::str::contains("already exists").and(predicate::str::contains("--force")),
        );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        b"clerk's edited copy",
        "left untouched"
    );

    zongjie(dir.path())
        .args(["draft", example.to_str().unwrap(), "--force"])
        .assert()
        .success();
    assert_eq!(&std::fs::read(&out).unwrap()[..2], b"PK");
}

#[test]
fn draft_with_output_creates_missing_folders() {
    let dir = tempfile::tempdir().unwrap();
    let example = common::example("yueyang-2022.toml");
    zongjie(dir.path())
        .args(["draft", example.to_str().unwrap(), "-o", "a/b/城市.docx"])
        .assert()
        .success();
    assert!(dir.path().join("a/b/城市.docx").is_file());
}

#[test]
fn bad_data_is_located_by_line_and_character_column() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bad.toml"),
        "[report]\nissuer = \"某县科学技术局\"\nregion = \"某县\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n\n[indicators.hte]\nname = \"高新技术企业\"\nunit = \"家\"\ncurrent = \"五十七\"\n",
    )
    .unwrap();
    zongjie(dir.path())
        .args(["draft", "bad.toml"])
        .assert()
        .failure()
        .code(1)
        .stderr(
            predicate::str::contains("bad.toml:11:11")
                .and(predicate::str::contains("not a number")),
        );
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn check_reports_every_file_and_fails_if_any_is_bad() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("gbk.toml"), [0xBF, 0xC6, 0xBC, 0xBC]).unwrap();
    let good = common::example("xupu-2024.toml");
    zongjie(dir.path())
        .args(["check", good.to_str().unwrap(), "gbk.toml", "."])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("xupu-2024.toml: ok")
                .and(predicate::str::contains("GBK"))
                .and(predicate::str::contains("is a folder"))
                .and(predicate::str::contains("2 of 3 files have errors")),
        );
}

#[test]
fn unknown_template_overrides_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("prof/templates")).unwrap();
    std::fs::write(dir.path().join("prof/profile.toml"), "").unwrap();
    std::fs::write(dir.path().join("prof/templates/indicator.hbs"), "x").unwrap();
    let example = common::example("xupu-2024.toml");
    zongjie(dir.path())
        .args(["draft", example.to_str().unwrap(), "--profile", "prof"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("did you mean indicators.hbs"));
}

/// A city's profile: init starts a county in its outline; check lists where a county
/// departs; draft applies its house style.
#[test]
fn a_profile_starts_checks_and_styles_a_countys_file() {
    let dir = tempfile::tempdir().unwrap();
    let profile = common::example("huaihua-profile");
    let profile = profile.to_str().unwrap();
    zongjie(dir.path())
        .args([
            "init",
            "--profile",
            profile,
            "--region",
            "溆浦县",
            "--year",
            "2025",
            "x.toml",
        ])
        .assert()
        .success();
    let text = std::fs::read_to_string(dir.path().join("x.toml")).unwrap();
    assert!(
        text.contains("title = \"{{report.work_period}}工作情况\""),
        "{text}"
    );
    // Its placeholders are errors until written over.
    zongjie(dir.path())
        .args(["check", "--profile", profile, "x.toml"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("placeholder"));
    let text = common::filled_in(&text);
    std::fs::write(dir.path().join("x.toml"), &text).unwrap();
    zongjie(dir.path())
        .args(["check", "--profile", profile, "x.toml"])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning").not());

    // Three departures: a renamed part, a part dropped, and the house numbering changed.
    let departed = text
        .replace("title = \"存在的问题\"", "title = \"问题和不足\"")
        .replace("# level3 = \"1、\"  ", "level3 = \"1.\"");
    std::fs::write(dir.path().join("y.toml"), departed).unwrap();
    zongjie(dir.path())
        .args(["check", "--profile", profile, "y.toml"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("the profile's section \"存在的问题\" is missing")
                .and(predicate::str::contains(
                    "\"问题和不足\" is not a section of the profile",
                ))
                .and(predicate::str::contains(
                    "level3 = 1. departs from the profile's 1、",
                )),
        );
    zongjie(dir.path())
        .args(["check", "--strict", "--profile", profile, "y.toml"])
        .assert()
        .failure();

    // The profile's style runs level-2 headings into their text.
    zongjie(dir.path())
        .args(["draft", "--profile", profile, "x.toml", "-o", "x.docx"])
        .assert()
        .success();
    let docx = std::fs::read(dir.path().join("x.docx")).unwrap();
    let paragraphs = common::paragraphs(&common::part(&docx, "word/document.xml"));
    assert!(
        paragraphs
            .iter()
            .any(|p| p.starts_with("（一）主要科技指标完成情况。2025年")),
        "{paragraphs:?}"
    );
}

#[test]
fn help_shows_examples_for_every_command() {
    let dir = tempfile::tempdir().unwrap();
    zongjie(dir.path())
        .args(["draft", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "zongjie draft examples/xupu-2024.toml",
        ));
    let commands = [
        "draft",
        "check",
        "explain",
        "init",
        "next",
        "import",
        "preview",
        "completions",
        "man",
        "schema",
    ];
    for command in commands {
        zongjie(dir.path())
            .args([command, "--help"])
            .assert()
            .success()
            .stdout(
                predicate::str::contains("Example")
                    .and(predicate::str::contains(format!("zongjie {command}"))),
            );
    }
    // The top-level help lists them all.
    let top = zongjie(dir.path()).arg("--help").output().unwrap();
    let top = String::from_utf8(top.stdout).unwrap();
    for command in commands {
        assert!(top.contains(&format!("  {command} ")), "{command} in {top}");
    }
}

#[test]
fn explain_prints_every_figure_of_every_example_as_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let mut files: Vec<_> = std::fs::read_dir(common::example(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.push(common::fixture("comparisons.toml"));
    assert!(files.len() >= 3);
    for file in files {
        let file = file.to_str().unwrap();
        let text = zongjie(dir.path())
            .args(["explain", file])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(text).unwrap();
        let json = zongjie(dir.path())
            .args(["explain", file, "--format", "json"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let entries = json.as_array().expect("a JSON array");
        assert!(!entries.is_empty(), "{file}");
        for e in entries {
            for field in [
                "key",
                "name",
                "kind",
                "formula",
                "formula_zh",
                "exact",
                "value",
                "text",
                "provenance",
            ] {
                assert!(e[field].is_string(), "{file}: {field} in {e}");
            }
            assert!(e["inputs"].is_object(), "{file}: {e}");
            assert!(text.contains(e["text"].as_str().unwrap()), "{file}: {e}");
        }
        let stated = entries
            .iter()
            .filter(|e| e["provenance"] == "stated")
            .count();
        let footer = if stated == 0 {
            format!("{} figures computed", entries.len())
        } else {
            format!(
                "{} figures: {} computed, {stated} stated by the file",
                entries.len(),
                entries.len() - stated
            )
        };
        assert!(text.contains(&footer), "{file}: {footer}");
    }
}

#[test]
fn explain_shows_inputs_formula_and_rounding_of_a_published_figure() {
    let dir = tempfile::tempdir().unwrap();
    let out = zongjie(dir.path())
        .args([
            "explain",
            common::fixture("comparisons.toml").to_str().unwrap(),
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let growth = json
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == "rd_spend" && e["kind"] == "yoy_percent")
        .expect("the growth of rd_spend");
    assert_eq!(growth["inputs"]["current"], "4.54");
    assert_eq!(growth["inputs"]["previous"], "2.72");
    assert_eq!(growth["exact"], "66.9117647059");
    assert_eq!(growth["value"], "66.9");
    assert_eq!(growth["text"], "增长66.9%");
}

#[test]
fn draft_audit_goes_on_the_last_page_or_beside_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let example = common::example("xupu-2024.toml");
    zongjie(dir.path())
        .args([
            "draft",
            example.to_str().unwrap(),
            "-o",
            "a.docx",
            "--audit",
        ])
        .assert()
        .success();
    let docx = std::fs::read(dir.path().join("a.docx")).unwrap();
    let paragraphs = common::paragraphs(&common::part(&docx, "word/document.xml"));
    assert!(paragraphs.iter().any(|p| p == "数据核对表"));
    assert!(paragraphs.iter().any(|p| p == "完成目标任务的108.1%"));

    zongjie(dir.path())
        .args(["draft", example.to_str().unwrap(), "-o", "b.docx"])
        .args(["--audit", "json"])
        .assert()
        .success();
    let json = std::fs::read_to_string(dir.path().join("b.audit.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(json.as_array().unwrap().len() > 20);
    let plain = common::part(
        &std::fs::read(dir.path().join("b.docx")).unwrap(),
        "word/document.xml",
    );
    assert!(
        !plain.contains("数据核对表"),
        "json mode leaves the DOCX alone"
    );
    // An existing audit file is not overwritten without --force.
    zongjie(dir.path())
        .args([
            "draft",
            example.to_str().unwrap(),
            "-o",
            "c.docx",
            "--audit",
            "json",
        ])
        .assert()
        .success();
    std::fs::remove_file(dir.path().join("c.docx")).unwrap();
    zongjie(dir.path())
        .args([
            "draft",
            example.to_str().unwrap(),
            "-o",
            "c.docx",
            "--audit",
            "json",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("c.audit.json already exists"));
}

#[test]
fn strict_turns_consistency_warnings_into_errors() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("slip.toml");
    std::fs::write(
        &data,
        "[report]\nissuer = \"某市科学技术局\"\nregion = \"某市\"\nyear = 2022\nkind = \"annual\"\ndate = 2022-12-20\n\n\
         [indicators.rdi]\nname = \"研发投入强度\"\nunit = \"%\"\ncurrent = 2.23\nprevious = 1.57\n\n\
         [opening]\ntext = \"研发投入强度提升至2.23%,同比增长0.66%。\"\n",
    )
    .unwrap();
    zongjie(dir.path())
        .args(["check", "slip.toml"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("warning: 研发投入强度 is a ratio")
                .and(predicate::str::contains("slip.toml:15:26"))
                .and(predicate::str::contains("{{ind.rdi.points}}")),
        );
    zongjie(dir.path())
        .args(["check", "--strict", "slip.toml"])
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains("error: 研发投入强度 is a ratio"));
    zongjie(dir.path())
        .args(["draft", "--strict", "slip.toml"])
        .assert()
        .failure()
        .code(1);
    // A batch shows each drafted file's warnings, located in that file.
    let folder = dir.path().join("counties");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(&data, folder.join("slip.toml")).unwrap();
    zongjie(dir.path())
        .args(["batch", "counties", "--out", "drafts"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("warning: 研发投入强度 is a ratio")
                .and(predicate::str::contains("slip.toml:15:26"))
                .and(predicate::str::contains("drafted 1 of 1 files")),
        );
    assert!(!dir.path().join("out/slip.docx").exists());
}

#[test]
fn inputs_that_are_not_data_files_are_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("huge.toml"), vec![b'#'; 5 * 1024 * 1024]).unwrap();
    zongjie(dir.path())
        .args(["check", "huge.toml", "missing.toml"])
        .assert()
        .failure()
        .code(1)
        .stderr(
            predicate::str::contains("huge.toml is 5242880 bytes")
                .and(predicate::str::contains("cannot read missing.toml"))
                .and(predicate::str::contains("2 of 2 files have errors")),
        );
}

#[test]
fn a_refused_draft_writes_nothing_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.toml"), "[report]\nissuer = 某县\n").unwrap();
    std::fs::create_dir(dir.path().join("out")).unwrap();
    std::fs::write(dir.path().join("out/bad.docx"), b"old draft").unwrap();
    zongjie(dir.path())
        .args(["draft", "bad.toml", "--force"])
        .assert()
        .failure()
        .code(1);
    let left: Vec<_> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["bad.docx"], "no temporary file left behind");
    assert_eq!(
        std::fs::read(dir.path().join("out/bad.docx")).unwrap(),
        b"old draft"
    );
}

#[test]
fn a_killed_draft_leaves_the_old_file_or_a_whole_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let example = common::example("xupu-2024.toml");
    let out = dir.path().join("draft.docx");
    let bin = assert_cmd::cargo::cargo_bin("zongjie");
    for round in 0..24u64 {
        std::fs::write(&out, b"old draft").unwrap();
        let mut child = std::process::Command::new(&bin)
            .args(["draft", example.to_str().unwrap(), "--force", "-o"])
            .arg(&out)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Kill at a spread of moments, from before the write to after it.
        std::thread::sleep(std::time::Duration::from_micros(round * 6000));
        let _ = child.kill();
        let _ = child.wait();
        let bytes = std::fs::read(&out).unwrap();
        if bytes != b"old draft" {
            let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes));
            assert!(
                zip.is_ok_and(|z| z.len() > 5),
                "round {round}: a whole package"
            );
        }
    }
}

#[test]
fn init_writes_a_file_that_checks_and_drafts_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    zongjie(dir.path())
        .args(["init", "--region", "溆浦县", "--year", "2025", "new.toml"])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote new.toml"));
    let text = std::fs::read_to_string(dir.path().join("new.toml")).unwrap();
    assert!(
        text.starts_with("#:schema ./zongjie.schema.json\n"),
        "{text}"
    );
    assert!(text.contains("issuer = \"溆浦县科学技术局\""));
    assert!(dir.path().join("zongjie.schema.json").exists());
    // Never drafted as it stands: 0亿元 would print as a fact.
    for command in ["check", "draft"] {
        zongjie(dir.path())
            .args([command, "new.toml"])
            .assert()
            .failure()
            .stderr(
                predicate::str::contains("this figure is still the placeholder (# 填写2025年数值)")
                    .and(predicate::str::contains("still holds the placeholder")),
            );
    }
    assert!(!dir.path().join("out/new.docx").exists());
    std::fs::write(dir.path().join("new.toml"), common::filled_in(&text)).unwrap();
    zongjie(dir.path())
        .args(["check", "new.toml"])
        .assert()
        .success();
    zongjie(dir.path())
        .args(["draft", "new.toml"])
        .assert()
        .success();
    assert!(dir.path().join("out/new.docx").exists());
    // Hand-filled work is never replaced.
    std::fs::write(dir.path().join("new.toml"), "mine").unwrap();
    zongjie(dir.path())
        .args(["init", "new.toml"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("new.toml already exists"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("new.toml")).unwrap(),
        "mine"
    );
    // A half-year skeleton, named from region and year.
    zongjie(dir.path())
        .args([
            "init",
            "--kind",
            "half-year",
            "--region",
            "某县",
            "--year",
            "2026",
        ])
        .assert()
        .success();
    let half = std::fs::read_to_string(dir.path().join("某县-2026.toml")).unwrap();
    assert!(half.contains("kind = \"half-year\""));
    std::fs::write(dir.path().join("某县-2026.toml"), common::filled_in(&half)).unwrap();
    zongjie(dir.path())
        .args(["check", "某县-2026.toml"])
        .assert()
        .success();
}

#[test]
fn preview_prints_numbered_headings_and_highlights_computed_figures() {
    let dir = tempfile::tempdir().unwrap();
    let example = common::example("xupu-2024.toml");
    let plain = zongjie(dir.path())
        .args(["preview", example.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(plain.status.success());
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(plain.contains("一、2024年工作情况"), "{plain}");
    assert!(plain.contains("全社会研发经费投入4.54亿元，同比增长66.9%"));
    assert!(!plain.contains('\u{1b}'), "no colour when piped");
    let coloured = zongjie(dir.path())
        .args(["preview", example.to_str().unwrap(), "--color", "always"])
        .output()
        .unwrap();
    let coloured = String::from_utf8(coloured.stdout).unwrap();
    assert!(
        coloured.contains("\u{1b}[1;36m同比增长66.9%\u{1b}[0m"),
        "{coloured}"
    );
    assert!(!dir.path().join("out").exists(), "preview writes nothing");
}

#[test]
fn completions_and_man_page_are_generated() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        zongjie(dir.path())
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("preview").and(predicate::str::contains("explain")));
    }
    zongjie(dir.path())
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains(".TH zongjie").and(predicate::str::contains("draft")));
}

#[test]
fn next_carries_values_and_targets_into_next_years_file() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(common::example("xupu-2024.toml")).unwrap();
    std::fs::write(dir.path().join("xupu-2024.toml"), &original).unwrap();
    zongjie(dir.path())
        .args(["next", "xupu-2024.toml"])
        .assert()
        .success()
        .stderr(predicate::str::contains("wrote xupu-2025.toml"));
    let next = std::fs::read_to_string(dir.path().join("xupu-2025.toml")).unwrap();
    let file: toml::Table = next.parse().unwrap();
    assert_eq!(file["report"]["year"].as_integer(), Some(2025));
    let rd = &file["indicators"]["rd_spend"];
    // This year's value is last year's now; the plan target is this year's target.
    assert_eq!(rd["previous"].as_float(), Some(4.54));
    assert_eq!(rd["target"].as_float(), Some(5.1));
    assert!(rd.get("next_target").is_none());
    assert_eq!(rd["current"].as_integer(), Some(0));
    // An indicator with history keeps its series whole.
    let hte = file["indicators"]["hte"]["history"].as_table().unwrap();
    assert_eq!(hte["2023"].as_integer(), Some(46));
    // The clerk's comments and the key order survive.
    let head: Vec<&str> = original.lines().take(6).collect();
    assert_eq!(next.lines().take(6).collect::<Vec<_>>(), head);
    assert!(next.contains("current = 0   # 填写2025年数值\nprevious = 4.54\ntarget = 5.1"));
    // The narrative is emptied to placeholders, errors until written over; then it checks.
    assert!(next.contains("请填写2025年的工作标题"));
    zongjie(dir.path())
        .args(["check", "xupu-2025.toml"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("indicators.rd_spend.current"));
    std::fs::write(dir.path().join("xupu-2025.toml"), common::filled_in(&next)).unwrap();
    zongjie(dir.path())
        .args(["check", "xupu-2025.toml"])
        .assert()
        .success();
    zongjie(dir.path())
        .args(["next", "xupu-2024.toml"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists"));
}

#[test]
fn import_fills_figures_from_a_spreadsheet_and_reports_rows_it_cannot_match() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        common::example("xupu-2024.toml"),
        dir.path().join("xupu-2024.toml"),
    )
    .unwrap();
    zongjie(dir.path())
        .args(["next", "xupu-2024.toml"])
        .assert()
        .success();
    let before = std::fs::read_to_string(dir.path().join("xupu-2025.toml")).unwrap();
    let sheet = common::fixture("indicators-2025.xlsx");
    // A dry run changes nothing.
    zongjie(dir.path())
        .args([
            "import",
            sheet.to_str().unwrap(),
            "--into",
            "xupu-2025.toml",
            "--dry-run",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("rd_spend.current: 0 → 5.12"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("xupu-2025.toml")).unwrap(),
        before
    );
    zongjie(dir.path())
        .args([
            "import",
            sheet.to_str().unwrap(),
            "--into",
            "xupu-2025.toml",
        ])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("row 8: \"科技特派员\" matches no indicator").and(
                predicate::str::contains("updated xupu-2025.toml (4 values)"),
            ),
        );
    let after = std::fs::read_to_string(dir.path().join("xupu-2025.toml")).unwrap();
    // 51200万元 in the sheet is 5.12亿元 in the file; the rest of the file is untouched.
    assert!(
        after.contains("current = 5.12\nprevious = 4.54\ntarget = 5.1"),
        "{after}"
    );
    assert!(
        after.contains("[indicators.hte]\nname = \"高新技术企业\"\nunit = \"家\"\ncurrent = 63\n")
    );
    fn untouched(t: &str) -> Vec<&str> {
        t.lines().filter(|l| !l.starts_with("current")).collect()
    }
    assert_eq!(untouched(&after), untouched(&before));

    // CSV with English headers and keys; a unit that cannot be converted is refused by row.
    std::fs::write(
        dir.path().join("figures.csv"),
        "key,unit,current,target\ncontract_value,亿元,14.2,15\ninvention_patents,亿元,170,\n",
    )
    .unwrap();
    zongjie(dir.path())
        .args(["import", "figures.csv", "--into", "xupu-2025.toml"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "contract_value.target: (none) → 15",
        ))
        .stderr(predicate::str::contains(
            "row 3: 有效发明专利 is in 亿元 in the sheet but 件 in the data file",
        ));
    // The file is whole: what check still finds are the placeholders left to fill.
    let out = zongjie(dir.path())
        .args(["check", "xupu-2025.toml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let other: Vec<&str> = stderr
        .lines()
        .filter(|l| {
            l.starts_with("error:")
                && !l.contains("placeholder")
                && !l.contains("files have errors")
        })
        .collect();
    assert!(other.is_empty(), "{stderr}");
    // The imported figures are no longer placeholders.
    assert!(!stderr.contains("indicators.rd_spend.current"), "{stderr}");
}

#[test]
fn schema_prints_the_checked_in_schema() {
    let dir = tempfile::tempdir().unwrap();
    let printed = zongjie(dir.path()).arg("schema").output().unwrap();
    let checked_in = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/report.schema.json"),
    )
    .unwrap();
    assert!(printed.status.success());
    assert_eq!(printed.stdout, checked_in);
}

/// A copy of the 怀化 folder to work in.
fn huaihua(dir: &std::path::Path) -> std::path::PathBuf {
    let folder = dir.join("huaihua");
    std::fs::create_dir(&folder).unwrap();
    for entry in std::fs::read_dir(common::example("huaihua-2024")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
    }
    folder
}

#[test]
fn batch_drafts_a_citys_counties_with_ranks_and_survives_a_bad_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = huaihua(dir.path());
    assert!(
        std::fs::read_dir(&folder).unwrap().count() >= 13,
        "12 counties and the city"
    );
    std::fs::write(folder.join("broken.toml"), "[report]\nissuer = 某县\n").unwrap();
    zongjie(dir.path())
        .args(["batch", "huaihua", "--out", "drafts"])
        .assert()
        .failure()
        .code(1)
        .stderr(
            predicate::str::contains("broken.toml:2:10")
                .and(predicate::str::contains(
                    "drafted 13 of 14 files into drafts",
                ))
                .and(predicate::str::contains("1 failed")),
        );
    let drafted: Vec<String> = std::fs::read_dir(dir.path().join("drafts"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(drafted.len(), 13, "{drafted:?}");
    assert!(drafted.contains(&"溆浦县-2024.docx".to_string()));
    // The county's draft cites its computed rank and the gaps to its neighbours.
    let docx = std::fs::read(dir.path().join("drafts/溆浦县-2024.docx")).unwrap();
    let text = common::paragraphs(&common::part(&docx, "word/document.xml")).join("\n");
    assert!(
        text.contains("全县全社会研发经费投入4.54亿元，同比增长66.9%，居怀化市第二位；"),
        "the first rank names the city: {text}"
    );
    assert!(
        text.contains("高新技术企业57家，比上年增加11家，居第三位，比上年前移1位"),
        "later ranks in the same sentence do not repeat it: {text}"
    );
    assert!(text.contains("居怀化市第三位，比前一名中方县少6家，比后一名洪江市多12家"));
    // The city's own report is not ranked among its counties.
    let city = std::fs::read(dir.path().join("drafts/怀化市-2024.docx")).unwrap();
    assert!(!common::part(&city, "word/document.xml").contains("居怀化市"));
}

#[test]
fn rollup_totals_check_against_the_citys_own_figures() {
    let dir = tempfile::tempdir().unwrap();
    let folder = huaihua(dir.path());
    zongjie(dir.path())
        .args(["rollup", "huaihua"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "12 counties of 怀化市, 8 indicators, 6 totals checked",
        ));
    let csv = std::fs::read_to_string(dir.path().join("out/怀化市-2024-汇总.csv")).unwrap();
    assert!(csv.starts_with('\u{feff}'), "a BOM for Excel");
    assert!(
        csv.contains("全社会研发经费投入,亿元,合计,32.83,27.39,增长19.9%,"),
        "{csv}"
    );
    assert!(csv.contains("全社会研发经费投入,亿元,溆浦县,4.54,2.72,增长66.9%,2,12"));
    assert!(csv.contains("研发经费投入强度,%,鹤城区,2.31,2.16,提高0.15个百分点,1,12"));
    assert!(
        !csv.contains("研发经费投入强度,%,合计"),
        "ratios are not summed"
    );
    let docx = std::fs::read(dir.path().join("out/怀化市-2024-汇总.docx")).unwrap();
    assert!(common::part(&docx, "word/document.xml").contains("怀化市各县市区主要科技指标汇总表"));

    // A city figure that is not its counties' sum is reported, and refused with --strict.
    let city = folder.join("huaihua.toml");
    let text = std::fs::read_to_string(&city).unwrap();
    std::fs::write(&city, text.replacen("current = 32.83", "current = 33.1", 1)).unwrap();
    zongjie(dir.path())
        .args(["rollup", "huaihua", "--force"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "怀化市 states 全社会研发经费投入 as 33.10亿元, but its counties add up to 32.83亿元: a difference of 0.27亿元",
        ));
    let csv = std::fs::read_to_string(dir.path().join("out/怀化市-2024-汇总.csv")).unwrap();
    assert!(
        csv.contains("全社会研发经费投入,亿元,市级填报,33.10,,0.27,"),
        "{csv}"
    );
    zongjie(dir.path())
        .args(["rollup", "huaihua", "--force", "--strict"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("error: 怀化市 states"));
}

#[test]
fn a_stated_rank_is_printed_and_checked_against_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    let folder = huaihua(dir.path());
    // The province published 溆浦县 fifth among 怀化's counties; the batch ranks it third.
    let xupu = folder.join("xupu.toml");
    let text = std::fs::read_to_string(&xupu).unwrap().replacen(
        "[indicators.hte]\n",
        "[indicators.hte]\nstated_rank = { scope = \"怀化市\", position = 5, last_position = 6 }\nsource = \"怀化市统计局\"\n",
        1,
    );
    std::fs::write(&xupu, text).unwrap();
    zongjie(dir.path())
        .args(["batch", "huaihua", "--out", "drafts"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "the stated rank of 高新技术企业数 in 怀化市 is 5, but among the files ranked together it is 3 of 12",
        ));
    let docx = std::fs::read(dir.path().join("drafts/溆浦县-2024.docx")).unwrap();
    let text = common::paragraphs(&common::part(&docx, "word/document.xml")).join("\n");
    // The published rank is the one printed, its move from last year with it.
    assert!(
        text.contains("高新技术企业57家，比上年增加11家，居第五位，比上年前移1位"),
        "{text}"
    );
    // --strict refuses the file whose ranks disagree.
    zongjie(dir.path())
        .args(["batch", "huaihua", "--out", "strict", "--strict"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("stated_rank.position"));
}

#[test]
fn explain_marks_stated_figures_with_their_source() {
    let dir = tempfile::tempdir().unwrap();
    let example = common::example("hongjiang-2022.toml");
    let out = zongjie(dir.path())
        .args(["explain", example.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let entries: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stated: Vec<&serde_json::Value> = entries
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["provenance"] == "stated")
        .collect();
    // Three stated growth rates and three stated ranks, all from the city's statistics bureau.
    let kinds = |kind: &str| stated.iter().filter(|e| e["kind"] == kind).count();
    assert_eq!(kinds("stated_growth"), 3, "{stated:?}");
    assert_eq!(kinds("stated_rank"), 3, "{stated:?}");
    assert!(stated.iter().all(|e| e["source"] == "怀化市统计局"));
    let hti = stated
        .iter()
        .find(|e| e["key"] == "hti_value_added" && e["kind"] == "stated_growth")
        .unwrap();
    assert_eq!(hti["text"], "增长19.18%");
    assert_eq!(hti["formula_zh"], "据怀化市统计局报送");
    // Computed figures say so.
    assert!(
        entries
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["provenance"] == "computed")
    );
    let text = zongjie(dir.path())
        .args(["explain", example.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("报送增速") && text.contains("据怀化市统计局报送"),
        "{text}"
    );
}
