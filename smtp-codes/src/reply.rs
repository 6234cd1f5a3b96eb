//! A whole reply as read from the wire (RFC 5321 §4.2), parsed without copying or allocating.

use core::fmt;

use crate::{Category, Class, EnhancedCode, ReplyCode, ReplyScanner};

/// The longest reply [`Reply::parse`] accepts, in bytes, line endings included. Longer input
/// without a complete reply is [`ParseError::TooLong`], so a hostile server cannot make a client
/// buffer forever. RFC 5321 §4.5.3.1.5 limits a reply line to 512 octets.
///
/// ```
/// use smtp_codes::{ParseError, Reply, MAX_REPLY_LEN};
/// let mut endless = b"250 ".to_vec();
/// endless.resize(MAX_REPLY_LEN + 1, b'x');
/// assert_eq!(Reply::parse(&endless), Err(ParseError::TooLong { limit: MAX_REPLY_LEN }));
/// ```
pub const MAX_REPLY_LEN: usize = 64 * 1024;

/// The most lines [`Reply::parse`] accepts in one reply; more is [`ParseError::TooManyLines`].
///
/// ```
/// use smtp_codes::{ParseError, Reply, MAX_REPLY_LINES};
/// let many = b"250-x\r\n".repeat(MAX_REPLY_LINES + 1);
/// assert_eq!(Reply::parse(&many), Err(ParseError::TooManyLines { limit: MAX_REPLY_LINES }));
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
/// - input that stops mid-reply is [`ParseError::Incomplete`], unless the bytes already read show
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
// `Debug` and `Display` are in `reply_text.rs`: they show the text, not bytes.
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
    /// [`ParseError::Incomplete`] means: read more bytes and parse again from the same start.
    ///
    /// ```
    /// use smtp_codes::{ParseError, Reply};
    /// assert_eq!(Reply::parse(b"250-first\r\n250 se"), Err(ParseError::Incomplete));
    /// assert_eq!(Reply::parse(b"334\r\n").unwrap().0.code(), 334);
    /// assert_eq!(
    ///     Reply::parse(b"250-a\r\n251 b\r\n"),
    ///     Err(ParseError::CodeMismatch { first: 250, found: 251, offset: 7 })
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Incomplete`] when the input ends before the reply; [`ParseError::TooLong`]
    /// and [`ParseError::TooManyLines`] past the bounds; the other variants, with the byte
    /// offset, for a malformed reply.
    pub fn parse(input: &'a [u8]) -> Result<(Reply<'a>, usize), ParseError> {
        crate::scanner::scan_from(input, ReplyScanner::new()).0
    }

    /// A reply over `bytes`, which the scanner has checked to be one whole reply of `line_count`
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
    /// use smtp_codes::{Category, Reply};
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

/// `line` without its LF and the CR before it, if any.
fn strip_line_end(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Checks a whole line (with its line ending) that starts at `offset`: three digits, the first 2
/// to 5, then `-`, a space or the line's end. Returns the code and whether this is the last line.
pub(crate) fn line_start(line: &[u8], offset: usize) -> Result<(u16, bool), ParseError> {
    // The common case in one pattern; `line` ends in LF, so a fourth byte is always there.
    if let [a @ b'2'..=b'5', b @ b'0'..=b'9', c @ b'0'..=b'9', separator, rest @ ..] = line {
        let code = three_digits(*a, *b, *c);
        match (separator, rest) {
            (b'-', _) => return Ok((code, false)),
            (b' ' | b'\n', _) | (b'\r', [b'\n']) => return Ok((code, true)),
            _ => {}
        }
    }
    // Work out which error it is.
    line_code(line, offset).and(Err(ParseError::NotACode { offset }))
}

/// The error in a line whose end has not arrived yet, when its first bytes already show one:
/// the same error, in the same order of checks, that the whole line will give. A peer that is not
/// an SMTP server (`HTTP/1.1 400 ...`) is refused at once, not after [`MAX_REPLY_LEN`] bytes.
pub(crate) fn unfinished_line_error(
    partial: &[u8],
    offset: usize,
    first: Option<u16>,
) -> Option<ParseError> {
    if partial.iter().take(3).any(|byte| !byte.is_ascii_digit()) {
        return Some(ParseError::NotACode { offset });
    }
    let [a, b, c, rest @ ..] = partial else {
        return None;
    };
    let code = three_digits(*a, *b, *c);
    if !(b'2'..=b'5').contains(a) {
        return Some(ParseError::CodeOutOfRange { code, offset });
    }
    match (rest, first) {
        // The separator decides before the code is compared, as for a whole line.
        ([b'-' | b' ', ..], Some(first)) if first != code => Some(ParseError::CodeMismatch {
            first,
            found: code,
            offset,
        }),
        // Still fine, or not known yet: nothing after the code, or a CR that an LF may follow.
        ([] | [b'-' | b' ', ..] | [b'\r'], _) => None,
        ([byte, ..], _) => Some(ParseError::InvalidSeparator {
            byte: *byte,
            offset: offset + 3,
        }),
    }
}

/// The checks of [`line_start`], one by one, to name what is wrong; returns the line's code.
fn line_code(line: &[u8], offset: usize) -> Result<u16, ParseError> {
    let content = strip_line_end(line);
    let [a, b, c, rest @ ..] = content else {
        return Err(ParseError::NotACode { offset });
    };
    if !(a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit()) {
        return Err(ParseError::NotACode { offset });
    }
    let code = three_digits(*a, *b, *c);
    if !(b'2'..=b'5').contains(a) {
        return Err(ParseError::CodeOutOfRange { code, offset });
    }
    match rest.first() {
        None | Some(b' ' | b'-') => Ok(code),
        Some(&byte) => Err(ParseError::InvalidSeparator {
            byte,
            offset: offset + 3,
        }),
    }
}

/// The number written by three ASCII digits.
pub(crate) const fn three_digits(a: u8, b: u8, c: u8) -> u16 {
    (a - b'0') as u16 * 100 + (b - b'0') as u16 * 10 + (c - b'0') as u16
}

/// The index of the first LF in `bytes`, sixteen bytes a step (two words tested together).
///
/// Kept over `memchr::memchr` (`no_std`, SSE2 here) on measurement (issue 12; min of 300 runs of
/// each, built alike, same machine, 2026-11-29): with memchr, parsing the pipelined corpus ran at
/// 0.87 of this loop's speed and reply by reply at 1.05. Reply lines are short (20 to 100 bytes)
/// while a pipelined buffer holds many: memchr's vector loop reads 64 bytes a step past its
/// first 16 (likely why), where this loop stops within 16 bytes of the LF. A wash reply by reply,
/// a loss on the buffers that readers scan, and one dependency fewer.
pub(crate) fn find_lf(bytes: &[u8]) -> Option<usize> {
    let mut chunks = bytes.chunks_exact(16);
    let mut offset = 0;
    for chunk in &mut chunks {
        let (low, high) = (lf_bits(&chunk[..8]), lf_bits(&chunk[8..]));
        if low | high != 0 {
            let index = if low != 0 {
                low.trailing_zeros() / 8
            } else {
                8 + high.trailing_zeros() / 8
            };
            return Some(offset + index as usize);
        }
        offset += 16;
    }
    chunks
        .remainder()
        .iter()
        .position(|&byte| byte == b'\n')
        .map(|index| offset + index)
}

/// For eight bytes (little-endian), a word whose lowest set bit is the high bit of the first LF
/// byte, or 0 when there is none. Bits above the first LF may be wrong; only the lowest is used.
fn lf_bits(eight: &[u8]) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    const LFS: u64 = u64::from_ne_bytes([b'\n'; 8]);
    let mut bytes = [0; 8];
    bytes.copy_from_slice(eight);
    let word = u64::from_le_bytes(bytes) ^ LFS;
    word.wrapping_sub(ONES) & !word & HIGHS
}

/// Why bytes are not a reply. Every variant but [`Incomplete`](ParseError::Incomplete) means the
/// input is malformed; offsets count from the start of the input.
///
/// ```
/// use smtp_codes::{ParseError, Reply};
/// let error = Reply::parse(b"250OK\r\n").unwrap_err();
/// assert_eq!(error, ParseError::InvalidSeparator { byte: b'O', offset: 3 });
/// assert_eq!(error.to_string(), "byte 3: expected '-', ' ' or the line end after the reply code, found 0x4f");
/// assert!(!error.is_incomplete());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseError {
    /// The input ends before the reply does: read more bytes.
    Incomplete,
    /// No complete reply within [`MAX_REPLY_LEN`] bytes.
    TooLong {
        /// The bound, in bytes.
        limit: usize,
    },
    /// More than [`MAX_REPLY_LINES`] lines.
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

