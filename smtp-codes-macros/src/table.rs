//! Reading a CSV table: finding the file, checking its columns, deserializing its rows, and
//! reporting every problem as a `syn::Error` that names `FILE:LINE`.

use std::collections::HashMap;
use std::fmt::Display;
use std::hash::Hash;
use std::path::PathBuf;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use serde::de::DeserializeOwned;
use syn::LitStr;

/// The table file named by the attribute, read into memory.
pub struct Source {
    /// The path literal's span: every error points at it.
    span: Span,
    /// The path as written, which errors show (`codes.csv:12: ...`).
    name: String,
    /// The resolved absolute path, which the generated code includes to track the file.
    path: PathBuf,
    bytes: Vec<u8>,
}

impl Source {
    /// Reads the file at `literal`, relative to the calling crate's `CARGO_MANIFEST_DIR`.
    pub fn read(literal: &LitStr) -> syn::Result<Source> {
        let name = literal.value();
        let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR") else {
            return Err(syn::Error::new(
                literal.span(),
                format!("{name}: CARGO_MANIFEST_DIR is not set, so the path cannot be resolved"),
            ));
        };
        let path = PathBuf::from(dir).join(&name);
        match std::fs::read(&path) {
            Ok(bytes) => Ok(Source {
                span: literal.span(),
                name,
                path,
                bytes,
            }),
            Err(err) => Err(syn::Error::new(
                literal.span(),
                format!("{name}: cannot read `{}`: {err}", path.display()),
            )),
        }
    }

    /// Items every generated enum gets: the file's bytes included, so that cargo rebuilds the
    /// caller when the table changes, and a check that the enum is `Copy`, as the generated
    /// methods (which take `self`) need.
    pub fn tracking_item(&self, ident: &syn::Ident) -> TokenStream {
        let path = self.path.to_string_lossy();
        let copy_check = quote::quote_spanned! {ident.span()=>
            const _: fn() = || {
                fn derive_clone_and_copy<T: ::core::marker::Copy>() {}
                derive_clone_and_copy::<#ident>();
            };
        };
        quote! {
            const _: &[u8] = ::core::include_bytes!(#path);
            #copy_check
        }
    }

    /// An error about the table as a whole (`codes.csv: ...`).
    pub fn error(&self, message: impl std::fmt::Display) -> syn::Error {
        syn::Error::new(self.span, format!("{}: {message}", self.name))
    }

    /// `codes.csv:LINE`, for naming a row in a message.
    pub fn at(&self, line: u64) -> String {
        format!("{}:{line}", self.name)
    }
}

/// Every problem found in a table, so that one build reports them all.
pub struct Errors<'a> {
    source: &'a Source,
    combined: Option<syn::Error>,
}

impl<'a> Errors<'a> {
    pub fn new(source: &'a Source) -> Self {
        Errors {
            source,
            combined: None,
        }
    }

    /// Records `FILE:LINE: message`.
    pub fn line(&mut self, line: u64, message: impl std::fmt::Display) {
        let message = format!("{}: {message}", self.source.at(line));
        self.push(syn::Error::new(self.source.span, message));
    }

    /// Records ``FILE:LINE: field `NAME`: message``.
    pub fn field(&mut self, line: u64, field: &str, message: impl std::fmt::Display) {
        self.line(line, format_args!("field `{field}`: {message}"));
    }

    /// Records `FILE:LINE: message`, or `FILE: message` when the line is not known.
    pub fn at(&mut self, line: Option<u64>, message: impl std::fmt::Display) {
        match line {
            Some(line) => self.line(line, message),
            None => self.table(message),
        }
    }

    /// Records an error about the whole table.
    pub fn table(&mut self, message: impl std::fmt::Display) {
        self.push(self.source.error(message));
    }

    fn push(&mut self, error: syn::Error) {
        match &mut self.combined {
            Some(combined) => combined.combine(error),
            None => self.combined = Some(error),
        }
    }

    /// `Ok` when nothing was recorded, otherwise every recorded error.
    pub fn finish(self) -> syn::Result<()> {
        self.combined.map_or(Ok(()), Err)
    }
}

