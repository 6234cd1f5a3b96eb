//! `Reason`, `Diagnosis` and the rule order, each expectation derived from the tables' rows, the
//! RFCs and the issue's definitions, not from the code's output.

use smtp_codes::{
    diagnosis::Evidence, diagnosis::Phrase, Command, Diagnosis, EnhancedCode, Reason, Reply,
};

/// The status argument `Diagnosis::of` takes, from its text.
fn code(text: &str) -> Option<EnhancedCode> {
    text.parse().ok()
}

#[test]
fn the_reasons_are_the_issues_thirty_in_order() {
    let names = [
        "AuthFailure",
        "BadReputation",
        "Blocked",
        "ContentError",
        "EmailTooLarge",
        "Expired",
        "FailedStartTls",
        "Filtered",
        "HasMoved",
        "HostUnknown",
        "MailboxFull",
        "MailerError",
        "NetworkError",
        "NoRelaying",
        "NotAccept",
        "NotCompliantRfc",
        "PolicyViolation",
        "RateLimited",
        "Rejected",
        "RequirePtr",
        "SecurityError",
        "SpamDetected",
        "Suppressed",
        "Suspend",
        "SyntaxError",
        "SystemError",
        "SystemFull",
        "UserUnknown",
        "VirusDetected",
        "Undefined",
    ];
    let ours: Vec<&str> = Reason::ALL.iter().map(|reason| reason.name()).collect();
    assert_eq!(ours, names);
    for reason in Reason::ALL {
        assert_eq!(reason.to_string().parse::<Reason>(), Ok(*reason));
        assert_eq!(
            reason.name().to_ascii_lowercase().parse::<Reason>(),
            Ok(*reason)
        );
        assert!(!reason.description().is_empty());
    }
    assert!("user unknown".parse::<Reason>().is_err());
}

#[test]
fn hard_reasons_are_the_issues_four() {
    let hard: Vec<Reason> = Reason::ALL
        .iter()
        .copied()
        .filter(|r| r.is_hard())
        .collect();
    assert_eq!(
        hard,
        [
            Reason::HasMoved,
            Reason::HostUnknown,
            Reason::NotAccept,
            Reason::UserUnknown
        ]
    );
}

#[test]
fn not_accept_is_hard_only_when_permanent() {
    // RFC 7505 null MX: 556 5.1.10 is permanent; the same reason with a 4yz code is not.
    let permanent = Diagnosis::of(
        Some(556),
        code("5.1.10"),
        b"Domain example.com does not accept mail",
        None,
    );
    assert_eq!(permanent.reason(), Reason::NotAccept);
    assert!(permanent.is_hard());
    let transient = Diagnosis::of(
        Some(450),
        None,
        b"Domain example.com does not accept mail",
        None,
    );
    assert_eq!(transient.reason(), Reason::NotAccept);
    assert!(!transient.is_hard());
    let by_status = Diagnosis::of(None, code("4.3.2"), b"", None);
    assert_eq!(by_status.reason(), Reason::NotAccept);
    assert!(!by_status.is_hard());
}

#[test]
fn a_specific_status_decides_before_the_text() {
    // X.1.1 is status-first: a content wording ("spam") in the text does not override it.
    let diagnosis = Diagnosis::of(
        Some(550),
        code("5.1.1"),
        b"recipient rejected, looks like spam",
        Some(Command::Rcpt),
    );
    assert_eq!(diagnosis.reason(), Reason::UserUnknown);
    let Evidence::Status(rule) = diagnosis.evidence() else {
        panic!("expected the status rule, got {:?}", diagnosis.evidence());
    };
    assert_eq!(rule.to_string(), "X.1.1");
    // X.7.26 (RFC 7372): multiple authentication checks failed.
    assert_eq!(
        Diagnosis::of(Some(550), code("5.7.26"), b"", None).reason(),
        Reason::AuthFailure
    );
    // X.2.2 with a 4yz class: the rule is for any class.
    assert_eq!(
        Diagnosis::of(Some(452), code("4.2.2"), b"", None).reason(),
        Reason::MailboxFull
    );
}

