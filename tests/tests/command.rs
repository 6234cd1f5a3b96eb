//! `Command` named from text, as a client sends its verbs, and shown back.

use smtp_codes::{command::ParseCommandError, Command};

#[test]
fn verbs_parse_in_any_case() {
    // The verbs of RFC 5321 §4.1.1, RFC 2033 §4.1, RFC 3030 §2, RFC 3207 §4, RFC 4954 §4,
    // RFC 1985, RFC 2645 and RFC 4468, written here by hand.
    let cases = [
        ("HELO", Command::Helo),
        ("EHLO", Command::Ehlo),
        ("LHLO", Command::Lhlo),
        ("MAIL", Command::Mail),
        ("RCPT", Command::Rcpt),
        ("DATA", Command::Data),
        ("BDAT", Command::Bdat),
        ("RSET", Command::Rset),
        ("VRFY", Command::Vrfy),
        ("EXPN", Command::Expn),
        ("HELP", Command::Help),
        ("NOOP", Command::Noop),
        ("QUIT", Command::Quit),
        ("STARTTLS", Command::StartTls),
        ("AUTH", Command::Auth),
        ("ETRN", Command::Etrn),
        ("ATRN", Command::Atrn),
        ("BURL", Command::Burl),
    ];
    for (verb, command) in cases {
        assert_eq!(verb.parse::<Command>(), Ok(command), "{verb}");
        assert_eq!(
            verb.to_ascii_lowercase().parse::<Command>(),
            Ok(command),
            "{verb}"
        );
        assert_eq!(command.as_str(), verb);
        assert_eq!(command.to_string(), verb);
    }
    assert_eq!("StartTls".parse(), Ok(Command::StartTls));
    assert_eq!("rCpT".parse(), Ok(Command::Rcpt));
}

#[test]
fn replies_that_answer_no_verb_have_names() {
    assert_eq!("greeting".parse(), Ok(Command::Greeting));
    assert_eq!("GREETING".parse(), Ok(Command::Greeting));
    assert_eq!("end-of-data".parse(), Ok(Command::EndOfData));
    assert_eq!("End-Of-Data".parse(), Ok(Command::EndOfData));
    assert_eq!(Command::Greeting.to_string(), "greeting");
    assert_eq!(Command::EndOfData.to_string(), "end-of-data");
}

#[test]
fn every_command_round_trips() {
    for &command in Command::ALL {
        assert_eq!(command.as_str().parse(), Ok(command));
        assert_eq!(command.to_string(), command.as_str());
    }
}

#[test]
fn other_text_is_refused() {
    for text in [
        "",
        "RCPT TO",
        "RCPT TO:<bob@example.com>",
        " RCPT",
        "RCPT ",
        "MAIL FROM",
        "RCP",
        "RCPTS",
        "end of data",
        "EndOfData",
        ".",
        "TURN",
        "ＲＣＰＴ",
    ] {
        assert_eq!(text.parse::<Command>(), Err(ParseCommandError), "{text:?}");
    }
    assert!(ParseCommandError
        .to_string()
        .contains("not an SMTP command"));
}
