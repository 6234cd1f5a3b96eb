//! The macro's input: the path argument and the empty enum it fills.

use proc_macro2::TokenStream;
use syn::parse::{Parse, ParseStream};
use syn::{Data, DeriveInput, Ident, LitStr, Token};

use crate::table::Source;

/// The attribute's arguments: `("codes.csv")` or `("codes.csv", examples = "my_crate::MyCodes")`.
pub struct Args {
    pub path: LitStr,
    /// The enum's path as a doctest names it; when given, every generated method's doc gets an
    /// example that runs as a doctest.
    pub examples: Option<String>,
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let path: LitStr = input.parse().map_err(|err| {
            syn::Error::new(
                err.span(),
                "expected the table's path as a string literal, e.g. (\"codes.csv\")",
            )
        })?;
        let mut examples = None;
        if input.parse::<Option<Token![,]>>()?.is_some() && !input.is_empty() {
            let key: Ident = input.parse()?;
            if key != "examples" {
                return Err(syn::Error::new(
                    key.span(),
                    format!("unknown option `{key}`: the only option is `examples = \"path::to::Enum\"`"),
                ));
            }
            input.parse::<Token![=]>()?;
            examples = Some(input.parse::<LitStr>()?.value());
            input.parse::<Option<Token![,]>>()?;
        }
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the arguments"));
        }
        Ok(Args { path, examples })
    }
}

/// Parses the attribute's path and the enum, then hands both to `generate`; any error becomes
/// `compile_error!` tokens.
pub fn expand(
    args: proc_macro::TokenStream,
    item: proc_macro::TokenStream,
    generate: fn(&Source, &DeriveInput, Option<&str>) -> syn::Result<TokenStream>,
) -> proc_macro::TokenStream {
    let result = syn::parse::<Args>(args).and_then(|args| {
        let enum_item = syn::parse::<DeriveInput>(item)?;
        check_empty_enum(&enum_item)?;
        let source = Source::read(&args.path)?;
        generate(&source, &enum_item, args.examples.as_deref())
    });
    result.unwrap_or_else(syn::Error::into_compile_error).into()
}

/// The attribute fills the enum itself, so it must be an empty, non-generic enum.
pub fn check_empty_enum(item: &DeriveInput) -> syn::Result<()> {
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
