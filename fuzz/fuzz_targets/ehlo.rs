//! `Ehlo::parse` on arbitrary replies: no panic, and everything it hands out is a slice of the
//! reply, shaped as documented (see the assertions).
//!
//! Each input is tried twice: as it is (when it parses as a reply at all), and with every line
//! framed as a `250` reply line, so that most inputs reach the EHLO reader even without seeds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::{ehlo::MessageSize, ehlo::ParseEhloError, Ehlo, Extension, Reply};

fuzz_target!(|input: &[u8]| {
    if let Ok((reply, _)) = Reply::parse(input) {
        check(&reply);
    }
    let framed = frame(input);
    if let Ok((reply, _)) = Reply::parse(&framed) {
        check(&reply);
    }
});

/// Every line of `input` as a line of one `250` reply.
fn frame(input: &[u8]) -> Vec<u8> {
    let lines: Vec<&[u8]> = input.split(|&byte| byte == b'\n').take(600).collect();
    let mut framed = Vec::with_capacity(input.len() + 6 * lines.len());
    for (index, line) in lines.iter().enumerate() {
        framed.extend_from_slice(if index + 1 == lines.len() {
            b"250 "
        } else {
            b"250-"
        });
        framed.extend_from_slice(line);
        framed.extend_from_slice(b"\r\n");
    }
    framed
}

/// `part` lies inside `whole`.
fn inside(whole: &[u8], part: &[u8], what: &str) {
    let start = whole.as_ptr() as usize;
    let end = start + whole.len();
    let part_start = part.as_ptr() as usize;
    assert!(
        part_start >= start && part_start + part.len() <= end,
        "{what} is not inside the reply"
    );
}

fn check(reply: &Reply<'_>) {
    let ehlo = match Ehlo::parse(reply) {
        Ok(ehlo) => ehlo,
        Err(ParseEhloError::NotOk { code }) => {
            assert_ne!(code, 250);
            assert_eq!(code, reply.code());
            return;
        }
        Err(other) => panic!("undocumented error {other:?}"),
    };
    assert_eq!(reply.code(), 250);
    let bytes = reply.as_bytes();
    inside(bytes, ehlo.domain(), "the domain");
    inside(bytes, ehlo.greeting(), "the greeting");
    assert!(!ehlo.domain().iter().any(|&b| b == b' ' || b == b'\t'));

    let mut count = 0;
    for capability in ehlo.capabilities() {
        count += 1;
        inside(bytes, capability.line(), "a line");
        inside(capability.line(), capability.keyword(), "a keyword");
        inside(capability.line(), capability.parameter_text(), "parameters");
        assert!(!capability
            .keyword()
            .iter()
            .any(|&b| matches!(b, b' ' | b'\t' | b'=')));
        assert_eq!(
            capability.extension(),
            Extension::from_keyword(capability.keyword())
        );
        if let Some(extension) = capability.extension() {
            assert!(capability
                .keyword()
                .eq_ignore_ascii_case(extension.keyword().as_bytes()));
        }
        for word in capability.parameters() {
            inside(capability.parameter_text(), word, "a parameter");
            assert!(!word.is_empty());
            assert!(!word.iter().any(|&b| b == b' ' || b == b'\t'));
        }
    }
    assert_eq!(count + 1, reply.line_count());

    for mechanism in ehlo.auth_mechanisms() {
        inside(bytes, mechanism, "a mechanism");
    }
    if let Some(MessageSize::Maximum(octets)) = ehlo.size() {
        assert!(octets > 0, "SIZE 0 is no fixed maximum");
    }
    if let Some(limits) = ehlo.limits() {
        let _ = (
            limits.rcpt_max(),
            limits.mail_max(),
            limits.rcpt_domain_max(),
        );
        for limit in limits {
            inside(bytes, limit.name(), "a limit's name");
            inside(bytes, limit.value(), "a limit's value");
            let _ = (limit.known(), limit.number());
        }
    }
    for &extension in Extension::ALL {
        assert_eq!(
            ehlo.supports(extension),
            ehlo.capability(extension).is_some()
        );
    }
}
