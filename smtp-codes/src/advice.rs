//! Retry advice that knows the command a reply answers (RFC 5321 §4.2, §4.5.3.1.10; RFC 7504).

use crate::{Class, Reply, ReplyCode};

/// What a reply answers: the connection greeting, a command, or the end of the message data.
///
/// ```
/// use smtp_codes::{Command, ReplyCode};
/// let advice = ReplyCode::ExceededStorageAllocation.outcome(Command::Rcpt);
/// assert!(advice.is_retry_later()); // too many recipients (RFC 5321 §4.5.3.1.10)
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Command {
    /// The server's greeting on connection (RFC 5321 §3.1, §4.3.1).
    Greeting,
    /// `HELO` (RFC 5321 §4.1.1.1).
    Helo,
    /// `EHLO` (RFC 5321 §4.1.1.1).
    Ehlo,
    /// `LHLO`, LMTP's greeting command (RFC 2033 §4.1).
    Lhlo,
    /// `MAIL FROM` (RFC 5321 §4.1.1.2).
    Mail,
    /// `RCPT TO` (RFC 5321 §4.1.1.3).
    Rcpt,
    /// `DATA`, before the message is sent (RFC 5321 §4.1.1.4).
    Data,
    /// The end of the message data, `<CRLF>.<CRLF>` (RFC 5321 §4.1.1.4); in LMTP one reply per
    /// accepted recipient (RFC 2033 §4.2).
    EndOfData,
    /// `BDAT`, a chunk of the message (RFC 3030 §2).
    Bdat,
    /// `RSET` (RFC 5321 §4.1.1.5).
    Rset,
    /// `VRFY` (RFC 5321 §4.1.1.6).
    Vrfy,
    /// `EXPN` (RFC 5321 §4.1.1.7).
    Expn,
    /// `HELP` (RFC 5321 §4.1.1.8).
    Help,
    /// `NOOP` (RFC 5321 §4.1.1.9).
    Noop,
    /// `QUIT` (RFC 5321 §4.1.1.10).
    Quit,
    /// `STARTTLS` (RFC 3207 §4).
    StartTls,
    /// `AUTH` and each line of its exchange (RFC 4954 §4).
    Auth,
    /// `ETRN` (RFC 1985).
    Etrn,
    /// `ATRN` (RFC 2645).
    Atrn,
    /// `BURL` (RFC 4468).
    Burl,
}

impl Command {
    /// Every command, in the order of the enum.
    ///
    /// ```
    /// use smtp_codes::{Command, ReplyCode};
    /// assert!(Command::ALL.contains(&Command::Rcpt));
    /// assert!(Command::ALL.iter().all(|&command| ReplyCode::ServiceNotAvailable.outcome(command).is_closing()));
    /// ```
    pub const ALL: &'static [Command] = &[
        Command::Greeting,
        Command::Helo,
        Command::Ehlo,
        Command::Lhlo,
        Command::Mail,
        Command::Rcpt,
        Command::Data,
        Command::EndOfData,
        Command::Bdat,
        Command::Rset,
        Command::Vrfy,
        Command::Expn,
        Command::Help,
        Command::Noop,
        Command::Quit,
        Command::StartTls,
        Command::Auth,
        Command::Etrn,
        Command::Atrn,
        Command::Burl,
    ];
}

/// What a client should do about a reply.
///
/// ```
/// use smtp_codes::{Action, Command, ReplyCode};
/// let outcome = ReplyCode::ServiceNotAvailable.outcome(Command::Mail);
/// assert_eq!(outcome.action(), Action::RetryLater);
/// assert!(outcome.is_closing());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Outcome {
    action: Action,
    closing: bool,
}

/// The action an [`Outcome`] advises.
///
/// ```
/// use smtp_codes::{Action, Command, ReplyCode};
/// let action = ReplyCode::MailboxTemporarilyUnavailable.outcome(Command::Rcpt).action();
/// assert_eq!(action, Action::RetryLater);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Action {
    /// The command succeeded (2yz).
    Success,
    /// Go on with the command: send the data, or the next line of an exchange (3yz, and the
    /// obsolete 1yz).
    Continue,
    /// Not done, but the same request may succeed later (4yz, and a few 5yz by rule).
    RetryLater,
    /// Not done, and the same request will fail again (5yz).
    FailPermanently,
}

impl Outcome {
    /// The advice for a reply code, known or not, answering `command`; `None` outside `100..=599`.
    ///
    /// The rules, in order:
    /// 1. `421` to anything: retry later; the server is closing the channel (RFC 5321 §3.8, §4.2.2).
    /// 2. `521` to anything: fail; the host does not accept mail and the session ends (RFC 7504 §3).
    /// 3. `221`: success; the server is closing the channel (RFC 5321 §4.1.1.10, §4.2.2).
    /// 4. A negative greeting (e.g. `554` "no SMTP service here"): the session ends; fail or retry
    ///    by class (RFC 5321 §3.1, §4.3.2).
    /// 5. `552` to `RCPT`: "too many recipients", to be treated as the transient `452`: retry the
    ///    remaining recipients later (RFC 5321 §4.5.3.1.10).
    /// 6. Otherwise by class (RFC 5321 §4.2.1): 2yz success, 1yz and 3yz continue, 4yz retry
    ///    later, 5yz fail.
    ///
    /// ```
    /// use smtp_codes::{Action, Command, Outcome};
    /// assert_eq!(Outcome::of(571, Command::Rcpt).unwrap().action(), Action::FailPermanently);
    /// assert!(Outcome::of(554, Command::Greeting).unwrap().is_closing());
    /// assert!(!Outcome::of(554, Command::EndOfData).unwrap().is_closing());
    /// assert_eq!(Outcome::of(600, Command::Rcpt), None);
    /// ```
    #[must_use]
    pub const fn of(code: u16, command: Command) -> Option<Outcome> {
        match Class::from_code(code) {
            Some(class) => Some(Outcome::advise(code, class, command)),
            None => None,
        }
    }

