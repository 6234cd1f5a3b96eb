//! Enhanced status codes (RFC 3463, RFC 2034): `class.subject.detail`, and the IANA registry of
//! their meanings (RFC 5248), generated from `enhanced-codes.csv`.

use core::fmt;

/// An enhanced status code such as `5.1.1`: a class (2, 4 or 5), a subject and a detail
/// (each 0 to 999), kept at their exact values.
///
/// ```
/// use smtp_codes::{enhanced::EnhancedClass, EnhancedCode, EnhancedStatus, enhanced::Subject};
/// let code = EnhancedCode::parse(b"5.7.606").unwrap();
/// assert_eq!(code.class(), EnhancedClass::PermanentFailure);
/// assert_eq!((code.subject(), code.detail()), (7, 606));
/// assert_eq!(code.subject_kind(), Some(Subject::Policy));
/// assert_eq!(code.to_string(), "5.7.606");
/// assert_eq!("5.1.1".parse::<EnhancedCode>().unwrap().status(), Some(EnhancedStatus::BadDestinationMailboxAddress));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EnhancedCode {
    class: EnhancedClass,
    subject: u16,
    detail: u16,
}

/// The class of an enhanced status code: its first number (RFC 3463 §2).
///
/// ```
/// use smtp_codes::{Class, enhanced::EnhancedClass};
/// assert_eq!(EnhancedClass::from_digit(4), Some(EnhancedClass::PersistentTransientFailure));
/// assert_eq!(EnhancedClass::PermanentFailure.reply_class(), Class::PermanentNegativeCompletion);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum EnhancedClass {
    /// `2.X.X`: the action succeeded.
    Success = 2,
    /// `4.X.X`: a persistent transient failure: the message as sent is valid, but sending it
    /// again later may succeed.
    PersistentTransientFailure = 4,
    /// `5.X.X`: a permanent failure: sending the message again will fail.
    PermanentFailure = 5,
}

impl EnhancedClass {
    /// The class with this digit: 2, 4 or 5.
    ///
    /// ```
    /// assert_eq!(smtp_codes::enhanced::EnhancedClass::from_digit(3), None);
    /// ```
    #[must_use]
    pub const fn from_digit(digit: u8) -> Option<EnhancedClass> {
        match digit {
            2 => Some(EnhancedClass::Success),
            4 => Some(EnhancedClass::PersistentTransientFailure),
            5 => Some(EnhancedClass::PermanentFailure),
            _ => None,
        }
    }

    /// The class's digit.
    ///
    /// ```
    /// assert_eq!(smtp_codes::enhanced::EnhancedClass::Success.digit(), 2);
    /// ```
    #[must_use]
    pub const fn digit(self) -> u8 {
        self as u8
    }

    /// The reply-code class with the same first digit; a reply and its enhanced code must agree on
    /// it (RFC 2034 §4).
    ///
    /// ```
    /// use smtp_codes::{Class, enhanced::EnhancedClass};
    /// assert_eq!(EnhancedClass::Success.reply_class(), Class::PositiveCompletion);
    /// ```
    #[must_use]
    pub const fn reply_class(self) -> crate::Class {
        match self {
            EnhancedClass::Success => crate::Class::PositiveCompletion,
            EnhancedClass::PersistentTransientFailure => crate::Class::TransientNegativeCompletion,
            EnhancedClass::PermanentFailure => crate::Class::PermanentNegativeCompletion,
        }
    }

    /// The class's name in RFC 3463 §2.
    ///
    /// ```
    /// assert_eq!(smtp_codes::enhanced::EnhancedClass::PermanentFailure.name(), "Permanent Failure");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            EnhancedClass::Success => "Success",
            EnhancedClass::PersistentTransientFailure => "Persistent Transient Failure",
            EnhancedClass::PermanentFailure => "Permanent Failure",
        }
    }
}

