//! Replies (RFC 5321 §4.2): read from the wire without copying or allocating, owned, and written.
//!
//! - [`Reply::parse`] reads one whole reply at the start of a buffer, borrows it and says how many
//!   bytes it used; [`ReplyScanner`] does the same across reads, resuming where it stopped.
//! - [`Reply`]'s accessors: the code, the enhanced status code, each line's text
//!   ([`Lines`], and [`Texts`] without the enhanced code), the retry advice and the diagnosis.
//! - [`ReplyBuf`] (feature `alloc`) owns its bytes.
//! - [`write_reply`] writes a reply, refusing what could not be parsed back.
//!
//! ```
//! use smtp_codes::reply::{ParseReplyError, Reply};
//! let (reply, used) = Reply::parse(b"250-mx.example.com\r\n250 PIPELINING\r\n354").unwrap();
//! assert_eq!((reply.code(), reply.line_count(), used), (250, 2, 36));
//! assert_eq!(Reply::parse(b"354"), Err(ParseReplyError::Incomplete));
//! ```

#[cfg(feature = "alloc")]
mod buf;
mod error;
mod scanner;
mod text;
mod writer;

#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub use buf::ReplyBuf;
pub use error::ParseReplyError;
pub use text::Texts;
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub use writer::write_reply_io;
pub use writer::{write_reply, IntoReplyCode, WriteReplyError, MAX_REPLY_LINE_LEN};

use scanner::Position;

use crate::advice::Outcome;
use crate::bytes::{find_lf, strip_line_end};
use crate::code::{AnyReplyCode, Category, Class, ReplyCode, ReplyCodeTable};
use crate::command::Command;
use crate::diagnosis::Diagnosis;
use crate::enhanced::EnhancedCode;

/// The longest reply [`Reply::parse`] accepts, in bytes, line endings included. Longer input
/// without a complete reply is [`ParseReplyError::TooLong`], so a hostile server cannot make a client
/// buffer forever. RFC 5321 §4.5.3.1.5 limits a reply line to 512 octets.
///
/// ```
/// use smtp_codes::reply::{ParseReplyError, Reply, MAX_REPLY_LEN};
/// let mut endless = b"250 ".to_vec();
/// endless.resize(MAX_REPLY_LEN + 1, b'x');
/// assert_eq!(Reply::parse(&endless), Err(ParseReplyError::TooLong { limit: MAX_REPLY_LEN }));
/// ```
pub const MAX_REPLY_LEN: usize = 64 * 1024;

/// The most lines [`Reply::parse`] accepts in one reply; more is [`ParseReplyError::TooManyLines`].
///
/// ```
/// use smtp_codes::reply::{ParseReplyError, Reply, MAX_REPLY_LINES};
/// let many = b"250-x\r\n".repeat(MAX_REPLY_LINES + 1);
/// assert_eq!(Reply::parse(&many), Err(ParseReplyError::TooManyLines { limit: MAX_REPLY_LINES }));
/// ```
pub const MAX_REPLY_LINES: usize = 512;

/// One complete reply: one or more lines that carry the same code (RFC 5321 §4.2.1).
///
/// It borrows the input. The policy of [`Reply::parse`]:
///
/// - a line ends in CRLF, or in a bare LF (as Postfix, Go and Python accept);
/// - a line is three digits, then `-` (more lines follow), a space, or the end of the line (a bare
///   code, RFC 5321 §4.2);
/// - the first digit is 2 to 5; the others may be any digit (`571` is an unknown 5yz code);
/// - every line of a reply carries the same code;
/// - the text is bytes in any encoding and is never decoded;
/// - a reply is at most [`MAX_REPLY_LEN`] bytes and [`MAX_REPLY_LINES`] lines;
/// - input that stops mid-reply is [`ParseReplyError::Incomplete`], unless the bytes already read show
///   an error (`HTTP/1.1` fails at once).
///
/// ```
/// use smtp_codes::{EnhancedStatus, Reply, ReplyCode};
/// let input = b"550-5.1.1 The email account that you tried to reach does not exist.\r\n\
///               550 5.1.1 Please try double-checking the recipient's email address.\r\n\
///               250 OK\r\n";
/// let (reply, used) = Reply::parse(input).unwrap();
/// assert_eq!(reply.reply_code(), Some(ReplyCode::MailboxUnavailable));
/// assert_eq!(reply.enhanced().unwrap().to_string(), "5.1.1");
/// assert_eq!(reply.enhanced().unwrap().status(), Some(EnhancedStatus::BadDestinationMailboxAddress));
/// assert_eq!(reply.lines().count(), 2);
/// assert!(!reply.is_retryable());
/// // A pipelined reply follows.
/// assert_eq!(Reply::parse(&input[used..]).unwrap().0.code(), 250);
/// ```
// `Debug` and `Display` are in `text.rs`: they show the text, not bytes.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reply<'a> {
    bytes: &'a [u8],
    code: u16,
    line_count: usize,
}

