use crate::table::Source;
use proc_macro2::TokenStream;
use syn::DeriveInput;
pub fn expand(source: &Source, _item: &DeriveInput) -> syn::Result<TokenStream> {
    Err(source.error("not yet"))
}
