//! `#[enhanced_statuses("enhanced-codes.csv")]`: validates an enhanced status code registry
//! (RFC 3463, RFC 5248) and generates the enum of its entries.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;
use serde::Deserialize;
use syn::DeriveInput;

use crate::docs::{doc_text, with_example};
use crate::ident;
use crate::table::{self, Columns, Errors, FirstSeen, Source};

const COLUMNS: Columns = Columns {
    required: &["subject", "detail", "title", "basic_codes", "reference"],
    optional: &["name"],
};

/// A row as written in the CSV.
#[derive(Deserialize)]
struct RawRow {
    subject: String,
    detail: String,
    title: String,
    basic_codes: String,
    reference: String,
    #[serde(default)]
    name: Option<String>,
}

/// A row that passed validation.
struct Entry {
    subject: u16,
    detail: u16,
    name: Ident,
    title: String,
    basic_codes: Vec<u16>,
    reference: String,
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

fn validate(source: &Source) -> syn::Result<Vec<Entry>> {
    let mut errors = Errors::new(source);
    let rows = table::read_rows::<RawRow>(source, &COLUMNS, &mut errors);
    let mut entries = Vec::with_capacity(rows.len());
    let mut codes = FirstSeen::default();
    let mut names = FirstSeen::default();
    for row in rows {
        let (line, raw) = (row.line, row.fields);
        let subject = check_part(&raw.subject, "subject", line, &mut errors);
        let detail = check_part(&raw.detail, "detail", line, &mut errors);
        if let (Some(subject), Some(detail)) = (subject, detail) {
            codes.check(
                (subject, detail),
                line,
                &mut errors,
                "detail",
                format_args!("code X.{subject}.{detail}"),
            );
        }
        if raw.title.trim().is_empty() {
            errors.field(line, "title", "the title is empty");
        }
        let basic_codes = check_basic_codes(&raw.basic_codes, line, &mut errors);
        let name = ident::variant_name(raw.name.as_deref(), "title", &raw.title, line, &mut errors);
        if let Some(name) = &name {
            names.check(
                name.clone(),
                line,
                &mut errors,
                "name",
                format_args!("name `{name}`"),
            );
        }
        if let (Some(subject), Some(detail), Some(name), Some(basic_codes)) =
            (subject, detail, name, basic_codes)
        {
            entries.push(Entry {
                subject,
                detail,
                name: Ident::new(&name, Span::call_site()),
                title: raw.title,
                basic_codes,
                reference: raw.reference,
            });
        }
    }
    errors.finish()?;
    entries.sort_by_key(|entry| (entry.subject, entry.detail));
    Ok(entries)
}

/// A subject or detail is one to three ASCII digits without a leading zero (RFC 3463 §2).
fn check_part(text: &str, field: &str, line: u64, errors: &mut Errors) -> Option<u16> {
    let digits = (1..=3).contains(&text.len()) && text.bytes().all(|byte| byte.is_ascii_digit());
    if !digits {
        errors.field(
            line,
            field,
            format_args!("`{text}` is not one to three ASCII digits (RFC 3463 §2)"),
        );
        return None;
    }
    if text.len() > 1 && text.starts_with('0') {
        errors.field(
            line,
            field,
            format_args!("`{text}` has a leading zero, which RFC 3463 §2 forbids"),
        );
        return None;
    }
    text.parse().ok()
}

/// Basic reply codes: three-digit codes of class 2, 4 or 5, separated by single spaces; may be
/// empty. Every bad code is reported.
fn check_basic_codes(text: &str, line: u64, errors: &mut Errors) -> Option<Vec<u16>> {
    let mut codes = Vec::new();
    let mut valid = true;
    for code in text.split(' ').filter(|code| !code.is_empty()) {
        let digits = code.as_bytes();
        if digits.len() == 3
            && digits.iter().all(u8::is_ascii_digit)
            && matches!(digits[0], b'2' | b'4' | b'5')
        {
            codes.extend(code.parse::<u16>().ok());
        } else {
            errors.field(
                line,
                "basic_codes",
                format_args!(
                    "`{code}` is not a reply code of class 2, 4 or 5 \
                     (write three-digit codes separated by spaces)"
                ),
            );
            valid = false;
        }
    }
    valid.then_some(codes)
}

fn variant_doc(entry: &Entry) -> String {
    let mut doc = format!(
        "`X.{}.{}` {}.",
        entry.subject,
        entry.detail,
        doc_text(&entry.title)
    );
    if !entry.basic_codes.is_empty() {
        let codes: Vec<String> = entry.basic_codes.iter().map(u16::to_string).collect();
        doc.push_str("\n\n- Basic codes: ");
        doc.push_str(&codes.join(", "));
    }
    if !entry.reference.is_empty() {
        doc.push_str("\n- Reference: ");
        doc.push_str(&doc_text(&entry.reference));
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
    let mut subjects = Vec::with_capacity(entries.len());
    let mut details = Vec::with_capacity(entries.len());
    let mut titles = Vec::with_capacity(entries.len());
    let mut references = Vec::with_capacity(entries.len());
    let mut basic_codes = Vec::with_capacity(entries.len());
    let mut docs = Vec::with_capacity(entries.len());
    for entry in entries {
        names.push(&entry.name);
        subjects.push(Literal::u16_unsuffixed(entry.subject));
        details.push(Literal::u16_unsuffixed(entry.detail));
        titles.push(entry.title.as_str());
        references.push(entry.reference.as_str());
        let codes = entry
            .basic_codes
            .iter()
            .map(|code| Literal::u16_unsuffixed(*code));
        basic_codes.push(quote!(&[#(#codes),*]));
        docs.push(variant_doc(entry));
    }
    let tracking = source.tracking_item(ident);
    let MethodDocs {
        all: all_doc,
        from_parts: from_parts_doc,
        subject: subject_doc,
        detail: detail_doc,
        title: title_doc,
        reference: reference_doc,
        basic_codes: basic_codes_doc,
        subject_kind: subject_kind_doc,
    } = method_docs;

    quote! {
        #(#attrs)*
        #[non_exhaustive]
        #vis enum #ident {
            #(
                #[doc = #docs]
                #names,
            )*
        }

        #tracking

        impl #ident {
            #[doc = #all_doc]
            pub const ALL: &'static [#ident] = &[#(Self::#names),*];

            #[doc = #from_parts_doc]
            pub const fn from_parts(subject: u16, detail: u16) -> ::core::option::Option<Self> {
                match (subject, detail) {
                    #((#subjects, #details) => ::core::option::Option::Some(Self::#names),)*
                    _ => ::core::option::Option::None,
                }
            }

            #[doc = #subject_doc]
            pub const fn subject(self) -> u16 {
                match self {
                    #(Self::#names => #subjects,)*
                }
            }

            #[doc = #detail_doc]
            pub const fn detail(self) -> u16 {
                match self {
                    #(Self::#names => #details,)*
                }
            }

            #[doc = #title_doc]
            pub const fn title(self) -> &'static str {
                match self {
                    #(Self::#names => #titles,)*
                }
            }

            #[doc = #reference_doc]
            pub const fn reference(self) -> &'static str {
                match self {
                    #(Self::#names => #references,)*
                }
            }

            #[doc = #basic_codes_doc]
            pub const fn basic_codes(self) -> &'static [u16] {
                match self {
                    #(Self::#names => #basic_codes,)*
                }
            }

            #[doc = #subject_kind_doc]
            pub const fn subject_kind(self) -> ::core::option::Option<::smtp_codes::Subject> {
                ::smtp_codes::Subject::from_u16(self.subject())
            }
        }

