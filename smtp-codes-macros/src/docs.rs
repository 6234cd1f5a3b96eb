//! Doc comments for generated items: escaped table text, and optional runnable examples.

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
