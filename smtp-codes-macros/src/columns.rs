//! Columns, declared once per table: the header is checked against the declaration, and rows are
//! read by column name.
//!
//! A column the table declares is read or refused, never silently ignored: a header column that is
//! not declared is refused, and a declared column the table's code never reads, or a name it reads
//! that is not declared, is reported as a bug of this crate when the [`Table`] is dropped.

use std::cell::RefCell;

use csv::StringRecord;

use crate::errors::FileErrors;
use crate::fields;

/// One column of a table.
pub struct Column {
    pub name: &'static str,
    pub required: bool,
}

impl Column {
    /// A column every file must have.
    pub const fn required(name: &'static str) -> Column {
        Column {
            name,
            required: true,
        }
    }

    /// A column a file may leave out; a missing column reads as empty text.
    pub const fn optional(name: &'static str) -> Column {
        Column {
            name,
            required: false,
        }
    }
}

/// The rows of one file, read by the columns its table declares.
pub struct Table<'a> {
    errors: &'a FileErrors<'a>,
    columns: &'static [Column],
    /// For each declared column, its position in the header; `None` for a missing optional one.
    positions: Vec<Option<usize>>,
    records: Vec<StringRecord>,
    /// For each declared column, whether the table's code read it.
    read: RefCell<Vec<bool>>,
    /// Names the table's code read that it did not declare.
    undeclared: RefCell<Vec<&'static str>>,
}

/// Checks the header against `columns` and reads every well-formed row. Problems go to `errors`;
/// rows that cannot be read are left out.
pub fn read<'a>(errors: &'a FileErrors<'a>, columns: &'static [Column]) -> Table<'a> {
    let mut table = Table {
        errors,
        columns,
        positions: vec![None; columns.len()],
        records: Vec::new(),
        read: RefCell::new(vec![false; columns.len()]),
        undeclared: RefCell::new(Vec::new()),
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(errors.source().bytes());
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(err) => {
            errors.at(line_of(&err), describe(&err, None));
            return table;
        }
    };
    if !check_header(&headers, columns, errors) {
        return table;
    }
    for (position, column) in table.positions.iter_mut().zip(columns) {
        *position = headers.iter().position(|name| name == column.name);
    }
    for record in reader.records() {
        match record {
            Ok(record) => table.records.push(record),
            Err(err) => errors.at(line_of(&err), describe(&err, Some(&headers))),
        }
    }
    if table.records.is_empty() && !errors.any() {
        errors.table("the table is empty: it has a header but no rows");
    }
    table
}

impl<'a> Table<'a> {
    /// The rows that could be read, in file order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_, 'a>> {
        self.records.iter().map(move |record| Row {
            line: record.position().map_or(0, csv::Position::line),
            record,
            table: self,
        })
    }

    fn field<'r>(&self, record: &'r StringRecord, name: &'static str) -> &'r str {
        let Some(index) = self.columns.iter().position(|column| column.name == name) else {
            self.undeclared.borrow_mut().push(name);
            return "";
        };
        self.read.borrow_mut()[index] = true;
        self.positions[index]
            .and_then(|position| record.get(position))
            .unwrap_or("")
    }
}

impl Drop for Table<'_> {
    /// Reports the table code's own mistakes: columns declared but never read (checked when the
    /// file had rows and no other problem), and names read but not declared.
    fn drop(&mut self) {
        for name in self.undeclared.get_mut().drain(..) {
            self.errors.table(format_args!(
                "smtp-codes-macros reads column `{name}`, which the table does not declare \
                 (a bug in smtp-codes-macros)"
            ));
        }
        if self.records.is_empty() || self.errors.any() {
            return;
        }
        for (column, read) in self.columns.iter().zip(self.read.get_mut().iter()) {
            if !read {
                self.errors.table(format_args!(
                    "column `{}` is declared but never read (a bug in smtp-codes-macros)",
                    column.name
                ));
            }
        }
    }
}

/// One data row and the line it starts on.
pub struct Row<'t, 'a> {
    pub line: u64,
    record: &'t StringRecord,
    table: &'t Table<'a>,
}

