//! Enhanced status codes, and `EnhancedStatus` against `enhanced-codes.csv` read independently.

use std::path::Path;

use smtp_codes::{
    enhanced::EnhancedClass, enhanced::ParseEnhancedCodeError, enhanced::Subject, EnhancedCode,
    EnhancedStatus,
};

fn workspace_file(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(name)
}

#[test]
fn every_registry_row_is_a_variant_with_its_data() {
    let mut reader = csv::Reader::from_path(workspace_file("enhanced-codes.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let mut rows: Vec<(u16, u16, String, String, Vec<u16>, String)> = reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            (
                record[column("subject")].parse().unwrap(),
                record[column("detail")].parse().unwrap(),
                record[column("name")].to_owned(),
                record[column("title")].to_owned(),
                record[column("basic_codes")]
                    .split_whitespace()
                    .map(|code| code.parse().unwrap())
                    .collect(),
                record[column("reference")].to_owned(),
            )
        })
        .collect();
    rows.sort_by_key(|row| (row.0, row.1));
    assert_eq!(EnhancedStatus::ALL.len(), rows.len());
    for (status, (subject, detail, name, title, basic, reference)) in
        EnhancedStatus::ALL.iter().zip(&rows)
    {
        assert_eq!((status.subject(), status.detail()), (*subject, *detail));
        assert_eq!(format!("{status:?}"), *name);
        assert_eq!(status.title(), title);
        assert_eq!(status.basic_codes(), basic.as_slice());
        assert_eq!(status.reference(), reference);
        assert_eq!(EnhancedStatus::from_parts(*subject, *detail), Some(*status));
        assert_eq!(status.to_string(), format!("X.{subject}.{detail} {title}"));
    }
}

#[test]
fn the_registry_covers_x_0_0_through_x_7_30() {
    for (subject, last_detail) in [
        (0, 0),
        (1, 10),
        (2, 4),
        (3, 6),
        (4, 7),
        (5, 6),
        (6, 10),
        (7, 30),
    ] {
        for detail in 0..=last_detail {
            assert!(
                EnhancedStatus::from_parts(subject, detail).is_some(),
                "X.{subject}.{detail}"
            );
        }
        assert_eq!(EnhancedStatus::from_parts(subject, last_detail + 1), None);
    }
    assert_eq!(EnhancedStatus::from_parts(8, 0), None);
    assert_eq!(
        EnhancedStatus::from_parts(7, 1).unwrap().title(),
        "Delivery not authorized, message refused"
    );
    assert_eq!(
        EnhancedStatus::from_parts(2, 2),
        Some(EnhancedStatus::MailboxFull)
    );
    for status in EnhancedStatus::ALL {
        assert_eq!(
            status.subject_kind().map(Subject::number),
            Some(status.subject())
        );
    }
}

#[test]
fn enhanced_codes_parse_exactly() {
    let code = EnhancedCode::parse(b"5.1.1").unwrap();
    assert_eq!(code.class(), EnhancedClass::PermanentFailure);
    assert_eq!(
        code.status(),
        Some(EnhancedStatus::BadDestinationMailboxAddress)
    );
    assert_eq!(code.subject_kind(), Some(Subject::Addressing));
    let code = EnhancedCode::parse(b"4.7.650").unwrap();
    assert_eq!((code.subject(), code.detail()), (7, 650));
    assert_eq!(code.status(), None);
    assert_eq!(code.to_string(), "4.7.650");
    assert_eq!(
        "2.0.0".parse::<EnhancedCode>(),
        EnhancedCode::parse(b"2.0.0")
    );
    // One zero is a part; no part has a leading zero (RFC 3463 §2).
    assert_eq!(EnhancedCode::parse(b"5.0.0").unwrap().to_string(), "5.0.0");
    assert_eq!(
        EnhancedCode::parse(b"4.10.100").unwrap().to_string(),
        "4.10.100"
    );
    let code = EnhancedCode::parse(b"5.999.999").unwrap();
    assert_eq!(code.subject_kind(), None);

    let rejected: [(&[u8], ParseEnhancedCodeError); 15] = [
        (b"", ParseEnhancedCodeError::Malformed),
        (b"5", ParseEnhancedCodeError::Malformed),
        (b"5.", ParseEnhancedCodeError::Malformed),
        (b"5.1", ParseEnhancedCodeError::Malformed),
        (b"5.1.", ParseEnhancedCodeError::Malformed),
        (b".1.1", ParseEnhancedCodeError::Malformed),
        (b"55.1.1", ParseEnhancedCodeError::Malformed),
        (b"5.1.1 ", ParseEnhancedCodeError::Malformed),
        (b"5.1.1.1", ParseEnhancedCodeError::Malformed),
        (b"3.1.1", ParseEnhancedCodeError::InvalidClass),
        (b"5.1000.1", ParseEnhancedCodeError::PartTooLong),
        (b"5.1.1000", ParseEnhancedCodeError::PartTooLong),
        (b"5.01.1", ParseEnhancedCodeError::LeadingZero),
        (b"5.1.01", ParseEnhancedCodeError::LeadingZero),
        (b"5.00.0", ParseEnhancedCodeError::LeadingZero),
    ];
    for (input, error) in rejected {
        assert_eq!(
            EnhancedCode::parse(input),
            Err(error),
            "{:?}",
            input.escape_ascii()
        );
    }
}

#[test]
fn new_checks_its_parts() {
    assert_eq!(EnhancedCode::new(2, 0, 0).unwrap().to_string(), "2.0.0");
    assert_eq!(
        EnhancedCode::new(5, 999, 999).unwrap().to_string(),
        "5.999.999"
    );
    for class in [0, 1, 3, 6, 9, 255] {
        assert_eq!(EnhancedCode::new(class, 0, 0), None);
    }
    assert_eq!(EnhancedCode::new(5, 1000, 0), None);
    assert_eq!(EnhancedCode::new(5, 0, 1000), None);
}

#[test]
fn enhanced_codes_order_by_class_subject_detail() {
    let mut codes: Vec<EnhancedCode> = ["5.7.1", "2.0.0", "4.7.650", "5.1.1", "4.2.2"]
        .iter()
        .map(|text| text.parse().unwrap())
        .collect();
    codes.sort();
    let shown: Vec<String> = codes.iter().map(ToString::to_string).collect();
    assert_eq!(shown, ["2.0.0", "4.2.2", "4.7.650", "5.1.1", "5.7.1"]);
}

#[test]
fn the_runtime_crate_ships_the_same_registry() {
    let root = std::fs::read(workspace_file("enhanced-codes.csv")).unwrap();
    let shipped = std::fs::read(workspace_file("smtp-codes/enhanced-codes.csv")).unwrap();
    assert_eq!(root, shipped);
}
