//! Automatic replies (RFC 3834): vacation notices and challenge-response requests, told apart
//! from delivery reports.

use crate::formats::{contains_ignore_case, starts_with_ignore_case, Words};
use crate::kind::AutoReply;

/// The header facts about automatic replies.
#[derive(Debug, Default)]
pub(crate) struct Markers<'h> {
    /// `Auto-Submitted`, as sent (RFC 3834 §5: `no`, `auto-generated`, `auto-replied`, with an
    /// optional comment).
    pub(crate) auto_submitted: Option<&'h str>,
    /// `X-Delivery-Agent`: TMDA writes `TMDA/<version>` (TMDA/AutoResponse.py).
    pub(crate) delivery_agent: Option<&'h str>,
    pub(crate) subject: Option<&'h str>,
}

impl Markers<'_> {
    /// Whether `Auto-Submitted` says `auto-replied` (RFC 3834 §5.2) for a reason other than a
    /// rejection (Dovecot and Cyrus send their Sieve `reject`s as `auto-replied (rejected)`:
    /// those are bounces).
    fn auto_replied(&self) -> bool {
        self.auto_submitted.is_some_and(|value| {
            let value = value.trim_start();
            starts_with_ignore_case(value, "auto-replied")
                && !contains_ignore_case(value, "(rejected)")
        })
    }
}

/// Subjects that challenge-response systems give their requests: TMDA's
/// `templates/confirm_request.txt`.
const CHALLENGE_SUBJECTS: &[&str] = &["please confirm your message"];

/// Texts of challenge-response requests: TMDA's `templates/confirm_request.txt` ("This message
/// was created automatically by mail delivery software (TMDA).", "To release your message for
/// delivery, please send an empty message").
pub(crate) const CHALLENGE_TEXTS: &[&str] = &[
    "mail delivery software (tmda)",
    "to release your message for delivery",
];

/// Subject prefixes of vacation notices: `Auto:` (RFC 5230 §4.2, the Sieve `vacation` default
/// subject), `Automatic reply:` and `Out of Office` (Outlook's and Exchange's automatic replies,
/// formerly the Out of Office Assistant).
const VACATION_SUBJECTS: &[&str] = &[
    "auto:",
    "automatic reply:",
    "out of office",
    "autoreply:",
    "auto-reply:",
    "auto reply:",
];

/// Words of vacation notices, for an `auto-replied` message that gives no reason.
pub(crate) const VACATION_TEXTS: &[&str] = &[
    "out of the office",
    "out of office",
    "on vacation",
    "on holiday",
    "on leave",
    "away from the office",
    "away from my desk",
    "limited access to e-mail",
    "limited access to email",
    "will return on",
    "will be back on",
];

/// Whether the email asks the sender to confirm that it is a person.
pub(crate) fn is_challenge(markers: &Markers<'_>, words: &Words) -> bool {
    markers
        .delivery_agent
        .is_some_and(|agent| starts_with_ignore_case(agent.trim_start(), "tmda"))
        || markers.subject.is_some_and(|subject| {
            CHALLENGE_SUBJECTS
                .iter()
                .any(|prefix| starts_with_ignore_case(subject.trim_start(), prefix))
        })
        || words.challenge
}

/// Why the email is an automatic reply, when it is one by its header (RFC 3834 `auto-replied`)
/// or by a vacation subject.
pub(crate) fn auto_reply(markers: &Markers<'_>, words: &Words) -> Option<AutoReply> {
    let vacation_subject = markers.subject.is_some_and(|subject| {
        VACATION_SUBJECTS
            .iter()
            .any(|prefix| starts_with_ignore_case(subject.trim_start(), prefix))
    });
    let vacation_comment = markers
        .auto_submitted
        .is_some_and(|value| contains_ignore_case(value, "vacation"));
    if vacation_subject || (markers.auto_replied() && vacation_comment) {
        return Some(AutoReply::Vacation);
    }
    if markers.auto_replied() {
        let vacation_text = words.vacation;
        return Some(if vacation_text {
            AutoReply::Vacation
        } else {
            AutoReply::Other
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::words_in;

    fn markers<'h>(auto_submitted: Option<&'h str>, subject: Option<&'h str>) -> Markers<'h> {
        Markers {
            auto_submitted,
            delivery_agent: None,
            subject,
        }
    }

    #[test]
    fn auto_replies() {
        // Auto-Submitted, Subject, text, what the email is.
        type Case<'c> = (Option<&'c str>, Option<&'c str>, &'c str, Option<AutoReply>);
        let cases: &[Case<'_>] = &[
            (
                Some("auto-replied (vacation)"),
                None,
                "",
                Some(AutoReply::Vacation),
            ),
            (
                Some("auto-replied"),
                Some("Re: invoice"),
                "I am out of the office.",
                Some(AutoReply::Vacation),
            ),
            (
                Some("auto-replied"),
                Some("Ticket #42 received"),
                "We got it.",
                Some(AutoReply::Other),
            ),
            (
                Some("Auto-Replied; owner-email=\"a@b.example\""),
                None,
                "",
                Some(AutoReply::Other),
            ),
            (Some("auto-replied (rejected)"), None, "", None),
            (Some("auto-generated (failure)"), None, "", None),
            (
                Some("no"),
                Some("Automatic reply: Quarterly report"),
                "",
                Some(AutoReply::Vacation),
            ),
            (
                None,
                Some("Auto: your message"),
                "",
                Some(AutoReply::Vacation),
            ),
            (None, Some("Automatically rejected mail"), "", None),
            (None, Some("Re: lunch"), "I'll be on vacation", None),
        ];
        for &(auto_submitted, subject, text, want) in cases {
            assert_eq!(
                auto_reply(&markers(auto_submitted, subject), &words_in(text)),
                want,
                "{auto_submitted:?} {subject:?}"
            );
        }
    }

    #[test]
    fn challenges() {
        let tmda = Markers {
            auto_submitted: Some("auto-replied"),
            delivery_agent: Some("TMDA/1.1.12 (Macallan)"),
            subject: Some("Please confirm your message"),
        };
        assert!(is_challenge(&tmda, &words_in("")));
        assert!(is_challenge(
            &markers(None, None),
            &words_in("This message was created automatically by mail delivery software (TMDA).")
        ));
        assert!(!is_challenge(
            &markers(None, Some("Mail delivery failed")),
            &words_in("This message was created automatically by mail delivery software.")
        ));
    }
}
