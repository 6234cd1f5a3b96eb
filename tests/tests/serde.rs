//! The `serde` feature, through `serde_json`.

use serde_json::{from_str, json, to_value};
use smtp_codes::{
    advice::Decision, code::Category, enhanced::EnhancedClass, enhanced::Subject, AnyReplyCode,
    Class, Command, EnhancedCode, EnhancedStatus, Outcome, ReplyCode,
};

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

// a record with an unknown code (571) no longer fails whole.
#[test]
fn any_reply_code_keeps_unknown_codes_as_numbers() {
    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Bounce {
        recipient: String,
        code: AnyReplyCode,
    }
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Strict {
        code: ReplyCode,
    }
    let text =
        r#"[{"recipient":"a@example.com","code":550},{"recipient":"b@example.com","code":571}]"#;
    let bounces: Vec<Bounce> = from_str(text).unwrap();
    assert_eq!(bounces[0].code.known(), Some(ReplyCode::MailboxUnavailable));
    assert_eq!(bounces[1].code.as_u16(), 571);
    assert_eq!(bounces[1].code.known(), None);
    assert_eq!(serde_json::to_string(&bounces).unwrap(), text);
    // The same record with `ReplyCode` fails on 571, which is why `AnyReplyCode` is there.
    assert!(from_str::<Strict>(r#"{"code":571}"#).is_err());
    // Every code the parser accepts round-trips; none other is taken.
    for code in 0..=1000u16 {
        let parsed = from_str::<AnyReplyCode>(&code.to_string());
        if (200..=599).contains(&code) {
            let parsed = parsed.unwrap();
            assert_eq!(parsed.as_u16(), code);
            assert_eq!(to_value(parsed).unwrap(), json!(code));
        } else {
            let error = parsed.unwrap_err().to_string();
            assert!(
                error.contains(&format!("{code} is not an SMTP reply code")),
                "{error}"
            );
        }
    }
    assert!(from_str::<AnyReplyCode>("\"571\"").is_err());
}

#[test]
fn commands_are_their_names() {
    assert_eq!(to_value(Command::Rcpt).unwrap(), json!("RCPT"));
    assert_eq!(to_value(Command::EndOfData).unwrap(), json!("end-of-data"));
    assert_eq!(to_value(Command::Greeting).unwrap(), json!("greeting"));
    for command in Command::ALL {
        let text = serde_json::to_string(command).unwrap();
        assert_eq!(from_str::<Command>(&text).unwrap(), *command);
    }
    assert_eq!(from_str::<Command>("\"rcpt\"").unwrap(), Command::Rcpt);
    let error = from_str::<Command>("\"RCPT TO\"").unwrap_err().to_string();
    assert!(
        error.contains("RCPT TO") && error.contains("SMTP command"),
        "{error}"
    );
    assert!(from_str::<Command>("5").is_err());
}

#[test]
fn decisions_are_their_names() {
    let expected = ["success", "continue", "retry-later", "fail-permanently"];
    for (decision, name) in Decision::ALL.iter().zip(expected) {
        assert_eq!(to_value(decision).unwrap(), json!(name));
        assert_eq!(
            from_str::<Decision>(&format!("\"{name}\"")).unwrap(),
            *decision
        );
    }
    let error = from_str::<Decision>("\"RetryLater\"")
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("RetryLater") && error.contains("retry-later"),
        "{error}"
    );
}

#[test]
fn outcomes_are_decision_and_closing() {
    let outcome = ReplyCode::ServiceNotAvailable.outcome(Command::Rcpt);
    assert_eq!(
        to_value(outcome).unwrap(),
        json!({"decision": "retry-later", "closing": true})
    );
    for code in 200..=599 {
        for &command in Command::ALL {
            let outcome = Outcome::of(code, command).unwrap();
            let text = serde_json::to_string(&outcome).unwrap();
            assert_eq!(from_str::<Outcome>(&text).unwrap(), outcome);
        }
    }
    // Fields in any order; the sequence form too.
    assert_eq!(
        from_str::<Outcome>(r#"{"closing": false, "decision": "success"}"#).unwrap(),
        ReplyCode::Completed.outcome(Command::Mail)
    );
    assert_eq!(
        from_str::<Outcome>(r#"["fail-permanently", false]"#).unwrap(),
        ReplyCode::MailboxUnavailable.outcome(Command::Rcpt)
    );
    for (bad, said) in [
        (r#"{"decision": "success"}"#, "missing field `closing`"),
        (r#"{"closing": true}"#, "missing field `decision`"),
        (
            r#"{"decision": "success", "closing": true, "why": 1}"#,
            "unknown field `why`",
        ),
        (
            r#"{"decision": "success", "decision": "success", "closing": true}"#,
            "duplicate field `decision`",
        ),
        (r#"{"decision": "later", "closing": true}"#, "later"),
    ] {
        let error = from_str::<Outcome>(bad).unwrap_err().to_string();
        assert!(error.contains(said), "{bad}: {error}");
    }
}

#[test]
fn subjects_are_numbers() {
    assert_eq!(to_value(Subject::Policy).unwrap(), json!(7));
    for number in 0..=7u16 {
        let subject = from_str::<Subject>(&number.to_string()).unwrap();
        assert_eq!(subject.number(), number);
        assert_eq!(to_value(subject).unwrap(), json!(number));
    }
    let error = from_str::<Subject>("8").unwrap_err().to_string();
    assert!(error.contains("0 to 7"), "{error}");
}
