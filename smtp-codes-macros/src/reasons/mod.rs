//! `#[reasons("reasons.csv", phrases = "phrases.csv", statuses = "statuses.csv")]`: the bounce
//! reasons, the enhanced status codes that decide them and the phrases that reveal them, checked
//! and turned into the `Reason` enum and its phrase matcher.

mod automaton;
mod expand;
mod valid;

use syn::parse::{Parse, ParseStream};
use syn::{DeriveInput, Ident, LitStr, Token};

use crate::table::Source;

/// The attribute's arguments: the reasons table, then `phrases = "..."` and `statuses = "..."`.
struct Args {
    reasons: LitStr,
    phrases: LitStr,
    statuses: LitStr,
}

impl Parse for Args {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        const USAGE: &str =
            "expected (\"reasons.csv\", phrases = \"phrases.csv\", statuses = \"statuses.csv\")";
        let reasons: LitStr = input
            .parse()
            .map_err(|err| syn::Error::new(err.span(), USAGE))?;
        let (mut phrases, mut statuses) = (None, None);
        while input.parse::<Option<Token![,]>>()?.is_some() && !input.is_empty() {
            let key: Ident = input.parse()?;
            input.parse::<Token![=]>()?;
            let value: LitStr = input.parse()?;
            let slot = match key.to_string().as_str() {
                "phrases" => &mut phrases,
                "statuses" => &mut statuses,
                _ => {
                    return Err(syn::Error::new(
                        key.span(),
                        format!("unknown option `{key}`: the options are `phrases` and `statuses`"),
                    ))
                }
            };
            if slot.replace(value).is_some() {
                return Err(syn::Error::new(
                    key.span(),
                    format!("`{key}` is given twice"),
                ));
            }
        }
        if !input.is_empty() {
            return Err(input.error("unexpected tokens after the arguments"));
        }
        match (phrases, statuses) {
            (Some(phrases), Some(statuses)) => Ok(Args {
                reasons,
                phrases,
                statuses,
            }),
            _ => Err(syn::Error::new(reasons.span(), USAGE)),
        }
    }
}

/// Reads the three tables, checks them together and generates the enum and its matcher.
pub fn expand(
    args: proc_macro::TokenStream,
    item: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    let result = syn::parse::<Args>(args).and_then(|args| {
        let enum_item = syn::parse::<DeriveInput>(item)?;
        crate::input::check_empty_enum(&enum_item)?;
        let sources = valid::Sources {
            reasons: Source::read(&args.reasons)?,
            phrases: Source::read(&args.phrases)?,
            statuses: Source::read(&args.statuses)?,
        };
        let tables = valid::validate(&sources)?;
        expand::generate(&sources, &enum_item, &tables)
    });
    result.unwrap_or_else(syn::Error::into_compile_error).into()
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
