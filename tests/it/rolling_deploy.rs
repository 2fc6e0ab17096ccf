//! The rolling-deploy workflow: batches past 20, verdicts, guards, drain, and the way
//! back in (add, set-weight, list), against the stateful fake server.

use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::fake_slb::{FakeSlb, Fault};
use crate::support::*;
use predicates::prelude::*;

fn ids(prefix: &str, n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("{prefix}-{i:03}")).collect()
}

fn fleet(n: usize) -> (FakeSlb, Vec<String>) {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    let fleet = ids("i-web", n);
    let refs: Vec<&str> = fleet.iter().map(String::as_str).collect();
    server.add_lb("lb-1", "cn-hangzhou", &refs);
    (server, fleet)
}

fn batch_sizes(server: &FakeSlb, action: &str) -> Vec<usize> {
    server
        .requests_of(action)
        .iter()
        .map(|r| {
            serde_json::from_str::<Vec<serde_json::Value>>(r.param("BackendServers").unwrap()).unwrap().len()
        })
        .collect()
}

#[test]
fn forty_five_ids_go_in_three_batches_in_order() {
    let home = tempfile::tempdir().unwrap();
    let (server, fleet) = fleet(50);
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--batch"])
        .args(&fleet[..45])
        .assert()
        .success()
        .stderr(predicate::str::contains("slbctl: batch 1/3: removed 20 servers (RequestId "))
        .stderr(predicate::str::contains("slbctl: batch 3/3: removed 5 servers (RequestId "))
        .stdout(predicate::str::contains("lb-1: removal of 45 servers accepted; 5 backends in the group"));
    assert_eq!(batch_sizes(&server, "RemoveBackendServers"), [20, 20, 5]);
    let first: Vec<serde_json::Value> =
        serde_json::from_str(server.requests_of("RemoveBackendServers")[0].param("BackendServers").unwrap())
            .unwrap();
    assert_eq!(first[0]["ServerId"], "i-web-001");
    assert_eq!(first[19]["ServerId"], "i-web-020");
    assert_eq!(server.backends("lb-1"), &fleet[45..]);
}

#[test]
fn forty_ids_make_exactly_two_calls() {
    let home = tempfile::tempdir().unwrap();
    let (server, fleet) = fleet(40);
    slbctl_against(home.path(), &server)
        .args(["--output", "json", "backends", "remove", "--lb", "lb-1", "--batch"])
        .args(&fleet)
        .assert()
        .success();
    assert_eq!(batch_sizes(&server, "RemoveBackendServers"), [20, 20]);
    assert!(server.backends("lb-1").is_empty());
}

#[test]
fn more_than_twenty_without_batch_is_refused_with_a_hint() {
    let home = tempfile::tempdir().unwrap();
    let (server, fleet) = fleet(21);
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1"])
        .args(&fleet)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("hint: pass --batch"));
    server.assert_requests(0);
}

/// Run a printed command line under bash with slbctl on PATH and the same environment.
fn run_printed_command(command: &str, home: &Path, server: &FakeSlb) -> std::process::Output {
    let binary_dir = assert_cmd::cargo::cargo_bin("slbctl").parent().unwrap().to_path_buf();
    Command::new("bash")
        .args(["-c", command])
        .env_clear()
        .envs(crate::support::SAFE_ENV)
        .env("PATH", format!("{}:/usr/bin:/bin", binary_dir.display()))
        .env("HOME", home)
        .envs(KEY_ENV)
        .env("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
        .env("SLBCTL_ENDPOINT", server.url())
        .output()
        .unwrap()
}

#[test]
fn a_failure_in_batch_two_of_three_reports_and_resumes_exactly() {
    let home = tempfile::tempdir().unwrap();
    let (server, fleet) = fleet(50);
    server.inject_on_call(
        "RemoveBackendServers",
        2,
        Fault::ApiError { status: 403, code: "Forbidden.RAM".into() },
    );
    let out = slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--batch"])
        .args(&fleet[..45])
        .assert()
        .code(6)
        .stderr(predicate::str::contains("slbctl: error: batch 2 of 3 failed: Forbidden.RAM"))
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains(&format!("  removed: {}\n", fleet[..20].join(" "))), "{stderr}");
    assert!(stderr.contains(&format!("  not removed: {}\n", fleet[20..45].join(" "))), "{stderr}");
    let resume = stderr
        .lines()
        .find_map(|l| l.strip_prefix("  hint: to finish, run: "))
        .unwrap_or_else(|| panic!("no resume command in {stderr}"));
    assert_eq!(resume, format!("slbctl backends remove --lb lb-1 --batch {}", fleet[20..45].join(" ")));
    assert_eq!(server.backends("lb-1").len(), 30, "batch 1 done, batches 2 and 3 not");

    let out = run_printed_command(resume, home.path(), &server);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(server.backends("lb-1"), &fleet[45..]);
}

