//! Writing a reply safely: what a server sends (RFC 5321 §4.2, RFC 2034).

use core::fmt;

use super::{MAX_REPLY_LEN, MAX_REPLY_LINES};
use crate::enhanced::EnhancedCode;

/// The longest reply line, code and CRLF included (RFC 5321 §4.5.3.1.5).
///
/// ```
/// use smtp_codes::reply::{write_reply, WriteReplyError, MAX_REPLY_LINE_LEN};
/// let text = "x".repeat(MAX_REPLY_LINE_LEN - 5); // "250 " + text + CRLF is one octet too long
/// let refused = write_reply(&mut String::new(), 250, None, &[&text]);
/// assert_eq!(refused, Err(WriteReplyError::LineTooLong { line: 0, len: MAX_REPLY_LINE_LEN + 1 }));
/// ```
pub const MAX_REPLY_LINE_LEN: usize = 512;

/// Writes a reply: `code` and `enhanced` (repeated on every line and always followed by a space,
/// RFC 2034 §4) before each line of `text`, `-` after the code on all but the last line, each
/// line ending in CRLF. The last line's space after the code is left out when nothing follows
/// it, so no text and no enhanced code writes the bare code, `250\r\n` (RFC 5321 §4.2: the
/// text after the last line's code is optional, and when present is at least one character).
///
/// `code` is a number or a [`ReplyCode`](crate::ReplyCode) (anything [`IntoReplyCode`]); `text` is any
/// list of lines: `&["a", "b"]`, `&[String]`, a `Vec`, an iterator (its iterator must be
/// `Clone`: the lines are checked before anything is written). No text at all is `None::<&str>`
/// or `[""; 0]`.
///
/// Nothing is written when the reply would be unsafe or invalid: a code outside `200..=599`, an
/// enhanced code whose class is not the code's first digit, text containing a control character
/// other than HT (CR, LF and NUL would end the line or forge another reply; RFC 5321 §4.2 allows
/// none of them in text), a line longer than [`MAX_REPLY_LINE_LEN`], or a reply that
/// [`Reply::parse`](super::Reply::parse) would refuse: more than
/// [`MAX_REPLY_LINES`](super::MAX_REPLY_LINES) lines or [`MAX_REPLY_LEN`](super::MAX_REPLY_LEN) bytes.
///
/// ```
/// use smtp_codes::reply::{write_reply, WriteReplyError};
/// use smtp_codes::{EnhancedCode, ReplyCode};
/// let mut out = String::new();
/// let enhanced = EnhancedCode::new(5, 1, 1);
/// write_reply(&mut out, ReplyCode::MailboxUnavailable, enhanced, &["No such user", "Check the address"]).unwrap();
/// assert_eq!(out, "550-5.1.1 No such user\r\n550 5.1.1 Check the address\r\n");
///
/// let lines: Vec<String> = vec!["mx.example.com".into(), "8BITMIME".into()];
/// let mut out = String::new();
/// write_reply(&mut out, 250, None, &lines).unwrap();
/// assert_eq!(out, "250-mx.example.com\r\n250 8BITMIME\r\n");
///
/// let mut out = String::new();
/// write_reply(&mut out, ReplyCode::ServerChallenge, None, None::<&str>).unwrap();
/// assert_eq!(out, "334\r\n");
///
/// let mut out = String::new();
/// let injected = write_reply(&mut out, 250, None, &["OK\r\n250 forged"]);
/// assert_eq!(injected, Err(WriteReplyError::UnsafeText { line: 0, byte: b'\r' }));
/// assert!(out.is_empty());
/// ```
///
/// # Errors
///
/// [`WriteReplyError`] says what was refused; [`WriteReplyError::Sink`] when `out` failed.
pub fn write_reply<W, T>(
    out: &mut W,
    code: impl IntoReplyCode,
    enhanced: Option<EnhancedCode>,
    text: T,
) -> Result<(), WriteReplyError>
where
    W: fmt::Write + ?Sized,
    T: IntoIterator,
    T::Item: AsRef<str>,
    T::IntoIter: Clone,
{
    let code = code.into_u16();
    let text = text.into_iter();
    check(code, enhanced, text.clone())?;
    write_checked(out, code, enhanced, text).map_err(|fmt::Error| WriteReplyError::Sink)
}

