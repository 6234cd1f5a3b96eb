//! Header fields as RFC 5322 §2.2 writes them, read without copying: `Name: value`, continued on
//! lines that start with a space or a tab (folding), a line ending in CRLF or a bare LF.

use super::ParseDeliveryStatusError;
use crate::bytes::trim_wsp_and_line_ends;

/// One field: its name and its value, borrowed from the report.
///
/// The value starts after the colon and any white space, ends at the end of the field's last line
/// (white space trimmed at both ends), and keeps its folds (line breaks followed by white space)
/// as sent; [`Field::value_lines`] reads it line by line.
///
/// ```
/// use smtp_codes::dsn::DeliveryStatus;
/// let report = DeliveryStatus::parse(b"Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; bob@example.com\nX-Note: two\n  lines\n").unwrap();
/// let recipient = report.recipients().next().unwrap();
/// let note = recipient.field("x-note").unwrap();
/// assert_eq!(note.name(), b"X-Note");
/// assert_eq!(note.value(), b"two\n  lines");
/// assert_eq!(note.value_lines().collect::<Vec<_>>(), [&b"two"[..], b"lines"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Field<'a> {
    name: &'a [u8],
    value: &'a [u8],
}

impl<'a> Field<'a> {
    /// The name as sent; names compare without regard to ASCII case ([`Field::is`]).
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"final-recipient: rfc822; a@example.com\n").unwrap();
    /// let field = report.recipients().next().unwrap().fields().next().unwrap();
    /// assert_eq!(field.name(), b"final-recipient");
    /// ```
    #[must_use]
    pub const fn name(&self) -> &'a [u8] {
        self.name
    }

    /// The value, trimmed, folds kept.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Action:   failed  \r\n").unwrap();
    /// assert_eq!(report.recipients().next().unwrap().field("Action").unwrap().value(), b"failed");
    /// ```
    #[must_use]
    pub const fn value(&self) -> &'a [u8] {
        self.value
    }

    /// Whether the field is named `name`, ignoring ASCII case.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"STATUS: 5.1.1\n").unwrap();
    /// assert!(report.recipients().next().unwrap().fields().next().unwrap().is("Status"));
    /// ```
    #[must_use]
    pub fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name.as_bytes())
    }

    /// The value read as `type; value` (`rfc822; bob@example.com`, `smtp; 550 ...`).
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Remote-MTA: DNS; mx.example.com\n").unwrap();
    /// let mta = report.recipients().next().unwrap().field("remote-mta").unwrap().typed();
    /// assert!(mta.is_kind("dns"));
    /// assert_eq!(mta.value(), b"mx.example.com");
    /// ```
    #[must_use]
    pub fn typed(&self) -> TypedValue<'a> {
        TypedValue::split(self.value)
    }

    /// The value's lines, each trimmed, empty ones skipped: joined by single spaces they give
    /// the unfolded value with its white space runs reduced.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Action: failed\r\nX-A: one\r\n\ttwo\r\n").unwrap();
    /// let field = report.recipients().next().unwrap().field("x-a").unwrap();
    /// assert_eq!(field.value_lines().count(), 2);
    /// ```
    #[must_use]
    pub fn value_lines(&self) -> ValueLines<'a> {
        ValueLines::new(self.value)
    }
}

/// A `type; value` field value (RFC 3464 §2.1.2: `address-type`, `diagnostic-type`, `mta-name-type`).
///
/// Without a `;`, the type is empty and the whole field value is the value: some MTAs write
/// `Remote-MTA: 192.0.2.1`.
///
/// ```
/// use smtp_codes::dsn::TypedValue;
/// let value = TypedValue::split(b"rfc822;bob@example.com");
/// assert_eq!((value.kind(), value.value()), (&b"rfc822"[..], &b"bob@example.com"[..]));
/// assert_eq!(TypedValue::split(b"192.0.2.1").kind(), b"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TypedValue<'a> {
    kind: &'a [u8],
    value: &'a [u8],
}

