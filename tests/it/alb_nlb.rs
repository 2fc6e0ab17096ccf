//! ALB and NLB server groups under the backends commands, against the fake: routing by
//! id prefix, local validation, membership read first, jobs awaited (failed, never
//! ending, forgotten), idempotent retries, busy groups, batches, drain, health, lists.

use std::time::Duration;

use predicates::prelude::*;

use crate::support::fake_slb::{FakeSlb, Fault};
use crate::support::*;

/// An ALB `alb-1` with group `sgp-web` (three members, port 80) behind listener
/// `lsn-80` and group `sgp-api` (one member) used by no listener of alb-1; an NLB
/// `nlb-1` with `sgp-tcp` behind `lsn-n@443`. Jobs take 40 ms.
fn server() -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_server_group("alb", "sgp-web", &["alb-1"], &["i-a:80", "i-b:80", "i-c:80"]);
    server.add_sg_listener("alb", "alb-1", "lsn-80", 80, "sgp-web");
    server.add_server_group("alb", "sgp-api", &["alb-2"], &["i-d:8080"]);
    server.add_sg_listener("alb", "alb-2", "lsn-2", 80, "sgp-api");
    server.add_server_group("nlb", "sgp-tcp", &["nlb-1"], &["i-a:443", "i-b:443"]);
    server.add_sg_listener("nlb", "nlb-1", "lsn-n@443", 443, "sgp-tcp");
    server.set_job_time(Some(Duration::from_millis(40)));
    server
}

/// slbctl with every product's endpoint at the fake.
fn slbctl_at(home: &std::path::Path, server: &FakeSlb) -> assert_cmd::Command {
    let mut cmd = slbctl_against(home, server);
    cmd.env("SLBCTL_ALB_ENDPOINT", server.url()).env("SLBCTL_NLB_ENDPOINT", server.url());
    cmd
}

/// [`slbctl_at`], as a std command (to spawn and wait on).
fn slbctl_std_at(home: &std::path::Path, server: &FakeSlb) -> std::process::Command {
    let mut cmd = slbctl_std_against(home, server);
    cmd.env("SLBCTL_ALB_ENDPOINT", server.url()).env("SLBCTL_NLB_ENDPOINT", server.url());
    cmd
}

