//! Black-box tests of `slbctl backends remove` against the fake SLB server.

use crate::support::fake_slb::{FakeSlb, Fault};
use crate::support::*;
use predicates::prelude::*;

fn server_with_lb(servers: &[&str]) -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", servers);
    server
}

#[test]
fn removes_servers_and_prints_the_remaining_backends() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a", "i-b", "i-c"]);
    let out = slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "i-a", "i-b"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ServerId"))
        .stdout(predicate::str::contains("i-c"))
        .stdout(predicate::str::is_match(r"\nlb-1: removal of 2 servers accepted; 1 backend in the group \(RequestId [0-9A-F-]{36}\)\n$").unwrap())
        .get_output()
        .clone();
    assert_no_secrets(&out);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains("i-a") && !stdout.contains("i-b"), "{stdout}");
    assert!(stdout.is_ascii(), "piped output must be plain: {stdout}");
    assert_eq!(server.backends("lb-1"), ["i-c"]);

    server.assert_requests(1);
    let request = &server.requests()[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.error_code, None);
    assert_eq!(request.param("Action"), Some("RemoveBackendServers"));
    assert_eq!(request.param("Version"), Some("2014-05-15"));
    assert_eq!(request.param("Format"), Some("JSON"));
    assert_eq!(request.param("RegionId"), Some("cn-hangzhou"));
    assert_eq!(request.param("LoadBalancerId"), Some("lb-1"));
    assert_eq!(
        request.param("BackendServers"),
        Some(r#"[{"ServerId":"i-a","Type":"ecs"},{"ServerId":"i-b","Type":"ecs"}]"#)
    );
    let nonce = request.param("SignatureNonce").unwrap();
    assert!(uuid::Uuid::parse_str(nonce).is_ok_and(|u| u.get_version_num() == 4), "{nonce}");
}

#[test]
fn json_output_is_the_whole_answer() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a", "i-c"]);
    let out = slbctl_against(home.path(), &server)
        .args(["--output", "json", "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success()
        .get_output()
        .clone();
    let body: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(body["LoadBalancerId"], "lb-1");
    assert!(body["RequestId"].as_str().is_some_and(|r| !r.is_empty()));
    let remaining = body["BackendServers"]["BackendServer"].as_array().unwrap();
    assert_eq!(remaining.len(), 1);
    assert_eq!(remaining[0]["ServerId"], "i-c");
    assert_eq!(remaining[0]["Weight"], 100);
    assert_eq!(remaining[0]["Type"], "ecs");
    assert!(remaining[0].get("Description").is_some(), "every field is kept");
}

#[test]
fn removing_the_last_backend_says_none_remain() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a"]);
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("lb-1: removal of 1 server accepted; 0 backends in the group"));
}

#[test]
fn type_is_inferred_from_the_prefix_unless_given() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["eni-x", "eci-y", "i-z"]);
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "eni-x", "eci-y", "i-z"])
        .assert()
        .success();
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--type", "eni", "i-q"])
        .assert()
        .success();
    let requests = server.requests();
    assert_eq!(
        requests[0].param("BackendServers"),
        Some(
            r#"[{"ServerId":"eni-x","Type":"eni"},{"ServerId":"eci-y","Type":"eci"},{"ServerId":"i-z","Type":"ecs"}]"#
        )
    );
    assert_eq!(requests[1].param("BackendServers"), Some(r#"[{"ServerId":"i-q","Type":"eni"}]"#));
}

#[test]
fn duplicates_are_removed_once_with_a_warning() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a", "i-b"]);
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "i-a", "i-a", "i-b"])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: server \"i-a\" is given more than once"));
    server.assert_requests(1);
    assert_eq!(
        server.requests()[0].param("BackendServers"),
        Some(r#"[{"ServerId":"i-a","Type":"ecs"},{"ServerId":"i-b","Type":"ecs"}]"#)
    );
}

#[test]
fn each_run_uses_a_fresh_nonce_and_timestamp() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a", "i-b"]);
    for id in ["i-a", "i-b"] {
        slbctl_against(home.path(), &server)
            .args(["backends", "remove", "--lb", "lb-1", id])
            .assert()
            .success();
    }
    let requests = server.requests();
    assert_ne!(requests[0].param("SignatureNonce"), requests[1].param("SignatureNonce"));
    assert!(requests.iter().all(|r| r.error_code.is_none()));
}

#[test]
fn sts_credentials_send_a_signed_security_token() {
    let home = tempfile::tempdir().unwrap();
    let server = FakeSlb::start();
    server.add_key(STS_KEY_ID, STS_SECRET, Some(STS_TOKEN));
    server.add_lb("lb-1", "cn-hangzhou", &["i-a"]);
    let out = slbctl(home.path())
        .envs(STS_ENV)
        .args(["--region", "cn-hangzhou", "--endpoint", &server.url()])
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secrets(&out);
    assert_eq!(server.requests()[0].param("SecurityToken"), Some(STS_TOKEN));
    assert!(server.backends("lb-1").is_empty());
}

#[test]
fn wrong_token_is_an_api_error() {
    let home = tempfile::tempdir().unwrap();
    let server = FakeSlb::start();
    server.add_key(STS_KEY_ID, STS_SECRET, Some(STS_TOKEN));
    server.add_lb("lb-1", "cn-hangzhou", &["i-a"]);
    slbctl(home.path())
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", STS_KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", STS_SECRET)
        .env("ALIBABA_CLOUD_SECURITY_TOKEN", "another-token")
        .args(["--region", "cn-hangzhou", "--endpoint", &server.url()])
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("InvalidSecurityToken.Mismatch"));
    assert_eq!(server.backends("lb-1"), ["i-a"]);
}