#[test]
fn a_partial_failure_is_reported_as_json_too() {
    let home = tempfile::tempdir().unwrap();
    let (server, fleet) = fleet(30);
    server.inject_on_call(
        "RemoveBackendServers",
        2,
        Fault::ApiError { status: 400, code: "InvalidParameter".into() },
    );
    let out = slbctl_against(home.path(), &server)
        .args([
            "--output",
            "json",
            "--region",
            "cn-hangzhou",
            "backends",
            "remove",
            "--lb",
            "lb-1",
            "--batch",
        ])
        .args(&fleet[..25])
        .assert()
        .code(6)
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(v["error"]["kind"], "partial");
    assert_eq!(v["error"]["exit_code"], 6);
    assert_eq!(v["error"]["code"], "InvalidParameter");
    assert_eq!(v["error"]["done"].as_array().unwrap().len(), 20);
    assert_eq!(v["error"]["not_done"].as_array().unwrap().len(), 5);
    assert_eq!(
        v["error"]["resume"],
        format!(
            "slbctl --region cn-hangzhou --output json backends remove --lb lb-1 {}",
            fleet[20..25].join(" ")
        )
    );
}

#[test]
fn a_failure_in_the_first_batch_is_not_partial() {
    let home = tempfile::tempdir().unwrap();
    let (server, fleet) = fleet(30);
    server.inject_on_call(
        "RemoveBackendServers",
        1,
        Fault::ApiError { status: 400, code: "InvalidParameter".into() },
    );
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--batch"])
        .args(&fleet[..25])
        .assert()
        .code(4);
    assert_eq!(server.backends("lb-1").len(), 30);
}

#[test]
fn verify_reports_removed_and_not_member() {
    let home = tempfile::tempdir().unwrap();
    let (server, _) = fleet(3);
    let out = slbctl_against(home.path(), &server)
        .args([
            "--output",
            "text",
            "backends",
            "remove",
            "--lb",
            "lb-1",
            "--verify",
            "i-web-001",
            "i-wbe-002",
        ])
        .assert()
        .success()
        .stdout("i-web-001\tremoved\ni-wbe-002\tnot_member\n")
        .get_output()
        .clone();
    let _ = out;
    let actions: Vec<String> =
        server.requests().iter().map(|r| r.param("Action").unwrap().to_owned()).collect();
    assert_eq!(
        actions,
        ["DescribeLoadBalancerAttribute", "RemoveBackendServers", "DescribeLoadBalancerAttribute"]
    );
}

#[test]
fn strict_fails_on_a_typo() {
    let home = tempfile::tempdir().unwrap();
    let (server, _) = fleet(3);
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--strict", "i-web-001", "i-wbe-002"])
        .assert()
        .code(4)
        .stdout(predicate::str::contains("i-wbe-002  not_member"))
        .stderr(predicate::str::contains("1 server was not a member of lb-1 (--strict): i-wbe-002"));
}

#[test]
fn verify_catches_a_server_still_present() {
    let home = tempfile::tempdir().unwrap();
    let (server, _) = fleet(3);
    // The service says yes but changes nothing.
    server.inject_on_call(
        "RemoveBackendServers",
        1,
        Fault::Body(
            r#"{"RequestId":"R-LIE","LoadBalancerId":"lb-1","BackendServers":{"BackendServer":[]}}"#.into(),
        ),
    );
    let out = slbctl_against(home.path(), &server)
        .args(["--output", "json", "backends", "remove", "--lb", "lb-1", "--verify", "i-web-001"])
        .assert()
        .code(4)
        .get_output()
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["Verdicts"][0]["Verdict"], "still_present");
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["kind"], "verification");
}

