//! `Extension`, generated from `extensions.csv`, against the CSV read by the test itself, and the
//! registry facts the EHLO reader relies on.

use smtp_codes::{ehlo::ParameterForm, ehlo::ParseExtensionError, Extension};
use smtp_codes_tests::data_path;

#[test]
fn the_enum_is_the_table() {
    let mut reader = csv::Reader::from_path(data_path("../extensions.csv")).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|header| header == name).unwrap();
    let (keyword, description, parameters, reference) = (
        column("keyword"),
        column("description"),
        column("parameters"),
        column("reference"),
    );
    assert_eq!(Extension::ALL.len(), rows.len());
    for (extension, row) in Extension::ALL.iter().zip(&rows) {
        assert_eq!(extension.keyword(), &row[keyword]);
        assert_eq!(extension.description(), &row[description]);
        assert_eq!(extension.reference(), &row[reference]);
        let form = match &row[parameters] {
            "none" => ParameterForm::None,
            "number" => ParameterForm::Number,
            "words" => ParameterForm::Words,
            "pairs" => ParameterForm::Pairs,
            other => panic!("form {other}"),
        };
        assert_eq!(extension.parameters(), form, "{}", &row[keyword]);
        assert_eq!(extension.to_string(), &row[keyword]);
    }
}

#[test]
fn the_registry_rows_we_rely_on() {
    // RFC 1870, RFC 4954, RFC 9422 define these parameter forms; RFC 3207 and RFC 2920 none.
    assert_eq!(Extension::Size.parameters(), ParameterForm::Number);
    assert_eq!(Extension::Auth.parameters(), ParameterForm::Words);
    assert_eq!(Extension::Limits.parameters(), ParameterForm::Pairs);
    assert_eq!(Extension::StartTls.parameters(), ParameterForm::None);
    assert_eq!(Extension::Pipelining.parameters(), ParameterForm::None);
    assert_eq!(Extension::Limits.reference(), "RFC 9422");
    assert_eq!(Extension::RequireTls.keyword(), "REQUIRETLS");
    // No registered keyword starts with X (RFC 5321 §2.2.2), and none repeats in any case.
    for (index, extension) in Extension::ALL.iter().enumerate() {
        assert!(!extension.keyword().starts_with(['X', 'x']));
        for other in &Extension::ALL[index + 1..] {
            assert!(!extension.keyword().eq_ignore_ascii_case(other.keyword()));
        }
    }
}

#[test]
fn keywords_are_looked_up_in_any_case_and_exactly() {
    for &extension in Extension::ALL {
        let keyword = extension.keyword();
        assert_eq!(Extension::from_keyword(keyword.as_bytes()), Some(extension));
        let lower = keyword.to_ascii_lowercase();
        assert_eq!(Extension::from_keyword(lower.as_bytes()), Some(extension));
        assert_eq!(lower.parse::<Extension>(), Ok(extension));
        // A prefix or an extension of a keyword is not that keyword.
        let longer = format!("{keyword}X");
        assert_eq!(Extension::from_keyword(longer.as_bytes()), None);
        let shorter = &keyword[..keyword.len() - 1];
        assert_ne!(Extension::from_keyword(shorter.as_bytes()), Some(extension));
    }
    assert_eq!(
        Extension::from_keyword(b"MT-Priority"),
        Some(Extension::MtPriority)
    );
    assert_eq!(Extension::from_keyword(b""), None);
    assert_eq!(Extension::from_keyword(b"VRFY"), None);
    assert_eq!(Extension::from_keyword(b"SIZE "), None);
    assert_eq!(Extension::from_keyword(b"\xffSIZE"), None);
    assert_eq!("XCLIENT".parse::<Extension>(), Err(ParseExtensionError));
}
