//! Delivery status notifications (RFC 3464): the body of a `message/delivery-status` part, read
//! without copying or allocating.
//!
//! A report is a block of per-message fields, a blank line, then one block of fields per
//! recipient. [`DeliveryStatus::parse`] checks the whole report once and hands out
//! [`PerMessage`] and an iterator of [`Recipient`]s; every field, known or not (`X-` fields
//! too), borrows from the input.
//!
//! ```
//! use smtp_codes::dsn::{Action, DeliveryStatus};
//! let body = b"Reporting-MTA: dns; mx.example.net\r\n\
//!              \r\n\
//!              Final-Recipient: rfc822; bob@example.com\r\n\
//!              Action: failed\r\n\
//!              Status: 5.1.1\r\n\
//!              Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address\r\n\
//!              \x20   rejected: User unknown\r\n";
//! let report = DeliveryStatus::parse(body).unwrap();
//! assert_eq!(report.per_message().reporting_mta().unwrap().value(), b"mx.example.net");
//! let bob = report.recipients().next().unwrap();
//! assert_eq!(bob.final_recipient().unwrap().value(), b"bob@example.com");
//! assert_eq!(bob.action(), Some(Action::Failed));
//! assert_eq!(bob.status().unwrap().to_string(), "5.1.1");
//! let diagnostic = bob.diagnostic_code().unwrap();
//! assert_eq!(diagnostic.reply_code(), Some(550));
//! assert_eq!(diagnostic.text_lines().collect::<Vec<_>>(),
//!            [&b"<bob@example.com>: Recipient address"[..], b"rejected: User unknown"]);
//! ```
//!
//! # What is accepted
//!
//! Lines end in CRLF or a bare LF. Field names compare without regard to ASCII case. The parser is
//! strict where the structure is lost and best effort where the meaning is still plain:
//!
//! - errors ([`ParseDeliveryStatusError`], with the byte offset): empty input; a line that starts a block but
//!   has no colon (`MissingColon`), a name with a byte that is not printable ASCII (binary
//!   garbage, `InvalidFieldName`), a folded line with no field before it
//!   (`UnexpectedContinuation`); a report with no recipient block (`NoRecipients`, also what a
//!   report truncated inside its per-message block gives);
//! - best effort: a line inside a block that cannot start a field is a continuation of the field
//!   before it (MTAs write unindented lines inside long diagnostic codes); a missing blank line
//!   after the per-message fields: the per-message block ends at the first field that RFC 3464
//!   §2.3 defines for recipients (`Final-Recipient`, `Action`, `Status`, ...), and a report that
//!   starts with one has no per-message fields; a missing
//!   blank line between recipients: a second `Final-Recipient` (or `Original-Recipient`) in one
//!   block starts the next recipient; a report truncated inside a recipient block keeps what it
//!   has (the last value ends where the input ends); lines of only spaces and tabs count as blank;
//!   values are bytes, never decoded.
//!
//! [`DeliveryStatus::parse_prefix`] reads a report up to a line that cannot start a block (a
//! MIME boundary after a broken multipart, say) and says how much it used.
//!
//! The work is linear in the input: `parse` reads each line a bounded number of times; iterating
//! the recipients reads each block once and finds the RFC 3464 fields on the way, so the named
//! accessors cost nothing more; `field(name)` and `fields()` read their block once.

mod diagnostic;
mod field;
mod recipient;

use core::fmt;

pub use diagnostic::{DiagnosticCode, TextLines};
pub use field::{Field, Fields, TypedValue, ValueLines};
pub use recipient::{Action, Recipient, MAX_DIAGNOSTIC_TEXT};

use field::{Block, Item, Scanner};
use recipient::{Known, Name};

/// A parsed `message/delivery-status` body: the per-message block and the recipient blocks.
///
/// ```
/// use smtp_codes::dsn::DeliveryStatus;
/// let report = DeliveryStatus::parse(b"Reporting-MTA: dns; a\n\nFinal-Recipient: rfc822; x@a\n\nFinal-Recipient: rfc822; y@a\n").unwrap();
/// assert_eq!(report.recipients().count(), 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DeliveryStatus<'a> {
    input: &'a [u8],
    per_message: Block<'a>,
    recipients_start: usize,
}