impl<'t, 'a> Row<'t, 'a> {
    /// The text of `column` as written; empty when an optional column is missing.
    pub fn text(&self, column: &'static str) -> &'t str {
        self.table.field(self.record, column)
    }

    /// The text of `column`, which must not be blank (`the meaning is empty` otherwise).
    pub fn required_text(&self, column: &'static str) -> &'t str {
        self.read(column, |text| fields::non_empty(text, column));
        self.text(column)
    }

    /// `column` read by `reader`; a problem is reported on this row and field.
    pub fn read<T>(
        &self,
        column: &'static str,
        reader: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        reader(self.text(column))
            .map_err(|problem| self.problem(column, problem))
            .ok()
    }

    /// `column` read by `reader`, which may find several problems; each is reported.
    pub fn read_each<T>(
        &self,
        column: &'static str,
        reader: impl FnOnce(&str) -> Result<T, Vec<String>>,
    ) -> Option<T> {
        match reader(self.text(column)) {
            Ok(value) => Some(value),
            Err(problems) => {
                for problem in problems {
                    self.problem(column, problem);
                }
                None
            }
        }
    }

    /// Reports ``FILE:LINE: field `COLUMN`: message``.
    pub fn problem(&self, column: &str, message: impl std::fmt::Display) {
        self.table.errors.field(self.line, column, message);
    }

    /// The file's error handle, for problems that are not about one field of this row.
    pub fn errors(&self) -> &'t FileErrors<'a> {
        self.table.errors
    }
}

/// Reports missing, unknown and repeated columns; `true` when the header is usable.
fn check_header(headers: &StringRecord, columns: &[Column], errors: &FileErrors) -> bool {
    let mut ok = true;
    for (index, name) in headers.iter().enumerate() {
        if !columns.iter().any(|column| column.name == name) {
            let expected: Vec<String> = columns
                .iter()
                .map(|column| format!("`{}`", column.name))
                .collect();
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
    for column in columns.iter().filter(|column| column.required) {
        if !headers.iter().any(|name| name == column.name) {
            errors.line(1, format_args!("missing required column `{}`", column.name));
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
fn describe(err: &csv::Error, headers: Option<&StringRecord>) -> String {
    match err.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("expected {expected_len} fields like the header, found {len}"),
        csv::ErrorKind::Utf8 { err, .. } => match headers.and_then(|h| h.get(err.field())) {
            Some(column) => format!("field `{column}`: not valid UTF-8"),
            None => format!("field {} is not valid UTF-8", err.field() + 1),
        },
        _ => format!("not valid CSV: {err}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errors::Errors;
    use crate::source::Source;

    const COLUMNS: &[Column] = &[
        Column::required("code"),
        Column::required("meaning"),
        Column::optional("note"),
    ];

    /// Reads `text` as `t.csv` with `COLUMNS`, hands the table to `body`, and returns every
    /// message reported, including those of the table's drop.
    fn run(text: &str, body: impl FnOnce(&Table)) -> Vec<String> {
        let source = Source::in_memory("t.csv", text);
        let errors = Errors::default();
        {
            let file = errors.file(&source);
            let table = read(&file, COLUMNS);
            body(&table);
        }
        match errors.finish() {
            Ok(()) => Vec::new(),
            Err(error) => error.into_iter().map(|error| error.to_string()).collect(),
        }
    }

    fn read_all(table: &Table) {
        for row in table.rows() {
            row.text("code");
            row.text("meaning");
            row.text("note");
        }
    }

    #[test]
    fn rows_are_read_by_column_name_in_any_order() {
        let mut seen = Vec::new();
        let messages = run("meaning,code\nOK,250\n\"Busy, later\",451\n", |table| {
            for row in table.rows() {
                let (code, meaning, note) =
                    (row.text("code"), row.text("meaning"), row.text("note"));
                seen.push(format!("{}: {code}|{meaning}|{note}", row.line));
            }
        });
        assert_eq!(messages, Vec::<String>::new());
        assert_eq!(seen, ["2: 250|OK|", "3: 451|Busy, later|"]);
    }

    #[test]
    fn header_problems_name_line_one() {
        let messages = run("code,code,title\n250,250,x\n", read_all);
        assert_eq!(
            messages,
            [
                "t.csv:1: column `code` appears twice",
                "t.csv:1: unknown column `title` (the columns are `code`, `meaning`, `note`)",
                "t.csv:1: missing required column `meaning`",
            ]
        );
    }

    #[test]
    fn a_short_row_is_reported_and_left_out() {
        let mut codes = Vec::new();
        let messages = run("code,meaning\n250,OK\n251\n252,OK\n", |table| {
            for row in table.rows() {
                codes.push(row.text("code").to_owned());
                row.text("meaning");
                row.text("note");
            }
        });
        assert_eq!(
            messages,
            ["t.csv:3: expected 2 fields like the header, found 1"]
        );
        assert_eq!(codes, ["250", "252"]);
    }

    #[test]
    fn a_header_without_rows_is_an_empty_table() {
        assert_eq!(
            run("code,meaning\n", read_all),
            ["t.csv: the table is empty: it has a header but no rows"]
        );
    }

    #[test]
    fn a_declared_column_never_read_is_refused() {
        let messages = run("code,meaning,note\n250,OK,x\n", |table| {
            for row in table.rows() {
                row.text("code");
                row.text("meaning");
            }
        });
        assert_eq!(
            messages,
            ["t.csv: column `note` is declared but never read (a bug in smtp-codes-macros)"]
        );
    }

    #[test]
    fn an_undeclared_column_read_is_refused() {
        let messages = run("code,meaning\n250,OK\n", |table| {
            read_all(table);
            for row in table.rows() {
                assert_eq!(row.text("retryable"), "");
            }
        });
        assert_eq!(
            messages,
            ["t.csv: smtp-codes-macros reads column `retryable`, which the table does not declare \
              (a bug in smtp-codes-macros)"]
        );
    }

    #[test]
    fn readers_report_on_the_row_and_field() {
        let messages = run("code,meaning\n25x,OK\n", |table| {
            for row in table.rows() {
                let code: Option<u16> = row.read("code", |text| {
                    text.parse()
                        .map_err(|_| format!("`{text}` is not a number"))
                });
                assert_eq!(code, None);
                let none: Option<()> =
                    row.read_each("meaning", |_| Err(vec!["one".into(), "two".into()]));
                assert_eq!(none, None);
                row.text("note");
            }
        });
        assert_eq!(
            messages,
            [
                "t.csv:2: field `code`: `25x` is not a number",
                "t.csv:2: field `meaning`: one",
                "t.csv:2: field `meaning`: two",
            ]
        );
    }
}
