//! The delivery-status parser (`smtp_codes::dsn`, RFC 3464) on edge cases written by hand:
//! folded diagnostic codes, several recipients, missing fields, LF-only input, unknown fields,
//! bad input (errors that say where), best-effort reading, long input.

use smtp_codes::dsn::{Action, DeliveryStatus, ParseDeliveryStatusError, TypedValue};
use smtp_codes::EnhancedCode;

fn code(text: &str) -> EnhancedCode {
    text.parse().unwrap()
}

fn lines<'a>(iter: impl Iterator<Item = &'a [u8]>) -> Vec<String> {
    iter.map(|line| String::from_utf8_lossy(line).into_owned())
        .collect()
}

const FOLDED: &[u8] = b"Reporting-MTA: dns; mx.example.net\r\n\
\r\n\
Final-Recipient: rfc822; bob@example.com\r\n\
Action: failed\r\n\
Status: 5.1.1\r\n\
Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does\r\n\
\x20   550-5.1.1 not exist. Please try double-checking the recipient's email\r\n\
\x20   550 5.1.1 address for typos. x1si123 - gsmtp\r\n";

#[test]
fn folded_multi_line_diagnostic_code() {
    let report = DeliveryStatus::parse(FOLDED).unwrap();
    let recipient = report.recipients().next().unwrap();
    let diagnostic = recipient.diagnostic_code().unwrap();
    assert_eq!(diagnostic.reply_code(), Some(550));
    assert_eq!(diagnostic.enhanced(), Some(code("5.1.1")));
    assert_eq!(
        lines(diagnostic.text_lines()),
        [
            "The email account that you tried to reach does",
            "not exist. Please try double-checking the recipient's email",
            "address for typos. x1si123 - gsmtp"
        ]
    );
    // The value keeps its folds; its lines are the physical lines.
    let field = recipient.field("diagnostic-code").unwrap();
    assert_eq!(field.value_lines().count(), 3);
    assert!(field.value().windows(2).any(|pair| pair == b"\r\n"));
}

#[test]
fn lf_only_input_reads_like_crlf() {
    let lf: Vec<u8> = FOLDED.iter().copied().filter(|&b| b != b'\r').collect();
    let crlf = DeliveryStatus::parse(FOLDED).unwrap();
    let lf = DeliveryStatus::parse(&lf).unwrap();
    let fields = |report: &DeliveryStatus<'_>| -> Vec<(String, Vec<String>)> {
        report
            .recipients()
            .flat_map(|recipient| recipient.fields())
            .chain(report.per_message().fields())
            .map(|field| {
                (
                    String::from_utf8_lossy(field.name()).into_owned(),
                    lines(field.value_lines()),
                )
            })
            .collect()
    };
    assert_eq!(fields(&crlf), fields(&lf));
    assert_eq!(fields(&lf).len(), 5);
}

