//! The delivery-status parser (`smtp_codes::dsn`, RFC 3464) on real reports (edge cases written
//! by hand are in `dsn_edge_cases.rs`).
//!
//! The real reports are emails of the bounce corpus (`tests/data/bounce-corpus/eml/`, BSD-2,
//! `LICENSE` beside it); every expected value below was read off those files by hand.

use mail_parser::{MessageParser, MimeHeaders};
use smtp_codes::dsn::{Action, DeliveryStatus, ParseDeliveryStatusError};
use smtp_codes::EnhancedCode;
use smtp_codes_tests::data_path;

/// The body of the first `message/delivery-status` part of `data/bounce-corpus/eml/NAME`.
fn report_part(name: &str) -> Vec<u8> {
    let path = data_path(&format!("data/bounce-corpus/eml/{name}"));
    let raw = std::fs::read(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let message = MessageParser::default()
        .parse(&raw)
        .unwrap_or_else(|| panic!("{name}: not an email"));
    let part = message
        .parts
        .iter()
        .find(|part| {
            part.content_type().is_some_and(|content_type| {
                content_type.ctype() == "message"
                    && content_type.subtype() == Some("delivery-status")
            })
        })
        .unwrap_or_else(|| panic!("{name}: no message/delivery-status part"));
    part.contents().to_vec()
}

fn code(text: &str) -> EnhancedCode {
    text.parse().unwrap()
}

fn lines<'a>(iter: impl Iterator<Item = &'a [u8]>) -> Vec<String> {
    iter.map(|line| String::from_utf8_lossy(line).into_owned())
        .collect()
}

#[test]
fn postfix_report_with_a_folded_diagnostic_and_postfix_fields() {
    // rhost-franceptt-08: Postfix; the MIME boundary after the report does not match the
    // header's, so the part runs on into the returned message.
    let body = report_part("rhost-franceptt-08.eml");
    let stray = body
        .windows(3)
        .position(|window| window == b"\n--")
        .expect("the stray boundary")
        + 1;
    assert_eq!(
        DeliveryStatus::parse(&body),
        Err(ParseDeliveryStatusError::MissingColon { offset: stray })
    );
    let prefix = DeliveryStatus::parse_prefix(&body).unwrap();
    assert_eq!(prefix.used, stray);
    assert_eq!(
        prefix.stopped_by,
        Some(ParseDeliveryStatusError::MissingColon { offset: stray })
    );
    let report = prefix.report;

    let per_message = report.per_message();
    let mta = per_message.reporting_mta().unwrap();
    assert!(mta.is_kind("dns"));
    assert_eq!(mta.value(), b"xxxx.xxxx.net");
    assert_eq!(
        per_message.field("X-Postfix-Queue-ID").unwrap().value(),
        b"6B093271F589"
    );
    assert_eq!(
        per_message
            .field("x-postfix-sender")
            .unwrap()
            .typed()
            .value(),
        b"xxxx@xxxx.fr"
    );
    assert_eq!(
        per_message.arrival_date(),
        Some(&b"Tue, 17 Dec 2019 11:32:37 +0100 (CET)"[..])
    );
    assert_eq!(per_message.fields().count(), 4);

    let recipients: Vec<_> = report.recipients().collect();
    assert_eq!(recipients.len(), 1);
    let recipient = recipients[0];
    assert_eq!(
        recipient.final_recipient().unwrap().value(),
        b"xxxx@wanadoo.fr"
    );
    assert_eq!(
        recipient.original_recipient().unwrap().value(),
        b"xxxx@wanadoo.fr"
    );
    assert_eq!(recipient.action(), Some(Action::Failed));
    assert_eq!(recipient.status(), Some(code("4.2.0")));
    assert_eq!(
        recipient.remote_mta().unwrap().value(),
        b"smtp-in.orange.fr"
    );
    let diagnostic = recipient.diagnostic_code().unwrap();
    assert!(diagnostic.is_smtp());
    assert_eq!(diagnostic.reply_code(), Some(421));
    assert_eq!(diagnostic.enhanced(), Some(code("4.2.0")));
    assert_eq!(
        lines(diagnostic.text_lines()),
        [
            "Service refuse. Veuillez essayer plus tard.",
            "Service refused, please try later. OFR005_505 [505]"
        ]
    );
    assert_eq!(recipient.fields().count(), 6);
}

