//! `#[enhanced_statuses("enhanced-codes.csv")]`: the enhanced status code registry (RFC 3463,
//! RFC 5248) becomes an enum with one variant per entry, and its API (`from_parts`, `title`, ...).
//!
//! Columns: `subject` and `detail` (the two numbers of `X.subject.detail`), `title`,
//! `basic_codes` (space-separated reply codes), `reference`, and optional `name` (the variant's
//! name; derived from `title` when empty).

mod expand;
mod valid;

use proc_macro2::{Ident, TokenStream};

use crate::columns::Column;
use crate::Input;

/// The file the attribute reads, as argument errors show it.
pub const FILES: &[&str] = &["enhanced-codes.csv"];

/// The columns, in the order the unknown-column error lists them.
const COLUMNS: &[Column] = &[
    Column::required("subject"),
    Column::required("detail"),
    Column::required("title"),
    Column::required("basic_codes"),
    Column::required("reference"),
    Column::optional("name"),
];

/// A row that passed validation.
struct Entry {
    subject: u16,
    detail: u16,
    name: Ident,
    title: String,
    basic_codes: Vec<u16>,
    reference: String,
}

pub fn expand(input: &Input) -> syn::Result<TokenStream> {
    let entries = valid::entries(&input.sources[0])?;
    Ok(expand::enum_and_api(input, &entries))
}
