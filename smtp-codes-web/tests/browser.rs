//! The page in a real browser: `scripts/web.sh` builds it, a static server on loopback serves
//! it, and headless Chromium, driven through `ChromeDriver` (W3C `WebDriver`, spoken here over a
//! plain TCP stream), gets real replies typed and bounce emails opened, as a person would. Then
//! it checks what the page shows, that nothing was requested after the page itself, and that the
//! console has no error.
//!
//! Needs Debian's `chromium` and `chromium-driver`: `scripts/browser.sh install` (as root).
//! `.ci/run` runs it with the other ignored tests.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The repository's root.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Builds the page with `scripts/web.sh` into a directory of its own; returns it.
fn build_page() -> PathBuf {
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("web-page");
    let status = Command::new("bash")
        .arg(root().join("scripts/web.sh"))
        .arg(&out)
        .status()
        .expect("run scripts/web.sh");
    assert!(status.success(), "scripts/web.sh failed");
    out
}

/// A static file server on loopback that records every request's path.
struct StaticServer {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl StaticServer {
    fn start(dir: PathBuf) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (requests, stop) = (Arc::clone(&requests), Arc::clone(&stop));
            thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    if let Ok(stream) = stream {
                        serve(stream, &dir, &requests);
                    }
                }
            })
        };
        StaticServer {
            port,
            requests,
            stop,
            thread: Some(thread),
        }
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop.
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Answers one request: `/` is `index.html`; any other path is looked up in `dir`.
fn serve(mut stream: TcpStream, dir: &Path, requests: &Mutex<Vec<String>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() || request_line.is_empty() {
        return;
    }
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
            break;
        }
    }
    let path = request_line.split(' ').nth(1).unwrap_or("/").to_owned();
    requests.lock().unwrap().push(path.clone());
    let file = match path.split('?').next().unwrap_or("/") {
        "/" => "index.html".to_owned(),
        other => other.trim_start_matches('/').to_owned(),
    };
    let found = (!file.contains(".."))
        .then(|| std::fs::read(dir.join(&file)).ok())
        .flatten();
    let response = match found {
        Some(body) => {
            let mut head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            )
            .into_bytes();
            head.extend_from_slice(&body);
            head
        }
        None => {
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
        }
    };
    let _ = stream.write_all(&response);
    let _ = stream.shutdown(Shutdown::Both);
}

/// A port free on loopback now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `ChromeDriver` on a loopback port, stopped (by `/shutdown`, else by its pid) when dropped.
struct ChromeDriver {
    port: u16,
    child: Child,
}

impl ChromeDriver {
    fn start() -> ChromeDriver {
        let binary =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| {
                panic!("start {binary} (run scripts/browser.sh install): {error}")
            });
        let driver = ChromeDriver { port, child };
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok((200, status)) = http(port, "GET", "/status", None) {
                if status["value"]["ready"] == true {
                    return driver;
                }
            }
            thread::sleep(Duration::from_millis(100));
        }
        panic!("ChromeDriver did not get ready on port {port} within 20 s");
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = http(self.port, "GET", "/shutdown", None);
        for _ in 0..50 {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(100));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 request to `ChromeDriver`; returns the status and the JSON body. The response is
/// read to its `Content-Length` (or its last chunk): `ChromeDriver` may keep the connection open.
fn http(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> std::io::Result<(u16, Value)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let body = body.map(Value::to_string).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut reader = BufReader::new(stream);
    let mut status_line = String::new();
    reader.read_line(&mut status_line)?;
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0);
    let (mut length, mut chunked) = (None, false);
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header.trim().is_empty() {
            break;
        }
        let header = header.to_ascii_lowercase();
        if let Some(value) = header.strip_prefix("content-length:") {
            length = value.trim().parse::<usize>().ok();
        }
        chunked |= header.starts_with("transfer-encoding:") && header.contains("chunked");
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            let mut size = String::new();
            reader.read_line(&mut size)?;
            let size = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
            if size == 0 {
                break;
            }
            let mut chunk = vec![0; size + 2];
            reader.read_exact(&mut chunk)?;
            body.extend_from_slice(&chunk[..size]);
        }
    } else if let Some(length) = length {
        body.resize(length, 0);
        reader.read_exact(&mut body)?;
    } else {
        reader.read_to_end(&mut body)?;
    }
    Ok((status, serde_json::from_slice(&body).unwrap_or(Value::Null)))
}

