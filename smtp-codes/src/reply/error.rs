//! Why bytes are not a reply: [`ParseReplyError`].

use core::fmt;

/// Why bytes are not a reply. Every variant but [`Incomplete`](ParseReplyError::Incomplete) means the
/// input is malformed; offsets count from the start of the input.
///
/// ```
/// use smtp_codes::reply::{ParseReplyError, Reply};
/// let error = Reply::parse(b"250OK\r\n").unwrap_err();
/// assert_eq!(error, ParseReplyError::InvalidSeparator { byte: b'O', offset: 3 });
/// assert_eq!(error.to_string(), "byte 3: expected '-', ' ' or the line end after the reply code, found 0x4f");
/// assert!(!error.is_incomplete());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseReplyError {
    /// The input ends before the reply does: read more bytes.
    Incomplete,
    /// No complete reply within [`MAX_REPLY_LEN`](super::MAX_REPLY_LEN) bytes.
    TooLong {
        /// The bound, in bytes.
        limit: usize,
    },
    /// More than [`MAX_REPLY_LINES`](super::MAX_REPLY_LINES) lines.
    TooManyLines {
        /// The bound, in lines.
        limit: usize,
    },
    /// A line does not start with three digits.
    NotACode {
        /// Where the line starts.
        offset: usize,
    },
    /// Three digits, but the first is not 2 to 5 (`099`, `123`, `600`).
    CodeOutOfRange {
        /// The code.
        code: u16,
        /// Where the line starts.
        offset: usize,
    },
    /// The code is followed by something other than `-`, a space or the line's end
    /// (`250OK`, `2500 OK`, a TAB).
    InvalidSeparator {
        /// The byte after the code.
        byte: u8,
        /// Where that byte is.
        offset: usize,
    },
    /// A line of a multi-line reply carries another code than the first line.
    CodeMismatch {
        /// The first line's code.
        first: u16,
        /// This line's code.
        found: u16,
        /// Where this line starts.
        offset: usize,
    },
}

impl ParseReplyError {
    /// Whether the input only ended too early: read more and parse again.
    ///
    /// ```
    /// assert!(smtp_codes::reply::ParseReplyError::Incomplete.is_incomplete());
    /// ```
    #[must_use]
    pub const fn is_incomplete(&self) -> bool {
        matches!(self, ParseReplyError::Incomplete)
    }

    /// Where in the input the problem is, when it is at one place.
    ///
    /// ```
    /// use smtp_codes::Reply;
    /// assert_eq!(Reply::parse(b"250-a\r\n 250 b\r\n").unwrap_err().offset(), Some(7));
    /// ```
    #[must_use]
    pub const fn offset(&self) -> Option<usize> {
        match *self {
            ParseReplyError::NotACode { offset }
            | ParseReplyError::CodeOutOfRange { offset, .. }
            | ParseReplyError::InvalidSeparator { offset, .. }
            | ParseReplyError::CodeMismatch { offset, .. } => Some(offset),
            ParseReplyError::Incomplete
            | ParseReplyError::TooLong { .. }
            | ParseReplyError::TooManyLines { .. } => None,
        }
    }
}

impl fmt::Display for ParseReplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ParseReplyError::Incomplete => f.write_str("incomplete reply: more bytes are needed"),
            ParseReplyError::TooLong { limit } => write!(f, "reply longer than {limit} bytes"),
            ParseReplyError::TooManyLines { limit } => write!(f, "reply of more than {limit} lines"),
            ParseReplyError::NotACode { offset } => write!(
                f,
                "byte {offset}: the line does not start with a three-digit reply code"
            ),
            ParseReplyError::CodeOutOfRange { code, offset } => write!(
                f,
                "byte {offset}: reply code {code:03} out of range (the first digit must be 2 to 5)"
            ),
            ParseReplyError::InvalidSeparator { byte, offset } => write!(
                f,
                "byte {offset}: expected '-', ' ' or the line end after the reply code, found {byte:#04x}"
            ),
            ParseReplyError::CodeMismatch {
                first,
                found,
                offset,
            } => write!(
                f,
                "byte {offset}: line with code {found} in a reply that started with code {first}"
            ),
        }
    }
}

impl core::error::Error for ParseReplyError {}
