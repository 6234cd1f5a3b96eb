//! The resumable scan, the std reader and the tokio codec: whatever the reads' sizes, they give
//! the replies (and errors) that `Reply::parse` gives on the whole buffer; errors map to the I/O
//! kinds the docs promise; memory stays bounded; the codec shares the read buffer's memory.

use std::io::{self, Read};

use bytes::BytesMut;
use proptest::prelude::*;
use smtp_codes::io::{OutgoingReply, ReplyCodec, ReplyReader};
use smtp_codes::{
    reply::ParseReplyError, reply::ReplyScanner, reply::WriteReplyError, reply::MAX_REPLY_LEN,
    EnhancedCode, Reply, ReplyBuf,
};
use smtp_codes_tests::{corpus, pipelined};
use tokio_util::codec::{Decoder, Encoder};

/// What a reply is, for comparing: its bytes, code and line count.
type Seen = (Vec<u8>, u16, usize);

fn seen(reply: Reply<'_>) -> Seen {
    (reply.as_bytes().to_vec(), reply.code(), reply.line_count())
}

/// The replies of `input` by `Reply::parse` on the whole buffer, one after another, and the
/// error that stopped them (`Incomplete` when the input ends inside a reply; `None` when it ends
/// between replies).
fn whole(mut input: &[u8]) -> (Vec<Seen>, Option<ParseReplyError>) {
    let mut replies = Vec::new();
    while !input.is_empty() {
        match Reply::parse(input) {
            Ok((reply, used)) => {
                replies.push(seen(reply));
                input = &input[used..];
            }
            Err(error) => return (replies, Some(error)),
        }
    }
    (replies, None)
}

/// A stream that returns `input` in reads of the given sizes, in turn (a size of 0 is taken as 1).
struct Chunked<'a> {
    input: &'a [u8],
    sizes: Vec<usize>,
    next: usize,
    read: usize,
}

impl<'a> Chunked<'a> {
    fn new(input: &'a [u8], sizes: &[usize]) -> Self {
        let sizes = if sizes.is_empty() {
            vec![1]
        } else {
            sizes.to_vec()
        };
        Chunked {
            input,
            sizes,
            next: 0,
            read: 0,
        }
    }
}

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let size = self.sizes[self.next % self.sizes.len()].max(1);
        self.next += 1;
        let size = size.min(buf.len()).min(self.input.len());
        buf[..size].copy_from_slice(&self.input[..size]);
        self.input = &self.input[size..];
        self.read += size;
        Ok(size)
    }
}

/// The replies the reader returns, and the error that stopped it (None at a clean end).
fn by_reader(input: &[u8], sizes: &[usize]) -> (Vec<Seen>, Option<io::Error>) {
    let mut reader = ReplyReader::new(Chunked::new(input, sizes));
    let mut replies = Vec::new();
    loop {
        match reader.read_reply() {
            Ok(Some(reply)) => replies.push(seen(reply)),
            Ok(None) => return (replies, None),
            Err(error) => return (replies, Some(error)),
        }
    }
}

/// The replies the codec decodes when `input` arrives in pieces of the given sizes, then the end
/// of the stream, and the error that stopped it.
fn by_codec(input: &[u8], sizes: &[usize]) -> (Vec<Seen>, Option<io::Error>) {
    let mut codec = ReplyCodec::new();
    let mut buffer = BytesMut::new();
    let mut replies = Vec::new();
    let mut rest = input;
    let mut sizes = sizes.iter().cycle();
    while !rest.is_empty() {
        let size = sizes.next().copied().unwrap_or(1).clamp(1, rest.len());
        buffer.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        loop {
            match codec.decode(&mut buffer) {
                Ok(Some(reply)) => replies.push(seen(reply.reply())),
                Ok(None) => break,
                Err(error) => return (replies, Some(error)),
            }
        }
    }
    loop {
        match codec.decode_eof(&mut buffer) {
            Ok(Some(reply)) => replies.push(seen(reply.reply())),
            Ok(None) => return (replies, None),
            Err(error) => return (replies, Some(error)),
        }
    }
}

/// The reader's or the codec's answer is the whole-buffer parse's: the same replies, then the
/// same end (a clean end, the same `ParseReplyError` as `InvalidData`, or `UnexpectedEof` for an
/// input that stops inside a reply).
fn assert_same(
    expected: &(Vec<Seen>, Option<ParseReplyError>),
    got: &(Vec<Seen>, Option<io::Error>),
) {
    assert_eq!(got.0, expected.0);
    match (&expected.1, &got.1) {
        (None, None) => {}
        (Some(ParseReplyError::Incomplete), Some(error)) => {
            assert_eq!(error.kind(), io::ErrorKind::UnexpectedEof, "{error}");
        }
        (Some(parse_error), Some(error)) => {
            assert_eq!(error.kind(), io::ErrorKind::InvalidData, "{error}");
            let source = error
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<ParseReplyError>());
            assert_eq!(source, Some(parse_error));
        }
        (expected, got) => panic!("expected the end {expected:?}, got {got:?}"),
    }
}

