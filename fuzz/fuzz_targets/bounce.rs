//! `Bounce::parse` on arbitrary bytes, read as whole emails: no panic; the same email gives the
//! same answer, whether its header block is read by `mail-parser` or (when plain) without it; no
//! recipient is invented (every address it reports occurs in the email as sent, or in a part as
//! decoded, or in an SES notification's JSON); a delay warning reports no failed recipient; a
//! failure has one; only delivery reports have recipients; the owned copy is equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mail_parser::{Message, MessageParser};
use smtp_codes::dsn::Action;
use smtp_codes_bounce::{Bounce, Format, Kind};

fuzz_target!(|raw: &[u8]| {
    let bounce = Bounce::parse(raw);
    assert_eq!(bounce, Bounce::parse(raw));
    // A plain header block read without `mail-parser` reads as `mail-parser` reads it, unless
    // `mail-parser`'s parse of the whole email loses fields of its own header block (it does on
    // some malformed nestings of attached messages; its `parse_headers` keeps them all).
    let parser = MessageParser::default();
    let root_fields = |message: Option<Message<'_>>| message.map(|m| m.root_part().headers.len());
    if root_fields(parser.parse(raw)) == root_fields(parser.parse_headers(raw)) {
        assert_eq!(
            bounce,
            smtp_codes_bounce::__private::parse_whole_headers(raw)
        );
    }
    // As text: an address in bytes that are not UTF-8 is reported with U+FFFD in their place.
    let mut texts = vec![String::from_utf8_lossy(raw)
        .to_ascii_lowercase()
        .into_bytes()];
    if let Some(message) = MessageParser::default().parse(raw) {
        decoded(&message, &mut texts, 0);
    }
    for recipient in bounce.recipients() {
        let address = recipient.address().to_ascii_lowercase();
        if address.is_empty() || bounce.format() == Some(Format::SesNotification) {
            continue;
        }
        assert!(
            texts.iter().any(|text| text
                .windows(address.len())
                .any(|window| window == address.as_bytes())),
            "{address:?} is not in the email"
        );
        assert!(recipient.diagnostic().len() <= 4096);
    }
    match bounce.kind() {
        Kind::DelayWarning => assert!(bounce
            .recipients()
            .iter()
            .all(|recipient| recipient.action() != Action::Failed)),
        Kind::Failure => assert!(
            bounce.recipients().is_empty()
                || bounce
                    .recipients()
                    .iter()
                    .any(|recipient| recipient.action() == Action::Failed)
        ),
        Kind::AutoReply(_) | Kind::NotABounce | Kind::FeedbackReport => {
            assert!(bounce.recipients().is_empty());
        }
        _ => {}
    }
    assert_eq!(bounce.clone().into_owned(), bounce);
    for email in smtp_codes_bounce::mbox::emails(raw) {
        let start = raw.as_ptr().addr();
        assert!(
            email.as_ptr().addr() >= start
                && email.as_ptr().addr() + email.len() <= start + raw.len()
        );
    }
});

/// Every part's contents as decoded, lower case, attached messages' too.
fn decoded(message: &Message<'_>, texts: &mut Vec<Vec<u8>>, depth: usize) {
    for part in &message.parts {
        texts.push(
            String::from_utf8_lossy(part.contents())
                .to_ascii_lowercase()
                .into_bytes(),
        );
        if let (Some(attached), true) = (part.message(), depth < 8) {
            decoded(attached, texts, depth + 1);
        }
    }
}
