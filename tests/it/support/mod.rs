//! Shared helpers for the black-box tests: the fake server and a clean command.

pub mod connect_proxy;
pub mod fake_slb;
pub mod tls;

use std::path::Path;

use std::process::Command as StdCommand;

use assert_cmd::Command;

pub const KEY_ID: &str = "LTAI5tTESTKEYID0000wxyz";
/// Recognizable, so tests can assert it never appears in any output.
pub const SECRET: &str = "SECRET-must-never-appear-7f3a";
pub const STS_KEY_ID: &str = "STS.NTESTSTSKEYID000abcd";
pub const STS_SECRET: &str = "STS-SECRET-must-never-appear-91b";
pub const STS_TOKEN: &str = "TOKEN-must-never-appear-c0ffee";

/// The slbctl binary with a blanked environment: no credentials, no proxies, a HOME of
/// its own so no real config file can be read, and every credential service it could
/// reach by default pointed at a closed loopback port: the metadata server is off and
/// the DMI directory empty, so no test depends on the machine it runs on or dials
/// anything but 127.0.0.1.
pub fn slbctl(home: &Path) -> Command {
    Command::from_std(slbctl_std(home))
}

/// The same, as a plain `std::process::Command` (to wire stdout to a pipe or a file).
pub fn slbctl_std(home: &Path) -> StdCommand {
    let mut cmd = StdCommand::new(assert_cmd::cargo::cargo_bin("slbctl"));
    cmd.env_clear()
        .env("HOME", home)
        .env("NO_COLOR", "1")
        .envs(SAFE_ENV)
        .env("SLBCTL_DMI_DIR", home.join("no-dmi"));
    cmd
}

/// slbctl pointed at a fake server, with environment credentials and a region.
pub fn slbctl_against(home: &Path, server: &fake_slb::FakeSlb) -> Command {
    Command::from_std(slbctl_std_against(home, server))
}

pub fn slbctl_std_against(home: &Path, server: &fake_slb::FakeSlb) -> StdCommand {
    let mut cmd = slbctl_std(home);
    cmd.env("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)
        .env("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
        .env("SLBCTL_ENDPOINT", server.url())
        .env("SLBCTL_ALB_ENDPOINT", server.url())
        .env("SLBCTL_NLB_ENDPOINT", server.url());
    cmd
}

/// Assert that no secret from this module appears in a command's output.
pub fn assert_no_secrets(output: &std::process::Output) {
    for stream in [&output.stdout, &output.stderr] {
        let text = String::from_utf8_lossy(stream);
        for secret in [SECRET, STS_SECRET, STS_TOKEN] {
            assert!(!text.contains(secret), "secret {secret} leaked in: {text}");
        }
    }
}

/// Write a profile file as a careful user would: mode 0600 (no permission warning).
pub fn write_config(path: &Path, text: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(path, text).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
    path.to_path_buf()
}

/// A loopback port nothing listens on (the discard port).
pub const CLOSED_PORT_URL: &str = "http://127.0.0.1:9";

/// The base environment of every test command (see [`slbctl_std`]). A test that means
/// to use STS or the metadata server sets these to its own fake; the ALB and NLB
/// endpoints point at a closed loopback port too, so a command that reaches for them
/// (standby looks at all three products) never dials a real one. Waits run with a
/// "second" of 10 ms (the documented test hook), so timeouts take milliseconds.
pub const SAFE_ENV: [(&str, &str); 6] = [
    ("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "true"),
    ("SLBCTL_ECS_METADATA_ENDPOINT", CLOSED_PORT_URL),
    ("ALIBABA_CLOUD_STS_ENDPOINT", CLOSED_PORT_URL),
    ("SLBCTL_ALB_ENDPOINT", CLOSED_PORT_URL),
    ("SLBCTL_NLB_ENDPOINT", CLOSED_PORT_URL),
    ("SLBCTL_WAIT_SECOND_MS", "10"),
];

/// STS credentials in the environment: `cmd.envs(STS_ENV)`.
pub const STS_ENV: [(&str, &str); 3] = [
    ("ALIBABA_CLOUD_ACCESS_KEY_ID", STS_KEY_ID),
    ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", STS_SECRET),
    ("ALIBABA_CLOUD_SECURITY_TOKEN", STS_TOKEN),
];

/// Access key credentials in the environment: `cmd.envs(KEY_ENV)`.
pub const KEY_ENV: [(&str, &str); 2] =
    [("ALIBABA_CLOUD_ACCESS_KEY_ID", KEY_ID), ("ALIBABA_CLOUD_ACCESS_KEY_SECRET", SECRET)];