impl ParseError {
    /// Whether the input only ended too early: read more and parse again.
    ///
    /// ```
    /// assert!(smtp_codes::ParseError::Incomplete.is_incomplete());
    /// ```
    #[must_use]
    pub const fn is_incomplete(&self) -> bool {
        matches!(self, ParseError::Incomplete)
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
            ParseError::NotACode { offset }
            | ParseError::CodeOutOfRange { offset, .. }
            | ParseError::InvalidSeparator { offset, .. }
            | ParseError::CodeMismatch { offset, .. } => Some(offset),
            ParseError::Incomplete
            | ParseError::TooLong { .. }
            | ParseError::TooManyLines { .. } => None,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ParseError::Incomplete => f.write_str("incomplete reply: more bytes are needed"),
            ParseError::TooLong { limit } => write!(f, "reply longer than {limit} bytes"),
            ParseError::TooManyLines { limit } => write!(f, "reply of more than {limit} lines"),
            ParseError::NotACode { offset } => write!(
                f,
                "byte {offset}: the line does not start with a three-digit reply code"
            ),
            ParseError::CodeOutOfRange { code, offset } => write!(
                f,
                "byte {offset}: reply code {code:03} out of range (the first digit must be 2 to 5)"
            ),
            ParseError::InvalidSeparator { byte, offset } => write!(
                f,
                "byte {offset}: expected '-', ' ' or the line end after the reply code, found {byte:#04x}"
            ),
            ParseError::CodeMismatch {
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

impl core::error::Error for ParseError {}
