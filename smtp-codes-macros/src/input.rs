//! The macro's input: the path argument and the empty enum it fills.

use proc_macro2::TokenStream;
use syn::{Data, DeriveInput, LitStr};

use crate::table::Source;

/// Parses the attribute's path and the enum, then hands both to `generate`; any error becomes
/// `compile_error!` tokens.
pub fn expand(
    args: proc_macro::TokenStream,
    item: proc_macro::TokenStream,
    generate: fn(&Source, &DeriveInput) -> syn::Result<TokenStream>,
) -> proc_macro::TokenStream {
    let result = syn::parse::<LitStr>(args)
        .map_err(|err| {
            syn::Error::new(
                err.span(),
                "expected the table's path as a string literal, e.g. (\"codes.csv\")",
            )
        })
        .and_then(|path| {
            let enum_item = syn::parse::<DeriveInput>(item)?;
            check_empty_enum(&enum_item)?;
            let source = Source::read(&path)?;
            generate(&source, &enum_item)
        });
    result.unwrap_or_else(syn::Error::into_compile_error).into()
}

/// The attribute fills the enum itself, so it must be an empty, non-generic enum.
fn check_empty_enum(item: &DeriveInput) -> syn::Result<()> {
    let Data::Enum(data) = &item.data else {
        return Err(syn::Error::new_spanned(
            &item.ident,
            "expected an empty enum, e.g. `pub enum ReplyCode {}`",
        ));
    };
    if !item.generics.params.is_empty() || item.generics.where_clause.is_some() {
        return Err(syn::Error::new_spanned(
            &item.generics,
            "the enum must not be generic",
        ));
    }
    if let Some(variant) = data.variants.first() {
        return Err(syn::Error::new_spanned(
            variant,
            "the enum must be empty: its variants come from the table",
        ));
    }
    Ok(())
}
