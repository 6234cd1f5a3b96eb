//! Where the bounce corpus is, and its delivery-status parts: shared by the bounce tests
//! (`bounce.rs`), the `dsn` bench and the allocation test, which include this file.

use std::path::PathBuf;

use mail_parser::{MessageParser, MimeHeaders};

/// `$BOUNCE_CORPUS` if set, else `tests/data/bounce-corpus`.
pub fn dir() -> PathBuf {
    smtp_codes_tests::bounce_corpus_dir()
}

/// The corpus directory, checked: panics with a message naming the path when it is missing.
pub fn checked_dir() -> PathBuf {
    let dir = dir();
    assert!(
        dir.join("cases.tsv").is_file() && dir.join("eml").is_dir(),
        "the bounce corpus is missing: expected cases.tsv and eml/ in {} (set BOUNCE_CORPUS)",
        dir.display()
    );
    dir
}

/// Every email of `eml/`, by file name, in name order.
pub fn emails() -> Vec<(String, Vec<u8>)> {
    let dir = checked_dir().join("eml");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|error| panic!("{}: {error}", dir.display()))
        .map(|entry| {
            entry
                .expect("a directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| {
            std::path::Path::new(name)
                .extension()
                .is_some_and(|extension| extension.eq_ignore_ascii_case("eml"))
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let raw = std::fs::read(dir.join(&name)).expect("an email of the corpus");
            (name, raw)
        })
        .collect()
}

/// The body of every `message/delivery-status` part of the corpus's emails (top level), as
/// `mail-parser` decodes it.
#[allow(dead_code)]
pub fn delivery_status_parts() -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    for (_, raw) in emails() {
        let Some(message) = MessageParser::default().parse(&raw) else {
            continue;
        };
        for part in &message.parts {
            if part.content_type().is_some_and(|content_type| {
                content_type.ctype().eq_ignore_ascii_case("message")
                    && content_type
                        .subtype()
                        .is_some_and(|subtype| subtype.eq_ignore_ascii_case("delivery-status"))
            }) {
                parts.push(part.contents().to_vec());
            }
        }
    }
    parts
}

/// Whether an email has a `message/delivery-status` (or `message/global-delivery-status`) part:
/// a `Content-Type` line naming one, as `scripts/bounce-accuracy.sh` finds them with grep.
#[allow(dead_code)]
pub fn has_report_part(raw: &[u8]) -> bool {
    String::from_utf8_lossy(raw).lines().any(|line| {
        let line = line.to_ascii_lowercase();
        line.strip_prefix("content-type:").is_some_and(|value| {
            let value = value.trim_start();
            value.starts_with("message/delivery-status")
                || value.starts_with("message/global-delivery-status")
        })
    })
}
