//! `ReplyCode::from_str` on arbitrary UTF-8: a success is exactly the three digits of the code.
#![no_main]

use std::str::FromStr;

use libfuzzer_sys::fuzz_target;
use smtp_codes::{code::ParseReplyCodeError, ReplyCode};

fuzz_target!(|input: &[u8]| {
    let Ok(text) = std::str::from_utf8(input) else {
        return;
    };
    let three_digits = text.len() == 3 && text.bytes().all(|byte| byte.is_ascii_digit());
    match ReplyCode::from_str(text) {
        Ok(code) => {
            assert!(three_digits, "{text:?} accepted");
            assert_eq!(code.as_str(), text);
            assert_eq!(code.as_u16().to_string(), text);
            assert_eq!(ReplyCode::from_u16(code.as_u16()), Some(code));
            assert!(ReplyCode::ALL.contains(&code));
            let _ = (
                code.meaning(),
                code.reference(),
                code.class(),
                code.category(),
            );
            let _ = code.to_string();
        }
        Err(ParseReplyCodeError::Unknown(number)) => {
            assert!(three_digits, "{text:?} read as {number}");
            assert_eq!(format!("{number:03}"), text);
            assert_eq!(ReplyCode::from_u16(number), None);
        }
        Err(ParseReplyCodeError::NotThreeDigits) => assert!(!three_digits, "{text:?} refused"),
        Err(error) => panic!("unexpected error {error:?}"),
    }
});
