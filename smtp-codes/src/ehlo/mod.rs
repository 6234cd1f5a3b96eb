//! A reply to EHLO or LHLO read as the server's capabilities (RFC 5321 §4.1.1.1, RFC 2033 §4.1):
//! the domain and greeting of the first line, then one capability a line, without copying.

use core::fmt;

use crate::bytes::{decimal, is_wsp, trim_wsp};
use crate::reply::Reply;

mod capability;
mod extension;
mod limits;

pub use capability::{AuthMechanisms, Capabilities, Capability, Parameters};
pub use extension::{Extension, ParameterForm, ParseExtensionError};
pub use limits::{KnownLimit, Limit, Limits};

/// A `250` reply to EHLO or LHLO: the server's domain and greeting, then its capabilities.
///
/// It borrows the reply's bytes and allocates nothing; every accessor scans the lines again.
/// The policy, for replies that stray from RFC 5321's `ehlo-ok-rsp` grammar:
///
/// - only a `250` reply is read; any other code is [`ParseEhloError::NotOk`];
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
/// use smtp_codes::{Ehlo, Extension, ehlo::MessageSize, Reply};
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
    /// use smtp_codes::{Ehlo, ehlo::ParseEhloError, Reply};
    /// let (reply, _) = Reply::parse(b"250 xyz.com is on the air\r\n").unwrap();
    /// let ehlo = Ehlo::parse(&reply).unwrap();
    /// assert_eq!(ehlo.domain(), b"xyz.com");
    /// assert_eq!(ehlo.capabilities().count(), 0);
    ///
    /// let (refused, _) = Reply::parse(b"502 5.5.1 EHLO not implemented\r\n").unwrap();
    /// assert_eq!(Ehlo::parse(&refused), Err(ParseEhloError::NotOk { code: 502 }));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseEhloError::NotOk`] when the reply code is not `250`: the server refused EHLO (with
    /// `500`, `501`, `502` or `550`, RFC 5321 §3.2; a client may then try HELO) or the reply
    /// answers something else.
    pub fn parse(reply: &Reply<'a>) -> Result<Ehlo<'a>, ParseEhloError> {
        if reply.code() != 250 {
            return Err(ParseEhloError::NotOk { code: reply.code() });
        }
        let first = reply.lines().next().unwrap_or(&reply.as_bytes()[..0]);
        let first = trim_wsp(first);
        let end = first
            .iter()
            .position(|&byte| is_wsp(byte))
            .unwrap_or(first.len());
        let (domain, greeting) = first.split_at(end);
        Ok(Ehlo {
            reply: *reply,
            domain,
            greeting: trim_wsp(greeting),
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
        Capabilities::new(lines)
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
    /// use smtp_codes::{Ehlo, ehlo::MessageSize, Reply};
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
        AuthMechanisms::new(self.capabilities())
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
        Some(Limits::new(capability.parameters()))
    }
}

/// Why a reply is not read as a reply to EHLO; see [`Ehlo::parse`].
///
/// ```
/// use smtp_codes::ehlo::ParseEhloError;
/// assert_eq!(ParseEhloError::NotOk { code: 502 }.to_string(), "reply code 502 is not 250: not a successful reply to EHLO");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseEhloError {
    /// The reply code is not `250`.
    NotOk {
        /// The reply's code.
        code: u16,
    },
}

impl fmt::Display for ParseEhloError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseEhloError::NotOk { code } => write!(
                f,
                "reply code {code} is not 250: not a successful reply to EHLO"
            ),
        }
    }
}

impl core::error::Error for ParseEhloError {}

/// The message size a server declares with `SIZE` (RFC 1870 §4); see [`Ehlo::size`].
///
/// ```
/// use smtp_codes::ehlo::MessageSize;
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
    /// assert_eq!(smtp_codes::ehlo::MessageSize::Malformed.maximum(), None);
    /// ```
    #[must_use]
    pub const fn maximum(self) -> Option<u64> {
        match self {
            MessageSize::Maximum(octets) => Some(octets),
            MessageSize::NoFixedMaximum | MessageSize::Malformed => None,
        }
    }
}
