//! The fixed texts that identify a bounce's format and say what happened to the recipients
//! named after them, each from the server's source or its documented format.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::autoreply::{CHALLENGE_TEXTS, VACATION_TEXTS};
use crate::kind::TextFormat;
use crate::scan::automaton;

/// What a fixed text says about the recipients listed after it (or about the whole email).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Says {
    /// Only which server wrote the email: its failure notices and delay warnings share it.
    Format,
    /// Delivery failed; the server has given up.
    Failed,
    /// Delivery is delayed; the server keeps trying.
    Delayed,
    /// Handed on to a system that sends no reports.
    Relayed,
    /// Delivered.
    Delivered,
}

/// A fixed text of a bounce's body, matched in any ASCII case.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Signature {
    pub(crate) text: &'static str,
    pub(crate) format: Option<TextFormat>,
    pub(crate) says: Says,
    /// Where the text comes from.
    #[allow(dead_code)]
    pub(crate) source: &'static str,
}

const fn sig(
    text: &'static str,
    format: Option<TextFormat>,
    says: Says,
    source: &'static str,
) -> Signature {
    Signature {
        text,
        format,
        says,
        source,
    }
}

use Says::{Delayed, Delivered, Failed, Format, Relayed};
use TextFormat as F;

const QMAIL: &str = "notqmail qmail-send.c (a7012e4): injectbounce(), addbounce()";
const POSTFIX: &str = "Postfix src/bounce/bounce_templates.c (17830e5c): the built-in templates";
const POSTFIX_OLD: &str =
    "Postfix 2.2 README_FILES/ADDRESS_REWRITING_README: the bounce before bounce templates";
const POSTFIX_NOTICE: &str =
    "Postfix src/smtpd/smtpd_chat.c, src/smtp/smtp_chat.c (17830e5c): smtpd_chat_notify()";
const EXIM: &str =
    "Exim src/src/deliver.c (13835a3c): send_bounce_message(), send_warning_message()";
const EXIM_MOAN: &str = "Exim src/src/moan.c (13835a3c): ERRMESS_BADADDRESS";
const SENDMAIL: &str =
    "Sendmail 8.17 sendmail/savemail.c, envelope.c (deepin-community/sendmail c7e7de4)";
const COURIER: &str = "Courier courier/module.dsn/*.txt (svarshavchik/courier fe506cc)";
const OPENSMTPD: &str = "OpenSMTPD usr.sbin/smtpd/bounce.c (3153385b): notice_*";
const DMA: &str = "DragonFly Mail Agent mail.c, dma.c (corecode/dma 7f88bbe): bounce()";
const JAMES: &str = "Apache James Bouncer.java: explanationText";
const HARAKA: &str = "Haraka config/outbound.bounce_message";
const EXCHANGE: &str = "Microsoft Learn, Exchange Online: Email non-delivery reports (NDR layout)";
const EXCHANGE_2003: &str =
    "Microsoft KB 284204, Delivery status notifications in Exchange Server (2000, 2003)";
const DOVECOT: &str = "Dovecot src/lib-lda/lda-settings.c: rejection_reason's default, \
    \"Your message to <%t> was automatically rejected:%n%r\"";
const CYRUS: &str = "Cyrus imap/lmtp_sieve.c: send_rejection()";
const MAILMAN: &str = "Mailman 3 src/mailman/templates (list:user:notice:rejected, :hold)";
const SYMPA: &str = "Sympa default/mail_tt2/delivery_status_notification.tt2";
const GMAIL: &str = "Gmail's notices as their readers quoted them: the failure in \
    github.com/Gilwyad/mailnesia.com issue 13 (2016); the delay warning, subject and body, in the \
    Ubuntu Forums thread 'Delivery Status Notification (anacron)' (2009)";
const YAHOO: &str = "Yahoo's failure notice as received: deltachat/deltachat-core-rust \
    test-data/message/yahoo_ndn.eml (23d6012c, 2020)";
const SES: &str = "Amazon SES's failure notice as received, quoted in chaskiq/chaskiq \
    app/controllers/api/v1/hooks_controller.rb (e837961e)";

