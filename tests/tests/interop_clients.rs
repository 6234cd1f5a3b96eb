//! Real SMTP clients against the example server (`src/server.rs`, whose replies go through
//! `ReplyCodec`'s encoder): Python's `smtplib` and `swaks`. Each completes a session, sees the
//! rejected recipient as the `550 5.1.1` with the server's text, and reads the multi-line EHLO as
//! the capabilities the server sent. Those tests need the peers, so they are ignored by default:
//! `scripts/interop.sh install` (as root) installs them, then `cargo test --workspace --
//! --ignored` runs them, as `.ci/run` does. Our own reader's sessions need nothing and always
//! run.

use std::process::Command;
use std::sync::OnceLock;

use smtp_codes_tests::server::{HOSTNAME, SIZE_LIMIT, UNKNOWN_USER_TEXT};

/// The port of the example server, started once for this test binary on a thread of its own.
fn server_port() -> u16 {
    static PORT: OnceLock<u16> = OnceLock::new();
    *PORT.get_or_init(|| {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local address").port();
        listener
            .set_nonblocking(true)
            .expect("non-blocking listener");
        std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("tokio runtime");
            runtime.block_on(async {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                smtp_codes_tests::server::serve(listener).await
            })
        });
        port
    })
}

/// What the server answers a RCPT to `unknown@example.test`, after the code.
fn unknown_user_reply() -> String {
    format!("5.1.1 <unknown@example.test>: {UNKNOWN_USER_TEXT}")
}

const SMTPLIB_SESSION: &str = r#"
import json, smtplib, sys
out = {}
message = b"Subject: interop\r\n\r\nhello\r\n.leading dot\r\n"
with smtplib.SMTP("127.0.0.1", int(sys.argv[1]), timeout=10) as smtp:
    code, text = smtp.ehlo("client.example")
    out["ehlo"] = [code, text.decode()]
    out["features"] = smtp.esmtp_features
    refused = smtp.sendmail("sender@example.org", ["known@example.test", "unknown@example.test"], message)
    out["refused"] = {rcpt: [code, text.decode()] for rcpt, (code, text) in refused.items()}
    try:
        smtp.sendmail("sender@example.org", ["unknown@example.test"], message)
        out["all_refused"] = None
    except smtplib.SMTPRecipientsRefused as error:
        out["all_refused"] = {rcpt: [code, text.decode()] for rcpt, (code, text) in error.recipients.items()}
    code, text = smtp.docmd("FROB")
    out["unknown_command"] = [code, text.decode()]
    code, text = smtp.noop()
    out["noop"] = [code, text.decode()]
print(json.dumps(out))
"#;

#[test]
#[ignore = "needs python3: run scripts/interop.sh install (as root), then cargo test --workspace -- --ignored"]
fn python_smtplib_completes_a_session() {
    let port = server_port();
    let output = Command::new("python3")
        .args(["-c", SMTPLIB_SESSION, &port.to_string()])
        .output()
        .expect("python3 must be installed to run this test");
    assert!(
        output.status.success(),
        "smtplib session failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let out: serde_json::Value = serde_json::from_slice(&output.stdout).expect("smtplib's JSON");

    // smtplib joins the lines of a multi-line reply with LF and drops the codes.
    let ehlo = format!(
        "{HOSTNAME} greets client.example\nPIPELINING\nSIZE {SIZE_LIMIT}\nENHANCEDSTATUSCODES"
    );
    assert_eq!(out["ehlo"], serde_json::json!([250, ehlo]));
    // The capabilities, as smtplib read them (keywords lower-cased, parameters kept).
    assert_eq!(
        out["features"],
        serde_json::json!({
            "pipelining": "",
            "size": SIZE_LIMIT.to_string(),
            "enhancedstatuscodes": "",
        })
    );
    // One recipient refused, the message sent to the other.
    assert_eq!(
        out["refused"],
        serde_json::json!({ "unknown@example.test": [550, unknown_user_reply()] })
    );
    assert_eq!(
        out["all_refused"],
        serde_json::json!({ "unknown@example.test": [550, unknown_user_reply()] })
    );
    assert_eq!(
        out["unknown_command"],
        serde_json::json!([500, "5.5.2 Command not recognized"])
    );
    assert_eq!(out["noop"], serde_json::json!([250, "2.0.0 OK"]));
}

/// Runs swaks against the example server with `args`; returns its exit code and transcript.
fn swaks(args: &[&str]) -> (i32, String) {
    let port = server_port().to_string();
    let output = Command::new("swaks")
        .args(["--server", "127.0.0.1", "--port", &port])
        .args(["--ehlo", "client.example", "--from", "sender@example.org"])
        .args(["--timeout", "10"])
        .args(args)
        .output()
        .expect("swaks is missing: run scripts/interop.sh install (as root)");
    let transcript = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap_or(-1), transcript)
}

