//! Bounce diagnosis: why a delivery failed, and whether to suppress the address.
//!
//! [`Diagnosis::of`] takes what the caller has — the reply code, the enhanced status code, the
//! text (a whole reply, a log line, a DSN's diagnostic text) and the command the reply answered —
//! and returns a [`Reason`], whether the bounce is hard (suppress the address) and the
//! [`Evidence`]: the rule that decided. [`Reply::diagnose`](crate::Reply::diagnose) does the same
//! for a parsed reply, and [`dsn::Recipient::diagnose`](crate::dsn::Recipient::diagnose) for a
//! recipient of a delivery status report.
//!
//! ```
//! use smtp_codes::{Command, Diagnosis, Reason};
//!
//! let diagnosis = Diagnosis::of(Some(550), None, b"550 5.1.1 <bob@example.com>: User unknown", Some(Command::Rcpt));
//! assert_eq!(diagnosis.reason(), Reason::UserUnknown);
//! assert!(diagnosis.is_hard());
//! assert_eq!(
//!     diagnosis.to_string(),
//!     "UserUnknown (hard): status X.1.1 decides (Bad destination mailbox address)"
//! );
//! ```
//!
//! # Hard and soft
//!
//! A reason's `hard` column says whether its permanent failure means the address itself is bad:
//! `UserUnknown`, `HostUnknown`, `HasMoved` and `NotAccept`. Everything else is soft: the address
//! is fine, the sender or the message is not. A transient failure (a `4.x.x` status, or a 4yz code
//! and no status) is soft whatever the reason: the reporter has not decided the address is
//! undeliverable (RFC 5321 §4.2.1, RFC 3463 §3.1).
//!
//! # The rule order, and why
//!
//! The first rule that applies decides; [`Evidence`] says which.
//!
//! 1. **A status-first rule** for the enhanced status code (`X.1.1` `UserUnknown`, `X.2.2`
//!    `MailboxFull`, `X.7.26` `AuthFailure`, ...). A specific code is the receiving server's own
//!    classification, in a registry whose meanings are fixed (RFC 3463, 5248, 7372, 7505), while
//!    its words vary with the vendor and the language. But some codes are sent for more than
//!    their meaning: servers send `X.1.1` for any refusal of a recipient (qmail's maildir++
//!    patch: `User over quota. (#5.1.1)`), Exchange Online `5.2.2` for a sender's rate limit.
//!    Such a rule names, in `statuses.csv`'s `yields_to`, the reasons whose phrases win over it
//!    ([`StatusRule::yields_to`]): when the text's first phrase has one of them, the words
//!    decide. So no text that names a cause of another kind is a hard `UserUnknown`.
//! 2. **The first phrase of the phrase table** found in the text and applying to the command.
//!    Text overrides a generic code (`5.7.1`, `5.0.0`, `5.5.0`, and codes without a rule): those
//!    say only "refused", and the words say why (`blocked using zen.spamhaus.org`, `DMARC
//!    policy`, `Mailbox full`). Rows are tried in file order, so order is priority: specific
//!    wordings come before general ones, and causes before the wrappers that report them.
//! 3. **A text-first rule** for the enhanced status code (`X.2.1` `Suspend`, `X.7.0`
//!    `SecurityError`, `X.6.x` `ContentError`, ...): codes servers also send for other things (Gmail
//!    sends `4.2.1` for a rate limit, Microsoft 365 `5.1.10` for a recipient missing from its
//!    directory where RFC 7505 means a null MX), so a matching phrase wins.
//! 4. **The command**: a refused `MAIL` is a rejected sender (RFC 5321 §4.1.1.2: it names the
//!    sender), a refused greeting, `HELO`, `EHLO` or `LHLO` a blocked client.
//! 5. Otherwise `Undefined`, soft, with the class of the code as the only evidence.
//!
//! **The command decides between `UserUnknown` and `Filtered`.** The user-unknown wordings
//! (`user unknown`, `no such user`, ...) are `UserUnknown` only in reply to `RCPT`. After `DATA`
//! they come from a filter or a check that accepted the recipient first (`Filtered`); when the
//! command is not known at all, the soft reading is taken too: wrongly keeping an unknown address
//! costs one more bounce, wrongly suppressing a valid one loses a recipient. A specific status
//! (`5.1.1`) still decides `UserUnknown` whatever the command.
//!
//! **Where an argument is `None`, the text is read for it**: the first failure status written on
//! its own (`550 5.1.1 ...`, `#5.1.1`, `(#5.1.1)`, not inside an IP address), the first reply
//! code on its own, and the command in MTAs' words (Postfix `(in reply to RCPT TO command)`, Exim
//! `after RCPT TO`, qmail `does not like recipient`, Sendmail `>>> RCPT To`). An argument always
//! wins over the text.
//!
//! # The tables
//!
//! `reasons.csv` (the reasons), `phrases.csv` (the phrases that reveal them, each citing where its
//! wording comes from) and `statuses.csv` (the status codes that decide them, with their
//! priority), read by [`reasons`](crate::reasons) at compile time; fix a misclassification by
//! editing a row. Their formats and checks are in [`table_format`](crate::table_format). The
//! phrases are compiled into one automaton (ASCII case-insensitive, one pass over the text,
//! linear whatever the input, walked in `no_std` without allocation).

