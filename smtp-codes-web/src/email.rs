//! A whole email, read by [`smtp_codes_bounce::Bounce`]: what it is in plain words, each
//! recipient it reports on, the complaint of a feedback report, and the identifiers of the
//! message it returns. The MIME structure, the report part and the text bounces of the common
//! servers are the bounce library's; this module only turns what it read into [`Item`]s.

use smtp_codes::{Class, Command, Diagnosis, Outcome};
use smtp_codes_bounce::{AutoReply, Bounce, Feedback, Format, Kind, Original, Source, TextFormat};

use crate::facts::{advice_facts, code_facts, diagnosis_facts, enhanced_facts};
use crate::read::shown;
use crate::{
    words, CommandFacts, ComplaintFacts, EmailFacts, Item, OriginalFacts, RecipientFacts, Verdict,
    VerdictKind,
};

/// The first email of `text` (an mbox file's first, its `From ` line left out) read as a
/// bounce, and whether the text holds more emails.
pub fn read(text: &[u8]) -> (Bounce<'_>, bool) {
    let mut emails = smtp_codes_bounce::mbox::emails(text);
    let first = emails.next().unwrap_or(text);
    (Bounce::parse(first), emails.next().is_some())
}

/// One item per recipient; `command`, when given, is taken for every recipient instead of the
/// one the bounce names.
pub fn items(bounce: &Bounce<'_>, command: Option<Command>) -> Vec<Item> {
    bounce
        .recipients()
        .iter()
        .map(|recipient| recipient_item(recipient, command, bounce.reporting_mta()))
        .collect()
}

/// One recipient: what the bounce says of it, its reply's code and advice, and the diagnosis.
fn recipient_item(
    recipient: &smtp_codes_bounce::Recipient<'_>,
    given: Option<Command>,
    reporting_mta: Option<&str>,
) -> Item {
    let (command, source) = match (given, recipient.command()) {
        (Some(command), _) => (Some(command), "given"),
        (None, Some(named)) => (Some(named), "text"),
        (None, None) => (None, ""),
    };
    let reply_code = recipient.reply_code();
    let diagnosis = if command == recipient.command() {
        recipient.diagnosis()
    } else {
        rediagnose(recipient, command)
    };
    let status = recipient.status().or_else(|| diagnosis.status());
    let class = match status {
        Some(status) => Some(status.class().reply_class()),
        None => reply_code.and_then(Class::from_code),
    };
    let action = recipient.action();
    let address = Some(recipient.address())
        .filter(|address| !address.is_empty())
        .map(str::to_owned);
    let advice = reply_code.and_then(|code| {
        Outcome::of(code, command.unwrap_or(Command::Noop))
            .map(|outcome| advice_facts(outcome, code, class, command))
    });
    let diagnostic = recipient.diagnostic().trim();
    let failed = action.is_failure() && !matches!(class, Some(Class::PositiveCompletion));
    Item {
        heading: match &address {
            Some(address) => format!("Recipient {address}"),
            None => "Recipient (the bounce names no address)".into(),
        },
        verdict: words::for_recipient(Some(action), class, &diagnosis),
        lines: if diagnostic.is_empty() {
            Vec::new()
        } else {
            vec![diagnostic.to_owned()]
        },
        recipient: Some(RecipientFacts {
            address,
            original_address: recipient.original_address().map(str::to_owned),
            action: Some(action.name()),
            action_stated: recipient.is_action_stated(),
            status: recipient.status().map(|status| status.to_string()),
            remote_mta: recipient.remote_mta().map(str::to_owned),
            diagnostic_type: None,
            reporting_mta: reporting_mta.map(str::to_owned),
            date: recipient.date().map(str::to_owned),
            source: Some(match recipient.source() {
                Source::Report => "report",
                Source::SesNotification => "ses-notification",
                _ => "text",
            }),
        }),
        code: reply_code.map(code_facts),
        enhanced: status.map(enhanced_facts),
        command: command.map(|command| CommandFacts {
            name: command.as_str(),
            source,
        }),
        advice,
        diagnosis: failed.then(|| diagnosis_facts(&diagnosis)),
        ehlo: None,
    }
}

/// The diagnosis of a recipient for another command than the one the bounce names: of its
/// diagnostic, else (when that says nothing) of the bounce's words about it.
fn rediagnose(recipient: &smtp_codes_bounce::Recipient<'_>, command: Option<Command>) -> Diagnosis {
    let of = |text: &str| {
        Diagnosis::of(
            recipient.reply_code(),
            recipient.status(),
            text.as_bytes(),
            command,
        )
    };
    let first = of(recipient.diagnostic());
    if first.reason() != smtp_codes::Reason::Undefined || recipient.context().is_empty() {
        return first;
    }
    let again = of(recipient.context());
    if again.reason() == smtp_codes::Reason::Undefined {
        first
    } else {
        again
    }
}