        impl ::core::fmt::Display for #ident {
            /// `X.subject.detail` and the title, e.g. `X.1.1 Bad destination mailbox address`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, "X.{}.{} {}", self.subject(), self.detail(), self.title())
            }
        }
    }
}

/// The docs of the generated methods, each with a doctest on one row of the registry when the
/// caller names the enum's path (`examples = "..."`).
struct MethodDocs {
    all: String,
    from_parts: String,
    subject: String,
    detail: String,
    title: String,
    reference: String,
    basic_codes: String,
    subject_kind: String,
}

impl MethodDocs {
    // One example per generated method, side by side as the methods are in `generate`.
    #[allow(clippy::too_many_lines)]
    fn new(entries: &[Entry], path: Option<&str>) -> MethodDocs {
        // The example row: the first with basic codes, as most registered codes have, else the first.
        let entry = entries
            .iter()
            .find(|entry| !entry.basic_codes.is_empty())
            .or(entries.first());
        let example = |body: &dyn Fn(&str, &str, &Entry) -> String| {
            path.zip(entry)
                .map(|(path, entry)| body(path, &format!("{path}::{}", entry.name), entry))
        };
        MethodDocs {
            all: with_example(
                "Every entry of the registry, ascending by subject, then detail.",
                example(&|path, variant, _| {
                    format!(
                        "assert!({path}::ALL.contains(&{variant}));\n\
                         assert!({path}::ALL.windows(2).all(|pair| pair[0] < pair[1]));"
                    )
                }),
            ),
            from_parts: with_example(
                "The entry for `X.subject.detail`, or `None` when the registry has none.",
                example(&|path, variant, entry| {
                    format!(
                        "assert_eq!({path}::from_parts({}, {}), Some({variant}));\n\
                         assert_eq!({path}::from_parts(999, 999), None);",
                        entry.subject, entry.detail
                    )
                }),
            ),
            subject: with_example(
                "The subject: the middle number of `X.subject.detail`.",
                example(&|_, variant, entry| {
                    format!("assert_eq!({variant}.subject(), {});", entry.subject)
                }),
            ),
            detail: with_example(
                "The detail: the last number of `X.subject.detail`.",
                example(&|_, variant, entry| {
                    format!("assert_eq!({variant}.detail(), {});", entry.detail)
                }),
            ),
            title: with_example(
                "The registry's title (sample text) for the code.",
                example(&|_, variant, entry| {
                    format!("assert_eq!({variant}.title(), {:?});", entry.title)
                }),
            ),
            reference: with_example(
                "The document(s) that define the code.",
                example(&|_, variant, entry| {
                    format!("assert_eq!({variant}.reference(), {:?});", entry.reference)
                }),
            ),
            basic_codes: with_example(
                "The basic reply codes the registry associates with the code; empty when it gives none.",
                example(&|_, variant, entry| {
                    format!("assert_eq!({variant}.basic_codes(), &{:?});", entry.basic_codes)
                }),
            ),
            subject_kind: with_example(
                "The subject's meaning (RFC 3463 §2), e.g. `Subject::Mailbox` for `X.2.2`.",
                example(&|_, variant, entry| {
                    format!(
                        "assert_eq!({variant}.subject_kind(), smtp_codes::Subject::from_u16({}));",
                        entry.subject
                    )
                }),
            ),
        }
    }
}