/// A `WebDriver` session, deleted (Chromium closed) when dropped.
struct Session<'a> {
    driver: &'a ChromeDriver,
    id: String,
}

/// The key `WebDriver` names an element reference by (W3C `WebDriver` §12.1).
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

impl<'a> Session<'a> {
    fn new(driver: &'a ChromeDriver, profile: &Path) -> Session<'a> {
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                // This machine's network is closed: Chromium's own background connections are
                // turned off, or they fail many at a time.
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.display()),
                ],
            },
            // The console, and the DevTools network events that say what the page requested.
            "goog:loggingPrefs": {"browser": "ALL", "performance": "ALL"},
        }}});
        let value = command(driver, "POST", "/session", Some(&capabilities));
        let id = value["sessionId"]
            .as_str()
            .expect("a session id")
            .to_owned();
        Session { driver, id }
    }

    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Value {
        command(
            self.driver,
            method,
            &format!("/session/{}{path}", self.id),
            body,
        )
    }

    fn navigate(&self, url: &str) {
        self.call("POST", "/url", Some(&json!({ "url": url })));
    }

    fn run(&self, script: &str, args: &[Value]) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(&json!({"script": script, "args": args})),
        )
    }

    fn element(&self, css: &str) -> String {
        let value = self.call(
            "POST",
            "/element",
            Some(&json!({"using": "css selector", "value": css})),
        );
        value[ELEMENT].as_str().expect("an element").to_owned()
    }

    /// Types `text` into the element, key by key (a newline is Enter).
    fn type_into(&self, css: &str, text: &str) {
        let element = self.element(css);
        self.call(
            "POST",
            &format!("/element/{element}/clear"),
            Some(&json!({})),
        );
        self.call(
            "POST",
            &format!("/element/{element}/value"),
            Some(&json!({ "text": text })),
        );
    }

    /// Waits until `script` returns something truthy; returns it.
    fn wait_for(&self, what: &str, script: &str, args: &[Value]) -> Value {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let value = self.run(script, args);
            if !(value.is_null() || value == false) {
                return value;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// The log of `kind` (`browser`, `performance`) since the last call.
    fn log(&self, kind: &str) -> Vec<Value> {
        self.call("POST", "/se/log", Some(&json!({ "type": kind })))
            .as_array()
            .cloned()
            .unwrap_or_default()
    }
}

impl Drop for Session<'_> {
    fn drop(&mut self) {
        let _ = http(
            self.driver.port,
            "DELETE",
            &format!("/session/{}", self.id),
            None,
        );
    }
}

/// A `WebDriver` command; panics with `WebDriver`'s error when it fails.
fn command(driver: &ChromeDriver, method: &str, path: &str, body: Option<&Value>) -> Value {
    let (status, value) = http(driver.port, method, path, body).expect("talk to ChromeDriver");
    assert_eq!(status, 200, "{method} {path}: {value}");
    value["value"].clone()
}

/// The URLs asked for, from the `DevTools` `Network.requestWillBeSent` events of the performance
/// log: those that can reach a network. Chromium's own pages (`chrome:`, the new tab it opens
/// with) and `data:` or `blob:` URLs are left out.
fn requested(entries: &[Value]) -> Vec<String> {
    entries
        .iter()
        .filter_map(|entry| serde_json::from_str::<Value>(entry["message"].as_str()?).ok())
        .filter(|message| message["message"]["method"] == "Network.requestWillBeSent")
        .filter_map(|message| {
            message["message"]["params"]["request"]["url"]
                .as_str()
                .map(str::to_owned)
        })
        .filter(|url| {
            ![
                "data:",
                "blob:",
                "about:",
                "chrome:",
                "chrome-extension:",
                "chrome-untrusted:",
            ]
            .iter()
            .any(|scheme| url.starts_with(scheme))
        })
        .collect()
}

