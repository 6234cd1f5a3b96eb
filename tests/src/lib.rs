//! Shared support for the cross-crate tests and benches.
