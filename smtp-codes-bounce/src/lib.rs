//! Bounce emails read: what an email is (a failure, a delay warning, a complaint, an automatic
//! reply, or not a bounce at all) and, for a delivery report, every recipient with its action,
//! status, reply code, remote server, the command answered, the diagnostic, and the diagnosis
//! (reason, and whether to suppress the address).
//!
//! ```
//! use smtp_codes::dsn::Action;
//! use smtp_codes::Reason;
//! use smtp_codes_bounce::{Bounce, Kind};
//!
//! let raw = b"From: MAILER-DAEMON (Mail Delivery System)\r\n\
//!     Subject: Delayed Mail (still being retried)\r\n\
//!     Content-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n\
//!     --b\r\nContent-Type: text/plain\r\n\r\n\
//!     This is the mail system at host mx.example.org.\r\n\r\n\
//!     # THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #\r\n\r\n\
//!     <bob@example.com>: host mx.example.com[192.0.2.1] said: 452 4.2.2 Mailbox full\r\n\
//!         (in reply to RCPT TO command)\r\n\
//!     --b\r\nContent-Type: message/delivery-status\r\n\r\n\
//!     Reporting-MTA: dns; mx.example.org\r\n\r\n\
//!     Final-Recipient: rfc822; bob@example.com\r\nAction: delayed\r\nStatus: 4.2.2\r\n\
//!     Diagnostic-Code: smtp; 452 4.2.2 Mailbox full\r\n\r\n--b--\r\n";
//! let bounce = Bounce::parse(raw);
//! assert_eq!(bounce.kind(), Kind::DelayWarning); // never a reason to suppress
//! let bob = &bounce.recipients()[0];
//! assert_eq!(bob.action(), Action::Delayed);
//! assert_eq!(bob.command(), Some(smtp_codes::Command::Rcpt));
//! assert_eq!(bob.diagnosis().reason(), Reason::MailboxFull);
//! assert!(!bob.diagnosis().is_hard());
//! ```
//!
//! # What is read
//!
//! [`Bounce::parse`] takes the bytes of one email (an mbox is split by [`mbox::emails`]) and
//! decides, in this order:
//!
//! 1. an RFC 5965 feedback report (`message/feedback-report`): [`Kind::FeedbackReport`], with
//!    the complaint in [`Bounce::feedback`];
//! 2. an RFC 3464 delivery status report (`message/delivery-status`, or RFC 6533's global one):
//!    one [`Recipient`] per recipient block, with what the text part says about it (the command
//!    answered, for one); a failure, a delay warning or a success report by the recipients'
//!    `Action`;
//! 3. Amazon SES's JSON notification (bounce, complaint, delivery);
//! 4. a challenge-response request ([`AutoReply::ChallengeResponse`]), or a person's forward
//!    (`Fwd:` from someone other than a mail system): not a bounce, whatever it quotes;
//! 5. a report written into the text (the fields of RFC 3464 in the text part);
//! 6. the text bounce of a known server or provider ([`TextFormat`]: qmail, Exim, Postfix,
//!    Sendmail, Courier, `OpenSMTPD`, Exchange, Gmail, Yahoo, Mailman, Sieve rejects, ...), known
//!    by the fixed texts of its source or documented format, which also say whether the
//!    recipients listed after them failed or are delayed (a delay warning's are `delayed`);
//! 7. from a mail system (`MAILER-DAEMON`, `postmaster`, "Mail Delivery System") in words that
//!    report a delivery problem, or with the null sender: a text bounce in no known format (or a
//!    report inside an attached message), read with general rules (the addresses the text names,
//!    and the words after each);
//! 8. an automatic reply (RFC 3834 `Auto-Submitted: auto-replied`, vacation subjects);
//! 9. with the null sender or Exim's `X-Failed-Recipients`: as 7;
//! 10. anything else is [`Kind::NotABounce`].
//!
//! Only a [`Kind::Failure`]'s recipients whose diagnosis is hard should be suppressed: a delay
//! warning, a complaint or a vacation notice never says an address is bad.
//!
//! # Why a crate of its own
//!
//! `smtp-codes` is `no_std`, allocation-free in its core and builds with Rust 1.81. Reading whole
//! emails needs a MIME parser; this crate uses `mail-parser` (MIME, RFC 2047 words, transfer
//! encodings, charsets), which needs `std` and Rust 1.88. As a sibling crate, it adds neither to
//! the runtime crate's dependents.
//!
//! # Cost
//!
//! One parse of the email by `mail-parser`, then a bounded number of passes over the text part
//! (the fixed texts are found in one pass by an Aho-Corasick automaton): linear in the email's
//! length. Values borrow from the email's bytes where they lie in it as given (addresses and
//! fields of a report part that needed no decoding); [`Bounce::into_owned`] copies them.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod autoreply;
mod bounce;
mod feedback;
mod formats;
mod headers;
mod keep;
mod kind;
pub mod mbox;
mod mime;
mod original;
mod recipient;
mod report;
pub mod scan;
mod ses;
mod text;

pub use bounce::Bounce;

/// Not part of the API: what the `bounce` fuzz target compares.
#[doc(hidden)]
pub mod __private {
    use crate::Bounce;

    /// [`Bounce::parse`] with `mail-parser` reading every header block whole (the email's, the
    /// returned message's), as it does for one that is not plain: the fuzz target checks that
    /// both ways read every email alike.
    #[must_use]
    pub fn parse_whole_headers(raw: &[u8]) -> Bounce<'_> {
        Bounce::read_email(raw, false)
    }
}
pub use feedback::Feedback;
pub use kind::{AutoReply, Format, Kind, TextFormat};
pub use original::{verp_decode, Original};
pub use recipient::{Recipient, Source};
