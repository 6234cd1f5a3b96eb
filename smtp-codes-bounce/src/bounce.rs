//! One email read as a bounce: what it is, and every recipient it reports on.

use std::borrow::Cow;
use std::collections::HashSet;

use mail_parser::{Message, MessagePart, MimeHeaders};
use smtp_codes::dsn::{Action, DeliveryStatus};

use crate::autoreply::{self, Markers};
use crate::feedback::{self, Feedback};
use crate::formats::{self, contains_ignore_case, starts_with_ignore_case, Says};
use crate::headers::{self, address_in, raw_values, Fields};
use crate::keep::{keep, keep_bytes};
use crate::kind::{Format, Kind, TextFormat};
use crate::mime::{self, Mime, Parts};
use crate::original::{self, Original};
use crate::recipient::{diagnose, Recipient, Source};
use crate::report::{self, Context};
use crate::scan::{command_in, enhanced_in, reply_code_in, Transcript};
use crate::ses::{self, Json};
use crate::text::{
    self, cap_diagnostic, report_text, squeeze_truncated, FirstMentions, ReportText,
};

/// An email read as a bounce: what it is ([`Kind`]), how it is written ([`Format`]), every
/// recipient it reports on, the complaint of a feedback report, and the identifiers of the
/// message it returns.
///
/// ```
/// use smtp_codes::dsn::Action;
/// use smtp_codes_bounce::{Bounce, Kind};
///
/// let raw = b"From: Mail Delivery System <MAILER-DAEMON@mx.example.org>\r\n\
///     Subject: Mail delivery failed: returning message to sender\r\n\r\n\
///     This message was created automatically by mail delivery software.\r\n\r\n\
///     A message that you sent could not be delivered to one or more of its\r\n\
///     recipients. This is a permanent error. The following address(es) failed:\r\n\r\n\
///       bob@example.com\r\n\
///         SMTP error from remote mail server after RCPT TO:<bob@example.com>:\r\n\
///         host mx.example.com [192.0.2.1]: 550 5.1.1 <bob@example.com>: User unknown\r\n";
/// let bounce = Bounce::parse(raw);
/// assert_eq!(bounce.kind(), Kind::Failure);
/// let bob = &bounce.recipients()[0];
/// assert_eq!(bob.address(), "bob@example.com");
/// assert_eq!(bob.action(), Action::Failed);
/// assert!(bob.diagnosis().is_hard());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bounce<'a> {
    kind: Kind,
    format: Option<Format>,
    recipients: Vec<Recipient<'a>>,
    original: Original<'a>,
    feedback: Option<Feedback<'a>>,
    reporting_mta: Option<Cow<'a, str>>,
    subject: Option<Cow<'a, str>>,
    from: Option<Cow<'a, str>>,
    date: Option<Cow<'a, str>>,
}

/// How deep attached messages are searched for a report when the outer email is a bounce that
/// wraps another.
const MAX_NESTING: usize = 3;

/// The facts of a bounce's own header.
struct Head<'a> {
    subject: Option<Cow<'a, str>>,
    from: Option<Cow<'a, str>>,
    date: Option<Cow<'a, str>>,
    /// `Return-Path: <>`: the null sender that reports and automatic replies are sent with.
    null_sender: bool,
    /// `From` names a mail system (`MAILER-DAEMON`, `postmaster`, "Mail Delivery System").
    from_mail_system: bool,
    auto_submitted: Option<Cow<'a, str>>,
    delivery_agent: Option<Cow<'a, str>>,
    /// Exim's `X-Failed-Recipients`.
    failed_recipients: Option<Cow<'a, str>>,
    /// The bounce's own addresses (`From`, `To`, `Reply-To`, `Sender`), lower case: never a
    /// failed recipient.
    own: HashSet<String>,
    /// Where the bounce was delivered: `To`, `Delivered-To`, `X-Original-To`, `Envelope-To`.
    envelope_recipient: Option<Cow<'a, str>>,
}

