//! `#[reasons("reasons.csv", "phrases.csv", "statuses.csv")]`: the bounce reasons, the phrases
//! that reveal them and the enhanced status codes that decide them, checked together and turned
//! into the `Reason` enum, its phrase matcher and its status rules.
//!
//! - `reasons.csv`: `name`, `description`, `hard` (`true`/`false`: suppress the address),
//!   `reference`.
//! - `phrases.csv`: `phrase` (matched ASCII case-insensitively), `reason`, `source` (the file or
//!   document the wording comes from), optional `command` (the commands the row is restricted to,
//!   separated by spaces) and `origin` (the servers or providers whose wording it is, separated
//!   by `; `). The first row found in a text wins: order is priority.
//! - `statuses.csv`: `status` (`X.1.1`, `5.7.509`), `reason`, `priority` (`status-first`: the
//!   code decides; `text-first`: a matching phrase wins), optional `note` and `yields_to` (the
//!   reasons, separated by spaces, whose phrases win over a status-first code).

mod automaton;
mod expand;
mod valid;

use proc_macro2::TokenStream;

use crate::columns::Column;
use crate::Input;

/// The files the attribute reads, in its order, as argument errors show them.
pub const FILES: &[&str] = &["reasons.csv", "phrases.csv", "statuses.csv"];

const REASON_COLUMNS: &[Column] = &[
    Column::required("name"),
    Column::required("description"),
    Column::required("hard"),
    Column::required("reference"),
];

const PHRASE_COLUMNS: &[Column] = &[
    Column::required("phrase"),
    Column::required("reason"),
    Column::optional("command"),
    Column::required("source"),
    Column::optional("origin"),
];

const STATUS_COLUMNS: &[Column] = &[
    Column::required("status"),
    Column::required("reason"),
    Column::required("priority"),
    Column::optional("note"),
    Column::optional("yields_to"),
];

pub fn expand(input: &Input) -> syn::Result<TokenStream> {
    let tables = valid::validate(&input.sources)?;
    expand::generate(input, &tables)
}

/// The commands a phrase row may name, as the `command` column writes them, and their
/// `smtp_codes::Command` variants.
const COMMANDS: &[(&str, &str)] = &[
    ("greeting", "Greeting"),
    ("helo", "Helo"),
    ("ehlo", "Ehlo"),
    ("lhlo", "Lhlo"),
    ("mail", "Mail"),
    ("rcpt", "Rcpt"),
    ("data", "Data"),
    ("end-of-data", "EndOfData"),
    ("bdat", "Bdat"),
    ("rset", "Rset"),
    ("vrfy", "Vrfy"),
    ("expn", "Expn"),
    ("help", "Help"),
    ("noop", "Noop"),
    ("quit", "Quit"),
    ("starttls", "StartTls"),
    ("auth", "Auth"),
    ("etrn", "Etrn"),
    ("atrn", "Atrn"),
    ("burl", "Burl"),
];