impl fmt::Display for EnhancedClass {
    /// The RFC name, e.g. `Persistent Transient Failure`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The subject of an enhanced status code: its middle number (RFC 3463 §2).
///
/// ```
/// use smtp_codes::enhanced::Subject;
/// assert_eq!(Subject::from_u16(1), Some(Subject::Addressing));
/// assert_eq!(Subject::Addressing.to_string(), "Addressing Status");
/// assert_eq!(Subject::from_u16(8), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Subject {
    /// `X.0.XXX` Other or Undefined Status.
    Other = 0,
    /// `X.1.XXX` Addressing Status: the originator's or a recipient's address.
    Addressing = 1,
    /// `X.2.XXX` Mailbox Status: the recipient's mailbox.
    Mailbox = 2,
    /// `X.3.XXX` Mail System Status: the destination mail system.
    MailSystem = 3,
    /// `X.4.XXX` Network and Routing Status.
    Network = 4,
    /// `X.5.XXX` Mail Delivery Protocol Status.
    Protocol = 5,
    /// `X.6.XXX` Message Content or Media Status.
    Content = 6,
    /// `X.7.XXX` Security or Policy Status.
    Policy = 7,
}

impl Subject {
    /// The subject with this number, 0 to 7.
    ///
    /// ```
    /// assert_eq!(smtp_codes::enhanced::Subject::from_u16(7), Some(smtp_codes::enhanced::Subject::Policy));
    /// ```
    #[must_use]
    pub const fn from_u16(subject: u16) -> Option<Subject> {
        match subject {
            0 => Some(Subject::Other),
            1 => Some(Subject::Addressing),
            2 => Some(Subject::Mailbox),
            3 => Some(Subject::MailSystem),
            4 => Some(Subject::Network),
            5 => Some(Subject::Protocol),
            6 => Some(Subject::Content),
            7 => Some(Subject::Policy),
            _ => None,
        }
    }

    /// The subject's number.
    ///
    /// ```
    /// assert_eq!(smtp_codes::enhanced::Subject::Mailbox.number(), 2);
    /// ```
    #[must_use]
    pub const fn number(self) -> u16 {
        self as u16
    }

    /// The subject's name in RFC 3463 §2.
    ///
    /// ```
    /// assert_eq!(smtp_codes::enhanced::Subject::Network.name(), "Network and Routing Status");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Subject::Other => "Other or Undefined Status",
            Subject::Addressing => "Addressing Status",
            Subject::Mailbox => "Mailbox Status",
            Subject::MailSystem => "Mail System Status",
            Subject::Network => "Network and Routing Status",
            Subject::Protocol => "Mail Delivery Protocol Status",
            Subject::Content => "Message Content or Media Status",
            Subject::Policy => "Security or Policy Status",
        }
    }
}

impl fmt::Display for Subject {
    /// The RFC name, e.g. `Mailbox Status`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The largest subject or detail: three digits (RFC 3463 §2).
const MAX_PART: u16 = 999;

impl EnhancedCode {
    /// The code `class.subject.detail`; `None` unless the class is 2, 4 or 5 and the other parts
    /// are at most 999.
    ///
    /// ```
    /// use smtp_codes::EnhancedCode;
    /// assert_eq!(EnhancedCode::new(5, 7, 606).unwrap().to_string(), "5.7.606");
    /// assert_eq!(EnhancedCode::new(3, 0, 0), None);
    /// assert_eq!(EnhancedCode::new(5, 1000, 0), None);
    /// ```
    #[must_use]
    pub const fn new(class: u8, subject: u16, detail: u16) -> Option<EnhancedCode> {
        match EnhancedClass::from_digit(class) {
            Some(class) if subject <= MAX_PART && detail <= MAX_PART => Some(EnhancedCode {
                class,
                subject,
                detail,
            }),
            _ => None,
        }
    }

