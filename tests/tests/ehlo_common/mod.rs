//! Helpers shared by the `ehlo*` tests.

use smtp_codes::{Ehlo, Reply};

/// Parses `wire` (one whole reply) as a reply to EHLO.
pub fn ehlo(wire: &[u8]) -> Ehlo<'_> {
    let (reply, used) = Reply::parse(wire).expect("a complete reply");
    assert_eq!(used, wire.len(), "one reply");
    Ehlo::parse(&reply).expect("a 250 reply")
}

/// The keywords of every capability line, as text.
pub fn keywords(ehlo: &Ehlo<'_>) -> Vec<String> {
    ehlo.capabilities()
        .map(|capability| String::from_utf8_lossy(capability.keyword()).into_owned())
        .collect()
}

/// The SASL mechanisms of every `AUTH` line, as text.
pub fn mechanisms(ehlo: &Ehlo<'_>) -> Vec<String> {
    ehlo.auth_mechanisms()
        .map(|word| String::from_utf8_lossy(word).into_owned())
        .collect()
}

/// Joins lines into a CRLF reply.
pub fn wire(lines: &[&str]) -> Vec<u8> {
    lines
        .iter()
        .flat_map(|line| [line.as_bytes(), b"\r\n"].concat())
        .collect()
}
