//! The explainer page's interpreter: whatever a person pastes (a reply, a log line, a delivery
//! status report, a bounce email, a bare code) explained in plain words and with the exact data,
//! by the `smtp-codes` runtime crate.
//!
//! [`explain`] is the one entry point; the page (`page/`, built by `scripts/web.sh`) calls it
//! through the WebAssembly exports of [`wasm`] and renders the [`Explanation`] as JSON.
//!
//! ```
//! use smtp_codes_web::{explain, Input, VerdictKind};
//! let explanation = explain(b"550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown", None);
//! assert_eq!(explanation.input, Input::Reply);
//! assert_eq!(explanation.items[0].verdict.kind, VerdictKind::RemoveAddress);
//! ```
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod email;
mod facts;
pub mod json;
mod read;
pub mod tables;
mod to_json;
pub mod wasm;
mod words;

use smtp_codes::Command;

pub use facts::explain;

/// What the pasted text was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// Nothing but white space.
    Empty,
    /// A reply code alone: `550`.
    Code,
    /// An enhanced status code alone: `5.1.1`.
    EnhancedCode,
    /// One or more replies as a server sends them, one line or several.
    Reply,
    /// Log lines or bounce text that quote a reply (`... said: 550 ... (in reply to RCPT TO command)`).
    LogLine,
    /// A delivery status report (RFC 3464) or some of its fields (`Diagnostic-Code: smtp; 550 ...`).
    DeliveryStatus,
    /// A whole email (or an mbox file's first): a bounce, a delay warning, a complaint, an
    /// automatic reply, or another email, read by [`smtp_codes_bounce::Bounce`].
    Email,
    /// None of the above.
    NotUnderstood,
}

impl Input {
    /// The name the page reads: `reply`, `log-line`, `delivery-status`, ...
    ///
    /// ```
    /// assert_eq!(smtp_codes_web::Input::LogLine.name(), "log-line");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Input::Empty => "empty",
            Input::Code => "code",
            Input::EnhancedCode => "enhanced-code",
            Input::Reply => "reply",
            Input::LogLine => "log-line",
            Input::DeliveryStatus => "delivery-status",
            Input::Email => "email",
            Input::NotUnderstood => "not-understood",
        }
    }
}

/// The explanation of a pasted text: what it was read as, and one [`Item`] per reply, recipient
/// or code in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// What the text was read as.
    pub input: Input,
    /// What was read, in one sentence: `A reply of 4 lines.`
    pub summary: String,
    /// One per reply, log line, recipient or code.
    pub items: Vec<Item>,
    /// What the reader should know about how the text was read (a part skipped, a limit).
    pub notes: Vec<String>,
    /// Why nothing (or not everything) could be explained: where and what.
    pub error: Option<String>,
    /// For a whole email: what it is, and the message it is about.
    pub email: Option<EmailFacts>,
}

/// One reply, recipient or code explained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// A short title: `550 5.1.1`, `Recipient bob@example.com`.
    pub heading: String,
    /// What to do, in plain words.
    pub verdict: Verdict,
    /// The reply's lines as sent (every line of a multi-line reply), or a diagnostic code's.
    pub lines: Vec<String>,
    /// For a recipient of a delivery status report: what the report says about it.
    pub recipient: Option<RecipientFacts>,
    /// The reply code.
    pub code: Option<CodeFacts>,
    /// The enhanced status code.
    pub enhanced: Option<EnhancedFacts>,
    /// The command the reply answered, when known.
    pub command: Option<CommandFacts>,
    /// Retry or not: the advice for the code and the command.
    pub advice: Option<AdviceFacts>,
    /// Why the delivery failed and whether to remove the address.
    pub diagnosis: Option<DiagnosisFacts>,
    /// For a reply to EHLO: the server's capabilities.
    pub ehlo: Option<EhloFacts>,
}

/// What to do, in plain words for someone who just got a bounce.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// The kind, for the page's colours and for tests.
    pub kind: VerdictKind,
    /// One sentence: `Remove this address: ...`.
    pub headline: String,
    /// Why, and what to do next.
    pub detail: String,
}

