//! Doc comments for generated items: escaped table text, and optional runnable examples.

use proc_macro2::Ident;

/// Text for a doc comment: angle brackets and square brackets are escaped, so that
/// `<forward-path>` is shown, not taken for HTML or a link.
pub fn doc_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

/// A method's doc: `summary`, then `example` as a doctest when the caller asked for examples.
pub fn with_example(summary: &str, example: Option<String>) -> String {
    match example {
        Some(example) => format!("{summary}\n\n```\n{example}\n```"),
        None => summary.to_owned(),
    }
}

/// The row the generated methods' doctests use, when the caller asked for examples
/// (`examples = "path::to::Enum"`).
pub struct Example<'a, E> {
    /// The enum's path as a doctest names it: `smtp_codes::ReplyCode`.
    pub path: &'a str,
    /// The example row's variant: `smtp_codes::ReplyCode::MailboxUnavailable`.
    pub variant: String,
    pub entry: &'a E,
}

/// Method docs, each with a doctest on one row of the table when the caller asked for examples.
pub struct Examples<'a, E>(Option<Example<'a, E>>);

impl<'a, E> Examples<'a, E> {
    /// Examples on `entry` (whose variant is `name`) for the enum at `path`; none when either is
    /// missing.
    pub fn new(path: Option<&'a str>, entry: Option<&'a E>, name: impl Fn(&E) -> &Ident) -> Self {
        Examples(path.zip(entry).map(|(path, entry)| Example {
            path,
            variant: format!("{path}::{}", name(entry)),
            entry,
        }))
    }

    /// `summary`, followed by the doctest `body` writes for the example row when there is one.
    pub fn doc(&self, summary: &str, body: impl FnOnce(&Example<'a, E>) -> String) -> String {
        with_example(summary, self.0.as_ref().map(body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::Span;

    #[test]
    fn doc_text_escapes_html_and_links() {
        assert_eq!(
            doc_text("<domain> Service [closing] & more"),
            "&lt;domain&gt; Service \\[closing\\] &amp; more"
        );
        assert_eq!(doc_text("plain"), "plain");
    }

    #[test]
    fn examples_are_doctests_only_when_asked_for() {
        let name = Ident::new("Ok", Span::call_site());
        let entry = (250, name);
        let with = Examples::new(Some("my::Codes"), Some(&entry), |entry| &entry.1);
        assert_eq!(
            with.doc("The code.", |example| format!(
                "assert_eq!({}.as_u16(), {});",
                example.variant, example.entry.0
            )),
            "The code.\n\n```\nassert_eq!(my::Codes::Ok.as_u16(), 250);\n```"
        );
        let without = Examples::new(None, Some(&entry), |entry| &entry.1);
        assert_eq!(without.doc("The code.", |_| unreachable!()), "The code.");
        let empty = Examples::<(u16, Ident)>::new(Some("my::Codes"), None, |entry| &entry.1);
        assert_eq!(empty.doc("The code.", |_| unreachable!()), "The code.");
    }
}
