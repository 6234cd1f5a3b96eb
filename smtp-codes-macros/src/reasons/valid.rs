//! The three tables, row by row and across each other: every problem is a compile error naming
//! `FILE:LINE` and the field.

use std::collections::HashMap;

use super::automaton::fold;
use super::{COMMANDS, PHRASE_COLUMNS, REASON_COLUMNS, STATUS_COLUMNS};
use crate::columns::{self, Row};
use crate::errors::{Errors, FileErrors, FirstSeen};
use crate::fields;
use crate::names;
use crate::source::Source;

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
    /// The reasons whose phrases win over this status-first rule, in table order.
    pub yields_to: Vec<usize>,
}

/// A phrase row; its priority is its place in the file.
pub struct PhraseEntry {
    pub text: String,
    pub reason: usize,
    /// Indices into `COMMANDS`, ascending; empty for "any command".
    pub commands: Vec<usize>,
    pub source: String,
    /// The servers or providers whose wording it is, as the table writes them; may be empty.
    pub origin: String,
    pub line: u64,
}

pub struct Tables {
    pub reasons: Vec<ReasonEntry>,
    pub statuses: Vec<StatusEntry>,
    pub phrases: Vec<PhraseEntry>,
}

/// Checks all three tables (`sources` in the attribute's order), reporting every problem of
/// every file at once.
pub fn validate(sources: &[Source]) -> syn::Result<Tables> {
    let errors = Errors::default();
    let (reason_file, phrase_file, status_file) = (
        errors.file(&sources[0]),
        errors.file(&sources[1]),
        errors.file(&sources[2]),
    );
    let (reasons, valid_names) = reasons(&reason_file);
    // Every well-formed name counts, even on a row with another problem, so that one bad field
    // does not make every row naming that reason an error too. The indices are those of
    // `reasons` whenever the reasons table has no error, the only case in which they are used.
    let mut names: HashMap<&str, usize> = HashMap::new();
    for name in &valid_names {
        let next = names.len();
        names.entry(name.as_str()).or_insert(next);
    }
    let statuses = statuses(&status_file, &names);
    let phrases = phrases(&phrase_file, &names);
    errors.finish()?;
    Ok(Tables {
        reasons,
        statuses,
        phrases,
    })
}

/// The valid rows, and every well-formed name in file order.
fn reasons(file: &FileErrors) -> (Vec<ReasonEntry>, Vec<String>) {
    let table = columns::read(file, REASON_COLUMNS);
    let mut seen = FirstSeen::default();
    let mut entries = Vec::new();
    let mut valid_names = Vec::new();
    for row in table.rows() {
        let name = row.text("name");
        let name_ok = if let Some(problem) = names::problem(name) {
            row.problem("name", problem);
            false
        } else {
            {
                seen.check(
                    name.to_owned(),
                    row.line,
                    row.errors(),
                    "name",
                    format_args!("reason `{name}`"),
                );
                valid_names.push(name.to_owned());
                true
            }
        };
        let description = row.required_text("description");
        let hard = row.read("hard", fields::boolean);
        if let (true, Some(hard)) = (name_ok, hard) {
            entries.push(ReasonEntry {
                name: name.to_owned(),
                description: description.to_owned(),
                hard,
                reference: row.text("reference").to_owned(),
            });
        }
    }
    (entries, valid_names)
}

/// The index of the reason a row's `reason` field names, or a problem on that field.
fn reason(row: &Row, names: &HashMap<&str, usize>) -> Option<usize> {
    row.read("reason", |name| {
        names.get(name).copied().ok_or_else(|| {
            format!("unknown reason `{name}`: it is not a `name` in the reasons table")
        })
    })
}

/// `X.1.1`, `4.2.2` or `5.7.26`: class `X`, 4 or 5; subject and detail as in RFC 3463 §2.
fn status(text: &str) -> Result<(u8, u16, u16), String> {
    let parts: Vec<&str> = text.split('.').collect();
    let class = match parts.first().copied() {
        Some("X" | "x") => Some(0),
        Some("4") => Some(4),
        Some("5") => Some(5),
        _ => None,
    };
    if let ([_, subject, detail], Some(class)) = (parts.as_slice(), class) {
        if let (Ok(subject), Ok(detail)) =
            (fields::status_part(subject), fields::status_part(detail))
        {
            return Ok((class, subject, detail));
        }
    }
    Err(format!(
        "`{text}` is not an enhanced status code of class 4, 5 or X \
         (`5.1.1`, `X.2.2`: parts of one to three digits without a leading zero, RFC 3463 §2)"
    ))
}

