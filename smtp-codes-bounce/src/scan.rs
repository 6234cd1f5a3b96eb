//! What a bounce's words show by themselves: a reply code, an enhanced status code, the command a
//! reply answered, the addresses a text names. Every scan is one pass over the text.
//!
//! ```
//! use smtp_codes::Command;
//! use smtp_codes_bounce::scan;
//!
//! let text = "host mx.example.com said: 550-5.1.1 No such user (in reply to RCPT TO command)";
//! assert_eq!(scan::reply_code_in(text), Some(550));
//! assert_eq!(scan::enhanced_in(text).unwrap().to_string(), "5.1.1");
//! assert_eq!(scan::command_in(text), Some(Command::Rcpt));
//! ```

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use smtp_codes::{Command, EnhancedCode};

/// The first failure reply code in `text` (4yz or 5yz, what a bounce quotes; a transcript's
/// `250 ok` before it is passed over): three digits, not inside a longer number, an address or a
/// name, and followed by a space, `-`, `:`, `,`, `)`, `]`, a tab or the end. `450-500` (a range)
/// is not a code; `550-5.1.1` is.
///
/// ```
/// use smtp_codes_bounce::scan::reply_code_in;
/// assert_eq!(reply_code_in("ERROR_CODE :421, ERROR_CODE :"), Some(421));
/// assert_eq!(reply_code_in("at 23:34:45, port 2525"), None);
/// ```
#[must_use]
pub fn reply_code_in(text: &str) -> Option<u16> {
    let bytes = text.as_bytes();
    for start in 0..bytes.len().saturating_sub(2) {
        let digits = &bytes[start..start + 3];
        if !matches!(digits[0], b'4' | b'5') || !digits[1..].iter().all(u8::is_ascii_digit) {
            continue;
        }
        let before = start.checked_sub(1).map(|i| bytes[i]);
        let after = bytes.get(start + 3).copied();
        let clean_before =
            before.is_none_or(|b| !b.is_ascii_alphanumeric() && !b"._-/+=@".contains(&b));
        let clean_after = after.is_none_or(|b| b" -:,)]\t\r\n".contains(&b));
        let dash_number = after == Some(b'-')
            && bytes.get(start + 4).is_some_and(u8::is_ascii_digit)
            && bytes.get(start + 5) != Some(&b'.');
        if clean_before && clean_after && !dash_number {
            return Some(
                u16::from(digits[0] - b'0') * 100
                    + u16::from(digits[1] - b'0') * 10
                    + u16::from(digits[2] - b'0'),
            );
        }
    }
    None
}

/// The first failure enhanced status code (class 4 or 5) in `text` (`5.1.1`, `#5.1.1`,
/// `(5.7.1)`, a sentence's last word `4.4.7.`), not inside an IP address or a version number.
///
/// ```
/// use smtp_codes_bounce::scan::enhanced_in;
/// assert_eq!(enhanced_in("sorry, no mailbox here (#5.1.1 - chkusr)").unwrap().to_string(), "5.1.1");
/// assert_eq!(enhanced_in("from [192.0.2.1] version 2.3.4.5"), None);
/// ```
#[must_use]
pub fn enhanced_in(text: &str) -> Option<EnhancedCode> {
    let bytes = text.as_bytes();
    let mut start = 0;
    while start + 5 <= bytes.len() {
        let before = start.checked_sub(1).map(|i| bytes[i]);
        if matches!(bytes[start], b'4' | b'5')
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
                && candidate.bytes().filter(|&b| b == b'.').count() == 2
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

/// Phrases that say which command a reply answered, as MTAs write them (any ASCII case):
/// Postfix `(in reply to RCPT TO command)` and `refused to talk to me` (the greeting,
/// `src/smtp/smtp_proto.c`), Exim `after RCPT TO:<x>` and `after initial connection`
/// (`src/src/transports/smtp.c`), `Error following RCPT command`, the `DragonFly` Mail Agent's
/// `did not like our RCPT TO` (`net.c`), qmail-remote's `does not like recipient`,
/// `sender was rejected` and `failed after I sent the message` (`qmail-remote.c`), Sendmail's
/// transcript `>>> RCPT To:` (`usersmtp.c`), and the bracketed `[RCPT_TO]` of some providers.
/// The first phrase in the text decides.
pub const COMMAND_PHRASES: &[(&str, Command)] = &[
    ("in reply to rcpt to command", Command::Rcpt),
    ("in reply to mail from command", Command::Mail),
    ("in reply to end of data command", Command::EndOfData),
    ("in reply to data command", Command::Data),
    ("in reply to helo command", Command::Helo),
    ("in reply to ehlo command", Command::Ehlo),
    ("in reply to lhlo command", Command::Lhlo),
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

/// An automaton over `patterns`, any ASCII case, leftmost match first (the earliest
/// position; at one position, the pattern listed first).
pub(crate) fn automaton<'p>(patterns: impl IntoIterator<Item = &'p str>) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostFirst)
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .expect("a handful of short literal patterns always builds")
}

