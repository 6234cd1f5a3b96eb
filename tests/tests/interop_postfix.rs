//! Real sessions with a real server: a private Postfix instance on a loopback port, configured and
//! started by `scripts/interop.sh` (its policy is described there), stopped by its master's pid
//! when the test ends. Sessions are driven over TCP with `io::ReplyReader` and with
//! `io::ReplyCodec`; the codes, enhanced codes, advice and diagnosis that Postfix's replies must
//! give are asserted.
//!
//! The test needs Postfix from Debian, so it is ignored by default: `scripts/interop.sh install`
//! (as root) installs it, then `cargo test --workspace -- --ignored` runs it, as `.ci/run` does.
//! When Postfix cannot be started, the test fails and says why.

use std::io::Write;
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::Command as Process;
use std::time::Duration;

use futures_util::StreamExt;
use smtp_codes::io::{ReplyCodec, ReplyReader};
use smtp_codes::{
    advice::Decision, ehlo::MessageSize, Command, Ehlo, EnhancedStatus, Extension, Reason, Reply,
    ReplyBuf, ReplyCode,
};
use tokio::io::AsyncWriteExt;
use tokio::net::tcp::OwnedReadHalf;
use tokio_util::codec::FramedRead;

/// A running private Postfix; stopped, by its master's pid, when dropped.
struct Postfix {
    dir: PathBuf,
    port: u16,
}

impl Postfix {
    fn start() -> Postfix {
        let port = {
            let probe = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
            probe.local_addr().expect("local address").port()
        };
        let dir = std::env::temp_dir().join(format!("smtp-codes-postfix-{port}"));
        let output = Process::new("bash")
            .arg(script())
            .arg("start")
            .arg(&dir)
            .arg(port.to_string())
            .output()
            .expect("bash");
        let postfix = Postfix { dir, port };
        assert!(
            output.status.success(),
            "Postfix could not be started by scripts/interop.sh (exit {:?}):\n{}",
            output.status.code(),
            String::from_utf8_lossy(&output.stderr)
        );
        postfix
    }

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).expect("connect to Postfix");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        stream
    }
}

impl Drop for Postfix {
    fn drop(&mut self) {
        let stopped = Process::new("bash")
            .arg(script())
            .arg("stop")
            .arg(&self.dir)
            .status();
        if matches!(stopped, Ok(status) if status.success()) {
            let _ = std::fs::remove_dir_all(&self.dir);
        } else {
            eprintln!("could not stop the Postfix of {}", self.dir.display());
        }
    }
}

fn script() -> PathBuf {
    smtp_codes_tests::data_path("../scripts/interop.sh")
}

/// A message of `size` bytes or more, dot-stuffing not needed.
fn message(size: usize) -> String {
    let mut message = String::from("Subject: interop\r\n\r\n");
    while message.len() < size {
        message.push_str(&"x".repeat(70));
        message.push_str("\r\n");
    }
    message + ".\r\n"
}

/// What every reply of these sessions is checked for: the code, the enhanced code and its
/// registry entry, and the advice for the command it answers.
#[track_caller]
fn check(reply: Reply<'_>, command: Command, code: u16, enhanced: &str, decision: Decision) {
    let text = String::from_utf8_lossy(reply.as_bytes());
    assert_eq!(reply.code(), code, "{text}");
    let got = reply.enhanced().map(|code| code.to_string());
    assert_eq!(got.as_deref(), Some(enhanced), "{text}");
    assert_eq!(reply.outcome(command).decision(), decision, "{text}");
}

/// The EHLO reply read as capabilities.
fn check_capabilities(ehlo: &Reply<'_>) {
    // The same reply read as capabilities. Postfix's defaults (postconf(5)) with this main.cf:
    // VRFY on (disable_vrfy_command = no), which is not a registered extension keyword; no
    // STARTTLS (smtpd_tls_security_level = none), no AUTH (no SASL), no SMTPUTF8
    // (smtputf8_enable = no).
    let capabilities = Ehlo::parse(ehlo).expect("a 250 reply to EHLO");
    assert_eq!(capabilities.domain(), b"mx.example.test");
    assert_eq!(capabilities.size(), Some(MessageSize::Maximum(10240)));
    for extension in [
        Extension::Pipelining,
        Extension::EnhancedStatusCodes,
        Extension::EightBitMime,
        Extension::Dsn,
        Extension::Etrn,
    ] {
        assert!(capabilities.supports(extension), "{extension}: {ehlo:?}");
    }
    for extension in [Extension::StartTls, Extension::Auth, Extension::SmtpUtf8] {
        assert!(!capabilities.supports(extension), "{extension}: {ehlo:?}");
    }
    let unknown: Vec<&[u8]> = capabilities
        .capabilities()
        .filter(|capability| capability.extension().is_none())
        .map(|capability| capability.keyword())
        .collect();
    assert_eq!(unknown, [&b"VRFY"[..]], "{ehlo:?}");
}

