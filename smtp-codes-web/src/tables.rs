//! The tables the page lists: every reply code, every registered enhanced status code, and the
//! commands a reply can answer.

use smtp_codes::{Command, EnhancedStatus, ReplyCode};

use crate::facts::code_facts;
use crate::json::{object, ToJson};

/// The tables as one JSON object: `codes` (each reply code of `ReplyCode::ALL` with its meaning,
/// class, category, whether it is retryable and its RFC), `statuses` (each enhanced status code
/// of the IANA registry) and `commands` (the names [`command_named`](crate::command_named) reads).
///
/// ```
/// let tables: serde_json::Value = serde_json::from_str(&smtp_codes_web::tables::json()).unwrap();
/// let codes = tables["codes"].as_array().unwrap();
/// assert_eq!(codes.len(), smtp_codes::ReplyCode::ALL.len());
/// let code_550 = codes.iter().find(|code| code["code"] == 550).unwrap();
/// assert_eq!(code_550["class_digit"], 5);
/// assert_eq!(code_550["retryable"], false);
/// assert_eq!(code_550["reference"], "RFC 5321 §4.2.2");
/// ```
#[must_use]
pub fn json() -> String {
    let codes: Vec<_> = ReplyCode::ALL
        .iter()
        .map(|code| code_facts(code.as_u16()))
        .collect();
    let statuses: Vec<Status> = EnhancedStatus::ALL.iter().copied().map(Status).collect();
    let commands: Vec<&str> = Command::ALL
        .iter()
        .map(|command| command.as_str())
        .collect();
    let mut out = String::new();
    object(&mut out, |o| {
        o.field("codes", &codes)
            .field("statuses", &statuses)
            .field("commands", &commands);
    });
    out
}

/// A registry entry, written as `{"code": "X.1.1", "title", "reference", "basic_codes"}`.
struct Status(EnhancedStatus);

impl ToJson for Status {
    fn write_json(&self, out: &mut String) {
        let status = self.0;
        let code = format!("X.{}.{}", status.subject(), status.detail());
        object(out, |o| {
            o.field("code", &code)
                .field("title", status.title())
                .field("reference", status.reference())
                .field("basic_codes", status.basic_codes());
        });
    }
}