// A generated table of names (reasons, products) that are not code.
#[allow(clippy::doc_markdown)]
#[doc = include_str!("coverage.md")]
pub mod coverage {}
pub(crate) mod matcher;
mod reason;
mod rules;
mod text;

use core::fmt;

pub use reason::{ParseReasonError, Reason};
pub use rules::{Phrase, PhraseSources, StatusRule};

use crate::code::Class;
use crate::command::Command;
use crate::enhanced::{EnhancedClass, EnhancedCode, EnhancedStatus};

/// Which rule decided a [`Diagnosis`].
///
/// ```
/// use smtp_codes::{Command, Diagnosis, diagnosis::Evidence};
///
/// let refused = Diagnosis::of(Some(550), None, b"", Some(Command::Mail));
/// assert_eq!(refused.evidence(), Evidence::Command(Command::Mail));
/// assert!(matches!(
///     Diagnosis::of(Some(550), None, b"5.1.1 No such user", None).evidence(),
///     Evidence::Status(_)
/// ));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Evidence {
    /// A status-first rule: the enhanced status code is specific enough to decide alone.
    Status(&'static StatusRule<Reason>),
    /// A phrase of the phrase table found in the text.
    Phrase(&'static Phrase<Reason>),
    /// A text-first rule: no phrase matched, so the enhanced status code decided.
    StatusWithoutPhrase(&'static StatusRule<Reason>),
    /// No code or phrase decided; the command the reply answered did.
    Command(Command),
    /// Nothing decided: the reason is `Undefined`; the class of the reply, when known.
    Class(Option<Class>),
}

impl fmt::Display for Evidence {
    /// The rule in words, e.g. `status X.1.1 decides (Bad destination mailbox address)`: a
    /// status rule by its code and the registry's title for it (the rule's note when the registry
    /// has none), a phrase as [`Phrase`] shows it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Evidence::Status(rule) => write!(f, "status {rule} decides ({})", title(rule)),
            Evidence::Phrase(phrase) => write!(f, "phrase {phrase}"),
            Evidence::StatusWithoutPhrase(rule) => {
                write!(f, "status {rule}, no phrase matched ({})", title(rule))
            }
            Evidence::Command(command) => write!(f, "no code or phrase; the reply to {command:?}"),
            Evidence::Class(Some(class)) => write!(f, "no rule matched; class {class}"),
            Evidence::Class(None) => f.write_str("no code, status or phrase"),
        }
    }
}

/// The registry's title for a rule's code, or the rule's note when the registry has none
/// (a vendor's `5.7.509`).
fn title(rule: &StatusRule<Reason>) -> &'static str {
    let (subject, detail) = rule.parts();
    EnhancedStatus::from_parts(subject, detail).map_or(rule.note(), EnhancedStatus::title)
}

