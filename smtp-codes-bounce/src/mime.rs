//! How `mail-parser` is asked to read a bounce: only the header fields this crate uses are
//! parsed, and a returned message attached last is left out of the parse (its header is read on
//! its own): a bounce's size is mostly the message it returns, which nothing here needs decoded.

use std::borrow::Cow;
use std::sync::LazyLock;

use mail_parser::decoders::charsets::map::charset_decoder;
use mail_parser::parsers::MessageStream;
use mail_parser::{
    ContentType, Encoding, HeaderName, HeaderValue, Message, MessageParser, MessagePart,
    MimeHeaders,
};
use memchr::memmem;

use crate::headers::Fields;

/// The parser for bounces: MIME fields (structure and decoding), the fields whose decoded
/// values are used (`Subject`, the address fields); every other field is skipped, its bytes
/// still reachable through its offsets.
pub(crate) static PARSER: LazyLock<MessageParser> = LazyLock::new(|| {
    MessageParser::new()
        .with_mime_headers()
        .header_text(HeaderName::Subject)
        .header_address(HeaderName::From)
        .header_address(HeaderName::To)
        .header_address(HeaderName::ReplyTo)
        .header_address(HeaderName::Sender)
        .default_header_ignore()
});

/// `PARSER` on an email. `mail-parser` 0.11.9 has `debug_assert!(false)` on structures it
/// recovers from (`parsers/message.rs`: "Invalid part ID", found by the `bounce` fuzz target on
/// a malformed nesting of multiparts and attached messages); built with debug assertions, a
/// panic there is an email it could not read, not a crash of the caller.
pub(crate) fn parse(raw: &[u8]) -> Option<Message<'_>> {
    guarded(|| PARSER.parse(raw))
}

/// `PARSER` on an email whose header block `fields` read: from the fields that decide the MIME
/// structure on ([`Fields::structure_start`]), which gives the same parts, without parsing the
/// fields before them (`Received` and the like, most of a bounce's header). The whole email when
/// `fields` is `None`.
pub(crate) fn parse_from<'a>(raw: &'a [u8], fields: Option<&Fields<'_>>) -> Option<Message<'a>> {
    parse(&raw[fields.map_or(0, Fields::structure_start)..])
}

/// `PARSER` on a header block alone (see [`parse`]).
pub(crate) fn parse_headers(raw: &[u8]) -> Option<Message<'_>> {
    guarded(|| PARSER.parse_headers(raw))
}

/// The parser for a returned message's header: only `Subject` is decoded; the other fields are
/// read as sent, through their offsets.
static ORIGINAL_PARSER: LazyLock<MessageParser> = LazyLock::new(|| {
    MessageParser::new()
        .header_text(HeaderName::Subject)
        .default_header_ignore()
});

/// A returned message's header block (see [`parse`]).
pub(crate) fn parse_original_headers(raw: &[u8]) -> Option<Message<'_>> {
    guarded(|| ORIGINAL_PARSER.parse_headers(raw))
}

#[cfg(debug_assertions)]
fn guarded<'a>(parse: impl FnOnce() -> Option<Message<'a>>) -> Option<Message<'a>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(parse))
        .ok()
        .flatten()
}

#[cfg(not(debug_assertions))]
fn guarded<'a>(parse: impl FnOnce() -> Option<Message<'a>>) -> Option<Message<'a>> {
    parse()
}

/// The parser for a MIME part's header block: the MIME fields.
static PART_PARSER: LazyLock<MessageParser> = LazyLock::new(|| {
    MessageParser::new()
        .with_mime_headers()
        .default_header_ignore()
});

/// An email's MIME structure: `mail-parser`'s parse, or the parts of a plain multipart.
#[derive(Debug)]
pub(crate) enum Mime<'a> {
    Parsed(Message<'a>),
    Parts(Parts<'a>),
}

/// A multipart email's parts, found by their delimiters as `mail-parser` finds them, without
/// decoding the bodies that are not read: `mail-parser` reads each part's header block, and
/// decodes the bodies that are read (the first part's, a report's, a complaint's, returned
/// headers) with its own decoders, started where the body starts.
///
/// Only a plain structure is read so (see [`Parts::read`]); `mail-parser` parses anything else
/// whole. Either way the answers are the same: a test and the `bounce` fuzz target compare them.
#[derive(Debug)]
pub(crate) struct Parts<'a> {
    leaves: Vec<Leaf<'a>>,
    /// The first part's text: the report's words.
    pub(crate) text: Cow<'a, str>,
}

