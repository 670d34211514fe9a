//! `zongjie adopt`: a published summary read back into a data file that drafts it again.

mod common;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use zongjie::load::Source;
use zongjie::narrate::TemplateSet;
use zongjie::ops::adopt;
use zongjie::outline::{Block, Outline};

fn draft(source: &Source) -> zongjie::Draft {
    zongjie::draft(
        source,
        &TemplateSet::built_in(),
        zongjie::Options::default(),
    )
    .unwrap_or_else(|e| panic!("{} drafts:\n{e}\n{}", source.path.display(), source.text))
}

/// The document's text as a reader sees it: the title, each heading with its level and
/// whether it runs in, each paragraph, each table's cells.
fn text(outline: &Outline) -> Vec<String> {
    let mut out = vec![outline.title.concat()];
    for block in &outline.blocks {
        out.push(match block {
            Block::Heading {
                level,
                number,
                text,
                run_in,
                ..
            } => format!(
                "H{level} {number}{text} | {}",
                run_in.as_deref().unwrap_or("")
            ),
            Block::Paragraph { text } => text.clone(),
            Block::Table(t) => format!("{:?}", (&t.caption, &t.header, &t.rows)),
            other => format!("{other:?}"),
        });
    }
    out
}

#[test]
fn every_example_drafts_the_same_document_after_a_round_trip() {
    for path in common::examples() {
        let first = draft(&Source::read(&path).unwrap());
        let adopted = adopt::adopt_bytes(&path, &first.docx, zongjie::Options::default())
            .unwrap_or_else(|e| panic!("{} adopts: {e}", path.display()));
        let again = draft(&Source::new(
            path.with_extension("adopted.toml"),
            adopted.toml.clone(),
        ));
        let (before, after) = (text(&first.outline), text(&again.outline));
        assert_eq!(before.len(), after.len(), "{}", path.display());
        // Figures printed rounded from finer ones (input_unit) cannot be recovered from the
        // page: the table's growth may then differ, and adopt must say so.
        let rounded = std::fs::read_to_string(&path)
            .unwrap()
            .contains("input_unit");
        for (b, a) in before.iter().zip(&after) {
            if b != a && rounded && b.starts_with('(') {
                assert!(
                    adopted.unsure.iter().any(|u| u.contains("rounded")),
                    "{}: a table differs and adopt did not say why: {:?}",
                    path.display(),
                    adopted.unsure
                );
                continue;
            }
            assert_eq!(b, a, "{}:\n{}", path.display(), adopted.toml);
        }
        // It is data, not a copy: the example's figures are cited, not typed.
        assert!(
            adopted.indicators.iter().map(|i| i.2).sum::<usize>() >= 3,
            "{}: few citations\n{}",
            path.display(),
            adopted.toml
        );
    }
}

#[test]
fn a_round_trip_recomputes_next_years_figures() {
    let path = common::example("xupu-2024.toml");
    let first = draft(&Source::read(&path).unwrap());
    let adopted = adopt::adopt_bytes(&path, &first.docx, zongjie::Options::default()).unwrap();
    // The growth is cited, so a changed figure changes it.
    assert!(
        adopted.toml.contains("{{ind.rd_spend.growth}}"),
        "{}",
        adopted.toml
    );
    let changed = adopted.toml.replacen("current = 4.54", "current = 5.44", 1);
    let again = draft(&Source::new("changed.toml", changed));
    let all = text(&again.outline).join("\n");
    assert!(all.contains("5.44亿元"), "{all}");
    assert!(all.contains("增长100.0%"), "{all}");
    assert!(!all.contains("增长66.9%"), "{all}");
}

fn zongjie(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("zongjie").unwrap();
    cmd.current_dir(dir);
    cmd
}

