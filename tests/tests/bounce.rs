//! The `bounce` example's extraction, end to end: on single bounces of the corpus
//! (`tests/data/bounce-corpus/eml/`; expected values read off the files by hand), on its own output
//! format, and on the whole bounce corpus against floors (`$BOUNCE_CORPUS`, else
//! `tests/data/bounce-corpus`).

#[path = "../examples/bounce/corpus.rs"]
mod corpus;
#[path = "../examples/bounce/extract.rs"]
#[allow(dead_code)]
mod extract;
#[path = "../examples/bounce/patterns.rs"]
#[allow(dead_code)]
mod patterns;
#[path = "../examples/bounce/text.rs"]
#[allow(dead_code)]
mod text;

use std::collections::{HashMap, HashSet};
use std::process::Command as Process;

use extract::{failures_in_file, Failure, Source};
use patterns::{command_in, enhanced_in, reply_code_in};
use smtp_codes::dsn::Action;
use smtp_codes::Command;
use smtp_codes_tests::data_path;

/// Recipient, reply code, status, command.
type Summary<'a> = (&'a str, Option<u16>, Option<String>, Option<Command>);

fn failures_of(name: &str) -> Vec<Failure> {
    let path = data_path(&format!("data/bounce-corpus/eml/{name}"));
    failures_in_file(&std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
}

#[test]
fn a_postfix_report_gives_the_command_from_its_text_part() {
    let found = failures_of("rhost-franceptt-08.eml");
    assert_eq!(found.len(), 1);
    let failure = &found[0];
    assert_eq!(failure.source, Source::Report);
    assert_eq!(failure.recipient, "xxxx@wanadoo.fr");
    assert_eq!(failure.action, Some(Action::Failed));
    assert_eq!(
        failure.status.map(|code| code.to_string()).as_deref(),
        Some("4.2.0")
    );
    assert_eq!(failure.reply_code, Some(421));
    // "(in reply to end of DATA command)" in the text part's paragraph about the address.
    assert_eq!(failure.command, Some(Command::EndOfData));
    assert_eq!(
        failure.diagnostic,
        "421 4.2.0 Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR005_505 [505]"
    );
}

#[test]
fn an_x_postfix_diagnostic_gives_its_quoted_reply() {
    let found = failures_of("lhost-postfix-39.eml");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].reply_code, Some(554));
    // Status: 5.0.0 is generic; the quoted reply's 5.6.0 is the specific code.
    assert_eq!(
        found[0].status.map(|code| code.to_string()).as_deref(),
        Some("5.6.0")
    );
    assert_eq!(found[0].command, Some(Command::EndOfData));
}

#[test]
fn every_recipient_of_a_report_in_order() {
    let found = failures_of("lhost-outlook-04.eml");
    let got: Vec<(&str, Option<String>)> = found
        .iter()
        .map(|failure| {
            (
                failure.recipient.as_str(),
                failure.status.map(|code| code.to_string()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("sabineko@example.co.jp", Some("5.1.1".to_string())),
            ("mikeneko@example.co.jp", Some("5.2.2".to_string()))
        ]
    );
    // No Status field: the diagnostic's enhanced code; Original-Recipient's address in `<>`.
    let found = failures_of("lhost-mcafee-02.eml");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].recipient, "kijitora@example.jp");
    assert_eq!(
        found[0].status.map(|code| code.to_string()).as_deref(),
        Some("5.1.1")
    );
}

#[test]
fn qmail_and_exim_text_bounces() {
    let found = failures_of("lhost-qmail-17.eml");
    let got: Vec<Summary<'_>> = found
        .iter()
        .map(|failure| {
            assert_eq!(failure.source, Source::Text);
            (
                failure.recipient.as_str(),
                failure.reply_code,
                failure.status.map(|code| code.to_string()),
                failure.command,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "userunknown@libsisimai.net",
                Some(550),
                Some("5.1.1".into()),
                Some(Command::Rcpt)
            ),
            (
                "mailboxfull@libsisimai.net",
                Some(552),
                Some("5.2.2".into()),
                Some(Command::Rcpt)
            ),
        ]
    );
    // The second paragraph does not leak into the first recipient's diagnostic.
    assert!(!found[0].diagnostic.contains("Mailbox full"));

    let found = failures_of("lhost-exim-01.eml");
    assert_eq!(found.len(), 1, "{found:?}");
    // The sender named in `MAIL FROM:<...>` is the bounce's own address, not a recipient.
    assert_eq!(found[0].recipient, "kijitora@example.ed.jp");
    assert_eq!(found[0].reply_code, Some(550));
    assert_eq!(found[0].command, Some(Command::Mail));
    assert!(found[0]
        .diagnostic
        .contains("Please use the smtp server of your ISP."));
    assert!(!found[0].diagnostic.contains("copy of the message"));
}

