//! Black-box tests of where credentials, region and endpoint come from.

mod support;

use std::path::{Path, PathBuf};

use predicates::prelude::*;
use support::fake_slb::FakeSlb;
use support::*;

fn server() -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_key(STS_KEY_ID, STS_SECRET, Some(STS_TOKEN));
    server.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b", "i-c"]);
    server.add_lb("lb-2", "cn-beijing", &["i-x"]);
    server
}

fn write(path: &Path, text: &str) -> PathBuf {
    write_config(path, text)
}

fn profiles(endpoint: &str) -> String {
    format!(
        r#"
default_profile = "prod"

[profiles.prod]
access_key_id = "{KEY_ID}"
access_key_secret = "{SECRET}"
region = "cn-hangzhou"
endpoint = "{endpoint}"

[profiles.beijing-sts]
access_key_id = "{STS_KEY_ID}"
access_key_secret = "{STS_SECRET}"
security_token = "{STS_TOKEN}"
region = "cn-beijing"
endpoint = "{endpoint}"
"#
    )
}

#[test]
fn default_config_file_in_home_is_used() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    write(
        &home.path().join(".config/slbctl/config.toml"),
        &profiles(&server.url()),
    );
    let out = slbctl(home.path())
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secrets(&out);
    assert_eq!(server.backends("lb-1"), ["i-b", "i-c"]);
    assert_eq!(server.requests()[0].param("AccessKeyId"), Some(KEY_ID));
}

#[test]
fn config_flag_and_profile_flag_select_an_sts_profile() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let path = write(
        &home.path().join("elsewhere.toml"),
        &profiles(&server.url()),
    );
    slbctl(home.path())
        .args([
            "--config",
            path.to_str().unwrap(),
            "--profile",
            "beijing-sts",
        ])
        .args(["backends", "remove", "--lb", "lb-2", "i-x"])
        .assert()
        .success();
    let request = &server.requests()[0];
    assert_eq!(request.param("RegionId"), Some("cn-beijing"));
    assert_eq!(request.param("SecurityToken"), Some(STS_TOKEN));
    assert!(server.backends("lb-2").is_empty());
}

#[test]
fn profile_flag_beats_the_environment_variable() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let path = write(&home.path().join("c.toml"), &profiles(&server.url()));
    slbctl(home.path())
        .env("SLBCTL_CONFIG", &path)
        .env("SLBCTL_PROFILE", "beijing-sts")
        .args([
            "--profile",
            "prod",
            "backends",
            "remove",
            "--lb",
            "lb-1",
            "i-a",
        ])
        .assert()
        .success();
    assert_eq!(server.requests()[0].param("AccessKeyId"), Some(KEY_ID));

    slbctl(home.path())
        .env("SLBCTL_CONFIG", &path)
        .env("SLBCTL_PROFILE", "beijing-sts")
        .args(["backends", "remove", "--lb", "lb-2", "i-x"])
        .assert()
        .success();
    assert_eq!(server.requests()[1].param("AccessKeyId"), Some(STS_KEY_ID));
}

#[test]
fn environment_credentials_beat_the_profile_and_flags_beat_its_region() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    // The profile's credentials are wrong: only the environment's can succeed.
    let text = profiles(&server.url()).replace(SECRET, "wrong-secret");
    let path = write(&home.path().join("c.toml"), &text);
    slbctl(home.path())
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
        .args(["--config", path.to_str().unwrap(), "--region", "cn-beijing"])
        .args(["backends", "remove", "--lb", "lb-2", "i-x"])
        .assert()
        .success();
    assert_eq!(server.requests()[0].param("RegionId"), Some("cn-beijing"));
}

#[test]
fn endpoint_flag_beats_the_profile_endpoint() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let path = write(&home.path().join("c.toml"), &profiles("http://127.0.0.1:1"));
    slbctl(home.path())
        .args([
            "--config",
            path.to_str().unwrap(),
            "--endpoint",
            &server.url(),
        ])
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success();
    server.assert_requests(1);
}

#[test]
fn half_set_environment_credentials_are_exit_3() {
    let home = tempfile::tempdir().unwrap();
    slbctl(home.path())
        .env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .args([
            "--region",
            "cn-hangzhou",
            "backends",
            "remove",
            "--lb",
            "lb-1",
            "i-a",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
}

#[test]
fn broken_config_files_are_exit_3_naming_the_file() {
    let home = tempfile::tempdir().unwrap();
    let cases = [
        (
            "syntax.toml",
            "[profiles.prod\nregion = 1\n",
            "line 1, column",
        ),
        (
            "typo.toml",
            "[profiles.prod]\nacess_key_id = \"x\"\n",
            "acess_key_id",
        ),
        ("type.toml", "[profiles.prod]\nregion = 5\n", "line 2"),
        (
            "half.toml",
            "[profiles.default]\naccess_key_secret = \"x\"\n",
            "no access_key_id",
        ),
    ];
    for (name, text, expect) in cases {
        let path = write(&home.path().join(name), text);
        slbctl(home.path())
            .args([
                "--config",
                path.to_str().unwrap(),
                "--region",
                "cn-hangzhou",
            ])
            .args(["backends", "remove", "--lb", "lb-1", "i-a"])
            .assert()
            .code(3)
            .stderr(predicate::str::contains(name))
            .stderr(predicate::str::contains(expect));
    }
}

#[test]
fn a_missing_explicit_config_file_or_a_directory_is_exit_3() {
    let home = tempfile::tempdir().unwrap();
    for path in [home.path().join("missing.toml"), home.path().to_path_buf()] {
        slbctl(home.path())
            .env("SLBCTL_CONFIG", &path)
            .args([
                "--region",
                "cn-hangzhou",
                "backends",
                "remove",
                "--lb",
                "lb-1",
                "i-a",
            ])
            .assert()
            .code(3)
            .stderr(predicate::str::contains(path.to_str().unwrap()));
    }
}

#[test]
fn an_unknown_profile_is_exit_3_and_lists_the_known_ones() {
    let home = tempfile::tempdir().unwrap();
    let path = write(&home.path().join("c.toml"), &profiles("http://127.0.0.1:1"));
    slbctl(home.path())
        .args(["--config", path.to_str().unwrap(), "--profile", "staging"])
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("profile \"staging\" not found"))
        .stderr(predicate::str::contains("beijing-sts, prod"));
}

#[test]
fn a_profile_asked_for_without_any_config_file_is_exit_3() {
    let home = tempfile::tempdir().unwrap();
    slbctl(home.path())
        .args(["--profile", "prod", "--region", "cn-hangzhou"])
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("there is no config file ("));
}

#[test]
fn a_bad_endpoint_in_the_profile_is_a_config_error() {
    let home = tempfile::tempdir().unwrap();
    let path = write(
        &home.path().join("c.toml"),
        &profiles("http://slb.example.com"),
    );
    slbctl(home.path())
        .args(["--config", path.to_str().unwrap()])
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("plain http"));
}
