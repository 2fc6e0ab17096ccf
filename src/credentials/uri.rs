//! A credentials URI: `GET` it, expect HTTP 200 and
//! `{"Code":"Success","AccessKeyId","AccessKeySecret","SecurityToken","Expiration"}`.
//!
//! The official SDKs disagree on `Code` (Go ignores it; Python, Java and the aliyun CLI
//! require `Success`): slbctl refuses any `Code` other than `Success` and accepts an
//! answer without one, as credentials-go's tests serve it. Plain http is allowed only to
//! a sidecar on a loopback or link-local address; the URL is never shown beyond its
//! origin (its query may hold a secret).

use std::net::IpAddr;

use reqwest::{Method, Url};

use super::{Credentials, Network, TemporaryAnswer};
use crate::api::client::{Fetcher, Transport};
use crate::error::{Error, Result};
use crate::source::Source;
use crate::text::{quote, sanitize};

/// Check a credentials URI from `what` (a variable or a profile).
pub fn parse(text: &str, what: &str) -> Result<Url> {
    let url = Url::parse(text)
        .map_err(|e| Error::config(format!("the credentials URI in {what} is not a URL: {e}")))?;
    let near = match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => ip.is_loopback() || ip.is_link_local(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback() || (ip.segments()[0] & 0xffc0) == 0xfe80,
        None => false,
    };
    match url.scheme() {
        "https" => Ok(url),
        "http" if near => Ok(url),
        "http" => Err(Error::config(format!(
            "the credentials URI in {what} uses plain http to {}, which is not a loopback or link-local address",
            url.host_str().map(quote).unwrap_or_default()
        ))
        .with_hint("use https://, or a sidecar on 127.0.0.1 / 169.254.x.x")),
        other => Err(Error::config(format!("the credentials URI in {what} must be http(s), not {}", quote(other)))),
    }
}

/// What defines the credentials, for the cache key.
pub fn identity(url: &Url) -> String {
    url.to_string()
}

/// Fetch credentials from `url`.
pub fn fetch(net: &Network, url: &Url) -> Result<Credentials> {
    let transport = Transport::for_endpoint(url, net.ca_bundle.as_ref(), &|name| std::env::var(name).ok())?;
    let fetcher = Fetcher::new(url.scheme() == "https", net.sts_policy, transport)?;
    let origin = url.origin().ascii_serialization();
    crate::verbose!("credentials URI: GET {origin}");
    let answer = fetcher.send(Method::GET, url, &[("Accept", "application/json")])?;
    if answer.status != 200 {
        return Err(Error::config(format!(
            "the credentials URI at {origin} answered HTTP {}",
            answer.status
        )));
    }
    parse_answer(&answer.body, &origin)
}

fn parse_answer(body: &[u8], origin: &str) -> Result<Credentials> {
    let answer: TemporaryAnswer = serde_json::from_slice(body).map_err(|_| {
        Error::Response(format!("the answer of the credentials URI at {origin} is not the credentials JSON (its content is not shown)"))
    })?;
    if let Some(code) = answer.code.as_deref().filter(|c| *c != "Success") {
        return Err(Error::config(format!(
            "the credentials URI at {origin} answered Code {}, not Success",
            quote(&sanitize(code, 64))
        )));
    }
    answer.credentials(Source::Derived(format!("credentials URI at {origin}")), "credentials URI", || {
        Error::Response(format!(
            "the answer of the credentials URI at {origin} lacks AccessKeyId, AccessKeySecret, SecurityToken or Expiration"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_http_only_to_a_sidecar() {
        for ok in [
            "https://creds.example.com/x?user=a",
            "http://127.0.0.1:6666/?user=a",
            "http://localhost:1",
            "http://169.254.1.2/c",
            "http://[::1]:8/",
        ] {
            parse(ok, "test").unwrap_or_else(|e| panic!("{ok}: {e}"));
        }
        for bad in ["http://10.0.0.1/c", "http://creds.example.com/", "ftp://127.0.0.1/", "not a url"] {
            assert_eq!(parse(bad, "test").unwrap_err().exit_code(), 3, "{bad}");
        }
    }

    #[test]
    fn code_other_than_success_is_refused_and_none_is_accepted() {
        let with = |code: &str| {
            format!(
                r#"{{{code}"AccessKeyId":"STS.a","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2030-01-01T00:00:00Z"}}"#
            )
        };
        assert!(parse_answer(with(r#""Code":"Success","#).as_bytes(), "o").is_ok());
        assert!(parse_answer(with("").as_bytes(), "o").is_ok());
        assert_eq!(parse_answer(with(r#""Code":"Failed","#).as_bytes(), "o").unwrap_err().exit_code(), 3);
    }

    #[test]
    fn an_empty_field_counts_as_missing() {
        let answer = r#"{"AccessKeyId":"","AccessKeySecret":"s","SecurityToken":"t","Expiration":"2030-01-01T00:00:00Z"}"#;
        assert_eq!(parse_answer(answer.as_bytes(), "o").unwrap_err().exit_code(), 5);
    }
}