#[test]
fn text_overrides_a_generic_status() {
    // 5.7.1 has no rule: the text decides.
    let blocked = Diagnosis::of(
        Some(554),
        code("5.7.1"),
        b"Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
        None,
    );
    assert_eq!(blocked.reason(), Reason::Blocked);
    assert!(matches!(blocked.evidence(), Evidence::Phrase(p) if p.text() == "blocked using"));
    // X.2.1 is text-first: Gmail's rate wording wins, and without a phrase the code decides.
    let rate = Diagnosis::of(Some(450), code("4.2.1"), b"The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.", None);
    assert_eq!(rate.reason(), Reason::RateLimited);
    let disabled = Diagnosis::of(Some(550), code("5.2.1"), b"", None);
    assert_eq!(disabled.reason(), Reason::Suspend);
    assert!(matches!(
        disabled.evidence(),
        Evidence::StatusWithoutPhrase(_)
    ));
}

#[test]
fn the_same_words_depend_on_the_command() {
    let text = b"550 <bob@example.com>: User unknown";
    let rcpt = Diagnosis::of(Some(550), None, text, Some(Command::Rcpt));
    assert_eq!(rcpt.reason(), Reason::UserUnknown);
    assert!(rcpt.is_hard());
    let data = Diagnosis::of(Some(550), None, text, Some(Command::Data));
    assert_eq!(data.reason(), Reason::Filtered);
    assert!(!data.is_hard());
}

#[test]
fn the_text_shows_what_the_arguments_do_not() {
    let report = b"host mx.example.com[192.0.2.1] said: 550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table (in reply to RCPT TO command)";
    let diagnosis = Diagnosis::of(None, None, report, None);
    assert_eq!(diagnosis.reply_code(), Some(550));
    assert_eq!(diagnosis.status(), code("5.1.1"));
    assert_eq!(diagnosis.command(), Some(Command::Rcpt));
    assert_eq!(diagnosis.reason(), Reason::UserUnknown);
    // qmail writes the status in parentheses after a hash.
    let qmail = Diagnosis::of(
        None,
        None,
        b"550 sorry, no mailbox here by that name (#5.1.1 - chkusr)",
        None,
    );
    assert_eq!(qmail.status(), code("5.1.1"));
    // An argument wins over the text.
    let given = Diagnosis::of(
        Some(550),
        code("5.2.2"),
        b"550 5.1.1 whatever",
        Some(Command::Data),
    );
    assert_eq!(given.status(), code("5.2.2"));
    assert_eq!(given.command(), Some(Command::Data));
}

#[test]
fn the_command_decides_when_nothing_else_does() {
    let mail = Diagnosis::of(Some(550), None, b"550 Go away", Some(Command::Mail));
    assert_eq!(mail.reason(), Reason::Rejected);
    assert_eq!(mail.evidence(), Evidence::Command(Command::Mail));
    let greeting = Diagnosis::of(Some(554), None, b"554 No", Some(Command::Greeting));
    assert_eq!(greeting.reason(), Reason::Blocked);
    let nothing = Diagnosis::of(Some(550), None, b"550 No", Some(Command::Rcpt));
    assert_eq!(nothing.reason(), Reason::Undefined);
    assert_eq!(
        nothing.evidence(),
        Evidence::Class(Some(smtp_codes::Class::PermanentNegativeCompletion))
    );
    let empty = Diagnosis::of(None, None, b"", None);
    assert_eq!(empty.reason(), Reason::Undefined);
    assert_eq!(empty.evidence(), Evidence::Class(None));
    assert!(!empty.is_hard());
}

