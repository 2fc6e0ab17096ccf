//! The interface as users see it: help texts (snapshots), completions that cannot
//! drift from the binary, the manual page, and the command-line input rules.

use std::path::Path;

use crate::support::fake_slb::FakeSlb;
use crate::support::*;
use predicates::prelude::*;

/// (shell, committed file) pairs under completions/.
const COMPLETIONS: &[(&str, &str)] = &[
    ("bash", "slbctl.bash"),
    ("zsh", "_slbctl"),
    ("fish", "slbctl.fish"),
    ("powershell", "_slbctl.ps1"),
    ("elvish", "slbctl.elv"),
];

/// Regenerate with `UPDATE_COMPLETIONS=1 cargo test --test it interface`.
#[test]
fn committed_completions_match_what_the_binary_generates() {
    let home = tempfile::tempdir().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in COMPLETIONS {
        let out = slbctl(home.path()).args(["completions", shell]).assert().success().get_output().clone();
        let generated = String::from_utf8(out.stdout).unwrap();
        assert!(generated.contains("slbctl"), "{shell}");
        let path = dir.join(file);
        if std::env::var_os("UPDATE_COMPLETIONS").is_some() {
            std::fs::write(&path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "completions/{file} is stale: run `UPDATE_COMPLETIONS=1 cargo test --test it interface` and commit"
        );
    }
}

#[test]
fn man_page_is_roff_and_covers_the_commands() {
    let home = tempfile::tempdir().unwrap();
    slbctl(home.path())
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(".ie \\n(.g .ds Aq"))
        .stdout(predicate::str::contains(".TH slbctl 1"))
        .stdout(predicate::str::contains("backends"))
        .stdout(predicate::str::contains("groups"))
        .stdout(predicate::str::contains("standby"));
}

#[test]
fn every_command_has_a_page_with_environment_files_and_exit_status() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("man1");
    slbctl(home.path()).args(["man", "--dir", dir.to_str().unwrap()]).assert().success();
    let mut names: Vec<String> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    names.sort();
    for page in [
        "slbctl.1",
        "slbctl-backends.1",
        "slbctl-backends-remove.1",
        "slbctl-standby-exit.1",
        "slbctl-groups-list.1",
    ] {
        assert!(names.iter().any(|n| n == page), "{page} missing from {names:?}");
    }
    // The pages the top page points to all exist.
    let top = std::fs::read_to_string(dir.join("slbctl.1")).unwrap();
    for sub in ["backends", "groups", "standby", "configure", "config", "completions", "man"] {
        assert!(
            top.contains(&format!("slbctl\\-{sub}(1)")) || top.contains(&format!("slbctl-{sub}(1)")),
            "{sub}: {top}"
        );
        assert!(names.contains(&format!("slbctl-{sub}.1")), "{sub}");
    }
    let printed = slbctl(home.path())
        .args(["man", "backends", "remove"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let printed = String::from_utf8(printed).unwrap();
    assert_eq!(printed, std::fs::read_to_string(dir.join("slbctl-backends-remove.1")).unwrap());
    for section in [".SH \"EXIT STATUS\"", ".SH ENVIRONMENT", ".SH FILES", "\\-\\-min\\-healthy"] {
        assert!(printed.contains(section), "{section} missing");
    }
    slbctl(home.path()).args(["man", "backends", "nope"]).assert().code(2);
}

fn help(args: &[&str]) -> String {
    let home = tempfile::tempdir().unwrap();
    let out = slbctl(home.path()).args(args).arg("--help").assert().success().get_output().clone();
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn help_texts_are_deliberate() {
    insta::assert_snapshot!("help_top", help(&[]));
    insta::assert_snapshot!("help_backends", help(&["backends"]));
    insta::assert_snapshot!("help_backends_remove", help(&["backends", "remove"]));
    insta::assert_snapshot!("help_completions", help(&["completions"]));
    insta::assert_snapshot!("help_configure", help(&["configure"]));
    insta::assert_snapshot!("help_backends_add", help(&["backends", "add"]));
    insta::assert_snapshot!("help_backends_set_weight", help(&["backends", "set-weight"]));
    insta::assert_snapshot!("help_backends_list", help(&["backends", "list"]));
    insta::assert_snapshot!("help_backends_wait", help(&["backends", "wait"]));
    insta::assert_snapshot!("help_config_clear_cache", help(&["config", "clear-cache"]));
    insta::assert_snapshot!("help_config", help(&["config"]));
    insta::assert_snapshot!("help_config_show", help(&["config", "show"]));
    insta::assert_snapshot!("help_config_list", help(&["config", "list"]));
    insta::assert_snapshot!("help_man", help(&["man"]));
}

#[test]
fn version_is_printed() {
    let home = tempfile::tempdir().unwrap();
    slbctl(home.path())
        .arg("-V")
        .assert()
        .success()
        .stdout(format!("slbctl {}\n", env!("CARGO_PKG_VERSION")));
    // --version keeps that first line (scripts read it), then the target and commit.
    let out = slbctl(home.path()).arg("--version").assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], format!("slbctl {}", env!("CARGO_PKG_VERSION")));
    let target = lines[1].strip_prefix("target: ").unwrap();
    assert!(target.split('-').count() >= 3, "a target triple: {target}");
    if let Some(commit) = lines.get(2) {
        assert!(
            commit.strip_prefix("commit: ").is_some_and(|c| c.chars().all(|c| c.is_ascii_hexdigit())),
            "{commit}"
        );
    }
}

