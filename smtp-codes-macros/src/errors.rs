//! One sink for every problem an attribute finds, whatever file it is in, so that one build
//! reports them all; per-file handles prefix each message with `FILE:LINE`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt::Display;
use std::hash::Hash;

use crate::source::Source;

/// Every error found while reading an attribute's tables.
#[derive(Default)]
pub struct Errors {
    combined: RefCell<Option<syn::Error>>,
}

impl Errors {
    /// A handle that reports problems of `source`, naming it.
    pub fn file<'a>(&'a self, source: &'a Source) -> FileErrors<'a> {
        FileErrors {
            sink: self,
            source,
            count: Cell::new(0),
        }
    }

    /// Records an error as it is.
    pub fn push(&self, error: syn::Error) {
        let mut combined = self.combined.borrow_mut();
        match &mut *combined {
            Some(combined) => combined.combine(error),
            None => *combined = Some(error),
        }
    }

    /// `Ok` when nothing was recorded, otherwise every recorded error, in the order found.
    pub fn finish(self) -> syn::Result<()> {
        self.combined.into_inner().map_or(Ok(()), Err)
    }
}

/// Reports problems of one file into the shared sink: `FILE:LINE: message`.
pub struct FileErrors<'a> {
    sink: &'a Errors,
    source: &'a Source,
    count: Cell<usize>,
}

impl FileErrors<'_> {
    /// The file this handle reports on.
    pub fn source(&self) -> &Source {
        self.source
    }

    /// Whether anything was reported through this handle.
    pub fn any(&self) -> bool {
        self.count.get() > 0
    }

    /// Records `FILE:LINE: message`.
    pub fn line(&self, line: u64, message: impl Display) {
        self.record(self.source.error_at(line, message));
    }

    /// Records ``FILE:LINE: field `NAME`: message``.
    pub fn field(&self, line: u64, field: &str, message: impl Display) {
        self.line(line, format_args!("field `{field}`: {message}"));
    }

    /// Records `FILE:LINE: message`, or `FILE: message` when the line is not known.
    pub fn at(&self, line: Option<u64>, message: impl Display) {
        match line {
            Some(line) => self.line(line, message),
            None => self.table(message),
        }
    }

    /// Records `FILE: message`, about the file as a whole.
    pub fn table(&self, message: impl Display) {
        self.record(self.source.error(message));
    }

    fn record(&self, error: syn::Error) {
        self.count.set(self.count.get() + 1);
        self.sink.push(error);
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
        errors: &FileErrors,
        field: &str,
        what: impl Display,
    ) {
        if let Some(first) = self.0.get(&key) {
            let first = errors.source().at(*first);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(errors: Errors) -> Vec<String> {
        match errors.finish() {
            Ok(()) => Vec::new(),
            Err(error) => error.into_iter().map(|error| error.to_string()).collect(),
        }
    }

    #[test]
    fn one_sink_names_each_file_and_line() {
        let reasons = Source::in_memory("reasons.csv", "");
        let phrases = Source::in_memory("phrases.csv", "");
        let errors = Errors::default();
        let (in_reasons, in_phrases) = (errors.file(&reasons), errors.file(&phrases));
        in_reasons.field(3, "reason", "unknown");
        in_phrases.line(7, "bad phrase");
        in_reasons.table("empty");
        assert!(in_reasons.any() && in_phrases.any());
        assert_eq!(
            messages(errors),
            [
                "reasons.csv:3: field `reason`: unknown",
                "phrases.csv:7: bad phrase",
                "reasons.csv: empty",
            ]
        );
    }

    #[test]
    fn nothing_recorded_is_ok() {
        let source = Source::in_memory("codes.csv", "");
        let errors = Errors::default();
        assert!(!errors.file(&source).any());
        assert!(errors.finish().is_ok());
    }

    #[test]
    fn first_seen_reports_the_repeat_with_the_first_line() {
        let source = Source::in_memory("codes.csv", "");
        let errors = Errors::default();
        let file = errors.file(&source);
        let mut seen = FirstSeen::default();
        seen.check(250, 2, &file, "code", "code 250");
        seen.check(251, 3, &file, "code", "code 251");
        seen.check(250, 4, &file, "code", "code 250");
        assert_eq!(
            messages(errors),
            ["codes.csv:4: field `code`: duplicate code 250, first defined at codes.csv:2"]
        );
    }
}
