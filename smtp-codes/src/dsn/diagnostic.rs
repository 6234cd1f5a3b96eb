//! The `Diagnostic-Code` field (RFC 3464 §2.3.6), read as an SMTP reply when it is one.

use super::{TypedValue, ValueLines};
use crate::bytes::trim_wsp_and_line_ends;
use crate::enhanced::EnhancedCode;

/// A `Diagnostic-Code`: its `diagnostic-type` and its text. With the `smtp` type the text is the
/// remote server's reply, often on one line without its CRLF, sometimes folded over several lines
/// that each repeat the code (`550-5.1.1 ...`); it is read here as a reply: code, enhanced code,
/// text. The code is read from the start of the text whatever the type, as some MTAs label
/// SMTP replies otherwise.
///
/// ```
/// use smtp_codes::dsn::{DiagnosticCode, TypedValue};
/// let value = b"smtp; 550-5.1.1 The email account that you tried to reach does not exist.\r\n    550 5.1.1 Please try double-checking the recipient's email address";
/// let diagnostic = DiagnosticCode::new(TypedValue::split(value));
/// assert!(diagnostic.is_smtp());
/// assert_eq!(diagnostic.reply_code(), Some(550));
/// assert_eq!(diagnostic.enhanced().unwrap().to_string(), "5.1.1");
/// assert_eq!(diagnostic.text_lines().collect::<Vec<_>>(), [
///     &b"The email account that you tried to reach does not exist."[..],
///     b"Please try double-checking the recipient's email address",
/// ]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DiagnosticCode<'a> {
    value: TypedValue<'a>,
}

impl<'a> DiagnosticCode<'a> {
    /// The diagnostic code with this `type; text` value.
    ///
    /// ```
    /// use smtp_codes::dsn::{DiagnosticCode, TypedValue};
    /// let diagnostic = DiagnosticCode::new(TypedValue::split(b"X-Unix; no such user"));
    /// assert_eq!(diagnostic.kind(), b"X-Unix");
    /// ```
    #[must_use]
    pub const fn new(value: TypedValue<'a>) -> DiagnosticCode<'a> {
        DiagnosticCode { value }
    }

    /// The `diagnostic-type` as sent (`smtp`, `X-Postfix`, `X-Unix`); empty without a `;`.
    ///
    /// ```
    /// use smtp_codes::dsn::{DiagnosticCode, TypedValue};
    /// assert_eq!(DiagnosticCode::new(TypedValue::split(b"smtp; 550 No")).kind(), b"smtp");
    /// ```
    #[must_use]
    pub const fn kind(&self) -> &'a [u8] {
        self.value.kind()
    }

    /// Whether the type is `kind`, ignoring ASCII case.
    ///
    /// ```
    /// use smtp_codes::dsn::{DiagnosticCode, TypedValue};
    /// assert!(DiagnosticCode::new(TypedValue::split(b"x-unix; ...")).is_kind("X-Unix"));
    /// ```
    #[must_use]
    pub fn is_kind(&self, kind: &str) -> bool {
        self.value.is_kind(kind)
    }

    /// Whether the type is `smtp` (RFC 3464 §9.2): the text is an SMTP reply.
    ///
    /// ```
    /// use smtp_codes::dsn::{DiagnosticCode, TypedValue};
    /// assert!(DiagnosticCode::new(TypedValue::split(b"SMTP; 550 No")).is_smtp());
    /// ```
    #[must_use]
    pub fn is_smtp(&self) -> bool {
        self.is_kind("smtp")
    }

