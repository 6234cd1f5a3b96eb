//! Every path into the runtime crate that generated code names, in one place: when `smtp-codes`
//! renames or moves a type, this is the file to change.
//!
//! Generated code names the runtime crate as `::smtp_codes` (the runtime crate declares
//! `extern crate self as smtp_codes` so that this works inside it too), and names only what its
//! one door for generated code, `::smtp_codes::__private`, re-exports: the public modules can
//! move without touching the output. Doctests name public paths, as a user writes them
//! (`smtp_codes::code::Category`).

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

/// `Class`.
pub fn class_type() -> TokenStream {
    quote!(::smtp_codes::__private::Class)
}

/// `Class::VARIANT` for `code`.
pub fn class(code: u16) -> TokenStream {
    let variant = format_ident!("{}", class_variant(code));
    quote!(::smtp_codes::__private::Class::#variant)
}

/// `smtp_codes::Class::VARIANT` for `code`, as a doctest writes it.
pub fn class_in_doc(code: u16) -> String {
    format!("smtp_codes::Class::{}", class_variant(code))
}

/// `Category`'s variant for a reply code's second digit, `None` above 5 (`571`).
pub fn category_variant_if_any(code: u16) -> Option<&'static str> {
    (code / 10 % 10 <= 5).then(|| category_variant(code))
}

/// `Option<Category>`, for tables whose codes may have no RFC 5321 category.
pub fn optional_category_type() -> TokenStream {
    quote!(::core::option::Option<::smtp_codes::__private::Category>)
}

