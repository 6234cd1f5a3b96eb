//! Type-safe SMTP reply codes, generated at compile time from CSV tables.
//!
//! A reply decides whether a mail client retries, bounces or delivers, and a bounce whether the
//! address is suppressed. This crate makes those decisions from typed data: [`ReplyCode`], an enum
//! generated from `codes.csv` (the reply codes of RFC 5321, 7504, 4954, 3207, 1985 and 2645), the
//! retry advice of [`Reply::outcome`], which knows the command the reply answers, and the bounce
//! [`Diagnosis`], generated from `reasons.csv`, `phrases.csv` and `statuses.csv`.
//!
//! Retry with the command-aware answer, [`Reply::outcome`], whenever the command is known: a `552`
//! to `RCPT` means too many recipients and is retried later (RFC 5321 §4.5.3.1.10), which the
//! code alone (`is_retryable()`) cannot say. Suppress an address only when the diagnosis says the
//! bounce is hard: a `550` is sent for an unknown user (suppress), but also for a block list entry
//! of the sender's IP, a DMARC failure or a full mailbox, where the address is fine.
//!
//! ```
//! use smtp_codes::{Command, Reply};
//!
//! fn decide(wire: &[u8], command: Command) -> &'static str {
//!     let Ok((reply, _)) = Reply::parse(wire) else {
//!         return "protocol error";
//!     };
//!     let outcome = reply.outcome(command);
//!     if outcome.is_success() || outcome.is_continue() {
//!         "go on"
//!     } else if outcome.is_retry_later() {
//!         "queue for retry"
//!     } else if reply.diagnose(Some(command)).is_hard() {
//!         "suppress the address"
//!     } else {
//!         "bounce, keep the address"
//!     }
//! }
//!
//! let rcpt = Command::Rcpt;
//! assert_eq!(decide(b"550 5.1.1 <bob@example.com>: User unknown\r\n", rcpt), "suppress the address");
//! assert_eq!(decide(b"550 5.7.1 Client host [192.0.2.1] blocked using zen.spamhaus.org\r\n", rcpt), "bounce, keep the address");
//! assert_eq!(decide(b"552 5.2.2 Mailbox full\r\n", Command::EndOfData), "bounce, keep the address");
//! assert_eq!(decide(b"552 Too many recipients\r\n", rcpt), "queue for retry"); // RFC 5321 §4.5.3.1.10
//! assert_eq!(decide(b"421 4.7.0 Try again later\r\n", rcpt), "queue for retry");
//! assert_eq!(decide(b"571 Delivery not authorized\r\n", rcpt), "bounce, keep the address"); // unknown 5yz
//! assert_eq!(decide(b"250 2.1.5 OK\r\n", rcpt), "go on");
//! ```
//!
//! When only a code is known (a log line without the command), [`ReplyCode::is_retryable`] and,
//! for codes the table does not know, [`Class::from_code`] give the best answer the code alone can.
//!
//! Whole replies are read by [`Reply::parse`] (no copy, no allocation), their enhanced status
//! codes looked up in the IANA registry ([`EnhancedStatus`]), and the advice for the command they
//! answer given by [`Reply::outcome`]. Servers write replies with [`write_reply`]. A reply to EHLO
//! is read as the server's capabilities by [`Ehlo::parse`], each a registered [`Extension`] (the
//! IANA registry, generated from `extensions.csv`) or an unknown keyword kept as bytes. Bounces
//! are diagnosed by [`Diagnosis::of`] from whatever text is at hand: a reply, a log line, a DSN's
//! diagnostic text.
//!
//! Your own table (vendor codes, say) gets the same API from [`reply_codes`]: see its docs.
//!
//! # Features
//!
//! Off by default: the crate needs neither `std` nor `alloc`.
//!
//! - `alloc`: `ReplyBuf`, a reply that owns its bytes, with the accessors of [`Reply`] (the rest
//!   through `ReplyBuf::reply`).
//! - `std` (implies `alloc`): `write_reply_io`, the `std::io::Write` version of [`write_reply`],
//!   and `io::ReplyReader`, which reads replies from any `std::io::Read` (pipelined replies kept,
//!   memory bounded, a malformed reply an `InvalidData` error with the
//!   [`ParseReplyError`](reply::ParseReplyError) as source).
//! - `tokio` (implies `std`; brings `tokio-util` and `bytes`): `io::ReplyCodec`, a
//!   `tokio_util::codec` decoder of owned replies (split off the read buffer, not copied) and
//!   encoder through [`write_reply`].
//! - `serde`: `ReplyCode` serializes as its number (`550`), `EnhancedCode` as `"5.1.1"`,
//!   `EnhancedStatus` as its registry code (`"X.1.1"`), `Class`, `Category` and `EnhancedClass`
//!   as their digit. Deserializing refuses unknown codes with a message that names them; keep
//!   any code, known or not, as an [`AnyReplyCode`] (its number, `571`). [`Subject`](enhanced::Subject) is its
//!   number, [`Command`] and [`Decision`](advice::Decision) their names, [`Outcome`] its decision
//!   and `closing`. With
//!   `alloc`, `ReplyBuf` as its bytes as sent.
//!
//! Readers of any other kind (async runtimes, event loops) resume a reply's scan across reads
//! with [`reply::ReplyScanner`], in the core.
//!
//! # Where things live
//!
//! One public module per concept; the types you meet first are also at the root.
//!
//! | module | what it holds | RFC |
//! |---|---|---|
//! | [`code`] | [`ReplyCode`] (the table `codes.csv`), [`AnyReplyCode`], [`Class`], [`Category`](code::Category), the [`ReplyCodeTable`](code::ReplyCodeTable) trait | RFC 5321 §4.2 |
//! | [`reply`] | [`Reply`] and its parser, [`ReplyScanner`](reply::ReplyScanner) for reads in pieces, [`ReplyBuf`] (owned), [`write_reply`] | RFC 5321 §4.2, RFC 2034 |
//! | [`enhanced`] | [`EnhancedCode`], [`EnhancedStatus`] (the IANA registry, `enhanced-codes.csv`) | RFC 3463, RFC 5248 |
//! | [`command`] | [`Command`]: what a reply answers | RFC 5321 §4.1 |
//! | [`advice`] | [`Outcome`]: retry, fail or go on, knowing the command | RFC 5321 §4.2, §4.5.3.1.10; RFC 7504 |
//! | [`ehlo`] | [`Ehlo`]: a reply to EHLO as capabilities; [`Extension`] (the IANA registry, `extensions.csv`) | RFC 5321 §4.1.1.1, RFC 9422 |
//! | [`diagnosis`] | [`Diagnosis`] and [`Reason`]: why a delivery failed, and whether to suppress the address (`reasons.csv`, `phrases.csv`, `statuses.csv`) | RFC 3463 |
//! | [`dsn`] | delivery status reports, the `message/delivery-status` part of a bounce | RFC 3464 |
//! | [`io`] | `ReplyReader` (`std`) and `ReplyCodec` (`tokio`): replies over connections | RFC 2920 |
//! | [`table_format`] | the format and the checks of every CSV table | |
//!
//! Every error type is named for what failed: `Parse<Thing>Error` (`reply::ParseReplyError`,
//! `code::ParseReplyCodeError`, `dsn::ParseDeliveryStatusError`, ...) and
//! `reply::WriteReplyError`.
#![no_std]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
// On docs.rs, items that need a feature say which (`alloc`, `std`, `tokio`, `serde`).
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(feature = "std")]
extern crate std;

