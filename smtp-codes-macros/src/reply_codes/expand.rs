//! The reply-code enum and its API, each method next to its doc.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::Entry;
use crate::api::{self, Variant};
use crate::docs::{doc_text, Examples};
use crate::{runtime, Input};

type Docs<'a> = Examples<'a, Entry>;

pub fn enum_and_api(input: &Input, entries: &[Entry]) -> TokenStream {
    let ident = &input.item.ident;
    // The example row: the first permanent failure, as mail software meets most, else the first.
    let example = entries
        .iter()
        .find(|entry| entry.code >= 500)
        .or(entries.first());
    let docs = Examples::new(input.examples.as_deref(), example, |entry| &entry.name);
    let names: Vec<&Ident> = entries.iter().map(|entry| &entry.name).collect();
    let codes: Vec<Literal> = entries
        .iter()
        .map(|entry| Literal::u16_unsuffixed(entry.code))
        .collect();
    let variants: Vec<Variant> = entries
        .iter()
        .zip(&codes)
        .map(|(entry, code)| Variant {
            name: &entry.name,
            doc: variant_doc(entry),
            discriminant: Some(code.clone()),
        })
        .collect();
    let enum_item = api::enum_item(&input.item, Some("u16"), &variants);
    let tracking = api::tracking(&input.sources, ident);
    let all = api::all(ident, &names, &all_doc(&docs));
    let from_u16 = from_u16(ident, &names, &codes, &docs);
    let values = values(entries, &names, &docs);
    let classification = classification(entries, &names, &docs, input.rfc5321_categories);
    let outcome = outcome(&docs);
    let traits = traits(ident);
    let table_trait = table_trait(ident, input.rfc5321_categories);
    quote! {
        #enum_item

        #tracking

        impl #ident {
            #all
            #from_u16
            #values
            #classification
            #outcome
        }

        #traits
        #table_trait
    }
}

fn variant_doc(entry: &Entry) -> String {
    let mut doc = format!("`{}` {}.", entry.code, doc_text(&entry.meaning));
    if let Some(note) = &entry.note {
        doc.push_str("\n\n");
        doc.push_str(&doc_text(note));
    }
    doc.push_str(if entry.retryable {
        "\n\n- Retryable: yes"
    } else {
        "\n\n- Retryable: no"
    });
    if let Some(reference) = &entry.reference {
        doc.push_str("\n- Reference: ");
        doc.push_str(&doc_text(reference));
    }
    doc
}

fn all_doc(docs: &Docs) -> String {
    docs.doc("Every reply code in the table, ascending.", |example| {
        let (path, variant) = (example.path, &example.variant);
        format!(
            "assert!({path}::ALL.contains(&{variant}));\n\
             assert!({path}::ALL.windows(2).all(|pair| pair[0] < pair[1]));"
        )
    })
}

fn from_u16(ident: &Ident, names: &[&Ident], codes: &[Literal], docs: &Docs) -> TokenStream {
    let doc = docs.doc(
        "The reply code with this number, or `None` when the table has no such code.",
        |example| {
            let (path, variant) = (example.path, &example.variant);
            format!(
                "assert_eq!({path}::from_u16({}), Some({variant}));\n\
                 assert_eq!({path}::from_u16(999), None);",
                example.entry.code
            )
        },
    );
    quote! {
        #[doc = #doc]
        pub const fn from_u16(code: u16) -> ::core::option::Option<Self> {
            // A table indexed by `code - 100` over every possible class digit, 1 to 5: one
            // range check and one load, no indirect jump to mispredict.
            const TABLE: [::core::option::Option<#ident>; 500] = {
                let mut table = [::core::option::Option::None; 500];
                #(table[#codes - 100] = ::core::option::Option::Some(#ident::#names);)*
                table
            };
            if code >= 100 && code < 600 {
                TABLE[(code - 100) as usize]
            } else {
                ::core::option::Option::None
            }
        }
    }
}

