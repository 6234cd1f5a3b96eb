//! [`explain`]: the pasted text recognized, then each reply, recipient or code turned into an
//! [`Item`].

use smtp_codes::advice::Decision;
use smtp_codes::dsn::{Action, DeliveryStatus, Recipient};
use smtp_codes::ehlo::MessageSize;
use smtp_codes::reply::ParseReplyError;
use smtp_codes::{
    Class, Command, Diagnosis, Ehlo, EnhancedCode, EnhancedStatus, Extension, Outcome, Reply,
    ReplyCode,
};
use smtp_codes_bounce::{Format, Kind};

use crate::read::{self, shown, trim};
use crate::{
    email, words, AdviceFacts, CapabilityFacts, CodeFacts, CommandFacts, DiagnosisFacts, EhloFacts,
    EnhancedFacts, Explanation, Input, Item, RecipientFacts,
};

/// Explains a pasted text: a reply (one line or several, or several replies), a log line or
/// bounce text quoting one, a delivery status report or some of its fields, a whole email (a
/// bounce, a delay warning, a complaint, an automatic reply: what it is, and each recipient it
/// reports on), a bare reply code or enhanced status code, a reply to EHLO. `command` is the
/// command the reply answered, when the reader knows it; otherwise the one the text names, if
/// any.
///
/// ```
/// use smtp_codes_web::{explain, Input, VerdictKind};
/// let log = b"host mx.example.com[192.0.2.1] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command)";
/// let explanation = explain(log, None);
/// assert_eq!(explanation.input, Input::LogLine);
/// let item = &explanation.items[0];
/// assert_eq!(item.command.as_ref().unwrap().name, "RCPT");
/// assert_eq!(item.verdict.kind, VerdictKind::RetryLater);
/// ```
#[must_use]
pub fn explain(text: &[u8], command: Option<Command>) -> Explanation {
    let text = trim(text);
    let given = command.map(|command| CommandFacts {
        name: command.as_str(),
        source: "given",
    });
    if text.is_empty() {
        return explanation(Input::Empty, "Nothing to explain yet.".into(), Vec::new());
    }
    if let Some(code) = read::bare_code(text) {
        return explain_code(code, command, given);
    }
    if let Some(enhanced) = read::bare_enhanced(text) {
        return explain_enhanced(enhanced, command, given);
    }
    if read::looks_like_email(text) || read::names_delivery_status_part(text) {
        return explain_email(text, command);
    }
    if read::field_name(text).is_some_and(read::is_dsn_field) {
        let mut explanation = explain_report(text, command, Input::DeliveryStatus);
        let count = explanation.items.len();
        if explanation.error.is_none() {
            explanation.summary = format!(
                "A delivery status report (RFC 3464) about {}.",
                plural(count, "recipient", "recipients")
            );
        }
        return explanation;
    }
    if read::starts_with_digits_and_separator(text) {
        return explain_replies(text, command, given);
    }
    explain_log_lines(text, command, false).unwrap_or_else(|| Explanation {
        input: Input::NotUnderstood,
        summary: "Nothing here reads as an SMTP reply.".into(),
        items: Vec::new(),
        notes: Vec::new(),
        error: Some(
            "No reply code found: paste a server's reply (550 5.1.1 ...), a log line that quotes one (... said: 550 ...), a bounce's Diagnostic-Code line, the whole bounce email, or a code alone (550, 5.1.1)."
                .into(),
        ),
        email: None,
    })
}

/// An explanation with no notes, no error and no email.
fn explanation(input: Input, summary: String, items: Vec<Item>) -> Explanation {
    Explanation {
        input,
        summary,
        items,
        notes: Vec::new(),
        error: None,
        email: None,
    }
}

