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
    std::fs::create_dir(dir.path().join("tpl")).unwrap();
    std::fs::write(dir.path().join("tpl/problem.hbs"), "x").unwrap();
    let example = common::example("xupu-2024.toml");
    zongjie(dir.path())
        .args(["draft", example.to_str().unwrap(), "--templates", "tpl"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("did you mean problems.hbs"));
}

#[test]
fn help_shows_examples() {
    let dir = tempfile::tempdir().unwrap();
    zongjie(dir.path())
        .args(["draft", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "zongjie draft examples/xupu-2024.toml",
        ));
}