#[test]
fn adopt_writes_the_data_file_and_reports_what_it_found() {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("2024年工作总结.docx");
    let first = draft(&Source::read(&common::example("xupu-2024-sections.toml")).unwrap());
    std::fs::write(&docx, &first.docx).unwrap();
    zongjie(dir.path())
        .args(["adopt", "2024年工作总结.docx", "-o", "xupu-2024.toml"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("wrote xupu-2024.toml")
                .and(predicate::str::contains("rd_spend"))
                .and(predicate::str::contains("zongjie check")),
        );
    zongjie(dir.path())
        .args(["check", "xupu-2024.toml"])
        .assert()
        .success();
    // Not over a file the clerk has, unless told.
    zongjie(dir.path())
        .args(["adopt", "2024年工作总结.docx", "-o", "xupu-2024.toml"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--force"));
    // Nor over the document it reads.
    zongjie(dir.path())
        .args([
            "adopt",
            "2024年工作总结.docx",
            "-o",
            "2024年工作总结.docx",
            "--force",
        ])
        .assert()
        .failure();
    assert_eq!(std::fs::read(&docx).unwrap(), first.docx);
}

#[test]
fn what_is_not_a_summary_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/indicators-2025.xlsx"),
    )
    .unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let no_headings = "2024年，我局认真履行职责，各项工作取得新进展。\n全年走访企业30家。\n";
    let cases: [(&str, &[u8], &str); 4] = [
        ("指标.xlsx", &sheet, "spreadsheet"),
        ("scan.png", png, "image"),
        ("empty.txt", b"", "empty"),
        ("plain.txt", no_headings.as_bytes(), "no headings"),
    ];
    for (name, bytes, says) in cases {
        std::fs::write(dir.path().join(name), bytes).unwrap();
        zongjie(dir.path())
            .args(["adopt", name, "-o", "out.toml"])
            .assert()
            .failure()
            .code(1)
            .stderr(predicate::str::contains(says).and(predicate::str::contains(name)));
        assert!(
            !dir.path().join("out.toml").exists(),
            "{name}: nothing written"
        );
    }
    // 100 MB, sparse: refused by its size without being read whole.
    let big = dir.path().join("big.txt");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(100 * 1024 * 1024)
        .unwrap();
    zongjie(dir.path())
        .args(["adopt", "big.txt", "-o", "out.toml"])
        .assert()
        .failure()
        .code(1)
        .stderr(predicate::str::contains("larger than"));
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml") || n.contains(".tmp"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

// ---- The reference documents (../shared/reference, not part of the repository) ----------

#[derive(serde::Deserialize)]
struct HandMade {
    headings: Vec<(u8, bool, String)>,
    figures: Vec<(String, String, String)>,
}

fn reference(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/reference")
        .join(name)
}

/// A figure as printed, read into its number and unit: 4.54亿元 → (4.54, 亿元).
fn figure(text: &str) -> (f64, String) {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    (text[..end].parse().unwrap(), text[end..].to_string())
}

/// The figures of an adopted file: each indicator's value and next target.
fn found_figures(toml: &str) -> Vec<(f64, String)> {
    let file: toml::Table = toml::from_str(toml).unwrap();
    let mut out = Vec::new();
    let Some(indicators) = file.get("indicators").and_then(|i| i.as_table()) else {
        return out;
    };
    for ind in indicators.values() {
        let unit = ind["unit"].as_str().unwrap().to_string();
        let number = |v: &toml::Value| v.as_float().or(v.as_integer().map(|i| i as f64)).unwrap();
        out.push((number(&ind["current"]), unit.clone()));
        if let Some(t) = ind.get("next_target") {
            out.push((number(t), unit));
        }
    }
    out
}

fn listed(hand: &HandMade, kinds: &[&str]) -> Vec<(f64, String)> {
    hand.figures
        .iter()
        .filter(|f| kinds.is_empty() || kinds.contains(&f.0.as_str()))
        .map(|f| figure(&f.2))
        .collect()
}

/// How many of the hand list's figures of `kinds` adopt found, of how many.
fn recall(hand: &HandMade, found: &[(f64, String)], kinds: &[&str]) -> (usize, usize) {
    let wanted = listed(hand, kinds);
    let hits = wanted.iter().filter(|w| found.contains(w)).count();
    (hits, wanted.len())
}

#[test]
#[ignore = "needs ../shared/reference, and LibreOffice for the .docx half; run by .ci/run"]
fn the_reference_documents_adopt_check_and_draft_with_their_outline() {
    let soffice = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok();
    let mut report = Vec::new();
    for name in [
        "county-annual-2024",
        "county-half-year-2021",
        "city-annual-2022",
    ] {
        let txt = reference(&format!("{name}.txt"));
        assert!(txt.exists(), "{} is needed", txt.display());
        let hand: HandMade = toml::from_str(
            &std::fs::read_to_string(
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("tests/fixtures/adopt")
                    .join(format!("{name}.toml")),
            )
            .unwrap(),
        )
        .unwrap();
        let adopted = adopt::adopt(&txt, zongjie::Options::default()).unwrap();
        let source = Source::new(format!("{name}.toml"), adopted.toml.clone());
        let checked = zongjie::check(&source, zongjie::Options::default())
            .unwrap_or_else(|e| panic!("{name} checks:\n{e}\n{}", adopted.toml));
        drop(checked);
        let drafted = draft(&source);
        let headings: Vec<(u8, bool, String)> = drafted
            .outline
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading {
                    level,
                    text,
                    run_in,
                    ..
                } => Some((
                    *level,
                    run_in.is_some(),
                    text.trim_end_matches('。').to_string(),
                )),
                _ => None,
            })
            .collect();
        assert_eq!(headings, hand.headings, "{name}: the draft's outline");
        let found = found_figures(&adopted.toml);
        let (compared, of_compared) = recall(&hand, &found, &["compared"]);
        let (named, of_named) = recall(&hand, &found, &["named"]);
        let (targets, of_targets) = recall(&hand, &found, &["target"]);
        let all = listed(&hand, &[]);
        let (right, wrong): (Vec<_>, Vec<_>) = found.iter().partition(|f| all.contains(f));
        let listed = right.len();
        report.push(format!(
            "{name}: compared {compared}/{of_compared}, named {named}/{of_named}, next targets {targets}/{of_targets}; precision {listed}/{} (not in the list: {wrong:?})",
            found.len()
        ));
        // Floors a little under what was measured (see the closing note of issue 17).
        assert!(
            listed * 10 >= found.len() * 8,
            "{name}: precision {listed}/{}: {found:?}",
            found.len()
        );
        assert!(
            compared * 2 >= of_compared,
            "{name}: recall {compared}/{of_compared}: {found:?}"
        );

        // A .docx written by a Word-like tool reads as the text did.
        if soffice {
            let dir = tempfile::tempdir().unwrap();
            let status = std::process::Command::new("soffice")
                .args([
                    "--headless",
                    "--infilter=Text (encoded):UTF8,LF,,,",
                    "--convert-to",
                    "docx:MS Word 2007 XML",
                    "--outdir",
                ])
                .arg(dir.path())
                .arg(&txt)
                .env("HOME", dir.path())
                .output()
                .unwrap();
            assert!(status.status.success(), "{status:?}");
            let docx = dir.path().join(format!("{name}.docx"));
            let from_docx = adopt::adopt(&docx, zongjie::Options::default()).unwrap();
            let body = |t: &str| t.lines().skip(2).collect::<Vec<_>>().join("\n");
            assert_eq!(
                body(&from_docx.toml),
                body(&adopted.toml),
                "{name}: .docx vs .txt"
            );
        }
    }
    println!("{}", report.join("\n"));
    assert!(
        soffice || std::env::var_os("CI").is_none(),
        "LibreOffice is needed in CI"
    );
}

