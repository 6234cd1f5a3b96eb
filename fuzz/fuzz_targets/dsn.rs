//! `dsn::DeliveryStatus` on arbitrary bytes: no panic; every borrowed slice lies inside the input;
//! a report written back from its parsed fields parses to the same fields.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::dsn::{DeliveryStatus, Field, ParseDeliveryStatusError};

fuzz_target!(|input: &[u8]| {
    let whole = DeliveryStatus::parse(input);
    match DeliveryStatus::parse_prefix(input) {
        Ok(prefix) => {
            let (report, used) = (prefix.report, prefix.used);
            assert!(used <= input.len());
            assert_eq!(report.as_bytes(), &input[..used]);
            // `parse` accepts exactly the reports `parse_prefix` reads to the end, and refuses the
            // others with the error the prefix stopped at.
            assert_eq!(
                whole.is_ok(),
                used == input.len(),
                "used {used} of {}",
                input.len()
            );
            assert_eq!(prefix.stopped_by.is_none(), used == input.len());
            if let Some(error) = prefix.stopped_by {
                assert_eq!(whole, Err(error));
            }
            check_report(input, &report);
            check_round_trip(&report);
        }
        Err(error) => {
            assert_eq!(whole, Err(error));
            let _ = error.to_string();
            if let Some(offset) = error.offset() {
                assert!(offset <= input.len(), "{error:?} outside the input");
            }
        }
    }
    if let Err(
        ParseDeliveryStatusError::MissingColon { offset }
        | ParseDeliveryStatusError::InvalidFieldName { offset },
    ) = whole
    {
        assert!(offset < input.len());
    }
});

/// `part` is a subslice of `input`.
fn inside(input: &[u8], part: &[u8]) {
    let start = input.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    assert!(
        at >= start && at + part.len() <= start + input.len(),
        "a borrowed slice outside the input"
    );
}

fn check_field(input: &[u8], field: Field<'_>) {
    inside(input, field.name());
    inside(input, field.value());
    assert!(!field.name().is_empty());
    assert!(!field.name().contains(&b':'));
    let typed = field.typed();
    inside(input, typed.kind());
    inside(input, typed.value());
    for line in field.value_lines() {
        inside(input, line);
        assert!(!line.is_empty());
    }
}

fn check_report(input: &[u8], report: &DeliveryStatus<'_>) {
    let per_message = report.per_message();
    inside(input, per_message.as_bytes());
    for field in per_message.fields() {
        check_field(input, field);
    }
    if let Some(mta) = per_message.reporting_mta() {
        inside(input, mta.value());
    }
    let mut count = 0;
    for recipient in report.recipients() {
        count += 1;
        inside(input, recipient.as_bytes());
        assert!(
            recipient.fields().next().is_some(),
            "an empty recipient block"
        );
        for field in recipient.fields() {
            check_field(input, field);
        }
        let _ = (
            recipient.action(),
            recipient.status(),
            recipient.last_attempt_date(),
        );
        // The diagnosis never panics, and answers the same twice.
        let diagnosis = recipient.diagnose(None);
        assert_eq!(diagnosis, recipient.diagnose(None));
        if let Some(address) = recipient.address() {
            inside(input, address);
        }
        if let Some(diagnostic) = recipient.diagnostic_code() {
            inside(input, diagnostic.kind());
            inside(input, diagnostic.value());
            inside(input, diagnostic.text());
            for line in diagnostic.text_lines() {
                inside(input, line);
            }
            if let Some(code) = diagnostic.reply_code() {
                assert!((200..=599).contains(&code));
            }
            let _ = diagnostic.enhanced();
        }
    }
    assert!(count > 0, "a report without recipients");
}

type Block = Vec<(Vec<u8>, Vec<u8>)>;

fn fields_of<'a>(fields: impl Iterator<Item = Field<'a>>) -> Block {
    fields
        .map(|field| (field.name().to_vec(), field.value().to_vec()))
        .collect()
}

/// The per-message block and each recipient block, as (name, value) pairs.
fn blocks(report: &DeliveryStatus<'_>) -> (Block, Vec<Block>) {
    (
        fields_of(report.per_message().fields()),
        report
            .recipients()
            .map(|recipient| fields_of(recipient.fields()))
            .collect(),
    )
}

/// Writes the report back (`name: value` lines, a blank line after each block) and parses it.
fn check_round_trip(report: &DeliveryStatus<'_>) {
    let (per_message, recipients) = blocks(report);
    let mut written = Vec::new();
    for block in std::iter::once(&per_message).chain(&recipients) {
        for (name, value) in block {
            written.extend_from_slice(name);
            written.extend_from_slice(b": ");
            written.extend_from_slice(value);
            written.extend_from_slice(b"\r\n");
        }
        written.extend_from_slice(b"\r\n");
    }
    let again = DeliveryStatus::parse(&written).expect("a written report parses");
    assert_eq!(
        blocks(&again),
        (per_message, recipients),
        "written: {written:?}"
    );
}