#[test]
fn phrases_match_ascii_case_insensitively_and_first_row_wins() {
    let upper = Reason::find_phrase(b"550 5.2.2 MAILBOX FULL", None).unwrap();
    assert_eq!(upper.reason(), Reason::MailboxFull);
    // "dmarc" comes before "spam" in the table; Gmail's DMARC text holds both.
    let gmail = b"Unauthenticated email from example.com is not accepted due to domain's DMARC policy. To protect our users from spam";
    assert_eq!(
        Reason::find_phrase(gmail, None).unwrap().reason(),
        Reason::AuthFailure
    );
    // Rows are in file order: the first row found in the text wins, wherever it is in the text.
    let rows: Vec<u32> = Reason::PHRASES.iter().map(Phrase::line).collect();
    assert!(rows.windows(2).all(|pair| pair[0] < pair[1]));
    assert!(Reason::PHRASES.iter().all(|p| !p.source().is_empty()));
    // The evidence names the row to edit: the table as the attribute names it, and the line.
    for phrase in Reason::PHRASES {
        assert_eq!(phrase.location(), format!("phrases.csv:{}", phrase.line()));
        assert!(phrase.to_string().contains(phrase.location()));
    }
}

#[test]
fn reply_diagnose_uses_the_reply() {
    let (reply, _) = Reply::parse(b"550-5.7.26 This mail has been blocked because the sender is\r\n550 5.7.26 unauthenticated.\r\n").unwrap();
    let diagnosis = reply.diagnose(Some(Command::EndOfData));
    assert_eq!(diagnosis.reason(), Reason::AuthFailure);
    assert_eq!(diagnosis.reply_code(), Some(550));
    assert_eq!(diagnosis.command(), Some(Command::EndOfData));
}

// The macro refuses tables over 512 KiB; this checks the figure it reports, at compile time.
const _: () = assert!(Reason::MATCHER_TABLE_BYTES > 0 && Reason::MATCHER_TABLE_BYTES < 512 * 1024);

#[test]
fn display_names_the_reason_the_verdict_and_the_rule() {
    let diagnosis = Diagnosis::of(Some(550), code("5.1.1"), b"", None);
    let shown = diagnosis.to_string();
    assert!(
        shown.starts_with("UserUnknown (hard): status X.1.1"),
        "{shown}"
    );
}

#[test]
fn no_panic_and_a_stable_answer_on_hostile_text() {
    let long = vec![b'a'; 100_000];
    let mut nested = Vec::new();
    for _ in 0..10_000 {
        nested.extend_from_slice(b"5.5.5.5.");
    }
    for text in [
        &long[..],
        &nested,
        b"\xff\xfe5.1.",
        b"550",
        b"5.",
        b"in reply to",
    ] {
        let first = Diagnosis::of(None, None, text, None);
        assert_eq!(first, Diagnosis::of(None, None, text, None));
    }
}

#[test]
fn a_user_unknown_status_yields_to_words_naming_another_cause() {
    // Servers send X.1.1 for any refusal of the recipient; words naming a full, disabled or moved
    // mailbox, or refused relaying, say the address exists. Dovecot LMTP's quota wording:
    let full = Diagnosis::of(
        Some(552),
        code("5.1.1"),
        b"552 5.1.1 <bob@example.com> Quota exceeded (mailbox for user is full)",
        Some(Command::Rcpt),
    );
    assert_eq!(full.reason(), Reason::MailboxFull);
    assert!(!full.is_hard());
    assert!(matches!(full.evidence(), Evidence::Phrase(p) if p.reason() == Reason::MailboxFull));
    // Gmail's disabled-account wording, Postfix's relay refusal, Sendmail's moved recipient.
    let cases: [(&[u8], Reason); 3] = [
        (
            b"550 5.1.1 The email account that you tried to reach is disabled.",
            Reason::Suspend,
        ),
        (
            b"554 5.1.1 <bob@example.org>: Relay access denied",
            Reason::NoRelaying,
        ),
        (
            b"550 5.1.1 <bob@example.org>... User has moved; recipient no longer on server",
            Reason::HasMoved,
        ),
    ];
    for (text, reason) in cases {
        let diagnosis = Diagnosis::of(None, None, text, Some(Command::Rcpt));
        assert_eq!(
            diagnosis.reason(),
            reason,
            "{}",
            String::from_utf8_lossy(text)
        );
    }
    // The user-unknown words, or words of any other family, leave the status deciding.
    let unknown = Diagnosis::of(
        None,
        None,
        b"550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in local recipient table",
        None,
    );
    assert_eq!(unknown.reason(), Reason::UserUnknown);
    assert!(matches!(unknown.evidence(), Evidence::Status(_)));
    let blocked = Diagnosis::of(
        Some(550),
        code("5.1.1"),
        b"blocked using zen.spamhaus.org",
        None,
    );
    assert_eq!(blocked.reason(), Reason::UserUnknown);
}

