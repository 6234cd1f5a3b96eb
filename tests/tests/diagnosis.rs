//! `Reason`, `Diagnosis` and the rule order, each expectation derived from the tables' rows, the
//! RFCs and the servers' documented behaviour, not from the code's output.
//!
//! Most of it is one table of cases ([`CASES`]): what `Diagnosis::of` is given, the reason and
//! hard/soft it must give, and the rule that must decide, each with where the wording or the rule
//! comes from.

use smtp_codes::diagnosis::{Evidence, Phrase, PhraseSources};
use smtp_codes::{Class, Command, Diagnosis, EnhancedCode, Reason, Reply};

/// The status argument `Diagnosis::of` takes, from its text.
fn code(text: &str) -> Option<EnhancedCode> {
    text.parse().ok()
}

/// The rule a case expects to decide.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// Not checked.
    Any,
    /// A status-first rule, by its code (`X.1.1`).
    Status(&'static str),
    /// A phrase of the table, as written there.
    Phrase(&'static str),
    /// A phrase of the table, of this reason.
    PhraseOf(Reason),
    /// A text-first rule with no phrase found, by its code.
    StatusWithoutPhrase(&'static str),
    /// The command.
    Command(Command),
    /// Nothing: the class.
    Class(Option<Class>),
}

impl Rule {
    fn holds(self, evidence: Evidence) -> bool {
        match (self, evidence) {
            (Rule::Any, _) => true,
            (Rule::Status(code), Evidence::Status(rule))
            | (Rule::StatusWithoutPhrase(code), Evidence::StatusWithoutPhrase(rule)) => {
                rule.to_string() == code
            }
            (Rule::Phrase(text), Evidence::Phrase(phrase)) => phrase.text() == text,
            (Rule::PhraseOf(reason), Evidence::Phrase(phrase)) => phrase.reason() == reason,
            (Rule::Command(command), Evidence::Command(decided)) => command == decided,
            (Rule::Class(class), Evidence::Class(decided)) => class == decided,
            _ => false,
        }
    }
}

/// One call of `Diagnosis::of` and what it must give.
struct Case {
    /// Where the wording, or the rule, comes from.
    source: &'static str,
    reply_code: Option<u16>,
    status: Option<&'static str>,
    text: &'static [u8],
    command: Option<Command>,
    reason: Reason,
    hard: bool,
    rule: Rule,
}

/// The defaults a row of [`CASES`] starts from.
const CASE: Case = Case {
    source: "",
    reply_code: None,
    status: None,
    text: b"",
    command: None,
    reason: Reason::Undefined,
    hard: false,
    rule: Rule::Any,
};

#[test]
fn the_thirty_reasons_in_order() {
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
fn four_reasons_are_hard() {
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

/// The cases, by rule: status-first codes, phrases, text-first codes, the command, nothing.
const CASES: &[Case] = &[
    // --- A status-first code decides before the text.
    Case {
        source: "RFC 3463 X.1.1 with words of no other cause",
        reply_code: Some(550),
        status: Some("5.1.1"),
        text: b"recipient rejected",
        command: Some(Command::Rcpt),
        reason: Reason::UserUnknown,
        hard: true,
        rule: Rule::Status("X.1.1"),
    },
    Case {
        source: "RFC 7372 X.7.26: multiple authentication checks failed",
        reply_code: Some(550),
        status: Some("5.7.26"),
        reason: Reason::AuthFailure,
        rule: Rule::Status("X.7.26"),
        ..CASE
    },
    Case {
        source: "RFC 3463 X.2.2 with a 4yz class: the rule is for any class",
        reply_code: Some(452),
        status: Some("4.2.2"),
        reason: Reason::MailboxFull,
        rule: Rule::Status("X.2.2"),
        ..CASE
    },
    Case {
        source: "X.1.1 and user-unknown words after DATA: the status decides, not the filter reading",
        reply_code: Some(550),
        status: Some("5.1.1"),
        text: b"550 5.1.1 <bob@example.org>: User unknown",
        command: Some(Command::Data),
        reason: Reason::UserUnknown,
        hard: true,
        rule: Rule::Status("X.1.1"),
    },
    Case {
        source: "Postfix smtpd: the user-unknown words leave X.1.1 deciding",
        text: b"550 5.1.1 <bob@example.org>: Recipient address rejected: User unknown in local recipient table",
        reason: Reason::UserUnknown,
        hard: true,
        rule: Rule::Status("X.1.1"),
        ..CASE
    },
    // --- ... except where the rule yields (statuses.csv `yields_to`): servers send X.1.1 for any
    // refusal of a recipient, so words naming a cause of another kind win; no UserUnknown (hard)
    // for a text that names another cause.
    Case {
        source: "qmail maildir++ patch (sagredo-dev/qmail qmail-local.c): over quota under #5.1.1",
        text: b"User over quota. (#5.1.1)",
        reason: Reason::MailboxFull,
        rule: Rule::PhraseOf(Reason::MailboxFull),
        ..CASE
    },
    Case {
        source: "Forpsi (support.forpsi.com): chkuser's full mailbox under 5.1.1",
        text: b"552 5.1.1 5.2.2 sorry, final recipient mailbox is full (chkuser)",
        reason: Reason::MailboxFull,
        rule: Rule::PhraseOf(Reason::MailboxFull),
        ..CASE
    },
    Case {
        source: "a block-list refusal under 5.1.1: the words name the sending host",
        reply_code: Some(550),
        status: Some("5.1.1"),
        text: b"550 5.1.1 Client host [192.0.2.1] blocked using zen.spamhaus.org",
        command: Some(Command::Rcpt),
        reason: Reason::Blocked,
        rule: Rule::PhraseOf(Reason::Blocked),
        ..CASE
    },
    Case {
        source: "a content refusal under 5.1.1",
        reply_code: Some(550),
        status: Some("5.1.1"),
        text: b"recipient rejected, looks like spam",
        command: Some(Command::Rcpt),
        reason: Reason::SpamDetected,
        rule: Rule::PhraseOf(Reason::SpamDetected),
        ..CASE
    },
    Case {
        source: "Exchange Online NDRs (Microsoft Learn): 5.2.2 Submission quota exceeded, a sender's rate limit",
        reply_code: Some(554),
        status: Some("5.2.2"),
        text: b"554 5.2.2 Submission quota exceeded",
        reason: Reason::RateLimited,
        rule: Rule::PhraseOf(Reason::RateLimited),
        ..CASE
    },
    Case {
        source: "a reputation listing under 5.3.2 (Cloudmark CSI-Global)",
        reply_code: Some(554),
        status: Some("5.3.2"),
        text: b"5.3.2 system not accepting network messages cmsmtp 192.0.2.24 is listed on Cloudmark CSI-Global",
        reason: Reason::BadReputation,
        rule: Rule::PhraseOf(Reason::BadReputation),
        ..CASE
    },
    Case {
        source: "qmail-remote (notqmail qmail-remote.c): a temporary DNS failure under #4.1.2",
        text: b"Sorry, I couldn't find any host by that name. (#4.1.2)",
        reason: Reason::NetworkError,
        rule: Rule::PhraseOf(Reason::NetworkError),
        ..CASE
    },
    Case {
        source: "Dovecot LMTP's quota wording under 5.1.1",
        reply_code: Some(552),
        status: Some("5.1.1"),
        text: b"552 5.1.1 <bob@example.com> Quota exceeded (mailbox for user is full)",
        command: Some(Command::Rcpt),
        reason: Reason::MailboxFull,
        rule: Rule::PhraseOf(Reason::MailboxFull),
        ..CASE
    },
    Case {
        source: "Gmail: a disabled account under 5.1.1",
        text: b"550 5.1.1 The email account that you tried to reach is disabled.",
        command: Some(Command::Rcpt),
        reason: Reason::Suspend,
        rule: Rule::PhraseOf(Reason::Suspend),
        ..CASE
    },
    Case {
        source: "Postfix: relay refused under 5.1.1",
        text: b"554 5.1.1 <bob@example.org>: Relay access denied",
        command: Some(Command::Rcpt),
        reason: Reason::NoRelaying,
        rule: Rule::PhraseOf(Reason::NoRelaying),
        ..CASE
    },
    Case {
        source: "Sendmail: a moved recipient under 5.1.1",
        text: b"550 5.1.1 <bob@example.org>... User has moved; recipient no longer on server",
        command: Some(Command::Rcpt),
        reason: Reason::HasMoved,
        hard: true,
        rule: Rule::PhraseOf(Reason::HasMoved),
        ..CASE
    },
    // --- A phrase decides where no status-first code does.
    Case {
        source: "Postfix reject_rbl_client under 5.7.1, which has no rule",
        reply_code: Some(554),
        status: Some("5.7.1"),
        text: b"Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org",
        reason: Reason::Blocked,
        rule: Rule::Phrase("blocked using"),
        ..CASE
    },
    Case {
        source: "Gmail's rate wording under X.2.1, which is text-first",
        reply_code: Some(450),
        status: Some("4.2.1"),
        text: b"The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.",
        reason: Reason::RateLimited,
        rule: Rule::PhraseOf(Reason::RateLimited),
        ..CASE
    },
    Case {
        source: "phrases match ASCII case-insensitively",
        text: b"550 5.2.2 MAILBOX FULL",
        reason: Reason::MailboxFull,
        ..CASE
    },
    Case {
        source: "Gmail's DMARC text holds \"spam\" too: the DMARC row comes first in the table",
        text: b"Unauthenticated email from example.com is not accepted due to domain's DMARC policy. To protect our users from spam",
        reason: Reason::AuthFailure,
        rule: Rule::PhraseOf(Reason::AuthFailure),
        ..CASE
    },
    Case {
        source: "Microsoft 365 sends 5.1.10 (RFC 7505 null MX) for a recipient missing from its directory; X.1.10 is text-first",
        reply_code: Some(550),
        status: Some("5.1.10"),
        text: b"550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
        command: Some(Command::Rcpt),
        reason: Reason::UserUnknown,
        hard: true,
        rule: Rule::PhraseOf(Reason::UserUnknown),
    },
    Case {
        source: "Gmail's DSN: the MX lookup answered NXDOMAIN (RFC 1035 RCODE 3): no such domain",
        text: b"DNS Error: DNS type 'mx' lookup of nonexistent.example responded with code NXDOMAIN",
        reason: Reason::HostUnknown,
        hard: true,
        ..CASE
    },
    Case {
        source: "Gmail's DSN: SERVFAIL (RCODE 2): the DNS failed, the domain may exist",
        text: b"DNS Error: DNS type 'mx' lookup of example.org responded with code SERVFAIL",
        reason: Reason::NetworkError,
        ..CASE
    },
    Case {
        source: "Sendmail's status comment for a resolver TRY_AGAIN: a transient DNS failure",
        text: b"Deferred: Name server: mx.example.org.: host name lookup failure",
        reason: Reason::NetworkError,
        ..CASE
    },
    Case {
        source: "Sendmail's HOST_NOT_FOUND: a missing host",
        text: b"Host unknown (Name server: mx.example.org.: host not found)",
        reason: Reason::HostUnknown,
        hard: true,
        ..CASE
    },
    Case {
        source: "Postfix's deferral for the resolver's TRY_AGAIN (dsn=4.4.3): the domain may exist",
        status: Some("4.4.3"),
        text: b"Host or domain name not found. Name service error for name=example.com type=MX: Host not found, try again",
        reason: Reason::NetworkError,
        ..CASE
    },
    Case {
        source: "Postfix without \"try again\": HOST_NOT_FOUND, the domain does not exist",
        text: b"Host or domain name not found. Name service error for name=example.com type=A: Host not found",
        reason: Reason::HostUnknown,
        hard: true,
        ..CASE
    },
    Case {
        source: "Amazon SES: an address on its suppression list",
        text: b"Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.",
        reason: Reason::Suppressed,
        ..CASE
    },
    Case {
        source: "RFC 5321 §4.2.2's 451 text",
        text: b"451 Requested action aborted: local error in processing",
        reason: Reason::SystemError,
        ..CASE
    },
    Case {
        source: "qmail-smtpd refuses a sender listed in control/badmailfrom",
        text: b"553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)",
        reason: Reason::Rejected,
        ..CASE
    },
    Case {
        source: "Gmail's 5.7.1 for a recipient's or sender's domain policy",
        text: b"550-5.7.1 The user or domain that you are sending to (or from) has a policy that prohibited the mail that you sent.",
        reason: Reason::PolicyViolation,
        ..CASE
    },
    // --- The same words depend on the command: an unknown user at RCPT, a filter after DATA.
    Case {
        source: "user-unknown words in reply to RCPT",
        reply_code: Some(550),
        text: b"550 <bob@example.com>: User unknown",
        command: Some(Command::Rcpt),
        reason: Reason::UserUnknown,
        hard: true,
        ..CASE
    },
    Case {
        source: "the same words after DATA: a filter that accepted the recipient first",
        reply_code: Some(550),
        text: b"550 <bob@example.com>: User unknown",
        command: Some(Command::Data),
        reason: Reason::Filtered,
        ..CASE
    },
    // --- A text-first code decides when no phrase is found.
    Case {
        source: "RFC 3463 X.2.1 without words: mailbox disabled",
        reply_code: Some(550),
        status: Some("5.2.1"),
        reason: Reason::Suspend,
        rule: Rule::StatusWithoutPhrase("X.2.1"),
        ..CASE
    },
    Case {
        source: "RFC 7505 X.1.10 without words: a null MX",
        reply_code: Some(556),
        status: Some("5.1.10"),
        reason: Reason::NotAccept,
        hard: true,
        rule: Rule::StatusWithoutPhrase("X.1.10"),
        ..CASE
    },
    // --- The command, when nothing else decides (RFC 5321 §4.1.1.2: MAIL names the sender).
    Case {
        source: "a refused MAIL",
        reply_code: Some(550),
        text: b"550 Go away",
        command: Some(Command::Mail),
        reason: Reason::Rejected,
        rule: Rule::Command(Command::Mail),
        ..CASE
    },
    Case {
        source: "a refused greeting",
        reply_code: Some(554),
        text: b"554 No",
        command: Some(Command::Greeting),
        reason: Reason::Blocked,
        rule: Rule::Command(Command::Greeting),
        ..CASE
    },
    // --- Nothing decides: Undefined, with the class.
    Case {
        source: "no words, no status, RCPT",
        reply_code: Some(550),
        text: b"550 No",
        command: Some(Command::Rcpt),
        rule: Rule::Class(Some(Class::PermanentNegativeCompletion)),
        ..CASE
    },
    Case {
        source: "nothing at all",
        rule: Rule::Class(None),
        ..CASE
    },
    // --- A transient failure (4yz, or a 4.x.x status) never suppresses the address.
    Case {
        source: "RFC 7505 null MX, permanent: hard",
        reply_code: Some(556),
        status: Some("5.1.10"),
        text: b"Domain example.com does not accept mail",
        reason: Reason::NotAccept,
        hard: true,
        ..CASE
    },
    Case {
        source: "the same words with a 4yz code: soft",
        reply_code: Some(450),
        text: b"Domain example.com does not accept mail",
        reason: Reason::NotAccept,
        ..CASE
    },
    Case {
        source: "RFC 3463 X.3.2 with a 4.x.x status: soft",
        status: Some("4.3.2"),
        reason: Reason::NotAccept,
        ..CASE
    },
    Case {
        source: "Postfix with unknown_local_recipient_reject_code = 450: the reason stands, the address is kept",
        reply_code: Some(450),
        status: Some("4.1.1"),
        text: b"450 4.1.1 <bob@example.com>: Recipient address rejected: User unknown in local recipient table",
        command: Some(Command::Rcpt),
        reason: Reason::UserUnknown,
        rule: Rule::Status("X.1.1"),
        ..CASE
    },
    Case {
        source: "Gmail's DSN for NXDOMAIN carries Status: 4.0.0: the status's class wins",
        status: Some("4.0.0"),
        text: b"DNS Error: DNS type 'mx' lookup of example.jp responded with code NXDOMAIN Domain name not found: example.jp",
        reason: Reason::HostUnknown,
        ..CASE
    },
    Case {
        source: "a 4.x.x status wins over a 5yz code",
        reply_code: Some(550),
        status: Some("4.1.1"),
        text: b"User unknown",
        command: Some(Command::Rcpt),
        reason: Reason::UserUnknown,
        ..CASE
    },
    Case {
        source: "the same words, permanent: hard",
        reply_code: Some(550),
        status: Some("5.1.1"),
        text: b"User unknown",
        command: Some(Command::Rcpt),
        reason: Reason::UserUnknown,
        hard: true,
        ..CASE
    },
    Case {
        source: "RFC 3463 X.1.6, permanent: hard",
        reply_code: Some(550),
        status: Some("5.1.6"),
        text: b"Mailbox has moved",
        command: Some(Command::Rcpt),
        reason: Reason::HasMoved,
        hard: true,
        ..CASE
    },
    Case {
        source: "RFC 3463 X.1.6, transient: kept",
        reply_code: Some(450),
        status: Some("4.1.6"),
        text: b"Mailbox has moved",
        command: Some(Command::Rcpt),
        reason: Reason::HasMoved,
        ..CASE
    },
];

#[test]
fn every_case_gives_its_reason_hard_or_soft_and_rule() {
    let mut failures = Vec::new();
    for case in CASES {
        let status = case.status.map(|text| code(text).expect("a status"));
        let diagnosis = Diagnosis::of(case.reply_code, status, case.text, case.command);
        let got = (diagnosis.reason(), diagnosis.is_hard());
        if got != (case.reason, case.hard) || !case.rule.holds(diagnosis.evidence()) {
            failures.push(format!(
                "{}: {:?} gave {diagnosis} (want {:?}, hard {}, {:?})",
                case.source,
                String::from_utf8_lossy(case.text),
                case.reason,
                case.hard,
                case.rule
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
fn phrases_are_in_file_order_and_name_their_row() {
    // Rows are in file order: the first row found in the text wins, wherever it is in the text.
    let rows: Vec<u32> = Reason::PHRASES.iter().map(Phrase::line).collect();
    assert!(rows.windows(2).all(|pair| pair[0] < pair[1]));
    assert!(Reason::PHRASES.iter().all(|p| !p.source().is_empty()));
    // Each row's source is its own: the table's rows and its source column stay in step.
    let table = include_str!("../../smtp-codes/phrases.csv");
    let lines: Vec<&str> = table.lines().collect();
    for phrase in Reason::PHRASES {
        let row = lines[phrase.line() as usize - 1];
        let source = phrase.source().replace('"', "\"\"");
        assert!(
            row.contains(&source),
            "{}: source not in its row",
            phrase.location()
        );
    }
    assert_eq!(Reason::phrase_source(Reason::PHRASES.len()), "");
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

// The macro refuses tables over 1 MiB; this checks the figure it reports, at compile time.
const _: () = assert!(Reason::MATCHER_TABLE_BYTES > 0 && Reason::MATCHER_TABLE_BYTES < 1024 * 1024);

#[test]
fn display_names_the_reason_the_verdict_and_the_rule() {
    let diagnosis = Diagnosis::of(Some(550), code("5.1.1"), b"", None);
    let shown = diagnosis.to_string();
    assert!(
        shown.starts_with("UserUnknown (hard): status X.1.1"),
        "{shown}"
    );
    let transient = Diagnosis::of(
        Some(450),
        code("4.1.1"),
        b"User unknown in local recipient table",
        Some(Command::Rcpt),
    );
    let shown = transient.to_string();
    assert!(
        shown.starts_with("UserUnknown (soft: the failure is transient): status X.1.1 decides"),
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