/// `1 recipient`, `2 recipients`.
fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// A code alone, read as the bare reply `550`.
fn explain_code(code: u16, command: Option<Command>, given: Option<CommandFacts>) -> Explanation {
    let wire = format!("{code:03}\r\n");
    match Reply::parse(wire.as_bytes()) {
        Ok((reply, _)) => {
            let item = reply_item(&reply, command, given);
            let mut explanation = explanation(
                Input::Code,
                format!("A reply code alone: {code:03}."),
                vec![item],
            );
            if command.is_none() && code == 552 {
                explanation.notes.push("In reply to RCPT, 552 means too many recipients: retry the others later (RFC 5321 §4.5.3.1.10). Choose the command to see that advice.".into());
            }
            explanation
        }
        Err(_) => Explanation {
            input: Input::Code,
            summary: format!("{code:03} is not an SMTP reply code."),
            items: Vec::new(),
            notes: Vec::new(),
            error: Some(format!(
                "{code:03} is not an SMTP reply code: the first digit of a reply code is 2 to 5 (RFC 5321 §4.2)."
            )),
            email: None,
        },
    }
}

/// An enhanced status code alone: its registry entry and the status rule of the diagnosis.
fn explain_enhanced(
    code: EnhancedCode,
    command: Option<Command>,
    given: Option<CommandFacts>,
) -> Explanation {
    let diagnosis = Diagnosis::of(None, Some(code), b"", command);
    let class = code.class().reply_class();
    // The class of an enhanced code is 2, 4 or 5: `x00` is a reply code of the same class.
    let outcome = Outcome::of(
        u16::from(class.digit()) * 100,
        command.unwrap_or(Command::Noop),
    );
    let verdict = outcome.map_or_else(words::unclear, |outcome| {
        words::for_reply(outcome, class.is_negative().then_some(&diagnosis), false)
    });
    let item = Item {
        heading: code.to_string(),
        verdict,
        lines: Vec::new(),
        recipient: None,
        code: None,
        enhanced: Some(enhanced_facts(code)),
        command: given,
        advice: None,
        diagnosis: class.is_negative().then(|| diagnosis_facts(&diagnosis)),
        ehlo: None,
    };
    explanation(
        Input::EnhancedCode,
        format!("An enhanced status code alone: {code}."),
        vec![item],
    )
}

/// Replies as a server sends them: lines that start with a code, white space before them and
/// blank lines between them ignored.
fn explain_replies(
    text: &[u8],
    command: Option<Command>,
    given: Option<CommandFacts>,
) -> Explanation {
    // The replies' lines, each without the white space around it and ending in CRLF, and the
    // line of the pasted text each comes from.
    let mut wire = Vec::with_capacity(text.len() + 64);
    let mut origin = Vec::new();
    for (number, line) in read::lines(text).enumerate() {
        let line = trim(line);
        if !line.is_empty() {
            wire.extend_from_slice(line);
            wire.extend_from_slice(b"\r\n");
            origin.push(number + 1);
        }
    }
    let mut items = Vec::new();
    let mut notes = Vec::new();
    let mut error = None;
    let mut at = 0;
    while at < wire.len() {
        match Reply::parse(&wire[at..]) {
            Ok((reply, used)) => {
                items.push(reply_item(&reply, command, given));
                at += used;
            }
            Err(ParseReplyError::Incomplete) => {
                // The last line says more lines follow (`550-...`), and none does: read it as
                // the last line.
                let last = wire[..wire.len() - 2]
                    .iter()
                    .rposition(|&byte| byte == b'\n')
                    .map_or(0, |lf| lf + 1);
                if wire.get(last + 3) == Some(&b'-') {
                    wire[last + 3] = b' ';
                    notes.push(format!(
                        "Line {} starts with {}- (more lines follow) but is the last: read as the reply's last line.",
                        origin.last().copied().unwrap_or(1),
                        shown(&wire[last..last + 3])
                    ));
                    continue;
                }
                error = Some("The reply is incomplete.".to_owned());
                break;
            }
            Err(parse_error) => {
                let offset = at + error_offset(parse_error).unwrap_or(0);
                let line = read::lines(&wire[..offset]).count() - 1;
                let number = origin.get(line).copied().unwrap_or(line + 1);
                let message = parse_error.to_string();
                let message = message
                    .split_once(": ")
                    .filter(|(prefix, _)| prefix.starts_with("byte "))
                    .map_or(message.as_str(), |(_, rest)| rest);
                error = Some(format!("Line {number}: {message}."));
                break;
            }
        }
    }
    let summary = match items.as_slice() {
        [] => "Not a reply.".to_owned(),
        [item] => format!("A reply of {}.", plural(item.lines.len(), "line", "lines")),
        items => format!("{} replies.", items.len()),
    };
    Explanation {
        input: Input::Reply,
        summary,
        items,
        notes,
        error,
        email: None,
    }
}