/// A part that is no multipart, with what `mail-parser` would give as its contents when it is one
/// the reading asks for.
#[derive(Debug)]
struct Leaf<'a> {
    content_type: Option<ContentType<'a>>,
    contents: Option<Cow<'a, [u8]>>,
}

/// The types whose contents are read: reports, complaints, returned headers.
const READ_TYPES: &[(&str, &str)] = &[
    ("message", "delivery-status"),
    ("message", "global-delivery-status"),
    ("message", "feedback-report"),
    ("text", "rfc822-headers"),
];

/// How deep multiparts may nest here.
const MAX_DEPTH: usize = 4;

/// How many parts are read here.
const MAX_PARTS: usize = 64;

impl<'a> Parts<'a> {
    /// The parts of the multipart email `raw` whose header block `fields` read (`raw` may end
    /// before the closing delimiter, cut before a returned message). `None` (then `mail-parser`
    /// parses the email whole) unless: every part's header block is plain or empty; no part is an
    /// attached message, a `multipart/digest` or a multipart without delimiters; after each
    /// delimiter comes a line break (or the closing `--`); the first part is a `text/plain` one
    /// that is not an attachment, with words in it; `mail-parser`'s decoder of a part that is read
    /// ends at the delimiter found here.
    pub(crate) fn read(raw: &'a [u8], fields: &Fields<'a>) -> Option<Parts<'a>> {
        let root = parse_headers_with(&PART_PARSER, fields.last_whole("Content-Type")?)?;
        let mut delimiters = vec![delimiter(root.root_part().content_type()?)?];
        let mut at = skip_line_break(raw, after(&delimiters[0], raw, fields.body)?);
        let mut leaves = Vec::new();
        let mut first_text = None;
        loop {
            if leaves.len() >= MAX_PARTS {
                return None;
            }
            let (body, mut part) = part_header(raw, at)?;
            let (encoding, attachment, content_type) = mime_fields(&mut part);
            let content_type = content_type.as_ref();
            if let Some(content_type) = content_type.filter(|ct| ct.ctype() == "multipart") {
                let inner = delimiter(content_type)?;
                at = skip_line_break(raw, after(&inner, raw, body)?);
                delimiters.push(inner);
                if delimiters.len() > MAX_DEPTH {
                    return None;
                }
                continue;
            }
            if content_type.is_some_and(|ct| {
                ct.ctype() == "message" && matches!(ct.subtype(), Some("rfc822" | "global"))
            }) {
                return None;
            }
            let current = delimiters.last()?;
            // `mail-parser` ends a part at the first delimiter after its header (its decoders
            // too), and reads a part with none after it (the last one before a cut) as text, as
            // sent.
            let found = current.find(&raw[body..]).map(|found| body + found);
            let first = leaves.is_empty();
            if first {
                let plain = content_type
                    .is_none_or(|ct| ct.ctype() == "text" && ct.subtype() == Some("plain"));
                if !plain || attachment {
                    return None;
                }
            }
            let read = first || content_type.is_some_and(is_read_type);
            let contents = if read {
                let boundary = &current.needle()[2..];
                Some(contents(
                    raw,
                    body,
                    boundary,
                    encoding,
                    found,
                    content_type,
                )?)
            } else {
                None
            };
            if first {
                let text = std::str::from_utf8(contents.as_deref().unwrap_or_default()).ok()?;
                first_text = Some(keep_text(raw, text));
            }
            leaves.push(Leaf {
                content_type: content_type.cloned(),
                contents,
            });
            let Some(found) = found else {
                break;
            };
            match next_part(raw, found + current.needle().len(), &mut delimiters)? {
                Next::Part(next) => at = next,
                Next::End => break,
            }
        }
        let text = first_text?;
        (!text.trim().is_empty()).then_some(Parts { leaves, text })
    }

    /// The first `f` of the contents of the parts of `ctype/subtype` (one of `subtypes`), in
    /// order.
    pub(crate) fn find_map<'p, T>(
        &'p self,
        ctype: &str,
        subtypes: &[&str],
        mut f: impl FnMut(&'p [u8]) -> Option<T>,
    ) -> Option<T> {
        self.leaves
            .iter()
            .filter(|leaf| {
                leaf.content_type.as_ref().is_some_and(|content_type| {
                    content_type.ctype().eq_ignore_ascii_case(ctype)
                        && content_type.subtype().is_some_and(|subtype| {
                            subtypes
                                .iter()
                                .any(|wanted| subtype.eq_ignore_ascii_case(wanted))
                        })
                })
            })
            .find_map(|leaf| f(leaf.contents.as_deref()?))
    }
}