    /// The whole text after the type, trimmed, folds kept.
    ///
    /// ```
    /// use smtp_codes::dsn::{DiagnosticCode, TypedValue};
    /// assert_eq!(DiagnosticCode::new(TypedValue::split(b"smtp; 550 5.1.1 No")).value(), b"550 5.1.1 No");
    /// ```
    #[must_use]
    pub const fn value(&self) -> &'a [u8] {
        self.value.value()
    }

    /// The reply code at the start of the text: three digits, the first 2 to 5, then a space, a
    /// `-`, or the end of a line.
    ///
    /// ```
    /// use smtp_codes::dsn::{DiagnosticCode, TypedValue};
    /// let code = |value: &[u8]| DiagnosticCode::new(TypedValue::split(value)).reply_code();
    /// assert_eq!(code(b"smtp; 421 4.2.0 Service refused"), Some(421));
    /// assert_eq!(code(b"smtp; 554"), Some(554));
    /// assert_eq!(code(b"smtp; 5540 x"), None);
    /// assert_eq!(code(b"X-Postfix; host said: 550 x"), None);
    /// ```
    #[must_use]
    pub fn reply_code(&self) -> Option<u16> {
        reply_code_at(self.value())
    }

    /// The enhanced status code after the reply code (or at the start, when there is no reply
    /// code), followed by white space or the end.
    ///
    /// ```
    /// use smtp_codes::dsn::{DiagnosticCode, TypedValue};
    /// let enhanced = |value: &[u8]| DiagnosticCode::new(TypedValue::split(value)).enhanced().map(|code| code.to_string());
    /// assert_eq!(enhanced(b"smtp; 550 5.7.1 Rejected").as_deref(), Some("5.7.1"));
    /// assert_eq!(enhanced(b"smtp; 5.2.2 Mailbox full").as_deref(), Some("5.2.2"));
    /// assert_eq!(enhanced(b"smtp; 550 Rejected (#5.7.1)"), None);
    /// ```
    #[must_use]
    pub fn enhanced(&self) -> Option<EnhancedCode> {
        let value = self.value();
        let after_code = skip_code(value, reply_code_at(value));
        enhanced_at(after_code).map(|(code, _)| code)
    }

    /// The text after the reply code and the enhanced code, folds kept.
    ///
    /// ```
    /// use smtp_codes::dsn::{DiagnosticCode, TypedValue};
    /// let diagnostic = DiagnosticCode::new(TypedValue::split(b"smtp; 552 5.2.2 Over quota"));
    /// assert_eq!(diagnostic.text(), b"Over quota");
    /// ```
    #[must_use]
    pub fn text(&self) -> &'a [u8] {
        strip_codes(self.value(), reply_code_at(self.value()))
    }

    /// The text line by line (trimmed, empty lines skipped), without the reply code and enhanced
    /// code that begin the first line and that a folded multi-line reply repeats on each line.
    ///
    /// ```
    /// use smtp_codes::dsn::{DiagnosticCode, TypedValue};
    /// let diagnostic = DiagnosticCode::new(TypedValue::split(b"smtp;550-5.7.1 Blocked.\n 550-5.7.1 See\n   https://example.com/block"));
    /// assert_eq!(diagnostic.text_lines().collect::<Vec<_>>(), [&b"Blocked."[..], b"See", b"https://example.com/block"]);
    /// ```
    #[must_use]
    pub fn text_lines(&self) -> TextLines<'a> {
        TextLines {
            lines: ValueLines::new(self.value()),
            code: self.reply_code(),
            first: true,
            after_bare_code: false,
        }
    }
}