#[test]
fn byte_at_a_time_over_the_corpus() {
    let input = pipelined(&corpus());
    let expected = whole(&input);
    assert!(expected.0.len() > 100 && expected.1.is_none());
    assert_same(&expected, &by_reader(&input, &[1]));
    assert_same(&expected, &by_codec(&input, &[1]));
}

#[test]
fn scanner_answers_as_parse_on_every_prefix() {
    let cases = corpus();
    for case in &cases {
        let mut scanner = ReplyScanner::new();
        for end in 0..=case.wire.len() {
            let prefix = &case.wire[..end];
            let answer = scanner.scan(prefix);
            assert_eq!(answer, Reply::parse(prefix), "{} at {end}", case.name);
            if !matches!(answer, Err(ParseReplyError::Incomplete)) {
                break;
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random read sizes over the pipelined corpus.
    #[test]
    fn random_splits_over_the_corpus(sizes in proptest::collection::vec(1usize..700, 1..40)) {
        let input = pipelined(&corpus());
        let expected = whole(&input);
        assert_same(&expected, &by_reader(&input, &sizes));
        assert_same(&expected, &by_codec(&input, &sizes));
    }

    /// The corpus cut short or with bytes changed: the same replies and the same error.
    #[test]
    fn damaged_corpus(
        cut in 0usize..15_000,
        changes in proptest::collection::vec((0usize..15_000, any::<u8>()), 0..4),
        sizes in proptest::collection::vec(1usize..300, 1..10),
    ) {
        let mut input = pipelined(&corpus());
        input.truncate(cut);
        for (at, byte) in changes {
            if let Some(slot) = input.get_mut(at) {
                *slot = byte;
            }
        }
        let expected = whole(&input);
        assert_same(&expected, &by_reader(&input, &sizes));
        assert_same(&expected, &by_codec(&input, &sizes));
    }

    /// Any bytes, any split: the scanner answers as `Reply::parse` on each prefix it is given.
    #[test]
    fn scanner_on_any_bytes(
        input in proptest::collection::vec(
            prop_oneof![Just(b'2'), Just(b'5'), Just(b'0'), Just(b'-'), Just(b' '), Just(b'\r'), Just(b'\n'), any::<u8>()],
            0..300,
        ),
        cuts in proptest::collection::vec(0usize..300, 0..20),
    ) {
        let mut cuts: Vec<usize> = cuts.into_iter().filter(|&cut| cut <= input.len()).collect();
        cuts.push(input.len());
        cuts.sort_unstable();
        let mut scanner = ReplyScanner::new();
        for end in cuts {
            let answer = scanner.scan(&input[..end]);
            prop_assert_eq!(answer, Reply::parse(&input[..end]));
            if !matches!(answer, Err(ParseReplyError::Incomplete)) {
                break;
            }
        }
    }
}

#[test]
fn pipelined_bytes_wait_for_the_next_call() {
    let mut reader = ReplyReader::new(&b"250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with"[..]);
    assert_eq!(
        reader.read_reply().unwrap().unwrap().as_bytes(),
        b"250 2.1.0 Ok\r\n"
    );
    assert_eq!(reader.buffer(), b"250 2.1.5 Ok\r\n354 End data with");
    assert_eq!(
        reader.read_reply().unwrap().unwrap().as_bytes(),
        b"250 2.1.5 Ok\r\n"
    );
    let end = reader.read_reply().unwrap_err();
    assert_eq!(end.kind(), io::ErrorKind::UnexpectedEof);
    let (_, pending) = reader.into_parts();
    assert_eq!(pending, b"354 End data with");
}

#[test]
fn an_empty_stream_has_no_reply() {
    assert!(ReplyReader::new(&b""[..]).read_reply().unwrap().is_none());
    let mut buffer = BytesMut::new();
    assert!(ReplyCodec::new().decode_eof(&mut buffer).unwrap().is_none());
}

/// A stream that says `WouldBlock` or `Interrupted` before each byte.
struct Hesitant<'a> {
    input: &'a [u8],
    ready: bool,
    kind: io::ErrorKind,
}

impl Read for Hesitant<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if !self.ready {
            self.ready = true;
            return Err(self.kind.into());
        }
        self.ready = false;
        let size = buf.len().min(self.input.len()).min(1);
        buf[..size].copy_from_slice(&self.input[..size]);
        self.input = &self.input[size..];
        Ok(size)
    }
}

