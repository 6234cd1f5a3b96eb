//! The real-reply corpus (`data/replies.txt`): every reply parses to what its source says.

use smtp_codes::{reply::ParseReplyError, Reply};
use smtp_codes_tests::corpus;

#[test]
fn the_corpus_is_large_and_varied() {
    let cases = corpus();
    assert!(cases.len() >= 80, "{} cases", cases.len());
    for prefix in [
        "gmail-",
        "m365-",
        "yahoo-",
        "postfix-",
        "exim-",
        "sendmail-",
        "qmail-",
        "postgrey-",
    ] {
        assert!(
            cases.iter().any(|case| case.name.starts_with(prefix)),
            "no {prefix} case"
        );
    }
    assert!(cases
        .iter()
        .any(|case| std::str::from_utf8(&case.wire).is_err()));
    assert!(cases.iter().any(|case| case.lines >= 3));
    let mut names: Vec<&str> = cases.iter().map(|case| case.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), cases.len(), "case names are unique");
}

#[test]
fn every_reply_parses_as_its_source_says() {
    for case in corpus() {
        let result = Reply::parse(&case.wire);
        if !(200..=599).contains(&case.code) {
            // Outside what RFC 5321 §4.2.1 allows a server to send: an error carrying the code.
            assert_eq!(
                result,
                Err(ParseReplyError::CodeOutOfRange {
                    code: case.code,
                    offset: 0
                }),
                "{}",
                case.name
            );
            continue;
        }
        let (reply, used) = result.unwrap_or_else(|err| panic!("{}: {err}", case.name));
        assert_eq!(used, case.wire.len(), "{}", case.name);
        assert_eq!(reply.code(), case.code, "{}", case.name);
        assert_eq!(reply.line_count(), case.lines, "{}", case.name);
        assert_eq!(reply.lines().count(), case.lines, "{}", case.name);
        assert_eq!(
            reply.enhanced().map(|code| code.to_string()),
            case.enhanced,
            "{}",
            case.name
        );
        // Each line's text is the wire line after the code and its separator, as sent.
        for (text, wire_line) in reply.lines().zip(case.wire.split(|&b| b == b'\n')) {
            let wire_line = wire_line.strip_suffix(b"\r").unwrap();
            assert_eq!(
                text,
                wire_line.get(4..).unwrap_or_default(),
                "{}",
                case.name
            );
        }
    }
}

#[test]
fn the_corpus_parses_as_one_pipelined_stream() {
    let cases = corpus();
    let stream = smtp_codes_tests::pipelined(&cases);
    let mut rest = &stream[..];
    let mut count = 0;
    while !rest.is_empty() {
        let (reply, used) = Reply::parse(rest).unwrap();
        assert_eq!(reply.as_bytes(), &rest[..used]);
        rest = &rest[used..];
        count += 1;
    }
    let parsable = cases
        .iter()
        .filter(|case| (200..=599).contains(&case.code))
        .count();
    assert_eq!(count, parsable);
}
