//! Procedural macros behind [`smtp-codes`](https://docs.rs/smtp-codes): they read a CSV table at
//! compile time and turn it into an enum.
//!
//! - [`macro@reply_codes`] turns a table of SMTP reply codes (`codes.csv`) into a reply-code enum.
//! - [`macro@enhanced_statuses`] turns the RFC 3463 / RFC 5248 enhanced status code registry
//!   (`enhanced-codes.csv`) into an enum of registry entries.
//! - [`macro@extensions`] turns the IANA SMTP Service Extensions registry (`extensions.csv`) into
//!   an enum of EHLO keywords.
//!
//! Use them through `smtp-codes`, which re-exports both and defines the types the generated code
//! names (`::smtp_codes::Class`, `::smtp_codes::Category`, ...).

mod docs;
mod enhanced_statuses;
mod extensions;
mod ident;
mod input;
mod reply_codes;
mod table;

use proc_macro::TokenStream;

/// Fills an empty enum with one variant per row of a reply-code CSV table.
///
/// The argument is the table's path, relative to the calling crate's `CARGO_MANIFEST_DIR`. Put the
/// attribute above the derives. See the `smtp-codes` crate for the table format and the generated API.
///
/// ```ignore
/// #[smtp_codes::reply_codes("codes.csv")]
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum ReplyCode {}
/// ```
#[proc_macro_attribute]
pub fn reply_codes(args: TokenStream, item: TokenStream) -> TokenStream {
    input::expand(args, item, reply_codes::expand)
}

/// Fills an empty enum with one variant per row of an enhanced status code registry CSV table.
///
/// The argument is the table's path, relative to the calling crate's `CARGO_MANIFEST_DIR`. Put the
/// attribute above the derives. See the `smtp-codes` crate for the table format and the generated API.
///
/// ```ignore
/// #[smtp_codes::enhanced_statuses("enhanced-codes.csv")]
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum EnhancedStatus {}
/// ```
#[proc_macro_attribute]
pub fn enhanced_statuses(args: TokenStream, item: TokenStream) -> TokenStream {
    input::expand(args, item, enhanced_statuses::expand)
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
    input::expand(args, item, extensions::expand)
}
