//! The delivery-status parser (`smtp_codes::dsn`, RFC 3464) on edge cases written by hand, as
//! tables of cases: typed values, errors, the diagnostic code of a one-recipient report; then the
//! cases that need more than a row: several recipients, LF-only input, unknown fields,
//! best-effort reading, long input.

use smtp_codes::dsn::{
    Action, DeliveryStatus, DiagnosticCode, ParseDeliveryStatusError, TypedValue,
};
use smtp_codes::EnhancedCode;

fn code(text: &str) -> EnhancedCode {
    text.parse().unwrap()
}

fn lines<'a>(iter: impl Iterator<Item = &'a [u8]>) -> Vec<String> {
    iter.map(|line| String::from_utf8_lossy(line).into_owned())
        .collect()
}

/// The diagnostic code of the first recipient of `input`, a report that must parse.
fn first_diagnostic(input: &[u8]) -> DiagnosticCode<'_> {
    let report = DeliveryStatus::parse(input)
        .unwrap_or_else(|error| panic!("{}: {error}", String::from_utf8_lossy(input)));
    let recipient = report.recipients().next().expect("a recipient");
    recipient.diagnostic_code().expect("a Diagnostic-Code")
}

/// `TypedValue::split`: a value, and the type and value it splits into.
const TYPED_VALUES: &[(&[u8], &[u8], &[u8])] = &[
    (b"rfc822;  bob@example.com ", b"rfc822", b"bob@example.com"),
    (b"smtp; 550 a; b", b"smtp", b"550 a; b"),
    (b"bob@example.com", b"", b"bob@example.com"),
    // RFC 3464 §2.1.2: `address-type = atom`, and an RFC 5322 §3.2.3 atom is
    // `[CFWS] 1*atext [CFWS]`: comments may stand on either side of the type, and a `;` inside a
    // comment does not end the type.
    (
        b"rfc822 (as rewritten); bob@example.com",
        b"rfc822",
        b"bob@example.com",
    ),
    (
        b"(primary; then backup) dns ; mx.example.com",
        b"dns",
        b"mx.example.com",
    ),
    (
        b"smtp (a \\) and (nested; one)); 550 5.1.1 No",
        b"smtp",
        b"550 5.1.1 No",
    ),
    // A type is one atom (RFC 3464 §2.1.2, §2.3.6 `diagnostic-type = atom`): text of several
    // words before the first `;` is an untyped value, like one without any `;`.
    (
        b"550 5.1.1 user unknown; mailbox disabled",
        b"",
        b"550 5.1.1 user unknown; mailbox disabled",
    ),
    // An empty type before the `;` stays an empty type.
    (b" ; bob@example.com", b"", b"bob@example.com"),
];

#[test]
fn typed_values() {
    for &(input, kind, value) in TYPED_VALUES {
        let split = TypedValue::split(input);
        let shown = String::from_utf8_lossy(input);
        assert_eq!((split.kind(), split.value()), (kind, value), "{shown}");
        if !kind.is_empty() {
            assert!(split.is_kind(&String::from_utf8_lossy(kind)), "{shown}");
        }
    }
}

/// Input that is not a report, and the error it gives.
const ERRORS: &[(&[u8], ParseDeliveryStatusError)] = &[
    (b"", ParseDeliveryStatusError::Empty),
    (b"\r\n  \r\n\n", ParseDeliveryStatusError::Empty),
    // A field without a colon where a block starts.
    (
        b"Reporting-MTA dns; a\n\nAction: failed\n",
        ParseDeliveryStatusError::MissingColon { offset: 0 },
    ),
    // Binary garbage.
    (
        b"\x89PNG\r\n\x1a\n\x00\x00:\x0d",
        ParseDeliveryStatusError::MissingColon { offset: 0 },
    ),
    (
        b"Action: failed\n\n\x00\x01\xff: x\n",
        ParseDeliveryStatusError::InvalidFieldName { offset: 16 },
    ),
    (
        b"Action: failed\n\n  folded: x\n",
        ParseDeliveryStatusError::UnexpectedContinuation { offset: 16 },
    ),
    // Only per-message fields, or a report cut inside them.
    (
        b"Reporting-MTA: dns; a\r\nArrival-Date: Thu, 1 Jan 20",
        ParseDeliveryStatusError::NoRecipients { offset: 50 },
    ),
];

#[test]
fn bad_inputs_are_errors_that_say_where() {
    for &(input, error) in ERRORS {
        let shown = String::from_utf8_lossy(input);
        assert_eq!(DeliveryStatus::parse(input), Err(error), "{shown}");
        // `parse_prefix` gives the same error, as its own when not even one recipient block is
        // read, else as the line its report stops at.
        match DeliveryStatus::parse_prefix(input) {
            Ok(prefix) => assert_eq!(prefix.stopped_by, Some(error), "{shown}"),
            Err(prefix_error) => assert_eq!(prefix_error, error, "{shown}"),
        }
    }
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

/// A one-recipient report, and what its `Diagnostic-Code` gives.
struct DiagnosticCase {
    report: &'static [u8],
    reply_code: Option<u16>,
    enhanced: Option<&'static str>,
    /// The diagnostic type (`smtp`), empty when untyped.
    kind: &'static [u8],
    text_lines: &'static [&'static str],
}

