//! One capability line of a reply to EHLO, and the iterators over lines, parameters and SASL
//! mechanisms.

use super::Extension;
use crate::bytes::{is_wsp, trim_wsp};
use crate::reply::Lines;

/// One capability line of an EHLO reply: its keyword, the registry's [`Extension`] when the
/// keyword is one, and its parameters, all borrowed from the reply.
///
/// ```
/// use smtp_codes::{Ehlo, Extension, Reply};
/// let (reply, _) = Reply::parse(b"250-foo.com\r\n250 XCLIENT NAME ADDR\r\n").unwrap();
/// let capability = Ehlo::parse(&reply).unwrap().capabilities().next().unwrap();
/// assert_eq!(capability.keyword(), b"XCLIENT");
/// assert_eq!(capability.extension(), None);
/// assert_eq!(capability.parameters().collect::<Vec<_>>(), [&b"NAME"[..], b"ADDR"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Capability<'a> {
    line: &'a [u8],
    keyword: &'a [u8],
    parameters: &'a [u8],
    equals_form: bool,
    extension: Option<Extension>,
}

impl<'a> Capability<'a> {
    /// Reads one line's text (without the code and the line end).
    fn read(line: &'a [u8]) -> Capability<'a> {
        let text = trim_wsp(line);
        let end = text
            .iter()
            .position(|&byte| is_wsp(byte) || byte == b'=')
            .unwrap_or(text.len());
        let (keyword, rest) = text.split_at(end);
        let equals_form = rest.first() == Some(&b'=');
        let parameters = match rest.split_first() {
            Some((_, after)) => trim_wsp(after),
            None => rest,
        };
        Capability {
            line,
            keyword,
            parameters,
            equals_form,
            extension: Extension::from_keyword(keyword),
        }
    }

    /// The keyword as sent: the line's first word, up to a space, TAB or `=`. It may be empty,
    /// or not an `ehlo-keyword`, on a malformed line.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com\r\n250 8bitmime\r\n").unwrap();
    /// let first = smtp_codes::Ehlo::parse(&reply).unwrap().capabilities().next().unwrap();
    /// assert_eq!(first.keyword(), b"8bitmime");
    /// ```
    #[must_use]
    pub const fn keyword(&self) -> &'a [u8] {
        self.keyword
    }

    /// The registry's extension for the keyword, compared without regard to case.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com\r\n250 8bitmime\r\n").unwrap();
    /// let first = smtp_codes::Ehlo::parse(&reply).unwrap().capabilities().next().unwrap();
    /// assert_eq!(first.extension(), Some(smtp_codes::Extension::EightBitMime));
    /// ```
    #[must_use]
    pub const fn extension(&self) -> Option<Extension> {
        self.extension
    }

    /// The parameters, words separated by spaces or TABs (`PLAIN`, `LOGIN` of `AUTH PLAIN LOGIN`).
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com\r\n250 AUTH  PLAIN\tLOGIN\r\n").unwrap();
    /// let auth = smtp_codes::Ehlo::parse(&reply).unwrap().capabilities().next().unwrap();
    /// assert_eq!(auth.parameters().collect::<Vec<_>>(), [&b"PLAIN"[..], b"LOGIN"]);
    /// ```
    #[must_use]
    pub const fn parameters(&self) -> Parameters<'a> {
        Parameters {
            rest: self.parameters,
        }
    }

    /// Everything after the keyword and its separator, as sent (spaces around it removed).
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com\r\n250 SIZE 1000\r\n").unwrap();
    /// let size = smtp_codes::Ehlo::parse(&reply).unwrap().capabilities().next().unwrap();
    /// assert_eq!(size.parameter_text(), b"1000");
    /// ```
    #[must_use]
    pub const fn parameter_text(&self) -> &'a [u8] {
        self.parameters
    }

    /// Whether the keyword is followed by `=` rather than a space: the pre-standard
    /// `AUTH=PLAIN LOGIN` form, which old Microsoft clients expect.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com\r\n250 AUTH=LOGIN PLAIN\r\n").unwrap();
    /// let auth = smtp_codes::Ehlo::parse(&reply).unwrap().capabilities().next().unwrap();
    /// assert!(auth.is_equals_form());
    /// assert_eq!(auth.extension(), Some(smtp_codes::Extension::Auth));
    /// ```
    #[must_use]
    pub const fn is_equals_form(&self) -> bool {
        self.equals_form
    }

    /// The whole line's text as sent, after the code and its separator.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com\r\n250 SIZE 1000\r\n").unwrap();
    /// let size = smtp_codes::Ehlo::parse(&reply).unwrap().capabilities().next().unwrap();
    /// assert_eq!(size.line(), b"SIZE 1000");
    /// ```
    #[must_use]
    pub const fn line(&self) -> &'a [u8] {
        self.line
    }
}

