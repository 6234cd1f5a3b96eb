//! Speed of the delivery-status parser (`smtp_codes::dsn`) on the bounce corpus's
//! `message/delivery-status` parts, in reports/s (`dsn/reports`) and bytes/s (`dsn/bytes`).
//!
//! Contenders on the same bytes, in the same run: a floor that only finds each line end with
//! `memchr` and the colon of each line (no folding, no blocks, no values), and `mail-parser`
//! reading each part as a message (a general RFC 5322 parser: it reads the first block as header
//! fields and the rest as a body, so it does less structural work than ours, and allocates).
//! No other Rust crate reads delivery status fields.
//!
//! Reads the corpus: `$BOUNCE_CORPUS`, else `tests/data/bounce-corpus`.
//! Run: `cargo bench -p smtp-codes-tests --bench dsn -- --warm-up-time 1 --measurement-time 3`.

#[path = "../tests/bounce_common/mod.rs"]
mod corpus;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use mail_parser::MessageParser;
use smtp_codes::dsn::DeliveryStatus;

/// What a bounce processor reads from a report: every recipient's address, action, status and
/// diagnostic code.
fn ours(parts: &[Vec<u8>]) -> usize {
    let mut seen = 0;
    for part in parts {
        if let Ok(prefix) = DeliveryStatus::parse_prefix(black_box(part)) {
            let report = prefix.report;
            for recipient in report.recipients() {
                let address = recipient.address();
                let action = recipient.action();
                let status = recipient.status();
                let code = recipient.diagnostic_code().map(|diagnostic| {
                    (
                        diagnostic.reply_code(),
                        diagnostic.enhanced(),
                        diagnostic.text(),
                    )
                });
                black_box((address, action, status, code));
                seen += 1;
            }
        }
    }
    seen
}

/// The floor: each line end, and the colon on each line.
fn floor(parts: &[Vec<u8>]) -> usize {
    let mut colons = 0;
    for part in parts {
        let mut rest = &black_box(part)[..];
        while !rest.is_empty() {
            let end = memchr::memchr(b'\n', rest).map_or(rest.len(), |lf| lf + 1);
            colons += usize::from(memchr::memchr(b':', &rest[..end]).is_some());
            rest = &rest[end..];
        }
    }
    colons
}

fn mail_parser(parts: &[Vec<u8>]) -> usize {
    let parser = MessageParser::default();
    let mut headers = 0;
    for part in parts {
        if let Some(message) = parser.parse(black_box(part)) {
            headers += message.headers().len();
        }
    }
    headers
}

fn dsn(c: &mut Criterion) {
    let parts = corpus::delivery_status_parts();
    let bytes: usize = parts.iter().map(Vec::len).sum();
    let recipients = ours(&parts);
    println!(
        "dsn: {} delivery-status parts, {bytes} bytes, {recipients} recipients read",
        parts.len()
    );
    for (name, throughput) in [
        ("dsn/reports", Throughput::Elements(parts.len() as u64)),
        ("dsn/bytes", Throughput::Bytes(bytes as u64)),
    ] {
        let mut group = c.benchmark_group(name);
        group.throughput(throughput);
        group.bench_function("smtp-codes", |b| b.iter(|| ours(&parts)));
        group.bench_function("floor (memchr lines)", |b| b.iter(|| floor(&parts)));
        group.bench_function("mail-parser (as a message)", |b| {
            b.iter(|| mail_parser(&parts));
        });
        group.finish();
    }
}

criterion_group!(benches, dsn);
criterion_main!(benches);
