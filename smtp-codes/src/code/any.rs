//! `AnyReplyCode`: a reply code known to the table or not, as a value to keep, compare and store.

use core::fmt;
use core::str::FromStr;

use super::{Category, Class, ParseReplyCodeError, ReplyCode};
use crate::advice::Outcome;
use crate::command::Command;
use crate::reply::IntoReplyCode;

/// Any reply code a server may send, known to [`ReplyCode`]'s table or not: three digits, the
/// first 2 to 5, as [`Reply::parse`](crate::Reply::parse) accepts them (`571` included).
///
/// Keep one where [`ReplyCode`] would refuse a code the table lacks: in a record you serialize
/// (with the `serde` feature it is the number, `571`, and a record holding one unknown code no
/// longer fails whole), in a log, a queue entry. [`AnyReplyCode::known`] looks it up in the table.
///
/// ```
/// use smtp_codes::code::{AnyReplyCode, Category, Class, ReplyCode};
/// use smtp_codes::Command;
/// let code = AnyReplyCode::new(571).unwrap();
/// assert_eq!(code.known(), None);
/// assert_eq!(code.class(), Class::PermanentNegativeCompletion);
/// assert_eq!(code.category(), None);
/// assert!(code.outcome(Command::Rcpt).is_fail_permanently());
/// assert_eq!(code.to_string(), "571");
///
/// let known = AnyReplyCode::from(ReplyCode::MailboxUnavailable);
/// assert_eq!(known.known(), Some(ReplyCode::MailboxUnavailable));
/// assert_eq!(known.category(), Some(Category::MailSystem));
/// assert_eq!(AnyReplyCode::new(199), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnyReplyCode(u16);

impl AnyReplyCode {
    /// The code, when it is in `200..=599`; `None` otherwise, as [`Reply::parse`](crate::Reply::parse) refuses it.
    ///
    /// ```
    /// use smtp_codes::AnyReplyCode;
    /// assert_eq!(AnyReplyCode::new(571).map(AnyReplyCode::as_u16), Some(571));
    /// assert_eq!(AnyReplyCode::new(600), None);
    /// ```
    #[must_use]
    pub const fn new(code: u16) -> Option<AnyReplyCode> {
        if code >= 200 && code <= 599 {
            Some(AnyReplyCode(code))
        } else {
            None
        }
    }

    /// A code known to be in `200..=599`.
    pub(crate) const fn new_unchecked(code: u16) -> AnyReplyCode {
        AnyReplyCode(code)
    }

    /// The code as a number.
    ///
    /// ```
    /// assert_eq!(smtp_codes::AnyReplyCode::new(421).unwrap().as_u16(), 421);
    /// ```
    #[must_use]
    pub const fn as_u16(self) -> u16 {
        self.0
    }

    /// The code in [`ReplyCode`]'s table, or `None` when the table does not know it.
    ///
    /// ```
    /// use smtp_codes::{AnyReplyCode, ReplyCode};
    /// assert_eq!(AnyReplyCode::new(421).unwrap().known(), Some(ReplyCode::ServiceNotAvailable));
    /// ```
    #[must_use]
    pub const fn known(self) -> Option<ReplyCode> {
        ReplyCode::from_u16(self.0)
    }

    /// The class: the first digit.
    ///
    /// ```
    /// use smtp_codes::{AnyReplyCode, Class};
    /// assert_eq!(AnyReplyCode::new(471).unwrap().class(), Class::TransientNegativeCompletion);
    /// ```
    #[must_use]
    pub const fn class(self) -> Class {
        // `new` keeps the code in 200..=599.
        match self.0 / 100 {
            2 => Class::PositiveCompletion,
            3 => Class::PositiveIntermediate,
            4 => Class::TransientNegativeCompletion,
            _ => Class::PermanentNegativeCompletion,
        }
    }

    /// The category: the second digit; `None` above 5 (`571`).
    ///
    /// ```
    /// use smtp_codes::{AnyReplyCode, code::Category};
    /// assert_eq!(AnyReplyCode::new(421).unwrap().category(), Some(Category::Connections));
    /// ```
    #[must_use]
    pub const fn category(self) -> Option<Category> {
        Category::from_code(self.0)
    }

    /// The table's column for a known code, the first digit otherwise (only 4yz). This ignores
    /// the command the reply answers: when you know it, decide with [`AnyReplyCode::outcome`].
    ///
    /// ```
    /// use smtp_codes::AnyReplyCode;
    /// assert!(AnyReplyCode::new(471).unwrap().is_retryable());
    /// assert!(!AnyReplyCode::new(571).unwrap().is_retryable());
    /// ```
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        match self.known() {
            Some(code) => code.is_retryable(),
            None => self.class().is_retryable(),
        }
    }

    /// The advice for this code answering `command`; see [`Outcome::of`] for the rules.
    ///
    /// ```
    /// use smtp_codes::{AnyReplyCode, Command};
    /// assert!(AnyReplyCode::new(552).unwrap().outcome(Command::Rcpt).is_retry_later());
    /// ```
    #[must_use]
    pub const fn outcome(self, command: Command) -> Outcome {
        Outcome::advise(self.0, self.class(), command)
    }
}

impl From<AnyReplyCode> for u16 {
    fn from(code: AnyReplyCode) -> u16 {
        code.0
    }
}

impl TryFrom<u16> for AnyReplyCode {
    type Error = ParseReplyCodeError;

    /// [`AnyReplyCode::new`], with [`ParseReplyCodeError::OutOfRange`] outside `200..=599`.
    fn try_from(code: u16) -> Result<AnyReplyCode, ParseReplyCodeError> {
        AnyReplyCode::new(code).ok_or(ParseReplyCodeError::OutOfRange(code))
    }
}

impl FromStr for AnyReplyCode {
    type Err = ParseReplyCodeError;

    /// Exactly three ASCII digits, the first 2 to 5.
    ///
    /// ```
    /// use smtp_codes::code::{AnyReplyCode, ParseReplyCodeError};
    /// assert_eq!("571".parse::<AnyReplyCode>().unwrap().as_u16(), 571);
    /// assert_eq!("199".parse::<AnyReplyCode>(), Err(ParseReplyCodeError::OutOfRange(199)));
    /// ```
    fn from_str(text: &str) -> Result<AnyReplyCode, ParseReplyCodeError> {
        AnyReplyCode::try_from(ParseReplyCodeError::three_digits(text)?)
    }
}

impl fmt::Display for AnyReplyCode {
    /// The three digits, `571`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl IntoReplyCode for AnyReplyCode {
    fn into_u16(self) -> u16 {
        self.0
    }
}

impl PartialEq<ReplyCode> for AnyReplyCode {
    fn eq(&self, other: &ReplyCode) -> bool {
        self.0 == other.as_u16()
    }
}

impl PartialEq<u16> for AnyReplyCode {
    fn eq(&self, other: &u16) -> bool {
        self.0 == *other
    }
}
