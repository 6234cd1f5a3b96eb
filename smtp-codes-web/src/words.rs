//! The plain words: what a class means, what to do about each bounce reason, and the verdict.

use smtp_codes::advice::Decision;
use smtp_codes::dsn::Action;
use smtp_codes::{Class, Diagnosis, Outcome, Reason};

use crate::{Verdict, VerdictKind};

/// A class in plain words.
pub const fn class_plain(class: Class) -> &'static str {
    match class {
        Class::PositivePreliminary => "started, more to come",
        Class::PositiveCompletion => "success",
        Class::PositiveIntermediate => "so far so good: the server waits for more",
        Class::TransientNegativeCompletion => "temporary failure",
        Class::PermanentNegativeCompletion => "permanent failure",
    }
}

/// What to do about a failure for `reason`, for the person who sent the message.
pub fn what_to_do(reason: Reason) -> &'static str {
    match reason {
        Reason::UserUnknown => "The receiving server says this mailbox does not exist. Check the address for typos; if it is right, the person no longer receives mail there.",
        Reason::HostUnknown => "The domain after the @ does not exist or has no mail server. Check it for typos (gmial.com for gmail.com).",
        Reason::HasMoved => "The address has moved and no longer receives mail here. Ask the person for their new address.",
        Reason::NotAccept => "The domain does not accept mail at all. Reach the person another way.",
        Reason::MailboxFull => "The mailbox exists but is full. The person has to make room: try again in a few days, or reach them another way.",
        Reason::Suspend => "The mailbox exists but is disabled or inactive. Try again later, or reach the person another way.",
        Reason::Blocked => "The receiving server refused the server that sent the message (its IP address is on a block list, or it may not connect), not the address. If you use a mail provider, forward this bounce to its support.",
        Reason::BadReputation => "The receiving server distrusts the sending server or domain. The sender's mail provider or administrator has to fix its reputation; the address is fine.",
        Reason::AuthFailure => "The message failed the checks that prove it comes from the sender's domain (SPF, DKIM or DMARC). The sending domain's administrator has to fix its DNS records or signing.",
        Reason::RequirePtr => "The sending server's IP address has no valid reverse DNS name, which the receiving server requires. The sender's mail administrator has to fix it.",
        Reason::SpamDetected => "The receiving server took the message for spam. Change its content (fewer links, no attachments), or reach the person another way.",
        Reason::VirusDetected => "The receiving server found a virus or a dangerous attachment. Check the attachment, and send without it.",
        Reason::PolicyViolation => "The message broke a rule of the receiving site; the server's text says which.",
        Reason::SecurityError => "A security check failed: the sending server had to sign in or use encryption and did not. The sender's mail administrator has to fix it.",
        Reason::RateLimited => "The receiving server limits how much mail it takes from the sender. Send less at once, and try again later.",
        Reason::EmailTooLarge => "The message is too large for the receiving server. Send smaller attachments, or a link instead.",
        Reason::ContentError | Reason::NotCompliantRfc => "The receiving server refused the message's format. The sending program or its administrator has to fix it.",
        Reason::Filtered => "The recipient's server took the address, then a filter refused the message. Reach the person another way.",
        Reason::Rejected => "The receiving server refused the sender's address (the envelope's MAIL FROM), not the recipient's.",
        Reason::NoRelaying => "The server would not pass the message on: it is not the recipient's mail server and does not relay for the sender. Check the domain of the address, and the sending server's settings.",
        Reason::Expired => "The sending server kept trying for days and gave up. Try again later; if it keeps failing, the recipient's server is down or refusing.",
        Reason::NetworkError => "A network or DNS problem stopped the delivery. It is usually temporary: try again later.",
        Reason::SystemError => "The receiving server failed on its side. It is usually temporary: try again later.",
        Reason::SystemFull => "The receiving server's storage is full. Try again later.",
        Reason::MailerError => "The program that delivers into the recipient's mailbox failed. Try again later, or tell the recipient.",
        Reason::FailedStartTls => "The two servers could not set up the encryption that one of them requires. A mail administrator has to fix it.",
        Reason::SyntaxError => "The receiving server did not understand a command of the sending program. The sending program or its administrator has to fix it.",
        Reason::Suppressed => "The sending service did not even try: the address is on its suppression list after an earlier bounce or complaint.",
        _ => "Nothing in the code or the text says why.",
    }
}