/// A report read up to the first line that cannot start a block; see
/// [`DeliveryStatus::parse_prefix`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Prefix<'a> {
    /// The report, up to `used`.
    pub report: DeliveryStatus<'a>,
    /// How many bytes of the input the report holds.
    pub used: usize,
    /// Why the report stops before the end of the input; `None` when it does not.
    pub stopped_by: Option<ParseDeliveryStatusError>,
}

impl<'a> DeliveryStatus<'a> {
    /// Parses a whole report; the module docs say what is an error and what is read best effort.
    ///
    /// ```
    /// use smtp_codes::dsn::{DeliveryStatus, ParseDeliveryStatusError};
    /// assert_eq!(DeliveryStatus::parse(b"Reporting-MTA: dns; a\n\nno colon here\n"),
    ///            Err(ParseDeliveryStatusError::MissingColon { offset: 23 }));
    /// assert_eq!(DeliveryStatus::parse(b"Reporting-MTA: dns; a\n"),
    ///            Err(ParseDeliveryStatusError::NoRecipients { offset: 22 }));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseDeliveryStatusError`]: empty input, a line that cannot start a block, no recipient block.
    pub fn parse(input: &'a [u8]) -> Result<DeliveryStatus<'a>, ParseDeliveryStatusError> {
        let prefix = DeliveryStatus::parse_prefix(input)?;
        match prefix.stopped_by {
            Some(error) => Err(error),
            None => Ok(prefix.report),
        }
    }

    /// Parses the report at the start of `input` up to the first line that cannot start a block
    /// (a MIME boundary line when a multipart's boundaries do not match, or garbage), and
    /// returns it with the number of bytes it used and the error that line is.
    /// [`DeliveryStatus::parse`] is this with nothing left over.
    ///
    /// ```
    /// use smtp_codes::dsn::{DeliveryStatus, ParseDeliveryStatusError};
    /// let input = b"Reporting-MTA: dns; a\n\nFinal-Recipient: rfc822; x@a\n\n--boundary--\n";
    /// let prefix = DeliveryStatus::parse_prefix(input).unwrap();
    /// assert_eq!(prefix.report.recipients().count(), 1);
    /// assert_eq!(&input[prefix.used..], b"--boundary--\n");
    /// assert_eq!(prefix.stopped_by, Some(ParseDeliveryStatusError::MissingColon { offset: 53 }));
    /// assert_eq!(DeliveryStatus::parse(input), Err(ParseDeliveryStatusError::MissingColon { offset: 53 }));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseDeliveryStatusError`] when not even one recipient block comes before such a line.
    pub fn parse_prefix(input: &'a [u8]) -> Result<Prefix<'a>, ParseDeliveryStatusError> {
        let mut scanner = Scanner::new(input);
        let (per_message, _) =
            next_block(&mut scanner, true)?.ok_or(ParseDeliveryStatusError::Empty)?;
        let recipients_start = scanner.pos();
        let mut recipients = 0usize;
        let mut used = input.len();
        let mut stopped_by = None;
        loop {
            let before = scanner.pos();
            match next_block(&mut scanner, false) {
                Ok(Some(_)) => recipients += 1,
                Ok(None) => break,
                Err(error) if recipients == 0 => return Err(error),
                Err(error) => {
                    used = error.offset().unwrap_or(before);
                    stopped_by = Some(error);
                    break;
                }
            }
        }
        if recipients == 0 {
            return Err(ParseDeliveryStatusError::NoRecipients {
                offset: recipients_start,
            });
        }
        let report = DeliveryStatus {
            input: &input[..used],
            per_message: Block::new(per_message),
            recipients_start,
        };
        Ok(Prefix {
            report,
            used,
            stopped_by,
        })
    }

    /// The per-message fields (empty when the report starts with a recipient block).
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Arrival-Date: Thu, 1 Jan 2026 00:00:00 +0000\n\nFinal-Recipient: rfc822; a@b\n").unwrap();
    /// assert_eq!(report.per_message().fields().count(), 1);
    /// ```
    #[must_use]
    pub const fn per_message(&self) -> PerMessage<'a> {
        PerMessage {
            block: self.per_message,
        }
    }

    /// The recipient blocks in report order.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\nAction: failed\n").unwrap();
    /// let mut recipients = report.recipients();
    /// assert!(recipients.next().is_some());
    /// assert!(recipients.next().is_none());
    /// ```
    #[must_use]
    pub fn recipients(&self) -> Recipients<'a> {
        Recipients {
            scanner: Scanner::resume(self.input, self.recipients_start),
        }
    }

