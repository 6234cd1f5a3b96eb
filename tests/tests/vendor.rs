//! A table of one's own: codes the wild uses (`571`, second digit 7), the
//! whole API of `ReplyCode`, a common trait, serde, and the standard table extended, not copied.
//! The rows come from replies in `tests/data/replies.txt`.

use serde_json::{from_str, json, to_value};
use smtp_codes::{
    code::Category, code::ReplyCodeTable, write_reply, AnyReplyCode, Class, Command, Reply,
    ReplyCode,
};

#[smtp_codes::reply_codes("data/vendor-codes.csv")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum VendorCode {}

#[test]
fn a_vendor_table_holds_codes_outside_rfc_5321_categories() {
    let code = VendorCode::from_u16(571).unwrap();
    assert_eq!(code, VendorCode::DeliveryNotAuthorized);
    assert_eq!(code.meaning(), "Delivery not authorized, message refused");
    assert_eq!(code.class(), Class::PermanentNegativeCompletion);
    // No RFC 5321 category for a second digit of 7, as for a parsed 571.
    assert_eq!(code.category(), None);
    let (reply, _) = Reply::parse(b"571 Delivery not authorized, message refused.\r\n").unwrap();
    assert_eq!(code.category(), reply.category());
    assert_eq!(
        VendorCode::NotSubscribed.category(),
        Some(Category::Information)
    );
    assert_eq!(
        VendorCode::RejectedByDestination.category(),
        Some(Category::Unspecified4)
    );
    assert_eq!(VendorCode::ALL.len(), 3);
    assert_eq!("541".parse(), Ok(VendorCode::RejectedByDestination));
    assert_eq!(u16::from(VendorCode::NotSubscribed), 510);
}

#[test]
fn a_vendor_table_advises_by_command() {
    for &command in Command::ALL {
        let outcome = VendorCode::DeliveryNotAuthorized.outcome(command);
        assert_eq!(Some(outcome), smtp_codes::Outcome::of(571, command));
        assert!(outcome.is_fail_permanently());
    }
}

/// What a bounce processor logs, for any table.
fn describe<T: ReplyCodeTable>(reply: &Reply<'_>, command: Command) -> String {
    match reply.code_in::<T>() {
        Some(code) => format!(
            "{} ({}): {}",
            code.as_str(),
            code.meaning(),
            code.outcome(command)
        ),
        None => format!("{} (unknown): {}", reply.code(), reply.outcome(command)),
    }
}

#[test]
fn code_is_generic_over_the_standard_and_a_vendor_table() {
    let (courier, _) = Reply::parse(b"571 Delivery not authorized, message refused.\r\n").unwrap();
    assert_eq!(
        describe::<VendorCode>(&courier, Command::EndOfData),
        "571 (Delivery not authorized, message refused): fail-permanently"
    );
    assert_eq!(
        describe::<ReplyCode>(&courier, Command::EndOfData),
        "571 (unknown): fail-permanently"
    );
    let (full, _) = Reply::parse(b"552 5.5.3 Too many recipients\r\n").unwrap();
    assert_eq!(
        describe::<ReplyCode>(&full, Command::Rcpt),
        "552 (Requested mail action aborted: exceeded storage allocation): retry-later"
    );
    assert_eq!(
        <VendorCode as ReplyCodeTable>::category(VendorCode::DeliveryNotAuthorized),
        None
    );
    assert_eq!(
        <ReplyCode as ReplyCodeTable>::category(ReplyCode::MailboxUnavailable),
        Some(Category::MailSystem)
    );
}

/// The standard table extended with the vendor's, without copying its rows: look the code up in
/// the vendor table first, then in the standard one.
fn meaning(code: u16) -> Option<&'static str> {
    VendorCode::from_u16(code)
        .map(VendorCode::meaning)
        .or_else(|| ReplyCode::from_u16(code).map(ReplyCode::meaning))
}

#[test]
fn the_standard_table_is_extended_not_copied() {
    assert_eq!(
        meaning(571),
        Some("Delivery not authorized, message refused")
    );
    assert_eq!(
        meaning(550),
        Some("Requested action not taken: mailbox unavailable")
    );
    assert_eq!(meaning(599), None);
}

#[test]
fn a_vendor_table_serializes_and_writes_as_any_code() {
    assert_eq!(
        to_value(VendorCode::DeliveryNotAuthorized).unwrap(),
        json!(571)
    );
    assert_eq!(
        from_str::<VendorCode>("541").unwrap(),
        VendorCode::RejectedByDestination
    );
    let error = from_str::<VendorCode>("550").unwrap_err().to_string();
    assert!(error.contains("unknown SMTP reply code 550"), "{error}");
    let any = AnyReplyCode::from(VendorCode::DeliveryNotAuthorized);
    assert_eq!(any.as_u16(), 571);
    assert_eq!(
        any.known_in::<VendorCode>(),
        Some(VendorCode::DeliveryNotAuthorized)
    );
    let mut out = String::new();
    write_reply(
        &mut out,
        VendorCode::DeliveryNotAuthorized,
        None,
        &["Refused"],
    )
    .unwrap();
    assert_eq!(out, "571 Refused\r\n");
}