/// Where in the reply a parse error is.
fn error_offset(error: ParseReplyError) -> Option<usize> {
    match error {
        ParseReplyError::NotACode { offset }
        | ParseReplyError::CodeOutOfRange { offset, .. }
        | ParseReplyError::InvalidSeparator { offset, .. }
        | ParseReplyError::CodeMismatch { offset, .. } => Some(offset),
        _ => None,
    }
}

/// Lines that quote a reply: each logical line (folds joined) with a reply after a space or
/// colon, or, with `strict`, after the words an MTA writes before one (`said:`). The command is
/// the one the line names, else its paragraph (qmail: "does not like recipient." on the line
/// before). `None` when no line quotes a reply.
fn explain_log_lines(text: &[u8], command: Option<Command>, strict: bool) -> Option<Explanation> {
    let mut items = Vec::new();
    for paragraph in read::paragraphs(text) {
        let whole = paragraph.join(&b' ');
        for line in &paragraph {
            if let Some(item) = log_line_item(line, &whole, command, strict) {
                if !items.contains(&item) {
                    items.push(item);
                }
            }
        }
    }
    if items.is_empty() {
        return None;
    }
    let summary = if items.len() == 1 {
        "A log line that quotes the server's reply.".to_owned()
    } else {
        format!("{} lines that quote a server's reply.", items.len())
    };
    Some(explanation(Input::LogLine, summary, items))
}

/// The reply `line` quotes, explained, with the command it or its `paragraph` names.
fn log_line_item(
    line: &[u8],
    paragraph: &[u8],
    command: Option<Command>,
    strict: bool,
) -> Option<Item> {
    let start = read::quoted_reply_start(line, strict)?;
    let wire = read::quoted_reply(line, start);
    let (reply, _) = Reply::parse(&wire).ok()?;
    let named = Diagnosis::of(None, None, line, None)
        .command()
        .or_else(|| Diagnosis::of(None, None, paragraph, None).command());
    let (command, facts) = match (command, named) {
        (Some(command), _) => (Some(command), Some(("given", command))),
        (None, Some(named)) => (Some(named), Some(("text", named))),
        (None, None) => (None, None),
    };
    let facts = facts.map(|(source, command)| CommandFacts {
        name: command.as_str(),
        source,
    });
    Some(reply_item(&reply, command, facts))
}

