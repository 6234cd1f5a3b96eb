//! One recipient's block of a report (RFC 3464 §2.3), and its `Action`.

use core::fmt;

use super::field::Block;
use super::{DiagnosticCode, Field, Fields, TypedValue};
use crate::bytes::trim_wsp_and_line_ends;
use crate::command::Command;
use crate::diagnosis::Diagnosis;
use crate::enhanced::EnhancedCode;

/// How much of a diagnostic code's text [`Recipient::diagnose`] reads, in bytes: it is unfolded
/// into a buffer of this size on the stack.
///
/// ```
/// use smtp_codes::dsn::{DeliveryStatus, MAX_DIAGNOSTIC_TEXT};
/// use smtp_codes::Reason;
/// // A phrase past the limit is not read.
/// let mut body = b"Final-Recipient: rfc822; a@b\nDiagnostic-Code: smtp; 550 ".to_vec();
/// body.resize(body.len() + MAX_DIAGNOSTIC_TEXT, b'x');
/// body.extend_from_slice(b" mailbox full\n");
/// let report = DeliveryStatus::parse(&body).unwrap();
/// assert_ne!(report.recipients().next().unwrap().diagnose(None).reason(), Reason::MailboxFull);
/// ```
pub const MAX_DIAGNOSTIC_TEXT: usize = 1024;

/// The fields of one recipient (RFC 3464 §2.3). The named accessors return the first field of
/// their name, found when the block was read; [`Recipient::field`] reads the block again, and [`Recipient::fields`] reaches every field, repeated, unknown and
/// `X-` ones too.
///
/// ```
/// use smtp_codes::dsn::{Action, DeliveryStatus};
/// let report = DeliveryStatus::parse(b"Reporting-MTA: dns; a\n\n\
///     Original-Recipient: rfc822;Bob@Example.com\n\
///     Final-Recipient: rfc822; bob@example.com\n\
///     Action: delayed\n\
///     Status: 4.2.2\n\
///     Remote-MTA: dns; mx.example.com\n\
///     Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\n\
///     Will-Retry-Until: Fri, 2 Jan 2026 00:00:00 +0000\n").unwrap();
/// let bob = report.recipients().next().unwrap();
/// assert_eq!(bob.original_recipient().unwrap().value(), b"Bob@Example.com");
/// assert_eq!(bob.action(), Some(Action::Delayed));
/// assert_eq!(bob.status().unwrap().to_string(), "4.2.2");
/// assert_eq!(bob.remote_mta().unwrap().value(), b"mx.example.com");
/// assert_eq!(bob.diagnostic_code().unwrap().reply_code(), Some(452));
/// assert!(bob.field("will-retry-until").is_some());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Recipient<'a> {
    block: Block<'a>,
    known: Known<'a>,
}

/// The fields of RFC 3464 §2.3, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Name {
    OriginalRecipient,
    FinalRecipient,
    Action,
    Status,
    RemoteMta,
    DiagnosticCode,
    LastAttemptDate,
    FinalLogId,
    WillRetryUntil,
    /// Any other field: per-message, extension, `X-`.
    Other,
}

impl Name {
    const ALL: [(&'static str, Name); 9] = [
        ("Original-Recipient", Name::OriginalRecipient),
        ("Final-Recipient", Name::FinalRecipient),
        ("Action", Name::Action),
        ("Status", Name::Status),
        ("Remote-MTA", Name::RemoteMta),
        ("Diagnostic-Code", Name::DiagnosticCode),
        ("Last-Attempt-Date", Name::LastAttemptDate),
        ("Final-Log-ID", Name::FinalLogId),
        ("Will-Retry-Until", Name::WillRetryUntil),
    ];

    /// The field named `name`, in any ASCII case.
    pub(crate) fn of(name: &[u8]) -> Name {
        Name::ALL
            .iter()
            .find(|(known, _)| {
                known.len() == name.len() && name.eq_ignore_ascii_case(known.as_bytes())
            })
            .map_or(Name::Other, |&(_, field)| field)
    }
}

/// The values of the first of each recipient field a block holds, found while the block is read,
/// so that the accessors need not read it again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(crate) struct Known<'a> {
    pub(crate) original_recipient: Option<&'a [u8]>,
    pub(crate) final_recipient: Option<&'a [u8]>,
    action: Option<&'a [u8]>,
    status: Option<&'a [u8]>,
    remote_mta: Option<&'a [u8]>,
    diagnostic_code: Option<&'a [u8]>,
    last_attempt_date: Option<&'a [u8]>,
}

