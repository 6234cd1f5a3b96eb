//! The reply parser and everything a bounce processor asks of a reply allocate nothing.
//!
//! A counting global allocator counts the allocations of the current thread only, so the test
//! harness's own threads cannot disturb the count; all checks are in one test all the same.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use smtp_codes::dsn::DeliveryStatus;
use smtp_codes::Reply;
use smtp_codes_tests::corpus;

#[path = "bounce_common/mod.rs"]
#[allow(dead_code)]
mod bounce_corpus;

/// `System`, counting every allocation and reallocation made by the thread that is counting.
struct Counting;

thread_local! {
    /// `None` while not counting; the number of allocations so far while counting.
    static COUNT: Cell<Option<usize>> = const { Cell::new(None) };
}

fn record() {
    // `try_with`: the allocator also runs while thread-locals are being torn down.
    let _ = COUNT.try_with(|count| {
        if let Some(n) = count.get() {
            count.set(Some(n + 1));
        }
    });
}

// SAFETY: every method forwards to `System` unchanged; counting does not allocate (a `const`
// thread-local `Cell` needs no lazy initialisation).
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record();
        System.alloc(layout)
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        record();
        System.alloc_zeroed(layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        record();
        System.realloc(ptr, layout, new_size)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The allocations this thread makes while running `f`.
fn allocations<T>(f: impl FnOnce() -> T) -> (T, usize) {
    COUNT.with(|count| count.set(Some(0)));
    let value = f();
    let n = COUNT.with(|count| count.replace(None)).expect("counting");
    (value, n)
}

#[test]
fn parsing_and_reading_a_reply_allocate_nothing() {
    // The counter works: it sees an allocation, and none where there is none.
    let (vec, n) = allocations(|| black_box(Vec::<u8>::with_capacity(1)));
    assert_eq!(n, 1, "the counter missed Vec::with_capacity(1)");
    drop(vec);
    let ((), n) = allocations(|| {
        black_box(1 + 1);
    });
    assert_eq!(n, 0);

    // The corpus is loaded before counting starts.
    let cases = corpus();
    let mut parsed = 0;
    for case in &cases {
        let (summary, n) = allocations(|| {
            let (reply, used) = Reply::parse(black_box(&case.wire)).ok()?;
            let mut line_bytes = 0;
            for line in reply.lines() {
                line_bytes += black_box(line).len();
            }
            let enhanced = reply.enhanced();
            let status = enhanced.and_then(smtp_codes::EnhancedCode::status);
            let retryable = reply.is_retryable();
            Some(black_box((
                used,
                line_bytes,
                reply.line_count(),
                enhanced,
                status,
                retryable,
            )))
        });
        assert_eq!(n, 0, "case {}: {n} allocations", case.name);
        if let Some((used, _, line_count, _, _, _)) = summary {
            assert_eq!(used, case.wire.len(), "case {}", case.name);
            assert_eq!(line_count, case.lines, "case {}", case.name);
            parsed += 1;
        }
    }
    // Nearly every case is a reply the parser accepts, so the loop above did real work.
    assert!(
        parsed + 5 >= cases.len(),
        "only {parsed} of {} parsed",
        cases.len()
    );

    // Errors allocate nothing either.
    for input in [
        &b"250-a\r\n251 b\r\n"[..],
        b"250OK\r\n",
        b"250 partial",
        b"600 x\r\n",
    ] {
        let (result, n) = allocations(|| black_box(Reply::parse(black_box(input))).is_err());
        assert!(result);
        assert_eq!(n, 0, "{:?}", String::from_utf8_lossy(input));
    }

    // Diagnosing allocates nothing: every bounce corpus text with its row's arguments and with
    // none (the text is scanned for them), and every corpus reply through `Reply::diagnose`.
    let bounces = smtp_codes_tests::bounce_cases();
    let mut hard = 0;
    for case in &bounces {
        let text = case.text.as_bytes();
        let (diagnoses, n) = allocations(|| {
            let given = smtp_codes::Diagnosis::of(
                case.reply_code,
                case.status,
                black_box(text),
                case.command,
            );
            let bare = smtp_codes::Diagnosis::of(None, None, black_box(text), None);
            black_box((given, bare))
        });
        assert_eq!(n, 0, "cases.tsv:{}: {n} allocations", case.line);
        hard += usize::from(diagnoses.0.is_hard());
    }
    assert!(
        hard > 0 && hard < bounces.len(),
        "the diagnoses did real work"
    );
    for case in &cases {
        if let Ok((reply, _)) = Reply::parse(&case.wire) {
            let (_, n) = allocations(|| black_box(reply.diagnose(None)));
            assert_eq!(n, 0, "case {}: {n} allocations", case.name);
        }
    }
}

#[test]
fn reading_a_reply_to_ehlo_allocates_nothing() {
    // The corpus's replies, and one with every parameter form, loaded before counting starts.
    let mut wires: Vec<Vec<u8>> = corpus().into_iter().map(|case| case.wire).collect();
    wires.push(
        b"250-mx.example.com Hello [192.0.2.1]\r\n250-SIZE 35882577\r\n250-AUTH PLAIN LOGIN\r\n\
          250-AUTH=LOGIN\r\n250-LIMITS RCPTMAX=100 MAILMAX=10 X-NEW=1\r\n250 XCLIENT NAME\r\n"
            .to_vec(),
    );
    let mut read = 0;
    for wire in &wires {
        let (capabilities, n) = allocations(|| {
            let (reply, _) = Reply::parse(black_box(wire)).ok()?;
            let ehlo = smtp_codes::Ehlo::parse(&reply).ok()?;
            let mut seen = 0;
            for capability in ehlo.capabilities() {
                black_box((capability.keyword(), capability.extension()));
                seen += capability
                    .parameters()
                    .filter(|word| !black_box(word).is_empty())
                    .count()
                    + 1;
            }
            let size = ehlo.size();
            let mechanisms = ehlo
                .auth_mechanisms()
                .filter(|word| !black_box(word).is_empty())
                .count();
            let limits = ehlo.limits().map(|limits| {
                let typed = (
                    limits.rcpt_max(),
                    limits.mail_max(),
                    limits.rcpt_domain_max(),
                );
                (
                    typed,
                    limits.filter_map(|limit| black_box(limit.known())).count(),
                )
            });
            let starttls = ehlo.supports(smtp_codes::Extension::StartTls);
            Some(black_box((seen, size, mechanisms, limits, starttls, ehlo.domain())).0)
        });
        assert_eq!(n, 0, "{:?}: {n} allocations", String::from_utf8_lossy(wire));
        if capabilities.is_some() {
            read += 1;
        }
    }
    // The corpus has a dozen replies to EHLO and many other 250 replies: real work was counted.
    assert!(read > 20, "only {read} replies read as EHLO replies");
}

#[test]
fn reading_delivery_status_reports_allocates_nothing() {
    // The bounce corpus's delivery-status parts, loaded before counting starts.
    let parts = bounce_corpus::delivery_status_parts();
    assert!(
        parts.len() > 100,
        "only {} delivery-status parts",
        parts.len()
    );
    let mut recipients = 0;
    for (index, part) in parts.iter().enumerate() {
        let (seen, n) = allocations(|| {
            let Ok(prefix) = DeliveryStatus::parse_prefix(black_box(part)) else {
                return 0;
            };
            let report = prefix.report;
            let _ = black_box((prefix.used, DeliveryStatus::parse(part).is_ok()));
            let per_message = report.per_message();
            black_box((per_message.reporting_mta(), per_message.fields().count()));
            let mut seen = 0;
            for recipient in report.recipients() {
                black_box((
                    recipient.address(),
                    recipient.action(),
                    recipient.status(),
                    recipient.remote_mta(),
                    recipient.field("x-unknown"),
                    recipient.fields().count(),
                ));
                if let Some(diagnostic) = recipient.diagnostic_code() {
                    black_box((
                        diagnostic.reply_code(),
                        diagnostic.enhanced(),
                        diagnostic.text(),
                        diagnostic.text_lines().count(),
                    ));
                }
                black_box(recipient.diagnose(None));
                seen += 1;
            }
            seen
        });
        assert_eq!(n, 0, "delivery-status part {index}: {n} allocations");
        recipients += seen;
    }
    // The loop read real reports.
    assert!(recipients > 100, "only {recipients} recipients read");

    // Errors allocate nothing either.
    for input in [
        &b""[..],
        b"no colon\n",
        b"\x00:\x01",
        b"Reporting-MTA: dns; a\n",
    ] {
        let (result, n) =
            allocations(|| black_box(DeliveryStatus::parse(black_box(input))).is_err());
        assert!(result);
        assert_eq!(n, 0, "{:?}", String::from_utf8_lossy(input));
    }
}
