//! `explain` on what people paste: real replies (`tests/data/replies.txt`), log lines, reports
//! and bounce emails (`tests/data/bounce-corpus`). Every expected value is read off the input by
//! hand or taken from the RFC or table the test names.

use std::path::{Path, PathBuf};

use smtp_codes::Command;
use smtp_codes_web::json::ToJson;
use smtp_codes_web::{explain, Explanation, Input, VerdictKind};

/// A file of the `tests` package's data.
fn data(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data")
        .join(relative)
}

/// The reply of `replies.txt`'s case `name`, its lines as the file gives them (LF-separated, as
/// a textarea holds them).
fn reply(name: &str) -> String {
    let text = std::fs::read_to_string(data("replies.txt")).expect("replies.txt");
    let block = text
        .split("\n=== ")
        .find(|block| block.starts_with(&format!("{name}\n")))
        .unwrap_or_else(|| panic!("no case {name} in replies.txt"));
    let (_, body) = block.split_once("\n---\n").expect("a body");
    body.trim_end().to_owned()
}

/// A corpus email.
fn email(file: &str) -> Vec<u8> {
    std::fs::read(data("bounce-corpus/eml").join(file)).expect("corpus email")
}

/// One of our bounce samples.
fn sample(file: &str) -> Vec<u8> {
    std::fs::read(data("bounce-samples").join(file)).expect("bounce sample")
}

/// What a test expects of an explanation's first item.
struct Expected {
    input: Input,
    items: usize,
    verdict: VerdictKind,
    code: Option<u16>,
    enhanced: Option<&'static str>,
    reason: Option<&'static str>,
}

fn check(what: &str, explanation: &Explanation, expected: &Expected) {
    assert_eq!(
        explanation.input, expected.input,
        "{what}: {explanation:#?}"
    );
    assert_eq!(
        explanation.items.len(),
        expected.items,
        "{what}: {explanation:#?}"
    );
    assert_eq!(explanation.error, None, "{what}");
    let item = &explanation.items[0];
    assert_eq!(
        item.verdict.kind, expected.verdict,
        "{what}: {:#?}",
        item.verdict
    );
    assert_eq!(
        item.code.as_ref().map(|code| code.code),
        expected.code,
        "{what}"
    );
    assert_eq!(
        item.enhanced
            .as_ref()
            .map(|enhanced| enhanced.code.as_str()),
        expected.enhanced,
        "{what}"
    );
    assert_eq!(
        item.diagnosis
            .as_ref()
            .map(|diagnosis| diagnosis.reason.as_str()),
        expected.reason,
        "{what}"
    );
    // The JSON the page reads is valid and says the same.
    let json: serde_json::Value = serde_json::from_str(&explanation.to_json()).expect("JSON");
    assert_eq!(json["input"], expected.input.name(), "{what}");
    assert_eq!(
        json["items"][0]["verdict"]["kind"],
        expected.verdict.name(),
        "{what}"
    );
}