fn stdout_json(out: &std::process::Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn changes(server: &FakeSlb) -> usize {
    ["RemoveServersFromServerGroup", "AddServersToServerGroup", "UpdateServerGroupServersAttribute"]
        .iter()
        .map(|a| server.requests_of(a).len())
        .sum()
}

#[test]
fn alb_remove_finds_the_group_waits_for_the_job_and_shows_the_members_after() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let out = slbctl_at(home.path(), &server)
        .args(["-v", "--output", "json", "backends", "remove", "--lb", "alb-1", "i-a:80"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("using server group sgp-web"), "{stderr}");
    assert_eq!(server.sg_members("sgp-web"), ["i-b:80=100", "i-c:80=100"]);
    let json = stdout_json(&out);
    assert_eq!(json["Product"], "ALB");
    assert_eq!(json["LoadBalancerId"], "alb-1");
    assert_eq!(json["ServerGroupId"], "sgp-web");
    assert_eq!(json["JobIds"].as_array().unwrap().len(), 1);
    let servers: Vec<&str> =
        json["Servers"].as_array().unwrap().iter().map(|s| s["ServerId"].as_str().unwrap()).collect();
    assert_eq!(servers, ["i-b", "i-c"], "the members after the job, not during it");

    let sent = &server.requests_of("RemoveServersFromServerGroup")[0];
    assert_eq!(sent.param("ServerGroupId"), Some("sgp-web"));
    assert_eq!(sent.param("Servers.1.ServerId"), Some("i-a"));
    assert_eq!(sent.param("Servers.1.ServerType"), Some("Ecs"));
    assert_eq!(sent.param("Servers.1.Port"), Some("80"));
    assert_eq!(sent.param("RegionId"), Some("cn-hangzhou"));
    assert!(sent.param("ClientToken").is_some_and(|t| t.len() == 36));
    assert!(sent.body.is_empty(), "ALB's remove is all query: {:?}", sent.body);
    let job = json["JobIds"][0].as_str().unwrap();
    let polls = server.requests_of("ListAsynJobs");
    assert!(!polls.is_empty() && polls.iter().all(|p| p.param("JobIds.1") == Some(job)));
    // The members were read first (to find ports and members), and after.
    assert!(server.requests_of("ListServerGroupServers").len() >= 2);
}

#[test]
fn nlb_changes_go_in_the_form_body_and_its_lower_case_processing_is_understood() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.set_job_time(Some(Duration::from_millis(150)));
    slbctl_at(home.path(), &server)
        .args(["backends", "set-weight", "--lb", "nlb-1", "--weight", "30", "i-a"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "weight of 1 member in server group sgp-tcp (sgp-tcp-name) of nlb-1 set to 30",
        ));
    assert_eq!(server.sg_members("sgp-tcp"), ["i-a:443=30", "i-b:443=100"]);
    let sent = &server.requests_of("UpdateServerGroupServersAttribute")[0];
    for name in [
        "ServerGroupId",
        "ClientToken",
        "Servers.1.ServerId",
        "Servers.1.ServerType",
        "Servers.1.Port",
        "Servers.1.Weight",
    ] {
        assert!(sent.body.iter().any(|b| b == name), "{name} not in the body: {:?}", sent.body);
    }
    assert!(!sent.body.iter().any(|b| b == "Action" || b == "Signature"), "{:?}", sent.body);
    assert!(server.requests_of("GetJobStatus").len() >= 2, "polled while `processing`");
    let listed = &server.requests_of("ListServerGroupServers")[0];
    assert!(listed.body.iter().any(|b| b == "ServerGroupId"), "NLB's listing is in the body too");
}

#[test]
fn the_product_comes_from_the_id_and_contradictions_are_usage_errors() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    for (args, says) in [
        (vec!["backends", "remove", "--lb", "nlb-1", "--product", "alb", "i-a:80"], "contradicts"),
        (
            vec!["backends", "remove", "--lb", "alb-1", "--vserver-group", "rsp-1", "i-a:80"],
            "--vserver-group is CLB's",
        ),
        (vec!["backends", "remove", "--lb", "alb-1", "i-a:0"], "outside 1-65535"),
        (vec!["backends", "remove", "--lb", "alb-1", "--port", "0", "i-a"], "--port"),
        (vec!["backends", "remove", "--lb", "nlb-1", "acs:fc:cn-hangzhou:1:functions/f"], "only ALB"),
        (vec!["backends", "add", "--lb", "alb-1", "i-z"], "needs a port"),
        (
            vec!["backends", "add", "--lb", "alb-1", "--weight", "5", "acs:fc:cn-hangzhou:1:functions/f"],
            "takes no weight",
        ),
        (vec!["backends", "remove", "--lb", "alb-1", "--no-wait", "--drain", "5", "i-a:80"], "--no-wait"),
        (vec!["backends", "add", "--lb", "alb-1", "--no-wait", "--wait-healthy", "i-a:80"], "--no-wait"),
        (vec!["backends", "remove", "--lb", "lb-1", "--type", "ip", "10.0.0.1"], "CLB takes ecs"),
        (vec!["backends", "remove", "--lb", "alb-1", "2001:db8::1:80"], "in brackets"),
    ] {
        slbctl_at(home.path(), &server).args(&args).assert().code(2).stderr(predicate::str::contains(says));
    }
    // `--server-group` alone names no product.
    slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--server-group", "sgp-web", "i-a:80"])
        .assert()
        .code(2);
    server.assert_requests(0);
}

