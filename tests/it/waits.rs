//! Health-aware rolling deploys: `backends wait`, `--wait-healthy`, `--min-healthy` and
//! `--verify` catching up, against the fake SLB's scripted health checks and describe
//! lag. The suite's base environment makes a wait's second 10 ms (the test hook), so
//! real timeouts take milliseconds.

use std::os::unix::process::ExitStatusExt;
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::support::fake_slb::{FakeSlb, Script};
use crate::support::*;

fn server(members: &[&str]) -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", members);
    server
}

fn health_calls(server: &FakeSlb) -> usize {
    server.requests_of("DescribeHealthStatus").len()
}

#[test]
fn wait_until_healthy_polls_until_every_server_is_normal() {
    let home = tempfile::tempdir().unwrap();
    let server = server(&["i-a", "i-b"]);
    server.set_health("lb-1", "i-a", Script::Flapping);
    server.set_health("lb-1", "i-b", Script::NormalAfter(2));
    let out = slbctl_against(home.path(), &server)
        .args(["backends", "wait", "--lb", "lb-1", "--until", "healthy", "i-a", "i-b"])
        .assert()
        .success()
        .get_output()
        .clone();
    // Poll 1: i-a normal, i-b abnormal; poll 2: both abnormal; poll 3: both normal.
    assert_eq!(health_calls(&server), 3, "one describe a poll");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("slbctl: lb-1 i-b: abnormal\n") && stderr.contains("slbctl: lb-1 i-b: normal\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("slbctl: lb-1 i-a: normal\nslbctl: lb-1 i-b: abnormal\nslbctl: lb-1 i-a: abnormal\n"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("i-a") && stdout.contains("normal"), "{stdout}");
}

#[test]
fn add_with_wait_healthy_returns_when_the_server_serves() {
    let home = tempfile::tempdir().unwrap();
    let server = server(&["i-a"]);
    server.set_newcomer_health(Script::NormalAfter(3));
    slbctl_against(home.path(), &server)
        .args(["backends", "add", "--lb", "lb-1", "--wait-healthy", "i-new"])
        .assert()
        .success()
        .stderr(predicate::str::contains("slbctl: 1 server healthy"));
    assert_eq!(health_calls(&server), 4);
    assert_eq!(server.backends("lb-1"), ["i-a", "i-new"]);

    // set-weight too; weight 0 with --wait-healthy is refused before anything is sent.
    let before = server.requests().len();
    slbctl_against(home.path(), &server)
        .args(["backends", "set-weight", "--lb", "lb-1", "--weight", "0", "--wait-healthy", "i-a"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--wait-healthy waits for servers to serve, which weight 0 stops"));
    assert_eq!(server.requests().len(), before);
    slbctl_against(home.path(), &server)
        .args(["backends", "set-weight", "--lb", "lb-1", "--weight", "50", "--wait-healthy", "i-a"])
        .assert()
        .success();
}

#[test]
fn a_timeout_is_exit_8_with_the_last_state_of_each_server() {
    let home = tempfile::tempdir().unwrap();
    let server = server(&["i-sick", "i-fine", "i-quiet", "i-unserved"]);
    server.set_health("lb-1", "i-unserved", Script::NoRows);
    server.set_health("lb-1", "i-sick", Script::Abnormal);
    server.set_health("lb-1", "i-quiet", Script::Unavailable);
    let out = slbctl_against(home.path(), &server)
        .args([
            "--output",
            "json",
            "backends",
            "wait",
            "--lb",
            "lb-1",
            "--until",
            "healthy",
            "--wait-timeout",
            "60",
        ])
        .args(["i-sick", "i-fine", "i-quiet", "i-unserved"])
        .assert()
        .code(8)
        .get_output()
        .clone();
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["kind"], "timeout");
    assert_eq!(err["error"]["exit_code"], 8);
    let waiting: Vec<(String, String)> = err["error"]["waiting"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| (w["ServerId"].as_str().unwrap().to_owned(), w["State"].as_str().unwrap().to_owned()))
        .collect();
    assert_eq!(waiting[0], ("i-sick".to_owned(), "abnormal".to_owned()));
    assert!(waiting[1].0 == "i-quiet" && waiting[1].1.contains("health checks may be off"), "{waiting:?}");
    assert!(
        waiting[2].0 == "i-unserved" && waiting[2].1.contains("no running listener serves it"),
        "{waiting:?}"
    );
    // A 60-second wait at the default pace: polls at 0, 2, 6, 14, 29, 44, 59 and 60 s.
    let polls = health_calls(&server);
    assert!((7..=10).contains(&polls), "{polls} describe calls in a 60 s wait");

    // --interval fixes the pace; --interval 0 is refused.
    let before = health_calls(&server);
    slbctl_against(home.path(), &server)
        .args([
            "backends",
            "wait",
            "--lb",
            "lb-1",
            "--until",
            "healthy",
            "--wait-timeout",
            "10",
            "--interval",
            "5",
        ])
        .arg("i-sick")
        .assert()
        .code(8)
        .stderr(predicate::str::contains("timed out after 10 s waiting until healthy: i-sick abnormal"));
    assert_eq!(health_calls(&server) - before, 3, "at 0, 5 and 10 s");
    slbctl_against(home.path(), &server)
        .args(["backends", "wait", "--lb", "lb-1", "--until", "healthy", "--interval", "0", "i-sick"])
        .assert()
        .code(2);
}

#[test]
fn a_listener_narrows_the_health_that_counts() {
    let home = tempfile::tempdir().unwrap();
    let server = server(&["i-a"]);
    server.add_listener("lb-1", 80, "http", true);
    server.add_listener("lb-1", 443, "https", false);
    slbctl_against(home.path(), &server)
        .args(["backends", "wait", "--lb", "lb-1", "--until", "healthy", "--listener", "80", "i-a"])
        .assert()
        .success();
    assert_eq!(server.requests_of("DescribeHealthStatus")[0].param("ListenerPort"), Some("80"));
    slbctl_against(home.path(), &server)
        .args(["backends", "wait", "--lb", "lb-1", "--until", "healthy", "--wait-timeout", "5", "i-a"])
        .assert()
        .code(8)
        .stderr(predicate::str::contains("i-a not normal on every listener"));
    slbctl_against(home.path(), &server)
        .args(["backends", "wait", "--lb", "lb-1", "--until", "healthy", "--listener", "80/ftp", "i-a"])
        .assert()
        .code(2);
}

#[test]
fn wait_until_removed_and_verify_catch_up_with_a_lagging_description() {
    let home = tempfile::tempdir().unwrap();
    let server = server(&["i-a", "i-b", "i-c"]);
    server.set_describe_lag(3);
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success();
    slbctl_against(home.path(), &server)
        .args(["backends", "wait", "--lb", "lb-1", "--until", "removed", "i-a"])
        .assert()
        .success();
    assert_eq!(
        server.requests_of("DescribeLoadBalancerAttribute").len(),
        4,
        "3 lagging describes, then gone"
    );

    // --verify polls until the description shows the removal, then says removed.
    let out = slbctl_against(home.path(), &server)
        .args(["--output", "json", "backends", "remove", "--lb", "lb-1", "--verify", "i-b"])
        .assert()
        .success()
        .get_output()
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["Verdicts"][0]["Verdict"], "removed");
    assert_eq!(server.requests_of("DescribeLoadBalancerAttribute").len(), 4 + 1 + 4);
}

#[test]
fn wait_until_drained_wants_weight_zero_on_two_polls() {
    let home = tempfile::tempdir().unwrap();
    let server = server(&["i-a", "i-b"]);
    slbctl_against(home.path(), &server)
        .args(["backends", "set-weight", "--lb", "lb-1", "--weight", "0", "i-a"])
        .assert()
        .success();
    slbctl_against(home.path(), &server)
        .args(["--output", "text", "backends", "wait", "--lb", "lb-1", "--until", "drained", "i-a"])
        .assert()
        .success()
        .stdout("i-a\tweight 0\n");
    // One read by set-weight (the group first), two by the wait.
    assert_eq!(server.requests_of("DescribeLoadBalancerAttribute").len(), 3);
    slbctl_against(home.path(), &server)
        .args(["backends", "wait", "--lb", "lb-1", "--until", "drained", "--wait-timeout", "3", "i-b"])
        .assert()
        .code(8)
        .stderr(predicate::str::contains("i-b weight 100"));
}

#[test]
fn min_healthy_counts_members_normal_on_every_listener() {
    let home = tempfile::tempdir().unwrap();
    let server = server(&["i-a", "i-b", "i-c", "i-d"]);
    server.set_health("lb-1", "i-c", Script::Abnormal);
    server.set_health("lb-1", "i-d", Script::Unavailable);
    // Removing i-a leaves i-b, i-c, i-d: one of them healthy.
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--min-healthy", "2", "--drain", "5", "i-a"])
        .assert()
        .code(7)
        .stderr(predicate::str::contains(
            "refusing to remove: 1 of the 3 backends of lb-1 that would remain are normal on every listener, fewer than --min-healthy 2; nothing was changed",
        ));
    assert!(server.requests_of("SetBackendServers").is_empty(), "checked before draining");
    assert!(server.requests_of("RemoveBackendServers").is_empty());
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--min-healthy", "1", "i-a"])
        .assert()
        .success();
    assert_eq!(server.backends("lb-1"), ["i-b", "i-c", "i-d"]);
}

#[test]
fn ctrl_c_during_a_wait_dies_by_sigint_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let server = server(&["i-a"]);
    server.set_health("lb-1", "i-a", Script::Abnormal);
    let child = slbctl_std_against(home.path(), &server)
        .args(["backends", "wait", "--lb", "lb-1", "--until", "healthy", "--wait-timeout", "5000", "i-a"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while health_calls(&server) < 2 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.signal(), Some(2));
    assert!(server.requests().iter().all(|r| r.param("Action").unwrap().starts_with("Describe")));
}