/// A whole email, read by the bounce library: what it is, and one item per recipient it
/// reports on. An email that is not a bounce by its form (a person's forward, a quote) gives
/// the lines of its text that quote a server's reply, if any.
fn explain_email(text: &[u8], command: Option<Command>) -> Explanation {
    let (bounce, more) = email::read(text);
    let kind = bounce.kind();
    let items = email::items(&bounce, command);
    let facts = email::facts(&bounce, &items);
    let mut explanation = explanation(Input::Email, String::new(), items);
    explanation.summary = if kind.is_delivery_report() {
        let written = facts
            .format_plain
            .as_ref()
            .map_or(String::new(), |format| format!(", written as {format},"));
        format!(
            "{}{written} about {}.",
            email::kind_plain(kind),
            plural(explanation.items.len(), "recipient", "recipients")
        )
    } else {
        format!("{}.", email::kind_plain(kind))
    };
    match bounce.format() {
        Some(Format::DeliveryStatus) => explanation.notes.push(
            "Read from the email's delivery-status part (RFC 3464), and from the text beside it for the command each reply answered."
                .into(),
        ),
        Some(Format::Text(_)) if !explanation.items.is_empty() => explanation.notes.push(
            "This bounce has no delivery-status part: the recipients above were read from its text, written for people. Check that they are the ones your message went to."
                .into(),
        ),
        _ => {}
    }
    if kind == Kind::NotABounce && explanation.items.is_empty() {
        if let Some(quoted) = explain_log_lines(text, command, true) {
            explanation.summary =
                format!(
                "An email that is not a bounce by its form; {} of its text {} a server's reply.",
                plural(quoted.items.len(), "line", "lines"),
                if quoted.items.len() == 1 { "quotes" } else { "quote" },
            );
            explanation.items = quoted.items;
            explanation.notes.push("The lines above were picked from the email's text (a forwarded bounce, a quote): check that they are about your message.".into());
        } else {
            explanation.error = Some("This email is not a bounce: it has no delivery report (RFC 3464), no bounce text of a server this page knows, and no line that quotes a server's reply. Paste the server's reply from it, if it has one.".into());
        }
    }
    if more {
        explanation
            .notes
            .push("The text holds several emails (an mbox file): the first is explained.".into());
    }
    explanation.email = Some(facts);
    explanation
}

/// A delivery status report: one item per recipient. The command is the one given, else the
/// one a recipient's diagnostic names.
fn explain_report(report: &[u8], command: Option<Command>, input: Input) -> Explanation {
    let prefix = match DeliveryStatus::parse_prefix(report) {
        Ok(prefix) => prefix,
        Err(error) => {
            let mut explanation =
                explanation(input, "Not a delivery status report.".into(), Vec::new());
            explanation.error = Some(format!(
                "The delivery status report does not parse: {error}."
            ));
            return explanation;
        }
    };
    let report = prefix.report;
    let reporting_mta = report
        .per_message()
        .reporting_mta()
        .map(|mta| shown(mta.value()));
    let items = report
        .recipients()
        .map(|recipient| recipient_item(&recipient, command, reporting_mta.clone()))
        .collect();
    let mut explanation = explanation(input, String::new(), items);
    if let Some(error) = prefix.stopped_by {
        explanation.notes.push(format!(
            "The report stops early ({error}); the recipients before that are explained."
        ));
    }
    explanation
}

/// One recipient of a report.
fn recipient_item(
    recipient: &Recipient<'_>,
    given: Option<Command>,
    reporting_mta: Option<String>,
) -> Item {
    let diagnosis = recipient.diagnose(given);
    let (command, source) = match (given, diagnosis.command()) {
        (Some(command), _) => (Some(command), "given"),
        (None, Some(named)) => (Some(named), "text"),
        (None, None) => (None, ""),
    };
    let diagnostic = recipient.diagnostic_code();
    let reply_code = diagnostic.and_then(|diagnostic| diagnostic.reply_code());
    let status = diagnosis.status();
    let class = match status {
        Some(status) => Some(status.class().reply_class()),
        None => reply_code.and_then(Class::from_code),
    };
    let action = recipient.action();
    let address = recipient.address().map(shown);
    let advice = reply_code.and_then(|code| {
        Outcome::of(code, command.unwrap_or(Command::Noop))
            .map(|outcome| advice_facts(outcome, code, class, command))
    });
    let lines = diagnostic.map_or_else(Vec::new, |diagnostic| {
        read::lines(diagnostic.value())
            .map(trim)
            .filter(|line| !line.is_empty())
            .map(shown)
            .collect()
    });
    let failed =
        !matches!(class, Some(Class::PositiveCompletion)) && action.is_none_or(Action::is_failure);
    Item {
        heading: match &address {
            Some(address) => format!("Recipient {address}"),
            None => "Recipient (the report names no address)".into(),
        },
        verdict: words::for_recipient(action, class, &diagnosis),
        lines,
        recipient: Some(RecipientFacts {
            original_address: recipient
                .original_recipient()
                .map(|original| shown(original.value()))
                .filter(|original| Some(original) != address.as_ref()),
            address,
            action: action.map(Action::name),
            action_stated: action.is_some(),
            status: recipient.status().map(|status| status.to_string()),
            remote_mta: recipient.remote_mta().map(|mta| shown(mta.value())),
            diagnostic_type: diagnostic
                .map(|diagnostic| shown(diagnostic.kind()))
                .filter(|kind| !kind.is_empty()),
            reporting_mta,
            date: recipient.last_attempt_date().map(shown),
            source: None,
        }),
        code: reply_code.map(code_facts),
        enhanced: status.map(enhanced_facts),
        command: command.map(|command| CommandFacts {
            name: command.as_str(),
            source,
        }),
        advice,
        diagnosis: failed.then(|| diagnosis_facts(&diagnosis)),
        ehlo: None,
    }
}