/// What the email is, in plain words, and what it says about the message it is about.
pub fn facts(bounce: &Bounce<'_>, items: &[Item]) -> EmailFacts {
    let kind = bounce.kind();
    EmailFacts {
        kind: kind.name(),
        verdict: kind_verdict(kind, bounce.feedback(), items),
        format: bounce.format().map(Format::name),
        format_plain: bounce.format().map(format_plain),
        reporting_mta: bounce.reporting_mta().map(str::to_owned),
        subject: bounce.subject().map(str::to_owned),
        from: bounce.from().map(str::to_owned),
        date: bounce.date().map(str::to_owned),
        original: original_facts(bounce.original()),
        complaint: bounce.feedback().map(complaint_facts),
    }
}

/// `failure`, `delay warning`, ... in words for the summary: `A bounce`, `A delay warning`.
pub fn kind_plain(kind: Kind) -> &'static str {
    match kind {
        Kind::Failure => "A bounce",
        Kind::DelayWarning => "A delay warning",
        Kind::Success => "A delivery report",
        Kind::FeedbackReport => "A complaint (feedback report)",
        Kind::AutoReply(AutoReply::Vacation) => "An automatic reply (out of office)",
        Kind::AutoReply(AutoReply::ChallengeResponse) => "A challenge (challenge-response)",
        Kind::AutoReply(_) => "An automatic reply",
        _ => "An email that is not a bounce",
    }
}

/// How the report is written, in words: `an RFC 3464 delivery status report`, `qmail's text`.
fn format_plain(format: Format) -> String {
    match format {
        Format::DeliveryStatus => "a delivery status report (RFC 3464)".into(),
        Format::FeedbackReport => "a feedback report (RFC 5965)".into(),
        Format::SesNotification => "an Amazon SES notification".into(),
        Format::Text(TextFormat::Unknown) => "text for people, in no format this page knows".into(),
        Format::Text(format) => format!("the text {} writes", text_format_plain(format)),
        _ => format.name().into(),
    }
}

/// The server or provider of a text format, by name.
fn text_format_plain(format: TextFormat) -> &'static str {
    match format {
        TextFormat::Qmail => "qmail",
        TextFormat::James => "Apache James",
        TextFormat::Haraka => "Haraka",
        TextFormat::Postfix => "Postfix",
        TextFormat::Exim => "Exim",
        TextFormat::Sendmail => "Sendmail",
        TextFormat::Courier => "Courier",
        TextFormat::OpenSmtpd => "OpenSMTPD",
        TextFormat::Dma => "the DragonFly Mail Agent",
        TextFormat::Exchange => "Exchange (or Microsoft 365)",
        TextFormat::Gmail => "Gmail",
        TextFormat::Yahoo => "Yahoo (or AOL)",
        TextFormat::AmazonSes => "Amazon SES",
        TextFormat::SieveReject => "a Sieve reject",
        TextFormat::Mailman => "Mailman",
        TextFormat::Sympa => "Sympa",
        _ => "a mail server",
    }
}

/// What to do about the email as a whole.
fn kind_verdict(kind: Kind, feedback: Option<&Feedback<'_>>, items: &[Item]) -> Verdict {
    let count = items.len();
    let recipients = if count == 1 {
        "1 recipient".to_owned()
    } else {
        format!("{count} recipients")
    };
    match kind {
        Kind::Failure => {
            let worst = [
                VerdictKind::RemoveAddress,
                VerdictKind::Unclear,
                VerdictKind::KeepAddress,
                VerdictKind::RetryLater,
            ]
            .into_iter()
            .find(|kind| items.iter().any(|item| item.verdict.kind == *kind))
            .unwrap_or(VerdictKind::Unclear);
            verdict(
                worst,
                format!("A bounce: the message was not delivered to {recipients}."),
                if count == 0 {
                    "The email says delivery failed, but names no recipient this page could read.".into()
                } else {
                    "Below, for each recipient: whether to remove the address, and why.".into()
                },
            )
        }
        Kind::DelayWarning => verdict(
            VerdictKind::RetryLater,
            "A delay warning: do nothing, the server keeps trying.".into(),
            format!(
                "The message has not reached {recipients} yet. The sending server keeps trying on its own, usually for several days, and sends a bounce only if it finally gives up. Do not send the message again, and keep the addresses."
            ),
        ),
        Kind::Success => verdict(
            VerdictKind::Success,
            "A delivery report: the message was delivered.".into(),
            "The sender asked to be told of the delivery (RFC 3461). Nothing is wrong.".into(),
        ),
        Kind::FeedbackReport => {
            let what = feedback.map_or("", |feedback| complaint_plain(feedback.feedback_type()));
            verdict(
                VerdictKind::NotABounce,
                format!("Not a bounce: a complaint.{what}"),
                "The message was delivered; the recipient's mail provider reports that its user complained about it (RFC 5965). Stop sending to whoever complained.".into(),
            )
        }
        Kind::AutoReply(AutoReply::Vacation) => verdict(
            VerdictKind::NotABounce,
            "Not a bounce: an automatic reply (away, out of office).".into(),
            "The message was delivered and the person is away. The address is fine: nothing to do.".into(),
        ),
        Kind::AutoReply(AutoReply::ChallengeResponse) => verdict(
            VerdictKind::NotABounce,
            "Not a bounce: a challenge. The recipient's filter holds the message until the sender proves to be a person.".into(),
            "If you sent the message, follow the email's instructions to have it delivered; if you did not (your address was forged), ignore it. The address is fine.".into(),
        ),
        Kind::AutoReply(_) => verdict(
            VerdictKind::NotABounce,
            "Not a bounce: an automatic reply (RFC 3834).".into(),
            "A program answered the message (an autoresponder, a ticket system): it was delivered. The address is fine.".into(),
        ),
        _ => verdict(
            VerdictKind::NotABounce,
            "Not a bounce: this email reports no delivery problem.".into(),
            "It is neither a delivery report, nor a complaint, nor an automatic reply.".into(),
        ),
    }
}

