//! Speed of `smtp-codes` against its peers, on the real-reply corpus (`data/replies.txt`).
//!
//! Groups:
//!
//! - `parse/per_reply` and `parse/pipelined`: `Reply::parse` against lettre's
//!   `Response::from_str`, smtp-proto's `ResponseReceiver::parse` and a floor that only finds
//!   each line end with `memchr` and reads the three code digits. Every contender gets the same
//!   inputs: the corpus replies that are UTF-8 (lettre takes `&str`) and that every contender
//!   accepts; what was dropped, and why, is printed before the run.
//! - `enhanced`: `EnhancedCode::parse` over the corpus's enhanced codes.
//! - `lookup`: `ReplyCode::from_u16` against a binary search and a linear scan over
//!   `ReplyCode::ALL`.
//! - `explain_path`: what a bounce processor does per reply: parse, enhanced status, retry.
//!
//! Run: `cargo bench -p smtp-codes-tests --bench reply -- --warm-up-time 1 --measurement-time 2`.

use std::hint::black_box;
use std::str::FromStr;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion, Throughput,
};
use smtp_codes::{EnhancedCode, Reply, ReplyCode};
use smtp_codes_tests::{corpus, Case};

/// The reply inputs of the `parse` group, accepted by every contender.
struct ParseInputs {
    replies: Vec<Vec<u8>>,
    pipelined: Vec<u8>,
}

/// Whether our parser takes the whole of `case.wire` as one reply with the collector's code.
fn ours_accepts(case: &Case) -> bool {
    matches!(Reply::parse(&case.wire), Ok((reply, used)) if used == case.wire.len() && reply.code() == case.code)
}

/// Whether lettre parses `case.wire` to a response with the collector's code.
fn lettre_accepts(case: &Case) -> bool {
    let Ok(text) = std::str::from_utf8(&case.wire) else {
        return false;
    };
    matches!(lettre::transport::smtp::response::Response::from_str(text),
        Ok(response) if u16::from(response.code()) == case.code)
}

/// Whether smtp-proto parses `case.wire` to a response with the collector's code, using it all.
fn smtp_proto_accepts(case: &Case) -> bool {
    let mut receiver = smtp_proto::response::parser::ResponseReceiver::default();
    let mut bytes = case.wire.iter();
    matches!(receiver.parse(&mut bytes), Ok(response) if response.code == case.code)
        && bytes.as_slice().is_empty()
}

/// Whether the floor reads the collector's code from every line.
fn floor_accepts(case: &Case) -> bool {
    let mut codes = Vec::new();
    let mut rest = &case.wire[..];
    while let Some(lf) = memchr::memchr(b'\n', rest) {
        codes.push(floor_code(rest));
        rest = &rest[lf + 1..];
    }
    rest.is_empty() && !codes.is_empty() && codes.iter().all(|&code| code == case.code)
}

/// The floor's work on one line: the three code digits as a number, unchecked.
#[inline]
fn floor_code(line: &[u8]) -> u16 {
    u16::from(line[0].wrapping_sub(b'0')) * 100
        + u16::from(line[1].wrapping_sub(b'0')) * 10
        + u16::from(line[2].wrapping_sub(b'0'))
}

/// The floor: every line end found with `memchr`, every line's code read.
#[inline]
fn floor(mut rest: &[u8]) -> u32 {
    let mut sum = 0u32;
    while let Some(lf) = memchr::memchr(b'\n', rest) {
        sum = sum.wrapping_add(u32::from(floor_code(rest)));
        rest = &rest[lf + 1..];
    }
    sum
}

fn parse_inputs(cases: &[Case]) -> ParseInputs {
    let mut dropped = [0usize; 5];
    let mut dropped_names = Vec::new();
    let mut replies = Vec::new();
    for case in cases {
        let checks = [
            std::str::from_utf8(&case.wire).is_ok(),
            ours_accepts(case),
            lettre_accepts(case),
            smtp_proto_accepts(case),
            floor_accepts(case),
        ];
        for (count, ok) in dropped.iter_mut().zip(checks) {
            *count += usize::from(!ok);
        }
        if checks.iter().all(|&ok| ok) {
            replies.push(case.wire.clone());
        } else {
            dropped_names.push(case.name.as_str());
        }
    }
    let bytes: usize = replies.iter().map(Vec::len).sum();
    eprintln!(
        "parse inputs: {} of {} corpus replies, {bytes} bytes; rejected (a reply may count \
         twice): not UTF-8 {}, by smtp-codes {}, by lettre {}, by smtp-proto {}, by the floor {}; \
         dropped: {}",
        replies.len(),
        cases.len(),
        dropped[0],
        dropped[1],
        dropped[2],
        dropped[3],
        dropped[4],
        dropped_names.join(", "),
    );
    let pipelined: Vec<u8> = replies.concat();
    // Every contender finds every reply in the pipelined buffer.
    assert_eq!(ours_pipelined(&pipelined), replies.len());
    assert_eq!(smtp_proto_pipelined(&pipelined), replies.len());
    ParseInputs { replies, pipelined }
}

