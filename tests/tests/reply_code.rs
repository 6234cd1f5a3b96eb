//! `ReplyCode` against `codes.csv`, read here independently of the macro.

use std::collections::BTreeMap;
use std::path::Path;
use std::str::FromStr;

use smtp_codes::{code::Category, code::ParseReplyCodeError, Class, ReplyCode};

struct Row {
    code: u16,
    name: String,
    meaning: String,
    retryable: bool,
    reference: String,
}

fn workspace_file(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(name)
}

fn table() -> BTreeMap<u16, Row> {
    let mut reader = csv::Reader::from_path(workspace_file("codes.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (code, name, meaning, retryable, reference) = (
        column("code"),
        column("name"),
        column("meaning"),
        column("retryable"),
        column("reference"),
    );
    let mut rows = BTreeMap::new();
    for record in reader.records() {
        let record = record.unwrap();
        let row = Row {
            code: record[code].parse().unwrap(),
            name: record[name].to_owned(),
            meaning: record[meaning].to_owned(),
            retryable: record[retryable] == *"true",
            reference: record[reference].to_owned(),
        };
        assert!(rows.insert(row.code, row).is_none(), "duplicate code");
    }
    rows
}

#[test]
fn every_row_is_a_variant_with_its_data() {
    let rows = table();
    assert_eq!(ReplyCode::ALL.len(), rows.len());
    for (code, (number, row)) in ReplyCode::ALL.iter().zip(&rows) {
        assert_eq!(code.as_u16(), *number);
        assert_eq!(format!("{code:?}"), row.name);
        assert_eq!(code.meaning(), row.meaning);
        assert_eq!(code.is_retryable(), row.retryable, "{code:?}");
        assert_eq!(code.reference(), row.reference);
        assert_eq!(code.as_str(), number.to_string());
        assert_eq!(*code as u16, *number, "the discriminant is the code");
    }
}

#[test]
fn all_is_ascending() {
    assert!(ReplyCode::ALL.windows(2).all(|pair| pair[0] < pair[1]));
}

#[test]
fn the_table_has_every_standard_code() {
    let standard = [
        // RFC 5321
        211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455, 500, 501, 502, 503, 504,
        550, 551, 552, 553, 554, 555, // RFC 7504
        521, 556, // RFC 4954
        235, 334, 432, 454, 530, 534, 535, 538, // RFC 1985 (ETRN)
        253, 458, 459, // RFC 2645 (ATRN)
        453,
    ];
    for code in standard {
        assert!(ReplyCode::from_u16(code).is_some(), "{code} is missing");
    }
    assert_eq!(
        ReplyCode::ALL.len(),
        standard.len(),
        "a code no RFC defines"
    );
    // Seen in the wild, defined by no RFC: unknown codes, not rows.
    for code in [571, 510, 541, 200, 500 + 99] {
        assert_eq!(ReplyCode::from_u16(code), None);
    }
}

#[test]
fn the_rfc_facts_the_blog_lists_get_wrong() {
    assert_eq!(
        ReplyCode::ExceededStorageAllocation.to_string(),
        "552 Requested mail action aborted: exceeded storage allocation"
    );
    assert_eq!(ReplyCode::MailboxNameNotAllowed.as_u16(), 553);
    assert_eq!(ReplyCode::MailboxUnavailable.as_u16(), 550);
    assert_eq!(ReplyCode::ServiceReady.as_u16(), 220);
    for several_uses in [454, 530, 554, 220] {
        let meaning = ReplyCode::from_u16(several_uses).unwrap().meaning();
        assert!(meaning.contains("; or"), "{several_uses}: {meaning}");
    }
}

#[test]
fn retryable_is_exactly_the_4yz_codes() {
    for code in ReplyCode::ALL {
        assert_eq!(code.is_retryable(), code.as_u16() / 100 == 4, "{code:?}");
    }
}

#[test]
fn from_u16_over_every_u16() {
    let rows = table();
    for number in 0..=u16::MAX {
        if let Some(code) = ReplyCode::from_u16(number) {
            assert!(rows.contains_key(&number));
            assert_eq!(code.as_u16(), number);
            assert_eq!(ReplyCode::try_from(number), Ok(code));
            assert_eq!(u16::from(code), number);
            assert!(code == number);
            assert!(number == code);
        } else {
            assert!(!rows.contains_key(&number));
            assert_eq!(
                ReplyCode::try_from(number),
                Err(ParseReplyCodeError::Unknown(number))
            );
        }
    }
}

#[test]
fn classification_follows_the_digits() {
    for code in ReplyCode::ALL {
        let number = code.as_u16();
        assert_eq!(u16::from(code.class().digit()), number / 100);
        assert_eq!(u16::from(code.category().digit()), number / 10 % 10);
        assert_eq!(Class::from_code(number), Some(code.class()));
        assert_eq!(Category::from_code(number), Some(code.category()));
        let first = number / 100;
        assert_eq!(code.is_positive(), first <= 3);
        assert_eq!(code.is_negative(), first >= 4);
        assert_eq!(code.is_success(), first == 2);
        assert_eq!(code.is_intermediate(), first == 3);
        assert_eq!(code.is_transient(), first == 4);
        assert_eq!(code.is_permanent(), first == 5);
    }
}

#[test]
fn class_and_category_of_any_code() {
    assert_eq!(
        Class::from_code(571),
        Some(Class::PermanentNegativeCompletion)
    );
    assert_eq!(Category::from_code(571), None);
    assert_eq!(Class::from_code(199), Some(Class::PositivePreliminary));
    for outside in [0, 99, 600, 999, u16::MAX] {
        assert_eq!(Class::from_code(outside), None);
        assert_eq!(Category::from_code(outside), None);
    }
    for code in 100..=599u16 {
        assert_eq!(
            u16::from(Class::from_code(code).unwrap().digit()),
            code / 100
        );
        assert_eq!(
            Category::from_code(code).map(|c| u16::from(c.digit())),
            (code / 10 % 10 <= 5).then_some(code / 10 % 10)
        );
    }
    assert!(Class::TransientNegativeCompletion.is_retryable());
    assert!(!Class::PermanentNegativeCompletion.is_retryable());
    assert_eq!(
        Class::TransientNegativeCompletion.to_string(),
        "Transient Negative Completion"
    );
    assert_eq!(Category::Connections.to_string(), "Connections");
}

#[test]
fn display_and_from_str_round_trip() {
    for code in ReplyCode::ALL {
        let shown = code.to_string();
        assert_eq!(shown, format!("{} {}", code.as_u16(), code.meaning()));
        assert_eq!(ReplyCode::from_str(&shown[..3]), Ok(*code));
        assert_eq!(code.as_str().parse::<ReplyCode>(), Ok(*code));
    }
    assert_eq!(
        ReplyCode::MailboxUnavailable.to_string(),
        "550 Requested action not taken: mailbox unavailable"
    );
}

#[test]
fn from_str_rejects_what_is_not_exactly_a_known_code() {
    for text in [
        " 550",
        "550 ",
        "55",
        "5500",
        "abc",
        "",
        "+55",
        "５５０",
        "550\n",
        "-50",
    ] {
        assert_eq!(
            text.parse::<ReplyCode>(),
            Err(ParseReplyCodeError::NotThreeDigits),
            "{text:?}"
        );
    }
    assert_eq!(
        "571".parse::<ReplyCode>(),
        Err(ParseReplyCodeError::Unknown(571))
    );
    assert_eq!(
        "000".parse::<ReplyCode>(),
        Err(ParseReplyCodeError::Unknown(0))
    );
    let error: &dyn std::error::Error = &ParseReplyCodeError::Unknown(571);
    assert_eq!(error.to_string(), "unknown SMTP reply code 571");
}

#[test]
fn the_runtime_crate_ships_the_same_table() {
    let root = std::fs::read(workspace_file("codes.csv")).unwrap();
    let shipped = std::fs::read(workspace_file("smtp-codes/codes.csv")).unwrap();
    assert_eq!(root, shipped);
}

// `AnyReplyCode` holds every code the parser accepts, known or not.
#[test]
fn any_reply_code_is_what_the_parser_accepts() {
    use smtp_codes::{
        code::Category, code::ParseReplyCodeError, AnyReplyCode, Class, Command, Reply,
    };
    let mut accepted = 0;
    for code in 0..=1000u16 {
        let line = format!("{code:03} x\r\n");
        let parsed = Reply::parse(line.as_bytes()).ok().map(|(reply, _)| reply);
        let any = AnyReplyCode::new(code);
        assert_eq!(any.is_some(), parsed.is_some(), "{code}");
        assert_eq!(AnyReplyCode::try_from(code).ok(), any);
        if let (Some(any), Some(reply)) = (any, parsed) {
            accepted += 1;
            assert_eq!(reply.any_reply_code(), any);
            assert_eq!(any.as_u16(), code);
            assert_eq!(any.known(), ReplyCode::from_u16(code));
            assert_eq!(any.class(), reply.class());
            assert_eq!(any.category(), reply.category());
            assert_eq!(any.is_retryable(), reply.is_retryable());
            for &command in Command::ALL {
                assert_eq!(any.outcome(command), reply.outcome(command));
            }
            assert_eq!(format!("{code}").parse::<AnyReplyCode>(), Ok(any));
            assert_eq!(any.to_string(), format!("{code}"));
        }
    }
    // First digit 2 to 5, any other two digits (the parser's policy, `Reply`'s docs): 200..=599.
    assert_eq!(accepted, 400);
    assert_eq!(AnyReplyCode::new(199), None);
    assert_eq!(AnyReplyCode::new(600), None);
    let unknown = AnyReplyCode::new(571).unwrap();
    assert_eq!(unknown.class(), Class::PermanentNegativeCompletion);
    assert_eq!(unknown.category(), None);
    assert_eq!(
        AnyReplyCode::from(ReplyCode::MailboxUnavailable).category(),
        Some(Category::MailSystem)
    );
    assert_eq!(
        AnyReplyCode::from(ReplyCode::MailboxUnavailable),
        ReplyCode::MailboxUnavailable
    );
    assert_eq!(u16::from(unknown), 571);
    assert_eq!(
        "199".parse::<AnyReplyCode>(),
        Err(ParseReplyCodeError::OutOfRange(199))
    );
    assert_eq!(
        "57".parse::<AnyReplyCode>(),
        Err(ParseReplyCodeError::NotThreeDigits)
    );
    assert_eq!(
        ParseReplyCodeError::OutOfRange(199).to_string(),
        "199 is not an SMTP reply code: the first digit must be 2 to 5"
    );
    // It writes as any code does.
    let mut out = String::new();
    smtp_codes::write_reply(&mut out, unknown, None, &["Blocked"]).unwrap();
    assert_eq!(out, "571 Blocked\r\n");
}

// code generic over any table, and a parsed reply's code looked up in one.
#[test]
fn reply_code_table_is_the_generated_api() {
    use smtp_codes::{code::ReplyCodeTable, AnyReplyCode, Command, Reply};

    fn row<T: ReplyCodeTable>(code: u16) -> Option<(u16, &'static str, bool)> {
        T::from_u16(code).map(|known| (known.as_u16(), known.meaning(), known.is_retryable()))
    }
    assert_eq!(
        row::<ReplyCode>(550),
        Some((
            550,
            "Requested action not taken: mailbox unavailable",
            false
        ))
    );
    assert_eq!(row::<ReplyCode>(571), None);
    assert_eq!(<ReplyCode as ReplyCodeTable>::ALL, ReplyCode::ALL);
    for &code in ReplyCode::ALL {
        assert_eq!(ReplyCodeTable::as_str(code), code.as_str());
        assert_eq!(ReplyCodeTable::reference(code), code.reference());
        assert_eq!(ReplyCodeTable::class(code), code.class());
        assert_eq!(ReplyCodeTable::category(code), Some(code.category()));
        for &command in Command::ALL {
            assert_eq!(
                ReplyCodeTable::outcome(code, command),
                code.outcome(command)
            );
        }
    }
    let (reply, _) = Reply::parse(b"552 5.5.3 Too many recipients\r\n").unwrap();
    assert_eq!(
        reply.code_in::<ReplyCode>(),
        Some(ReplyCode::ExceededStorageAllocation)
    );
    let (unknown, _) = Reply::parse(b"571 Blocked\r\n").unwrap();
    assert_eq!(unknown.code_in::<ReplyCode>(), None);
    assert_eq!(unknown.any_reply_code().known_in::<ReplyCode>(), None);
    assert_eq!(
        AnyReplyCode::new(421).unwrap().known_in::<ReplyCode>(),
        Some(ReplyCode::ServiceNotAvailable)
    );
}
