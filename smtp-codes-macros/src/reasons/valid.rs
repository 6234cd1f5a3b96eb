//! The three tables, row by row and across each other: every problem is a compile error naming
//! `FILE:LINE` and the field.

use std::collections::HashMap;

use serde::Deserialize;

use super::automaton::fold;
use super::COMMANDS;
use crate::ident;
use crate::table::{self, Columns, Errors, FirstSeen, Source};

/// The files the attribute names.
pub struct Sources {
    pub reasons: Source,
    pub phrases: Source,
    pub statuses: Source,
}

const REASON_COLUMNS: Columns = Columns {
    required: &["name", "description", "hard", "reference"],
    optional: &[],
};

const STATUS_COLUMNS: Columns = Columns {
    required: &["status", "reason", "priority"],
    optional: &["note"],
};

const PHRASE_COLUMNS: Columns = Columns {
    required: &["phrase", "reason", "source"],
    optional: &["command"],
};

#[derive(Deserialize)]
struct RawReason {
    name: String,
    description: String,
    hard: String,
    reference: String,
}

#[derive(Deserialize)]
struct RawStatus {
    status: String,
    reason: String,
    priority: String,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Deserialize)]
struct RawPhrase {
    phrase: String,
    reason: String,
    source: String,
    #[serde(default)]
    command: Option<String>,
}

/// A reason row that passed validation.
pub struct ReasonEntry {
    pub name: String,
    pub description: String,
    pub hard: bool,
    pub reference: String,
}

/// A status rule: `class` is 4 or 5, or 0 for `X`.
pub struct StatusEntry {
    pub class: u8,
    pub subject: u16,
    pub detail: u16,
    pub reason: usize,
    pub status_first: bool,
    pub note: String,
}

/// A phrase row; its priority is its place in the file.
pub struct PhraseEntry {
    pub text: String,
    pub reason: usize,
    /// Indices into `COMMANDS`, ascending; empty for "any command".
    pub commands: Vec<usize>,
    pub source: String,
    pub line: u64,
}

pub struct Tables {
    pub reasons: Vec<ReasonEntry>,
    pub statuses: Vec<StatusEntry>,
    pub phrases: Vec<PhraseEntry>,
}

/// Checks all three tables, reporting every problem of every file at once.
pub fn validate(sources: &Sources) -> syn::Result<Tables> {
    let mut reason_errors = Errors::new(&sources.reasons);
    let (reasons, valid_names) = reasons(&sources.reasons, &mut reason_errors);
    let reason_ok = reason_errors.finish();
    // Every well-formed name counts, even on a row with another problem, so that one bad field
    // does not make every row naming that reason an error too. The indices are those of
    // `reasons` whenever the reasons table has no error, the only case in which they are used.
    let mut names: HashMap<&str, usize> = HashMap::new();
    for name in &valid_names {
        let next = names.len();
        names.entry(name.as_str()).or_insert(next);
    }
    let mut status_errors = Errors::new(&sources.statuses);
    let statuses = statuses(&sources.statuses, &names, &mut status_errors);
    let mut phrase_errors = Errors::new(&sources.phrases);
    let phrases = phrases(&sources.phrases, &names, &mut phrase_errors);
    let results = [reason_ok, status_errors.finish(), phrase_errors.finish()];
    let mut combined: Option<syn::Error> = None;
    for error in results.into_iter().filter_map(Result::err) {
        match &mut combined {
            Some(combined) => combined.combine(error),
            None => combined = Some(error),
        }
    }
    combined.map_or(
        Ok(Tables {
            reasons,
            statuses,
            phrases,
        }),
        Err,
    )
}

fn boolean(text: &str, field: &str, line: u64, errors: &mut Errors) -> Option<bool> {
    match text {
        "true" => Some(true),
        "false" => Some(false),
        other => {
            errors.field(
                line,
                field,
                format_args!("`{other}` is not `true` or `false`"),
            );
            None
        }
    }
}

