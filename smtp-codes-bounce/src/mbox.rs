//! The emails of an mbox file (RFC 4155), split without copying.

/// The emails of `raw`: when it starts with an mbox `From ` separator line, each email after
/// such a line (the line itself left out); else `raw` as one email. A separator is a line that
/// starts with `From `, then a sender, a space and a weekday (`From bob@example.com Thu Apr 29
/// 23:34:45 2010`), so a `From ` line inside a body that mbox writers did not quote as `>From `
/// rarely splits an email. Bodies are not unquoted.
///
/// ```
/// let mbox = b"From a@example.org Mon Jan  1 00:00:00 2024\nSubject: one\n\nbody\n\
///              From b@example.org Tue Jan  2 00:00:00 2024\nSubject: two\n\nbody\n";
/// let emails: Vec<&[u8]> = smtp_codes_bounce::mbox::emails(mbox).collect();
/// assert_eq!(emails, [&b"Subject: one\n\nbody\n"[..], b"Subject: two\n\nbody\n"]);
/// assert_eq!(smtp_codes_bounce::mbox::emails(b"Subject: x\n\n").count(), 1);
/// ```
pub fn emails(raw: &[u8]) -> impl Iterator<Item = &[u8]> {
    let is_mbox = is_separator(raw);
    let mut rest = if is_mbox { Some(raw) } else { None };
    let mut single = if is_mbox { None } else { Some(raw) };
    std::iter::from_fn(move || {
        if let Some(email) = single.take() {
            return Some(email);
        }
        let current = rest?;
        // Past the separator line.
        let body_start = line_end(current, 0);
        let mut at = body_start;
        while at < current.len() {
            if is_separator(&current[at..]) {
                rest = Some(&current[at..]);
                return Some(&current[body_start..at]);
            }
            at = line_end(current, at);
        }
        rest = None;
        Some(&current[body_start..])
    })
}

/// Whether `raw` starts with an mbox separator line (see [`emails`]).
#[must_use]
pub fn is_mbox(raw: &[u8]) -> bool {
    is_separator(raw)
}

/// Where the line starting at `at` ends (past its LF).
fn line_end(raw: &[u8], at: usize) -> usize {
    raw[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(raw.len(), |lf| at + lf + 1)
}

fn is_separator(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"From ") else {
        return false;
    };
    let line = &rest[..rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len())];
    let Some(space) = line.iter().position(|&b| b == b' ') else {
        return false;
    };
    let date = line[space..].trim_ascii_start();
    [
        b"Mon ", b"Tue ", b"Wed ", b"Thu ", b"Fri ", b"Sat ", b"Sun ",
    ]
    .iter()
    .any(|day| date.starts_with(*day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        let cases: &[(&[u8], bool)] = &[
            (b"From bob@example.com Thu Apr 29 23:34:45 2010\n", true),
            (b"From MAILER-DAEMON  Mon Jan  1 00:00:00 2024\n", true),
            (b"From: bob@example.com\n", false),
            (b"From here on, we talk.\n", false),
            (b"From bob\n", false),
            (b"", false),
        ];
        for &(line, want) in cases {
            assert_eq!(
                is_separator(line),
                want,
                "{:?}",
                String::from_utf8_lossy(line)
            );
        }
    }

    #[test]
    fn a_from_line_in_a_body_does_not_split() {
        let mbox = b"From a@example.org Mon Jan  1 00:00:00 2024\nSubject: one\n\nFrom here on.\n";
        assert_eq!(emails(mbox).count(), 1);
    }
}
