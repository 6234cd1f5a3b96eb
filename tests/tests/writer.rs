//! The reply writer: what it writes, what it refuses, and that parsing gives the reply back.

use smtp_codes::{
    reply::write_reply_io, reply::WriteReplyError, reply::MAX_REPLY_LEN, reply::MAX_REPLY_LINES,
    reply::MAX_REPLY_LINE_LEN, write_reply, EnhancedCode, Reply, ReplyCode,
};

fn written(
    code: u16,
    enhanced: Option<EnhancedCode>,
    text: &[&str],
) -> Result<String, WriteReplyError> {
    let mut out = String::new();
    let result = write_reply(&mut out, code, enhanced, text);
    if result.is_err() {
        assert!(out.is_empty(), "a refused reply wrote {out:?}");
    }
    result.map(|()| out)
}

#[test]
fn writes_continuation_lines_and_repeats_the_enhanced_code() {
    let enhanced = EnhancedCode::new(5, 7, 1);
    assert_eq!(
        written(
            550,
            enhanced,
            &["Delivery not authorized", "See the policy", "Bye"]
        )
        .unwrap(),
        "550-5.7.1 Delivery not authorized\r\n550-5.7.1 See the policy\r\n550 5.7.1 Bye\r\n"
    );
    assert_eq!(written(250, None, &["OK"]).unwrap(), "250 OK\r\n");
    // No text: the bare code (RFC 5321 §4.2: `Reply-code [ SP textstring ] CRLF`).
    assert_eq!(written(334, None, &[]).unwrap(), "334\r\n");
    // The enhanced code is always followed by a space (RFC 2034 §4), even before empty text.
    assert_eq!(
        written(250, EnhancedCode::new(2, 0, 0), &[]).unwrap(),
        "250 2.0.0 \r\n"
    );
    assert_eq!(
        written(250, EnhancedCode::new(2, 0, 0), &["", "x"]).unwrap(),
        "250-2.0.0 \r\n250 2.0.0 x\r\n"
    );
    // HT is text.
    assert_eq!(written(250, None, &["a\tb"]).unwrap(), "250 a\tb\r\n");
    // Any encoding of text that is not CR, LF or NUL is written as given.
    assert_eq!(
        written(550, None, &["boîte pleine"]).unwrap(),
        "550 boîte pleine\r\n"
    );
}

#[test]
fn refuses_reply_injection() {
    for (text, byte) in [("OK\r\n250 forged", b'\r'), ("a\nb", b'\n'), ("nul\0", 0)] {
        assert_eq!(
            written(250, None, &["fine", text]),
            Err(WriteReplyError::UnsafeText { line: 1, byte })
        );
    }
}

#[test]
fn refuses_other_control_characters() {
    for byte in [0x01u8, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f] {
        let text = format!("bell{}", char::from(byte));
        assert_eq!(
            written(250, None, &[&text]),
            Err(WriteReplyError::UnsafeText { line: 0, byte }),
            "{byte:#04x}"
        );
    }
}

#[test]
fn refuses_replies_the_parser_would_refuse() {
    let line = "x".repeat(100);
    let lines: Vec<&str> = vec![line.as_str(); MAX_REPLY_LINES];
    let out = written(250, None, &lines).unwrap();
    let (reply, used) = Reply::parse(out.as_bytes()).unwrap();
    assert_eq!((reply.line_count(), used), (MAX_REPLY_LINES, out.len()));

    let lines: Vec<&str> = vec!["x"; MAX_REPLY_LINES + 1];
    assert_eq!(
        written(250, None, &lines),
        Err(WriteReplyError::TooManyLines {
            count: MAX_REPLY_LINES + 1
        })
    );
    // 200 lines of 500 octets: each line is fine, the reply is longer than 64 KiB.
    let line = "x".repeat(500);
    let lines: Vec<&str> = vec![line.as_str(); 200];
    let len = 200 * (4 + 500 + 2);
    assert!(len > MAX_REPLY_LEN);
    assert_eq!(
        written(250, None, &lines),
        Err(WriteReplyError::TooLong { len })
    );
    // Exactly at the bound is written, and parses.
    let line = "x".repeat(MAX_REPLY_LEN / 128 - 6);
    let lines: Vec<&str> = vec![line.as_str(); 128];
    let out = written(250, None, &lines).unwrap();
    assert_eq!(out.len(), MAX_REPLY_LEN);
    assert_eq!(Reply::parse(out.as_bytes()).unwrap().1, MAX_REPLY_LEN);
}

#[test]
fn refuses_lines_over_512_octets() {
    // "250 " + text + CRLF: 506 octets of text make exactly 512.
    let longest = "x".repeat(MAX_REPLY_LINE_LEN - 6);
    assert!(written(250, None, &[&longest]).is_ok());
    let too_long = "x".repeat(MAX_REPLY_LINE_LEN - 5);
    assert_eq!(
        written(250, None, &["ok", &too_long]),
        Err(WriteReplyError::LineTooLong { line: 1, len: 513 })
    );
    // The enhanced code counts: "550 5.7.606 " is 12 octets.
    let text = "x".repeat(MAX_REPLY_LINE_LEN - 14);
    assert!(written(550, EnhancedCode::new(5, 7, 606), &[&text]).is_ok());
    let text = "x".repeat(MAX_REPLY_LINE_LEN - 13);
    assert_eq!(
        written(550, EnhancedCode::new(5, 7, 606), &[&text]),
        Err(WriteReplyError::LineTooLong { line: 0, len: 513 })
    );
}