#[test]
fn would_block_loses_nothing_and_interrupted_is_retried() {
    let wire = b"250-mx.example.com\r\n250 PIPELINING\r\n";
    let mut reader = ReplyReader::new(Hesitant {
        input: wire,
        ready: false,
        kind: io::ErrorKind::WouldBlock,
    });
    let mut would_block = 0;
    let reply = loop {
        match reader.read_reply() {
            Ok(reply) => break reply.unwrap().as_bytes().to_vec(),
            Err(error) if error.kind() == io::ErrorKind::WouldBlock => would_block += 1,
            Err(error) => panic!("{error}"),
        }
    };
    assert_eq!(reply, wire);
    assert_eq!(would_block, wire.len());

    let mut reader = ReplyReader::new(Hesitant {
        input: wire,
        ready: false,
        kind: io::ErrorKind::Interrupted,
    });
    assert_eq!(reader.read_reply().unwrap().unwrap().as_bytes(), wire);
}

/// A stream of one endless reply line, counting what is read from it.
struct Endless {
    read: usize,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        for (index, byte) in buf.iter_mut().enumerate() {
            *byte = if self.read + index < 4 {
                b"250 "[self.read + index]
            } else {
                b'x'
            };
        }
        self.read += buf.len();
        Ok(buf.len())
    }
}

#[test]
fn memory_stays_bounded_and_too_long_is_invalid_data() {
    let mut reader = ReplyReader::new(Endless { read: 0 });
    let error = reader.read_reply().unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::InvalidData);
    let source = error.get_ref().unwrap().downcast_ref::<ParseReplyError>();
    assert_eq!(
        source,
        Some(&ParseReplyError::TooLong {
            limit: MAX_REPLY_LEN
        })
    );
    // Everything read is held: the reply's limit, one byte past it, and at most one read (8 KiB).
    let read = reader.get_ref().read;
    assert!(
        read > MAX_REPLY_LEN && read <= MAX_REPLY_LEN + 8 * 1024,
        "{read}"
    );
    assert!(reader.buffer().len() <= MAX_REPLY_LEN + 8 * 1024);
}

#[test]
fn malformed_replies_are_invalid_data_with_the_parse_error() {
    let mut reader = ReplyReader::new(&b"250-mx\r\n251 oops\r\n"[..]);
    let error = reader.read_reply().unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::InvalidData);
    let expected = ParseReplyError::CodeMismatch {
        first: 250,
        found: 251,
        offset: 8,
    };
    assert_eq!(
        error.get_ref().unwrap().downcast_ref::<ParseReplyError>(),
        Some(&expected)
    );
    assert_eq!(error.to_string(), expected.to_string());

    let mut buffer = BytesMut::from(&b"SSH-2.0-OpenSSH_9.6\r\n"[..]);
    let error = ReplyCodec::new().decode(&mut buffer).unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::InvalidData);
    assert_eq!(
        error.get_ref().unwrap().downcast_ref::<ParseReplyError>(),
        Some(&ParseReplyError::NotACode { offset: 0 })
    );
}

#[test]
fn codec_shares_the_read_buffer() {
    let mut buffer = BytesMut::from(&b"250-mx.example.com\r\n250 SIZE 1000\r\n221 Bye\r\n"[..]);
    let start = buffer.as_ptr();
    let mut codec = ReplyCodec::new();
    let ehlo = codec.decode(&mut buffer).unwrap().unwrap();
    // The reply's bytes are the buffer's first bytes, not a copy; the rest stays in the buffer.
    assert_eq!(ehlo.as_bytes().as_ptr(), start);
    assert_eq!(buffer, &b"221 Bye\r\n"[..]);
    let bytes = ehlo.into_bytes();
    assert_eq!(bytes.as_ptr(), start);
    assert_eq!(bytes, &b"250-mx.example.com\r\n250 SIZE 1000\r\n"[..]);
}

#[test]
fn codec_at_the_end_of_a_stream() {
    let mut codec = ReplyCodec::new();
    let mut buffer = BytesMut::from(&b"250 OK\r\n250-unfinished\r\n"[..]);
    assert_eq!(codec.decode_eof(&mut buffer).unwrap().unwrap().code(), 250);
    let error = codec.decode_eof(&mut buffer).unwrap_err();
    assert_eq!(error.kind(), io::ErrorKind::UnexpectedEof);
}