impl<'a> Reply<'a> {
    /// Parses one complete reply at the start of `input`; returns it and the number of bytes it
    /// used, after which pipelined replies may follow.
    ///
    /// [`ParseReplyError::Incomplete`] means: read more bytes and parse again from the same start.
    ///
    /// ```
    /// use smtp_codes::reply::{ParseReplyError, Reply};
    /// assert_eq!(Reply::parse(b"250-first\r\n250 se"), Err(ParseReplyError::Incomplete));
    /// assert_eq!(Reply::parse(b"334\r\n").unwrap().0.code(), 334);
    /// assert_eq!(
    ///     Reply::parse(b"250-a\r\n251 b\r\n"),
    ///     Err(ParseReplyError::CodeMismatch { first: 250, found: 251, offset: 7 })
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseReplyError::Incomplete`] when the input ends before the reply; [`ParseReplyError::TooLong`]
    /// and [`ParseReplyError::TooManyLines`] past the bounds; the other variants, with the byte
    /// offset, for a malformed reply.
    pub fn parse(input: &'a [u8]) -> Result<(Reply<'a>, usize), ParseReplyError> {
        let scanned = scanner::scan_whole(input)?;
        Ok((Reply::from_scanned(input, scanned), scanned.len))
    }

    /// The reply the scan checked at the start of `input`.
    fn from_scanned(input: &'a [u8], scanned: scanner::Scanned) -> Self {
        Reply::from_checked(&input[..scanned.len], scanned.code, scanned.line_count)
    }

    /// A reply over `bytes`, which the scan has checked to be one whole reply of `line_count`
    /// lines with `code`.
    pub(crate) const fn from_checked(bytes: &'a [u8], code: u16, line_count: usize) -> Self {
        Reply {
            bytes,
            code,
            line_count,
        }
    }

    /// The reply code, known to the table or not; always in `200..=599`.
    ///
    /// ```
    /// assert_eq!(smtp_codes::Reply::parse(b"571 Blocked\r\n").unwrap().0.code(), 571);
    /// ```
    #[must_use]
    pub const fn code(&self) -> u16 {
        self.code
    }

    /// The code as a [`ReplyCode`], or `None` when the table does not know it.
    ///
    /// ```
    /// use smtp_codes::{Reply, ReplyCode};
    /// assert_eq!(Reply::parse(b"421 Bye\r\n").unwrap().0.reply_code(), Some(ReplyCode::ServiceNotAvailable));
    /// assert_eq!(Reply::parse(b"571 Blocked\r\n").unwrap().0.reply_code(), None);
    /// ```
    #[must_use]
    pub const fn reply_code(&self) -> Option<ReplyCode> {
        ReplyCode::from_u16(self.code)
    }

    /// The class: the code's first digit.
    ///
    /// ```
    /// use smtp_codes::{Class, Reply};
    /// assert_eq!(Reply::parse(b"571 Blocked\r\n").unwrap().0.class(), Class::PermanentNegativeCompletion);
    /// ```
    #[must_use]
    pub const fn class(&self) -> Class {
        match self.code / 100 {
            2 => Class::PositiveCompletion,
            3 => Class::PositiveIntermediate,
            4 => Class::TransientNegativeCompletion,
            _ => Class::PermanentNegativeCompletion,
        }
    }

    /// The category: the code's second digit; `None` above 5.
    ///
    /// ```
    /// use smtp_codes::{code::Category, Reply};
    /// assert_eq!(Reply::parse(b"550 No\r\n").unwrap().0.category(), Some(Category::MailSystem));
    /// assert_eq!(Reply::parse(b"571 No\r\n").unwrap().0.category(), None);
    /// ```
    #[must_use]
    pub const fn category(&self) -> Option<Category> {
        Category::from_code(self.code)
    }

    /// The enhanced status code at the very start of the first line's text, followed by a space
    /// or the end of the line (RFC 2034 §4); `None` otherwise. `(#5.7.1)`, `#5.7.1`, `5.0.0:` and
    /// codes in the middle of the text are not enhanced codes, nor is one with a leading zero in a
    /// part (`5.01.1`, RFC 3463 §2). The code is returned as sent even when its class disagrees
    /// with the reply's, which RFC 2034 §4 forbids; compare `class().reply_class()` to notice.
    ///
    /// ```
    /// use smtp_codes::Reply;
    /// let enhanced = |input: &[u8]| Reply::parse(input).unwrap().0.enhanced().map(|code| code.to_string());
    /// assert_eq!(enhanced(b"550 5.7.606 Access denied\r\n").as_deref(), Some("5.7.606"));
    /// assert_eq!(enhanced(b"550 Denied (#5.7.1)\r\n"), None);
    /// assert_eq!(enhanced(b"550 5.0.0: Denied\r\n"), None);
    /// ```
    #[must_use]
    pub fn enhanced(&self) -> Option<EnhancedCode> {
        // The first line's text starts after "550 " or "550-"; a bare "550\r\n" leaves "\n".
        let text = self.bytes.get(4..)?;
        match EnhancedCode::parse_prefix(text) {
            Ok((code, used))
                if matches!(&text[used..], [] | [b' ' | b'\n', ..] | [b'\r', b'\n', ..]) =>
            {
                Some(code)
            }
            _ => None,
        }
    }

