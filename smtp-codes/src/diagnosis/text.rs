//! What a text shows by itself when the caller does not know it: the enhanced status code
//! (`550 5.1.1 ...`, `(#5.1.1)`), the reply code, and the command the reply answered, in the
//! words MTAs use when they report a failure. Every scan is one pass: linear in the text.

use crate::{Command, EnhancedClass, EnhancedCode};

/// Whether `byte` may stand next to a code: not a letter, digit or dot, so that `5.1.1` is found
/// in `#5.1.1` and `(5.1.1)` but not in an IP address or a version number.
fn is_boundary(byte: Option<&u8>) -> bool {
    byte.map_or(true, |byte| !byte.is_ascii_alphanumeric() && *byte != b'.')
}

/// The first failure status (class 4 or 5) written in `text` as a code on its own.
pub fn status(text: &[u8]) -> Option<EnhancedCode> {
    let mut at = 0;
    while at < text.len() {
        let rest = &text[at..];
        let starts =
            matches!(rest, [b'4' | b'5', b'.', ..]) && (at == 0 || is_boundary(text.get(at - 1)));
        if starts {
            if let Ok((code, used)) = EnhancedCode::parse_prefix(rest) {
                if is_boundary(rest.get(used)) && code.class() != EnhancedClass::Success {
                    return Some(code);
                }
            }
        }
        at += 1;
    }
    None
}

/// The first reply code of class 2, 4 or 5 written in `text` on its own: three digits not
/// touching a letter, digit or dot (`550 `, `#550`, `'441 `, `:550,`).
pub fn reply_code(text: &[u8]) -> Option<u16> {
    text.windows(3).enumerate().find_map(|(at, digits)| {
        let [hundreds @ (b'2' | b'4' | b'5'), tens, units] = *digits else {
            return None;
        };
        let own = tens.is_ascii_digit()
            && units.is_ascii_digit()
            && (at == 0 || is_boundary(text.get(at - 1)))
            && is_boundary(text.get(at + 3));
        own.then(|| {
            u16::from(hundreds - b'0') * 100 + u16::from(tens - b'0') * 10 + u16::from(units - b'0')
        })
    })
}

/// How MTAs name the command a failure answered, lower case, and the command.
const COMMAND_WORDS: &[(&[u8], Command)] = &[
    // Postfix: "(in reply to RCPT TO command)", "refused to talk to me" for a refused greeting.
    (b"in reply to rcpt to command", Command::Rcpt),
    (b"in reply to mail from command", Command::Mail),
    (b"in reply to end of data command", Command::EndOfData),
    (b"in reply to data command", Command::Data),
    (b"in reply to ehlo command", Command::Ehlo),
    (b"in reply to helo command", Command::Helo),
    (b"in reply to lhlo command", Command::Lhlo),
    (b"refused to talk to me", Command::Greeting),
    // Exim: "SMTP error from remote mail server after RCPT TO:<...>".
    (b"after rcpt to", Command::Rcpt),
    (b"after mail from", Command::Mail),
    (b"after end of data", Command::EndOfData),
    (b"after initial connection", Command::Greeting),
    (b"after ehlo", Command::Ehlo),
    (b"after helo", Command::Helo),
    (b"after data", Command::Data),
    // qmail: "does not like recipient", "did not like our final DATA", "failed after I sent the
    // message", "Connected to ... but sender was rejected", "... but greeting failed".
    (b"does not like recipient", Command::Rcpt),
    (b"did not like our rcpt to", Command::Rcpt),
    (b"did not like our mail from", Command::Mail),
    (b"did not like our final data", Command::EndOfData),
    (b"failed after i sent the message", Command::EndOfData),
    (b"but sender was rejected", Command::Mail),
    (b"but greeting failed", Command::Greeting),
    (b"but my name was rejected", Command::Helo),
    // Sendmail's transcript: ">>> RCPT To:<...>"; Lotus Domino: "Error following RCPT command".
    (b">>> rcpt to", Command::Rcpt),
    (b">>> mail from", Command::Mail),
    (b">>> data", Command::Data),
    (b"error following rcpt command", Command::Rcpt),
    (b"[rcpt_to]", Command::Rcpt),
];

