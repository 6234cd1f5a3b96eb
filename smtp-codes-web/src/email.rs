//! The `message/delivery-status` part of a bounce email (RFC 3462 / RFC 6522 `multipart/report`),
//! found by a small MIME walk.
//!
//! Its limits: the first such part is taken (also `message/global-delivery-status`, RFC 6533);
//! multiparts are followed by their `boundary` to a depth of 8, `message/rfc822` parts are
//! entered; `base64` and `quoted-printable` bodies are decoded, other encodings taken as they
//! are; no charset is converted; of an mbox file only the first message is read. When the
//! structure is broken (no boundary, boundaries that do not match), a `Content-Type:
//! message/delivery-status` line anywhere starts the part, which ends at the next line that
//! starts with `--`. Text bounces, which have no such part, are for the bounce library.

use crate::read::{field_name, find_folded, lines, trim};

/// How deep multiparts and enclosed messages are followed.
const MAX_DEPTH: usize = 8;

/// The delivery-status part's body, decoded, and the email's bytes before it (where the human
/// readable part of a report is).
pub struct Part {
    /// The part's body: a delivery status report.
    pub body: Vec<u8>,
    /// Where the part starts in the email.
    pub offset: usize,
}

/// The first delivery-status part of `email`, by the MIME structure, else by its `Content-Type`
/// line.
pub fn delivery_status(email: &[u8]) -> Option<Part> {
    // An mbox file starts with a `From ` line before the header fields.
    let start = if email.starts_with(b"From ") {
        email
            .iter()
            .position(|&byte| byte == b'\n')
            .map_or(email.len(), |lf| lf + 1)
    } else {
        0
    };
    walk(&email[start..], start, 0).or_else(|| by_content_type_line(email))
}

/// An entity's header fields unfolded, and where its body starts.
struct Entity<'a> {
    content_type: Option<Vec<u8>>,
    encoding: Option<Vec<u8>>,
    body: &'a [u8],
    body_offset: usize,
}

/// Splits an entity (an email, a part) into its `Content-Type`, `Content-Transfer-Encoding` and
/// body. An entity that starts with a blank line has no header fields; a line that is neither a
/// field nor a fold ends them (a part without its blank line).
fn entity(bytes: &[u8]) -> Entity<'_> {
    let mut content_type: Option<Vec<u8>> = None;
    let mut encoding: Option<Vec<u8>> = None;
    // The field the last line belonged to: 1 Content-Type, 2 Content-Transfer-Encoding, 0 other.
    let mut last = 0u8;
    let mut at = 0;
    while at < bytes.len() {
        let end = bytes[at..]
            .iter()
            .position(|&byte| byte == b'\n')
            .map_or(bytes.len(), |lf| at + lf + 1);
        let line = &bytes[at..end];
        let line = line.strip_suffix(b"\n").unwrap_or(line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            at = end;
            break;
        }
        if matches!(line.first(), Some(b' ' | b'\t')) {
            let field = match last {
                1 => content_type.as_mut(),
                2 => encoding.as_mut(),
                _ => None,
            };
            if let Some(field) = field {
                field.extend_from_slice(line);
            }
        } else if let Some(name) = field_name(line) {
            let value = line[name.len() + 1..].to_vec();
            last = 0;
            if name.eq_ignore_ascii_case(b"Content-Type") && content_type.is_none() {
                content_type = Some(value);
                last = 1;
            } else if name.eq_ignore_ascii_case(b"Content-Transfer-Encoding") && encoding.is_none()
            {
                encoding = Some(value);
                last = 2;
            }
        } else {
            break;
        }
        at = end;
    }
    Entity {
        content_type,
        encoding,
        body: &bytes[at..],
        body_offset: at,
    }
}

/// The media type of a `Content-Type` value, lower case: `multipart/report`.
fn media_type(content_type: &[u8]) -> Vec<u8> {
    let end = content_type
        .iter()
        .position(|&byte| byte == b';')
        .unwrap_or(content_type.len());
    trim(&content_type[..end]).to_ascii_lowercase()
}

