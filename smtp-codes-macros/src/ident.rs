//! Variant names: checking a given name, and deriving one from a meaning or title.

use crate::table::Errors;

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
/// column `from` (whose text is `text`). Problems are reported on the column they come from.
pub fn variant_name(
    given: Option<&str>,
    from: &str,
    text: &str,
    line: u64,
    errors: &mut Errors,
) -> Option<String> {
    if let Some(name) = given.filter(|name| !name.is_empty()) {
        return match problem(name) {
            Some(problem) => {
                errors.field(line, "name", problem);
                None
            }
            None => Some(name.to_owned()),
        };
    }
    let name = pascal_case(text);
    match problem(&name) {
        // An empty text is reported by its own check.
        Some(_) if text.trim().is_empty() => None,
        Some(problem) => {
            errors.field(
                line,
                from,
                format_args!("the variant name derived from it: {problem}; fill the `name` column"),
            );
            None
        }
        None => Some(name),
    }
}