/// Every signature, in the order the email-level decision reads them. A text that appears in
/// several servers' bounces (qmail's wording copied by James and Haraka) names no format.
pub(crate) const SIGNATURES: &[Signature] = &[
    // qmail: no MIME, no delivery-status part, no delay warnings.
    sig(
        "hi. this is the qmail-send program at",
        Some(F::Qmail),
        Failed,
        QMAIL,
    ),
    sig(
        "i'm afraid i wasn't able to deliver your message to the following addresses",
        None,
        Failed,
        QMAIL,
    ),
    sig(
        "this is a permanent error; i've given up",
        None,
        Failed,
        QMAIL,
    ),
    sig(
        "i tried to deliver a bounce message to this address, but the bounce bounced",
        Some(F::Qmail),
        Failed,
        QMAIL,
    ),
    sig(
        "i'm not going to try again; this message has been in the queue too long",
        None,
        Failed,
        QMAIL,
    ),
    sig(
        "hi. this is the james mail server at",
        Some(F::James),
        Failed,
        JAMES,
    ),
    sig(
        "hi. this is the haraka mailer program at",
        Some(F::Haraka),
        Failed,
        HARAKA,
    ),
    // Postfix: the text part of its reports.
    sig(
        "this is the mail system at host",
        Some(F::Postfix),
        Format,
        POSTFIX,
    ),
    sig(
        "this is the postfix program at host",
        Some(F::Postfix),
        Format,
        POSTFIX_OLD,
    ),
    sig(
        "i'm sorry to have to inform you that your message could not",
        None,
        Failed,
        POSTFIX,
    ),
    sig("this is a warning only.", None, Delayed, POSTFIX),
    sig(
        "your message could not be delivered for more than",
        None,
        Delayed,
        POSTFIX,
    ),
    sig("it will be retried until it is", None, Delayed, POSTFIX),
    sig(
        "your message was successfully delivered to the destination(s)",
        None,
        Delivered,
        POSTFIX,
    ),
    // Postfix's notice to the postmaster of a session's errors (notify_classes).
    sig(
        "transcript of session follows.",
        Some(F::Postfix),
        Failed,
        POSTFIX_NOTICE,
    ),
    // Exim: one opening line for failures and delay warnings.
    sig(
        "this message was created automatically by mail delivery software",
        Some(F::Exim),
        Format,
        EXIM,
    ),
    sig(
        "could not be delivered to one or more of its",
        None,
        Failed,
        EXIM,
    ),
    sig(
        "this is a permanent error. the following address",
        None,
        Failed,
        EXIM,
    ),
    sig(
        "has not yet been delivered to one or more of its",
        None,
        Delayed,
        EXIM,
    ),
    sig(
        "to which the message has not yet been delivered",
        None,
        Delayed,
        EXIM,
    ),
    sig(
        "no action is required on your part. delivery attempts will continue",
        None,
        Delayed,
        EXIM,
    ),
    sig(
        "the following addresses had successful delivery notifications",
        None,
        Relayed,
        EXIM,
    ),
    sig(
        "contained one or more recipient addresses that were",
        None,
        Failed,
        EXIM_MOAN,
    ),
    // Sendmail: sections by outcome.
    sig(
        "the original message was received at",
        Some(F::Sendmail),
        Format,
        SENDMAIL,
    ),
    sig(
        "the following addresses had permanent fatal errors",
        None,
        Failed,
        SENDMAIL,
    ),
    sig(
        "the following addresses had transient non-fatal errors",
        None,
        Delayed,
        SENDMAIL,
    ),
    sig("this is a warning message only", None, Delayed, SENDMAIL),
    sig(
        "you do not need to resend your message",
        None,
        Delayed,
        SENDMAIL,
    ),
    sig(
        "warning: message still undelivered after",
        None,
        Delayed,
        SENDMAIL,
    ),
    sig("will keep trying until message is", None, Delayed, SENDMAIL),
    sig(
        "----- transcript of session follows -----",
        Some(F::Sendmail),
        Format,
        SENDMAIL,
    ),
    sig(
        "----- unsent message follows -----",
        Some(F::Sendmail),
        Format,
        SENDMAIL,
    ),
    // Courier: sections by outcome.
    sig(
        "running the courier mail server",
        Some(F::Courier),
        Format,
        COURIER,
    ),
    sig(
        "your message to the following recipients cannot be delivered",
        None,
        Failed,
        COURIER,
    ),
    sig("this is an advisory notice only", None, Delayed, COURIER),
    sig(
        "message delivered to a mail gateway",
        None,
        Relayed,
        COURIER,
    ),
    sig(
        "your e-mail requested a delivery notice/return receipt",
        None,
        Delivered,
        COURIER,
    ),
    // OpenSMTPD.
    sig(
        "this is the mailer-daemon, please do not reply to this",
        Some(F::OpenSmtpd),
        Format,
        OPENSMTPD,
    ),
    sig(
        "an error has occurred while attempting to deliver a message for",
        None,
        Failed,
        OPENSMTPD,
    ),
    sig(
        "a message is delayed for more than",
        None,
        Delayed,
        OPENSMTPD,
    ),
    sig(
        "please note that this is only a temporary failure report",
        None,
        Delayed,
        OPENSMTPD,
    ),
    sig(
        "your message was successfully delivered to these recipients",
        None,
        Delivered,
        OPENSMTPD,
    ),
    sig(
        "your message was relayed to these recipients",
        None,
        Relayed,
        OPENSMTPD,
    ),
    // The DragonFly Mail Agent bounces once it has given up.
    sig(
        "there was an error delivering your mail to",
        Some(F::Dma),
        Failed,
        DMA,
    ),
    // Exchange and Microsoft 365.
    sig(
        "delivery has failed to these recipients or groups",
        Some(F::Exchange),
        Failed,
        EXCHANGE,
    ),
    sig(
        "delivery is delayed to these recipients or groups",
        Some(F::Exchange),
        Delayed,
        EXCHANGE,
    ),
    sig(
        "this message hasn't been delivered yet",
        Some(F::Exchange),
        Delayed,
        EXCHANGE,
    ),
    sig(
        "the server will keep trying to deliver this message",
        Some(F::Exchange),
        Delayed,
        EXCHANGE,
    ),
    sig(
        "diagnostic information for administrators",
        Some(F::Exchange),
        Format,
        EXCHANGE,
    ),
    sig(
        "your message did not reach some or all of the intended recipients",
        Some(F::Exchange),
        Failed,
        EXCHANGE_2003,
    ),
    sig(
        "did not reach the following recipient(s)",
        Some(F::Exchange),
        Failed,
        EXCHANGE_2003,
    ),
    sig(
        "the following recipient(s) could not be reached",
        Some(F::Exchange),
        Failed,
        EXCHANGE_2003,
    ),
    // Gmail.
    sig(
        "delivery to the following recipient failed permanently",
        Some(F::Gmail),
        Failed,
        GMAIL,
    ),
    sig(
        "delivery to the following recipients failed permanently",
        Some(F::Gmail),
        Failed,
        GMAIL,
    ),
    sig(
        "delivery to the following recipient has been delayed",
        Some(F::Gmail),
        Delayed,
        GMAIL,
    ),
    sig(
        "delivery to the following recipients has been delayed",
        Some(F::Gmail),
        Delayed,
        GMAIL,
    ),
    // Yahoo and AOL.
    sig(
        "sorry, we were unable to deliver your message to the following address",
        Some(F::Yahoo),
        Failed,
        YAHOO,
    ),
    // Amazon SES and WorkMail.
    sig(
        "an error occurred while trying to deliver the mail to the following recipients",
        Some(F::AmazonSes),
        Failed,
        SES,
    ),
    // Sieve's `reject` (RFC 5429), sent as a report of the refusal.
    sig(
        "was automatically rejected:",
        Some(F::SieveReject),
        Failed,
        DOVECOT,
    ),
    sig(
        "your message was automatically rejected by sieve",
        Some(F::SieveReject),
        Failed,
        CYRUS,
    ),
    // Mailing lists.
    sig(
        "mailing-list was rejected for the following",
        Some(F::Mailman),
        Failed,
        MAILMAN,
    ),
    sig(
        "has been rejected by the list moderator",
        Some(F::Mailman),
        Failed,
        MAILMAN,
    ),
    sig(
        "is being held until the list moderator can review it for approval",
        Some(F::Mailman),
        Delayed,
        MAILMAN,
    ),
    sig(
        "impossible to distribute your message for list",
        Some(F::Sympa),
        Failed,
        SYMPA,
    ),
];