#[test]
fn several_recipients_with_and_without_blank_lines() {
    let input = b"Reporting-MTA: dns; mx.example.net\n\
Final-Recipient: rfc822; a@example.com\n\
Action: failed\n\
Status: 5.1.1\n\
\n\n\
Final-Recipient: rfc822; b@example.com\n\
Action: delayed\n\
Status: 4.4.1\n\
Final-Recipient: rfc822; c@example.com\n\
Action: delivered\n\
Status: 2.0.0\n\
\n\
Original-Recipient: rfc822; D@example.com\n\
Final-Recipient: rfc822; d@example.com\n\
Action: relayed\n";
    let report = DeliveryStatus::parse(input).unwrap();
    // No blank line after the per-message fields: they end at the first recipient field.
    assert_eq!(report.per_message().fields().count(), 1);
    let found: Vec<(Vec<u8>, Option<Action>, Option<EnhancedCode>)> = report
        .recipients()
        .map(|recipient| {
            (
                recipient.address().unwrap().to_vec(),
                recipient.action(),
                recipient.status(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                b"a@example.com".to_vec(),
                Some(Action::Failed),
                Some(code("5.1.1"))
            ),
            (
                b"b@example.com".to_vec(),
                Some(Action::Delayed),
                Some(code("4.4.1"))
            ),
            (
                b"c@example.com".to_vec(),
                Some(Action::Delivered),
                Some(code("2.0.0"))
            ),
            (b"d@example.com".to_vec(), Some(Action::Relayed), None),
        ]
    );
}

#[test]
fn missing_status_and_unknown_action() {
    let report =
        DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\nAction: bounced\nStatus: five\n")
            .unwrap();
    let recipient = report.recipients().next().unwrap();
    assert_eq!(recipient.action(), None);
    assert_eq!(recipient.field("action").unwrap().value(), b"bounced");
    assert_eq!(recipient.status(), None);
    let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\n").unwrap();
    assert_eq!(report.recipients().next().unwrap().status(), None);
}

#[test]
fn names_are_case_insensitive_and_unknown_fields_are_reachable() {
    let report = DeliveryStatus::parse(
        b"reporting-mta: dns; a\nX-Custom-Per-Message: 1\n\n\
          FINAL-RECIPIENT : rfc822; a@b\nx-vendor-reason: quota\nX-Vendor-Reason: second\n",
    )
    .unwrap();
    assert!(report.per_message().reporting_mta().is_some());
    assert!(report.per_message().field("x-custom-per-message").is_some());
    let recipient = report.recipients().next().unwrap();
    assert_eq!(recipient.address(), Some(&b"a@b"[..]));
    assert_eq!(
        recipient.field("X-VENDOR-REASON").unwrap().value(),
        b"quota"
    );
    let repeated: Vec<&[u8]> = recipient
        .fields()
        .filter(|field| field.is("x-vendor-reason"))
        .map(|field| field.value())
        .collect();
    assert_eq!(repeated, [&b"quota"[..], b"second"]);
}

#[test]
fn typed_values() {
    let value = TypedValue::split(b"rfc822;  bob@example.com ");
    assert_eq!(
        (value.kind(), value.value()),
        (&b"rfc822"[..], &b"bob@example.com"[..])
    );
    let value = TypedValue::split(b"smtp; 550 a; b");
    assert_eq!(value.value(), b"550 a; b");
    let value = TypedValue::split(b"bob@example.com");
    assert_eq!(
        (value.kind(), value.value()),
        (&b""[..], &b"bob@example.com"[..])
    );
}

#[test]
fn bad_inputs_are_errors_that_say_where() {
    assert_eq!(
        DeliveryStatus::parse(b""),
        Err(ParseDeliveryStatusError::Empty)
    );
    assert_eq!(
        DeliveryStatus::parse(b"\r\n  \r\n\n"),
        Err(ParseDeliveryStatusError::Empty)
    );
    // A field without a colon where a block starts.
    assert_eq!(
        DeliveryStatus::parse(b"Reporting-MTA dns; a\n\nAction: failed\n"),
        Err(ParseDeliveryStatusError::MissingColon { offset: 0 })
    );
    // Binary garbage.
    assert_eq!(
        DeliveryStatus::parse(b"\x89PNG\r\n\x1a\n\x00\x00:\x0d"),
        Err(ParseDeliveryStatusError::MissingColon { offset: 0 })
    );
    assert_eq!(
        DeliveryStatus::parse(b"Action: failed\n\n\x00\x01\xff: x\n"),
        Err(ParseDeliveryStatusError::InvalidFieldName { offset: 16 })
    );
    assert_eq!(
        DeliveryStatus::parse(b"Action: failed\n\n  folded: x\n"),
        Err(ParseDeliveryStatusError::UnexpectedContinuation { offset: 16 })
    );
    // Only per-message fields, or a report cut inside them.
    assert_eq!(
        DeliveryStatus::parse(b"Reporting-MTA: dns; a\r\nArrival-Date: Thu, 1 Jan 20"),
        Err(ParseDeliveryStatusError::NoRecipients { offset: 50 })
    );
    for error in [
        ParseDeliveryStatusError::Empty,
        ParseDeliveryStatusError::MissingColon { offset: 3 },
        ParseDeliveryStatusError::InvalidFieldName { offset: 3 },
        ParseDeliveryStatusError::UnexpectedContinuation { offset: 3 },
        ParseDeliveryStatusError::NoRecipients { offset: 3 },
    ] {
        let message = error.to_string();
        assert!(!message.is_empty());
        // Every error but `Empty` says where: byte 3 here.
        assert_eq!(
            error.offset(),
            (error != ParseDeliveryStatusError::Empty).then_some(3)
        );
        if error.offset().is_some() {
            assert!(message.starts_with("byte 3: "), "{message}");
        }
    }
}

#[test]
fn best_effort_on_truncated_recipients_and_stray_lines() {
    // Cut inside the last value: the value ends where the input ends.
    let report = DeliveryStatus::parse(
        b"Reporting-MTA: dns; a\n\nFinal-Recipient: rfc822; a@b\nDiagnostic-Code: smtp; 550 5.1",
    )
    .unwrap();
    let diagnostic = report
        .recipients()
        .next()
        .unwrap()
        .diagnostic_code()
        .unwrap();
    assert_eq!(diagnostic.value(), b"550 5.1");
    assert_eq!(diagnostic.reply_code(), Some(550));
    assert_eq!(diagnostic.enhanced(), None);
    // Cut inside a name after a field: kept as a continuation of that field.
    let report =
        DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\nAction: failed\nSta").unwrap();
    let recipient = report.recipients().next().unwrap();
    assert_eq!(recipient.field("action").unwrap().value(), b"failed\nSta");
    assert_eq!(recipient.action(), Some(Action::Failed));
}

#[test]
fn long_inputs_are_read_in_one_pass() {
    // A value folded over 200 000 lines and 200 000 recipients: quadratic work would not end.
    let mut folded = b"Final-Recipient: rfc822; a@b\nDiagnostic-Code: smtp; 550 x\n".to_vec();
    for _ in 0..200_000 {
        folded.extend_from_slice(b"  more\n");
    }
    let report = DeliveryStatus::parse(&folded).unwrap();
    let diagnostic = report
        .recipients()
        .next()
        .unwrap()
        .diagnostic_code()
        .unwrap();
    assert_eq!(diagnostic.text_lines().count(), 200_001);

    let many = b"Final-Recipient: rfc822; a@b\nAction: failed\n".repeat(200_000);
    let report = DeliveryStatus::parse(&many).unwrap();
    assert_eq!(report.recipients().count(), 200_000);
}

#[test]
fn typed_value_type_beside_a_comment() {
    // RFC 3464 §2.1.2: `address-type = atom`, and an RFC 5322 §3.2.3 atom is
    // `[CFWS] 1*atext [CFWS]`: comments may stand on either side of the type, and a `;` inside a
    // comment does not end the type.
    let value = TypedValue::split(b"rfc822 (as rewritten); bob@example.com");
    assert_eq!(
        (value.kind(), value.value()),
        (&b"rfc822"[..], &b"bob@example.com"[..])
    );
    assert!(value.is_kind("rfc822"));
    let value = TypedValue::split(b"(primary; then backup) dns ; mx.example.com");
    assert_eq!(
        (value.kind(), value.value()),
        (&b"dns"[..], &b"mx.example.com"[..])
    );
    let value = TypedValue::split(b"smtp (a \\) and (nested; one)); 550 5.1.1 No");
    assert_eq!(
        (value.kind(), value.value()),
        (&b"smtp"[..], &b"550 5.1.1 No"[..])
    );
    let report = DeliveryStatus::parse(
        b"Final-Recipient: rfc822 (x; y); bob@example.com\r\n\
          Action: failed\r\n\
          Diagnostic-Code: smtp (from mx; port 25); 550 5.1.1 No such user\r\n",
    )
    .unwrap();
    let recipient = report.recipients().next().unwrap();
    assert_eq!(recipient.address(), Some(&b"bob@example.com"[..]));
    let diagnostic = recipient.diagnostic_code().unwrap();
    assert!(diagnostic.is_smtp());
    assert_eq!(diagnostic.reply_code(), Some(550));
    assert_eq!(diagnostic.enhanced(), Some(code("5.1.1")));
}

#[test]
fn typed_value_whose_text_before_a_semicolon_is_not_a_type() {
    // A type is one atom (RFC 3464 §2.1.2, §2.3.6 `diagnostic-type = atom`): text of several
    // words before the first `;` is an untyped value, like one without any `;`.
    let value = TypedValue::split(b"550 5.1.1 user unknown; mailbox disabled");
    assert_eq!(
        (value.kind(), value.value()),
        (&b""[..], &b"550 5.1.1 user unknown; mailbox disabled"[..])
    );
    let report = DeliveryStatus::parse(
        b"Final-Recipient: rfc822; bob@example.com\n\
          Action: failed\n\
          Diagnostic-Code: 550 5.1.1 user unknown; mailbox disabled\n",
    )
    .unwrap();
    let diagnostic = report
        .recipients()
        .next()
        .unwrap()
        .diagnostic_code()
        .unwrap();
    assert_eq!(diagnostic.kind(), b"");
    assert_eq!(diagnostic.reply_code(), Some(550));
    assert_eq!(diagnostic.enhanced(), Some(code("5.1.1")));
    // An empty type before the `;` stays an empty type.
    let value = TypedValue::split(b" ; bob@example.com");
    assert_eq!(
        (value.kind(), value.value()),
        (&b""[..], &b"bob@example.com"[..])
    );
}

#[test]
fn text_lines_drop_an_enhanced_code_folded_onto_the_next_line() {
    // RFC 3464 §2.3.6: the diagnostic is the SMTP reply, `550 5.1.1 User unknown` (RFC 5321
    // §4.2, RFC 2034 §4), here folded right after the reply code. Its text is `User unknown`,
    // whether read whole or line by line.
    let report = DeliveryStatus::parse(
        b"Final-Recipient: rfc822; bob@example.com\r\n\
          Action: failed\r\n\
          Diagnostic-Code: smtp; 550\r\n\
          \x20   5.1.1 User unknown\r\n",
    )
    .unwrap();
    let diagnostic = report
        .recipients()
        .next()
        .unwrap()
        .diagnostic_code()
        .unwrap();
    assert_eq!(diagnostic.reply_code(), Some(550));
    assert_eq!(diagnostic.enhanced(), Some(code("5.1.1")));
    assert_eq!(diagnostic.text(), b"User unknown");
    assert_eq!(lines(diagnostic.text_lines()), ["User unknown"]);
    let mut buf = [0; 64];
    assert_eq!(diagnostic.unfold_into(&mut buf), b"User unknown");
    // Only the codes that begin the reply go: a later line keeps its text.
    let report = DeliveryStatus::parse(
        b"Final-Recipient: rfc822; bob@example.com\n\
          Diagnostic-Code: smtp; 550\n 5.1.1 User unknown\n see 5.1.1 above\n",
    )
    .unwrap();
    let diagnostic = report
        .recipients()
        .next()
        .unwrap()
        .diagnostic_code()
        .unwrap();
    assert_eq!(
        lines(diagnostic.text_lines()),
        ["User unknown", "see 5.1.1 above"]
    );
}