/// What an adversarial reading of adopt found, each kept fixed.
#[test]
fn hostile_documents_are_refused_or_adopted_into_files_that_check() {
    let dir = tempfile::tempdir().unwrap();
    let adopt_text = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        adopt::adopt(&path, zongjie::Options::default()).map_err(Box::new)
    };
    // Twenty thousand paragraphs and more: refused before its outline is read.
    let many = "一、2024年工作情况\n".to_string() + &"全年走访企业30家。\n".repeat(25_000);
    let err = adopt_text("many.txt", &many).unwrap_err();
    assert!(
        err.message.contains("more than a work summary holds"),
        "{err}"
    );
    // No year anywhere: refused, not invented.
    let err = adopt_text("no-year.txt", "一、工作情况\n全年走访企业30家。\n").unwrap_err();
    assert!(err.message.contains("no year"), "{err}");
    // A heading with nothing under it is left out and said so; braces stay text; a change
    // larger than the figure gives no negative last year.
    let adopted = adopt_text(
        "odd.txt",
        "某县科技局2024年工作总结\n一、2024年工作情况\n全县高新技术企业57家，比上年增加60家。模板写作{{ind.x.value}}。\n二、存在问题\n三、2025年工作打算\n继续努力。\n",
    )
    .unwrap();
    assert!(
        adopted.unsure.iter().any(|u| u.contains("存在问题")),
        "{:?}",
        adopted.unsure
    );
    assert!(!adopted.toml.contains("previous = -"), "{}", adopted.toml);
    let source = Source::new("odd.toml", adopted.toml.clone());
    let drafted = draft(&source);
    assert!(
        text(&drafted.outline)
            .join("")
            .contains("模板写作{{ind.x.value}}"),
        "{}",
        adopted.toml
    );
}