#[test]
fn a_transient_failure_never_suppresses_the_address() {
    // Postfix with unknown_local_recipient_reject_code = 450: the words say unknown, the code says
    // "try again": the reason stands, the address is kept.
    let postfix = Diagnosis::of(
        Some(450),
        code("4.1.1"),
        b"450 4.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table",
        Some(Command::Rcpt),
    );
    assert_eq!(postfix.reason(), Reason::UserUnknown);
    assert!(!postfix.is_hard());
    let shown = postfix.to_string();
    assert!(
        shown.starts_with("UserUnknown (soft: the failure is transient): status X.1.1 decides"),
        "{shown}"
    );
    // Gmail's DSN for an NXDOMAIN answer carries Status: 4.0.0; the status's class wins over a
    // missing or permanent code.
    let gmail = Diagnosis::of(
        None,
        code("4.0.0"),
        b"DNS Error: DNS type 'mx' lookup of example.jp responded with code NXDOMAIN Domain name not found: example.jp",
        None,
    );
    assert_eq!(gmail.reason(), Reason::HostUnknown);
    assert!(!gmail.is_hard());
    let status_wins = Diagnosis::of(
        Some(550),
        code("4.1.1"),
        b"User unknown",
        Some(Command::Rcpt),
    );
    assert_eq!(status_wins.reason(), Reason::UserUnknown);
    assert!(!status_wins.is_hard());
    // The same words, permanent: hard.
    let permanent = Diagnosis::of(
        Some(550),
        code("5.1.1"),
        b"User unknown",
        Some(Command::Rcpt),
    );
    assert!(permanent.is_hard());
    // RFC 3463 X.1.6 "Destination mailbox has moved": permanent, hard; transient, kept.
    let moved = Diagnosis::of(
        Some(550),
        code("5.1.6"),
        b"Mailbox has moved",
        Some(Command::Rcpt),
    );
    let moved_later = Diagnosis::of(
        Some(450),
        code("4.1.6"),
        b"Mailbox has moved",
        Some(Command::Rcpt),
    );
    assert_eq!(moved.reason(), Reason::HasMoved);
    assert_eq!(moved_later.reason(), Reason::HasMoved);
    assert_eq!((moved.is_hard(), moved_later.is_hard()), (true, false));
}

#[test]
fn dns_failures_tell_a_missing_domain_from_a_failed_lookup() {
    // Gmail's DSN: the MX lookup answered NXDOMAIN (RFC 1035 RCODE 3): the domain does not exist.
    let nxdomain = Diagnosis::of(
        None,
        None,
        b"DNS Error: DNS type 'mx' lookup of nonexistent.example responded with code NXDOMAIN",
        None,
    );
    assert_eq!(nxdomain.reason(), Reason::HostUnknown);
    assert!(nxdomain.is_hard());
    // SERVFAIL (RCODE 2): the DNS failed, the domain may well exist.
    let servfail = Diagnosis::of(
        None,
        None,
        b"DNS Error: DNS type 'mx' lookup of example.org responded with code SERVFAIL",
        None,
    );
    assert_eq!(servfail.reason(), Reason::NetworkError);
    assert!(!servfail.is_hard());
    // Sendmail's status comment for a resolver TRY_AGAIN: a transient DNS failure.
    let sendmail = Diagnosis::of(
        None,
        None,
        b"Deferred: Name server: mx.example.org.: host name lookup failure",
        None,
    );
    assert_eq!(sendmail.reason(), Reason::NetworkError);
    assert!(!sendmail.is_hard());
    // Its permanent sibling (HOST_NOT_FOUND) is a missing host.
    let unknown = Diagnosis::of(
        None,
        None,
        b"Host unknown (Name server: mx.example.org.: host not found)",
        None,
    );
    assert_eq!(unknown.reason(), Reason::HostUnknown);
}

