//! The item under the attribute: an empty, non-generic enum, which the attribute fills.

use syn::{Data, DeriveInput};

/// Parses the item and checks that it is an empty, non-generic enum.
pub fn parse(item: proc_macro2::TokenStream) -> syn::Result<DeriveInput> {
    let item: DeriveInput = syn::parse2(item)?;
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
    Ok(item)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn error(tokens: proc_macro2::TokenStream) -> String {
        parse(tokens)
            .err()
            .map(|err| err.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn an_empty_enum_is_accepted() {
        let item = parse(quote!(
            #[derive(Clone)]
            pub enum Codes {}
        ))
        .unwrap();
        assert_eq!(item.ident, "Codes");
        assert_eq!(item.attrs.len(), 1);
    }

    #[test]
    fn other_items_are_refused() {
        assert_eq!(
            error(quote!(
                pub struct Codes;
            )),
            "expected an empty enum, e.g. `pub enum ReplyCode {}`"
        );
        assert_eq!(
            error(quote!(
                pub enum Codes<T> {}
            )),
            "the enum must not be generic"
        );
        assert_eq!(
            error(quote!(
                pub enum Codes {
                    Ok,
                }
            )),
            "the enum must be empty: its variants come from the table"
        );
    }
}
