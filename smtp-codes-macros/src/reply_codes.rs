//! `#[reply_codes("codes.csv")]`: validates a reply-code table and generates the enum and its API.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{format_ident, quote};
use serde::Deserialize;
use syn::DeriveInput;

use crate::docs::{doc_text, with_example};
use crate::ident;
use crate::table::{self, Columns, Errors, FirstSeen, Source};

const COLUMNS: Columns = Columns {
    required: &["code", "meaning", "retryable"],
    optional: &["name", "reference", "note"],
};

/// A row as written in the CSV.
#[derive(Deserialize)]
struct RawRow {
    code: String,
    meaning: String,
    retryable: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    reference: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

/// A row that passed validation.
struct Entry {
    code: u16,
    name: Ident,
    meaning: String,
    retryable: bool,
    reference: Option<String>,
    note: Option<String>,
}

pub fn expand(
    source: &Source,
    item: &DeriveInput,
    examples: Option<&str>,
) -> syn::Result<TokenStream> {
    let entries = validate(source)?;
    let method_docs = MethodDocs::new(&entries, examples);
    Ok(generate(source, item, &entries, &method_docs))
}

/// Checks every row, reporting all problems at once; the entries come back sorted by code.
fn validate(source: &Source) -> syn::Result<Vec<Entry>> {
    let mut errors = Errors::new(source);
    let rows = table::read_rows::<RawRow>(source, &COLUMNS, &mut errors);
    let mut entries = Vec::with_capacity(rows.len());
    let mut codes = FirstSeen::default();
    let mut names = FirstSeen::default();
    for row in rows {
        let (line, raw) = (row.line, row.fields);
        let code = check_code(&raw.code, line, &mut errors);
        if let Some(code) = code {
            codes.check(code, line, &mut errors, "code", format_args!("code {code}"));
        }
        if raw.meaning.trim().is_empty() {
            errors.field(line, "meaning", "the meaning is empty");
        }
        let retryable = match raw.retryable.as_str() {
            "true" => Some(true),
            "false" => Some(false),
            other => {
                errors.field(
                    line,
                    "retryable",
                    format_args!("`{other}` is not `true` or `false`"),
                );
                None
            }
        };
        if let (Some(true), Some(code)) = (retryable, code) {
            if code < 400 {
                errors.field(
                    line,
                    "retryable",
                    format_args!(
                        "{code} is a positive reply ({}yz) and cannot be retryable: \
                         only 4yz and 5yz replies report a failure",
                        code / 100
                    ),
                );
            }
        }
        let name = ident::variant_name(
            raw.name.as_deref(),
            "meaning",
            &raw.meaning,
            line,
            &mut errors,
        );
        if let Some(name) = &name {
            names.check(
                name.clone(),
                line,
                &mut errors,
                "name",
                format_args!("name `{name}`"),
            );
        }
        if let (Some(code), Some(name), Some(retryable)) = (code, name, retryable) {
            entries.push(Entry {
                code,
                name: Ident::new(&name, Span::call_site()),
                meaning: raw.meaning,
                retryable,
                reference: raw.reference.filter(|text| !text.is_empty()),
                note: raw.note.filter(|text| !text.is_empty()),
            });
        }
    }
    errors.finish()?;
    entries.sort_by_key(|entry| entry.code);
    Ok(entries)
}

/// A reply code is three ASCII digits: class 1-5, category 0-5, any last digit (RFC 5321 §4.2.1).
fn check_code(text: &str, line: u64, errors: &mut Errors) -> Option<u16> {
    let digits = text.as_bytes();
    if digits.len() != 3 || !digits.iter().all(u8::is_ascii_digit) {
        errors.field(
            line,
            "code",
            format_args!("`{text}` is not three ASCII digits"),
        );
        return None;
    }
    let [class, category, _] = [digits[0], digits[1], digits[2]].map(|digit| digit - b'0');
    if !(1..=5).contains(&class) {
        errors.field(
            line,
            "code",
            format_args!("{text}: the first digit (the class) must be 1 to 5 (RFC 5321 §4.2.1)"),
        );
        return None;
    }
    if category > 5 {
        errors.field(
            line,
            "code",
            format_args!(
                "{text}: the second digit (the category) must be 0 to 5 (RFC 5321 §4.2.1)"
            ),
        );
        return None;
    }
    text.parse().ok()
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

// One `quote!` block mirrors the generated API item by item; split up, it would be harder to read.
#[allow(clippy::too_many_lines)]
fn generate(
    source: &Source,
    item: &DeriveInput,
    entries: &[Entry],
    method_docs: &MethodDocs,
) -> TokenStream {
    let DeriveInput {
        attrs, vis, ident, ..
    } = item;
    // One pass over the rows fills every column the generated code repeats.
    let mut names = Vec::with_capacity(entries.len());
    let mut codes = Vec::with_capacity(entries.len());
    let mut code_strs = Vec::with_capacity(entries.len());
    let mut meanings = Vec::with_capacity(entries.len());
    let mut references = Vec::with_capacity(entries.len());
    let mut docs = Vec::with_capacity(entries.len());
    let mut retryable = Vec::new();
    let mut classes = Vec::with_capacity(entries.len());
    let mut categories = Vec::with_capacity(entries.len());
    for entry in entries {
        names.push(&entry.name);
        codes.push(Literal::u16_unsuffixed(entry.code));
        code_strs.push(entry.code.to_string());
        meanings.push(entry.meaning.as_str());
        references.push(entry.reference.as_deref().unwrap_or(""));
        docs.push(variant_doc(entry));
        if entry.retryable {
            retryable.push(&entry.name);
        }
        classes.push(class_variant(entry.code / 100));
        categories.push(category_variant(entry.code / 10 % 10));
    }
    let retryable_match = if retryable.is_empty() {
        quote!(false)
    } else {
        quote!(matches!(self, #(Self::#retryable)|*))
    };
    let tracking = source.tracking_item(ident);
    let MethodDocs {
        all: all_doc,
        from_u16: from_u16_doc,
        as_u16: as_u16_doc,
        as_str: as_str_doc,
        meaning: meaning_doc,
        reference: reference_doc,
        retryable: retryable_doc,
        class: class_doc,
        category: category_doc,
        positive: positive_doc,
        negative: negative_doc,
        success: success_doc,
        intermediate: intermediate_doc,
        transient: transient_doc,
        permanent: permanent_doc,
    } = method_docs;

    quote! {
        #(#attrs)*
        #[non_exhaustive]
        #[repr(u16)]
        #vis enum #ident {
            #(
                #[doc = #docs]
                #names = #codes,
            )*
        }

        #tracking

        impl #ident {
            #[doc = #all_doc]
            pub const ALL: &'static [#ident] = &[#(Self::#names),*];

            #[doc = #from_u16_doc]
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

            #[doc = #as_u16_doc]
            pub const fn as_u16(self) -> u16 {
                self as u16
            }

            #[doc = #as_str_doc]
            pub const fn as_str(self) -> &'static str {
                match self {
                    #(Self::#names => #code_strs,)*
                }
            }

            #[doc = #meaning_doc]
            pub const fn meaning(self) -> &'static str {
                match self {
                    #(Self::#names => #meanings,)*
                }
            }

            #[doc = #reference_doc]
            pub const fn reference(self) -> &'static str {
                match self {
                    #(Self::#names => #references,)*
                }
            }

