//! Standby across CLB, ALB and NLB, and a way back that always works: one instance in a
//! CLB default group, a CLB vServer group (two ports), an ALB group (two ports at
//! different weights) and an NLB group, beside groups and a region that must not be
//! touched; enter and exit restore exactly, after partial failures and interrupts too.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use predicates::prelude::*;

use crate::support::fake_slb::{FakeSlb, Fault, Groupless};
use crate::support::*;

fn fleet() -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-x", "i-y"]);
    server.add_lb("lb-other", "cn-hangzhou", &["i-y"]);
    server.add_lb("lb-beijing", "cn-beijing", &["i-x"]);
    server.add_vserver_group("lb-1", "rsp-web", &["i-x:8080", "i-x:8081", "i-y:8080"], &["8080/http"]);
    server.add_server_group("alb", "sgp-alb", &["alb-1"], &["i-x:80=100", "i-x:81=30", "i-y:80"]);
    server.add_sg_listener("alb", "alb-1", "lsn-a", 80, "sgp-alb");
    server.add_server_group("alb", "sgp-alb-other", &["alb-2"], &["i-y:80"]);
    server.add_server_group("nlb", "sgp-nlb", &["nlb-1"], &["i-x:443", "i-y:443"]);
    server.add_sg_listener("nlb", "nlb-1", "lsn-n@443", 443, "sgp-nlb");
    server.set_job_time(Some(Duration::from_millis(30)));
    server
}

/// Every membership and weight in the fleet, sorted.
fn snapshot(server: &FakeSlb) -> Vec<String> {
    let mut all = Vec::new();
    for lb in ["lb-1", "lb-other", "lb-beijing"] {
        all.extend(server.weights(lb).into_iter().map(|(id, w)| format!("{lb}:{id}={w}")));
    }
    all.extend(server.group_members("rsp-web").into_iter().map(|m| format!("rsp-web:{m}")));
    for group in ["sgp-alb", "sgp-alb-other", "sgp-nlb"] {
        all.extend(server.sg_members(group).into_iter().map(|m| format!("{group}:{m}")));
    }
    all.sort();
    all
}

fn holds_x(server: &FakeSlb) -> Vec<String> {
    snapshot(server).into_iter().filter(|m| m.contains(":i-x")).collect()
}

fn state_file(home: &Path) -> PathBuf {
    home.join(".local/state/slbctl/standby/cn-hangzhou/i-x.json")
}

fn run(home: &Path, server: &FakeSlb, args: &[&str]) -> assert_cmd::assert::Assert {
    slbctl_against(home, server).args(args).assert()
}

#[test]
fn enter_and_exit_cover_every_product_and_restore_exactly() {
    let home = tempfile::tempdir().unwrap();
    let server = fleet();
    let before = snapshot(&server);
    let out = run(home.path(), &server, &["--output", "json", "standby", "enter", "i-x"])
        .success()
        .get_output()
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let products: Vec<&str> =
        report["Memberships"].as_array().unwrap().iter().map(|m| m["Product"].as_str().unwrap()).collect();
    assert_eq!(products.iter().filter(|p| **p == "clb").count(), 3, "{report}");
    assert_eq!(products.iter().filter(|p| **p == "alb").count(), 2, "{report}");
    assert_eq!(products.iter().filter(|p| **p == "nlb").count(), 1, "{report}");
    assert_eq!(holds_x(&server), ["lb-beijing:i-x=100"], "out of everything in cn-hangzhou, nothing else");
    assert_eq!(snapshot(&server).iter().filter(|m| m.contains(":i-y")).count(), 6, "others untouched");
    // One remove call per group, all of the instance's members in it.
    let alb_removes = server.requests_of("RemoveServersFromServerGroup");
    assert_eq!(alb_removes.len(), 2, "one call for the ALB group, one for the NLB group");
    let alb = alb_removes.iter().find(|r| r.param("ServerGroupId") == Some("sgp-alb")).unwrap();
    assert!(alb.param("Servers.2.Port").is_some(), "both ALB ports in one call");
    let recorded: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(state_file(home.path())).unwrap()).unwrap();
    assert_eq!(recorded["Version"], 2);
    let alb81 = recorded["Memberships"].as_array().unwrap().iter().find(|m| m["Port"] == 81).unwrap();
    assert_eq!(
        (alb81["Product"].as_str(), alb81["Weight"].as_u64(), alb81["Type"].as_str()),
        (Some("alb"), Some(30), Some("Ecs"))
    );

    run(home.path(), &server, &["--output", "text", "standby", "show"]).success().stdout(
        predicate::str::contains(
            "alb-1\tsgp-alb\ti-x\t81\t30\tstandby\tlive: absent; exit would: add at weight 30\talb",
        ),
    );
    run(home.path(), &server, &["standby", "exit", "i-x"])
        .success()
        .stdout(predicate::str::contains("6 memberships put back; out of standby"));
    assert_eq!(snapshot(&server), before, "every membership back at its weight");
    assert!(!state_file(home.path()).exists());
    let added = server.requests_of("AddServersToServerGroup");
    let alb_add = added.iter().find(|r| r.param("ServerGroupId") == Some("sgp-alb")).unwrap();
    let weights: Vec<&str> =
        ["Servers.1.Weight", "Servers.2.Weight"].iter().filter_map(|k| alb_add.param(k)).collect();
    assert!(weights.contains(&"30") && weights.contains(&"100"), "{weights:?}");
    // Twice is harmless: the instance is in rotation.
    run(home.path(), &server, &["standby", "exit", "i-x"])
        .success()
        .stderr(predicate::str::contains("i-x is not in standby"));
}