/// `as_u16`, `as_str`, `meaning`, `reference`, `is_retryable`: the row's own values.
fn values(entries: &[Entry], names: &[&Ident], docs: &Docs) -> TokenStream {
    let as_u16_doc = docs.doc("The code as a number, e.g. `550`.", |example| {
        format!(
            "assert_eq!({}.as_u16(), {});",
            example.variant, example.entry.code
        )
    });
    let as_str = api::str_accessor(
        docs,
        "The code as three digits, e.g. `\"550\"`.",
        "as_str",
        names,
        entries,
        |entry| entry.code.to_string(),
    );
    let meaning = api::str_accessor(
        docs,
        "What the code means, in the words of its RFC.",
        "meaning",
        names,
        entries,
        |entry| entry.meaning.clone(),
    );
    let reference = api::str_accessor(
        docs,
        "The RFC (and section) that defines the code; empty when the table gives none.",
        "reference",
        names,
        entries,
        |entry| entry.reference.clone().unwrap_or_default(),
    );
    let retryable_doc = docs.doc(
        "Whether the table says that trying again later may succeed.\n\n\
         This is the code alone. When the command the reply answers is known (a client always \
         knows it), decide with `outcome(command)` instead: in the standard table 552 is not \
         retryable, yet a `552` answering `RCPT` means \"too many recipients\", to be retried \
         later (RFC 5321 §4.5.3.1.10). Keep `is_retryable()` for codes stored without their \
         command.",
        |example| {
            let not = if example.entry.retryable { "" } else { "!" };
            format!("assert!({not}{}.is_retryable());", example.variant)
        },
    );
    let retryable: Vec<&Ident> = entries
        .iter()
        .filter(|entry| entry.retryable)
        .map(|entry| &entry.name)
        .collect();
    let retryable_match = if retryable.is_empty() {
        quote!(false)
    } else {
        quote!(matches!(self, #(Self::#retryable)|*))
    };
    quote! {
        #[doc = #as_u16_doc]
        pub const fn as_u16(self) -> u16 {
            self as u16
        }

        #as_str
        #meaning
        #reference

        #[doc = #retryable_doc]
        pub const fn is_retryable(self) -> bool {
            #retryable_match
        }
    }
}

/// `class`, `category`, and the class predicates (`is_positive`, ...), which forward to `Class`.
/// `category` is a `Category` when the table is held to RFC 5321's categories, an `Option`
/// otherwise (`None` for a second digit above 5, as for a parsed `571`).
fn classification(
    entries: &[Entry],
    names: &[&Ident],
    docs: &Docs,
    rfc5321_categories: bool,
) -> TokenStream {
    let class = api::accessor(
        &docs.doc(
            "The reply's class: its first digit (RFC 5321 §4.2.1).",
            |example| {
                let class = runtime::class_in_doc(example.entry.code);
                format!("assert_eq!({}.class(), {class});", example.variant)
            },
        ),
        "class",
        &runtime::class_type(),
        names,
        entries.iter().map(|entry| runtime::class(entry.code)),
    );
    let category = if rfc5321_categories {
        api::accessor(
            &docs.doc(
                "The reply's category: its second digit (RFC 5321 §4.2.1).",
                |example| {
                    let category = runtime::category_in_doc(example.entry.code);
                    format!("assert_eq!({}.category(), {category});", example.variant)
                },
            ),
            "category",
            &runtime::category_type(),
            names,
            entries.iter().map(|entry| runtime::category(entry.code)),
        )
    } else {
        api::accessor(
            &docs.doc(
                "The reply's category: its second digit (RFC 5321 §4.2.1); `None` above 5, \
                 as for a parsed `571`.",
                |example| {
                    let category = runtime::optional_category_in_doc(example.entry.code);
                    format!("assert_eq!({}.category(), {category});", example.variant)
                },
            ),
            "category",
            &runtime::optional_category_type(),
            names,
            entries
                .iter()
                .map(|entry| runtime::optional_category(entry.code)),
        )
    };
    let predicates = runtime::CLASS_PREDICATES.map(|predicate| {
        let (method, holds) = (predicate.method, predicate.holds);
        let doc = docs.doc(predicate.doc, |example| {
            let not = if holds(example.entry.code / 100) {
                ""
            } else {
                "!"
            };
            format!("assert!({not}{}.{method}());", example.variant)
        });
        let method = format_ident!("{method}");
        quote! {
            #[doc = #doc]
            pub const fn #method(self) -> bool {
                self.class().#method()
            }
        }
    });
    quote! {
        #class
        #category
        #(#predicates)*
    }
}

/// `outcome(command)`: the advice for the code answering a command.
fn outcome(docs: &Docs) -> TokenStream {
    let doc = docs.doc(
        "The advice for this code answering `command`, by the rules of `smtp_codes::Outcome::of`. \
         Use it rather than `is_retryable()` whenever the command is known.",
        |example| {
            let expected = match example.entry.code {
                421 | 521 => "assert!(outcome.is_closing());".to_owned(),
                code => format!(
                    "assert_eq!(outcome, smtp_codes::Outcome::of({code}, smtp_codes::Command::Rcpt).unwrap());"
                ),
            };
            format!(
                "let outcome = {}.outcome(smtp_codes::Command::Rcpt);\n{expected}",
                example.variant
            )
        },
    );
    let command = runtime::command_type();
    let output = runtime::outcome_type();
    let advice = runtime::outcome(
        &quote!(self.as_u16()),
        &quote!(self.class()),
        &quote!(command),
    );
    quote! {
        #[doc = #doc]
        pub const fn outcome(self, command: #command) -> #output {
            #advice
        }
    }
}

/// The enum as `ReplyCodeTable` (for code generic over tables), `IntoReplyCode` (for the
/// writer), `From<Enum> for AnyReplyCode`, and serde when `smtp-codes` has its `serde` feature.
fn table_trait(ident: &Ident, rfc5321_categories: bool) -> TokenStream {
    let table = runtime::reply_code_table();
    let into_reply_code = runtime::into_reply_code();
    let any = runtime::any_reply_code();
    let any_of = runtime::any_reply_code_of(&quote!(code.as_u16()));
    let class = runtime::class_type();
    let optional_category = runtime::optional_category_type();
    let command = runtime::command_type();
    let outcome = runtime::outcome_type();
    let category = if rfc5321_categories {
        quote!(::core::option::Option::Some(#ident::category(self)))
    } else {
        quote!(#ident::category(self))
    };
    let serde = runtime::serde_impls(ident);
    quote! {
        impl #table for #ident {
            const ALL: &'static [#ident] = #ident::ALL;

            fn from_u16(code: u16) -> ::core::option::Option<Self> {
                #ident::from_u16(code)
            }

            fn as_u16(self) -> u16 {
                #ident::as_u16(self)
            }

            fn as_str(self) -> &'static str {
                #ident::as_str(self)
            }

            fn meaning(self) -> &'static str {
                #ident::meaning(self)
            }

            fn reference(self) -> &'static str {
                #ident::reference(self)
            }

            fn is_retryable(self) -> bool {
                #ident::is_retryable(self)
            }

            fn class(self) -> #class {
                #ident::class(self)
            }

            fn category(self) -> #optional_category {
                #category
            }

            fn outcome(self, command: #command) -> #outcome {
                #ident::outcome(self, command)
            }
        }

        impl #into_reply_code for #ident {
            fn into_u16(self) -> u16 {
                #ident::as_u16(self)
            }
        }

        impl ::core::convert::From<#ident> for #any {
            fn from(code: #ident) -> #any {
                #any_of
            }
        }

        #serde
    }
}