/// The capability lines of an EHLO reply; see
/// [`Ehlo::capabilities`](crate::Ehlo::capabilities).
///
/// ```
/// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com\r\n250-DSN\r\n250 HELP\r\n").unwrap();
/// let keywords: Vec<&[u8]> = smtp_codes::Ehlo::parse(&reply).unwrap().capabilities().map(|c| c.keyword()).collect();
/// assert_eq!(keywords, [&b"DSN"[..], b"HELP"]);
/// ```
#[derive(Debug, Clone)]
pub struct Capabilities<'a> {
    lines: Lines<'a>,
}

impl<'a> Capabilities<'a> {
    /// The capabilities of `lines`, the reply's lines after the first.
    pub(super) fn new(lines: Lines<'a>) -> Self {
        Capabilities { lines }
    }
}

impl<'a> Iterator for Capabilities<'a> {
    type Item = Capability<'a>;

    fn next(&mut self) -> Option<Capability<'a>> {
        self.lines.next().map(Capability::read)
    }
}

/// The words of a capability's parameters; see [`Capability::parameters`].
///
/// ```
/// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com\r\n250 AUTH PLAIN\r\n").unwrap();
/// let mut words = smtp_codes::Ehlo::parse(&reply).unwrap().capabilities().next().unwrap().parameters();
/// assert_eq!(words.next(), Some(&b"PLAIN"[..]));
/// assert_eq!(words.next(), None);
/// ```
#[derive(Debug, Clone)]
pub struct Parameters<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Parameters<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let start = self.rest.iter().position(|&byte| !is_wsp(byte))?;
        let rest = &self.rest[start..];
        let end = rest
            .iter()
            .position(|&byte| is_wsp(byte))
            .unwrap_or(rest.len());
        let (word, rest) = rest.split_at(end);
        self.rest = rest;
        Some(word)
    }
}

/// The SASL mechanisms of every `AUTH` line; see
/// [`Ehlo::auth_mechanisms`](crate::Ehlo::auth_mechanisms).
///
/// ```
/// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com\r\n250 AUTH XOAUTH2\r\n").unwrap();
/// let mut mechanisms = smtp_codes::Ehlo::parse(&reply).unwrap().auth_mechanisms();
/// assert_eq!(mechanisms.next(), Some(&b"XOAUTH2"[..]));
/// assert_eq!(mechanisms.next(), None);
/// ```
#[derive(Debug, Clone)]
pub struct AuthMechanisms<'a> {
    capabilities: Capabilities<'a>,
    words: Parameters<'a>,
}

impl<'a> AuthMechanisms<'a> {
    /// The mechanisms of the `AUTH` lines among `capabilities`.
    pub(super) fn new(capabilities: Capabilities<'a>) -> Self {
        AuthMechanisms {
            capabilities,
            words: Parameters { rest: b"" },
        }
    }
}

impl<'a> Iterator for AuthMechanisms<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        loop {
            if let Some(word) = self.words.next() {
                return Some(word);
            }
            let auth = self
                .capabilities
                .find(|capability| capability.extension() == Some(Extension::Auth))?;
            self.words = auth.parameters();
        }
    }
}
