//! The first two digits of any reply code, known or not: its class and its category
//! (RFC 5321 §4.2.1).

use core::fmt;

/// A reply's class: the first digit of its code (RFC 5321 §4.2.1).
///
/// Works for every code in `100..=599`, including codes no table knows, which is how a client
/// must treat an unknown reply (RFC 5321 §4.2).
///
/// ```
/// use smtp_codes::Class;
/// let class = Class::from_code(571).unwrap();
/// assert_eq!(class, Class::PermanentNegativeCompletion);
/// assert!(class.is_permanent() && !class.is_retryable());
/// assert_eq!(class.to_string(), "Permanent Negative Completion");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Class {
    /// 1yz: the command was accepted, but the server waits for confirmation; RFC 5321 §4.2.1
    /// defines it but no SMTP command uses it.
    PositivePreliminary = 1,
    /// 2yz: the requested action completed; a new request may be sent.
    PositiveCompletion = 2,
    /// 3yz: the command was accepted, and the server waits for more information (e.g. the data after `DATA`).
    PositiveIntermediate = 3,
    /// 4yz: the action was not taken, but the condition is temporary: try again later.
    TransientNegativeCompletion = 4,
    /// 5yz: the action was not taken, and the same request will fail again.
    PermanentNegativeCompletion = 5,
}

impl Class {
    /// The class of any code in `100..=599`; `None` outside that range.
    ///
    /// ```
    /// use smtp_codes::Class;
    /// assert_eq!(Class::from_code(250), Some(Class::PositiveCompletion));
    /// assert_eq!(Class::from_code(99), None);
    /// assert_eq!(Class::from_code(600), None);
    /// ```
    #[must_use]
    pub const fn from_code(code: u16) -> Option<Class> {
        match code {
            100..=199 => Some(Class::PositivePreliminary),
            200..=299 => Some(Class::PositiveCompletion),
            300..=399 => Some(Class::PositiveIntermediate),
            400..=499 => Some(Class::TransientNegativeCompletion),
            500..=599 => Some(Class::PermanentNegativeCompletion),
            _ => None,
        }
    }

    /// The class with this first digit (`1..=5`).
    ///
    /// ```
    /// assert_eq!(smtp_codes::Class::from_digit(4), Some(smtp_codes::Class::TransientNegativeCompletion));
    /// ```
    #[must_use]
    pub const fn from_digit(digit: u8) -> Option<Class> {
        match digit {
            1 => Some(Class::PositivePreliminary),
            2 => Some(Class::PositiveCompletion),
            3 => Some(Class::PositiveIntermediate),
            4 => Some(Class::TransientNegativeCompletion),
            5 => Some(Class::PermanentNegativeCompletion),
            _ => None,
        }
    }

    /// The first digit of the codes in this class.
    ///
    /// ```
    /// assert_eq!(smtp_codes::Class::PermanentNegativeCompletion.digit(), 5);
    /// ```
    #[must_use]
    pub const fn digit(self) -> u8 {
        self as u8
    }

    /// The class's name in RFC 5321 §4.2.1.
    ///
    /// ```
    /// assert_eq!(smtp_codes::Class::PositiveIntermediate.name(), "Positive Intermediate");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Class::PositivePreliminary => "Positive Preliminary",
            Class::PositiveCompletion => "Positive Completion",
            Class::PositiveIntermediate => "Positive Intermediate",
            Class::TransientNegativeCompletion => "Transient Negative Completion",
            Class::PermanentNegativeCompletion => "Permanent Negative Completion",
        }
    }

    /// 1yz, 2yz or 3yz.
    ///
    /// ```
    /// assert!(smtp_codes::Class::PositiveIntermediate.is_positive());
    /// ```
    #[must_use]
    pub const fn is_positive(self) -> bool {
        self.digit() <= 3
    }

    /// 4yz or 5yz.
    ///
    /// ```
    /// assert!(smtp_codes::Class::TransientNegativeCompletion.is_negative());
    /// ```
    #[must_use]
    pub const fn is_negative(self) -> bool {
        self.digit() >= 4
    }

    /// 1yz.
    ///
    /// ```
    /// assert!(smtp_codes::Class::PositivePreliminary.is_preliminary());
    /// ```
    #[must_use]
    pub const fn is_preliminary(self) -> bool {
        matches!(self, Class::PositivePreliminary)
    }

    /// 2yz.
    ///
    /// ```
    /// assert!(smtp_codes::Class::PositiveCompletion.is_success());
    /// ```
    #[must_use]
    pub const fn is_success(self) -> bool {
        matches!(self, Class::PositiveCompletion)
    }

    /// 3yz.
    ///
    /// ```
    /// assert!(smtp_codes::Class::PositiveIntermediate.is_intermediate());
    /// ```
    #[must_use]
    pub const fn is_intermediate(self) -> bool {
        matches!(self, Class::PositiveIntermediate)
    }

    /// 4yz.
    ///
    /// ```
    /// assert!(smtp_codes::Class::TransientNegativeCompletion.is_transient());
    /// ```
    #[must_use]
    pub const fn is_transient(self) -> bool {
        matches!(self, Class::TransientNegativeCompletion)
    }

    /// 5yz.
    ///
    /// ```
    /// assert!(smtp_codes::Class::PermanentNegativeCompletion.is_permanent());
    /// ```
    #[must_use]
    pub const fn is_permanent(self) -> bool {
        matches!(self, Class::PermanentNegativeCompletion)
    }

    /// The first-digit rule for a code no table knows: only 4yz may succeed if tried again
    /// (RFC 5321 §4.2.1).
    ///
    /// ```
    /// use smtp_codes::Class;
    /// assert!(Class::from_code(471).unwrap().is_retryable());
    /// assert!(!Class::from_code(571).unwrap().is_retryable());
    /// ```
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        self.is_transient()
    }
}