/// The valid rows, and every well-formed name in file order.
fn reasons(source: &Source, errors: &mut Errors) -> (Vec<ReasonEntry>, Vec<String>) {
    let rows = table::read_rows::<RawReason>(source, &REASON_COLUMNS, errors);
    let mut names = FirstSeen::default();
    let mut entries = Vec::with_capacity(rows.len());
    let mut valid_names = Vec::with_capacity(rows.len());
    for row in rows {
        let (line, raw) = (row.line, row.fields);
        let name_ok = match ident::problem(&raw.name) {
            Some(problem) => {
                errors.field(line, "name", problem);
                false
            }
            None => {
                names.check(
                    raw.name.clone(),
                    line,
                    errors,
                    "name",
                    format_args!("reason `{}`", raw.name),
                );
                valid_names.push(raw.name.clone());
                true
            }
        };
        if raw.description.trim().is_empty() {
            errors.field(line, "description", "the description is empty");
        }
        let hard = boolean(&raw.hard, "hard", line, errors);
        if let (true, Some(hard)) = (name_ok, hard) {
            entries.push(ReasonEntry {
                name: raw.name,
                description: raw.description,
                hard,
                reference: raw.reference,
            });
        }
    }
    (entries, valid_names)
}

/// A known reason's index, or an error on `field`.
fn reason(
    name: &str,
    names: &HashMap<&str, usize>,
    line: u64,
    errors: &mut Errors,
) -> Option<usize> {
    let found = names.get(name).copied();
    if found.is_none() {
        errors.field(
            line,
            "reason",
            format_args!("unknown reason `{name}`: it is not a `name` in the reasons table"),
        );
    }
    found
}

/// `X.1.1`, `4.2.2` or `5.7.26`: class `X`, 4 or 5; subject and detail as in RFC 3463 §2.
fn status(text: &str, line: u64, errors: &mut Errors) -> Option<(u8, u16, u16)> {
    let parts: Vec<&str> = text.split('.').collect();
    let part = |part: &str| {
        let digits = (1..=3).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit());
        (digits && !(part.len() > 1 && part.starts_with('0'))).then(|| part.parse::<u16>().ok())?
    };
    let class = match parts.first().copied() {
        Some("X" | "x") => Some(0),
        Some("4") => Some(4),
        Some("5") => Some(5),
        _ => None,
    };
    if let ([_, subject, detail], Some(class)) = (parts.as_slice(), class) {
        if let (Some(subject), Some(detail)) = (part(subject), part(detail)) {
            return Some((class, subject, detail));
        }
    }
    errors.field(
        line,
        "status",
        format_args!(
            "`{text}` is not an enhanced status code of class 4, 5 or X \
             (`5.1.1`, `X.2.2`: parts of one to three digits without a leading zero, RFC 3463 §2)"
        ),
    );
    None
}

fn statuses(
    source: &Source,
    names: &HashMap<&str, usize>,
    errors: &mut Errors,
) -> Vec<StatusEntry> {
    let rows = table::read_rows::<RawStatus>(source, &STATUS_COLUMNS, errors);
    let mut seen = FirstSeen::default();
    let mut entries = Vec::with_capacity(rows.len());
    for row in rows {
        let (line, raw) = (row.line, row.fields);
        let code = status(&raw.status, line, errors);
        if let Some(code) = code {
            seen.check(
                code,
                line,
                errors,
                "status",
                format_args!("status `{}`", raw.status),
            );
        }
        let reason = reason(&raw.reason, names, line, errors);
        let status_first = match raw.priority.as_str() {
            "status-first" => Some(true),
            "text-first" => Some(false),
            other => {
                errors.field(
                    line,
                    "priority",
                    format_args!("`{other}` is not `status-first` or `text-first`"),
                );
                None
            }
        };
        if let (Some((class, subject, detail)), Some(reason), Some(status_first)) =
            (code, reason, status_first)
        {
            entries.push(StatusEntry {
                class,
                subject,
                detail,
                reason,
                status_first,
                note: raw.note.unwrap_or_default(),
            });
        }
    }
    entries
}