    /// The whole input.
    ///
    /// ```
    /// let input = b"Final-Recipient: rfc822; a@b\n";
    /// assert_eq!(smtp_codes::dsn::DeliveryStatus::parse(input).unwrap().as_bytes(), input);
    /// ```
    #[must_use]
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.input
    }
}

/// Reads the next block: leading blank lines skipped, then fields up to a blank line, the end,
/// or (best effort, for a missing blank line) a recipient field that starts a new block. Returns
/// the block's bytes, its known recipient fields and where the scan stands after it; `None` at
/// the end of the input.
fn next_block<'a>(
    scanner: &mut Scanner<'a>,
    per_message: bool,
) -> Result<Option<(&'a [u8], Known<'a>)>, ParseDeliveryStatusError> {
    let input = scanner.input();
    let mut start = None;
    let mut end = scanner.pos();
    let mut known = Known::default();
    loop {
        let before = scanner.pos();
        let Some((offset, item)) = scanner.next() else {
            break;
        };
        match item {
            Item::Blank if start.is_none() => {}
            Item::Blank => break,
            Item::Error(error) => return Err(error),
            Item::Field(field) => {
                let name = Name::of(field.name());
                let splits = if per_message {
                    // RFC 3464 §2.3's fields are never per-message fields.
                    name != Name::Other
                } else {
                    (name == Name::FinalRecipient && known.final_recipient.is_some())
                        || (name == Name::OriginalRecipient && known.original_recipient.is_some())
                };
                if splits {
                    // Leave the field for the next block.
                    *scanner = Scanner::resume(input, before);
                    if start.is_none() {
                        // The report starts with a recipient: no per-message fields.
                        return Ok(Some((&input[offset..offset], known)));
                    }
                    break;
                }
                known.record(name, field.value());
                start.get_or_insert(offset);
                end = scanner.pos();
            }
        }
    }
    Ok(start.map(|start| (&input[start..end], known)))
}

/// The per-message fields of a report (RFC 3464 §2.2).
///
/// ```
/// use smtp_codes::dsn::DeliveryStatus;
/// let report = DeliveryStatus::parse(b"Reporting-MTA: dns; mx.example.net\nX-Postfix-Queue-ID: 6B09\n\nFinal-Recipient: rfc822; a@b\n").unwrap();
/// let per_message = report.per_message();
/// assert!(per_message.reporting_mta().unwrap().is_kind("dns"));
/// assert_eq!(per_message.field("x-postfix-queue-id").unwrap().value(), b"6B09");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PerMessage<'a> {
    block: Block<'a>,
}

impl<'a> PerMessage<'a> {
    /// `Reporting-MTA`: the MTA that wrote the report, as `mta-name-type; mta-name`.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Reporting-MTA: dns; mx\n\nAction: failed\n").unwrap();
    /// assert_eq!(report.per_message().reporting_mta().unwrap().value(), b"mx");
    /// ```
    #[must_use]
    pub fn reporting_mta(&self) -> Option<TypedValue<'a>> {
        self.field("Reporting-MTA").map(|field| field.typed())
    }

    /// `Arrival-Date`, as sent.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Arrival-Date: Tue, 17 Dec 2019 11:32:37 +0100\n\nAction: failed\n").unwrap();
    /// assert_eq!(report.per_message().arrival_date(), Some(&b"Tue, 17 Dec 2019 11:32:37 +0100"[..]));
    /// ```
    #[must_use]
    pub fn arrival_date(&self) -> Option<&'a [u8]> {
        self.field("Arrival-Date").map(|field| field.value())
    }

    /// The first field named `name` (any ASCII case), known or not.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Original-Envelope-Id: 42\n\nAction: failed\n").unwrap();
    /// assert_eq!(report.per_message().field("original-envelope-id").unwrap().value(), b"42");
    /// ```
    #[must_use]
    pub fn field(&self, name: &str) -> Option<Field<'a>> {
        self.block.field(name)
    }

    /// Every per-message field, in order.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\n").unwrap();
    /// assert_eq!(report.per_message().fields().count(), 0);
    /// ```
    #[must_use]
    pub fn fields(&self) -> Fields<'a> {
        self.block.fields()
    }

    /// The block's bytes.
    ///
    /// ```
    /// use smtp_codes::dsn::DeliveryStatus;
    /// let report = DeliveryStatus::parse(b"Reporting-MTA: dns; a\n\nAction: failed\n").unwrap();
    /// assert_eq!(report.per_message().as_bytes(), b"Reporting-MTA: dns; a\n");
    /// ```
    #[must_use]
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.block.as_bytes()
    }
}

