//! Speed of `Bounce::parse` on the bounce corpus's emails (`eml/`, see `bounce_common`).
//!
//! Group `bounce`, every contender on every email of the corpus, in the same run:
//!
//! - `parse`: `Bounce::parse`, the whole reading (MIME, the report, the text, the diagnosis).
//! - `parse_whole_headers`: the same reading with `mail-parser` parsing every email whole (no
//!   plain header block read line by line, no multipart read part by part): what the fast paths
//!   save. Both give the same answer on every email before they are timed.
//! - `mail_parser`: `mail-parser`'s parse alone (`MessageParser::default()`), no reading at all.
//!
//! Sisimai's full pipeline is timed by `scripts/bounce-accuracy.sh`, which also times the
//! `smtp-codes bounce` tool on the same emails.
//!
//! Run: `cargo bench -p smtp-codes-tests --bench bounce -- --warm-up-time 1 --measurement-time 3`.

#[path = "../tests/bounce_common/mod.rs"]
mod corpus;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use mail_parser::MessageParser;
use smtp_codes_bounce::Bounce;

fn bounce(c: &mut Criterion) {
    let emails = corpus::emails();
    let bytes: usize = emails.iter().map(|(_, raw)| raw.len()).sum();
    println!("bounce: {} emails, {bytes} bytes", emails.len());
    for (name, raw) in &emails {
        assert_eq!(
            Bounce::parse(raw),
            smtp_codes_bounce::__private::parse_whole_headers(raw),
            "{name}: the two readings disagree"
        );
    }
    let parser = MessageParser::default();

    let mut group = c.benchmark_group("bounce");
    group.throughput(Throughput::Elements(emails.len() as u64));
    group.bench_function("parse", |b| {
        b.iter(|| {
            for (_, raw) in &emails {
                black_box(Bounce::parse(black_box(raw)));
            }
        });
    });
    group.bench_function("parse_whole_headers", |b| {
        b.iter(|| {
            for (_, raw) in &emails {
                black_box(smtp_codes_bounce::__private::parse_whole_headers(
                    black_box(raw),
                ));
            }
        });
    });
    group.bench_function("mail_parser", |b| {
        b.iter(|| {
            for (_, raw) in &emails {
                black_box(parser.parse(black_box(raw)));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, bounce);
criterion_main!(benches);
