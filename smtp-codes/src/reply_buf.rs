//! An owned reply (feature `alloc`): a [`Reply`] that outlives its input buffer.

use core::fmt;

use crate::{
    Category, Class, Command, Diagnosis, EnhancedCode, Lines, Outcome, ParseError, Reply, ReplyCode,
};

/// The bytes a [`ReplyBuf`] owns: shared with the codec's buffer under `tokio`, copied otherwise.
#[cfg(feature = "tokio")]
type Storage = bytes::Bytes;
#[cfg(not(feature = "tokio"))]
type Storage = alloc::boxed::Box<[u8]>;

/// A copy of `bytes`.
fn copy(bytes: &[u8]) -> Storage {
    #[cfg(feature = "tokio")]
    return bytes::Bytes::copy_from_slice(bytes);
    #[cfg(not(feature = "tokio"))]
    return Storage::from(bytes);
}

/// A whole reply that owns its bytes, with the main accessors of [`Reply`].
///
/// Made from a [`Reply`] by copying its bytes, never parsing them again; the codec of the `tokio`
/// feature makes them without copying. [`reply`](ReplyBuf::reply) lends the borrowed view, for
/// anything else [`Reply`] offers. Under `serde`, a reply is serialized as its bytes as sent (a
/// string when they are UTF-8), and deserializing parses them again.
///
/// ```
/// use smtp_codes::{Command, Reply, ReplyBuf, ReplyCode};
/// let owned: ReplyBuf = {
///     let input = b"452-4.2.2 The recipient's inbox is out of storage space.\r\n\
///                   452 4.2.2 Please direct the recipient to the help center.\r\n".to_vec();
///     Reply::parse(&input).unwrap().0.into()
/// }; // `input` is gone; `owned` lives on.
/// assert_eq!(owned.reply_code(), Some(ReplyCode::InsufficientStorage));
/// assert_eq!(owned.enhanced().unwrap().to_string(), "4.2.2");
/// assert_eq!(owned.line_count(), 2);
/// assert!(owned.outcome(Command::Rcpt).is_retry_later());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ReplyBuf {
    bytes: Storage,
    code: u16,
    line_count: usize,
}

impl ReplyBuf {
    /// Parses one reply at the start of `input` and copies it; see [`Reply::parse`].
    ///
    /// ```
    /// let (reply, used) = smtp_codes::ReplyBuf::parse(b"221 Bye\r\n").unwrap();
    /// assert_eq!((reply.code(), used), (221, 9));
    /// ```
    ///
    /// # Errors
    ///
    /// Those of [`Reply::parse`].
    pub fn parse(input: &[u8]) -> Result<(ReplyBuf, usize), ParseError> {
        Reply::parse(input).map(|(reply, used)| (ReplyBuf::from(reply), used))
    }

    /// A reply over `bytes`, which the scanner has checked to be one whole reply.
    #[cfg(feature = "tokio")]
    pub(crate) fn from_checked(bytes: Storage, code: u16, line_count: usize) -> Self {
        ReplyBuf {
            bytes,
            code,
            line_count,
        }
    }

