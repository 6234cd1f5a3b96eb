//! `#[reply_codes("codes.csv")]`: a table of SMTP reply codes becomes an enum with one variant per
//! code, and its API (`from_u16`, `meaning`, `class`, `FromStr`, ...).
//!
//! Columns: `code` (three digits, RFC 5321 §4.2.1), `meaning`, `retryable` (`true`/`false`), and
//! optional `name` (the variant's name; derived from `meaning` when empty), `reference`, `note`.

mod expand;
mod valid;

use proc_macro2::{Ident, TokenStream};

use crate::columns::Column;
use crate::Input;

/// The file the attribute reads, as argument errors show it.
pub const FILES: &[&str] = &["codes.csv"];

/// The columns, in the order the unknown-column error lists them.
const COLUMNS: &[Column] = &[
    Column::required("code"),
    Column::required("meaning"),
    Column::required("retryable"),
    Column::optional("name"),
    Column::optional("reference"),
    Column::optional("note"),
];

/// A row that passed validation.
struct Entry {
    code: u16,
    name: Ident,
    meaning: String,
    retryable: bool,
    reference: Option<String>,
    note: Option<String>,
}

pub fn expand(input: &Input) -> syn::Result<TokenStream> {
    let entries = valid::entries(&input.sources[0])?;
    Ok(expand::enum_and_api(input, &entries))
}
