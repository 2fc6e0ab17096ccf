//! vServer groups in every backends command, and `groups list`, against the fake SLB.

use predicates::prelude::*;

use crate::support::fake_slb::FakeSlb;
use crate::support::*;

fn server() -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b"]);
    server.add_vserver_group(
        "lb-1",
        "rsp-web",
        &["i-a:8080", "i-a:8081", "i-b:8080", "i-c:8080"],
        &["8080/http"],
    );
    server.add_vserver_group(
        "lb-1",
        "rsp-api",
        &["i-a:9000", "eni-x:9000@10.0.0.5", "eni-x:9000@10.0.0.6"],
        &["9000/tcp"],
    );
    server
}

#[test]
fn remove_a_member_by_port_and_every_port_of_a_bare_id() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--vserver-group", "rsp-web", "i-b:8080"])
        .assert()
        .success()
        .stdout(predicate::str::contains("vServer group rsp-web of lb-1: removal of 1 member accepted"));
    let sent = &server.requests_of("RemoveVServerGroupBackendServers")[0];
    assert_eq!(sent.param("VServerGroupId"), Some("rsp-web"));
    assert_eq!(sent.param("BackendServers"), Some(r#"[{"ServerId":"i-b","Type":"ecs","Port":8080}]"#));
    assert_eq!(
        server.requests_of("DescribeVServerGroupAttribute").len(),
        1,
        "one read: the group must be lb-1's"
    );

    // A bare id: every port of it, found by reading the group first.
    let out = slbctl_against(home.path(), &server)
        .args(["-v", "backends", "remove", "--lb", "lb-1", "--vserver-group", "rsp-web", "i-a"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("i-a: port(s) 8080, 8081 in the group"));
    assert_eq!(server.group_members("rsp-web"), ["i-c:8080=100"]);
    assert_eq!(server.group_members("rsp-api").len(), 3, "other groups untouched");
    assert_eq!(server.backends("lb-1"), ["i-a", "i-b"], "the default group untouched");
}

#[test]
fn verify_strict_guards_and_drain_count_members_as_server_and_port() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let group = ["--lb", "lb-1", "--vserver-group", "rsp-web"];
    slbctl_against(home.path(), &server)
        .args(["backends", "remove"])
        .args(group)
        .args(["--min-remaining", "3", "i-a"])
        .assert()
        .code(7)
        .stderr(predicate::str::contains(
            "2 of the 4 backends of vServer group rsp-web of lb-1 would remain",
        ));
    let out = slbctl_against(home.path(), &server)
        .args(["--output", "json", "backends", "remove"])
        .args(group)
        .args(["--verify", "--drain", "0", "i-a", "i-z:8080"])
        .assert()
        .success()
        .get_output()
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let verdicts: Vec<(String, u64, String)> = report["Verdicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["ServerId"].as_str().unwrap().into(),
                v["Port"].as_u64().unwrap(),
                v["Verdict"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        [
            ("i-a".into(), 8080, "removed".into()),
            ("i-a".into(), 8081, "removed".into()),
            ("i-z".into(), 8080, "not_member".into())
        ]
    );
    let drained = &server.requests_of("SetVServerGroupAttribute")[0];
    assert_eq!(
        drained.param("BackendServers"),
        Some(
            r#"[{"ServerId":"i-a","Type":"ecs","Weight":"0","Port":8080},{"ServerId":"i-a","Type":"ecs","Weight":"0","Port":8081}]"#
        )
    );
    slbctl_against(home.path(), &server)
        .args(["backends", "remove"])
        .args(group)
        .args(["--strict", "i-q:8080"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains(
            "not a member of vServer group rsp-web of lb-1 (--strict): i-q:8080",
        ));
}

#[test]
fn add_needs_ports_and_set_weight_takes_a_bare_id() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    slbctl_against(home.path(), &server)
        .args(["backends", "add", "--lb", "lb-1", "--vserver-group", "rsp-web", "--weight", "30", "i-d"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("server \"i-d\" needs a port in a vServer group"));
    slbctl_against(home.path(), &server)
        .args([
            "backends",
            "add",
            "--lb",
            "lb-1",
            "--vserver-group",
            "rsp-web",
            "--weight",
            "30",
            "--port",
            "8080",
        ])
        .args(["i-d", "i-e"])
        .assert()
        .success();
    assert!(server.group_members("rsp-web").contains(&"i-d:8080=30".to_owned()));
    slbctl_against(home.path(), &server)
        .args([
            "backends",
            "set-weight",
            "--lb",
            "lb-1",
            "--vserver-group",
            "rsp-web",
            "--weight",
            "5",
            "i-a",
        ])
        .assert()
        .success();
    let members = server.group_members("rsp-web");
    assert!(
        members.contains(&"i-a:8080=5".to_owned()) && members.contains(&"i-a:8081=5".to_owned()),
        "{members:?}"
    );
    // An ENI member by address.
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--vserver-group", "rsp-api", "eni-x:9000@10.0.0.6"])
        .assert()
        .success();
    assert_eq!(server.group_members("rsp-api"), ["i-a:9000=100", "eni-x:9000@10.0.0.5=100"]);
}

#[test]
fn bad_members_are_refused_locally() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    for (args, says) in [
        (vec!["--vserver-group", "rsp-web", "i-a:0"], "outside 1-65535"),
        (vec!["--vserver-group", "rsp-web", "i-a:70000"], "outside 1-65535"),
        (vec!["--vserver-group", "rsp-web", "i-a:"], "has no port"),
        (vec!["--vserver-group", "rsp-web", ":80"], "no server id"),
        (vec!["--vserver-group", "rsp-web", "i-a:80:90"], "more than one"),
        (vec!["--vserver-group", "rsp-\u{1b}[2J", "i-a:80"], "vServer group id"),
        (vec!["i-a:8080"], "the default server group has none"),
        (vec!["--port", "80", "i-a"], "the default server group has none"),
        (vec!["--vserver-group", "rsp-web", "--port", "80", "i-a:8080"], "--port gives one too"),
    ] {
        let out = slbctl_against(home.path(), &server)
            .args(["backends", "remove", "--lb", "lb-1"])
            .args(&args)
            .assert()
            .code(2)
            .get_output()
            .clone();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{args:?}: {stderr}");
        assert!(!stderr.contains('\u{1b}'), "{stderr}");
    }
    server.assert_requests(0);
}

#[test]
fn batches_of_twenty_members_and_the_resume_command_carry_the_group() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let members: Vec<String> = (0..30).map(|n| format!("i-m{n:02}:8080")).collect();
    let refs: Vec<&str> = members.iter().map(String::as_str).collect();
    server.add_vserver_group("lb-1", "rsp-big", &refs, &[]);
    server.inject_on_call(
        "RemoveVServerGroupBackendServers",
        2,
        crate::support::fake_slb::Fault::ApiError { status: 403, code: "Forbidden.RAM".into() },
    );
    let out = slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--vserver-group", "rsp-big", "--batch"])
        .args(&members)
        .assert()
        .code(6)
        .get_output()
        .clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let resume = stderr.lines().find_map(|l| l.strip_prefix("  hint: to finish, run: ")).unwrap();
    assert_eq!(
        resume,
        format!("slbctl backends remove --lb lb-1 --vserver-group rsp-big {}", members[20..].join(" "))
    );
    assert_eq!(server.group_members("rsp-big").len(), 10);
}

#[test]
fn an_unknown_group_is_the_services_error() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    slbctl_against(home.path(), &server)
        .args(["backends", "list", "--lb", "lb-1", "--vserver-group", "rsp-nope"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("The specified VServerGroupId does not exist."));
}

#[test]
fn groups_list_shows_every_group_with_listeners_and_members() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let out = slbctl_against(home.path(), &server)
        .args(["--output", "json", "groups", "list", "--lb", "lb-1"])
        .assert()
        .success()
        .get_output()
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let groups: Vec<(String, String, u64)> = v["Groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            let listeners: Vec<&str> =
                g["Listeners"].as_array().unwrap().iter().map(|l| l.as_str().unwrap()).collect();
            (g["GroupId"].as_str().unwrap().into(), listeners.join(","), g["Members"].as_u64().unwrap())
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("default".into(), "80/http".into(), 2),
            ("rsp-api".into(), "9000/tcp".into(), 3),
            ("rsp-web".into(), "8080/http".into(), 4)
        ]
    );
    assert_eq!(server.requests_of("DescribeVServerGroups")[0].param("IncludeListener"), Some("true"));
    slbctl_against(home.path(), &server)
        .args(["groups", "list", "--lb", "lb-1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("rsp-web").and(predicate::str::contains("lb-1: 2 vServer groups")));
    // And a group's members, with their ports.
    slbctl_against(home.path(), &server)
        .args(["--output", "text", "backends", "list", "--lb", "lb-1", "--vserver-group", "rsp-api"])
        .assert()
        .success()
        .stdout("i-a:9000\tecs\t100\neni-x:9000@10.0.0.5\teni\t100\neni-x:9000@10.0.0.6\teni\t100\n");
}

#[test]
fn a_dry_run_shows_the_group_call() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--vserver-group", "rsp-web", "--dry-run", "i-a:8080"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("RemoveVServerGroupBackendServers")
                .and(predicate::str::contains("rsp-web")),
        );
    server.assert_requests(0);
}