    /// Each line's text after the code and its separator, without the line ending, as sent.
    ///
    /// ```
    /// let (reply, _) = smtp_codes::Reply::parse(b"250-mx.example.com\r\n250-SIZE 35882577\r\n250 8BITMIME\r\n").unwrap();
    /// let lines: Vec<&[u8]> = reply.lines().collect();
    /// assert_eq!(lines, [&b"mx.example.com"[..], b"SIZE 35882577", b"8BITMIME"]);
    /// ```
    #[must_use]
    pub fn lines(&self) -> Lines<'a> {
        Lines { rest: self.bytes }
    }

    /// How many lines the reply has.
    ///
    /// ```
    /// assert_eq!(smtp_codes::Reply::parse(b"250-a\n250 b\n").unwrap().0.line_count(), 2);
    /// ```
    #[must_use]
    pub const fn line_count(&self) -> usize {
        self.line_count
    }

    /// The whole reply as read, line endings included.
    ///
    /// ```
    /// assert_eq!(smtp_codes::Reply::parse(b"250 OK\r\nrest").unwrap().0.as_bytes(), b"250 OK\r\n");
    /// ```
    #[must_use]
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The code as an [`AnyReplyCode`], to keep beyond the reply's buffer.
    ///
    /// ```
    /// use smtp_codes::Reply;
    /// let (reply, _) = Reply::parse(b"571 Blocked\r\n").unwrap();
    /// assert_eq!(reply.any_reply_code().as_u16(), 571);
    /// ```
    #[must_use]
    pub const fn any_reply_code(&self) -> AnyReplyCode {
        AnyReplyCode::new_unchecked(self.code)
    }

    /// The reply's code in the table `T`, or `None` when `T` does not know it.
    ///
    /// ```
    /// use smtp_codes::{Reply, ReplyCode};
    /// let (reply, _) = Reply::parse(b"550 5.1.1 No such user\r\n").unwrap();
    /// assert_eq!(reply.code_in::<ReplyCode>(), Some(ReplyCode::MailboxUnavailable));
    /// ```
    #[must_use]
    pub fn code_in<T: ReplyCodeTable>(&self) -> Option<T> {
        T::from_u16(self.code)
    }

    /// The advice for this reply answering `command`; see [`Outcome::of`] for the rules.
    ///
    /// ```
    /// use smtp_codes::{Command, Reply};
    /// let (reply, _) = Reply::parse(b"554 5.7.1 No SMTP service here\r\n").unwrap();
    /// let outcome = reply.outcome(Command::Greeting);
    /// assert!(outcome.is_fail_permanently() && outcome.is_closing());
    /// ```
    #[must_use]
    pub const fn outcome(&self, command: Command) -> Outcome {
        Outcome::advise(self.code, self.class(), command)
    }

    /// Diagnoses this reply: [`Diagnosis::of`] with its code, its enhanced code and its text.
    /// Pass the command it answered when known: the same words mean a filter after `DATA` and an
    /// unknown user after `RCPT`.
    ///
    /// ```
    /// use smtp_codes::{Command, Reason, Reply};
    /// let (reply, _) = Reply::parse(b"550 5.2.2 <bob@example.com>: Mailbox full\r\n").unwrap();
    /// let diagnosis = reply.diagnose(Some(Command::Rcpt));
    /// assert_eq!(diagnosis.reason(), Reason::MailboxFull);
    /// assert!(!diagnosis.is_hard()); // keep the address: retry another day
    /// ```
    #[must_use]
    pub fn diagnose(&self, command: Option<Command>) -> Diagnosis {
        Diagnosis::of(Some(self.code), self.enhanced(), self.bytes, command)
    }

    /// Whether trying again later may succeed: the table's column for a known code, the first
    /// digit otherwise (only 4yz).
    ///
    /// ```
    /// use smtp_codes::Reply;
    /// assert!(Reply::parse(b"451 4.7.1 Greylisted\r\n").unwrap().0.is_retryable());
    /// assert!(!Reply::parse(b"571 Blocked\r\n").unwrap().0.is_retryable());
    /// ```
    #[must_use]
    pub const fn is_retryable(&self) -> bool {
        match self.reply_code() {
            Some(code) => code.is_retryable(),
            None => self.class().is_retryable(),
        }
    }
}

