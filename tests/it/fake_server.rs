//! The fake SLB server's own checks, which every other test relies on: it must refuse
//! what the real service refuses. Requests are signed with slbctl's library and sent
//! with a plain HTTP client, so each check is exercised on its own.

use crate::support::fake_slb::FakeSlb;
use crate::support::*;
use chrono::{Duration, Utc};
use reqwest::Url;
use slbctl::signing::{AccessKey, Secret, SignedRequest, sign_request};

fn server() -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b"]);
    server
}

fn creds(secret: &str) -> AccessKey {
    AccessKey { id: KEY_ID.into(), secret: Secret::new(secret), security_token: None }
}

fn remove_params(id: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Action", "RemoveBackendServers".into()),
        ("RegionId", "cn-hangzhou".into()),
        ("LoadBalancerId", "lb-1".into()),
        ("BackendServers", format!(r#"[{{"ServerId":"{id}"}}]"#)),
    ]
}

/// Send a request as it is (or with one parameter changed after signing).
fn send(request: &SignedRequest, tamper: Option<(&str, &str)>) -> (u16, serde_json::Value) {
    let mut request = request.clone();
    if let Some((name, value)) = tamper {
        for param in request.params.iter_mut().filter(|(k, _)| k == name) {
            param.1 = value.to_owned();
        }
    }
    let response = reqwest::blocking::Client::new().post(request.url()).send().unwrap();
    let status = response.status().as_u16();
    (status, serde_json::from_str(&response.text().unwrap()).unwrap())
}

fn signed(
    server: &FakeSlb,
    params: &[(&'static str, String)],
    when: chrono::DateTime<Utc>,
    nonce: &str,
) -> SignedRequest {
    let endpoint = Url::parse(&server.url()).unwrap();
    sign_request(&endpoint, "2014-05-15", params, Some(&creds(SECRET)), when, nonce)
}

#[test]
fn a_correct_request_is_accepted_and_changes_state() {
    let server = server();
    let (status, body) = send(&signed(&server, &remove_params("i-a"), Utc::now(), "n-1"), None);
    assert_eq!(status, 200, "{body}");
    assert_eq!(server.backends("lb-1"), ["i-b"]);
}

/// A request, a parameter to change after signing, and the status and code expected.
type Refusal = (SignedRequest, Option<(&'static str, &'static str)>, u16, &'static str);

#[test]
fn it_refuses_what_the_service_refuses() {
    let server = server();
    let now = Utc::now();
    let cases: Vec<Refusal> = vec![
        (
            signed(&server, &remove_params("i-a"), now, "t-1"),
            Some(("LoadBalancerId", "lb-2")),
            400,
            "SignatureDoesNotMatch",
        ),
        (
            signed(&server, &remove_params("i-a"), now, "t-2"),
            Some(("BackendServers", r#"[{"ServerId":"i-b"}]"#)),
            400,
            "SignatureDoesNotMatch",
        ),
        (
            signed(&server, &remove_params("i-a"), now - Duration::minutes(20), "t-3"),
            None,
            400,
            "InvalidTimeStamp.Expired",
        ),
        (
            signed(&server, &remove_params("i-a"), now + Duration::minutes(20), "t-4"),
            None,
            400,
            "InvalidTimeStamp.Expired",
        ),
        (
            signed(&server, &remove_params("i-a"), now, "t-5"),
            Some(("AccessKeyId", "LTAIunknown")),
            404,
            "InvalidAccessKeyId.NotFound",
        ),
        (
            signed(&server, &remove_params("i-a"), now, "t-6"),
            Some(("Version", "2014-05-26")),
            400,
            "InvalidVersion",
        ),
        (
            signed(&server, &remove_params("i-a"), now, "t-7"),
            Some(("Timestamp", "yesterday")),
            400,
            "InvalidTimeStamp.Format",
        ),
        (signed(&server, &remove_params("i-a")[1..], now, "t-8"), None, 400, "MissingParameter"),
    ];
    for (request, tamper, status, code) in cases {
        let (got_status, body) = send(&request, tamper);
        assert_eq!((got_status, body["Code"].as_str()), (status, Some(code)), "{tamper:?}: {body}");
        assert!(body["RequestId"].as_str().is_some_and(|r| !r.is_empty()));
    }
    assert_eq!(server.backends("lb-1"), ["i-a", "i-b"], "nothing refused changed anything");
}

#[test]
fn a_reused_nonce_is_refused() {
    let server = server();
    let request = signed(&server, &remove_params("i-a"), Utc::now(), "same-nonce");
    assert_eq!(send(&request, None).0, 200);
    let (status, body) = send(&request, None);
    assert_eq!((status, body["Code"].as_str()), (400, Some("SignatureNonceUsed")));
}

#[test]
fn an_sts_key_needs_its_token() {
    let server = FakeSlb::start();
    server.add_key(STS_KEY_ID, STS_SECRET, Some(STS_TOKEN));
    server.add_lb("lb-1", "cn-hangzhou", &["i-a"]);
    let endpoint = Url::parse(&server.url()).unwrap();
    let without_token =
        AccessKey { id: STS_KEY_ID.into(), secret: Secret::new(STS_SECRET), security_token: None };
    let request =
        sign_request(&endpoint, "2014-05-15", &remove_params("i-a"), Some(&without_token), Utc::now(), "s-1");
    let (status, body) = send(&request, None);
    assert_eq!((status, body["Code"].as_str()), (400, Some("MissingParameter")), "{body}");
}