#[test]
fn the_guard_refuses_and_sends_no_removal() {
    let home = tempfile::tempdir().unwrap();
    let (server, fleet) = fleet(3);
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--min-remaining", "3", "i-web-001"])
        .assert()
        .code(7)
        .stderr(predicate::str::contains(
            "refusing to remove: 2 of the 3 backends of lb-1 would remain, fewer than --min-remaining 3",
        ));
    assert!(server.requests_of("RemoveBackendServers").is_empty());
    assert_eq!(server.backends("lb-1"), fleet);

    // A typo does not count as a removal; the guard passes when enough remain.
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--min-remaining", "2", "i-web-001", "i-nope"])
        .assert()
        .success();
    // The refused run read once; the guarded removal reads at the start, right before
    // the change (the guard must hold then) and after it (it must still hold).
    assert_eq!(server.requests_of("DescribeLoadBalancerAttribute").len(), 1 + 3);
}

#[test]
fn add_puts_servers_back_with_a_weight_and_in_batches() {
    let home = tempfile::tempdir().unwrap();
    let (server, _) = fleet(1);
    slbctl_against(home.path(), &server)
        .args(["backends", "add", "--lb", "lb-1", "i-new", "eni-x"])
        .assert()
        .success()
        .stdout(predicate::str::contains("lb-1: 2 servers added at weight 100; 3 backends in the group"));
    assert_eq!(
        server.requests_of("AddBackendServers")[0].param("BackendServers"),
        Some(
            r#"[{"ServerId":"i-new","Type":"ecs","Weight":"100"},{"ServerId":"eni-x","Type":"eni","Weight":"100"}]"#
        )
    );
    let more = ids("i-more", 25);
    slbctl_against(home.path(), &server)
        .args(["backends", "add", "--lb", "lb-1", "--weight", "50", "--batch"])
        .args(&more)
        .assert()
        .success();
    assert_eq!(batch_sizes(&server, "AddBackendServers"), [2, 20, 5]);
    assert_eq!(server.weights("lb-1").iter().filter(|(_, w)| *w == 50).count(), 25);
    slbctl(home.path()).args(["backends", "add", "--lb", "lb-1", "--weight", "101", "i-a"]).assert().code(2);
}