    /// The borrowed view, for every accessor of [`Reply`].
    ///
    /// ```
    /// let (owned, _) = smtp_codes::ReplyBuf::parse(b"250 OK\r\n").unwrap();
    /// assert_eq!(owned.reply(), smtp_codes::Reply::parse(b"250 OK\r\n").unwrap().0);
    /// ```
    #[must_use]
    pub fn reply(&self) -> Reply<'_> {
        Reply::from_checked(&self.bytes, self.code, self.line_count)
    }

    /// The reply code; see [`Reply::code`].
    ///
    /// ```
    /// assert_eq!(smtp_codes::ReplyBuf::parse(b"571 Blocked\r\n").unwrap().0.code(), 571);
    /// ```
    #[must_use]
    pub const fn code(&self) -> u16 {
        self.code
    }

    /// The code as a [`ReplyCode`]; see [`Reply::reply_code`].
    ///
    /// ```
    /// use smtp_codes::{ReplyBuf, ReplyCode};
    /// assert_eq!(ReplyBuf::parse(b"421 Bye\r\n").unwrap().0.reply_code(), Some(ReplyCode::ServiceNotAvailable));
    /// ```
    #[must_use]
    pub const fn reply_code(&self) -> Option<ReplyCode> {
        ReplyCode::from_u16(self.code)
    }

    /// The class; see [`Reply::class`].
    ///
    /// ```
    /// use smtp_codes::{Class, ReplyBuf};
    /// assert_eq!(ReplyBuf::parse(b"354 Go\r\n").unwrap().0.class(), Class::PositiveIntermediate);
    /// ```
    #[must_use]
    pub fn class(&self) -> Class {
        self.reply().class()
    }

    /// The category; see [`Reply::category`].
    ///
    /// ```
    /// use smtp_codes::{Category, ReplyBuf};
    /// assert_eq!(ReplyBuf::parse(b"550 No\r\n").unwrap().0.category(), Some(Category::MailSystem));
    /// ```
    #[must_use]
    pub fn category(&self) -> Option<Category> {
        self.reply().category()
    }

    /// The enhanced status code; see [`Reply::enhanced`].
    ///
    /// ```
    /// let (reply, _) = smtp_codes::ReplyBuf::parse(b"550 5.7.1 Denied\r\n").unwrap();
    /// assert_eq!(reply.enhanced().unwrap().to_string(), "5.7.1");
    /// ```
    #[must_use]
    pub fn enhanced(&self) -> Option<EnhancedCode> {
        self.reply().enhanced()
    }

    /// Each line's text; see [`Reply::lines`].
    ///
    /// ```
    /// let (reply, _) = smtp_codes::ReplyBuf::parse(b"250-mx\r\n250 SIZE 1000\r\n").unwrap();
    /// assert_eq!(reply.lines().collect::<Vec<_>>(), [&b"mx"[..], b"SIZE 1000"]);
    /// ```
    #[must_use]
    pub fn lines(&self) -> Lines<'_> {
        self.reply().lines()
    }

    /// How many lines the reply has.
    ///
    /// ```
    /// assert_eq!(smtp_codes::ReplyBuf::parse(b"250-a\r\n250 b\r\n").unwrap().0.line_count(), 2);
    /// ```
    #[must_use]
    pub const fn line_count(&self) -> usize {
        self.line_count
    }

    /// The whole reply as read, line endings included.
    ///
    /// ```
    /// assert_eq!(smtp_codes::ReplyBuf::parse(b"250 OK\r\n").unwrap().0.as_bytes(), b"250 OK\r\n");
    /// ```
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Whether trying again later may succeed; see [`Reply::is_retryable`].
    ///
    /// ```
    /// assert!(smtp_codes::ReplyBuf::parse(b"451 Later\r\n").unwrap().0.is_retryable());
    /// ```
    #[must_use]
    pub const fn is_retryable(&self) -> bool {
        match self.reply_code() {
            Some(code) => code.is_retryable(),
            None => code_class(self.code).is_retryable(),
        }
    }

    /// The advice for this reply answering `command`; see [`Outcome::of`].
    ///
    /// ```
    /// use smtp_codes::{Command, ReplyBuf};
    /// let (reply, _) = ReplyBuf::parse(b"421 4.3.2 Shutting down\r\n").unwrap();
    /// assert!(reply.outcome(Command::Rcpt).is_retry_later() && reply.outcome(Command::Rcpt).is_closing());
    /// ```
    #[must_use]
    pub fn outcome(&self, command: Command) -> Outcome {
        self.reply().outcome(command)
    }

    /// Why a delivery failed and whether to suppress the address; see [`Reply::diagnose`].
    ///
    /// ```
    /// use smtp_codes::{Command, Reason, ReplyBuf};
    /// let (reply, _) = ReplyBuf::parse(b"550 5.1.1 <bob@example.com>: User unknown\r\n").unwrap();
    /// let diagnosis = reply.diagnose(Some(Command::Rcpt));
    /// assert_eq!(diagnosis.reason(), Reason::UserUnknown);
    /// assert!(diagnosis.is_hard());
    /// ```
    #[must_use]
    pub fn diagnose(&self, command: Option<Command>) -> Diagnosis {
        self.reply().diagnose(command)
    }

    /// The bytes, without copying (feature `tokio`).
    ///
    /// ```
    /// let (reply, _) = smtp_codes::ReplyBuf::parse(b"250 OK\r\n").unwrap();
    /// assert_eq!(reply.into_bytes(), bytes::Bytes::from_static(b"250 OK\r\n"));
    /// ```
    #[cfg(feature = "tokio")]
    #[cfg_attr(docsrs, doc(cfg(feature = "tokio")))]
    #[must_use]
    pub fn into_bytes(self) -> bytes::Bytes {
        self.bytes
    }
}