/// The recipients of a report, in order; see [`DeliveryStatus::recipients`].
///
/// ```
/// use smtp_codes::dsn::DeliveryStatus;
/// let report = DeliveryStatus::parse(b"Final-Recipient: rfc822; a@b\nFinal-Recipient: rfc822; c@d\n").unwrap();
/// let addresses: Vec<&[u8]> = report.recipients().filter_map(|r| Some(r.final_recipient()?.value())).collect();
/// assert_eq!(addresses, [&b"a@b"[..], b"c@d"]);
/// ```
#[derive(Debug, Clone)]
pub struct Recipients<'a> {
    scanner: Scanner<'a>,
}

impl<'a> Iterator for Recipients<'a> {
    type Item = Recipient<'a>;

    fn next(&mut self) -> Option<Recipient<'a>> {
        loop {
            // The report was checked by `parse`: an error cannot come here, and ends the iteration.
            let (block, known) = next_block(&mut self.scanner, false).ok()??;
            if !block.is_empty() {
                return Some(Recipient::new(Block::new(block), known));
            }
        }
    }
}

/// Why bytes are not a delivery status report. Offsets count from the start of the input.
///
/// ```
/// use smtp_codes::dsn::{DeliveryStatus, ParseDeliveryStatusError};
/// let error = DeliveryStatus::parse(b"\x00\x01:\x02").unwrap_err();
/// assert_eq!(error, ParseDeliveryStatusError::InvalidFieldName { offset: 0 });
/// assert_eq!(error.to_string(), "byte 0: a field name is printable ASCII other than ':' (RFC 5322 §3.6.8)");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseDeliveryStatusError {
    /// No field at all: empty input, or only blank lines.
    Empty,
    /// A line that starts a block has no colon.
    MissingColon {
        /// Where the line starts.
        offset: usize,
    },
    /// A line that starts a block has a colon, but what comes before it is not a field name.
    InvalidFieldName {
        /// Where the line starts.
        offset: usize,
    },
    /// A line that starts with white space (a continuation) follows a blank line.
    UnexpectedContinuation {
        /// Where the line starts.
        offset: usize,
    },
    /// The per-message fields are not followed by any recipient field.
    NoRecipients {
        /// Where the per-message block ends.
        offset: usize,
    },
}

impl ParseDeliveryStatusError {
    /// Where in the input the problem is, when it is at one place.
    ///
    /// ```
    /// use smtp_codes::dsn::ParseDeliveryStatusError;
    /// assert_eq!(ParseDeliveryStatusError::MissingColon { offset: 7 }.offset(), Some(7));
    /// assert_eq!(ParseDeliveryStatusError::Empty.offset(), None);
    /// ```
    #[must_use]
    pub const fn offset(&self) -> Option<usize> {
        match *self {
            ParseDeliveryStatusError::Empty => None,
            ParseDeliveryStatusError::MissingColon { offset }
            | ParseDeliveryStatusError::InvalidFieldName { offset }
            | ParseDeliveryStatusError::UnexpectedContinuation { offset }
            | ParseDeliveryStatusError::NoRecipients { offset } => Some(offset),
        }
    }
}

impl fmt::Display for ParseDeliveryStatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            ParseDeliveryStatusError::Empty => {
                f.write_str("no delivery status fields: the input is empty")
            }
            ParseDeliveryStatusError::MissingColon { offset } => {
                write!(f, "byte {offset}: a field line without a colon")
            }
            ParseDeliveryStatusError::InvalidFieldName { offset } => write!(
                f,
                "byte {offset}: a field name is printable ASCII other than ':' (RFC 5322 §3.6.8)"
            ),
            ParseDeliveryStatusError::UnexpectedContinuation { offset } => write!(
                f,
                "byte {offset}: a continuation line (starting with white space) after a blank line"
            ),
            ParseDeliveryStatusError::NoRecipients { offset } => write!(
                f,
                "byte {offset}: no recipient fields after the per-message fields (RFC 3464 §2.1)"
            ),
        }
    }
}

impl core::error::Error for ParseDeliveryStatusError {}
