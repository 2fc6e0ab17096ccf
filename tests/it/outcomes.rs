//! Outputs that say exactly what happened (issue 21): a member already there is not
//! "added", a typo is not "set", a wait that can never end fails early, a group of
//! another load balancer is refused, usage errors are one line, and errors name where
//! the region and the key came from.

use predicates::prelude::*;

use crate::support::fake_slb::FakeSlb;
use crate::support::*;

fn server() -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-web", "cn-hangzhou", &["i-web1", "i-web2", "i-web3", "i-web4"]);
    server.add_lb("lb-api", "cn-hangzhou", &["i-api1"]);
    server.add_vserver_group("lb-web", "rsp-web", &["i-web3:8080", "i-web1:8080"], &["8080/http"]);
    server
}

#[test]
fn adding_a_drained_member_says_it_stays_drained_and_does_not_claim_it_serves() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    slbctl_against(home.path(), &server)
        .args(["-q", "backends", "set-weight", "--lb", "lb-web", "--weight", "0", "i-web4"])
        .assert()
        .success();
    slbctl_against(home.path(), &server)
        .args(["backends", "add", "--lb", "lb-web", "--wait-healthy", "i-web4"])
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "server \"i-web4\" is already a member of lb-web at weight 0; weight unchanged: use set-weight",
        ))
        .stderr(predicate::str::contains("healthy").not())
        .stdout(predicate::str::contains("lb-web: nothing added"));
    assert!(server.requests_of("AddBackendServers").is_empty());
    assert_eq!(server.weights("lb-web")[3], ("i-web4".to_owned(), 0));
    slbctl_against(home.path(), &server)
        .args(["backends", "add", "--lb", "lb-web", "--strict", "i-web4", "i-new"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("1 server already a member of lb-web (--strict): i-web4"))
        .stdout(predicate::str::contains("1 server added at weight 100"));
    // A weight-0 member is never reported as serving.
    slbctl_against(home.path(), &server)
        .args(["backends", "wait", "--lb", "lb-web", "--until", "healthy", "--wait-timeout", "3", "i-web4"])
        .assert()
        .code(8)
        .stderr(predicate::str::contains("weight 0 (takes no traffic)"));
}

#[test]
fn waits_that_can_never_end_fail_early() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    for until in ["healthy", "drained"] {
        slbctl_against(home.path(), &server)
            .args(["backends", "wait", "--lb", "lb-web", "--until", until, "i-web9"])
            .assert()
            .code(4)
            .stderr(predicate::str::contains(
                "i-web9 not a member of lb-web (4 members in it) on any poll for 15 s",
            ));
    }
    slbctl_against(home.path(), &server)
        .args(["backends", "wait", "--lb", "lb-web", "--until", "healthy", "--listener", "81", "i-web1"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("lb-web has no listener 81; its listeners: "));
    // A wait shorter than the grace fails at its end, not at the timeout's exit 8.
    slbctl_against(home.path(), &server)
        .args(["backends", "wait", "--lb", "lb-web", "--until", "drained", "--wait-timeout", "2", "i-web9"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("on any poll for 2 s"));
}

#[test]
fn a_vserver_group_of_another_load_balancer_is_refused_before_any_change() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    for args in [
        vec!["backends", "remove", "--lb", "lb-api", "--vserver-group", "rsp-web", "i-web3:8080"],
        vec!["backends", "add", "--lb", "lb-api", "--vserver-group", "rsp-web", "i-web2:8080"],
        vec![
            "backends",
            "set-weight",
            "--lb",
            "lb-api",
            "--vserver-group",
            "rsp-web",
            "--weight",
            "5",
            "i-web3:8080",
        ],
        vec!["backends", "list", "--lb", "lb-api", "--vserver-group", "rsp-web"],
        vec![
            "backends",
            "wait",
            "--lb",
            "lb-api",
            "--vserver-group",
            "rsp-web",
            "--until",
            "removed",
            "i-web3:8080",
        ],
    ] {
        slbctl_against(home.path(), &server).args(&args).assert().code(4).stderr(predicate::str::contains(
            "vServer group rsp-web belongs to lb-web, not lb-api; nothing was changed",
        ));
    }
    assert_eq!(server.group_members("rsp-web"), ["i-web3:8080=100", "i-web1:8080=100"]);
}

