//! An owned reply (feature `alloc`): a [`Reply`] that outlives its input buffer.

use core::fmt;

use super::{Lines, ParseReplyError, Reply, Texts};
use crate::advice::Outcome;
use crate::code::{Category, ReplyCodeTable};
use crate::diagnosis::Diagnosis;
use crate::{AnyReplyCode, Class, Command, EnhancedCode, ReplyCode};

/// Accessors of [`ReplyBuf`] that are [`Reply`]'s on [`ReplyBuf::reply`], each documented by a
/// link to the one it lends.
macro_rules! delegate_to_reply {
    ($($name:ident($($argument:ident: $type:ty),*) -> $returns:ty;)*) => {$(
        #[doc = concat!("See [`Reply::", stringify!($name), "`].")]
        #[must_use]
        pub fn $name(&self $(, $argument: $type)*) -> $returns {
            self.reply().$name($($argument),*)
        }
    )*};
}

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

/// A whole reply that owns its bytes, with the accessors of [`Reply`].
///
/// Made from a [`Reply`] by copying its bytes, never parsing them again; the codec of the `tokio`
/// feature makes them without copying. [`reply`](ReplyBuf::reply) lends the borrowed view. Under
/// `serde`, a reply is serialized as its bytes as sent (a string when they are UTF-8), and
/// deserializing parses them again.
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
    pub fn parse(input: &[u8]) -> Result<(ReplyBuf, usize), ParseReplyError> {
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

    /// The reply's code in the table `T`; see [`Reply::code_in`].
    ///
    /// ```
    /// use smtp_codes::{ReplyBuf, ReplyCode};
    /// let (reply, _) = ReplyBuf::parse(b"550 5.1.1 No such user\r\n").unwrap();
    /// assert_eq!(reply.code_in::<ReplyCode>(), Some(ReplyCode::MailboxUnavailable));
    /// ```
    #[must_use]
    pub fn code_in<T: ReplyCodeTable>(&self) -> Option<T> {
        self.reply().code_in()
    }

    delegate_to_reply! {
        code() -> u16;
        reply_code() -> Option<ReplyCode>;
        any_reply_code() -> AnyReplyCode;
        class() -> Class;
        category() -> Option<Category>;
        enhanced() -> Option<EnhancedCode>;
        lines() -> Lines<'_>;
        texts() -> Texts<'_>;
        line_count() -> usize;
        as_bytes() -> &[u8];
        is_retryable() -> bool;
        outcome(command: Command) -> Outcome;
        diagnose(command: Option<Command>) -> Diagnosis;
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