/// Our parser over a pipelined buffer; returns the number of replies.
fn ours_pipelined(mut buffer: &[u8]) -> usize {
    let mut count = 0;
    while !buffer.is_empty() {
        let (reply, used) = Reply::parse(buffer).expect("a reply");
        black_box(reply);
        buffer = &buffer[used..];
        count += 1;
    }
    count
}

/// smtp-proto over a pipelined buffer, one receiver reused; returns the number of replies.
fn smtp_proto_pipelined(buffer: &[u8]) -> usize {
    let mut receiver = smtp_proto::response::parser::ResponseReceiver::default();
    let mut bytes = buffer.iter();
    let mut count = 0;
    while !bytes.as_slice().is_empty() {
        let response = receiver.parse(&mut bytes).expect("a response");
        black_box(response);
        receiver.reset();
        count += 1;
    }
    count
}

fn parse(c: &mut Criterion) {
    let cases = corpus();
    let inputs = parse_inputs(&cases);
    let texts: Vec<&str> = inputs
        .replies
        .iter()
        .map(|reply| std::str::from_utf8(reply).expect("checked"))
        .collect();
    let bytes: usize = inputs.replies.iter().map(Vec::len).sum();

    let mut group = c.benchmark_group("parse/per_reply");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("smtp-codes", |b| {
        b.iter(|| {
            for reply in &inputs.replies {
                black_box(Reply::parse(black_box(reply)).expect("checked"));
            }
        });
    });
    group.bench_function("lettre", |b| {
        b.iter(|| {
            for text in &texts {
                black_box(
                    lettre::transport::smtp::response::Response::from_str(black_box(text))
                        .expect("checked"),
                );
            }
        });
    });
    group.bench_function("smtp-proto", |b| {
        let mut receiver = smtp_proto::response::parser::ResponseReceiver::default();
        b.iter(|| {
            for reply in &inputs.replies {
                let mut bytes = black_box(reply).iter();
                black_box(receiver.parse(&mut bytes).expect("checked"));
                receiver.reset();
            }
        });
    });
    group.bench_function("floor", |b| {
        b.iter(|| {
            for reply in &inputs.replies {
                black_box(floor(black_box(reply)));
            }
        });
    });
    group.finish();

    let mut group = c.benchmark_group("parse/pipelined");
    group.throughput(Throughput::Bytes(inputs.pipelined.len() as u64));
    group.bench_function("smtp-codes", |b| {
        b.iter(|| ours_pipelined(black_box(&inputs.pipelined)));
    });
    // lettre: not comparable. `Response::from_str` drops what follows the first reply and does
    // not say where it ended; its nom parser (`parse_response`) is `pub(crate)`.
    group.bench_function("smtp-proto", |b| {
        b.iter(|| smtp_proto_pipelined(black_box(&inputs.pipelined)));
    });
    group.bench_function("floor", |b| b.iter(|| floor(black_box(&inputs.pipelined))));
    group.finish();
}

fn enhanced(c: &mut Criterion) {
    let codes: Vec<Vec<u8>> = corpus()
        .into_iter()
        .filter_map(|case| case.enhanced)
        .map(String::into_bytes)
        .collect();
    for code in &codes {
        EnhancedCode::parse(code).expect("the corpus's enhanced codes parse");
    }
    eprintln!("enhanced inputs: {} codes", codes.len());
    let mut group = c.benchmark_group("enhanced");
    group.throughput(Throughput::Elements(codes.len() as u64));
    group.bench_function("EnhancedCode::parse", |b| {
        b.iter(|| {
            for code in &codes {
                black_box(EnhancedCode::parse(black_box(code)).expect("checked"));
            }
        });
    });
    group.bench_function("EnhancedCode::parse+status", |b| {
        b.iter(|| {
            for code in &codes {
                black_box(
                    EnhancedCode::parse(black_box(code))
                        .expect("checked")
                        .status(),
                );
            }
        });
    });
    // smtp-proto reads the enhanced code inside `ResponseReceiver::parse`'s state machine and
    // exposes no function for it alone; lettre's `enhanced_status_code` is private. Neither can be
    // isolated, so there is no peer here.
    group.finish();
}

