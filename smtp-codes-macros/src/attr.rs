//! The attribute's arguments: the table files' paths, then options.

use proc_macro2::TokenStream;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, LitBool, LitStr, Token};

/// `("codes.csv")`, `("codes.csv", examples = "my_crate::MyCodes")`, or for an attribute that
/// reads several files, one path for each: `("reasons.csv", "phrases.csv")`.
pub struct Args {
    /// One path for each file the attribute reads, in its order.
    pub paths: Vec<LitStr>,
    /// The enum's path as a doctest names it; when given, every generated method's doc gets an
    /// example that runs as a doctest.
    pub examples: Option<String>,
    /// `rfc5321_categories = true` (reply-code tables only): a code's second digit must be 0 to
    /// 5, and `category()` returns a `Category` rather than an `Option`.
    pub rfc5321_categories: bool,
}

/// The option that holds a reply-code table to RFC 5321's categories.
pub const RFC5321_CATEGORIES: &str = "rfc5321_categories";

impl Args {
    /// Parses the arguments of an attribute that reads `files` (its default file names, shown
    /// in the error when a path is missing) and takes the options `extra` besides `examples`.
    pub fn parse(tokens: TokenStream, files: &[&str], extra: &[&str]) -> syn::Result<Args> {
        let parser = |input: ParseStream| {
            let mut paths = Vec::with_capacity(files.len());
            for index in 0..files.len() {
                if index > 0 {
                    input
                        .parse::<Token![,]>()
                        .map_err(|err| path_expected(&err, files))?;
                }
                let path: LitStr = input.parse().map_err(|err| path_expected(&err, files))?;
                paths.push(path);
            }
            options(input, paths, extra)
        };
        parser.parse2(tokens)
    }
}

/// The error for a missing or malformed path: what to write instead.
fn path_expected(err: &syn::Error, files: &[&str]) -> syn::Error {
    let example: Vec<String> = files.iter().map(|file| format!("{file:?}")).collect();
    let message = if files.len() == 1 {
        format!(
            "expected the table's path as a string literal, e.g. ({})",
            example[0]
        )
    } else {
        format!(
            "expected the tables' {} paths as string literals, e.g. ({})",
            files.len(),
            example.join(", ")
        )
    };
    syn::Error::new(err.span(), message)
}

/// The options after the paths, each once: `examples = "path::to::Enum"`, and those of `extra`
/// (`rfc5321_categories = true`).
fn options(input: ParseStream, paths: Vec<LitStr>, extra: &[&str]) -> syn::Result<Args> {
    let mut args = Args {
        paths,
        examples: None,
        rfc5321_categories: false,
    };
    let mut seen: Vec<String> = Vec::new();
    while input.parse::<Option<Token![,]>>()?.is_some() && !input.is_empty() {
        let key: Ident = input.parse()?;
        let name = key.to_string();
        if seen.contains(&name) {
            return Err(syn::Error::new(
                key.span(),
                format!("option `{key}` is given twice"),
            ));
        }
        if name == "examples" {
            input.parse::<Token![=]>()?;
            args.examples = Some(input.parse::<LitStr>()?.value());
        } else if name == RFC5321_CATEGORIES && extra.contains(&RFC5321_CATEGORIES) {
            input.parse::<Token![=]>()?;
            args.rfc5321_categories = input.parse::<LitBool>()?.value;
        } else {
            return Err(syn::Error::new(key.span(), unknown_option(&key, extra)));
        }
        seen.push(name);
    }
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after the arguments"));
    }
    Ok(args)
}

/// The message for an option the attribute does not take: the options it takes.
fn unknown_option(key: &Ident, extra: &[&str]) -> String {
    if extra.contains(&RFC5321_CATEGORIES) {
        format!(
            "unknown option `{key}`: the options are `examples = \"path::to::Enum\"` and \
             `{RFC5321_CATEGORIES} = true`"
        )
    } else {
        format!("unknown option `{key}`: the only option is `examples = \"path::to::Enum\"`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn error(tokens: TokenStream, files: &[&str]) -> String {
        match Args::parse(tokens, files, &[]) {
            Ok(_) => panic!("parsed"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn one_path_and_examples() {
        let args =
            Args::parse(quote!("codes.csv", examples = "a::B",), &["codes.csv"], &[]).unwrap();
        assert_eq!(args.paths.len(), 1);
        assert_eq!(args.paths[0].value(), "codes.csv");
        assert_eq!(args.examples.as_deref(), Some("a::B"));
        let args = Args::parse(quote!("x.csv"), &["codes.csv"], &[]).unwrap();
        assert_eq!(args.examples, None);
    }

    #[test]
    fn two_paths() {
        let files = ["reasons.csv", "phrases.csv"];
        let args = Args::parse(quote!("r.csv", "p.csv"), &files, &[]).unwrap();
        let paths: Vec<String> = args.paths.iter().map(LitStr::value).collect();
        assert_eq!(paths, ["r.csv", "p.csv"]);
        assert_eq!(
            error(quote!("r.csv"), &files),
            "expected the tables' 2 paths as string literals, e.g. (\"reasons.csv\", \"phrases.csv\")"
        );
    }

    #[test]
    fn rfc5321_categories_only_where_taken() {
        let files = &["codes.csv"];
        let extra = &[RFC5321_CATEGORIES];
        let args = Args::parse(quote!("c.csv", rfc5321_categories = true), files, extra).unwrap();
        assert!(args.rfc5321_categories);
        let args = Args::parse(
            quote!("c.csv", rfc5321_categories = false, examples = "a::B"),
            files,
            extra,
        )
        .unwrap();
        assert!(!args.rfc5321_categories);
        assert_eq!(args.examples.as_deref(), Some("a::B"));
        assert!(
            !Args::parse(quote!("c.csv"), files, extra)
                .unwrap()
                .rfc5321_categories
        );
        let error = |tokens, extra: &[&str]| match Args::parse(tokens, files, extra) {
            Ok(_) => panic!("parsed"),
            Err(err) => err.to_string(),
        };
        assert_eq!(
            error(quote!("c.csv", rfc5321_categories = true), &[]),
            "unknown option `rfc5321_categories`: the only option is `examples = \"path::to::Enum\"`"
        );
        assert_eq!(
            error(
                quote!(
                    "c.csv",
                    rfc5321_categories = true,
                    rfc5321_categories = true
                ),
                extra
            ),
            "option `rfc5321_categories` is given twice"
        );
        assert_eq!(
            error(quote!("c.csv", strict = true), extra),
            "unknown option `strict`: the options are `examples = \"path::to::Enum\"` and \
             `rfc5321_categories = true`"
        );
        assert!(
            error(quote!("c.csv", rfc5321_categories = "yes"), extra).contains("expected boolean")
        );
    }

    #[test]
    fn bad_arguments_say_what_is_expected() {
        assert_eq!(
            error(quote!(codes_csv), &["codes.csv"]),
            "expected the table's path as a string literal, e.g. (\"codes.csv\")"
        );
        assert_eq!(
            error(quote!("codes.csv", example = "A"), &["codes.csv"]),
            "unknown option `example`: the only option is `examples = \"path::to::Enum\"`"
        );
        assert_eq!(
            error(quote!("codes.csv" "more.csv"), &["codes.csv"]),
            "unexpected tokens after the arguments"
        );
    }
}
