//! What a reply answers: the greeting, a command, or the end of the message data; named as sent.

use core::fmt;
use core::str::FromStr;

/// What a reply answers: the connection greeting, a command, or the end of the message data.
///
/// Named from text by [`FromStr`], case-insensitively: the verb as a client sends it (`RCPT`,
/// `rcpt`, `MAIL`, `EHLO`, `StartTLS`), or `greeting` and `end-of-data` for the two replies that
/// answer no verb. [`Command::as_str`] and `Display` give the verb in upper case as sent, and
/// `greeting` / `end-of-data` for those two.
///
/// ```
/// use smtp_codes::{Command, ReplyCode};
/// let command: Command = "rcpt".parse().unwrap();
/// assert_eq!(command, Command::Rcpt);
/// assert_eq!(command.to_string(), "RCPT");
/// let advice = ReplyCode::ExceededStorageAllocation.outcome(command);
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

    /// The verb as sent, in upper case (`"RCPT"`, `"STARTTLS"`); `"greeting"` and
    /// `"end-of-data"` for the two replies that answer no verb.
    ///
    /// ```
    /// use smtp_codes::Command;
    /// assert_eq!(Command::Mail.as_str(), "MAIL");
    /// assert_eq!(Command::EndOfData.as_str(), "end-of-data");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Command::Greeting => "greeting",
            Command::Helo => "HELO",
            Command::Ehlo => "EHLO",
            Command::Lhlo => "LHLO",
            Command::Mail => "MAIL",
            Command::Rcpt => "RCPT",
            Command::Data => "DATA",
            Command::EndOfData => "end-of-data",
            Command::Bdat => "BDAT",
            Command::Rset => "RSET",
            Command::Vrfy => "VRFY",
            Command::Expn => "EXPN",
            Command::Help => "HELP",
            Command::Noop => "NOOP",
            Command::Quit => "QUIT",
            Command::StartTls => "STARTTLS",
            Command::Auth => "AUTH",
            Command::Etrn => "ETRN",
            Command::Atrn => "ATRN",
            Command::Burl => "BURL",
        }
    }
}

impl fmt::Display for Command {
    /// [`Command::as_str`]: `RCPT`, `end-of-data`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Command {
    type Err = ParseCommandError;

    /// The command named by `text`, compared without regard to ASCII case: a verb (`rcpt`,
    /// `RCPT`, `StartTls`), `greeting` or `end-of-data`. Nothing else: no spaces, no arguments.
    fn from_str(text: &str) -> Result<Command, ParseCommandError> {
        Command::ALL
            .iter()
            .copied()
            .find(|command| command.as_str().eq_ignore_ascii_case(text))
            .ok_or(ParseCommandError)
    }
}

/// Text that names no [`Command`], from `FromStr`.
///
/// ```
/// use smtp_codes::{Command, command::ParseCommandError};
/// assert_eq!("RCPT TO".parse::<Command>(), Err(ParseCommandError));
/// assert_eq!(
///     ParseCommandError.to_string(),
///     "not an SMTP command: expected a verb such as RCPT, or greeting or end-of-data"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseCommandError;

impl fmt::Display for ParseCommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an SMTP command: expected a verb such as RCPT, or greeting or end-of-data")
    }
}

impl core::error::Error for ParseCommandError {}

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
