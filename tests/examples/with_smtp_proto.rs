//! Using smtp-codes with smtp-proto: turn `Response::code()` into a `ReplyCode`.
//! Run with `cargo run -p smtp-codes-tests --example with_smtp_proto`.

use smtp_codes::{EnhancedCode, ReplyCode};
use smtp_proto::response::parser::ResponseReceiver;

fn main() {
    let wire = b"421 4.7.0 Try again later, closing connection.\r\n";
    let response = ResponseReceiver::default()
        .parse(&mut wire.iter())
        .expect("smtp-proto parses it");
    let code = ReplyCode::from_u16(response.code()).expect("a known code");
    assert_eq!(code, ReplyCode::ServiceNotAvailable);
    assert!(code.is_retryable());
    // smtp-proto keeps the enhanced code as three bytes (parts above 255 are clamped there).
    let [class, subject, detail] = response.esc;
    let enhanced = EnhancedCode::new(class, subject.into(), detail.into());
    println!(
        "{code} (enhanced {enhanced:?}): retry = {}",
        code.is_retryable()
    );
}