#[test]
fn what_is_pasted_is_recognized_and_explained() {
    use Input::*;
    use VerdictKind::*;
    let amazonses_14 = "554 5.7.1 <a8-95.smtp-out.amazonses.com[203.0.113.22]>: Client host rejected: blocked using mail.neko.example.org; Please see http://mail.neko.example.org/rbl/?ip=203.0.113.22 to send.";
    // (what, text, command, expected). The reasons: X.1.1 decides UserUnknown (statuses.csv);
    // Postfix's "blocked using" is its block-list wording (Blocked).
    let cases: Vec<(&str, String, Option<Command>, Expected)> = vec![
        (
            "Gmail's unknown account, 3 lines",
            reply("gmail-nosuchuser"),
            None,
            Expected { input: Reply, items: 1, verdict: RemoveAddress, code: Some(550), enhanced: Some("5.1.1"), reason: Some("UserUnknown") },
        ),
        (
            "Outlook's 421: retry",
            reply("outlook-service-not-available"),
            None,
            // statuses.csv: X.3.2 NotAccept, status-first; transient, so the address is kept.
            Expected { input: Reply, items: 1, verdict: RetryLater, code: Some(421), enhanced: Some("4.3.2"), reason: Some("NotAccept") },
        ),
        (
            "a block-list 554: the address is fine",
            amazonses_14.to_owned(),
            Some(Command::Rcpt),
            Expected { input: Reply, items: 1, verdict: KeepAddress, code: Some(554), enhanced: Some("5.7.1"), reason: Some("Blocked") },
        ),
        (
            "Gmail's EHLO reply",
            reply("gmail-ehlo-mx"),
            None,
            Expected { input: Reply, items: 1, verdict: Success, code: Some(250), enhanced: None, reason: None },
        ),
        (
            "a Postfix log line",
            "Dec  4 15:08:01 mx postfix/smtp[4242]: 4ABC123: to=<bob@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=0.5, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.1] said: 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command))".to_owned(),
            None,
            Expected { input: LogLine, items: 1, verdict: RemoveAddress, code: Some(550), enhanced: Some("5.1.1"), reason: Some("UserUnknown") },
        ),
        (
            "a Diagnostic-Code line",
            "Diagnostic-Code: smtp; 552 5.2.2 <bob@example.com>: Mailbox full".to_owned(),
            None,
            Expected { input: DeliveryStatus, items: 1, verdict: KeepAddress, code: Some(552), enhanced: Some("5.2.2"), reason: Some("MailboxFull") },
        ),
        (
            "a bare code: 550 alone does not say why",
            "550".to_owned(),
            None,
            Expected { input: Code, items: 1, verdict: Unclear, code: Some(550), enhanced: None, reason: Some("Undefined") },
        ),
        (
            "a bare 421",
            " 421\n".to_owned(),
            None,
            Expected { input: Code, items: 1, verdict: RetryLater, code: Some(421), enhanced: None, reason: Some("Undefined") },
        ),
        (
            "552 after RCPT: too many recipients, retry (RFC 5321 §4.5.3.1.10)",
            "552".to_owned(),
            Some(Command::Rcpt),
            Expected { input: Code, items: 1, verdict: RetryLater, code: Some(552), enhanced: None, reason: Some("Undefined") },
        ),
        (
            "an enhanced code alone: X.1.1 decides",
            "5.1.1".to_owned(),
            None,
            Expected { input: EnhancedCode, items: 1, verdict: RemoveAddress, code: None, enhanced: Some("5.1.1"), reason: Some("UserUnknown") },
        ),
        (
            "a transient enhanced code alone",
            "4.2.2".to_owned(),
            None,
            Expected { input: EnhancedCode, items: 1, verdict: RetryLater, code: None, enhanced: Some("4.2.2"), reason: Some("MailboxFull") },
        ),
        (
            "indented lines and a blank line between two replies",
            "  250 2.1.0 Sender OK\n\n  550 5.1.1 No such user here\n".to_owned(),
            None,
            Expected { input: Reply, items: 2, verdict: Success, code: Some(250), enhanced: Some("2.1.0"), reason: None },
        ),
    ];
    for (what, text, command, expected) in &cases {
        check(what, &explain(text.as_bytes(), *command), expected);
    }
}

