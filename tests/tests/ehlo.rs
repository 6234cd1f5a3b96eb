//! `Ehlo` on real replies to EHLO: the corpus's, and ones written from providers' and servers'
//! published sessions and source (each cited). Expected values are read off the replies by hand.
//! The policy for malformed replies is in `ehlo_policy.rs`, the table in `ehlo_extension.rs`.

#[allow(dead_code)]
mod ehlo_common;

use ehlo_common::{ehlo, keywords, mechanisms, wire};
use smtp_codes::{ehlo::MessageSize, ehlo::ParseEhloError, Ehlo, Extension, Reply};
use smtp_codes_tests::corpus;

/// What a reader of a corpus reply to EHLO sees in it.
struct Expected {
    domain: &'static str,
    keywords: &'static [&'static str],
    size: Option<MessageSize>,
    auth: &'static [&'static str],
    unknown: &'static [&'static str],
}
// A table, one arm a reply, read off the replies by hand: splitting it would not help reading.
#[allow(clippy::too_many_lines)]
fn expected(name: &str) -> Option<Expected> {
    Some(match name {
        "rfc5321-d1-ehlo" => Expected {
            domain: "foo.com",
            keywords: &["8BITMIME", "SIZE", "DSN", "HELP"],
            size: Some(MessageSize::NoFixedMaximum),
            auth: &[],
            unknown: &[],
        },
        "rfc5321-d3-ehlo-single-line" => Expected {
            domain: "xyz.com",
            keywords: &[],
            size: None,
            auth: &[],
            unknown: &[],
        },
        "rfc5321-d4-ehlo-vrfy" => Expected {
            domain: "foo.com",
            keywords: &["8BITMIME", "SIZE", "DSN", "VRFY", "HELP"],
            size: Some(MessageSize::NoFixedMaximum),
            auth: &[],
            unknown: &["VRFY"],
        },
        "rfc4954-ehlo-before-tls" => Expected {
            domain: "smtp.example.com",
            keywords: &["AUTH", "ENHANCEDSTATUSCODES", "STARTTLS"],
            size: None,
            auth: &["GSSAPI", "DIGEST-MD5"],
            unknown: &[],
        },
        "rfc4954-ehlo-after-tls" => Expected {
            domain: "smtp.example.com",
            keywords: &["AUTH"],
            size: None,
            auth: &["GSSAPI", "DIGEST-MD5", "PLAIN"],
            unknown: &[],
        },
        "rfc4954-ehlo-external" => Expected {
            domain: "smtp.example.com",
            keywords: &["AUTH"],
            size: None,
            auth: &["EXTERNAL", "GSSAPI", "DIGEST-MD5", "PLAIN"],
            unknown: &[],
        },
        "rfc2554-ehlo" => Expected {
            domain: "smtp.example.com",
            keywords: &["AUTH"],
            size: None,
            auth: &["CRAM-MD5", "DIGEST-MD5"],
            unknown: &[],
        },
        "rfc3207-ehlo" => Expected {
            domain: "mail.imc.org",
            keywords: &["STARTTLS"],
            size: None,
            auth: &[],
            unknown: &[],
        },
        "gmail-ehlo-mx" => Expected {
            domain: "mx.google.com",
            keywords: &[
                "SIZE",
                "8BITMIME",
                "STARTTLS",
                "ENHANCEDSTATUSCODES",
                "PIPELINING",
                "CHUNKING",
                "SMTPUTF8",
            ],
            size: Some(MessageSize::Maximum(35_882_577)),
            auth: &[],
            unknown: &[],
        },
        "m365-submission-ehlo" => Expected {
            domain: "SEWP216CA0010.outlook.office365.com",
            keywords: &[
                "SIZE",
                "PIPELINING",
                "DSN",
                "ENHANCEDSTATUSCODES",
                "AUTH",
                "8BITMIME",
                "BINARYMIME",
                "CHUNKING",
                "SMTPUTF8",
            ],
            size: Some(MessageSize::Maximum(157_286_400)),
            auth: &["LOGIN", "XOAUTH2"],
            unknown: &[],
        },
        "postfix-ehlo" => Expected {
            domain: "ugm.cybrics.net",
            keywords: &[
                "PIPELINING",
                "SIZE",
                "VRFY",
                "ETRN",
                "AUTH",
                "ENHANCEDSTATUSCODES",
                "8BITMIME",
                "DSN",
            ],
            size: Some(MessageSize::Maximum(10_240_000)),
            auth: &["PLAIN", "LOGIN"],
            unknown: &["VRFY"],
        },
        "qmail-ehlo" => Expected {
            domain: "mail.example.com",
            keywords: &["PIPELINING", "8BITMIME"],
            size: None,
            auth: &[],
            unknown: &[],
        },
        _ => return None,
    })
}

