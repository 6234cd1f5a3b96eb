//! The rows the diagnosis decides by: phrases and status rules, as the tables give them.

use core::fmt;

use crate::command::Command;
use crate::enhanced::EnhancedClass;

/// A row of the phrase table: a wording that reveals a reason, where it is seen, and the commands
/// it applies to.
///
/// ```
/// use smtp_codes::Reason;
/// let phrase = Reason::find_phrase(b"550 5.2.2 Mailbox full", None).unwrap();
/// assert_eq!(phrase.reason(), Reason::MailboxFull);
/// assert!(phrase.text().eq_ignore_ascii_case("mailbox full"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Phrase<R: 'static> {
    text: &'static str,
    reason: R,
    commands: &'static [Command],
    /// The row's index in the table, for its source (see [`PhraseSources`]).
    index: u16,
    origin: &'static str,
    line: u32,
    location: &'static str,
}

/// The `source` column of a reason table's phrases, kept apart from the rows: a program that never
/// asks a phrase for its source (the explainer page's WebAssembly) does not carry the column.
/// `#[reasons]` implements it for the enum it generates.
pub trait PhraseSources {
    /// The source of the phrase table's row `index` (0 for the first row); empty past the end.
    fn phrase_source(index: usize) -> &'static str;
}

impl<R: Copy> Phrase<R> {
    /// A row as the table gives it.
    pub(crate) const fn new(
        text: &'static str,
        reason: R,
        commands: &'static [Command],
        index: u16,
        origin: &'static str,
        line: u32,
        location: &'static str,
    ) -> Self {
        Phrase {
            text,
            reason,
            commands,
            index,
            origin,
            line,
            location,
        }
    }

    /// The phrase as written in the table; it matches ASCII case-insensitively.
    #[must_use]
    pub const fn text(&self) -> &'static str {
        self.text
    }

    /// The reason the phrase reveals.
    #[must_use]
    pub const fn reason(&self) -> R {
        self.reason
    }

    /// The commands the row is restricted to; empty when it applies after any command.
    ///
    /// ```
    /// use smtp_codes::{Command, Reason};
    /// // phrases.csv: `user unknown,UserUnknown,rcpt,...`, then the same words for any command.
    /// let after_rcpt = Reason::find_phrase(b"User unknown", Some(Command::Rcpt)).unwrap();
    /// assert_eq!((after_rcpt.reason(), after_rcpt.commands()), (Reason::UserUnknown, &[Command::Rcpt][..]));
    /// let after_data = Reason::find_phrase(b"User unknown", Some(Command::Data)).unwrap();
    /// assert_eq!((after_data.reason(), after_data.commands()), (Reason::Filtered, &[][..]));
    /// ```
    #[must_use]
    pub const fn commands(&self) -> &'static [Command] {
        self.commands
    }

    /// The servers or providers whose wording it is, separated by `; ` (`Postfix; Exim`); empty
    /// when the table does not say.
    ///
    /// ```
    /// use smtp_codes::Reason;
    /// let phrase = Reason::find_phrase(b"Relay access denied", None).unwrap();
    /// assert!(phrase.origins().any(|origin| origin == "Postfix"));
    /// ```
    #[must_use]
    pub const fn origin(&self) -> &'static str {
        self.origin
    }

    /// The servers or providers of [`Phrase::origin`], one by one.
    pub fn origins(&self) -> impl Iterator<Item = &'static str> {
        self.origin
            .split(';')
            .map(str::trim)
            .filter(|origin| !origin.is_empty())
    }

    /// The row's line in the phrase table, to find it and edit it.
    ///
    /// ```
    /// use smtp_codes::Reason;
    /// let phrase = Reason::find_phrase(b"Mailbox full", None).unwrap();
    /// assert_eq!(phrase.text(), "mailbox full");
    /// assert_eq!(phrase.location(), format!("phrases.csv:{}", phrase.line()));
    /// ```
    #[must_use]
    pub const fn line(&self) -> u32 {
        self.line
    }

    /// The table's path as the attribute names it and the row's line: `phrases.csv:12` (see
    /// [`Phrase::line`] for an example).
    #[must_use]
    pub const fn location(&self) -> &'static str {
        self.location
    }

    /// Whether the row applies to a reply to `command`: always when it names no command,
    /// otherwise only when `command` is one it names.
    ///
    /// ```
    /// use smtp_codes::{Command, Reason};
    /// let any = Reason::PHRASES.iter().find(|p| p.commands().is_empty()).unwrap();
    /// assert!(any.applies_to(None) && any.applies_to(Some(Command::Rcpt)));
    /// ```
    #[must_use]
    pub fn applies_to(&self, command: Option<Command>) -> bool {
        self.commands.is_empty() || command.is_some_and(|command| self.commands.contains(&command))
    }
}

