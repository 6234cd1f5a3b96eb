//! Header fields as sent, borrowed from the email's bytes.

use std::borrow::Cow;

use mail_parser::{Header, Message};

use crate::keep::keep_bytes;

/// The values of the header fields named `name` (any ASCII case) in `headers`, as sent (folded
/// lines kept) and trimmed; `source` is the buffer the headers' offsets point into.
pub(crate) fn raw_values<'m>(
    headers: &'m [Header<'_>],
    source: &'m [u8],
    name: &'m str,
) -> impl Iterator<Item = &'m [u8]> + 'm {
    headers
        .iter()
        .filter(move |header| header.name.as_str().eq_ignore_ascii_case(name))
        .filter_map(move |header| {
            let value = source.get(header.offset_start as usize..header.offset_end as usize)?;
            Some(value.trim_ascii())
        })
}

/// The first field named `name` of `message`'s own header, as text borrowed from `raw` where it
/// lies in it.
pub(crate) fn first<'a>(message: &Message<'_>, raw: &'a [u8], name: &str) -> Option<Cow<'a, str>> {
    let value = raw_values(&message.root_part().headers, message.raw_message(), name).next()?;
    Some(unfold(keep_bytes(raw, value)))
}

/// A folded value on one line.
pub(crate) fn unfold(value: Cow<'_, str>) -> Cow<'_, str> {
    if value.contains(['\r', '\n']) {
        Cow::Owned(crate::scan::squeeze(&value))
    } else {
        value
    }
}

/// The address of a field value: inside `<>` when there are some, else the value (a bare
/// address, or `Name addr` without brackets: its last word with an `@`).
pub(crate) fn address_in(value: Cow<'_, str>) -> Option<Cow<'_, str>> {
    let inner = match (value.find('<'), value.rfind('>')) {
        (Some(open), Some(close)) if open < close => Some((open + 1, close)),
        _ => None,
    };
    let (start, end) = if let Some(range) = inner {
        range
    } else {
        let word = value
            .split(|c: char| c.is_whitespace() || c == ',' || c == ';')
            .rfind(|word| word.contains('@'))?;
        let start = word.as_ptr().addr() - value.as_ptr().addr();
        (start, start + word.len())
    };
    let trimmed = |text: &str| {
        let inner = text[start..end].trim();
        let offset = inner.as_ptr().addr() - text.as_ptr().addr();
        (offset, offset + inner.len())
    };
    let (start, end) = trimmed(&value);
    if start == end {
        return None;
    }
    Some(match value {
        Cow::Borrowed(text) => Cow::Borrowed(&text[start..end]),
        Cow::Owned(text) => Cow::Owned(text[start..end].to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_in_field_values() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Bob <bob@example.com>", Some("bob@example.com")),
            ("<bob@example.com>", Some("bob@example.com")),
            ("bob@example.com", Some("bob@example.com")),
            (
                "MAILER-DAEMON@mx.example.org (Mail Delivery System)",
                Some("MAILER-DAEMON@mx.example.org"),
            ),
            ("<>", None),
            ("", None),
            ("Bob Smith", None),
        ];
        for &(value, want) in cases {
            assert_eq!(
                address_in(Cow::Borrowed(value)).as_deref(),
                want,
                "{value:?}"
            );
        }
    }
}
