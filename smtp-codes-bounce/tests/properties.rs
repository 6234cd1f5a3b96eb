//! Properties of `Bounce::parse` on emails assembled from the pieces bounces are made of (header
//! fields, the servers' fixed texts, report fields, addresses, codes, noise): no recipient is
//! invented (every address reported occurs in the email), a delay warning reports no failed
//! recipient, the same email gives the same answer, and the owned copy is equal.

use std::fmt::Write;

use proptest::prelude::*;
use smtp_codes::dsn::Action;
use smtp_codes_bounce::{Bounce, Kind};

fn address() -> impl Strategy<Value = String> {
    (
        "[a-z][a-z0-9._+-]{0,12}",
        "[a-z][a-z0-9-]{0,8}",
        "(com|org|example|jp|test)",
    )
        .prop_map(|(local, host, tld)| format!("{local}@{host}.{tld}"))
}

/// A line of a bounce's text: fixed texts of the servers, codes, addresses in the ways bounces
/// write them, and noise.
fn text_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Hi. This is the qmail-send program at mx.example.org.".to_owned()),
        Just("This is a permanent error; I've given up. Sorry it didn't work out.".to_owned()),
        Just("This message was created automatically by mail delivery software.".to_owned()),
        Just("# THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #".to_owned()),
        Just("Delivery to the following recipient has been delayed:".to_owned()),
        Just("   ----- The following addresses had permanent fatal errors -----".to_owned()),
        Just("   ----- The following addresses had transient non-fatal errors -----".to_owned()),
        Just("--- Below this line is a copy of the message.".to_owned()),
        Just("Will keep trying until message is 5 days old".to_owned()),
        Just("Final-Recipient: rfc822;".to_owned()),
        Just("Action: failed".to_owned()),
        Just("Reporting-MTA: dns; mx.example.org".to_owned()),
        address().prop_map(|a| format!("<{a}>:")),
        address().prop_map(|a| format!("  {a}")),
        address().prop_map(|a| format!("To: {a}")),
        address().prop_map(|a| format!("Final-Recipient: rfc822; {a}")),
        address().prop_map(|a| format!(
            "host mx.example.com said: 550 5.1.1 <{a}>: User unknown (in reply to RCPT TO command)"
        )),
        "[ -~]{0,60}",
        "[\\PC]{0,20}",
    ]
}

fn header() -> impl Strategy<Value = String> {
    (
        prop_oneof![
            Just("From: MAILER-DAEMON@mx.example.org".to_owned()),
            Just("From: Mail Delivery System <MAILER-DAEMON@mx.example.org>".to_owned()),
            address().prop_map(|a| format!("From: {a}")),
        ],
        prop_oneof![
            Just("Subject: Undelivered Mail Returned to Sender".to_owned()),
            Just("Subject: Delayed Mail (still being retried)".to_owned()),
            Just("Subject: Automatic reply: hello".to_owned()),
            Just("Subject: failure notice".to_owned()),
            "Subject: [ -~]{0,30}",
        ],
        prop_oneof![
            Just(String::new()),
            Just("Return-Path: <>\n".to_owned()),
            Just("Auto-Submitted: auto-replied\n".to_owned()),
            Just("Auto-Submitted: auto-generated (failure)\n".to_owned()),
        ],
        address(),
    )
        .prop_map(|(from, subject, extra, to)| format!("{from}\n{subject}\n{extra}To: {to}\n"))
}

