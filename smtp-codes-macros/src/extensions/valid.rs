//! Reading and checking an extensions table: every problem of every row is reported at once.

use super::{Entry, ParameterForm, COLUMNS};
use crate::columns::{self, Row};
use crate::errors::{Errors, FirstSeen};
use crate::fields;
use crate::names::{self, Unique};
use crate::source::Source;

/// The table's rows as entries in file order, or every problem found.
pub fn entries(source: &Source) -> syn::Result<Vec<Entry>> {
    let errors = Errors::default();
    let file = errors.file(source);
    let table = columns::read(&file, COLUMNS);
    let mut entries = Vec::new();
    let (mut keywords, mut names) = (FirstSeen::default(), Unique::default());
    for row in table.rows() {
        entries.extend(entry(&row, &mut keywords, &mut names));
    }
    drop(table);
    errors.finish()?;
    Ok(entries)
}

/// One row's entry, when all its fields are good; problems are reported field by field.
fn entry(row: &Row, keywords: &mut FirstSeen<String>, names: &mut Unique) -> Option<Entry> {
    let keyword = row.read("keyword", ehlo_keyword);
    if let Some(keyword) = &keyword {
        // Keywords are case-insensitive (RFC 5321 §2.4): `Size` repeats `SIZE`.
        keywords.check(
            keyword.to_ascii_uppercase(),
            row.line,
            row.errors(),
            "keyword",
            format_args!("keyword `{keyword}` (keywords are case-insensitive)"),
        );
    }
    let description = row.required_text("description");
    let parameters = row.read("parameters", parameter_form);
    // A name derived from a bad keyword would only repeat the keyword's problem.
    let name = if keyword.is_some() || !row.text("name").is_empty() {
        names.check(names::variant_name(row, "keyword"), row)
    } else {
        None
    };
    let reference = row.text("reference");
    let note = fields::optional(row.text("note"));
    Some(Entry {
        keyword: keyword?,
        name: name?,
        description: description.to_owned(),
        parameters: parameters?,
        reference: reference.to_owned(),
        note,
    })
}

/// An EHLO keyword: an ASCII letter or digit, then ASCII letters, digits or `-` (RFC 5321
/// §4.1.1.1, `ehlo-keyword`).
fn ehlo_keyword(text: &str) -> Result<String, String> {
    let bytes = text.as_bytes();
    let ok = bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes
            .iter()
            .all(|byte| byte.is_ascii_alphanumeric() || *byte == b'-');
    if ok {
        Ok(text.to_owned())
    } else {
        Err(format!(
            "`{text}` is not an EHLO keyword (RFC 5321 §4.1.1.1: an ASCII letter or digit, \
             then ASCII letters, digits or `-`)"
        ))
    }
}

/// One of the spellings of [`ParameterForm::SPELLINGS`].
fn parameter_form(text: &str) -> Result<ParameterForm, String> {
    ParameterForm::SPELLINGS
        .iter()
        .find(|(spelling, _)| *spelling == text)
        .map(|(_, form)| *form)
        .ok_or_else(|| {
            let forms: Vec<String> = ParameterForm::SPELLINGS
                .iter()
                .map(|(spelling, _)| format!("`{spelling}`"))
                .collect();
            format!(
                "unknown parameter form `{text}` (the forms are {})",
                forms.join(", ")
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_follow_the_ehlo_keyword_grammar() {
        for good in ["SIZE", "8BITMIME", "MT-PRIORITY", "x", "A-", "9"] {
            assert_eq!(ehlo_keyword(good), Ok(good.to_owned()), "{good}");
        }
        for bad in ["", "-A", "X_CLIENT", "AUTH=", "SIZE ", "É"] {
            assert!(ehlo_keyword(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn parameter_forms_are_spelled_exactly() {
        assert!(parameter_form("pairs") == Ok(ParameterForm::Pairs));
        assert_eq!(
            parameter_form("Number").err().unwrap(),
            "unknown parameter form `Number` (the forms are `none`, `number`, `words`, `pairs`)"
        );
    }
}