#[test]
fn every_line_of_a_multi_line_reply_is_shown() {
    let explanation = explain(reply("gmail-nosuchuser").as_bytes(), None);
    let lines = &explanation.items[0].lines;
    assert_eq!(lines.len(), 3);
    assert_eq!(
        lines[0],
        "550-5.1.1 The email account that you tried to reach does not exist. Please try"
    );
    assert_eq!(
        lines[2],
        "550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser"
    );
    let enhanced = explanation.items[0].enhanced.as_ref().unwrap();
    // enhanced-codes.csv, from the IANA registry: X.1.1 "Bad destination mailbox address".
    assert_eq!(enhanced.title, Some("Bad destination mailbox address"));
    assert_eq!(enhanced.subject, Some("Addressing Status"));
    let code = explanation.items[0].code.as_ref().unwrap();
    assert!(code.known && !code.retryable);
    assert_eq!(code.class_digit, 5);
    assert_eq!(code.category, Some("Mail system"));
    assert_eq!(code.reference, "RFC 5321 §4.2.2");
    let diagnosis = explanation.items[0].diagnosis.as_ref().unwrap();
    assert!(diagnosis.hard);
    assert!(diagnosis.rule.contains("X.1.1"), "{}", diagnosis.rule);
    assert!(
        diagnosis.summary.starts_with("UserUnknown (hard)"),
        "{}",
        diagnosis.summary
    );
}

#[test]
fn an_ehlo_reply_lists_its_capabilities_with_the_registry_descriptions() {
    let explanation = explain(reply("gmail-ehlo-mx").as_bytes(), None);
    let ehlo = explanation.items[0].ehlo.as_ref().expect("read as EHLO");
    assert_eq!(ehlo.domain, "mx.google.com");
    assert_eq!(ehlo.capabilities.len(), 7);
    let pipelining = ehlo
        .capabilities
        .iter()
        .find(|capability| capability.keyword == "PIPELINING")
        .unwrap();
    // extensions.csv, from the IANA registry: PIPELINING "Command Pipelining", RFC 2920.
    assert_eq!(pipelining.description, Some("Command Pipelining"));
    assert_eq!(pipelining.reference, Some("RFC 2920"));
    let size = &ehlo.capabilities[0];
    assert_eq!(size.keyword, "SIZE");
    assert_eq!(
        size.note.as_deref(),
        Some("messages of at most 35882577 octets")
    );
    // A one-line 250 is not read as EHLO unless the command says so.
    assert!(explain(b"250 mx.example.com", None).items[0].ehlo.is_none());
    assert!(explain(b"250 mx.example.com", Some(Command::Ehlo)).items[0]
        .ehlo
        .is_some());
}

#[test]
fn an_unknown_code_is_explained_by_its_class() {
    let explanation = explain(b"571 Delivery not authorized, message refused", None);
    let code = explanation.items[0].code.as_ref().unwrap();
    assert!(!code.known);
    assert_eq!(
        (code.class_digit, code.class_plain),
        (5, "permanent failure")
    );
    assert_eq!(code.category, None); // second digit 7: no category in RFC 5321 §4.2.1
    assert!(code.meaning.contains("first digit, 5"), "{}", code.meaning);
    let advice = explanation.items[0].advice.as_ref().unwrap();
    assert_eq!(advice.decision, "FailPermanently");
    assert!(advice.rule.contains("RFC 5321 §4.2.1"), "{}", advice.rule);
}

#[test]
fn advice_names_its_rule() {
    // (text, command, decision, closing, words of the rule): RFC 5321 §3.8 / §4.5.3.1.10,
    // RFC 7504 §3.
    let cases: &[(&str, Option<Command>, &str, bool, &str)] = &[
        (
            "421 4.7.0 Try again later",
            None,
            "RetryLater",
            true,
            "RFC 5321 §3.8",
        ),
        (
            "552 5.5.3 Too many recipients",
            Some(Command::Rcpt),
            "RetryLater",
            false,
            "§4.5.3.1.10",
        ),
        (
            "552 5.3.4 Message too big",
            Some(Command::EndOfData),
            "FailPermanently",
            false,
            "first digit, 5",
        ),
        (
            "521 5.3.2 No mail here",
            None,
            "FailPermanently",
            true,
            "RFC 7504",
        ),
        (
            "554 No SMTP service here",
            Some(Command::Greeting),
            "FailPermanently",
            true,
            "greeting",
        ),
    ];
    for &(text, command, decision, closing, rule) in cases {
        let explanation = explain(text.as_bytes(), command);
        let advice = explanation.items[0].advice.as_ref().unwrap();
        assert_eq!(
            (advice.decision, advice.closing),
            (decision, closing),
            "{text}"
        );
        assert!(advice.rule.contains(rule), "{text}: {}", advice.rule);
    }
}

