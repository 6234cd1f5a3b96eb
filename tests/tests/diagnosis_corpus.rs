//! Accuracy of `Diagnosis::of` on the bounce corpus (`tests/data/bounce-corpus/cases.tsv`, or
//! `$BOUNCE_CORPUS`): each row's reply code, status, diagnostic text and command against the
//! reason and hard/soft verdict the corpus gives. Prints the figures and the confusion table;
//! fails below 70 % (reason) or 92 % (hard/soft), floors under the figures of ACCURACY.md.
//! `DIAGNOSIS_MISSES=1` prints every miss.

use std::collections::BTreeMap;

use smtp_codes::Diagnosis;
use smtp_codes_tests::bounce_cases;

#[test]
fn accuracy_on_the_bounce_corpus() {
    let cases = bounce_cases();
    assert!(!cases.is_empty(), "cases.tsv has no rows");
    let misses = std::env::var_os("DIAGNOSIS_MISSES").is_some();
    let (mut reason_ok, mut hard_ok) = (0usize, 0usize);
    // expected -> (rows, agreed, got -> count)
    let mut confusion: BTreeMap<&str, (usize, usize, BTreeMap<&str, usize>)> = BTreeMap::new();
    for case in &cases {
        let diagnosis = Diagnosis::of(
            case.reply_code,
            case.status,
            case.text.as_bytes(),
            case.command,
        );
        let entry = confusion.entry(case.reason.name()).or_default();
        entry.0 += 1;
        if diagnosis.reason() == case.reason {
            reason_ok += 1;
            entry.1 += 1;
        } else {
            *entry.2.entry(diagnosis.reason().name()).or_default() += 1;
            if misses {
                println!(
                    "MISS cases.tsv:{} want {} got {} by {} | {:?} {:?} {:?} | {}",
                    case.line,
                    case.reason,
                    diagnosis.reason(),
                    diagnosis.evidence(),
                    case.reply_code,
                    case.status.map(|s| s.to_string()),
                    case.command,
                    case.text.chars().take(160).collect::<String>()
                );
            }
        }
        if diagnosis.is_hard() == case.hard {
            hard_ok += 1;
        } else if misses {
            println!(
                "HARD cases.tsv:{} want hard={} got {}",
                case.line, case.hard, diagnosis
            );
        }
    }
    let total = cases.len();
    let (reason_rate, hard_rate) = (percent(reason_ok, total), percent(hard_ok, total));
    println!(
        "rows {total}: reason {reason_ok} ({reason_rate} %), hard/soft {hard_ok} ({hard_rate} %)"
    );
    println!("| expected | rows | agreed | diagnosed instead |");
    println!("|---|---:|---:|---|");
    for (reason, (rows, agreed, instead)) in &confusion {
        let instead: Vec<String> = instead
            .iter()
            .map(|(got, n)| format!("{got} {n}"))
            .collect();
        println!("| {reason} | {rows} | {agreed} | {} |", instead.join(", "));
    }
    assert!(
        reason_ok * 100 >= total * 70,
        "reason agreement {reason_rate} % is below 70 %"
    );
    assert!(
        hard_ok * 100 >= total * 92,
        "hard/soft agreement {hard_rate} % is below 92 %"
    );
}

/// `n` of `total` as a percentage with one decimal, rounded, in integer arithmetic.
fn percent(n: usize, total: usize) -> String {
    let tenths = (n * 1000 + total / 2) / total;
    format!("{}.{}", tenths / 10, tenths % 10)
}
