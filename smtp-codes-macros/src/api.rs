//! The output every table repeats: the enum itself, the tracking items, `ALL`, and accessors that
//! map each variant to a value of its row.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::DeriveInput;

use crate::docs::Examples;
use crate::source::Source;

/// One variant of the generated enum.
pub struct Variant<'a> {
    pub name: &'a Ident,
    pub doc: String,
    /// The explicit discriminant, when the enum has a `repr`.
    pub discriminant: Option<Literal>,
}

/// The caller's enum, with its attributes and visibility, filled with `variants` and marked
/// `#[non_exhaustive]` (tables grow); `repr` is the integer type of the discriminants, if any.
pub fn enum_item(item: &DeriveInput, repr: Option<&str>, variants: &[Variant]) -> TokenStream {
    let DeriveInput {
        attrs, vis, ident, ..
    } = item;
    let repr = repr.map(|repr| {
        let repr = format_ident!("{repr}");
        quote!(#[repr(#repr)])
    });
    let variants = variants.iter().map(|variant| {
        let Variant { name, doc, .. } = variant;
        if let Some(discriminant) = &variant.discriminant {
            quote! {
                #[doc = #doc]
                #name = #discriminant,
            }
        } else {
            quote! {
                #[doc = #doc]
                #name,
            }
        }
    });
    quote! {
        #(#attrs)*
        #[non_exhaustive]
        #repr
        #vis enum #ident {
            #(#variants)*
        }
    }
}

/// Items every generated enum gets: each table file's bytes included, so that cargo rebuilds the
/// caller when a table changes, and a check that the enum is `Copy`, as the generated methods
/// (which take `self`) need.
pub fn tracking(sources: &[Source], ident: &Ident) -> TokenStream {
    let includes = sources.iter().map(Source::tracking_item);
    let copy_check = quote_spanned! {ident.span()=>
        const _: fn() = || {
            fn derive_clone_and_copy<T: ::core::marker::Copy>() {}
            derive_clone_and_copy::<#ident>();
        };
    };
    quote! {
        #(#includes)*
        #copy_check
    }
}

/// `pub const ALL: &'static [Enum]`, every variant in table order.
pub fn all(ident: &Ident, names: &[&Ident], doc: &str) -> TokenStream {
    quote! {
        #[doc = #doc]
        pub const ALL: &'static [#ident] = &[#(Self::#names),*];
    }
}

/// `pub const fn METHOD(self) -> TYPE`, mapping each of `names` to the value at the same index.
pub fn accessor<V: ToTokens>(
    doc: &str,
    method: &str,
    output: &TokenStream,
    names: &[&Ident],
    values: impl IntoIterator<Item = V>,
) -> TokenStream {
    let method = format_ident!("{method}");
    let values = values.into_iter();
    quote! {
        #[doc = #doc]
        pub const fn #method(self) -> #output {
            match self {
                #(Self::#names => #values,)*
            }
        }
    }
}

/// `pub const fn METHOD(self) -> &'static str`, the text `value` gives for each entry (`names`
/// are the entries' variants, in the same order); with examples, the doc asserts the example
/// row's text: `assert_eq!(Enum::Variant.METHOD(), "text")`.
pub fn str_accessor<E>(
    docs: &Examples<'_, E>,
    summary: &str,
    method: &str,
    names: &[&Ident],
    entries: &[E],
    value: impl Fn(&E) -> String,
) -> TokenStream {
    let doc = docs.doc(summary, |example| {
        let text = value(example.entry);
        format!("assert_eq!({}.{method}(), {text:?});", example.variant)
    });
    let values = entries.iter().map(|entry| Literal::string(&value(entry)));
    accessor(&doc, method, &quote!(&'static str), names, values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::Span;

    #[test]
    fn accessor_matches_every_variant() {
        let (ok, busy) = (
            Ident::new("Ok", Span::call_site()),
            Ident::new("Busy", Span::call_site()),
        );
        let tokens = accessor(
            "The text.",
            "text",
            &quote!(&'static str),
            &[&ok, &busy],
            ["a", "b"],
        );
        let expected = quote! {
            #[doc = "The text."]
            pub const fn text(self) -> &'static str {
                match self {
                    Self::Ok => "a",
                    Self::Busy => "b",
                }
            }
        };
        assert_eq!(tokens.to_string(), expected.to_string());
    }

    #[test]
    fn str_accessor_documents_the_example_row() {
        let (ok, busy) = (
            Ident::new("Ok", Span::call_site()),
            Ident::new("Busy", Span::call_site()),
        );
        let entries = [(&ok, "all \"good\""), (&busy, "try later")];
        let docs = Examples::new(Some("my::Codes"), entries.first(), |entry| entry.0);
        let tokens = str_accessor(
            &docs,
            "The text.",
            "text",
            &[&ok, &busy],
            &entries,
            |entry| entry.1.to_owned(),
        );
        let expected = quote! {
            #[doc = "The text.\n\n```\nassert_eq!(my::Codes::Ok.text(), \"all \\\"good\\\"\");\n```"]
            pub const fn text(self) -> &'static str {
                match self {
                    Self::Ok => "all \"good\"",
                    Self::Busy => "try later",
                }
            }
        };
        assert_eq!(tokens.to_string(), expected.to_string());
    }

    #[test]
    fn enum_item_keeps_attributes_and_adds_non_exhaustive() {
        let item: DeriveInput = syn::parse_quote! {
            #[derive(Clone, Copy)]
            pub(crate) enum Codes {}
        };
        let ok = Ident::new("Ok", Span::call_site());
        let variants = [Variant {
            name: &ok,
            doc: "`250` OK.".to_owned(),
            discriminant: Some(Literal::u16_unsuffixed(250)),
        }];
        let expected = quote! {
            #[derive(Clone, Copy)]
            #[non_exhaustive]
            #[repr(u16)]
            pub(crate) enum Codes {
                #[doc = "`250` OK."]
                Ok = 250,
            }
        };
        assert_eq!(
            enum_item(&item, Some("u16"), &variants).to_string(),
            expected.to_string()
        );
    }
}
