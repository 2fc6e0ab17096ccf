//! `standby enter | exit | show` against the fake SLB: discovery over every load
//! balancer and group, the state file, running twice, partial failures, deleted groups
//! and bad state files.

use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::support::fake_slb::{FakeSlb, Fault};
use crate::support::*;

/// i-a is in lb-1's default group (weight 40), two ports of lb-1's rsp-web (weights 100
/// and 7), lb-2's default group, and only a vServer group of lb-4 (which the ServerId
/// filter does not see); lb-3 does not hold it.
fn region() -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b"]);
    server.add_lb("lb-2", "cn-hangzhou", &["i-a", "i-c"]);
    server.add_lb("lb-3", "cn-hangzhou", &["i-b"]);
    server.add_lb("lb-4", "cn-hangzhou", &["i-b"]);
    server.add_vserver_group("lb-1", "rsp-web", &["i-a:8080", "i-a:8081", "i-b:8080"], &["8080/http"]);
    server.add_vserver_group("lb-4", "rsp-api", &["i-a:9000", "i-c:9000"], &["9000/tcp"]);
    slbctl_quiet(&server, &["backends", "set-weight", "--lb", "lb-1", "--weight", "40", "i-a"]);
    slbctl_quiet(
        &server,
        &[
            "backends",
            "set-weight",
            "--lb",
            "lb-1",
            "--vserver-group",
            "rsp-web",
            "--weight",
            "7",
            "i-a:8081",
        ],
    );
    server
}

fn slbctl_quiet(server: &FakeSlb, args: &[&str]) {
    let home = tempfile::tempdir().unwrap();
    slbctl_against(home.path(), server).arg("-q").args(args).assert().success();
}

/// Everything that holds a server, for comparing before and after.
fn snapshot(server: &FakeSlb) -> Vec<String> {
    let mut all = Vec::new();
    for lb in ["lb-1", "lb-2", "lb-3", "lb-4"] {
        all.extend(server.backends(lb).into_iter().map(|b| format!("{lb}:{b}")));
    }
    for group in ["rsp-web", "rsp-api"] {
        all.extend(server.group_members(group).into_iter().map(|m| format!("{group}:{m}")));
    }
    all
}

fn state_file(home: &Path) -> PathBuf {
    home.join(".local/state/slbctl/standby/cn-hangzhou/i-a.json")
}

#[test]
fn enter_takes_a_server_out_of_everything_and_exit_puts_it_back_as_it_was() {
    let home = tempfile::tempdir().unwrap();
    let server = region();
    let before = snapshot(&server);
    let weights_before = server.weights("lb-1");
    let out = slbctl_against(home.path(), &server)
        .args(["--output", "json", "standby", "enter", "i-a"])
        .assert()
        .success()
        .get_output()
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["Memberships"].as_array().unwrap().len(), 5, "{report}");
    assert!(report["StateFiles"][0].as_str().unwrap().ends_with("standby/cn-hangzhou/i-a.json"));
    assert!(!snapshot(&server).iter().any(|m| m.contains(":i-a")), "{:?}", snapshot(&server));
    let pages = server.requests_of("DescribeLoadBalancers");
    assert!(pages.iter().all(|p| p.param("PageNumber").is_some() && p.param("PageSize") == Some("100")));

    let path = state_file(home.path());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let recorded: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert!(recorded["Memberships"].as_array().unwrap().iter().all(|m| m["Removed"] == true));

    // Again: nothing left to take out.
    slbctl_against(home.path(), &server)
        .args(["standby", "enter", "i-a"])
        .assert()
        .success()
        .stdout(predicate::str::contains("already in standby: i-a (5 membership(s) recorded)"));
    slbctl_against(home.path(), &server)
        .args(["--output", "text", "standby", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "lb-1\trsp-web\ti-a\t8081\t7\tstandby\tlive: absent; exit would: add at weight 7\tclb",
        ));

    slbctl_against(home.path(), &server)
        .args(["standby", "exit", "i-a"])
        .assert()
        .success()
        .stdout(predicate::str::contains("5 memberships put back; out of standby"));
    let mut after = snapshot(&server);
    let mut expected = before.clone();
    after.sort();
    expected.sort();
    assert_eq!(after, expected);
    let mut weights_after = server.weights("lb-1");
    let mut weights_before = weights_before;
    weights_after.sort();
    weights_before.sort();
    assert_eq!(weights_after, weights_before, "weights as they were");
    assert!(!path.exists(), "the record goes when everything is back");
    // A second exit is harmless: the server is in rotation, not in standby.
    slbctl_against(home.path(), &server).args(["standby", "exit", "i-a"]).assert().success().stderr(
        predicate::str::contains("i-a is not in standby (no record in cn-hangzhou; it is in rotation)"),
    );
}