fn statuses(file: &FileErrors, names: &HashMap<&str, usize>) -> Vec<StatusEntry> {
    let table = columns::read(file, STATUS_COLUMNS);
    let mut seen = FirstSeen::default();
    let mut entries = Vec::new();
    for row in table.rows() {
        let code = row.read("status", status);
        if let Some(code) = code {
            seen.check(
                code,
                row.line,
                row.errors(),
                "status",
                format_args!("status `{}`", row.text("status")),
            );
        }
        let reason = reason(&row, names);
        let status_first = row.read("priority", |text| match text {
            "status-first" => Ok(true),
            "text-first" => Ok(false),
            other => Err(format!("`{other}` is not `status-first` or `text-first`")),
        });
        let note = row.text("note").to_owned();
        let yields_to = row.read_each("yields_to", |text| {
            yields_to(text, names, reason, status_first)
        });
        if let (Some((class, subject, detail)), Some(reason), Some(status_first), Some(yields_to)) =
            (code, reason, status_first, yields_to)
        {
            entries.push(StatusEntry {
                class,
                subject,
                detail,
                reason,
                status_first,
                note,
                yields_to,
            });
        }
    }
    entries
}

/// The reason indices of a `yields_to` field: names separated by spaces, each a reason other than
/// the rule's own, on a status-first rule only (a text-first rule yields to every phrase).
fn yields_to(
    text: &str,
    names: &HashMap<&str, usize>,
    own: Option<usize>,
    status_first: Option<bool>,
) -> Result<Vec<usize>, Vec<String>> {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    let words: Vec<&str> = text.split(' ').filter(|word| !word.is_empty()).collect();
    if !words.is_empty() && status_first == Some(false) {
        problems.push(
            "a text-first rule already yields to every phrase: `yields_to` is for status-first \
             rules"
                .to_owned(),
        );
    }
    for word in words {
        match names.get(word) {
            Some(&index) if Some(index) == own => problems.push(format!(
                "`{word}` is the rule's own reason: a rule cannot yield to it"
            )),
            Some(&index) if found.contains(&index) => {
                problems.push(format!("`{word}` is named twice"));
            }
            Some(&index) => found.push(index),
            None => problems.push(format!(
                "unknown reason `{word}`: it is not a `name` in the reasons table"
            )),
        }
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(problems)
    }
}

/// The command indices of a `command` field: names separated by spaces, case-insensitive;
/// every unknown name is a problem.
fn commands(text: &str) -> Result<Vec<usize>, Vec<String>> {
    let mut found = Vec::new();
    let mut problems = Vec::new();
    for word in text.split(' ').filter(|word| !word.is_empty()) {
        if let Some(index) = COMMANDS
            .iter()
            .position(|(name, _)| name.eq_ignore_ascii_case(word))
        {
            found.push(index);
        } else {
            let known: Vec<&str> = COMMANDS.iter().map(|(name, _)| *name).collect();
            problems.push(format!(
                "unknown command `{word}` (the commands are {}; empty for any)",
                known.join(", ")
            ));
        }
    }
    found.sort_unstable();
    found.dedup();
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(problems)
    }
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

fn phrases(file: &FileErrors, names: &HashMap<&str, usize>) -> Vec<PhraseEntry> {
    let table = columns::read(file, PHRASE_COLUMNS);
    let mut entries: Vec<PhraseEntry> = Vec::new();
    let mut folded_texts: Vec<Vec<u8>> = Vec::new();
    for row in table.rows() {
        let text = row.text("phrase");
        let good_text = row.read("phrase", |text| {
            phrase_problem(text).map_or(Ok(()), |p| Err(p.to_owned()))
        });
        let reason = reason(&row, names);
        let commands = row.read_each("command", commands);
        if row.text("source").trim().is_empty() {
            row.problem(
                "source",
                "the source is empty: name the file or document the wording comes from",
            );
        }
        let (Some(reason), Some(commands), Some(())) = (reason, commands, good_text) else {
            continue;
        };
        let folded = fold(text.as_bytes());
        let earlier = entries.iter().zip(&folded_texts).find(|(entry, earlier)| {
            covers(&entry.commands, &commands)
                && folded
                    .windows(earlier.len())
                    .any(|window| window == earlier.as_slice())
        });
        if let Some((entry, earlier)) = earlier {
            let first = file.source().at(entry.line);
            if *earlier == folded && entry.commands == commands {
                row.problem(
                    "phrase",
                    format_args!(
                        "duplicate phrase `{text}` for the same commands, first defined at {first}"
                    ),
                );
            } else {
                row.problem(
                    "phrase",
                    format_args!(
                        "`{text}` can never decide: every text containing it contains `{}` \
                         ({first}), an earlier row for the same commands, which wins; \
                         move this row above that one or remove it",
                        entry.text
                    ),
                );
            }
            continue;
        }
        folded_texts.push(folded);
        entries.push(PhraseEntry {
            text: text.to_owned(),
            reason,
            commands,
            source: row.text("source").to_owned(),
            origin: row.text("origin").to_owned(),
            line: row.line,
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
