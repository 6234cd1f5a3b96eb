//! Reading replies from a blocking stream.

use std::io::{self, Read};
use std::vec::Vec;

use super::{invalid_data, unexpected_eof};
use crate::reply::{ParseReplyError, Reply, ReplyScanner, MAX_REPLY_LEN};

/// The buffer's first size, and the room kept free for one read.
const READ_SIZE: usize = 8 * 1024;
/// The most the buffer ever holds: an unfinished reply of [`MAX_REPLY_LEN`] bytes and one read.
const MAX_BUFFER: usize = MAX_REPLY_LEN + READ_SIZE;

/// Reads replies from any [`Read`] (a `TcpStream`, a TLS stream, `&[u8]`...), one at a time.
///
/// [`read_reply`](ReplyReader::read_reply) returns the next reply borrowed from the reader's own
/// buffer, so no allocation is made per reply. The bytes after a reply stay in the buffer for the
/// next call (pipelined replies, RFC 2920). The buffer grows to at most [`MAX_REPLY_LEN`] plus
/// 8 KiB: a longer reply is an error, not an allocation. The scan resumes where it stopped when
/// more bytes arrive, so a peer that sends one byte per read costs linear time.
///
/// A [`BufRead`](std::io::BufRead) works as well, but brings a second buffer; pass the stream
/// itself. Commands are written to the stream directly: for a `TcpStream`, read through
/// `&TcpStream` and write through another `&TcpStream`.
///
/// ```
/// use smtp_codes::io::ReplyReader;
/// use smtp_codes::ReplyCode;
///
/// // What a server answered to a pipelined MAIL, RCPT, DATA (RFC 2920).
/// let wire: &[u8] = b"250 2.1.0 Ok\r\n550 5.1.1 <bob@example.com>: User unknown\r\n554 5.5.1 No valid recipients\r\n";
/// let mut replies = ReplyReader::new(wire);
/// assert_eq!(replies.read_reply()?.unwrap().code(), 250);
/// let rcpt = replies.read_reply()?.unwrap();
/// assert_eq!(rcpt.reply_code(), Some(ReplyCode::MailboxUnavailable));
/// assert_eq!(rcpt.enhanced().unwrap().to_string(), "5.1.1");
/// assert_eq!(replies.read_reply()?.unwrap().code(), 554);
/// assert!(replies.read_reply()?.is_none()); // the end of the stream, between replies
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct ReplyReader<R> {
    inner: R,
    /// `buf[start..end]` holds the bytes read and not yet returned; the rest is room to read into.
    buf: Vec<u8>,
    start: usize,
    end: usize,
    scanner: ReplyScanner,
}

impl<R: Read> ReplyReader<R> {
    /// A reader over `inner`, with an empty buffer.
    ///
    /// ```
    /// let reader = smtp_codes::io::ReplyReader::new(&b"220 mx ESMTP\r\n"[..]);
    /// assert!(reader.buffer().is_empty());
    /// ```
    pub fn new(inner: R) -> Self {
        ReplyReader {
            inner,
            buf: Vec::new(),
            start: 0,
            end: 0,
            scanner: ReplyScanner::new(),
        }
    }

