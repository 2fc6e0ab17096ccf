//! Every credential source end to end against loopback fakes: the fake STS, metadata
//! server and credentials URI share the fake SLB's key store, so a call accepted by the
//! fake SLB proves slbctl signed it with the temporary credentials (and their token).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

use crate::support::fake_slb::{FakeSlb, Fault, Imdsv2};
use crate::support::*;

const ROLE: &str = "acs:ram::123456789012:role/deploy";
const OIDC_PROVIDER: &str = "acs:ram::123456789012:oidc-provider/ack-rrsa";
const OIDC_TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.OIDC-TOKEN-must-never-appear.sig";

fn server() -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b", "i-c"]);
    server.add_role(ROLE, true);
    server
}

/// slbctl with the region and SLB endpoint set, STS pointed at the fake, and no
/// credentials: each test adds its source.
fn slbctl_with_sts(home: &Path, server: &FakeSlb) -> Command {
    let mut cmd = slbctl(home);
    cmd.env("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
        .env("SLBCTL_ENDPOINT", server.url())
        .env("ALIBABA_CLOUD_STS_ENDPOINT", server.url());
    cmd
}

/// The aliyun CLI's config.json in `home`, mode 0600.
fn aliyun_config(home: &Path, profiles: &str) -> PathBuf {
    write_config(
        &home.join(".aliyun/config.json"),
        &format!(r#"{{"current": "deploy", "profiles": [{profiles}]}}"#),
    )
}

fn ram_role_profile(extra: &str) -> String {
    format!(
        r#"{{"name": "deploy", "mode": "RamRoleArn", "access_key_id": "{KEY_ID}", "access_key_secret": "{SECRET}", "ram_role_arn": "{ROLE}", "ram_session_name": "ci-deploy", "region_id": "cn-hangzhou"{extra}}}"#
    )
}

/// No secret of the suite, and no secret or token the fake issued, in any output.
fn assert_nothing_secret(out: &std::process::Output) {
    assert_no_secrets(out);
    for stream in [&out.stdout, &out.stderr] {
        let text = String::from_utf8_lossy(stream);
        for secret in ["issued-secret-", "issued-token-", "imds-token-", "OIDC-TOKEN-must-never-appear"] {
            assert!(!text.contains(secret), "{secret} leaked in: {text}");
        }
    }
}

/// The last SLB call was signed with temporary credentials the fake issued.
fn assert_signed_with_issued_credentials(server: &FakeSlb, action: &str) {
    let calls = server.requests_of(action);
    let last = calls.last().unwrap_or_else(|| panic!("no {action} call"));
    assert!(last.error_code.is_none(), "{last:?}");
    assert!(last.param("AccessKeyId").unwrap().starts_with("STS.fake"), "{last:?}");
    assert!(last.param("SecurityToken").unwrap().starts_with("issued-token-"), "{last:?}");
}

fn list(cmd: &mut Command) -> std::process::Output {
    cmd.args(["backends", "list", "--lb", "lb-1"]).assert().success().get_output().clone()
}

#[test]
fn a_ram_role_profile_assumes_the_role_and_ten_runs_call_sts_once() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    aliyun_config(home.path(), &ram_role_profile(""));
    for run in 0..10 {
        let out = slbctl_with_sts(home.path(), &server)
            .args(["backends", "remove", "--lb", "lb-1", if run == 0 { "i-a" } else { "i-b" }])
            .assert()
            .success()
            .get_output()
            .clone();
        assert_nothing_secret(&out);
    }
    assert_signed_with_issued_credentials(&server, "RemoveBackendServers");
    assert_eq!(server.sts_successes("AssumeRole"), 1, "the cache serves runs 2 to 10");
    let assume = &server.requests_of("AssumeRole")[0];
    assert_eq!(assume.param("AccessKeyId"), Some(KEY_ID), "signed with the profile's key");
    assert_eq!(assume.param("RoleArn"), Some(ROLE));
    assert_eq!(assume.param("RoleSessionName"), Some("ci-deploy"));
    assert_eq!(assume.param("DurationSeconds"), Some("3600"));
    assert_eq!(server.backends("lb-1"), ["i-c"]);
}

#[test]
fn the_profile_sts_endpoint_is_used_when_no_variable_names_one() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    aliyun_config(home.path(), &ram_role_profile(&format!(r#", "sts_endpoint": "{}""#, server.url())));
    let mut cmd = slbctl_with_sts(home.path(), &server);
    cmd.env_remove("ALIBABA_CLOUD_STS_ENDPOINT");
    list(&mut cmd);
    assert_eq!(server.sts_successes("AssumeRole"), 1);
}

#[test]
fn short_lived_credentials_are_fetched_again_and_expired_ones_are_renewed_once() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    aliyun_config(home.path(), &ram_role_profile(""));
    // Fewer than 5 minutes left: not reused from the cache.
    server.set_issued_lifetime(200);
    list(&mut slbctl_with_sts(home.path(), &server));
    list(&mut slbctl_with_sts(home.path(), &server));
    assert_eq!(server.sts_successes("AssumeRole"), 2);
    // Cached credentials that the service refuses as expired: dropped, fetched anew,
    // and the call retried once.
    server.set_issued_lifetime(3600);
    list(&mut slbctl_with_sts(home.path(), &server));
    assert_eq!(server.sts_successes("AssumeRole"), 3);
    server.expire_issued_keys();
    let out = list(slbctl_with_sts(home.path(), &server).arg("-v"));
    assert_eq!(server.sts_successes("AssumeRole"), 4);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("InvalidSecurityToken.Expired") && stderr.contains("retrying once with fresh ones"),
        "{stderr}"
    );
    assert_nothing_secret(&out);
}

#[test]
fn twenty_concurrent_processes_share_one_cache() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    aliyun_config(home.path(), &ram_role_profile(""));
    let children: Vec<_> = (0..20)
        .map(|_| {
            let mut cmd = slbctl_std(home.path());
            cmd.env("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
                .env("SLBCTL_ENDPOINT", server.url())
                .env("ALIBABA_CLOUD_STS_ENDPOINT", server.url())
                .args(["-q", "backends", "list", "--lb", "lb-1"])
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(server.requests_of("DescribeLoadBalancerAttribute").len(), 20);
    assert!(
        server.sts_successes("AssumeRole") <= 2,
        "{} AssumeRole calls",
        server.sts_successes("AssumeRole")
    );
}

#[test]
fn no_credential_cache_and_clear_cache() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    aliyun_config(home.path(), &ram_role_profile(""));
    list(slbctl_with_sts(home.path(), &server).arg("--no-credential-cache"));
    list(slbctl_with_sts(home.path(), &server).env("SLBCTL_NO_CREDENTIAL_CACHE", "1"));
    assert_eq!(server.sts_successes("AssumeRole"), 2);
    let cache = home.path().join(".cache/slbctl/credentials");
    assert!(!cache.exists() || std::fs::read_dir(&cache).unwrap().next().is_none(), "nothing cached");
    list(&mut slbctl_with_sts(home.path(), &server));
    list(&mut slbctl_with_sts(home.path(), &server));
    assert_eq!(server.sts_successes("AssumeRole"), 3);
    slbctl(home.path())
        .args(["config", "clear-cache"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Removed 1 cached credential from"));
    list(&mut slbctl_with_sts(home.path(), &server));
    assert_eq!(server.sts_successes("AssumeRole"), 4);
}

#[cfg(unix)]
#[test]
fn a_loose_or_corrupt_cache_file_is_replaced_not_trusted() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let server = server();
    aliyun_config(home.path(), &ram_role_profile(""));
    list(&mut slbctl_with_sts(home.path(), &server));
    let cache = home.path().join(".cache/slbctl/credentials");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&cache), 0o700);
    let entry = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    assert_eq!(mode(&entry), 0o600);
    let text = std::fs::read_to_string(&entry).unwrap();
    assert!(!text.contains(SECRET), "the source's secret is never cached");
    std::fs::set_permissions(&entry, std::fs::Permissions::from_mode(0o644)).unwrap();
    list(&mut slbctl_with_sts(home.path(), &server));
    assert_eq!(server.sts_successes("AssumeRole"), 2, "a group-readable entry is not trusted");
    assert_eq!(mode(&entry), 0o600, "and is replaced");
    std::fs::write(&entry, "{\"version\": 1, \"access_key_id\": ").unwrap();
    list(&mut slbctl_with_sts(home.path(), &server));
    assert_eq!(server.sts_successes("AssumeRole"), 3, "a corrupt entry is not trusted");
}

#[test]
fn chained_profiles_assume_a_role_with_another_profiles_credentials_and_refuse_cycles() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.add_role("acs:ram::123456789012:role/base", true);
    aliyun_config(
        home.path(),
        &format!(
            r#"{{"name": "deploy", "mode": "ChainableRamRoleArn", "source_profile": "base", "ram_role_arn": "{ROLE}", "region_id": "cn-hangzhou"}},
               {{"name": "base", "mode": "RamRoleArn", "access_key_id": "{KEY_ID}", "access_key_secret": "{SECRET}", "ram_role_arn": "acs:ram::123456789012:role/base"}},
               {{"name": "loop-a", "mode": "ChainableRamRoleArn", "source_profile": "loop-b", "ram_role_arn": "{ROLE}"}},
               {{"name": "loop-b", "mode": "ChainableRamRoleArn", "source_profile": "loop-a", "ram_role_arn": "{ROLE}"}}"#
        ),
    );
    list(&mut slbctl_with_sts(home.path(), &server));
    let assumed = server.requests_of("AssumeRole");
    assert_eq!(assumed.len(), 2);
    assert_eq!(assumed[0].param("RoleArn"), Some("acs:ram::123456789012:role/base"));
    assert_eq!(assumed[1].param("RoleArn"), Some(ROLE));
    assert!(
        assumed[1].param("AccessKeyId").unwrap().starts_with("STS.fake"),
        "signed with the first role's keys"
    );
    assert!(assumed[1].param("SecurityToken").is_some(), "and their token");
    slbctl_with_sts(home.path(), &server)
        .args(["--profile", "loop-a", "backends", "list", "--lb", "lb-1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("has a cycle: loop-a → loop-b → loop-a"));
}

#[test]
fn slbctl_profiles_assume_roles_too() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let config = write_config(
        &home.path().join("c.toml"),
        &format!(
            "[profiles.base]\naccess_key_id = \"{KEY_ID}\"\naccess_key_secret = \"{SECRET}\"\n\n\
             [profiles.deploy]\nregion = \"cn-hangzhou\"\nsource_profile = \"base\"\nrole_arn = \"{ROLE}\"\n\
             role_session_name = \"toml-session\"\nexternal_id = \"ext-1234\"\nduration_seconds = 1800\n"
        ),
    );
    list(slbctl_with_sts(home.path(), &server).args([
        "--config",
        config.to_str().unwrap(),
        "--profile",
        "deploy",
    ]));
    let assume = &server.requests_of("AssumeRole")[0];
    assert_eq!(assume.param("RoleSessionName"), Some("toml-session"));
    assert_eq!(assume.param("ExternalId"), Some("ext-1234"));
    assert_eq!(assume.param("DurationSeconds"), Some("1800"));
    assert_signed_with_issued_credentials(&server, "DescribeLoadBalancerAttribute");
}

#[test]
fn oidc_from_the_environment_is_anonymous_and_reads_the_token_file() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.add_oidc_provider(OIDC_PROVIDER, OIDC_TOKEN);
    let token_file = home.path().join("token");
    std::fs::write(&token_file, format!("{OIDC_TOKEN}\n")).unwrap();
    let oidc = |cmd: &mut Command| {
        cmd.env("ALIBABA_CLOUD_ROLE_ARN", ROLE)
            .env("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", OIDC_PROVIDER)
            .env("ALIBABA_CLOUD_OIDC_TOKEN_FILE", &token_file);
    };
    let mut cmd = slbctl_with_sts(home.path(), &server);
    oidc(&mut cmd);
    let out = list(cmd.arg("-vv"));
    assert_nothing_secret(&out);
    let call = &server.requests_of("AssumeRoleWithOIDC")[0];
    assert_eq!(call.method, "POST");
    assert!(call.param("Signature").is_none() && call.param("AccessKeyId").is_none());
    assert_eq!(call.param("OIDCToken"), Some(OIDC_TOKEN));
    assert!(call.param("RoleSessionName").unwrap().starts_with("slbctl-"));
    assert_signed_with_issued_credentials(&server, "DescribeLoadBalancerAttribute");

    // An unreadable token file is a configuration error; nothing reaches SLB.
    std::fs::remove_file(&token_file).unwrap();
    let mut cmd = slbctl_with_sts(home.path(), &server);
    oidc(&mut cmd);
    cmd.arg("--no-credential-cache")
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("cannot read the OIDC token file"));
    // A token the provider refuses: exit 3 with STS's code and a hint.
    std::fs::write(&token_file, "an-expired-token").unwrap();
    let mut cmd = slbctl_with_sts(home.path(), &server);
    oidc(&mut cmd);
    cmd.arg("--no-credential-cache")
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("AuthenticationFail.OIDCToken.Invalid"))
        .stderr(predicate::str::contains("hint: the OIDC token was refused"));
    assert!(server.requests_of("RemoveBackendServers").is_empty());
}