#[test]
fn a_log_line_gives_the_command_it_names_unless_one_is_chosen() {
    let line = b"host mx.example.com[192.0.2.1] said: 552 5.5.3 Too many recipients (in reply to RCPT TO command)";
    let named = explain(line, None);
    let command = named.items[0].command.as_ref().unwrap();
    assert_eq!((command.name, command.source), ("RCPT", "text"));
    assert_eq!(named.items[0].verdict.kind, VerdictKind::RetryLater);
    // The lines the reply was taken from: without Postfix's "(in reply to ...)".
    assert_eq!(named.items[0].lines, ["552 5.5.3 Too many recipients"]);
    let chosen = explain(line, Some(Command::EndOfData));
    let command = chosen.items[0].command.as_ref().unwrap();
    assert_eq!((command.name, command.source), ("end-of-data", "given"));
    // Not RCPT: 552 is a permanent failure by its first digit (RFC 5321 §4.2.1).
    assert_eq!(
        chosen.items[0].advice.as_ref().unwrap().decision,
        "FailPermanently"
    );
}

#[test]
fn a_folded_bounce_paragraph_is_one_log_line() {
    // The text part of lhost-postfix-33.eml: Postfix folds the reply it quotes.
    let paragraph = "<userunknown@libsisimai.org>: host mx.libsisimai.org[203.0.113.153] said: 550\n    5.1.1 <userunknown@libsisimai.org>... User Unknown (in reply to RCPT TO\n    command)\n";
    let explanation = explain(paragraph.as_bytes(), None);
    assert_eq!(explanation.input, Input::LogLine);
    let item = &explanation.items[0];
    assert_eq!(
        item.lines,
        ["550 5.1.1 <userunknown@libsisimai.org>... User Unknown"]
    );
    assert_eq!(item.command.as_ref().unwrap().name, "RCPT");
    assert_eq!(item.verdict.kind, VerdictKind::RemoveAddress);
}

#[test]
fn a_bounce_email_is_read_from_its_delivery_status_part() {
    let explanation = explain(&email("lhost-postfix-33.eml"), None);
    assert_eq!(explanation.input, Input::Email);
    assert_eq!(explanation.error, None);
    let facts = explanation.email.as_ref().unwrap();
    assert_eq!(
        (facts.kind, facts.format),
        ("failure", Some("delivery-status"))
    );
    assert_eq!(facts.verdict.kind, VerdictKind::RemoveAddress);
    assert_eq!(explanation.items.len(), 1);
    let item = &explanation.items[0];
    let recipient = item.recipient.as_ref().unwrap();
    assert_eq!(
        recipient.address.as_deref(),
        Some("userunknown@libsisimai.org")
    );
    assert_eq!(recipient.action, Some("failed"));
    assert!(recipient.action_stated);
    assert_eq!(recipient.source, Some("report"));
    assert_eq!(recipient.status.as_deref(), Some("5.1.1"));
    assert_eq!(recipient.remote_mta.as_deref(), Some("mx.libsisimai.org"));
    assert_eq!(
        recipient.reporting_mta.as_deref(),
        Some("p6.libsisimai.org")
    );
    assert_eq!(
        item.lines,
        ["550 5.1.1 <userunknown@libsisimai.org>... User Unknown"]
    );
    // The text part names the command; the report has one recipient, so it is this one's.
    let command = item.command.as_ref().unwrap();
    assert_eq!((command.name, command.source), ("RCPT", "text"));
    assert_eq!(item.verdict.kind, VerdictKind::RemoveAddress);
    assert_eq!(item.code.as_ref().unwrap().code, 550);
}