/// The `boundary` parameter of a `Content-Type` value, quoted or not (RFC 2046 §5.1.1).
fn boundary(content_type: &[u8]) -> Option<Vec<u8>> {
    let at = find_folded(content_type, b"boundary=")?;
    let value = &content_type[at + b"boundary=".len()..];
    let boundary = if let Some(quoted) = value.strip_prefix(b"\"") {
        let end = quoted.iter().position(|&byte| byte == b'"')?;
        &quoted[..end]
    } else {
        let end = value
            .iter()
            .position(|&byte| matches!(byte, b';' | b' ' | b'\t' | b'\r' | b'\n'))
            .unwrap_or(value.len());
        &value[..end]
    };
    (!boundary.is_empty()).then(|| boundary.to_vec())
}

/// Whether a media type is a delivery status report.
fn is_delivery_status(media_type: &[u8]) -> bool {
    media_type == b"message/delivery-status" || media_type == b"message/global-delivery-status"
}

/// The first delivery-status part in `bytes`, an entity that starts at `offset` of the email.
fn walk(bytes: &[u8], offset: usize, depth: usize) -> Option<Part> {
    if depth > MAX_DEPTH {
        return None;
    }
    let entity = entity(bytes);
    let media_type = media_type(entity.content_type.as_deref().unwrap_or_default());
    let body_offset = offset + entity.body_offset;
    if is_delivery_status(&media_type) {
        return Some(Part {
            body: decode(entity.body, entity.encoding.as_deref()),
            offset: body_offset,
        });
    }
    if media_type == b"message/rfc822" {
        return walk(entity.body, body_offset, depth + 1);
    }
    if !media_type.starts_with(b"multipart/") {
        return None;
    }
    let boundary = boundary(entity.content_type.as_deref()?)?;
    parts(entity.body, &boundary)
        .into_iter()
        .find_map(|(start, part)| walk(part, body_offset + start, depth + 1))
}

/// The parts of a multipart body between its `--boundary` lines, with where each starts.
fn parts<'a>(body: &'a [u8], boundary: &[u8]) -> Vec<(usize, &'a [u8])> {
    let mut delimiter = b"--".to_vec();
    delimiter.extend_from_slice(boundary);
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0;
    while at < body.len() {
        let end = body[at..]
            .iter()
            .position(|&byte| byte == b'\n')
            .map_or(body.len(), |lf| at + lf + 1);
        let line = &body[at..end];
        if line.starts_with(&delimiter) {
            if let Some(start) = start.take() {
                parts.push((start, &body[start..at]));
            }
            let rest = &line[delimiter.len()..];
            if rest.starts_with(b"--") {
                return parts;
            }
            start = Some(end);
        }
        at = end;
    }
    if let Some(start) = start {
        parts.push((start, &body[start..]));
    }
    parts
}

/// The part after a `Content-Type: message/delivery-status` line anywhere in `email`, up to the
/// next line that starts with `--` (white space before it allowed).
fn by_content_type_line(email: &[u8]) -> Option<Part> {
    let mut offset = 0;
    for line in lines(email) {
        let line_start = offset;
        offset += line.len() + 1;
        let is_type = field_name(trim(line))
            .is_some_and(|name| name.eq_ignore_ascii_case(b"Content-Type"))
            && is_delivery_status(&media_type(&trim(line)[b"Content-Type:".len()..]));
        if !is_type {
            continue;
        }
        let rest = email.get(line_start..)?;
        let entity = entity(rest);
        let end = lines(entity.body)
            .scan(0usize, |at, line| {
                let start = *at;
                *at += line.len() + 1;
                Some((start, line))
            })
            .find(|(_, line)| trim(line).starts_with(b"--"))
            .map_or(entity.body.len(), |(start, _)| start);
        return Some(Part {
            body: decode(&entity.body[..end], entity.encoding.as_deref()),
            offset: line_start + entity.body_offset,
        });
    }
    None
}

/// A body decoded by its `Content-Transfer-Encoding`.
fn decode(body: &[u8], encoding: Option<&[u8]>) -> Vec<u8> {
    let encoding = trim(encoding.unwrap_or_default()).to_ascii_lowercase();
    match encoding.as_slice() {
        b"base64" => base64(body),
        b"quoted-printable" => quoted_printable(body),
        _ => body.to_vec(),
    }
}

