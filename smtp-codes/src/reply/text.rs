//! A reply's text for people and logs: each line's text without the enhanced code, `Debug` with
//! the text shown (escaped where it is not UTF-8), `Display` as sent.

use core::fmt;

use super::{Lines, Reply};
use crate::enhanced::EnhancedCode;

impl<'a> Reply<'a> {
    /// Each line's text without the code, its separator, the enhanced code and the spaces after
    /// it: what a person reads. The enhanced code is taken off a line only when it is the one
    /// [`Reply::enhanced`] found on the first line (RFC 2034 §4 repeats it on every line); it is
    /// available on its own from [`Reply::enhanced`].
    ///
    /// ```
    /// let (reply, _) = smtp_codes::Reply::parse(
    ///     b"550-5.1.1 The account does not exist.\r\n550 5.1.1  Check the address.\r\n",
    /// ).unwrap();
    /// let texts: Vec<&[u8]> = reply.texts().collect();
    /// assert_eq!(texts, [&b"The account does not exist."[..], b"Check the address."]);
    /// assert_eq!(reply.lines().next(), Some(&b"5.1.1 The account does not exist."[..]));
    /// ```
    #[must_use]
    pub fn texts(&self) -> Texts<'a> {
        Texts {
            lines: self.lines(),
            enhanced: self.enhanced(),
        }
    }
}

/// The text of each line of a [`Reply`] without its enhanced code; see [`Reply::texts`].
///
/// ```
/// let (reply, _) = smtp_codes::Reply::parse(b"250-2.0.0 first\r\n250 2.0.0 second\r\n").unwrap();
/// let mut texts = reply.texts();
/// assert_eq!(texts.next(), Some(&b"first"[..]));
/// assert_eq!(texts.next(), Some(&b"second"[..]));
/// assert_eq!(texts.next(), None);
/// ```
#[derive(Debug, Clone)]
pub struct Texts<'a> {
    lines: Lines<'a>,
    enhanced: Option<EnhancedCode>,
}

impl<'a> Iterator for Texts<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let line = self.lines.next()?;
        let Some(enhanced) = self.enhanced else {
            return Some(line);
        };
        match EnhancedCode::parse_prefix(line) {
            Ok((code, used)) if code == enhanced => {
                let rest = &line[used..];
                if rest.is_empty() || rest[0] == b' ' {
                    let spaces = rest.iter().take_while(|&&byte| byte == b' ').count();
                    return Some(&rest[spaces..]);
                }
                Some(line)
            }
            _ => Some(line),
        }
    }
}

/// Bytes shown as a quoted string: UTF-8 as `str`'s `Debug` shows it, other bytes as `\xNN`.
struct Escaped<'a>(&'a [u8]);

impl fmt::Debug for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for chunk in self.0.utf8_chunks() {
            for c in chunk.valid().chars() {
                // Quotes inside are escaped; `escape_debug` leaves `'` alone only in strings.
                if c == '\'' {
                    f.write_str("'")?;
                } else {
                    fmt::Display::fmt(&c.escape_debug(), f)?;
                }
            }
            for byte in chunk.invalid() {
                write!(f, "\\x{byte:02x}")?;
            }
        }
        f.write_str("\"")
    }
}

/// The lines' texts as a list of escaped strings.
struct LineList<'a>(Lines<'a>);

impl fmt::Debug for LineList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.0.clone().map(Escaped)).finish()
    }
}

impl fmt::Debug for Reply<'_> {
    /// The code and each line's text, escaped where it is not UTF-8:
    /// `Reply { code: 550, lines: ["5.1.1 No such user"] }`.
    ///
    /// ```
    /// let (reply, _) = smtp_codes::Reply::parse(b"550-5.1.1 Bo\xeete pleine\r\n550 5.1.1 \"x\"\r\n").unwrap();
    /// assert_eq!(
    ///     format!("{reply:?}"),
    ///     r#"Reply { code: 550, lines: ["5.1.1 Bo\xeete pleine", "5.1.1 \"x\""] }"#
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Reply")
            .field("code", &self.code())
            .field("lines", &LineList(self.lines()))
            .finish()
    }
}

impl fmt::Display for Reply<'_> {
    /// The reply as sent, line endings included, with each run of bytes that is not UTF-8 shown
    /// as U+FFFD (as `String::from_utf8_lossy` does).
    ///
    /// ```
    /// let (reply, _) = smtp_codes::Reply::parse(b"550-Bo\xeete\r\n550 pleine\n").unwrap();
    /// assert_eq!(reply.to_string(), "550-Bo\u{fffd}te\r\n550 pleine\n");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for chunk in self.as_bytes().utf8_chunks() {
            f.write_str(chunk.valid())?;
            if !chunk.invalid().is_empty() {
                f.write_str("\u{fffd}")?;
            }
        }
        Ok(())
    }
}