impl<R: Copy + PhraseSources> Phrase<R> {
    /// The file or document the wording comes from, with the words as it has them.
    ///
    /// ```
    /// use smtp_codes::Reason;
    /// let phrase = Reason::find_phrase(b"Mailbox full", None).unwrap();
    /// assert!(phrase.source().to_ascii_lowercase().contains("mailbox full"));
    /// ```
    #[must_use]
    pub fn source(&self) -> &'static str {
        R::phrase_source(usize::from(self.index))
    }
}

impl<R> fmt::Display for Phrase<R> {
    /// `"user unknown" (phrases.csv:12, Postfix; Sendmail)`: the phrase, its row and its origin
    /// (when the table gives one), with ` after Rcpt` when restricted.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" ({}", self.text, self.location)?;
        if !self.origin.is_empty() {
            write!(f, ", {}", self.origin)?;
        }
        f.write_str(")")?;
        for (index, command) in self.commands.iter().enumerate() {
            let separator = if index == 0 { " after " } else { ", " };
            write!(f, "{separator}{command:?}")?;
        }
        Ok(())
    }
}

/// A row of the status table: an enhanced status code and the reason it stands for.
///
/// ```
/// use smtp_codes::{EnhancedCode, Reason};
/// let rule = Reason::status_rule(EnhancedCode::new(5, 1, 1).unwrap()).unwrap();
/// assert_eq!(rule.reason(), Reason::UserUnknown);
/// assert!(rule.is_status_first());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StatusRule<R: 'static> {
    /// 4 or 5, or 0 for any class (`X`).
    class: u8,
    subject: u16,
    detail: u16,
    reason: R,
    status_first: bool,
    note: &'static str,
    yields_to: &'static [R],
}

impl<R: Copy> StatusRule<R> {
    /// A row as the table gives it.
    pub(crate) const fn new(
        class: u8,
        subject: u16,
        detail: u16,
        reason: R,
        status_first: bool,
        note: &'static str,
        yields_to: &'static [R],
    ) -> Self {
        StatusRule {
            class,
            subject,
            detail,
            reason,
            status_first,
            note,
            yields_to,
        }
    }

    /// The reasons whose phrases win over this status-first rule: a server that sends the code
    /// for any refusal (`X.1.1` for a full mailbox or a rate limit) has its words believed when
    /// they name one of these causes.
    ///
    /// ```
    /// use smtp_codes::{EnhancedCode, Reason};
    /// let rule = Reason::status_rule(EnhancedCode::new(5, 1, 1).unwrap()).unwrap();
    /// assert!(rule.yields_to().contains(&Reason::MailboxFull));
    /// assert!(!rule.yields_to().contains(&Reason::Filtered));
    /// ```
    #[must_use]
    pub const fn yields_to(&self) -> &'static [R] {
        self.yields_to
    }

    /// The class the rule is for; `None` for any class (`X.1.1`).
    ///
    /// ```
    /// use smtp_codes::{EnhancedCode, Reason};
    /// // statuses.csv: `X.1.1,UserUnknown,status-first,Bad destination mailbox address (RFC 3463)...`
    /// let rule = Reason::status_rule(EnhancedCode::new(4, 1, 1).unwrap()).unwrap();
    /// assert_eq!((rule.class(), rule.parts()), (None, (1, 1)));
    /// assert!(rule.note().starts_with("Bad destination mailbox address (RFC 3463)"));
    /// assert_eq!(rule.to_string(), "X.1.1");
    /// ```
    #[must_use]
    pub const fn class(&self) -> Option<EnhancedClass> {
        EnhancedClass::from_digit(self.class)
    }

    /// The subject and detail: `(1, 1)` for `X.1.1` (see [`StatusRule::class`] for an example).
    #[must_use]
    pub const fn parts(&self) -> (u16, u16) {
        (self.subject, self.detail)
    }

    /// The reason the code stands for.
    #[must_use]
    pub const fn reason(&self) -> R {
        self.reason
    }

    /// `true` when the code decides even if a phrase matches (a specific code such as `X.1.1`);
    /// `false` when a matching phrase wins and the code decides only without one.
    ///
    /// ```
    /// use smtp_codes::{EnhancedCode, Reason};
    /// // statuses.csv: `X.2.1,Suspend,text-first,...` (servers also send it for rate limits).
    /// let rule = Reason::status_rule(EnhancedCode::new(4, 2, 1).unwrap()).unwrap();
    /// assert_eq!((rule.reason(), rule.is_status_first()), (Reason::Suspend, false));
    /// ```
    #[must_use]
    pub const fn is_status_first(&self) -> bool {
        self.status_first
    }

    /// The table's note: the code's registry title, or why the rule is what it is (see
    /// [`StatusRule::class`] for an example).
    #[must_use]
    pub const fn note(&self) -> &'static str {
        self.note
    }
}

impl<R> fmt::Display for StatusRule<R> {
    /// The rule's code: `X.1.1`, `5.7.509`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.class {
            0 => write!(f, "X.{}.{}", self.subject, self.detail),
            class => write!(f, "{class}.{}.{}", self.subject, self.detail),
        }
    }
}
