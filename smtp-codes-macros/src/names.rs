//! Variant names: given in the `name` column or derived from another, checked, and unique.

use proc_macro2::{Ident, Span};

use crate::columns::Row;
use crate::errors::FirstSeen;

/// The column that names a variant when filled.
pub const NAME: &str = "name";

/// Keywords that cannot name a variant (strict and reserved, all editions).
const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Why `name` cannot be a variant name, or `None` when it can.
///
/// A name is an upper-case ASCII letter followed by ASCII letters, digits or underscores, and not
/// a keyword or `ALL` (the generated constant).
pub fn problem(name: &str) -> Option<String> {
    let mut chars = name.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    if !first_ok || !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Some(format!(
            "`{name}` is not a Rust identifier (an ASCII letter, then ASCII letters, digits or `_`)"
        ));
    }
    if KEYWORDS.contains(&name) {
        return Some(format!("`{name}` is a Rust keyword"));
    }
    if !name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Some(format!(
            "`{name}` does not start with an upper-case letter (variant names are PascalCase, \
             and lower-case names would collide with the generated methods)"
        ));
    }
    if name == "ALL" {
        return Some(
            "`ALL` is the name of the generated constant listing every variant".to_owned(),
        );
    }
    None
}

/// `PascalCase` of the ASCII words of `text`: every run of ASCII letters and digits is a word, its
/// first letter upper-cased and the rest lower-cased; everything else separates words.
///
/// `"Requested action not taken: mailbox unavailable"` becomes
/// `RequestedActionNotTakenMailboxUnavailable`.
pub fn pascal_case(text: &str) -> String {
    let mut name = String::with_capacity(text.len());
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    name
}

/// The variant name of a row: its `name` column when filled, otherwise the `PascalCase` of the
/// column `from`. Problems are reported on the column they come from.
pub fn variant_name(row: &Row, from: &'static str) -> Option<String> {
    let given = row.text(NAME);
    let text = row.text(from);
    if !given.is_empty() {
        return match problem(given) {
            Some(problem) => {
                row.problem(NAME, problem);
                None
            }
            None => Some(given.to_owned()),
        };
    }
    let name = pascal_case(text);
    match problem(&name) {
        // An empty text is reported by its own check.
        Some(_) if text.trim().is_empty() => None,
        Some(problem) => {
            row.problem(
                from,
                format_args!("the variant name derived from it: {problem}; fill the `name` column"),
            );
            None
        }
        None => Some(name),
    }
}

/// Variant names seen so far in a table, to refuse a repeat.
#[derive(Default)]
pub struct Unique(FirstSeen<String>);

impl Unique {
    /// `name` as an identifier when no earlier row took it; a repeat is reported on `name`.
    pub fn check(&mut self, name: Option<String>, row: &Row) -> Option<Ident> {
        let name = name?;
        self.0.check(
            name.clone(),
            row.line,
            row.errors(),
            NAME,
            format_args!("name `{name}`"),
        );
        Some(Ident::new(&name, Span::call_site()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_case_joins_ascii_words() {
        assert_eq!(
            pascal_case("Requested action not taken: mailbox unavailable"),
            "RequestedActionNotTakenMailboxUnavailable"
        );
        assert_eq!(pascal_case("<domain> Service ready"), "DomainServiceReady");
        assert_eq!(pascal_case("START TLS"), "StartTls");
        assert_eq!(pascal_case("auth-required 530"), "AuthRequired530");
        assert_eq!(pascal_case("naïve café"), "NaVeCaf");
        assert_eq!(pascal_case(" -- "), "");
    }

    #[test]
    fn good_names_have_no_problem() {
        for name in ["Ok", "ServiceReady", "X", "Code550", "Mailbox_Full"] {
            assert_eq!(problem(name), None, "{name}");
        }
    }

    #[test]
    fn bad_names_say_why() {
        assert_eq!(
            problem("550Reply"),
            Some(
                "`550Reply` is not a Rust identifier (an ASCII letter, then ASCII letters, \
                 digits or `_`)"
                    .to_owned()
            )
        );
        assert!(problem("").is_some_and(|p| p.contains("not a Rust identifier")));
        assert!(problem("Mail-box").is_some_and(|p| p.contains("not a Rust identifier")));
        assert_eq!(problem("Self"), Some("`Self` is a Rust keyword".to_owned()));
        assert_eq!(problem("gen"), Some("`gen` is a Rust keyword".to_owned()));
        assert!(problem("as_u16").is_some_and(|p| p.contains("does not start with an upper-case")));
        assert_eq!(
            problem("ALL"),
            Some("`ALL` is the name of the generated constant listing every variant".to_owned())
        );
    }
}
