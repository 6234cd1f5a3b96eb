//! The `smtp-codes` binary: `bounce`'s outputs (the TSV columns of the former `bounce` example,
//! JSON lines, the table and its summary), its inputs (files, mbox, Maildirs, directories,
//! standard input), its exit codes, and `explain`. Emails come from the repository's test data
//! (`tests/data/`); expected values are read off them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn tool() -> Command {
    Command::new(env!("CARGO_BIN_EXE_smtp-codes"))
}

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/data")
        .join(path)
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    tool().args(args).output().expect("run smtp-codes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// A directory of its own under the system's temporary directory, emptied.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("smtp-codes-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

#[test]
fn tsv_has_the_ten_columns_of_the_bounce_example() {
    let file = data("bounce-corpus/eml/lhost-outlook-04.eml");
    let output = run(&["bounce".as_ref(), "--tsv".as_ref(), file.as_os_str()]);
    assert!(output.status.success());
    let out = stdout(&output);
    let lines: Vec<Vec<&str>> = out.lines().map(|line| line.split('\t').collect()).collect();
    let file = file.to_string_lossy();
    // The report's two blocks: Status 5.1.1 then 5.2.2, each with a 550 Diagnostic-Code.
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines.iter().all(|line| line.len() == 10));
    assert_eq!(
        lines[0][..9],
        [
            &*file,
            "1",
            "sabineko@example.co.jp",
            "failed",
            "5.1.1",
            "550",
            "",
            "UserUnknown",
            "true"
        ]
    );
    assert_eq!(
        lines[0][9],
        "550 5.1.1 <sabineko@example.co.jp>... User Unknown"
    );
    assert_eq!(
        lines[1][..5],
        [&*file, "2", "mikeneko@example.co.jp", "failed", "5.2.2"]
    );
    // The summary goes to standard error, so that standard output stays TSV.
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("emails: 1 read (failure 1)"), "{err}");
    assert!(err.contains("UserUnknown"), "{err}");
}

#[test]
fn text_bounces_get_an_action_in_the_tsv() {
    // Gmail's delay warning: no report part, "Delivery to the following recipient has been
    // delayed".
    let file = data("bounce-corpus/eml/lhost-gmail-08.eml");
    let output = run(&[
        "bounce".as_ref(),
        "--tsv".as_ref(),
        "--no-summary".as_ref(),
        file.as_os_str(),
    ]);
    let out = stdout(&output);
    let cells: Vec<&str> = out.trim_end().split('\t').collect();
    assert_eq!(cells[2..4], ["kijitora@example.com", "delayed"]);
    assert_eq!(cells[8], "false");
    assert!(output.stderr.is_empty());
}

#[test]
fn json_lines_carry_the_kind_and_the_original_message() {
    let bounce = data("bounce-samples/postfix-bounce.eml");
    let vacation = data("bounce-samples/vacation-sieve.eml");
    let complaint = data("bounce-samples/arf-complaint.eml");
    let output = run(&[
        "bounce".as_ref(),
        "--json".as_ref(),
        bounce.as_os_str(),
        vacation.as_os_str(),
        complaint.as_os_str(),
    ]);
    assert!(output.status.success());
    let values: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect();
    assert_eq!(values.len(), 3);
    assert_eq!(values[0]["kind"], "failure");
    assert_eq!(values[0]["format"], "delivery-status");
    assert_eq!(values[0]["original"]["message_id"], "q3-report@sender.test");
    assert_eq!(
        values[0]["original"]["envelope_sender"],
        "alice@sender.test"
    );
    let bob = &values[0]["recipients"][0];
    assert_eq!(bob["address"], "bob@reject.test");
    assert_eq!(bob["action"], "failed");
    assert_eq!(bob["action_stated"], true);
    assert_eq!(bob["status"], "5.7.1");
    assert_eq!(bob["reply_code"], 554);
    assert_eq!(bob["command"], "RCPT");
    assert_eq!(bob["remote_mta"], "127.0.0.1");
    assert_eq!(values[1]["kind"], "auto-reply/vacation");
    assert_eq!(values[1]["recipients"], serde_json::json!([]));
    assert_eq!(values[2]["kind"], "feedback-report");
    assert_eq!(values[2]["feedback"]["recipient"], "user@example.com");
    assert_eq!(values[2]["feedback"]["source_ip"], "192.0.2.1");
}

#[test]
fn the_table_lists_every_email_and_ends_with_the_summary() {
    let bounce = data("bounce-samples/postfix-bounce.eml");
    let warning = data("bounce-samples/postfix-delay-warning.eml");
    let output = run(&["bounce".as_ref(), bounce.as_os_str(), warning.as_os_str()]);
    let out = stdout(&output);
    assert!(
        out.contains("postfix-bounce.eml: failure (delivery-status)"),
        "{out}"
    );
    assert!(
        out.contains("postfix-delay-warning.eml: delay-warning (delivery-status)"),
        "{out}"
    );
    assert!(out.contains("bob@reject.test"), "{out}");
    assert!(
        out.contains("emails: 2 read (delay-warning 1, failure 1)"),
        "{out}"
    );
    assert!(out.contains("recipients failed or delayed: 2"), "{out}");
}

