//! The bounce corpus's development half (`data/bounce-corpus/cases.tsv`, or `$BOUNCE_CORPUS`): one
//! failed recipient a row, with the reason and hard/soft verdict Sisimai's tables give it. Its
//! BSD-2 `LICENSE` and `README.md` lie beside it.

use std::path::PathBuf;

use smtp_codes::{Command, EnhancedCode, Reason};

/// One row of `cases.tsv`.
#[derive(Debug, Clone)]
pub struct BounceCase {
    /// The row's line in `cases.tsv`.
    pub line: usize,
    /// The expected reason.
    pub reason: Reason,
    /// Whether the address should be suppressed.
    pub hard: bool,
    /// The reply code, when known.
    pub reply_code: Option<u16>,
    /// The enhanced status code, when known.
    pub status: Option<EnhancedCode>,
    /// The command the failure answered, when known.
    pub command: Option<Command>,
    /// The diagnostic text.
    pub text: String,
}

/// The corpus directory: `$BOUNCE_CORPUS`, else the copy in `tests/data/bounce-corpus`.
#[must_use]
pub fn bounce_corpus_dir() -> PathBuf {
    match std::env::var_os("BOUNCE_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/bounce-corpus"),
    }
}

/// The command as `cases.tsv` writes it: a verb, as `Command`'s `FromStr` reads it, or `CONN`
/// for the greeting.
fn command(text: &str, line: usize) -> Option<Command> {
    match text {
        "" => None,
        "CONN" => Some(Command::Greeting),
        verb => Some(
            verb.parse()
                .unwrap_or_else(|_| panic!("cases.tsv:{line}: unknown command `{verb}`")),
        ),
    }
}

/// Every row of `cases.tsv`.
///
/// # Panics
///
/// When the corpus is missing (the message names the path) or a row is malformed: a test that
/// reads the corpus must fail, never pass silently, without it.
#[must_use]
pub fn bounce_cases() -> Vec<BounceCase> {
    let path = bounce_corpus_dir().join("cases.tsv");
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
        .map(|(index, row)| {
            let line = index + 1;
            let fields: Vec<&str> = row.split('\t').collect();
            assert_eq!(fields.len(), 8, "cases.tsv:{line}: expected 8 fields");
            let reason = fields[2]
                .parse()
                .unwrap_or_else(|_| panic!("cases.tsv:{line}: unknown reason `{}`", fields[2]));
            BounceCase {
                line,
                reason,
                hard: match fields[3] {
                    "true" => true,
                    "false" => false,
                    other => panic!("cases.tsv:{line}: `hard` is `{other}`"),
                },
                reply_code: fields[4].parse().ok(),
                status: fields[5].parse().ok(),
                command: command(fields[6], line),
                text: fields[7].to_owned(),
            }
        })
        .collect()
}