#[test]
fn google_groups_notices_are_read_by_their_help_center_link() {
    // Google Groups refuses a post to a group that does not exist or that the sender may not post
    // to, in the sender's language; every notice ends with the link to its Help Center.
    let english =
        b"We're writing to let you know that the group you tried to contact (team) may not \
exist, or you may not have permission to post messages to the group. If you have questions related \
to this or any other Google Group, visit the Help Center at https://groups.google.com/support/.";
    let japanese = "\u{30b0}\u{30eb}\u{30fc}\u{30d7}\u{306b}\u{6295}\u{7a3f}\u{3067}\u{304d}\u{307e}\u{305b}\u{3093}\u{3067}\u{3057}\u{305f}\u{3002} https://groups.google.com/support/";
    for text in [&english[..], japanese.as_bytes()] {
        let diagnosis = Diagnosis::of(None, None, text, None);
        assert_eq!(diagnosis.reason(), Reason::Rejected);
        assert!(!diagnosis.is_hard());
    }
}

#[test]
fn microsoft_recipient_not_found_under_5_1_10_is_an_unknown_user() {
    // RFC 7505 gives X.1.10 to a null MX, Microsoft 365 sends it for a recipient missing from its
    // directory: X.1.10 is text-first, and the words decide.
    let microsoft = Diagnosis::of(
        Some(550),
        code("5.1.10"),
        b"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
        Some(Command::Rcpt),
    );
    assert_eq!(microsoft.reason(), Reason::UserUnknown);
    assert!(microsoft.is_hard());
    // Without words, the registry's meaning stands.
    let null_mx = Diagnosis::of(Some(556), code("5.1.10"), b"", None);
    assert_eq!(null_mx.reason(), Reason::NotAccept);
    assert!(matches!(
        null_mx.evidence(),
        Evidence::StatusWithoutPhrase(_)
    ));
}

#[test]
fn a_transient_dns_failure_is_not_a_missing_domain() {
    // Postfix's deferral for the resolver's TRY_AGAIN: the domain may exist, keep the address.
    let postfix = Diagnosis::of(
        None,
        code("4.4.3"),
        b"Host or domain name not found. Name service error for name=example.com type=MX: Host not found, try again",
        None,
    );
    assert_eq!(postfix.reason(), Reason::NetworkError);
    assert!(!postfix.is_hard());
    // Without "try again" it is HOST_NOT_FOUND: the domain does not exist.
    let missing = Diagnosis::of(
        None,
        None,
        b"Host or domain name not found. Name service error for name=example.com type=A: Host not found",
        None,
    );
    assert_eq!(missing.reason(), Reason::HostUnknown);
    assert!(missing.is_hard());
}

#[test]
fn published_wordings_of_other_families() {
    let cases: [(&[u8], Reason); 4] = [
        // Amazon SES refuses to send to an address on its suppression list.
        (
            b"Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.",
            Reason::Suppressed,
        ),
        // RFC 5321 §4.2.2's 451 text.
        (
            b"451 Requested action aborted: local error in processing",
            Reason::SystemError,
        ),
        // qmail-smtpd refuses a sender listed in control/badmailfrom.
        (
            b"553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)",
            Reason::Rejected,
        ),
        // Gmail's 5.7.1 for a recipient's or sender's domain policy.
        (
            b"550-5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent.",
            Reason::PolicyViolation,
        ),
    ];
    for (text, reason) in cases {
        let diagnosis = Diagnosis::of(None, None, text, None);
        assert_eq!(
            diagnosis.reason(),
            reason,
            "{}",
            String::from_utf8_lossy(text)
        );
        assert!(!diagnosis.is_hard());
    }
}
