//! Reply codes (RFC 5321 §4.2): the table's [`ReplyCode`], [`AnyReplyCode`] for any code known
//! or not, [`Class`] and [`Category`] (the first two digits), and [`ReplyCodeTable`], the trait of
//! every enum generated from a reply-code table (yours too: see
//! [`reply_codes`](crate::reply_codes)).
//!
//! ```
//! use smtp_codes::code::{Category, Class, ReplyCode};
//! let code = ReplyCode::from_u16(550).unwrap();
//! assert_eq!((code.class(), code.category()), (Class::PermanentNegativeCompletion, Category::MailSystem));
//! assert_eq!(ReplyCode::from_u16(571), None); // not in the table: decide by its class
//! assert_eq!(Class::from_code(571), Some(Class::PermanentNegativeCompletion));
//! ```

mod any;
mod class;
mod table;

use core::fmt;

pub use any::AnyReplyCode;
pub use class::{Category, Class};
pub use table::ReplyCodeTable;

/// An SMTP reply code from the standards-track RFCs (RFC 5321, 7504, 4954, 3207, 1985, 2645).
///
/// Generated from `codes.csv` by [`reply_codes`](crate::reply_codes): one variant per row, whose
/// discriminant is the code. It is `#[non_exhaustive]`: a `match` needs a wildcard arm, and a code
/// the table does not know is `None` from [`from_u16`](ReplyCode::from_u16); decide those by their
/// first digit with [`Class::from_code`](crate::Class::from_code).
///
/// ```
/// use smtp_codes::{Class, ReplyCode};
/// let code = ReplyCode::from_u16(552).unwrap();
/// assert_eq!(code, ReplyCode::ExceededStorageAllocation);
/// assert_eq!(code.to_string(), "552 Requested mail action aborted: exceeded storage allocation");
/// assert_eq!(code.class(), Class::PermanentNegativeCompletion);
/// assert!(!code.is_retryable());
/// assert_eq!("421".parse::<ReplyCode>(), Ok(ReplyCode::ServiceNotAvailable));
/// ```
#[crate::reply_codes(
    "codes.csv",
    examples = "smtp_codes::ReplyCode",
    rfc5321_categories = true
)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReplyCode {}

/// Why a string or a number is not a reply code of a table, from `FromStr` and `TryFrom<u16>`.
///
/// ```
/// use smtp_codes::code::{ParseReplyCodeError, ReplyCode};
/// assert_eq!(" 550".parse::<ReplyCode>(), Err(ParseReplyCodeError::NotThreeDigits));
/// assert_eq!("571".parse::<ReplyCode>(), Err(ParseReplyCodeError::Unknown(571)));
/// assert_eq!(ReplyCode::try_from(571), Err(ParseReplyCodeError::Unknown(571)));
/// assert_eq!(ParseReplyCodeError::Unknown(571).to_string(), "unknown SMTP reply code 571");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseReplyCodeError {
    /// The string is not exactly three ASCII digits.
    NotThreeDigits,
    /// A code the table does not have.
    Unknown(u16),
    /// Three digits, but not a reply code at all: the first digit is not 2 to 5
    /// ([`AnyReplyCode`] refuses it, as [`Reply::parse`](crate::Reply::parse) does).
    OutOfRange(u16),
}

impl ParseReplyCodeError {
    /// The number written as exactly three ASCII digits.
    pub(crate) const fn three_digits(text: &str) -> Result<u16, ParseReplyCodeError> {
        match text.as_bytes() {
            [a, b, c] if a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit() => {
                Ok(crate::bytes::three_digits(*a, *b, *c))
            }
            _ => Err(ParseReplyCodeError::NotThreeDigits),
        }
    }
}

impl fmt::Display for ParseReplyCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseReplyCodeError::NotThreeDigits => {
                f.write_str("an SMTP reply code is exactly three ASCII digits")
            }
            ParseReplyCodeError::Unknown(code) => write!(f, "unknown SMTP reply code {code}"),
            ParseReplyCodeError::OutOfRange(code) => write!(
                f,
                "{code:03} is not an SMTP reply code: the first digit must be 2 to 5"
            ),
        }
    }
}

impl core::error::Error for ParseReplyCodeError {}