/// One reply: its lines, code, enhanced code, advice, diagnosis, and capabilities when it
/// answers EHLO.
fn reply_item(reply: &Reply<'_>, command: Option<Command>, given: Option<CommandFacts>) -> Item {
    let code = reply.code();
    let class = reply.class();
    let ehlo = ehlo_reply(reply, command);
    let outcome = reply.outcome(command.unwrap_or(Command::Noop));
    let diagnosis = class.is_negative().then(|| reply.diagnose(command));
    let heading = match reply.enhanced() {
        Some(enhanced) => format!("{code:03} {enhanced}"),
        None => format!("{code:03}"),
    };
    Item {
        heading,
        verdict: words::for_reply(outcome, diagnosis.as_ref(), ehlo.is_some()),
        lines: read::lines(reply.as_bytes())
            .filter(|line| !line.is_empty())
            .map(shown)
            .collect(),
        recipient: None,
        code: Some(code_facts(code)),
        enhanced: reply.enhanced().map(enhanced_facts),
        command: given,
        advice: Some(advice_facts(outcome, code, Some(class), command)),
        diagnosis: diagnosis.as_ref().map(diagnosis_facts),
        ehlo: ehlo.as_ref().map(ehlo_facts),
    }
}

/// The reply as a reply to EHLO: when told it answers EHLO or LHLO, or, when not told what it
/// answers, a `250` reply of several lines at least one of which is a registered keyword.
fn ehlo_reply<'a>(reply: &Reply<'a>, command: Option<Command>) -> Option<Ehlo<'a>> {
    let ehlo = Ehlo::parse(reply).ok()?;
    let told = matches!(command, Some(Command::Ehlo | Command::Lhlo));
    let looks = command.is_none()
        && reply.line_count() > 1
        && ehlo
            .capabilities()
            .any(|capability| capability.extension().is_some());
    (told || looks).then_some(ehlo)
}

/// A code: the table's row, or its class.
pub(crate) fn code_facts(code: u16) -> CodeFacts {
    let class = Class::from_code(code).unwrap_or(Class::PermanentNegativeCompletion);
    let category = smtp_codes::code::Category::from_code(code);
    let category_digit = u8::try_from(code / 10 % 10).unwrap_or(0);
    match ReplyCode::from_u16(code) {
        Some(known) => CodeFacts {
            code,
            known: true,
            meaning: known.meaning().into(),
            reference: known.reference(),
            class_digit: class.digit(),
            class_name: class.name(),
            class_plain: words::class_plain(class),
            category: Some(known.category().name()),
            category_digit,
            retryable: known.is_retryable(),
        },
        None => CodeFacts {
            code,
            known: false,
            meaning: format!(
                "Not in the table of standard codes: an unknown code, read by its first digit, {}: a {} (RFC 5321 §4.2.1).",
                class.digit(),
                words::class_plain(class)
            ),
            reference: "",
            class_digit: class.digit(),
            class_name: class.name(),
            class_plain: words::class_plain(class),
            category: category.map(smtp_codes::code::Category::name),
            category_digit,
            retryable: class.is_retryable(),
        },
    }
}