/// [`write_reply`] into a [`std::io::Write`]; a refused reply is an
/// [`InvalidInput`](std::io::ErrorKind::InvalidInput) error wrapping the [`WriteReplyError`].
///
/// ```
/// let mut out = Vec::new();
/// smtp_codes::reply::write_reply_io(&mut out, 221, None, &["Bye"]).unwrap();
/// assert_eq!(out, b"221 Bye\r\n");
/// ```
///
/// # Errors
///
/// An [`InvalidInput`](std::io::ErrorKind::InvalidInput) error wrapping a [`WriteReplyError`] when the
/// reply is refused (nothing is written); the sink's own error when writing fails.
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub fn write_reply_io<W, T>(
    out: &mut W,
    code: impl IntoReplyCode,
    enhanced: Option<EnhancedCode>,
    text: T,
) -> std::io::Result<()>
where
    W: std::io::Write + ?Sized,
    T: IntoIterator,
    T::Item: AsRef<str>,
    T::IntoIter: Clone,
{
    /// Forwards `fmt::Write` to `io::Write`, keeping the first I/O error.
    struct Adapter<'a, W: ?Sized> {
        out: &'a mut W,
        error: Option<std::io::Error>,
    }
    impl<W: std::io::Write + ?Sized> fmt::Write for Adapter<'_, W> {
        fn write_str(&mut self, text: &str) -> fmt::Result {
            self.out.write_all(text.as_bytes()).map_err(|err| {
                self.error = Some(err);
                fmt::Error
            })
        }
    }
    let code = code.into_u16();
    let text = text.into_iter();
    check(code, enhanced, text.clone())
        .map_err(|err| std::io::Error::new(std::io::ErrorKind::InvalidInput, err))?;
    let mut adapter = Adapter { out, error: None };
    match write_checked(&mut adapter, code, enhanced, text) {
        Ok(()) => Ok(()),
        Err(fmt::Error) => Err(adapter
            .error
            .unwrap_or_else(|| std::io::Error::other(WriteReplyError::Sink))),
    }
}

/// Refuses what must not be written; see [`write_reply`].
fn check<T: AsRef<str>>(
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: impl Iterator<Item = T> + Clone,
) -> Result<(), WriteReplyError> {
    if !(200..=599).contains(&code) {
        return Err(WriteReplyError::InvalidCode(code));
    }
    if let Some(enhanced) = enhanced {
        if u16::from(enhanced.class().digit()) != code / 100 {
            return Err(WriteReplyError::EnhancedClassMismatch { code, enhanced });
        }
    }
    // The line count is checked first, before any line.
    let count = text.clone().count().max(1);
    if count > MAX_REPLY_LINES {
        return Err(WriteReplyError::TooManyLines { count });
    }
    // "250 " or "250-", then "5.7.606 " when there is an enhanced code; CRLF at the end.
    let prefix_len = 4 + enhanced.map_or(0, |enhanced| enhanced_len(enhanced) + 1);
    let mut total = 0;
    let mut last_len = 0;
    for (line, text) in text.enumerate() {
        let text = text.as_ref();
        if let Some(&byte) = text
            .as_bytes()
            .iter()
            .find(|&&byte| (byte < 0x20 && byte != b'\t') || byte == 0x7f)
        {
            return Err(WriteReplyError::UnsafeText { line, byte });
        }
        let len = prefix_len + text.len() + 2;
        if len > MAX_REPLY_LINE_LEN {
            return Err(WriteReplyError::LineTooLong { line, len });
        }
        total += len;
        last_len = text.len();
    }
    if total == 0 {
        // No text: one line with the code (and the enhanced code) alone.
        total = prefix_len + 2;
    }
    if last_len == 0 && enhanced.is_none() {
        // The last line is the bare code, "250\r\n", without the space.
        total -= 1;
    }
    if total > MAX_REPLY_LEN {
        return Err(WriteReplyError::TooLong { len: total });
    }
    Ok(())
}

/// The length of `enhanced` written out, e.g. 7 for `5.7.606`.
fn enhanced_len(enhanced: EnhancedCode) -> usize {
    let digits = |part: u16| match part {
        0..=9 => 1,
        10..=99 => 2,
        _ => 3,
    };
    3 + digits(enhanced.subject()) + digits(enhanced.detail())
}

fn write_checked<W: fmt::Write + ?Sized, T: AsRef<str>>(
    out: &mut W,
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: impl Iterator<Item = T>,
) -> fmt::Result {
    let mut lines = text.peekable();
    if lines.peek().is_none() {
        return write_line(out, code, true, enhanced, "");
    }
    while let Some(line) = lines.next() {
        let last = lines.peek().is_none();
        write_line(out, code, last, enhanced, line.as_ref())?;
    }
    Ok(())
}