    /// The rules of [`Outcome::of`] for a code whose class is already known.
    const fn advise(code: u16, class: Class, command: Command) -> Outcome {
        let by_class = match class {
            Class::PositiveCompletion => Action::Success,
            Class::PositivePreliminary | Class::PositiveIntermediate => Action::Continue,
            Class::TransientNegativeCompletion => Action::RetryLater,
            Class::PermanentNegativeCompletion => Action::FailPermanently,
        };
        match (code, command) {
            (421, _) => Outcome::closing(Action::RetryLater),
            (521, _) => Outcome::closing(Action::FailPermanently),
            (221, _) => Outcome::closing(Action::Success),
            (_, Command::Greeting) if class.is_negative() => Outcome::closing(by_class),
            (552, Command::Rcpt) => Outcome::open(Action::RetryLater),
            _ => Outcome::open(by_class),
        }
    }

    const fn open(action: Action) -> Outcome {
        Outcome {
            action,
            closing: false,
        }
    }

    const fn closing(action: Action) -> Outcome {
        Outcome {
            action,
            closing: true,
        }
    }

    /// The advised action.
    ///
    /// ```
    /// use smtp_codes::{Action, Command, ReplyCode};
    /// assert_eq!(ReplyCode::StartMailInput.outcome(Command::Data).action(), Action::Continue);
    /// ```
    #[must_use]
    pub const fn action(self) -> Action {
        self.action
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

    /// [`Action::Success`].
    ///
    /// ```
    /// use smtp_codes::{Command, ReplyCode};
    /// assert!(ReplyCode::Completed.outcome(Command::Mail).is_success());
    /// ```
    #[must_use]
    pub const fn is_success(self) -> bool {
        matches!(self.action, Action::Success)
    }

    /// [`Action::Continue`].
    ///
    /// ```
    /// use smtp_codes::{Command, ReplyCode};
    /// assert!(ReplyCode::ServerChallenge.outcome(Command::Auth).is_continue());
    /// ```
    #[must_use]
    pub const fn is_continue(self) -> bool {
        matches!(self.action, Action::Continue)
    }

    /// [`Action::RetryLater`].
    ///
    /// ```
    /// use smtp_codes::{Command, ReplyCode};
    /// assert!(ReplyCode::LocalError.outcome(Command::EndOfData).is_retry_later());
    /// ```
    #[must_use]
    pub const fn is_retry_later(self) -> bool {
        matches!(self.action, Action::RetryLater)
    }

    /// [`Action::FailPermanently`].
    ///
    /// ```
    /// use smtp_codes::{Command, ReplyCode};
    /// assert!(ReplyCode::MailboxUnavailable.outcome(Command::Rcpt).is_fail_permanently());
    /// ```
    #[must_use]
    pub const fn is_fail_permanently(self) -> bool {
        matches!(self.action, Action::FailPermanently)
    }
}

impl ReplyCode {
    /// The advice for this code answering `command`; see [`Outcome::of`] for the rules.
    ///
    /// ```
    /// use smtp_codes::{Command, ReplyCode};
    /// assert!(ReplyCode::ExceededStorageAllocation.outcome(Command::Rcpt).is_retry_later());
    /// assert!(ReplyCode::ExceededStorageAllocation.outcome(Command::EndOfData).is_fail_permanently());
    /// ```
    #[must_use]
    pub const fn outcome(self, command: Command) -> Outcome {
        Outcome::advise(self.as_u16(), self.class(), command)
    }
}

impl Reply<'_> {
    /// The advice for this reply answering `command`; see [`Outcome::of`] for the rules.
    ///
    /// ```
    /// use smtp_codes::{Command, Reply};
    /// let (reply, _) = Reply::parse(b"554 5.7.1 No SMTP service here\r\n").unwrap();
    /// let outcome = reply.outcome(Command::Greeting);
    /// assert!(outcome.is_fail_permanently() && outcome.is_closing());
    /// ```
    #[must_use]
    pub const fn outcome(&self, command: Command) -> Outcome {
        Outcome::advise(self.code(), self.class(), command)
    }
}

#[cfg(test)]
mod tests {
    use super::Command;

    /// Fails to compile when a command is added to the enum, until it is added here and to `ALL`.
    const fn position(command: Command) -> usize {
        match command {
            Command::Greeting => 0,
            Command::Helo => 1,
            Command::Ehlo => 2,
            Command::Lhlo => 3,
            Command::Mail => 4,
            Command::Rcpt => 5,
            Command::Data => 6,
            Command::EndOfData => 7,
            Command::Bdat => 8,
            Command::Rset => 9,
            Command::Vrfy => 10,
            Command::Expn => 11,
            Command::Help => 12,
            Command::Noop => 13,
            Command::Quit => 14,
            Command::StartTls => 15,
            Command::Auth => 16,
            Command::Etrn => 17,
            Command::Atrn => 18,
            Command::Burl => 19,
        }
    }

    #[test]
    fn all_has_every_command_in_order() {
        assert_eq!(Command::ALL.len(), 20);
        for (index, command) in Command::ALL.iter().enumerate() {
            assert_eq!(position(*command), index);
        }
    }
}