#[test]
fn an_mbox_is_read_email_by_email() {
    let dir = scratch("mbox");
    let mbox = dir.join("bounces.mbox");
    let mut content = Vec::new();
    for name in ["postfix-bounce.eml", "postfix-delay-warning.eml"] {
        content.extend_from_slice(b"From MAILER-DAEMON Fri Dec  4 15:46:27 2026\n");
        content.extend(std::fs::read(data(&format!("bounce-samples/{name}"))).unwrap());
        content.push(b'\n');
    }
    std::fs::write(&mbox, content).unwrap();
    let output = run(&["bounce".as_ref(), "--tsv".as_ref(), mbox.as_os_str()]);
    let out = stdout(&output);
    let lines: Vec<Vec<&str>> = out.lines().map(|line| line.split('\t').collect()).collect();
    // The index runs through the mbox's emails, as the bounce example's did.
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(lines[0][1..4], ["1", "bob@reject.test", "failed"]);
    assert_eq!(lines[1][1..4], ["2", "carol@down.test", "delayed"]);
    let output = run(&["bounce".as_ref(), "--json".as_ref(), mbox.as_os_str()]);
    let out = stdout(&output);
    assert!(
        out.contains("bounces.mbox#1") && out.contains("bounces.mbox#2"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_maildir_gives_its_messages_not_its_index_files() {
    let dir = scratch("maildir");
    for sub in ["cur", "new", "tmp", ".Bounces/cur", ".Bounces/new"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let bounce = std::fs::read(data("bounce-samples/postfix-bounce.eml")).unwrap();
    let warning = std::fs::read(data("bounce-samples/postfix-delay-warning.eml")).unwrap();
    std::fs::write(dir.join("cur/1.host:2,S"), &bounce).unwrap();
    std::fs::write(dir.join(".Bounces/new/2.host"), &warning).unwrap();
    // A delivery in progress, and the server's own files: not messages.
    std::fs::write(dir.join("tmp/3.host"), &bounce).unwrap();
    std::fs::write(dir.join("dovecot-uidlist"), b"3 V1 N4\n").unwrap();
    let output = run(&["bounce".as_ref(), "--tsv".as_ref(), dir.as_os_str()]);
    assert!(output.status.success());
    let out = stdout(&output);
    let addresses: Vec<&str> = out
        .lines()
        .map(|line| line.split('\t').nth(2).unwrap())
        .collect();
    assert_eq!(addresses, ["carol@down.test", "bob@reject.test"], "{out}");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("emails: 2 read"), "{err}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let mut child = tool()
        .args(["bounce", "--tsv", "--no-summary", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let raw = std::fs::read(data("bounce-corpus/eml/lhost-qmail-17.eml")).unwrap();
    child.stdin.take().unwrap().write_all(&raw).unwrap();
    let output = child.wait_with_output().unwrap();
    let out = stdout(&output);
    assert!(
        out.starts_with("-\t1\tuserunknown@libsisimai.net\tfailed\t5.1.1\t550\tRCPT\t"),
        "{out}"
    );
}

#[test]
fn exit_codes_say_whether_every_input_was_read() {
    let bounce = data("bounce-samples/postfix-bounce.eml");
    let missing = data("bounce-samples/no-such-file.eml");
    let output = run(&[
        "bounce".as_ref(),
        "--tsv".as_ref(),
        missing.as_os_str(),
        bounce.as_os_str(),
    ]);
    // The readable input is still written; the missing one is named on standard error.
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("bob@reject.test"));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.contains("no-such-file.eml"), "{err}");
    assert!(err.contains("1 input(s) could not be read"), "{err}");
    // Usage errors: no input, and options that exclude each other.
    assert_eq!(run(&["bounce".as_ref()]).status.code(), Some(2));
    assert_eq!(
        run(&[
            "bounce".as_ref(),
            "--tsv".as_ref(),
            "--json".as_ref(),
            bounce.as_os_str()
        ])
        .status
        .code(),
        Some(2)
    );
    assert_eq!(run(&["frobnicate".as_ref()]).status.code(), Some(2));
}

#[test]
fn explain_reads_codes_replies_and_the_command() {
    let output = run(&[
        "explain".as_ref(),
        "550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown".as_ref(),
    ]);
    assert!(output.status.success());
    let out = stdout(&output);
    assert!(out.contains("  code:      550"), "{out}");
    assert!(out.contains("  enhanced:  5.1.1"), "{out}");
    assert!(
        out.contains("  reason:    UserUnknown (hard: suppress the address)"),
        "{out}"
    );
    // RFC 5321 §4.5.3.1.10: a 552 to RCPT means too many recipients: retry later.
    let output = run(&[
        "explain".as_ref(),
        "--after".as_ref(),
        "rcpt".as_ref(),
        "552".as_ref(),
    ]);
    let out = stdout(&output);
    assert!(out.contains("advice:    after RCPT: retry later"), "{out}");
    assert_eq!(
        run(&[
            "explain".as_ref(),
            "--after".as_ref(),
            "frob".as_ref(),
            "550".as_ref()
        ])
        .status
        .code(),
        Some(2)
    );
    assert_eq!(
        run(&["explain".as_ref(), "hello".as_ref()]).status.code(),
        Some(1)
    );
}