#[test]
fn a_text_bounce_gives_each_failed_recipient() {
    // lhost-qmail-02.eml has no delivery-status part. qmail writes, per recipient, "<address>:",
    // "192.0.2.153 does not like recipient." and "Remote host said: 550 5.1.1 ...".
    let explanation = explain(&email("lhost-qmail-02.eml"), None);
    assert_eq!(explanation.input, Input::Email);
    let facts = explanation.email.as_ref().unwrap();
    assert_eq!((facts.kind, facts.format), ("failure", Some("qmail")));
    assert!(
        explanation
            .notes
            .iter()
            .any(|note| note.contains("no delivery-status part")),
        "{:?}",
        explanation.notes
    );
    let recipients: Vec<_> = explanation
        .items
        .iter()
        .map(|item| {
            let recipient = item.recipient.as_ref().unwrap();
            (
                recipient.address.as_deref().unwrap(),
                recipient.action,
                recipient.action_stated,
                item.code.as_ref().map(|code| code.code),
                item.enhanced
                    .as_ref()
                    .map(|enhanced| enhanced.code.as_str()),
            )
        })
        .collect();
    assert_eq!(
        recipients,
        [
            (
                "userunknown@example.jp",
                Some("failed"),
                false,
                Some(550),
                Some("5.1.1")
            ),
            (
                "filtered@example.jp",
                Some("failed"),
                false,
                Some(550),
                Some("5.2.1")
            ),
        ]
    );
    // "does not like recipient": the paragraph names RCPT.
    for item in &explanation.items {
        let command = item.command.as_ref().unwrap();
        assert_eq!((command.name, command.source), ("RCPT", "text"));
    }
    // 5.1.1 and "User Unknown": remove the first address.
    assert_eq!(
        explanation.items[0].verdict.kind,
        VerdictKind::RemoveAddress
    );
    // Below "--- Below this line is a copy of the message.": its Subject and From.
    let original = facts.original.as_ref().unwrap();
    assert_eq!(original.subject.as_deref(), Some("TEST #4"));
    assert_eq!(original.from.as_deref(), Some("shironeko@example.jp"));
}

#[test]
fn a_delay_warning_says_nothing_is_to_be_done() {
    // Postfix's delay warning (bounce-samples/README.md): carol@down.test, `Action: delayed`,
    // `Status: 4.4.1`, the returned header's Message-ID <q3-report@sender.test>.
    let explanation = explain(&sample("postfix-delay-warning.eml"), None);
    assert_eq!(explanation.error, None);
    let facts = explanation.email.as_ref().unwrap();
    assert_eq!(facts.kind, "delay-warning");
    assert_eq!(facts.verdict.kind, VerdictKind::RetryLater);
    assert!(
        facts.verdict.headline.contains("do nothing"),
        "{:?}",
        facts.verdict
    );
    assert!(explanation.summary.starts_with("A delay warning"));
    let item = &explanation.items[0];
    let recipient = item.recipient.as_ref().unwrap();
    assert_eq!(recipient.address.as_deref(), Some("carol@down.test"));
    assert_eq!(recipient.action, Some("delayed"));
    assert_eq!(recipient.status.as_deref(), Some("4.4.1"));
    assert_eq!(item.verdict.kind, VerdictKind::RetryLater);
    assert_eq!(
        item.lines,
        ["connect to 127.0.0.1[127.0.0.1]:9: Connection refused"]
    );
    let original = facts.original.as_ref().unwrap();
    assert_eq!(
        original.message_id.as_deref(),
        Some("q3-report@sender.test")
    );
    assert_eq!(original.subject.as_deref(), Some("Quarterly report"));
    // The same warning without its report part, as text only.
    let explanation = explain(&sample("postfix-delay-warning-text-only.eml"), None);
    let facts = explanation.email.as_ref().unwrap();
    assert_eq!(facts.kind, "delay-warning");
    assert_eq!(facts.verdict.kind, VerdictKind::RetryLater);
    assert_eq!(
        explanation.items[0]
            .recipient
            .as_ref()
            .unwrap()
            .address
            .as_deref(),
        Some("carol@down.test")
    );
}

