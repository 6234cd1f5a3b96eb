//! Replies as frames of a `tokio_util::codec` (feature `tokio`).

use std::io;

use bytes::BytesMut;
use tokio_util::codec::{Decoder, Encoder};

use super::{invalid_data, unexpected_eof};
use crate::enhanced::EnhancedCode;
use crate::reply::{write_reply, ParseReplyError, ReplyBuf, ReplyScanner};

/// A [`Decoder`] of replies and an [`Encoder`] of [`OutgoingReply`]s, for
/// [`Framed`](tokio_util::codec::Framed), [`FramedRead`](tokio_util::codec::FramedRead) and
/// [`FramedWrite`](tokio_util::codec::FramedWrite).
///
/// The decoder yields [`ReplyBuf`]s that share the read buffer's memory (split off, never copied),
/// keeps the bytes after a reply for the next frame (pipelining, RFC 2920), resumes its scan
/// where it stopped when more bytes arrive, and refuses a reply longer than
/// [`MAX_REPLY_LEN`](crate::reply::MAX_REPLY_LEN). Its errors are those of
/// [`ReplyReader::read_reply`](super::ReplyReader::read_reply). The encoder writes through
/// [`write_reply`] and refuses, writing nothing, what it refuses (an
/// [`InvalidInput`](io::ErrorKind::InvalidInput) error wrapping the
/// [`WriteReplyError`](crate::reply::WriteReplyError)).
///
/// ```
/// use bytes::BytesMut;
/// use smtp_codes::io::{OutgoingReply, ReplyCodec};
/// use smtp_codes::EnhancedCode;
/// use tokio_util::codec::{Decoder, Encoder};
///
/// let mut codec = ReplyCodec::new();
/// let mut wire = BytesMut::new();
/// codec.encode(OutgoingReply::new(250, None, &["mx.example.com", "PIPELINING"]), &mut wire)?;
/// codec.encode(OutgoingReply::new(550, EnhancedCode::new(5, 1, 1), &["No such user"]), &mut wire)?;
/// assert_eq!(wire, &b"250-mx.example.com\r\n250 PIPELINING\r\n550 5.1.1 No such user\r\n"[..]);
///
/// let ehlo = codec.decode(&mut wire)?.unwrap();
/// assert_eq!(ehlo.lines().nth(1), Some(&b"PIPELINING"[..]));
/// assert_eq!(codec.decode(&mut wire)?.unwrap().code(), 550);
/// assert_eq!(codec.decode(&mut wire)?, None);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct ReplyCodec {
    scanner: ReplyScanner,
}

impl ReplyCodec {
    /// A codec at the start of a reply.
    ///
    /// ```
    /// let _ = smtp_codes::io::ReplyCodec::new();
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        ReplyCodec {
            scanner: ReplyScanner::new(),
        }
    }
}

impl Decoder for ReplyCodec {
    type Item = ReplyBuf;
    type Error = io::Error;

    /// Inlined into the caller's `FramedRead`, as the scan it calls is.
    #[inline]
    fn decode(&mut self, src: &mut BytesMut) -> io::Result<Option<ReplyBuf>> {
        let scanned = self
            .scanner
            .scan(src)
            .map(|(reply, used)| (reply.code(), reply.line_count(), used));
        match scanned {
            Ok((code, line_count, used)) => {
                let bytes = src.split_to(used).freeze();
                Ok(Some(ReplyBuf::from_checked(bytes, code, line_count)))
            }
            Err(ParseReplyError::Incomplete) => Ok(None),
            Err(error) => Err(invalid_data(error)),
        }
    }

    fn decode_eof(&mut self, src: &mut BytesMut) -> io::Result<Option<ReplyBuf>> {
        match self.decode(src)? {
            Some(reply) => Ok(Some(reply)),
            None if src.is_empty() => Ok(None),
            None => Err(unexpected_eof(src.len())),
        }
    }
}

/// A reply for [`ReplyCodec`] to write: the arguments of [`write_reply`].
///
/// ```
/// use smtp_codes::{io::OutgoingReply, EnhancedCode, ReplyCode};
/// let reply = OutgoingReply::new(ReplyCode::MailboxUnavailable.as_u16(), EnhancedCode::new(5, 1, 1), &["No such user"]);
/// assert_eq!(reply.code, 550);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutgoingReply<'a> {
    /// The reply code, `200..=599`.
    pub code: u16,
    /// The enhanced status code written at the start of every line, if any.
    pub enhanced: Option<EnhancedCode>,
    /// The text of each line; none for the code alone.
    pub text: &'a [&'a str],
}

impl<'a> OutgoingReply<'a> {
    /// A reply of `code`, `enhanced` and one line per item of `text`.
    ///
    /// ```
    /// let reply = smtp_codes::io::OutgoingReply::new(221, None, &["Bye"]);
    /// assert_eq!(reply.text, ["Bye"]);
    /// ```
    #[must_use]
    pub const fn new(code: u16, enhanced: Option<EnhancedCode>, text: &'a [&'a str]) -> Self {
        OutgoingReply {
            code,
            enhanced,
            text,
        }
    }
}

impl Encoder<OutgoingReply<'_>> for ReplyCodec {
    type Error = io::Error;

    fn encode(&mut self, reply: OutgoingReply<'_>, dst: &mut BytesMut) -> io::Result<()> {
        write_reply(dst, reply.code, reply.enhanced, reply.text)
            .map_err(|error| io::Error::new(io::ErrorKind::InvalidInput, error))
    }
}