impl<'a> TypedValue<'a> {
    /// Splits a field value at its first `;` outside comments and trims both sides; the type is
    /// one atom, its comments dropped (`rfc822 (note); a@b`). When the text before the `;` is not
    /// one atom (`550 no such user; disabled`), the value has no type, as without a `;`.
    ///
    /// ```
    /// let value = smtp_codes::dsn::TypedValue::split(b" smtp ;  550 No\r\n such user");
    /// assert_eq!(value.value(), b"550 No\r\n such user");
    /// ```
    #[must_use]
    pub fn split(value: &'a [u8]) -> TypedValue<'a> {
        match type_before_semicolon(value) {
            Some((kind, semicolon)) => TypedValue {
                kind,
                value: trim_wsp_and_line_ends(&value[semicolon + 1..]),
            },
            None => TypedValue {
                kind: &value[..0],
                value: trim_wsp_and_line_ends(value),
            },
        }
    }

    /// The type as sent (`rfc822`, `smtp`, `dns`, `X-Postfix`); empty when there was no `;`.
    ///
    /// ```
    /// assert_eq!(smtp_codes::dsn::TypedValue::split(b"dns; mx").kind(), b"dns");
    /// ```
    #[must_use]
    pub const fn kind(&self) -> &'a [u8] {
        self.kind
    }

    /// Whether the type is `kind`, ignoring ASCII case.
    ///
    /// ```
    /// assert!(smtp_codes::dsn::TypedValue::split(b"RFC822; a@b").is_kind("rfc822"));
    /// ```
    #[must_use]
    pub fn is_kind(&self, kind: &str) -> bool {
        self.kind.eq_ignore_ascii_case(kind.as_bytes())
    }

    /// The value after the `;`, trimmed, folds kept.
    ///
    /// ```
    /// assert_eq!(smtp_codes::dsn::TypedValue::split(b"rfc822; a@b").value(), b"a@b");
    /// ```
    #[must_use]
    pub const fn value(&self) -> &'a [u8] {
        self.value
    }

    /// The value's lines, trimmed, empty ones skipped (see [`Field::value_lines`]).
    ///
    /// ```
    /// let value = smtp_codes::dsn::TypedValue::split(b"smtp; 550 a\n b");
    /// assert_eq!(value.value_lines().collect::<Vec<_>>(), [&b"550 a"[..], b"b"]);
    /// ```
    #[must_use]
    pub fn value_lines(&self) -> ValueLines<'a> {
        ValueLines::new(self.value)
    }
}

/// For a value that starts with a type (RFC 5322 §3.2.3 `atom`: `[CFWS] 1*atext [CFWS]`) and a
/// `;`: the type without its comments and white space, and where the `;` is. `None` when no `;`
/// stands outside comments, or when what comes before it is not one atom (text of several words).
fn type_before_semicolon(value: &[u8]) -> Option<(&[u8], usize)> {
    let mut depth = 0usize;
    let mut atom: Option<(usize, usize)> = None;
    let mut at = 0;
    while at < value.len() {
        let byte = value[at];
        if depth > 0 {
            match byte {
                // A quoted-pair: the next byte is taken as it is.
                b'\\' => at += 1,
                b'(' => depth += 1,
                b')' => depth -= 1,
                _ => {}
            }
        } else {
            match byte {
                b'(' => depth = 1,
                b';' => {
                    return Some((
                        atom.map_or(&value[..0], |(start, end)| &value[start..end]),
                        at,
                    ))
                }
                b' ' | b'\t' | b'\r' | b'\n' => {}
                _ if is_atext(byte) => match atom {
                    None => atom = Some((at, at + 1)),
                    Some((start, end)) if end == at => atom = Some((start, at + 1)),
                    Some(_) => return None,
                },
                _ => return None,
            }
        }
        at += 1;
    }
    None
}

/// RFC 5322 §3.2.3 `atext`.
fn is_atext(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&byte)
}

