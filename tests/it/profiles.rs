//! Black-box tests of where credentials, region and endpoint come from.

use std::path::{Path, PathBuf};

use crate::support::fake_slb::FakeSlb;
use crate::support::*;
use predicates::prelude::*;

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
    write(&home.path().join(".config/slbctl/config.toml"), &profiles(&server.url()));
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
    let path = write(&home.path().join("elsewhere.toml"), &profiles(&server.url()));
    slbctl(home.path())
        .args(["--config", path.to_str().unwrap(), "--profile", "beijing-sts"])
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
        .args(["--profile", "prod", "backends", "remove", "--lb", "lb-1", "i-a"])
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
        .envs(KEY_ENV)
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
        .args(["--config", path.to_str().unwrap(), "--endpoint", &server.url()])
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
        .args(["--region", "cn-hangzhou", "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET"));
}

#[test]
fn broken_config_files_are_exit_3_naming_the_file() {
    let home = tempfile::tempdir().unwrap();
    let cases = [
        ("syntax.toml", "[profiles.prod\nregion = 1\n", "line 1, column"),
        ("typo.toml", "[profiles.prod]\nacess_key_id = \"x\"\n", "acess_key_id"),
        ("type.toml", "[profiles.prod]\nregion = 5\n", "line 2"),
        ("half.toml", "[profiles.default]\naccess_key_secret = \"x\"\n", "no access_key_id"),
    ];
    for (name, text, expect) in cases {
        let path = write(&home.path().join(name), text);
        slbctl(home.path())
            .args(["--config", path.to_str().unwrap(), "--region", "cn-hangzhou"])
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
            .args(["--region", "cn-hangzhou", "backends", "remove", "--lb", "lb-1", "i-a"])
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
    let path = write(&home.path().join("c.toml"), &profiles("http://slb.example.com"));
    slbctl(home.path())
        .args(["--config", path.to_str().unwrap()])
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("plain http"));
}

const ALIYUN_CONFIG: &str = r#"{
  "current": "ak",
  "profiles": [
    {"name": "ak", "mode": "AK", "access_key_id": "LTAI5tTESTKEYID0000wxyz", "access_key_secret": "SECRET-must-never-appear-7f3a",
     "sts_token": "", "region_id": "cn-hangzhou", "output_format": "json", "language": "en", "retry_count": 0},
    {"name": "sts", "mode": "StsToken", "access_key_id": "STS.NTESTSTSKEYID000abcd", "access_key_secret": "STS-SECRET-must-never-appear-91b",
     "sts_token": "TOKEN-must-never-appear-c0ffee", "region_id": "cn-beijing"},
    {"name": "role", "mode": "RamRoleArn", "access_key_id": "LTAIx", "access_key_secret": "y", "ram_role_arn": "acs:ram::1:role/r", "region_id": "cn-hangzhou"},
    {"name": "rsa", "mode": "RsaKeyPair", "private_key": "k", "key_pair_name": "p", "region_id": "cn-hangzhou"}
  ],
  "meta_path": ""
}"#;

fn aliyun_home(server: &FakeSlb) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    write(&home.path().join(".aliyun/config.json"), ALIYUN_CONFIG);
    let _ = server;
    home
}