/// The machine looks like an ECS instance to slbctl (a DMI directory naming Alibaba
/// Cloud) and the metadata server is the fake.
fn on_ecs(cmd: &mut Command, home: &Path, server: &FakeSlb) {
    let dmi = home.join("dmi");
    std::fs::create_dir_all(&dmi).unwrap();
    std::fs::write(dmi.join("product_name"), "Alibaba Cloud ECS\n").unwrap();
    cmd.env("SLBCTL_DMI_DIR", &dmi)
        .env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "false")
        .env("SLBCTL_ECS_METADATA_ENDPOINT", server.url());
}

#[test]
fn the_ecs_instance_role_with_imdsv2_role_discovery_and_v1_fallback() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.attach_instance_role("web-role");
    let mut cmd = slbctl_with_sts(home.path(), &server);
    on_ecs(&mut cmd, home.path(), &server);
    assert_nothing_secret(&list(cmd.arg("--no-credential-cache")));
    assert_signed_with_issued_credentials(&server, "DescribeLoadBalancerAttribute");
    let calls: Vec<(String, String, bool)> = server
        .service_calls()
        .into_iter()
        .filter(|c| c.service == "metadata")
        .map(|c| (c.method, c.path, c.with_token))
        .collect();
    assert_eq!(
        calls,
        [
            ("PUT".to_owned(), "/latest/api/token".to_owned(), false),
            ("GET".to_owned(), "/latest/meta-data/ram/security-credentials/".to_owned(), true),
            ("GET".to_owned(), "/latest/meta-data/ram/security-credentials/web-role".to_owned(), true),
        ]
    );

    // A server without IMDSv2: IMDSv1, unless disabled.
    server.set_imdsv2(Imdsv2::Unsupported);
    let mut cmd = slbctl_with_sts(home.path(), &server);
    on_ecs(&mut cmd, home.path(), &server);
    list(cmd.arg("--no-credential-cache").env("ALIBABA_CLOUD_ECS_METADATA", "web-role"));
    let mut cmd = slbctl_with_sts(home.path(), &server);
    on_ecs(&mut cmd, home.path(), &server);
    cmd.args(["--no-credential-cache", "backends", "list", "--lb", "lb-1"])
        .env("ALIBABA_CLOUD_IMDSV1_DISABLED", "true")
        .assert()
        .code(3)
        .stderr(predicate::str::contains("IMDSv2 token"));

    // Code other than Success.
    server.set_imdsv2(Imdsv2::Required);
    server.set_metadata_code("Failed");
    let mut cmd = slbctl_with_sts(home.path(), &server);
    on_ecs(&mut cmd, home.path(), &server);
    cmd.args(["--no-credential-cache", "backends", "list", "--lb", "lb-1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("answered Code \"Failed\""));
}

