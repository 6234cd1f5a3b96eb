//! `#[extensions("extensions.csv")]`: validates a table of SMTP service extensions (the IANA
//! registry of RFC 5321 §2.2.2) and generates the enum of their EHLO keywords.

mod expand;
mod valid;

use proc_macro2::{Ident, TokenStream};
use syn::DeriveInput;

use crate::table::{Columns, Source};

const COLUMNS: Columns = Columns {
    required: &["keyword", "description", "parameters", "reference"],
    optional: &["name", "note"],
};

/// What follows a keyword on its EHLO line, as its RFC defines it.
#[derive(Clone, Copy)]
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

    /// The runtime variant's name (`::smtp_codes::ParameterForm::Number`).
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

pub fn expand(
    source: &Source,
    item: &DeriveInput,
    examples: Option<&str>,
) -> syn::Result<TokenStream> {
    let entries = valid::validate(source)?;
    Ok(expand::generate(source, item, &entries, examples))
}
