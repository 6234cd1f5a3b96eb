//! `Ehlo`'s policy for what strays from RFC 5321's `ehlo-ok-rsp`: repeated keywords, junk
//! parameters and lines, odd first lines, refusals; and the forms of `SIZE` and `LIMITS`.

#[allow(dead_code)]
mod ehlo_common;

use ehlo_common::{ehlo, keywords, wire};
use smtp_codes::{
    ehlo::KnownLimit, ehlo::MessageSize, ehlo::ParseEhloError, Ehlo, Extension, Reply,
};

/// RFC 9422 §4: LIMITS with the three registered limits, an unknown one kept, case ignored.
#[test]
fn limits() {
    let wire = wire(&[
        "250-mx.example.net",
        "250-LIMITS RCPTMAX=100 MAILMAX=1000 RCPTDOMAINMAX=5 X-FUTURE=7",
        "250 PIPELINING",
    ]);
    let ehlo = ehlo(&wire);
    let limits = ehlo.limits().unwrap();
    assert_eq!(limits.rcpt_max(), Some(100));
    assert_eq!(limits.mail_max(), Some(1000));
    assert_eq!(limits.rcpt_domain_max(), Some(5));
    let all: Vec<(String, String, Option<KnownLimit>)> = limits
        .map(|limit| {
            (
                String::from_utf8_lossy(limit.name()).into_owned(),
                String::from_utf8_lossy(limit.value()).into_owned(),
                limit.known(),
            )
        })
        .collect();
    assert_eq!(
        all,
        [
            ("RCPTMAX".into(), "100".into(), Some(KnownLimit::RcptMax)),
            ("MAILMAX".into(), "1000".into(), Some(KnownLimit::MailMax)),
            (
                "RCPTDOMAINMAX".into(),
                "5".into(),
                Some(KnownLimit::RcptDomainMax)
            ),
            ("X-FUTURE".into(), "7".into(), None),
        ]
    );

    // Junk: a word without `=`, a value that is not a number, one too large, a repeat.
    let junk = self::wire(&[
        "250-mx.example.net",
        "250 limits rcptmax=abc MAILMAX= LONELY RCPTDOMAINMAX=99999999999 mailmax=3 rcptmax=9",
    ]);
    let ehlo = self::ehlo(&junk);
    let limits = ehlo.limits().unwrap();
    assert_eq!(limits.rcpt_max(), None); // the first RCPTMAX is not a number
    assert_eq!(limits.mail_max(), None); // the first MAILMAX is empty
    assert_eq!(limits.rcpt_domain_max(), None); // above u32::MAX
    let lonely = limits
        .clone()
        .find(|limit| limit.name() == b"LONELY")
        .unwrap();
    assert_eq!(lonely.value(), b"");
    assert_eq!(lonely.known(), None);
    assert_eq!(limits.count(), 6);

    let none = self::wire(&["250-mx.example.net", "250 LIMITS"]);
    assert_eq!(self::ehlo(&none).limits().unwrap().count(), 0);
    let absent = self::wire(&["250 mx.example.net"]);
    assert!(self::ehlo(&absent).limits().is_none());
}

#[test]
fn size_forms() {
    let size = |line: &str| {
        let wire = wire(&["250-a.example", line]);
        let (reply, _) = Reply::parse(&wire).unwrap();
        Ehlo::parse(&reply).unwrap().size()
    };
    assert_eq!(size("250 SIZE 1"), Some(MessageSize::Maximum(1)));
    assert_eq!(size("250 size 0"), Some(MessageSize::NoFixedMaximum));
    assert_eq!(size("250 SIZE"), Some(MessageSize::NoFixedMaximum));
    assert_eq!(size("250 SIZE   "), Some(MessageSize::NoFixedMaximum));
    assert_eq!(size("250 SIZE 10 20"), Some(MessageSize::Malformed));
    assert_eq!(size("250 SIZE -1"), Some(MessageSize::Malformed));
    assert_eq!(size("250 SIZE 1e6"), Some(MessageSize::Malformed));
    assert_eq!(
        size("250 SIZE 18446744073709551615"),
        Some(MessageSize::Maximum(u64::MAX))
    );
    assert_eq!(
        size("250 SIZE 18446744073709551616"),
        Some(MessageSize::Malformed)
    );
    assert_eq!(size("250 SIZE=1000"), Some(MessageSize::Maximum(1000)));
    assert_eq!(size("250 SIZES 1000"), None);
}

#[test]
fn repeated_keywords_and_junk_lines() {
    let wire = wire(&[
        "250-mx.example.com",
        "250-SIZE 1000",
        "250-SIZE 2000",
        "250-",
        "250-   ",
        "250- STARTTLS ",
        "250-\tDSN\t",
        "250-=PLAIN",
        "250 \u{e9}t\u{e9}",
    ]);
    let ehlo = ehlo(&wire);
    // The first SIZE line decides; both are capabilities.
    assert_eq!(ehlo.size(), Some(MessageSize::Maximum(1000)));
    assert_eq!(
        ehlo.capabilities()
            .filter(|capability| capability.extension() == Some(Extension::Size))
            .count(),
        2
    );
    // Spaces and TABs around a line are ignored; empty lines have an empty keyword.
    assert!(ehlo.supports(Extension::StartTls));
    assert!(ehlo.supports(Extension::Dsn));
    let keywords = keywords(&ehlo);
    assert_eq!(
        keywords,
        [
            "SIZE",
            "SIZE",
            "",
            "",
            "STARTTLS",
            "DSN",
            "",
            "\u{e9}t\u{e9}"
        ]
    );
    let equals = ehlo.capabilities().nth(6).unwrap();
    assert!(equals.is_equals_form());
    assert_eq!(equals.parameter_text(), b"PLAIN");
    assert_eq!(equals.extension(), None);
}

#[test]
fn domain_and_greeting_edge_cases() {
    let bare = b"250\r\n";
    let ehlo = ehlo(bare);
    assert_eq!((ehlo.domain(), ehlo.greeting()), (&b""[..], &b""[..]));
    let literal = b"250 [192.0.2.1]   hi  there \r\n";
    let ehlo = self::ehlo(literal);
    assert_eq!(ehlo.domain(), b"[192.0.2.1]");
    assert_eq!(ehlo.greeting(), b"hi  there");
}

#[test]
fn a_refused_ehlo_is_an_error_with_its_code() {
    for (input, code) in [
        (&b"502 5.5.1 Unrecognized command\r\n"[..], 502),
        (b"500 Command unrecognized\r\n", 500),
        (b"421 4.3.2 Service shutting down\r\n", 421),
        (b"220 mx.example.com ESMTP\r\n", 220),
        (b"251-a\r\n251 SIZE 1\r\n", 251),
    ] {
        let (reply, _) = Reply::parse(input).unwrap();
        let error = Ehlo::parse(&reply).unwrap_err();
        assert_eq!(error, ParseEhloError::NotOk { code });
        assert!(error.to_string().contains(&code.to_string()));
    }
}
