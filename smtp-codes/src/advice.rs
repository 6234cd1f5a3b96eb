//! Retry advice that knows the command a reply answers (RFC 5321 §4.2, §4.5.3.1.10; RFC 7504):
//! [`Outcome`], the [`Decision`] it advises and whether the session is closing.

use core::fmt;

use crate::code::Class;
use crate::command::Command;

/// What a client should do about a reply, knowing the command it answers.
///
/// This is the answer to "retry or bounce?" whenever the command is known, which it always is
/// for a client: use [`ReplyCode::outcome`](crate::ReplyCode::outcome) or
/// [`Reply::outcome`](crate::Reply::outcome) rather than `is_retryable()`.
/// `is_retryable()` reads the table's column for the code alone and cannot see that a `552`
/// answering `RCPT` means "too many recipients, retry the rest later" (RFC 5321 §4.5.3.1.10);
/// keep it for codes whose command is unknown, such as a code stored without its context.
///
/// ```
/// use smtp_codes::{Command, ReplyCode};
/// let code = ReplyCode::ExceededStorageAllocation; // 552
/// assert!(!code.is_retryable());
/// assert!(code.outcome(Command::Rcpt).is_retry_later());
/// ```
///
/// ```
/// use smtp_codes::advice::Decision;
/// use smtp_codes::{Command, ReplyCode};
/// let outcome = ReplyCode::ServiceNotAvailable.outcome(Command::Mail);
/// assert_eq!(outcome.decision(), Decision::RetryLater);
/// assert!(outcome.is_closing());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Outcome {
    decision: Decision,
    closing: bool,
}

/// What an [`Outcome`] advises doing.
///
/// ```
/// use smtp_codes::advice::Decision;
/// use smtp_codes::{Command, ReplyCode};
/// let decision = ReplyCode::MailboxTemporarilyUnavailable.outcome(Command::Rcpt).decision();
/// assert_eq!(decision, Decision::RetryLater);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Decision {
    /// The command succeeded (2yz).
    Success,
    /// Go on with the command: send the data, or the next line of an exchange (3yz).
    Continue,
    /// Not done, but the same request may succeed later (4yz, and a few 5yz by rule).
    RetryLater,
    /// Not done, and the same request will fail again (5yz).
    FailPermanently,
}

impl Outcome {
    /// The advice for a reply code, known or not, answering `command`; `None` outside `200..=599`.
    ///
    /// `None` for 1yz too, as [`Reply::parse`](crate::Reply::parse) refuses it and
    /// [`write_reply`](crate::write_reply) will not write it: RFC 5321 §4.2 lets a reply code's
    /// first digit be 2 to 5 only, and no SMTP command takes a 1yz reply (RFC 821 Appendix E
    /// already said so). A 1yz from a server is a protocol error, not an instruction to go on.
    ///
    /// The rules, in order:
    /// 1. `421` to anything: retry later; the server is closing the channel (RFC 5321 §3.8, §4.2.2).
    /// 2. `521` to anything: fail; the host does not accept mail and the session ends (RFC 7504 §3).
    /// 3. `221`: success; the server is closing the channel (RFC 5321 §4.1.1.10, §4.2.2).
    /// 4. A negative greeting (e.g. `554` "no SMTP service here"): the session ends; fail or retry
    ///    by class (RFC 5321 §3.1, §4.3.2).
    /// 5. `552` to `RCPT`: "too many recipients", to be treated as the transient `452`: retry the
    ///    remaining recipients later (RFC 5321 §4.5.3.1.10).
    /// 6. Otherwise by class (RFC 5321 §4.2.1): 2yz success, 3yz continue, 4yz retry later, 5yz
    ///    fail.
    ///
    /// ```
    /// use smtp_codes::advice::Decision;
    /// use smtp_codes::{Command, Outcome};
    /// assert_eq!(Outcome::of(571, Command::Rcpt).unwrap().decision(), Decision::FailPermanently);
    /// assert!(Outcome::of(554, Command::Greeting).unwrap().is_closing());
    /// assert!(!Outcome::of(554, Command::EndOfData).unwrap().is_closing());
    /// assert_eq!(Outcome::of(600, Command::Rcpt), None);
    /// assert_eq!(Outcome::of(199, Command::Rcpt), None);
    /// ```
    #[must_use]
    pub const fn of(code: u16, command: Command) -> Option<Outcome> {
        match Class::from_code(code) {
            Some(class) if code >= 200 => Some(Outcome::advise(code, class, command)),
            _ => None,
        }
    }