/// `Display`, `FromStr`, `TryFrom<u16>`, `From<Enum> for u16`, `PartialEq<u16>` both ways.
fn traits(ident: &Ident) -> TokenStream {
    let parse_error = runtime::parse_reply_code_error();
    let three_digits = runtime::three_digits(&quote!(text));
    let unknown = runtime::parse_reply_code_error_unknown();
    quote! {
        impl ::core::fmt::Display for #ident {
            /// The code, a space and its meaning: `550 Requested action not taken: mailbox unavailable`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())?;
                f.write_str(" ")?;
                f.write_str(self.meaning())
            }
        }

        impl ::core::str::FromStr for #ident {
            type Err = #parse_error;

            /// Exactly three ASCII digits naming a code in the table.
            fn from_str(text: &str) -> ::core::result::Result<Self, #parse_error> {
                let code = #three_digits?;
                Self::from_u16(code).ok_or(#unknown(code))
            }
        }

        impl ::core::convert::TryFrom<u16> for #ident {
            type Error = #parse_error;

            /// A code of the table.
            fn try_from(code: u16) -> ::core::result::Result<Self, #parse_error> {
                Self::from_u16(code).ok_or(#unknown(code))
            }
        }

        impl ::core::convert::From<#ident> for u16 {
            fn from(code: #ident) -> u16 {
                code.as_u16()
            }
        }

        impl ::core::cmp::PartialEq<u16> for #ident {
            fn eq(&self, other: &u16) -> bool {
                self.as_u16() == *other
            }
        }

        impl ::core::cmp::PartialEq<#ident> for u16 {
            fn eq(&self, other: &#ident) -> bool {
                *self == other.as_u16()
            }
        }
    }
}
