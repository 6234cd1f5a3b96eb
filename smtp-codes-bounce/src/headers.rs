//! Header fields as sent, borrowed from the email's bytes.

use std::borrow::Cow;

use mail_parser::Header;

/// A header block read line by line, when every line is plain: a field (`name:` with a name of
/// printable ASCII, then its value), a folded continuation (starting with a space or a tab), or
/// the empty line that ends the block (LF or CRLF). Such a block `mail-parser` splits into the
/// same fields (a field's value runs to the first line feed not followed by a space or a tab,
/// whatever bytes come before it); anything else is left to it.
///
/// Finding a field here costs a pass over the block's bytes; `mail-parser` is then asked for the
/// decoded value of the few fields that need decoding, one field at a time.
#[derive(Debug)]
pub(crate) struct Fields<'a> {
    block: &'a [u8],
    list: Vec<Field>,
    /// Where the body starts: after the empty line.
    pub(crate) body: usize,
}

/// One field of a [`Fields`]: its name is `start..colon`, its value `colon + 1..end` (with the
/// line break that ends it).
#[derive(Debug, Clone, Copy)]
struct Field {
    start: usize,
    colon: usize,
    end: usize,
}

impl<'a> Fields<'a> {
    /// The fields of the header block at the start of `block`; `None` when a line is not plain,
    /// the block has no field, or it has no end.
    pub(crate) fn read(block: &'a [u8]) -> Option<Fields<'a>> {
        let mut list: Vec<Field> = Vec::with_capacity(32);
        let mut at = 0;
        loop {
            let end = at + memchr::memchr(b'\n', &block[at..])? + 1;
            let line = &block[at..end - 1];
            if line.is_empty() || line == b"\r" {
                return (!list.is_empty()).then_some(Fields {
                    block,
                    list,
                    body: end,
                });
            }
            if matches!(line[0], b' ' | b'\t') {
                list.last_mut()?.end = end;
            } else {
                let colon = memchr::memchr(b':', line)?;
                if colon == 0 || !line[..colon].iter().all(u8::is_ascii_graphic) {
                    return None;
                }
                list.push(Field {
                    start: at,
                    colon: at + colon,
                    end,
                });
            }
            at = end;
        }
    }

    fn named<'f>(&'f self, name: &'f str) -> impl DoubleEndedIterator<Item = &'f Field> + 'f {
        self.list.iter().filter(move |field| {
            self.block[field.start..field.colon].eq_ignore_ascii_case(name.as_bytes())
        })
    }

    /// The value of the first field named `name` (any ASCII case), as sent and trimmed.
    pub(crate) fn first(&self, name: &str) -> Option<&'a [u8]> {
        let field = self.named(name).next()?;
        Some(self.block[field.colon + 1..field.end].trim_ascii())
    }

    /// The last field named `name`, whole (name, value, line break): the one `mail-parser`
    /// reports when asked for the field by name.
    pub(crate) fn last_whole(&self, name: &str) -> Option<&'a [u8]> {
        let field = self.named(name).next_back()?;
        Some(&self.block[field.start..field.end])
    }

    /// Where the fields that decide the MIME structure start (`Content-Type`,
    /// `Content-Transfer-Encoding`, `Content-Disposition`): the block parsed from here on has the
    /// same structure as the whole email. The last field when there are none.
    pub(crate) fn structure_start(&self) -> usize {
        let mime = self.list.iter().find(|field| {
            let name = &self.block[field.start..field.colon];
            [
                &b"content-type"[..],
                b"content-transfer-encoding",
                b"content-disposition",
            ]
            .iter()
            .any(|wanted| name.eq_ignore_ascii_case(wanted))
        });
        let last = self.list.last().map_or(0, |field| field.start);
        mime.map_or(last, |field| field.start.min(last))
    }
}

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
    fn plain_header_blocks() {
        let block = b"Received: from a\r\n\tby b\r\nSubject: one\r\nX-Empty:\r\n\
                      Content-Type: text/plain\r\nSubject: two\r\n\r\nbody: not a field\r\n";
        let fields = Fields::read(block).unwrap();
        assert_eq!(fields.first("received"), Some(&b"from a\r\n\tby b"[..]));
        assert_eq!(fields.first("SUBJECT"), Some(&b"one"[..]));
        assert_eq!(fields.first("x-empty"), Some(&b""[..]));
        assert_eq!(fields.first("body"), None);
        assert_eq!(fields.last_whole("Subject"), Some(&b"Subject: two\r\n"[..]));
        assert_eq!(fields.structure_start(), 49);
        assert!(block[fields.structure_start()..].starts_with(b"Content-Type:"));
        // No MIME field: the last field.
        let fields = Fields::read(b"A: 1\nB: 2\n\n").unwrap();
        assert_eq!(fields.structure_start(), 5);
    }

    #[test]
    fn blocks_left_to_mail_parser() {
        let cases: &[&[u8]] = &[
            b"",
            b"\r\n",
            b" Subject: folded first\r\n\r\n",
            b"Subject: no end\r\n",
            b"Subject: x\r\nno colon here\r\n\r\n",
            b"Sub ject: x\r\n\r\n",
            b": x\r\n\r\n",
            b"Subject: x\r\n\x0c\r\n\r\n",
            b"Subject: x\r\n\r\r\n",
        ];
        for &block in cases {
            assert!(
                Fields::read(block).is_none(),
                "{:?}",
                String::from_utf8_lossy(block)
            );
        }
    }

    /// Every field found here is one `mail-parser` finds, with the same value.
    #[test]
    fn the_fields_are_mail_parsers() {
        let blocks: &[&[u8]] = &[
            b"Received: from a\r\n  by b;\r\n Mon\r\nFrom: \"A, B\" <a@example.org>\r\n\
              Subject: =?utf-8?q?caf=C3=A9?=\r\n \r\nTo: b@example.com\r\n\r\nbody\r\n",
            b"Content-Type: multipart/mixed;\n boundary=\"x\"\nX-A:\tq\x00\rz\nX-B: \xff\n\nbody\n",
        ];
        for &block in blocks {
            let fields = Fields::read(block).unwrap();
            let parsed = mail_parser::MessageParser::new()
                .parse_headers(block)
                .unwrap();
            let headers = &parsed.root_part().headers;
            assert_eq!(fields.list.len(), headers.len());
            for (field, header) in fields.list.iter().zip(headers) {
                assert!(header
                    .name
                    .as_str()
                    .as_bytes()
                    .eq_ignore_ascii_case(&block[field.start..field.colon]));
                assert_eq!(field.start, header.offset_field as usize);
                assert_eq!(field.colon + 1, header.offset_start as usize);
                assert_eq!(field.end, header.offset_end as usize);
            }
        }
    }

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