/// The verdict on a reply (or a code) whose advice is `outcome`: what the advice says, and for a
/// failure whether the diagnosis lets the address stay.
pub fn for_reply(outcome: Outcome, diagnosis: Option<&Diagnosis>, ehlo: bool) -> Verdict {
    let closing = if outcome.is_closing() {
        " The server closes the connection after this reply."
    } else {
        ""
    };
    match outcome.decision() {
        Decision::Success if ehlo => verdict(
            VerdictKind::Success,
            "Success: the server answered EHLO and lists what it supports.",
            format!("Nothing is wrong.{closing}"),
        ),
        Decision::Success => verdict(
            VerdictKind::Success,
            "Success: the server accepted the command.",
            format!("Nothing is wrong.{closing}"),
        ),
        Decision::Continue => verdict(
            VerdictKind::Continue,
            "Not an error: the server waits for the next step.",
            format!("The client sends what the server asks for next.{closing}"),
        ),
        Decision::RetryLater => {
            let why = diagnosis
                .filter(|diagnosis| diagnosis.reason() != Reason::Undefined)
                .map_or("", |diagnosis| what_to_do(diagnosis.reason()));
            verdict(
                VerdictKind::RetryLater,
                "Temporary failure: try again later. The address is fine.",
                join(&[
                    why,
                    "Mail servers retry on their own, usually for several days, before they give up and send a bounce.",
                    closing.trim_start(),
                ]),
            )
        }
        _ => permanent(diagnosis, closing),
    }
}

/// The verdict on a permanent failure: remove the address when the diagnosis is hard.
fn permanent(diagnosis: Option<&Diagnosis>, closing: &str) -> Verdict {
    match diagnosis {
        Some(diagnosis) if diagnosis.is_hard() => verdict(
            VerdictKind::RemoveAddress,
            "Remove this address: it cannot receive mail.",
            join(&[
                what_to_do(diagnosis.reason()),
                "Sending to it again will fail the same way; mailing lists should drop it.",
                closing.trim_start(),
            ]),
        ),
        Some(diagnosis) if diagnosis.reason() != Reason::Undefined => verdict(
            VerdictKind::KeepAddress,
            "Not delivered, but the address is fine: keep it.",
            join(&[
                what_to_do(diagnosis.reason()),
                "Sending the same message the same way again will fail again.",
                closing.trim_start(),
            ]),
        ),
        _ => verdict(
            VerdictKind::Unclear,
            "Not delivered, and the code alone does not say whether the address is wrong.",
            join(&[
                "The same code is sent for an unknown address and for a refusal of the sending server. Paste the server's whole reply or the bounce to find out why.",
                closing.trim_start(),
            ]),
        ),
    }
}

/// The verdict on a recipient of a delivery status report: its `Action`, then the failure's
/// class and diagnosis.
pub fn for_recipient(
    action: Option<Action>,
    class: Option<Class>,
    diagnosis: &Diagnosis,
) -> Verdict {
    match action {
        Some(Action::Delivered | Action::Relayed | Action::Expanded) => verdict(
            VerdictKind::Success,
            "Delivered: this recipient got the message.",
            String::from("The report only informs: nothing is wrong."),
        ),
        // What to do about a reason is for a failure ("try again later"): a delay is only said
        // what it is.
        Some(Action::Delayed) => verdict(
            VerdictKind::RetryLater,
            "Not delivered yet: the sending server keeps trying. The address is fine.",
            join(&[
                &if diagnosis.reason() == Reason::Undefined {
                    String::new()
                } else {
                    format!("{}.", diagnosis.reason().description())
                },
                "Nothing to do: the sending server retries on its own, and another report comes only if it finally gives up.",
            ]),
        ),
        _ => match class {
            Some(Class::PositiveCompletion) => verdict(
                VerdictKind::Success,
                "Delivered: this recipient got the message.",
                String::from("The report only informs: nothing is wrong."),
            ),
            Some(Class::TransientNegativeCompletion) if action.is_none() => verdict(
                VerdictKind::RetryLater,
                "Temporary failure: try again later. The address is fine.",
                String::from(what_to_do(diagnosis.reason())),
            ),
            Some(Class::TransientNegativeCompletion) => verdict(
                VerdictKind::KeepAddress,
                "Not delivered, but the address is fine: keep it.",
                join(&[
                    "The failure was temporary, and the sending server gave up after retrying.",
                    what_to_do(diagnosis.reason()),
                ]),
            ),
            _ => permanent(Some(diagnosis), ""),
        },
    }
}

/// The verdict when nothing can be said.
pub fn unclear() -> Verdict {
    permanent(None, "")
}

/// A verdict from its parts.
fn verdict(kind: VerdictKind, headline: &str, detail: String) -> Verdict {
    Verdict {
        kind,
        headline: String::from(headline),
        detail,
    }
}

/// Sentences joined by spaces, empty ones left out.
fn join(sentences: &[&str]) -> String {
    sentences
        .iter()
        .filter(|sentence| !sentence.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}