static COMMANDS: LazyLock<AhoCorasick> =
    LazyLock::new(|| automaton(COMMAND_PHRASES.iter().map(|&(phrase, _)| phrase)));

/// The command the text says a reply answered: the earliest phrase of [`COMMAND_PHRASES`].
///
/// ```
/// use smtp_codes::Command;
/// use smtp_codes_bounce::scan::command_in;
/// assert_eq!(command_in("SMTP error from remote mail server after end of data: host"), Some(Command::EndOfData));
/// assert_eq!(command_in("550 5.1.1 unknown"), None);
/// ```
#[must_use]
pub fn command_in(text: &str) -> Option<Command> {
    COMMANDS
        .find(text)
        .map(|found| COMMAND_PHRASES[found.pattern().as_usize()].1)
}

/// The command a session transcript shows failing (Sendmail: `>>> RCPT To:<x>` then
/// `<<< 550 ...`): the last command sent before the first 4yz/5yz reply that names `address`,
/// else before the first 4yz/5yz reply.
///
/// ```
/// use smtp_codes::Command;
/// use smtp_codes_bounce::scan::transcript_command;
/// let text = ">>> MAIL From:<a@example.org>\n<<< 250 ok\n>>> RCPT To:<b@example.com>\n<<< 550 5.1.1 <b@example.com>... User unknown\n";
/// assert_eq!(transcript_command(text, "b@example.com"), Some(Command::Rcpt));
/// ```
#[must_use]
pub fn transcript_command(text: &str, address: &str) -> Option<Command> {
    Transcript::read(text).command_for(address)
}

/// A session transcript's failing replies, read once: each with the command sent before it.
#[derive(Debug, Default)]
pub(crate) struct Transcript {
    /// The failing replies' lines, lower case, with the last command sent before each.
    failures: Vec<(String, Option<Command>)>,
}

impl Transcript {
    /// The transcript lines of `text` (`>>> ` sent, `<<< ` received); at most a few hundred
    /// failing replies are kept, so that a report about many recipients stays linear.
    pub(crate) fn read(text: &str) -> Transcript {
        const MAX_FAILURES: usize = 256;
        let mut failures = Vec::new();
        let mut last = None;
        for line in text.lines() {
            let line = line.trim_start();
            if let Some(sent) = strip_prefix_ignore_case(line, ">>> ") {
                last = verb(sent);
            } else if let Some(reply) = line.strip_prefix("<<< ") {
                if (reply.starts_with('4') || reply.starts_with('5'))
                    && failures.len() < MAX_FAILURES
                {
                    failures.push((reply.to_ascii_lowercase(), last));
                }
            }
        }
        Transcript { failures }
    }

    /// The command before the first failing reply naming `address`, else before the first one.
    pub(crate) fn command_for(&self, address: &str) -> Option<Command> {
        let address = address.to_ascii_lowercase();
        if !address.is_empty() {
            if let Some((_, command)) = self
                .failures
                .iter()
                .find(|(reply, _)| reply.contains(&address))
            {
                return *command;
            }
        }
        self.failures.first().and_then(|&(_, command)| command)
    }
}