/// A part's header block at `at`, plain or empty (an empty one makes a `text/plain` part), as
/// `mail-parser` reads it, and where the body starts.
fn part_header(raw: &[u8], at: usize) -> Option<(usize, MessagePart<'_>)> {
    match raw.get(at..at + 2) {
        Some([b'\n', _]) => Some((at + 1, MessagePart::default())),
        Some(b"\r\n") => Some((at + 2, MessagePart::default())),
        _ => {
            let body = at + Fields::read(&raw[at..])?.body;
            let header = parse_headers_with(&PART_PARSER, &raw[at..body])?;
            Some((body, header.parts.into_iter().next()?))
        }
    }
}

/// A part's transfer encoding, whether it is an attachment, and its content type (the last
/// `Content-Type`, taken out of the part), as `mail-parser` reads them.
fn mime_fields<'a>(part: &mut MessagePart<'a>) -> (Encoding, bool, Option<ContentType<'a>>) {
    let encoding = match part.content_transfer_encoding() {
        Some(encoding) if encoding.eq_ignore_ascii_case("base64") => Encoding::Base64,
        Some(encoding) if encoding.eq_ignore_ascii_case("quoted-printable") => {
            Encoding::QuotedPrintable
        }
        _ => Encoding::None,
    };
    let attachment = part
        .content_disposition()
        .is_some_and(ContentType::is_attachment);
    let content_type = part
        .headers
        .iter()
        .rposition(|field| field.name == HeaderName::ContentType)
        .and_then(|last| match part.headers.swap_remove(last).value {
            HeaderValue::ContentType(content_type) => Some(content_type),
            _ => None,
        });
    (encoding, attachment, content_type)
}

/// Whether parts of this type are read (see [`READ_TYPES`]).
fn is_read_type(content_type: &ContentType<'_>) -> bool {
    READ_TYPES.iter().any(|&(ctype, subtype)| {
        content_type.ctype().eq_ignore_ascii_case(ctype)
            && content_type
                .subtype()
                .is_some_and(|sub| sub.eq_ignore_ascii_case(subtype))
    })
}

/// A part's contents as `mail-parser` gives them: decoded (a text part's as text), or as sent
/// when no delimiter follows (`found` is `None`: then the part is read as text); `None` (the
/// email is parsed whole) when the decoder gives up or ends elsewhere than at `found`.
fn contents<'a>(
    raw: &'a [u8],
    body: usize,
    boundary: &[u8],
    encoding: Encoding,
    found: Option<usize>,
    content_type: Option<&ContentType<'_>>,
) -> Option<Cow<'a, [u8]>> {
    let (bytes, decoded) = match found {
        None => (Cow::Borrowed(&raw[body..]), false),
        Some(found) => (decode(raw, body, boundary, encoding, found)?, true),
    };
    // A part that could not be decoded is text, as sent.
    let is_text = !decoded || content_type.is_none_or(|ct| ct.ctype() == "text");
    Some(if is_text {
        match decode_text(bytes, content_type) {
            Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
        }
    } else {
        bytes
    })
}

/// What comes after a delimiter.
enum Next {
    /// The next part's header block, at this offset.
    Part(usize),
    /// The end of the parts.
    End,
}