#[test]
fn fast_trusts_the_server_id_filter_and_misses_what_it_cannot_see() {
    let home = tempfile::tempdir().unwrap();
    let server = region();
    slbctl_against(home.path(), &server)
        .args(["standby", "enter", "--fast", "--dry-run", "i-a"])
        .assert()
        .success();
    let mut described: Vec<String> = server
        .requests_of("DescribeVServerGroups")
        .iter()
        .map(|r| r.param("LoadBalancerId").unwrap().to_owned())
        .collect();
    described.sort();
    assert_eq!(described, ["lb-1", "lb-2"], "only the load balancers the filter finds (in parallel)");
    assert!(server.requests_of("DescribeLoadBalancers").iter().all(|r| r.param("ServerId") == Some("i-a")));
}

#[test]
fn dry_run_and_the_guard_change_nothing_and_record_nothing() {
    let home = tempfile::tempdir().unwrap();
    let server = region();
    let before = snapshot(&server);
    let setup = server.requests().len();
    slbctl_against(home.path(), &server)
        .args(["standby", "enter", "--dry-run", "i-a"])
        .assert()
        .success()
        .stdout(predicate::str::contains("dry run: 5 membership(s) in 4 group(s) would be taken out"));
    slbctl_against(home.path(), &server)
        .args(["standby", "enter", "--min-remaining", "2", "i-a"])
        .assert()
        .code(7)
        .stderr(predicate::str::contains("would keep 1 of its 2 members, fewer than --min-remaining 2"));
    assert_eq!(snapshot(&server), before);
    assert!(!state_file(home.path()).exists());
    assert!(server.requests()[setup..].iter().all(|r| is_read(r.param("Action").unwrap())));
}

/// A read of any product: CLB's Describe*, ALB/NLB's List*/Get*.
fn is_read(action: &str) -> bool {
    action.starts_with("Describe") || action.starts_with("List") || action.starts_with("Get")
}

#[test]
fn a_partial_failure_keeps_a_correct_record_and_running_again_finishes() {
    let home = tempfile::tempdir().unwrap();
    let server = region();
    let before = snapshot(&server);
    server.inject_on_call(
        "RemoveVServerGroupBackendServers",
        1,
        Fault::ApiError { status: 403, code: "Forbidden.RAM".into() },
    );
    let out = slbctl_against(home.path(), &server)
        .args(["--retries", "0", "standby", "enter", "i-a"])
        .assert()
        .code(6)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("group 2 of 4 failed: Forbidden.RAM"), "{stderr}");
    assert!(stderr.contains("  done: lb-1/default\n"), "{stderr}");
    let resume = stderr.lines().find_map(|l| l.strip_prefix("  hint: to finish, run: ")).unwrap();
    assert_eq!(resume, "slbctl --retries 0 standby enter i-a");
    let recorded: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(state_file(home.path())).unwrap()).unwrap();
    let removed: Vec<bool> =
        recorded["Memberships"].as_array().unwrap().iter().map(|m| m["Removed"] == true).collect();
    assert_eq!(removed.iter().filter(|r| **r).count(), 1, "{recorded}");

    slbctl_against(home.path(), &server).args(["standby", "enter", "i-a"]).assert().success();
    assert!(!snapshot(&server).iter().any(|m| m.contains(":i-a")));
    // A group deleted meanwhile is reported on exit, and its entry kept.
    server.delete_vserver_group("rsp-api");
    slbctl_against(home.path(), &server)
        .args(["standby", "exit", "i-a"])
        .assert()
        .success()
        .stdout(predicate::str::contains("group gone; kept in the record"));
    assert!(state_file(home.path()).exists());
    let mut after = snapshot(&server);
    let mut expected: Vec<String> = before.into_iter().filter(|m| !m.starts_with("rsp-api")).collect();
    after.sort();
    expected.sort();
    assert_eq!(after, expected);
}