#[test]
#[ignore = "needs swaks from Debian: run scripts/interop.sh install (as root), then cargo test --workspace -- --ignored"]
fn swaks_completes_a_pipelined_session() {
    let (status, transcript) = swaks(&["--to", "known@example.test", "--pipeline"]);
    assert_eq!(status, 0, "swaks failed:\n{transcript}");
    // swaks marks what it read with `<-`; the EHLO reply line by line, as sent.
    for line in [
        format!("<-  250-{HOSTNAME} greets client.example"),
        "<-  250-PIPELINING".to_owned(),
        format!("<-  250-SIZE {SIZE_LIMIT}"),
        "<-  250 ENHANCEDSTATUSCODES".to_owned(),
        "<-  250 2.0.0 Message accepted for delivery".to_owned(),
        format!("<-  221 2.0.0 {HOSTNAME} closing connection"),
    ] {
        assert!(
            transcript.lines().any(|seen| seen == line),
            "no `{line}` in:\n{transcript}"
        );
    }
    // `--pipeline` sends MAIL, RCPT and DATA together only when EHLO listed PIPELINING.
    assert!(
        !transcript.contains("does not support PIPELINING"),
        "swaks did not see PIPELINING:\n{transcript}"
    );
}

#[test]
#[ignore = "needs swaks from Debian: run scripts/interop.sh install (as root), then cargo test --workspace -- --ignored"]
fn swaks_sees_the_rejected_recipient() {
    let (status, transcript) = swaks(&["--to", "unknown@example.test"]);
    // swaks exits with 24 when a RCPT is refused (its documented exit codes) and marks the
    // refusal `<**`.
    assert_eq!(status, 24, "swaks should fail at RCPT:\n{transcript}");
    let refusal = format!("<** 550 {}", unknown_user_reply());
    assert!(
        transcript.lines().any(|seen| seen == refusal),
        "no `{refusal}` in:\n{transcript}"
    );
}

/// One short session with our own reader as the client: the greeting, a pipelined EHLO, MAIL,
/// RCPT to an unknown user, NOOP and QUIT.
fn reader_session(port: u16) {
    use smtp_codes::io::ReplyReader;
    use smtp_codes::{Command as Smtp, EnhancedStatus, ReplyCode};
    use std::io::Write;

    let stream = std::net::TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .expect("timeout");
    let mut replies = ReplyReader::new(&stream);
    assert_eq!(replies.read_reply().unwrap().unwrap().code(), 220);
    (&stream)
        .write_all(b"EHLO reader.example\r\nMAIL FROM:<a@example.org>\r\nRCPT TO:<unknown@example.test>\r\nNOOP\r\nQUIT\r\n")
        .unwrap();
    let ehlo = replies.read_reply().unwrap().unwrap();
    let capabilities: Vec<&[u8]> = ehlo.lines().skip(1).collect();
    let size = format!("SIZE {SIZE_LIMIT}");
    assert_eq!(
        capabilities,
        [&b"PIPELINING"[..], size.as_bytes(), b"ENHANCEDSTATUSCODES"]
    );
    assert_eq!(replies.read_reply().unwrap().unwrap().code(), 250);
    let rcpt = replies.read_reply().unwrap().unwrap();
    assert_eq!(rcpt.reply_code(), Some(ReplyCode::MailboxUnavailable));
    assert_eq!(
        rcpt.enhanced().and_then(smtp_codes::EnhancedCode::status),
        Some(EnhancedStatus::BadDestinationMailboxAddress)
    );
    assert!(rcpt.outcome(Smtp::Rcpt).is_fail_permanently());
    assert_eq!(rcpt.lines().next(), Some(unknown_user_reply().as_bytes()));
    assert_eq!(replies.read_reply().unwrap().unwrap().code(), 250);
    assert!(replies
        .read_reply()
        .unwrap()
        .unwrap()
        .outcome(Smtp::Quit)
        .is_closing());
    assert!(replies.read_reply().unwrap().is_none(), "closed after QUIT");
}

#[test]
fn many_sessions_at_once_and_in_turn() {
    let port = server_port();
    let at_once: Vec<_> = (0..8)
        .map(|_| std::thread::spawn(move || reader_session(port)))
        .collect();
    for session in at_once {
        session.join().expect("a session failed");
    }
    for _ in 0..3 {
        reader_session(port);
    }
}
