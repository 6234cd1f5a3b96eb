//! What only generated code calls: not part of the API, and hidden from the docs.
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

/// The advice for a table's code, as its generated `const fn outcome` gives it.
#[must_use]
pub const fn outcome(code: u16, class: crate::Class, command: crate::Command) -> crate::Outcome {
    crate::Outcome::advise(code, class, command)
}

/// A table's code as an `AnyReplyCode`: tables hold only codes in `200..=599`.
#[must_use]
pub const fn any_reply_code(code: u16) -> crate::AnyReplyCode {
    crate::AnyReplyCode::new_unchecked(code)
}

pub use crate::diagnosis::PhraseAutomaton;