/// Local parts and display-name words of the senders of delivery reports: Postfix's
/// `MAILER-DAEMON (Mail Delivery System)`, Sendmail's `Mail Delivery Subsystem
/// <MAILER-DAEMON@...>`, Exim's `Mail Delivery System <Mailer-Daemon@...>`, qmail's
/// `MAILER-DAEMON@`, Exchange's `postmaster@`.
const MAIL_SYSTEM_LOCAL_PARTS: &[&str] = &[
    "mailer-daemon",
    "mailer_daemon",
    "postmaster",
    "mail.delivery.system",
    "mdaemon",
];
const MAIL_SYSTEM_NAMES: &[&str] = &[
    "mail delivery",
    "mailer-daemon",
    "mailer daemon",
    "postmaster",
    "mail system",
];

/// Where a bounce's own header fields are read from.
enum Top<'m, 'a> {
    /// A plain header block, read by [`Fields`]: `mail-parser` decodes the fields that need it,
    /// one at a time.
    Fields(&'m Fields<'a>),
    /// `mail-parser`'s parse of the whole header block.
    Parsed(&'m Message<'a>),
}

impl<'a> Top<'_, 'a> {
    /// The first field named `name`, as sent and trimmed.
    fn first<'s>(&'s self, name: &'s str) -> Option<&'s [u8]> {
        match self {
            Top::Fields(fields) => fields.first(name),
            Top::Parsed(message) => {
                raw_values(&message.root_part().headers, message.raw_message(), name).next()
            }
        }
    }

    /// The decoded `Subject` (the last one, as `mail-parser` reports it).
    fn subject(&self, raw: &'a [u8]) -> Option<Cow<'a, str>> {
        match self {
            Top::Fields(fields) => mime::parse_headers(fields.last_whole("Subject")?)?
                .subject()
                .map(|subject| keep(raw, subject)),
            Top::Parsed(message) => message.subject().map(|subject| keep(raw, subject)),
        }
    }

    /// The addresses of `From`, `To`, `Reply-To` and `Sender` (the last field of each), lower
    /// case.
    fn own_addresses(&self, own: &mut HashSet<String>) {
        let mut add = |address: Option<&mail_parser::Address<'_>>| {
            for addr in address.into_iter().flat_map(mail_parser::Address::iter) {
                if let Some(email) = addr.address() {
                    own.insert(email.to_ascii_lowercase());
                }
            }
        };
        match self {
            Top::Fields(fields) => {
                let field = |name: &str| fields.last_whole(name).and_then(mime::parse_headers);
                add(field("From").as_ref().and_then(Message::from));
                add(field("To").as_ref().and_then(Message::to));
                add(field("Reply-To").as_ref().and_then(Message::reply_to));
                add(field("Sender").as_ref().and_then(Message::sender));
            }
            Top::Parsed(message) => {
                add(message.from());
                add(message.to());
                add(message.reply_to());
                add(message.sender());
            }
        }
    }
}

impl<'a> Head<'a> {
    fn read(top: &Top<'_, 'a>, raw: &'a [u8]) -> Head<'a> {
        let first = |name: &str| {
            top.first(name)
                .map(|value| headers::unfold(keep_bytes(raw, value)))
        };
        let from = first("From");
        let from_address = from.clone().and_then(address_in);
        let from_mail_system = from_address.as_deref().is_some_and(|address| {
            let local = address.split('@').next().unwrap_or(address);
            MAIL_SYSTEM_LOCAL_PARTS
                .iter()
                .any(|name| local.eq_ignore_ascii_case(name))
        }) || from.as_deref().is_some_and(|from| {
            MAIL_SYSTEM_NAMES
                .iter()
                .any(|name| contains_ignore_case(from, name))
        });
        let null_sender = top
            .first("Return-Path")
            .is_some_and(|value| value.trim_ascii() == b"<>");
        let mut own = HashSet::new();
        top.own_addresses(&mut own);
        // `To` first: the DragonFly Mail Agent writes the failed recipient in its bounce's own
        // `X-Original-To` (mail.c).
        let envelope_recipient = ["To", "Delivered-To", "X-Original-To", "Envelope-To"]
            .iter()
            .find_map(|name| first(name).and_then(address_in));
        Head {
            subject: top.subject(raw),
            from,
            date: first("Date"),
            null_sender,
            from_mail_system,
            auto_submitted: first("Auto-Submitted"),
            delivery_agent: first("X-Delivery-Agent"),
            failed_recipients: first("X-Failed-Recipients"),
            own,
            envelope_recipient,
        }
    }

    fn markers(&self) -> Markers<'_> {
        Markers {
            auto_submitted: self.auto_submitted.as_deref(),
            delivery_agent: self.delivery_agent.as_deref(),
            subject: self.subject.as_deref(),
        }
    }