/// Two pipelines changing the same load balancer at once get "busy" answers: with
/// default settings, eight processes each removing and re-adding a different server
/// (in the default group and in a vServer group) all succeed, and the membership ends
/// as it began.
#[test]
fn eight_concurrent_deployers_wait_out_busy_answers() {
    let home = tempfile::tempdir().unwrap();
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    let servers: Vec<String> = (0..8).map(|n| format!("i-c{n}")).collect();
    let refs: Vec<&str> = servers.iter().map(String::as_str).collect();
    server.add_lb("lb-1", "cn-hangzhou", &refs);
    let members: Vec<String> = servers.iter().map(|s| format!("{s}:8080")).collect();
    let member_refs: Vec<&str> = members.iter().map(String::as_str).collect();
    server.add_vserver_group("lb-1", "rsp-web", &member_refs, &["8080/http"]);
    server.set_configuring_window(std::time::Duration::from_millis(40));
    let initial = (server.backends("lb-1"), server.group_members("rsp-web"));
    let binary = assert_cmd::cargo::cargo_bin("slbctl");
    let children: Vec<_> = servers
        .iter()
        .map(|s| {
            let script = format!(
                "set -e; b='{bin}'; \
                 $b -q backends remove --lb lb-1 {s}; $b -q backends add --lb lb-1 {s}; \
                 $b -q backends remove --lb lb-1 --vserver-group rsp-web {s}:8080; \
                 $b -q backends add --lb lb-1 --vserver-group rsp-web {s}:8080",
                bin = binary.display()
            );
            let template = slbctl_std_against(home.path(), &server);
            let mut shell = std::process::Command::new("/bin/sh");
            shell.env_clear();
            for (name, value) in template.get_envs() {
                if let Some(value) = value {
                    shell.env(name, value);
                }
            }
            shell.args(["-c", &script]).stderr(std::process::Stdio::piped()).spawn().unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let busy = server
        .requests()
        .iter()
        .filter(|r| {
            r.error_code.as_deref().is_some_and(|c| c.contains("Configuring") || c.contains("Processing"))
        })
        .count();
    assert!(busy > 0, "the window should have made some calls wait");
    let mut end = (server.backends("lb-1"), server.group_members("rsp-web"));
    let mut start = initial;
    start.0.sort();
    start.1.sort();
    end.0.sort();
    end.1.sort();
    assert_eq!(end, start);
}

#[test]
fn waits_on_vserver_group_members() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    let wait_in_group = |until: &str, member: &str| {
        slbctl_against(home.path(), &server)
            .args(["backends", "wait", "--lb", "lb-1", "--vserver-group", "rsp-web", "--wait-timeout", "3"])
            .args(["--until", until, member])
            .assert()
    };
    wait_in_group("removed", "i-a").code(8).stderr(predicate::str::contains("i-a member"));
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "--vserver-group", "rsp-web", "i-a:8080"])
        .assert()
        .success();
    wait_in_group("removed", "i-a:8080").success();
    wait_in_group("healthy", "i-b:8080").success();
    let rows = server.requests_of("DescribeHealthStatus");
    assert_eq!(rows.len(), 1);
    slbctl_against(home.path(), &server)
        .args(["backends", "wait", "--lb", "lb-1", "--until", "removed", "i-a:8080"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("the default server group has none"));
}

/// Names from the API reach `--output text` cleaned, as they reach tables: a hostile
/// group id can neither break the columns nor send a control sequence.
#[test]
fn text_output_cleans_what_the_api_names() {
    let home = tempfile::tempdir().unwrap();
    let server = server();
    server.add_vserver_group("lb-1", "rsp-\u{1b}[2J\tx", &["i-a:9000"], &["9000/tcp"]);
    let out = slbctl_against(home.path(), &server)
        .args(["--output", "text", "groups", "list", "--lb", "lb-1"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.contains('\u{1b}'), "{stdout:?}");
    let hostile = stdout.lines().find(|l| l.starts_with("rsp- [2J x")).expect(&stdout);
    assert_eq!(hostile.split('\t').count(), 4, "{hostile:?}");
}