/// Every EHLO reply of the corpus, with what a reader of the reply sees in it.
#[test]
fn corpus_replies_to_ehlo() {
    let mut checked = 0;
    for case in corpus() {
        let Some(want) = expected(&case.name) else {
            continue;
        };
        let ehlo = ehlo(&case.wire);
        assert_eq!(ehlo.domain(), want.domain.as_bytes(), "{}", case.name);
        assert_eq!(keywords(&ehlo), want.keywords, "{}", case.name);
        assert_eq!(ehlo.size(), want.size, "{}", case.name);
        assert_eq!(mechanisms(&ehlo), want.auth, "{}", case.name);
        let unknown: Vec<String> = ehlo
            .capabilities()
            .filter(|capability| capability.extension().is_none())
            .map(|capability| String::from_utf8_lossy(capability.keyword()).into_owned())
            .collect();
        assert_eq!(unknown, want.unknown, "{}", case.name);
        for keyword in want.keywords.iter().filter(|k| !want.unknown.contains(k)) {
            let extension = Extension::from_keyword(keyword.as_bytes()).unwrap();
            assert!(ehlo.supports(extension), "{}: {keyword}", case.name);
        }
        checked += 1;
    }
    // Every case named above is in the corpus.
    assert_eq!(checked, 12);
}

/// Every corpus reply with code 250 reads as an EHLO reply without a panic, and every other
/// code is refused with that code.
#[test]
fn every_corpus_reply_has_a_defined_result() {
    let (mut read, mut refused) = (0, 0);
    for case in corpus() {
        let Ok((reply, _)) = Reply::parse(&case.wire) else {
            continue;
        };
        match Ehlo::parse(&reply) {
            Ok(ehlo) => {
                assert_eq!(reply.code(), 250, "{}", case.name);
                assert_eq!(ehlo.capabilities().count() + 1, reply.line_count());
                read += 1;
            }
            Err(ParseEhloError::NotOk { code }) => {
                assert_ne!(code, 250);
                assert_eq!(code, reply.code(), "{}", case.name);
                refused += 1;
            }
            Err(other) => panic!("{}: {other}", case.name),
        }
    }
    // At least the 12 EHLO replies of `corpus_replies_to_ehlo`, and the corpus's refusals.
    assert!(
        read >= 12 && refused > 100,
        "{read} read, {refused} refused"
    );
}

/// Microsoft 365 submission, `smtp.office365.com:587`, as captured in the shoutrrr issue
/// containrrr/shoutrrr#34 (2020), and with `AUTH PLAIN LOGIN` in simonrob/email-oauth2-proxy#232
/// (2024).
#[test]
fn outlook_office365_submission() {
    let wire = wire(&[
        "250-LO2P265CA0068.outlook.office365.com Hello [192.0.2.1]",
        "250-SIZE 157286400",
        "250-PIPELINING",
        "250-DSN",
        "250-ENHANCEDSTATUSCODES",
        "250-AUTH LOGIN XOAUTH2",
        "250-8BITMIME",
        "250-BINARYMIME",
        "250-CHUNKING",
        "250 SMTPUTF8",
    ]);
    let ehlo = ehlo(&wire);
    assert_eq!(ehlo.domain(), b"LO2P265CA0068.outlook.office365.com");
    assert_eq!(ehlo.greeting(), b"Hello [192.0.2.1]");
    assert_eq!(
        ehlo.size().and_then(MessageSize::maximum),
        Some(157_286_400)
    );
    assert_eq!(mechanisms(&ehlo), ["LOGIN", "XOAUTH2"]);
    assert!(ehlo.supports(Extension::SmtpUtf8));
    assert!(ehlo.supports(Extension::BinaryMime));
    assert!(!ehlo.supports(Extension::StartTls)); // already on TLS (port 587 after STARTTLS)
    assert!(ehlo
        .capabilities()
        .all(|capability| capability.extension().is_some()));

    let wire_2024 = self::wire(&[
        "250-xx.outlook.office365.com Hello [192.0.2.1]",
        "250-SIZE 157286400",
        "250-PIPELINING",
        "250-DSN",
        "250-ENHANCEDSTATUSCODES",
        "250-AUTH PLAIN LOGIN",
        "250-8BITMIME",
        "250-BINARYMIME",
        "250-CHUNKING",
        "250 SMTPUTF8",
    ]);
    assert_eq!(mechanisms(&self::ehlo(&wire_2024)), ["PLAIN", "LOGIN"]);
}

