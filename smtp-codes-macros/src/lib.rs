//! Procedural macros behind [`smtp-codes`](https://docs.rs/smtp-codes): they read CSV tables at
//! compile time and turn them into enums.
//!
//! - [`macro@reply_codes`] turns a table of SMTP reply codes (`codes.csv`) into a reply-code enum.
//! - [`macro@enhanced_statuses`] turns the RFC 3463 / RFC 5248 enhanced status code registry
//!   (`enhanced-codes.csv`) into an enum of registry entries.
//! - [`macro@extensions`] turns the IANA SMTP Service Extensions registry (`extensions.csv`) into
//!   an enum of EHLO keywords.
//! - [`macro@reasons`] turns the bounce reasons (`reasons.csv`), the phrases that reveal them
//!   (`phrases.csv`) and the status rules (`statuses.csv`) into a reason enum and its matcher.
//!
//! Use them through `smtp-codes`, which re-exports them and defines the types the generated code
//! names (`::smtp_codes::Class`, `::smtp_codes::Category`, ...).
//!
//! # Where things live
//!
//! Each table has a folder: `reply_codes/`, `enhanced_statuses/`, `extensions/`, `reasons/`
//! (which also holds `automaton.rs`, the phrase matcher's construction). Its `mod.rs` declares the
//! table's files and columns (once) and its row model (`Entry`); `valid.rs` reads the rows and
//! checks them (every problem is a compile error naming `FILE:LINE` and the field); `expand.rs`
//! writes the enum and its methods. What the tables share sits beside them:
//!
//! | module | what it holds |
//! |---|---|
//! | `attr`, `item` | the attribute's arguments (paths, `examples`); the empty enum it fills |
//! | `source` | one CSV file: its path as written, its bytes, the `include_bytes!` that tracks it |
//! | `errors` | one sink for every file an attribute reads; per-file handles prefix `FILE:LINE` |
//! | `columns` | the header check and rows read by column name; unread columns are refused |
//! | `fields` | field readers: reply code, enhanced code part, bool, code list, non-empty text |
//! | `names` | variant names: given or derived (`PascalCase`), checked, unique |
//! | `docs` | doc-comment escaping and the optional doctest per generated method |
//! | `api` | the output every table repeats: the enum, tracking items, `ALL`, accessors |
//! | `runtime` | every `::smtp_codes::...` path the output names |
//!
//! # Adding a table
//!
//! 1. Add a folder `src/NAME/` with `mod.rs` (a `FILES` list of the default file names, shown in
//!    argument errors; a `COLUMNS` list of `columns::Column`s; the row model; and
//!    `pub fn expand(input: &Input) -> syn::Result<TokenStream>`), `valid.rs` and `expand.rs`,
//!    after `reply_codes/`.
//! 2. Add `mod NAME;` and an entry point below: an `Attribute { name, files: NAME::FILES,
//!    options, table: NAME::expand }` (`options`: the options it takes besides `examples`) passed
//!    to `expand(args, item, &attribute)`.
//! 3. In `valid.rs`, make one `errors::Errors` sink, one `errors.file(&source)` handle per
//!    file, and `columns::read(&file, COLUMNS)` each; read every declared column of every row
//!    with `row.text`/`row.read` (a declared column no row reads, or a read of an undeclared one,
//!    is reported as a bug), report through the row or handle, and end with `errors.finish()?`.
//!    A cross-file problem goes to the handle of the file whose line is at fault, and can name
//!    the other file's line with `Source::at`.
//! 4. In `expand.rs`, build the enum with `api::enum_item`, `api::tracking(&input.sources, ..)` and
//!    `api::accessor`; name runtime types only through new functions in `runtime`.
//! 5. Add UI tests (`tests/ui/`, with a fixture CSV each) for every error the table can report.

// The table format, for users: the same text as `smtp_codes::table_format`.
#![doc = include_str!("../TABLES.md")]

mod api;
mod attr;
mod columns;
mod docs;
mod errors;
mod fields;
mod item;
mod names;
mod runtime;
mod source;

mod enhanced_statuses;
mod extensions;
mod reasons;
mod reply_codes;

use proc_macro::TokenStream;
use syn::DeriveInput;

use crate::source::Source;

/// What a table's `expand` gets: the empty enum, its files in the attribute's order, and the
/// options.
pub(crate) struct Input {
    pub item: DeriveInput,
    pub sources: Vec<Source>,
    pub examples: Option<String>,
    /// `rfc5321_categories = true`; only reply-code tables take it.
    pub rfc5321_categories: bool,
}

/// What an attribute is: its name (for messages), its default files, the options it takes
/// besides `examples`, and its table's `expand`.
struct Attribute {
    name: &'static str,
    files: &'static [&'static str],
    options: &'static [&'static str],
    table: fn(&Input) -> syn::Result<proc_macro2::TokenStream>,
}