fn server() -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b", "i-c", "eni-d"]);
    server
}

#[test]
fn dash_reads_ids_from_stdin_with_comments_and_blank_lines() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    slbctl_against(home.path(), &server)
        .args(["--output", "text", "backends", "remove", "--lb", "lb-1", "-"])
        .write_stdin("# from terraform\ni-a\n\n  i-b   # canary\n")
        .assert()
        .success()
        .stdout("i-c\tecs\t100\neni-d\teni\t100\n");
    assert_eq!(server.backends("lb-1"), ["i-c", "eni-d"]);
}

#[test]
fn from_file_reads_ids_and_validates_them() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let list = home.path().join("ids.txt");
    std::fs::write(&list, "i-a i-b\n# done\n").unwrap();
    slbctl_against(home.path(), &server)
        .args(["-q", "backends", "remove", "--lb", "lb-1", "--from-file", list.to_str().unwrap()])
        .assert()
        .success()
        .stdout("");
    assert_eq!(server.backends("lb-1"), ["i-c", "eni-d"]);

    std::fs::write(&list, "i-c\ni-\"x\n").unwrap();
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--from-file", list.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("contains '\"'"));
    std::fs::write(&list, "# nothing\n").unwrap();
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--from-file", list.to_str().unwrap()])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no server ids in"));
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--from-file", "/nonexistent/ids"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot read server ids from /nonexistent/ids"));
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--from-file", list.to_str().unwrap(), "i-a"])
        .assert()
        .code(2);
    server.assert_requests(1);
}

#[test]
fn dash_with_other_ids_or_empty_stdin_is_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "i-a", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("must be the only server argument"));
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "-"])
        .write_stdin("\n# none\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no server ids in stdin"));
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "-"])
        .write_stdin(vec![0xff, 0xfe, b'\n'])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not UTF-8"));
    server.assert_requests(0);
}

#[test]
fn more_than_twenty_ids_on_stdin_are_refused() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let ids: String = (0..21).map(|n| format!("i-{n}\n")).collect();
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "-"])
        .write_stdin(ids)
        .assert()
        .code(2);
    server.assert_requests(0);
}

