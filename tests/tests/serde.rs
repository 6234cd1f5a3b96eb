//! The `serde` feature, through `serde_json`.

use serde_json::{from_str, json, to_value};
use smtp_codes::{Category, Class, EnhancedClass, EnhancedCode, EnhancedStatus, ReplyCode};

#[test]
fn reply_codes_are_numbers() {
    assert_eq!(to_value(ReplyCode::MailboxUnavailable).unwrap(), json!(550));
    for code in ReplyCode::ALL {
        let text = serde_json::to_string(code).unwrap();
        assert_eq!(from_str::<ReplyCode>(&text).unwrap(), *code);
    }
    let error = from_str::<ReplyCode>("571").unwrap_err().to_string();
    assert!(error.contains("unknown SMTP reply code 571"), "{error}");
    assert!(from_str::<ReplyCode>("\"550\"").is_err());
    assert!(from_str::<ReplyCode>("70000").is_err());
}

#[test]
fn enhanced_codes_are_strings() {
    let code = EnhancedCode::new(5, 7, 606).unwrap();
    assert_eq!(to_value(code).unwrap(), json!("5.7.606"));
    assert_eq!(from_str::<EnhancedCode>("\"5.7.606\"").unwrap(), code);
    let error = from_str::<EnhancedCode>("\"6.0.0\"")
        .unwrap_err()
        .to_string();
    assert!(error.contains("\"6.0.0\""), "{error}");
    assert!(from_str::<EnhancedCode>("511").is_err());
}

#[test]
fn enhanced_statuses_are_registry_codes() {
    assert_eq!(
        to_value(EnhancedStatus::BadDestinationMailboxAddress).unwrap(),
        json!("X.1.1")
    );
    for status in EnhancedStatus::ALL {
        let text = serde_json::to_string(status).unwrap();
        assert_eq!(from_str::<EnhancedStatus>(&text).unwrap(), *status);
    }
    let error = from_str::<EnhancedStatus>("\"X.7.606\"")
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("X.7.606 is not in the enhanced status code registry"),
        "{error}"
    );
    for bad in ["\"5.1.1\"", "\"X.1\"", "\"X.1.1.1\"", "\"X.1234.1\"", "11"] {
        assert!(from_str::<EnhancedStatus>(bad).is_err(), "{bad}");
    }
}

#[test]
fn classes_and_categories_are_digits() {
    assert_eq!(
        to_value(Class::TransientNegativeCompletion).unwrap(),
        json!(4)
    );
    assert_eq!(to_value(Category::MailSystem).unwrap(), json!(5));
    assert_eq!(to_value(EnhancedClass::PermanentFailure).unwrap(), json!(5));
    assert_eq!(from_str::<Class>("2").unwrap(), Class::PositiveCompletion);
    assert_eq!(from_str::<Category>("0").unwrap(), Category::Syntax);
    assert_eq!(
        from_str::<EnhancedClass>("4").unwrap(),
        EnhancedClass::PersistentTransientFailure
    );
    assert!(from_str::<Class>("6").is_err());
    assert!(from_str::<Category>("6").is_err());
    assert!(from_str::<EnhancedClass>("3").is_err());
}
