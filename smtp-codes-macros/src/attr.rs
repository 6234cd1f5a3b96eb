//! The attribute's arguments: the table files' paths, then options.

use proc_macro2::TokenStream;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, LitStr, Token};

/// `("codes.csv")`, `("codes.csv", examples = "my_crate::MyCodes")`, or for an attribute that
/// reads several files, one path for each: `("reasons.csv", "phrases.csv")`.
pub struct Args {
    /// One path for each file the attribute reads, in its order.
    pub paths: Vec<LitStr>,
    /// The enum's path as a doctest names it; when given, every generated method's doc gets an
    /// example that runs as a doctest.
    pub examples: Option<String>,
}

impl Args {
    /// Parses the arguments of an attribute that reads `files` (its default file names, shown
    /// in the error when a path is missing).
    pub fn parse(tokens: TokenStream, files: &[&str]) -> syn::Result<Args> {
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
            let examples = options(input)?;
            Ok(Args { paths, examples })
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

/// The options after the paths: only `examples = "path::to::Enum"`.
fn options(input: ParseStream) -> syn::Result<Option<String>> {
    let mut examples = None;
    if input.parse::<Option<Token![,]>>()?.is_some() && !input.is_empty() {
        let key: Ident = input.parse()?;
        if key != "examples" {
            return Err(syn::Error::new(
                key.span(),
                format!(
                    "unknown option `{key}`: the only option is `examples = \"path::to::Enum\"`"
                ),
            ));
        }
        input.parse::<Token![=]>()?;
        examples = Some(input.parse::<LitStr>()?.value());
        input.parse::<Option<Token![,]>>()?;
    }
    if !input.is_empty() {
        return Err(input.error("unexpected tokens after the arguments"));
    }
    Ok(examples)
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    fn error(tokens: TokenStream, files: &[&str]) -> String {
        match Args::parse(tokens, files) {
            Ok(_) => panic!("parsed"),
            Err(err) => err.to_string(),
        }
    }

    #[test]
    fn one_path_and_examples() {
        let args = Args::parse(quote!("codes.csv", examples = "a::B",), &["codes.csv"]).unwrap();
        assert_eq!(args.paths.len(), 1);
        assert_eq!(args.paths[0].value(), "codes.csv");
        assert_eq!(args.examples.as_deref(), Some("a::B"));
        let args = Args::parse(quote!("x.csv"), &["codes.csv"]).unwrap();
        assert_eq!(args.examples, None);
    }

    #[test]
    fn two_paths() {
        let files = ["reasons.csv", "phrases.csv"];
        let args = Args::parse(quote!("r.csv", "p.csv"), &files).unwrap();
        let paths: Vec<String> = args.paths.iter().map(LitStr::value).collect();
        assert_eq!(paths, ["r.csv", "p.csv"]);
        assert_eq!(
            error(quote!("r.csv"), &files),
            "expected the tables' 2 paths as string literals, e.g. (\"reasons.csv\", \"phrases.csv\")"
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
