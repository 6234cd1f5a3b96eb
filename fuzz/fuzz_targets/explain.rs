//! `smtp_codes_web::explain` (the explainer page's interpreter) on arbitrary bytes, as pasted or
//! opened as a file, with and without a command: no panic; an explanation without an error
//! explains something (an item, or what the email is); the page's JSON is one object; the
//! export layer gives the same JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use smtp_codes::Command;
use smtp_codes_web::json::ToJson;
use smtp_codes_web::wasm::Buffers;
use smtp_codes_web::{explain, Input};

fuzz_target!(|input: &[u8]| {
    // The first byte picks the command: none, or one of `Command::ALL`.
    let (command, text) = match input.split_first() {
        Some((&pick, rest)) => (
            Command::ALL
                .get(usize::from(pick) % (Command::ALL.len() + 1))
                .copied(),
            rest,
        ),
        None => (None, input),
    };
    let explanation = explain(text, command);
    // An email that reports on no recipient (an automatic reply, a complaint) is explained by
    // what it is.
    if explanation.error.is_none() && explanation.input != Input::Empty {
        assert!(
            !explanation.items.is_empty() || explanation.email.is_some(),
            "{explanation:?}"
        );
    }
    if let Some(email) = &explanation.email {
        assert!(!email.verdict.headline.is_empty());
    }
    for item in &explanation.items {
        assert!(!item.heading.is_empty() && !item.verdict.headline.is_empty());
        if let Some(code) = &item.code {
            assert!((200..=599).contains(&code.code));
        }
    }
    let json = explanation.to_json();
    assert!(json.starts_with('{') && json.ends_with('}'));
    // The page's way in: the command's name, then the text, in the module's input buffer.
    let name = command.map_or("", Command::as_str);
    let mut buffers = Buffers::default();
    let buffer = buffers.input(name.len() + text.len());
    buffer[..name.len()].copy_from_slice(name.as_bytes());
    buffer[name.len()..].copy_from_slice(text);
    assert_eq!(buffers.explain(name.len()), json.len());
    assert_eq!(buffers.output(), json);
});
