//! What a text shows by itself when the caller does not know it: the enhanced status code
//! (`550 5.1.1 ...`, `(#5.1.1)`), the reply code, and the command the reply answered, in the
//! words MTAs use when they report a failure. Every scan is one pass: linear in the text.

use crate::command::Command;
use crate::enhanced::{EnhancedClass, EnhancedCode};

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

/// Whether `text` at `at` starts with `word` (lower case), ASCII case-insensitively. Stops at
/// the first byte that differs: `eq_ignore_ascii_case` on slices compares whole chunks, which
/// cost more here, where most candidates differ by their second byte.
fn starts_with_folded(text: &[u8], at: usize, word: &[u8]) -> bool {
    text.get(at..at + word.len()).is_some_and(|slice| {
        slice
            .iter()
            .zip(word)
            .all(|(byte, expected)| byte.to_ascii_lowercase() == *expected)
    })
}

// Checked at compile time: fewer than 256 command words, each of 2 to 255 bytes, so their
// indices, positions and lengths fit the `u8`s of the tables below, and every word has the
// second byte `command`'s two-byte filter reads.
const _: () = {
    assert!(COMMAND_WORDS.len() < 256);
    let mut index = 0;
    while index < COMMAND_WORDS.len() {
        assert!(COMMAND_WORDS[index].0.len() < 256 && COMMAND_WORDS[index].0.len() >= 2);
        index += 1;
    }
};

/// The indices of [`COMMAND_WORDS`] grouped by first byte, table order kept within a group.
// The casts to `u8` cannot truncate: the compile-time check above.
#[allow(clippy::cast_possible_truncation)]
const BY_FIRST: [u8; COMMAND_WORDS.len()] = {
    let mut order = [0u8; COMMAND_WORDS.len()];
    let mut filled = 0;
    let mut byte = 0;
    while byte < 256 {
        let mut index = 0;
        while index < COMMAND_WORDS.len() {
            if COMMAND_WORDS[index].0[0] as usize == byte {
                // Fewer than 256 words: the index fits a byte.
                order[filled] = index as u8;
                filled += 1;
            }
            index += 1;
        }
        byte += 1;
    }
    order
};

/// For every byte (either case), the range of [`BY_FIRST`] holding the words it starts; empty
/// for the bytes no word starts with, which is most of them.
// The casts to `u8` cannot truncate: the compile-time check above.
#[allow(clippy::cast_possible_truncation)]
const WORDS_STARTING: [(u8, u8); 256] = {
    let mut ranges = [(0u8, 0u8); 256];
    let mut at = 0;
    while at < BY_FIRST.len() {
        let first = COMMAND_WORDS[BY_FIRST[at] as usize].0[0];
        let mut end = at;
        while end < BY_FIRST.len() && COMMAND_WORDS[BY_FIRST[end] as usize].0[0] == first {
            end += 1;
        }
        // Fewer than 256 words: the positions fit a byte.
        ranges[first as usize] = (at as u8, end as u8);
        ranges[first.to_ascii_uppercase() as usize] = (at as u8, end as u8);
        at = end;
    }
    ranges
};

/// For every byte, how many leading bytes the words it starts all share (`after ` for `a`): checked
/// once before the words themselves, since most positions fail there.
// The casts to `u8` cannot truncate: the compile-time check above.
#[allow(clippy::cast_possible_truncation)]
const SHARED_PREFIX: [u8; 256] = {
    let mut lengths = [0u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let (from, to) = WORDS_STARTING[byte];
        if from < to {
            let first = COMMAND_WORDS[BY_FIRST[from as usize] as usize].0;
            let mut length = first.len();
            let mut at = from as usize + 1;
            while at < to as usize {
                let word = COMMAND_WORDS[BY_FIRST[at] as usize].0;
                let mut shared = 0;
                while shared < length && shared < word.len() && word[shared] == first[shared] {
                    shared += 1;
                }
                length = shared;
                at += 1;
            }
            // Words are shorter than 256 bytes.
            lengths[byte] = length as u8;
        }
        byte += 1;
    }
    lengths
};

/// The command the first of [`COMMAND_WORDS`] found in `text` names: at the first position where
/// one starts, the first in table order. Only the words starting with a position's byte are
/// compared there (one table read finds them, a few at most), and the words are short: linear in
/// the text. (This replaced a filter of the whole word list at every position whose byte starts a
/// word: `a`, `d`, `e`, `i`, `r` are common, and that scan cost more than the phrase automaton.)
pub fn command(text: &[u8]) -> Option<Command> {
    // The loop looks the first two bytes of a position up; the words are compared out of line,
    // only where those two bytes start one (every word is at least two bytes long). A one-byte
    // filter called the comparison at a third of the positions (`a`, `d`, `e`, `i`, `r` are
    // common letters), which cost more than the phrase automaton (PERFORMANCE.md).
    text.windows(2)
        .enumerate()
        .filter(|&(_, pair)| {
            let [first, second] = [pair[0], pair[1]];
            FOLLOWERS[usize::from(first)] & SECOND_BIT[usize::from(second)] != 0
        })
        .find_map(|(at, pair)| command_at(text, at, pair[0]))
}

/// A bit for every byte that is the second byte of a word (either case), 0 for the others.
const SECOND_BIT: [u32; 256] = {
    let mut bits = [0u32; 256];
    let mut next = 0;
    let mut index = 0;
    while index < COMMAND_WORDS.len() {
        let second = COMMAND_WORDS[index].0[1];
        if bits[second as usize] == 0 {
            // At most 32 distinct second bytes; a 33rd would overflow the shift at compile time.
            bits[second as usize] = 1 << next;
            bits[second.to_ascii_uppercase() as usize] = 1 << next;
            next += 1;
        }
        index += 1;
    }
    bits
};

/// For every byte (either case), the [`SECOND_BIT`]s of the bytes that follow it in a word.
const FOLLOWERS: [u32; 256] = {
    let mut masks = [0u32; 256];
    let mut index = 0;
    while index < COMMAND_WORDS.len() {
        let [first, second] = [COMMAND_WORDS[index].0[0], COMMAND_WORDS[index].0[1]];
        masks[first as usize] |= SECOND_BIT[second as usize];
        masks[first.to_ascii_uppercase() as usize] |= SECOND_BIT[second as usize];
        index += 1;
    }
    masks
};

/// The command of the first word, in table order, that `text` has at `at`, whose byte is `byte`.
#[inline(never)]
fn command_at(text: &[u8], at: usize, byte: u8) -> Option<Command> {
    let (from, to) = WORDS_STARTING[usize::from(byte)];
    let words = BY_FIRST.get(usize::from(from)..usize::from(to))?;
    let first = COMMAND_WORDS[usize::from(*words.first()?)].0;
    let shared = first.get(..usize::from(SHARED_PREFIX[usize::from(byte)]))?;
    if !starts_with_folded(text, at, shared) {
        return None;
    }
    words
        .iter()
        .map(|&index| COMMAND_WORDS[usize::from(index)])
        .find(|(word, _)| starts_with_folded(text, at, word))
        .map(|(_, command)| command)
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