// The generated code names this crate's types as `::smtp_codes::__private::...`, which must work
// here too.
extern crate self as smtp_codes;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
mod bytes;
#[cfg(feature = "serde")]
mod serde_impls;

pub mod advice;
pub mod code;
pub mod command;
pub mod diagnosis;
pub mod dsn;
pub mod ehlo;
pub mod enhanced;
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub mod io;
pub mod reply;

pub use advice::Outcome;
pub use code::{AnyReplyCode, Class, ReplyCode};
pub use command::Command;
pub use diagnosis::{Diagnosis, Reason};
pub use ehlo::{Ehlo, Extension};
pub use enhanced::{EnhancedCode, EnhancedStatus};
#[cfg(feature = "alloc")]
#[cfg_attr(docsrs, doc(cfg(feature = "alloc")))]
pub use reply::ReplyBuf;
pub use reply::{write_reply, Reply};

/// Turns an empty enum into a reply-code table read from a CSV file at compile time.
///
/// The argument is the CSV's path relative to your crate's `CARGO_MANIFEST_DIR`. Put the
/// attribute above the derives, which must include `Clone` and `Copy`. The generated enum is
/// `#[non_exhaustive]` and `#[repr(u16)]`, and has the API of [`ReplyCode`]. Cargo rebuilds the
/// crate when the CSV changes.
///
/// ```
/// // Here the table is this crate's own `codes.csv`; yours is any file in your crate.
/// #[smtp_codes::reply_codes("codes.csv")]
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum MyCode {}
///
/// assert_eq!(MyCode::from_u16(550), Some(MyCode::MailboxUnavailable));
/// assert!(MyCode::LocalError.is_retryable());
/// ```
///
/// A second argument, `examples = "my_crate::MyCode"`, adds a doctest to the doc of every
/// generated method, naming the enum by that path. The table format, its validation rules and the
/// options are in [`table_format`]. The enum implements [`ReplyCodeTable`](code::ReplyCodeTable), so code can be generic
/// over [`ReplyCode`] and your table.
pub use smtp_codes_macros::reply_codes;

