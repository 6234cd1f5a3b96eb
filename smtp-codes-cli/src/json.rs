//! A JSON object written field by field (RFC 8259 strings: quotes, backslashes and control
//! characters escaped).

use std::fmt::Write;

/// An object being written into a string: `{` on creation, `}` on [`Object::end`].
pub(crate) struct Object<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> Object<'o> {
    pub(crate) fn new(out: &'o mut String) -> Object<'o> {
        out.push('{');
        Object { out, first: true }
    }

    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        string(self.out, key);
        self.out.push(':');
    }

    /// A string, or `null`.
    pub(crate) fn str(&mut self, key: &str, value: Option<&str>) -> &mut Self {
        self.key(key);
        match value {
            Some(value) => string(self.out, value),
            None => self.out.push_str("null"),
        }
        self
    }

    /// A number, or `null`.
    pub(crate) fn num(&mut self, key: &str, value: Option<u16>) -> &mut Self {
        self.key(key);
        match value {
            Some(value) => {
                let _ = write!(self.out, "{value}");
            }
            None => self.out.push_str("null"),
        }
        self
    }

    pub(crate) fn bool(&mut self, key: &str, value: bool) -> &mut Self {
        self.key(key);
        self.out.push_str(if value { "true" } else { "false" });
        self
    }

    /// A value written by `write` (an object or an array).
    pub(crate) fn with(&mut self, key: &str, write: impl FnOnce(&mut String)) -> &mut Self {
        self.key(key);
        write(self.out);
        self
    }

    pub(crate) fn end(&mut self) {
        self.out.push('}');
    }
}

/// `value` as a JSON string.
pub(crate) fn string(out: &mut String, value: &str) {
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_and_escapes() {
        let mut out = String::new();
        Object::new(&mut out)
            .str("a", Some("x\"y\\z\n\u{1}é"))
            .num("n", Some(550))
            .str("none", None)
            .bool("b", true)
            .with("list", |out| out.push_str("[]"))
            .end();
        assert_eq!(
            out,
            r#"{"a":"x\"y\\z\n\u0001é","n":550,"none":null,"b":true,"list":[]}"#
        );
    }
}
