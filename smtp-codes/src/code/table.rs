//! `ReplyCodeTable`: what every enum generated from a reply-code table has, as a trait, so code
//! can be generic over `ReplyCode` and a table of your own.

use core::fmt;

use super::{AnyReplyCode, Category, Class};
use crate::advice::Outcome;
use crate::command::Command;

/// An enum generated from a reply-code table by [`reply_codes`](crate::reply_codes):
/// [`ReplyCode`](crate::ReplyCode), or a table of your own (vendor codes, say). The macro
/// implements it; each method is also an inherent `const fn` of the enum.
///
/// ```
/// use smtp_codes::code::ReplyCodeTable;
/// use smtp_codes::{Command, Reply, ReplyCode};
///
/// /// What a bounce log says about a code, for any table.
/// fn describe<T: ReplyCodeTable>(code: u16) -> String {
///     match T::from_u16(code) {
///         Some(known) => format!("{} {}", known.as_str(), known.meaning()),
///         None => format!("{code} (not in the table)"),
///     }
/// }
/// assert_eq!(describe::<ReplyCode>(421), "421 Service not available, closing transmission channel");
///
/// // A parsed reply's code, looked up in a table of your choice.
/// let (reply, _) = Reply::parse(b"552 5.5.3 Too many recipients\r\n").unwrap();
/// let code = reply.code_in::<ReplyCode>().unwrap();
/// assert!(code.outcome(Command::Rcpt).is_retry_later());
/// ```
pub trait ReplyCodeTable: Copy + Eq + fmt::Debug + fmt::Display + 'static {
    /// Every code in the table, ascending.
    const ALL: &'static [Self];

    /// The code with this number, or `None` when the table has no such code.
    fn from_u16(code: u16) -> Option<Self>;

    /// The code as a number, e.g. `550`.
    fn as_u16(self) -> u16;

    /// The code as three digits, e.g. `"550"`.
    fn as_str(self) -> &'static str;

    /// What the code means, as the table says.
    fn meaning(self) -> &'static str;

    /// The document that defines the code; empty when the table gives none.
    fn reference(self) -> &'static str;

    /// The table's `retryable` column. It ignores the command the reply answers: when that is
    /// known, decide with [`ReplyCodeTable::outcome`].
    fn is_retryable(self) -> bool;

    /// The class: the first digit.
    fn class(self) -> Class {
        AnyReplyCode::from_table(self).class()
    }

    /// The category: the second digit; `None` above 5 (a vendor's `571`), as for a parsed reply.
    fn category(self) -> Option<Category> {
        Category::from_code(self.as_u16())
    }

    /// The advice for this code answering `command`; see [`Outcome::of`](crate::Outcome::of) for the rules.
    fn outcome(self, command: Command) -> Outcome {
        AnyReplyCode::from_table(self).outcome(command)
    }
}

impl AnyReplyCode {
    /// The code in the table `T`, or `None` when `T` does not know it.
    ///
    /// ```
    /// use smtp_codes::{AnyReplyCode, ReplyCode};
    /// assert_eq!(AnyReplyCode::new(571).unwrap().known_in::<ReplyCode>(), None);
    /// ```
    #[must_use]
    pub fn known_in<T: ReplyCodeTable>(self) -> Option<T> {
        T::from_u16(self.as_u16())
    }

    /// A table's code as any code. Every table code is in `200..=599`: the macro refuses others.
    pub(crate) fn from_table<T: ReplyCodeTable>(code: T) -> AnyReplyCode {
        AnyReplyCode::new_unchecked(code.as_u16())
    }
}
