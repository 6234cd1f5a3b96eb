//! A reply to EHLO or LHLO read as the server's capabilities (RFC 5321 §4.1.1.1, RFC 2033 §4.1):
//! the domain and greeting of the first line, then one capability a line, without copying.

use core::fmt;

use crate::{Extension, Lines, Reply};

/// A `250` reply to EHLO or LHLO: the server's domain and greeting, then its capabilities.
///
/// It borrows the reply's bytes and allocates nothing; every accessor scans the lines again.
/// The policy, for replies that stray from RFC 5321's `ehlo-ok-rsp` grammar:
///
/// - only a `250` reply is read; any other code is [`EhloError::NotOk`];
/// - the first line is the domain up to the first space or TAB, then the greeting (both may be
///   empty);
/// - every further line is one [`Capability`]: spaces and TABs around it are ignored, its keyword
///   runs to the first space, TAB or `=`, and the words after it are its parameters. A keyword is
///   compared without regard to case (RFC 5321 §2.4); one the registry does not have, or a line
///   that is not a keyword at all, is kept as bytes, with no [`Extension`];
/// - a keyword sent on several lines: [`capability`](Ehlo::capability), [`size`](Ehlo::size) and
///   [`limits`](Ehlo::limits) read the first such line, [`auth_mechanisms`](Ehlo::auth_mechanisms)
///   reads them all, and [`capabilities`](Ehlo::capabilities) yields every line as sent.
///
/// ```
/// use smtp_codes::{Ehlo, Extension, MessageSize, Reply};
/// let (reply, _) = Reply::parse(b"250-mx.google.com at your service, [203.0.113.9]\r\n\
///                                 250-SIZE 35882577\r\n\
///                                 250-8BITMIME\r\n\
///                                 250-STARTTLS\r\n\
///                                 250-ENHANCEDSTATUSCODES\r\n\
///                                 250-PIPELINING\r\n\
///                                 250-CHUNKING\r\n\
///                                 250 SMTPUTF8\r\n").unwrap();
/// let ehlo = Ehlo::parse(&reply).unwrap();
/// assert_eq!(ehlo.domain(), b"mx.google.com");
/// assert_eq!(ehlo.greeting(), b"at your service, [203.0.113.9]");
/// assert!(ehlo.supports(Extension::StartTls));
/// assert!(!ehlo.supports(Extension::Auth));
/// assert_eq!(ehlo.size(), Some(MessageSize::Maximum(35_882_577)));
/// assert_eq!(ehlo.capabilities().count(), 7);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ehlo<'a> {
    reply: Reply<'a>,
    domain: &'a [u8],
    greeting: &'a [u8],
}

impl<'a> Ehlo<'a> {
    /// Reads a reply to EHLO or LHLO.
    ///
    /// ```
    /// use smtp_codes::{Ehlo, EhloError, Reply};
    /// let (reply, _) = Reply::parse(b"250 xyz.com is on the air\r\n").unwrap();
    /// let ehlo = Ehlo::parse(&reply).unwrap();
    /// assert_eq!(ehlo.domain(), b"xyz.com");
    /// assert_eq!(ehlo.capabilities().count(), 0);
    ///
    /// let (refused, _) = Reply::parse(b"502 5.5.1 EHLO not implemented\r\n").unwrap();
    /// assert_eq!(Ehlo::parse(&refused), Err(EhloError::NotOk { code: 502 }));
    /// ```
    ///
    /// # Errors
    ///
    /// [`EhloError::NotOk`] when the reply code is not `250`: the server refused EHLO (with
    /// `500`, `501`, `502` or `550`, RFC 5321 §3.2; a client may then try HELO) or the reply
    /// answers something else.
    pub fn parse(reply: &Reply<'a>) -> Result<Ehlo<'a>, EhloError> {
        if reply.code() != 250 {
            return Err(EhloError::NotOk { code: reply.code() });
        }
        let first = reply.lines().next().unwrap_or_default();
        let first = trim(first);
        let end = first
            .iter()
            .position(|&byte| is_blank(byte))
            .unwrap_or(first.len());
        let (domain, greeting) = first.split_at(end);
        Ok(Ehlo {
            reply: *reply,
            domain,
            greeting: trim(greeting),
        })
    }

    /// The domain (or address literal) the server names itself by: the first line's first word.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com greets bar.com\r\n250 HELP\r\n").unwrap();
    /// assert_eq!(smtp_codes::Ehlo::parse(&reply).unwrap().domain(), b"foo.com");
    /// ```
    #[must_use]
    pub const fn domain(&self) -> &'a [u8] {
        self.domain
    }

