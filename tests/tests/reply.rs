//! The reply parser's policy, point by point (see `Reply`'s docs).

use smtp_codes::{
    code::Category, reply::ParseReplyError, reply::MAX_REPLY_LEN, reply::MAX_REPLY_LINES, Class,
    Reply, ReplyCode,
};

fn parse(input: &[u8]) -> Result<(Reply<'_>, usize), ParseReplyError> {
    Reply::parse(input)
}

fn texts<'a>(reply: &Reply<'a>) -> Vec<&'a [u8]> {
    reply.lines().collect()
}

// 1. Lines end in CRLF; a bare LF is also a line end.
#[test]
fn crlf_and_bare_lf_end_lines() {
    let (reply, used) = parse(b"250-first\r\n250-second\n250 third\r\nNEXT").unwrap();
    assert_eq!(used, 33);
    assert_eq!(texts(&reply), [&b"first"[..], b"second", b"third"]);
    let (reply, used) = parse(b"250 OK\n").unwrap();
    assert_eq!((reply.code(), used), (250, 7));
    // A CR alone is text, not a line end.
    let (reply, _) = parse(b"250 a\rb\r\n").unwrap();
    assert_eq!(texts(&reply), [&b"a\rb"[..]]);
}

// 2. Three digits, then '-', a space or the end of the line.
#[test]
fn bare_codes_are_replies() {
    let (reply, used) = parse(b"334\r\n").unwrap();
    assert_eq!((reply.code(), used), (334, 5));
    assert_eq!(texts(&reply), [&b""[..]]);
    let (reply, _) = parse(b"334 \r\n").unwrap();
    assert_eq!(texts(&reply), [&b""[..]]);
    let (reply, _) = parse(b"250-first\r\n250\r\n").unwrap();
    assert_eq!(texts(&reply), [&b"first"[..], b""]);
}

/// The empty text of a bare code is a slice of the reply too (at its line's end), as every
/// other text is: a caller may take its offset in the input (found by the `ehlo` fuzz target).
#[test]
fn the_empty_text_of_a_bare_code_lies_inside_the_reply() {
    for input in [
        &b"250\r\n"[..],
        b"250\n",
        b"250-first\r\n250\r\n",
        b"250\r\nNEXT",
    ] {
        let (reply, used) = parse(input).unwrap();
        let whole = reply.as_bytes().as_ptr_range();
        for text in reply.lines() {
            let range = text.as_ptr_range();
            assert!(
                whole.start <= range.start && range.end <= whole.end,
                "{input:?}: {text:?} is outside the reply"
            );
        }
        let last = reply.lines().last().unwrap();
        let offset = last.as_ptr() as usize - input.as_ptr() as usize;
        assert!(
            offset < used,
            "{input:?}: the last text starts at {offset}, past the reply"
        );
    }
    let (reply, _) = parse(b"250\r\n").unwrap();
    let ehlo = smtp_codes::Ehlo::parse(&reply).unwrap();
    let whole = reply.as_bytes().as_ptr_range();
    assert!(whole.contains(&ehlo.domain().as_ptr()) || ehlo.domain().as_ptr() == whole.end);
}

#[test]
fn anything_else_after_the_code_is_an_error() {
    let cases: [(&[u8], ParseReplyError); 7] = [
        (
            b"250OK\r\n",
            ParseReplyError::InvalidSeparator {
                byte: b'O',
                offset: 3,
            },
        ),
        (
            b"2500 OK\r\n",
            ParseReplyError::InvalidSeparator {
                byte: b'0',
                offset: 3,
            },
        ),
        (
            b"250\tOK\r\n",
            ParseReplyError::InvalidSeparator {
                byte: b'\t',
                offset: 3,
            },
        ),
        (b" 250 OK\r\n", ParseReplyError::NotACode { offset: 0 }),
        (b"25 OK\r\n", ParseReplyError::NotACode { offset: 0 }),
        (b"\r\n", ParseReplyError::NotACode { offset: 0 }),
        (
            b"250-a\r\n250_b\r\n",
            ParseReplyError::InvalidSeparator {
                byte: b'_',
                offset: 10,
            },
        ),
    ];
    for (input, expected) in cases {
        assert_eq!(parse(input), Err(expected), "{:?}", input.escape_ascii());
    }
}

// 3. First digit 2-5; the others any digit.
#[test]
fn unknown_codes_are_accepted_by_their_first_digit() {
    let (reply, _) = parse(b"571 Message refused\r\n").unwrap();
    assert_eq!(reply.code(), 571);
    assert_eq!(reply.reply_code(), None);
    assert_eq!(reply.class(), Class::PermanentNegativeCompletion);
    assert_eq!(reply.category(), None);
    assert!(!reply.is_retryable());
    let (reply, _) = parse(b"499 Try later\r\n").unwrap();
    assert!(reply.is_retryable());
    assert_eq!(reply.category(), None);
    let (reply, _) = parse(b"421 Bye\r\n").unwrap();
    assert_eq!(reply.reply_code(), Some(ReplyCode::ServiceNotAvailable));
    assert_eq!(reply.category(), Some(Category::Connections));
}