/// The kinds of [`Verdict`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictKind {
    /// Accepted or delivered.
    Success,
    /// Not an error: the server waits for the next step.
    Continue,
    /// A temporary failure: try again later; the address is fine.
    RetryLater,
    /// A permanent failure because of the address: remove it.
    RemoveAddress,
    /// A permanent failure for another cause: the address is fine.
    KeepAddress,
    /// A permanent failure whose cause the input does not tell.
    Unclear,
    /// An email that reports no delivery failure: an automatic reply, a complaint, another
    /// email.
    NotABounce,
}

impl VerdictKind {
    /// The name the page reads: `success`, `continue`, `retry`, `remove`, `keep`, `unclear`,
    /// `not-a-bounce`.
    ///
    /// ```
    /// assert_eq!(smtp_codes_web::VerdictKind::RemoveAddress.name(), "remove");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            VerdictKind::Success => "success",
            VerdictKind::Continue => "continue",
            VerdictKind::RetryLater => "retry",
            VerdictKind::RemoveAddress => "remove",
            VerdictKind::KeepAddress => "keep",
            VerdictKind::Unclear => "unclear",
            VerdictKind::NotABounce => "not-a-bounce",
        }
    }
}

/// A reply code: the table's row, or its class when the table does not know it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeFacts {
    /// The code, `200..=599`.
    pub code: u16,
    /// Whether the table (`codes.csv`) has it.
    pub known: bool,
    /// The table's meaning, or what the class says of an unknown code.
    pub meaning: String,
    /// The RFC that defines it; empty for an unknown code.
    pub reference: &'static str,
    /// The first digit.
    pub class_digit: u8,
    /// The class's name in RFC 5321 §4.2.1.
    pub class_name: &'static str,
    /// The class in plain words: `permanent failure`.
    pub class_plain: &'static str,
    /// The second digit's category (RFC 5321 §4.2.1), `None` above 5.
    pub category: Option<&'static str>,
    /// The second digit.
    pub category_digit: u8,
    /// The table's `retryable` column, or the class's for an unknown code.
    pub retryable: bool,
}

/// An enhanced status code (RFC 3463) and its registry entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnhancedFacts {
    /// As written: `5.1.1`.
    pub code: String,
    /// The class's name: `Permanent Failure`.
    pub class_name: &'static str,
    /// The subject's name: `Addressing Status`; `None` above 7.
    pub subject: Option<&'static str>,
    /// The IANA registry's title; `None` when the registry has no such code.
    pub title: Option<&'static str>,
    /// The registry's reference.
    pub reference: Option<&'static str>,
}

/// The command a reply answered, and who said so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandFacts {
    /// As sent: `RCPT`, `greeting`, `end-of-data`.
    pub name: &'static str,
    /// `given` (chosen on the page) or `text` (named in the pasted text).
    pub source: &'static str,
}

/// The retry advice ([`smtp_codes::Outcome`]) and the rule that gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdviceFacts {
    /// `Success`, `Continue`, `RetryLater` or `FailPermanently`.
    pub decision: &'static str,
    /// Whether the server closes the connection.
    pub closing: bool,
    /// The rule, with its RFC.
    pub rule: String,
}

/// The bounce diagnosis ([`smtp_codes::Diagnosis`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiagnosisFacts {
    /// The reason's name: `UserUnknown`.
    pub reason: String,
    /// The reasons table's description.
    pub description: &'static str,
    /// Whether to remove the address.
    pub hard: bool,
    /// The rule that decided ([`smtp_codes::diagnosis::Evidence`]'s `Display`).
    pub rule: String,
    /// The whole diagnosis (`Diagnosis`'s `Display`).
    pub summary: String,
}

/// A reply to EHLO read as the server's capabilities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EhloFacts {
    /// The domain the server names itself by.
    pub domain: String,
    /// The rest of the first line.
    pub greeting: String,
    /// One per capability line.
    pub capabilities: Vec<CapabilityFacts>,
}

/// One capability line of an EHLO reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CapabilityFacts {
    /// The line's text as sent.
    pub line: String,
    /// The keyword: `PIPELINING`.
    pub keyword: String,
    /// The IANA registry's description; `None` for a keyword it does not have.
    pub description: Option<&'static str>,
    /// The registry's reference.
    pub reference: Option<&'static str>,
    /// What the parameters say (`at most 35882577 octets`), when read.
    pub note: Option<String>,
}