#[test]
fn what_is_not_a_bounce_says_what_it_is() {
    // (sample, kind, words of the headline): bounce-samples/README.md says what each is.
    let cases = [
        ("arf-complaint.eml", "feedback-report", "complaint"),
        (
            "vacation-sieve.eml",
            "auto-reply/vacation",
            "automatic reply",
        ),
        (
            "out-of-office-outlook.eml",
            "auto-reply/vacation",
            "automatic reply",
        ),
        (
            "tmda-confirm.eml",
            "auto-reply/challenge-response",
            "challenge",
        ),
    ];
    for (file, kind, words) in cases {
        let explanation = explain(&sample(file), None);
        assert_eq!(explanation.input, Input::Email, "{file}");
        assert_eq!(explanation.error, None, "{file}");
        let facts = explanation.email.as_ref().unwrap();
        assert_eq!(facts.kind, kind, "{file}");
        assert_eq!(facts.verdict.kind, VerdictKind::NotABounce, "{file}");
        assert!(
            facts.verdict.headline.starts_with("Not a bounce")
                && facts.verdict.headline.contains(words),
            "{file}: {:?}",
            facts.verdict
        );
        assert!(explanation.items.is_empty(), "{file}");
    }
    // RFC 5965 Appendix B.2: "Feedback-Type: abuse", "Source-IP: 192.0.2.1",
    // "Original-Rcpt-To: <user@example.com>".
    let explanation = explain(&sample("arf-complaint.eml"), None);
    let complaint = explanation.email.unwrap().complaint.unwrap();
    assert_eq!(complaint.feedback_type, "abuse");
    assert_eq!(complaint.source_ip.as_deref(), Some("192.0.2.1"));
    assert_eq!(complaint.recipient.as_deref(), Some("user@example.com"));
}

#[test]
fn a_forwarded_bounce_gives_the_replies_it_quotes() {
    // A person's forward of postfix-bounce.eml: not a bounce by its form, but its text quotes
    // the 554 5.7.1 that refused bob@reject.test at RCPT.
    let explanation = explain(&sample("forwarded-bounce.eml"), None);
    assert_eq!(explanation.email.as_ref().unwrap().kind, "not-a-bounce");
    assert_eq!(explanation.error, None);
    assert_eq!(explanation.items.len(), 1, "{explanation:#?}");
    assert!(explanation.items[0].lines[0].starts_with("554 5.7.1 <bob@reject.test>"));
}

#[test]
fn each_recipient_of_a_report_is_explained() {
    // lhost-postfix-13.eml has two recipients: an unknown user and a full mailbox.
    let explanation = explain(&email("lhost-postfix-13.eml"), None);
    let addresses: Vec<_> = explanation
        .items
        .iter()
        .map(|item| item.recipient.as_ref().unwrap().address.clone().unwrap())
        .collect();
    assert_eq!(addresses, ["kijitora@example.jp", "noraneko@example.jp"]);
    // The text part says of each address what the server said "in reply to RCPT TO command":
    // "User Unknown", then "Mailbox Full".
    let kinds: Vec<_> = explanation
        .items
        .iter()
        .map(|item| item.verdict.kind)
        .collect();
    assert_eq!(
        kinds,
        [VerdictKind::RemoveAddress, VerdictKind::KeepAddress]
    );
    assert!(explanation.items.iter().all(|item| item
        .command
        .as_ref()
        .map(|command| (command.name, command.source))
        == Some(("RCPT", "text"))));
}

