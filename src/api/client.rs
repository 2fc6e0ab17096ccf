//! One signed call to an RPC API: HTTP with the transport's roots, proxy and timeouts,
//! retries by the policy in `retry`, and reading the answer (success body, API error,
//! or something unreadable).

use std::io::Read;
use std::time::{Duration, Instant};

use chrono::Utc;
use reqwest::Url;

use super::request::{AccessKey, sign_request};
use super::{Product, retry};
use crate::error::{ApiError, Error, Result};
use crate::secret::mask_access_key_id;
use crate::text::sanitize;

/// Answers larger than this are refused; reading stops there, so memory stays bounded.
pub const MAX_BODY_BYTES: u64 = 16 * 1024 * 1024;

/// Timeouts and retries of a call.
#[derive(Debug, Clone, Copy)]
pub struct CallPolicy {
    /// Time to set up the connection (TCP and TLS).
    pub connect_timeout: Duration,
    /// Time for one whole attempt, connection included.
    pub timeout: Duration,
    /// Attempts after the first; 0 disables retrying.
    pub retries: u32,
}

impl Default for CallPolicy {
    fn default() -> Self {
        CallPolicy { connect_timeout: Duration::from_secs(5), timeout: Duration::from_secs(20), retries: 3 }
    }
}

/// How requests reach the endpoint: extra trusted roots and an explicit proxy.
#[derive(Default)]
pub struct Transport {
    /// CA certificates trusted in addition to the built-in (Mozilla) roots.
    pub extra_roots: Vec<reqwest::Certificate>,
    /// The proxy to go through, if any (see `proxy::for_endpoint`).
    pub proxy: Option<Url>,
}

/// What one attempt produced, with what the retry decision needs.
struct Attempt {
    result: Result<serde_json::Value>,
    status: Option<u16>,
    retry_after: Option<Duration>,
}

/// Sends signed calls to one product's endpoint with one access key.
pub struct Client {
    http: reqwest::blocking::Client,
    endpoint: Url,
    api_version: &'static str,
    key: AccessKey,
    retries: u32,
}

