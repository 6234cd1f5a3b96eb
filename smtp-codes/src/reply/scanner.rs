//! The scan that checks a reply line by line (RFC 5321 §4.2), and the line rules it alone uses.
//!
//! [`Reply::parse`](super::Reply::parse), [`ReplyScanner`](super::ReplyScanner) and through it
//! the readers of [`io`](crate::io) all scan here, so that a reply read whole and a reply read a
//! byte at a time give the same answers, offsets included. The scan knows nothing of `Reply`: it
//! says how long the reply is, its code and its number of lines.

use super::error::ParseReplyError;
use super::{MAX_REPLY_LEN, MAX_REPLY_LINES};
use crate::bytes::{find_lf, strip_line_end, three_digits};

/// How far a reply has been checked: the lines checked so far, and the bytes of the current line
/// known to hold no line end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub(super) struct Position {
    /// Where the current line starts.
    line: usize,
    /// How many bytes from `line` on are known to hold no LF.
    searched: usize,
    /// The code of the lines checked so far (0 before the first).
    code: u16,
    /// The number of lines checked so far.
    line_count: usize,
}

impl Position {
    /// The start of a reply.
    pub(super) const START: Position = Position {
        line: 0,
        searched: 0,
        code: 0,
        line_count: 0,
    };

    /// Whether nothing of a reply has been checked yet.
    pub(super) const fn is_start(&self) -> bool {
        self.line_count == 0 && self.searched == 0
    }

    /// Where to go on from in `input`: here, unless `input` is shorter than what was scanned,
    /// which cannot be the same bytes: then from the start.
    pub(super) fn resumed_in(self, input: &[u8]) -> Position {
        if self.line + self.searched > input.len().min(MAX_REPLY_LEN) {
            Position::START
        } else {
            self
        }
    }
}

/// A whole reply at the start of the input, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scanned {
    /// Its length in bytes, the last line's LF included.
    pub(super) len: usize,
    /// The code every line carries.
    pub(super) code: u16,
    /// Its number of lines.
    pub(super) line_count: usize,
}

/// Scans `input` for one reply at its start, from the start.
///
/// The loop of [`scan`] without its bookkeeping for a resumed scan (where the current line's
/// search stopped), which a scan from the start never needs: the rules are the same functions.
#[inline]
pub(super) fn scan_whole(input: &[u8]) -> Result<Scanned, ParseReplyError> {
    let window = &input[..input.len().min(MAX_REPLY_LEN)];
    let mut start = 0;
    let mut code = 0;
    let mut line_count = 0;
    loop {
        let Some(lf) = find_lf(&window[start..]) else {
            return Err(unfinished(input, start, code, line_count).0);
        };
        let end = start + lf + 1;
        let last;
        (code, last) = next_line(&window[start..end], start, code, line_count)?;
        line_count += 1;
        if last {
            return Ok(Scanned {
                len: end,
                code,
                line_count,
            });
        }
        start = end;
    }
}

/// Scans `input` for one reply at its start, going on from `from`; on an error, also where to
/// resume (the start again unless the error is `Incomplete`).
#[inline]
pub(super) fn scan(input: &[u8], from: Position) -> Result<Scanned, (ParseReplyError, Position)> {
    let window = &input[..input.len().min(MAX_REPLY_LEN)];
    let Position {
        line: mut start,
        mut searched,
        mut code,
        mut line_count,
    } = from;
    loop {
        let Some(lf) = find_lf(&window[start + searched..]) else {
            return Err(unfinished(input, start, code, line_count));
        };
        let end = start + searched + lf + 1;
        searched = 0;
        let last;
        (code, last) = next_line(&window[start..end], start, code, line_count)
            .map_err(|error| (error, Position::START))?;
        line_count += 1;
        if last {
            return Ok(Scanned {
                len: end,
                code,
                line_count,
            });
        }
        start = end;
    }
}

/// Checks the whole line `line` (with its line ending), which starts at `offset` after
/// `line_count` lines of `code`: its code, that it is the code of the lines before, and the
/// bound on lines. Returns the code and whether this is the last line.
#[allow(clippy::inline_always)]
#[inline(always)]
fn next_line(
    line: &[u8],
    offset: usize,
    code: u16,
    line_count: usize,
) -> Result<(u16, bool), ParseReplyError> {
    let (line_code, last) = line_start(line, offset)?;
    if line_count != 0 && line_code != code {
        return Err(ParseReplyError::CodeMismatch {
            first: code,
            found: line_code,
            offset,
        });
    }
    if line_count >= MAX_REPLY_LINES {
        return Err(ParseReplyError::TooManyLines {
            limit: MAX_REPLY_LINES,
        });
    }
    Ok((line_code, last))
}