    /// Whether a person forwarded the email (`Fwd:`, `Fw:`), not a mail system.
    fn is_forward(&self) -> bool {
        !self.from_mail_system
            && !self.null_sender
            && self.subject.as_deref().is_some_and(|subject| {
                ["fwd:", "fw:", "forward:", "wg:", "tr:", "rv:"]
                    .iter()
                    .any(|prefix| starts_with_ignore_case(subject.trim_start(), prefix))
            })
    }
}

impl<'a> Bounce<'a> {
    /// Reads one email (RFC 5322, as stored: CRLF or LF line ends). Never fails: bytes that
    /// are not an email are [`Kind::NotABounce`]. The work is linear in the email's length,
    /// and values borrow from `raw` where the email holds them as they are given.
    ///
    /// ```
    /// use smtp_codes_bounce::{Bounce, Kind};
    /// assert_eq!(Bounce::parse(b"").kind(), Kind::NotABounce);
    /// assert_eq!(Bounce::parse(b"\xff\xfe garbage").recipients().len(), 0);
    /// ```
    #[must_use]
    pub fn parse(raw: &'a [u8]) -> Bounce<'a> {
        Bounce::read_email(raw, true)
    }

    /// [`Bounce::parse`]; with `plain_header` false, `mail-parser` reads every header block (the
    /// email's, the returned message's) even when [`Fields`] could.
    pub(crate) fn read_email(raw: &'a [u8], plain_header: bool) -> Bounce<'a> {
        // A returned message attached last is not parsed: only its header is read.
        let returned = mime::returned_part(raw);
        let report_bytes = returned.map_or(raw, |returned| &raw[..returned.cut]);
        // A plain header block is read here; `mail-parser` parses the email from the fields
        // that decide its MIME structure on.
        let fields = Fields::read(report_bytes).filter(|_| plain_header);
        // A plain multipart's parts are found without `mail-parser` parsing the bodies.
        let parts = fields
            .as_ref()
            .and_then(|fields| Parts::read(report_bytes, fields));
        let mime = match parts {
            Some(parts) => Mime::Parts(parts),
            None => match mime::parse_from(report_bytes, fields.as_ref()) {
                Some(message) => Mime::Parsed(message),
                None => return Bounce::empty(Kind::NotABounce),
            },
        };
        let top = match (&fields, &mime) {
            (Some(fields), _) => Top::Fields(fields),
            (None, Mime::Parsed(message)) => Top::Parsed(message),
            (None, Mime::Parts(_)) => unreachable!("parts are read from plain fields only"),
        };
        let mut head = Head::read(&top, raw);
        let text = report_text(&mime, raw);
        let original = match returned {
            Some(returned) => original::read_header(&raw[returned.body..], raw, plain_header),
            None => original::read(
                &mime,
                raw,
                text.returned(),
                fields.as_ref().map_or(0, Fields::structure_start),
                plain_header,
            ),
        };
        // The returned message's envelope sender is the bounce's own address too.
        if let Some(sender) = original.envelope_sender.as_deref() {
            head.own.insert(sender.to_ascii_lowercase());
        }
        let mut bounce = Bounce {
            kind: Kind::NotABounce,
            format: None,
            recipients: Vec::new(),
            original,
            feedback: None,
            reporting_mta: None,
            subject: head.subject.clone(),
            from: head.from.clone(),
            date: head.date.clone(),
        };
        if bounce.original.envelope_sender.is_none() {
            bounce
                .original
                .envelope_sender
                .clone_from(&head.envelope_recipient);
        }
        bounce.read(&mime, raw, returned.is_some(), &head, &text);
        bounce
    }

    fn empty(kind: Kind) -> Bounce<'a> {
        Bounce {
            kind,
            format: None,
            recipients: Vec::new(),
            original: Original::default(),
            feedback: None,
            reporting_mta: None,
            subject: None,
            from: None,
            date: None,
        }
    }

    /// Decides what the email is, in the order the crate docs give ("What is read"): a feedback
    /// report; a delivery status report; an SES notification; a challenge-response request or a
    /// forward by a person; a report written into the text; a known server's text bounce; a
    /// mail system's report in other words; an automatic reply; what the null sender or
    /// `X-Failed-Recipients` reports. Anything else is not a bounce.
    fn read(
        &mut self,
        mime: &Mime<'_>,
        raw: &'a [u8],
        cut: bool,
        head: &Head<'a>,
        text: &ReportText<'a>,
    ) {
        let report = text.report();
        if let Some(body) = mime.first_contents("message", &["feedback-report"]) {
            if let Some(mut complaint) = feedback::read(body, raw) {
                if complaint.recipient.is_none() {
                    complaint.recipient = self.original.to.clone().and_then(address_in);
                }
                self.kind = Kind::FeedbackReport;
                self.format = Some(Format::FeedbackReport);
                self.reporting_mta = complaint.reporting_mta.clone();
                self.feedback = Some(complaint);
                return;
            }
        }
        let words = formats::words_in(report);
        let signatures = &words.signatures;
        let says = Verdict::of(&words, head);
        if let Some(status) = mime.delivery_status(true) {
            if self.read_report(&status, raw, head, text, says.action()) {
                return;
            }
        }
        if let Some(json) = ses::notification(&text.full) {
            if self.read_ses(&json) {
                return;
            }
        }
        let markers = head.markers();
        if autoreply::is_challenge(&markers, &words) {
            self.kind = Kind::AutoReply(crate::kind::AutoReply::ChallengeResponse);
            return;
        }
        if head.is_forward() {
            return;
        }
        if let Some(status) = text::inline_report(report) {
            if self.read_report(&status, raw, head, text, says.action()) {
                return;
            }
        }
        if let Some(format) = says.format.filter(|_| says.known) {
            // A text that names no recipient may wrap a report (a gateway's notice around the
            // server's bounce).
            if !self.read_text(raw, head, text, signatures, &says, format, false)
                && !self.read_nested_report(mime, raw, cut, head, text, says.action())
            {
                self.read_text(raw, head, text, signatures, &says, format, true);
            }
            return;
        }
        let bounce_words =
            words.bounce || head.subject.as_deref().is_some_and(formats::says_bounce);
        // Mail systems send reports; people send automatic replies. Some reports are marked
        // `auto-replied` (Google's), so the sender decides first. A mail system writing with the
        // null sender reports a delivery whatever its language (Exchange's localized
        // subjects: "Unzustellbar:", "Non remis :").
        if head.from_mail_system && (bounce_words || head.null_sender) {
            if !self.read_text(
                raw,
                head,
                text,
                signatures,
                &says,
                TextFormat::Unknown,
                false,
            ) && !self.read_nested_report(mime, raw, cut, head, text, says.action())
            {
                self.read_text(
                    raw,
                    head,
                    text,
                    signatures,
                    &says,
                    TextFormat::Unknown,
                    true,
                );
            }
            return;
        }
        if let Some(why) = autoreply::auto_reply(&markers, &words) {
            self.kind = Kind::AutoReply(why);
            return;
        }
        if head.null_sender || head.failed_recipients.is_some() {
            if self.read_nested_report(mime, raw, cut, head, text, says.action()) {
                return;
            }
            if bounce_words || head.failed_recipients.is_some() {
                self.read_text(
                    raw,
                    head,
                    text,
                    signatures,
                    &says,
                    TextFormat::Unknown,
                    true,
                );
            }
        }
    }

    /// Reads a report inside an attached message (a bounce that wraps another); the whole email
    /// is parsed when the attached message was left out.
    fn read_nested_report(
        &mut self,
        mime: &Mime<'_>,
        raw: &'a [u8],
        cut: bool,
        head: &Head<'a>,
        text: &ReportText<'a>,
        fallback_action: Action,
    ) -> bool {
        if cut {
            let Some(whole) = mime::parse(raw) else {
                return false;
            };
            let found = delivery_status(&whole, 0, false);
            return found
                .is_some_and(|status| self.read_report(&status, raw, head, text, fallback_action));
        }
        mime.delivery_status(false)
            .is_some_and(|status| self.read_report(&status, raw, head, text, fallback_action))
    }

    /// Reads the recipients of a delivery status report; `false` when the report holds none
    /// (then the text decides).
    fn read_report(
        &mut self,
        status: &DeliveryStatus<'_>,
        raw: &'a [u8],
        head: &Head<'a>,
        text: &ReportText<'a>,
        fallback_action: Action,
    ) -> bool {
        let report = text.report();
        let mentions = FirstMentions::read(report);
        let transcript = Transcript::read(report);
        let context = Context {
            raw,
            text,
            mentions: &mentions,
            transcript: &transcript,
            fallback_action,
            date: head.date.as_ref(),
        };
        let recipients = report::recipients(status, &context);
        // A report with neither a failed recipient nor any action says nothing: read the text.
        if recipients.is_empty()
            || recipients
                .iter()
                .all(|recipient| !recipient.action_stated && recipient.address.is_empty())
        {
            return false;
        }
        if let Some(envelope_id) = status.per_message().field("Original-Envelope-Id") {
            self.original.envelope_id = Some(keep_bytes(raw, envelope_id.value().trim_ascii()));
        }
        self.reporting_mta = status
            .per_message()
            .reporting_mta()
            .map(|mta| keep_bytes(raw, mta.value()));
        self.kind = kind_of(&recipients);
        self.format = Some(Format::DeliveryStatus);
        self.recipients = recipients;
        true
    }

    /// Reads an SES notification; `false` when it is of no type this crate knows.
    fn read_ses(&mut self, json: &Json) -> bool {
        let kind = json
            .get("notificationType")
            .or_else(|| json.get("eventType"))
            .and_then(Json::str)
            .unwrap_or("");
        if let Some(mail) = json.get("mail") {
            let headers = mail.get("commonHeaders");
            self.original.message_id = owned(headers.and_then(|h| h.get("messageId")))
                .map(|id| Cow::Owned(id.trim_matches(|c| c == '<' || c == '>').to_owned()));
            self.original.subject = owned(headers.and_then(|h| h.get("subject")));
            self.original.envelope_sender = owned(mail.get("source"));
            if let Some(to) = headers
                .and_then(|h| h.get("to"))
                .map(Json::items)
                .and_then(|to| to.first())
            {
                self.original.to = owned(Some(to));
            }
        }
        match kind {
            "Bounce" => {
                let Some(bounce) = json.get("bounce") else {
                    return false;
                };
                self.recipients = bounce
                    .get("bouncedRecipients")
                    .map_or(&[][..], Json::items)
                    .iter()
                    .filter_map(|item| ses_recipient(item, bounce))
                    .collect();
                self.reporting_mta = owned(bounce.get("reportingMTA"));
                self.kind = if self.recipients.is_empty() {
                    Kind::Failure
                } else {
                    kind_of(&self.recipients)
                };
            }
            "Complaint" => {
                let Some(complaint) = json.get("complaint") else {
                    return false;
                };
                let recipient = complaint
                    .get("complainedRecipients")
                    .map(Json::items)
                    .and_then(|items| items.first())
                    .and_then(|item| owned(item.get("emailAddress")));
                self.feedback = Some(Feedback {
                    type_name: owned(complaint.get("complaintFeedbackType"))
                        .unwrap_or(Cow::Borrowed("abuse")),
                    user_agent: owned(complaint.get("userAgent")),
                    recipient,
                    original_mail_from: self.original.envelope_sender.clone(),
                    source_ip: owned(json.path(&["mail", "sourceIp"])),
                    arrival_date: owned(complaint.get("arrivalDate")),
                    reporting_mta: None,
                    reported_domain: None,
                });
                self.kind = Kind::FeedbackReport;
            }
            "Delivery" => self.kind = Kind::Success,
            _ => return false,
        }
        self.format = Some(Format::SesNotification);
        true
    }

    /// Reads the recipients a text names; `false` (and nothing read) when it names none and
    /// `nameless` is false. With `nameless`, a text that names none gives one recipient without
    /// an address.
    #[allow(clippy::too_many_arguments)]
    fn read_text(
        &mut self,
        raw: &'a [u8],
        head: &Head<'a>,
        text: &ReportText<'a>,
        signatures: &[formats::Found],
        says: &Verdict,
        format: TextFormat,
        nameless: bool,
    ) -> bool {
        let report = text.report();
        let mut mentions = text::mentions(report, &head.own);
        // Exim lists the failed addresses in `X-Failed-Recipients`: a text that names others
        // too (aliases, the sender) keeps those it lists.
        if let Some(listed) = head.failed_recipients.as_deref() {
            let listed: HashSet<String> = listed
                .split(',')
                .map(|address| {
                    address
                        .trim()
                        .trim_matches(|c| c == '<' || c == '>')
                        .to_ascii_lowercase()
                })
                .filter(|address| !address.is_empty())
                .collect();
            if mentions
                .iter()
                .any(|mention| listed.contains(&mention.address.to_ascii_lowercase()))
            {
                mentions.retain(|mention| listed.contains(&mention.address.to_ascii_lowercase()));
            }
        }
        if mentions.is_empty() && !nameless {
            return false;
        }
        let whole = squeeze_truncated(report);
        let transcript = Transcript::read(report);
        let date = head.date.clone();
        let default_action = says.action();
        let mut recipients = Vec::with_capacity(mentions.len().max(1));
        if mentions.is_empty() && !whole.is_empty() {
            // A text that names no recipient is about the returned message's: its `To`, when
            // that is one address (a list that refused a post names only itself there).
            let address = self
                .original
                .to
                .clone()
                .filter(|to| !to.contains(','))
                .and_then(address_in)
                // An address has no white space: angle brackets around folded lines hold none.
                .filter(|address| !address.contains(char::is_whitespace))
                .unwrap_or(Cow::Borrowed(""));
            recipients.push(text_recipient(
                address,
                whole.clone(),
                String::new(),
                default_action,
                None,
                date.clone(),
            ));
        }
        // The section each address is listed under, when the format has sections: both lists are
        // in text order, read once together.
        let mut next_signature = 0;
        let mut section = None;
        for mention in &mentions {
            while let Some(found) = signatures
                .get(next_signature)
                .filter(|found| found.at <= mention.at)
            {
                section = section_action(found.signature.says).or(section);
                next_signature += 1;
            }
            let action = section.unwrap_or(default_action);
            let command =
                command_in(&mention.diagnostic).or_else(|| transcript.command_for(mention.address));
            recipients.push(text_recipient(
                keep(raw, mention.address),
                mention.diagnostic.clone(),
                whole.clone(),
                action,
                command,
                date.clone(),
            ));
        }
        self.kind = if recipients.is_empty() {
            says.kind()
        } else {
            kind_of(&recipients)
        };
        self.format = Some(Format::Text(format));
        self.recipients = recipients;
        true
    }

    /// What the email is.
    #[must_use]
    pub const fn kind(&self) -> Kind {
        self.kind
    }

    /// How the report is written: where its recipients were read from; `None` for an email that
    /// reports nothing (an automatic reply, not a bounce).
    #[must_use]
    pub const fn format(&self) -> Option<Format> {
        self.format
    }

    /// Every recipient the email reports on, in its order: failed, delayed, and (in a report
    /// that says so) delivered, relayed or expanded ones.
    #[must_use]
    pub fn recipients(&self) -> &[Recipient<'a>] {
        &self.recipients
    }

    /// The recipients the message has not reached: `failed` or `delayed`.
    pub fn failures(&self) -> impl Iterator<Item = &Recipient<'a>> {
        self.recipients
            .iter()
            .filter(|recipient| recipient.is_failure())
    }