    /// The rest of the first line after the domain (`ehlo-greet`); empty when there is none.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com greets bar.com\r\n250 HELP\r\n").unwrap();
    /// assert_eq!(smtp_codes::Ehlo::parse(&reply).unwrap().greeting(), b"greets bar.com");
    /// ```
    #[must_use]
    pub const fn greeting(&self) -> &'a [u8] {
        self.greeting
    }

    /// The reply this was read from.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250 foo.com\r\n").unwrap();
    /// assert_eq!(smtp_codes::Ehlo::parse(&reply).unwrap().reply(), reply);
    /// ```
    #[must_use]
    pub const fn reply(&self) -> Reply<'a> {
        self.reply
    }

    /// Every line after the first, as a [`Capability`], in the order sent.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com\r\n250-VRFY\r\n250 DSN\r\n").unwrap();
    /// use smtp_codes::{Ehlo, Extension};
    /// let ehlo = Ehlo::parse(&reply).unwrap();
    /// let known: Vec<Option<Extension>> = ehlo.capabilities().map(|c| c.extension()).collect();
    /// assert_eq!(known, [None, Some(Extension::Dsn)]); // VRFY is not a registered keyword
    /// ```
    #[must_use]
    pub fn capabilities(&self) -> Capabilities<'a> {
        let mut lines = self.reply.lines();
        lines.next();
        Capabilities { lines }
    }

    /// The first line that offers `extension`, if any.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com\r\n250 AUTH PLAIN LOGIN\r\n").unwrap();
    /// use smtp_codes::{Ehlo, Extension};
    /// let auth = Ehlo::parse(&reply).unwrap().capability(Extension::Auth).unwrap();
    /// assert_eq!(auth.parameter_text(), b"PLAIN LOGIN");
    /// ```
    #[must_use]
    pub fn capability(&self, extension: Extension) -> Option<Capability<'a>> {
        self.capabilities()
            .find(|capability| capability.extension() == Some(extension))
    }

    /// Whether some line offers `extension` (its keyword in any case; `AUTH=...` offers `AUTH`).
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-foo.com\r\n250 pipelining\r\n").unwrap();
    /// use smtp_codes::{Ehlo, Extension};
    /// let ehlo = Ehlo::parse(&reply).unwrap();
    /// assert!(ehlo.supports(Extension::Pipelining));
    /// assert!(!ehlo.supports(Extension::StartTls));
    /// ```
    #[must_use]
    pub fn supports(&self, extension: Extension) -> bool {
        self.capability(extension).is_some()
    }

    /// The message size the server declares with `SIZE` (RFC 1870 §4), from the first `SIZE`
    /// line; `None` when it sends none.
    ///
    /// `SIZE` alone, or `SIZE 0`, is [`MessageSize::NoFixedMaximum`]; one decimal number is
    /// [`MessageSize::Maximum`]; anything else (letters, several words, a number above
    /// `u64::MAX`) is [`MessageSize::Malformed`].
    ///
    /// ```
    /// use smtp_codes::{Ehlo, MessageSize, Reply};
    /// let size = |wire: &[u8]| Ehlo::parse(&Reply::parse(wire).unwrap().0).unwrap().size();
    /// assert_eq!(size(b"250-a\r\n250 SIZE 10240000\r\n"), Some(MessageSize::Maximum(10_240_000)));
    /// assert_eq!(size(b"250-a\r\n250 SIZE\r\n"), Some(MessageSize::NoFixedMaximum));
    /// assert_eq!(size(b"250-a\r\n250 SIZE 0\r\n"), Some(MessageSize::NoFixedMaximum));
    /// assert_eq!(size(b"250-a\r\n250 SIZE 10MB\r\n"), Some(MessageSize::Malformed));
    /// assert_eq!(size(b"250-a\r\n250 DSN\r\n"), None);
    /// ```
    #[must_use]
    pub fn size(&self) -> Option<MessageSize> {
        let capability = self.capability(Extension::Size)?;
        let mut words = capability.parameters();
        Some(match (words.next(), words.next()) {
            (None, _) => MessageSize::NoFixedMaximum,
            (Some(word), None) => match decimal(word) {
                Some(0) => MessageSize::NoFixedMaximum,
                Some(octets) => MessageSize::Maximum(octets),
                None => MessageSize::Malformed,
            },
            (Some(_), Some(_)) => MessageSize::Malformed,
        })
    }

    /// The SASL mechanisms of every `AUTH` line (RFC 4954 §3), in the order sent, including the
    /// legacy `AUTH=PLAIN LOGIN` form some servers add for old clients. A server that sends both
    /// forms lists its mechanisms twice. Mechanism names are bytes as sent; compare them with
    /// `eq_ignore_ascii_case`.
    ///
    /// ```
    /// use smtp_codes::{Ehlo, Reply};
    /// let (reply, _) = Reply::parse(b"250-mail.example.com\r\n250-AUTH=LOGIN\r\n250 AUTH PLAIN LOGIN\r\n").unwrap();
    /// let ehlo = Ehlo::parse(&reply).unwrap();
    /// let mechanisms: Vec<&[u8]> = ehlo.auth_mechanisms().collect();
    /// assert_eq!(mechanisms, [&b"LOGIN"[..], b"PLAIN", b"LOGIN"]);
    /// ```
    #[must_use]
    pub fn auth_mechanisms(&self) -> AuthMechanisms<'a> {
        AuthMechanisms {
            capabilities: self.capabilities(),
            words: Parameters { rest: b"" },
        }
    }

    /// The limits of the first `LIMITS` line (RFC 9422), or `None` when the server sends none.
    ///
    /// ```
    /// use smtp_codes::{Ehlo, Reply};
    /// let (reply, _) = Reply::parse(b"250-mx.example.com\r\n250 LIMITS RCPTMAX=100 MAILMAX=10\r\n").unwrap();
    /// let limits = Ehlo::parse(&reply).unwrap().limits().unwrap();
    /// assert_eq!(limits.rcpt_max(), Some(100));
    /// assert_eq!(limits.mail_max(), Some(10));
    /// assert_eq!(limits.rcpt_domain_max(), None);
    /// ```
    #[must_use]
    pub fn limits(&self) -> Option<Limits<'a>> {
        let capability = self.capability(Extension::Limits)?;
        Some(Limits {
            words: capability.parameters(),
        })
    }
}