/// What a delivery status report (RFC 3464 §2.3) or a bounce says about one recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientFacts {
    /// `Final-Recipient`'s address, else `Original-Recipient`'s; a text bounce's address.
    pub address: Option<String>,
    /// `Original-Recipient`'s, when it differs from the address.
    pub original_address: Option<String>,
    /// `Action`: `failed`, `delayed`, `delivered`, `relayed`, `expanded`.
    pub action: Option<&'static str>,
    /// Whether the report states the action (its `Action` field), rather than the action being
    /// read from a bounce's words.
    pub action_stated: bool,
    /// `Status`, as read.
    pub status: Option<String>,
    /// `Remote-MTA`: the server that answered.
    pub remote_mta: Option<String>,
    /// `Diagnostic-Code`'s type: `smtp`, `X-Postfix` (of a pasted report).
    pub diagnostic_type: Option<String>,
    /// The per-message `Reporting-MTA`: the server that wrote the report.
    pub reporting_mta: Option<String>,
    /// When the server last tried (`Last-Attempt-Date`, else `Arrival-Date`, else the bounce's
    /// `Date`), as written.
    pub date: Option<String>,
    /// For an email, where the recipient was read from: `report` (its delivery-status part),
    /// `text` (the words written for people), `ses-notification`.
    pub source: Option<&'static str>,
}

/// What a whole email is, and what it says about the message it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailFacts {
    /// What it is: `failure`, `delay-warning`, `success`, `feedback-report`, `auto-reply`
    /// (`auto-reply/vacation`, `auto-reply/challenge-response`), `not-a-bounce`.
    pub kind: &'static str,
    /// What it is and what to do, in plain words.
    pub verdict: Verdict,
    /// How the report is written: `delivery-status`, `feedback-report`, `ses-notification`, or
    /// a text format (`qmail`, `postfix`, ..., `text`); `None` when it reports nothing.
    pub format: Option<&'static str>,
    /// The format in words: `a delivery status report (RFC 3464)`, `the text qmail writes`.
    pub format_plain: Option<String>,
    /// The server that wrote the report (`Reporting-MTA`).
    pub reporting_mta: Option<String>,
    /// The email's `Subject`, decoded.
    pub subject: Option<String>,
    /// The email's `From`.
    pub from: Option<String>,
    /// The email's `Date`.
    pub date: Option<String>,
    /// The identifiers of the message it returns or is about, when it has any.
    pub original: Option<OriginalFacts>,
    /// The complaint of a feedback report.
    pub complaint: Option<ComplaintFacts>,
}

/// The identifiers of the message a bounce returns, to match the bounce to what was sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OriginalFacts {
    /// Its `Message-ID`, without `<>`.
    pub message_id: Option<String>,
    /// Its `Subject`, decoded.
    pub subject: Option<String>,
    /// Its `From`.
    pub from: Option<String>,
    /// Its `To`.
    pub to: Option<String>,
    /// Its `Date`.
    pub date: Option<String>,
    /// The envelope sender the bounce went to (the message's `Return-Path`).
    pub envelope_sender: Option<String>,
    /// The report's `Original-Envelope-Id` (RFC 3461 `ENVID`).
    pub envelope_id: Option<String>,
    /// The recipient a VERP envelope sender encodes (`bounces+bob=example.com@...`).
    pub verp_recipient: Option<String>,
}

/// A complaint (RFC 5965 feedback report).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintFacts {
    /// `Feedback-Type`: `abuse`, `fraud`, `virus`, `not-spam`, `auth-failure`, `other`.
    pub feedback_type: String,
    /// Who complained: `Original-Rcpt-To`, else the message's `To`.
    pub recipient: Option<String>,
    /// `Original-Mail-From`: the message's envelope sender.
    pub original_mail_from: Option<String>,
    /// `Source-IP`: the server that sent the message.
    pub source_ip: Option<String>,
    /// `Arrival-Date`.
    pub arrival_date: Option<String>,
    /// `User-Agent`: the software (the provider) that wrote the report.
    pub user_agent: Option<String>,
    /// `Reported-Domain`.
    pub reported_domain: Option<String>,
}

/// Reads a command's name as the page offers it (`RCPT`, `greeting`, `end-of-data`); empty or
/// unknown is `None`.
///
/// ```
/// use smtp_codes::Command;
/// assert_eq!(smtp_codes_web::command_named("rcpt"), Some(Command::Rcpt));
/// assert_eq!(smtp_codes_web::command_named(""), None);
/// ```
#[must_use]
pub fn command_named(name: &str) -> Option<Command> {
    name.trim().parse().ok()
}
