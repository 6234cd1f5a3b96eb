//! Complaints: the `message/feedback-report` part of an RFC 5965 feedback report (ARF).

use std::borrow::Cow;

use crate::headers::{address_in, raw_values, unfold};
use crate::keep::keep_bytes;

/// A complaint about a message: what the report says about the message and who complained.
///
/// ```
/// use smtp_codes_bounce::{Bounce, Kind};
///
/// let raw = b"From: <abuse@example.net>\r\nTo: <fbl@example.org>\r\n\
///     Content-Type: multipart/report; report-type=feedback-report; boundary=p\r\n\r\n\
///     --p\r\nContent-Type: text/plain\r\n\r\nA complaint.\r\n\
///     --p\r\nContent-Type: message/feedback-report\r\n\r\n\
///     Feedback-Type: abuse\r\nUser-Agent: SomeGenerator/1.0\r\nVersion: 1\r\n\
///     Original-Mail-From: <bounces@example.org>\r\nOriginal-Rcpt-To: <bob@example.com>\r\n\
///     Source-IP: 192.0.2.1\r\n\r\n--p--\r\n";
/// let bounce = Bounce::parse(raw);
/// assert_eq!(bounce.kind(), Kind::FeedbackReport);
/// let complaint = bounce.feedback().unwrap();
/// assert_eq!(complaint.feedback_type(), "abuse");
/// assert_eq!(complaint.user_agent(), Some("SomeGenerator/1.0"));
/// assert_eq!(complaint.recipient(), Some("bob@example.com"));
/// assert_eq!(complaint.source_ip(), Some("192.0.2.1"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Feedback<'a> {
    pub(crate) type_name: Cow<'a, str>,
    pub(crate) user_agent: Option<Cow<'a, str>>,
    pub(crate) recipient: Option<Cow<'a, str>>,
    pub(crate) original_mail_from: Option<Cow<'a, str>>,
    pub(crate) source_ip: Option<Cow<'a, str>>,
    pub(crate) arrival_date: Option<Cow<'a, str>>,
    pub(crate) reporting_mta: Option<Cow<'a, str>>,
    pub(crate) reported_domain: Option<Cow<'a, str>>,
}

impl Feedback<'_> {
    /// `Feedback-Type`: `abuse` (a spam complaint), `fraud`, `virus`, `not-spam`,
    /// `auth-failure`, `other` (RFC 5965 §7.3, RFC 6591), as the report writes it.
    #[must_use]
    pub fn feedback_type(&self) -> &str {
        &self.type_name
    }

    /// `User-Agent`: the software (and so, usually, the provider) that wrote the report.
    #[must_use]
    pub fn user_agent(&self) -> Option<&str> {
        self.user_agent.as_deref()
    }

    /// The recipient who complained: the report's `Original-Rcpt-To`, else the `To` of the
    /// message it is about.
    #[must_use]
    pub fn recipient(&self) -> Option<&str> {
        self.recipient.as_deref()
    }

    /// `Original-Mail-From`: the envelope sender of the message complained about.
    #[must_use]
    pub fn original_mail_from(&self) -> Option<&str> {
        self.original_mail_from.as_deref()
    }

    /// `Source-IP`: the address the message complained about came from.
    #[must_use]
    pub fn source_ip(&self) -> Option<&str> {
        self.source_ip.as_deref()
    }

    /// `Arrival-Date` (or `Received-Date`), as written.
    #[must_use]
    pub fn arrival_date(&self) -> Option<&str> {
        self.arrival_date.as_deref()
    }

    /// `Reporting-MTA`'s value.
    #[must_use]
    pub fn reporting_mta(&self) -> Option<&str> {
        self.reporting_mta.as_deref()
    }

    /// `Reported-Domain`.
    #[must_use]
    pub fn reported_domain(&self) -> Option<&str> {
        self.reported_domain.as_deref()
    }

    /// The complaint with every borrowed value copied.
    #[must_use]
    pub fn into_owned(self) -> Feedback<'static> {
        let own = |value: Option<Cow<'_, str>>| value.map(|v| Cow::Owned(v.into_owned()));
        Feedback {
            type_name: Cow::Owned(self.type_name.into_owned()),
            user_agent: own(self.user_agent),
            recipient: own(self.recipient),
            original_mail_from: own(self.original_mail_from),
            source_ip: own(self.source_ip),
            arrival_date: own(self.arrival_date),
            reporting_mta: own(self.reporting_mta),
            reported_domain: own(self.reported_domain),
        }
    }
}

/// Reads a `message/feedback-report` body (RFC 5965 §3.1: header-like fields); `None` when it
/// has no `Feedback-Type`.
pub(crate) fn read<'a>(body: &[u8], raw: &'a [u8]) -> Option<Feedback<'a>> {
    // The fields are an RFC 5322 header block: a blank line after them lets the parser stop.
    let parsed = crate::mime::parse_headers(body)?;
    let headers = &parsed.root_part().headers;
    let source = parsed.raw_message();
    let field = |name: &'static str| {
        raw_values(headers, source, name)
            .next()
            .map(|value| unfold(keep_bytes(raw, value)))
    };
    let type_name = field("Feedback-Type")?;
    let typed_value = |value: Cow<'a, str>| match value.split_once(';') {
        // `Reporting-MTA: dns; mx.example.net`.
        Some((_, rest)) => Cow::Owned(rest.trim().to_owned()),
        None => value,
    };
    Some(Feedback {
        type_name,
        user_agent: field("User-Agent"),
        recipient: field("Original-Rcpt-To").and_then(address_in),
        original_mail_from: field("Original-Mail-From").and_then(address_in),
        source_ip: field("Source-IP"),
        arrival_date: field("Arrival-Date").or_else(|| field("Received-Date")),
        reporting_mta: field("Reporting-MTA").map(typed_value),
        reported_domain: field("Reported-Domain"),
    })
}