    /// The recipients, consumed.
    #[must_use]
    pub fn into_recipients(self) -> Vec<Recipient<'a>> {
        self.recipients
    }

    /// The identifiers of the message the bounce is about.
    #[must_use]
    pub const fn original(&self) -> &Original<'a> {
        &self.original
    }

    /// The complaint of a feedback report.
    #[must_use]
    pub const fn feedback(&self) -> Option<&Feedback<'a>> {
        self.feedback.as_ref()
    }

    /// The server that wrote the report (its `Reporting-MTA` value).
    #[must_use]
    pub fn reporting_mta(&self) -> Option<&str> {
        self.reporting_mta.as_deref()
    }

    /// The email's `Subject`, decoded.
    #[must_use]
    pub fn subject(&self) -> Option<&str> {
        self.subject.as_deref()
    }

    /// The email's `From`, as written.
    #[must_use]
    pub fn from(&self) -> Option<&str> {
        self.from.as_deref()
    }

    /// The email's `Date`, as written.
    #[must_use]
    pub fn date(&self) -> Option<&str> {
        self.date.as_deref()
    }

    /// The bounce with every borrowed value copied: it no longer borrows the email.
    #[must_use]
    pub fn into_owned(self) -> Bounce<'static> {
        let own = |value: Option<Cow<'_, str>>| value.map(|v| Cow::Owned(v.into_owned()));
        Bounce {
            kind: self.kind,
            format: self.format,
            recipients: self
                .recipients
                .into_iter()
                .map(Recipient::into_owned)
                .collect(),
            original: self.original.into_owned(),
            feedback: self.feedback.map(Feedback::into_owned),
            reporting_mta: own(self.reporting_mta),
            subject: own(self.subject),
            from: own(self.from),
            date: own(self.date),
        }
    }
}