#[test]
fn bad_state_files_and_options_are_refused() {
    let home = tempfile::tempdir().unwrap();
    let server = region();
    let setup = server.requests().len();
    let path = home.path().join("state.json");
    for (content, says) in [
        ("not json", "not a standby state file"),
        (
            r#"{"Version":1,"Region":"eu-central-1","Servers":["i-a"],"Memberships":[]}"#,
            "it is for region \"eu-central-1\"",
        ),
        (
            r#"{"Version":1,"Region":"cn-hangzhou","Servers":["i-z"],"Memberships":[]}"#,
            "it does not record server \"i-a\"",
        ),
    ] {
        write_config(&path, content);
        slbctl_against(home.path(), &server)
            .args(["standby", "exit", "--state-file", path.to_str().unwrap(), "i-a"])
            .assert()
            .code(3)
            .stderr(predicate::str::contains(says));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        write_config(&path, r#"{"Version":1,"Region":"cn-hangzhou","Servers":["i-a"],"Memberships":[]}"#);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
        slbctl_against(home.path(), &server)
            .args(["standby", "show", "--state-file", path.to_str().unwrap()])
            .assert()
            .code(3)
            .stderr(predicate::str::contains("writable by group or others"));
    }
    slbctl_against(home.path(), &server)
        .args(["standby", "enter", "--concurrency", "0", "i-a"])
        .assert()
        .code(2);
    slbctl_against(home.path(), &server).args(["standby", "enter", "i-a:80"]).assert().code(2);
    assert!(server.requests()[setup..].iter().all(|r| is_read(r.param("Action").unwrap())));
}

#[cfg(unix)]
#[test]
fn a_second_run_for_the_same_server_waits_its_turn_or_fails() {
    use std::os::fd::AsRawFd;
    let home = tempfile::tempdir().unwrap();
    let server = region();
    let lock = state_file(home.path()).with_extension("lock");
    std::fs::create_dir_all(lock.parent().unwrap()).unwrap();
    let held = std::fs::File::create(&lock).unwrap();
    // SAFETY: a valid descriptor; the lock goes with it.
    assert_eq!(unsafe { libc::flock(held.as_raw_fd(), libc::LOCK_EX) }, 0);
    slbctl_against(home.path(), &server)
        .args(["standby", "enter", "i-a"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("another `slbctl standby` is working on"));
    drop(held);
}

#[test]
fn min_healthy_counts_healthy_members_per_group() {
    use crate::support::fake_slb::Script;
    let home = tempfile::tempdir().unwrap();
    let server = region();
    // rsp-web keeps only i-b:8080 once i-a leaves; make i-b unhealthy.
    server.set_health("lb-1", "i-b", Script::Abnormal);
    slbctl_against(home.path(), &server)
        .args(["standby", "enter", "--min-healthy", "1", "i-a"])
        .assert()
        .code(7)
        .stderr(predicate::str::contains(
            "group default of lb-1 would keep 0 members normal on every listener",
        ));
    assert!(!state_file(home.path()).exists());
    server.set_health("lb-1", "i-b", Script::Normal);
    slbctl_against(home.path(), &server)
        .args(["standby", "enter", "--min-healthy", "1", "--lb", "lb-1", "i-a"])
        .assert()
        .success();
}

#[test]
fn a_master_slave_group_holding_the_server_is_named_and_left_alone() {
    let home = tempfile::tempdir().unwrap();
    let server = region();
    // lb-3 does not hold i-a in any group it handles, only in a master-slave group;
    // lb-2 has a master-slave group of other servers.
    server.add_master_slave_group("lb-3", "rsp-ms1", "i-a:80", "i-b:80");
    server.add_master_slave_group("lb-2", "rsp-ms2", "i-c:80", "i-b:80");
    let out = slbctl_against(home.path(), &server)
        .args(["-v", "standby", "enter", "--dry-run", "i-a"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning:")).collect();
    assert_eq!(
        warnings,
        [
            "slbctl: warning: i-a is in master-slave server group rsp-ms1 of lb-3: standby does not handle master-slave groups, so it stays in rotation there"
        ],
        "{stderr}"
    );
    assert!(stderr.contains("lb-2 has master-slave server group rsp-ms2"), "-v names every one: {stderr}");
    assert_eq!(server.requests_of("DescribeMasterSlaveServerGroups").len(), 4, "one read per load balancer");
    assert_eq!(server.requests_of("DescribeMasterSlaveServerGroupAttribute").len(), 2);
}