/// The columns a table has: all of `required`, any of `optional`, nothing else.
pub struct Columns {
    pub required: &'static [&'static str],
    pub optional: &'static [&'static str],
}

/// One data row and the line it starts on.
pub struct Row<T> {
    pub line: u64,
    pub fields: T,
}

/// Checks the header against `columns` and deserializes every well-formed row into `T`, whose
/// fields are named after the columns (optional ones as `Option`). Problems go to `errors`; rows
/// that cannot be read are left out.
pub fn read_rows<T: DeserializeOwned>(
    source: &Source,
    columns: &Columns,
    errors: &mut Errors,
) -> Vec<Row<T>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(source.bytes.as_slice());
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(err) => {
            errors.at(line_of(&err), describe(&err, None));
            return Vec::new();
        }
    };
    if !check_header(&headers, columns, errors) {
        return Vec::new();
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => {
                let line = record.position().map_or(0, csv::Position::line);
                match record.deserialize::<T>(Some(&headers)) {
                    Ok(fields) => rows.push(Row { line, fields }),
                    Err(err) => errors.line(line, describe(&err, Some(&headers))),
                }
            }
            Err(err) => errors.at(line_of(&err), describe(&err, Some(&headers))),
        }
    }
    if rows.is_empty() && errors.combined.is_none() {
        errors.table("the table is empty: it has a header but no rows");
    }
    rows
}

/// Reports missing, unknown and repeated columns; `true` when the header is usable.
fn check_header(headers: &csv::StringRecord, columns: &Columns, errors: &mut Errors) -> bool {
    let mut ok = true;
    let known = || columns.required.iter().chain(columns.optional);
    for (index, name) in headers.iter().enumerate() {
        if !known().any(|column| *column == name) {
            let expected: Vec<String> = known().map(|column| format!("`{column}`")).collect();
            errors.line(
                1,
                format_args!(
                    "unknown column `{name}` (the columns are {})",
                    expected.join(", ")
                ),
            );
            ok = false;
        } else if headers.iter().take(index).any(|earlier| earlier == name) {
            errors.line(1, format_args!("column `{name}` appears twice"));
            ok = false;
        }
    }
    for column in columns.required {
        if !headers.iter().any(|name| name == *column) {
            errors.line(1, format_args!("missing required column `{column}`"));
            ok = false;
        }
    }
    ok
}

fn line_of(err: &csv::Error) -> Option<u64> {
    err.position().map(csv::Position::line)
}

/// A CSV error in words, without the position (the caller names the line); fields are named by
/// their column when the header is known.
fn describe(err: &csv::Error, headers: Option<&csv::StringRecord>) -> String {
    match err.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("expected {expected_len} fields like the header, found {len}"),
        csv::ErrorKind::Utf8 { err, .. } => match headers.and_then(|h| h.get(err.field())) {
            Some(column) => format!("field `{column}`: not valid UTF-8"),
            None => format!("field {} is not valid UTF-8", err.field() + 1),
        },
        csv::ErrorKind::Deserialize { err, .. } => format!("not a valid row: {err}"),
        _ => format!("not valid CSV: {err}"),
    }
}

/// Where each value of a unique column was first seen, to report repeats.
pub struct FirstSeen<K>(HashMap<K, u64>);

impl<K> Default for FirstSeen<K> {
    fn default() -> Self {
        FirstSeen(HashMap::new())
    }
}

impl<K: Hash + Eq> FirstSeen<K> {
    /// Records `key` at `line`, or reports ``field `FIELD`: duplicate WHAT, first defined at FILE:LINE``.
    pub fn check(
        &mut self,
        key: K,
        line: u64,
        errors: &mut Errors,
        field: &str,
        what: impl Display,
    ) {
        if let Some(first) = self.0.get(&key) {
            let first = errors.source.at(*first);
            errors.field(
                line,
                field,
                format_args!("duplicate {what}, first defined at {first}"),
            );
        } else {
            self.0.insert(key, line);
        }
    }
}