/// A complaint's `Feedback-Type` (RFC 5965 §7.3, RFC 6591) in words: a sentence after "a
/// complaint.", with its space.
fn complaint_plain(feedback_type: &str) -> &'static str {
    match feedback_type.to_ascii_lowercase().as_str() {
        "abuse" => " The recipient reported the message as spam.",
        "fraud" => " The recipient reported the message as fraud or phishing.",
        "virus" => " The message was reported as carrying a virus.",
        "not-spam" => " The recipient says the message is not spam, after all.",
        "auth-failure" => " The message failed authentication (SPF, DKIM or DMARC).",
        _ => "",
    }
}

/// A verdict from its parts.
fn verdict(kind: VerdictKind, headline: String, detail: String) -> Verdict {
    Verdict {
        kind,
        headline,
        detail,
    }
}

/// The returned message's identifiers; `None` when the bounce has none of them.
fn original_facts(original: &Original<'_>) -> Option<OriginalFacts> {
    let owned = |value: Option<&str>| value.map(str::to_owned);
    let facts = OriginalFacts {
        message_id: owned(original.message_id()),
        subject: owned(original.subject()),
        from: owned(original.from()),
        to: owned(original.to()),
        date: owned(original.date()),
        envelope_sender: owned(original.envelope_sender()),
        envelope_id: owned(original.envelope_id()),
        verp_recipient: original.verp_recipient(),
    };
    (facts != OriginalFacts::default()).then_some(facts)
}

/// A feedback report's complaint.
fn complaint_facts(feedback: &Feedback<'_>) -> ComplaintFacts {
    let owned = |value: Option<&str>| value.map(str::to_owned);
    ComplaintFacts {
        feedback_type: shown(feedback.feedback_type().as_bytes()),
        recipient: owned(feedback.recipient()),
        original_mail_from: owned(feedback.original_mail_from()),
        source_ip: owned(feedback.source_ip()),
        arrival_date: owned(feedback.arrival_date()),
        user_agent: owned(feedback.user_agent()),
        reported_domain: owned(feedback.reported_domain()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_mbox_file_is_read_from_its_first_email() {
        let mbox = b"From MAILER-DAEMON Fri Dec  4 15:46:27 2026\nFrom: MAILER-DAEMON@mx.example.org\nSubject: Delayed Mail (still being retried)\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.org\n\nFinal-Recipient: rfc822; bob@example.com\nAction: delayed\nStatus: 4.4.1\n\n--b--\nFrom MAILER-DAEMON Fri Dec  4 15:47:27 2026\nSubject: two\n\nx\n";
        let (bounce, more) = read(mbox);
        assert!(more);
        assert_eq!(bounce.kind(), Kind::DelayWarning);
        assert_eq!(
            bounce.recipients()[0].action(),
            smtp_codes::dsn::Action::Delayed
        );
        assert_eq!(bounce.recipients()[0].address(), "bob@example.com");
    }

    #[test]
    fn each_kind_has_its_own_words() {
        // (kind, verdict kind, words the headline has): a delay warning asks for nothing, what
        // is not a bounce says what it is.
        let cases = [
            (Kind::DelayWarning, VerdictKind::RetryLater, "do nothing"),
            (Kind::Success, VerdictKind::Success, "delivered"),
            (Kind::FeedbackReport, VerdictKind::NotABounce, "complaint"),
            (
                Kind::AutoReply(AutoReply::Vacation),
                VerdictKind::NotABounce,
                "out of office",
            ),
            (
                Kind::AutoReply(AutoReply::ChallengeResponse),
                VerdictKind::NotABounce,
                "challenge",
            ),
            (
                Kind::AutoReply(AutoReply::Other),
                VerdictKind::NotABounce,
                "automatic reply",
            ),
            (Kind::NotABounce, VerdictKind::NotABounce, "Not a bounce"),
            (Kind::Failure, VerdictKind::Unclear, "not delivered"),
        ];
        for (kind, verdict_kind, words) in cases {
            let verdict = kind_verdict(kind, None, &[]);
            assert_eq!(verdict.kind, verdict_kind, "{kind}");
            assert!(verdict.headline.contains(words), "{kind}: {verdict:?}");
        }
    }
}