/// Exchange 2000/2003's SMTP service, from Microsoft's troubleshooting article quoted on
/// linux.ittoolbox.com ("sendmail check rulesets"): lower-case `8bitmime`, `SIZE` without a
/// number, the legacy `AUTH=LOGIN` beside `AUTH`, `X-EXPS=LOGIN`, and a last line `OK` that is
/// not a keyword at all.
#[test]
fn exchange_2003_with_legacy_forms() {
    let wire = wire(&[
        "250-ServerName.example.com Hello [192.0.2.1]",
        "250-TURN",
        "250-ATRN",
        "250-SIZE",
        "250-ETRN",
        "250-PIPELINING",
        "250-DSN",
        "250-ENHANCEDSTATUSCODES",
        "250-8bitmime",
        "250-BINARYMIME",
        "250-CHUNKING",
        "250-VRFY",
        "250-X-EXPS GSSAPI NTLM LOGIN",
        "250-X-EXPS=LOGIN",
        "250-AUTH GSSAPI NTLM LOGIN",
        "250-AUTH=LOGIN",
        "250-X-LINK2STATE",
        "250-XEXCH50",
        "250 OK",
    ]);
    let ehlo = ehlo(&wire);
    assert!(ehlo.supports(Extension::EightBitMime));
    assert!(ehlo.supports(Extension::Turn));
    assert!(ehlo.supports(Extension::Atrn));
    assert_eq!(ehlo.size(), Some(MessageSize::NoFixedMaximum));
    assert_eq!(mechanisms(&ehlo), ["GSSAPI", "NTLM", "LOGIN", "LOGIN"]);
    let auth = ehlo.capability(Extension::Auth).unwrap();
    assert!(!auth.is_equals_form()); // the first AUTH line is the standard one
    let legacy: Vec<_> = ehlo
        .capabilities()
        .filter(smtp_codes::ehlo::Capability::is_equals_form)
        .map(|capability| String::from_utf8_lossy(capability.keyword()).into_owned())
        .collect();
    assert_eq!(legacy, ["X-EXPS", "AUTH"]);
    let unknown: Vec<String> = ehlo
        .capabilities()
        .filter(|capability| capability.extension().is_none())
        .map(|capability| String::from_utf8_lossy(capability.line()).into_owned())
        .collect();
    assert_eq!(
        unknown,
        [
            "VRFY",
            "X-EXPS GSSAPI NTLM LOGIN",
            "X-EXPS=LOGIN",
            "X-LINK2STATE",
            "XEXCH50",
            "OK"
        ]
    );
}

/// Exim's default EHLO reply, as its test suite records it (git.exim.org, test/stdout/0300):
/// `SIZE 52428800` (Exim's default `message_size_limit`, 50M), 8BITMIME, PIPELINING, HELP.
#[test]
fn exim_default() {
    let wire = wire(&[
        "250-myhost.test.ex Hello abcd [192.0.2.1]",
        "250-SIZE 52428800",
        "250-8BITMIME",
        "250-PIPELINING",
        "250 HELP",
    ]);
    let ehlo = ehlo(&wire);
    assert_eq!(ehlo.domain(), b"myhost.test.ex");
    assert_eq!(ehlo.greeting(), b"Hello abcd [192.0.2.1]");
    assert_eq!(ehlo.size(), Some(MessageSize::Maximum(52_428_800)));
    assert_eq!(keywords(&ehlo), ["SIZE", "8BITMIME", "PIPELINING", "HELP"]);
    assert!(ehlo.supports(Extension::Help));
    assert_eq!(ehlo.auth_mechanisms().count(), 0);
}

/// `OpenSMTPD`'s EHLO reply, written from its source (`OpenSMTPD/OpenSMTPD`,
/// `usr.sbin/smtpd/smtp_session.c`, `IMSG_SMTP_REQ_HELO`): the greeting `Hello HELO [ADDR],
/// pleased to meet you`, then 8BITMIME, ENHANCEDSTATUSCODES, `SIZE` of `max-message-size`
/// (35M by default, smtpd.conf(5)), DSN, STARTTLS before TLS, `AUTH PLAIN LOGIN` after it on
/// an `auth` listener, HELP.
#[test]
fn opensmtpd_default() {
    let before_tls = wire(&[
        "250-mx.example.org Hello client.example.com [192.0.2.1], pleased to meet you",
        "250-8BITMIME",
        "250-ENHANCEDSTATUSCODES",
        "250-SIZE 36700160",
        "250-DSN",
        "250-STARTTLS",
        "250 HELP",
    ]);
    let ehlo = ehlo(&before_tls);
    assert_eq!(ehlo.domain(), b"mx.example.org");
    assert_eq!(ehlo.size(), Some(MessageSize::Maximum(35 * 1024 * 1024)));
    assert!(ehlo.supports(Extension::StartTls));
    assert!(!ehlo.supports(Extension::Auth));

    let after_tls = wire(&[
        "250-mx.example.org Hello client.example.com [192.0.2.1], pleased to meet you",
        "250-8BITMIME",
        "250-ENHANCEDSTATUSCODES",
        "250-SIZE 36700160",
        "250-DSN",
        "250-AUTH PLAIN LOGIN",
        "250 HELP",
    ]);
    let ehlo = self::ehlo(&after_tls);
    assert!(!ehlo.supports(Extension::StartTls));
    assert_eq!(mechanisms(&ehlo), ["PLAIN", "LOGIN"]);
}