/// The command indices of a `command` field: names separated by spaces, case-insensitive.
fn commands(text: &str, line: u64, errors: &mut Errors) -> Option<Vec<usize>> {
    let mut found = Vec::new();
    let mut ok = true;
    for word in text.split(' ').filter(|word| !word.is_empty()) {
        match COMMANDS
            .iter()
            .position(|(name, _)| name.eq_ignore_ascii_case(word))
        {
            Some(index) => found.push(index),
            None => {
                let known: Vec<&str> = COMMANDS.iter().map(|(name, _)| *name).collect();
                errors.field(
                    line,
                    "command",
                    format_args!(
                        "unknown command `{word}` (the commands are {}; empty for any)",
                        known.join(", ")
                    ),
                );
                ok = false;
            }
        }
    }
    found.sort_unstable();
    found.dedup();
    ok.then_some(found)
}

/// Why a phrase's text cannot be matched as written, if it cannot.
fn phrase_problem(text: &str) -> Option<&'static str> {
    if text.is_empty() {
        Some("the phrase is empty: it would match every text")
    } else if text.trim() != text {
        Some(
            "the phrase starts or ends with whitespace, which is invisible in the table and \
             stops it matching at the end of a text; remove it",
        )
    } else if text.chars().any(char::is_control) {
        Some("the phrase contains a control character (a tab, CR, LF...): write it as one line of text")
    } else {
        None
    }
}

/// Whether every command `inner` applies to is one `outer` applies to (empty: any command).
fn covers(outer: &[usize], inner: &[usize]) -> bool {
    outer.is_empty() || (!inner.is_empty() && inner.iter().all(|c| outer.contains(c)))
}

fn phrases(source: &Source, names: &HashMap<&str, usize>, errors: &mut Errors) -> Vec<PhraseEntry> {
    let rows = table::read_rows::<RawPhrase>(source, &PHRASE_COLUMNS, errors);
    let mut entries: Vec<PhraseEntry> = Vec::with_capacity(rows.len());
    let mut folded_texts: Vec<Vec<u8>> = Vec::with_capacity(rows.len());
    for row in rows {
        let (line, raw) = (row.line, row.fields);
        let problem = phrase_problem(&raw.phrase);
        if let Some(problem) = problem {
            errors.field(line, "phrase", problem);
        }
        let reason = reason(&raw.reason, names, line, errors);
        let commands = commands(raw.command.as_deref().unwrap_or(""), line, errors);
        if raw.source.trim().is_empty() {
            errors.field(
                line,
                "source",
                "the source is empty: name where this wording is seen (a provider, an MTA, an RFC)",
            );
        }
        let (Some(reason), Some(commands), None) = (reason, commands, problem) else {
            continue;
        };
        let folded = fold(raw.phrase.as_bytes());
        let earlier = entries.iter().zip(&folded_texts).find(|(entry, text)| {
            covers(&entry.commands, &commands)
                && folded
                    .windows(text.len())
                    .any(|window| window == text.as_slice())
        });
        if let Some((entry, text)) = earlier {
            let first = source.at(entry.line);
            if *text == folded && entry.commands == commands {
                errors.field(
                    line,
                    "phrase",
                    format_args!(
                        "duplicate phrase `{}` for the same commands, first defined at {first}",
                        raw.phrase
                    ),
                );
            } else {
                errors.field(
                    line,
                    "phrase",
                    format_args!(
                        "`{}` can never decide: every text containing it contains `{}` \
                         ({first}), an earlier row for the same commands, which wins; \
                         move this row above that one or remove it",
                        raw.phrase, entry.text
                    ),
                );
            }
            continue;
        }
        folded_texts.push(folded);
        entries.push(PhraseEntry {
            text: raw.phrase,
            reason,
            commands,
            source: raw.source,
            line,
        });
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_means_the_outer_scope_includes_the_inner() {
        assert!(covers(&[], &[]));
        assert!(covers(&[], &[3]));
        assert!(covers(&[3, 4], &[3]));
        assert!(!covers(&[3], &[]));
        assert!(!covers(&[3], &[4]));
    }

    #[test]
    fn phrase_problems() {
        assert!(phrase_problem("").is_some());
        assert!(phrase_problem(" user unknown").is_some());
        assert!(phrase_problem("user unknown ").is_some());
        assert!(phrase_problem("user\tunknown").is_some());
        assert!(phrase_problem("user unknown").is_none());
        assert!(phrase_problem("adresse bloquée").is_none());
    }
}