fn strip_prefix_ignore_case<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// The command an SMTP client line sends: its verb, as `Command`'s `FromStr` reads it, or `.`
/// for the end of the data.
fn verb(sent: &str) -> Option<Command> {
    match sent.split([' ', ':']).next().unwrap_or("") {
        "." => Some(Command::EndOfData),
        word => word.parse().ok(),
    }
}

/// The command's name in the command-line tool's TSV: the SMTP verb (`DATA` for the end of the
/// data too, as the failure answers the DATA transaction), `CONN` for the greeting.
///
/// ```
/// use smtp_codes::Command;
/// use smtp_codes_bounce::scan::command_name;
/// assert_eq!(command_name(Command::EndOfData), "DATA");
/// assert_eq!(command_name(Command::Greeting), "CONN");
/// assert_eq!(command_name(Command::Rcpt), "RCPT");
/// ```
#[must_use]
pub fn command_name(command: Command) -> &'static str {
    match command {
        Command::Greeting => "CONN",
        Command::Data | Command::EndOfData => "DATA",
        verb => verb.as_str(),
    }
}

/// White space runs as one space, trimmed.
///
/// ```
/// assert_eq!(smtp_codes_bounce::scan::squeeze(" 550\r\n   no\tsuch user "), "550 no such user");
/// ```
#[must_use]
pub fn squeeze(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    // The words are the runs between white space (`char::is_whitespace`, as
    // `str::split_whitespace` reads it): ASCII bytes are told by value, other characters decoded.
    let mut word = 0;
    let mut at = 0;
    while at < bytes.len() {
        let (space, len) = match bytes[at] {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c => (true, 1),
            byte if byte.is_ascii() => (false, 1),
            _ => text[at..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        };
        if space {
            if word < at {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&text[word..at]);
            }
            word = at + len;
        }
        at += len;
    }
    if word < bytes.len() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&text[word..]);
    }
    out
}

/// The addresses `local@domain` in `text`, with their offsets, in order. The domain has a dot
/// and no leading dot; surrounding `<>`, quotes and punctuation are not part of the address.
///
/// ```
/// use smtp_codes_bounce::scan::addresses;
/// let found: Vec<_> = addresses("<bob@example.com>: 550 no; see postmaster@example.").collect();
/// assert_eq!(found, [(1, "bob@example.com")]);
/// ```
pub fn addresses(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let is_local = |b: u8| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&b);
    let is_domain = |b: u8| b.is_ascii_alphanumeric() || b == b'.' || b == b'-';
    let mut at = 0;
    // Where the previous address ended: a local part never reaches back into it, so each byte
    // is read a bounded number of times.
    let mut floor = 0;
    std::iter::from_fn(move || {
        while let Some(next) = memchr_at(bytes, at) {
            let sign = next;
            at = sign + 1;
            let mut start = sign;
            while start > floor && is_local(bytes[start - 1]) {
                start -= 1;
            }
            while start < sign && matches!(bytes[start], b'.' | b'\'') {
                start += 1;
            }
            let mut end = sign + 1;
            while end < bytes.len() && is_domain(bytes[end]) {
                end += 1;
            }
            while end > sign + 1 && matches!(bytes[end - 1], b'.' | b'-') {
                end -= 1;
            }
            let domain = &text[sign + 1..end];
            if start < sign && domain.contains('.') && !domain.starts_with('.') {
                floor = end;
                at = end.max(at);
                return Some((start, &text[start..end]));
            }
            floor = floor.max(sign);
        }
        at = bytes.len();
        None
    })
}

