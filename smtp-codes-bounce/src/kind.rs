//! What an email is ([`Kind`]) and how a bounce is written ([`Format`]).

use std::fmt;

/// What an email is, for whoever processes a bounce mailbox: only a [`Kind::Failure`] may
/// suppress an address (and only for a recipient whose diagnosis is hard).
///
/// ```
/// use smtp_codes_bounce::{Bounce, Kind, AutoReply};
///
/// let vacation = b"From: bob@example.com\r\nTo: alice@example.org\r\n\
///     Auto-Submitted: auto-replied (vacation)\r\nSubject: Away\r\n\r\nBack on Monday.\r\n";
/// assert_eq!(Bounce::parse(vacation).kind(), Kind::AutoReply(AutoReply::Vacation));
/// assert!(!Kind::DelayWarning.is_failure());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A bounce: delivery to at least one recipient failed, and the server has given up.
    Failure,
    /// A delay warning: delivery has not succeeded yet and the server keeps trying (RFC 3464
    /// `Action: delayed`, or a text that says so). Never a reason to suppress an address.
    DelayWarning,
    /// A success report (RFC 3461 `NOTIFY=SUCCESS`): every recipient was delivered, relayed or
    /// expanded.
    Success,
    /// A complaint: an RFC 5965 feedback report (ARF), or Amazon SES's complaint notification.
    FeedbackReport,
    /// An automatic reply to the message (RFC 3834), not a report about its delivery.
    AutoReply(AutoReply),
    /// Neither a report nor an automatic reply: a person's mail, a forward, a newsletter.
    NotABounce,
}

impl Kind {
    /// Whether the email reports a failed delivery ([`Kind::Failure`]).
    #[must_use]
    pub const fn is_failure(self) -> bool {
        matches!(self, Kind::Failure)
    }

    /// Whether the email is a delivery report of any outcome: a failure, a delay warning or a
    /// success report.
    ///
    /// ```
    /// use smtp_codes_bounce::Kind;
    /// assert!(Kind::DelayWarning.is_delivery_report());
    /// assert!(!Kind::FeedbackReport.is_delivery_report());
    /// ```
    #[must_use]
    pub const fn is_delivery_report(self) -> bool {
        matches!(self, Kind::Failure | Kind::DelayWarning | Kind::Success)
    }

    /// A short name: `failure`, `delay-warning`, `success`, `feedback-report`,
    /// `auto-reply` (with why: `auto-reply/vacation`), `not-a-bounce`.
    ///
    /// ```
    /// use smtp_codes_bounce::{AutoReply, Kind};
    /// assert_eq!(Kind::AutoReply(AutoReply::ChallengeResponse).name(), "auto-reply/challenge-response");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Failure => "failure",
            Kind::DelayWarning => "delay-warning",
            Kind::Success => "success",
            Kind::FeedbackReport => "feedback-report",
            Kind::AutoReply(AutoReply::Vacation) => "auto-reply/vacation",
            Kind::AutoReply(AutoReply::ChallengeResponse) => "auto-reply/challenge-response",
            Kind::AutoReply(AutoReply::Other) => "auto-reply",
            Kind::NotABounce => "not-a-bounce",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why an automatic reply was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AutoReply {
    /// A vacation or out-of-office notice (RFC 5230 Sieve `vacation`, Exchange's automatic
    /// replies).
    Vacation,
    /// A challenge-response system asks the sender to confirm that it is a person (TMDA and
    /// alike): answering it would deliver the message.
    ChallengeResponse,
    /// Another automatic reply (RFC 3834 `Auto-Submitted: auto-replied`, ticket systems).
    Other,
}

/// How a delivery report or complaint is written: where its recipients were read from.
///
/// ```
/// use smtp_codes_bounce::{Bounce, Format, TextFormat};
///
/// let qmail = b"From: MAILER-DAEMON@mx.example.org\r\nSubject: failure notice\r\n\r\n\
///     Hi. This is the qmail-send program at mx.example.org.\r\n\
///     I'm afraid I wasn't able to deliver your message to the following addresses.\r\n\
///     This is a permanent error; I've given up. Sorry it didn't work out.\r\n\r\n\
///     <bob@example.com>:\r\nSorry, no mailbox here by that name. (#5.1.1)\r\n";
/// assert_eq!(Bounce::parse(qmail).format(), Some(Format::Text(TextFormat::Qmail)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// An RFC 3464 delivery status report: a `message/delivery-status` (or RFC 6533
    /// `message/global-delivery-status`) part.
    DeliveryStatus,
    /// An RFC 5965 feedback report: a `message/feedback-report` part.
    FeedbackReport,
    /// Amazon SES's JSON notification (bounce, complaint or delivery), as Amazon SNS mails it.
    SesNotification,
    /// A text written for people, from a server or provider that sends no report part.
    Text(TextFormat),
}