/// Why a delivery failed and whether to suppress the address, with the rule that decided.
///
/// ```
/// use smtp_codes::{Command, Diagnosis, EnhancedCode, diagnosis::Evidence, Reason};
///
/// let unknown = Diagnosis::of(Some(550), None, b"550 5.1.1 <bob@example.com>: User unknown", Some(Command::Rcpt));
/// assert_eq!(unknown.reason(), Reason::UserUnknown);
/// assert!(unknown.is_hard()); // suppress the address
///
/// // The same 550, for the sender's IP address: the recipient's address is fine.
/// let blocked = Diagnosis::of(Some(550), EnhancedCode::new(5, 7, 1), b"Client host rejected: blocked using zen.spamhaus.org", Some(Command::Rcpt));
/// assert_eq!(blocked.reason(), Reason::Blocked);
/// assert!(!blocked.is_hard());
/// assert!(matches!(blocked.evidence(), Evidence::Phrase(_)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Diagnosis {
    reason: Reason,
    hard: bool,
    evidence: Evidence,
    reply_code: Option<u16>,
    status: Option<EnhancedCode>,
    command: Option<Command>,
}

impl Diagnosis {
    /// Diagnoses a failure from what the caller has: the reply code, the enhanced status code,
    /// the text (a whole reply, a log line, a DSN's diagnostic text) and the command it answered.
    /// Where an argument is `None`, what the text shows is used (`550 5.1.1 ...`, `#5.1.1`,
    /// `(in reply to RCPT TO command)`). One pass over the text per rule, no allocation, no panic.
    ///
    /// ```
    /// use smtp_codes::{Diagnosis, Reason};
    /// let report = b"host mx.example.com said: 552 5.2.2 Quota exceeded (in reply to RCPT TO command)";
    /// let diagnosis = Diagnosis::of(None, None, report, None);
    /// assert_eq!(diagnosis.reason(), Reason::MailboxFull);
    /// assert_eq!(diagnosis.command(), Some(smtp_codes::Command::Rcpt));
    /// assert_eq!(diagnosis.reply_code(), Some(552));
    /// ```
    #[must_use]
    pub fn of(
        reply_code: Option<u16>,
        status: Option<EnhancedCode>,
        text: &[u8],
        command: Option<Command>,
    ) -> Diagnosis {
        let status = status.or_else(|| text::status(text));
        let reply_code = reply_code.or_else(|| text::reply_code(text));
        let command = command.or_else(|| text::command(text));
        let rule = status.and_then(Reason::status_rule);
        let (reason, evidence) = match rule {
            Some(rule) if rule.is_status_first() => {
                match phrase_the_rule_yields_to(rule, text, command) {
                    Some(phrase) => (phrase.reason(), Evidence::Phrase(phrase)),
                    None => (rule.reason(), Evidence::Status(rule)),
                }
            }
            _ => match (Reason::find_phrase(text, command), rule) {
                (Some(phrase), _) => (phrase.reason(), Evidence::Phrase(phrase)),
                (None, Some(rule)) => (rule.reason(), Evidence::StatusWithoutPhrase(rule)),
                (None, None) => match command.and_then(by_command) {
                    Some((reason, command)) => (reason, Evidence::Command(command)),
                    None => (
                        Reason::Undefined,
                        Evidence::Class(class_of(reply_code, status)),
                    ),
                },
            },
        };
        // A transient failure (a 4yz code, or a 4.x.x status) never suppresses the address: the
        // reporter has not decided that it cannot be delivered (RFC 5321 §4.2.1, RFC 3463 §3.1).
        let transient = class_of(reply_code, status) == Some(Class::TransientNegativeCompletion);
        let hard = reason.is_hard() && !transient;
        Diagnosis {
            reason,
            hard,
            evidence,
            reply_code,
            status,
            command,
        }
    }

    /// Why the delivery failed.
    #[must_use]
    pub const fn reason(&self) -> Reason {
        self.reason
    }