/// A binary search over `ReplyCode::ALL`, which is ascending by code; the slice goes through
/// `black_box` as in `linear_scan`.
#[inline]
fn binary_search(code: u16) -> Option<ReplyCode> {
    let all = black_box(ReplyCode::ALL);
    all.binary_search_by_key(&code, |known| known.as_u16())
        .ok()
        .map(|index| all[index])
}

/// A linear scan over `ReplyCode::ALL`. The slice goes through `black_box`: over the constant
/// itself LLVM folds the scan into the very jump table that `from_u16` compiles to.
#[inline]
fn linear_scan(code: u16) -> Option<ReplyCode> {
    black_box(ReplyCode::ALL)
        .iter()
        .copied()
        .find(|known| known.as_u16() == code)
}

fn lookup(c: &mut Criterion) {
    let all: Vec<u16> = (0..=u16::MAX).collect();
    let corpus_codes: Vec<u16> = corpus().iter().map(|case| case.code).collect();
    // The corpus's codes, in corpus order, repeated to about 64 Ki lookups.
    let mix: Vec<u16> = corpus_codes
        .iter()
        .copied()
        .cycle()
        .take(corpus_codes.len() * (65_536 / corpus_codes.len()))
        .collect();
    for &code in all.iter().chain(&mix) {
        let expected = ReplyCode::from_u16(code);
        assert_eq!(binary_search(code), expected);
        assert_eq!(linear_scan(code), expected);
    }
    for (name, codes) in [("all_u16", &all), ("corpus_mix", &mix)] {
        let mut group = c.benchmark_group(format!("lookup/{name}"));
        group.throughput(Throughput::Elements(codes.len() as u64));
        // Each contender is its own closure type, so the lookup is inlined into the loop.
        bench_lookup(&mut group, "from_u16", codes, ReplyCode::from_u16);
        bench_lookup(&mut group, "binary_search", codes, binary_search);
        bench_lookup(&mut group, "linear_scan", codes, linear_scan);
        group.finish();
    }
}

fn bench_lookup(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    codes: &[u16],
    find: impl Fn(u16) -> Option<ReplyCode>,
) {
    group.bench_with_input(BenchmarkId::from_parameter(name), codes, |b, codes| {
        b.iter(|| {
            for &code in codes {
                black_box(find(black_box(code)));
            }
        });
    });
}

fn explain_path(c: &mut Criterion) {
    let replies: Vec<Vec<u8>> = corpus()
        .into_iter()
        .filter(|case| Reply::parse(&case.wire).is_ok())
        .map(|case| case.wire)
        .collect();
    eprintln!("explain_path inputs: {} replies", replies.len());
    let mut group = c.benchmark_group("explain_path");
    group.throughput(Throughput::Elements(replies.len() as u64));
    // The whole path, then its steps, to see what each costs.
    group.bench_function("parse+enhanced+status+is_retryable", |b| {
        b.iter(|| {
            for reply in &replies {
                let (reply, _) = Reply::parse(black_box(reply)).expect("checked");
                let status = reply.enhanced().and_then(smtp_codes::EnhancedCode::status);
                black_box((status, reply.is_retryable()));
            }
        });
    });
    group.bench_function("step:parse", |b| {
        b.iter(|| {
            for reply in &replies {
                black_box(Reply::parse(black_box(reply)).expect("checked"));
            }
        });
    });
    group.bench_function("step:parse+enhanced", |b| {
        b.iter(|| {
            for reply in &replies {
                let (reply, _) = Reply::parse(black_box(reply)).expect("checked");
                black_box(reply.enhanced());
            }
        });
    });
    group.bench_function("step:parse+enhanced+status", |b| {
        b.iter(|| {
            for reply in &replies {
                let (reply, _) = Reply::parse(black_box(reply)).expect("checked");
                black_box(reply.enhanced().and_then(smtp_codes::EnhancedCode::status));
            }
        });
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2));
    targets = parse, enhanced, lookup, explain_path
}
criterion_main!(benches);