const DIAGNOSTICS: &[DiagnosticCase] = &[
    // Gmail's folded multi-line reply: the codes of every line go, the text stays.
    DiagnosticCase {
        report: FOLDED,
        reply_code: Some(550),
        enhanced: Some("5.1.1"),
        kind: b"smtp",
        text_lines: &[
            "The email account that you tried to reach does",
            "not exist. Please try double-checking the recipient's email",
            "address for typos. x1si123 - gsmtp",
        ],
    },
    // Comments beside the types of the address and of the diagnostic.
    DiagnosticCase {
        report: b"Final-Recipient: rfc822 (x; y); bob@example.com\r\n\
          Action: failed\r\n\
          Diagnostic-Code: smtp (from mx; port 25); 550 5.1.1 No such user\r\n",
        reply_code: Some(550),
        enhanced: Some("5.1.1"),
        kind: b"smtp",
        text_lines: &["No such user"],
    },
    // Several words before the `;`: untyped, the reply read whole.
    DiagnosticCase {
        report: b"Final-Recipient: rfc822; bob@example.com\n\
          Action: failed\n\
          Diagnostic-Code: 550 5.1.1 user unknown; mailbox disabled\n",
        reply_code: Some(550),
        enhanced: Some("5.1.1"),
        kind: b"",
        text_lines: &["user unknown; mailbox disabled"],
    },
    // RFC 3464 §2.3.6: the diagnostic is the SMTP reply, `550 5.1.1 User unknown` (RFC 5321
    // §4.2, RFC 2034 §4), here folded right after the reply code. Its text is `User unknown`,
    // whether read whole or line by line.
    DiagnosticCase {
        report: b"Final-Recipient: rfc822; bob@example.com\r\n\
          Action: failed\r\n\
          Diagnostic-Code: smtp; 550\r\n\
          \x20   5.1.1 User unknown\r\n",
        reply_code: Some(550),
        enhanced: Some("5.1.1"),
        kind: b"smtp",
        text_lines: &["User unknown"],
    },
    // Only the codes that begin the reply go: a later line keeps its text.
    DiagnosticCase {
        report: b"Final-Recipient: rfc822; bob@example.com\n\
          Diagnostic-Code: smtp; 550\n 5.1.1 User unknown\n see 5.1.1 above\n",
        reply_code: Some(550),
        enhanced: Some("5.1.1"),
        kind: b"smtp",
        text_lines: &["User unknown", "see 5.1.1 above"],
    },
    // Cut inside the last value: the value ends where the input ends; `5.1` is no enhanced code.
    DiagnosticCase {
        report:
            b"Reporting-MTA: dns; a\n\nFinal-Recipient: rfc822; a@b\nDiagnostic-Code: smtp; 550 5.1",
        reply_code: Some(550),
        enhanced: None,
        kind: b"smtp",
        text_lines: &["5.1"],
    },
];

#[test]
fn diagnostic_codes() {
    for case in DIAGNOSTICS {
        let shown = String::from_utf8_lossy(case.report);
        let diagnostic = first_diagnostic(case.report);
        assert_eq!(diagnostic.reply_code(), case.reply_code, "{shown}");
        assert_eq!(diagnostic.enhanced(), case.enhanced.map(code), "{shown}");
        assert_eq!(diagnostic.kind(), case.kind, "{shown}");
        assert_eq!(diagnostic.is_smtp(), case.kind == b"smtp", "{shown}");
        assert_eq!(lines(diagnostic.text_lines()), case.text_lines, "{shown}");
        // One line of text is the same read whole and unfolded.
        if let [line] = case.text_lines {
            assert_eq!(diagnostic.text(), line.as_bytes(), "{shown}");
            let mut buf = [0; 64];
            assert_eq!(diagnostic.unfold_into(&mut buf), line.as_bytes(), "{shown}");
        }
    }
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
fn a_folded_value_keeps_its_folds() {
    let report = DeliveryStatus::parse(FOLDED).unwrap();
    let recipient = report.recipients().next().unwrap();
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
    let found: Vec<(&[u8], Option<Action>, Option<EnhancedCode>)> = report
        .recipients()
        .map(|recipient| {
            (
                recipient.address().unwrap(),
                recipient.action(),
                recipient.status(),
            )
        })
        .collect();
    let expected: [(&[u8], Option<Action>, Option<EnhancedCode>); 4] = [
        (b"a@example.com", Some(Action::Failed), Some(code("5.1.1"))),
        (b"b@example.com", Some(Action::Delayed), Some(code("4.4.1"))),
        (
            b"c@example.com",
            Some(Action::Delivered),
            Some(code("2.0.0")),
        ),
        (b"d@example.com", Some(Action::Relayed), None),
    ];
    assert_eq!(found, expected);
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
fn best_effort_on_a_name_cut_after_a_field() {
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
    assert_eq!(first_diagnostic(&folded).text_lines().count(), 200_001);

    let many = b"Final-Recipient: rfc822; a@b\nAction: failed\n".repeat(200_000);
    let report = DeliveryStatus::parse(&many).unwrap();
    assert_eq!(report.recipients().count(), 200_000);
}

#[test]
fn the_address_is_read_beside_a_comment() {
    let report = DeliveryStatus::parse(DIAGNOSTICS[1].report).unwrap();
    let recipient = report.recipients().next().unwrap();
    assert_eq!(recipient.address(), Some(&b"bob@example.com"[..]));
}