/// After a delimiter ending at `at`: a line break (the next part), `--` (the multipart's end: the
/// enclosing one's next delimiter follows), or the end; `None` for anything else (a part header
/// right after the delimiter: `mail-parser` parses that whole).
fn next_part(
    raw: &[u8],
    mut at: usize,
    delimiters: &mut Vec<memmem::Finder<'static>>,
) -> Option<Next> {
    loop {
        match (raw.get(at), raw.get(at + 1)) {
            (Some(b'\r'), Some(b'\n')) => return Some(Next::Part(at + 2)),
            (Some(b'\n'), _) => return Some(Next::Part(at + 1)),
            (Some(b'-'), Some(b'-')) => {
                delimiters.pop();
                let Some(next) = delimiters
                    .last()
                    .and_then(|outer| after(outer, raw, at + 2))
                else {
                    return Some(Next::End);
                };
                at = next;
            }
            (Some(&b), _) if b.is_ascii_whitespace() => {
                return Some(Next::Part(skip_line_break(raw, at + 1)));
            }
            (None, _) => return Some(Next::End),
            _ => return None,
        }
    }
}

/// `parser` on a header block alone (see [`parse`]).
fn parse_headers_with<'a>(parser: &MessageParser, block: &'a [u8]) -> Option<Message<'a>> {
    guarded(|| parser.parse_headers(block))
}

/// A searcher for the delimiter of a multipart's parts (`--` and its boundary), for any multipart
/// but a digest (whose parts are attached messages by default) with a boundary.
fn delimiter(content_type: &ContentType<'_>) -> Option<memmem::Finder<'static>> {
    if content_type.ctype() != "multipart" || content_type.subtype() == Some("digest") {
        return None;
    }
    let boundary = content_type.attribute("boundary")?;
    (!boundary.is_empty())
        .then(|| memmem::Finder::new(&[b"--", boundary.as_bytes()].concat()).into_owned())
}

/// Where the first `delimiter` at or after `from` ends.
fn after(delimiter: &memmem::Finder<'_>, raw: &[u8], from: usize) -> Option<usize> {
    delimiter
        .find(raw.get(from..)?)
        .map(|found| from + found + delimiter.needle().len())
}

/// Past the spaces, tabs and CRs after a delimiter, and one line feed.
fn skip_line_break(raw: &[u8], mut at: usize) -> usize {
    while let Some(b'\r' | b' ' | b'\t') = raw.get(at) {
        at += 1;
    }
    if raw.get(at) == Some(&b'\n') {
        at += 1;
    }
    at
}

/// A part's body as `mail-parser` decodes it, through its own decoder for the part's encoding,
/// started where the body starts; `None` unless the decoder ends at the delimiter found at
/// `found` (after a decoder that gives up, `mail-parser` goes on in its own way).
fn decode<'a>(
    raw: &'a [u8],
    body: usize,
    boundary: &[u8],
    encoding: Encoding,
    found: usize,
) -> Option<Cow<'a, [u8]>> {
    let mut stream = MessageStream::new(raw);
    stream.skip_bytes(body);
    let (end, bytes) = match encoding {
        Encoding::Base64 => stream.decode_base64_mime(boundary),
        Encoding::QuotedPrintable => stream.decode_quoted_printable_mime(boundary),
        Encoding::None => stream.mime_part(boundary),
    };
    (end != usize::MAX && stream.offset() == found + 2 + boundary.len()).then_some(bytes)
}

/// A text part's bytes as text, as `mail-parser` reads them: with the decoder of its `charset`,
/// else as UTF-8 (invalid sequences replaced).
fn decode_text<'a>(bytes: Cow<'a, [u8]>, content_type: Option<&ContentType<'_>>) -> Cow<'a, str> {
    let decoder = content_type
        .and_then(|ct| ct.attribute("charset"))
        .and_then(|charset| charset_decoder(charset.as_bytes()));
    match (bytes, decoder) {
        (bytes, Some(decode)) => Cow::Owned(decode(&bytes)),
        (Cow::Borrowed(bytes), None) => String::from_utf8_lossy(bytes),
        (Cow::Owned(bytes), None) => Cow::Owned(
            String::from_utf8(bytes)
                .unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()),
        ),
    }
}