fn memchr_at(bytes: &[u8], at: usize) -> Option<usize> {
    memchr::memchr(b'@', bytes.get(at..)?).map(|offset| at + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reply_codes() {
        let cases: &[(&str, Option<u16>)] = &[
            ("host mx[192.0.2.250] said: 550-5.1.1 no", Some(550)),
            ("ERROR_CODE :421, ERROR_CODE :", Some(421)),
            ("at 23:34:45 in 2010, port 2525", None),
            ("range 450-500", None),
            ("Out: 250 2.1.5 Ok Out: 451 4.3.0 Error", Some(451)),
            ("550: 5.2.2 <a@b.example>... Mailbox Full", Some(550)),
            ("<<< 554 5.7.1 refused", Some(554)),
            ("id=22222-22 Reject", None),
            ("code 5500 and 6500", None),
            ("550", Some(550)),
            ("", None),
        ];
        for &(text, want) in cases {
            assert_eq!(reply_code_in(text), want, "{text:?}");
        }
    }

    #[test]
    fn enhanced_codes() {
        let cases: &[(&str, Option<&str>)] = &[
            ("sorry, no mailbox here (#5.1.1 - chkusr)", Some("5.1.1")),
            ("Status 4.4.7.", Some("4.4.7")),
            ("from [192.0.2.1] version 2.3.4.5", None),
            ("550-5.7.26 Unauthenticated email", Some("5.7.26")),
            ("v1.5.2 is old", None),
            ("5.1", None),
            ("250 2.1.5 Ok then 451 4.3.0 Error", Some("4.3.0")),
        ];
        for &(text, want) in cases {
            assert_eq!(
                enhanced_in(text).map(|code| code.to_string()).as_deref(),
                want,
                "{text:?}"
            );
        }
    }

    #[test]
    fn commands() {
        let cases: &[(&str, Option<Command>)] = &[
            (
                "Mailbox Full (in reply to RCPT TO command)",
                Some(Command::Rcpt),
            ),
            (
                "SMTP error from remote mail server after end of data: host",
                Some(Command::EndOfData),
            ),
            ("after initial connection: 554", Some(Command::Greeting)),
            ("550 5.1.1 unknown", None),
            // The earlier phrase wins.
            (
                "192.0.2.1 does not like recipient. (in reply to end of DATA command)",
                Some(Command::Rcpt),
            ),
            ("did not like our final DATA: 550", Some(Command::EndOfData)),
        ];
        for &(text, want) in cases {
            assert_eq!(command_in(text), want, "{text:?}");
        }
    }

    #[test]
    fn transcripts() {
        let text =
            "... while talking to mx.example.com.:\n>>> MAIL From:<a@example.org>\n<<< 250 ok\n\
                    >>> RCPT To:<b@example.com>\n<<< 550 5.1.1 <b@example.com>... User unknown\n\
                    >>> DATA\n<<< 554 no valid recipients\n";
        assert_eq!(
            transcript_command(text, "b@example.com"),
            Some(Command::Rcpt)
        );
        // Not named: the first failing reply's command.
        assert_eq!(
            transcript_command(text, "c@example.com"),
            Some(Command::Rcpt)
        );
        assert_eq!(transcript_command("no transcript", "b@example.com"), None);
        assert_eq!(
            transcript_command(">>> .\n<<< 554 5.7.1 spam\n", ""),
            Some(Command::EndOfData)
        );
    }

    #[test]
    fn addresses_in_text() {
        let cases: &[(&str, &[(usize, &str)])] = &[
            ("<bob@example.com>", &[(1, "bob@example.com")]),
            ("'bob.smith@example.com'.", &[(1, "bob.smith@example.com")]),
            ("no domain dot: bob@localhost", &[]),
            (
                "a@b.example c@d.example",
                &[(0, "a@b.example"), (12, "c@d.example")],
            ),
            ("x@@y.example", &[]),
            ("@example.com", &[]),
            ("bob@.example.com", &[]),
            ("mail to bob@example.com.", &[(8, "bob@example.com")]),
        ];
        for &(text, want) in cases {
            let got: Vec<_> = addresses(text).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn command_names() {
        assert_eq!(command_name(Command::Data), "DATA");
        assert_eq!(command_name(Command::Mail), "MAIL");
        assert_eq!(command_name(Command::Helo), "HELO");
    }
}