/// Fills an empty enum with one variant per row of a reply-code CSV table.
///
/// The argument is the table's path, relative to the calling crate's `CARGO_MANIFEST_DIR`. Put the
/// attribute above the derives. The table format is below, in the crate docs; the generated API
/// is `smtp_codes::ReplyCode`'s.
///
/// ```ignore
/// #[smtp_codes::reply_codes("codes.csv")]
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum ReplyCode {}
/// ```
#[proc_macro_attribute]
pub fn reply_codes(args: TokenStream, item: TokenStream) -> TokenStream {
    let attribute = Attribute {
        name: "reply_codes",
        files: reply_codes::FILES,
        options: &[attr::RFC5321_CATEGORIES],
        table: reply_codes::expand,
    };
    expand(args, item, &attribute)
}

/// Fills an empty enum with one variant per row of an enhanced status code registry CSV table.
///
/// The argument is the table's path, relative to the calling crate's `CARGO_MANIFEST_DIR`. Put the
/// attribute above the derives. The table format is below, in the crate docs; the generated API
/// is `smtp_codes::EnhancedStatus`'s.
///
/// ```ignore
/// #[smtp_codes::enhanced_statuses("enhanced-codes.csv")]
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum EnhancedStatus {}
/// ```
#[proc_macro_attribute]
pub fn enhanced_statuses(args: TokenStream, item: TokenStream) -> TokenStream {
    let attribute = Attribute {
        name: "enhanced_statuses",
        files: enhanced_statuses::FILES,
        options: &[],
        table: enhanced_statuses::expand,
    };
    expand(args, item, &attribute)
}

/// Fills an empty enum with one variant per row of an SMTP service extensions CSV table.
///
/// The argument is the table's path, relative to the calling crate's `CARGO_MANIFEST_DIR`. Put the
/// attribute above the derives. See the `smtp-codes` crate for the table format and the generated API.
///
/// ```ignore
/// #[smtp_codes::extensions("extensions.csv")]
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum Extension {}
/// ```
#[proc_macro_attribute]
pub fn extensions(args: TokenStream, item: TokenStream) -> TokenStream {
    let attribute = Attribute {
        name: "extensions",
        files: extensions::FILES,
        options: &[],
        table: extensions::expand,
    };
    expand(args, item, &attribute)
}

/// Fills an empty enum with the bounce reasons of a reasons table, and generates the phrase
/// matcher and the status rules that diagnose them from a phrase table and a status table.
///
/// The arguments are the three tables' paths, relative to the calling crate's
/// `CARGO_MANIFEST_DIR`. Put the attribute above the derives. See the `smtp-codes` crate for the
/// table formats and the generated API.
///
/// ```ignore
/// #[smtp_codes::reasons("reasons.csv", "phrases.csv", "statuses.csv")]
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum Reason {}
/// ```
#[proc_macro_attribute]
pub fn reasons(args: TokenStream, item: TokenStream) -> TokenStream {
    let attribute = Attribute {
        name: "reasons",
        files: reasons::FILES,
        options: &[],
        table: reasons::expand,
    };
    expand(args, item, &attribute)
}

/// Parses the arguments and the enum, reads the files, then hands them to the table's `expand`;
/// any error becomes `compile_error!` tokens. When only the derives are wrong, that one error is
/// given with the enum left as written, so that nothing else fails because of it.
fn expand(args: TokenStream, item: TokenStream, attribute: &Attribute) -> TokenStream {
    let result =
        attr::Args::parse(args.into(), attribute.files, attribute.options).and_then(|args| {
            let item = item::parse(item.into())?;
            let sources = args
                .paths
                .iter()
                .map(Source::read)
                .collect::<syn::Result<Vec<_>>>()?;
            let input = Input {
                item,
                sources,
                examples: args.examples,
                rfc5321_categories: args.rfc5321_categories,
            };
            let tokens = (attribute.table)(&input)?;
            Ok(
                match item::check_derives(&input.item, attribute.name, &args.paths[0]) {
                    Ok(()) => tokens,
                    Err(err) => {
                        // The enum as written, without its derives: they would only add errors of their
                        // own (`Copy` without `Clone`).
                        let DeriveInput {
                            attrs, vis, ident, ..
                        } = &input.item;
                        let attrs = attrs.iter().filter(|attr| !attr.path().is_ident("derive"));
                        let error = err.into_compile_error();
                        quote::quote!(#error #(#attrs)* #vis enum #ident {})
                    }
                },
            )
        });
    result.unwrap_or_else(syn::Error::into_compile_error).into()
}
