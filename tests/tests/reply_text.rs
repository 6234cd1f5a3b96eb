//! A reply for people and logs: `Debug` shows the text, `Display`
//! writes it as sent, `texts()` gives each line without the enhanced code.

use smtp_codes::Reply;

fn reply(input: &[u8]) -> Reply<'_> {
    let (reply, used) = Reply::parse(input).unwrap();
    assert_eq!(used, input.len());
    reply
}

#[test]
fn debug_shows_the_code_and_each_line_as_text() {
    let gmail = reply(
        b"550-5.1.1 The email account that you tried to reach does not exist.\r\n\
          550 5.1.1 Please try double-checking the recipient's email address.\r\n",
    );
    assert_eq!(
        format!("{gmail:?}"),
        "Reply { code: 550, lines: [\"5.1.1 The email account that you tried to reach does not \
         exist.\", \"5.1.1 Please try double-checking the recipient's email address.\"] }"
    );
    assert_eq!(
        format!("{:?}", reply(b"334\r\n")),
        "Reply { code: 334, lines: [\"\"] }"
    );
}

#[test]
fn debug_escapes_what_is_not_utf8_and_quotes() {
    // GBK "用户不存在" (user does not exist) is not UTF-8; Latin-1 "î" neither.
    let gbk = reply(b"550 \xd3\xc3\xbb\xa7\xb2\xbb\xb4\xe6\xd4\xda\r\n");
    assert_eq!(
        format!("{gbk:?}"),
        // C3 BB happens to be valid UTF-8 ("û"), so it is shown as that character.
        r#"Reply { code: 550, lines: ["\xd3û\xa7\xb2\xbb\xb4\xe6\xd4\xda"] }"#
    );
    let mixed = reply(b"550 Bo\xeete \"pleine\"\t\xc3\xbc\r\n"); // "ü" in UTF-8
    assert_eq!(
        format!("{mixed:?}"),
        r#"Reply { code: 550, lines: ["Bo\xeete \"pleine\"\tü"] }"#
    );
    // Never decimal byte arrays.
    assert!(!format!("{mixed:?}").contains("[53, 53, 48"));
}

#[test]
fn display_writes_the_reply_as_sent() {
    let input = b"250-mx.example.com\r\n250 8BITMIME\n";
    assert_eq!(
        reply(input).to_string(),
        "250-mx.example.com\r\n250 8BITMIME\n"
    );
    // Each run of bytes that is not UTF-8 is one U+FFFD, as `from_utf8_lossy` gives.
    let gbk: &[u8] = b"550 \xd3\xc3\xbb\xa7 x\r\n";
    assert_eq!(reply(gbk).to_string(), String::from_utf8_lossy(gbk));
    assert_eq!(
        reply(b"550 a\xff\xfeb\r\n").to_string(),
        "550 a\u{fffd}\u{fffd}b\r\n"
    );
}

#[test]
fn texts_leave_out_the_enhanced_code() {
    let gmail = reply(
        b"550-5.1.1 The email account that you tried to reach does not exist.\r\n\
          550 5.1.1 Please try double-checking the recipient's email address.\r\n",
    );
    let texts: Vec<&[u8]> = gmail.texts().collect();
    assert_eq!(
        texts,
        [
            &b"The email account that you tried to reach does not exist."[..],
            b"Please try double-checking the recipient's email address."
        ]
    );
    // `lines()` keeps it.
    assert_eq!(
        gmail.lines().next(),
        Some(&b"5.1.1 The email account that you tried to reach does not exist."[..])
    );
    // RFC 2034 §4: "one or more spaces" after the code; all of them go.
    let spaced = reply(b"451 4.7.1   Greylisted\r\n");
    assert_eq!(spaced.texts().collect::<Vec<_>>(), [&b"Greylisted"[..]]);
    // A code alone on a line leaves empty text.
    let bare = reply(b"250 2.0.0\r\n");
    assert_eq!(bare.texts().collect::<Vec<_>>(), [&b""[..]]);
}

#[test]
fn texts_keep_what_is_not_the_reply_enhanced_code() {
    // No enhanced code on the first line: nothing is taken off, even a code on a later line.
    let none = reply(b"250-mx.example.com\r\n250 2.0.0 OK\r\n");
    let texts: Vec<&[u8]> = none.texts().collect();
    assert_eq!(texts, [&b"mx.example.com"[..], b"2.0.0 OK"]);
    // Another code on a later line than the first's stays: it is information.
    let differ = reply(b"550-5.1.1 No such user\r\n550 5.7.1 Denied\r\n");
    let texts: Vec<&[u8]> = differ.texts().collect();
    assert_eq!(texts, [&b"No such user"[..], b"5.7.1 Denied"]);
    // A longer number that starts like the code is not the code.
    let longer = reply(b"550-5.1.1 a\r\n550 5.1.10 b\r\n");
    let texts: Vec<&[u8]> = longer.texts().collect();
    assert_eq!(texts, [&b"a"[..], b"5.1.10 b"]);
    // Text glued to the code is not taken apart.
    let glued = reply(b"550-5.1.1 a\r\n550 5.1.1:b\r\n");
    let texts: Vec<&[u8]> = glued.texts().collect();
    assert_eq!(texts, [&b"a"[..], b"5.1.1:b"]);
}