/// Why a reply is not read as a reply to EHLO; see [`Ehlo::parse`].
///
/// ```
/// use smtp_codes::EhloError;
/// assert_eq!(EhloError::NotOk { code: 502 }.to_string(), "reply code 502 is not 250: not a successful reply to EHLO");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EhloError {
    /// The reply code is not `250`.
    NotOk {
        /// The reply's code.
        code: u16,
    },
}

impl fmt::Display for EhloError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EhloError::NotOk { code } => write!(
                f,
                "reply code {code} is not 250: not a successful reply to EHLO"
            ),
        }
    }
}

impl core::error::Error for EhloError {}

/// The message size a server declares with `SIZE` (RFC 1870 §4); see [`Ehlo::size`].
///
/// ```
/// use smtp_codes::MessageSize;
/// assert_eq!(MessageSize::Maximum(1000).maximum(), Some(1000));
/// assert_eq!(MessageSize::NoFixedMaximum.maximum(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MessageSize {
    /// `SIZE` without a number, or `SIZE 0`: the server announces no fixed maximum.
    NoFixedMaximum,
    /// The largest message the server accepts, in octets.
    Maximum(u64),
    /// The parameters are not one decimal number.
    Malformed,
}

impl MessageSize {
    /// The declared maximum in octets, when there is one.
    ///
    /// ```
    /// assert_eq!(smtp_codes::MessageSize::Malformed.maximum(), None);
    /// ```
    #[must_use]
    pub const fn maximum(self) -> Option<u64> {
        match self {
            MessageSize::Maximum(octets) => Some(octets),
            MessageSize::NoFixedMaximum | MessageSize::Malformed => None,
        }
    }
}

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
        let text = trim(line);
        let end = text
            .iter()
            .position(|&byte| is_blank(byte) || byte == b'=')
            .unwrap_or(text.len());
        let (keyword, rest) = text.split_at(end);
        let equals_form = rest.first() == Some(&b'=');
        let parameters = match rest.split_first() {
            Some((_, after)) => trim(after),
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

/// The capability lines of an EHLO reply; see [`Ehlo::capabilities`].
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
        let start = self.rest.iter().position(|&byte| !is_blank(byte))?;
        let rest = &self.rest[start..];
        let end = rest
            .iter()
            .position(|&byte| is_blank(byte))
            .unwrap_or(rest.len());
        let (word, rest) = rest.split_at(end);
        self.rest = rest;
        Some(word)
    }
}