/// `text` borrowed from `raw` when it lies there, else copied.
fn keep_text<'a>(raw: &'a [u8], text: &str) -> Cow<'a, str> {
    crate::keep::keep(raw, text)
}

/// The parser for a header block alone: only `Content-Type`.
static HEADER_PARSER: LazyLock<MessageParser> = LazyLock::new(|| {
    MessageParser::new()
        .header_content_type(HeaderName::ContentType)
        .default_header_ignore()
});

/// A bounce whose last MIME part returns the original message (`message/rfc822`,
/// `message/global`, `text/rfc822-headers`, as RFC 6522 §3 places it): where that part starts,
/// and where its body (the returned header) starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Returned {
    /// Where the part's boundary line starts: the email up to here holds the report.
    pub(crate) cut: usize,
    /// Where the part's body starts.
    pub(crate) body: usize,
}

/// Finds the returned message attached as the last part of a top-level multipart; `None` when
/// there is none (or the structure is not plain enough to tell without parsing it).
pub(crate) fn returned_part(raw: &[u8]) -> Option<Returned> {
    let boundary = multipart_boundary(raw)?;
    let mut delimiter = Vec::with_capacity(boundary.len() + 3);
    delimiter.extend_from_slice(b"\n--");
    delimiter.extend_from_slice(boundary);
    let finder = memmem::Finder::new(&delimiter);
    let mut last_part = None;
    for at in finder.find_iter(raw) {
        let line = at + 1;
        let after = line + delimiter.len() - 1;
        if raw.get(after..after + 2) == Some(b"--") {
            // The closing delimiter.
            break;
        }
        last_part = Some(line);
    }
    let start = last_part?;
    let headers_start = start + memchr::memchr(b'\n', &raw[start..])? + 1;
    let part = guarded(|| HEADER_PARSER.parse_headers(&raw[headers_start..]))?;
    let returned = part.root_part().content_type().is_some_and(|content_type| {
        let subtype = content_type.subtype().unwrap_or("");
        (content_type.ctype().eq_ignore_ascii_case("message")
            && (subtype.eq_ignore_ascii_case("rfc822") || subtype.eq_ignore_ascii_case("global")))
            || (content_type.ctype().eq_ignore_ascii_case("text")
                && subtype.eq_ignore_ascii_case("rfc822-headers"))
    });
    if !returned || is_encoded(&part) {
        return None;
    }
    let body = headers_start + header_block_len(&raw[headers_start..]);
    // The line break before the delimiter belongs to it (RFC 2046 §5.1.1).
    let lf = start - 1;
    let cut = if lf > 0 && raw[lf - 1] == b'\r' {
        lf - 1
    } else {
        lf
    };
    Some(Returned { cut, body })
}

/// The `boundary` parameter of the top-level `Content-Type` when it is a `multipart/` one: the
/// header block is scanned line by line (folded lines joined), the parameter read as a quoted
/// string or a token. `None` for anything less plain (then nothing is cut).
fn multipart_boundary(raw: &[u8]) -> Option<&[u8]> {
    let mut at = 0;
    while at < raw.len() {
        let mut end = line_end(raw, at);
        let line = &raw[at..end];
        if line.trim_ascii().is_empty() {
            return None;
        }
        let name = b"content-type:";
        if line.len() > name.len() && line[..name.len()].eq_ignore_ascii_case(name) {
            // The field's value, with its folded continuation lines.
            while end < raw.len() && matches!(raw[end], b' ' | b'\t') {
                end = line_end(raw, end);
            }
            let value = raw[at + name.len()..end].trim_ascii();
            if value.len() < 10 || !value[..10].eq_ignore_ascii_case(b"multipart/") {
                return None;
            }
            return boundary_parameter(value);
        }
        at = end;
    }
    None
}

/// Where the line starting at `at` ends, after its line feed (the end of `bytes` for a last line
/// without one).
fn line_end(bytes: &[u8], at: usize) -> usize {
    memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |lf| at + lf + 1)
}

