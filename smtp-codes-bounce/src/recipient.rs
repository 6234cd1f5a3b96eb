//! One recipient of a delivery report, as the bounce tells it.

use std::borrow::Cow;

use smtp_codes::dsn::Action;
use smtp_codes::{Command, Diagnosis, EnhancedCode};

/// Where a recipient was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// A recipient block of a `message/delivery-status` part (RFC 3464).
    Report,
    /// The text written for people: the address and the words after it.
    Text,
    /// Amazon SES's JSON notification.
    SesNotification,
}

/// One recipient of a delivery report: its address, what happened, and why.
///
/// Every value borrows from the email's bytes where the email holds it as it is given here (an
/// address or a date in a part that needed no decoding); the one-line diagnostic is usually
/// built.
///
/// ```
/// use smtp_codes::dsn::Action;
/// use smtp_codes::Reason;
/// use smtp_codes_bounce::Bounce;
///
/// let raw = b"From: MAILER-DAEMON@mx.example.org\r\n\
///     Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n\
///     --b\r\nContent-Type: text/plain\r\n\r\nSorry.\r\n\
///     --b\r\nContent-Type: message/delivery-status\r\n\r\n\
///     Reporting-MTA: dns; mx.example.org\r\n\r\n\
///     Final-Recipient: rfc822; bob@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n\
///     Remote-MTA: dns; mx.example.com\r\n\
///     Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: User unknown\r\n\r\n--b--\r\n";
/// let bounce = Bounce::parse(raw);
/// let bob = &bounce.recipients()[0];
/// assert_eq!(bob.address(), "bob@example.com");
/// assert_eq!(bob.action(), Action::Failed);
/// assert_eq!(bob.reply_code(), Some(550));
/// assert_eq!(bob.remote_mta(), Some("mx.example.com"));
/// assert_eq!(bob.diagnostic(), "550 5.1.1 <bob@example.com>: User unknown");
/// assert_eq!(bob.diagnosis().reason(), Reason::UserUnknown);
/// assert!(bob.diagnosis().is_hard());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient<'a> {
    pub(crate) address: Cow<'a, str>,
    pub(crate) original_address: Option<Cow<'a, str>>,
    pub(crate) action: Action,
    pub(crate) action_stated: bool,
    pub(crate) status: Option<EnhancedCode>,
    pub(crate) reply_code: Option<u16>,
    pub(crate) remote_mta: Option<Cow<'a, str>>,
    pub(crate) command: Option<Command>,
    pub(crate) diagnostic: Cow<'a, str>,
    pub(crate) context: Cow<'a, str>,
    pub(crate) date: Option<Cow<'a, str>>,
    pub(crate) diagnosis: Diagnosis,
    pub(crate) source: Source,
}