/// The pipelined transaction, the refusals and QUIT, read with the std reader.
fn session_with_reader(postfix: &Postfix) {
    let stream = postfix.connect();
    let mut writer = &stream;
    let mut replies = ReplyReader::new(&stream);

    let greeting = replies.read_reply().unwrap().expect("greeting");
    assert_eq!(greeting.reply_code(), Some(ReplyCode::ServiceReady));
    assert!(greeting.outcome(Command::Greeting).is_success());

    writer.write_all(b"EHLO client.example\r\n").unwrap();
    let ehlo = replies.read_reply().unwrap().expect("EHLO reply");
    assert_eq!(ehlo.code(), 250);
    let capabilities: Vec<&[u8]> = ehlo.lines().skip(1).collect();
    // main.cf sets message_size_limit = 10240.
    for expected in [&b"PIPELINING"[..], b"SIZE 10240", b"ENHANCEDSTATUSCODES"] {
        assert!(capabilities.contains(&expected), "{capabilities:?}");
    }
    assert_eq!(ehlo.lines().next(), Some(&b"mx.example.test"[..]));
    check_capabilities(&ehlo);

    // RFC 2920: the whole group in one write; the replies come back in order, some of them in
    // one read.
    writer
        .write_all(
            b"MAIL FROM:<sender@example.org>\r\nRCPT TO:<known@example.test>\r\n\
              RCPT TO:<unknown@example.test>\r\nRCPT TO:<someone@elsewhere.example>\r\nDATA\r\n",
        )
        .unwrap();
    let mail = replies.read_reply().unwrap().unwrap();
    check(mail, Command::Mail, 250, "2.1.0", Decision::Success);
    let known = replies.read_reply().unwrap().unwrap();
    check(known, Command::Rcpt, 250, "2.1.5", Decision::Success);
    assert_eq!(
        known.enhanced().unwrap().status(),
        Some(EnhancedStatus::DestinationAddressValid)
    );

    let unknown = replies.read_reply().unwrap().unwrap();
    check(
        unknown,
        Command::Rcpt,
        550,
        "5.1.1",
        Decision::FailPermanently,
    );
    assert_eq!(unknown.reply_code(), Some(ReplyCode::MailboxUnavailable));
    assert_eq!(
        unknown.enhanced().unwrap().status(),
        Some(EnhancedStatus::BadDestinationMailboxAddress)
    );
    assert!(!unknown.is_retryable());
    let diagnosis = unknown.diagnose(Some(Command::Rcpt));
    assert_eq!(diagnosis.reason(), Reason::UserUnknown);
    assert!(diagnosis.is_hard(), "an unknown user is suppressed");
    let text = String::from_utf8_lossy(unknown.lines().next().unwrap()).into_owned();
    assert!(text.contains("<unknown@example.test>"), "{text}");

    // Postfix's default relay restriction, defer_unauth_destination: 454 4.7.1.
    let relay = replies.read_reply().unwrap().unwrap();
    check(relay, Command::Rcpt, 454, "4.7.1", Decision::RetryLater);
    assert_eq!(
        relay.enhanced().unwrap().status(),
        Some(EnhancedStatus::DeliveryNotAuthorized)
    );
    assert!(relay.is_retryable());
    let diagnosis = relay.diagnose(Some(Command::Rcpt));
    assert_eq!(diagnosis.reason(), Reason::NoRelaying);
    assert!(
        !diagnosis.is_hard(),
        "the address is fine: the route is refused"
    );

    let data = replies.read_reply().unwrap().unwrap();
    assert_eq!(data.reply_code(), Some(ReplyCode::StartMailInput));
    assert!(data.outcome(Command::Data).is_continue());
    writer.write_all(message(200).as_bytes()).unwrap();
    let queued = replies.read_reply().unwrap().unwrap();
    check(queued, Command::EndOfData, 250, "2.0.0", Decision::Success);

    // Over the size limit, announced by SIZE (RFC 1870): refused at MAIL.
    writer
        .write_all(b"MAIL FROM:<sender@example.org> SIZE=20000\r\nRSET\r\n")
        .unwrap();
    let too_big = replies.read_reply().unwrap().unwrap();
    check(
        too_big,
        Command::Mail,
        552,
        "5.3.4",
        Decision::FailPermanently,
    );
    assert_eq!(
        too_big.enhanced().unwrap().status(),
        Some(EnhancedStatus::MessageTooBigForSystem)
    );
    let diagnosis = too_big.diagnose(Some(Command::Mail));
    assert_eq!(diagnosis.reason(), Reason::EmailTooLarge);
    assert!(!diagnosis.is_hard());
    let reset = replies.read_reply().unwrap().unwrap();
    check(reset, Command::Rset, 250, "2.0.0", Decision::Success);

    writer.write_all(b"QUIT\r\n").unwrap();
    let bye = replies.read_reply().unwrap().unwrap();
    assert_eq!(bye.reply_code(), Some(ReplyCode::ServiceClosing));
    assert!(bye.outcome(Command::Quit).is_closing());
    assert!(
        replies.read_reply().unwrap().is_none(),
        "Postfix closes after QUIT"
    );
}

