//! Editing a table regenerates the enum on the next `cargo build`, for real: a scratch crate
//! outside this workspace uses the macro on its own CSV, is built, gets a new row, and is built again.

use std::path::{Path, PathBuf};
use std::process::Command;

const HEADER_AND_FIRST_ROW: &str =
    "code,name,meaning,retryable\n250,Completed,\"Requested mail action okay, completed\",false\n";

fn cargo(args: &[&str], dir: &Path, target: &Path) -> String {
    let output = Command::new(env!("CARGO"))
        .args(args)
        .args(["--offline", "--quiet"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn editing_the_csv_regenerates_the_enum() {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let scratch: PathBuf = workspace.join("target/tests/regeneration");
    let krate = scratch.join("vendor-codes");
    let target = scratch.join("target");
    std::fs::create_dir_all(krate.join("src")).unwrap();
    std::fs::write(
        krate.join("Cargo.toml"),
        format!(
            "[package]\nname = \"vendor-codes\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\n\
             [dependencies]\nsmtp-codes = {{ path = {:?} }}\n\n[workspace]\n",
            workspace.join("smtp-codes")
        ),
    )
    .unwrap();
    std::fs::write(
        krate.join("src/main.rs"),
        "#[smtp_codes::reply_codes(\"vendor.csv\")]\n\
         #[derive(Debug, Clone, Copy, PartialEq, Eq)]\n\
         pub enum VendorCode {}\n\n\
         fn main() {\n    for code in VendorCode::ALL {\n        \
         println!(\"{code:?} {code} {}\", code.is_retryable());\n    }\n}\n",
    )
    .unwrap();
    let csv = krate.join("vendor.csv");
    std::fs::write(&csv, HEADER_AND_FIRST_ROW).unwrap();

    let before = cargo(&["run"], &krate, &target);
    assert_eq!(
        before,
        "Completed 250 Requested mail action okay, completed false\n"
    );

    std::fs::write(
        &csv,
        format!("{HEADER_AND_FIRST_ROW}451,Greylisted,Greylisted: try again later,true\n"),
    )
    .unwrap();
    let after = cargo(&["run"], &krate, &target);
    assert_eq!(
        after,
        "Completed 250 Requested mail action okay, completed false\n\
         Greylisted 451 Greylisted: try again later true\n"
    );

    // Put the first table back so that the next run starts from the same state.
    std::fs::write(&csv, HEADER_AND_FIRST_ROW).unwrap();
}