impl DiagnosticCode<'_> {
    /// Writes the text unfolded into `buf`: [`DiagnosticCode::text_lines`] joined by single
    /// spaces (no reply code, no enhanced code, none of the codes a multi-line reply repeats),
    /// and returns the part of `buf` written. A text longer than `buf` is cut at `buf`'s length.
    /// No allocation: `buf` can live on the stack.
    ///
    /// ```
    /// use smtp_codes::dsn::{DiagnosticCode, TypedValue};
    /// let diagnostic = DiagnosticCode::new(TypedValue::split(b"smtp; 550-5.1.1 User\r\n    550 5.1.1 unknown"));
    /// let mut buf = [0; 64];
    /// assert_eq!(diagnostic.unfold_into(&mut buf), b"User unknown");
    /// let mut small = [0; 6];
    /// assert_eq!(diagnostic.unfold_into(&mut small), b"User u");
    /// ```
    pub fn unfold_into<'b>(&self, buf: &'b mut [u8]) -> &'b [u8] {
        let mut len = 0;
        for line in self.text_lines() {
            if len > 0 && len < buf.len() {
                buf[len] = b' ';
                len += 1;
            }
            let take = line.len().min(buf.len() - len);
            buf[len..len + take].copy_from_slice(&line[..take]);
            len += take;
            if len == buf.len() {
                break;
            }
        }
        &buf[..len]
    }
}

/// The lines of a diagnostic code's text; see [`DiagnosticCode::text_lines`].
///
/// ```
/// use smtp_codes::dsn::{DiagnosticCode, TypedValue};
/// let diagnostic = DiagnosticCode::new(TypedValue::split(b"smtp; 550 one\n two"));
/// assert_eq!(diagnostic.text_lines().count(), 2);
/// ```
#[derive(Debug, Clone)]
pub struct TextLines<'a> {
    lines: ValueLines<'a>,
    code: Option<u16>,
    first: bool,
    /// The first line held the reply code alone: the enhanced code may begin the next one.
    after_bare_code: bool,
}

impl<'a> Iterator for TextLines<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        loop {
            let line = self.lines.next()?;
            let first = core::mem::replace(&mut self.first, false);
            let after_bare_code = core::mem::replace(&mut self.after_bare_code, false);
            // A later line is stripped only when it repeats the reply's code.
            let repeats = self.code.is_some() && reply_code_at(line) == self.code;
            let text = if first || repeats {
                strip_codes(line, self.code)
            } else if after_bare_code {
                enhanced_at(line).map_or(line, |(_, after)| trim_wsp_and_line_ends(after))
            } else {
                line
            };
            if first && self.code.is_some() && enhanced_at(skip_code(line, self.code)).is_none() {
                self.after_bare_code = text.is_empty();
            }
            if !text.is_empty() {
                return Some(text);
            }
        }
    }
}

/// The reply code at the start of `text`, followed by a space, a tab, `-`, a line end or the end.
fn reply_code_at(text: &[u8]) -> Option<u16> {
    match text {
        [first @ b'2'..=b'5', second @ b'0'..=b'9', third @ b'0'..=b'9', rest @ ..]
            if matches!(
                rest.first(),
                None | Some(b' ' | b'\t' | b'-' | b'\r' | b'\n')
            ) =>
        {
            Some(
                u16::from(first - b'0') * 100
                    + u16::from(second - b'0') * 10
                    + u16::from(third - b'0'),
            )
        }
        _ => None,
    }
}

/// `text` after the reply code (when there is one) and its separator, and any white space.
fn skip_code(text: &[u8], code: Option<u16>) -> &[u8] {
    let rest = if code.is_some() { &text[3..] } else { text };
    let rest = rest.strip_prefix(b"-").unwrap_or(rest);
    trim_wsp_and_line_ends(rest)
}

/// An enhanced code at the start of `text`, followed by white space or the end; and the text
/// after it.
fn enhanced_at(text: &[u8]) -> Option<(EnhancedCode, &[u8])> {
    let (code, used) = EnhancedCode::parse_prefix(text).ok()?;
    match text.get(used) {
        None | Some(b' ' | b'\t' | b'\r' | b'\n') => Some((code, &text[used..])),
        Some(_) => None,
    }
}

/// `text` without the reply code, the enhanced code and the white space around them.
fn strip_codes(text: &[u8], code: Option<u16>) -> &[u8] {
    let rest = skip_code(text, code);
    match enhanced_at(rest) {
        Some((_, after)) => trim_wsp_and_line_ends(after),
        None => rest,
    }
}