/// The lines of a folded value, each without its line ending and trimmed; empty lines skipped.
///
/// ```
/// use smtp_codes::dsn::ValueLines;
/// let lines: Vec<&[u8]> = ValueLines::new(b"550 5.1.1 No such\r\n    user here\r\n").collect();
/// assert_eq!(lines, [&b"550 5.1.1 No such"[..], b"user here"]);
/// ```
#[derive(Debug, Clone)]
pub struct ValueLines<'a> {
    rest: &'a [u8],
}

impl<'a> ValueLines<'a> {
    /// The lines of `value`.
    ///
    /// ```
    /// assert_eq!(smtp_codes::dsn::ValueLines::new(b"").count(), 0);
    /// ```
    #[must_use]
    pub const fn new(value: &'a [u8]) -> ValueLines<'a> {
        ValueLines { rest: value }
    }
}

impl<'a> Iterator for ValueLines<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        while !self.rest.is_empty() {
            let (line, rest) = match crate::bytes::find_lf(self.rest) {
                Some(lf) => (&self.rest[..lf], &self.rest[lf + 1..]),
                None => (self.rest, &self.rest[self.rest.len()..]),
            };
            self.rest = rest;
            let line = trim_wsp_and_line_ends(line);
            if !line.is_empty() {
                return Some(line);
            }
        }
        None
    }
}

/// The fields of one block of a report, in order; see
/// [`Recipient::fields`](super::Recipient::fields) and
/// [`PerMessage::fields`](super::PerMessage::fields).
///
/// ```
/// use smtp_codes::dsn::DeliveryStatus;
/// let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\nAction: failed\nX-Custom: 1\n").unwrap();
/// let names: Vec<&[u8]> = report.recipients().next().unwrap().fields().map(|field| field.name()).collect();
/// assert_eq!(names, [&b"Final-Recipient"[..], b"Action", b"X-Custom"]);
/// ```
#[derive(Debug, Clone)]
pub struct Fields<'a> {
    scanner: Scanner<'a>,
}

/// A block of fields the parser checked: a report's per-message fields, or one recipient's. The
/// field look-ups of [`PerMessage`](super::PerMessage) and [`Recipient`](super::Recipient).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Block<'a>(&'a [u8]);

impl<'a> Block<'a> {
    pub(crate) const fn new(bytes: &'a [u8]) -> Block<'a> {
        Block(bytes)
    }

    /// The first field named `name` (any ASCII case).
    pub(crate) fn field(&self, name: &str) -> Option<Field<'a>> {
        self.fields().find(|field| field.is(name))
    }

    /// Every field, in order.
    pub(crate) fn fields(&self) -> Fields<'a> {
        Fields {
            scanner: Scanner::new(self.0),
        }
    }

    pub(crate) const fn as_bytes(&self) -> &'a [u8] {
        self.0
    }
}

impl<'a> Iterator for Fields<'a> {
    type Item = Field<'a>;

    fn next(&mut self) -> Option<Field<'a>> {
        loop {
            match self.scanner.next()?.1 {
                Item::Field(field) => return Some(field),
                Item::Blank => {}
                // A block handed out by the parser has been checked; stop at anything else.
                Item::Error(_) => return None,
            }
        }
    }
}

/// What a line (with its continuation lines) is.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Item<'a> {
    /// A field and its continuation lines.
    Field(Field<'a>),
    /// A line that is empty or holds only spaces and tabs: the end of a block.
    Blank,
    /// A line that cannot start a field.
    Error(ParseDeliveryStatusError),
}

/// Reads fields one after another; each call to `next` returns where the item starts.
#[derive(Debug, Clone)]
pub(crate) struct Scanner<'a> {
    input: &'a [u8],
    pos: usize,
    /// The line after the last field, already found while looking for continuation lines:
    /// where it starts, where its content ends, where the next line starts.
    peeked: Option<(usize, usize, usize)>,
}