    /// Parses exactly `class.subject.detail`, e.g. `b"5.1.1"`: one digit (2, 4 or 5), then one to
    /// three digits without a leading zero twice, separated by dots, and nothing else (RFC 3463 §2).
    ///
    /// ```
    /// use smtp_codes::{EnhancedCode, enhanced::ParseEnhancedCodeError};
    /// assert!(EnhancedCode::parse(b"4.7.650").is_ok());
    /// assert_eq!(EnhancedCode::parse(b"6.0.0"), Err(ParseEnhancedCodeError::InvalidClass));
    /// assert_eq!(EnhancedCode::parse(b"5.1.1 "), Err(ParseEnhancedCodeError::Malformed));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseEnhancedCodeError`] says which part is wrong.
    pub fn parse(text: &[u8]) -> Result<EnhancedCode, ParseEnhancedCodeError> {
        match EnhancedCode::parse_prefix(text) {
            Ok((code, used)) if used == text.len() => Ok(code),
            Ok(_) => Err(ParseEnhancedCodeError::Malformed),
            Err(err) => Err(err),
        }
    }

    /// Parses a code at the start of `text`; returns it and the number of bytes it used.
    pub(crate) fn parse_prefix(
        text: &[u8],
    ) -> Result<(EnhancedCode, usize), ParseEnhancedCodeError> {
        let Some((&class, rest)) = text.split_first() else {
            return Err(ParseEnhancedCodeError::Malformed);
        };
        if !class.is_ascii_digit() || rest.first() != Some(&b'.') {
            return Err(ParseEnhancedCodeError::Malformed);
        }
        let (subject, subject_len) = part(&rest[1..])?;
        let after_subject = 2 + subject_len;
        if text.get(after_subject) != Some(&b'.') {
            return Err(ParseEnhancedCodeError::Malformed);
        }
        let (detail, detail_len) = part(&text[after_subject + 1..])?;
        let Some(class) = EnhancedClass::from_digit(class - b'0') else {
            return Err(ParseEnhancedCodeError::InvalidClass);
        };
        let code = EnhancedCode {
            class,
            subject,
            detail,
        };
        Ok((code, after_subject + 1 + detail_len))
    }

    /// The class: success, persistent transient failure or permanent failure.
    ///
    /// ```
    /// use smtp_codes::{enhanced::EnhancedClass, EnhancedCode};
    /// assert_eq!(EnhancedCode::new(4, 2, 2).unwrap().class(), EnhancedClass::PersistentTransientFailure);
    /// ```
    #[must_use]
    pub const fn class(self) -> EnhancedClass {
        self.class
    }

    /// The subject: the middle number.
    ///
    /// ```
    /// assert_eq!(smtp_codes::EnhancedCode::new(5, 7, 1).unwrap().subject(), 7);
    /// ```
    #[must_use]
    pub const fn subject(self) -> u16 {
        self.subject
    }

    /// The detail: the last number.
    ///
    /// ```
    /// assert_eq!(smtp_codes::EnhancedCode::new(5, 7, 606).unwrap().detail(), 606);
    /// ```
    #[must_use]
    pub const fn detail(self) -> u16 {
        self.detail
    }

    /// What the subject is about (RFC 3463 §2); `None` for a subject above 7.
    ///
    /// ```
    /// use smtp_codes::{EnhancedCode, enhanced::Subject};
    /// assert_eq!(EnhancedCode::new(5, 2, 2).unwrap().subject_kind(), Some(Subject::Mailbox));
    /// ```
    #[must_use]
    pub const fn subject_kind(self) -> Option<Subject> {
        Subject::from_u16(self.subject)
    }