#[test]
fn a_user_with_only_the_aliyun_cli_config_needs_no_setup() {
    let server = server();
    let home = aliyun_home(&server);
    let out = slbctl(home.path())
        .args(["--endpoint", &server.url(), "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secrets(&out);
    assert_eq!(server.requests()[0].param("AccessKeyId"), Some(KEY_ID));
    assert_eq!(server.backends("lb-1"), ["i-b", "i-c"]);
}

#[test]
fn an_aliyun_sts_profile_chosen_by_alibaba_cloud_profile_sends_its_token() {
    let server = server();
    let home = aliyun_home(&server);
    slbctl(home.path())
        .env("ALIBABA_CLOUD_PROFILE", "sts")
        .args(["--endpoint", &server.url(), "backends", "remove", "--lb", "lb-2", "i-x"])
        .assert()
        .success();
    let request = &server.requests()[0];
    assert_eq!(request.param("SecurityToken"), Some(STS_TOKEN));
    assert_eq!(request.param("RegionId"), Some("cn-beijing"));
}

#[test]
fn an_unsupported_aliyun_mode_is_exit_3_and_named() {
    let server = server();
    let home = aliyun_home(&server);
    slbctl(home.path())
        .args(["--profile", "rsa", "--endpoint", &server.url(), "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("profile \"rsa\" in "))
        .stderr(predicate::str::contains("uses mode \"RsaKeyPair\", which slbctl does not support"));
    server.assert_requests(0);
}

#[test]
fn a_malformed_aliyun_config_names_line_and_column() {
    let home = tempfile::tempdir().unwrap();
    write(&home.path().join(".aliyun/config.json"), "{\n  \"current\": \"a\",\n  \"profiles\": [,]\n}\n");
    slbctl(home.path())
        .args(["--region", "cn-hangzhou", "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains(".aliyun/config.json: line 3, column"));
}

#[test]
fn legacy_alicloud_variables_work_on_ci_runners() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let out = slbctl(home.path())
        .env("ALICLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALICLOUD_ACCESS_KEY_SECRET", SECRET)
        .env("ALICLOUD_SECURITY_TOKEN", STS_TOKEN)
        .env("ALICLOUD_REGION_ID", "cn-hangzhou")
        .args(["--output", "text", "config", "show"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secrets(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("region\tcn-hangzhou\tenvironment variable ALICLOUD_REGION_ID\n"), "{text}");
    assert!(
        text.contains("access_key_secret\tset\tenvironment variable ALICLOUD_ACCESS_KEY_SECRET\n"),
        "{text}"
    );
    assert!(text.contains("security_token\tset\tenvironment variable ALICLOUD_SECURITY_TOKEN\n"), "{text}");
    slbctl(home.path())
        .env("ALICLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALICLOUD_ACCESS_KEY_SECRET", SECRET)
        .env("ALICLOUD_REGION_ID", "cn-hangzhou")
        .args(["--endpoint", &server.url(), "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success();
    assert_eq!(server.requests()[0].param("AccessKeyId"), Some(KEY_ID));
}

#[test]
fn ignore_profile_skips_every_file() {
    let server = server();
    let home = aliyun_home(&server);
    slbctl(home.path())
        .env("ALIBABA_CLOUD_IGNORE_PROFILE", "TRUE")
        .args([
            "--region",
            "cn-hangzhou",
            "--endpoint",
            &server.url(),
            "backends",
            "remove",
            "--lb",
            "lb-1",
            "i-a",
        ])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("no credentials"))
        .stderr(predicate::str::contains("ALIBABA_CLOUD_IGNORE_PROFILE"));
    server.assert_requests(0);
}

#[test]
fn a_profile_file_open_to_others_gets_a_warning_and_still_works() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let path = write(&home.path().join("c.toml"), &profiles(&server.url()));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    slbctl(home.path())
        .args(["--config", path.to_str().unwrap(), "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "warning: {} holds credentials but is accessible by group or others; run: chmod 600 {}",
            path.display(),
            path.display()
        )));
}

#[test]
fn configure_on_a_fresh_home_writes_a_private_file_that_works() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let out = slbctl(home.path())
        .args(["configure", "--profile", "ci"])
        .write_stdin(format!("{KEY_ID}\n{SECRET}\ncn-hangzhou\n"))
        .assert()
        .success()
        .stderr(predicate::str::contains("profile \"ci\" saved in"))
        .get_output()
        .clone();
    assert_no_secrets(&out);
    let path = home.path().join(".config/slbctl/config.toml");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    slbctl(home.path())
        .args(["--profile", "ci", "--endpoint", &server.url(), "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success()
        .stderr("");
    assert_eq!(server.backends("lb-1"), ["i-b", "i-c"]);
}

#[test]
fn configure_updates_one_profile_and_keeps_the_rest() {
    let home = tempfile::tempdir().unwrap();
    let path = write(
        &home.path().join(".config/slbctl/config.toml"),
        &format!("# team settings\n{}", profiles("https://slb-vpc.cn-hangzhou.aliyuncs.com")),
    );
    // Empty answers keep the current values: here only the region changes.
    slbctl(home.path())
        .env("SLBCTL_PROFILE", "prod")
        .arg("configure")
        .write_stdin("\n\ncn-shanghai\n")
        .assert()
        .success();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# team settings\n"), "{text}");
    assert!(text.contains("[profiles.beijing-sts]"), "{text}");
    assert!(text.contains(&format!("security_token = \"{STS_TOKEN}\"")), "{text}");
    assert!(text.contains("region = \"cn-shanghai\""), "{text}");
    assert!(text.contains(&format!("access_key_secret = \"{SECRET}\"")), "{text}");
    assert!(text.contains("endpoint = \"https://slb-vpc.cn-hangzhou.aliyuncs.com\""), "{text}");
}

#[test]
fn configure_refuses_missing_or_bad_answers() {
    let home = tempfile::tempdir().unwrap();
    slbctl(home.path())
        .arg("configure")
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no access key id"));
    slbctl(home.path())
        .arg("configure")
        .write_stdin(format!("{KEY_ID}\n{SECRET}\nnot a region\n"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a region id"));
    assert!(!home.path().join(".config/slbctl/config.toml").exists());
}

#[test]
fn config_show_explains_every_value_and_never_prints_a_secret() {
    let server = server();
    let home = aliyun_home(&server);
    write(&home.path().join(".config/slbctl/config.toml"), "[profiles.ak]\nregion = \"cn-beijing\"\n");
    let out = slbctl(home.path())
        .env("SLBCTL_PROFILE", "ak")
        .args(["--endpoint", &server.url(), "config", "show"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secrets(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("environment variable SLBCTL_PROFILE"), "{text}");
    assert!(text.contains("cn-beijing") && text.contains("profile \"ak\" in"), "{text}");
    assert!(text.contains("flag --endpoint"), "{text}");
    assert!(text.contains("LTAI****wxyz") && text.contains("aliyun CLI profile \"ak\""), "{text}");

    let out = slbctl(home.path())
        .env("ALIBABA_CLOUD_REGION_ID", "eu-central-1")
        .args(["--output", "json", "--profile", "sts", "config", "show"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secrets(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["profile"]["source"], "flag --profile");
    assert_eq!(v["region"]["value"], "eu-central-1");
    assert_eq!(v["region"]["source"], "environment variable ALIBABA_CLOUD_REGION_ID");
    assert_eq!(v["endpoint"]["value"], "https://slb.eu-central-1.aliyuncs.com/");
    assert_eq!(v["endpoint"]["source"], "derived from region eu-central-1");
    assert_eq!(v["access_key_id"]["value"], "STS.****abcd");
    assert_eq!(v["access_key_secret"]["value"], "set");
    assert_eq!(v["security_token"]["value"], "set");
    assert!(v["security_token"]["source"].as_str().unwrap().starts_with("aliyun CLI profile \"sts\""));
    assert_eq!(v["files"].as_array().unwrap().len(), 2);
}

#[test]
fn config_list_shows_profiles_of_both_files() {
    let server = server();
    let home = aliyun_home(&server);
    write(&home.path().join(".config/slbctl/config.toml"), &profiles(&server.url()));
    let out = slbctl(home.path())
        .args(["--output", "json", "config", "list"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_no_secrets(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: Vec<(&str, &str, &str, bool)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["name"].as_str().unwrap(),
                p["kind"].as_str().unwrap(),
                p["credentials"].as_str().unwrap(),
                p["is_default"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            ("beijing-sts", "slbctl", "StsToken", false),
            ("prod", "slbctl", "AK", true),
            ("ak", "aliyun", "AK", true),
            ("sts", "aliyun", "StsToken", false),
            ("role", "aliyun", "RamRoleArn", false),
            ("rsa", "aliyun", "RsaKeyPair (unsupported)", false),
        ]
    );
    slbctl(home.path()).args(["config", "list"]).assert().success().stdout(
        predicate::str::contains("Profile").and(predicate::str::contains("RsaKeyPair (unsupported)")),
    );
}
