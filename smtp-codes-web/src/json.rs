//! A small JSON writer for what the page reads: strings, numbers, booleans, null, arrays and
//! objects, written straight into a `String` (RFC 8259). The command-line tool uses `serde_json`;
//! the page writes its few shapes itself to keep serde's generated code out of its WebAssembly
//! module, which has a size limit (PERFORMANCE.md).

/// A value the page reads as JSON.
pub trait ToJson {
    /// Appends the value's JSON text to `out`.
    fn write_json(&self, out: &mut String);

    /// The value's JSON text.
    ///
    /// ```
    /// use smtp_codes_web::json::ToJson;
    /// assert_eq!("a \"b\"\n".to_json(), r#""a \"b\"\n""#);
    /// assert_eq!(Some(550u16).to_json(), "550");
    /// assert_eq!(vec![true, false].to_json(), "[true,false]");
    /// ```
    fn to_json(&self) -> String {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        out.push('"');
        for c in self.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                c if u32::from(c) < 0x20 => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let code = u32::from(c) as usize;
                    out.push_str("\\u00");
                    out.push(char::from(HEX[code >> 4]));
                    out.push(char::from(HEX[code & 0xf]));
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        self.as_str().write_json(out);
    }
}

impl ToJson for &str {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

macro_rules! number {
    ($($type:ty),*) => {$(
        impl ToJson for $type {
            fn write_json(&self, out: &mut String) {
                use core::fmt::Write;
                // Writing to a String cannot fail.
                let _ = write!(out, "{self}");
            }
        }
    )*};
}
number!(u8, u16, u32, u64, usize);

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(value) => value.write_json(out),
            None => out.push_str("null"),
        }
    }
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        for (index, value) in self.iter().enumerate() {
            if index > 0 {
                out.push(',');
            }
            value.write_json(out);
        }
        out.push(']');
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

/// An object being written: `{`, then each [`field`](Object::field), then `}` at
/// [`object`]'s end.
pub struct Object<'a> {
    out: &'a mut String,
    empty: bool,
}

impl Object<'_> {
    /// Writes `"name":value`.
    pub fn field(&mut self, name: &str, value: &(impl ToJson + ?Sized)) -> &mut Self {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        name.write_json(self.out);
        self.out.push(':');
        value.write_json(self.out);
        self
    }
}

/// Writes an object whose fields `fields` writes.
///
/// ```
/// use smtp_codes_web::json::object;
/// let mut out = String::new();
/// object(&mut out, |o| {
///     o.field("code", &550u16).field("known", &true);
/// });
/// assert_eq!(out, r#"{"code":550,"known":true}"#);
/// ```
pub fn object(out: &mut String, fields: impl FnOnce(&mut Object<'_>)) {
    out.push('{');
    let mut object = Object { out, empty: true };
    fields(&mut object);
    object.out.push('}');
}

#[cfg(test)]
mod tests {
    use super::ToJson;

    #[test]
    fn strings_are_escaped_as_rfc_8259_says() {
        // RFC 8259 §7: quotation mark, reverse solidus and the control characters U+0000 to
        // U+001F must be escaped; everything else may stand as it is.
        let cases: &[(&str, &str)] = &[
            ("plain", r#""plain""#),
            ("a\"b\\c", r#""a\"b\\c""#),
            ("\n\r\t", r#""\n\r\t""#),
            ("\u{0}\u{1f}", r#""\u0000\u001f""#),
            ("boîte \u{2028}", "\"boîte \u{2028}\""),
        ];
        for &(text, json) in cases {
            assert_eq!(text.to_json(), json, "{text:?}");
        }
        assert_eq!(None::<u16>.to_json(), "null");
        assert_eq!(Vec::<u8>::new().to_json(), "[]");
    }
}
