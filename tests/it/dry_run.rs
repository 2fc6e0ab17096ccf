//! Black-box tests of `--dry-run`: validated, resolved, signed, shown masked, never sent.

use crate::support::fake_slb::FakeSlb;
use crate::support::*;
use predicates::prelude::*;

#[test]
fn readme_first_command_works_with_no_cloud_account() {
    let home = tempfile::tempdir().unwrap();
    slbctl(home.path())
        .args(["--region", "cn-hangzhou", "backends", "remove", "--lb", "lb-demo", "i-a", "i-b", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("POST https://slb.aliyuncs.com/\n"))
        .stdout(predicate::str::contains("(unsigned: no credentials)"))
        .stdout(predicate::str::contains(
            r#"BackendServers    [{"ServerId":"i-a","Type":"ecs"},{"ServerId":"i-b","Type":"ecs"}]"#,
        ))
        .stderr("slbctl: dry run: nothing was sent\n");
}

#[test]
fn dry_run_sends_nothing_and_masks_what_could_be_replayed() {
    let home = tempfile::tempdir().unwrap();
    let server = FakeSlb::start();
    server.add_key(STS_KEY_ID, STS_SECRET, Some(STS_TOKEN));
    server.add_lb("lb-1", "cn-hangzhou", &["i-a"]);
    let out = slbctl(home.path())
        .envs(STS_ENV)
        .args(["--region", "eu-central-1", "--endpoint", &server.url()])
        .args(["backends", "remove", "--lb", "lb-1", "i-a", "--dry-run"])
        .assert()
        .success()
        .get_output()
        .clone();
    server.assert_requests(0);
    assert_eq!(server.backends("lb-1"), ["i-a"]);
    assert_no_secrets(&out);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains(&format!("POST {}/", server.url())), "{stdout}");
    assert!(stdout.contains("AccessKeyId       STS.****abcd"), "{stdout}");
    assert!(!stdout.contains(STS_KEY_ID), "{stdout}");
    assert!(stdout.contains("Signature         (masked)"), "{stdout}");
    assert!(stdout.contains("SecurityToken     (masked)"), "{stdout}");
    assert!(stdout.contains("RegionId          eu-central-1"), "{stdout}");
    for name in [
        "Action",
        "Format",
        "LoadBalancerId",
        "SignatureMethod",
        "SignatureNonce",
        "SignatureVersion",
        "Timestamp",
        "Version",
    ] {
        assert!(stdout.contains(&format!("\n  {name} ")), "{name} missing: {stdout}");
    }
}

#[test]
fn dry_run_json_shows_the_resolved_endpoint_and_parameters() {
    let home = tempfile::tempdir().unwrap();
    let out = slbctl(home.path())
        .envs(KEY_ENV)
        .args(["--region", "ap-northeast-1", "--output", "json"])
        .args(["backends", "remove", "--lb", "lb-1", "eci-1", "--dry-run"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secrets(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["dry_run"], true);
    assert_eq!(v["signed"], true);
    assert_eq!(v["method"], "POST");
    assert_eq!(v["url"], "https://slb.ap-northeast-1.aliyuncs.com/");
    assert_eq!(v["parameters"]["AccessKeyId"], "LTAI****wxyz");
    assert_eq!(v["parameters"]["Signature"], "(masked)");
    assert_eq!(v["parameters"]["BackendServers"], r#"[{"ServerId":"eci-1","Type":"eci"}]"#);
}

#[test]
fn dry_run_still_validates_input() {
    let home = tempfile::tempdir().unwrap();
    let ids: Vec<String> = (0..25).map(|n| format!("i-{n}")).collect();
    slbctl(home.path())
        .args(["--region", "cn-hangzhou", "backends", "remove", "--lb", "lb-1", "--dry-run"])
        .args(&ids)
        .assert()
        .code(2)
        .stdout("");
    slbctl(home.path())
        .args(["backends", "remove", "--lb", "lb-1", "--dry-run", "i-a"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no region"));
}

/// Temporary credentials are not fetched for a dry run (that would be a call): the
/// request is shown unsigned, and says why.
#[test]
fn a_dry_run_with_temporary_credentials_says_they_were_not_fetched() {
    let home = tempfile::tempdir().unwrap();
    let server = FakeSlb::start();
    let token_file = home.path().join("token");
    std::fs::write(&token_file, "a-token\n").unwrap();
    slbctl(home.path())
        .env("ALIBABA_CLOUD_ROLE_ARN", "acs:ram::123456789012:role/deploy")
        .env("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "acs:ram::123456789012:oidc-provider/gitlab")
        .env("ALIBABA_CLOUD_OIDC_TOKEN_FILE", &token_file)
        .env("ALIBABA_CLOUD_STS_ENDPOINT", server.url())
        .args(["--region", "cn-hangzhou", "--endpoint", &server.url()])
        .args(["backends", "remove", "--lb", "lb-1", "i-a", "--dry-run"])
        .assert()
        .success()
        .stdout(predicate::str::contains("(unsigned: temporary credentials are not fetched for a dry run)"));
    server.assert_requests(0);
}