#[test]
fn codes_outside_2yz_to_5yz_are_errors_that_carry_the_code() {
    for (input, code) in [
        (&b"099 x\r\n"[..], 99),
        (b"123 x\r\n", 123),
        (b"199 x\r\n", 199),
        (b"600 x\r\n", 600),
        (b"999\r\n", 999),
    ] {
        assert_eq!(
            parse(input),
            Err(ParseReplyError::CodeOutOfRange { code, offset: 0 })
        );
    }
    let error = parse(b"250-a\r\n099 b\r\n").unwrap_err();
    assert_eq!(
        error,
        ParseReplyError::CodeOutOfRange {
            code: 99,
            offset: 7
        }
    );
    assert_eq!(
        error.to_string(),
        "byte 7: reply code 099 out of range (the first digit must be 2 to 5)"
    );
}

// 4. Every line carries the same code.
#[test]
fn a_multiline_reply_has_one_code() {
    let error = parse(b"250-a\r\n250-b\r\n550 c\r\n").unwrap_err();
    assert_eq!(
        error,
        ParseReplyError::CodeMismatch {
            first: 250,
            found: 550,
            offset: 14
        }
    );
    assert_eq!(
        error.to_string(),
        "byte 14: line with code 550 in a reply that started with code 250"
    );
    assert_eq!(
        parse(b"250-a\r\nb\r\n"),
        Err(ParseReplyError::NotACode { offset: 7 })
    );
    assert_eq!(
        parse(b"250-a\r\n\r\n"),
        Err(ParseReplyError::NotACode { offset: 7 })
    );
}

// 5. Text is bytes.
#[test]
fn text_is_never_decoded() {
    // "您的邮件被拒绝" in GBK, and bytes that are no encoding at all.
    let input = b"550 \xc4\xfa\xb5\xc4\xd3\xca\xbc\xfe\xb1\xbb\xbe\xdc\xbe\xf8\r\n";
    let (reply, _) = parse(input).unwrap();
    assert_eq!(texts(&reply), [&input[4..input.len() - 2]]);
    let (reply, _) = parse(b"250 \xff\xfe\x00\x01\r\n").unwrap();
    assert_eq!(texts(&reply), [&b"\xff\xfe\x00\x01"[..]]);
}

// 6. Long lines are fine; a reply past the bounds is TooLong, even while incomplete.
#[test]
fn lines_of_512_octets_and_more_are_accepted() {
    for text_len in [506, 507, 1000, 4000] {
        let mut input = b"250 ".to_vec();
        input.resize(4 + text_len, b'x');
        input.extend_from_slice(b"\r\n");
        let (reply, used) = parse(&input).unwrap();
        assert_eq!(used, input.len());
        assert_eq!(reply.lines().next().unwrap().len(), text_len);
    }
}

#[test]
fn a_reply_longer_than_the_bound_is_too_long() {
    // Exactly at the bound: accepted.
    let mut input = b"250 ".to_vec();
    input.resize(MAX_REPLY_LEN - 2, b'x');
    input.extend_from_slice(b"\r\n");
    assert_eq!(parse(&input).unwrap().1, MAX_REPLY_LEN);
    // One byte more: refused, whether the reply is complete or not.
    input.insert(4, b'x');
    assert_eq!(
        parse(&input),
        Err(ParseReplyError::TooLong {
            limit: MAX_REPLY_LEN
        })
    );
    let mut endless = b"250 ".to_vec();
    endless.resize(MAX_REPLY_LEN + 1, b'x');
    assert_eq!(
        parse(&endless),
        Err(ParseReplyError::TooLong {
            limit: MAX_REPLY_LEN
        })
    );
    // Up to the bound, an unfinished reply that looks right so far is only incomplete.
    assert_eq!(
        parse(&endless[..MAX_REPLY_LEN]),
        Err(ParseReplyError::Incomplete)
    );
    let mut many_lines = b"250-x\r\n".repeat(MAX_REPLY_LEN / 7);
    many_lines.truncate(MAX_REPLY_LEN + 1);
    assert!(matches!(
        parse(&many_lines),
        Err(ParseReplyError::TooLong { .. } | ParseReplyError::TooManyLines { .. })
    ));
}

#[test]
fn a_reply_with_more_lines_than_the_bound_is_refused() {
    let mut input = b"250-x\r\n".repeat(MAX_REPLY_LINES - 1);
    input.extend_from_slice(b"250 x\r\n");
    assert_eq!(parse(&input).unwrap().0.line_count(), MAX_REPLY_LINES);
    // At the bound and unfinished: incomplete; one line past it: refused, finished or not.
    let mut input = b"250-x\r\n".repeat(MAX_REPLY_LINES);
    assert_eq!(parse(&input), Err(ParseReplyError::Incomplete));
    let mut unfinished = input.clone();
    unfinished.extend_from_slice(b"250-x\r\n");
    assert_eq!(
        parse(&unfinished),
        Err(ParseReplyError::TooManyLines {
            limit: MAX_REPLY_LINES
        })
    );
    input.extend_from_slice(b"250 x\r\n");
    assert_eq!(
        parse(&input),
        Err(ParseReplyError::TooManyLines {
            limit: MAX_REPLY_LINES
        })
    );
}

