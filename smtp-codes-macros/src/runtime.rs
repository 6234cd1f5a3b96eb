//! Every path into the runtime crate that generated code names, in one place: when `smtp-codes`
//! renames or moves a type, this is the file to change.
//!
//! Generated code names the runtime crate as `::smtp_codes` (the runtime crate declares
//! `extern crate self as smtp_codes` so that this works inside it too); doctests name it as
//! `smtp_codes`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// `Class`'s variant for a reply code's first digit (RFC 5321 §4.2.1).
pub fn class_variant(code: u16) -> &'static str {
    match code / 100 {
        1 => "PositivePreliminary",
        2 => "PositiveCompletion",
        3 => "PositiveIntermediate",
        4 => "TransientNegativeCompletion",
        _ => "PermanentNegativeCompletion",
    }
}

/// `Category`'s variant for a reply code's second digit (RFC 5321 §4.2.1).
pub fn category_variant(code: u16) -> &'static str {
    match code / 10 % 10 {
        0 => "Syntax",
        1 => "Information",
        2 => "Connections",
        3 => "Unspecified3",
        4 => "Unspecified4",
        _ => "MailSystem",
    }
}

/// `::smtp_codes::Class`.
pub fn class_type() -> TokenStream {
    quote!(::smtp_codes::Class)
}