#[test]
fn more_members_than_a_call_takes_need_batch_and_are_then_split() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let many: Vec<String> = (0..201).map(|n| format!("i-{n}:80")).collect();
    let mut args = vec!["backends", "remove", "--lb", "alb-1"];
    args.extend(many.iter().map(String::as_str));
    slbctl_at(home.path(), &server)
        .args(&args)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at most 200"));
    server.assert_requests(0);

    // ALB weight updates take 40: 45 members are two calls with --batch.
    let members: Vec<String> = (0..45).map(|n| format!("i-{n}:80")).collect();
    let refs: Vec<&str> = members.iter().map(String::as_str).collect();
    server.add_server_group("alb", "sgp-big", &["alb-9"], &refs);
    let mut args =
        vec!["backends", "set-weight", "--lb", "alb-9", "--server-group", "sgp-big", "--weight", "0"];
    args.extend(refs.iter().copied());
    slbctl_at(home.path(), &server)
        .args(&args)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("at most 40"));
    args.push("--batch");
    slbctl_at(home.path(), &server).args(&args).assert().success();
    let calls = server.requests_of("UpdateServerGroupServersAttribute");
    assert_eq!(calls.len(), 2);
    assert!(
        calls[0].param("Servers.40.ServerId").is_some() && calls[0].param("Servers.41.ServerId").is_none()
    );
    assert!(server.sg_members("sgp-big").iter().all(|m| m.ends_with("=0")));
}

#[test]
fn a_failed_second_job_of_a_batch_is_partial_with_the_command_that_finishes() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let members: Vec<String> = (0..45).map(|n| format!("i-{n}:80")).collect();
    let refs: Vec<&str> = members.iter().map(String::as_str).collect();
    server.add_server_group("alb", "sgp-big", &["alb-9"], &refs);
    server.add_sg_listener("alb", "alb-9", "lsn-9", 80, "sgp-big");
    // First job succeeds, the second fails.
    let mut args = vec!["backends", "set-weight", "--lb", "alb-9", "--weight", "10", "--batch"];
    args.extend(refs.iter().copied());
    let mut cmd = slbctl_at(home.path(), &server);
    cmd.args(&args);
    server.fail_next_job_after(1, "OperationFailed.Internal", "injected");
    let out = cmd.assert().code(6).get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("OperationFailed.Internal"), "{stderr}");
    assert!(stderr.contains("to finish, run: slbctl backends set-weight --lb alb-9 --server-group sgp-big --batch --weight 10 i-40:80"), "{stderr}");
    let weights = server.sg_members("sgp-big");
    assert!(
        weights[..40].iter().all(|m| m.ends_with("=10")) && weights[40..].iter().all(|m| m.ends_with("=100")),
        "{weights:?}"
    );
}

#[test]
fn the_group_is_resolved_from_listeners_and_checked_against_the_load_balancer() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    // A group that alb-1 does not use: exit 4 naming its owner, nothing changed.
    slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "alb-1", "--server-group", "sgp-api", "i-d:8080"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("sgp-api is not used by alb-1: it belongs to alb-2"));
    // Several groups: refused, each listed (a rule's group counts; a mirror does not).
    server.add_server_group("alb", "sgp-v2", &["alb-1"], &["i-e:80"]);
    server.add_server_group("alb", "sgp-shadow", &["alb-1"], &["i-f:80"]);
    server.add_alb_rule("alb-1", "lsn-80", "rule-v2", "sgp-v2", false);
    server.add_alb_rule("alb-1", "lsn-80", "rule-mirror", "sgp-shadow", true);
    let out = slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "alb-1", "i-a:80"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("alb-1 uses 2 server groups: sgp-web (sgp-web-name), sgp-v2 (sgp-v2-name)"),
        "{stderr}"
    );
    assert!(!stderr.contains("sgp-shadow"), "{stderr}");
    assert_eq!(changes(&server), 0);
    // groups list shows who uses each.
    let out = slbctl_at(home.path(), &server)
        .args(["--output", "json", "groups", "list", "--lb", "alb-1"])
        .assert()
        .success()
        .get_output()
        .clone();
    let json = stdout_json(&out);
    let groups = json["Groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2, "{json}");
    assert_eq!(groups[0]["UsedBy"], serde_json::json!(["80/HTTP"]));
    assert_eq!(groups[1]["UsedBy"], serde_json::json!(["rule rule-v2 (80/HTTP)"]));
    assert_eq!(groups[0]["Members"], 3);
}

