//! Using smtp-codes with lettre: decide about a failed send from its reply code and text, with the
//! command-aware retry advice and the bounce diagnosis.
//! Run with `cargo run -p smtp-codes-tests --example with_lettre`.

use std::str::FromStr;

use lettre::transport::smtp::response::Response;
use smtp_codes::{Command, Diagnosis, Outcome};

/// What to do about a failed send, from `lettre::transport::smtp::Error`: its `status()` is the
/// reply code and its text holds the server's words. lettre fails a send at the first refused
/// command; for a single-recipient message, refusals that name the recipient answer `RCPT`.
fn decide(error: &lettre::transport::smtp::Error, command: Command) -> &'static str {
    match error.status().map(u16::from) {
        Some(code) => advice(code, error.to_string().as_bytes(), command),
        None => "not an SMTP reply: a connection or TLS error",
    }
}

/// Retry from the command-aware outcome; suppress only on a hard diagnosis.
fn advice(code: u16, text: &[u8], command: Command) -> &'static str {
    match Outcome::of(code, command) {
        None => "protocol error",
        Some(outcome) if outcome.is_retry_later() => "queue for retry",
        Some(outcome) if !outcome.is_fail_permanently() => "go on",
        Some(_) if Diagnosis::of(Some(code), None, text, Some(command)).is_hard() => {
            "suppress the address"
        }
        Some(_) => "bounce, keep the address",
    }
}

fn main() {
    let response = Response::from_str("550 5.1.1 No such user\r\n").expect("lettre parses it");
    let code = u16::from(response.code());
    let text = response.message().collect::<Vec<_>>().join(" ");
    let decision = advice(code, text.as_bytes(), Command::Rcpt);
    assert_eq!(decision, "suppress the address");
    // The same 550 for the sender's IP address: the recipient's address is fine.
    let blocked = "Client host [192.0.2.1] blocked using zen.spamhaus.org";
    assert_eq!(
        advice(550, blocked.as_bytes(), Command::Rcpt),
        "bounce, keep the address"
    );
    // 552 to RCPT: too many recipients, retried later (RFC 5321 §4.5.3.1.10).
    assert_eq!(
        advice(552, b"Too many recipients", Command::Rcpt),
        "queue for retry"
    );
    println!("{code} {text}: {decision}");
    // With a real transport: `if let Err(error) = mailer.send(&email) { decide(&error, Command::Rcpt) }`.
    let _ = decide;
}
