//! Accuracy of `Diagnosis::of` on the bounce corpus (`../shared/bounce-corpus/cases.tsv`, or
//! `$BOUNCE_CORPUS`): each row's reply code, status, diagnostic text and command against the
//! reason and hard/soft verdict the corpus gives. Prints the figures and the confusion table;
//! fails below 85 % (reason) or 95 % (hard/soft). `DIAGNOSIS_MISSES=1` prints every miss.

use std::collections::BTreeMap;
use std::path::PathBuf;

use smtp_codes::{Command, Diagnosis, EnhancedCode, Reason};

/// The corpus directory: `$BOUNCE_CORPUS`, else `<workspace>/../shared/bounce-corpus`.
fn corpus_dir() -> PathBuf {
    match std::env::var_os("BOUNCE_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/bounce-corpus"),
    }
}

/// The command as the corpus writes it.
fn command(text: &str) -> Option<Command> {
    Some(match text {
        "" => return None,
        "RCPT" => Command::Rcpt,
        "MAIL" => Command::Mail,
        "DATA" => Command::Data,
        "EHLO" => Command::Ehlo,
        "HELO" => Command::Helo,
        "CONN" => Command::Greeting,
        other => panic!("cases.tsv: unknown command `{other}`"),
    })
}

struct Case {
    line: usize,
    reason: Reason,
    hard: bool,
    reply_code: Option<u16>,
    status: Option<EnhancedCode>,
    command: Option<Command>,
    text: String,
}

fn cases() -> Vec<Case> {
    let path = corpus_dir().join("cases.tsv");
    let Ok(data) = std::fs::read_to_string(&path) else {
        panic!(
            "the bounce corpus is missing: cannot read `{}` (set BOUNCE_CORPUS to its directory)",
            path.display()
        );
    };
    let mut lines = data.lines().enumerate();
    let (_, header) = lines.next().expect("cases.tsv has a header");
    assert_eq!(
        header, "file\trecipient\treason\thard\treply_code\tstatus\tcommand\tdiagnostic",
        "cases.tsv: unexpected header"
    );
    lines
        .map(|(index, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(
                fields.len(),
                8,
                "cases.tsv:{}: expected 8 fields",
                index + 1
            );
            let reason = fields[2].parse().unwrap_or_else(|_| {
                panic!("cases.tsv:{}: unknown reason {}", index + 1, fields[2])
            });
            Case {
                line: index + 1,
                reason,
                hard: fields[3] == "true",
                reply_code: fields[4].parse().ok(),
                status: fields[5].parse().ok(),
                command: command(fields[6]),
                text: fields[7].to_owned(),
            }
        })
        .collect()
}

#[test]
fn accuracy_on_the_bounce_corpus() {
    let cases = cases();
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
    let reason_rate = reason_ok as f64 / total as f64;
    let hard_rate = hard_ok as f64 / total as f64;
    println!(
        "rows {total}: reason {reason_ok} ({:.1} %), hard/soft {hard_ok} ({:.1} %)",
        100.0 * reason_rate,
        100.0 * hard_rate
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
        reason_rate >= 0.85,
        "reason agreement {:.1} % is below 85 %",
        100.0 * reason_rate
    );
    assert!(
        hard_rate >= 0.95,
        "hard/soft agreement {:.1} % is below 95 %",
        100.0 * hard_rate
    );
}