#[test]
fn set_weight_changes_members_and_rejects_strangers() {
    let home = tempfile::tempdir().unwrap();
    let (server, _) = fleet(3);
    slbctl_against(home.path(), &server)
        .args(["backends", "set-weight", "--lb", "lb-1", "--weight", "0", "i-web-002"])
        .assert()
        .success()
        .stdout(predicate::str::contains("weight of 1 server set to 0"));
    assert_eq!(server.weights("lb-1")[1], ("i-web-002".to_owned(), 0));
    // A stranger is not sent, named in a warning, and not counted; --strict fails.
    slbctl_against(home.path(), &server)
        .args(["backends", "set-weight", "--lb", "lb-1", "--weight", "10", "i-stranger", "i-web-001"])
        .assert()
        .success()
        .stderr(predicate::str::contains("server \"i-stranger\" is not a member of lb-1; not sent"))
        .stdout(predicate::str::contains("weight of 1 server set to 10"));
    slbctl_against(home.path(), &server)
        .args(["backends", "set-weight", "--lb", "lb-1", "--weight", "10", "--strict", "i-stranger"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("1 server not a member of lb-1 (--strict): i-stranger"));
    slbctl(home.path()).args(["backends", "set-weight", "--lb", "lb-1", "i-a"]).assert().code(2);
}

#[test]
fn list_shows_the_backends_in_every_format() {
    let home = tempfile::tempdir().unwrap();
    let (server, _) = fleet(2);
    slbctl_against(home.path(), &server)
        .args(["backends", "list", "--lb", "lb-1"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ServerId   Type  Weight\ni-web-001  ecs   100\n"))
        .stdout(predicate::str::contains("lb-1: 2 backends (RequestId "));
    slbctl_against(home.path(), &server)
        .args(["--output", "text", "backends", "list", "--lb", "lb-1"])
        .assert()
        .success()
        .stdout("i-web-001\tecs\t100\ni-web-002\tecs\t100\n");
    let out = slbctl_against(home.path(), &server)
        .args(["--output", "json", "backends", "list", "--lb", "lb-1"])
        .assert()
        .success()
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["LoadBalancerName"], "lb-1-name", "every field is kept");
    assert_eq!(v["BackendServers"]["BackendServer"][1]["ServerId"], "i-web-002");
    slbctl_against(home.path(), &server).args(["backends", "list", "--lb", "lb-nope"]).assert().code(4);
}

#[test]
fn drain_sets_weight_zero_waits_then_removes() {
    let home = tempfile::tempdir().unwrap();
    let (server, _) = fleet(3);
    let started = Instant::now();
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--drain", "1", "i-web-001", "i-typo"])
        .assert()
        .success()
        .stderr(predicate::str::contains("draining for 1 s"));
    assert!(started.elapsed() >= Duration::from_secs(1));
    let actions: Vec<String> =
        server.requests().iter().map(|r| r.param("Action").unwrap().to_owned()).collect();
    assert_eq!(actions, ["DescribeLoadBalancerAttribute", "SetBackendServers", "RemoveBackendServers"]);
    assert_eq!(
        server.requests_of("SetBackendServers")[0].param("BackendServers"),
        Some(r#"[{"ServerId":"i-web-001","Type":"ecs","Weight":"0"}]"#),
        "only members are drained"
    );
    assert_eq!(server.backends("lb-1"), ["i-web-002", "i-web-003"]);
}

/// Start `command` (a `remove --drain`), press Ctrl-C once the drain has set weight 0,
/// and return how it ended.
fn ctrl_c_while_draining(mut command: Command, server: &FakeSlb) -> std::process::Output {
    let child = command.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.requests_of("SetBackendServers").is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    assert!(Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap().success());
    child.wait_with_output().unwrap()
}

#[test]
fn ctrl_c_during_the_drain_leaves_weight_zero_and_says_so() {
    let home = tempfile::tempdir().unwrap();
    let (server, _) = fleet(3);
    slbctl_against(home.path(), &server)
        .args(["-q", "backends", "set-weight", "--lb", "lb-1", "--weight", "40", "i-web-001", "i-web-002"])
        .assert()
        .success();
    let mut command = slbctl_std_against(home.path(), &server);
    command
        .args(["backends", "remove", "--lb", "lb-1", "--drain", "60", "i-web-001", "i-web-002"])
        .stderr(std::process::Stdio::piped());
    let out = ctrl_c_while_draining(command, &server);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Dies by SIGINT (a shell reports status 130), so a calling loop stops too.
    assert_eq!(out.status.signal(), Some(2), "{stderr}");
    assert!(
        stderr.contains(
            "2 backends of lb-1 left at weight 0, still members (weights before: i-web-001=40 i-web-002=40)"
        ),
        "{stderr}"
    );
    let restore = "slbctl backends set-weight --lb lb-1 --weight 40 i-web-001 i-web-002";
    assert!(stderr.contains(&format!("to put them back: {restore}\n")), "{stderr}");
    assert_eq!(server.weights("lb-1")[..2], [("i-web-001".to_owned(), 0), ("i-web-002".to_owned(), 0)]);
    assert!(server.requests_of("RemoveBackendServers").is_empty());
}

#[test]
fn an_interrupted_drain_of_different_weights_restores_each_to_its_own() {
    let home = tempfile::tempdir().unwrap();
    let (server, _) = fleet(3);
    for (weight, id) in [("40", "i-web-001"), ("60", "i-web-002")] {
        slbctl_against(home.path(), &server)
            .args(["-q", "backends", "set-weight", "--lb", "lb-1", "--weight", weight, id])
            .assert()
            .success();
    }
    let mut command = slbctl_std_against(home.path(), &server);
    command
        .args(["backends", "remove", "--lb", "lb-1", "--drain", "60", "i-web-001", "i-web-002"])
        .stderr(std::process::Stdio::piped());
    let out = ctrl_c_while_draining(command, &server);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("(weights before: i-web-001=40 i-web-002=60)"), "{stderr}");
    // One command per weight: none is put back at a weight it did not have.
    let restore = stderr
        .lines()
        .find_map(|l| l.split_once("to put them back: ").map(|(_, command)| command.to_owned()))
        .unwrap_or_else(|| panic!("no restore command in {stderr}"));
    let commands: Vec<&str> = restore.split(" && ").collect();
    assert_eq!(
        commands,
        [
            "slbctl backends set-weight --lb lb-1 --weight 40 i-web-001",
            "slbctl backends set-weight --lb lb-1 --weight 60 i-web-002"
        ]
    );
    for command in commands {
        let out = run_printed_command(command, home.path(), &server);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    assert_eq!(
        server.weights("lb-1")[..2],
        [("i-web-001".to_owned(), 40), ("i-web-002".to_owned(), 60)],
        "each weight is back as it was"
    );
}

#[test]
fn a_drain_that_fails_part_way_says_to_run_the_whole_command_again() {
    let home = tempfile::tempdir().unwrap();
    let (server, fleet) = fleet(30);
    server.inject_on_call(
        "SetBackendServers",
        2,
        Fault::ApiError { status: 400, code: "InvalidParameter".into() },
    );
    let out = slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--batch", "--drain", "1"])
        .args(&fleet[..25])
        .assert()
        .code(6)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    let rerun = format!("slbctl backends remove --lb lb-1 --drain 1 --batch {}", fleet[..25].join(" "));
    assert!(stderr.contains(&format!("hint: to finish, run: {rerun}\n")), "{stderr}");
    assert!(server.requests_of("RemoveBackendServers").is_empty());
    let out = run_printed_command(&rerun, home.path(), &server);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(server.backends("lb-1"), &fleet[25..]);
}

#[test]
fn batched_dry_run_shows_every_call_and_sends_nothing() {
    let home = tempfile::tempdir().unwrap();
    let (server, fleet) = fleet(25);
    let out = slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--batch", "--dry-run"])
        .args(&fleet)
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(stdout.matches("POST http://").count(), 2, "{stdout}");
    server.assert_requests(0);
}

/// The deploy loop of the README, interrupted during the first server's drain: the
/// shell must stop (slbctl died by the signal), so the second server is never touched.
/// The whole process group gets the signal, as a terminal's Ctrl-C does.
fn interrupt_a_shell_loop(signal: &str, status_seen_by_shell: i32) {
    let home = tempfile::tempdir().unwrap();
    let (server, _) = fleet(3);
    let bin = assert_cmd::cargo::cargo_bin("slbctl");
    let script = format!(
        "for s in i-web-001 i-web-002; do '{}' backends remove --lb lb-1 --drain 60 \"$s\"; \
         echo \"status $?\"; done; echo loop-finished",
        bin.display()
    );
    let template = slbctl_std_against(home.path(), &server);
    // A shell started where SIGINT is ignored (a CI job, `nohup`, `cmd &`) keeps ignoring
    // it and never stops its loop; a shell at a terminal has the default disposition,
    // which `env --default-signal` (GNU coreutils) restores.
    let mut shell = Command::new("/usr/bin/env");
    shell.args(["--default-signal=INT,TERM", "/bin/bash"]);
    shell.env_clear();
    for (name, value) in template.get_envs() {
        if let Some(value) = value {
            shell.env(name, value);
        }
    }
    let child = shell
        .args(["-c", &script])
        .process_group(0)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.requests_of("SetBackendServers").is_empty() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    let group = format!("-{}", child.id());
    assert!(Command::new("kill").args([signal, "--", &group]).status().unwrap().success());
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("slbctl: interrupted: 1 backend of lb-1 left at weight 0"), "{stderr}");
    assert!(!stdout.contains("loop-finished") && !stdout.contains("status"), "the loop went on: {stdout}");
    // bash died of the same signal (as a shell at a prompt would report 128 + n).
    assert_eq!(out.status.signal().map(|s| 128 + s), Some(status_seen_by_shell), "{stderr}");
    let drained: Vec<String> = server
        .requests_of("SetBackendServers")
        .iter()
        .filter_map(|r| r.param("BackendServers").map(str::to_owned))
        .collect();
    assert_eq!(drained.len(), 1, "{drained:?}");
    assert!(!drained[0].contains("i-web-002"), "the second server was drained: {drained:?}");
    assert!(server.requests_of("RemoveBackendServers").is_empty());
    assert_eq!(server.weights("lb-1")[1], ("i-web-002".to_owned(), 100), "the second server was untouched");
}

#[test]
fn ctrl_c_stops_the_calling_shell_loop() {
    interrupt_a_shell_loop("-INT", 130);
}

#[test]
fn sigterm_stops_the_calling_shell_loop() {
    interrupt_a_shell_loop("-TERM", 143);
}

/// Every global option given as a flag, with a value that changes nothing against the
/// fake server (the endpoint is explicit, so `--endpoint-type vpc` cannot redirect it;
/// the CA bundle is read only for https).
fn every_global_flag(home: &Path, server: &FakeSlb) -> Vec<String> {
    // --profile given as a flag is used for credentials (it beats the variables).
    let config = write_config(
        &home.join("slbctl.toml"),
        &format!(
            "[profiles.ops]\nregion = \"cn-hangzhou\"\naccess_key_id = \"{KEY_ID}\"\naccess_key_secret = \"{SECRET}\"\n"
        ),
    );
    let ca = home.join("ca.pem");
    std::fs::write(&ca, "not read for http endpoints").unwrap();
    let flags = [
        "--profile",
        "ops",
        "--config",
        config.to_str().unwrap(),
        "--region",
        "cn-hangzhou",
        "--endpoint",
        &server.url(),
        "--endpoint-type",
        "vpc",
        "--ca-bundle",
        ca.to_str().unwrap(),
        "--retries",
        "0",
        "--timeout",
        "30",
        "--connect-timeout",
        "4",
        "--output",
        "text",
        "-v",
    ];
    flags.iter().map(|f| f.to_string()).collect()
}

fn assert_repeats_every_flag(printed: &str, flags: &[String]) {
    for pair in flags.chunks(2) {
        let (flag, value) = (&pair[0], pair.get(1));
        let expected = match value.filter(|_| flag != "-v") {
            Some(value) => format!("{flag} {value}"),
            None => "--verbose".to_owned(),
        };
        assert!(printed.contains(&expected), "{expected} missing from: {printed}");
    }
}

#[test]
fn the_resume_command_repeats_every_global_flag_and_finishes_the_job() {
    let home = tempfile::tempdir().unwrap();
    let (server, fleet) = fleet(50);
    let flags = every_global_flag(home.path(), &server);
    server.inject_on_call(
        "RemoveBackendServers",
        2,
        Fault::ApiError { status: 403, code: "Forbidden.RAM".into() },
    );
    let out = slbctl_std(home.path())
        .envs(KEY_ENV)
        .args(&flags)
        .args(["backends", "remove", "--lb", "lb-1", "--batch"])
        .args(&fleet[..45])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    let stderr = String::from_utf8(out.stderr).unwrap();
    let resume = stderr
        .lines()
        .find_map(|l| l.strip_prefix("  hint: to finish, run: "))
        .unwrap_or_else(|| panic!("no resume command in {stderr}"));
    assert_repeats_every_flag(resume, &flags);
    assert!(
        resume.ends_with(&format!("backends remove --lb lb-1 --batch {}", fleet[20..45].join(" "))),
        "{resume}"
    );

    let out = run_printed_command(resume, home.path(), &server);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(server.backends("lb-1"), &fleet[45..]);
}

#[test]
fn the_restore_command_after_an_interrupted_drain_repeats_every_global_flag_and_restores() {
    let home = tempfile::tempdir().unwrap();
    let (server, _) = fleet(3);
    let flags = every_global_flag(home.path(), &server);
    let mut command = slbctl_std(home.path());
    command
        .envs(KEY_ENV)
        .args(&flags)
        .args(["backends", "remove", "--lb", "lb-1", "--drain", "60", "i-web-001"])
        .stderr(std::process::Stdio::piped());
    let out = ctrl_c_while_draining(command, &server);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let restore = stderr
        .lines()
        .find_map(|l| l.split_once("to put them back: ").map(|(_, command)| command))
        .unwrap_or_else(|| panic!("no restore command in {stderr}"));
    assert_repeats_every_flag(restore, &flags);
    assert!(restore.ends_with("backends set-weight --lb lb-1 --weight 100 i-web-001"), "{restore}");
    assert_eq!(server.weights("lb-1")[0], ("i-web-001".to_owned(), 0));

    let out = run_printed_command(restore, home.path(), &server);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(server.weights("lb-1")[0], ("i-web-001".to_owned(), 100));
}