/// An enhanced code and its registry entry.
pub(crate) fn enhanced_facts(code: EnhancedCode) -> EnhancedFacts {
    let status = code.status();
    EnhancedFacts {
        code: code.to_string(),
        class_name: code.class().name(),
        subject: code.subject_kind().map(smtp_codes::enhanced::Subject::name),
        title: status.map(EnhancedStatus::title),
        reference: status.map(EnhancedStatus::reference),
    }
}

/// The advice and the rule of [`Outcome::of`] that gave it.
pub(crate) fn advice_facts(
    outcome: Outcome,
    code: u16,
    class: Option<Class>,
    command: Option<Command>,
) -> AdviceFacts {
    let decision = match outcome.decision() {
        Decision::Success => "Success",
        Decision::Continue => "Continue",
        Decision::RetryLater => "RetryLater",
        _ => "FailPermanently",
    };
    let rule = match (code, command) {
        (421, _) => "421 to any command: retry later; the server closes the connection (RFC 5321 §3.8, §4.2.2).".to_owned(),
        (521, _) => "521: the host does not accept mail; the session ends (RFC 7504 §3).".to_owned(),
        (221, _) => "221: the server closes the connection (RFC 5321 §4.2.2).".to_owned(),
        (552, Some(Command::Rcpt)) => "552 to RCPT means too many recipients: retry the others later, as for 452 (RFC 5321 §4.5.3.1.10).".to_owned(),
        (_, Some(Command::Greeting)) if outcome.is_closing() => "A refused greeting ends the session (RFC 5321 §3.1).".to_owned(),
        _ => {
            let class = class.or_else(|| Class::from_code(code));
            let digit = class.map_or(code / 100, |class| u16::from(class.digit()));
            let name = class.map_or("", Class::name);
            let unknown = if command.is_none() {
                " The command is not known; the advice is the code's."
            } else {
                ""
            };
            format!("By the first digit, {digit}: {name} (RFC 5321 §4.2.1).{unknown}")
        }
    };
    AdviceFacts {
        decision,
        closing: outcome.is_closing(),
        rule,
    }
}

/// A diagnosis, with the rule that decided.
pub(crate) fn diagnosis_facts(diagnosis: &Diagnosis) -> DiagnosisFacts {
    DiagnosisFacts {
        reason: diagnosis.reason().to_string(),
        description: diagnosis.reason().description(),
        hard: diagnosis.is_hard(),
        rule: diagnosis.evidence().to_string(),
        summary: diagnosis.to_string(),
    }
}

/// The capabilities of a reply to EHLO, each with the registry's description.
fn ehlo_facts(ehlo: &Ehlo<'_>) -> EhloFacts {
    let capabilities = ehlo
        .capabilities()
        .map(|capability| {
            let extension = capability.extension();
            let mut note = None;
            if extension == Some(Extension::Size) {
                note = Some(match ehlo.size() {
                    Some(MessageSize::Maximum(octets)) => {
                        format!("messages of at most {octets} octets")
                    }
                    Some(MessageSize::NoFixedMaximum) => "no fixed maximum size".to_owned(),
                    _ => "the size is not a number".to_owned(),
                });
            }
            if capability.is_equals_form() {
                note = Some("the pre-standard form with `=`".to_owned());
            }
            CapabilityFacts {
                line: shown(capability.line()),
                keyword: shown(capability.keyword()),
                description: extension.map(Extension::description),
                reference: extension.map(Extension::reference),
                note,
            }
        })
        .collect();
    EhloFacts {
        domain: shown(ehlo.domain()),
        greeting: shown(ehlo.greeting()),
        capabilities,
    }
}