/// Turns an empty enum into an enhanced status code registry read from a CSV file at compile time.
///
/// The argument is the CSV's path relative to your crate's `CARGO_MANIFEST_DIR`; put the attribute
/// above the derives. The generated enum has the API of [`EnhancedStatus`]. The table format and
/// its validation rules are in [`table_format`].
///
/// ```
/// #[smtp_codes::enhanced_statuses("enhanced-codes.csv")]
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum Registry {}
///
/// assert_eq!(Registry::from_parts(2, 2).unwrap().title(), "Mailbox full");
/// ```
pub use smtp_codes_macros::enhanced_statuses;

/// Turns an empty enum into a table of SMTP service extensions read from a CSV file at compile time.
///
/// The argument is the CSV's path relative to your crate's `CARGO_MANIFEST_DIR`; put the attribute
/// above the derives. The generated enum has the API of [`Extension`]. The table format and its
/// checks are in [`table_format`].
///
/// ```
/// #[smtp_codes::extensions("extensions.csv")]
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum Keyword {}
///
/// assert_eq!(Keyword::from_keyword(b"starttls"), Some(Keyword::StartTls));
/// assert_eq!(Keyword::StartTls.reference(), "RFC 3207");
/// ```
pub use smtp_codes_macros::extensions;

/// Turns an empty enum into the bounce reasons of a reasons table, with the phrase matcher and
/// the status rules of two more tables, read at compile time.
///
/// Paths are relative to your crate's `CARGO_MANIFEST_DIR`; put the attribute above the derives.
/// The generated enum has the API of [`Reason`]. The table formats and their checks are in
/// [`table_format`].
///
/// ```
/// #[smtp_codes::reasons("reasons.csv", "phrases.csv", "statuses.csv")]
/// #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
/// pub enum MyReason {}
///
/// let phrase = MyReason::find_phrase(b"550 Mailbox full", None).unwrap();
/// assert_eq!(phrase.reason(), MyReason::MailboxFull);
/// ```
pub use smtp_codes_macros::reasons;

#[doc = include_str!("../TABLES.md")]
pub mod table_format {}