#[test]
fn the_default_never_asks_a_groupless_query_and_fast_handles_every_answer() {
    let home = tempfile::tempdir().unwrap();
    let server = fleet();
    server.set_groupless_query(Groupless::Refused);
    run(home.path(), &server, &["standby", "enter", "--dry-run", "i-x"])
        .success()
        .stdout(predicate::str::contains("dry run: 6 membership(s) in 4 group(s) would be taken out"));
    assert!(server.requests_of("ListServerGroupServers").iter().all(|r| r.param("ServerGroupId").is_some()));
    // --fast: the group-less query refused is exit 4 naming the product, nothing changed.
    run(home.path(), &server, &["standby", "enter", "--fast", "i-x"])
        .code(4)
        .stderr(predicate::str::contains("reading the ALB server groups failed"))
        .stderr(predicate::str::contains("--products"));
    server.set_groupless_query(Groupless::Full);
    let out =
        run(home.path(), &server, &["--output", "json", "standby", "enter", "--fast", "--dry-run", "i-x"])
            .success()
            .get_output()
            .clone();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let alb = report["Memberships"].as_array().unwrap().iter().filter(|m| m["Product"] == "alb").count();
    assert_eq!(alb, 2, "{report}");
    server.set_groupless_query(Groupless::Empty);
    let out =
        run(home.path(), &server, &["--output", "json", "standby", "enter", "--fast", "--dry-run", "i-x"])
            .success()
            .get_output()
            .clone();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        report["Memberships"].as_array().unwrap().iter().all(|m| m["Product"] == "clb"),
        "an empty answer finds nothing: {report}"
    );
    assert!(
        server.requests_of("RemoveServersFromServerGroup").is_empty()
            && server.requests_of("RemoveBackendServers").is_empty()
    );
}

#[test]
fn refused_reads_of_a_product_stop_before_any_change_and_products_narrows() {
    let home = tempfile::tempdir().unwrap();
    let server = fleet();
    server.inject_on_call(
        "ListServerGroups",
        1,
        Fault::ApiError { status: 403, code: "Forbidden.NoPermission".into() },
    );
    run(home.path(), &server, &["--retries", "0", "standby", "enter", "i-x"])
        .code(4)
        .stderr(predicate::str::contains("Forbidden.NoPermission"))
        .stderr(predicate::str::contains("leave it out with --products"));
    assert_eq!(holds_x(&server).len(), 7, "nothing changed");
    assert!(!state_file(home.path()).exists());
    run(home.path(), &server, &["standby", "enter", "--products", "clb,nlb", "i-x"]).success();
    let left: Vec<String> = holds_x(&server);
    assert_eq!(
        left,
        ["lb-beijing:i-x=100", "sgp-alb:i-x:80=100", "sgp-alb:i-x:81=30"],
        "ALB left out as asked"
    );
}