/// One line: `250-text`, `250 5.0.0 text`, or the bare `250` when it is the last and nothing
/// follows the code.
fn write_line<W: fmt::Write + ?Sized>(
    out: &mut W,
    code: u16,
    last: bool,
    enhanced: Option<EnhancedCode>,
    text: &str,
) -> fmt::Result {
    write!(out, "{code}")?;
    if last && enhanced.is_none() && text.is_empty() {
        return out.write_str("\r\n");
    }
    out.write_str(if last { " " } else { "-" })?;
    if let Some(enhanced) = enhanced {
        write!(out, "{enhanced} ")?;
    }
    out.write_str(text)?;
    out.write_str("\r\n")
}

/// A reply code as [`write_reply`] takes it: a number (`550`), a [`ReplyCode`](crate::ReplyCode), or a code of
/// your own table (the [`reply_codes`](crate::reply_codes) macro implements it).
///
/// It is a trait of its own rather than `Into<u16>` so that a bare literal still works:
/// `write_reply(out, 250, ...)` infers `u16` here, while with `Into<u16>` it would fall back to
/// `i32`, which is not `Into<u16>`.
///
/// ```
/// use smtp_codes::{reply::IntoReplyCode, ReplyCode};
/// assert_eq!(ReplyCode::MailboxUnavailable.into_u16(), 550);
/// assert_eq!(550.into_u16(), 550);
/// ```
pub trait IntoReplyCode {
    /// The code's number; the writer checks that it is in `200..=599`.
    fn into_u16(self) -> u16;
}

impl IntoReplyCode for u16 {
    fn into_u16(self) -> u16 {
        self
    }
}

impl IntoReplyCode for &u16 {
    fn into_u16(self) -> u16 {
        *self
    }
}

/// Why [`write_reply`] refused to write a reply.
///
/// ```
/// use smtp_codes::reply::{write_reply, WriteReplyError};
/// use smtp_codes::EnhancedCode;
/// let mut out = String::new();
/// let error = write_reply(&mut out, 250, EnhancedCode::new(5, 0, 0), &["OK"]).unwrap_err();
/// assert_eq!(error.to_string(), "enhanced code 5.0.0 does not agree with reply code 250: their first digits differ");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WriteReplyError {
    /// The code is not in `200..=599`.
    InvalidCode(u16),
    /// The enhanced code's class is not the reply code's first digit (RFC 2034 §4).
    EnhancedClassMismatch {
        /// The reply code.
        code: u16,
        /// The enhanced code.
        enhanced: EnhancedCode,
    },
    /// A line of text contains a control character other than HT: CR, LF or NUL would end the
    /// line or forge another reply, and RFC 5321 §4.2 allows none in text.
    UnsafeText {
        /// The index of the line in the text.
        line: usize,
        /// The byte.
        byte: u8,
    },
    /// A line would be longer than [`MAX_REPLY_LINE_LEN`] octets.
    LineTooLong {
        /// The index of the line in the text.
        line: usize,
        /// Its length as it would be written, CRLF included.
        len: usize,
    },
    /// More than [`MAX_REPLY_LINES`](super::MAX_REPLY_LINES) lines, which a parser here refuses.
    TooManyLines {
        /// The number of lines.
        count: usize,
    },
    /// More than [`MAX_REPLY_LEN`](super::MAX_REPLY_LEN) bytes, which a parser here refuses.
    TooLong {
        /// The reply's length as it would be written.
        len: usize,
    },
    /// The output refused the text (its `write_str` returned an error).
    Sink,
}

impl fmt::Display for WriteReplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            WriteReplyError::InvalidCode(code) => {
                write!(f, "reply code {code} is not in 200..=599")
            }
            WriteReplyError::EnhancedClassMismatch { code, enhanced } => write!(
                f,
                "enhanced code {enhanced} does not agree with reply code {code}: their first digits differ"
            ),
            WriteReplyError::UnsafeText { line, byte } => write!(
                f,
                "line {line} of the text contains control character {byte:#04x} (only HT is allowed)"
            ),
            WriteReplyError::TooManyLines { count } => write!(
                f,
                "a reply of {count} lines, more than {}",
                super::MAX_REPLY_LINES
            ),
            WriteReplyError::TooLong { len } => write!(
                f,
                "a reply of {len} bytes, more than {}",
                super::MAX_REPLY_LEN
            ),
            WriteReplyError::LineTooLong { line, len } => write!(
                f,
                "line {line} would be {len} octets, more than {MAX_REPLY_LINE_LEN}"
            ),
            WriteReplyError::Sink => f.write_str("the output refused the reply"),
        }
    }
}

impl core::error::Error for WriteReplyError {}
