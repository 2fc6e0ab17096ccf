//! The error kinds slbctl can end with, and the exit code each one maps to.
//!
//! Exit codes are part of the interface (scripts branch on them), so they are derived
//! from the *kind* of error, never from the text of a message.

use std::fmt;
use std::process::ExitCode;

/// Everything that can end a run early. Each variant is one exit code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad arguments or input that failed local validation; nothing was sent. Exit 2.
    #[error("{message}")]
    Usage { message: String, hint: Option<String> },
    /// Missing or broken configuration or credentials; nothing was sent. Exit 3.
    #[error("{message}")]
    Config { message: String, hint: Option<String> },
    /// The API answered with an error code. Exit 4.
    #[error("{0}")]
    Api(ApiError),
    /// The request could not be delivered, or no answer came in time. Exit 5.
    /// `retryable` is false where another attempt cannot help (a TLS certificate problem);
    /// `maybe_sent` is true where the request may have reached the service (a timeout or
    /// a broken connection after connecting), false where it cannot have (no connection).
    #[error("{message}")]
    Network { message: String, retryable: bool, maybe_sent: bool },
    /// An answer came, but not one slbctl can read. Exit 5.
    #[error("{0}")]
    Response(String),
    /// `--verify`/`--strict` found a server that is not where it should be. Exit 4.
    #[error("{0}")]
    Verification(String),
    /// An ALB/NLB job ended `Failed`. Exit 4. The message names the JobId and the
    /// job's error code and message.
    #[error("{message}")]
    JobFailed { message: String, hint: Option<String> },
    /// A change may or may not have been applied (its answer was lost and the service
    /// no longer knows its token or job): exit 5, with the read-only command that
    /// shows the state as the hint.
    #[error("{message}")]
    OutcomeUnknown { message: String, hint: String },
    /// The audit log could not be opened or written: nothing (more) is sent. Exit 3.
    #[error("{0}")]
    Audit(String),
    /// A guard (`--min-remaining`) refused the change; nothing was changed. Exit 7.
    #[error("{0}")]
    Refused(String),
    /// Some batches were done, then one failed for good. Exit 6.
    #[error("{} {failed_batch} of {batches} failed: {failure}", step_name(.verb))]
    Partial {
        /// What the action did to a server: "removed", "added", "weighted".
        verb: &'static str,
        failed_batch: usize,
        batches: usize,
        failure: Box<Error>,
        done: Vec<String>,
        not_done: Vec<String>,
        /// The exact command that finishes the job.
        resume: String,
    },
    /// A wait (`backends wait`, `--wait-healthy`) ran out of time: each server not
    /// there yet, with its last state. Exit 8.
    #[error("{message}")]
    Timeout { message: String, waiting: Vec<(String, String)>, hint: Option<String> },
    /// Retries ran out; the exit code is the last failure's.
    #[error("gave up after {attempts} attempts; last failure: {last}")]
    GaveUp { attempts: u32, last: Box<Error> },
    /// Anything else (a bug, or an I/O failure writing output). Exit 1.
    #[error(transparent)]
    Other(#[from] anyhow::Error),
}

/// What the steps of a partial run are: groups for standby (whose verb is "done"),
/// batches of at most 20 otherwise.
fn step_name(verb: &str) -> &'static str {
    if verb == "done" { "group" } else { "batch" }
}

/// An error reported by the SLB API in its JSON error body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub http_status: u16,
    pub code: String,
    pub message: String,
    pub request_id: Option<String>,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)?;
        if let Some(id) = &self.request_id {
            write!(f, " (RequestId {id})")?;
        }
        Ok(())
    }
}

/// Documented exit codes (see README "Exit codes").
pub mod exit {
    pub const SUCCESS: u8 = 0;
    pub const UNEXPECTED: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const CONFIG: u8 = 3;
    pub const API: u8 = 4;
    pub const NETWORK: u8 = 5;
    pub const PARTIAL: u8 = 6;
    pub const REFUSED: u8 = 7;
    pub const TIMEOUT: u8 = 8;
}

impl Error {
    pub fn usage(message: impl Into<String>) -> Self {
        Error::Usage { message: message.into(), hint: None }
    }

    pub fn config(message: impl Into<String>) -> Self {
        Error::Config { message: message.into(), hint: None }
    }

    /// A change whose every attempt failed on the network (timed out, or the connection
    /// broke after the request was sent) may have been applied all the same: say so,
    /// with the read-only command that shows the state (`list_command`). Exit 5 stays.
    pub fn unknown_outcome_if_lost(self, list_command: &str) -> Error {
        if !matches!(self.last(), Error::Network { maybe_sent: true, .. }) {
            return self;
        }
        Error::OutcomeUnknown {
            message: format!("the outcome of the change is unknown, and it may have been applied: {self}"),
            hint: format!("to see the state, run: {list_command}"),
        }
    }

    /// The failure itself: the last one when retries ran out.
    pub fn last(&self) -> &Error {
        match self {
            Error::GaveUp { last, .. } => last,
            other => other,
        }
    }