impl<'a> Scanner<'a> {
    pub(crate) const fn new(input: &'a [u8]) -> Scanner<'a> {
        Scanner {
            input,
            pos: 0,
            peeked: None,
        }
    }

    /// A scanner of `input` that starts at `pos`, the start of a line.
    pub(crate) const fn resume(input: &'a [u8], pos: usize) -> Scanner<'a> {
        Scanner {
            input,
            pos,
            peeked: None,
        }
    }

    /// The whole input.
    pub(crate) const fn input(&self) -> &'a [u8] {
        self.input
    }

    /// Where the next item starts.
    pub(crate) const fn pos(&self) -> usize {
        self.pos
    }

    /// The next item and its offset. After an error, the scan is over.
    pub(crate) fn next(&mut self) -> Option<(usize, Item<'a>)> {
        let start = self.pos;
        if start >= self.input.len() {
            return None;
        }
        let (content_end, next) = match self.peeked.take() {
            Some((at, end, after)) if at == start => (end, after),
            _ => line_at(self.input, start),
        };
        let line = &self.input[start..content_end];
        if is_blank(line) {
            self.pos = next;
            return Some((start, Item::Blank));
        }
        let (name_len, value_start) = match field_start(line) {
            Ok(found) => found,
            Err(kind) => {
                self.pos = self.input.len();
                return Some((start, Item::Error(kind.at(start))));
            }
        };
        // Continuation lines: folded ones (leading white space), and, best effort, lines that
        // cannot start a field, which some MTAs write unindented inside a long value.
        let mut value_end = content_end;
        let mut pos = next;
        while pos < self.input.len() {
            let (end, after) = line_at(self.input, pos);
            let line = &self.input[pos..end];
            if is_blank(line) || field_start(line).is_ok() {
                self.peeked = Some((pos, end, after));
                break;
            }
            value_end = end;
            pos = after;
        }
        self.pos = pos;
        let field = Field {
            name: &line[..name_len],
            value: trim_wsp_and_line_ends(&self.input[start + value_start..value_end]),
        };
        Some((start, Item::Field(field)))
    }
}

/// Why a line cannot start a field; becomes a [`ParseDeliveryStatusError`] with the line's offset.
#[derive(Debug, Clone, Copy)]
enum LineError {
    MissingColon,
    InvalidName,
    Continuation,
}

impl LineError {
    const fn at(self, offset: usize) -> ParseDeliveryStatusError {
        match self {
            LineError::MissingColon => ParseDeliveryStatusError::MissingColon { offset },
            LineError::InvalidName => ParseDeliveryStatusError::InvalidFieldName { offset },
            LineError::Continuation => ParseDeliveryStatusError::UnexpectedContinuation { offset },
        }
    }
}

/// For a line that starts a field: the length of its name and where its value starts (after the
/// colon). A name is printable ASCII without a colon (RFC 5322 §3.6.8 `ftext`); white space may
/// follow it before the colon (RFC 5322 §4.5, obsolete syntax).
fn field_start(line: &[u8]) -> Result<(usize, usize), LineError> {
    if matches!(line.first(), Some(b' ' | b'\t')) {
        return Err(LineError::Continuation);
    }
    let name_len = line
        .iter()
        .position(|&byte| !(33..=126).contains(&byte) || byte == b':')
        .unwrap_or(line.len());
    let mut colon = name_len;
    while matches!(line.get(colon), Some(b' ' | b'\t')) {
        colon += 1;
    }
    if name_len > 0 && line.get(colon) == Some(&b':') {
        Ok((name_len, colon + 1))
    } else if line[name_len..].contains(&b':') {
        Err(LineError::InvalidName)
    } else {
        Err(LineError::MissingColon)
    }
}

/// The line at `start`: where its content ends (before CRLF or LF) and where the next line starts.
fn line_at(input: &[u8], start: usize) -> (usize, usize) {
    match crate::bytes::find_lf(&input[start..]) {
        Some(lf) => {
            let lf = start + lf;
            let end = if lf > start && input[lf - 1] == b'\r' {
                lf - 1
            } else {
                lf
            };
            (end, lf + 1)
        }
        None => (input.len(), input.len()),
    }
}

/// Empty, or only spaces, tabs and a stray CR.
fn is_blank(line: &[u8]) -> bool {
    line.iter()
        .all(|&byte| matches!(byte, b' ' | b'\t' | b'\r'))
}
