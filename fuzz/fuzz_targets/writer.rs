//! `write_reply` on structured input: it refuses (writing nothing) exactly what it documents, and
//! whatever it writes, `Reply::parse` reads back as the same reply.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use smtp_codes::{
    reply::WriteReplyError, reply::MAX_REPLY_LEN, reply::MAX_REPLY_LINES,
    reply::MAX_REPLY_LINE_LEN, write_reply, EnhancedCode, Reply,
};

/// The most text lines taken from the input.
const MAX_LINES: usize = 8;

#[derive(Debug, Arbitrary)]
struct Input {
    /// The code; below `10_000` it is folded into `200..=599` so most inputs are valid codes.
    code: u16,
    /// `(class, subject, detail)`, each biased towards valid values, see the target.
    enhanced: Option<(u8, u16, u16)>,
    lines: Vec<String>,
    /// When set, the lines are repeated to this many (modulo 640), to reach the reply's limits.
    repeat: Option<u16>,
}

fuzz_target!(|input: Input| {
    let code = if input.code < 10_000 {
        200 + input.code % 400
    } else {
        input.code
    };
    let enhanced = input.enhanced.and_then(|(class, subject, detail)| {
        let class = match class % 8 {
            0..=3 => u8::try_from(code / 100).unwrap_or(u8::MAX), // agrees with the code
            4 => 2,
            5 => 4,
            6 => 5,
            _ => class,
        };
        let part = |raw: u16| if raw < 60_000 { raw % 1000 } else { raw };
        EnhancedCode::new(class, part(subject), part(detail))
    });
    let taken = input.lines.iter().take(MAX_LINES).map(String::as_str);
    let lines: Vec<&str> = match input.repeat {
        Some(count) if !input.lines.is_empty() => {
            taken.cycle().take(usize::from(count % 640)).collect()
        }
        _ => taken.collect(),
    };

    let mut out = String::new();
    let result = write_reply(&mut out, code, enhanced, &lines);
    assert_eq!(
        result,
        expected(code, enhanced, &lines),
        "{code} {enhanced:?} {lines:?}"
    );
    if result.is_err() {
        assert!(out.is_empty(), "wrote {out:?} and refused");
        return;
    }

    let (reply, used) = Reply::parse(out.as_bytes())
        .unwrap_or_else(|error| panic!("wrote {out:?}, which does not parse: {error}"));
    assert_eq!(used, out.len(), "{out:?}");
    assert_eq!(reply.code(), code);
    assert_eq!(reply.line_count(), lines.len().max(1));
    for line in out.split_inclusive('\n') {
        assert!(
            line.len() <= MAX_REPLY_LINE_LEN,
            "{} octets: {line:?}",
            line.len()
        );
    }
    if let Some(enhanced) = enhanced {
        assert_eq!(reply.enhanced(), Some(enhanced), "{out:?}");
    } else if !lines
        .first()
        .is_some_and(|line| line.starts_with(|c: char| c.is_ascii_digit()))
    {
        assert_eq!(reply.enhanced(), None, "{out:?}");
    }
    let texts = if lines.is_empty() { vec![""] } else { lines };
    let expected: Vec<String> = texts.iter().map(|text| written(enhanced, text)).collect();
    let parsed: Vec<&[u8]> = reply.lines().collect();
    let expected: Vec<&[u8]> = expected.iter().map(String::as_bytes).collect();
    assert_eq!(parsed, expected, "{out:?}");
});

/// A line's text as written: the enhanced code is always followed by a space (RFC 2034 §4).
fn written(enhanced: Option<EnhancedCode>, text: &str) -> String {
    match enhanced {
        Some(enhanced) => format!("{enhanced} {text}"),
        None => text.to_owned(),
    }
}

/// What `write_reply` documents, in its order: the code, the enhanced code's class, the number
/// of lines, then each line (control characters other than HT, then its length), then the
/// reply's length.
fn expected(
    code: u16,
    enhanced: Option<EnhancedCode>,
    lines: &[&str],
) -> Result<(), WriteReplyError> {
    if !(200..=599).contains(&code) {
        return Err(WriteReplyError::InvalidCode(code));
    }
    if let Some(enhanced) = enhanced {
        if u16::from(enhanced.class().digit()) != code / 100 {
            return Err(WriteReplyError::EnhancedClassMismatch { code, enhanced });
        }
    }
    let count = lines.len().max(1);
    if count > MAX_REPLY_LINES {
        return Err(WriteReplyError::TooManyLines { count });
    }
    let mut total = 0;
    for (line, text) in lines.iter().enumerate() {
        if let Some(byte) = text
            .bytes()
            .find(|&byte| (byte < 0x20 && byte != b'\t') || byte == 0x7f)
        {
            return Err(WriteReplyError::UnsafeText { line, byte });
        }
        // "550-5.7.606 text\r\n"
        let len = 4 + written(enhanced, text).len() + 2;
        if len > MAX_REPLY_LINE_LEN {
            return Err(WriteReplyError::LineTooLong { line, len });
        }
        total += len;
    }
    if lines.is_empty() {
        total = 4 + written(enhanced, "").len() + 2;
    }
    // The last line is the bare code ("250\r\n", RFC 5321 §4.2) when nothing follows the code.
    if enhanced.is_none() && lines.last().is_none_or(|line| line.is_empty()) {
        total -= 1;
    }
    if total > MAX_REPLY_LEN {
        return Err(WriteReplyError::TooLong { len: total });
    }
    Ok(())
}