    /// Attach a hint, printed on its own line after the error. Only usage and config
    /// errors carry one; API errors get theirs from [`Error::hint`].
    pub fn with_hint(self, text: impl Into<String>) -> Self {
        match self {
            Error::Usage { message, .. } => Error::Usage { message, hint: Some(text.into()) },
            Error::Config { message, .. } => Error::Config { message, hint: Some(text.into()) },
            other => other,
        }
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage { .. } => exit::USAGE,
            Error::Config { .. } | Error::Audit(_) => exit::CONFIG,
            // Stopped by the audit log part-way: its failure decides, not "partial".
            Error::Partial { failure, .. } if matches!(**failure, Error::Audit(_)) => exit::CONFIG,
            Error::Api(_) => exit::API,
            Error::Network { .. } | Error::Response(_) => exit::NETWORK,
            Error::GaveUp { last, .. } => last.exit_code(),
            Error::Verification(_) | Error::JobFailed { .. } => exit::API,
            Error::OutcomeUnknown { .. } => exit::NETWORK,
            Error::Refused(_) => exit::REFUSED,
            Error::Partial { .. } => exit::PARTIAL,
            Error::Timeout { .. } => exit::TIMEOUT,
            Error::Other(_) => exit::UNEXPECTED,
        }
    }

    /// The kind's name in JSON errors: usage, config, api, network, response,
    /// verification, job, outcome_unknown, guard, partial, timeout, internal.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Usage { .. } => "usage",
            Error::Config { .. } => "config",
            Error::Audit(_) => "audit",
            Error::Api(_) => "api",
            Error::Network { .. } => "network",
            Error::Response(_) => "response",
            Error::GaveUp { last, .. } => last.kind(),
            Error::Verification(_) => "verification",
            Error::JobFailed { .. } => "job",
            Error::OutcomeUnknown { .. } => "outcome_unknown",
            Error::Refused(_) => "guard",
            Error::Partial { .. } => "partial",
            Error::Timeout { .. } => "timeout",
            Error::Other(_) => "internal",
        }
    }

    /// The API error behind this one, if any (also through GaveUp).
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) => Some(api),
            Error::GaveUp { last, .. } => last.api(),
            Error::Partial { failure, .. } => failure.api(),
            _ => None,
        }
    }

    /// A short suggestion of what to do next, where one is known.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Usage { hint, .. } | Error::Config { hint, .. } => hint.clone(),
            Error::Api(api) => api_hint(&api.code).map(str::to_owned),
            Error::GaveUp { last, .. } => last.hint(),
            Error::Network { retryable: false, .. } => Some(
                "if a private CA or an intercepting proxy signs this endpoint's certificate, trust it with --ca-bundle PATH"
                    .to_owned(),
            ),
            Error::Partial { resume, .. } => Some(format!("to finish, run: {resume}")),
            Error::JobFailed { hint, .. } | Error::Timeout { hint, .. } => hint.clone(),
            Error::OutcomeUnknown { hint, .. } => Some(hint.clone()),
            _ => None,
        }
    }
}

fn api_hint(code: &str) -> Option<&'static str> {
    match code {
        "SignatureDoesNotMatch" => Some("the access key secret is probably wrong"),
        "InvalidAccessKeyId.NotFound" | "InvalidAccessKeyId" => {
            Some("check the access key id; `slbctl` reads it from the environment or the profile file")
        }
        "InvalidTimeStamp.Expired" => {
            Some("check this machine's clock: requests are signed with the current UTC time")
        }
        "InvalidLoadBalancerId.NotFound" => {
            Some("check the load balancer id and that --region is the load balancer's region")
        }
        _ => None,
    }
}

impl From<Error> for ExitCode {
    fn from(e: Error) -> Self {
        ExitCode::from(e.exit_code())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_kind() {
        assert_eq!(Error::usage("x").exit_code(), 2);
        assert_eq!(Error::config("x").exit_code(), 3);
        let api = ApiError { http_status: 400, code: "X".into(), message: "m".into(), request_id: None };
        assert_eq!(Error::Api(api).exit_code(), 4);
        let network = Error::Network { message: "x".into(), retryable: true, maybe_sent: true };
        assert_eq!(network.exit_code(), 5);
        let gave_up = |last| Error::GaveUp { attempts: 4, last: Box::new(last) };
        assert_eq!(gave_up(network).exit_code(), 5);
        assert_eq!(
            gave_up(Error::Api(ApiError {
                http_status: 503,
                code: "X".into(),
                message: "m".into(),
                request_id: None
            }))
            .exit_code(),
            4
        );
        assert_eq!(Error::Response("x".into()).exit_code(), 5);
        assert_eq!(Error::Other(anyhow::anyhow!("x")).exit_code(), 1);
    }

    #[test]
    fn api_error_display_includes_request_id() {
        let api = ApiError {
            http_status: 404,
            code: "InvalidLoadBalancerId.NotFound".into(),
            message: "The specified LoadBalancerId does not exist.".into(),
            request_id: Some("RID-1".into()),
        };
        assert_eq!(
            api.to_string(),
            "InvalidLoadBalancerId.NotFound: The specified LoadBalancerId does not exist. (RequestId RID-1)"
        );
    }
}