impl Recipient<'_> {
    /// The address delivery was attempted to (a report's `Final-Recipient`, else
    /// `Original-Recipient`), without `<>`; empty when a text bounce names none.
    #[must_use]
    pub fn address(&self) -> &str {
        &self.address
    }

    /// The address as the sender gave it (a report's `Original-Recipient`), when the bounce
    /// says and it differs from [`Recipient::address`] only by more than `<>`.
    #[must_use]
    pub fn original_address(&self) -> Option<&str> {
        self.original_address.as_deref()
    }

    /// What the reporting server did: `failed`, `delayed`, `delivered`, `relayed` or
    /// `expanded`. A report's `Action`; for a text bounce, what its format says (a delay
    /// warning's recipients are `delayed`); see [`Recipient::is_action_stated`].
    #[must_use]
    pub const fn action(&self) -> Action {
        self.action
    }

    /// Whether the bounce states the action for this recipient (a report's `Action` field)
    /// rather than the action being read from the bounce's words.
    #[must_use]
    pub const fn is_action_stated(&self) -> bool {
        self.action_stated
    }

    /// Whether the message has not reached this recipient: `failed` or `delayed`.
    #[must_use]
    pub const fn is_failure(&self) -> bool {
        self.action.is_failure()
    }

    /// The enhanced status code (RFC 3463): a report's `Status` (a generic `X.0.0` yields to a
    /// specific code of the same class in the diagnostic), else the first one the diagnostic
    /// shows.
    #[must_use]
    pub const fn status(&self) -> Option<EnhancedCode> {
        self.status
    }

    /// The reply code of the remote server's reply, when the bounce quotes one.
    #[must_use]
    pub const fn reply_code(&self) -> Option<u16> {
        self.reply_code
    }

    /// The server that answered (a report's `Remote-MTA` value), when the bounce says.
    #[must_use]
    pub fn remote_mta(&self) -> Option<&str> {
        self.remote_mta.as_deref()
    }

    /// The SMTP command the failure answered, when the bounce says
    /// (`in reply to RCPT TO command`, a transcript's `>>> RCPT To:`).
    #[must_use]
    pub const fn command(&self) -> Option<Command> {
        self.command
    }

    /// The diagnostic on one line: the remote reply (a report's `Diagnostic-Code`, its codes
    /// once), else the report's `Status` comment or the bounce's words about the recipient. At
    /// most 4,096 bytes (the words of a text bounce, at most a thousand): a longer field is cut
    /// at a character boundary, and the diagnosis reads what is kept.
    #[must_use]
    pub fn diagnostic(&self) -> &str {
        &self.diagnostic
    }

    /// More of the bounce's words about this recipient, on one line, for when the diagnostic
    /// says too little: for a report, the text part's paragraph about the address; for a text
    /// bounce, the whole text (the reason may come before the address). At most a thousand
    /// bytes.
    #[must_use]
    pub fn context(&self) -> &str {
        &self.context
    }

    /// When the server last tried (a report's `Last-Attempt-Date`, else its `Arrival-Date`,
    /// else the bounce's `Date`), as written.
    #[must_use]
    pub fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }

    /// Why delivery failed and whether to suppress the address: [`Diagnosis::of`] the
    /// diagnostic (for a report, [`smtp_codes::dsn::Recipient::diagnose`]) with the status,
    /// reply code and command; when that says `Undefined`, of the
    /// [context](Recipient::context).
    #[must_use]
    pub const fn diagnosis(&self) -> Diagnosis {
        self.diagnosis
    }

    /// Where the recipient was read from.
    #[must_use]
    pub const fn source(&self) -> Source {
        self.source
    }

    /// The recipient with every borrowed value copied: it no longer borrows the email.
    #[must_use]
    pub fn into_owned(self) -> Recipient<'static> {
        Recipient {
            address: Cow::Owned(self.address.into_owned()),
            original_address: self.original_address.map(|a| Cow::Owned(a.into_owned())),
            action: self.action,
            action_stated: self.action_stated,
            status: self.status,
            reply_code: self.reply_code,
            remote_mta: self.remote_mta.map(|a| Cow::Owned(a.into_owned())),
            command: self.command,
            diagnostic: Cow::Owned(self.diagnostic.into_owned()),
            context: Cow::Owned(self.context.into_owned()),
            date: self.date.map(|a| Cow::Owned(a.into_owned())),
            diagnosis: self.diagnosis,
            source: self.source,
        }
    }
}

/// The diagnosis of a failure from its pieces: `first` (a report's own) or [`Diagnosis::of`]
/// the diagnostic; when that says `Undefined`, [`Diagnosis::of`] the context.
pub(crate) fn diagnose(
    first: Option<Diagnosis>,
    reply_code: Option<u16>,
    status: Option<EnhancedCode>,
    command: Option<Command>,
    diagnostic: &str,
    context: &str,
) -> Diagnosis {
    let first =
        first.unwrap_or_else(|| Diagnosis::of(reply_code, status, diagnostic.as_bytes(), command));
    if first.reason() != smtp_codes::Reason::Undefined || context.is_empty() {
        return first;
    }
    let again = Diagnosis::of(reply_code, status, context.as_bytes(), command);
    if again.reason() == smtp_codes::Reason::Undefined {
        first
    } else {
        again
    }
}