            #[doc = #retryable_doc]
            pub const fn is_retryable(self) -> bool {
                #retryable_match
            }

            #[doc = #class_doc]
            pub const fn class(self) -> ::smtp_codes::Class {
                match self {
                    #(Self::#names => ::smtp_codes::Class::#classes,)*
                }
            }

            #[doc = #category_doc]
            pub const fn category(self) -> ::smtp_codes::Category {
                match self {
                    #(Self::#names => ::smtp_codes::Category::#categories,)*
                }
            }

            #[doc = #positive_doc]
            pub const fn is_positive(self) -> bool {
                self.class().is_positive()
            }

            #[doc = #negative_doc]
            pub const fn is_negative(self) -> bool {
                self.class().is_negative()
            }

            #[doc = #success_doc]
            pub const fn is_success(self) -> bool {
                self.class().is_success()
            }

            #[doc = #intermediate_doc]
            pub const fn is_intermediate(self) -> bool {
                self.class().is_intermediate()
            }

            #[doc = #transient_doc]
            pub const fn is_transient(self) -> bool {
                self.class().is_transient()
            }

            #[doc = #permanent_doc]
            pub const fn is_permanent(self) -> bool {
                self.class().is_permanent()
            }
        }

        impl ::core::fmt::Display for #ident {
            /// The code, a space and its meaning: `550 Requested action not taken: mailbox unavailable`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())?;
                f.write_str(" ")?;
                f.write_str(self.meaning())
            }
        }

        impl ::core::str::FromStr for #ident {
            type Err = ::smtp_codes::ParseReplyCodeError;

            /// Exactly three ASCII digits naming a code in the table.
            fn from_str(text: &str) -> ::core::result::Result<Self, ::smtp_codes::ParseReplyCodeError> {
                let code = ::smtp_codes::ParseReplyCodeError::three_digits(text)?;
                Self::from_u16(code).ok_or(::smtp_codes::ParseReplyCodeError::Unknown(code))
            }
        }

        impl ::core::convert::TryFrom<u16> for #ident {
            type Error = ::smtp_codes::UnknownReplyCode;

            fn try_from(code: u16) -> ::core::result::Result<Self, ::smtp_codes::UnknownReplyCode> {
                Self::from_u16(code).ok_or(::smtp_codes::UnknownReplyCode(code))
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

fn class_variant(digit: u16) -> Ident {
    format_ident!(
        "{}",
        match digit {
            1 => "PositivePreliminary",
            2 => "PositiveCompletion",
            3 => "PositiveIntermediate",
            4 => "TransientNegativeCompletion",
            _ => "PermanentNegativeCompletion",
        }
    )
}

fn category_variant(digit: u16) -> Ident {
    format_ident!(
        "{}",
        match digit {
            0 => "Syntax",
            1 => "Information",
            2 => "Connections",
            3 => "Unspecified3",
            4 => "Unspecified4",
            _ => "MailSystem",
        }
    )
}

/// The docs of the generated methods, each with a doctest on one row of the table when the caller
/// names the enum's path (`examples = "..."`).
struct MethodDocs {
    all: String,
    from_u16: String,
    as_u16: String,
    as_str: String,
    meaning: String,
    reference: String,
    retryable: String,
    class: String,
    category: String,
    positive: String,
    negative: String,
    success: String,
    intermediate: String,
    transient: String,
    permanent: String,
}

impl MethodDocs {
    // One example per generated method, side by side as the methods are in `generate`.
    #[allow(clippy::too_many_lines)]
    fn new(entries: &[Entry], path: Option<&str>) -> MethodDocs {
        // The example row: the first permanent failure, as mail software meets most, else the first.
        let entry = entries
            .iter()
            .find(|entry| entry.code >= 500)
            .or(entries.first());
        let example = |body: &dyn Fn(&str, &Entry) -> String| {
            path.zip(entry)
                .map(|(path, entry)| body(&format!("{path}::{}", entry.name), entry))
        };
        let digit = |entry: &Entry| entry.code / 100;
        let predicate = |name: &str, holds: fn(u16) -> bool| {
            example(&|variant, entry| {
                let not = if holds(digit(entry)) { "" } else { "!" };
                format!("assert!({not}{variant}.{name}());")
            })
        };
        MethodDocs {
            all: with_example(
                "Every reply code in the table, ascending.",
                example(&|variant, _| {
                    let path = path.unwrap_or_default();
                    format!(
                        "assert!({path}::ALL.contains(&{variant}));\n\
                         assert!({path}::ALL.windows(2).all(|pair| pair[0] < pair[1]));"
                    )
                }),
            ),
            from_u16: with_example(
                "The reply code with this number, or `None` when the table has no such code.",
                example(&|variant, entry| {
                    let path = path.unwrap_or_default();
                    format!(
                        "assert_eq!({path}::from_u16({}), Some({variant}));\n\
                         assert_eq!({path}::from_u16(999), None);",
                        entry.code
                    )
                }),
            ),
            as_u16: with_example(
                "The code as a number, e.g. `550`.",
                example(&|variant, entry| {
                    format!("assert_eq!({variant}.as_u16(), {});", entry.code)
                }),
            ),
            as_str: with_example(
                "The code as three digits, e.g. `\"550\"`.",
                example(&|variant, entry| {
                    format!("assert_eq!({variant}.as_str(), \"{}\");", entry.code)
                }),
            ),
            meaning: with_example(
                "What the code means, in the words of its RFC.",
                example(&|variant, entry| {
                    format!("assert_eq!({variant}.meaning(), {:?});", entry.meaning)
                }),
            ),
            reference: with_example(
                "The RFC (and section) that defines the code; empty when the table gives none.",
                example(&|variant, entry| {
                    let reference = entry.reference.as_deref().unwrap_or_default();
                    format!("assert_eq!({variant}.reference(), {reference:?});")
                }),
            ),
            retryable: with_example(
                "Whether the table says that trying again later may succeed.",
                example(&|variant, entry| {
                    let not = if entry.retryable { "" } else { "!" };
                    format!("assert!({not}{variant}.is_retryable());")
                }),
            ),
            class: with_example(
                "The reply's class: its first digit (RFC 5321 §4.2.1).",
                example(&|variant, entry| {
                    format!(
                        "assert_eq!({variant}.class(), smtp_codes::Class::{});",
                        class_variant(digit(entry))
                    )
                }),
            ),
            category: with_example(
                "The reply's category: its second digit (RFC 5321 §4.2.1).",
                example(&|variant, entry| {
                    format!(
                        "assert_eq!({variant}.category(), smtp_codes::Category::{});",
                        category_variant(entry.code / 10 % 10)
                    )
                }),
            ),
            positive: with_example(
                "A positive reply: 1yz, 2yz or 3yz.",
                predicate("is_positive", |digit| digit <= 3),
            ),
            negative: with_example(
                "A negative reply: 4yz or 5yz.",
                predicate("is_negative", |digit| digit >= 4),
            ),
            success: with_example(
                "A positive completion reply: 2yz.",
                predicate("is_success", |digit| digit == 2),
            ),
            intermediate: with_example(
                "A positive intermediate reply: 3yz.",
                predicate("is_intermediate", |digit| digit == 3),
            ),
            transient: with_example(
                "A transient negative completion reply: 4yz.",
                predicate("is_transient", |digit| digit == 4),
            ),
            permanent: with_example(
                "A permanent negative completion reply: 5yz.",
                predicate("is_permanent", |digit| digit == 5),
            ),
        }
    }
}
