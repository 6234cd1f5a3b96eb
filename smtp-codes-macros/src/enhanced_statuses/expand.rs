//! The enhanced-status enum and its API, each method next to its doc.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::Entry;
use crate::api::{self, Variant};
use crate::docs::{doc_text, Examples};
use crate::{runtime, Input};

type Docs<'a> = Examples<'a, Entry>;

pub fn enum_and_api(input: &Input, entries: &[Entry]) -> TokenStream {
    let ident = &input.item.ident;
    // The example row: the first with basic codes, as most registered codes have, else the first.
    let example = entries
        .iter()
        .find(|entry| !entry.basic_codes.is_empty())
        .or(entries.first());
    let docs = Examples::new(input.examples.as_deref(), example, |entry| &entry.name);
    let names: Vec<&Ident> = entries.iter().map(|entry| &entry.name).collect();
    let variants: Vec<Variant> = entries
        .iter()
        .map(|entry| Variant {
            name: &entry.name,
            doc: variant_doc(entry),
            discriminant: None,
        })
        .collect();
    let enum_item = api::enum_item(&input.item, None, &variants);
    let tracking = api::tracking(&input.sources, ident);
    let all = api::all(ident, &names, &all_doc(&docs));
    let from_parts = from_parts(entries, &names, &docs);
    let values = values(entries, &names, &docs);
    let subject_kind = subject_kind(&docs);
    quote! {
        #enum_item

        #tracking

        impl #ident {
            #all
            #from_parts
            #values
            #subject_kind
        }

        impl ::core::fmt::Display for #ident {
            /// `X.subject.detail` and the title, e.g. `X.1.1 Bad destination mailbox address`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::core::write!(f, "X.{}.{} {}", self.subject(), self.detail(), self.title())
            }
        }
    }
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

fn all_doc(docs: &Docs) -> String {
    docs.doc(
        "Every entry of the registry, ascending by subject, then detail.",
        |example| {
            let (path, variant) = (example.path, &example.variant);
            format!(
                "assert!({path}::ALL.contains(&{variant}));\n\
                 assert!({path}::ALL.windows(2).all(|pair| pair[0] < pair[1]));"
            )
        },
    )
}

fn from_parts(entries: &[Entry], names: &[&Ident], docs: &Docs) -> TokenStream {
    let doc = docs.doc(
        "The entry for `X.subject.detail`, or `None` when the registry has none.",
        |example| {
            let (path, variant, entry) = (example.path, &example.variant, example.entry);
            format!(
                "assert_eq!({path}::from_parts({}, {}), Some({variant}));\n\
                 assert_eq!({path}::from_parts(999, 999), None);",
                entry.subject, entry.detail
            )
        },
    );
    let subjects = entries
        .iter()
        .map(|entry| Literal::u16_unsuffixed(entry.subject));
    let details = entries
        .iter()
        .map(|entry| Literal::u16_unsuffixed(entry.detail));
    quote! {
        #[doc = #doc]
        pub const fn from_parts(subject: u16, detail: u16) -> ::core::option::Option<Self> {
            match (subject, detail) {
                #((#subjects, #details) => ::core::option::Option::Some(Self::#names),)*
                _ => ::core::option::Option::None,
            }
        }
    }
}

/// `subject`, `detail`, `title`, `reference`, `basic_codes`: the row's own values.
fn values(entries: &[Entry], names: &[&Ident], docs: &Docs) -> TokenStream {
    let u16_type = quote!(u16);
    let subject = api::accessor(
        &docs.doc(
            "The subject: the middle number of `X.subject.detail`.",
            |example| {
                format!(
                    "assert_eq!({}.subject(), {});",
                    example.variant, example.entry.subject
                )
            },
        ),
        "subject",
        &u16_type,
        names,
        entries
            .iter()
            .map(|entry| Literal::u16_unsuffixed(entry.subject)),
    );
    let detail = api::accessor(
        &docs.doc(
            "The detail: the last number of `X.subject.detail`.",
            |example| {
                format!(
                    "assert_eq!({}.detail(), {});",
                    example.variant, example.entry.detail
                )
            },
        ),
        "detail",
        &u16_type,
        names,
        entries
            .iter()
            .map(|entry| Literal::u16_unsuffixed(entry.detail)),
    );
    let title = api::str_accessor(
        docs,
        "The registry's title (sample text) for the code.",
        "title",
        names,
        entries,
        |entry| entry.title.clone(),
    );
    let reference = api::str_accessor(
        docs,
        "The document(s) that define the code.",
        "reference",
        names,
        entries,
        |entry| entry.reference.clone(),
    );
    let basic_codes = api::accessor(
        &docs.doc(
            "The basic reply codes the registry associates with the code; empty when it gives none.",
            |example| {
                format!(
                    "assert_eq!({}.basic_codes(), &{:?});",
                    example.variant, example.entry.basic_codes
                )
            },
        ),
        "basic_codes",
        &quote!(&'static [u16]),
        names,
        entries.iter().map(|entry| {
            let codes = entry.basic_codes.iter().map(|code| Literal::u16_unsuffixed(*code));
            quote!(&[#(#codes),*])
        }),
    );
    quote! {
        #subject
        #detail
        #title
        #reference
        #basic_codes
    }
}

fn subject_kind(docs: &Docs) -> TokenStream {
    let doc = docs.doc(
        "The subject's meaning (RFC 3463 §2), e.g. `Subject::Mailbox` for `X.2.2`.",
        |example| {
            let kind = runtime::subject_from_u16_in_doc(example.entry.subject);
            format!("assert_eq!({}.subject_kind(), {kind});", example.variant)
        },
    );
    let subject = runtime::subject_type();
    let from_u16 = runtime::subject_from_u16(&quote!(self.subject()));
    quote! {
        #[doc = #doc]
        pub const fn subject_kind(self) -> ::core::option::Option<#subject> {
            #from_u16
        }
    }
}