/// The text of each line of a [`Reply`]; see [`Reply::lines`].
///
/// ```
/// let (reply, _) = smtp_codes::Reply::parse(b"250-first\r\n250 second\r\n").unwrap();
/// let mut lines = reply.lines();
/// assert_eq!(lines.next(), Some(&b"first"[..]));
/// assert_eq!(lines.next(), Some(&b"second"[..]));
/// assert_eq!(lines.next(), None);
/// ```
#[derive(Debug, Clone)]
pub struct Lines<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        if self.rest.is_empty() {
            return None;
        }
        // The reply was validated: every line has a code and ends in LF.
        let end = find_lf(self.rest).map_or(self.rest.len(), |lf| lf + 1);
        let (line, rest) = self.rest.split_at(end);
        self.rest = rest;
        let line = strip_line_end(line);
        // A bare code ("250\r\n") has an empty text: the empty slice at the end of its line, so
        // that every line handed out lies inside the reply.
        Some(line.get(4..).unwrap_or(&line[line.len()..]))
    }
}

/// [`Reply::parse`] that resumes where it stopped: it remembers, across calls, the lines it has
/// already checked and the bytes of the current line that hold no line end.
///
/// Give [`scan`](ReplyScanner::scan) the buffer each time more bytes arrive; the buffer must start
/// with the bytes given before (appending is fine, as is moving the buffer). Each byte is looked
/// at a bounded number of times, so a peer sending one byte per read costs linear time in total,
/// where parsing again from the start would cost quadratic time. The answers are those of
/// [`Reply::parse`] on the same bytes, offsets included. After a reply or an error the scanner
/// starts afresh, ready for the next reply's bytes.
///
/// ```
/// use smtp_codes::reply::{ParseReplyError, ReplyScanner};
/// let wire = b"250-mx.example.com\r\n250 PIPELINING\r\n354 go\r\n";
/// let mut scanner = ReplyScanner::new();
/// let mut read = 0;
/// let (reply, used) = loop {
///     read += 1; // one more byte arrived
///     match scanner.scan(&wire[..read]) {
///         Err(ParseReplyError::Incomplete) => continue,
///         other => break other.unwrap(),
///     }
/// };
/// assert_eq!((reply.code(), reply.line_count(), used), (250, 2, 36));
/// // The next reply starts at `used`.
/// assert_eq!(scanner.scan(&wire[used..]).unwrap().0.code(), 354);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReplyScanner {
    position: Position,
}

impl ReplyScanner {
    /// A scanner at the start of a reply.
    ///
    /// ```
    /// use smtp_codes::reply::ReplyScanner;
    /// assert_eq!(ReplyScanner::new(), ReplyScanner::default());
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        ReplyScanner {
            position: Position::START,
        }
    }

    /// Scans `input` for one reply at its start, going on from where the last call stopped.
    /// Returns what [`Reply::parse`] returns for `input`: on
    /// [`Incomplete`](ParseReplyError::Incomplete), call again once more bytes are appended.
    ///
    /// An `input` shorter than what was scanned before cannot be the same bytes: the scan then
    /// starts again from its start.
    ///
    /// ```
    /// use smtp_codes::reply::{ParseReplyError, ReplyScanner};
    /// let mut scanner = ReplyScanner::new();
    /// assert_eq!(scanner.scan(b"250-a\r\n250 "), Err(ParseReplyError::Incomplete));
    /// let (reply, used) = scanner.scan(b"250-a\r\n250 b\r\n").unwrap();
    /// assert_eq!((reply.line_count(), used), (2, 14));
    /// ```
    ///
    /// # Errors
    ///
    /// Those of [`Reply::parse`].
    #[inline]
    pub fn scan<'a>(&mut self, input: &'a [u8]) -> Result<(Reply<'a>, usize), ParseReplyError> {
        // At a reply's start (after every reply, so the usual case when replies arrive whole)
        // the scan is `Reply::parse`'s; only when that finds the reply incomplete does the scan
        // that remembers where it stopped read it (once: the next call resumes).
        let scanned = if self.position.is_start() {
            match scanner::scan_whole(input) {
                Err(ParseReplyError::Incomplete) => scanner::scan(input, Position::START),
                other => other.map_err(|error| (error, Position::START)),
            }
        } else {
            scanner::scan(input, self.position.resumed_in(input))
        };
        match scanned {
            Ok(scanned) => {
                self.position = Position::START;
                Ok((Reply::from_scanned(input, scanned), scanned.len))
            }
            Err((error, stopped)) => {
                self.position = stopped;
                Err(error)
            }
        }
    }
}