#[test]
fn non_members_are_not_sent_and_members_are_not_added_twice() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.set_strict_remove(true); // NLB's documented answer; ALB's is unconfirmed
    slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "alb-1", "i-typo:80"])
        .assert()
        .success()
        .stderr(predicate::str::contains("server \"i-typo:80\" is not a member of server group sgp-web"));
    slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "alb-1", "--strict", "i-typo:80", "i-a"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("1 server not a member"));
    assert_eq!(server.sg_members("sgp-web"), ["i-b:80=100", "i-c:80=100"], "the member given was removed");
    assert_eq!(server.requests_of("RemoveServersFromServerGroup").len(), 1);
    server.set_member_page_size(1); // members are read on every page
    slbctl_at(home.path(), &server)
        .args(["backends", "set-weight", "--lb", "alb-1", "--weight", "0", "i-c:80"])
        .assert()
        .success();
    slbctl_at(home.path(), &server)
        .args(["backends", "add", "--lb", "alb-1", "i-c:80", "i-new:80"])
        .assert()
        .success()
        .stderr(predicate::str::contains("i-c:80\" is already a member of server group sgp-web (sgp-web-name) of alb-1 at weight 0; not sent"))
        .stdout(predicate::str::contains("1 member added"));
    let added = &server.requests_of("AddServersToServerGroup")[0];
    assert_eq!(added.param("Servers.1.ServerId"), Some("i-new"));
    assert!(added.param("Servers.2.ServerId").is_none());
    assert!(
        added.body.iter().any(|b| b == "Servers.1.ServerId")
            && !added.body.iter().any(|b| b == "ServerGroupId"),
        "ALB add: servers in the body, the rest in the query"
    );
}

#[test]
fn a_failed_job_is_exit_4_and_a_job_that_never_ends_is_exit_8() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.fail_next_job("OperationFailed.Internal", "backend refused");
    slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "alb-1", "i-a:80"])
        .assert()
        .code(4)
        .stderr(
            predicate::str::is_match(
                "job [0-9a-f-]{36} failed \\(OperationFailed.Internal: backend refused\\)",
            )
            .unwrap(),
        )
        .stderr(predicate::str::contains("slbctl backends list --lb alb-1 --server-group sgp-web"));
    assert_eq!(server.sg_members("sgp-web").len(), 3, "the failed job changed nothing");

    server.set_job_time(None);
    let out = slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "nlb-1", "--job-timeout", "2", "i-a:443"])
        .assert()
        .code(8)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is still running after 2 s (--job-timeout); it may still complete"), "{stderr}");
    assert!(stderr.contains("slbctl backends list --lb nlb-1 --server-group sgp-tcp"), "{stderr}");
}

#[test]
fn no_wait_prints_the_job_and_backends_wait_job_waits_for_it() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.set_job_time(Some(Duration::from_millis(300)));
    let out = slbctl_at(home.path(), &server)
        .args(["--output", "text", "backends", "remove", "--lb", "alb-1", "--no-wait", "i-a:80"])
        .assert()
        .success()
        .get_output()
        .clone();
    let job = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert_eq!(job.len(), 36, "{job}");
    assert!(server.requests_of("ListAsynJobs").is_empty(), "--no-wait does not poll");
    assert!(server.sg_member_states("sgp-web").contains(&"i-a:80=100/Removing".to_owned()), "still removing");
    slbctl_at(home.path(), &server)
        .args(["--output", "text", "backends", "wait", "--lb", "alb-1", "--job", &job])
        .assert()
        .success()
        .stdout(format!("{job}\tSucceeded\n"));
    assert_eq!(server.sg_members("sgp-web").len(), 2);
    slbctl_at(home.path(), &server)
        .args(["backends", "wait", "--lb", "alb-1", "--job", "no-such-job"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("does not know job no-such-job"));
}

