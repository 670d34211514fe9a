//! `zongjie serve`: the socket around [`zongjie::ops::serve::Desk`], which answers requests.

use std::io::Read;

use zongjie::diagnostic::{Diagnostic, Diagnostics};
use zongjie::load::Source;
use zongjie::ops::serve::{Desk, MAX_BODY_BYTES, Reply, Request, SECURITY_HEADERS};

use crate::Status;
use crate::args::{ServeArgs, Setup};

pub fn serve(setup: &Setup, a: &ServeArgs) -> Result<Status, Diagnostics> {
    // The file must read before the desk opens: a typo in the path is an error here.
    Source::read(&a.file)?;
    // Loopback only: the desk is for the clerk at this machine.
    let server = tiny_http::Server::http(("127.0.0.1", a.port)).map_err(|e| {
        Diagnostic::error(format!("cannot listen on 127.0.0.1:{}: {e}", a.port))
            .help("choose another port with --port, or leave it out for any free one")
    })?;
    let port = server
        .server_addr()
        .to_ip()
        .map(|addr| addr.port())
        .unwrap_or(a.port);
    let desk = Desk {
        path: a.file.clone(),
        profile: setup.profile.as_ref(),
        templates: &setup.templates,
        port,
    };
    let url = format!("http://127.0.0.1:{port}/");
    println!("{url}");
    eprintln!("serving {} at {url} — Ctrl-C to stop", a.file.display());
    if !a.no_open {
        open_browser(&url);
    }
    // A few workers, so that one slow client cannot hold up the page's other requests.
    std::thread::scope(|scope| {
        for _ in 0..WORKERS {
            scope.spawn(|| {
                while let Ok(mut request) = server.recv() {
                    let reply = answer(&desk, &mut request);
                    respond(request, reply);
                }
            });
        }
    });
    Ok(Status::Done)
}

/// Threads answering requests.
const WORKERS: usize = 4;

fn respond(request: tiny_http::Request, reply: Reply) {
    let mut response = tiny_http::Response::from_data(reply.body).with_status_code(reply.status);
    let headers = SECURITY_HEADERS
        .iter()
        .map(|(k, v)| (*k, v.to_string()))
        .chain(std::iter::once((
            "Content-Type",
            reply.content_type.to_string(),
        )))
        .chain(reply.headers);
    for (name, value) in headers {
        if let Ok(h) = tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(h);
        }
    }
    // A client gone before its answer is no error of the desk's.
    let _ = request.respond(response);
}

fn answer(desk: &Desk, request: &mut tiny_http::Request) -> Reply {
    let header = |name: &'static str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.equiv(name))
            .map(|h| h.value.as_str().to_string())
    };
    let (host, origin) = (header("Host"), header("Origin"));
    let method = request.method().as_str().to_string();
    let url = request.url().to_string();
    // Refused before its body is read: a stranger's request costs nothing.
    if let Some(refused) = desk.refuses(&method, host.as_deref(), origin.as_deref()) {
        return refused;
    }
    // At most one byte past the limit is read: the desk answers 413.
    let mut body = Vec::new();
    let _ = request
        .as_reader()
        .take(MAX_BODY_BYTES as u64 + 1)
        .read_to_end(&mut body);
    desk.handle(&Request {
        method: &method,
        url: &url,
        host: host.as_deref(),
        origin: origin.as_deref(),
        body: &body,
    })
}

/// Opens the page in the clerk's browser; where none can be started, the printed address
/// is enough.
fn open_browser(url: &str) {
    let tries: &[(&str, &[&str])] = if cfg!(target_os = "windows") {
        &[("cmd", &["/C", "start", ""])]
    } else if cfg!(target_os = "macos") {
        &[("open", &[])]
    } else {
        &[("xdg-open", &[])]
    };
    for (program, args) in tries {
        let started = std::process::Command::new(program)
            .args(*args)
            .arg(url)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn();
        if started.is_ok() {
            return;
        }
    }
}
