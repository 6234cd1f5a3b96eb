//! `#[extensions("extensions.csv")]`: a table of SMTP service extensions (the IANA registry of
//! RFC 5321 §2.2.2) becomes an enum with one variant per EHLO keyword, and its API
//! (`from_keyword`, `description`, `parameters`, `FromStr`, ...).
//!
//! Columns: `keyword` (RFC 5321 `ehlo-keyword`), `description`, `parameters` (`none`, `number`,
//! `words` or `pairs`), `reference`, and optional `name` (the variant's name; derived from
//! `keyword` when empty) and `note`.

mod expand;
mod valid;

use proc_macro2::{Ident, TokenStream};

use crate::columns::Column;
use crate::Input;

/// The file the attribute reads, as argument errors show it.
pub const FILES: &[&str] = &["extensions.csv"];

/// The columns, in the order the unknown-column error lists them.
const COLUMNS: &[Column] = &[
    Column::required("keyword"),
    Column::required("description"),
    Column::required("parameters"),
    Column::required("reference"),
    Column::optional("name"),
    Column::optional("note"),
];

/// What follows a keyword on its EHLO line, as its RFC defines it; the runtime's
/// `ParameterForm` has a variant of the same name for each.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ParameterForm {
    /// Nothing (`PIPELINING`).
    None,
    /// One optional decimal number (`SIZE 35882577`).
    Number,
    /// Words separated by spaces (`AUTH PLAIN LOGIN`).
    Words,
    /// `NAME=VALUE` pairs separated by spaces (`LIMITS RCPTMAX=100`).
    Pairs,
}

impl ParameterForm {
    /// The CSV spellings, in the order the error message lists them.
    const SPELLINGS: [(&'static str, ParameterForm); 4] = [
        ("none", ParameterForm::None),
        ("number", ParameterForm::Number),
        ("words", ParameterForm::Words),
        ("pairs", ParameterForm::Pairs),
    ];

    /// The runtime variant's name (`Number` of `ParameterForm::Number`).
    fn variant(self) -> &'static str {
        match self {
            ParameterForm::None => "None",
            ParameterForm::Number => "Number",
            ParameterForm::Words => "Words",
            ParameterForm::Pairs => "Pairs",
        }
    }
}

/// A row that passed validation.
struct Entry {
    keyword: String,
    name: Ident,
    description: String,
    parameters: ParameterForm,
    reference: String,
    note: Option<String>,
}

pub fn expand(input: &Input) -> syn::Result<TokenStream> {
    let entries = valid::entries(&input.sources[0])?;
    Ok(expand::enum_and_api(input, &entries))
}
