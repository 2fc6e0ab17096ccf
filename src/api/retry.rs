//! When to try a call again, and how long to wait first: pure policy, no I/O.
//!
//! RemoveBackendServers (and the other backend actions) are idempotent, so retrying a
//! request whose fate is unknown is safe. Only failures that another attempt can fix are
//! retried; a bad signature or an unknown load balancer fails at once.

use std::time::Duration;

use crate::error::Error;

/// First backoff step; attempt n waits a random time in [0, BASE * 2^(n-1)].
pub const BASE_DELAY: Duration = Duration::from_millis(200);
/// No wait is ever longer than this, whatever the server asks for.
pub const MAX_DELAY: Duration = Duration::from_secs(20);

/// API error codes that mean "try again later" rather than "you are wrong".
const RETRYABLE_CODES: &[&str] =
    &["Throttling", "Rejected.Throttling", "ServiceUnavailable", "InternalError", "UnknownError"];

/// Whether an error is the service saying it is busy (one of the product's `busy_codes`,
/// compared without regard to case: NLB's documents spell `IncorrectStatus.serverGroup`
/// where ALB's clients spell `IncorrectStatus.ServerGroup`).
pub fn is_busy(error: &Error, busy_codes: &[&str]) -> bool {
    matches!(error, Error::Api(api) if is_one_of(&api.code, busy_codes))
}

fn is_one_of(code: &str, codes: &[&str]) -> bool {
    codes.iter().any(|c| c.eq_ignore_ascii_case(code))
}

/// The wait before the n-th retry of a busy call: 0.5 s doubling to at most 8 s, with
/// jitter (a uniform draw between half and all of it) so that concurrent deployers do
/// not retry in step.
pub fn busy_delay(n: u32, unit: f64) -> Duration {
    let ceiling = Duration::from_millis(500)
        .saturating_mul(1 << n.saturating_sub(1).min(8))
        .min(Duration::from_secs(8));
    ceiling.mul_f64(0.5 + unit.clamp(0.0, 1.0) / 2.0)
}

/// Whether an error is flow control (`Throttling`, `Throttling.*`,
/// `Rejected.Throttling`): per-second limits shared by every caller on the account,
/// waited out like busy answers rather than spending `--retries` in a second.
pub fn is_throttling(error: &Error) -> bool {
    matches!(error, Error::Api(api) if api.code == "Throttling" || api.code.starts_with("Throttling.") || api.code == "Rejected.Throttling")
}

/// The wait before the n-th retry of a throttled call: full jitter over 1 s·2^(n-1),
/// at most 20 s; a server's `Retry-After` / `x-acs-retry-after` wins (within the cap).
pub fn throttle_delay(n: u32, unit: f64, retry_after: Option<Duration>) -> Duration {
    if let Some(asked) = retry_after {
        return asked.min(MAX_DELAY);
    }
    let ceiling = Duration::from_secs(1).saturating_mul(1 << n.saturating_sub(1).min(16)).min(MAX_DELAY);
    ceiling.mul_f64(unit.clamp(0.0, 1.0))
}

/// Whether an API error code is worth another attempt. Busy codes are, once their own
/// budget is off or spent: they still count against `--retries` then.
pub fn is_retryable_code(code: &str, busy_codes: &[&str]) -> bool {
    RETRYABLE_CODES.contains(&code) || is_one_of(code, busy_codes) || code.starts_with("Throttling.")
}

/// Whether a failed attempt is worth another one, given the HTTP status it came with
/// (None when no answer arrived at all).
pub fn is_retryable(error: &Error, status: Option<u16>, busy_codes: &[&str]) -> bool {
    match error {
        Error::Network { retryable, .. } => *retryable,
        Error::Api(api) => api.http_status >= 500 || is_retryable_code(&api.code, busy_codes),
        // An unreadable body with a 5xx status is a gateway or overload page.
        Error::Response(_) => status.is_some_and(|s| s >= 500),
        _ => false,
    }
}

/// Exponential backoff with full jitter: a uniform random wait in [0, min(cap, base·2^(n-1))]
/// before attempt n+1. `unit` is a random number in [0, 1). A server's `x-acs-retry-after`
/// replaces the computed wait, but never beyond the cap.
pub fn delay(failed_attempt: u32, unit: f64, retry_after: Option<Duration>) -> Duration {
    if let Some(asked) = retry_after {
        return asked.min(MAX_DELAY);
    }
    let exponent = failed_attempt.saturating_sub(1).min(16);
    let ceiling = BASE_DELAY.saturating_mul(1 << exponent).min(MAX_DELAY);
    ceiling.mul_f64(unit.clamp(0.0, 1.0))
}