impl Format {
    /// A short name: `delivery-status`, `feedback-report`, `ses-notification`, or the text
    /// format's (`qmail`, `exim`, ..., `text`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Format::DeliveryStatus => "delivery-status",
            Format::FeedbackReport => "feedback-report",
            Format::SesNotification => "ses-notification",
            Format::Text(format) => format.name(),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The server or provider whose text a bounce without a report part is written in, known by
/// the fixed texts of its source or documented format; [`TextFormat::Unknown`] when it names
/// none (read with the general rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TextFormat {
    /// qmail and netqmail's `qmail-send` ("Hi. This is the qmail-send program at ...").
    Qmail,
    /// Apache James ("Hi. This is the James mail server at ...").
    James,
    /// Haraka ("Hi. This is the Haraka Mailer program at ...").
    Haraka,
    /// Postfix's text part ("This is the mail system at host ...").
    Postfix,
    /// Exim ("This message was created automatically by mail delivery software.").
    Exim,
    /// Sendmail ("The original message was received at ...", a session transcript).
    Sendmail,
    /// Courier ("... running the Courier mail server").
    Courier,
    /// `OpenSMTPD` ("This is the MAILER-DAEMON, please DO NOT REPLY to this email.").
    OpenSmtpd,
    /// The `DragonFly` Mail Agent ("There was an error delivering your mail to <...>.").
    Dma,
    /// Exchange, Microsoft 365 and Outlook.com non-delivery reports.
    Exchange,
    /// Gmail and Google Workspace ("Delivery to the following recipient failed permanently").
    Gmail,
    /// Yahoo and AOL ("Sorry, we were unable to deliver your message to the following address.").
    Yahoo,
    /// Amazon SES and `WorkMail`'s text bounce.
    AmazonSes,
    /// A Sieve `reject` (RFC 5429) by Dovecot or Cyrus ("Your message to <...> was
    /// automatically rejected:").
    SieveReject,
    /// Mailman's notices to a poster (a rejection, or a message held for moderation).
    Mailman,
    /// Sympa's notice to a poster.
    Sympa,
    /// A text bounce in none of these formats.
    Unknown,
}

impl TextFormat {
    /// The format's short name, lower case (`qmail`, `open-smtpd`, ...; `text` for
    /// [`TextFormat::Unknown`]).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            TextFormat::Qmail => "qmail",
            TextFormat::James => "james",
            TextFormat::Haraka => "haraka",
            TextFormat::Postfix => "postfix",
            TextFormat::Exim => "exim",
            TextFormat::Sendmail => "sendmail",
            TextFormat::Courier => "courier",
            TextFormat::OpenSmtpd => "open-smtpd",
            TextFormat::Dma => "dma",
            TextFormat::Exchange => "exchange",
            TextFormat::Gmail => "gmail",
            TextFormat::Yahoo => "yahoo",
            TextFormat::AmazonSes => "amazon-ses",
            TextFormat::SieveReject => "sieve-reject",
            TextFormat::Mailman => "mailman",
            TextFormat::Sympa => "sympa",
            TextFormat::Unknown => "text",
        }
    }
}

impl fmt::Display for TextFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