/// A JSON string as an owned value.
fn owned<'a>(value: Option<&Json>) -> Option<Cow<'a, str>> {
    value
        .and_then(Json::str)
        .map(|text| Cow::Owned(text.to_owned()))
}

/// One of an SES bounce's `bouncedRecipients`.
fn ses_recipient<'a>(item: &Json, bounce: &Json) -> Option<Recipient<'a>> {
    let address = item.get("emailAddress").and_then(Json::str)?;
    let diagnostic = item.get("diagnosticCode").and_then(Json::str).unwrap_or("");
    let diagnostic = diagnostic
        .strip_prefix("smtp;")
        .unwrap_or(diagnostic)
        .trim();
    let diagnostic = cap_diagnostic(Cow::Borrowed(diagnostic)).into_owned();
    let stated = item
        .get("action")
        .and_then(Json::str)
        .and_then(|action| Action::parse(action.as_bytes()));
    let status = item
        .get("status")
        .and_then(Json::str)
        .and_then(|status| smtp_codes::EnhancedCode::parse(status.as_bytes()).ok())
        .or_else(|| enhanced_in(&diagnostic));
    let reply_code = reply_code_in(&diagnostic);
    let command = command_in(&diagnostic);
    let diagnosis = diagnose(None, reply_code, status, command, &diagnostic, "");
    Some(Recipient {
        address: Cow::Owned(address.to_owned()),
        original_address: None,
        action: stated.unwrap_or(Action::Failed),
        action_stated: stated.is_some(),
        status,
        reply_code,
        remote_mta: None,
        command,
        diagnostic: Cow::Owned(diagnostic),
        context: Cow::Borrowed(""),
        date: owned(bounce.get("timestamp")),
        diagnosis,
        source: Source::SesNotification,
    })
}