#[test]
fn quiet_prints_nothing_on_success_but_errors_still_show() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    slbctl_against(home.path(), &server)
        .args(["-q", "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    slbctl_against(home.path(), &server)
        .args(["--quiet", "backends", "remove", "--lb", "lb-nope", "i-a"])
        .assert()
        .code(4)
        .stdout("")
        .stderr(predicate::str::contains("InvalidLoadBalancerId.NotFound"));
}

#[test]
fn json_errors_go_to_stderr_as_json() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let out = slbctl_against(home.path(), &server)
        .args(["--output", "json", "backends", "remove", "--lb", "lb-nope", "i-a"])
        .assert()
        .code(4)
        .stdout("")
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(v["error"]["kind"], "api");
    assert_eq!(v["error"]["code"], "InvalidLoadBalancerId.NotFound");
    assert!(v["error"]["request_id"].as_str().is_some_and(|r| r.len() == 36));

    for (args, kind, code) in [
        (&["--output", "json", "backends", "remove", "--lb", "lb 1", "i-a"][..], "usage", 2),
        (&["--output=json", "backends", "remove", "--lb", "lb-1", "--type", "vm", "i-a"], "usage", 2),
        (
            &[
                "--output",
                "json",
                "--config",
                "/nonexistent.toml",
                "backends",
                "remove",
                "--lb",
                "lb-1",
                "i-a",
            ],
            "config",
            3,
        ),
        (
            &[
                "--output",
                "json",
                "--retries",
                "0",
                "--endpoint",
                "http://127.0.0.1:1",
                "backends",
                "remove",
                "--lb",
                "lb-1",
                "i-a",
            ],
            "network",
            5,
        ),
    ] {
        let out = slbctl_against(home.path(), &server).args(args).assert().code(code).get_output().clone();
        let v: serde_json::Value = serde_json::from_slice(&out.stderr)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stderr)));
        assert_eq!(v["error"]["kind"], kind, "{args:?}");
        assert_eq!(v["error"]["exit_code"], code, "{args:?}");
        assert!(v["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
}

#[test]
fn piped_output_has_no_escape_sequences_even_without_no_color() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    for args in [
        &["backends", "remove", "--lb", "lb-1", "i-a", "i-a"][..],
        &["backends", "remove", "--lb", "lb-x", "i-a"],
    ] {
        let out = slbctl_against(home.path(), &server).env_remove("NO_COLOR").args(args).output().unwrap();
        assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b), "{args:?}");
    }
}

