//! The item under the attribute: an empty, non-generic enum, which the attribute fills.

use syn::punctuated::Punctuated;
use syn::{Data, DeriveInput, LitStr, Path, Token};

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

/// Checks that the enum derives `Clone` and `Copy` (the generated methods take `self`) below the
/// attribute. Derives written above the attribute have already run on the empty enum, and are
/// not seen here: then there is no derive at all, and the error says to move the attribute.
pub fn check_derives(item: &DeriveInput, attribute: &str, path: &LitStr) -> syn::Result<()> {
    let mut derived = Vec::new();
    let mut last_derive = None;
    for attr in item
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("derive"))
    {
        let paths = attr.parse_args_with(Punctuated::<Path, Token![,]>::parse_terminated)?;
        derived.extend(paths.iter().filter_map(|path| {
            path.segments
                .last()
                .map(|segment| segment.ident.to_string())
        }));
        last_derive = Some(attr);
    }
    let Some(last_derive) = last_derive else {
        return Err(syn::Error::new(
            path.span(),
            format!(
                "no `#[derive(...)]` below `#[{attribute}(...)]`: put this attribute above the \
                 derives (derives above it run on the empty enum, before the table fills it), \
                 and derive at least `Clone` and `Copy`"
            ),
        ));
    };
    let missing: Vec<&str> = ["Clone", "Copy"]
        .into_iter()
        .filter(|name| !derived.iter().any(|derived| derived == name))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(syn::Error::new_spanned(
        last_derive,
        format!(
            "the enum must derive `Clone` and `Copy` (the generated methods take `self`): \
             add {} to this derive",
            missing
                .iter()
                .map(|name| format!("`{name}`"))
                .collect::<Vec<_>>()
                .join(" and ")
        ),
    ))
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
    fn derives_must_include_clone_and_copy() {
        let path: LitStr = syn::parse_quote!("codes.csv");
        let check = |item: proc_macro2::TokenStream| {
            check_derives(&parse(item).unwrap(), "reply_codes", &path)
                .err()
                .map(|err| err.to_string())
        };
        assert_eq!(
            check(quote!(
                #[derive(Clone, Copy)]
                pub enum Codes {}
            )),
            None
        );
        assert_eq!(
            check(quote!(
                #[derive(Debug, core::clone::Clone, core::marker::Copy)]
                pub enum Codes {}
            )),
            None
        );
        assert!(check(quote!(
            #[derive(Debug, Copy)]
            pub enum Codes {}
        ))
        .is_some_and(|err| err.ends_with("add `Clone` to this derive")));
        assert!(check(quote!(
            #[derive(Clone)]
            pub enum Codes {}
        ))
        .is_some_and(|err| err.ends_with("add `Copy` to this derive")));
        assert!(check(quote!(
            #[derive(Debug)]
            pub enum Codes {}
        ))
        .is_some_and(|err| err.ends_with("add `Clone` and `Copy` to this derive")));
        assert!(check(quote!(
            pub enum Codes {}
        ))
        .is_some_and(|err| err.starts_with("no `#[derive(...)]` below `#[reply_codes(...)]`")));
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
