use super::*;

const FILE: &str = "# 溆浦县 2024 —— a comment the desk must keep\n[report]\nissuer = \"溆浦县科学技术局\"\nregion = \"溆浦县\"\nyear = 2024\nkind = \"annual\"\ndate = 2024-12-20\n\n[indicators.rd_spend]\nname = \"全社会研发经费投入\"\nunit = \"亿元\"\ncurrent = 4.54  # as published\nprevious = 2.72\n\n[[sections]]\ntitle = \"工作情况\"\nparagraphs = [\"全社会研发经费投入{{ind.rd_spend.summary}}。\"]\n";

static TEMPLATES: std::sync::LazyLock<TemplateSet> =
    std::sync::LazyLock::new(TemplateSet::built_in);

fn desk(dir: &std::path::Path) -> Desk<'static> {
    let path = dir.join("x.toml");
    std::fs::write(&path, FILE).unwrap();
    Desk {
        path,
        profile: None,
        templates: &TEMPLATES,
        port: 7878,
    }
}

fn request<'a>(method: &'a str, url: &'a str, body: &'a [u8]) -> Request<'a> {
    Request {
        method,
        url,
        host: Some("127.0.0.1:7878"),
        origin: (method != "GET").then_some("http://127.0.0.1:7878"),
        body,
    }
}

fn json(reply: &Reply) -> serde_json::Value {
    serde_json::from_slice(&reply.body).unwrap()
}

#[test]
fn a_foreign_host_or_origin_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk(dir.path());
    let body = br#"{"edits":[]}"#;
    // DNS rebinding: a name that resolves to 127.0.0.1 but is not ours.
    let rebound = Request {
        host: Some("evil.example:7878"),
        ..request("GET", "/api/desk", b"")
    };
    assert_eq!(desk.handle(&rebound).status, 403);
    let no_host = Request {
        host: None,
        ..request("GET", "/", b"")
    };
    assert_eq!(desk.handle(&no_host).status, 403);
    // Another site's page posting to the desk.
    let cross = Request {
        origin: Some("http://evil.example"),
        ..request("POST", "/api/save", body)
    };
    assert_eq!(desk.handle(&cross).status, 403);
    let no_origin = Request {
        origin: None,
        ..request("POST", "/api/save", body)
    };
    assert_eq!(desk.handle(&no_origin).status, 403);
    let other_port = Request {
        origin: Some("http://127.0.0.1:9999"),
        ..request("POST", "/api/save", body)
    };
    assert_eq!(desk.handle(&other_port).status, 403);
    // ::1 is not where the desk listens.
    let v6 = Request {
        host: Some("[::1]:7878"),
        ..request("GET", "/api/desk", b"")
    };
    assert_eq!(desk.handle(&v6).status, 403);
    assert_eq!(std::fs::read_to_string(&desk.path).unwrap(), FILE);
    // Asked before a body is read.
    assert!(
        desk.refuses("POST", Some("127.0.0.1:7878"), Some("http://evil.example"))
            .is_some()
    );
    assert!(desk.refuses("GET", Some("127.0.0.1:7878"), None).is_none());
    // Ours passes.
    assert_eq!(desk.handle(&request("GET", "/", b"")).status, 200);
    let localhost = Request {
        host: Some("localhost:7878"),
        ..request("GET", "/api/desk", b"")
    };
    assert_eq!(desk.handle(&localhost).status, 200);
}

