//! Shared support for the cross-crate tests and benches: the real-reply corpus, and the example
//! SMTP server ([`server`]).

use std::path::{Path, PathBuf};

mod bounce;
pub use bounce::{bounce_cases, bounce_corpus_dir, BounceCase};
pub mod server;

/// The README's Rust examples, compiled and run as doctests by `cargo test --workspace` (blocks
/// marked `ignore` are signature listings; `no_run` ones need a network).
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeExamples;

/// A real reply from `data/replies.txt`, with what its source says about it.
#[derive(Debug, Clone)]
pub struct Case {
    /// The case's unique name, prefixed by the provider or software.
    pub name: String,
    /// Where the reply comes from.
    pub source: String,
    /// The reply code, as the collector read it.
    pub code: u16,
    /// The enhanced code at the start of the first line's text, if any (`5.1.1`).
    pub enhanced: Option<String>,
    /// The number of lines.
    pub lines: usize,
    /// The reply as sent: every line ends in CRLF.
    pub wire: Vec<u8>,
}

/// A file of the `tests` package, by its path relative to the package.
#[must_use]
pub fn data_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Every case of `data/replies.txt`, in file order.
///
/// # Panics
///
/// When the file is not in the documented format (see its header): test data that is wrong is a
/// failing test.
#[must_use]
pub fn corpus() -> Vec<Case> {
    let text = std::fs::read_to_string(data_path("data/replies.txt")).expect("replies.txt");
    parse_corpus(&text)
}

fn parse_corpus(text: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    for block in text.split("\n=== ").skip(1) {
        let (name, rest) = block.split_once('\n').expect("a case has a body");
        let (head, body) = rest.split_once("\n---\n").expect("`---` before the body");
        let field = |key: &str| {
            head.lines()
                .find_map(|line| line.strip_prefix(key)?.strip_prefix(": "))
                .unwrap_or_else(|| panic!("case {name}: no `{key}:`"))
                .to_owned()
        };
        let mut wire = Vec::new();
        for line in body.lines().take_while(|line| !line.is_empty()) {
            wire.extend(unescape(line));
            wire.extend_from_slice(b"\r\n");
        }
        let enhanced = field("enhanced");
        cases.push(Case {
            name: name.trim().to_owned(),
            source: field("source"),
            code: field("code").parse().expect("code"),
            enhanced: (enhanced != "-").then_some(enhanced),
            lines: field("lines").parse().expect("lines"),
            wire,
        });
    }
    cases
}

/// A body line's bytes: `\xNN` is a byte, `\\` a backslash.
fn unescape(line: &str) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(line.len());
    let mut rest = line.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        match (byte, tail) {
            (b'\\', [b'\\', tail @ ..]) => {
                bytes.push(b'\\');
                rest = tail;
            }
            (b'\\', [b'x', high, low, tail @ ..]) => {
                let hex = std::str::from_utf8(&[*high, *low]).unwrap().to_owned();
                bytes.push(u8::from_str_radix(&hex, 16).expect("\\xNN"));
                rest = tail;
            }
            _ => {
                bytes.push(byte);
                rest = tail;
            }
        }
    }
    bytes
}

/// All the corpus's replies that [`smtp_codes::Reply::parse`] accepts, one after another, as a
/// server would pipeline them.
#[must_use]
pub fn pipelined(cases: &[Case]) -> Vec<u8> {
    cases
        .iter()
        .filter(|case| smtp_codes::Reply::parse(&case.wire).is_ok())
        .flat_map(|case| case.wire.iter().copied())
        .collect()
}
