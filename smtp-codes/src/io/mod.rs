//! Replies over connections (feature `std`): [`ReplyReader`] over any [`std::io::Read`], and
//! with the `tokio` feature [`ReplyCodec`], a `tokio_util::codec` decoder and encoder.
//!
//! Both keep the bytes that follow a reply for the next one (pipelining, RFC 2920), resume their
//! scan where it stopped when more bytes arrive ([`ReplyScanner`](crate::reply::ReplyScanner)), hold at
//! most [`MAX_REPLY_LEN`](crate::reply::MAX_REPLY_LEN) bytes of an unfinished reply plus one read, and
//! report a malformed reply as an [`InvalidData`](std::io::ErrorKind::InvalidData) error whose
//! source is the [`ParseReplyError`], and a stream that ends inside a reply as
//! [`UnexpectedEof`](std::io::ErrorKind::UnexpectedEof).
//!
//! ```
//! use smtp_codes::{io::ReplyReader, Command};
//! // A server's greeting and its answer to a pipelined EHLO and MAIL, arriving together.
//! let wire: &[u8] = b"220 mx.example.com ESMTP\r\n250-mx.example.com\r\n250 PIPELINING\r\n250 2.1.0 Ok\r\n";
//! let mut replies = ReplyReader::new(wire);
//! let greeting = replies.read_reply()?.unwrap();
//! assert!(greeting.outcome(Command::Greeting).is_success());
//! assert_eq!(replies.read_reply()?.unwrap().line_count(), 2);
//! assert_eq!(replies.read_reply()?.unwrap().enhanced().unwrap().to_string(), "2.1.0");
//! # Ok::<(), std::io::Error>(())
//! ```

#[cfg(feature = "tokio")]
mod codec;
mod reader;

#[cfg(feature = "tokio")]
#[cfg_attr(docsrs, doc(cfg(feature = "tokio")))]
pub use codec::{OutgoingReply, ReplyCodec};
pub use reader::ReplyReader;

use std::io;

use crate::reply::ParseReplyError;

/// A malformed reply as an I/O error: [`InvalidData`](io::ErrorKind::InvalidData) wrapping it.
fn invalid_data(error: ParseReplyError) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, error)
}

/// The end of the stream after `pending` bytes of an unfinished reply.
fn unexpected_eof(pending: usize) -> io::Error {
    io::Error::new(
        io::ErrorKind::UnexpectedEof,
        std::format!("the stream ended inside a reply, after {pending} bytes of it"),
    )
}