/// Base64 (RFC 2045 §6.8): characters outside the alphabet skipped, decoding stops at `=`.
fn base64(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut bits = 0u32;
    let mut count = 0;
    for &byte in text {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => continue,
        };
        bits = (bits << 6) | u32::from(value);
        count += 1;
        if count == 4 {
            out.extend_from_slice(&bits.to_be_bytes()[1..]);
            bits = 0;
            count = 0;
        }
    }
    // Two characters are 12 bits, one byte and 4 bits of padding; three are 18 bits, two bytes
    // and 2 bits of padding.
    match count {
        2 => out.push((bits >> 4).to_be_bytes()[3]),
        3 => out.extend_from_slice(&(bits >> 2).to_be_bytes()[2..]),
        _ => {}
    }
    out
}

/// Quoted-printable (RFC 2045 §6.7): `=XX` and soft line breaks; a malformed `=` kept as is.
fn quoted_printable(text: &[u8]) -> Vec<u8> {
    let hex = |byte: u8| char::from(byte).to_digit(16);
    let mut out = Vec::with_capacity(text.len());
    let mut at = 0;
    while at < text.len() {
        if text[at] == b'=' {
            match (text.get(at + 1), text.get(at + 2)) {
                (Some(b'\n'), _) => {
                    at += 2;
                    continue;
                }
                (Some(b'\r'), Some(b'\n')) => {
                    at += 3;
                    continue;
                }
                (Some(&high), Some(&low)) => {
                    if let (Some(high), Some(low)) = (hex(high), hex(low)) {
                        // Two hex digits: at most 255.
                        out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                        at += 3;
                        continue;
                    }
                }
                _ => {}
            }
        }
        out.push(text[at]);
        at += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; bob@example.com\nAction: failed\nStatus: 5.1.1\n";

    #[test]
    fn the_part_is_found_through_nested_multiparts() {
        let email = format!(
            "From: MAILER-DAEMON\nContent-Type: multipart/mixed; boundary=outer\n\n\
             --outer\nContent-Type: multipart/report; report-type=delivery-status;\n boundary=\"in ner\"\n\n\
             --in ner\nContent-Type: text/plain\n\nThe mail system\n\
             --in ner\nContent-Type: message/delivery-status\n\n{REPORT}\
             --in ner--\n--outer--\n"
        );
        let part = delivery_status(email.as_bytes()).unwrap();
        assert_eq!(String::from_utf8(part.body).unwrap(), REPORT);
        assert!(email[part.offset..].starts_with("Reporting-MTA"));
    }

    #[test]
    fn an_encoded_part_is_decoded() {
        // "Status: 5.1.1\n" in base64, as `base64` prints it.
        let email = "Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: base64\n\nU3RhdHVzOiA1LjEuMQo=\n--b--\n";
        assert_eq!(
            delivery_status(email.as_bytes()).unwrap().body,
            b"Status: 5.1.1\n"
        );
        let email = "Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\nContent-Transfer-Encoding: quoted-printable\n\nDiagnostic-Code: smtp; 550 Bo=C3=AEte =\npleine\n--b--\n";
        assert_eq!(
            delivery_status(email.as_bytes()).unwrap().body,
            "Diagnostic-Code: smtp; 550 Boîte pleine\n".as_bytes()
        );
    }

    #[test]
    fn a_broken_structure_falls_back_to_the_content_type_line() {
        // The boundary the header names is not the one the parts use.
        let email = format!(
            "Content-Type: multipart/report; boundary=wrong\n\n--right\nContent-Type: message/delivery-status\n\n{REPORT}--right--\n"
        );
        assert_eq!(
            delivery_status(email.as_bytes()).unwrap().body,
            REPORT.as_bytes()
        );
    }

    #[test]
    fn an_email_without_the_part_has_none() {
        let email = "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nHi.\n--b--\n";
        assert!(delivery_status(email.as_bytes()).is_none());
        assert!(delivery_status(b"").is_none());
    }
}