#[test]
fn usage_errors_are_one_line_with_clap_s_tip_as_the_hint() {
    let home = tempfile::tempdir().unwrap();
    slbctl(home.path()).args(["backends", "remove", "--lbb", "lb-1", "i-a"]).assert().code(2).stderr(
        "slbctl: error: unexpected argument '--lbb' found\n  hint: a similar argument exists: '--lb'\n",
    );
    slbctl(home.path())
        .args(["-o", "jsno", "backends", "list", "--lb", "lb-1"])
        .assert()
        .code(2)
        .stderr("slbctl: error: invalid value 'jsno' for '--output <FORMAT>' [possible values: table, json, text]\n  hint: a similar value exists: 'json'\n");
    let out = slbctl(home.path())
        .args(["-o", "json", "backends", "remove", "--weight", "1"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["kind"], "usage");
}

#[test]
fn the_region_and_a_refused_key_say_where_they_came_from() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    slbctl_against(home.path(), &server)
        .env_remove("ALIBABA_CLOUD_REGION_ID")
        .env("ALICLOUD_REGION", "cn-hangzhou")
        .args(["-v", "backends", "list", "--lb", "lb-web"])
        .assert()
        .success()
        .stderr(predicate::str::contains("region cn-hangzhou (environment variable ALICLOUD_REGION)"));
    slbctl(home.path())
        .envs(KEY_ENV)
        .args(["backends", "list", "--lb", "lb-web"])
        .assert()
        .code(3)
        .stderr(predicate::str::contains("ALICLOUD_REGION_ID, ALICLOUD_REGION and"));
    slbctl_against(home.path(), &server)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "wrong")
        .args(["backends", "list", "--lb", "lb-web"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("SignatureDoesNotMatch"))
        .stderr(predicate::str::contains(
            "(access key LTAI****wxyz from environment variable ALIBABA_CLOUD_ACCESS_KEY_ID)",
        ));
}

#[test]
fn a_change_lost_on_the_network_says_its_outcome_is_unknown() {
    use crate::support::fake_slb::Fault;
    let home = tempfile::tempdir().unwrap();
    let server = server();
    // Applied, but the answer never arrives, on every attempt.
    server.inject(Fault::DropAnswer, 4);
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-web", "i-web1"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains(
            "the outcome of the change is unknown, and it may have been applied",
        ))
        .stderr(predicate::str::contains("hint: to see the state, run: slbctl backends list --lb lb-web"));
    assert!(!server.backends("lb-web").contains(&"i-web1".to_owned()), "it was applied");
    // A read lost the same way is a plain network failure.
    server.inject(Fault::Drop, 4);
    slbctl_against(home.path(), &server)
        .args(["backends", "list", "--lb", "lb-web"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("unknown").not());
}

#[test]
fn ctrl_c_during_a_batch_says_what_is_done_and_how_to_finish() {
    use std::os::unix::process::CommandExt;
    let home = tempfile::tempdir().unwrap();
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    let fleet: Vec<String> = (1..=45).map(|n| format!("i-{n:02}")).collect();
    let refs: Vec<&str> = fleet.iter().map(String::as_str).collect();
    server.add_lb("lb-1", "cn-hangzhou", &refs);
    server.set_latency(std::time::Duration::from_millis(300));
    let child = slbctl_std_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--batch"])
        .args(&fleet)
        .process_group(0)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while server.requests_of("RemoveBackendServers").is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    std::thread::sleep(std::time::Duration::from_millis(450));
    assert!(
        std::process::Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("of 45 servers removed ("), "{stderr}");
    assert!(
        stderr.contains("may or may not have been applied); to finish: slbctl backends remove --lb lb-1 "),
        "{stderr}"
    );
    let finish = stderr.split("to finish: ").nth(1).unwrap().lines().next().unwrap().to_owned();
    server.set_latency(std::time::Duration::ZERO);
    let args: Vec<&str> = finish.split_whitespace().skip(1).collect();
    slbctl_against(home.path(), &server).args(&args).assert().success();
    assert!(server.backends("lb-1").is_empty(), "the printed command finished the job");
}

