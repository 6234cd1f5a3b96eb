//! Replies over connections: `io::ReplyReader` and `io::ReplyCodec` against `Reply::parse` on
//! one buffer, and the cost of a peer that sends one byte per read.
//!
//! Groups:
//!
//! - `io/pipelined`: the corpus replies that `Reply::parse` accepts, one after another as a server
//!   pipelines them. `Reply::parse` walks one buffer (the floor: no I/O at all); the reader reads
//!   them from a `&[u8]` (copying them into its buffer, as from a socket); the codec gets them
//!   appended to a `BytesMut` (one copy, as `FramedRead` does) and splits each reply off it.
//!   Beside them, for what each costs: `Reply::parse` making each reply an owned `ReplyBuf` (a
//!   copy: what the codec gives, made from the parser); `Reply::parse` over the `BytesMut` fed as
//!   the codec's is (the copy in, no reply handed out); and the split alone at known lengths
//!   (`split_to` + `freeze` + drop: the shared ownership the codec hands out, nothing scanned),
//!   and the same passing over each reply with `advance` (the copy in and the bookkeeping only).
//!   For scale, tokio-util's own `AnyDelimiterCodec` splitting the same bytes into lines (framing
//!   only, nothing parsed) in the same way.
//! - `io/byte_at_a_time`: a stream of long replies (500 lines, about 50 KB each, near the
//!   `MAX_REPLY_LEN` bound) of 1 MiB and of 10 MiB, read one byte per `read` call by the reader and
//!   appended one byte at a time to the codec's buffer. Linear cost shows as the same time per
//!   byte at both sizes; a scan that restarted at every read would take about 25,000 times longer
//!   per byte on these replies.
//!
//! Run: `cargo bench -p smtp-codes-tests --bench io -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;
use std::io::{self, Read};
use std::time::Duration;

use bytes::{Buf, BytesMut};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use smtp_codes::io::{ReplyCodec, ReplyReader};
use smtp_codes::{Reply, ReplyBuf};
use smtp_codes_tests::{corpus, pipelined};
use tokio_util::codec::{AnyDelimiterCodec, Decoder};

/// The sum of the codes of the replies in `buffer`, by `Reply::parse`.
fn by_parse(mut buffer: &[u8]) -> u64 {
    let mut sum = 0;
    while let Ok((reply, used)) = Reply::parse(buffer) {
        sum += u64::from(reply.code());
        buffer = &buffer[used..];
    }
    sum
}

/// The sum of the codes of the replies in `buffer`, each made an owned `ReplyBuf` (its bytes
/// copied): what `Reply::parse` takes to give the user what the codec gives.
fn by_parse_owned(mut buffer: &[u8]) -> u64 {
    let mut sum = 0;
    while let Ok((reply, used)) = Reply::parse(buffer) {
        let owned = black_box(ReplyBuf::from(reply));
        sum += u64::from(owned.code());
        buffer = &buffer[used..];
    }
    sum
}

/// The sum of the codes of the replies in `input`, appended `chunk` bytes at a time to a
/// `BytesMut` and parsed there, each reply passed over with `advance`: the codec's work without
/// handing replies out.
fn by_parse_appended(input: &[u8], chunk: usize) -> u64 {
    let mut buffer = BytesMut::with_capacity(8 * 1024);
    let mut sum = 0;
    for piece in input.chunks(chunk) {
        buffer.extend_from_slice(piece);
        while let Ok((reply, used)) = Reply::parse(&buffer) {
            sum += u64::from(reply.code());
            buffer.advance(used);
        }
    }
    sum
}

/// The sum of the first bytes of the replies of `lengths` in `input`, appended `chunk` bytes at a
/// time to a `BytesMut`, each split off as `Bytes` at its known length and dropped: what owning
/// each reply without copying costs, with nothing scanned.
fn by_split(input: &[u8], lengths: &[usize], chunk: usize) -> u64 {
    let mut buffer = BytesMut::with_capacity(8 * 1024);
    let mut lengths = lengths.iter().peekable();
    let mut sum = 0;
    for piece in input.chunks(chunk) {
        buffer.extend_from_slice(piece);
        while let Some(&&length) = lengths.peek().filter(|&&&length| length <= buffer.len()) {
            let reply = black_box(buffer.split_to(length).freeze());
            sum += u64::from(reply[0]);
            lengths.next();
        }
    }
    sum
}

/// The same as [`by_split`] with each reply passed over with `advance` instead of split off: the
/// copy in and the buffer's bookkeeping, without the shared ownership.
fn by_advance(input: &[u8], lengths: &[usize], chunk: usize) -> u64 {
    let mut buffer = BytesMut::with_capacity(8 * 1024);
    let mut lengths = lengths.iter().peekable();
    let mut sum = 0;
    for piece in input.chunks(chunk) {
        buffer.extend_from_slice(piece);
        while let Some(&&length) = lengths.peek().filter(|&&&length| length <= buffer.len()) {
            sum += u64::from(black_box(&buffer[..length])[0]);
            buffer.advance(length);
            lengths.next();
        }
    }
    sum
}

/// The length of each reply in `buffer`, by `Reply::parse`.
fn reply_lengths(mut buffer: &[u8]) -> Vec<usize> {
    let mut lengths = Vec::new();
    while let Ok((_, used)) = Reply::parse(buffer) {
        lengths.push(used);
        buffer = &buffer[used..];
    }
    lengths
}