#[test]
fn two_recipients_separated_by_two_blank_lines() {
    // lhost-outlook-04: Outlook.com, no space after the `;` of typed values.
    let body = report_part("lhost-outlook-04.eml");
    let report = DeliveryStatus::parse_prefix(&body).unwrap().report;
    assert_eq!(
        report.per_message().reporting_mta().unwrap().value(),
        b"BLU004-OMC3S20.o.example.com"
    );
    let found: Vec<_> = report
        .recipients()
        .map(|recipient| {
            let diagnostic = recipient.diagnostic_code().unwrap();
            (
                String::from_utf8_lossy(recipient.address().unwrap()).into_owned(),
                recipient.action(),
                recipient.status(),
                diagnostic.reply_code(),
                String::from_utf8_lossy(diagnostic.text()).into_owned(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "sabineko@example.co.jp".to_string(),
                Some(Action::Failed),
                Some(code("5.1.1")),
                Some(550),
                "<sabineko@example.co.jp>... User Unknown".to_string()
            ),
            (
                "mikeneko@example.co.jp".to_string(),
                Some(Action::Failed),
                Some(code("5.2.2")),
                Some(550),
                "<mikeneko@example.co.jp>... Mailbox Full".to_string()
            ),
        ]
    );
}

#[test]
fn unindented_continuation_lines_and_fields_out_of_order() {
    // rhost-messagelabs-01: the multi-line reply's later lines are not indented, and the
    // recipient's fields come in reverse order.
    let body = report_part("rhost-messagelabs-01.eml");
    let report = DeliveryStatus::parse(&body).unwrap();
    assert_eq!(report.per_message().fields().count(), 2);
    let recipients: Vec<_> = report.recipients().collect();
    assert_eq!(recipients.len(), 1);
    let recipient = recipients[0];
    assert_eq!(
        recipient.address(),
        Some(&b"kijitora@example.messagelabs.com"[..])
    );
    assert_eq!(recipient.action(), Some(Action::Failed));
    assert_eq!(recipient.status(), Some(code("5.0.0")));
    assert!(recipient.last_attempt_date().is_some());
    let diagnostic = recipient.diagnostic_code().unwrap();
    assert_eq!(diagnostic.reply_code(), Some(550));
    assert_eq!(diagnostic.enhanced(), None);
    assert_eq!(
        lines(diagnostic.text_lines()),
        [
            "Please turn on SMTP Authentication in your mail client.",
            "mail0.bemta0.messagelabs.com [198.51.100.21]:11111 is not permitted to",
            "relay through this server without authentication."
        ]
    );
    let names: Vec<String> = lines(recipient.fields().map(|field| field.name()));
    assert_eq!(
        names,
        [
            "Last-Attempt-Date",
            "Diagnostic-Code",
            "Status",
            "Action",
            "Final-Recipient"
        ]
    );
}

#[test]
fn a_report_without_per_message_fields_nor_status() {
    // lhost-mcafee-02: the report starts with the recipient; no Status; untyped values.
    let body = report_part("lhost-mcafee-02.eml");
    let report = DeliveryStatus::parse(&body).unwrap();
    assert_eq!(report.per_message().fields().count(), 0);
    let recipients: Vec<_> = report.recipients().collect();
    assert_eq!(recipients.len(), 1);
    let recipient = recipients[0];
    assert_eq!(recipient.final_recipient(), None);
    let original = recipient.original_recipient().unwrap();
    assert_eq!(original.kind(), b"");
    assert_eq!(original.value(), b"<kijitora@example.jp>");
    assert_eq!(recipient.action(), Some(Action::Failed));
    assert_eq!(recipient.status(), None);
    assert_eq!(recipient.remote_mta().unwrap().value(), b"192.0.2.248");
    let diagnostic = recipient.diagnostic_code().unwrap();
    assert_eq!(diagnostic.reply_code(), Some(550));
    assert_eq!(diagnostic.enhanced(), Some(code("5.1.1")));
}

#[test]
fn upper_case_types_and_a_report_followed_by_a_stray_boundary() {
    // rhost-google-01: Sendmail; `RFC822;`, `DNS;`, `SMTP;`.
    let body = report_part("rhost-google-01.eml");
    assert!(matches!(
        DeliveryStatus::parse(&body),
        Err(ParseDeliveryStatusError::MissingColon { .. })
    ));
    let report = DeliveryStatus::parse_prefix(&body).unwrap().report;
    assert!(report
        .per_message()
        .field("Received-From-MTA")
        .unwrap()
        .typed()
        .is_kind("dns"));
    let recipient = report.recipients().next().unwrap();
    assert!(recipient.final_recipient().unwrap().is_kind("rfc822"));
    assert_eq!(recipient.address(), Some(&b"shironeko@example.ne.jp"[..]));
    assert_eq!(recipient.status(), Some(code("5.2.1")));
    let diagnostic = recipient.diagnostic_code().unwrap();
    assert_eq!(diagnostic.kind(), b"SMTP");
    assert!(diagnostic.is_smtp());
    assert_eq!(diagnostic.reply_code(), Some(550));
    assert_eq!(
        diagnostic.text(),
        b"The email account that you tried to reach is disabled. g0000000000ggg.00"
    );
}

#[test]
fn x_postfix_and_x_unix_diagnostic_types() {
    // lhost-postfix-39: the reply is quoted inside Postfix's own words.
    let body = report_part("lhost-postfix-39.eml");
    let report = DeliveryStatus::parse_prefix(&body).unwrap().report;
    let recipient = report.recipients().next().unwrap();
    assert_eq!(recipient.status(), Some(code("5.0.0")));
    let diagnostic = recipient.diagnostic_code().unwrap();
    assert!(diagnostic.is_kind("x-postfix") && !diagnostic.is_smtp());
    assert_eq!(diagnostic.reply_code(), None);
    assert_eq!(
        lines(diagnostic.text_lines()),
        [
            "host mta.example.com[192.0.2.225] said: 554",
            "5.6.0 This message has been scored as spam with a probability of more than",
            "90% (in reply to end of DATA command)"
        ]
    );

    // lhost-postfix-43: a local delivery agent's temporary failure.
    let body = report_part("lhost-postfix-43.eml");
    let report = DeliveryStatus::parse_prefix(&body).unwrap().report;
    let recipient = report.recipients().next().unwrap();
    assert_eq!(recipient.status(), Some(code("4.3.0")));
    let diagnostic = recipient.diagnostic_code().unwrap();
    assert_eq!(diagnostic.kind(), b"x-unix");
    assert_eq!(diagnostic.value(), b"temporary failure");
    assert_eq!(diagnostic.reply_code(), None);
}

#[test]
fn every_prefix_of_a_real_report_parses_or_fails_cleanly() {
    // The `Final-Recipient` addresses each file's delivery-status part gives, in order.
    for (name, addresses) in [
        ("rhost-franceptt-08.eml", &["xxxx@wanadoo.fr"][..]),
        (
            "rhost-messagelabs-01.eml",
            &["kijitora@example.messagelabs.com"],
        ),
        (
            "lhost-outlook-04.eml",
            &["sabineko@example.co.jp", "mikeneko@example.co.jp"],
        ),
    ] {
        let body = report_part(name);
        let whole = DeliveryStatus::parse_prefix(&body).unwrap().report;
        let found: Vec<&[u8]> = whole.recipients().filter_map(|r| r.address()).collect();
        let want: Vec<&[u8]> = addresses.iter().map(|a| a.as_bytes()).collect();
        assert_eq!(found, want, "{name}");
        for end in 0..=body.len() {
            let input = &body[..end];
            if let Ok(prefix) = DeliveryStatus::parse_prefix(input) {
                let report = prefix.report;
                assert!(prefix.used <= input.len());
                assert!(
                    report.recipients().count() <= addresses.len(),
                    "{name}: {end}"
                );
                for recipient in report.recipients() {
                    let _ = (recipient.action(), recipient.status(), recipient.address());
                    if let Some(diagnostic) = recipient.diagnostic_code() {
                        let _ = (diagnostic.reply_code(), diagnostic.enhanced());
                        assert!(diagnostic.text_lines().count() <= diagnostic.value().len());
                    }
                }
            }
        }
    }
}