    /// The rules of [`Outcome::of`] for a code whose class is already known.
    pub(crate) const fn advise(code: u16, class: Class, command: Command) -> Outcome {
        let by_class = match class {
            Class::PositiveCompletion => Decision::Success,
            // 1yz never gets here from `of`, and a table cannot hold it.
            Class::PositivePreliminary | Class::PositiveIntermediate => Decision::Continue,
            Class::TransientNegativeCompletion => Decision::RetryLater,
            Class::PermanentNegativeCompletion => Decision::FailPermanently,
        };
        match (code, command) {
            (421, _) => Outcome::closing(Decision::RetryLater),
            (521, _) => Outcome::closing(Decision::FailPermanently),
            (221, _) => Outcome::closing(Decision::Success),
            (_, Command::Greeting) if class.is_negative() => Outcome::closing(by_class),
            (552, Command::Rcpt) => Outcome::open(Decision::RetryLater),
            _ => Outcome::open(by_class),
        }
    }

    /// An outcome from its parts, for deserializing.
    #[cfg(feature = "serde")]
    pub(crate) const fn from_parts(decision: Decision, closing: bool) -> Outcome {
        Outcome { decision, closing }
    }

    const fn open(decision: Decision) -> Outcome {
        Outcome {
            decision,
            closing: false,
        }
    }

    const fn closing(decision: Decision) -> Outcome {
        Outcome {
            decision,
            closing: true,
        }
    }

    /// The advised decision.
    ///
    /// ```
    /// use smtp_codes::advice::Decision;
    /// use smtp_codes::{Command, ReplyCode};
    /// assert_eq!(ReplyCode::StartMailInput.outcome(Command::Data).decision(), Decision::Continue);
    /// ```
    #[must_use]
    pub const fn decision(self) -> Decision {
        self.decision
    }

    /// Whether the session is over: the server closes the channel, or will accept nothing but
    /// `QUIT`. Send `QUIT` if it is still open, and open a new connection for more mail.
    ///
    /// ```
    /// use smtp_codes::{Command, ReplyCode};
    /// assert!(ReplyCode::ServiceClosing.outcome(Command::Quit).is_closing());
    /// ```
    #[must_use]
    pub const fn is_closing(self) -> bool {
        self.closing
    }

    /// [`Decision::Success`].
    ///
    /// ```
    /// use smtp_codes::{Command, ReplyCode};
    /// assert!(ReplyCode::Completed.outcome(Command::Mail).is_success());
    /// ```
    #[must_use]
    pub const fn is_success(self) -> bool {
        matches!(self.decision, Decision::Success)
    }

    /// [`Decision::Continue`].
    ///
    /// ```
    /// use smtp_codes::{Command, ReplyCode};
    /// assert!(ReplyCode::ServerChallenge.outcome(Command::Auth).is_continue());
    /// ```
    #[must_use]
    pub const fn is_continue(self) -> bool {
        matches!(self.decision, Decision::Continue)
    }

    /// [`Decision::RetryLater`].
    ///
    /// ```
    /// use smtp_codes::{Command, ReplyCode};
    /// assert!(ReplyCode::LocalError.outcome(Command::EndOfData).is_retry_later());
    /// ```
    #[must_use]
    pub const fn is_retry_later(self) -> bool {
        matches!(self.decision, Decision::RetryLater)
    }

    /// [`Decision::FailPermanently`].
    ///
    /// ```
    /// use smtp_codes::{Command, ReplyCode};
    /// assert!(ReplyCode::MailboxUnavailable.outcome(Command::Rcpt).is_fail_permanently());
    /// ```
    #[must_use]
    pub const fn is_fail_permanently(self) -> bool {
        matches!(self.decision, Decision::FailPermanently)
    }
}

impl Decision {
    /// Every decision, in the order of the enum.
    ///
    /// ```
    /// assert_eq!(smtp_codes::advice::Decision::ALL.len(), 4);
    /// ```
    pub const ALL: &'static [Decision] = &[
        Decision::Success,
        Decision::Continue,
        Decision::RetryLater,
        Decision::FailPermanently,
    ];

    /// A short name for logs and serialization: `success`, `continue`, `retry-later`,
    /// `fail-permanently`.
    ///
    /// ```
    /// use smtp_codes::advice::Decision;
    /// assert_eq!(Decision::RetryLater.as_str(), "retry-later");
    /// assert_eq!(Decision::FailPermanently.to_string(), "fail-permanently");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Decision::Success => "success",
            Decision::Continue => "continue",
            Decision::RetryLater => "retry-later",
            Decision::FailPermanently => "fail-permanently",
        }
    }
}

impl fmt::Display for Decision {
    /// [`Decision::as_str`]: `retry-later`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Outcome {
    /// The decision, then `, closing` when the session is over: `retry-later, closing`.
    ///
    /// ```
    /// use smtp_codes::{Command, ReplyCode};
    /// assert_eq!(ReplyCode::ServiceNotAvailable.outcome(Command::Rcpt).to_string(), "retry-later, closing");
    /// assert_eq!(ReplyCode::Completed.outcome(Command::Rcpt).to_string(), "success");
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.decision.as_str())?;
        if self.closing {
            f.write_str(", closing")?;
        }
        Ok(())
    }
}