/// The result the page shows: its kind of input, error, for a whole email what it is (its kind,
/// verdict, headline and whole text), and for each item its heading, verdict, headline and whole
/// text.
const SHOWN: &str = r##"
const result = document.getElementById("result");
if (result.hidden) return null;
const email = document.querySelector("#email article");
return {
  input: result.dataset.input,
  error: document.getElementById("error").hidden ? null : document.getElementById("error").textContent,
  email: email && {
    kind: email.dataset.kind,
    verdict: email.dataset.verdict,
    headline: email.querySelector(".headline").textContent,
    text: email.textContent,
  },
  items: [...document.querySelectorAll("#items article")].map((article) => ({
    heading: article.querySelector("h3").textContent,
    verdict: article.dataset.verdict,
    headline: article.querySelector(".headline").textContent,
    text: article.textContent,
  })),
};"##;

/// Waits until the first item's heading is `heading`; returns what the page shows.
fn shown_with_heading(session: &Session<'_>, heading: &str) -> Value {
    let script = format!(
        "const shown = (() => {{{SHOWN}}})(); return shown && shown.items.length > 0 && shown.items[0].heading === arguments[0] ? shown : null;"
    );
    session.wait_for(
        &format!("an item headed {heading:?}"),
        &script,
        &[json!(heading)],
    )
}

/// The reply of `replies.txt`'s case `name`.
fn reply(name: &str) -> String {
    let text = std::fs::read_to_string(root().join("tests/data/replies.txt")).unwrap();
    let block = text
        .split("\n=== ")
        .find(|block| block.starts_with(&format!("{name}\n")))
        .unwrap();
    block.split_once("\n---\n").unwrap().1.trim_end().to_owned()
}

#[test]
#[ignore = "needs Chromium: run scripts/browser.sh install"]
fn the_page_explains_replies_and_bounces_in_chromium() {
    let started = Instant::now();
    let dir = build_page();
    let built = started.elapsed();
    let server = StaticServer::start(dir.clone());
    let profile = Path::new(env!("CARGO_TARGET_TMPDIR")).join("chromium-profile");
    let _ = std::fs::remove_dir_all(&profile);
    let driver = ChromeDriver::start();
    let session = Session::new(&driver, &profile);

    let url = format!("http://127.0.0.1:{}/", server.port);
    let before = requested(&session.log("performance"));
    assert!(before.is_empty(), "requests before the page: {before:?}");
    session.navigate(&url);
    session.wait_for(
        "the explainer to load",
        "return document.body.dataset.ready === 'true';",
        &[],
    );
    // The page itself is the one request: the module, script and style are inside it.
    assert_eq!(server.requests(), ["/"]);
    let at_load = requested(&session.log("performance"));
    assert_eq!(
        at_load,
        std::slice::from_ref(&url),
        "requests while loading"
    );

    typed_replies(&session);
    opened_bounces(&session);
    codes_table(&session, &url);

    // Nothing was requested after the page (going to #550 stays in the page).
    assert_eq!(server.requests(), ["/"], "requests to the server");
    let after = requested(&session.log("performance"));
    assert!(after.is_empty(), "requests after load: {after:?}");

    // The page works from disk too.
    session.navigate(&format!(
        "file://{}",
        dir.join("index.html").canonicalize().unwrap().display()
    ));
    session.wait_for(
        "the page from file://",
        "return document.body.dataset.ready === 'true';",
        &[],
    );

    // No console error, from any of the three loads.
    let errors: Vec<Value> = session
        .log("browser")
        .into_iter()
        .filter(|entry| entry["level"] == "SEVERE")
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:?}");
    eprintln!(
        "browser test: page built in {:.1} s, whole test {:.1} s",
        built.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}