/// Subjects that a server gives only its delay warnings, matched at the start of the subject in
/// any ASCII case. Exim's is `Warning: message <id> delayed <time>`: see [`is_delay_subject`].
pub(crate) const DELAY_SUBJECTS: &[(&str, &str)] = &[
    ("delayed mail (still being retried)", POSTFIX),
    ("warning: could not send message for past", SENDMAIL),
    ("warning: delayed mail", COURIER),
    ("delivery status notification: delayed", OPENSMTPD),
    ("delivery status notification (delay)", GMAIL),
    ("delivery delayed:", EXCHANGE),
];

/// Words that say an email reports a delivery problem at all, in the subjects and texts of the
/// servers without a signature of their own (failure notices and delay warnings alike).
pub(crate) const BOUNCE_WORDS: &[&str] = &[
    "could not be delivered",
    "cannot be delivered",
    "can't be delivered",
    "couldn't be delivered",
    "was not delivered",
    "wasn't delivered",
    "not be delivered",
    "could not deliver",
    "unable to deliver",
    "undeliverable",
    "undelivered",
    "delivery failed",
    "delivery failure",
    "delivery has failed",
    "failed delivery",
    "delivery problem",
    "delivery status notification",
    "error delivering",
    "trouble delivering",
    "did not reach",
    "could not be reached",
    "returned mail",
    "returned to sender",
    "mail delivery failed",
    "failure notice",
    "permanent error",
    "permanent failure",
    "failed permanently",
    "has been delayed",
    "delivery delayed",
    "not yet been delivered",
];

