//! Writing a reply safely: what a server sends (RFC 5321 §4.2, RFC 2034).

use core::fmt;

use crate::{EnhancedCode, MAX_REPLY_LEN, MAX_REPLY_LINES};

/// The longest reply line, code and CRLF included (RFC 5321 §4.5.3.1.5).
///
/// ```
/// use smtp_codes::{write_reply, WriteError, MAX_REPLY_LINE_LEN};
/// let text = "x".repeat(MAX_REPLY_LINE_LEN - 5); // "250 " + text + CRLF is one octet too long
/// let refused = write_reply(&mut String::new(), 250, None, &[&text]);
/// assert_eq!(refused, Err(WriteError::LineTooLong { line: 0, len: MAX_REPLY_LINE_LEN + 1 }));
/// ```
pub const MAX_REPLY_LINE_LEN: usize = 512;

/// Writes a reply: `code` and `enhanced` (repeated on every line and always followed by a space,
/// RFC 2034 §4) before each line of `text`, `-` after the code on all but the last line, each
/// line ending in CRLF. No `text` lines gives one line with the code (and enhanced code) alone.
///
/// Nothing is written when the reply would be unsafe or invalid: a code outside `200..=599`, an
/// enhanced code whose class is not the code's first digit, text containing a control character
/// other than HT (CR, LF and NUL would end the line or forge another reply; RFC 5321 §4.2 allows
/// none of them in text), a line longer than [`MAX_REPLY_LINE_LEN`], or a reply that
/// [`Reply::parse`](crate::Reply::parse) would refuse: more than
/// [`MAX_REPLY_LINES`](crate::MAX_REPLY_LINES) lines or [`MAX_REPLY_LEN`](crate::MAX_REPLY_LEN) bytes.
///
/// ```
/// use smtp_codes::{write_reply, EnhancedCode, ReplyCode, WriteError};
/// let mut out = String::new();
/// let enhanced = EnhancedCode::new(5, 1, 1);
/// write_reply(&mut out, ReplyCode::MailboxUnavailable.as_u16(), enhanced, &["No such user", "Check the address"]).unwrap();
/// assert_eq!(out, "550-5.1.1 No such user\r\n550 5.1.1 Check the address\r\n");
///
/// let mut out = String::new();
/// let injected = write_reply(&mut out, 250, None, &["OK\r\n250 forged"]);
/// assert_eq!(injected, Err(WriteError::UnsafeText { line: 0, byte: b'\r' }));
/// assert!(out.is_empty());
/// ```
///
/// # Errors
///
/// [`WriteError`] says what was refused; [`WriteError::Sink`] when `out` failed.
pub fn write_reply<W: fmt::Write + ?Sized>(
    out: &mut W,
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: &[&str],
) -> Result<(), WriteError> {
    check(code, enhanced, text)?;
    write_checked(out, code, enhanced, text).map_err(|fmt::Error| WriteError::Sink)
}

/// [`write_reply`] into a [`std::io::Write`]; a refused reply is an
/// [`InvalidInput`](std::io::ErrorKind::InvalidInput) error wrapping the [`WriteError`].
///
/// ```
/// let mut out = Vec::new();
/// smtp_codes::write_reply_io(&mut out, 221, None, &["Bye"]).unwrap();
/// assert_eq!(out, b"221 Bye\r\n");
/// ```
///
/// # Errors
///
/// An [`InvalidInput`](std::io::ErrorKind::InvalidInput) error wrapping a [`WriteError`] when the
/// reply is refused (nothing is written); the sink's own error when writing fails.
#[cfg(feature = "std")]
pub fn write_reply_io<W: std::io::Write + ?Sized>(
    out: &mut W,
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: &[&str],
) -> std::io::Result<()> {
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
    check(code, enhanced, text)
        .map_err(|err| std::io::Error::new(std::io::ErrorKind::InvalidInput, err))?;
    let mut adapter = Adapter { out, error: None };
    match write_checked(&mut adapter, code, enhanced, text) {
        Ok(()) => Ok(()),
        Err(fmt::Error) => Err(adapter
            .error
            .unwrap_or_else(|| std::io::Error::other(WriteError::Sink))),
    }
}

