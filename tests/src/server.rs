//! A minimal SMTP responder on `smtp_codes::io::ReplyCodec`: the example server
//! (`examples/server.rs`) and the peer of the real-client tests (`tests/interop_clients.rs`).
//!
//! It answers EHLO (multi-line: PIPELINING, SIZE, ENHANCEDSTATUSCODES), HELO, MAIL (with the
//! SIZE parameter, RFC 1870), RCPT (`unknown@...` is refused with `550 5.1.1`), DATA and the
//! message (dot-stuffing undone, RFC 5321 §4.5.2; counted, then dropped), RSET, NOOP, QUIT, and
//! anything else with `500 5.5.2`. Every reply goes through the codec's encoder, so through
//! `write_reply`. Commands are read as lines with tokio-util's `AnyDelimiterCodec`.

use std::io;

use bytes::Bytes;
use futures_util::{SinkExt, StreamExt};
use smtp_codes::io::{OutgoingReply, ReplyCodec};
use smtp_codes::EnhancedCode;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpListener;
use tokio_util::codec::{AnyDelimiterCodec, FramedRead, FramedWrite};

/// The name the server gives itself.
pub const HOSTNAME: &str = "mx.example.test";
/// The largest message accepted, in bytes: what EHLO's `SIZE` says.
pub const SIZE_LIMIT: usize = 10 * 1024 * 1024;
/// The longest command or message line read (RFC 5321 §4.5.3.1.6 allows 1000 octets; be lenient).
const MAX_LINE: usize = 64 * 1024;

/// The text of the 550 to an unknown recipient, after `<address>: `.
pub const UNKNOWN_USER_TEXT: &str = "Recipient address rejected: no such user here";

/// Serves every connection of `listener`, each in its own task, until the task is dropped.
///
/// # Errors
///
/// When accepting a connection fails.
pub async fn serve(listener: TcpListener) -> io::Result<()> {
    loop {
        let (stream, peer) = listener.accept().await?;
        tokio::spawn(async move {
            let (read, write) = stream.into_split();
            if let Err(error) = session(read, write).await {
                eprintln!("session with {peer}: {error}");
            }
        });
    }
}

/// What the session has been told so far.
#[derive(Default)]
struct Transaction {
    sender: bool,
    recipients: usize,
}

/// One SMTP session, from the greeting to QUIT or the client's end of stream.
///
/// # Errors
///
/// When reading or writing fails, or a line is longer than 64 KiB.
pub async fn session<R, W>(read: R, write: W) -> io::Result<()>
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let lines = AnyDelimiterCodec::new_with_max_length(b"\n".to_vec(), Vec::new(), MAX_LINE);
    let mut commands = FramedRead::new(read, lines);
    let mut replies = FramedWrite::new(write, ReplyCodec::new());
    let greeting = format!("{HOSTNAME} ESMTP smtp-codes example server");
    replies.send(reply(220, None, &[&greeting])).await?;
    let mut transaction = Transaction::default();
    while let Some(line) = commands.next().await {
        let line = text(&line.map_err(io::Error::other)?);
        let (verb, argument) = line.split_once(' ').unwrap_or((&line, ""));
        let verb = verb.to_ascii_uppercase();
        match verb.as_str() {
            "EHLO" => {
                transaction = Transaction::default();
                let first = format!("{HOSTNAME} greets {argument}");
                let size = format!("SIZE {SIZE_LIMIT}");
                let lines = [&*first, "PIPELINING", &size, "ENHANCEDSTATUSCODES"];
                replies.send(reply(250, None, &lines)).await?;
            }
            "HELO" => {
                transaction = Transaction::default();
                replies.send(reply(250, None, &[HOSTNAME])).await?;
            }
            "MAIL" => {
                let answer = mail(&mut transaction, argument);
                replies.send(answer).await?;
            }
            "RCPT" => {
                let (code, enhanced, text) = rcpt(&mut transaction, argument);
                replies.send(reply(code, enhanced, &[&text])).await?;
            }
            "DATA" if transaction.recipients == 0 => {
                replies
                    .send(reply(554, code(5, 5, 1), &["No valid recipients"]))
                    .await?;
            }
            "DATA" => {
                replies
                    .send(reply(354, None, &["End data with <CR><LF>.<CR><LF>"]))
                    .await?;
                let size = message(&mut commands).await?;
                transaction = Transaction::default();
                let answer = if size > SIZE_LIMIT {
                    reply(552, code(5, 3, 4), &["Message too big for system"])
                } else {
                    reply(250, code(2, 0, 0), &["Message accepted for delivery"])
                };
                replies.send(answer).await?;
            }
            "RSET" => {
                transaction = Transaction::default();
                replies
                    .send(reply(250, code(2, 0, 0), &["Reset OK"]))
                    .await?;
            }
            "NOOP" => replies.send(reply(250, code(2, 0, 0), &["OK"])).await?,
            "QUIT" => {
                let bye = format!("{HOSTNAME} closing connection");
                replies.send(reply(221, code(2, 0, 0), &[&bye])).await?;
                return Ok(());
            }
            _ => {
                replies
                    .send(reply(500, code(5, 5, 2), &["Command not recognized"]))
                    .await?;
            }
        }
    }
    Ok(())
}

