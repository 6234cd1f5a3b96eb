//! `Reply::parse` on arbitrary bytes: no panic, and every success or `Incomplete` is consistent
//! with the input (see the assertions).
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::{
    reply::ParseReplyError, reply::MAX_REPLY_LEN, reply::MAX_REPLY_LINES, Command, EnhancedCode,
    Reply,
};

fuzz_target!(|input: &[u8]| {
    let parsed = Reply::parse(input);
    check_prefixes(input, parsed);
    match parsed {
        Ok((reply, used)) => check_reply(input, reply, used),
        Err(ParseReplyError::Incomplete) => {
            assert!(input.len() <= MAX_REPLY_LEN, "Incomplete past the limit");
            // No LF at all, or every line so far a valid continuation line.
        }
        Err(error) => {
            // Formatting and offset never panic; an offset points into the input.
            let _ = error.to_string();
            if let Some(offset) = error.offset() {
                assert!(offset < input.len(), "{error:?} outside the input");
            }
        }
    }
});

/// More bytes never change a decision: a prefix of the input is `Incomplete`, or it parses to
/// what the whole input parses to (the same reply, or the same error found early).
fn check_prefixes(input: &[u8], parsed: Result<(Reply<'_>, usize), ParseReplyError>) {
    let line_ends = input
        .iter()
        .enumerate()
        .filter(|&(_, &byte)| byte == b'\n')
        .flat_map(|(index, _)| [index, index + 1])
        .take(16);
    let len = input.len();
    for k in [
        1,
        2,
        3,
        4,
        len / 4,
        len / 2,
        len - len / 4,
        len.saturating_sub(1),
    ]
    .into_iter()
    .chain(line_ends)
    {
        if k >= len {
            continue;
        }
        let prefix = Reply::parse(&input[..k]);
        if prefix != Err(ParseReplyError::Incomplete) {
            assert_eq!(
                prefix, parsed,
                "the first {k} bytes decide otherwise than all {len}"
            );
        }
    }
}

fn check_reply(input: &[u8], reply: Reply<'_>, used: usize) {
    assert!(used > 0 && used <= input.len(), "used = {used}");
    assert!(used <= MAX_REPLY_LEN, "used = {used}");
    assert_eq!(reply.as_bytes(), &input[..used]);
    assert_eq!(
        input[used - 1],
        b'\n',
        "a reply ends with its last line's LF"
    );
    assert!((200..=599).contains(&reply.code()), "code {}", reply.code());
    let lines = reply.line_count();
    assert!((1..=MAX_REPLY_LINES).contains(&lines), "{lines} lines");
    assert_eq!(reply.lines().count(), lines);
    // Every line starts with the same three digits.
    let code = reply.code().to_string();
    for line in reply.as_bytes().split_inclusive(|&byte| byte == b'\n') {
        assert!(
            line.starts_with(code.as_bytes()),
            "{line:?} in a {code} reply"
        );
    }

    // The reply alone parses to the same reply.
    assert_eq!(Reply::parse(&input[..used]), Ok((reply, used)));

    // A strict prefix of a reply is incomplete: its last line is not there yet.
    let line_ends = reply
        .as_bytes()
        .iter()
        .enumerate()
        .filter(|&(_, &byte)| byte == b'\n')
        .map(|(index, _)| index + 1)
        .filter(|&end| end < used);
    for k in [0, 1, 3, 4, used / 2, used - 1]
        .into_iter()
        .chain(line_ends)
    {
        if k < used {
            assert_eq!(
                Reply::parse(&input[..k]),
                Err(ParseReplyError::Incomplete),
                "prefix of {k} bytes of a {used}-byte reply"
            );
        }
    }

    // Accessors never panic; an enhanced code prints back to itself.
    let _ = (reply.reply_code(), reply.class(), reply.category());
    let _ = reply.is_retryable();
    for &command in Command::ALL {
        let _ = reply.outcome(command);
    }
    if let Some(enhanced) = reply.enhanced() {
        let text = enhanced.to_string();
        assert_eq!(EnhancedCode::parse(text.as_bytes()), Ok(enhanced));
        assert!(enhanced.subject() <= 999 && enhanced.detail() <= 999);
        let _ = (enhanced.status(), enhanced.subject_kind());
    }
}
