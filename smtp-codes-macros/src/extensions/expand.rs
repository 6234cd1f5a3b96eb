//! The extension enum and its API, each method next to its doc.

use std::collections::BTreeMap;

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::Entry;
use crate::api::{self, Variant};
use crate::docs::{doc_text, Examples};
use crate::{runtime, Input};

type Docs<'a> = Examples<'a, Entry>;

pub fn enum_and_api(input: &Input, entries: &[Entry]) -> TokenStream {
    let ident = &input.item.ident;
    // The example row: the first with parameters, else the first.
    let example = entries
        .iter()
        .find(|entry| entry.parameters.variant() != "None")
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
    let values = values(entries, &names, &docs);
    let from_keyword = from_keyword(entries, &docs);
    let unknown = runtime::parse_extension_error();
    quote! {
        #enum_item

        #tracking

        impl #ident {
            #all
            #values
            #from_keyword
        }

        impl ::core::fmt::Display for #ident {
            /// The keyword as the table writes it, e.g. `STARTTLS`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.keyword())
            }
        }

        impl ::core::str::FromStr for #ident {
            type Err = #unknown;

            /// A keyword of the table, in any case.
            fn from_str(text: &str) -> ::core::result::Result<Self, #unknown> {
                Self::from_keyword(text.as_bytes()).ok_or(#unknown)
            }
        }
    }
}

fn variant_doc(entry: &Entry) -> String {
    let mut doc = format!("`{}`: {}.", entry.keyword, doc_text(&entry.description));
    if let Some(note) = &entry.note {
        doc.push_str("\n\n");
        doc.push_str(&doc_text(note));
        doc.push('.');
    }
    if !entry.reference.is_empty() {
        doc.push_str("\n\n- Reference: ");
        doc.push_str(&doc_text(&entry.reference));
    }
    doc
}

fn all_doc(docs: &Docs) -> String {
    docs.doc(
        "Every extension of the table, in the table's order.",
        |example| {
            format!(
                "assert!({}::ALL.contains(&{}));",
                example.path, example.variant
            )
        },
    )
}

/// `keyword`, `description`, `reference`, `parameters`: the row's own values.
fn values(entries: &[Entry], names: &[&Ident], docs: &Docs) -> TokenStream {
    let keyword = api::str_accessor(
        docs,
        "The EHLO keyword, as the table writes it.",
        "keyword",
        names,
        entries,
        |entry| entry.keyword.clone(),
    );
    let description = api::str_accessor(
        docs,
        "The registry's description of the extension.",
        "description",
        names,
        entries,
        |entry| entry.description.clone(),
    );
    let reference = api::str_accessor(
        docs,
        "The document(s) that define the extension.",
        "reference",
        names,
        entries,
        |entry| entry.reference.clone(),
    );
    let parameters = api::accessor(
        &docs.doc(
            "What follows the keyword on its EHLO line, as its RFC defines it.",
            |example| {
                format!(
                    "assert_eq!({}.parameters(), {});",
                    example.variant,
                    runtime::parameter_form_in_doc(example.entry.parameters.variant())
                )
            },
        ),
        "parameters",
        &runtime::parameter_form_type(),
        names,
        entries
            .iter()
            .map(|entry| runtime::parameter_form(entry.parameters.variant())),
    );
    quote! {
        #keyword
        #description
        #reference
        #parameters
    }
}

/// `from_keyword`: keywords grouped by length, each compared with the input upper-cased byte by
/// byte, so that the function is `const` and allocates nothing.
fn from_keyword(entries: &[Entry], docs: &Docs) -> TokenStream {
    let doc = docs.doc(
        "The extension whose keyword is `keyword`, compared ASCII case-insensitively \
         (RFC 5321 §2.4); `None` for a keyword the table does not have.",
        |example| {
            let (path, variant, keyword) = (example.path, &example.variant, &example.entry.keyword);
            format!(
                "assert_eq!({path}::from_keyword(b{keyword:?}), Some({variant}));\n\
                 assert_eq!({path}::from_keyword(b{:?}), Some({variant}));\n\
                 assert_eq!({path}::from_keyword(b\"X-NOT-REGISTERED\"), None);",
                keyword.to_ascii_lowercase()
            )
        },
    );
    let mut by_length: BTreeMap<usize, Vec<&Entry>> = BTreeMap::new();
    for entry in entries {
        by_length
            .entry(entry.keyword.len())
            .or_default()
            .push(entry);
    }
    let arms = by_length.iter().map(|(length, group)| {
        let tests = group.iter().map(|entry| {
            let upper = Literal::byte_string(entry.keyword.to_ascii_uppercase().as_bytes());
            let name = &entry.name;
            quote! {
                if same(keyword, #upper) {
                    return ::core::option::Option::Some(Self::#name);
                }
            }
        });
        quote! { #length => { #(#tests)* } }
    });
    quote! {
        #[doc = #doc]
        pub const fn from_keyword(keyword: &[u8]) -> ::core::option::Option<Self> {
            /// `keyword` upper-cased equals `upper`, both of the same length.
            const fn same(keyword: &[u8], upper: &[u8]) -> bool {
                let mut index = 0;
                while index < upper.len() {
                    if keyword[index].to_ascii_uppercase() != upper[index] {
                        return false;
                    }
                    index += 1;
                }
                true
            }
            match keyword.len() {
                #(#arms)*
                _ => {}
            }
            ::core::option::Option::None
        }
    }
}
