//! The audit log: every change call as JSON lines (sent, result, job, end), never a
//! secret, 0600, whole lines from concurrent processes, and a log that cannot be
//! written stops the command.

use std::time::Duration;

use predicates::prelude::*;

use crate::support::fake_slb::FakeSlb;
use crate::support::*;

fn server() -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    let fleet: Vec<String> = (1..=8).map(|n| format!("i-{n}")).collect();
    let refs: Vec<&str> = fleet.iter().map(String::as_str).collect();
    server.add_lb("lb-web", "cn-hangzhou", &refs);
    server.add_server_group("alb", "sgp-web", &["alb-1"], &["i-a:80", "i-b:80"]);
    server.add_sg_listener("alb", "alb-1", "lsn-80", 80, "sgp-web");
    server.set_job_time(Some(Duration::from_millis(20)));
    server
}

fn lines(path: &std::path::Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l:?}")))
        .collect()
}

#[test]
fn a_change_is_recorded_before_and_after_and_reads_are_not() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let log = home.path().join("audit.jsonl");
    slbctl_against(home.path(), &server)
        .args(["--audit-log", log.to_str().unwrap(), "backends", "list", "--lb", "lb-web"])
        .assert()
        .success();
    slbctl_against(home.path(), &server)
        .env("SLBCTL_AUDIT_LOG", &log)
        .args(["backends", "remove", "--lb", "lb-web", "i-1"])
        .assert()
        .success();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&log).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(!text.contains(SECRET) && !text.contains(KEY_ID), "{text}");
    let all = lines(&log);
    let events: Vec<&str> = all.iter().map(|l| l["event"].as_str().unwrap()).collect();
    assert_eq!(events, ["end", "sent", "result", "end"], "a read is not a change: {all:?}");
    let (sent, result) = (&all[1], &all[2]);
    assert_eq!(sent["run_id"], result["run_id"]);
    assert_ne!(all[0]["run_id"], sent["run_id"]);
    assert_eq!(sent["action"], "RemoveBackendServers");
    assert_eq!(sent["load_balancer_id"], "lb-web");
    assert_eq!(sent["members"][0]["ServerId"], "i-1");
    assert_eq!(sent["region"], "cn-hangzhou");
    assert_eq!(sent["product"], "slb");
    assert_eq!(sent["access_key_id"], "LTAI****wxyz");
    assert!(sent["credential_source"].as_str().unwrap().contains("ALIBABA_CLOUD_ACCESS_KEY_ID"));
    assert_eq!(sent["slbctl_version"], env!("CARGO_PKG_VERSION"));
    assert!(sent["time"].as_str().unwrap().ends_with('Z'));
    assert_eq!(result["outcome"], "ok");
    assert_eq!(result["attempts"], 1);
    assert!(result["request_id"].as_str().is_some());
    assert_eq!(all[3]["exit_code"], 0);
}

#[test]
fn alb_changes_carry_their_token_job_and_final_status() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let log = home.path().join("audit.jsonl");
    slbctl_against(home.path(), &server)
        .args(["--audit-log", log.to_str().unwrap(), "backends", "remove", "--lb", "alb-1", "i-a:80"])
        .assert()
        .success();
    let all = lines(&log);
    let result = all.iter().find(|l| l["event"] == "result").unwrap();
    assert_eq!(result["product"], "alb");
    assert_eq!(result["group"], "sgp-web");
    assert_eq!(result["client_token"].as_str().unwrap().len(), 36);
    let job = result["job_id"].as_str().unwrap();
    let done = all.iter().find(|l| l["event"] == "job").unwrap();
    assert_eq!((done["job_id"].as_str(), done["status"].as_str()), (Some(job), Some("Succeeded")));
    // An API error is recorded with its code, and the end line with the exit code.
    slbctl_against(home.path(), &server)
        .args(["--audit-log", log.to_str().unwrap(), "backends", "remove", "--lb", "lb-nope", "i-1"])
        .assert()
        .code(4);
    let all = lines(&log);
    assert_eq!(
        all.iter().rev().find(|l| l["event"] == "result").unwrap()["outcome"],
        "InvalidLoadBalancerId.NotFound"
    );
    assert_eq!(all.last().unwrap()["exit_code"], 4);
}

#[test]
fn the_result_line_names_the_token_the_last_attempt_carried() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.set_job_time(Some(Duration::from_millis(600)));
    // Another deployer's job runs on the group: our first attempt is refused as busy,
    // and the next carries a fresh token.
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "alb-1", "--no-wait", "i-a:80"])
        .assert()
        .success();
    let log = home.path().join("audit.jsonl");
    slbctl_against(home.path(), &server)
        .args(["--audit-log", log.to_str().unwrap(), "backends", "remove", "--lb", "alb-1", "i-b:80"])
        .assert()
        .success();
    let attempts = server.requests_of("RemoveServersFromServerGroup");
    assert!(attempts.len() >= 3, "the change met the busy group: {}", attempts.len());
    let all = lines(&log);
    let sent = all.iter().find(|l| l["event"] == "sent").unwrap();
    let result = all.iter().find(|l| l["event"] == "result").unwrap();
    assert_eq!(sent["client_token"].as_str(), attempts[1].param("ClientToken"), "sent: the first token");
    assert_eq!(
        result["client_token"].as_str(),
        attempts.last().unwrap().param("ClientToken"),
        "result: the token of the attempt that was applied"
    );
    assert_ne!(sent["client_token"], result["client_token"]);
    assert!(result["attempts"].as_u64().unwrap() >= 2);
}

#[test]
fn eight_processes_at_once_write_whole_lines_and_lose_none() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let log = home.path().join("audit.jsonl");
    let children: Vec<_> = (1..=8)
        .map(|n| {
            let mut cmd = slbctl_std_against(home.path(), &server);
            cmd.args([
                "-q",
                "--audit-log",
                log.to_str().unwrap(),
                "backends",
                "remove",
                "--lb",
                "lb-web",
                &format!("i-{n}"),
            ])
            .spawn()
            .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let all = lines(&log);
    assert_eq!(all.len(), 24, "sent, result and end for each of 8 runs");
    let runs: std::collections::HashSet<&str> = all.iter().map(|l| l["run_id"].as_str().unwrap()).collect();
    assert_eq!(runs.len(), 8);
}

#[test]
fn a_log_that_cannot_be_written_stops_the_command_before_it_sends() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    // A folder cannot be opened for appending: refused before anything is sent.
    slbctl_against(home.path(), &server)
        .args(["--audit-log", home.path().to_str().unwrap(), "backends", "remove", "--lb", "lb-web", "i-1"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("cannot open the audit log"));
    server.assert_requests(0);
    // A log that takes no line (a full disk): the change is not sent.
    if std::path::Path::new("/dev/full").exists() {
        slbctl_against(home.path(), &server)
            .args(["--audit-log", "/dev/full", "backends", "remove", "--lb", "lb-web", "i-1"])
            .assert()
            .code(3)
            .stderr(predicate::str::contains("this change was not sent"));
        assert!(server.requests_of("RemoveBackendServers").is_empty());
        assert_eq!(server.backends("lb-web").len(), 8);
    }
}
