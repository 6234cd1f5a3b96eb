//! `Diagnosis::of` on arbitrary bytes: no panic; the same input gives the same answer; passing
//! what the text shows (its reply code, status and command) as arguments changes nothing; a hard
//! verdict only for a hard reason; evidence that names the reason it gives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::{diagnosis::Evidence, Command, Diagnosis, Reason};

fuzz_target!(|text: &[u8]| {
    let bare = Diagnosis::of(None, None, text, None);
    assert_eq!(bare, Diagnosis::of(None, None, text, None));
    let given = Diagnosis::of(bare.reply_code(), bare.status(), text, bare.command());
    assert_eq!(given, bare);
    assert!(!bare.is_hard() || bare.reason().is_hard());
    match bare.evidence() {
        Evidence::Status(rule) => {
            assert!(rule.is_status_first());
            assert_eq!(rule.reason(), bare.reason());
        }
        Evidence::StatusWithoutPhrase(rule) => assert_eq!(rule.reason(), bare.reason()),
        Evidence::Phrase(phrase) => {
            assert_eq!(phrase.reason(), bare.reason());
            assert!(phrase.applies_to(bare.command()));
            let folded: Vec<u8> = text.to_ascii_lowercase();
            let needle = phrase.text().to_ascii_lowercase();
            assert!(folded.windows(needle.len()).any(|w| w == needle.as_bytes()));
        }
        Evidence::Command(command) => assert_eq!(Some(command), bare.command()),
        Evidence::Class(_) => assert_eq!(bare.reason(), Reason::Undefined),
        _ => {}
    }
    // Every command as an argument: no panic, and still deterministic.
    for &command in Command::ALL {
        let once = Diagnosis::of(Some(550), None, text, Some(command));
        assert_eq!(once, Diagnosis::of(Some(550), None, text, Some(command)));
    }
});