/// Real replies typed in: a 550 5.1.1, a 421, a block list's 554, a reply to EHLO.
fn typed_replies(session: &Session<'_>) {
    // A 550 5.1.1 for an unknown user: remove the address.
    session.type_into("#input", &reply("gmail-nosuchuser"));
    let shown = shown_with_heading(session, "550 5.1.1");
    assert_eq!(shown["input"], "reply");
    let item = &shown["items"][0];
    assert_eq!(item["verdict"], "remove", "{shown}");
    assert!(
        item["headline"]
            .as_str()
            .unwrap()
            .contains("Remove this address"),
        "{shown}"
    );
    let text = item["text"].as_str().unwrap();
    // Every line of the reply, the code's meaning (codes.csv, from RFC 5321 §4.2.2) and the
    // registry's title of 5.1.1 (RFC 3463).
    assert!(
        text.contains("550-5.1.1 double-checking the recipient's email address for typos or"),
        "{text}"
    );
    assert!(
        text.contains("Requested action not taken: mailbox unavailable"),
        "{text}"
    );
    assert!(text.contains("Bad destination mailbox address"), "{text}");

    // A 421: retry later.
    session.type_into("#input", &reply("outlook-service-not-available"));
    let shown = shown_with_heading(session, "421 4.3.2");
    assert_eq!(shown["items"][0]["verdict"], "retry", "{shown}");
    assert!(
        shown["items"][0]["headline"]
            .as_str()
            .unwrap()
            .contains("try again later"),
        "{shown}"
    );

    // A block list's 554 (Postfix's "blocked using", from the corpus's lhost-amazonses-14.eml):
    // the address is fine.
    let blocked = "554 5.7.1 <a8-95.smtp-out.amazonses.com[203.0.113.22]>: Client host rejected: blocked using mail.neko.example.org; Please see http://mail.neko.example.org/rbl/?ip=203.0.113.22 to send.";
    session.type_into("#input", blocked);
    let shown = shown_with_heading(session, "554 5.7.1");
    assert_eq!(shown["items"][0]["verdict"], "keep", "{shown}");
    assert!(
        shown["items"][0]["headline"]
            .as_str()
            .unwrap()
            .contains("the address is fine"),
        "{shown}"
    );

    // A reply to EHLO: the capabilities with the registry's descriptions.
    session.type_into("#input", &reply("gmail-ehlo-mx"));
    let shown = shown_with_heading(session, "250");
    let text = shown["items"][0]["text"].as_str().unwrap();
    assert!(
        text.contains("250-PIPELINING") || text.contains("PIPELINING"),
        "{text}"
    );
    let rows: Value = session.run(
        "return [...document.querySelectorAll('#items table.capabilities tbody tr')].map((row) => row.textContent);",
        &[],
    );
    let pipelining = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row.as_str().unwrap().starts_with("PIPELINING"))
        .unwrap_or_else(|| panic!("no PIPELINING row: {rows}"));
    // extensions.csv, from the IANA registry.
    assert!(
        pipelining.as_str().unwrap().contains("Command Pipelining"),
        "{pipelining}"
    );
    assert!(
        pipelining.as_str().unwrap().contains("RFC 2920"),
        "{pipelining}"
    );
}

/// Opens `relative` (a file of `tests/data`) with the page's file input, as a person picks a
/// saved email.
fn open_file(session: &Session<'_>, relative: &str) {
    let path = root().join("tests/data").join(relative);
    let file = session.element("#file");
    session.call(
        "POST",
        &format!("/element/{file}/value"),
        Some(&json!({ "text": path.canonicalize().unwrap().display().to_string() })),
    );
}

