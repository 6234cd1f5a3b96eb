//! A reply scan that resumes where it stopped, for readers that get a reply in pieces.

use crate::reply::{find_lf, line_start, unfinished_line_error};
use crate::{ParseError, Reply, MAX_REPLY_LEN, MAX_REPLY_LINES};

/// How far a reply has been checked: [`Reply::parse`] that remembers, across calls, the lines it
/// has already checked and the bytes of the current line that hold no line end.
///
/// Give [`scan`](ReplyScanner::scan) the buffer each time more bytes arrive; the buffer must start
/// with the bytes given before (appending is fine, as is moving the buffer). Each byte is looked
/// at a bounded number of times, so a peer sending one byte per read costs linear time in total,
/// where parsing again from the start would cost quadratic time. The answers are those of
/// [`Reply::parse`] on the same bytes, offsets included. After a reply or an error the scanner
/// starts afresh, ready for the next reply's bytes.
///
/// ```
/// use smtp_codes::{ParseError, ReplyScanner};
/// let wire = b"250-mx.example.com\r\n250 PIPELINING\r\n354 go\r\n";
/// let mut scanner = ReplyScanner::new();
/// let mut read = 0;
/// let (reply, used) = loop {
///     read += 1; // one more byte arrived
///     match scanner.scan(&wire[..read]) {
///         Err(ParseError::Incomplete) => continue,
///         other => break other.unwrap(),
///     }
/// };
/// assert_eq!((reply.code(), reply.line_count(), used), (250, 2, 36));
/// // The next reply starts at `used`.
/// assert_eq!(scanner.scan(&wire[used..]).unwrap().0.code(), 354);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReplyScanner {
    /// Where the current line starts.
    line: usize,
    /// How many bytes from `line` on are known to hold no LF.
    searched: usize,
    /// The code of the lines checked so far (0 before the first).
    code: u16,
    /// The number of lines checked so far.
    line_count: usize,
}

impl ReplyScanner {
    /// A scanner at the start of a reply.
    ///
    /// ```
    /// assert_eq!(smtp_codes::ReplyScanner::new(), Default::default());
    /// ```
    #[must_use]
    pub const fn new() -> Self {
        ReplyScanner {
            line: 0,
            searched: 0,
            code: 0,
            line_count: 0,
        }
    }

    /// Scans `input` for one reply at its start, going on from where the last call stopped.
    /// Returns what [`Reply::parse`] returns for `input`: on
    /// [`Incomplete`](ParseError::Incomplete), call again once more bytes are appended.
    ///
    /// An `input` shorter than what was scanned before cannot be the same bytes: the scan then
    /// starts again from its start.
    ///
    /// ```
    /// use smtp_codes::{ParseError, ReplyScanner};
    /// let mut scanner = ReplyScanner::new();
    /// assert_eq!(scanner.scan(b"250-a\r\n250 "), Err(ParseError::Incomplete));
    /// let (reply, used) = scanner.scan(b"250-a\r\n250 b\r\n").unwrap();
    /// assert_eq!((reply.line_count(), used), (2, 14));
    /// ```
    ///
    /// # Errors
    ///
    /// Those of [`Reply::parse`].
    #[inline]
    pub fn scan<'a>(&mut self, input: &'a [u8]) -> Result<(Reply<'a>, usize), ParseError> {
        // At a reply's start (after every reply, so the usual case when replies arrive whole)
        // the scan is `Reply::parse`'s, from the constant start, where the bookkeeping folds away
        // (no line checked and none searched: `line` and `code` are 0 too).
        let (answer, stopped) = if self.line_count == 0 && self.searched == 0 {
            scan_from(input, ReplyScanner::new())
        } else {
            scan_from(input, self.resumed(input))
        };
        *self = stopped;
        answer
    }

    /// Where to go on from in `input`: here, unless `input` is shorter than what was scanned.
    #[inline]
    fn resumed(&self, input: &[u8]) -> ReplyScanner {
        if self.line + self.searched > input.len().min(MAX_REPLY_LEN) {
            ReplyScanner::new()
        } else {
            *self
        }
    }
}

/// The scan of `input` from `from`: the answer, and where the scan stopped (a new scanner unless
/// the answer is `Incomplete`). Inlined into [`Reply::parse`], where `from` is the constant
/// start and the state's bookkeeping folds away (measured: with the scan as one method that
/// kept its state in `self`, `Reply::parse` lost 6% reply by reply).
#[allow(clippy::inline_always)]
#[inline(always)]
pub(crate) fn scan_from(
    input: &[u8],
    from: ReplyScanner,
) -> (Result<(Reply<'_>, usize), ParseError>, ReplyScanner) {
    let window = &input[..input.len().min(MAX_REPLY_LEN)];
    let ReplyScanner {
        line: mut start,
        mut searched,
        mut code,
        mut line_count,
    } = from;
    loop {
        let Some(lf) = find_lf(&window[start + searched..]) else {
            let first = if line_count == 0 { None } else { Some(code) };
            let error = match unfinished_line_error(&window[start..], start, first) {
                Some(error) => error,
                None if input.len() > MAX_REPLY_LEN => ParseError::TooLong {
                    limit: MAX_REPLY_LEN,
                },
                None => {
                    let stopped = ReplyScanner {
                        line: start,
                        searched: window.len() - start,
                        code,
                        line_count,
                    };
                    return (Err(ParseError::Incomplete), stopped);
                }
            };
            return (Err(error), ReplyScanner::new());
        };
        let end = start + searched + lf + 1;
        searched = 0;
        let (line_code, last) = match line_start(&window[start..end], start) {
            Ok(line) => line,
            Err(error) => return (Err(error), ReplyScanner::new()),
        };
        if line_count != 0 && line_code != code {
            let error = ParseError::CodeMismatch {
                first: code,
                found: line_code,
                offset: start,
            };
            return (Err(error), ReplyScanner::new());
        }
        line_count += 1;
        if line_count > MAX_REPLY_LINES {
            let error = ParseError::TooManyLines {
                limit: MAX_REPLY_LINES,
            };
            return (Err(error), ReplyScanner::new());
        }
        code = line_code;
        if last {
            let reply = Reply::from_checked(&input[..end], code, line_count);
            return (Ok((reply, end)), ReplyScanner::new());
        }
        start = end;
    }
}