/// The SASL mechanisms of every `AUTH` line; see [`Ehlo::auth_mechanisms`].
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

/// The limits a server announces with `LIMITS` (RFC 9422 §4), in the order sent; see
/// [`Ehlo::limits`]. Unknown limits are yielded too; the typed getters read the first limit of
/// their name (compared without regard to case) and give `None` when it is absent or its value
/// is not a decimal number that fits a `u32`.
///
/// ```
/// use smtp_codes::{Ehlo, KnownLimit, Reply};
/// let (reply, _) = Reply::parse(b"250-mx.example.com\r\n250 LIMITS RCPTMAX=50 X-HOURLY=1000 MAILMAX=abc\r\n").unwrap();
/// let limits = Ehlo::parse(&reply).unwrap().limits().unwrap();
/// assert_eq!(limits.rcpt_max(), Some(50));
/// assert_eq!(limits.mail_max(), None); // not a number
/// let names: Vec<&[u8]> = limits.map(|limit| limit.name()).collect();
/// assert_eq!(names, [&b"RCPTMAX"[..], b"X-HOURLY", b"MAILMAX"]);
/// ```
#[derive(Debug, Clone)]
pub struct Limits<'a> {
    words: Parameters<'a>,
}

impl Limits<'_> {
    /// The value of the first limit called `known`, as a number.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-a\r\n250 LIMITS rcptdomainmax=5\r\n").unwrap();
    /// use smtp_codes::{Ehlo, KnownLimit};
    /// let limits = Ehlo::parse(&reply).unwrap().limits().unwrap();
    /// assert_eq!(limits.get(KnownLimit::RcptDomainMax), Some(5));
    /// ```
    #[must_use]
    pub fn get(&self, known: KnownLimit) -> Option<u32> {
        self.clone()
            .find(|limit| limit.known() == Some(known))?
            .number()
    }

    /// `RCPTMAX`: the most recipients the server accepts in one transaction.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-a\r\n250 LIMITS RCPTMAX=100\r\n").unwrap();
    /// assert_eq!(smtp_codes::Ehlo::parse(&reply).unwrap().limits().unwrap().rcpt_max(), Some(100));
    /// ```
    #[must_use]
    pub fn rcpt_max(&self) -> Option<u32> {
        self.get(KnownLimit::RcptMax)
    }

    /// `MAILMAX`: the most transactions the server accepts in one session.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-a\r\n250 LIMITS MAILMAX=10\r\n").unwrap();
    /// assert_eq!(smtp_codes::Ehlo::parse(&reply).unwrap().limits().unwrap().mail_max(), Some(10));
    /// ```
    #[must_use]
    pub fn mail_max(&self) -> Option<u32> {
        self.get(KnownLimit::MailMax)
    }

    /// `RCPTDOMAINMAX`: the most distinct recipient domains in one transaction.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-a\r\n250 LIMITS RCPTDOMAINMAX=1\r\n").unwrap();
    /// assert_eq!(smtp_codes::Ehlo::parse(&reply).unwrap().limits().unwrap().rcpt_domain_max(), Some(1));
    /// ```
    #[must_use]
    pub fn rcpt_domain_max(&self) -> Option<u32> {
        self.get(KnownLimit::RcptDomainMax)
    }
}