/// Bounce emails opened with the file input: a report's recipients, a delay warning, a text
/// bounce without a delivery-status part.
fn opened_bounces(session: &Session<'_>) {
    // A bounce with a delivery-status part: each of its recipients.
    open_file(session, "bounce-corpus/eml/lhost-postfix-13.eml");
    let shown = shown_with_heading(session, "Recipient kijitora@example.jp");
    assert_eq!(shown["input"], "email");
    assert_eq!(shown["email"]["kind"], "failure", "{shown}");
    let items = shown["items"].as_array().unwrap();
    assert_eq!(items.len(), 2, "{shown}");
    // The report's text part: "User Unknown", then "Mailbox Full", in reply to RCPT TO.
    assert_eq!(items[0]["verdict"], "remove", "{shown}");
    assert_eq!(items[1]["heading"], "Recipient noraneko@example.jp");
    assert_eq!(items[1]["verdict"], "keep", "{shown}");

    // Postfix's delay warning (bounce-samples/README.md): carol@down.test is `Action: delayed`;
    // nothing is to be done.
    open_file(session, "bounce-samples/postfix-delay-warning.eml");
    let shown = shown_with_heading(session, "Recipient carol@down.test");
    let email = &shown["email"];
    assert_eq!(email["kind"], "delay-warning", "{shown}");
    assert_eq!(email["verdict"], "retry", "{shown}");
    assert!(
        email["headline"].as_str().unwrap().contains("do nothing"),
        "{shown}"
    );
    // The returned header's Message-ID, to match the warning to the message sent.
    assert!(
        email["text"]
            .as_str()
            .unwrap()
            .contains("q3-report@sender.test"),
        "{shown}"
    );
    let item = &shown["items"][0];
    assert_eq!(item["verdict"], "retry", "{shown}");
    let text = item["text"].as_str().unwrap();
    assert!(text.contains("delayed"), "{text}");
    assert!(text.contains("Connection refused"), "{text}");

    // qmail's text bounce, without a delivery-status part: "<userunknown@example.jp>:",
    // "Remote host said: 550 5.1.1 <userunknown@example.jp>... User Unknown".
    open_file(session, "bounce-corpus/eml/lhost-qmail-02.eml");
    let shown = shown_with_heading(session, "Recipient userunknown@example.jp");
    assert_eq!(shown["email"]["kind"], "failure", "{shown}");
    let item = &shown["items"][0];
    assert_eq!(item["verdict"], "remove", "{shown}");
    let text = item["text"].as_str().unwrap();
    assert!(text.contains("550 5.1.1"), "{text}");
    assert!(text.contains("RCPT"), "{text}");
    assert_eq!(
        shown["items"][1]["heading"],
        "Recipient filtered@example.jp"
    );
}

/// The table of codes: every code, a row linked by its code (`#550`), the search.
fn codes_table(session: &Session<'_>, url: &str) {
    // The table: every code, a row linked by its code, and the search.
    let row = session.run(
        "return document.querySelectorAll('#code-table tbody tr').length;",
        &[],
    );
    assert_eq!(row, json!(smtp_codes::ReplyCode::ALL.len()));
    session.navigate(&format!("{url}#550"));
    session.wait_for(
        "the page again",
        "return document.body.dataset.ready === 'true';",
        &[],
    );
    let target = session.wait_for(
        "row 550 to be the target",
        "const row = document.getElementById('550'); return row && row.classList.contains('target') ? row.textContent : null;",
        &[],
    );
    assert!(
        target
            .as_str()
            .unwrap()
            .contains("Requested action not taken: mailbox unavailable"),
        "{target}"
    );
    session.type_into("#search", "mailbox");
    let visible = session.wait_for(
        "the search",
        "const rows = [...document.querySelectorAll('#code-table tbody tr, #status-table tbody tr')]; const shown = rows.filter((row) => !row.hidden); return shown.length < rows.length ? shown.map((row) => row.textContent.toLowerCase()) : null;",
        &[],
    );
    let visible = visible.as_array().unwrap();
    assert!(
        visible
            .iter()
            .all(|row| row.as_str().unwrap().contains("mailbox")),
        "{visible:?}"
    );
    // codes.csv: 550 "Requested action not taken: mailbox unavailable"; 220 says nothing of one.
    let hidden = session.run(
        "return [document.getElementById('550').hidden, document.getElementById('220').hidden];",
        &[],
    );
    assert_eq!(hidden, json!([false, true]));
}