    /// The registry entry for `subject.detail`, or `None` when IANA registers no such code.
    ///
    /// ```
    /// use smtp_codes::{EnhancedCode, EnhancedStatus};
    /// let code = EnhancedCode::new(4, 2, 2).unwrap();
    /// assert_eq!(code.status(), Some(EnhancedStatus::MailboxFull));
    /// assert_eq!(EnhancedCode::new(5, 7, 606).unwrap().status(), None);
    /// ```
    #[must_use]
    pub const fn status(self) -> Option<EnhancedStatus> {
        EnhancedStatus::from_parts(self.subject, self.detail)
    }
}

/// One to three ASCII digits at the start of `text`, without a leading zero (RFC 3463 §2), and
/// how many there were.
fn part(text: &[u8]) -> Result<(u16, usize), ParseEnhancedCodeError> {
    if let [b'0', b'0'..=b'9', ..] = text {
        return Err(ParseEnhancedCodeError::LeadingZero);
    }
    let mut value = 0u16;
    let mut len = 0;
    while let Some(&byte) = text.get(len) {
        if !byte.is_ascii_digit() {
            break;
        }
        if len == 3 {
            return Err(ParseEnhancedCodeError::PartTooLong);
        }
        value = value * 10 + u16::from(byte - b'0');
        len += 1;
    }
    if len == 0 {
        return Err(ParseEnhancedCodeError::Malformed);
    }
    Ok((value, len))
}

impl fmt::Display for EnhancedCode {
    /// `class.subject.detail`, e.g. `5.1.1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.class.digit(), self.subject, self.detail)
    }
}

impl core::str::FromStr for EnhancedCode {
    type Err = ParseEnhancedCodeError;

    /// The same as [`EnhancedCode::parse`].
    fn from_str(text: &str) -> Result<EnhancedCode, ParseEnhancedCodeError> {
        EnhancedCode::parse(text.as_bytes())
    }
}

/// Why bytes are not an enhanced status code.
///
/// ```
/// use smtp_codes::{EnhancedCode, enhanced::ParseEnhancedCodeError};
/// assert_eq!(EnhancedCode::parse(b"5.1.1000"), Err(ParseEnhancedCodeError::PartTooLong));
/// assert_eq!(ParseEnhancedCodeError::InvalidClass.to_string(), "the class of an enhanced status code is 2, 4 or 5");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseEnhancedCodeError {
    /// Not `digit.digits.digits`.
    Malformed,
    /// The class digit is not 2, 4 or 5.
    InvalidClass,
    /// The subject or the detail has more than three digits.
    PartTooLong,
    /// The subject or the detail has a leading zero, which RFC 3463 §2 forbids (`5.01.1`).
    LeadingZero,
}

impl fmt::Display for ParseEnhancedCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ParseEnhancedCodeError::Malformed => {
                "an enhanced status code is class.subject.detail, e.g. 5.1.1"
            }
            ParseEnhancedCodeError::InvalidClass => {
                "the class of an enhanced status code is 2, 4 or 5"
            }
            ParseEnhancedCodeError::PartTooLong => {
                "the subject and detail of an enhanced status code have at most three digits"
            }
            ParseEnhancedCodeError::LeadingZero => {
                "the subject and detail of an enhanced status code have no leading zero"
            }
        })
    }
}

impl core::error::Error for ParseEnhancedCodeError {}

/// An entry of the IANA "SMTP Enhanced Status Codes" registry (RFC 5248): the meaning of
/// `X.subject.detail` whatever its class. Generated from `enhanced-codes.csv` by
/// [`enhanced_statuses`](crate::enhanced_statuses).
///
/// ```
/// use smtp_codes::{EnhancedStatus, enhanced::Subject};
/// let status = EnhancedStatus::from_parts(1, 1).unwrap();
/// assert_eq!(status, EnhancedStatus::BadDestinationMailboxAddress);
/// assert_eq!(status.title(), "Bad destination mailbox address");
/// assert_eq!(status.subject_kind(), Some(Subject::Addressing));
/// assert_eq!(status.basic_codes(), &[451, 550]);
/// assert_eq!(status.to_string(), "X.1.1 Bad destination mailbox address");
/// ```
#[crate::enhanced_statuses("enhanced-codes.csv", examples = "smtp_codes::EnhancedStatus")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EnhancedStatus {}
