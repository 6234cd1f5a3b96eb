//! Reading and checking a reply-code table: every problem of every row is reported at once.

use super::{Entry, COLUMNS};
use crate::columns::{self, Row};
use crate::errors::{Errors, FirstSeen};
use crate::fields;
use crate::names::{self, Unique};
use crate::source::Source;

/// The table's rows as entries sorted by code, or every problem found.
pub fn entries(source: &Source, rfc5321_categories: bool) -> syn::Result<Vec<Entry>> {
    let errors = Errors::default();
    let file = errors.file(source);
    let table = columns::read(&file, COLUMNS);
    let mut entries = Vec::new();
    let (mut codes, mut names) = (FirstSeen::default(), Unique::default());
    for row in table.rows() {
        entries.extend(entry(&row, rfc5321_categories, &mut codes, &mut names));
    }
    drop(table);
    errors.finish()?;
    entries.sort_by_key(|entry| entry.code);
    Ok(entries)
}

/// One row's entry, when all its fields are good; problems are reported field by field.
fn entry(
    row: &Row,
    rfc5321_categories: bool,
    codes: &mut FirstSeen<u16>,
    names: &mut Unique,
) -> Option<Entry> {
    let code = row.read("code", |text| fields::reply_code(text, rfc5321_categories));
    if let Some(code) = code {
        codes.check(
            code,
            row.line,
            row.errors(),
            "code",
            format_args!("code {code}"),
        );
    }
    let meaning = row.required_text("meaning");
    let retryable = row.read("retryable", fields::boolean);
    if let (Some(true), Some(code)) = (retryable, code) {
        if code < 400 {
            row.problem(
                "retryable",
                format_args!(
                    "{code} is a positive reply ({}yz) and cannot be retryable: \
                     only 4yz and 5yz replies report a failure",
                    code / 100
                ),
            );
        }
    }
    let name = names.check(names::variant_name(row, "meaning"), row);
    let reference = fields::optional(row.text("reference"));
    let note = fields::optional(row.text("note"));
    Some(Entry {
        code: code?,
        name: name?,
        meaning: meaning.to_owned(),
        retryable: retryable?,
        reference,
        note,
    })
}
