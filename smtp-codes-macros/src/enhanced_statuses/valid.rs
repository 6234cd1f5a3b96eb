//! Reading and checking an enhanced status code registry: every problem of every row is reported
//! at once.

use super::{Entry, COLUMNS};
use crate::columns::{self, Row};
use crate::errors::{Errors, FirstSeen};
use crate::fields;
use crate::names::{self, Unique};
use crate::source::Source;

/// The registry's rows as entries sorted by subject, then detail, or every problem found.
pub fn entries(source: &Source) -> syn::Result<Vec<Entry>> {
    let errors = Errors::default();
    let file = errors.file(source);
    let table = columns::read(&file, COLUMNS);
    let mut entries = Vec::new();
    let (mut codes, mut names) = (FirstSeen::default(), Unique::default());
    for row in table.rows() {
        entries.extend(entry(&row, &mut codes, &mut names));
    }
    drop(table);
    errors.finish()?;
    entries.sort_by_key(|entry| (entry.subject, entry.detail));
    Ok(entries)
}

/// One row's entry, when all its fields are good; problems are reported field by field.
fn entry(row: &Row, codes: &mut FirstSeen<(u16, u16)>, names: &mut Unique) -> Option<Entry> {
    let subject = row.read("subject", fields::status_part);
    let detail = row.read("detail", fields::status_part);
    if let (Some(subject), Some(detail)) = (subject, detail) {
        codes.check(
            (subject, detail),
            row.line,
            row.errors(),
            "detail",
            format_args!("code X.{subject}.{detail}"),
        );
    }
    let title = row.required_text("title");
    let basic_codes = row.read_each("basic_codes", fields::basic_codes);
    let name = names.check(names::variant_name(row, "title"), row);
    let reference = row.text("reference");
    Some(Entry {
        subject: subject?,
        detail: detail?,
        name: name?,
        title: title.to_owned(),
        basic_codes: basic_codes?,
        reference: reference.to_owned(),
    })
}