/// What a scan says when the line at `start` has no end in `input` yet, after `line_count` lines
/// of `code`: the error its first bytes show, [`TooLong`](ParseReplyError::TooLong) past the
/// bound, else `Incomplete` and the position to resume from.
#[cold]
fn unfinished(
    input: &[u8],
    start: usize,
    code: u16,
    line_count: usize,
) -> (ParseReplyError, Position) {
    let window = &input[..input.len().min(MAX_REPLY_LEN)];
    let first = if line_count == 0 { None } else { Some(code) };
    let error = match unfinished_line_error(&window[start..], start, first) {
        Some(error) => error,
        None if input.len() > MAX_REPLY_LEN => ParseReplyError::TooLong {
            limit: MAX_REPLY_LEN,
        },
        None => {
            let stopped = Position {
                line: start,
                searched: window.len() - start,
                code,
                line_count,
            };
            return (ParseReplyError::Incomplete, stopped);
        }
    };
    (error, Position::START)
}

/// Checks a whole line (with its line ending) that starts at `offset`: three digits, the first 2
/// to 5, then `-`, a space or the line's end. Returns the code and whether this is the last line.
#[inline]
fn line_start(line: &[u8], offset: usize) -> Result<(u16, bool), ParseReplyError> {
    // The common case in one pattern; `line` ends in LF, so a fourth byte is always there.
    if let [a @ b'2'..=b'5', b @ b'0'..=b'9', c @ b'0'..=b'9', separator, rest @ ..] = line {
        let code = three_digits(*a, *b, *c);
        match (separator, rest) {
            (b'-', _) => return Ok((code, false)),
            (b' ' | b'\n', _) | (b'\r', [b'\n']) => return Ok((code, true)),
            _ => {}
        }
    }
    // Work out which error it is.
    line_code(line, offset).and(Err(ParseReplyError::NotACode { offset }))
}

/// The error in a line whose end has not arrived yet, when its first bytes already show one:
/// the same error, in the same order of checks, that the whole line will give. A peer that is not
/// an SMTP server (`HTTP/1.1 400 ...`) is refused at once, not after [`MAX_REPLY_LEN`] bytes.
fn unfinished_line_error(
    partial: &[u8],
    offset: usize,
    first: Option<u16>,
) -> Option<ParseReplyError> {
    if partial.iter().take(3).any(|byte| !byte.is_ascii_digit()) {
        return Some(ParseReplyError::NotACode { offset });
    }
    let [a, b, c, rest @ ..] = partial else {
        return None;
    };
    let code = three_digits(*a, *b, *c);
    if !(b'2'..=b'5').contains(a) {
        return Some(ParseReplyError::CodeOutOfRange { code, offset });
    }
    match (rest, first) {
        // The separator decides before the code is compared, as for a whole line.
        ([b'-' | b' ', ..], Some(first)) if first != code => Some(ParseReplyError::CodeMismatch {
            first,
            found: code,
            offset,
        }),
        // Still fine, or not known yet: nothing after the code, or a CR that an LF may follow.
        ([] | [b'-' | b' ', ..] | [b'\r'], _) => None,
        ([byte, ..], _) => Some(ParseReplyError::InvalidSeparator {
            byte: *byte,
            offset: offset + 3,
        }),
    }
}

/// The checks of [`line_start`], one by one, to name what is wrong; returns the line's code.
fn line_code(line: &[u8], offset: usize) -> Result<u16, ParseReplyError> {
    let content = strip_line_end(line);
    let [a, b, c, rest @ ..] = content else {
        return Err(ParseReplyError::NotACode { offset });
    };
    if !(a.is_ascii_digit() && b.is_ascii_digit() && c.is_ascii_digit()) {
        return Err(ParseReplyError::NotACode { offset });
    }
    let code = three_digits(*a, *b, *c);
    if !(b'2'..=b'5').contains(a) {
        return Err(ParseReplyError::CodeOutOfRange { code, offset });
    }
    match rest.first() {
        None | Some(b' ' | b'-') => Ok(code),
        Some(&byte) => Err(ParseReplyError::InvalidSeparator {
            byte,
            offset: offset + 3,
        }),
    }
}