#[test]
fn the_preview_follows_an_edit_and_a_save_keeps_the_comments() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk(dir.path());
    let edit = br#"{"edits":[{"op":"set","path":"indicators.rd_spend.current","value":"5.44","numeric":true}]}"#;
    let preview = json(&desk.handle(&request("POST", "/api/preview", edit)));
    let html = preview["html"].as_str().unwrap();
    assert!(html.contains("5.44亿元"), "{html}");
    assert!(html.contains("增长100.0%"), "{html}");
    assert!(
        html.contains("<mark title="),
        "computed figures are marked: {html}"
    );
    // The file is untouched until saved.
    assert_eq!(std::fs::read_to_string(&desk.path).unwrap(), FILE);
    let saved = desk.handle(&request("POST", "/api/save", edit));
    assert_eq!(
        saved.status,
        200,
        "{}",
        String::from_utf8_lossy(&saved.body)
    );
    let text = std::fs::read_to_string(&desk.path).unwrap();
    assert!(text.contains("current = 5.44  # as published"), "{text}");
    assert!(text.starts_with("# 溆浦县 2024 —— a comment the desk must keep\n"));
}

#[test]
fn edits_made_against_another_version_of_the_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk(dir.path());
    let d = json(&desk.handle(&request("GET", "/api/desk", b"")));
    let version = d["version"].as_u64().unwrap();
    let edit = format!(
        r#"{{"base":{version},"edits":[{{"op":"set","path":"indicators.rd_spend.current","value":"5.0","numeric":true}}]}}"#
    );
    // Another window or program changes the file.
    std::fs::write(
        &desk.path,
        FILE.replace("previous = 2.72", "previous = 2.8"),
    )
    .unwrap();
    let reply = desk.handle(&request("POST", "/api/save", edit.as_bytes()));
    assert_eq!(reply.status, 409);
    assert!(!std::fs::read_to_string(&desk.path).unwrap().contains("5.0"));
    // A bad figure is a finding on its field, not a dead end.
    let bad = br#"{"edits":[{"op":"set","path":"indicators.rd_spend.current","value":"4,54","numeric":true}]}"#;
    let reply = json(&desk.handle(&request("POST", "/api/preview", bad)));
    assert_eq!(
        reply["findings"][0]["path"], "indicators.rd_spend.current",
        "{reply}"
    );
}

#[test]
fn a_save_that_would_not_check_is_refused_with_the_findings() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk(dir.path());
    let bad = br#"{"edits":[{"op":"set","path":"sections.0.paragraphs.0","value":"{{ind.nope.value}}","numeric":false}]}"#;
    let reply = desk.handle(&request("POST", "/api/save", bad));
    assert_eq!(reply.status, 422);
    let findings = json(&reply)["findings"].clone();
    assert_eq!(findings[0]["path"], "sections.0.paragraphs.0", "{findings}");
    assert_eq!(std::fs::read_to_string(&desk.path).unwrap(), FILE);
    // The preview shows the same finding beside the field.
    let preview = json(&desk.handle(&request("POST", "/api/preview", bad)));
    assert_eq!(preview["findings"][0]["severity"], "error");
}

#[test]
fn the_docx_is_the_draft_and_the_desk_describes_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let desk = desk(dir.path());
    let reply = desk.handle(&request("POST", "/api/docx", br#"{"edits":[]}"#));
    assert_eq!(reply.status, 200);
    assert_eq!(&reply.body[..2], b"PK");
    assert!(reply.headers[0].1.contains("x.docx"));
    let d = json(&desk.handle(&request("GET", "/api/desk", b"")));
    assert_eq!(d["indicators"][0]["key"], "rd_spend");
    assert_eq!(d["indicators"][0]["values"]["current"], "4.54");
    assert!(d["schema"]["definitions"]["Indicator"].is_object());
    assert!(d["words"]["save"].is_string());
    assert!(
        d["fields"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["path"] == "sections.0.paragraphs.0")
    );
    // Bodies are bounded and must be edits.
    assert_eq!(
        desk.handle(&request("POST", "/api/preview", b"not json"))
            .status,
        400
    );
    let huge = vec![b' '; MAX_BODY_BYTES + 1];
    assert_eq!(
        desk.handle(&request("POST", "/api/preview", &huge)).status,
        413
    );
    assert_eq!(desk.handle(&request("GET", "/etc/passwd", b"")).status, 404);
}