/// Whether `text` at `at` starts with `word`, ASCII case-insensitively.
fn starts_with_folded(text: &[u8], at: usize, word: &[u8]) -> bool {
    text.get(at..at + word.len())
        .is_some_and(|slice| slice.eq_ignore_ascii_case(word))
}

/// Which bytes (either case) start a word of [`COMMAND_WORDS`].
const FIRST_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut index = 0;
    while index < COMMAND_WORDS.len() {
        let first = COMMAND_WORDS[index].0[0];
        table[first as usize] = true;
        table[first.to_ascii_uppercase() as usize] = true;
        index += 1;
    }
    table
};

/// The command the first of [`COMMAND_WORDS`] found in `text` names. Only positions whose byte
/// starts a word are compared, each with the words starting with that byte, and the words are
/// short: linear in the text.
pub fn command(text: &[u8]) -> Option<Command> {
    text.iter().enumerate().find_map(|(at, &byte)| {
        if !FIRST_BYTES[usize::from(byte)] {
            return None;
        }
        let first = byte.to_ascii_lowercase();
        COMMAND_WORDS
            .iter()
            .filter(|(word, _)| word[0] == first)
            .find(|(word, _)| starts_with_folded(text, at, word))
            .map(|(_, command)| *command)
    })
}

#[cfg(test)]
mod tests {
    extern crate std;
    use std::string::{String, ToString};

    use super::*;

    fn code(text: &str) -> Option<String> {
        status(text.as_bytes()).map(|code| code.to_string())
    }

    #[test]
    fn finds_a_status_where_servers_write_it() {
        assert_eq!(
            code("550 5.1.1 <a@b>: User unknown").as_deref(),
            Some("5.1.1")
        );
        assert_eq!(
            code("550 sorry, no mailbox here by that name (#5.1.1 - chkusr)").as_deref(),
            Some("5.1.1")
        );
        assert_eq!(
            code("550-5.7.26 Unauthenticated").as_deref(),
            Some("5.7.26")
        );
        assert_eq!(code("Ip 192.0.2.5.4.4 is 4.16.55.1 here").as_deref(), None);
        assert_eq!(
            code("250 2.0.0 OK then 451 4.3.0 later").as_deref(),
            Some("4.3.0")
        );
        assert_eq!(code("v5.1.1 x5.1.1"), None);
        assert_eq!(code(""), None);
    }

    #[test]
    fn finds_a_reply_code_on_its_own() {
        assert_eq!(reply_code(b"550 5.1.1 User unknown"), Some(550));
        assert_eq!(reply_code(b"ERROR_CODE :550, ERROR_CODE :5.2.1"), Some(550));
        assert_eq!(reply_code(b"returned '441 4.4.1 Error"), Some(441));
        assert_eq!(
            reply_code(b"host [192.0.2.225] in 840 minutes, 5500 ms"),
            None
        );
        assert_eq!(reply_code(b"550"), Some(550));
        assert_eq!(reply_code(b"55"), None);
    }

    #[test]
    fn finds_the_command_in_mta_wording() {
        assert_eq!(
            command(b"550 5.1.1 User Unknown (in reply to RCPT TO command)"),
            Some(Command::Rcpt)
        );
        assert_eq!(
            command(b"SMTP error from remote mail server after end of data: 554"),
            Some(Command::EndOfData)
        );
        assert_eq!(
            command(b"mx did not like our final DATA:554 5.7.9"),
            Some(Command::EndOfData)
        );
        assert_eq!(
            command(b"host x refused to talk to me: 421"),
            Some(Command::Greeting)
        );
        assert_eq!(command(b"550 5.1.1 User unknown"), None);
        assert_eq!(command(b"in reply to rcpt"), None);
    }
}