#[test]
fn a_lost_answer_is_retried_with_the_same_token_and_applied_once() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.inject_on_call("AddServersToServerGroup", 1, Fault::DropAnswer);
    slbctl_at(home.path(), &server).args(["backends", "add", "--lb", "nlb-1", "i-c:443"]).assert().success();
    let attempts = server.requests_of("AddServersToServerGroup");
    assert_eq!(attempts.len(), 2);
    assert_eq!(
        attempts[0].param("ClientToken"),
        attempts[1].param("ClientToken"),
        "the retry reuses the token"
    );
    assert_eq!(server.job_count(), 1, "applied once");
    assert_eq!(server.sg_members("sgp-tcp"), ["i-a:443=100", "i-b:443=100", "i-c:443=100"]);
}

#[test]
fn a_busy_group_is_waited_out_with_a_fresh_token_each_time() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.set_job_time(Some(Duration::from_millis(700)));
    // Another deployer's job is running on the group.
    slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "alb-1", "--no-wait", "i-a:80"])
        .assert()
        .success();
    slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "alb-1", "i-b:80"])
        .assert()
        .success();
    let attempts = server.requests_of("RemoveServersFromServerGroup");
    assert!(attempts.len() >= 3, "the second change met the busy group: {}", attempts.len());
    assert_eq!(attempts[1].error_code.as_deref(), Some("IncorrectStatus.ServerGroup"));
    assert_ne!(
        attempts[1].param("ClientToken"),
        attempts[2].param("ClientToken"),
        "a refused attempt's token is not reused"
    );
    assert_eq!(server.sg_members("sgp-web"), ["i-c:80=100"]);
}

#[test]
fn a_job_the_service_forgot_is_judged_by_the_members() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.forget_jobs();
    slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "nlb-1", "i-a:443"])
        .assert()
        .success();
    assert_eq!(server.sg_members("sgp-tcp"), ["i-b:443=100"]);
    // A job that never ends and is forgotten: the members do not show it: outcome unknown.
    server.set_job_time(None);
    slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "nlb-1", "--job-timeout", "2", "i-b:443"])
        .assert()
        .code(5)
        .stderr(predicate::str::contains("is unknown"))
        .stderr(predicate::str::contains("may still be applied"));
}

#[test]
fn drain_sets_weight_zero_awaits_its_job_then_removes() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "alb-1", "--drain", "1", "i-a", "i-b:80"])
        .assert()
        .success()
        .stdout(predicate::str::contains("2 members removed"));
    let weights = server.requests_of("UpdateServerGroupServersAttribute");
    assert_eq!(weights.len(), 1);
    assert_eq!(weights[0].param("Servers.1.Weight"), Some("0"));
    assert_eq!(weights[0].param("Servers.1.Port"), Some("80"), "a bare id got its port from the group");
    assert_eq!(server.sg_members("sgp-web"), ["i-c:80=100"]);
    // A weight job that fails stops the command before anything is removed.
    server.fail_next_job("X.Failed", "no");
    slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "alb-1", "--drain", "1", "i-c:80"])
        .assert()
        .code(4);
    assert_eq!(server.sg_members("sgp-web"), ["i-c:80=100"]);
    assert_eq!(server.requests_of("RemoveServersFromServerGroup").len(), 1);
}