/// The next reply, within 10 s.
async fn next(replies: &mut FramedRead<OwnedReadHalf, ReplyCodec>) -> ReplyBuf {
    tokio::time::timeout(Duration::from_secs(10), replies.next())
        .await
        .expect("a reply within 10 s")
        .expect("a reply before the end of the stream")
        .expect("a well-formed reply")
}

/// A message over the size limit, not announced: refused after its end, read with the codec.
async fn session_with_codec(port: u16) {
    let stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
        .await
        .expect("connect to Postfix");
    let (read, mut write) = stream.into_split();
    let mut replies = FramedRead::new(read, ReplyCodec::new());
    assert_eq!(next(&mut replies).await.code(), 220);
    write
        .write_all(b"EHLO client.example\r\nMAIL FROM:<sender@example.org>\r\nRCPT TO:<known@example.test>\r\nDATA\r\n")
        .await
        .unwrap();
    let ehlo = next(&mut replies).await;
    assert!(ehlo.lines().any(|line| line == b"SIZE 10240"), "{ehlo:?}");
    check(
        next(&mut replies).await.reply(),
        Command::Mail,
        250,
        "2.1.0",
        Decision::Success,
    );
    check(
        next(&mut replies).await.reply(),
        Command::Rcpt,
        250,
        "2.1.5",
        Decision::Success,
    );
    assert_eq!(next(&mut replies).await.code(), 354);
    write
        .write_all(message(12 * 1024).as_bytes())
        .await
        .unwrap();
    let too_big = next(&mut replies).await;
    check(
        too_big.reply(),
        Command::EndOfData,
        552,
        "5.3.4",
        Decision::FailPermanently,
    );
    assert_eq!(
        too_big.diagnose(Some(Command::EndOfData)).reason(),
        Reason::EmailTooLarge
    );
    write.write_all(b"NOOP\r\nQUIT\r\n").await.unwrap();
    check(
        next(&mut replies).await.reply(),
        Command::Noop,
        250,
        "2.0.0",
        Decision::Success,
    );
    let bye = next(&mut replies).await;
    assert_eq!(bye.code(), 221);
    assert!(bye.outcome(Command::Quit).is_closing());
    let end = tokio::time::timeout(Duration::from_secs(10), replies.next()).await;
    assert!(
        matches!(end, Ok(None)),
        "Postfix closes after QUIT: {end:?}"
    );
}

#[test]
#[ignore = "needs Postfix from Debian: run scripts/interop.sh install (as root), then cargo test --workspace -- --ignored"]
fn postfix_sessions() {
    let postfix = Postfix::start();
    session_with_reader(&postfix);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(session_with_codec(postfix.port));
}
