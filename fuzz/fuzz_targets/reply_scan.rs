//! `ReplyScanner` resumed over arbitrary pieces of arbitrary bytes, and `io::ReplyReader` reading
//! them in those pieces: each answers exactly as `Reply::parse` on the same bytes.
#![no_main]

use std::io::{self, Read};

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use smtp_codes::io::ReplyReader;
use smtp_codes::{reply::ParseReplyError, reply::ReplyScanner, Reply};

#[derive(Debug, Arbitrary)]
struct Input {
    /// Where the bytes are cut into reads (taken modulo 64, 0 as 1).
    cuts: Vec<u8>,
    bytes: Vec<u8>,
}

/// A stream that returns `bytes` in reads of the sizes in `cuts`, in turn.
struct Pieces<'a> {
    bytes: &'a [u8],
    cuts: &'a [u8],
    next: usize,
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let cut = match self.cuts {
            [] => 1,
            cuts => usize::from(cuts[self.next % cuts.len()] % 64).max(1),
        };
        self.next += 1;
        let size = cut.min(buf.len()).min(self.bytes.len());
        buf[..size].copy_from_slice(&self.bytes[..size]);
        self.bytes = &self.bytes[size..];
        Ok(size)
    }
}

fuzz_target!(|input: Input| {
    let bytes = &input.bytes;

    // The scanner, given ever longer prefixes, answers as the whole-prefix parse each time, until
    // it gives something other than Incomplete.
    let mut scanner = ReplyScanner::new();
    let mut end = 0;
    let mut cuts = input.cuts.iter().cycle();
    loop {
        let answer = scanner.scan(&bytes[..end]);
        assert_eq!(answer, Reply::parse(&bytes[..end]), "prefix of {end} bytes");
        if !matches!(answer, Err(ParseReplyError::Incomplete)) || end == bytes.len() {
            break;
        }
        let step = cuts.next().map_or(1, |&cut| usize::from(cut % 64).max(1));
        end = (end + step).min(bytes.len());
    }

    // The reader, in the same pieces, returns the replies of the whole-buffer parse, then ends as
    // it does: cleanly between replies, UnexpectedEof inside one, InvalidData with its error.
    let mut reader = ReplyReader::new(Pieces {
        bytes,
        cuts: &input.cuts,
        next: 0,
    });
    let mut rest = &bytes[..];
    loop {
        let expected = if rest.is_empty() {
            None
        } else {
            Some(Reply::parse(rest))
        };
        match (reader.read_reply(), expected) {
            (Ok(None), None) => break,
            (Ok(Some(reply)), Some(Ok((expected, used)))) => {
                assert_eq!(reply, expected);
                rest = &rest[used..];
            }
            (Err(error), Some(Err(ParseReplyError::Incomplete))) => {
                assert_eq!(error.kind(), io::ErrorKind::UnexpectedEof);
                break;
            }
            (Err(error), Some(Err(parse_error))) => {
                assert_eq!(error.kind(), io::ErrorKind::InvalidData);
                let source = error
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<ParseReplyError>());
                assert_eq!(source, Some(&parse_error));
                break;
            }
            (got, expected) => panic!("reader gave {got:?}, parse gave {expected:?}"),
        }
    }
});