/// A uniform random number in [0, 1) from the OS, for jitter. Falls back to the middle
/// of the range if the OS has no randomness to give, which only makes jitter less even.
pub fn random_unit() -> f64 {
    match getrandom::u64() {
        Ok(n) => (n >> 11) as f64 / (1u64 << 53) as f64,
        Err(_) => 0.5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ApiError;

    /// Busy codes as a product names them (SLB's, in part).
    const BUSY: &[&str] =
        &["ServiceIsConfiguring", "BackendServer.configuring", "OperationBusy", "SystemBusy"];

    fn api(status: u16, code: &str) -> Error {
        Error::Api(ApiError {
            http_status: status,
            code: code.into(),
            message: String::new(),
            request_id: None,
        })
    }

    #[test]
    fn throttling_and_busy_codes_are_retried() {
        for code in [
            "Throttling",
            "Throttling.User",
            "Throttling.Api",
            "ServiceUnavailable",
            "SystemBusy",
            "OperationBusy",
            "ServiceIsConfiguring",
            "BackendServer.configuring",
            "InternalError",
            "UnknownError",
        ] {
            assert!(is_retryable(&api(400, code), Some(400), BUSY), "{code}");
        }
    }

    #[test]
    fn client_errors_are_not_retried() {
        for code in [
            "SignatureDoesNotMatch",
            "InvalidLoadBalancerId.NotFound",
            "InvalidParameter",
            "Forbidden.RAM",
            "SignatureNonceUsed",
            "ThrottlingX",
            "InvalidAccessKeyId.NotFound",
        ] {
            assert!(!is_retryable(&api(400, code), Some(400), BUSY), "{code}");
        }
    }

    #[test]
    fn any_5xx_is_retried() {
        assert!(is_retryable(&api(500, "Whatever"), Some(500), BUSY));
        assert!(is_retryable(&Error::Response("html".into()), Some(502), BUSY));
        assert!(!is_retryable(&Error::Response("html".into()), Some(200), BUSY));
        assert!(!is_retryable(&Error::usage("x"), None, BUSY));
    }

    #[test]
    fn network_errors_follow_their_flag() {
        assert!(is_retryable(
            &Error::Network { message: "reset".into(), retryable: true, maybe_sent: true },
            None,
            BUSY
        ));
        assert!(!is_retryable(
            &Error::Network { message: "bad certificate".into(), retryable: false, maybe_sent: false },
            None,
            BUSY
        ));
    }

    #[test]
    fn backoff_grows_exponentially_and_is_capped() {
        assert_eq!(delay(1, 0.999_999, None).as_millis(), 199);
        assert_eq!(delay(2, 0.999_999, None).as_millis(), 399);
        assert_eq!(delay(3, 0.5, None), Duration::from_millis(400));
        assert_eq!(delay(10, 1.0, None), MAX_DELAY);
        assert_eq!(delay(1000, 1.0, None), MAX_DELAY);
        assert_eq!(delay(1, 0.0, None), Duration::ZERO);
    }

    #[test]
    fn throttling_waits_grow_from_one_second_to_twenty() {
        assert_eq!(throttle_delay(1, 0.999_999, None).as_millis(), 999);
        assert_eq!(throttle_delay(3, 0.5, None), Duration::from_secs(2));
        assert_eq!(throttle_delay(6, 1.0, None), MAX_DELAY);
        assert_eq!(throttle_delay(2, 0.3, Some(Duration::from_millis(1500))), Duration::from_millis(1500));
        for code in ["Throttling", "Throttling.User", "Rejected.Throttling"] {
            assert!(is_throttling(&api(400, code)), "{code}");
        }
        assert!(!is_throttling(&api(400, "ThrottlingX")));
    }

    #[test]
    fn retry_after_is_honoured_within_the_cap() {
        assert_eq!(delay(1, 0.0, Some(Duration::from_millis(1500))), Duration::from_millis(1500));
        assert_eq!(delay(1, 0.0, Some(Duration::from_secs(3600))), MAX_DELAY);
    }

    #[test]
    fn random_unit_is_in_range() {
        for _ in 0..1000 {
            let u = random_unit();
            assert!((0.0..1.0).contains(&u));
        }
    }
}
