//! The phrase table's coverage report, `smtp-codes/src/diagnosis/coverage.md` (in the docs as
//! `smtp_codes::diagnosis::coverage`), generated from the table as compiled: for each reason its
//! phrases and the servers and providers they come from, and for each server and provider the
//! reasons its wording covers. The test fails when the report is not current;
//! `UPDATE_COVERAGE=1 cargo test -p smtp-codes-tests --test coverage` rewrites it.
//!
//! It also holds the table to its sourcing rules: every row names its origins, from the list
//! below, and quotes the words it matches; no row cites the bounce corpus.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use smtp_codes::Reason;

/// The servers and providers whose wording the diagnosis issue asked for, in its order: the
/// report lists each, with or without rows.
const ASKED_FOR: &[&str] = &[
    "Postfix",
    "Exim",
    "Sendmail",
    "qmail",
    "OpenSMTPD",
    "Courier",
    "Haraka",
    "James",
    "Dovecot",
    "Cyrus",
    "Zimbra",
    "Exchange",
    "Notes",
    "Google",
    "Microsoft",
    "Yahoo",
    "Apple",
    "Comcast",
    "Cox",
    "Orange",
    "GMX",
    "Mail.ru",
    "Yandex",
    "QQ",
    "NetEase",
    "Naver",
    "Proofpoint",
    "Mimecast",
    "Barracuda",
    "Cisco",
    "Sophos",
    "Trend Micro",
    "Amazon SES",
    "Spamhaus",
    "SpamCop",
    "SORBS",
    "UCEPROTECT",
];

/// Further origins the table may name: other servers, services, list managers and block lists,
/// and `RFC` for a registry's or an RFC's own words.
const ALSO: &[&str] = &[
    "RFC",
    "Mailman",
    "Sympa",
    "Majordomo",
    "SendGrid",
    "Mailgun",
    "Postmark",
    "Cloudmark",
    "SpamRATS",
    "Mailspike",
    "Validity",
    "SpamAssassin",
    "Spambrella",
    "Symantec",
    "Emailit",
    "Forpsi",
    "dma",
    "hMailServer",
    "ezmlm",
    "Amavis",
    "fml",
    "GNU Mailutils",
    "ClamSMTP",
    "spamass-milter",
    "LISTSERV",
    "Oracle Messaging Server",
    "AOL",
    "AT&T",
    "Spectrum",
    "Interia",
    "Zoho",
    "IONOS",
    "InfoSphere",
    "Inbox.lv",
    "addy.io",
    "Swisscom",
    "T-Online",
    "Web.de",
    "LogSat SpamFilter",
];

fn report() -> String {
    let phrases = Reason::PHRASES;
    let mut by_reason: BTreeMap<String, (usize, BTreeSet<&str>)> = BTreeMap::new();
    let mut by_origin: BTreeMap<&str, (usize, BTreeSet<String>)> = BTreeMap::new();
    for phrase in phrases {
        let reason = phrase.reason().name().to_owned();
        let entry = by_reason.entry(reason.clone()).or_default();
        entry.0 += 1;
        for origin in phrase.origins() {
            entry.1.insert(origin);
            let origin_entry = by_origin.entry(origin).or_default();
            origin_entry.0 += 1;
            origin_entry.1.insert(reason.clone());
        }
    }
    let mut out = String::new();
    out.push_str("# Coverage of the phrase table\n\n");
    out.push_str(
        "Generated from `phrases.csv` by `tests/tests/coverage.rs`, which fails when this page is \
         not current (`UPDATE_COVERAGE=1 cargo test -p smtp-codes-tests --test coverage` \
         rewrites it). Every row cites, in its `source`, the file or the document its wording \
         comes from, and names in its `origin` the servers and providers that send it.\n\n",
    );
    let origins: BTreeSet<&str> = by_origin.keys().copied().collect();
    let _ = writeln!(
        out,
        "{} phrases, from {} servers, providers and documents.\n",
        phrases.len(),
        origins.len()
    );
    out.push_str("## By reason\n\n");
    out.push_str("| reason | phrases | origins | from |\n|---|---:|---:|---|\n");
    for reason in Reason::ALL {
        let (count, from) = by_reason
            .get(reason.name())
            .map_or((0, BTreeSet::new()), |(count, from)| (*count, from.clone()));
        let from: Vec<&str> = from.into_iter().collect();
        let _ = writeln!(
            out,
            "| {} | {count} | {} | {} |",
            reason.name(),
            from.len(),
            from.join(", ")
        );
    }
    out.push_str("\n## By server and provider\n\n");
    out.push_str(
        "The servers and providers the diagnosis was asked to cover first, in that order, then \
         the others.\n\n",
    );
    out.push_str("| server or provider | phrases | reasons its wording covers |\n|---|---:|---|\n");
    let others = by_origin
        .keys()
        .filter(|origin| !ASKED_FOR.contains(origin));
    for origin in ASKED_FOR.iter().copied().chain(others.copied()) {
        let (count, reasons) = by_origin
            .get(origin)
            .map_or((0, BTreeSet::new()), |(count, reasons)| {
                (*count, reasons.clone())
            });
        let reasons: Vec<String> = reasons.into_iter().collect();
        let shown = if reasons.is_empty() {
            "(none)".to_owned()
        } else {
            reasons.join(", ")
        };
        let _ = writeln!(out, "| {origin} | {count} | {shown} |");
    }
    out
}

#[test]
fn the_coverage_report_is_current() {
    let path = smtp_codes_tests::data_path("../smtp-codes/src/diagnosis/coverage.md");
    let expected = report();
    if std::env::var_os("UPDATE_COVERAGE").is_some() {
        std::fs::write(&path, &expected).expect("write the coverage report");
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == expected,
        "{} is not current: run `UPDATE_COVERAGE=1 cargo test -p smtp-codes-tests --test \
         coverage` and commit it",
        path.display()
    );
}

#[test]
fn every_row_names_its_origins_and_quotes_its_words() {
    let mut problems = Vec::new();
    for phrase in Reason::PHRASES {
        let at = phrase.location();
        let origins: Vec<&str> = phrase.origins().collect();
        if origins.is_empty() {
            problems.push(format!("{at}: no origin"));
        }
        for origin in origins {
            if !ASKED_FOR.contains(&origin) && !ALSO.contains(&origin) {
                problems.push(format!("{at}: unknown origin `{origin}`"));
            }
        }
        let source = phrase.source().to_ascii_lowercase();
        if !source.contains(&phrase.text().to_ascii_lowercase()) {
            problems.push(format!(
                "{at}: the source does not quote `{}`",
                phrase.text()
            ));
        }
        for corpus in ["corpus", ".eml", "cases.tsv"] {
            if source.contains(corpus) {
                problems.push(format!(
                    "{at}: the source names `{corpus}`: cite the server or document"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