#[test]
fn encoder_refuses_what_write_reply_refuses() {
    let mut codec = ReplyCodec::new();
    let mut out = BytesMut::from(&b"220 earlier\r\n"[..]);
    let injected = codec
        .encode(
            OutgoingReply::new(250, None, &["OK\r\n250 forged"]),
            &mut out,
        )
        .unwrap_err();
    assert_eq!(injected.kind(), io::ErrorKind::InvalidInput);
    assert_eq!(
        injected
            .get_ref()
            .unwrap()
            .downcast_ref::<WriteReplyError>(),
        Some(&WriteReplyError::UnsafeText {
            line: 0,
            byte: b'\r'
        })
    );
    let mismatch = codec
        .encode(
            OutgoingReply::new(250, EnhancedCode::new(5, 1, 1), &["OK"]),
            &mut out,
        )
        .unwrap_err();
    assert_eq!(mismatch.kind(), io::ErrorKind::InvalidInput);
    let invalid = codec
        .encode(OutgoingReply::new(600, None, &["OK"]), &mut out)
        .unwrap_err();
    assert_eq!(
        invalid.get_ref().unwrap().downcast_ref::<WriteReplyError>(),
        Some(&WriteReplyError::InvalidCode(600))
    );
    // Nothing was written by the refused replies.
    assert_eq!(out, &b"220 earlier\r\n"[..]);
    codec
        .encode(
            OutgoingReply::new(
                550,
                EnhancedCode::new(5, 1, 1),
                &["No such user", "Try again"],
            ),
            &mut out,
        )
        .unwrap();
    assert_eq!(
        out,
        &b"220 earlier\r\n550-5.1.1 No such user\r\n550 5.1.1 Try again\r\n"[..]
    );
}

#[test]
fn reply_buf_keeps_every_accessor() {
    let mut checked = 0;
    for case in corpus() {
        let Ok((reply, _)) = Reply::parse(&case.wire) else {
            continue;
        };
        checked += 1;
        let owned = ReplyBuf::from(reply);
        assert_eq!(owned, reply);
        assert_eq!(owned.reply(), reply);
        assert_eq!(owned.code(), reply.code());
        assert_eq!(owned.reply_code(), reply.reply_code());
        assert_eq!(owned.class(), reply.class());
        assert_eq!(owned.category(), reply.category());
        assert_eq!(owned.enhanced(), reply.enhanced());
        assert!(owned.lines().eq(reply.lines()));
        assert_eq!(owned.line_count(), reply.line_count());
        assert_eq!(owned.as_bytes(), reply.as_bytes());
        assert_eq!(owned.is_retryable(), reply.is_retryable());
        for &command in smtp_codes::Command::ALL {
            assert_eq!(owned.outcome(command), reply.outcome(command));
            assert_eq!(owned.diagnose(Some(command)), reply.diagnose(Some(command)));
        }
        assert_eq!(owned.diagnose(None), reply.diagnose(None));
        assert_eq!(format!("{owned:?}"), format!("{reply:?}"));
    }
    // The corpus holds well over a hundred replies the parser accepts (162 UTF-8 ones, PERFORMANCE.md).
    assert!(checked > 100, "only {checked} corpus replies");
}

#[test]
fn reply_buf_serde() {
    let (owned, _) = ReplyBuf::parse(b"550-5.1.1 No such user\r\n550 5.1.1 here\r\n").unwrap();
    let json = serde_json::to_string(&owned).unwrap();
    assert_eq!(json, r#""550-5.1.1 No such user\r\n550 5.1.1 here\r\n""#);
    let back: ReplyBuf = serde_json::from_str(&json).unwrap();
    assert_eq!(back, owned);

    // Text that is not UTF-8 (GBK) round-trips as bytes.
    let (gbk, _) = ReplyBuf::parse(b"550 \xd3\xc3\xbb\xa7\r\n").unwrap();
    let json = serde_json::to_string(&gbk).unwrap();
    assert_eq!(json, "[53,53,48,32,211,195,187,167,13,10]");
    assert_eq!(serde_json::from_str::<ReplyBuf>(&json).unwrap(), gbk);

    for (bad, says) in [
        (r#""250 OK""#, "incomplete"),
        (r#""250 OK\r\n221 Bye\r\n""#, "9 bytes after the reply"),
        (r#""HTTP/1.1 200 OK\r\n""#, "three-digit reply code"),
    ] {
        let error = serde_json::from_str::<ReplyBuf>(bad)
            .unwrap_err()
            .to_string();
        assert!(error.contains(says), "{bad}: {error}");
    }
}