impl<'a> Known<'a> {
    /// Keeps `value` when it is the first field of its name.
    pub(crate) fn record(&mut self, name: Name, value: &'a [u8]) {
        let slot = match name {
            Name::OriginalRecipient => &mut self.original_recipient,
            Name::FinalRecipient => &mut self.final_recipient,
            Name::Action => &mut self.action,
            Name::Status => &mut self.status,
            Name::RemoteMta => &mut self.remote_mta,
            Name::DiagnosticCode => &mut self.diagnostic_code,
            Name::LastAttemptDate => &mut self.last_attempt_date,
            Name::FinalLogId | Name::WillRetryUntil | Name::Other => return,
        };
        slot.get_or_insert(value);
    }
}

impl<'a> Recipient<'a> {
    pub(crate) const fn new(block: Block<'a>, known: Known<'a>) -> Recipient<'a> {
        Recipient { block, known }
    }

    /// `Final-Recipient`: the address the reporting MTA worked on, as `address-type; address`.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Final-Recipient: RFC822; bob@example.com\n").unwrap();
    /// let address = report.recipients().next().unwrap().final_recipient().unwrap();
    /// assert!(address.is_kind("rfc822"));
    /// assert_eq!(address.value(), b"bob@example.com");
    /// ```
    #[must_use]
    pub fn final_recipient(&self) -> Option<TypedValue<'a>> {
        self.known.final_recipient.map(TypedValue::split)
    }

    /// `Original-Recipient`: the address as the sender gave it, when the report says.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Original-Recipient: rfc822;<a@b>\n").unwrap();
    /// assert_eq!(report.recipients().next().unwrap().original_recipient().unwrap().value(), b"<a@b>");
    /// ```
    #[must_use]
    pub fn original_recipient(&self) -> Option<TypedValue<'a>> {
        self.known.original_recipient.map(TypedValue::split)
    }

    /// `Final-Recipient`'s address, else `Original-Recipient`'s: the address to act on.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Original-Recipient: rfc822; a@b\nAction: failed\n").unwrap();
    /// assert_eq!(report.recipients().next().unwrap().address(), Some(&b"a@b"[..]));
    /// ```
    #[must_use]
    pub fn address(&self) -> Option<&'a [u8]> {
        self.final_recipient()
            .or_else(|| self.original_recipient())
            .map(|address| address.value())
    }

    /// `Action`, when it is one of the five of RFC 3464 §2.3.3; an unknown word is `None` (read
    /// it with [`Recipient::field`]).
    ///
    /// ```
    /// use smtp_codes::dsn::{Action, DeliveryStatus};
    /// let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\nAction: Failed\n").unwrap();
    /// assert_eq!(report.recipients().next().unwrap().action(), Some(Action::Failed));
    /// ```
    #[must_use]
    pub fn action(&self) -> Option<Action> {
        Action::parse(self.known.action?)
    }

    /// `Status`, the enhanced status code (RFC 3463); `None` when missing or not a code. A comment
    /// after the code (`5.0.0 (permanent failure)`) is allowed.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\nStatus: 5.0.0 (permanent failure)\n").unwrap();
    /// assert_eq!(report.recipients().next().unwrap().status().unwrap().to_string(), "5.0.0");
    /// ```
    #[must_use]
    pub fn status(&self) -> Option<EnhancedCode> {
        let value = self.known.status?;
        let (code, used) = EnhancedCode::parse_prefix(value).ok()?;
        match value.get(used) {
            None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'(') => Some(code),
            Some(_) => None,
        }
    }

    /// The comment after the `Status` code, without its parentheses: some MTAs say there why
    /// (`Status: 4.0.0 (cat.example.net: host name lookup failure)`).
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\nStatus: 4.0.0 (host name lookup failure)\n").unwrap();
    /// assert_eq!(report.recipients().next().unwrap().status_comment(), Some(&b"host name lookup failure"[..]));
    /// ```
    #[must_use]
    pub fn status_comment(&self) -> Option<&'a [u8]> {
        let value = self.known.status?;
        let open = value.iter().position(|&byte| byte == b'(')?;
        let inside = &value[open + 1..];
        let close = inside
            .iter()
            .rposition(|&byte| byte == b')')
            .unwrap_or(inside.len());
        let comment = trim_wsp_and_line_ends(&inside[..close]);
        (!comment.is_empty()).then_some(comment)
    }

    /// `Remote-MTA`: the server that sent the diagnostic, as `mta-name-type; mta-name`.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\nRemote-MTA: dns; mx.b\n").unwrap();
    /// assert_eq!(report.recipients().next().unwrap().remote_mta().unwrap().value(), b"mx.b");
    /// ```
    #[must_use]
    pub fn remote_mta(&self) -> Option<TypedValue<'a>> {
        self.known.remote_mta.map(TypedValue::split)
    }

    /// `Diagnostic-Code`: what the remote server answered (`smtp; 550 ...`) or another
    /// `diagnostic-type`'s text.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\nDiagnostic-Code: X-Postfix; mail loops back\n").unwrap();
    /// let diagnostic = report.recipients().next().unwrap().diagnostic_code().unwrap();
    /// assert!(diagnostic.is_kind("x-postfix"));
    /// assert_eq!(diagnostic.reply_code(), None);
    /// ```
    #[must_use]
    pub fn diagnostic_code(&self) -> Option<DiagnosticCode<'a>> {
        self.known
            .diagnostic_code
            .map(|value| DiagnosticCode::new(TypedValue::split(value)))
    }

    /// `Last-Attempt-Date`, as sent.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\nLast-Attempt-Date: Thu, 1 Jan 2026 00:00:00 +0000\n").unwrap();
    /// assert!(report.recipients().next().unwrap().last_attempt_date().is_some());
    /// ```
    #[must_use]
    pub fn last_attempt_date(&self) -> Option<&'a [u8]> {
        self.known.last_attempt_date
    }

    /// Why delivery to this recipient failed and whether to suppress the address, in one call:
    /// [`Diagnosis::of`] with the `Status` (a generic `X.0.0` yields to a specific enhanced code
    /// at the start of the diagnostic), the diagnostic code's reply code, its text unfolded
    /// (the first [`MAX_DIAGNOSTIC_TEXT`] bytes, codes repeated by a multi-line reply removed;
    /// without a diagnostic code, the [`Status` comment](Recipient::status_comment)), and `command` when the caller knows it (a report does not say; the text part often does:
    /// "in reply to RCPT TO command"). No allocation.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// use smtp_codes::{Command, Reason};
    /// let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; bob@example.com\n\
    ///     Action: failed\nStatus: 5.0.0\n\
    ///     Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address rejected:\n\
    ///     \x20   User unknown in virtual mailbox table\n").unwrap();
    /// let diagnosis = report.recipients().next().unwrap().diagnose(Some(Command::Rcpt));
    /// assert_eq!(diagnosis.reason(), Reason::UserUnknown);
    /// assert!(diagnosis.is_hard());
    /// assert_eq!(diagnosis.status().unwrap().to_string(), "5.1.1");
    /// ```
    #[must_use]
    pub fn diagnose(&self, command: Option<Command>) -> Diagnosis {
        let diagnostic = self.diagnostic_code();
        let reply_code = diagnostic.and_then(|diagnostic| diagnostic.reply_code());
        let specific = diagnostic.and_then(|diagnostic| diagnostic.enhanced());
        let status = match self.status() {
            Some(status) if status.subject() == 0 && status.detail() == 0 => specific
                .filter(|code| code.class() == status.class())
                .or(Some(status)),
            Some(status) => Some(status),
            None => specific,
        };
        let mut buf = [0; MAX_DIAGNOSTIC_TEXT];
        let text = match diagnostic {
            Some(diagnostic) => diagnostic.unfold_into(&mut buf),
            None => self.status_comment().unwrap_or_default(),
        };
        Diagnosis::of(reply_code, status, text, command)
    }

    /// The first field named `name` (any ASCII case), known or not.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\nX-Supplementary-Info: <queue 42>\n").unwrap();
    /// assert_eq!(report.recipients().next().unwrap().field("X-SUPPLEMENTARY-INFO").unwrap().value(), b"<queue 42>");
    /// ```
    #[must_use]
    pub fn field(&self, name: &str) -> Option<Field<'a>> {
        self.block.field(name)
    }

    /// Every field of the block, in order.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\nAction: failed\n").unwrap();
    /// assert_eq!(report.recipients().next().unwrap().fields().count(), 2);
    /// ```
    #[must_use]
    pub fn fields(&self) -> Fields<'a> {
        self.block.fields()
    }

    /// The block's bytes.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Action: failed\n").unwrap();
    /// assert_eq!(report.recipients().next().unwrap().as_bytes(), b"Action: failed\n");
    /// ```
    #[must_use]
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.block.as_bytes()
    }
}