    /// Reads until one whole reply is buffered and returns it, borrowed from the buffer;
    /// `Ok(None)` when the stream ends between replies.
    ///
    /// A read that fails with [`Interrupted`](io::ErrorKind::Interrupted) is tried again; any
    /// other error of the stream (such as [`WouldBlock`](io::ErrorKind::WouldBlock) or a time-out)
    /// is returned as it is, and nothing already read is lost: call again to go on.
    ///
    /// ```
    /// use std::io::ErrorKind;
    /// use smtp_codes::{io::ReplyReader, reply::ParseReplyError};
    ///
    /// let mut reader = ReplyReader::new(&b"HTTP/1.1 400 Bad Request\r\n"[..]);
    /// let error = reader.read_reply().unwrap_err();
    /// assert_eq!(error.kind(), ErrorKind::InvalidData);
    /// let cause = error.get_ref().unwrap().downcast_ref::<ParseReplyError>();
    /// assert_eq!(cause, Some(&ParseReplyError::NotACode { offset: 0 }));
    ///
    /// let mut reader = ReplyReader::new(&b"250-first line\r\n250 sec"[..]);
    /// assert_eq!(reader.read_reply().unwrap_err().kind(), ErrorKind::UnexpectedEof);
    /// ```
    ///
    /// # Errors
    ///
    /// [`InvalidData`](io::ErrorKind::InvalidData) with the [`ParseReplyError`] as its source when the
    /// reply is malformed or longer than [`MAX_REPLY_LEN`]; [`UnexpectedEof`](io::ErrorKind::UnexpectedEof)
    /// when the stream ends inside a reply; the stream's own errors. After `InvalidData` the
    /// stream is out of step with its replies: later calls give the same error.
    pub fn read_reply(&mut self) -> io::Result<Option<Reply<'_>>> {
        loop {
            // The scan's borrow ends here, so the buffer can be filled below.
            let scanned = self
                .scanner
                .scan(&self.buf[self.start..self.end])
                .map(|(reply, used)| (reply.code(), reply.line_count(), used));
            match scanned {
                Ok((code, line_count, used)) => {
                    let bytes = &self.buf[self.start..self.start + used];
                    self.start += used;
                    return Ok(Some(Reply::from_checked(bytes, code, line_count)));
                }
                Err(ParseReplyError::Incomplete) => {}
                Err(error) => return Err(invalid_data(error)),
            }
            if self.fill()? == 0 {
                return match self.end - self.start {
                    0 => Ok(None),
                    pending => Err(unexpected_eof(pending)),
                };
            }
        }
    }

    /// Reads once into the buffer's free room, making room first; returns how many bytes came.
    fn fill(&mut self) -> io::Result<usize> {
        if self.end == self.buf.len() {
            self.make_room();
        }
        loop {
            match self.inner.read(&mut self.buf[self.end..]) {
                Ok(read) => {
                    self.end += read;
                    return Ok(read);
                }
                Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                Err(error) => return Err(error),
            }
        }
    }

    /// Frees room at the end of a full buffer: grows it while the unfinished reply fills more than
    /// half of it or more (up to [`MAX_BUFFER`]), or moves the unfinished reply to the front. Either frees
    /// at least as many bytes as it moves, or (at the bound) at least `READ_SIZE` for at most
    /// [`MAX_REPLY_LEN`] moved, so the copying stays linear in the bytes read.
    fn make_room(&mut self) {
        let pending = self.end - self.start;
        if pending >= self.buf.len() / 2 && self.buf.len() < MAX_BUFFER {
            let size = (self.buf.len() * 2).clamp(READ_SIZE, MAX_BUFFER);
            self.buf.resize(size, 0);
        } else {
            self.buf.copy_within(self.start..self.end, 0);
            self.start = 0;
            self.end = pending;
        }
    }

    /// The bytes read but not yet returned as a reply: the start of the next reply(s).
    ///
    /// ```
    /// let mut reader = smtp_codes::io::ReplyReader::new(&b"250 OK\r\n354 Go"[..]);
    /// reader.read_reply().unwrap();
    /// assert_eq!(reader.buffer(), b"354 Go");
    /// ```
    #[must_use]
    pub fn buffer(&self) -> &[u8] {
        &self.buf[self.start..self.end]
    }

    /// The stream.
    ///
    /// ```
    /// let reader = smtp_codes::io::ReplyReader::new(&b""[..]);
    /// assert!(reader.get_ref().is_empty());
    /// ```
    pub fn get_ref(&self) -> &R {
        &self.inner
    }

    /// The stream, to write commands to it or change its settings. Reading from it directly
    /// would take bytes the reader has not seen.
    ///
    /// ```
    /// let mut reader = smtp_codes::io::ReplyReader::new(std::io::Cursor::new(b"250 OK\r\n"));
    /// reader.get_mut().set_position(0);
    /// ```
    pub fn get_mut(&mut self) -> &mut R {
        &mut self.inner
    }

    /// The stream and the bytes read from it but not yet returned (for a `STARTTLS` upgrade, say,
    /// where they must be empty: RFC 3207 §4.2 forbids pipelining past it).
    ///
    /// ```
    /// let mut reader = smtp_codes::io::ReplyReader::new(&b"220 Ready to start TLS\r\n"[..]);
    /// reader.read_reply().unwrap();
    /// let (_stream, pending) = reader.into_parts();
    /// assert!(pending.is_empty());
    /// ```
    pub fn into_parts(mut self) -> (R, Vec<u8>) {
        self.buf.truncate(self.end);
        self.buf.drain(..self.start);
        (self.inner, self.buf)
    }
}
