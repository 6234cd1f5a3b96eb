//! Field readers shared by the tables: each takes a field's text and returns its value, or the
//! problem in words (the caller names the file, line and field).

/// Text that must not be blank: `what` names it in the problem (`the meaning is empty`).
pub fn non_empty(text: &str, what: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        Err(format!("the {what} is empty"))
    } else {
        Ok(())
    }
}

/// Optional text: `None` when empty.
pub fn optional(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

/// `true` or `false`, spelled so.
pub fn boolean(text: &str) -> Result<bool, String> {
    match text {
        "true" => Ok(true),
        "false" => Ok(false),
        other => Err(format!("`{other}` is not `true` or `false`")),
    }
}

/// A reply code: three ASCII digits, class 1-5, category 0-5, any last digit (RFC 5321 §4.2.1).
pub fn reply_code(text: &str) -> Result<u16, String> {
    let digits = text.as_bytes();
    if digits.len() != 3 || !digits.iter().all(u8::is_ascii_digit) {
        return Err(format!("`{text}` is not three ASCII digits"));
    }
    let [class, category, _] = [digits[0], digits[1], digits[2]].map(|digit| digit - b'0');
    if !(1..=5).contains(&class) {
        return Err(format!(
            "{text}: the first digit (the class) must be 1 to 5 (RFC 5321 §4.2.1)"
        ));
    }
    if category > 5 {
        return Err(format!(
            "{text}: the second digit (the category) must be 0 to 5 (RFC 5321 §4.2.1)"
        ));
    }
    Ok(u16::from(class) * 100 + u16::from(category) * 10 + u16::from(digits[2] - b'0'))
}

/// The subject or detail of an enhanced status code: one to three ASCII digits without a leading
/// zero (RFC 3463 §2).
pub fn status_part(text: &str) -> Result<u16, String> {
    let digits = (1..=3).contains(&text.len()) && text.bytes().all(|byte| byte.is_ascii_digit());
    if !digits {
        return Err(format!(
            "`{text}` is not one to three ASCII digits (RFC 3463 §2)"
        ));
    }
    if text.len() > 1 && text.starts_with('0') {
        return Err(format!(
            "`{text}` has a leading zero, which RFC 3463 §2 forbids"
        ));
    }
    text.parse()
        .map_err(|_| format!("`{text}` is not a number"))
}

/// Basic reply codes: three-digit codes of class 2, 4 or 5, separated by single spaces; may be
/// empty. Every bad code is a problem of its own.
pub fn basic_codes(text: &str) -> Result<Vec<u16>, Vec<String>> {
    let mut codes = Vec::new();
    let mut problems = Vec::new();
    for code in text.split(' ').filter(|code| !code.is_empty()) {
        let digits = code.as_bytes();
        let valid = digits.len() == 3
            && digits.iter().all(u8::is_ascii_digit)
            && matches!(digits[0], b'2' | b'4' | b'5');
        match code.parse() {
            Ok(value) if valid => codes.push(value),
            _ => problems.push(format!(
                "`{code}` is not a reply code of class 2, 4 or 5 \
                 (write three-digit codes separated by spaces)"
            )),
        }
    }
    if problems.is_empty() {
        Ok(codes)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_empty_refuses_blank_text() {
        assert_eq!(non_empty("OK", "meaning"), Ok(()));
        assert_eq!(
            non_empty(" \t", "title"),
            Err("the title is empty".to_owned())
        );
        assert_eq!(
            non_empty("", "meaning"),
            Err("the meaning is empty".to_owned())
        );
    }

    #[test]
    fn optional_is_none_when_empty() {
        assert_eq!(optional(""), None);
        assert_eq!(optional(" "), Some(" ".to_owned()));
        assert_eq!(optional("RFC 5321"), Some("RFC 5321".to_owned()));
    }

    #[test]
    fn boolean_takes_exactly_true_or_false() {
        assert_eq!(boolean("true"), Ok(true));
        assert_eq!(boolean("false"), Ok(false));
        for text in ["True", "yes", "1", "", " true"] {
            assert_eq!(
                boolean(text),
                Err(format!("`{text}` is not `true` or `false`"))
            );
        }
    }

    #[test]
    fn reply_code_follows_rfc_5321_digits() {
        assert_eq!(reply_code("250"), Ok(250));
        assert_eq!(reply_code("100"), Ok(100));
        assert_eq!(reply_code("559"), Ok(559));
        assert_eq!(
            reply_code("25"),
            Err("`25` is not three ASCII digits".to_owned())
        );
        assert_eq!(
            reply_code("2500"),
            Err("`2500` is not three ASCII digits".to_owned())
        );
        assert_eq!(
            reply_code("２５０"),
            Err("`２５０` is not three ASCII digits".to_owned())
        );
        assert_eq!(
            reply_code("+25"),
            Err("`+25` is not three ASCII digits".to_owned())
        );
        assert_eq!(
            reply_code("650"),
            Err("650: the first digit (the class) must be 1 to 5 (RFC 5321 §4.2.1)".to_owned())
        );
        assert_eq!(
            reply_code("050"),
            Err("050: the first digit (the class) must be 1 to 5 (RFC 5321 §4.2.1)".to_owned())
        );
        assert_eq!(
            reply_code("260"),
            Err("260: the second digit (the category) must be 0 to 5 (RFC 5321 §4.2.1)".to_owned())
        );
    }

    #[test]
    fn status_part_is_one_to_three_digits_without_leading_zero() {
        assert_eq!(status_part("0"), Ok(0));
        assert_eq!(status_part("7"), Ok(7));
        assert_eq!(status_part("30"), Ok(30));
        assert_eq!(status_part("999"), Ok(999));
        assert_eq!(
            status_part("07"),
            Err("`07` has a leading zero, which RFC 3463 §2 forbids".to_owned())
        );
        for text in ["", "1000", "x", "-1", "1.1"] {
            assert_eq!(
                status_part(text),
                Err(format!(
                    "`{text}` is not one to three ASCII digits (RFC 3463 §2)"
                ))
            );
        }
    }

    #[test]
    fn basic_codes_are_space_separated_codes_of_class_2_4_5() {
        assert_eq!(basic_codes(""), Ok(vec![]));
        assert_eq!(basic_codes("550"), Ok(vec![550]));
        assert_eq!(basic_codes("451 550  251"), Ok(vec![451, 550, 251]));
        let problem = |code: &str| {
            format!(
                "`{code}` is not a reply code of class 2, 4 or 5 \
                 (write three-digit codes separated by spaces)"
            )
        };
        assert_eq!(basic_codes("354"), Err(vec![problem("354")]));
        assert_eq!(
            basic_codes("550,551 1 451"),
            Err(vec![problem("550,551"), problem("1")])
        );
    }
}