/// Words that say the server has given up (in servers without a signature of their own): a
/// delay warning never says these.
pub(crate) const FINAL_WORDS: &[&str] = &[
    "permanent error",
    "permanent failure",
    "failed permanently",
    "permanent fatal error",
    "given up",
    "giving up",
    "will not try again",
    "not going to try again",
    "will not be retried",
    "won't be retried",
];

/// Words that general delay warnings use: the server keeps trying (Postfix, Sendmail, Exim,
/// Exchange, Gmail, `OpenSMTPD` and Courier all say one of these in theirs).
pub(crate) const DELAYED_WORDS: &[&str] = &[
    "will keep trying",
    "will be retried",
    "still being retried",
    "will continue to be attempted",
    "will continue trying",
    "has been delayed",
    "is delayed",
    "not yet been delivered",
    "warning message only",
    "warning only",
    "do not need to resend",
    "do not need to re-send",
    "temporary failure report",
];

/// A signature found in a text, at an offset.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub(crate) at: usize,
    pub(crate) signature: &'static Signature,
}

/// What a text holds of the fixed texts and words this crate looks for, found in one pass.
#[derive(Debug, Default)]
#[allow(clippy::struct_excessive_bools)] // Independent findings, each read on its own.
pub(crate) struct Words {
    /// The signatures, in order of position.
    pub(crate) signatures: Vec<Found>,
    /// One of [`BOUNCE_WORDS`].
    pub(crate) bounce: bool,
    /// One of [`FINAL_WORDS`].
    pub(crate) gives_up: bool,
    /// One of [`DELAYED_WORDS`].
    pub(crate) delayed: bool,
    /// One of the challenge-response texts.
    pub(crate) challenge: bool,
    /// One of the vacation texts.
    pub(crate) vacation: bool,
}

/// Which list a pattern of [`WORDS`] comes from.
#[derive(Debug, Clone, Copy)]
enum List {
    Signature(usize),
    Bounce,
    Final,
    Delayed,
    Challenge,
    Vacation,
}

/// Every pattern the text is searched for, with its list.
static PATTERNS: LazyLock<Vec<(&'static str, List)>> = LazyLock::new(|| {
    let mut patterns: Vec<(&'static str, List)> = SIGNATURES
        .iter()
        .enumerate()
        .map(|(index, signature)| (signature.text, List::Signature(index)))
        .collect();
    patterns.extend(BOUNCE_WORDS.iter().map(|&word| (word, List::Bounce)));
    patterns.extend(FINAL_WORDS.iter().map(|&word| (word, List::Final)));
    patterns.extend(DELAYED_WORDS.iter().map(|&word| (word, List::Delayed)));
    patterns.extend(CHALLENGE_TEXTS.iter().map(|&word| (word, List::Challenge)));
    patterns.extend(VACATION_TEXTS.iter().map(|&word| (word, List::Vacation)));
    patterns
});