/// `Some(Category::VARIANT)` for `code`, or `None` when its second digit is above 5.
pub fn optional_category(code: u16) -> TokenStream {
    if let Some(variant) = category_variant_if_any(code) {
        let variant = format_ident!("{variant}");
        quote!(::core::option::Option::Some(::smtp_codes::__private::Category::#variant))
    } else {
        quote!(::core::option::Option::None)
    }
}

/// `Some(smtp_codes::Category::VARIANT)` or `None` for `code`, as a doctest writes it.
pub fn optional_category_in_doc(code: u16) -> String {
    match category_variant_if_any(code) {
        Some(variant) => format!("Some(smtp_codes::code::Category::{variant})"),
        None => "None".to_owned(),
    }
}

/// `Outcome`, the advice for a reply.
pub fn outcome_type() -> TokenStream {
    quote!(::smtp_codes::__private::Outcome)
}

/// The runtime's advice for a code of known class: `Outcome` of `code`, `class` and `command`.
pub fn outcome(code: &TokenStream, class: &TokenStream, command: &TokenStream) -> TokenStream {
    quote!(::smtp_codes::__private::outcome(#code, #class, #command))
}

/// `ReplyCodeTable`, the trait every reply-code enum implements.
pub fn reply_code_table() -> TokenStream {
    quote!(::smtp_codes::__private::ReplyCodeTable)
}

/// `IntoReplyCode`, what `write_reply` takes as a code.
pub fn into_reply_code() -> TokenStream {
    quote!(::smtp_codes::__private::IntoReplyCode)
}

/// `AnyReplyCode`, any code known or not.
pub fn any_reply_code() -> TokenStream {
    quote!(::smtp_codes::__private::AnyReplyCode)
}

/// An `AnyReplyCode` of a table's code (`code`, a `u16` known to be in `200..=599`).
pub fn any_reply_code_of(code: &TokenStream) -> TokenStream {
    quote!(::smtp_codes::__private::any_reply_code(#code))
}

/// `Serialize` and `Deserialize` for the enum `ident` when `smtp-codes` has its `serde` feature:
/// a macro of the runtime crate decides, by that crate's features, not the caller's.
pub fn serde_impls(ident: &proc_macro2::Ident) -> TokenStream {
    quote!(::smtp_codes::__reply_code_serde!(#ident);)
}

/// `Category`.
pub fn category_type() -> TokenStream {
    quote!(::smtp_codes::__private::Category)
}

/// `Category::VARIANT` for `code`.
pub fn category(code: u16) -> TokenStream {
    let variant = format_ident!("{}", category_variant(code));
    quote!(::smtp_codes::__private::Category::#variant)
}

/// `smtp_codes::Category::VARIANT` for `code`, as a doctest writes it.
pub fn category_in_doc(code: u16) -> String {
    format!("smtp_codes::code::Category::{}", category_variant(code))
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

/// `ParseReplyCodeError`, the error of `FromStr` and `TryFrom<u16>`.
pub fn parse_reply_code_error() -> TokenStream {
    quote!(::smtp_codes::__private::ParseReplyCodeError)
}

/// The runtime's three-digit reader: `Result<u16, ParseReplyCodeError>` of a `&str` named `text`.
pub fn three_digits(text: &TokenStream) -> TokenStream {
    quote!(::smtp_codes::__private::three_digits(#text))
}

/// `ParseReplyCodeError::Unknown`, for a number of no code in the table.
pub fn parse_reply_code_error_unknown() -> TokenStream {
    quote!(::smtp_codes::__private::ParseReplyCodeError::Unknown)
}

/// `Subject`, the meaning of an enhanced code's subject (RFC 3463 §2).
pub fn subject_type() -> TokenStream {
    quote!(::smtp_codes::__private::Subject)
}

/// `Subject::from_u16(subject)`: `Option<Subject>`.
pub fn subject_from_u16(subject: &TokenStream) -> TokenStream {
    quote!(::smtp_codes::__private::Subject::from_u16(#subject))
}

/// `smtp_codes::Subject::from_u16(SUBJECT)`, as a doctest writes it.
pub fn subject_from_u16_in_doc(subject: u16) -> String {
    format!("smtp_codes::enhanced::Subject::from_u16({subject})")
}

/// `ParameterForm`, what follows an extension's keyword on its EHLO line.
pub fn parameter_form_type() -> TokenStream {
    quote!(::smtp_codes::__private::ParameterForm)
}

/// `ParameterForm::VARIANT`.
pub fn parameter_form(variant: &str) -> TokenStream {
    let variant = format_ident!("{variant}");
    quote!(::smtp_codes::__private::ParameterForm::#variant)
}

/// `smtp_codes::ParameterForm::VARIANT`, as a doctest writes it.
pub fn parameter_form_in_doc(variant: &str) -> String {
    format!("smtp_codes::ehlo::ParameterForm::{variant}")
}

/// `ParseExtensionError`, an extension enum's `FromStr` error (a unit struct).
pub fn parse_extension_error() -> TokenStream {
    quote!(::smtp_codes::__private::ParseExtensionError)
}

/// `Command`.
pub fn command_type() -> TokenStream {
    quote!(::smtp_codes::__private::Command)
}

/// `Command::VARIANT`.
pub fn command(variant: &proc_macro2::Ident) -> TokenStream {
    quote!(::smtp_codes::__private::Command::#variant)
}

/// `EnhancedCode`.
pub fn enhanced_code_type() -> TokenStream {
    quote!(::smtp_codes::__private::EnhancedCode)
}

/// `Phrase`, a row of the phrase table.
pub fn phrase_type() -> TokenStream {
    quote!(::smtp_codes::__private::Phrase)
}

/// `PhraseSources`, the trait that gives a phrase row its source.
pub fn phrase_sources_trait() -> TokenStream {
    quote!(::smtp_codes::__private::PhraseSources)
}

/// A `Phrase` of its fields, in a constant.
pub fn phrase(fields: &TokenStream) -> TokenStream {
    quote!(::smtp_codes::__private::phrase(#fields))
}

/// `StatusRule`, a row of the status table.
pub fn status_rule_type() -> TokenStream {
    quote!(::smtp_codes::__private::StatusRule)
}

/// A `StatusRule` of its fields, in a constant.
pub fn status_rule(fields: &TokenStream) -> TokenStream {
    quote!(::smtp_codes::__private::status_rule(#fields))
}

/// `ParseReasonError`, `FromStr`'s error for reasons.
pub fn parse_reason_error_type() -> TokenStream {
    quote!(::smtp_codes::__private::ParseReasonError)
}

/// The value of `ParseReasonError` (its field is private).
pub fn parse_reason_error() -> TokenStream {
    quote!(::smtp_codes::__private::parse_reason_error())
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
            ":: smtp_codes :: __private :: Class :: PermanentNegativeCompletion"
        );
        assert_eq!(
            category_in_doc(250),
            "smtp_codes::code::Category::MailSystem"
        );
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
