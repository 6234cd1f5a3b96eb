//! `serde` support (feature `serde`): codes serialize as what they are on the wire.
//!
//! | type | form |
//! |---|---|
//! | [`ReplyCode`] | its number, `550`; unknown codes are refused |
//! | [`AnyReplyCode`] | its number, `571`; any code `200..=599` is kept |
//! | [`EnhancedCode`] | its string, `"5.1.1"` |
//! | [`Class`], [`Category`], [`EnhancedClass`] | their digit, `5` |
//! | [`EnhancedStatus`] | its registry code, `"X.1.1"` |
//! | [`Subject`] | its number, `1` |
//! | [`Command`] | its name, `"RCPT"`, `"end-of-data"` (read in any case) |
//! | [`Decision`] | its name, `"retry-later"` |
//! | [`Outcome`] | `{"decision": "retry-later", "closing": false}` |
//!
//! Deserializing refuses what is not such a code, with a message that names it.

use core::fmt;

use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};
use serde::ser::{Serialize, Serializer};

use crate::advice::{Decision, Outcome};
use crate::code::{AnyReplyCode, Category, Class, ReplyCodeTable};
use crate::command::Command;
use crate::enhanced::{EnhancedClass, EnhancedCode, EnhancedStatus, Subject};

// `ReplyCode`'s impls, as every table's, come from `__reply_code_serde!` (see `private.rs`).

/// A table's code as its number (what every generated table's `Serialize` calls).
#[doc(hidden)]
pub fn serialize_table_code<T: ReplyCodeTable, S: Serializer>(
    code: T,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_u16(code.as_u16())
}

/// A number that is a code of the table `T`; others are refused with a message that names them.
#[doc(hidden)]
pub fn deserialize_table_code<'de, T: ReplyCodeTable, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<T, D::Error> {
    let code = u16::deserialize(deserializer)?;
    T::from_u16(code)
        .ok_or_else(|| de::Error::custom(format_args!("unknown SMTP reply code {code}")))
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for EnhancedCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
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

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for EnhancedStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("X.{}.{}", self.subject(), self.detail()))
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
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
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_u8(self.digit())
            }
        }

        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
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

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for AnyReplyCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.as_u16())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for AnyReplyCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = u16::deserialize(deserializer)?;
        AnyReplyCode::new(code).ok_or_else(|| {
            de::Error::custom(format_args!(
                "{code} is not an SMTP reply code: it must be three digits, the first 2 to 5"
            ))
        })
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Subject {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.number())
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for Subject {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let number = u16::deserialize(deserializer)?;
        Subject::from_u16(number).ok_or_else(|| {
            de::Error::invalid_value(
                Unexpected::Unsigned(number.into()),
                &"an enhanced status subject, 0 to 7",
            )
        })
    }
}

/// Serializes as `as_str()`; deserializes a string through `$parse`, naming what it expected.
macro_rules! name_serde {
    ($type:ty, $expected:literal, $parse:expr) => {
        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        #[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct NameVisitor;
                impl Visitor<'_> for NameVisitor {
                    type Value = $type;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expected)
                    }
                    fn visit_str<E: de::Error>(self, text: &str) -> Result<$type, E> {
                        let parse: fn(&str) -> Option<$type> = $parse;
                        parse(text).ok_or_else(|| E::invalid_value(Unexpected::Str(text), &self))
                    }
                }
                deserializer.deserialize_str(NameVisitor)
            }
        }
    };
}

name_serde!(
    Command,
    "an SMTP command: a verb such as \"RCPT\", or \"greeting\" or \"end-of-data\"",
    |text| text.parse().ok()
);
name_serde!(
    Decision,
    "\"success\", \"continue\", \"retry-later\" or \"fail-permanently\"",
    |text| Decision::ALL
        .iter()
        .copied()
        .find(|decision| decision.as_str() == text)
);

/// The fields of a serialized [`Outcome`].
const OUTCOME_FIELDS: &[&str] = &["decision", "closing"];

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl Serialize for Outcome {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut outcome = serializer.serialize_struct("Outcome", 2)?;
        outcome.serialize_field("decision", &self.decision())?;
        outcome.serialize_field("closing", &self.is_closing())?;
        outcome.end()
    }
}

#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> Deserialize<'de> for Outcome {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// A field name, read without allocating.
        enum Field {
            Decision,
            Closing,
        }
        impl<'de> Deserialize<'de> for Field {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Field, D::Error> {
                struct FieldVisitor;
                impl Visitor<'_> for FieldVisitor {
                    type Value = Field;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("`decision` or `closing`")
                    }
                    fn visit_str<E: de::Error>(self, name: &str) -> Result<Field, E> {
                        match name {
                            "decision" => Ok(Field::Decision),
                            "closing" => Ok(Field::Closing),
                            _ => Err(E::unknown_field(name, OUTCOME_FIELDS)),
                        }
                    }
                }
                deserializer.deserialize_identifier(FieldVisitor)
            }
        }

        struct OutcomeVisitor;
        impl<'de> Visitor<'de> for OutcomeVisitor {
            type Value = Outcome;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an outcome: {\"decision\": ..., \"closing\": ...}")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Outcome, A::Error> {
                let decision = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let closing = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(1, &self))?;
                Ok(Outcome::from_parts(decision, closing))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Outcome, A::Error> {
                let mut decision = None;
                let mut closing = None;
                while let Some(field) = map.next_key()? {
                    match field {
                        Field::Decision if decision.is_some() => {
                            return Err(de::Error::duplicate_field("decision"))
                        }
                        Field::Decision => decision = Some(map.next_value()?),
                        Field::Closing if closing.is_some() => {
                            return Err(de::Error::duplicate_field("closing"))
                        }
                        Field::Closing => closing = Some(map.next_value()?),
                    }
                }
                let decision = decision.ok_or_else(|| de::Error::missing_field("decision"))?;
                let closing = closing.ok_or_else(|| de::Error::missing_field("closing"))?;
                Ok(Outcome::from_parts(decision, closing))
            }
        }
        deserializer.deserialize_struct("Outcome", OUTCOME_FIELDS, OutcomeVisitor)
    }
}