#[test]
fn a_refused_nlb_remove_is_partial_and_exit_restores_everything_and_removes_the_record() {
    let home = tempfile::tempdir().unwrap();
    let server = fleet();
    let before = snapshot(&server);
    // The NLB group's remove is refused for good (--retries 0, a non-busy code).
    server.inject_on_call(
        "RemoveServersFromServerGroup",
        2,
        Fault::ApiError { status: 400, code: "OperationDenied.Test".into() },
    );
    server.inject_on_call(
        "RemoveServersFromServerGroup",
        1,
        Fault::ApiError { status: 400, code: "OperationDenied.Test".into() },
    );
    let out = run(home.path(), &server, &["--retries", "0", "standby", "enter", "--concurrency", "1", "i-x"])
        .code(6)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("OperationDenied.Test"), "{stderr}");
    assert!(stderr.contains("to finish, run: slbctl --retries 0 standby enter i-x"), "{stderr}");
    assert!(state_file(home.path()).exists());
    run(home.path(), &server, &["standby", "exit", "i-x"]).success();
    assert_eq!(snapshot(&server), before);
    assert!(!state_file(home.path()).exists(), "everything is back: no stale record");
}

#[test]
fn found_nowhere_is_an_error_and_stdin_and_addresses_work() {
    let home = tempfile::tempdir().unwrap();
    let server = fleet();
    run(home.path(), &server, &["standby", "enter", "i-typo"])
        .code(4)
        .stderr(predicate::str::contains("i-typo is in no load balancer or server group of cn-hangzhou"));
    run(home.path(), &server, &["standby", "enter", "--fast", "--products", "clb", "i-only-vserver"])
        .code(4)
        .stderr(predicate::str::contains("--fast can see"));
    // `-` reads ids from stdin.
    slbctl_against(home.path(), &server)
        .args(["standby", "enter", "--dry-run", "-"])
        .write_stdin("i-x\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("6 membership(s)"));
    // A member registered by address (an Ip group) is found with ID@IP.
    server.add_server_group("nlb", "sgp-ip", &["nlb-1"], &["10.0.0.9:8443"]);
    let out =
        run(home.path(), &server, &["--output", "json", "standby", "enter", "--dry-run", "i-x@10.0.0.9"])
            .success()
            .get_output()
            .clone();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        report["Memberships"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["ServerId"] == "10.0.0.9" && m["Group"] == "sgp-ip"),
        "{report}"
    );
    assert_eq!(changes(&server), 0);
}

fn changes(server: &FakeSlb) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| {
            let a = r.param("Action").unwrap_or("");
            a.starts_with("Remove") || a.starts_with("Add") || a.starts_with("Set") || a.starts_with("Update")
        })
        .count()
}

#[test]
fn exit_without_a_record_names_the_regions_that_have_one() {
    let home = tempfile::tempdir().unwrap();
    let server = fleet();
    // In standby in cn-beijing (its only membership there); exit asked in cn-hangzhou
    // for an instance that is in nothing there.
    server.add_lb("lb-bj2", "cn-beijing", &["i-z"]);
    run(home.path(), &server, &["--region", "cn-beijing", "standby", "enter", "i-z"]).success();
    run(home.path(), &server, &["standby", "exit", "i-z"])
        .code(4)
        .stderr(predicate::str::contains("i-z has no standby record in cn-hangzhou"))
        .stderr(predicate::str::contains("a standby record for it exists in cn-beijing"));
    run(home.path(), &server, &["--region", "cn-beijing", "standby", "exit", "i-z"]).success();
    assert_eq!(server.backends("lb-bj2"), ["i-z"]);
}

#[test]
fn a_version_1_record_is_read_and_rewritten_as_version_2() {
    let home = tempfile::tempdir().unwrap();
    let server = fleet();
    run(home.path(), &server, &["-q", "backends", "remove", "--lb", "lb-1", "i-x"]).success();
    let path = state_file(home.path());
    write_config(
        &path,
        r#"{"Version":1,"Region":"cn-hangzhou","Servers":["i-x"],"Memberships":[{"LoadBalancerId":"lb-1","ServerId":"i-x","Weight":100,"Type":"ecs","Removed":true}]}"#,
    );
    run(home.path(), &server, &["standby", "show", "i-x"])
        .success()
        .stdout(predicate::str::contains("add at weight 100"));
    // enter takes out the rest and rewrites the record as version 2.
    run(home.path(), &server, &["standby", "enter", "--products", "clb", "i-x"]).success();
    let recorded: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(recorded["Version"], 2);
    assert_eq!(recorded["Memberships"].as_array().unwrap().len(), 3);
    run(home.path(), &server, &["standby", "exit", "i-x"]).success();
    assert_eq!(server.weights("lb-1").iter().filter(|(id, _)| id == "i-x").count(), 1);
}