// 7. Incomplete input, at every cut point; completed later it parses the same.
#[test]
fn every_cut_of_a_multiline_reply_is_incomplete() {
    let whole: &[u8] = b"250-smtp.example.com at your service\r\n250-SIZE 35882577\r\n250-8BITMIME\n250 SMTPUTF8\r\n";
    let (reply, used) = parse(whole).unwrap();
    assert_eq!(used, whole.len());
    for cut in 0..whole.len() {
        assert_eq!(
            parse(&whole[..cut]),
            Err(ParseReplyError::Incomplete),
            "cut at {cut}"
        );
        let mut buffer = whole[..cut].to_vec();
        buffer.extend_from_slice(&whole[cut..]);
        assert_eq!(parse(&buffer).unwrap(), (reply, used));
    }
    assert!(ParseReplyError::Incomplete.is_incomplete());
}

#[test]
fn an_unfinished_line_fails_as_soon_as_it_shows_an_error() {
    // Not an SMTP server at all: refused at once, not after 64 KiB.
    assert_eq!(
        parse(b"HTTP/1.1 400 Bad Request"),
        Err(ParseReplyError::NotACode { offset: 0 })
    );
    assert_eq!(parse(b"25 "), Err(ParseReplyError::NotACode { offset: 0 }));
    assert_eq!(
        parse(b"600"),
        Err(ParseReplyError::CodeOutOfRange {
            code: 600,
            offset: 0
        })
    );
    assert_eq!(
        parse(b"250X"),
        Err(ParseReplyError::InvalidSeparator {
            byte: b'X',
            offset: 3
        })
    );
    assert_eq!(
        parse(b"250\rX"),
        Err(ParseReplyError::InvalidSeparator {
            byte: b'\r',
            offset: 3
        })
    );
    assert_eq!(
        parse(b"250-a\r\n251 b"),
        Err(ParseReplyError::CodeMismatch {
            first: 250,
            found: 251,
            offset: 7
        })
    );
    // Each unfinished input gives the error its finished line gives.
    for unfinished in [
        &b"HTTP/1.1 400 Bad Request"[..],
        b"25 ",
        b"600",
        b"250X",
        b"250\rX",
        b"250-a\r\n251 b",
    ] {
        let mut finished = unfinished.to_vec();
        finished.extend_from_slice(b"\r\n");
        assert_eq!(parse(unfinished), parse(&finished).map(|_| unreachable!()));
    }
    // What can still become a reply is only incomplete.
    for unfinished in [
        &b""[..],
        b"2",
        b"25",
        b"250",
        b"250\r",
        b"250-",
        b"250 text",
        b"250-a\r\n25",
    ] {
        assert_eq!(
            parse(unfinished),
            Err(ParseReplyError::Incomplete),
            "{unfinished:?}"
        );
    }
}

#[test]
fn pipelined_replies_parse_one_after_another() {
    let input = b"250 2.1.0 Sender OK\r\n550 5.1.1 No such user\r\n354 Go ahead\r\n";
    let mut rest = &input[..];
    let mut codes = Vec::new();
    while !rest.is_empty() {
        let (reply, used) = parse(rest).unwrap();
        codes.push(reply.code());
        rest = &rest[used..];
    }
    assert_eq!(codes, [250, 550, 354]);
}

#[test]
fn the_enhanced_code_is_only_at_the_start_of_the_first_line() {
    let enhanced = |input: &[u8]| {
        parse(input)
            .unwrap()
            .0
            .enhanced()
            .map(|code| code.to_string())
    };
    assert_eq!(
        enhanced(b"550 5.1.1 User unknown\r\n").as_deref(),
        Some("5.1.1")
    );
    assert_eq!(enhanced(b"550 5.1.1\r\n").as_deref(), Some("5.1.1"));
    assert_eq!(
        enhanced(b"550-5.7.606 Access denied\r\n550 5.7.606 see docs\r\n").as_deref(),
        Some("5.7.606")
    );
    assert_eq!(
        enhanced(b"451 4.7.650 Throttled\r\n").as_deref(),
        Some("4.7.650")
    );
    for input in [
        &b"550 Denied (#5.7.1)\r\n"[..],
        b"550 #5.7.1 Denied\r\n",
        b"550 5.0.0: Denied\r\n",
        b"550 Mailbox 5.1.1 unknown\r\n",
        b"550 5.1.1.\r\n",
        b"550 5.1.1000 x\r\n",
        b"550 6.1.1 x\r\n",
        b"550  5.1.1 x\r\n",
        b"550-Denied\r\n550 5.1.1 x\r\n",
        b"550 5.1\r\n",
        b"550 5.01.1 x\r\n",
    ] {
        assert_eq!(enhanced(input), None, "{:?}", input.escape_ascii());
    }
    // Parts keep their exact value: no clamping to 255.
    let code = parse(b"550 5.7.606 x\r\n").unwrap().0.enhanced().unwrap();
    assert_eq!((code.subject(), code.detail()), (7, 606));
}
