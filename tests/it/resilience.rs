//! Black-box tests of retries, timeouts and answers that are not what they should be.

use std::time::{Duration, Instant};

use crate::support::fake_slb::{FakeSlb, Fault};
use crate::support::*;
use predicates::prelude::*;

fn server() -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b"]);
    server
}

fn remove(home: &std::path::Path, server: &FakeSlb) -> assert_cmd::Command {
    let mut cmd = slbctl_against(home, server);
    cmd.args(["backends", "remove", "--lb", "lb-1", "i-a"]);
    cmd
}

fn api_fault(status: u16, code: &str) -> Fault {
    Fault::ApiError { status, code: code.into() }
}

/// Every attempt was signed afresh: distinct nonces, and the server accepted the last.
fn assert_fresh_nonces(server: &FakeSlb) {
    let requests = server.requests();
    let mut nonces: Vec<&str> = requests.iter().map(|r| r.param("SignatureNonce").unwrap()).collect();
    let count = nonces.len();
    nonces.sort();
    nonces.dedup();
    assert_eq!(nonces.len(), count, "a nonce was reused: {requests:#?}");
}

#[test]
fn retryable_failures_are_retried_until_success() {
    let faults = [
        api_fault(400, "Throttling"),
        api_fault(400, "Throttling.User"),
        api_fault(503, "ServiceUnavailable"),
        api_fault(500, "InternalError"),
        api_fault(400, "SystemBusy"),
        api_fault(400, "OperationBusy"),
        api_fault(400, "ServiceIsConfiguring"),
        api_fault(400, "BackendServer.configuring"),
        api_fault(400, "UnknownError"),
        api_fault(502, "SomethingNew"),
        Fault::Html(502),
        Fault::Drop,
    ];
    for fault in faults {
        let home = tempfile::tempdir().unwrap();
        let server = server();
        server.inject(fault.clone(), 2);
        remove(home.path(), &server).assert().success();
        server.assert_requests(3);
        assert_fresh_nonces(&server);
        assert_eq!(server.backends("lb-1"), ["i-b"], "{fault:?}");
    }
}

#[test]
fn an_attempt_that_times_out_is_retried() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.inject(Fault::Delay(Duration::from_secs(3)), 1);
    remove(home.path(), &server).args(["--timeout", "1"]).assert().success();
    assert_eq!(server.backends("lb-1"), ["i-b"]);
    assert_fresh_nonces(&server);
}

#[test]
fn when_retries_run_out_the_error_counts_attempts_and_exits_4_for_api_errors() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.inject(api_fault(400, "Throttling.User"), 4);
    // --busy-timeout 0 leaves throttling to --retries.
    remove(home.path(), &server).args(["--busy-timeout", "0"]).assert().code(4).stderr(
        predicate::str::starts_with(
            "slbctl: error: gave up after 4 attempts; last failure: Throttling.User: ",
        ),
    );
    server.assert_requests(4);
    assert_fresh_nonces(&server);
    assert_eq!(server.backends("lb-1"), ["i-a", "i-b"]);
}

#[test]
fn when_retries_run_out_on_network_failures_the_exit_code_is_5() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.inject(Fault::Drop, 3);
    remove(home.path(), &server)
        .args(["--retries", "2"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("gave up after 3 attempts; last failure: request to"));
    server.assert_requests(3);
}

#[test]
fn retries_zero_makes_exactly_one_attempt() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.inject(api_fault(503, "ServiceUnavailable"), 1);
    remove(home.path(), &server)
        .env("SLBCTL_RETRIES", "0")
        .assert()
        .code(4)
        .stderr(predicate::str::starts_with("slbctl: error: ServiceUnavailable: "));
    server.assert_requests(1);
}

#[test]
fn client_errors_are_never_retried() {
    for code in ["InvalidParameter", "Forbidden.RAM", "InvalidLoadBalancerId.NotFound", "SignatureNonceUsed"]
    {
        let home = tempfile::tempdir().unwrap();
        let server = server();
        server.inject(api_fault(400, code), 1);
        remove(home.path(), &server).assert().code(4).stderr(predicate::str::contains(code));
        server.assert_requests(1);
    }
    let home = tempfile::tempdir().unwrap();
    let server = server();
    remove(home.path(), &server)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "wrong")
        .assert()
        .code(4)
        .stderr(predicate::str::contains("SignatureDoesNotMatch"));
    server.assert_requests(1);
}

#[test]
fn ten_throttling_answers_in_a_row_are_waited_out_not_given_up_on() {
    for code in ["Throttling", "Throttling.User", "Rejected.Throttling"] {
        let home = tempfile::tempdir().unwrap();
        let server = server();
        server.inject(api_fault(400, code), 10);
        slbctl_against(home.path(), &server)
            .args(["-v", "backends", "list", "--lb", "lb-1"])
            .assert()
            .success()
            .stderr(predicate::str::contains("of --busy-timeout left"));
        server.assert_requests(11);
    }
}