#[test]
fn patterns_in_text() {
    assert_eq!(
        reply_code_in("host mx[192.0.2.250] said: 550-5.1.1 no"),
        Some(550)
    );
    assert_eq!(reply_code_in("ERROR_CODE :421, ERROR_CODE :"), Some(421));
    assert_eq!(reply_code_in("at 23:34:45 in 2010, port 2525"), None);
    assert_eq!(reply_code_in("range 250-300"), None);
    assert_eq!(
        enhanced_in("sorry, no mailbox here (#5.1.1 - chkusr)")
            .map(|c| c.to_string())
            .as_deref(),
        Some("5.1.1")
    );
    assert_eq!(enhanced_in("Status 4.4.7."), Some("4.4.7".parse().unwrap()));
    assert_eq!(enhanced_in("from [192.0.2.1] version 2.3.4.5"), None);
    assert_eq!(
        command_in("Mailbox Full (in reply to RCPT TO command)"),
        Some(Command::Rcpt)
    );
    assert_eq!(
        command_in("SMTP error from remote mail server after end of data: host"),
        Some(Command::EndOfData)
    );
    assert_eq!(
        command_in("after initial connection: 554"),
        Some(Command::Greeting)
    );
    assert_eq!(command_in("550 5.1.1 unknown"), None);
}

#[test]
fn the_example_prints_the_documented_tsv() {
    // `cargo test` builds the examples beside the test binaries.
    let exe = std::env::current_exe().expect("the test binary");
    let example = exe
        .parent()
        .and_then(|deps| deps.parent())
        .map(|profile| profile.join("examples").join("bounce"))
        .expect("the target directory");
    assert!(
        example.is_file(),
        "the bounce example is not built at {}",
        example.display()
    );
    let file = data_path("data/bounce-corpus/eml/lhost-outlook-04.eml");
    let output = Process::new(&example)
        .arg("--tsv")
        .arg(&file)
        .output()
        .expect("run bounce");
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<Vec<&str>> = stdout
        .lines()
        .map(|line| line.split('\t').collect())
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let file = file.to_string_lossy();
    assert_eq!(
        lines[0][..7],
        [
            &*file,
            "1",
            "sabineko@example.co.jp",
            "failed",
            "5.1.1",
            "550",
            ""
        ]
    );
    assert_eq!(
        lines[0][9],
        "550 5.1.1 <sabineko@example.co.jp>... User Unknown"
    );
    assert_eq!(lines[1][..3], [&*file, "2", "mikeneko@example.co.jp"]);
    assert!(lines.iter().all(|line| line.len() == 10));
}

/// One row of `cases.tsv`.
struct Case {
    file: String,
    index: usize,
    /// The expected reason, lower case (`userunknown`).
    reason: String,
    /// Whether the address should be suppressed.
    hard: bool,
}

fn cases() -> Vec<Case> {
    let path = corpus::checked_dir().join("cases.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            Case {
                file: fields[0].to_string(),
                index: fields[1].parse().expect("a recipient index"),
                reason: fields[2].to_string(),
                hard: fields[3] == "true",
            }
        })
        .collect()
}

#[test]
fn corpus_recipients_are_found_and_diagnosed() {
    let cases = cases();
    let mut found: HashMap<(String, usize), Failure> = HashMap::new();
    let mut with_report = HashSet::new();
    for (name, raw) in corpus::emails() {
        if corpus::has_report_part(&raw) {
            with_report.insert(name.clone());
        }
        for (index, failure) in failures_in_file(&raw).into_iter().enumerate() {
            found.insert((name.clone(), index + 1), failure);
        }
    }
    let (mut report_rows, mut report_found, mut text_rows, mut text_found) = (0, 0, 0, 0);
    let mut missing = Vec::new();
    let (mut reasons, mut hards) = (0, 0);
    let mut confusion: HashMap<(String, String), usize> = HashMap::new();
    for case in &cases {
        let failure = found.get(&(case.file.clone(), case.index));
        let hit = failure.is_some();
        if let Some(failure) = failure {
            let diagnosis = extract::diagnose(failure);
            let reason = diagnosis.reason().name().to_ascii_lowercase();
            reasons += usize::from(reason == case.reason);
            hards += usize::from(diagnosis.is_hard() == case.hard);
            if reason != case.reason {
                *confusion.entry((case.reason.clone(), reason)).or_default() += 1;
            }
        }
        if with_report.contains(&case.file) {
            report_rows += 1;
            report_found += usize::from(hit);
        } else {
            text_rows += 1;
            text_found += usize::from(hit);
        }
        if !hit {
            missing.push(format!("{}#{}", case.file, case.index));
        }
    }
    let rows = cases.len();
    let mut confusion: Vec<_> = confusion.into_iter().collect();
    confusion.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    println!(
        "recipients found: {report_found}/{report_rows} in emails with a delivery-status part, \
         {text_found}/{text_rows} in the others; missing: {missing:?}\n\
         reason agrees on {reasons}/{rows}, hard/soft on {hards}/{rows}; \
         disagreements (expected, ours): {confusion:?}"
    );
    // Every recipient of an email with a delivery-status part.
    assert_eq!(report_found, report_rows, "missing: {missing:?}");
    // Text bounces: all but a few (a row may name an email the corpus half does not hold).
    assert!(
        text_found * 100 >= text_rows * 95,
        "only {text_found} of {text_rows} found in text bounces; missing: {missing:?}"
    );
    // End to end, a few points under the development-half figures in ACCURACY.md.
    assert!(
        reasons * 100 >= rows * 70,
        "reason agrees on only {reasons} of {rows} rows; disagreements: {confusion:?}"
    );
    assert!(
        hards * 100 >= rows * 90,
        "hard/soft agrees on only {hards} of {rows} rows"
    );
}