#[test]
fn health_comes_from_the_listeners_and_weight_zero_never_counts() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.set_member_health("sgp-web", "i-n:80", &["Initial", "Unhealthy", ""]);
    slbctl_at(home.path(), &server)
        .args(["backends", "add", "--lb", "alb-1", "--wait-healthy", "i-n:80"])
        .assert()
        .success()
        .stderr(predicate::str::contains("1 member healthy"))
        .stderr(predicate::str::contains(
            "slbctl: alb-1/sgp-web i-n:80: Unhealthy (CONNECT_TIMEOUT) on 80/HTTP",
        ));
    assert!(server.requests_of("GetListenerHealthStatus").len() >= 3);
    assert_eq!(server.requests_of("GetListenerHealthStatus")[0].param("IncludeRule"), Some("true"));
    // --min-healthy: i-b is unhealthy, so removing i-a would leave 1 healthy of 2 (+ i-n).
    server.set_member_health("sgp-web", "i-b:80", &["Unhealthy"]);
    slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "alb-1", "--min-healthy", "3", "i-a:80"])
        .assert()
        .code(7)
        .stderr(predicate::str::contains("2 of the 3 members"));
    // Weight 0 takes no traffic: never healthy; the wait times out (exit 8).
    slbctl_at(home.path(), &server)
        .args(["backends", "set-weight", "--lb", "alb-1", "--weight", "0", "i-c:80"])
        .assert()
        .success();
    slbctl_at(home.path(), &server)
        .args(["backends", "wait", "--lb", "alb-1", "--until", "healthy", "--wait-timeout", "3", "i-c:80"])
        .assert()
        .code(8)
        .stderr(predicate::str::contains("weight 0"));
    // Health check off: exit 4 at once.
    server.set_group_settings("sgp-web", false, None, false);
    slbctl_at(home.path(), &server)
        .args(["backends", "wait", "--lb", "alb-1", "--until", "healthy", "i-a:80"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("health check of server group sgp-web"));
}

#[test]
fn waits_for_removed_and_drained_and_any_port_groups_take_port_zero() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    slbctl_at(home.path(), &server)
        .args(["backends", "wait", "--lb", "nlb-1", "--until", "removed", "i-z"])
        .assert()
        .success();
    slbctl_at(home.path(), &server)
        .args(["backends", "wait", "--lb", "nlb-1", "--until", "removed", "--wait-timeout", "2", "i-a"])
        .assert()
        .code(8);
    slbctl_at(home.path(), &server)
        .args(["backends", "set-weight", "--lb", "nlb-1", "--weight", "0", "i-a"])
        .assert()
        .success();
    slbctl_at(home.path(), &server)
        .args(["backends", "wait", "--lb", "nlb-1", "--until", "drained", "i-a:443"])
        .assert()
        .success();
    server.set_group_settings("sgp-tcp", true, Some(30), true);
    slbctl_at(home.path(), &server).args(["backends", "add", "--lb", "nlb-1", "i-any"]).assert().success();
    let added = server.requests_of("AddServersToServerGroup");
    assert_eq!(added[0].param("Servers.1.Port"), Some("0"));
}

#[test]
fn list_shows_every_group_in_columns_scripts_can_cut() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.add_server_group("alb", "sgp-v2", &["alb-1"], &["i-e:8080=50"]);
    server.add_alb_rule("alb-1", "lsn-80", "rule-v2", "sgp-v2", false);
    server.set_member_page_size(2);
    slbctl_at(home.path(), &server)
        .args(["--output", "text", "backends", "list", "--lb", "alb-1"])
        .assert()
        .success()
        .stdout(
            "i-a\tEcs\t100\t80\tAvailable\tsgp-web\ni-b\tEcs\t100\t80\tAvailable\tsgp-web\ni-c\tEcs\t100\t80\tAvailable\tsgp-web\ni-e\tEcs\t50\t8080\tAvailable\tsgp-v2\n",
        );
    slbctl_at(home.path(), &server)
        .args(["--output", "text", "backends", "list", "--product", "alb", "--server-group", "sgp-v2"])
        .assert()
        .success()
        .stdout("i-e\tEcs\t50\t8080\tAvailable\tsgp-v2\n");
}