impl fmt::Display for Class {
    /// The RFC name, e.g. `Transient Negative Completion`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A reply's category: the second digit of its code (RFC 5321 §4.2.1).
///
/// ```
/// use smtp_codes::code::Category;
/// assert_eq!(Category::from_code(550), Some(Category::MailSystem));
/// assert_eq!(Category::from_code(571), None); // no category 7
/// assert_eq!(Category::MailSystem.to_string(), "Mail system");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u8)]
pub enum Category {
    /// x0z: syntax errors, commands that fit no functional category, unimplemented or superfluous commands.
    Syntax = 0,
    /// x1z: replies to requests for information, such as status or help.
    Information = 1,
    /// x2z: replies about the transmission channel.
    Connections = 2,
    /// x3z: not specified by RFC 5321 (used by RFC 4954 for authentication).
    Unspecified3 = 3,
    /// x4z: not specified by RFC 5321.
    Unspecified4 = 4,
    /// x5z: the status of the receiver mail system for the requested transfer or other action.
    MailSystem = 5,
}

impl Category {
    /// The category of any code in `100..=599` whose second digit is `0..=5`; `None` otherwise.
    ///
    /// ```
    /// use smtp_codes::code::Category;
    /// assert_eq!(Category::from_code(421), Some(Category::Connections));
    /// assert_eq!(Category::from_code(99), None);
    /// ```
    #[must_use]
    pub const fn from_code(code: u16) -> Option<Category> {
        if code < 100 || code > 599 {
            return None;
        }
        // The second digit of a three-digit code: always below 10, so the cast keeps it whole.
        #[allow(clippy::cast_possible_truncation)]
        let digit = (code / 10 % 10) as u8;
        Category::from_digit(digit)
    }

    /// The category with this second digit (`0..=5`).
    ///
    /// ```
    /// assert_eq!(smtp_codes::code::Category::from_digit(0), Some(smtp_codes::code::Category::Syntax));
    /// ```
    #[must_use]
    pub const fn from_digit(digit: u8) -> Option<Category> {
        match digit {
            0 => Some(Category::Syntax),
            1 => Some(Category::Information),
            2 => Some(Category::Connections),
            3 => Some(Category::Unspecified3),
            4 => Some(Category::Unspecified4),
            5 => Some(Category::MailSystem),
            _ => None,
        }
    }

    /// The second digit of the codes in this category.
    ///
    /// ```
    /// assert_eq!(smtp_codes::code::Category::MailSystem.digit(), 5);
    /// ```
    #[must_use]
    pub const fn digit(self) -> u8 {
        self as u8
    }

    /// The category's name in RFC 5321 §4.2.1.
    ///
    /// ```
    /// assert_eq!(smtp_codes::code::Category::Unspecified4.name(), "Unspecified");
    /// ```
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Category::Syntax => "Syntax",
            Category::Information => "Information",
            Category::Connections => "Connections",
            Category::Unspecified3 | Category::Unspecified4 => "Unspecified",
            Category::MailSystem => "Mail system",
        }
    }
}

impl fmt::Display for Category {
    /// The RFC name, e.g. `Mail system`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