impl<'a> Iterator for Limits<'a> {
    type Item = Limit<'a>;

    fn next(&mut self) -> Option<Limit<'a>> {
        let word = self.words.next()?;
        let (name, value) = match word.iter().position(|&byte| byte == b'=') {
            Some(equals) => (&word[..equals], &word[equals + 1..]),
            None => (word, &word[word.len()..]),
        };
        Some(Limit { name, value })
    }
}

/// One `NAME=VALUE` limit of a `LIMITS` line. A word without `=` is a limit with an empty value.
///
/// ```
/// # let (reply, _) = smtp_codes::Reply::parse(b"250-a\r\n250 LIMITS RCPTMAX=20\r\n").unwrap();
/// use smtp_codes::{Ehlo, KnownLimit};
/// let limit = Ehlo::parse(&reply).unwrap().limits().unwrap().next().unwrap();
/// assert_eq!((limit.name(), limit.value()), (&b"RCPTMAX"[..], &b"20"[..]));
/// assert_eq!(limit.known(), Some(KnownLimit::RcptMax));
/// assert_eq!(limit.number(), Some(20));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limit<'a> {
    name: &'a [u8],
    value: &'a [u8],
}

impl<'a> Limit<'a> {
    /// The limit's name as sent.
    #[must_use]
    pub const fn name(&self) -> &'a [u8] {
        self.name
    }

    /// The value after `=`, as sent.
    #[must_use]
    pub const fn value(&self) -> &'a [u8] {
        self.value
    }

    /// The RFC 9422 limit this is, by its name in any case.
    #[must_use]
    pub fn known(&self) -> Option<KnownLimit> {
        KnownLimit::ALL
            .into_iter()
            .find(|known| self.name.eq_ignore_ascii_case(known.name().as_bytes()))
    }

    /// The value as a decimal number, when it is one that fits a `u32`.
    #[must_use]
    pub fn number(&self) -> Option<u32> {
        decimal(self.value).and_then(|number| u32::try_from(number).ok())
    }
}

/// The limits RFC 9422 §5 registers.
///
/// ```
/// use smtp_codes::KnownLimit;
/// assert_eq!(KnownLimit::RcptDomainMax.name(), "RCPTDOMAINMAX");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum KnownLimit {
    /// `MAILMAX`: transactions a session.
    MailMax,
    /// `RCPTMAX`: recipients a transaction.
    RcptMax,
    /// `RCPTDOMAINMAX`: recipient domains a transaction.
    RcptDomainMax,
}

impl KnownLimit {
    /// Every registered limit.
    pub const ALL: [KnownLimit; 3] = [
        KnownLimit::MailMax,
        KnownLimit::RcptMax,
        KnownLimit::RcptDomainMax,
    ];

    /// The limit's name on the wire.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            KnownLimit::MailMax => "MAILMAX",
            KnownLimit::RcptMax => "RCPTMAX",
            KnownLimit::RcptDomainMax => "RCPTDOMAINMAX",
        }
    }
}

/// A space or a TAB.
const fn is_blank(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t')
}

/// `bytes` without spaces and TABs at either end.
fn trim(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&byte| !is_blank(byte))
        .unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&byte| !is_blank(byte))
        .map_or(start, |last| last + 1);
    &bytes[start..end]
}

/// One or more ASCII digits as a number; `None` for anything else or above `u64::MAX`.
fn decimal(digits: &[u8]) -> Option<u64> {
    if digits.is_empty() {
        return None;
    }
    digits.iter().try_fold(0u64, |number, &byte| {
        if byte.is_ascii_digit() {
            number.checked_mul(10)?.checked_add(u64::from(byte - b'0'))
        } else {
            None
        }
    })
}