#[test]
fn guards_hold_at_the_change_and_a_broken_guard_is_undone() {
    use crate::support::fake_slb::Fault;
    let home = tempfile::tempdir().unwrap();
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-1", "i-2", "i-3"]);
    // Our removal is slow to answer; meanwhile another deployer removes i-2.
    server.inject_on_call("RemoveBackendServers", 1, Fault::Delay(std::time::Duration::from_millis(800)));
    let child = slbctl_std_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--min-remaining", "2", "i-1"])
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while server.arrivals() < 2 && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    slbctl_against(home.path(), &server)
        .args(["-q", "backends", "remove", "--lb", "lb-1", "i-2"])
        .assert()
        .success();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(
        stderr.contains(
            "changed, then undone: after the removal, only 1 backend remains, fewer than --min-remaining 2"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("put back at its weight (i-1)"), "{stderr}");
    let mut left = server.backends("lb-1");
    left.sort();
    assert_eq!(left, ["i-1", "i-3"]);
}

#[test]
fn two_guarded_deployers_at_once_never_leave_fewer_than_the_guard() {
    for _ in 0..3 {
        let server = FakeSlb::start();
        server.add_key(KEY_ID, SECRET, None);
        server.add_lb("lb-1", "cn-hangzhou", &["i-1", "i-2", "i-3"]);
        server.set_configuring_window(std::time::Duration::from_millis(300));
        let homes: Vec<_> = (0..2).map(|_| tempfile::tempdir().unwrap()).collect();
        let children: Vec<_> = ["i-1", "i-2"]
            .iter()
            .zip(&homes)
            .map(|(id, home)| {
                slbctl_std_against(home.path(), &server)
                    .args(["-q", "backends", "remove", "--lb", "lb-1", "--min-remaining", "2", id])
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let codes: Vec<Option<i32>> =
            children.into_iter().map(|c| c.wait_with_output().unwrap().status.code()).collect();
        assert!(codes.iter().all(|c| matches!(c, Some(0) | Some(7))), "{codes:?}");
        assert!(server.backends("lb-1").len() >= 2, "{:?} left, codes {codes:?}", server.backends("lb-1"));
    }
}

#[test]
fn a_dry_run_reads_the_ports_of_a_bare_id_and_shows_the_real_request() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.add_vserver_group("lb-web", "rsp-two", &["i-web2:8080", "i-web2:8081"], &["8080/http"]);
    let out = slbctl_against(home.path(), &server)
        .args([
            "--output",
            "json",
            "backends",
            "remove",
            "--lb",
            "lb-web",
            "--vserver-group",
            "rsp-two",
            "--dry-run",
            "i-web2",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let sent: serde_json::Value =
        serde_json::from_str(json["parameters"]["BackendServers"].as_str().unwrap()).unwrap();
    let ports: Vec<u64> = sent.as_array().unwrap().iter().map(|m| m["Port"].as_u64().unwrap()).collect();
    assert_eq!(ports, [8080, 8081], "the request that would really be sent");
    assert!(
        server.requests().iter().all(|r| r.param("Action").unwrap().starts_with("Describe")),
        "reads only"
    );
    // ALB: the group found from the listeners, the bare id's ports from the members.
    server.add_server_group("alb", "sgp-web", &["alb-1"], &["i-a:80", "i-a:81", "i-b:80"]);
    server.add_sg_listener("alb", "alb-1", "lsn-80", 80, "sgp-web");
    let out = slbctl_against(home.path(), &server)
        .args(["--output", "json", "backends", "remove", "--lb", "alb-1", "--dry-run", "i-a"])
        .assert()
        .success()
        .get_output()
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["parameters"]["ServerGroupId"], "sgp-web");
    assert_eq!(json["parameters"]["Servers.2.Port"], "81");
    assert!(server.requests_of("RemoveServersFromServerGroup").is_empty());
    // Reads refused: the request as given, with a warning, exit 0.
    slbctl_against(home.path(), &server)
        .env("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "wrong")
        .args(["backends", "remove", "--lb", "lb-web", "--vserver-group", "rsp-two", "--dry-run", "i-web2"])
        .assert()
        .success()
        .stderr(predicate::str::contains("ports not resolved: SignatureDoesNotMatch"));
}