fn text_recipient<'a>(
    address: Cow<'a, str>,
    diagnostic: String,
    context: String,
    action: Action,
    command: Option<smtp_codes::Command>,
    date: Option<Cow<'a, str>>,
) -> Recipient<'a> {
    let status = enhanced_in(&diagnostic);
    let reply_code = reply_code_in(&diagnostic);
    let diagnosis = diagnose(None, reply_code, status, command, &diagnostic, &context);
    Recipient {
        address,
        original_address: None,
        action,
        action_stated: false,
        status,
        reply_code,
        remote_mta: None,
        command,
        diagnostic: Cow::Owned(diagnostic),
        context: Cow::Owned(context),
        date,
        diagnosis,
        source: Source::Text,
    }
}

/// What the recipients' actions make the email: a failure when one failed, a delay warning when
/// one was delayed, else a success report.
fn kind_of(recipients: &[Recipient<'_>]) -> Kind {
    if recipients.iter().any(|r| r.action == Action::Failed) {
        Kind::Failure
    } else if recipients.iter().any(|r| r.action == Action::Delayed) {
        Kind::DelayWarning
    } else {
        Kind::Success
    }
}

fn section_action(says: Says) -> Option<Action> {
    match says {
        Says::Failed => Some(Action::Failed),
        Says::Delayed => Some(Action::Delayed),
        Says::Relayed => Some(Action::Relayed),
        Says::Delivered => Some(Action::Delivered),
        Says::Format => None,
    }
}

/// What a bounce's fixed texts, subject and words say, for the whole email.
#[allow(clippy::struct_excessive_bools)] // Independent findings, each read on its own.
struct Verdict {
    format: Option<TextFormat>,
    /// Whether a signature of a known format was found (not only general words).
    known: bool,
    failed: bool,
    delayed: bool,
    success: bool,
}

impl Verdict {
    fn of(words: &formats::Words, head: &Head<'_>) -> Verdict {
        let signatures = &words.signatures;
        let mut verdict = Verdict {
            format: signatures.iter().find_map(|found| found.signature.format),
            known: !signatures.is_empty(),
            failed: false,
            delayed: false,
            success: false,
        };
        for found in signatures {
            match found.signature.says {
                Says::Failed => verdict.failed = true,
                Says::Delayed => verdict.delayed = true,
                Says::Relayed | Says::Delivered => verdict.success = true,
                Says::Format => {}
            }
        }
        if verdict.format.is_none() && verdict.known {
            // Wording shared by several servers (qmail's, copied by others).
            verdict.format = Some(TextFormat::Unknown);
        }
        if head
            .subject
            .as_deref()
            .is_some_and(formats::is_delay_subject)
        {
            verdict.delayed = true;
        }
        if !verdict.failed && !verdict.delayed {
            // No signature says: the general words.
            if words.gives_up {
                verdict.failed = true;
            } else if words.delayed {
                verdict.delayed = true;
            }
        }
        verdict
    }

    /// The action of a recipient the email does not place in a section.
    fn action(&self) -> Action {
        if self.failed {
            Action::Failed
        } else if self.delayed {
            Action::Delayed
        } else if self.success {
            Action::Delivered
        } else {
            Action::Failed
        }
    }

    fn kind(&self) -> Kind {
        match self.action() {
            Action::Delayed => Kind::DelayWarning,
            Action::Delivered | Action::Relayed | Action::Expanded => Kind::Success,
            _ => Kind::Failure,
        }
    }
}

/// Whether `part` has the content type `ctype/subtype` for one of `subtypes`.
fn is_type(part: &MessagePart<'_>, ctype: &str, subtypes: &[&str]) -> bool {
    part.content_type().is_some_and(|content_type| {
        content_type.ctype().eq_ignore_ascii_case(ctype)
            && content_type.subtype().is_some_and(|subtype| {
                subtypes
                    .iter()
                    .any(|wanted| subtype.eq_ignore_ascii_case(wanted))
            })
    })
}

impl Mime<'_> {
    /// The contents of the first part (not inside an attached message) of the type.
    fn first_contents(&self, ctype: &str, subtypes: &[&str]) -> Option<&[u8]> {
        match self {
            Mime::Parsed(message) => message
                .parts
                .iter()
                .find(|part| is_type(part, ctype, subtypes))
                .map(MessagePart::contents),
            Mime::Parts(parts) => parts.find_map(ctype, subtypes, Some),
        }
    }

    /// [`delivery_status`] of the email (its parts hold no attached message).
    fn delivery_status(&self, top_only: bool) -> Option<DeliveryStatus<'_>> {
        match self {
            Mime::Parsed(message) => delivery_status(message, 0, top_only),
            Mime::Parts(parts) => parts
                .find_map(
                    "message",
                    &["delivery-status", "global-delivery-status"],
                    |contents| DeliveryStatus::parse_prefix(contents).ok(),
                )
                .map(|prefix| prefix.report),
        }
    }
}

/// The first `message/delivery-status` (or `message/global-delivery-status`, RFC 6533) part that
/// holds a report; with `top_only` false, else the first one in an attached message (a bounce
/// that wraps another). What follows a report's last field block (a broken MIME boundary, say) is
/// left out.
fn delivery_status<'m>(
    message: &'m Message<'_>,
    depth: usize,
    top_only: bool,
) -> Option<DeliveryStatus<'m>> {
    let top = message
        .parts
        .iter()
        .filter(|part| {
            is_type(
                part,
                "message",
                &["delivery-status", "global-delivery-status"],
            )
        })
        .find_map(|part| DeliveryStatus::parse_prefix(part.contents()).ok());
    if let Some(prefix) = top {
        return Some(prefix.report);
    }
    if top_only || depth >= MAX_NESTING {
        return None;
    }
    message
        .parts
        .iter()
        .filter_map(MessagePart::message)
        .find_map(|attached| delivery_status(attached, depth + 1, false))
}