#[test]
fn eight_deployers_in_lockstep_through_a_throttling_burst_all_finish() {
    let server = server();
    server.add_lb("lb-8", "cn-hangzhou", &["i-1", "i-2", "i-3", "i-4", "i-5", "i-6", "i-7", "i-8"]);
    server.inject(api_fault(400, "Throttling.User"), 40);
    let homes: Vec<_> = (0..8).map(|_| tempfile::tempdir().unwrap()).collect();
    let children: Vec<_> = homes
        .iter()
        .enumerate()
        .map(|(n, home)| {
            let mut cmd = slbctl_std_against(home.path(), &server);
            cmd.args(["-q", "backends", "remove", "--lb", "lb-8", &format!("i-{}", n + 1)]).spawn().unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    assert!(server.backends("lb-8").is_empty(), "every deployer finished");
}

#[test]
fn retry_after_header_is_honoured() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.inject(Fault::ThrottledWithRetryAfter(1200), 1);
    let started = Instant::now();
    remove(home.path(), &server).assert().success();
    assert!(started.elapsed() >= Duration::from_millis(1200), "waited only {:?}", started.elapsed());
    server.assert_requests(2);
}

#[test]
fn unreadable_successful_answers_fail_with_exit_5_without_retrying() {
    let cases = [
        (Fault::TruncatedJson, "not JSON"),
        (Fault::Body(String::new()), "empty body"),
        (Fault::Body("[]".into()), "not an object"),
        (Fault::Body(r#"{"RequestId":7}"#.into()), "unexpected shape"),
        (Fault::Body(r#"{"Code":"Throttling","Message":"m"}"#.into()), "carries error code Throttling"),
        (Fault::Body("<?xml version=\"1.0\"?><Response/>".into()), "not JSON"),
        (Fault::HugeBody(17 * 1024 * 1024), "larger than 16 MiB"),
    ];
    for (fault, expected) in cases {
        let home = tempfile::tempdir().unwrap();
        let server = server();
        server.inject(fault, 1);
        let out = remove(home.path(), &server)
            .assert()
            .code(5)
            .stderr(predicate::str::contains(expected))
            .get_output()
            .clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.len() < 600, "excerpt too long: {}", stderr.len());
        server.assert_requests(1);
    }
}

#[test]
fn verbose_output_shows_attempts_but_no_secrets() {
    let home = tempfile::tempdir().unwrap();
    let server = FakeSlb::start();
    server.add_key(STS_KEY_ID, STS_SECRET, Some(STS_TOKEN));
    server.add_lb("lb-1", "cn-hangzhou", &["i-a"]);
    server.inject(api_fault(503, "ServiceUnavailable"), 1);
    let out = slbctl(home.path())
        .envs(STS_ENV)
        .args(["-vv", "--region", "cn-hangzhou", "--endpoint", &server.url()])
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success()
        .stderr(predicate::str::contains("attempt 1: HTTP 503"))
        .stderr(predicate::str::is_match(r"attempt 2: HTTP 200 in \d+ ms, RequestId [0-9A-F-]{36}").unwrap())
        .stderr(predicate::str::contains("credentials from environment variable ALIBABA_CLOUD_ACCESS_KEY_ID"))
        .stderr(predicate::str::contains(format!("endpoint {}/", server.url())))
        .get_output()
        .clone();
    assert_no_secrets(&out);
}

#[test]
fn out_of_range_retry_and_timeout_values_are_usage_errors() {
    let home = tempfile::tempdir().unwrap();
    for args in [
        &["--retries", "11"][..],
        &["--retries", "-1"],
        &["--timeout", "0"],
        &["--timeout", "-5"],
        &["--timeout", "99999999999999999999"],
        &["--connect-timeout", "0"],
        &["--timeout", "1.5x"],
    ] {
        slbctl(home.path())
            .args(args)
            .args(["--region", "cn-hangzhou", "backends", "remove", "--lb", "lb-1", "i-a", "--dry-run"])
            .assert()
            .code(2);
    }
    slbctl(home.path())
        .env("SLBCTL_TIMEOUT", "nope")
        .args(["--region", "cn-hangzhou", "backends", "remove", "--lb", "lb-1", "i-a", "--dry-run"])
        .assert()
        .code(2);
}

#[test]
fn signature_and_clock_errors_come_with_a_hint() {
    for (code, hint) in [
        ("InvalidTimeStamp.Expired", "hint: check this machine's clock"),
        ("SignatureDoesNotMatch", "hint: the access key secret is probably wrong"),
        ("InvalidAccessKeyId.NotFound", "hint: check the access key id"),
    ] {
        let home = tempfile::tempdir().unwrap();
        let server = server();
        server.inject(api_fault(400, code), 1);
        remove(home.path(), &server)
            .assert()
            .code(4)
            .stderr(predicate::str::contains(code))
            .stderr(predicate::str::contains(hint));
        server.assert_requests(1);
    }
}