/// The reply to `MAIL FROM:<address> [SIZE=n]`.
fn mail(transaction: &mut Transaction, argument: &str) -> OutgoingReply<'static> {
    if transaction.sender {
        return reply(503, code(5, 5, 1), &["Nested MAIL command"]);
    }
    let Some(rest) = strip_prefix_ignore_case(argument, "FROM:") else {
        return reply(501, code(5, 5, 4), &["Syntax: MAIL FROM:<address>"]);
    };
    let too_big = rest.split(' ').skip(1).any(|parameter| {
        strip_prefix_ignore_case(parameter, "SIZE=")
            .and_then(|size| size.parse::<usize>().ok())
            .is_some_and(|size| size > SIZE_LIMIT)
    });
    if too_big {
        return reply(
            552,
            code(5, 3, 4),
            &["Message size exceeds fixed maximum message size"],
        );
    }
    transaction.sender = true;
    reply(250, code(2, 1, 0), &["Sender OK"])
}

/// The reply to `RCPT TO:<address>`: its code, enhanced code and text.
fn rcpt(transaction: &mut Transaction, argument: &str) -> (u16, Option<EnhancedCode>, String) {
    if !transaction.sender {
        return (503, code(5, 5, 1), "Need MAIL before RCPT".to_owned());
    }
    let Some(rest) = strip_prefix_ignore_case(argument, "TO:") else {
        return (501, code(5, 5, 4), "Syntax: RCPT TO:<address>".to_owned());
    };
    let address = rest.split(' ').next().unwrap_or_default();
    let bare = address.trim_start_matches('<').trim_end_matches('>');
    let local = bare.split('@').next().unwrap_or_default();
    if local.eq_ignore_ascii_case("unknown") {
        return (550, code(5, 1, 1), format!("<{bare}>: {UNKNOWN_USER_TEXT}"));
    }
    transaction.recipients += 1;
    (250, code(2, 1, 5), format!("<{bare}>: Recipient OK"))
}

/// Reads the message up to its lone `.` line; returns its size in bytes, CRLFs included, with
/// dot-stuffing undone.
async fn message<R: AsyncRead + Unpin>(
    commands: &mut FramedRead<R, AnyDelimiterCodec>,
) -> io::Result<usize> {
    let mut size = 0;
    while let Some(line) = commands.next().await {
        let line: Bytes = line.map_err(io::Error::other)?;
        let line = line.strip_suffix(b"\r").unwrap_or(&line);
        if line == b"." {
            return Ok(size);
        }
        size += line.strip_prefix(b".").unwrap_or(line).len() + 2;
    }
    Err(io::Error::new(
        io::ErrorKind::UnexpectedEof,
        "the stream ended inside a message",
    ))
}

/// A line without its CR, as text (bytes that are not UTF-8 replaced).
fn text(line: &[u8]) -> String {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    String::from_utf8_lossy(line).into_owned()
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text[prefix.len()..].trim_start())
}

fn code(class: u8, subject: u16, detail: u16) -> Option<EnhancedCode> {
    EnhancedCode::new(class, subject, detail)
}

fn reply<'a>(code: u16, enhanced: Option<EnhancedCode>, text: &'a [&'a str]) -> OutgoingReply<'a> {
    OutgoingReply::new(code, enhanced, text)
}
