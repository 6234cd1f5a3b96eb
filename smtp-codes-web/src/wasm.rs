//! The WebAssembly exports the page calls: plain functions over one input buffer and one output
//! buffer that this module owns, so that no pointer from the page is ever read as a slice.
//!
//! The page, for each explanation:
//! 1. `smtp_codes_input(len)` makes the input buffer `len` bytes long and returns where it is;
//!    the page writes there the command's name (may be empty) followed by the UTF-8 text;
//! 2. `smtp_codes_explain(command_len)` explains the text, writes the JSON of the
//!    [`Explanation`](crate::Explanation) to the output buffer and returns its length;
//! 3. `smtp_codes_output()` returns where the output is; the page decodes it.
//!
//! `smtp_codes_tables()` writes [`tables::json`] to the output buffer the
//! same way. The only code outside the safe subset is the `no_mangle` attribute that names the
//! exports (its unsafety: two symbols of one name; these names are prefixed); the buffers are
//! `Vec`s whose bytes the page writes between calls, as any foreign caller of a buffer does.

use std::cell::RefCell;

use crate::json::ToJson;
use crate::{command_named, explain, tables};

/// The buffers the page reads and writes.
#[derive(Debug, Default)]
pub struct Buffers {
    input: Vec<u8>,
    output: String,
}

impl Buffers {
    /// The input buffer, made `len` bytes long (zeros), for the page to fill.
    pub fn input(&mut self, len: usize) -> &mut [u8] {
        self.input.clear();
        self.input.resize(len, 0);
        &mut self.input
    }

    /// Explains the input: its first `command_len` bytes name the command (empty: not known),
    /// the rest is the pasted text. Returns the JSON's length; a `command_len` past the input
    /// reads as no command.
    ///
    /// ```
    /// use smtp_codes_web::wasm::Buffers;
    /// let mut buffers = Buffers::default();
    /// let input = b"RCPT552 5.5.3 Too many recipients";
    /// buffers.input(input.len()).copy_from_slice(input);
    /// let len = buffers.explain(4);
    /// let json: serde_json::Value = serde_json::from_str(buffers.output()).unwrap();
    /// assert_eq!(len, buffers.output().len());
    /// assert_eq!(json["items"][0]["verdict"]["kind"], "retry"); // RFC 5321 §4.5.3.1.10
    /// assert_eq!(json["items"][0]["command"]["name"], "RCPT");
    /// ```
    pub fn explain(&mut self, command_len: usize) -> usize {
        let (command, text) = if command_len <= self.input.len() {
            self.input.split_at(command_len)
        } else {
            (&[][..], &self.input[..])
        };
        let command = std::str::from_utf8(command).ok().and_then(command_named);
        self.output = explain(text, command).to_json();
        self.output.len()
    }

    /// Writes the tables' JSON to the output; returns its length.
    pub fn tables(&mut self) -> usize {
        self.output = tables::json();
        self.output.len()
    }

    /// The last JSON written.
    #[must_use]
    pub fn output(&self) -> &str {
        &self.output
    }
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// Export: makes the input buffer `len` bytes long; returns where it starts.
#[allow(unsafe_code)] // `no_mangle` only: the export's name.
#[no_mangle]
pub extern "C" fn smtp_codes_input(len: usize) -> *mut u8 {
    BUFFERS.with_borrow_mut(|buffers| buffers.input(len).as_mut_ptr())
}

/// Export: explains the input (see [`Buffers::explain`]); returns the output's length.
#[allow(unsafe_code)] // `no_mangle` only: the export's name.
#[no_mangle]
pub extern "C" fn smtp_codes_explain(command_len: usize) -> usize {
    BUFFERS.with_borrow_mut(|buffers| buffers.explain(command_len))
}

/// Export: writes the tables to the output; returns its length.
#[allow(unsafe_code)] // `no_mangle` only: the export's name.
#[no_mangle]
pub extern "C" fn smtp_codes_tables() -> usize {
    BUFFERS.with_borrow_mut(Buffers::tables)
}

/// Export: where the output starts.
#[allow(unsafe_code)] // `no_mangle` only: the export's name.
#[no_mangle]
pub extern "C" fn smtp_codes_output() -> *const u8 {
    BUFFERS.with_borrow(|buffers| buffers.output.as_ptr())
}