#[test]
fn unknown_load_balancer_is_exit_4_with_code_message_and_request_id() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a"]);
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-nope", "i-a"])
        .assert()
        .code(4)
        .stdout("")
        .stderr(
            predicate::str::is_match(
                r"^slbctl: error: InvalidLoadBalancerId.NotFound: The specified LoadBalancerId does not exist. \(RequestId [0-9A-F-]{36}\)\n",
            )
            .unwrap(),
        );
}

#[test]
fn wrong_secret_is_signature_does_not_match_with_the_key_id_masked() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a"]);
    let out = slbctl_against(home.path(), &server)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "not-the-secret")
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("SignatureDoesNotMatch"))
        .stderr(predicate::str::contains("hint: the access key secret is probably wrong"))
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains(KEY_ID), "{stderr}");
    assert!(stderr.contains("LTAI****wxyz"), "{stderr}");
    assert!(!stderr.contains("not-the-secret"), "{stderr}");
    assert_eq!(server.backends("lb-1"), ["i-a"]);
}

#[test]
fn unknown_access_key_is_exit_4() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a"]);
    slbctl_against(home.path(), &server)
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIsomeoneelse12345")
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("InvalidAccessKeyId.NotFound"));
}

#[test]
fn a_region_that_does_not_match_the_load_balancer_is_not_found() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a"]);
    slbctl_against(home.path(), &server)
        .args(["--region", "cn-beijing", "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("InvalidLoadBalancerId.NotFound"))
        .stderr(predicate::str::contains("hint: check the load balancer id and that --region"));
}

#[test]
fn more_than_twenty_servers_are_refused_before_sending() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a"]);
    let ids: Vec<String> = (0..21).map(|n| format!("i-{n}")).collect();
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1"])
        .args(&ids)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("21 servers given, but one call takes at most 20"));
    server.assert_requests(0);
}

#[test]
fn twenty_servers_after_collapsing_duplicates_are_sent() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a"]);
    let mut ids: Vec<String> = (0..20).map(|n| format!("i-{n}")).collect();
    ids.push("i-0".into());
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1"])
        .args(&ids)
        .assert()
        .success();
    server.assert_requests(1);
}

#[test]
fn plain_http_to_a_remote_host_is_refused_even_in_dry_run() {
    let home = tempfile::tempdir().unwrap();
    for extra in [&[][..], &["--dry-run"][..]] {
        slbctl(home.path())
            .envs(KEY_ENV)
            .args(["--region", "cn-hangzhou", "--endpoint", "http://slb.aliyuncs.com"])
            .args(["backends", "remove", "--lb", "lb-1", "i-a"])
            .args(extra)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("plain http to a host that is not loopback"));
    }
}

#[test]
fn no_credentials_is_exit_3_and_names_where_it_looked() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a"]);
    slbctl(home.path())
        .args(["--region", "cn-hangzhou", "--endpoint", &server.url()])
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no credentials"))
        .stderr(predicate::str::contains("ALIBABA_CLOUD_ACCESS_KEY_ID"))
        .stderr(predicate::str::contains("config.toml"));
    server.assert_requests(0);
}

#[test]
fn no_region_is_exit_3() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a"]);
    slbctl_against(home.path(), &server)
        .env_remove("ALIBABA_CLOUD_REGION_ID")
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no region given"))
        .stderr(predicate::str::contains("--region"));
    server.assert_requests(0);
}

#[test]
fn a_malformed_region_is_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a"]);
    slbctl_against(home.path(), &server)
        .args(["--region", "cn-hangzhou.evil.example", "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a region id"));
    server.assert_requests(0);
}

#[test]
fn unreachable_endpoint_is_exit_5() {
    let home = tempfile::tempdir().unwrap();
    // Bind and drop to find a port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let out = slbctl(home.path())
        .envs(KEY_ENV)
        .args(["--region", "cn-hangzhou", "--endpoint", &format!("http://127.0.0.1:{port}")])
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(format!("request to http://127.0.0.1:{port} failed")))
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("Signature="), "the signed URL must not be echoed: {stderr}");
    assert_no_secrets(&out);
}

#[test]
fn an_html_answer_is_exit_5_with_a_short_excerpt() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a"]);
    server.inject(Fault::Html(502), 1);
    slbctl_against(home.path(), &server)
        .args(["--retries", "0", "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("HTTP 502"))
        .stderr(predicate::str::contains("<html>"));
}

#[test]
fn a_truncated_answer_is_exit_5() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a"]);
    server.inject(Fault::TruncatedJson, 1);
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("not JSON"));
}

#[test]
fn a_dropped_connection_is_exit_5() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a"]);
    server.inject(Fault::Drop, 1);
    slbctl_against(home.path(), &server)
        .args(["--retries", "0", "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(5);
}

#[test]
fn a_write_failure_on_stdout_is_exit_1() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a", "i-b"]);
    let dev_full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let status = slbctl_std_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .stdout(dev_full)
        .output()
        .unwrap()
        .status;
    assert_eq!(status.code(), Some(1));
}

#[test]
fn a_closed_stdout_pipe_is_not_an_error() {
    let home = tempfile::tempdir().unwrap();
    let server = server_with_lb(&["i-a", "i-b", "i-c"]);
    let mut child = slbctl_std_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take()); // the reader goes away, like `| head -0`
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
