//! The generated enum and its methods.

use std::collections::BTreeMap;

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;
use syn::DeriveInput;

use super::Entry;
use crate::docs::{doc_text, with_example};
use crate::table::Source;

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

/// `from_keyword`'s body: keywords grouped by length, each compared with the input upper-cased
/// byte by byte, so that the function is `const` and allocates nothing.
fn from_keyword_body(entries: &[Entry]) -> TokenStream {
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

pub(super) fn generate(
    source: &Source,
    item: &DeriveInput,
    entries: &[Entry],
    examples: Option<&str>,
) -> TokenStream {
    let DeriveInput {
        attrs, vis, ident, ..
    } = item;
    let mut names = Vec::with_capacity(entries.len());
    let mut keywords = Vec::with_capacity(entries.len());
    let mut descriptions = Vec::with_capacity(entries.len());
    let mut references = Vec::with_capacity(entries.len());
    let mut forms = Vec::with_capacity(entries.len());
    let mut docs = Vec::with_capacity(entries.len());
    for entry in entries {
        names.push(&entry.name);
        keywords.push(entry.keyword.as_str());
        descriptions.push(entry.description.as_str());
        references.push(entry.reference.as_str());
        let form = Ident::new(entry.parameters.variant(), Span::call_site());
        forms.push(quote!(::smtp_codes::ParameterForm::#form));
        docs.push(variant_doc(entry));
    }
    let from_keyword_body = from_keyword_body(entries);
    let tracking = source.tracking_item(ident);
    let docs_of = MethodDocs::new(entries, examples);
    let MethodDocs {
        all,
        keyword,
        description,
        reference,
        parameters,
        from_keyword,
    } = docs_of;

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
            #[doc = #all]
            pub const ALL: &'static [#ident] = &[#(Self::#names),*];

            #[doc = #keyword]
            pub const fn keyword(self) -> &'static str {
                match self {
                    #(Self::#names => #keywords,)*
                }
            }

            #[doc = #description]
            pub const fn description(self) -> &'static str {
                match self {
                    #(Self::#names => #descriptions,)*
                }
            }

            #[doc = #reference]
            pub const fn reference(self) -> &'static str {
                match self {
                    #(Self::#names => #references,)*
                }
            }

            #[doc = #parameters]
            pub const fn parameters(self) -> ::smtp_codes::ParameterForm {
                match self {
                    #(Self::#names => #forms,)*
                }
            }

            #[doc = #from_keyword]
            pub const fn from_keyword(keyword: &[u8]) -> ::core::option::Option<Self> {
                #from_keyword_body
            }
        }

        impl ::core::fmt::Display for #ident {
            /// The keyword as the table writes it, e.g. `STARTTLS`.
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.keyword())
            }
        }

        impl ::core::str::FromStr for #ident {
            type Err = ::smtp_codes::UnknownExtension;

            /// A keyword of the table, in any case.
            fn from_str(text: &str) -> ::core::result::Result<Self, ::smtp_codes::UnknownExtension> {
                Self::from_keyword(text.as_bytes()).ok_or(::smtp_codes::UnknownExtension)
            }
        }
    }
}

/// The docs of the generated methods, each with a doctest on one row when the caller names the
/// enum's path (`examples = "..."`).
struct MethodDocs {
    all: String,
    keyword: String,
    description: String,
    reference: String,
    parameters: String,
    from_keyword: String,
}

impl MethodDocs {
    fn new(entries: &[Entry], path: Option<&str>) -> MethodDocs {
        // The example row: the first with a parameter form other than `none`, else the first.
        let entry = entries
            .iter()
            .find(|entry| entry.parameters.variant() != "None")
            .or(entries.first());
        let example = |body: &dyn Fn(&str, &str, &Entry) -> String| {
            path.zip(entry)
                .map(|(path, entry)| body(path, &format!("{path}::{}", entry.name), entry))
        };
        MethodDocs {
            all: with_example(
                "Every extension of the table, in the table's order.",
                example(&|path, variant, _| format!("assert!({path}::ALL.contains(&{variant}));")),
            ),
            keyword: with_example(
                "The EHLO keyword, as the table writes it.",
                example(&|_, variant, entry| {
                    format!("assert_eq!({variant}.keyword(), {:?});", entry.keyword)
                }),
            ),
            description: with_example(
                "The registry's description of the extension.",
                example(&|_, variant, entry| {
                    format!(
                        "assert_eq!({variant}.description(), {:?});",
                        entry.description
                    )
                }),
            ),
            reference: with_example(
                "The document(s) that define the extension.",
                example(&|_, variant, entry| {
                    format!("assert_eq!({variant}.reference(), {:?});", entry.reference)
                }),
            ),
            parameters: with_example(
                "What follows the keyword on its EHLO line, as its RFC defines it.",
                example(&|_, variant, entry| {
                    format!(
                        "assert_eq!({variant}.parameters(), smtp_codes::ParameterForm::{});",
                        entry.parameters.variant()
                    )
                }),
            ),
            from_keyword: with_example(
                "The extension whose keyword is `keyword`, compared ASCII case-insensitively \
                 (RFC 5321 §2.4); `None` for a keyword the table does not have.",
                example(&|path, variant, entry| {
                    format!(
                        "assert_eq!({path}::from_keyword(b{:?}), Some({variant}));\n\
                         assert_eq!({path}::from_keyword(b{:?}), Some({variant}));\n\
                         assert_eq!({path}::from_keyword(b\"X-NOT-REGISTERED\"), None);",
                        entry.keyword,
                        entry.keyword.to_ascii_lowercase()
                    )
                }),
            ),
        }
    }
}
