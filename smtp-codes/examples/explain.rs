//! Explains SMTP reply codes: `cargo run --example explain -- 550 421 571`.

use smtp_codes::{Category, Class, ReplyCode};

fn explain(arg: &str) -> String {
    let Ok(number) = arg.trim().parse::<u16>() else {
        return format!("{arg:?}: not a reply code (three digits, e.g. 550)");
    };
    let Some(class) = Class::from_code(number) else {
        return format!("{number}: not a reply code (reply codes are 100 to 599)");
    };
    let category =
        Category::from_code(number).map_or("no category (second digit above 5)", Category::name);
    let (heading, retry) = match ReplyCode::from_u16(number) {
        Some(code) => (code.to_string(), code.is_retryable()),
        None => (
            format!("{number} (not in the table: decided by its first digit)"),
            class.is_retryable(),
        ),
    };
    let advice = if class.is_positive() {
        "nothing to retry: the server accepted the command"
    } else if retry {
        "transient: try again later"
    } else {
        "permanent: do not retry the same request"
    };
    format!("{heading}\n  class:    {class}\n  category: {category}\n  advice:   {advice}")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprintln!("usage: explain CODE [CODE...]");
        std::process::exit(2);
    }
    for arg in args {
        println!("{}", explain(&arg));
    }
}