/// `::smtp_codes::Class::VARIANT` for `code`.
pub fn class(code: u16) -> TokenStream {
    let variant = format_ident!("{}", class_variant(code));
    quote!(::smtp_codes::Class::#variant)
}

/// `smtp_codes::Class::VARIANT` for `code`, as a doctest writes it.
pub fn class_in_doc(code: u16) -> String {
    format!("smtp_codes::Class::{}", class_variant(code))
}

/// `::smtp_codes::Category`.
pub fn category_type() -> TokenStream {
    quote!(::smtp_codes::Category)
}

/// `::smtp_codes::Category::VARIANT` for `code`.
pub fn category(code: u16) -> TokenStream {
    let variant = format_ident!("{}", category_variant(code));
    quote!(::smtp_codes::Category::#variant)
}

/// `smtp_codes::Category::VARIANT` for `code`, as a doctest writes it.
pub fn category_in_doc(code: u16) -> String {
    format!("smtp_codes::Category::{}", category_variant(code))
}

/// A `Class` predicate that a reply-code enum forwards.
pub struct ClassPredicate {
    /// The method, on `Class` and on the generated enum.
    pub method: &'static str,
    pub doc: &'static str,
    /// Whether it holds for a first digit.
    pub holds: fn(u16) -> bool,
}

/// The `Class` predicates a reply-code enum forwards, in the order they are generated.
pub const CLASS_PREDICATES: [ClassPredicate; 6] = [
    ClassPredicate {
        method: "is_positive",
        doc: "A positive reply: 1yz, 2yz or 3yz.",
        holds: |digit| digit <= 3,
    },
    ClassPredicate {
        method: "is_negative",
        doc: "A negative reply: 4yz or 5yz.",
        holds: |digit| digit >= 4,
    },
    ClassPredicate {
        method: "is_success",
        doc: "A positive completion reply: 2yz.",
        holds: |digit| digit == 2,
    },
    ClassPredicate {
        method: "is_intermediate",
        doc: "A positive intermediate reply: 3yz.",
        holds: |digit| digit == 3,
    },
    ClassPredicate {
        method: "is_transient",
        doc: "A transient negative completion reply: 4yz.",
        holds: |digit| digit == 4,
    },
    ClassPredicate {
        method: "is_permanent",
        doc: "A permanent negative completion reply: 5yz.",
        holds: |digit| digit == 5,
    },
];

/// `::smtp_codes::ParseReplyCodeError`, `FromStr`'s error.
pub fn parse_reply_code_error() -> TokenStream {
    quote!(::smtp_codes::ParseReplyCodeError)
}

/// The runtime's three-digit reader: `Result<u16, ParseReplyCodeError>` of a `&str` named `text`.
pub fn three_digits(text: &TokenStream) -> TokenStream {
    quote!(::smtp_codes::ParseReplyCodeError::three_digits(#text))
}

/// `ParseReplyCodeError::Unknown`, for three digits of no known code.
pub fn parse_reply_code_error_unknown() -> TokenStream {
    quote!(::smtp_codes::ParseReplyCodeError::Unknown)
}

/// `::smtp_codes::UnknownReplyCode`, `TryFrom<u16>`'s error (a tuple struct of the number).
pub fn unknown_reply_code() -> TokenStream {
    quote!(::smtp_codes::UnknownReplyCode)
}

/// `::smtp_codes::Subject`, the meaning of an enhanced code's subject (RFC 3463 §2).
pub fn subject_type() -> TokenStream {
    quote!(::smtp_codes::Subject)
}

/// `Subject::from_u16(subject)`: `Option<Subject>`.
pub fn subject_from_u16(subject: &TokenStream) -> TokenStream {
    quote!(::smtp_codes::Subject::from_u16(#subject))
}

/// `smtp_codes::Subject::from_u16(SUBJECT)`, as a doctest writes it.
pub fn subject_from_u16_in_doc(subject: u16) -> String {
    format!("smtp_codes::Subject::from_u16({subject})")
}

/// `::smtp_codes::ParameterForm`, what follows an extension's keyword on its EHLO line.
pub fn parameter_form_type() -> TokenStream {
    quote!(::smtp_codes::ParameterForm)
}

/// `::smtp_codes::ParameterForm::VARIANT`.
pub fn parameter_form(variant: &str) -> TokenStream {
    let variant = format_ident!("{variant}");
    quote!(::smtp_codes::ParameterForm::#variant)
}

/// `smtp_codes::ParameterForm::VARIANT`, as a doctest writes it.
pub fn parameter_form_in_doc(variant: &str) -> String {
    format!("smtp_codes::ParameterForm::{variant}")
}

/// `::smtp_codes::UnknownExtension`, an extension enum's `FromStr` error (a unit struct).
pub fn unknown_extension() -> TokenStream {
    quote!(::smtp_codes::UnknownExtension)
}

/// `::smtp_codes::Command`.
pub fn command_type() -> TokenStream {
    quote!(::smtp_codes::Command)
}

/// `::smtp_codes::Command::VARIANT`.
pub fn command(variant: &proc_macro2::Ident) -> TokenStream {
    quote!(::smtp_codes::Command::#variant)
}

/// `::smtp_codes::EnhancedCode`.
pub fn enhanced_code_type() -> TokenStream {
    quote!(::smtp_codes::EnhancedCode)
}

/// `::smtp_codes::Phrase`, a row of the phrase table.
pub fn phrase_type() -> TokenStream {
    quote!(::smtp_codes::Phrase)
}

/// `::smtp_codes::StatusRule`, a row of the status table.
pub fn status_rule_type() -> TokenStream {
    quote!(::smtp_codes::StatusRule)
}

/// `::smtp_codes::ParseReasonError`, `FromStr`'s error for reasons.
pub fn parse_reason_error() -> TokenStream {
    quote!(::smtp_codes::ParseReasonError)
}

/// The runtime walk of the phrase automaton (hidden from the docs).
pub fn phrase_automaton_type() -> TokenStream {
    quote!(::smtp_codes::__private::PhraseAutomaton)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_and_category_follow_the_digits() {
        assert_eq!(class_variant(220), "PositiveCompletion");
        assert_eq!(class_variant(354), "PositiveIntermediate");
        assert_eq!(class_variant(421), "TransientNegativeCompletion");
        assert_eq!(class_variant(550), "PermanentNegativeCompletion");
        assert_eq!(class_variant(110), "PositivePreliminary");
        assert_eq!(category_variant(500), "Syntax");
        assert_eq!(category_variant(214), "Information");
        assert_eq!(category_variant(421), "Connections");
        assert_eq!(category_variant(334), "Unspecified3");
        assert_eq!(category_variant(541), "Unspecified4");
        assert_eq!(category_variant(550), "MailSystem");
        assert_eq!(
            class(550).to_string(),
            ":: smtp_codes :: Class :: PermanentNegativeCompletion"
        );
        assert_eq!(category_in_doc(250), "smtp_codes::Category::MailSystem");
    }

    #[test]
    fn class_predicates_split_the_classes() {
        let holds = |method: &str| {
            let predicate = CLASS_PREDICATES
                .iter()
                .find(|predicate| predicate.method == method)
                .unwrap();
            (1..=5)
                .filter(|digit| (predicate.holds)(*digit))
                .collect::<Vec<u16>>()
        };
        assert_eq!(holds("is_positive"), [1, 2, 3]);
        assert_eq!(holds("is_negative"), [4, 5]);
        assert_eq!(holds("is_success"), [2]);
        assert_eq!(holds("is_intermediate"), [3]);
        assert_eq!(holds("is_transient"), [4]);
        assert_eq!(holds("is_permanent"), [5]);
    }
}