#[test]
fn off_ecs_the_metadata_server_is_never_asked_and_the_error_lists_every_source() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.attach_instance_role("web-role");
    let out = slbctl_with_sts(home.path(), &server)
        .env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "false")
        .env("SLBCTL_ECS_METADATA_ENDPOINT", server.url())
        .args(["-v", "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(3)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    for source in [
        "environment",
        "OIDC from the environment",
        "profiles",
        "credentials file",
        "ECS instance role",
        "credentials URI",
    ] {
        assert!(stderr.contains(&format!("  - {source}: ")), "{source} not listed in {stderr}");
    }
    assert!(stderr.contains("not an Alibaba Cloud ECS instance"), "{stderr}");
    assert!(server.service_calls().is_empty(), "the metadata server was asked");
    server.assert_requests(0);
}

#[test]
fn a_credentials_uri_from_the_environment_or_a_profile() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let uri = format!("{}/credentials?user=ci", server.url());
    assert_nothing_secret(&list(
        slbctl_with_sts(home.path(), &server).env("ALIBABA_CLOUD_CREDENTIALS_URI", &uri),
    ));
    assert_signed_with_issued_credentials(&server, "DescribeLoadBalancerAttribute");
    aliyun_config(
        home.path(),
        &format!(r#"{{"name": "deploy", "mode": "CredentialsURI", "credentials_uri": "{uri}"}}"#),
    );
    list(slbctl_with_sts(home.path(), &server).arg("--no-credential-cache"));
    assert_eq!(server.service_calls().len(), 2);

    // A Code other than Success, and plain http beyond loopback.
    server.set_uri_answer(200, r#"{"Code":"Failed","Message":"no"}"#);
    slbctl_with_sts(home.path(), &server)
        .args(["--no-credential-cache", "backends", "list", "--lb", "lb-1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("answered Code \"Failed\""));
    slbctl_with_sts(home.path(), &server)
        .env("ALIBABA_CLOUD_CREDENTIALS_URI", "http://creds.example.com/c")
        .env("ALIBABA_CLOUD_CLI_PROFILE_DISABLED", "true")
        .args(["backends", "list", "--lb", "lb-1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("not a loopback or link-local address"));
}

#[cfg(unix)]
#[test]
fn an_external_process_prints_the_credentials() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let script = home.path().join("creds.sh");
    std::fs::write(
        &script,
        format!("#!/bin/sh\necho 'fetching credentials' >&2\necho '{{\"mode\":\"AK\",\"access_key_id\":\"{KEY_ID}\",\"access_key_secret\":\"{SECRET}\"}}'\n"),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o700)).unwrap();
    let config = aliyun_config(
        home.path(),
        &format!(
            r#"{{"name": "deploy", "mode": "External", "process_command": "{} --flag", "region_id": "cn-hangzhou"}}"#,
            script.display()
        ),
    );
    let out = list(&mut slbctl_with_sts(home.path(), &server));
    assert_no_secrets(&out);
    assert!(String::from_utf8_lossy(&out.stderr).contains("fetching credentials"), "stderr passed through");
    assert_eq!(server.requests_of("DescribeLoadBalancerAttribute")[0].param("AccessKeyId"), Some(KEY_ID));

    slbctl_with_sts(home.path(), &server)
        .env("ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS", "1")
        .args(["backends", "list", "--lb", "lb-1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("forbids external processes"));
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o622)).unwrap();
    slbctl_with_sts(home.path(), &server)
        .args(["backends", "list", "--lb", "lb-1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("writable by group or others"));
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::write(&script, format!("#!/bin/sh\necho 'not json {SECRET}'\n")).unwrap();
    let out = slbctl_with_sts(home.path(), &server)
        .args(["backends", "list", "--lb", "lb-1"])
        .assert()
        .code(3)
        .get_output()
        .clone();
    assert_no_secrets(&out);
}

#[test]
fn the_ini_credentials_file() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let ini = home.path().join(".alibabacloud/credentials.ini");
    write_config(
        &ini,
        &format!(
            "[default]\ntype = access_key\naccess_key_id = {KEY_ID}\naccess_key_secret = {SECRET}\n\n\
             [project]\ntype = ram_role_arn\naccess_key_id = {KEY_ID}\naccess_key_secret = {SECRET}\nrole_arn = {ROLE}\nrole_session_name = ini\n"
        ),
    );
    list(&mut slbctl_with_sts(home.path(), &server));
    assert_eq!(server.requests_of("DescribeLoadBalancerAttribute")[0].param("AccessKeyId"), Some(KEY_ID));
    list(slbctl_with_sts(home.path(), &server).env("ALIBABA_CLOUD_PROFILE", "project"));
    assert_eq!(server.requests_of("AssumeRole")[0].param("RoleSessionName"), Some("ini"));
    write_config(&ini, "[default\ntype = access_key\n");
    slbctl_with_sts(home.path(), &server)
        .args(["backends", "list", "--lb", "lb-1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("is not valid INI"));
}

#[test]
fn cloud_sso_credentials_are_used_while_unexpired() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.add_key(STS_KEY_ID, STS_SECRET, Some(STS_TOKEN));
    let profile = |expiration: i64| {
        format!(
            r#"{{"name": "deploy", "mode": "CloudSSO", "cloud_sso_sign_in_url": "https://signin.example.com", "access_key_id": "{STS_KEY_ID}", "access_key_secret": "{STS_SECRET}", "sts_token": "{STS_TOKEN}", "sts_expiration": {expiration}}}"#
        )
    };
    aliyun_config(home.path(), &profile(chrono::Utc::now().timestamp() + 3600));
    list(&mut slbctl_with_sts(home.path(), &server));
    aliyun_config(home.path(), &profile(chrono::Utc::now().timestamp() - 60));
    slbctl_with_sts(home.path(), &server)
        .args(["backends", "list", "--lb", "lb-1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("the stored STS credentials have expired"))
        .stderr(predicate::str::contains("hint: log in again with the aliyun CLI"));
}

#[test]
fn sts_failures_have_their_exit_codes_and_send_nothing_to_slb() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.add_role("acs:ram::123456789012:role/untrusted", false);
    aliyun_config(home.path(), &ram_role_profile(""));
    let run = |server: &FakeSlb| {
        slbctl_with_sts(home.path(), server)
            .args(["--retries", "0", "--no-credential-cache", "backends", "remove", "--lb", "lb-1", "i-a"])
            .assert()
            .get_output()
            .clone()
    };
    for (fault, code, says) in [
        (Fault::Html(502), 5, "is not JSON"),
        (Fault::TruncatedJson, 5, "not JSON"),
        (Fault::HugeBody(17 * 1024 * 1024), 5, "larger than 16 MiB"),
        (
            Fault::Body(r#"{"RequestId":"R","Credentials":{"AccessKeySecret":"half-secret"}}"#.into()),
            5,
            "lacks Credentials",
        ),
        (Fault::ApiError { status: 403, code: "NoPermission".into() }, 3, "STS refused AssumeRole"),
    ] {
        server.inject(fault, 1);
        let out = run(&server);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{says}: {stderr}");
        assert!(stderr.contains(says), "{says}: {stderr}");
        assert!(!stderr.contains("half-secret") && stderr.lines().next().unwrap().len() < 400, "{stderr}");
        assert_nothing_secret(&out);
    }
    aliyun_config(home.path(), &ram_role_profile("").replace(ROLE, "acs:ram::123456789012:role/untrusted"));
    let out = run(&server);
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("NoPermission")
            && stderr.contains("RequestId")
            && stderr.contains("AliyunSTSAssumeRoleAccess"),
        "{stderr}"
    );
    assert!(server.requests_of("RemoveBackendServers").is_empty());
}

#[test]
fn bad_credential_configuration_is_refused_locally() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    for (profile, says) in [
        (ram_role_profile(r#", "expired_seconds": 100"#), "DurationSeconds 100"),
        (ram_role_profile("").replace(ROLE, "acs:ram::1:role/x\\u001b[2J"), "is not an ARN"),
        (r#"{"name": "deploy", "mode": "Wizardry"}"#.to_owned(), "uses mode \"Wizardry\""),
        (r#"{"name": "deploy", "mode": "OIDC", "ram_role_arn": "acs:ram::1:role/x", "oidc_provider_arn": "acs:ram::1:oidc-provider/p"}"#.to_owned(), "has no oidc_token_file"),
    ] {
        aliyun_config(home.path(), &profile);
        let out = slbctl_with_sts(home.path(), &server)
            .args(["backends", "remove", "--lb", "lb-1", "i-a"])
            .assert()
            .code(3)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{says}: {stderr}");
        assert!(!stderr.contains('\u{1b}') && !stderr.contains("panicked"), "{stderr}");
    }
    server.assert_requests(0);
}

#[test]
fn config_show_names_the_source_the_role_and_the_expiry_and_never_a_secret() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    aliyun_config(home.path(), &ram_role_profile(""));
    let show = || {
        slbctl_with_sts(home.path(), &server)
            .args(["config", "show", "--output", "json"])
            .assert()
            .success()
            .get_output()
            .clone()
    };
    let first = show();
    assert_nothing_secret(&first);
    let v: serde_json::Value = serde_json::from_slice(&first.stdout).unwrap();
    assert_eq!(v["credentials"]["value"], "AssumeRole");
    assert!(v["credentials"]["source"].as_str().unwrap().contains("aliyun CLI profile \"deploy\""), "{v}");
    assert!(v["credentials"]["source"].as_str().unwrap().contains("mode RamRoleArn"), "{v}");
    assert_eq!(v["role"]["value"], ROLE);
    assert!(v["expiration"]["value"].as_str().unwrap().ends_with('Z'), "{v}");
    assert_eq!(v["cached"]["value"], "no (fetched now)");
    let again: serde_json::Value = serde_json::from_slice(&show().stdout).unwrap();
    assert_eq!(again["cached"]["value"], "yes (from the credential cache)");
    assert_eq!(server.sts_successes("AssumeRole"), 1);
}

#[test]
fn a_profile_named_by_the_flag_beats_credential_variables_and_v_says_so() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.add_key(STS_KEY_ID, STS_SECRET, Some(STS_TOKEN));
    aliyun_config(home.path(), &ram_role_profile(""));
    let out = list(slbctl_with_sts(home.path(), &server).envs(STS_ENV).args(["-v", "--profile", "deploy"]));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("environment: skipped (ignored: a profile was named with --profile)")
    );
    assert_eq!(server.sts_successes("AssumeRole"), 1);
    // Named by a variable, the profile does not beat the credential variables.
    list(slbctl_with_sts(home.path(), &server).envs(STS_ENV).env("SLBCTL_PROFILE", "deploy"));
    assert_eq!(server.requests_of("DescribeLoadBalancerAttribute")[1].param("AccessKeyId"), Some(STS_KEY_ID));
}

#[test]
fn the_github_action_spellings_work_and_its_cleanup_empties_count_as_unset() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.add_key(STS_KEY_ID, STS_SECRET, Some(STS_TOKEN));
    list(
        slbctl_with_sts(home.path(), &server)
            .env("ALIBABACLOUD_ACCESS_KEY_ID", STS_KEY_ID)
            .env("ALIBABACLOUD_ACCESS_KEY_SECRET", STS_SECRET)
            .env("ALIBABACLOUD_SECURITY_TOKEN", STS_TOKEN),
    );
    list(
        slbctl_with_sts(home.path(), &server)
            .env("ALIBABA_CLOUD_ACCESS_KEY_ID", "")
            .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "")
            .env("ALICLOUD_ACCESS_KEY", STS_KEY_ID)
            .env("ALICLOUD_SECRET_KEY", STS_SECRET)
            .env("ALICLOUD_SECURITY_TOKEN", STS_TOKEN),
    );
    assert_eq!(server.requests_of("DescribeLoadBalancerAttribute").len(), 2);
}