/// A text bounce, or a multipart report with a delivery-status part.
fn email() -> impl Strategy<Value = String> {
    let lines = prop::collection::vec(text_line(), 0..24);
    let blocks = prop::collection::vec(
        (
            address(),
            prop_oneof![Just("failed"), Just("delayed"), Just("delivered"), Just("")],
            prop_oneof![Just("5.1.1"), Just("4.4.7"), Just("2.0.0"), Just("")],
        ),
        0..4,
    );
    (header(), lines, blocks, any::<bool>()).prop_map(|(header, lines, blocks, report)| {
        let text = lines.join("\n");
        if !report {
            return format!("{header}\n{text}\n");
        }
        let mut dsn = String::from("Reporting-MTA: dns; mx.example.org\n\n");
        for (address, action, status) in blocks {
            let _ = writeln!(dsn, "Final-Recipient: rfc822; {address}");
            if !action.is_empty() {
                let _ = writeln!(dsn, "Action: {action}");
            }
            if !status.is_empty() {
                let _ = writeln!(dsn, "Status: {status}");
            }
            dsn.push('\n');
        }
        format!(
            "{header}MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n\n\
             --b\nContent-Type: text/plain\n\n{text}\n\
             --b\nContent-Type: message/delivery-status\n\n{dsn}\
             --b\nContent-Type: message/rfc822\n\nSubject: original\nMessage-ID: <1@example.org>\n\nhi\n--b--\n"
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn no_recipient_is_invented(raw in email()) {
        let bounce = Bounce::parse(raw.as_bytes());
        let lower = raw.to_ascii_lowercase();
        for recipient in bounce.recipients() {
            let address = recipient.address().to_ascii_lowercase();
            prop_assert!(address.is_empty() || lower.contains(&address), "{} is not in the email", address);
        }
    }

    #[test]
    fn a_delay_warning_reports_no_failure(raw in email()) {
        let bounce = Bounce::parse(raw.as_bytes());
        if bounce.kind() == Kind::DelayWarning {
            prop_assert!(bounce.recipients().iter().all(|recipient| recipient.action() != Action::Failed));
        }
        if !bounce.kind().is_delivery_report() {
            prop_assert!(bounce.recipients().is_empty());
        }
    }

    #[test]
    fn the_same_email_gives_the_same_answer(raw in email()) {
        let bounce = Bounce::parse(raw.as_bytes());
        prop_assert_eq!(&bounce, &Bounce::parse(raw.as_bytes()));
        prop_assert_eq!(bounce.clone().into_owned(), bounce);
    }

    #[test]
    fn squeeze_joins_the_words_with_one_space(text in "[ a-z\t\r\n\u{b}\u{c}\u{85}\u{a0}\u{2003}\u{3000}é😀.]{0,64}") {
        let words: Vec<&str> = text.split_whitespace().collect();
        prop_assert_eq!(smtp_codes_bounce::scan::squeeze(&text), words.join(" "));
    }

    #[test]
    fn arbitrary_bytes_never_panic(raw in prop::collection::vec(any::<u8>(), 0..2048)) {
        let bounce = Bounce::parse(&raw);
        let lower = String::from_utf8_lossy(&raw).to_ascii_lowercase();
        for recipient in bounce.recipients() {
            let address = recipient.address().to_ascii_lowercase();
            prop_assert!(address.is_empty() || lower.contains(&address));
        }
    }
}

/// Found by the `bounce` fuzz target: a multipart whose attached messages nest without
/// boundaries makes `mail-parser` 0.11.9 hit a `debug_assert!` it recovers from in release
/// builds; with debug assertions (this test's build) `Bounce::parse` must not panic either.
#[test]
fn a_malformed_nesting_that_trips_a_mail_parser_assertion() {
    let raw = b"m mb0\nContent-Type: multipart/rs;\n\tboundary=\"Qm1YKRKmlKzmt4fX.1374019311/mbox.example.jp\"-\x00\n\n\
        --Qm1YKRKmlKzmt4fX.1374019311/mbox.example.jpe\nContent-Type: message/rfc822\nnle.j\n \n\
        Content-Type: message/rfc822\nAA\n\n\nm--Qm1YKRKmlKzmt4fX.1374019311/mbox.example.jp--\n";
    let direct =
        std::panic::catch_unwind(|| mail_parser::MessageParser::default().parse(raw).is_some());
    assert_eq!(
        direct.is_err(),
        cfg!(debug_assertions),
        "mail-parser's assertion changed"
    );
    assert_eq!(Bounce::parse(raw).kind(), Kind::NotABounce);
}