/// Start `standby …` in its own process group, wait until `ready` holds, interrupt it
/// with SIGINT, and return its stderr.
fn interrupt_when(home: &Path, server: &FakeSlb, args: &[&str], ready: &dyn Fn(&str) -> bool) -> String {
    use std::io::Read;
    let mut cmd = slbctl_std_against(home, server);
    let mut child = cmd
        .args(args)
        .process_group(0)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // stderr as it comes, so that `ready` can wait for what slbctl says too.
    let said = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let mut pipe = child.stderr.take().unwrap();
    let reader = {
        let said = said.clone();
        std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = pipe.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                said.lock().unwrap().push_str(&String::from_utf8_lossy(&chunk[..n]));
            }
        })
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while !ready(&said.lock().unwrap()) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    // The last jobs are done in the fake: a moment more and slbctl has seen it.
    std::thread::sleep(Duration::from_millis(400));
    assert!(Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap().success());
    child.wait().unwrap();
    reader.join().unwrap();
    said.lock().unwrap().clone()
}

/// The printed command after `label`, run as the user would (through a shell).
fn printed(stderr: &str, label: &str) -> String {
    let start = stderr.find(label).unwrap_or_else(|| panic!("no {label:?} in {stderr}")) + label.len();
    let rest = &stderr[start..];
    let end = rest.find(';').or_else(|| rest.find('\n')).unwrap_or(rest.len());
    rest[..end].trim().to_owned()
}

