//! The checks on an extensions table: every problem is reported with `FILE:LINE` and the field.

use proc_macro2::{Ident, Span};
use serde::Deserialize;

use super::{Entry, ParameterForm, COLUMNS};
use crate::ident;
use crate::table::{self, Errors, FirstSeen, Source};

/// A row as written in the CSV.
#[derive(Deserialize)]
struct RawRow {
    keyword: String,
    description: String,
    parameters: String,
    reference: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    note: Option<String>,
}

pub(super) fn validate(source: &Source) -> syn::Result<Vec<Entry>> {
    let mut errors = Errors::new(source);
    let rows = table::read_rows::<RawRow>(source, &COLUMNS, &mut errors);
    let mut entries = Vec::with_capacity(rows.len());
    let mut keywords = FirstSeen::default();
    let mut names = FirstSeen::default();
    for row in rows {
        let (line, raw) = (row.line, row.fields);
        let keyword_ok = check_keyword(&raw.keyword, line, &mut errors);
        if keyword_ok {
            // Keywords are case-insensitive (RFC 5321 §2.4): `Size` repeats `SIZE`.
            keywords.check(
                raw.keyword.to_ascii_uppercase(),
                line,
                &mut errors,
                "keyword",
                format_args!("keyword `{}` (keywords are case-insensitive)", raw.keyword),
            );
        }
        if raw.description.trim().is_empty() {
            errors.field(line, "description", "the description is empty");
        }
        let parameters = check_parameters(&raw.parameters, line, &mut errors);
        // A name derived from the keyword: `MT-PRIORITY` becomes `MtPriority`.
        let name = if keyword_ok || raw.name.as_deref().is_some_and(|name| !name.is_empty()) {
            ident::variant_name(
                raw.name.as_deref(),
                "keyword",
                &raw.keyword,
                line,
                &mut errors,
            )
        } else {
            None
        };
        if let Some(name) = &name {
            names.check(
                name.clone(),
                line,
                &mut errors,
                "name",
                format_args!("name `{name}`"),
            );
        }
        if let (true, Some(name), Some(parameters)) = (keyword_ok, name, parameters) {
            entries.push(Entry {
                keyword: raw.keyword,
                name: Ident::new(&name, Span::call_site()),
                description: raw.description,
                parameters,
                reference: raw.reference,
                note: raw.note.filter(|text| !text.is_empty()),
            });
        }
    }
    errors.finish()?;
    Ok(entries)
}

/// An EHLO keyword is a letter or digit, then letters, digits or `-` (RFC 5321 §4.1.1.1,
/// `ehlo-keyword`).
fn check_keyword(text: &str, line: u64, errors: &mut Errors) -> bool {
    let bytes = text.as_bytes();
    let ok = bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes
            .iter()
            .all(|byte| byte.is_ascii_alphanumeric() || *byte == b'-');
    if !ok {
        errors.field(
            line,
            "keyword",
            format_args!(
                "`{text}` is not an EHLO keyword (RFC 5321 §4.1.1.1: an ASCII letter or digit, \
                 then ASCII letters, digits or `-`)"
            ),
        );
    }
    ok
}

fn check_parameters(text: &str, line: u64, errors: &mut Errors) -> Option<ParameterForm> {
    let found = ParameterForm::SPELLINGS
        .iter()
        .find(|(spelling, _)| *spelling == text)
        .map(|(_, form)| *form);
    if found.is_none() {
        let forms: Vec<String> = ParameterForm::SPELLINGS
            .iter()
            .map(|(spelling, _)| format!("`{spelling}`"))
            .collect();
        errors.field(
            line,
            "parameters",
            format_args!(
                "unknown parameter form `{text}` (the forms are {})",
                forms.join(", ")
            ),
        );
    }
    found
}