/// What the reporting MTA did with a recipient: the `Action` field (RFC 3464 §2.3.3). Advice about
/// a reply is [`Decision`](crate::advice::Decision).
///
/// ```
/// use smtp_codes::dsn::Action;
/// assert_eq!(Action::parse(b"FAILED"), Some(Action::Failed));
/// assert_eq!(Action::Delayed.to_string(), "delayed");
/// assert!(Action::Failed.is_failure() && Action::Delayed.is_failure() && !Action::Relayed.is_failure());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Action {
    /// Could not be delivered; no further attempts.
    Failed,
    /// Not delivered yet; the MTA will keep trying.
    Delayed,
    /// Delivered to the recipient's mailbox.
    Delivered,
    /// Handed on to a system that does not send reports.
    Relayed,
    /// Delivered, and forwarded to further addresses (a list or alias).
    Expanded,
}

impl Action {
    /// Every action, in the order of RFC 3464 §2.3.3.
    ///
    /// ```
    /// assert_eq!(smtp_codes::dsn::Action::ALL.len(), 5);
    /// ```
    pub const ALL: &'static [Action] = &[
        Action::Failed,
        Action::Delayed,
        Action::Delivered,
        Action::Relayed,
        Action::Expanded,
    ];

    /// Reads an `Action` value: its first word, any ASCII case. Anything after the word (a
    /// comment, `failed (bad address)`) is ignored.
    ///
    /// ```
    /// use smtp_codes::dsn::Action;
    /// assert_eq!(Action::parse(b"expanded (to 3 addresses)"), Some(Action::Expanded));
    /// assert_eq!(Action::parse(b"bounced"), None);
    /// ```
    #[must_use]
    pub fn parse(value: &[u8]) -> Option<Action> {
        let word_len = value
            .iter()
            .position(|byte| !byte.is_ascii_alphabetic())
            .unwrap_or(value.len());
        let word = &value[..word_len];
        Action::ALL
            .iter()
            .copied()
            .find(|action| word.eq_ignore_ascii_case(action.name().as_bytes()))
    }

    /// The name in RFC 3464, lower case.
    ///
    /// ```
    /// assert_eq!(smtp_codes::dsn::Action::Relayed.name(), "relayed");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Action::Failed => "failed",
            Action::Delayed => "delayed",
            Action::Delivered => "delivered",
            Action::Relayed => "relayed",
            Action::Expanded => "expanded",
        }
    }

    /// Whether the message has not reached the recipient: `failed` or `delayed`.
    ///
    /// ```
    /// assert!(!smtp_codes::dsn::Action::Delivered.is_failure());
    /// ```
    #[must_use]
    pub const fn is_failure(self) -> bool {
        matches!(self, Action::Failed | Action::Delayed)
    }
}

impl fmt::Display for Action {
    /// The RFC name: `failed`, `delayed`, ...
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
