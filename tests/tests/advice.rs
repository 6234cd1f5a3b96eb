//! Retry advice by the command a reply answers: every rule of `Outcome::of`.

use smtp_codes::{advice::Decision, Command, Outcome, Reply, ReplyCode};

const COMMANDS: &[Command] = Command::ALL;

#[test]
fn all_lists_every_command_once() {
    // Outside smtp-codes `Command` is non-exhaustive, so no match here can list every variant;
    // a unit test in smtp-codes does that. Here: no command twice, and the count.
    let mut seen = Vec::new();
    for command in COMMANDS {
        assert!(!seen.contains(command), "{command:?} twice");
        seen.push(*command);
    }
    assert_eq!(seen.len(), 20);
}

fn outcome(code: u16, command: Command) -> Outcome {
    Outcome::of(code, command).unwrap()
}

// Rule 1: RFC 5321 §3.8: 421 closes the channel, whatever it answers.
#[test]
fn service_not_available_closes_and_is_retried() {
    for &command in COMMANDS {
        let advice = outcome(421, command);
        assert_eq!(advice.decision(), Decision::RetryLater);
        assert!(advice.is_closing());
    }
}

// Rule 2: RFC 7504 §3: a host that does not accept mail.
#[test]
fn host_does_not_accept_mail_fails_and_closes() {
    for &command in COMMANDS {
        let advice = outcome(521, command);
        assert!(advice.is_fail_permanently() && advice.is_closing());
    }
}

// Rule 3: RFC 5321 §4.1.1.10: 221 to QUIT.
#[test]
fn service_closing_is_success_and_closes() {
    let advice = ReplyCode::ServiceClosing.outcome(Command::Quit);
    assert!(advice.is_success() && advice.is_closing());
}

// Rule 4: RFC 5321 §3.1: a 554 greeting means no SMTP service here.
#[test]
fn a_negative_greeting_ends_the_session() {
    let advice = outcome(554, Command::Greeting);
    assert!(advice.is_fail_permanently() && advice.is_closing());
    let advice = outcome(450, Command::Greeting);
    assert!(advice.is_retry_later() && advice.is_closing());
    let advice = outcome(220, Command::Greeting);
    assert!(advice.is_success() && !advice.is_closing());
    // The same 554 after the message data is a failed transaction, not the end of the session.
    let advice = outcome(554, Command::EndOfData);
    assert!(advice.is_fail_permanently() && !advice.is_closing());
}

// Rule 5: RFC 5321 §4.5.3.1.10: 552 to RCPT is "too many recipients", i.e. transient.
#[test]
fn too_many_recipients_is_retried_later() {
    let code = ReplyCode::ExceededStorageAllocation;
    assert!(code.outcome(Command::Rcpt).is_retry_later());
    assert!(!code.outcome(Command::Rcpt).is_closing());
    for command in [Command::EndOfData, Command::Mail, Command::Bdat] {
        assert!(code.outcome(command).is_fail_permanently(), "{command:?}");
    }
}

// Rule 6: otherwise by class (RFC 5321 §4.2.1).
#[test]
fn otherwise_the_class_decides() {
    for code in ReplyCode::ALL {
        if matches!(code.as_u16(), 421 | 521 | 221 | 552) {
            continue;
        }
        for &command in COMMANDS {
            if command == Command::Greeting && code.is_negative() {
                continue;
            }
            let advice = code.outcome(command);
            let expected = match code.as_u16() / 100 {
                2 => Decision::Success,
                3 => Decision::Continue,
                4 => Decision::RetryLater,
                _ => Decision::FailPermanently,
            };
            assert_eq!(advice.decision(), expected, "{code:?} to {command:?}");
            assert!(!advice.is_closing(), "{code:?} to {command:?}");
        }
    }
    assert!(ReplyCode::StartMailInput
        .outcome(Command::Data)
        .is_continue());
    assert!(ReplyCode::ServerChallenge
        .outcome(Command::Auth)
        .is_continue());
    assert!(outcome(571, Command::Rcpt).is_fail_permanently());
    assert!(outcome(471, Command::Rcpt).is_retry_later());
    // No 1yz: see `no_advice_for_codes_the_parser_refuses`.
    assert_eq!(Outcome::of(199, Command::Data), None);
    assert_eq!(Outcome::of(99, Command::Data), None);
    assert_eq!(Outcome::of(600, Command::Data), None);
}

#[test]
fn a_reply_and_its_code_get_the_same_advice() {
    for input in [
        &b"552 5.5.3 Too many recipients\r\n"[..],
        b"421 4.7.0 Try again later, closing connection.\r\n",
        b"554 No SMTP service here\r\n",
        b"250 OK\r\n",
    ] {
        let (reply, _) = Reply::parse(input).unwrap();
        let code = reply.reply_code().unwrap();
        for &command in COMMANDS {
            assert_eq!(reply.outcome(command), code.outcome(command));
        }
    }
    let (reply, _) = Reply::parse(b"571 Blocked\r\n").unwrap();
    assert!(reply.outcome(Command::Rcpt).is_fail_permanently());
}

// the two answers disagree on 552 to RCPT; the command-aware one is right
// (RFC 5321 §4.5.3.1.10: "too many recipients" is to be treated as the transient 452).
#[test]
fn outcome_not_is_retryable_decides_552_after_rcpt() {
    let code = ReplyCode::ExceededStorageAllocation;
    assert_eq!(code.as_u16(), 552);
    assert!(!code.is_retryable());
    assert_eq!(code.outcome(Command::Rcpt).decision(), Decision::RetryLater);
    let (reply, _) = Reply::parse(b"552 5.5.3 Too many recipients\r\n").unwrap();
    assert!(!reply.is_retryable());
    assert!(reply.outcome(Command::Rcpt).is_retry_later());
    // After the data the same code is a permanent failure, as `is_retryable` says.
    assert!(code.outcome(Command::EndOfData).is_fail_permanently());
}

// no advice for 1yz, which the parser refuses (RFC 5321 §4.2: the first digit
// of a reply code is 2 to 5).
#[test]
fn no_advice_for_codes_the_parser_refuses() {
    for code in (0..=199).chain(600..=999) {
        let line = format!("{code:03} x\r\n");
        let parsed = Reply::parse(line.as_bytes());
        for &command in COMMANDS {
            assert_eq!(Outcome::of(code, command), None, "{code} {command:?}");
        }
        if code >= 100 {
            assert!(parsed.is_err(), "{code}");
        }
    }
    for code in 200..=599 {
        let line = format!("{code} x\r\n");
        let (reply, _) = Reply::parse(line.as_bytes()).unwrap();
        for &command in COMMANDS {
            assert_eq!(Outcome::of(code, command), Some(reply.outcome(command)));
        }
    }
}

// `Display` for `Decision` and `Outcome`, for logs.
#[test]
fn actions_and_outcomes_display_in_words() {
    let names: Vec<String> = Decision::ALL.iter().map(ToString::to_string).collect();
    assert_eq!(
        names,
        ["success", "continue", "retry-later", "fail-permanently"]
    );
    assert_eq!(
        outcome(421, Command::Mail).to_string(),
        "retry-later, closing"
    );
    assert_eq!(
        outcome(521, Command::Greeting).to_string(),
        "fail-permanently, closing"
    );
    assert_eq!(outcome(221, Command::Quit).to_string(), "success, closing");
    assert_eq!(outcome(354, Command::Data).to_string(), "continue");
    assert_eq!(outcome(550, Command::Rcpt).to_string(), "fail-permanently");
}