#[test]
fn endpoints_are_per_product_and_a_dry_run_shows_the_body() {
    let home = tempfile::tempdir().unwrap();
    // No endpoint configured: derived from the region, and nothing is sent.
    // No credentials: the dry run cannot read (it warns), so nothing is dialled.
    let out = slbctl(home.path())
        .env_remove("SLBCTL_ALB_ENDPOINT")
        .env_remove("SLBCTL_NLB_ENDPOINT")
        .args([
            "--region",
            "cn-beijing",
            "--output",
            "json",
            "backends",
            "remove",
            "--lb",
            "nlb-1",
            "--server-group",
            "sgp-x",
            "--dry-run",
            "i-a:443",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("ports not resolved: no credentials found"));
    let json = stdout_json(&out);
    assert_eq!(json["url"], "https://nlb.cn-beijing.aliyuncs.com/");
    assert_eq!(json["parameters"]["Version"], "2022-04-30");
    assert_eq!(json["body"]["Servers.1.ServerId"], "i-a");
    assert_eq!(json["body"]["ServerGroupId"], "sgp-x");
    // No credentials: the dry run cannot read (it warns), so nothing is dialled.
    let out = slbctl(home.path())
        .env_remove("SLBCTL_ALB_ENDPOINT")
        .env_remove("SLBCTL_NLB_ENDPOINT")
        .args([
            "--region",
            "cn-beijing",
            "--endpoint-type",
            "vpc",
            "--output",
            "json",
            "backends",
            "add",
            "--product",
            "alb",
            "--server-group",
            "sgp-x",
            "--dry-run",
            "i-a:80",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(stdout_json(&out)["url"], "https://alb-vpc.cn-beijing.aliyuncs.com/");
    // SLBCTL_ENDPOINT stays CLB's; the flag applies to the product addressed.
    let server = server();
    slbctl_against(home.path(), &server)
        .args(["backends", "list", "--lb", "alb-1"])
        .env("SLBCTL_ALB_ENDPOINT", CLOSED_PORT_URL)
        .assert()
        .code(5);
    slbctl_against(home.path(), &server)
        .args(["--endpoint", &server.url(), "backends", "list", "--lb", "alb-1"])
        .env("SLBCTL_ALB_ENDPOINT", CLOSED_PORT_URL)
        .assert()
        .success();
}

#[test]
fn a_guard_does_not_count_members_another_deployer_is_removing() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.set_job_time(Some(Duration::from_millis(600)));
    slbctl_at(home.path(), &server)
        .args(["-q", "backends", "remove", "--lb", "alb-1", "--no-wait", "i-a:80"])
        .assert()
        .success();
    slbctl_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "alb-1", "--min-remaining", "2", "i-b:80"])
        .assert()
        .code(7)
        .stderr(predicate::str::contains(
            "1 of the 3 members of server group sgp-web (sgp-web-name) of alb-1 would remain",
        ));
    std::thread::sleep(Duration::from_millis(700));
    assert_eq!(server.sg_members("sgp-web"), ["i-b:80=100", "i-c:80=100"]);
}

#[test]
fn a_guarded_removal_checks_again_after_waiting_out_another_deployer_s_job() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.set_job_time(Some(Duration::from_millis(500)));
    // Another deployer's job runs on the group: our guarded removal meets the busy group,
    // waits it out itself, and checks the guard again before trying again.
    slbctl_at(home.path(), &server)
        .args(["-q", "backends", "remove", "--lb", "alb-1", "--no-wait", "i-a:80"])
        .assert()
        .success();
    std::thread::sleep(Duration::from_millis(50));
    slbctl_at(home.path(), &server)
        .args(["-v", "backends", "remove", "--lb", "alb-1", "--min-remaining", "1", "i-b:80"])
        .assert()
        .success()
        .stderr(predicate::str::contains("busy: checking the guards again"));
    assert_eq!(server.sg_members("sgp-web"), ["i-c:80=100"]);
}