/// One automaton for all of [`PATTERNS`], reporting overlapping matches.
static WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(PATTERNS.iter().map(|&(pattern, _)| pattern))
        .expect("short literal patterns always build")
});

/// The fixed texts and words of `text`, in one pass.
pub(crate) fn words_in(text: &str) -> Words {
    let mut words = Words::default();
    for found in WORDS.find_overlapping_iter(text) {
        match PATTERNS[found.pattern().as_usize()].1 {
            List::Signature(index) => words.signatures.push(Found {
                at: found.start(),
                signature: &SIGNATURES[index],
            }),
            List::Bounce => words.bounce = true,
            List::Final => words.gives_up = true,
            List::Delayed => words.delayed = true,
            List::Challenge => words.challenge = true,
            List::Vacation => words.vacation = true,
        }
    }
    words.signatures.sort_by_key(|found| found.at);
    words
}

static BOUNCE_AUTOMATON: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(BOUNCE_WORDS.iter().copied()));

/// Whether `text` (a subject) holds one of [`BOUNCE_WORDS`].
pub(crate) fn says_bounce(text: &str) -> bool {
    BOUNCE_AUTOMATON.is_match(text)
}

/// Whether `subject` is one that servers give only their delay warnings.
pub(crate) fn is_delay_subject(subject: &str) -> bool {
    let subject = subject.trim_start();
    DELAY_SUBJECTS
        .iter()
        .any(|&(prefix, _)| starts_with_ignore_case(subject, prefix))
        || (starts_with_ignore_case(subject, "warning: message ")
            && contains_ignore_case(subject, " delayed "))
}

pub(crate) fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

pub(crate) fn contains_ignore_case(text: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    text.as_bytes()
        .windows(needle.len().max(1))
        .any(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_signature_is_lower_case_and_unique() {
        for (index, signature) in SIGNATURES.iter().enumerate() {
            assert_eq!(signature.text, signature.text.to_ascii_lowercase());
            assert!(!signature.text.contains("  "), "{}", signature.text);
            assert!(
                SIGNATURES[..index]
                    .iter()
                    .all(|other| other.text != signature.text),
                "{} twice",
                signature.text
            );
            assert!(!signature.source.is_empty());
        }
    }

    #[test]
    fn signatures_are_found_in_any_case_in_order() {
        let text = "Hi. This is the qmail-send program at example.com.\n\
                    I'm afraid I wasn't able to deliver your message to the following addresses.\n";
        let found = words_in(text).signatures;
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].signature.format, Some(TextFormat::Qmail));
        assert_eq!(found[0].at, 0);
        assert_eq!(found[1].signature.says, Failed);
    }

    #[test]
    fn delay_subjects() {
        let cases: &[(&str, bool)] = &[
            ("Delayed Mail (still being retried)", true),
            ("Warning: could not send message for past 4 hours", true),
            ("Warning: message 1abcDE-000123-AB delayed 24 hours", true),
            ("Warning: message from your bank", false),
            ("WARNING: delayed mail.", true),
            ("Delivery Status Notification (Delay)", true),
            ("Delivery Status Notification (Failure)", false),
            ("Delivery delayed:Quarterly report", true),
            ("Undelivered Mail Returned to Sender", false),
        ];
        for &(subject, want) in cases {
            assert_eq!(is_delay_subject(subject), want, "{subject}");
        }
    }

    #[test]
    fn general_words() {
        let words = words_in("This is a PERMANENT ERROR.");
        assert!(words.gives_up && words.bounce && !words.delayed);
        let words = words_in("Your message will be retried for 2 more days");
        assert!(!words.gives_up && words.delayed);
        assert!(says_bounce("Undeliverable: Quarterly report"));
        let words = words_in("I am out of the office until Monday.");
        assert!(!words.bounce && words.vacation);
        let words = words_in("550 5.1.1 User unknown");
        assert!(!words.delayed && !words.bounce && words.signatures.is_empty());
    }
}
