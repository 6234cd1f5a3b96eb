//! The one door for generated code: what the macros' output names, and what only it calls. Not
//! part of the API, and hidden from the docs.
//!
//! Generated code names nothing else of this crate (`smtp-codes-macros/src/runtime.rs` lists
//! every path), so the public modules can move without touching the macros' output.
//!
//! The `reply_codes` macro expands in the caller's crate, where `#[cfg(feature = "serde")]`
//! would test the caller's features. It calls `__reply_code_serde!` instead, whose definition
//! depends on this crate's `serde` feature: a table gets serde exactly when `smtp-codes` has it,
//! through the `serde` this crate depends on, whatever the caller depends on.

#[cfg(feature = "serde")]
pub use serde;

#[cfg(feature = "serde")]
pub use crate::serde_impls::{deserialize_table_code, serialize_table_code};

/// `Serialize` (the number, `550`) and `Deserialize` (refusing codes the table lacks) for an
/// enum generated from a reply-code table; nothing without the `serde` feature.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __reply_code_serde {
    ($table:ident) => {
        impl $crate::__private::serde::Serialize for $table {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::serialize_table_code(*self, serializer)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $table {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize_table_code(deserializer)
            }
        }
    };
}

/// Without the `serde` feature: nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __reply_code_serde {
    ($table:ident) => {};
}

pub use crate::advice::Outcome;
pub use crate::code::{AnyReplyCode, Category, Class, ParseReplyCodeError, ReplyCodeTable};
pub use crate::command::Command;
pub use crate::diagnosis::matcher::PhraseAutomaton;
pub use crate::diagnosis::{ParseReasonError, Phrase, PhraseSources, StatusRule};
pub use crate::ehlo::{ParameterForm, ParseExtensionError};
pub use crate::enhanced::{EnhancedCode, Subject};
pub use crate::reply::IntoReplyCode;

/// The advice for a table's code, as its generated `const fn outcome` gives it.
#[must_use]
pub const fn outcome(code: u16, class: Class, command: Command) -> Outcome {
    Outcome::advise(code, class, command)
}

/// A table's code as an `AnyReplyCode`: tables hold only codes in `200..=599`.
#[must_use]
pub const fn any_reply_code(code: u16) -> AnyReplyCode {
    AnyReplyCode::new_unchecked(code)
}

/// The number written as exactly three ASCII digits, for a table's `FromStr`.
///
/// # Errors
///
/// [`ParseReplyCodeError::NotThreeDigits`] for anything else.
pub const fn three_digits(text: &str) -> Result<u16, ParseReplyCodeError> {
    ParseReplyCodeError::three_digits(text)
}

/// A row of a phrase table, as `#[reasons]` writes it into a constant.
#[must_use]
pub const fn phrase<R: Copy>(
    text: &'static str,
    reason: R,
    commands: &'static [Command],
    index: u16,
    origin: &'static str,
    line: u32,
    location: &'static str,
) -> Phrase<R> {
    Phrase::new(text, reason, commands, index, origin, line, location)
}

/// A row of a status table, as `#[reasons]` writes it into a constant.
#[must_use]
pub const fn status_rule<R: Copy>(
    class: u8,
    subject: u16,
    detail: u16,
    reason: R,
    status_first: bool,
    note: &'static str,
    yields_to: &'static [R],
) -> StatusRule<R> {
    StatusRule::new(
        class,
        subject,
        detail,
        reason,
        status_first,
        note,
        yields_to,
    )
}

/// The error of a reasons enum's `FromStr`.
#[must_use]
pub const fn parse_reason_error() -> ParseReasonError {
    ParseReasonError::new()
}
