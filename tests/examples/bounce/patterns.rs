//! What a bounce's words show: a reply code, an enhanced status code, the command a reply
//! answered.

use smtp_codes::{Command, EnhancedCode};

/// The first reply code in `text`: three digits, the first 2 to 5, not inside a longer number,
/// an address or a name, and followed by a space, `-`, `:`, `,`, `)` or the end.
pub fn reply_code_in(text: &str) -> Option<u16> {
    let bytes = text.as_bytes();
    for start in 0..bytes.len().saturating_sub(2) {
        let digits = &bytes[start..start + 3];
        if !(b'2'..=b'5').contains(&digits[0]) || !digits[1..].iter().all(u8::is_ascii_digit) {
            continue;
        }
        let before = start.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(start + 3).copied();
        let clean_before =
            before.is_none_or(|b| !b.is_ascii_alphanumeric() && !b"._-/+=@".contains(&b));
        let clean_after = after.is_none_or(|b| b" -:,)]\t".contains(&b));
        // `550-5.1.1` and `550 5.1.1` are codes; `250-300` and `2.345` are not.
        let dash_number = after == Some(b'-')
            && bytes.get(start + 4).is_some_and(u8::is_ascii_digit)
            && bytes.get(start + 5) != Some(&b'.');
        if clean_before && clean_after && !dash_number {
            return text[start..start + 3].parse().ok();
        }
    }
    None
}

/// The first enhanced status code in `text` (`5.1.1`, `#5.1.1`, `(5.7.1)`), not inside an IP
/// address or a version number.
pub fn enhanced_in(text: &str) -> Option<EnhancedCode> {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start + 5 <= bytes.len() {
        let before = start.checked_sub(1).map(|i| bytes[i]);
        if matches!(bytes[start], b'2' | b'4' | b'5')
            && bytes[start + 1] == b'.'
            && before.is_none_or(|b| !b.is_ascii_alphanumeric() && b != b'.')
        {
            let mut end = start + 2;
            let mut dots = 1;
            while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'.') {
                if bytes[end] == b'.' {
                    dots += 1;
                }
                end += 1;
            }
            // A sentence may end right after the code.
            let candidate = text[start..end].trim_end_matches('.');
            let next = bytes.get(end).copied();
            if dots >= 2
                && next.is_none_or(|b| !b.is_ascii_alphanumeric())
                && candidate.matches('.').count() == 2
            {
                if let Ok(code) = EnhancedCode::parse(candidate.as_bytes()) {
                    return Some(code);
                }
            }
            start = end.max(start + 1);
        } else {
            start += 1;
        }
    }
    None
}

/// Phrases that say which command a reply answered, lower case, as MTAs write them: Postfix
/// `(in reply to RCPT TO command)` and `refused to talk to me` (the greeting), Exim
/// `after RCPT TO:<x>` and `after initial connection`, `Error following RCPT command`,
/// `DragonFly` `did not like our RCPT TO`, qmail `does not like recipient`, `sender was rejected`
/// and `failed after I sent the message`, Sendmail's transcript `>>> RCPT To:`, and the bracketed
/// `[RCPT_TO]` of some providers. The first phrase in the text decides.
pub const COMMAND_PHRASES: &[(&str, Command)] = &[
    ("in reply to rcpt to command", Command::Rcpt),
    ("in reply to mail from command", Command::Mail),
    ("in reply to end of data command", Command::EndOfData),
    ("in reply to data command", Command::Data),
    ("in reply to helo command", Command::Helo),
    ("in reply to ehlo command", Command::Ehlo),
    ("in reply to starttls command", Command::StartTls),
    ("in reply to the initial greeting", Command::Greeting),
    ("after rcpt to", Command::Rcpt),
    ("after mail from", Command::Mail),
    ("after end of data", Command::EndOfData),
    ("after data", Command::Data),
    ("after helo", Command::Helo),
    ("after ehlo", Command::Ehlo),
    ("after starttls", Command::StartTls),
    ("after initial connection", Command::Greeting),
    ("after rcpt command", Command::Rcpt),
    ("after mail command", Command::Mail),
    ("following rcpt", Command::Rcpt),
    ("following mail", Command::Mail),
    ("refused to talk to me", Command::Greeting),
    ("did not like our rcpt to", Command::Rcpt),
    ("did not like our mail from", Command::Mail),
    ("did not like our final data", Command::EndOfData),
    ("did not like our data", Command::Data),
    ("does not like recipient", Command::Rcpt),
    ("sender was rejected", Command::Mail),
    ("failed after i sent the message", Command::EndOfData),
    (">>> rcpt to", Command::Rcpt),
    (">>> mail from", Command::Mail),
    (">>> data", Command::Data),
    (">>> helo", Command::Helo),
    (">>> ehlo", Command::Ehlo),
    ("[rcpt_to]", Command::Rcpt),
    ("[mail_from]", Command::Mail),
    ("[data]", Command::Data),
];

/// The command the text says a reply answered: the earliest phrase of [`COMMAND_PHRASES`].
pub fn command_in(text: &str) -> Option<Command> {
    let lower = text.to_ascii_lowercase();
    COMMAND_PHRASES
        .iter()
        .filter_map(|&(phrase, command)| lower.find(phrase).map(|at| (at, command)))
        .min_by_key(|&(at, _)| at)
        .map(|(_, command)| command)
}

/// The command a session transcript shows failing (Sendmail: `>>> RCPT To:<x>` then
/// `<<< 550 ...`): the last command sent before the first 4yz/5yz reply that names `address`,
/// else before the first 4yz/5yz reply.
pub fn transcript_command(text: &str, address: &str) -> Option<Command> {
    let address = address.to_ascii_lowercase();
    let mut last = None;
    let mut first_failure = None;
    for line in text.lines() {
        let line = line.trim_start().to_ascii_lowercase();
        if let Some(sent) = line.strip_prefix(">>> ") {
            last = verb(sent);
        } else if let Some(reply) = line.strip_prefix("<<< ") {
            if reply.starts_with('4') || reply.starts_with('5') {
                if !address.is_empty() && reply.contains(&address) {
                    return last;
                }
                first_failure = first_failure.or(Some(last));
            }
        }
    }
    first_failure.flatten()
}

/// The command an SMTP client line sends: its verb, as `Command`'s `FromStr` reads it, or `.`
/// for the end of the data.
pub fn verb(sent: &str) -> Option<Command> {
    match sent.split([' ', ':']).next().unwrap_or("") {
        "." => Some(Command::EndOfData),
        word => word.parse().ok(),
    }
}

/// The command's name in the TSV output: the SMTP verb (`DATA` for the end of the data too, as
/// the failure answers the DATA transaction), `CONN` for the greeting.
pub fn command_name(command: Command) -> &'static str {
    match command {
        Command::Greeting => "CONN",
        Command::Data | Command::EndOfData => "DATA",
        verb => verb.as_str(),
    }
}