    /// Whether to suppress the address (a hard bounce): the reason's `hard` column, when the
    /// failure is permanent. A transient one (a 4yz code, or a `4.x.x` status, which wins over the
    /// code) is never hard, whatever the reason.
    ///
    /// ```
    /// use smtp_codes::{Command, Diagnosis, Reason};
    /// let text = b"450 4.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table";
    /// let diagnosis = Diagnosis::of(None, None, text, Some(Command::Rcpt));
    /// assert_eq!(diagnosis.reason(), Reason::UserUnknown);
    /// assert!(!diagnosis.is_hard()); // the server may know the address tomorrow
    /// ```
    #[must_use]
    pub const fn is_hard(&self) -> bool {
        self.hard
    }

    /// The rule that decided.
    #[must_use]
    pub const fn evidence(&self) -> Evidence {
        self.evidence
    }

    /// The reply code used: the argument, else the first one the text shows.
    ///
    /// ```
    /// use smtp_codes::Diagnosis;
    ///
    /// let diagnosis = Diagnosis::of(None, None, b"host said: 550 5.1.1 No such user", None);
    /// assert_eq!(diagnosis.reply_code(), Some(550));
    /// assert_eq!(Diagnosis::of(Some(450), None, b"550 no", None).reply_code(), Some(450));
    /// ```
    #[must_use]
    pub const fn reply_code(&self) -> Option<u16> {
        self.reply_code
    }

    /// The enhanced status code used: the argument, else the first failure status the text shows.
    ///
    /// ```
    /// use smtp_codes::Diagnosis;
    ///
    /// let diagnosis = Diagnosis::of(Some(550), None, b"550 #5.1.1 No such user", None);
    /// assert_eq!(diagnosis.status().map(|status| status.to_string()).as_deref(), Some("5.1.1"));
    /// ```
    #[must_use]
    pub const fn status(&self) -> Option<EnhancedCode> {
        self.status
    }

    /// The command used: the argument, else the one the text names.
    ///
    /// ```
    /// use smtp_codes::{Command, Diagnosis};
    ///
    /// let text = b"550 5.1.1 <bob@example.com>: User unknown (in reply to RCPT TO command)";
    /// assert_eq!(Diagnosis::of(None, None, text, None).command(), Some(Command::Rcpt));
    /// ```
    #[must_use]
    pub const fn command(&self) -> Option<Command> {
        self.command
    }
}

impl fmt::Display for Diagnosis {
    /// `UserUnknown (hard): status X.1.1 decides (...)`; a reason that is hard when permanent
    /// says why it is not: `UserUnknown (soft: the failure is transient): ...`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match (self.hard, self.reason.is_hard()) {
            (true, _) => "hard",
            (false, true) => "soft: the failure is transient",
            (false, false) => "soft",
        };
        write!(f, "{} ({kind}): {}", self.reason, self.evidence)
    }
}

/// The phrase a status-first rule yields to: the first phrase of the text, when its reason is
/// one the rule's `yields_to` names. A rule that yields to nothing does not search the text.
fn phrase_the_rule_yields_to(
    rule: &StatusRule<Reason>,
    text: &[u8],
    command: Option<Command>,
) -> Option<&'static Phrase<Reason>> {
    if rule.yields_to().is_empty() {
        return None;
    }
    Reason::find_phrase(text, command).filter(|phrase| rule.yields_to().contains(&phrase.reason()))
}

/// The reason a refusal of `command` stands for when nothing else decides: a refused `MAIL`
/// concerns the sender (RFC 5321 §4.1.1.2), a refused greeting or hello the client itself.
const fn by_command(command: Command) -> Option<(Reason, Command)> {
    match command {
        Command::Mail => Some((Reason::Rejected, command)),
        Command::Greeting | Command::Helo | Command::Ehlo | Command::Lhlo => {
            Some((Reason::Blocked, command))
        }
        _ => None,
    }
}

/// The class of the failure: the status's when known (it is more specific), else the code's.
fn class_of(reply_code: Option<u16>, status: Option<EnhancedCode>) -> Option<Class> {
    match status.map(EnhancedCode::class) {
        Some(EnhancedClass::PersistentTransientFailure) => Some(Class::TransientNegativeCompletion),
        Some(EnhancedClass::PermanentFailure) => Some(Class::PermanentNegativeCompletion),
        _ => reply_code.and_then(Class::from_code),
    }
}
