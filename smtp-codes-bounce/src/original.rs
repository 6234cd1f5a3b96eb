//! The message a bounce is about: its identifiers, so that a sender can match the bounce to what
//! it sent.

use std::borrow::Cow;

use mail_parser::Message;

use crate::headers::{address_in, unfold, Fields};
use crate::keep::{keep, keep_bytes};
use crate::mime::Mime;

/// What a bounce says about the message it returns: the identifiers of the returned message (or
/// its header), the envelope sender the bounce went to, and the report's envelope id.
///
/// ```
/// use smtp_codes_bounce::Bounce;
///
/// let raw = b"From: MAILER-DAEMON@mx.example.org\r\nTo: bounces+bob=example.com@lists.example.org\r\n\
///     Subject: failure notice\r\n\r\n\
///     Hi. This is the qmail-send program at mx.example.org.\r\n\
///     I'm afraid I wasn't able to deliver your message to the following addresses.\r\n\
///     This is a permanent error; I've given up. Sorry it didn't work out.\r\n\r\n\
///     <bob@example.com>:\r\nSorry, no mailbox here by that name. (#5.1.1)\r\n\r\n\
///     --- Below this line is a copy of the message.\r\n\r\n\
///     Return-Path: <bounces+bob=example.com@lists.example.org>\r\n\
///     Message-ID: <42@lists.example.org>\r\nSubject: News\r\nTo: bob@example.com\r\n\r\nHi\r\n";
/// let original = Bounce::parse(raw).original().clone();
/// assert_eq!(original.message_id(), Some("42@lists.example.org"));
/// assert_eq!(original.subject(), Some("News"));
/// assert_eq!(original.envelope_sender(), Some("bounces+bob=example.com@lists.example.org"));
/// assert_eq!(original.verp_recipient().as_deref(), Some("bob@example.com"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Original<'a> {
    pub(crate) message_id: Option<Cow<'a, str>>,
    pub(crate) subject: Option<Cow<'a, str>>,
    pub(crate) from: Option<Cow<'a, str>>,
    pub(crate) to: Option<Cow<'a, str>>,
    pub(crate) date: Option<Cow<'a, str>>,
    pub(crate) envelope_sender: Option<Cow<'a, str>>,
    pub(crate) envelope_id: Option<Cow<'a, str>>,
}

impl Original<'_> {
    /// The returned message's `Message-ID`, without `<>`.
    #[must_use]
    pub fn message_id(&self) -> Option<&str> {
        self.message_id.as_deref()
    }

    /// The returned message's `Subject`, decoded.
    #[must_use]
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref()
    }

    /// The returned message's `From`, as written.
    #[must_use]
    pub fn from(&self) -> Option<&str> {
        self.from.as_deref()
    }

    /// The returned message's `To`, as written.
    #[must_use]
    pub fn to(&self) -> Option<&str> {
        self.to.as_deref()
    }

    /// The returned message's `Date`, as written.
    #[must_use]
    pub fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }

    /// The envelope sender (`MAIL FROM`) of the returned message, where the bounce was sent: the
    /// returned message's `Return-Path`, else the bounce's `X-Original-To`, `Delivered-To`,
    /// `Envelope-To` or `To`.
    #[must_use]
    pub fn envelope_sender(&self) -> Option<&str> {
        self.envelope_sender.as_deref()
    }

    /// The report's `Original-Envelope-Id` (the `ENVID` the sender gave, RFC 3461).
    #[must_use]
    pub fn envelope_id(&self) -> Option<&str> {
        self.envelope_id.as_deref()
    }

    /// The recipient encoded in a VERP envelope sender (`list-bounces+bob=example.com@host`
    /// is `bob@example.com`): see [`verp_decode`].
    #[must_use]
    pub fn verp_recipient(&self) -> Option<String> {
        verp_decode(self.envelope_sender()?)
    }

    /// The identifiers with every borrowed value copied.
    #[must_use]
    pub fn into_owned(self) -> Original<'static> {
        let own = |value: Option<Cow<'_, str>>| value.map(|v| Cow::Owned(v.into_owned()));
        Original {
            message_id: own(self.message_id),
            subject: own(self.subject),
            from: own(self.from),
            to: own(self.to),
            date: own(self.date),
            envelope_sender: own(self.envelope_sender),
            envelope_id: own(self.envelope_id),
        }
    }
}

/// The recipient a VERP address encodes (Variable Envelope Return Path: the sender's local part,
/// a delimiter, then the recipient with its `@` written `=`): `prefix+bob=example.com@host` and
/// `prefix-bob=example.com@host` are `bob@example.com`. The delimiter is the last `+` before the
/// `=`, else the first `-` (qmail's, where the prefix ends in `-`); `None` when the local part
/// encodes no `local=domain` whose domain has a dot.
///
/// ```
/// use smtp_codes_bounce::verp_decode;
/// assert_eq!(verp_decode("list-bounces+bob=example.com@lists.example.org").as_deref(), Some("bob@example.com"));
/// assert_eq!(verp_decode("bounce-bob.smith=mail.example.com@example.org").as_deref(), Some("bob.smith@mail.example.com"));
/// assert_eq!(verp_decode("bounces@example.org"), None);
/// ```
#[must_use]
pub fn verp_decode(address: &str) -> Option<String> {
    let address = address.trim().trim_matches(|c| c == '<' || c == '>');
    let (local, _host) = address.rsplit_once('@')?;
    let (encoded_local, domain) = local.rsplit_once('=')?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    if !domain_ok {
        return None;
    }
    let start = match encoded_local.rfind('+') {
        Some(plus) => plus + 1,
        None => encoded_local.find('-')? + 1,
    };
    let user = &encoded_local[start..];
    if user.is_empty() || user.contains(['@', ' ']) {
        return None;
    }
    Some(format!("{user}@{domain}"))
}