/// The class of a code the scanner accepted (first digit 2 to 5).
const fn code_class(code: u16) -> Class {
    match code / 100 {
        2 => Class::PositiveCompletion,
        3 => Class::PositiveIntermediate,
        4 => Class::TransientNegativeCompletion,
        _ => Class::PermanentNegativeCompletion,
    }
}

impl From<Reply<'_>> for ReplyBuf {
    /// Copies the reply's bytes; nothing is parsed again.
    fn from(reply: Reply<'_>) -> Self {
        ReplyBuf {
            bytes: copy(reply.as_bytes()),
            code: reply.code(),
            line_count: reply.line_count(),
        }
    }
}

impl<'a> From<&'a ReplyBuf> for Reply<'a> {
    fn from(owned: &'a ReplyBuf) -> Self {
        owned.reply()
    }
}

impl PartialEq<Reply<'_>> for ReplyBuf {
    fn eq(&self, other: &Reply<'_>) -> bool {
        self.reply() == *other
    }
}

impl PartialEq<ReplyBuf> for Reply<'_> {
    fn eq(&self, other: &ReplyBuf) -> bool {
        *self == other.reply()
    }
}

impl fmt::Debug for ReplyBuf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.reply(), f)
    }
}

#[cfg(feature = "serde")]
mod serde_impls {
    use core::fmt;

    use serde::de::{self, Deserialize, Deserializer, SeqAccess, Visitor};
    use serde::ser::{Serialize, Serializer};

    use super::ReplyBuf;

    impl Serialize for ReplyBuf {
        /// The reply as sent: a string when it is UTF-8, bytes otherwise.
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            match core::str::from_utf8(self.as_bytes()) {
                Ok(text) => serializer.serialize_str(text),
                Err(_) => serializer.serialize_bytes(self.as_bytes()),
            }
        }
    }

    impl<'de> Deserialize<'de> for ReplyBuf {
        /// A string or bytes holding exactly one whole reply.
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(ReplyVisitor)
        }
    }

    struct ReplyVisitor;

    impl ReplyVisitor {
        fn whole<E: de::Error>(bytes: &[u8]) -> Result<ReplyBuf, E> {
            match ReplyBuf::parse(bytes) {
                Ok((reply, used)) if used == bytes.len() => Ok(reply),
                Ok((_, used)) => Err(E::custom(format_args!(
                    "invalid SMTP reply: {} bytes after the reply's end at byte {used}",
                    bytes.len() - used
                ))),
                Err(error) => Err(E::custom(format_args!("invalid SMTP reply: {error}"))),
            }
        }
    }

    impl<'de> Visitor<'de> for ReplyVisitor {
        type Value = ReplyBuf;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a whole SMTP reply such as \"250 OK\\r\\n\", as a string or bytes")
        }

        fn visit_str<E: de::Error>(self, text: &str) -> Result<ReplyBuf, E> {
            Self::whole(text.as_bytes())
        }

        fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<ReplyBuf, E> {
            Self::whole(bytes)
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ReplyBuf, A::Error> {
            let mut bytes = alloc::vec::Vec::new();
            while let Some(byte) = seq.next_element::<u8>()? {
                bytes.push(byte);
            }
            Self::whole(&bytes)
        }
    }
}