#[test]
fn a_delayed_recipient_is_not_a_failure_yet() {
    let report = "Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; bob@example.com\nAction: delayed\nStatus: 4.4.1\nWill-Retry-Until: Fri, 2 Jan 2026 00:00:00 +0000\n";
    let explanation = explain(report.as_bytes(), None);
    assert_eq!(explanation.input, Input::DeliveryStatus);
    assert_eq!(explanation.items[0].verdict.kind, VerdictKind::RetryLater);
    assert!(explanation.items[0]
        .verdict
        .headline
        .contains("keeps trying"));
    let delivered = "Final-Recipient: rfc822; bob@example.com\nAction: delivered\nStatus: 2.0.0\n";
    let explanation = explain(delivered.as_bytes(), None);
    assert_eq!(explanation.items[0].verdict.kind, VerdictKind::Success);
    assert!(explanation.items[0].diagnosis.is_none());
}

#[test]
fn bad_input_gets_an_error_that_says_where_and_what() {
    let cases: &[(&str, &str)] = &[
        ("just some words", "No reply code found"),
        ("600", "600 is not an SMTP reply code"),
        // ParseReplyError::CodeMismatch at the second line.
        (
            "250-first\n251 second",
            "Line 2: line with code 251 in a reply that started with code 250",
        ),
        (
            "250 OK\nnot a reply",
            "Line 2: the line does not start with a three-digit reply code",
        ),
        ("Reporting-MTA: dns; mx\n", "no recipient fields"),
        (
            "Subject: hello\nFrom: a@b\n\nHi there.\n",
            "This email is not a bounce",
        ),
    ];
    for &(text, words) in cases {
        let explanation = explain(text.as_bytes(), None);
        let error = explanation
            .error
            .as_deref()
            .unwrap_or_else(|| panic!("{text:?}: no error"));
        assert!(error.contains(words), "{text:?}: {error}");
    }
    // What parsed before the error is still explained.
    assert_eq!(explain(b"250 OK\nnot a reply", None).items.len(), 1);
    assert_eq!(explain(b"   \n\t", None).input, Input::Empty);
}

#[test]
fn a_last_line_that_promises_more_is_read_as_the_last() {
    let explanation = explain(b"550-5.1.1 No such user", None);
    assert_eq!(explanation.error, None);
    assert_eq!(explanation.items.len(), 1);
    assert!(
        explanation.notes[0].contains("Line 1"),
        "{:?}",
        explanation.notes
    );
}

#[test]
fn text_that_is_not_utf8_is_shown_escaped() {
    let explanation = explain(b"552 5.2.2 Bo\xeete pleine", None);
    assert_eq!(explanation.items[0].lines, ["552 5.2.2 Bo\\xeete pleine"]);
    assert!(serde_json::from_str::<serde_json::Value>(&explanation.to_json()).is_ok());
}

#[test]
fn every_corpus_email_with_a_report_is_read_from_it() {
    // A check over the development half: each email that has a `Content-Type:
    // message/delivery-status` part that names a recipient is read as a delivery report with at
    // least one recipient, and no email breaks the JSON.
    let mut with_report = 0;
    for entry in std::fs::read_dir(data("bounce-corpus/eml")).expect("corpus") {
        let path = entry.expect("entry").path();
        let bytes = std::fs::read(&path).expect("email");
        let explanation = explain(&bytes, None);
        let name = path.file_name().unwrap().to_string_lossy();
        serde_json::from_str::<serde_json::Value>(&explanation.to_json())
            .unwrap_or_else(|error| panic!("{name}: {error}"));
        let text = String::from_utf8_lossy(&bytes).to_ascii_lowercase();
        let has_report = text.lines().any(|line| {
            line.starts_with("content-type:") && line.contains("message/delivery-status")
        });
        // Some reports are empty; one that names a recipient must give one.
        let names_recipient = text
            .lines()
            .any(|line| line.starts_with("final-recipient:"));
        if has_report && names_recipient {
            with_report += 1;
            assert_eq!(explanation.input, Input::Email, "{name}");
            let facts = explanation.email.as_ref().unwrap();
            assert!(
                matches!(facts.kind, "failure" | "delay-warning" | "success"),
                "{name}: {facts:#?}"
            );
            assert!(!explanation.items.is_empty(), "{name}: {explanation:#?}");
        }
    }
    assert!(with_report > 100, "{with_report} emails with a report");
}

