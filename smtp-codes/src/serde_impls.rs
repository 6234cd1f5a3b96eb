//! `serde` support (feature `serde`): codes serialize as what they are on the wire.
//!
//! | type | form |
//! |---|---|
//! | [`ReplyCode`] | its number, `550` |
//! | [`EnhancedCode`] | its string, `"5.1.1"` |
//! | [`Class`], [`Category`], [`EnhancedClass`] | their digit, `5` |
//! | [`EnhancedStatus`] | its registry code, `"X.1.1"` |
//!
//! Deserializing refuses what is not such a code, with a message that names it.

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::{Category, Class, EnhancedClass, EnhancedCode, EnhancedStatus, ReplyCode};

impl Serialize for ReplyCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.as_u16())
    }
}

impl<'de> Deserialize<'de> for ReplyCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = u16::deserialize(deserializer)?;
        ReplyCode::from_u16(code)
            .ok_or_else(|| de::Error::custom(format_args!("unknown SMTP reply code {code}")))
    }
}

impl Serialize for EnhancedCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EnhancedCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CodeVisitor;
        impl Visitor<'_> for CodeVisitor {
            type Value = EnhancedCode;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an enhanced status code such as \"5.1.1\"")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<EnhancedCode, E> {
                EnhancedCode::parse(text.as_bytes()).map_err(|err| {
                    E::custom(format_args!("invalid enhanced status code {text:?}: {err}"))
                })
            }
        }
        deserializer.deserialize_str(CodeVisitor)
    }
}

impl Serialize for EnhancedStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("X.{}.{}", self.subject(), self.detail()))
    }
}

impl<'de> Deserialize<'de> for EnhancedStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StatusVisitor;
        impl Visitor<'_> for StatusVisitor {
            type Value = EnhancedStatus;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a registered enhanced status code such as \"X.1.1\"")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<EnhancedStatus, E> {
                // "X.1.1" is "5.1.1" with the class left out: parse it with any valid class.
                let code = text
                    .strip_prefix("X.")
                    .and_then(|rest| {
                        let mut with_class = [0u8; 9];
                        let rest = rest.as_bytes();
                        let target = with_class.get_mut(..rest.len() + 2)?;
                        target[..2].copy_from_slice(b"5.");
                        target[2..].copy_from_slice(rest);
                        EnhancedCode::parse(target).ok()
                    })
                    .ok_or_else(|| {
                        E::invalid_value(Unexpected::Str(text), &"a code such as \"X.1.1\"")
                    })?;
                code.status().ok_or_else(|| {
                    E::custom(format_args!(
                        "{text} is not in the enhanced status code registry"
                    ))
                })
            }
        }
        deserializer.deserialize_str(StatusVisitor)
    }
}

/// Serializes as the digit; deserializes through `from_digit`, naming what it expected.
macro_rules! digit_serde {
    ($type:ty, $expected:literal) => {
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_u8(self.digit())
            }
        }

        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let digit = u8::deserialize(deserializer)?;
                <$type>::from_digit(digit).ok_or_else(|| {
                    de::Error::invalid_value(Unexpected::Unsigned(digit.into()), &$expected)
                })
            }
        }
    };
}

digit_serde!(Class, "a reply class digit, 1 to 5");
digit_serde!(Category, "a reply category digit, 0 to 5");
digit_serde!(EnhancedClass, "an enhanced status class digit: 2, 4 or 5");