/// Both AUTH forms, as Apache James sends them (simonrob/email-oauth2-proxy#427, whose reporter
/// found about half of a dozen servers tested, Postfix instances among them, doing the same),
/// and as `MailEnable` sends them (Enough-Software/enough_mail#53). Postfix's default reply is the
/// corpus's `postfix-ehlo`, checked in `corpus_replies_to_ehlo`.
#[test]
fn both_auth_forms() {
    let wire = wire(&[
        "250-james.example.com Hello client.example.com [192.0.2.1])",
        "250-AUTH OAUTHBEARER XOAUTH2",
        "250-AUTH=OAUTHBEARER XOAUTH2",
        "250-PIPELINING",
        "250-ENHANCEDSTATUSCODES",
        "250 8BITMIME",
    ]);
    let ehlo = ehlo(&wire);
    assert_eq!(ehlo.domain(), b"james.example.com");
    assert_eq!(
        mechanisms(&ehlo),
        ["OAUTHBEARER", "XOAUTH2", "OAUTHBEARER", "XOAUTH2"]
    );
    assert_eq!(
        ehlo.capabilities()
            .filter(|capability| capability.extension() == Some(Extension::Auth))
            .count(),
        2
    );

    // MailEnable: only the `AUTH=` form gives nothing the `AUTH` line does not.
    let mail_enable = self::wire(&[
        "250-win18.misterdomain.eu [192.0.2.1], this server offers 5 extensions",
        "250-AUTH LOGIN",
        "250-SIZE 52428800",
        "250-HELP",
        "250-AUTH=LOGIN",
        "250 STARTTLS",
    ]);
    let ehlo = self::ehlo(&mail_enable);
    assert_eq!(
        ehlo.greeting(),
        b"[192.0.2.1], this server offers 5 extensions"
    );
    assert_eq!(mechanisms(&ehlo), ["LOGIN", "LOGIN"]);

    // A server that offers only the legacy form still offers AUTH.
    let legacy_only = self::wire(&["250-old.example.com", "250 AUTH=LOGIN PLAIN"]);
    let ehlo = self::ehlo(&legacy_only);
    assert!(ehlo.supports(Extension::Auth));
    assert_eq!(mechanisms(&ehlo), ["LOGIN", "PLAIN"]);
}

/// The "rather extreme example" of D. J. Bernstein's notes on EHLO (cr.yp.to/smtp/ehlo.html,
/// quoted in aarongough/mini-smtp-server#17): RFC 821's SAML, SEND, SOML and TURN, private
/// X-keywords, and SIZE last.
#[test]
fn old_rfc_821_keywords() {
    let wire = wire(&[
        "250-size.does.matter.af.MIL offers FIFTEEN extensions:",
        "250-8BITMIME",
        "250-PIPELINING",
        "250-DSN",
        "250-ENHANCEDSTATUSCODES",
        "250-EXPN",
        "250-HELP",
        "250-SAML",
        "250-SEND",
        "250-SOML",
        "250-TURN",
        "250-XADR",
        "250-XSTA",
        "250-ETRN",
        "250-XGEN",
        "250 SIZE 51200000",
    ]);
    let ehlo = ehlo(&wire);
    assert_eq!(ehlo.capabilities().count(), 15);
    for extension in [
        Extension::Saml,
        Extension::Send,
        Extension::Soml,
        Extension::Turn,
        Extension::Expn,
        Extension::Etrn,
    ] {
        assert!(ehlo.supports(extension), "{extension}");
    }
    let unknown: Vec<String> = ehlo
        .capabilities()
        .filter(|capability| capability.extension().is_none())
        .map(|capability| String::from_utf8_lossy(capability.keyword()).into_owned())
        .collect();
    assert_eq!(unknown, ["XADR", "XSTA", "XGEN"]);
    assert_eq!(ehlo.size(), Some(MessageSize::Maximum(51_200_000)));
}

/// RFC 2033 §4.1: LMTP's LHLO reply has the EHLO reply's form (the example of RFC 2033 §4.2).
#[test]
fn lhlo_reply() {
    let wire = wire(&["250-foo.edu", "250-PIPELINING", "250 SIZE"]);
    let ehlo = ehlo(&wire);
    assert_eq!(ehlo.domain(), b"foo.edu");
    assert!(ehlo.supports(Extension::Pipelining));
    assert_eq!(ehlo.size(), Some(MessageSize::NoFixedMaximum));
}
