//! Using smtp-codes with lettre: turn the code of a lettre error or response into a `ReplyCode`.
//! Run with `cargo run -p smtp-codes-tests --example with_lettre`.

use std::str::FromStr;

use lettre::transport::smtp::response::Response;
use smtp_codes::{Class, ReplyCode};

/// What to do about a failed send, from `lettre::transport::smtp::Error::status()`.
fn decide(error: &lettre::transport::smtp::Error) -> &'static str {
    match error.status().map(u16::from) {
        Some(code) => advice(code),
        None => "not an SMTP reply: a connection or TLS error",
    }
}

fn advice(code: u16) -> &'static str {
    match ReplyCode::from_u16(code) {
        Some(ReplyCode::MailboxUnavailable) => "remove the address",
        Some(known) if known.is_retryable() => "queue for retry",
        // An unknown code: its first digit decides (RFC 5321 §4.2).
        None if Class::from_code(code).is_some_and(Class::is_retryable) => "queue for retry",
        _ => "bounce",
    }
}

fn main() {
    let response = Response::from_str("550 5.1.1 No such user\r\n").expect("lettre parses it");
    let code = ReplyCode::from_u16(response.code().into()).expect("a known code");
    assert_eq!(code, ReplyCode::MailboxUnavailable);
    println!("{code}: {}", advice(code.as_u16()));
    // With a real transport: `if let Err(error) = mailer.send(&email) { decide(&error) }`.
    let _ = decide;
}