impl Client {
    pub fn new(
        endpoint: Url,
        product: &Product,
        key: AccessKey,
        policy: CallPolicy,
        transport: Transport,
    ) -> Result<Self> {
        let setup_error = |e: reqwest::Error| {
            Error::Other(anyhow::anyhow!("cannot set up the HTTP client: {}", error_chain(&e)))
        };
        // The proxy is chosen explicitly (so -v can name it); reqwest's own detection is off.
        let mut builder = reqwest::blocking::Client::builder().no_proxy();
        if let Some(proxy) = transport.proxy {
            builder = builder.proxy(reqwest::Proxy::all(proxy).map_err(setup_error)?);
        }
        for root in transport.extra_roots {
            builder = builder.add_root_certificate(root);
        }
        // Loading the system's certificates costs milliseconds, more than a loopback
        // request: only https needs them (plain http is only allowed to loopback).
        if endpoint.scheme() != "https" {
            builder = builder.tls_built_in_root_certs(false);
        }
        let http = builder
            .user_agent(concat!("slbctl/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(policy.connect_timeout)
            .timeout(policy.timeout)
            // Signed requests are for one host; never follow a redirect elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(setup_error)?;
        Ok(Client { http, endpoint, api_version: product.api_version, key, retries: policy.retries })
    }

    /// Send one call, retrying what is safe to retry. Every attempt is signed afresh
    /// (new nonce, new timestamp): the service refuses a reused nonce.
    pub fn call(&self, action_params: &[(&'static str, String)]) -> Result<serde_json::Value> {
        let max_attempts = self.retries.saturating_add(1);
        let mut attempt = 1;
        loop {
            let started = Instant::now();
            let outcome = self.attempt(action_params);
            let elapsed_ms = started.elapsed().as_millis();
            let error = match outcome.result {
                Ok(value) => {
                    let request_id = value.get("RequestId").and_then(|v| v.as_str()).unwrap_or("-");
                    crate::verbose!(
                        "attempt {attempt}: HTTP {} in {elapsed_ms} ms, RequestId {}",
                        outcome.status.unwrap_or(0),
                        sanitize(request_id, 80)
                    );
                    return Ok(value);
                }
                Err(error) => self.mask_key_id(error),
            };
            let status = outcome.status.map_or_else(|| "no answer".to_owned(), |s| format!("HTTP {s}"));
            crate::verbose!("attempt {attempt}: {status} in {elapsed_ms} ms: {error}");
            if !retry::is_retryable(&error, outcome.status) {
                return Err(error);
            }
            if attempt >= max_attempts {
                return Err(if max_attempts > 1 {
                    Error::GaveUp { attempts: attempt, last: Box::new(error) }
                } else {
                    error
                });
            }
            let wait = retry::delay(attempt, retry::random_unit(), outcome.retry_after);
            crate::verbose!("retrying in {} ms", wait.as_millis());
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    fn attempt(&self, action_params: &[(&'static str, String)]) -> Attempt {
        let nonce = uuid::Uuid::new_v4().to_string();
        let request = sign_request(
            &self.endpoint,
            self.api_version,
            action_params,
            Some(&self.key),
            Utc::now(),
            &nonce,
        );
        let response =
            match self.http.post(request.url()).header(reqwest::header::ACCEPT, "application/json").send() {
                Ok(response) => response,
                Err(e) => {
                    return Attempt { result: Err(self.network_error(e)), status: None, retry_after: None };
                }
            };
        let status = response.status().as_u16();
        let retry_after = response
            .headers()
            .get("x-acs-retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(Duration::from_millis);
        let mut body = Vec::new();
        let result = match response.take(MAX_BODY_BYTES + 1).read_to_end(&mut body) {
            Ok(_) => interpret_answer(status, &body),
            Err(e) => Err(Error::Network {
                message: format!("reading the answer from {} failed: {}", self.host(), error_chain(&e)),
                retryable: true,
            }),
        };
        Attempt { result, status: Some(status), retry_after }
    }

    /// `SignatureDoesNotMatch` echoes the server's string to sign, which contains the
    /// access key id; show it masked like everywhere else.
    fn mask_key_id(&self, error: Error) -> Error {
        match error {
            Error::Api(mut api) if !self.key.id.is_empty() => {
                let id = &self.key.id;
                api.message = api.message.replace(id.as_str(), &mask_access_key_id(id));
                Error::Api(api)
            }
            other => other,
        }
    }

    fn host(&self) -> String {
        self.endpoint.origin().ascii_serialization()
    }

    fn network_error(&self, e: reqwest::Error) -> Error {
        let what = if e.is_timeout() { "timed out" } else { "failed" };
        let e = e.without_url(); // the URL holds the signature and any STS token
        match certificate_problem(&e) {
            Some(problem) => Error::Network {
                message: format!("the TLS certificate of {} was not accepted: {problem}", self.host()),
                retryable: false,
            },
            None => Error::Network {
                message: format!("request to {} {what}: {}", self.host(), error_chain(&e)),
                retryable: true,
            },
        }
    }
}

/// The certificate problem, if TLS verification is what failed: rustls's error,
/// found by type in the cause chain. No retry can fix it.
fn certificate_problem(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    use rustls::CertificateError;
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(cause) = source {
        // io::Error's source() skips the error it wraps, so look inside by hand; the
        // TLS error sits under two of them.
        let mut inner: &(dyn std::error::Error + 'static) = cause;
        while let Some(wrapped) = inner.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()) {
            inner = wrapped;
        }
        let tls = inner.downcast_ref::<rustls::Error>();
        if let Some(tls) = tls {
            return Some(match tls {
                rustls::Error::InvalidCertificate(CertificateError::UnknownIssuer) => {
                    "unknown issuer (not signed by a trusted CA)".to_owned()
                }
                rustls::Error::InvalidCertificate(
                    CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
                ) => format!("wrong host name ({tls})"),
                rustls::Error::InvalidCertificate(
                    CertificateError::Expired | CertificateError::ExpiredContext { .. },
                ) => format!("expired ({tls})"),
                other => other.to_string(),
            });
        }
        source = cause.source();
    }
    None
}

/// An error and its causes on one line, without repeating a cause a wrapper already shows.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// Turn a status and body into the JSON answer, an API error, or a response error.
pub fn interpret_answer(status: u16, body: &[u8]) -> Result<serde_json::Value> {
    if body.len() as u64 > MAX_BODY_BYTES {
        return Err(Error::Response(format!(
            "the answer (HTTP {status}) is larger than {} MiB; refusing to read it",
            MAX_BODY_BYTES / 1024 / 1024
        )));
    }
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::Response(format!("the answer (HTTP {status}) has an empty body")));
    }
    let value: serde_json::Value = serde_json::from_slice(body).map_err(|e| {
        Error::Response(format!("the answer (HTTP {status}) is not JSON ({e}); it starts: {}", excerpt(body)))
    })?;
    let success = (200..300).contains(&status);
    let Some(object) = value.as_object() else {
        return Err(Error::Response(format!(
            "the answer (HTTP {status}) is JSON but not an object; it starts: {}",
            excerpt(body)
        )));
    };
    let code = object.get("Code").and_then(|c| c.as_str());
    match (success, code) {
        (true, None) => Ok(value),
        (true, Some(code)) => Err(Error::Response(format!(
            "the answer has HTTP {status} but carries error code {}",
            sanitize(code, 100)
        ))),
        (false, Some(code)) => {
            let text = |key: &str| object.get(key).and_then(|v| v.as_str()).map(|s| sanitize(s, 500));
            Err(Error::Api(ApiError {
                http_status: status,
                code: sanitize(code, 100),
                message: text("Message").unwrap_or_default(),
                request_id: text("RequestId"),
            }))
        }
        (false, None) => Err(Error::Response(format!(
            "HTTP {status} without an error code; the answer starts: {}",
            excerpt(body)
        ))),
    }
}

/// A short, printable start of a body for error messages.
fn excerpt(body: &[u8]) -> String {
    let head = &body[..body.len().min(200)];
    format!("{:?}", sanitize(&String::from_utf8_lossy(head), 120))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn api_error_body_becomes_an_api_error() {
        let body = br#"{"RequestId":"R1","HostId":"slb.aliyuncs.com","Code":"InvalidLoadBalancerId.NotFound","Message":"The specified LoadBalancerId does not exist."}"#;
        match interpret_answer(404, body).unwrap_err() {
            Error::Api(api) => {
                assert_eq!(api.code, "InvalidLoadBalancerId.NotFound");
                assert_eq!(api.request_id.as_deref(), Some("R1"));
                assert_eq!(api.http_status, 404);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unreadable_answers_are_response_errors() {
        let cases: [(u16, &[u8]); 7] = [
            (200, b""),
            (200, b"<html><body>proxy</body></html>"),
            (200, br#"{"RequestId":"#),
            (200, b"[1,2]"),
            (200, br#"{"Code":"Throttling","Message":"x"}"#),
            (502, b"Bad Gateway"),
            (500, br#"{"foo":1}"#),
        ];
        for (status, body) in cases {
            let err = interpret_answer(status, body).unwrap_err();
            assert!(matches!(err, Error::Response(_)), "{status} {body:?}: {err:?}");
            assert!(!err.to_string().contains('\n'));
        }
    }

    #[test]
    fn oversized_answer_is_refused() {
        let body = vec![b' '; (MAX_BODY_BYTES + 1) as usize];
        assert!(interpret_answer(200, &body).unwrap_err().to_string().contains("larger than 16 MiB"));
    }

    #[test]
    fn control_characters_in_answers_are_not_echoed() {
        let err = interpret_answer(400, b"{\"Code\":\"X\x1b[2J\",\"Message\":\"m\\u001b[31m\"}").unwrap_err();
        assert!(!err.to_string().contains('\u{1b}'), "{err:?}");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_answers_never_panic_and_errors_stay_one_line(
            status in 100u16..600,
            body in proptest::collection::vec(any::<u8>(), 0..2048),
        ) {
            if let Err(e) = interpret_answer(status, &body) {
                let text = e.to_string();
                prop_assert!(!text.contains('\n') && !text.contains('\r'), "{:?}", text);
                prop_assert!(!text.contains('\u{1b}'), "{:?}", text);
                prop_assert!(text.len() < 1200, "{}", text.len());
            }
        }

        #[test]
        fn json_error_bodies_with_any_strings_stay_printable(
            status in 400u16..600,
            code in any::<String>(),
            message in any::<String>(),
        ) {
            let body = serde_json::json!({"Code": code, "Message": message, "RequestId": "R"}).to_string();
            let err = interpret_answer(status, body.as_bytes()).unwrap_err();
            let text = err.to_string();
            prop_assert!(!text.chars().any(char::is_control), "{:?}", text);
        }
    }
}