/// Runs a failing slbctl on a pseudo-terminal (util-linux `script`), where colour is
/// allowed; returns everything the terminal showed.
fn on_a_terminal(home: &Path, server: &FakeSlb, no_color: Option<&str>) -> String {
    let binary = assert_cmd::cargo::cargo_bin("slbctl");
    let command = format!("{} backends remove --lb lb-nope i-a i-a", binary.display());
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", &command, "/dev/null"])
        .env_clear()
        .envs(crate::support::SAFE_ENV)
        .env("PATH", "/usr/bin:/bin")
        .env("HOME", home)
        .envs(KEY_ENV)
        .env("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
        .env("SLBCTL_ENDPOINT", server.url());
    if let Some(value) = no_color {
        cmd.env("NO_COLOR", value);
    }
    let out = cmd.output().expect("util-linux `script` is needed for the terminal test");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn colour_only_on_a_terminal_and_only_without_no_color() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let coloured = on_a_terminal(home.path(), &server, None);
    assert!(coloured.contains("\x1b[1;31merror:\x1b[0m"), "{coloured:?}");
    assert!(coloured.contains("\x1b[1;33mwarning:\x1b[0m"), "{coloured:?}");
    let empty = on_a_terminal(home.path(), &server, Some(""));
    assert!(empty.contains('\x1b'), "an empty NO_COLOR does not disable colour: {empty:?}");
    let plain = on_a_terminal(home.path(), &server, Some("1"));
    assert!(plain.contains("slbctl: error: InvalidLoadBalancerId.NotFound"), "{plain:?}");
    assert!(!plain.contains('\x1b'), "{plain:?}");
}

#[test]
fn ctrl_c_dies_by_sigint_with_a_word() {
    use std::os::unix::process::ExitStatusExt;
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.inject(crate::support::fake_slb::Fault::Delay(std::time::Duration::from_secs(5)), 1);
    let child = slbctl_std_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until the request is in flight, then interrupt.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while server.arrivals() == 0 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(100));
    let status = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    // Killed by SIGINT, not exit(130): a shell reports 130 and stops its loop.
    assert_eq!(out.status.signal(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("slbctl: interrupted"));
}

#[test]
fn empty_environment_variables_count_as_unset() {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = slbctl(home.path());
    for var in [
        "SLBCTL_CONFIG",
        "SLBCTL_PROFILE",
        "SLBCTL_ENDPOINT",
        "SLBCTL_RETRIES",
        "SLBCTL_TIMEOUT",
        "SLBCTL_CA_BUNDLE",
        "ALIBABA_CLOUD_ENDPOINT_TYPE",
        "ALIBABA_CLOUD_REGION_ID",
        "ALIBABA_CLOUD_ACCESS_KEY_ID",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
        "SSL_CERT_FILE",
    ] {
        cmd.env(var, "");
    }
    cmd.args([
        "--region",
        "cn-hangzhou",
        "--output",
        "json",
        "backends",
        "remove",
        "--lb",
        "lb-1",
        "i-a",
        "--dry-run",
    ])
    .assert()
    .success()
    .stdout(predicate::str::contains("\"url\": \"https://slb.aliyuncs.com/\""))
    .stdout(predicate::str::contains("(unsigned: no credentials)"));
}

#[test]
fn no_subcommand_shows_help_as_a_usage_error() {
    let home = tempfile::tempdir().unwrap();
    slbctl(home.path()).assert().code(2).stderr(predicate::str::contains("Usage: slbctl"));
    slbctl(home.path()).arg("backends").assert().code(2).stderr(predicate::str::contains("remove"));
    slbctl(home.path()).arg("--help").assert().success().stdout(predicate::str::contains("Usage: slbctl"));
}

#[test]
fn on_a_terminal_batches_show_a_progress_bar_and_the_drain_a_countdown() {
    let home = tempfile::tempdir().unwrap();
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    let fleet: Vec<String> = (0..45).map(|n| format!("i-{n:02}")).collect();
    let refs: Vec<&str> = fleet.iter().map(String::as_str).collect();
    server.add_lb("lb-1", "cn-hangzhou", &refs);
    let binary = assert_cmd::cargo::cargo_bin("slbctl");
    let command = format!(
        "{} backends remove --lb lb-1 --batch --drain 1 --quiet {}",
        binary.display(),
        fleet.join(" ")
    );
    let run = |term: Option<&str>| {
        let mut cmd = std::process::Command::new("script");
        cmd.args(["-qec", &command, "/dev/null"])
            .env_clear()
            .envs(crate::support::SAFE_ENV)
            .env("PATH", "/usr/bin:/bin")
            .env("HOME", home.path())
            .envs(KEY_ENV)
            .env("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
            .env("SLBCTL_ENDPOINT", server.url());
        if let Some(term) = term {
            cmd.env("TERM", term);
        }
        let out = cmd.output().expect("util-linux `script` is needed for the terminal test");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stdout));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let screen = run(Some("xterm"));
    assert!(screen.contains("SetBackendServers ["), "{screen:?}");
    assert!(screen.contains("RemoveBackendServers ["), "{screen:?}");
    assert!(screen.contains("/3 batches"), "{screen:?}");
    assert!(screen.contains("draining, 1 s left"), "{screen:?}");
    assert!(!screen.contains("slbctl: batch 1/3"), "no pipe-style lines on a terminal: {screen:?}");
    assert!(server.backends("lb-1").is_empty());

    // A terminal that cannot draw a bar (no TERM) gets the lines instead.
    let refs: Vec<&str> = fleet.iter().map(String::as_str).collect();
    server.add_lb("lb-1", "cn-hangzhou", &refs);
    let screen = run(None);
    assert!(screen.contains("slbctl: batch 3/3: removed 5 servers"), "{screen:?}");
}