#[test]
fn refuses_codes_and_enhanced_codes_that_disagree() {
    let enhanced = EnhancedCode::new(5, 0, 0).unwrap();
    assert_eq!(
        written(250, Some(enhanced), &["OK"]),
        Err(WriteReplyError::EnhancedClassMismatch {
            code: 250,
            enhanced
        })
    );
    assert_eq!(
        written(354, EnhancedCode::new(2, 0, 0), &["go"]),
        Err(WriteReplyError::EnhancedClassMismatch {
            code: 354,
            enhanced: EnhancedCode::new(2, 0, 0).unwrap()
        })
    );
    for code in [0, 99, 123, 199, 600, 1000] {
        assert_eq!(
            written(code, None, &["x"]),
            Err(WriteReplyError::InvalidCode(code))
        );
    }
}

#[test]
fn parsing_what_it_writes_gives_the_reply_back() {
    let enhanced = EnhancedCode::new(5, 1, 1);
    let text = ["No such user here", "Please check the address"];
    let out = written(ReplyCode::MailboxUnavailable.as_u16(), enhanced, &text).unwrap();
    let (reply, used) = Reply::parse(out.as_bytes()).unwrap();
    assert_eq!(used, out.len());
    assert_eq!(reply.reply_code(), Some(ReplyCode::MailboxUnavailable));
    assert_eq!(reply.enhanced(), enhanced);
    let lines: Vec<&[u8]> = reply.lines().collect();
    assert_eq!(
        lines,
        [
            &b"5.1.1 No such user here"[..],
            b"5.1.1 Please check the address"
        ]
    );
}

#[test]
fn writes_to_io_and_refuses_with_invalid_input() {
    let mut out = Vec::new();
    write_reply_io(&mut out, 221, EnhancedCode::new(2, 0, 0), &["Bye"]).unwrap();
    assert_eq!(out, b"221 2.0.0 Bye\r\n");
    let mut out = Vec::new();
    let error = write_reply_io(&mut out, 250, None, &["a\r\nb"]).unwrap_err();
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    assert_eq!(
        error
            .into_inner()
            .unwrap()
            .downcast::<WriteReplyError>()
            .unwrap()
            .as_ref(),
        &WriteReplyError::UnsafeText {
            line: 0,
            byte: b'\r'
        }
    );
    assert!(out.is_empty());
}

// an empty last line is the bare code, with no space after it (RFC 5321 §4.2:
// `Reply-code [ SP textstring ] CRLF`, and a textstring has at least one character); the
// enhanced code keeps its space (RFC 2034 §4: "always followed by one or more spaces").
#[test]
fn an_empty_last_line_is_the_bare_code() {
    assert_eq!(written(250, None, &["a", ""]).unwrap(), "250-a\r\n250\r\n");
    assert_eq!(written(250, None, &["", "a"]).unwrap(), "250-\r\n250 a\r\n");
    assert_eq!(written(221, None, &[""]).unwrap(), "221\r\n");
    assert_eq!(
        written(221, EnhancedCode::new(2, 0, 0), &[""]).unwrap(),
        "221 2.0.0 \r\n"
    );
    let (reply, used) = Reply::parse(b"250-a\r\n250\r\n").unwrap();
    assert_eq!((reply.line_count(), used), (2, 12));
    // "250" + CRLF is 5 octets: the length bound counts it so.
    let line = "x".repeat(MAX_REPLY_LEN / 128 - 6);
    let mut lines: Vec<&str> = vec![line.as_str(); 127];
    lines.push("");
    let out = written(250, None, &lines).unwrap();
    assert_eq!(out.len(), 127 * (MAX_REPLY_LEN / 128) + 5);
}

// a `ReplyCode`, a `&[String]`, a `Vec<String>` and iterators are accepted.
#[test]
fn accepts_reply_codes_strings_and_iterators() {
    let owned: Vec<String> = vec!["mx.example.com".to_owned(), "PIPELINING".to_owned()];
    let expected = "250-mx.example.com\r\n250 PIPELINING\r\n";
    let mut out = String::new();
    write_reply(&mut out, ReplyCode::Completed, None, &owned).unwrap();
    assert_eq!(out, expected);
    let mut out = String::new();
    write_reply(&mut out, ReplyCode::Completed, None, owned.as_slice()).unwrap();
    assert_eq!(out, expected);
    let mut out = String::new();
    write_reply(&mut out, 250u16, None, owned.clone()).unwrap();
    assert_eq!(out, expected);
    let mut out = String::new();
    write_reply(&mut out, 250, None, owned.iter().map(String::as_str)).unwrap();
    assert_eq!(out, expected);
    let mut out = String::new();
    write_reply(&mut out, ReplyCode::ServerChallenge, None, None::<&str>).unwrap();
    assert_eq!(out, "334\r\n");
    let mut bytes = Vec::new();
    write_reply_io(
        &mut bytes,
        ReplyCode::ServiceClosing,
        None,
        ["Bye".to_owned()],
    )
    .unwrap();
    assert_eq!(bytes, b"221 Bye\r\n");
    // An iterator is refused as a slice is, line by line and writing nothing.
    let mut out = String::new();
    let lines = ["fine", "a\nb"].into_iter();
    assert_eq!(
        write_reply(&mut out, 250, None, lines),
        Err(WriteReplyError::UnsafeText {
            line: 1,
            byte: b'\n'
        })
    );
    assert!(out.is_empty());
}