/// The identifiers of the returned message in `message` (the bounce): an attached
/// `message/rfc822` (or `message/global`) part, else a `text/rfc822-headers` part, else the
/// header block after the text's returned-message line (`returned`). `start` is where in the
/// email `message` was parsed from (see [`crate::mime::parse_from`]); with `plain` false,
/// `mail-parser` reads every header block.
pub(crate) fn read<'a>(
    mime: &Mime<'_>,
    raw: &'a [u8],
    returned: &str,
    start: usize,
    plain: bool,
) -> Original<'a> {
    let mut original = Original::default();
    let message = match mime {
        Mime::Parsed(message) => message,
        Mime::Parts(parts) => {
            // No attached message among the parts (see `Parts::read`).
            let block = parts
                .find_map("text", &["rfc822-headers"], Some)
                .unwrap_or_else(|| returned.trim_start().as_bytes());
            fill_from_block(&mut original, block, raw, plain);
            return original;
        }
    };
    let attached = message.parts.iter().skip(1).find_map(|part| part.message());
    if let Some(attached) = attached {
        // An attached message's field offsets count from the start of the parse, and its
        // `raw_message()` from the start of the attached message: the fields are looked up there
        // at the offsets they would have had in a parse of the whole email.
        fill(&mut original, attached, raw, start);
    } else {
        let headers_part = message.parts.iter().skip(1).find(|part| {
            mail_parser::MimeHeaders::content_type(*part).is_some_and(|content_type| {
                content_type.ctype().eq_ignore_ascii_case("text")
                    && content_type
                        .subtype()
                        .is_some_and(|subtype| subtype.eq_ignore_ascii_case("rfc822-headers"))
            })
        });
        let block = match headers_part {
            Some(part) => part.contents(),
            None => returned.trim_start().as_bytes(),
        };
        fill_from_block(&mut original, block, raw, plain);
    }
    original
}

/// The identifiers in a returned message's header block (the body of a `message/rfc822` part).
pub(crate) fn read_header<'a>(block: &[u8], raw: &'a [u8], plain: bool) -> Original<'a> {
    let mut original = Original::default();
    fill_from_block(&mut original, block, raw, plain);
    original
}

/// The identifiers in a header block: read by [`Fields`] when it is plain (`mail-parser` decodes
/// the `Subject`; unless `plain` is false), else by `mail-parser`.
fn fill_from_block<'a>(original: &mut Original<'a>, block: &[u8], raw: &'a [u8], plain: bool) {
    let Some(fields) = Fields::read(block).filter(|_| plain) else {
        if let Some(parsed) = crate::mime::parse_original_headers(block) {
            fill(original, &parsed, raw, 0);
        }
        return;
    };
    let field = |name: &str| {
        fields
            .first(name)
            .map(|value| unfold(keep_bytes(raw, value)))
    };
    original.message_id = field("Message-ID").map(without_angles);
    original.subject = fields
        .last_whole("Subject")
        .and_then(crate::mime::parse_original_headers)
        .and_then(|parsed| parsed.subject().map(|subject| keep(raw, subject)));
    original.from = field("From");
    original.to = field("To");
    original.date = field("Date");
    original.envelope_sender = field("Return-Path").and_then(address_in);
}

/// A `Message-ID` without its `<>`.
fn without_angles(id: Cow<'_, str>) -> Cow<'_, str> {
    match id {
        Cow::Borrowed(id) => Cow::Borrowed(id.trim_matches(|c| c == '<' || c == '>')),
        Cow::Owned(id) => Cow::Owned(id.trim_matches(|c| c == '<' || c == '>').to_owned()),
    }
}

/// The identifiers in `message`'s header fields; `shift` is added to their offsets (see
/// [`read`]).
fn fill<'a>(original: &mut Original<'a>, message: &Message<'_>, raw: &'a [u8], shift: usize) {
    let headers = &message.root_part().headers;
    let source = message.raw_message();
    let field = |name: &'static str| {
        headers
            .iter()
            .filter(|header| header.name.as_str().eq_ignore_ascii_case(name))
            .find_map(|header| {
                source.get(header.offset_start as usize + shift..header.offset_end as usize + shift)
            })
            .map(|value| unfold(keep_bytes(raw, value.trim_ascii())))
    };
    original.message_id = field("Message-ID").map(without_angles);
    original.subject = message.subject().map(|subject| keep(raw, subject));
    original.from = field("From");
    original.to = field("To");
    original.date = field("Date");
    original.envelope_sender = field("Return-Path").and_then(address_in);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verp_addresses() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "list-bounces+bob=example.com@lists.example.org",
                Some("bob@example.com"),
            ),
            (
                "<list-bounces+bob=example.com@lists.example.org>",
                Some("bob@example.com"),
            ),
            (
                "bounce-bob=example.com@example.org",
                Some("bob@example.com"),
            ),
            ("a+b+bob=example.com@example.org", Some("bob@example.com")),
            ("bounces@example.org", None),
            ("bounces+bob=localhost@example.org", None),
            ("bounces+=example.com@example.org", None),
            ("bob=example.com@example.org", None),
            ("no-at-sign", None),
        ];
        for &(address, want) in cases {
            assert_eq!(verp_decode(address).as_deref(), want, "{address}");
        }
    }
}
