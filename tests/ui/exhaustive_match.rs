// A match on the table's enum from another crate must have a wildcard arm: the table grows.
use smtp_codes::ReplyCode;

fn advice(code: ReplyCode) -> &'static str {
    match code {
        ReplyCode::SystemStatus
        | ReplyCode::HelpMessage
        | ReplyCode::ServiceReady
        | ReplyCode::ServiceClosing
        | ReplyCode::AuthenticationSucceeded
        | ReplyCode::Completed
        | ReplyCode::UserNotLocalWillForward
        | ReplyCode::CannotVerifyUser
        | ReplyCode::PendingMessagesStarted
        | ReplyCode::ServerChallenge
        | ReplyCode::StartMailInput => "ok",
        ReplyCode::ServiceNotAvailable
        | ReplyCode::PasswordTransitionNeeded
        | ReplyCode::MailboxTemporarilyUnavailable
        | ReplyCode::LocalError
        | ReplyCode::InsufficientStorage
        | ReplyCode::NoMailWaiting
        | ReplyCode::TemporaryAuthOrTlsFailure
        | ReplyCode::ParametersNotAccommodated
        | ReplyCode::UnableToQueueMessages
        | ReplyCode::NodeNotAllowed => "retry",
        ReplyCode::SyntaxError
        | ReplyCode::SyntaxErrorInParameters
        | ReplyCode::CommandNotImplemented
        | ReplyCode::BadSequence
        | ReplyCode::ParameterNotImplemented
        | ReplyCode::HostDoesNotAcceptMail
        | ReplyCode::AuthenticationRequired
        | ReplyCode::AuthenticationMechanismTooWeak
        | ReplyCode::AuthenticationCredentialsInvalid
        | ReplyCode::EncryptionRequiredForAuthentication
        | ReplyCode::MailboxUnavailable
        | ReplyCode::UserNotLocal
        | ReplyCode::ExceededStorageAllocation
        | ReplyCode::MailboxNameNotAllowed
        | ReplyCode::TransactionFailed
        | ReplyCode::ParametersNotRecognized
        | ReplyCode::DomainDoesNotAcceptMail => "bounce",
    }
}

fn main() {
    let _ = advice(ReplyCode::Completed);
}
