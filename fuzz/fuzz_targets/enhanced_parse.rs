//! `EnhancedCode::parse` on arbitrary bytes: a success is `class.subject.detail` in range, written
//! exactly as the code prints (no leading zeros, RFC 3463 §2), and parses back to the same code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::EnhancedCode;

fuzz_target!(|input: &[u8]| {
    let parsed = EnhancedCode::parse(input);
    // `FromStr` is the same parser.
    if let Ok(text) = std::str::from_utf8(input) {
        assert_eq!(text.parse::<EnhancedCode>(), parsed);
    }
    match parsed {
        Ok(code) => {
            assert!(matches!(code.class().digit(), 2 | 4 | 5));
            assert!(code.subject() <= 999 && code.detail() <= 999);
            assert_eq!(
                EnhancedCode::new(code.class().digit(), code.subject(), code.detail()),
                Some(code)
            );
            let text = code.to_string();
            assert_eq!(EnhancedCode::parse(text.as_bytes()), Ok(code));
            // Leading zeros are refused, so the input is exactly the printed code.
            assert_eq!(text.as_bytes(), input);
            let _ = (
                code.status(),
                code.subject_kind(),
                code.class().reply_class(),
            );
        }
        Err(error) => {
            let _ = error.to_string();
        }
    }
    if has_leading_zero(input) {
        assert!(parsed.is_err(), "{input:?} has a leading zero");
    }
});

/// Whether a part after a dot has a leading zero (`5.01.1`; `5.0.1` has none).
fn has_leading_zero(input: &[u8]) -> bool {
    input
        .split(|&byte| byte == b'.')
        .skip(1)
        .any(|part| part.len() > 1 && part[0] == b'0')
}