fn run_printed(home: &Path, server: &FakeSlb, command: &str) {
    let bin = assert_cmd::cargo::cargo_bin("slbctl");
    let mut shell = Command::new("bash");
    shell.env_clear();
    for (name, value) in slbctl_std_against(home, server).get_envs() {
        if let Some(value) = value {
            shell.env(name, value);
        }
    }
    let dir = bin.parent().unwrap().display().to_string();
    let out = shell.env("PATH", format!("{dir}:/usr/bin:/bin")).args(["-c", command]).output().unwrap();
    assert!(out.status.success(), "{command}: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn ctrl_c_during_the_drain_wait_then_exit_restores_the_weights() {
    let home = tempfile::tempdir().unwrap();
    let server = fleet();
    let before = snapshot(&server);
    // Until the drain's wait has begun (slbctl says so), every weight at 0.
    let stderr =
        interrupt_when(home.path(), &server, &["standby", "enter", "--drain", "60", "i-x"], &|said| {
            said.contains("draining for 60 s")
                && server.requests_of("SetBackendServers").len()
                    + server.requests_of("SetVServerGroupAttribute").len()
                    >= 2
                && server.requests_of("UpdateServerGroupServersAttribute").len() >= 2
                && server.sg_member_states("sgp-alb").iter().any(|m| m == "i-x:80=0/Available")
                && server.sg_member_states("sgp-alb").iter().any(|m| m == "i-x:81=0/Available")
                && server.sg_member_states("sgp-nlb").iter().any(|m| m == "i-x:443=0/Available")
        });
    assert!(stderr.contains("drained to weight 0, still members"), "{stderr}");
    assert!(
        server.requests_of("RemoveServersFromServerGroup").is_empty()
            && server.requests_of("RemoveBackendServers").is_empty()
    );
    // The printed way back puts every weight back (the bug: it said "nothing left").
    let undo = printed(&stderr, "to undo: ");
    run_printed(home.path(), &server, &undo);
    assert_eq!(snapshot(&server), before);
    assert!(!state_file(home.path()).exists());
}

#[test]
fn ctrl_c_while_a_job_runs_then_finish_and_undo_both_work() {
    let home = tempfile::tempdir().unwrap();
    let server = fleet();
    let before = snapshot(&server);
    server.set_job_time(Some(Duration::from_secs(2)));
    let stderr =
        interrupt_when(home.path(), &server, &["standby", "enter", "--products", "alb", "i-x"], &|_| {
            !server.requests_of("ListAsynJobs").is_empty()
        });
    assert!(stderr.contains("a job may be in flight"), "{stderr}");
    let recorded = std::fs::read_to_string(state_file(home.path())).unwrap();
    assert!(recorded.contains("PendingJob"), "the job in flight is recorded: {recorded}");
    server.set_job_time(Some(Duration::from_millis(30)));
    // Finishing first (waits for the job, finds nothing left), then undoing.
    let finish = printed(&stderr, "to finish: ");
    run_printed(home.path(), &server, &finish);
    assert_eq!(holds_x(&server).iter().filter(|m| m.starts_with("sgp-alb")).count(), 0);
    let undo = printed(&stderr, "to undo: ");
    run_printed(home.path(), &server, &undo);
    assert_eq!(snapshot(&server), before);
}

#[test]
fn ctrl_c_while_putting_back_then_exit_again_finishes() {
    let home = tempfile::tempdir().unwrap();
    let server = fleet();
    let before = snapshot(&server);
    run(home.path(), &server, &["standby", "enter", "i-x"]).success();
    server.set_job_time(Some(Duration::from_secs(2)));
    let stderr = interrupt_when(home.path(), &server, &["standby", "exit", "i-x"], &|_| {
        !server.requests_of("AddServersToServerGroup").is_empty()
    });
    assert!(stderr.contains("putting memberships back"), "{stderr}");
    server.set_job_time(Some(Duration::from_millis(30)));
    let finish = printed(&stderr, "to finish: ");
    run_printed(home.path(), &server, &finish);
    assert_eq!(snapshot(&server), before);
    assert!(!state_file(home.path()).exists());
}

#[test]
fn a_weight_changed_by_someone_else_is_warned_about_not_overwritten() {
    let home = tempfile::tempdir().unwrap();
    let server = fleet();
    let stderr = interrupt_when(
        home.path(),
        &server,
        &["standby", "enter", "--products", "alb", "--drain", "60", "i-x"],
        &|said| {
            said.contains("draining for 60 s")
                && server
                    .sg_members("sgp-alb")
                    .iter()
                    .filter(|m| m.starts_with("i-x") && m.ends_with("=0"))
                    .count()
                    == 2
        },
    );
    assert!(stderr.contains("drained"), "{stderr}");
    // Someone sets i-x:81 to 50 meanwhile.
    run(home.path(), &server, &["-q", "backends", "set-weight", "--lb", "alb-1", "--weight", "50", "i-x:81"])
        .success();
    run(home.path(), &server, &["standby", "exit", "i-x"]).success().stderr(predicate::str::contains(
        "is at weight 50, not the recorded 30: someone else changed it; left as it is",
    ));
    let mut alb = server.sg_members("sgp-alb");
    alb.sort();
    assert_eq!(alb, ["i-x:80=100", "i-x:81=50", "i-y:80=100"]);
}

#[test]
fn one_server_found_nowhere_stops_the_whole_enter() {
    let home = tempfile::tempdir().unwrap();
    let server = fleet();
    let before = snapshot(&server);
    run(home.path(), &server, &["standby", "enter", "i-x", "i-typo"])
        .code(4)
        .stderr(predicate::str::contains("i-typo is in no load balancer or server group of cn-hangzhou"));
    assert_eq!(snapshot(&server), before, "nothing changed for i-x either");
}

#[test]
fn the_endpoint_flag_is_clb_s_in_standby() {
    let home = tempfile::tempdir().unwrap();
    let server = fleet();
    let url = server.url();
    // ALB's own variable points nowhere: the flag does not stand in for it.
    slbctl_against(home.path(), &server)
        .env("SLBCTL_ALB_ENDPOINT", CLOSED_PORT_URL)
        .args(["--endpoint", &url, "--retries", "0", "standby", "enter", "--dry-run", "i-x"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("127.0.0.1:9"));
    slbctl_against(home.path(), &server)
        .env("SLBCTL_ALB_ENDPOINT", CLOSED_PORT_URL)
        .args(["--endpoint", &url, "standby", "enter", "--dry-run", "--products", "clb,nlb", "i-x"])
        .assert()
        .success();
}