#[test]
fn an_mbox_file_is_read_from_its_first_email() {
    let mut mbox = b"From MAILER-DAEMON Fri Dec  4 15:46:27 2026\n".to_vec();
    mbox.extend_from_slice(&sample("postfix-delay-warning.eml"));
    mbox.extend_from_slice(b"From MAILER-DAEMON Fri Dec  4 15:47:27 2026\n");
    mbox.extend_from_slice(&email("lhost-qmail-02.eml"));
    let explanation = explain(&mbox, None);
    assert_eq!(explanation.email.as_ref().unwrap().kind, "delay-warning");
    assert!(
        explanation.notes.iter().any(|note| note.contains("mbox")),
        "{:?}",
        explanation.notes
    );
}

#[test]
fn a_chosen_command_is_taken_for_every_recipient() {
    // qmail-02's recipients were refused at RCPT; read as replies to MAIL, the command is the
    // one chosen.
    let explanation = explain(&email("lhost-qmail-02.eml"), Some(Command::Mail));
    for item in &explanation.items {
        let command = item.command.as_ref().unwrap();
        assert_eq!((command.name, command.source), ("MAIL", "given"));
    }
}

#[test]
fn every_real_reply_is_explained() {
    let text = std::fs::read_to_string(data("replies.txt")).expect("replies.txt");
    let mut count = 0;
    for block in text.split("\n=== ").skip(1) {
        let (name, rest) = block.split_once('\n').unwrap();
        let (head, body) = rest.split_once("\n---\n").unwrap();
        let code: u16 = head
            .lines()
            .find_map(|line| line.strip_prefix("code: "))
            .unwrap()
            .parse()
            .unwrap();
        // Non-UTF-8 bytes are written \xNN in the file; these replies are read as written.
        let explanation = explain(body.trim_end().as_bytes(), None);
        if code < 200 {
            // RFC 5321 §4.2.1's example of the multi-line format, with a 1yz code that no
            // server may send (§4.2).
            let error = explanation.error.unwrap_or_default();
            assert!(
                error.starts_with("Line 1: reply code 123 out of range"),
                "{name}: {error}"
            );
            continue;
        }
        assert_eq!(explanation.error, None, "{name}");
        assert_eq!(explanation.items.len(), 1, "{name}");
        assert_eq!(
            explanation.items[0].code.as_ref().unwrap().code,
            code,
            "{name}"
        );
        serde_json::from_str::<serde_json::Value>(&explanation.to_json()).unwrap();
        count += 1;
    }
    assert!(count > 100, "{count} replies");
}

#[test]
fn an_email_that_trips_a_mail_parser_assertion_is_explained() {
    // smtp-codes-bounce's test `a_malformed_nesting_that_trips_a_mail_parser_assertion`: its
    // attached messages nest without boundaries, and mail-parser 0.11.9 hits a `debug_assert!`
    // on it. A `Subject` before it makes it an email to the page; with debug assertions (this
    // test's build) the bounce library reads it as no bounce, and the page says so.
    let raw = b"Subject: x\nContent-Type: multipart/rs;\n\tboundary=\"Qm1YKRKmlKzmt4fX.1374019311/mbox.example.jp\"-\x00\n\n\
        --Qm1YKRKmlKzmt4fX.1374019311/mbox.example.jpe\nContent-Type: message/rfc822\nnle.j\n \n\
        Content-Type: message/rfc822\nAA\n\n\nm--Qm1YKRKmlKzmt4fX.1374019311/mbox.example.jp--\n";
    let explanation = explain(raw, None);
    assert_eq!(explanation.input, Input::Email);
    assert_eq!(explanation.email.unwrap().kind, "not-a-bounce");
    assert!(explanation
        .error
        .unwrap()
        .starts_with("This email is not a bounce"));
}
