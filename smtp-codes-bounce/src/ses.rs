//! Amazon SES's notifications (bounce, complaint, delivery) as Amazon SNS mails them: a JSON
//! envelope whose `Message` is the notification's JSON ("Amazon SES notification contents", the
//! SES developer guide: `notificationType`, `bounce.bounceType`, `bounce.bouncedRecipients[]`
//! with `emailAddress`, `action`, `status`, `diagnosticCode`; `complaint.complainedRecipients[]`,
//! `complaint.complaintFeedbackType`, `complaint.userAgent`; `mail.source`, `mail.sourceIp`,
//! `mail.commonHeaders`).

/// A JSON value, enough of one to read a notification.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    pub(crate) fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members
                .iter()
                .find(|(name, _)| name == key)
                .map(|(_, value)| value),
            _ => None,
        }
    }

    pub(crate) fn str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    pub(crate) fn path(&self, keys: &[&str]) -> Option<&Json> {
        keys.iter().try_fold(self, |value, key| value.get(key))
    }

    pub(crate) fn items(&self) -> &[Json] {
        match self {
            Json::Array(items) => items,
            _ => &[],
        }
    }
}

/// How deep arrays and objects may nest: a notification needs five levels.
const MAX_DEPTH: usize = 32;

/// Parses the JSON value at the start of `text` (white space around it allowed); `None` when it
/// is not one or nests deeper than [`MAX_DEPTH`].
pub(crate) fn parse(text: &str) -> Option<Json> {
    let mut parser = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = parser.value(0)?;
    parser.space();
    Some(value)
}

struct Parser<'t> {
    bytes: &'t [u8],
    at: usize,
}

impl Parser<'_> {
    fn space(&mut self) {
        while self
            .bytes
            .get(self.at)
            .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.space();
        match *self.bytes.get(self.at)? {
            b'{' => {
                self.at += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Some(Json::Object(members));
                }
                loop {
                    self.space();
                    let name = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    members.push((name, self.value(depth + 1)?));
                    if self.eat(b',') {
                        continue;
                    }
                    return self.eat(b'}').then_some(Json::Object(members));
                }
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Some(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b',') {
                        continue;
                    }
                    return self.eat(b']').then_some(Json::Array(items));
                }
            }
            b'"' => self.string().map(Json::String),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'n' => self.word("null", Json::Null),
            b'-' | b'0'..=b'9' => {
                let start = self.at;
                while self.bytes.get(self.at).is_some_and(|b| {
                    b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E')
                }) {
                    self.at += 1;
                }
                let number = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
                Some(Json::Number(number.to_owned()))
            }
            _ => None,
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Option<Json> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word.as_bytes()).then(|| {
            self.at = end;
            value
        })
    }

    fn string(&mut self) -> Option<String> {
        if self.bytes.get(self.at) != Some(&b'"') {
            return None;
        }
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            match byte {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let escaped = *self.bytes.get(self.at)?;
                    self.at += 1;
                    match escaped {
                        b'"' | b'\\' | b'/' => out.push(escaped),
                        b'b' => out.push(0x08),
                        b'f' => out.push(0x0c),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let unit = self.hex4()?;
                            let c = if (0xd800..0xdc00).contains(&unit) {
                                // A surrogate pair: the low half follows as `\uXXXX`.
                                if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                                    return None;
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&low) {
                                    return None;
                                }
                                char::from_u32(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00))?
                            } else {
                                char::from_u32(unit)?
                            };
                            let mut buf = [0; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                        }
                        _ => return None,
                    }
                }
                _ => out.push(byte),
            }
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = std::str::from_utf8(self.bytes.get(self.at..self.at + 4)?).ok()?;
        let unit = u32::from_str_radix(digits, 16).ok()?;
        self.at += 4;
        Some(unit)
    }
}

/// The SES notification in a text: the text itself when it is one, or the `Message` of the SNS
/// envelope it is; `None` when neither holds a `notificationType`.
pub(crate) fn notification(text: &str) -> Option<Json> {
    let start = text.find('{')?;
    let outer = parse(&text[start..])?;
    if outer.get("notificationType").is_some() || outer.get("eventType").is_some() {
        return Some(outer);
    }
    let inner = parse(outer.get("Message")?.str()?)?;
    (inner.get("notificationType").is_some() || inner.get("eventType").is_some()).then_some(inner)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_values() {
        let value =
            parse(r#"{"a": [1, "x\"y\u00e9\ud83d\ude00", true, null], "b": {"c": -2.5e3}}"#)
                .unwrap();
        assert_eq!(
            value.path(&["b", "c"]),
            Some(&Json::Number("-2.5e3".into()))
        );
        assert_eq!(
            value.get("a").unwrap().items()[1].str(),
            Some("x\"y\u{e9}\u{1f600}")
        );
        let cases: &[&str] = &[
            "",
            "{",
            "[1,]",
            "{\"a\" 1}",
            "\"\\ud800\"",
            "\"\\x\"",
            "tru",
        ];
        for &text in cases {
            assert_eq!(parse(text), None, "{text:?}");
        }
        let deep = "[".repeat(100) + &"]".repeat(100);
        assert_eq!(parse(&deep), None);
    }

    #[test]
    fn a_notification_inside_an_sns_envelope() {
        let text = r#"{
  "Type" : "Notification",
  "Message" : "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bouncedRecipients\":[{\"emailAddress\":\"bob@example.com\",\"status\":\"5.1.1\"}]}}"
}"#;
        let notification = notification(text).unwrap();
        assert_eq!(
            notification.get("notificationType").unwrap().str(),
            Some("Bounce")
        );
        let recipients = notification
            .path(&["bounce", "bouncedRecipients"])
            .unwrap()
            .items();
        assert_eq!(
            recipients[0].get("emailAddress").unwrap().str(),
            Some("bob@example.com")
        );
        assert_eq!(super::notification("Hello {not json"), None);
    }
}