/// `backends wait` works through the product-neutral group model: one command shape and
/// one output shape on a CLB default group, a CLB vServer group, an ALB and an NLB group,
/// each answered from that product's own reads.
#[test]
fn one_wait_through_the_group_model_on_every_product() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b"]);
    server.add_vserver_group("lb-1", "rsp-web", &["i-a:8080"], &["8080/http"]);
    let places: [&[&str]; 4] = [
        &["--lb", "lb-1"],
        &["--lb", "lb-1", "--vserver-group", "rsp-web"],
        &["--lb", "alb-1"],
        &["--lb", "nlb-1"],
    ];
    for place in places {
        let mut args = vec!["--output", "json", "backends", "wait", "--until", "removed", "i-gone"];
        args.extend_from_slice(place);
        let out = slbctl_at(home.path(), &server).args(&args).assert().success().get_output().clone();
        let json = stdout_json(&out);
        assert_eq!(json["LoadBalancerId"], place[1], "{place:?}: {json}");
        let group = ["", "rsp-web", "sgp-web", "sgp-tcp"][places.iter().position(|p| *p == place).unwrap()];
        assert_eq!(json.get("ServerGroupId").and_then(|g| g.as_str()).unwrap_or(""), group, "{json}");
        assert_eq!(
            json["Servers"],
            serde_json::json!([{"ServerId": "i-gone", "State": "removed"}]),
            "{place:?}"
        );
        // A member that stays is never "removed": the wait times out (exit 8) saying so.
        let mut args = vec!["backends", "wait", "--until", "removed", "--wait-timeout", "1", "i-a"];
        args.extend_from_slice(place);
        slbctl_at(home.path(), &server).args(&args).assert().code(8).stderr(predicate::str::contains("i-a"));
    }
    // Each product was asked in its own terms; nothing was changed.
    assert!(!server.requests_of("DescribeLoadBalancerAttribute").is_empty());
    assert!(!server.requests_of("DescribeVServerGroupAttribute").is_empty());
    assert!(!server.requests_of("ListServerGroupServers").is_empty());
    assert_eq!(changes(&server), 0);
    // --product with a group and no load balancer: the group names where it is.
    let out = slbctl_at(home.path(), &server)
        .args(["--output", "json", "backends", "wait", "--product", "alb", "--server-group", "sgp-web"])
        .args(["--until", "removed", "i-gone"])
        .assert()
        .success()
        .get_output()
        .clone();
    let json = stdout_json(&out);
    assert_eq!(json["LoadBalancerId"], serde_json::Value::Null, "no load balancer was named: {json}");
    assert_eq!(json["ServerGroupId"], "sgp-web");
}

/// The guards are written once, against the group model: on ALB as on CLB, a removal
/// after which another deployer's change leaves too few members is undone, the member
/// put back at its weight, and the command says so (exit 7).
#[test]
fn a_guard_broken_by_another_deployer_is_undone_on_alb_too() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    slbctl_at(home.path(), &server)
        .args(["-q", "backends", "set-weight", "--lb", "alb-1", "--weight", "40", "i-a:80"])
        .assert()
        .success();
    let before = server.arrivals();
    // Our removal is slow to be answered; meanwhile another deployer removes i-b.
    server.inject_on_call("RemoveServersFromServerGroup", 1, Fault::Delay(Duration::from_millis(1500)));
    let child = slbctl_std_at(home.path(), &server)
        .args(["backends", "remove", "--lb", "alb-1", "--min-remaining", "2", "i-a:80"])
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    // Its reads (listeners, rules, groups, members, members again) and the removal.
    while server.arrivals() < before + 6 && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
    }
    slbctl_at(home.path(), &server)
        .args(["-q", "backends", "remove", "--lb", "alb-1", "i-b:80"])
        .assert()
        .success();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(7), "{stderr}");
    assert!(
        stderr.contains(
            "changed, then undone: after the removal, only 1 member remains, fewer than --min-remaining 2"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("put back at its weight (i-a:80)"), "{stderr}");
    let mut left = server.sg_members("sgp-web");
    left.sort();
    assert_eq!(left, ["i-a:80=40", "i-c:80=100"], "i-a is back at the weight it had");
}
