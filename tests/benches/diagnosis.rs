//! Speed of the bounce diagnosis on the bounce corpus (`cases.tsv`, see `smtp_codes_tests::bounce`).
//!
//! Group `diagnosis`, every contender on every row's diagnostic text, in the same run:
//!
//! - `diagnosis_of`: `Diagnosis::of` with the row's reply code, status and command: the whole
//!   rule order (status rules, the phrase automaton, and the scans of the text for a status,
//!   a reply code and a command where the row has none).
//! - `find_phrase`: the phrase automaton alone, `Reason::find_phrase(text, command)`.
//! - `aho_corasick`: the `aho-corasick` crate (a std automaton built at run time, ASCII
//!   case-insensitive) searching the same phrase list for the same answer: the first row, in
//!   table order, that occurs in the text and applies to the command.
//!
//! Sisimai's text-only rate comes from `scripts/sisimai-compare.sh` (the corpus's `sisimai.pl`).
//!
//! Run: `cargo bench -p smtp-codes-tests --bench diagnosis -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

use aho_corasick::{AhoCorasick, MatchKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use smtp_codes::{diagnosis::Phrase, Diagnosis, Reason};
use smtp_codes_tests::bounce_cases;

fn diagnosis(c: &mut Criterion) {
    let cases = bounce_cases();
    let bytes: usize = cases.iter().map(|case| case.text.len()).sum();
    println!("diagnosis: {} texts, {bytes} bytes", cases.len());
    let phrases = Reason::PHRASES;
    let aho = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(phrases.iter().map(Phrase::text))
        .expect("the phrase list builds");
    // Both searches agree on every text before they are timed.
    let aho_find = |text: &[u8], command| {
        aho.find_overlapping_iter(text)
            .map(|found| found.pattern().as_usize())
            .filter(|&index| phrases[index].applies_to(command))
            .min()
    };
    for case in &cases {
        let ours = Reason::find_phrase(case.text.as_bytes(), case.command).map(Phrase::line);
        let theirs =
            aho_find(case.text.as_bytes(), case.command).map(|index| phrases[index].line());
        assert_eq!(
            ours, theirs,
            "cases.tsv:{}: the two searches disagree",
            case.line
        );
    }

    let mut group = c.benchmark_group("diagnosis");
    group.throughput(Throughput::Elements(cases.len() as u64));
    group.bench_function("diagnosis_of", |b| {
        b.iter(|| {
            for case in &cases {
                black_box(Diagnosis::of(
                    case.reply_code,
                    case.status,
                    black_box(case.text.as_bytes()),
                    case.command,
                ));
            }
        });
    });
    group.bench_function("find_phrase", |b| {
        b.iter(|| {
            for case in &cases {
                black_box(Reason::find_phrase(
                    black_box(case.text.as_bytes()),
                    case.command,
                ));
            }
        });
    });
    group.bench_function("aho_corasick", |b| {
        b.iter(|| {
            for case in &cases {
                black_box(aho_find(black_box(case.text.as_bytes()), case.command));
            }
        });
    });
    group.finish();
}

criterion_group!(benches, diagnosis);
criterion_main!(benches);
