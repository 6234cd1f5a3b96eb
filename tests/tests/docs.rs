//! The docs say which items need a feature: on docs.rs, built with
//! `--cfg docsrs`, `doc_cfg` shows "Available on crate feature ... only" on each of them. The
//! badge needs a `#[cfg_attr(docsrs, doc(cfg(feature = "...")))]` beside each gated public item,
//! and the docs.rs metadata that passes `--cfg docsrs`: both are checked here, in the source.

use std::path::{Path, PathBuf};

fn source(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../smtp-codes")
        .join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()))
}

/// The `doc(cfg)` attribute for `feature`.
fn badge(feature: &str) -> String {
    format!("#[cfg_attr(docsrs, doc(cfg(feature = \"{feature}\")))]")
}

#[test]
fn docs_rs_builds_with_doc_cfg() {
    let manifest = source("Cargo.toml");
    let metadata = manifest
        .split("[package.metadata.docs.rs]")
        .nth(1)
        .expect("a [package.metadata.docs.rs] table");
    assert!(metadata.contains("all-features = true"), "{metadata}");
    assert!(
        metadata.contains(r#"rustdoc-args = ["--cfg", "docsrs"]"#),
        "{metadata}"
    );
    assert!(source("src/lib.rs").contains("#![cfg_attr(docsrs, feature(doc_cfg))]"));
}

/// Every `.rs` file under `smtp-codes/src`, as paths relative to `smtp-codes`.
fn source_files() -> Vec<String> {
    fn walk(dir: &Path, root: &Path, files: &mut Vec<String>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
            .map(|entry| entry.expect("a directory entry").path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, root, files);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let relative = path.strip_prefix(root).expect("under the crate");
                files.push(relative.to_string_lossy().into_owned());
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../smtp-codes");
    let mut files = Vec::new();
    walk(&root.join("src"), &root, &mut files);
    files
}

#[test]
fn every_public_item_behind_a_feature_has_its_badge() {
    let mut checked = 0;
    let files = source_files();
    assert!(files.len() > 30, "{files:?}");
    // `__private` is hidden from the docs: nothing in it shows a badge.
    for file in files.iter().filter(|file| *file != "src/private.rs") {
        let text = source(file);
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        for (index, line) in lines.iter().enumerate() {
            let Some(feature) = line
                .strip_prefix("#[cfg(feature = \"")
                .and_then(|rest| rest.strip_suffix("\")]"))
            else {
                continue;
            };
            // The attributes and doc comments that follow, up to the item.
            let mut next = index + 1;
            while lines[next].starts_with("#[") || lines[next].starts_with("///") {
                next += 1;
            }
            let item = lines[next];
            if !item.starts_with("pub ") {
                continue; // `extern crate std`, a private module, ...
            }
            assert!(
                lines[index..next].contains(&badge(feature).as_str()),
                "{file}:{}: `{item}` needs `{}`",
                next + 1,
                badge(feature)
            );
            checked += 1;
        }
    }
    // At least the `io`, `ReplyBuf` and `write_reply_io` re-exports and `ReplyBuf::into_bytes`.
    assert!(checked >= 4, "{checked}");
}

#[test]
fn every_serde_impl_has_its_badge() {
    let text = source("src/serde_impls.rs");
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut checked = 0;
    for (index, line) in lines.iter().enumerate() {
        let public = ["impl Serialize for ", "impl<'de> Deserialize<'de> for "]
            .iter()
            .any(|start| line.starts_with(start));
        // `Field` is a private helper inside `Outcome`'s impl.
        if public && !line.ends_with("for Field {") {
            assert_eq!(
                lines[index - 1],
                badge("serde"),
                "serde_impls.rs:{}",
                index + 1
            );
            checked += 1;
        }
    }
    // ReplyCode's impls come from `__reply_code_serde!`; the others are written out: AnyReplyCode,
    // EnhancedCode, EnhancedStatus, Subject, Outcome, and the digit and name macros' two.
    assert!(checked >= 14, "{checked}");
}
