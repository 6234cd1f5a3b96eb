//! One CSV file named by an attribute: where it is, its bytes, and how errors name it.

use std::path::PathBuf;

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::LitStr;

/// A table file named by the attribute, read into memory.
pub struct Source {
    /// The path literal's span: every error about this file points at it.
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

    /// A source built from memory, for unit tests.
    #[cfg(test)]
    pub fn in_memory(name: &str, text: &str) -> Source {
        Source {
            span: Span::call_site(),
            name: name.to_owned(),
            path: PathBuf::from(name),
            bytes: text.as_bytes().to_vec(),
        }
    }

    /// The file's contents.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// An item that includes the file's bytes, so that cargo rebuilds the caller when it changes.
    pub fn tracking_item(&self) -> TokenStream {
        let path = self.path.to_string_lossy();
        quote! {
            const _: &[u8] = ::core::include_bytes!(#path);
        }
    }

    /// An error about the file as a whole (`codes.csv: ...`), pointing at the path literal.
    pub fn error(&self, message: impl std::fmt::Display) -> syn::Error {
        syn::Error::new(self.span, format!("{}: {message}", self.name))
    }

    /// An error about one line (`codes.csv:12: ...`), pointing at the path literal.
    pub fn error_at(&self, line: u64, message: impl std::fmt::Display) -> syn::Error {
        syn::Error::new(self.span, format!("{}: {message}", self.at(line)))
    }

    /// `codes.csv:LINE`, for naming a row in a message.
    pub fn at(&self, line: u64) -> String {
        format!("{}:{line}", self.name)
    }
}
