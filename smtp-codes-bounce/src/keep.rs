//! Borrowing from the email's bytes where `mail-parser` left a value as it was sent.

use std::borrow::Cow;

/// `part` as a slice of `raw`, when its bytes lie inside `raw` (a header or a part that needed no
/// decoding); `None` when they were decoded into a buffer of their own.
pub(crate) fn rebase<'a>(raw: &'a [u8], part: &[u8]) -> Option<&'a [u8]> {
    let start = part.as_ptr().addr().checked_sub(raw.as_ptr().addr())?;
    let end = start.checked_add(part.len())?;
    raw.get(start..end)
}

/// `text` borrowed from `raw` when it lies inside it, else copied.
pub(crate) fn keep<'a>(raw: &'a [u8], text: &str) -> Cow<'a, str> {
    rebase(raw, text.as_bytes())
        .and_then(|bytes| std::str::from_utf8(bytes).ok())
        .map_or_else(|| Cow::Owned(text.to_owned()), Cow::Borrowed)
}

/// Bytes as text: borrowed when they are UTF-8 and lie inside `raw`, else decoded (invalid
/// sequences replaced) into a string of its own.
pub(crate) fn keep_bytes<'a>(raw: &'a [u8], bytes: &[u8]) -> Cow<'a, str> {
    match std::str::from_utf8(bytes) {
        Ok(text) => keep(raw, text),
        Err(_) => Cow::Owned(String::from_utf8_lossy(bytes).into_owned()),
    }
}

/// `text` with every run of white space made one space and the ends trimmed, borrowed when it
/// already is.
pub(crate) fn squeeze(text: Cow<'_, str>) -> Cow<'_, str> {
    let trimmed = text.trim();
    let clean = !trimmed
        .as_bytes()
        .windows(2)
        .any(|pair| pair[0].is_ascii_whitespace() && pair[1].is_ascii_whitespace())
        && !trimmed
            .bytes()
            .any(|byte| byte.is_ascii_whitespace() && byte != b' ')
        && !trimmed.chars().any(|c| c.is_whitespace() && !c.is_ascii());
    match text {
        Cow::Borrowed(borrowed) if clean => Cow::Borrowed(borrowed.trim()),
        _ if clean && trimmed.len() == text.len() => text,
        _ => Cow::Owned(crate::scan::squeeze(&text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebase_finds_slices_of_the_buffer_only() {
        let raw = b"Subject: hello\r\n";
        assert_eq!(rebase(raw, &raw[9..14]), Some(&b"hello"[..]));
        let copy = raw[9..14].to_vec();
        assert_eq!(rebase(raw, &copy), None);
    }

    #[test]
    fn keep_borrows_inside_and_copies_outside() {
        let raw = "a: b c\r\n";
        assert!(matches!(
            keep(raw.as_bytes(), &raw[3..6]),
            Cow::Borrowed("b c")
        ));
        let elsewhere = String::from("b c");
        assert!(matches!(keep(raw.as_bytes(), &elsewhere), Cow::Owned(_)));
    }

    #[test]
    fn squeeze_borrows_text_that_is_already_on_one_line() {
        let cases: &[(&str, &str, bool)] = &[
            ("550 5.1.1 unknown", "550 5.1.1 unknown", true),
            ("  550 unknown ", "550 unknown", true),
            ("550\r\n    unknown", "550 unknown", false),
            ("550  unknown", "550 unknown", false),
            ("550\tunknown", "550 unknown", false),
            ("", "", true),
        ];
        for &(text, want, borrowed) in cases {
            let got = squeeze(Cow::Borrowed(text));
            assert_eq!(got, want, "{text:?}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), borrowed, "{text:?}");
        }
    }
}