/// The `boundary` parameter of a `Content-Type` value.
fn boundary_parameter(value: &[u8]) -> Option<&[u8]> {
    let key = b"boundary=";
    let start = value
        .windows(key.len())
        .position(|window| window.eq_ignore_ascii_case(key))?;
    // Not the end of another parameter's name (`xboundary=`).
    if start > 0 && !matches!(value[start - 1], b';' | b' ' | b'\t' | b'\r' | b'\n') {
        return None;
    }
    let rest = &value[start + key.len()..];
    let boundary = if rest.first() == Some(&b'"') {
        let close = rest[1..].iter().position(|&b| b == b'"')?;
        &rest[1..=close]
    } else {
        let end = rest
            .iter()
            .position(|&b| b == b';' || b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        &rest[..end]
    };
    (!boundary.is_empty() && !boundary.contains(&b'\\')).then_some(boundary)
}

/// The length of the header block at the start of `block`, with the blank line that ends it.
fn header_block_len(block: &[u8]) -> usize {
    let mut at = 0;
    while at < block.len() {
        let end = line_end(block, at);
        if block[at..end].trim_ascii().is_empty() {
            return end;
        }
        at = end;
    }
    block.len()
}

/// Whether a part's body is transfer-encoded (then its header is not readable as it lies).
fn is_encoded(part: &Message<'_>) -> bool {
    let source = part.raw_message();
    part.root_part().headers.iter().any(|header| {
        header
            .name
            .as_str()
            .eq_ignore_ascii_case("content-transfer-encoding")
            && source
                .get(header.offset_start as usize..header.offset_end as usize)
                .is_some_and(|value| {
                    let value = value.trim_ascii();
                    value.eq_ignore_ascii_case(b"base64")
                        || value.eq_ignore_ascii_case(b"quoted-printable")
                })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_part_returning_the_message_is_found() {
        let raw = b"Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n\
                    --b\r\nContent-Type: text/plain\r\n\r\nreport\r\n\
                    --b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; a\r\n\r\n\
                    --b\r\nContent-Type: message/rfc822\r\n\r\nSubject: original\r\n\r\nbody\r\n--b--\r\n";
        let returned = returned_part(raw).unwrap();
        assert!(
            raw[..returned.cut].ends_with(b"Reporting-MTA: dns; a\r\n"),
            "{:?}",
            String::from_utf8_lossy(&raw[..returned.cut])
        );
        assert!(raw[returned.body..].starts_with(b"Subject: original"));
    }

    #[test]
    fn boundaries() {
        let cases: &[(&[u8], Option<&[u8]>)] = &[
            (
                b"multipart/report; report-type=delivery-status;\r\n\tboundary=\"A1/b.c\"",
                Some(b"A1/b.c"),
            ),
            (b"multipart/mixed; boundary=simple", Some(b"simple")),
            (
                b"multipart/mixed; BOUNDARY=simple; charset=x",
                Some(b"simple"),
            ),
            (b"multipart/mixed; xboundary=no", None),
            (b"multipart/mixed", None),
        ];
        for &(value, want) in cases {
            assert_eq!(
                boundary_parameter(value),
                want,
                "{:?}",
                String::from_utf8_lossy(value)
            );
        }
        assert_eq!(
            multipart_boundary(
                b"Subject: x\r\nContent-Type: multipart/mixed;\r\n boundary=\"b\"\r\n\r\n"
            ),
            Some(&b"b"[..])
        );
        assert_eq!(
            multipart_boundary(b"Content-Type: text/plain\r\n\r\n"),
            None
        );
    }

    #[test]
    fn no_cut_without_a_returned_last_part() {
        let cases: &[&[u8]] = &[
            b"Subject: plain\r\n\r\nbody\r\n",
            b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--\r\n",
            b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\nU3ViamVjdDogeA==\r\n--b--\r\n",
            b"Content-Type: multipart/mixed; boundary=\"\"\r\n\r\n",
            b"Content-Type: text/plain; xboundary=b\r\n\r\n--b\r\nContent-Type: message/rfc822\r\n\r\nx\r\n",
            b"",
        ];
        for &raw in cases {
            assert_eq!(
                returned_part(raw),
                None,
                "{:?}",
                String::from_utf8_lossy(raw)
            );
        }
    }
}
