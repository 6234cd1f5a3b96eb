//! The limits of a `LIMITS` line (RFC 9422).

use super::Parameters;
use crate::bytes::decimal;

/// The limits a server announces with `LIMITS` (RFC 9422 §4), in the order sent; see
/// [`Ehlo::limits`](crate::Ehlo::limits). Unknown limits are yielded too; the typed getters read
/// the first limit of their name (compared without regard to case) and give `None` when it is
/// absent or its value is not a decimal number that fits a `u32`.
///
/// ```
/// use smtp_codes::{Ehlo, ehlo::KnownLimit, Reply};
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

impl<'a> Limits<'a> {
    /// The limits among the words of a `LIMITS` line.
    pub(super) fn new(words: Parameters<'a>) -> Self {
        Limits { words }
    }

    /// The value of the first limit called `known`, as a number.
    ///
    /// ```
    /// # let (reply, _) = smtp_codes::Reply::parse(b"250-a\r\n250 LIMITS rcptdomainmax=5\r\n").unwrap();
    /// use smtp_codes::{Ehlo, ehlo::KnownLimit};
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
/// use smtp_codes::{Ehlo, ehlo::KnownLimit};
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
    ///
    /// ```
    /// use smtp_codes::{Ehlo, Reply};
    ///
    /// let (reply, _) = Reply::parse(b"250-mx.example.com\r\n250 LIMITS rcptMax=20 X\r\n")?;
    /// let limits: Vec<_> = Ehlo::parse(&reply)?.limits().into_iter().flatten().collect();
    /// assert_eq!(limits[0].name(), b"rcptMax");
    /// assert_eq!(limits[0].value(), b"20");
    /// assert_eq!((limits[1].name(), limits[1].value()), (&b"X"[..], &b""[..]));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn name(&self) -> &'a [u8] {
        self.name
    }

    /// The value after `=`, as sent (see [`Limit::name`] for an example).
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
/// use smtp_codes::ehlo::KnownLimit;
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
    ///
    /// ```
    /// use smtp_codes::ehlo::KnownLimit;
    /// let names: Vec<_> = KnownLimit::ALL.iter().map(|limit| limit.name()).collect();
    /// assert_eq!(names, ["MAILMAX", "RCPTMAX", "RCPTDOMAINMAX"]); // RFC 9422 §5
    /// ```
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
