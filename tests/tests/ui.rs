//! Compile-fail tests: every table error the macros report, with the expected stderr checked in
//! next to each case in `tests/ui/`.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/*.rs");
}