/// The sum of the codes of the replies read from `stream`.
fn by_reader<R: Read>(stream: R) -> u64 {
    let mut reader = ReplyReader::new(stream);
    let mut sum = 0;
    while let Some(reply) = reader.read_reply().expect("valid replies") {
        sum += u64::from(reply.code());
    }
    sum
}

/// The sum of the codes of the replies decoded from `input`, appended `chunk` bytes at a time.
fn by_codec(input: &[u8], chunk: usize) -> u64 {
    let mut codec = ReplyCodec::new();
    let mut buffer = BytesMut::with_capacity(8 * 1024);
    let mut sum = 0;
    for piece in input.chunks(chunk) {
        buffer.extend_from_slice(piece);
        while let Some(reply) = codec.decode(&mut buffer).expect("valid replies") {
            sum += u64::from(reply.code());
        }
    }
    sum
}

/// The total length of the lines tokio-util's `AnyDelimiterCodec` splits off `input`, appended
/// `chunk` bytes at a time.
fn by_lines(input: &[u8], chunk: usize) -> u64 {
    let mut codec = AnyDelimiterCodec::new(b"\n".to_vec(), Vec::new());
    let mut buffer = BytesMut::with_capacity(8 * 1024);
    let mut sum = 0;
    for piece in input.chunks(chunk) {
        buffer.extend_from_slice(piece);
        while let Some(line) = codec.decode(&mut buffer).expect("lines") {
            sum += line.len() as u64;
        }
    }
    sum
}

/// A stream that gives one byte per `read`.
struct OneByte<'a>(&'a [u8]);

impl Read for OneByte<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        match (self.0.split_first(), buf.first_mut()) {
            (Some((&byte, rest)), Some(slot)) => {
                *slot = byte;
                self.0 = rest;
                Ok(1)
            }
            _ => Ok(0),
        }
    }
}

fn pipelined_group(c: &mut Criterion) {
    let input = pipelined(&corpus());
    let expected = by_parse(&input);
    assert_eq!(by_reader(&input[..]), expected);
    assert_eq!(by_codec(&input, 8 * 1024), expected);
    assert_eq!(by_parse_owned(&input), expected);
    assert_eq!(by_parse_appended(&input, 8 * 1024), expected);
    let lengths = reply_lengths(&input);
    let first_digits: u64 = lengths
        .iter()
        .scan(0, |start, &length| {
            let digit = u64::from(input[*start]);
            *start += length;
            Some(digit)
        })
        .sum();
    assert_eq!(by_split(&input, &lengths, 8 * 1024), first_digits);
    assert_eq!(by_advance(&input, &lengths, 8 * 1024), first_digits);
    println!(
        "io/pipelined: {} bytes, the corpus replies that Reply::parse accepts",
        input.len()
    );

    let mut group = c.benchmark_group("io/pipelined");
    group.throughput(Throughput::Bytes(input.len() as u64));
    group.bench_function("Reply::parse", |b| b.iter(|| by_parse(black_box(&input))));
    group.bench_function("Reply::parse + ReplyBuf::from (owned copy)", |b| {
        b.iter(|| by_parse_owned(black_box(&input)));
    });
    group.bench_function(
        "Reply::parse on a BytesMut, 8 KiB appended at a time",
        |b| {
            b.iter(|| by_parse_appended(black_box(&input), 8 * 1024));
        },
    );
    group.bench_function("split_to + freeze at known lengths, no scan", |b| {
        b.iter(|| by_split(black_box(&input), &lengths, 8 * 1024));
    });
    group.bench_function("advance at known lengths, no scan", |b| {
        b.iter(|| by_advance(black_box(&input), &lengths, 8 * 1024));
    });
    group.bench_function("ReplyReader", |b| {
        b.iter(|| by_reader(black_box(&input[..])));
    });
    group.bench_function("ReplyCodec", |b| {
        b.iter(|| by_codec(black_box(&input), 8 * 1024));
    });
    group.bench_function("AnyDelimiterCodec (lines)", |b| {
        b.iter(|| by_lines(black_box(&input), 8 * 1024));
    });
    group.finish();
}

/// Replies of 500 lines of about 100 bytes, repeated to at least `size` bytes.
fn long_replies(size: usize) -> Vec<u8> {
    let mut reply = Vec::new();
    for line in 0..500 {
        let separator = if line == 499 { ' ' } else { '-' };
        reply.extend_from_slice(
            format!("250{separator}{line:03} {}\r\n", "x".repeat(92)).as_bytes(),
        );
    }
    let mut stream = Vec::with_capacity(size + reply.len());
    while stream.len() < size {
        stream.extend_from_slice(&reply);
    }
    stream
}

fn byte_at_a_time_group(c: &mut Criterion) {
    let mut group = c.benchmark_group("io/byte_at_a_time");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for mib in [1, 10] {
        let input = long_replies(mib * 1024 * 1024);
        let expected = by_parse(&input);
        assert_eq!(by_reader(OneByte(&input)), expected);
        assert_eq!(by_codec(&input, 1), expected);
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("ReplyReader", format!("{mib} MiB")),
            &input,
            |b, input| {
                b.iter(|| by_reader(OneByte(black_box(input))));
            },
        );
        group.bench_with_input(
            BenchmarkId::new("ReplyCodec", format!("{mib} MiB")),
            &input,
            |b, input| {
                b.iter(|| by_codec(black_box(input), 1));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, pipelined_group, byte_at_a_time_group);
criterion_main!(benches);
