//! `Extension`, generated from `extensions.csv` (the IANA SMTP Service Extensions registry), and
//! the types its generated methods name.

use core::fmt;

/// An SMTP service extension of the IANA registry (RFC 5321 §2.2.2), named by its EHLO keyword.
///
/// Generated from `extensions.csv` by [`extensions`](crate::extensions): one variant per registry
/// row. It is `#[non_exhaustive]`; a keyword the registry does not have (`VRFY`, `XCLIENT`) is
/// `None` from [`from_keyword`](Extension::from_keyword) and stays bytes in an [`Ehlo`](crate::Ehlo).
///
/// ```
/// use smtp_codes::{Extension, ehlo::ParameterForm};
/// let size = Extension::from_keyword(b"size").unwrap();
/// assert_eq!(size, Extension::Size);
/// assert_eq!(size.to_string(), "SIZE");
/// assert_eq!(size.description(), "Message size declaration");
/// assert_eq!(size.parameters(), ParameterForm::Number);
/// assert_eq!("StartTLS".parse::<Extension>(), Ok(Extension::StartTls));
/// ```
#[crate::extensions("extensions.csv", examples = "smtp_codes::Extension")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Extension {}

/// What follows an extension's keyword on its EHLO line, as the extension's RFC defines it.
///
/// ```
/// use smtp_codes::{Extension, ehlo::ParameterForm};
/// assert_eq!(Extension::Pipelining.parameters(), ParameterForm::None);
/// assert_eq!(Extension::Size.parameters(), ParameterForm::Number);
/// assert_eq!(Extension::Auth.parameters(), ParameterForm::Words);
/// assert_eq!(Extension::Limits.parameters(), ParameterForm::Pairs);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParameterForm {
    /// No parameters (`PIPELINING`, `STARTTLS`).
    None,
    /// One optional decimal number (`SIZE 35882577`, `DELIVERBY 240`).
    Number,
    /// Words separated by spaces (`AUTH PLAIN LOGIN`, `FUTURERELEASE 604800 2026-12-01T00:00:00Z`).
    Words,
    /// `NAME=VALUE` pairs separated by spaces (`LIMITS RCPTMAX=100 MAILMAX=10`, RFC 9422).
    Pairs,
}

/// A keyword that is not in the registry, from `Extension`'s `FromStr`.
///
/// ```
/// use smtp_codes::{Extension, ehlo::ParseExtensionError};
/// assert_eq!("XCLIENT".parse::<Extension>(), Err(ParseExtensionError));
/// assert_eq!(ParseExtensionError.to_string(), "not an SMTP service extension keyword of the registry");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseExtensionError;

impl fmt::Display for ParseExtensionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not an SMTP service extension keyword of the registry")
    }
}

impl core::error::Error for ParseExtensionError {}