/// Refuses what must not be written; see [`write_reply`].
fn check(code: u16, enhanced: Option<EnhancedCode>, text: &[&str]) -> Result<(), WriteError> {
    if !(200..=599).contains(&code) {
        return Err(WriteError::InvalidCode(code));
    }
    if let Some(enhanced) = enhanced {
        if u16::from(enhanced.class().digit()) != code / 100 {
            return Err(WriteError::EnhancedClassMismatch { code, enhanced });
        }
    }
    let count = text.len().max(1);
    if count > MAX_REPLY_LINES {
        return Err(WriteError::TooManyLines { count });
    }
    // "250 " or "250-", then "5.7.606 " when there is an enhanced code; CRLF at the end.
    let prefix_len = 4 + enhanced.map_or(0, |enhanced| enhanced_len(enhanced) + 1);
    let mut total = prefix_len + 2;
    for (line, text) in text.iter().enumerate() {
        if let Some(&byte) = text
            .as_bytes()
            .iter()
            .find(|&&byte| (byte < 0x20 && byte != b'\t') || byte == 0x7f)
        {
            return Err(WriteError::UnsafeText { line, byte });
        }
        let len = prefix_len + text.len() + 2;
        if len > MAX_REPLY_LINE_LEN {
            return Err(WriteError::LineTooLong { line, len });
        }
        total += if line == 0 { text.len() } else { len };
    }
    if total > MAX_REPLY_LEN {
        return Err(WriteError::TooLong { len: total });
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

fn write_checked<W: fmt::Write + ?Sized>(
    out: &mut W,
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: &[&str],
) -> fmt::Result {
    let last = text.len().saturating_sub(1);
    let lines = text.iter().copied().chain(text.is_empty().then_some(""));
    for (index, line) in lines.enumerate() {
        let separator = if index == last { ' ' } else { '-' };
        write!(out, "{code}{separator}")?;
        if let Some(enhanced) = enhanced {
            write!(out, "{enhanced} ")?;
        }
        out.write_str(line)?;
        out.write_str("\r\n")?;
    }
    Ok(())
}

/// Why [`write_reply`] refused to write a reply.
///
/// ```
/// use smtp_codes::{write_reply, EnhancedCode, WriteError};
/// let mut out = String::new();
/// let error = write_reply(&mut out, 250, EnhancedCode::new(5, 0, 0), &["OK"]).unwrap_err();
/// assert_eq!(error.to_string(), "enhanced code 5.0.0 does not agree with reply code 250: their first digits differ");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WriteError {
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
    /// More than [`MAX_REPLY_LINES`](crate::MAX_REPLY_LINES) lines, which a parser here refuses.
    TooManyLines {
        /// The number of lines.
        count: usize,
    },
    /// More than [`MAX_REPLY_LEN`](crate::MAX_REPLY_LEN) bytes, which a parser here refuses.
    TooLong {
        /// The reply's length as it would be written.
        len: usize,
    },
    /// The output refused the text (its `write_str` returned an error).
    Sink,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            WriteError::InvalidCode(code) => {
                write!(f, "reply code {code} is not in 200..=599")
            }
            WriteError::EnhancedClassMismatch { code, enhanced } => write!(
                f,
                "enhanced code {enhanced} does not agree with reply code {code}: their first digits differ"
            ),
            WriteError::UnsafeText { line, byte } => write!(
                f,
                "line {line} of the text contains control character {byte:#04x} (only HT is allowed)"
            ),
            WriteError::TooManyLines { count } => write!(
                f,
                "a reply of {count} lines, more than {}",
                crate::MAX_REPLY_LINES
            ),
            WriteError::TooLong { len } => write!(
                f,
                "a reply of {len} bytes, more than {}",
                crate::MAX_REPLY_LEN
            ),
            WriteError::LineTooLong { line, len } => write!(
                f,
                "line {line} would be {len} octets, more than {MAX_REPLY_LINE_LEN}"
            ),
            WriteError::Sink => f.write_str("the output refused the reply"),
        }
    }
}

impl core::error::Error for WriteError {}
