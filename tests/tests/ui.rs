//! Compile-fail tests: every table error the macros report, with the expected stderr checked in
//! next to each case in `tests/ui/`.
//!
//! trybuild compiles each case in its own scratch crate, `<target>/tests/trybuild/<package>`, so
//! the macro resolves a table path against that directory. The fixtures are copied there first,
//! and each case names its table as `fixtures/NAME.csv`.

use std::path::PathBuf;
use std::process::Command;

/// The target directory cargo reports, and whether it is the workspace's own `target/`.
fn target_dir() -> (PathBuf, bool) {
    let output = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--no-deps"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo metadata runs");
    assert!(output.status.success(), "cargo metadata failed");
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let target = PathBuf::from(metadata["target_directory"].as_str().unwrap());
    let workspace = PathBuf::from(metadata["workspace_root"].as_str().unwrap());
    let default = target == workspace.join("target");
    (target, default)
}

#[test]
fn ui() {
    let (target, default_target) = target_dir();
    let scratch_crate = target.join("tests/trybuild").join(env!("CARGO_PKG_NAME"));
    let fixtures = scratch_crate.join("fixtures");
    std::fs::create_dir_all(&fixtures).unwrap();
    let source = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/fixtures");
    for entry in std::fs::read_dir(source).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, fixtures.join(path.file_name().unwrap())).unwrap();
    }
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
    // The missing-file error shows the resolved absolute path, which trybuild writes as
    // `$WORKSPACE/target/...` only when the target directory is the workspace's own.
    if default_target {
        cases.compile_fail("ui/default-target/*.rs");
    }
}
