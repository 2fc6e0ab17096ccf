//! Interop with the official Alibaba Cloud Python SDK (aliyun-python-sdk-core/-slb, and
//! -alb/-nlb for server groups).
//!
//! The fake server is only as good as its signature check, so these tests prove it
//! against the real thing: requests signed by the official SDK are accepted, a tampered
//! one is rejected, and slbctl's signer produces the SDK's signature byte for byte on
//! awkward values. `./test.sh` creates the venv and sets SLBCTL_INTEROP_PYTHON; under
//! CI a missing interpreter is a failure, not a skip.

use std::path::PathBuf;
use std::process::Command;

use crate::support::fake_slb::FakeSlb;
use crate::support::tls;
use crate::support::*;

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/interop/sdk_client.py");
const SG_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/interop/sg_client.py");

fn python() -> Option<PathBuf> {
    match std::env::var_os("SLBCTL_INTEROP_PYTHON") {
        Some(path) => Some(PathBuf::from(path)),
        None if std::env::var_os("CI").is_some() => {
            panic!("CI must run the interop tests: run ./test.sh, which sets SLBCTL_INTEROP_PYTHON")
        }
        None => {
            eprintln!("SKIPPED: SLBCTL_INTEROP_PYTHON is not set; run ./test.sh for the interop tests");
            None
        }
    }
}

/// Run the SDK script; one JSON object per output line.
fn sdk(python: &PathBuf, args: &[&str], env: &[(&str, &str)]) -> Vec<serde_json::Value> {
    run_script(python, SCRIPT, args, env)
}

fn run_script(python: &PathBuf, script: &str, args: &[&str], env: &[(&str, &str)]) -> Vec<serde_json::Value> {
    let out = Command::new(python).arg(script).args(args).envs(env.iter().copied()).output().unwrap();
    assert!(out.status.success(), "SDK script failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn host_port(server: &FakeSlb) -> String {
    server.addr().to_string()
}

#[test]
fn the_official_sdk_request_is_accepted_by_the_fake_server() {
    let Some(python) = python() else { return };
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b", "eni-c"]);
    let servers = r#"[{"ServerId":"i-a","Type":"ecs"},{"ServerId":"eni-c","Type":"eni"}]"#;
    let lines = sdk(
        &python,
        &["remove", &host_port(&server), "lb-1", "cn-hangzhou", servers],
        &[("AK", KEY_ID), ("SECRET", SECRET)],
    );
    assert_eq!(lines[0]["ok"], true, "{lines:?}");
    assert_eq!(lines[0]["body"]["BackendServers"]["BackendServer"][0]["ServerId"], "i-b");
    assert_eq!(server.backends("lb-1"), ["i-b"]);

    // And slbctl's request passes the very same checker.
    let home = tempfile::tempdir().unwrap();
    slbctl_against(home.path(), &server)
        .args(["backends", "remove", "--lb", "lb-1", "i-b"])
        .assert()
        .success();
    assert!(server.backends("lb-1").is_empty());
    assert!(server.requests().iter().all(|r| r.error_code.is_none()));
}

#[test]
fn the_official_sdk_sts_request_is_accepted_and_a_wrong_secret_is_not() {
    let Some(python) = python() else { return };
    let server = FakeSlb::start();
    server.add_key(STS_KEY_ID, STS_SECRET, Some(STS_TOKEN));
    server.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b"]);
    let servers = r#"[{"ServerId":"i-a"}]"#;
    let args = ["remove", &host_port(&server), "lb-1", "cn-hangzhou", servers];
    let lines = sdk(&python, &args, &[("AK", STS_KEY_ID), ("SECRET", STS_SECRET), ("TOKEN", STS_TOKEN)]);
    assert_eq!(lines[0]["ok"], true, "{lines:?}");
    assert_eq!(server.requests()[0].param("SecurityToken"), Some(STS_TOKEN));

    let lines = sdk(&python, &args, &[("AK", STS_KEY_ID), ("SECRET", "wrong"), ("TOKEN", STS_TOKEN)]);
    assert_eq!(lines[0]["ok"], false);
    // The server answered SignatureDoesNotMatch with its string to sign; the SDK compares
    // that with its own and, when they are equal (the canonical form agrees, only the
    // key differs), reports InvalidAccessKeySecret. So this also proves the fake server
    // builds the same string to sign as the official SDK.
    assert_eq!(lines[0]["code"], "InvalidAccessKeySecret", "{lines:?}");
    assert_eq!(server.requests()[1].error_code.as_deref(), Some("SignatureDoesNotMatch"));
}

#[test]
fn a_tampered_sdk_request_is_rejected_and_the_untouched_one_accepted() {
    let Some(python) = python() else { return };
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-a"]);
    server.add_lb("lb-1x", "cn-hangzhou", &["i-a"]);
    let lines = sdk(
        &python,
        &["tampered", &host_port(&server), "lb-1", "cn-hangzhou", r#"[{"ServerId":"i-a"}]"#],
        &[("AK", KEY_ID), ("SECRET", SECRET)],
    );
    assert_eq!(lines[0]["which"], "tampered");
    assert_eq!(lines[0]["status"], 400);
    assert_eq!(lines[0]["code"], "SignatureDoesNotMatch");
    assert_eq!(server.backends("lb-1x"), ["i-a"], "the tampered request must change nothing");
    assert_eq!(lines[1]["which"], "untouched");
    assert_eq!(lines[1]["status"], 200, "{lines:?}");
    assert!(server.backends("lb-1").is_empty());
}

#[test]
fn slbctl_signs_awkward_values_exactly_as_the_official_sdk_does() {
    let Some(python) = python() else { return };
    let awkward = [
        "plain",
        "a b",
        "star*tilde~plus+slash/",
        "percent%20literal",
        "é ü 中文 🚀",
        r#"[{"ServerId":"i-a","Type":"ecs"},{"ServerId":"eni-b","Type":"eni"}]"#,
        "&=?#[]@!$'(),;:",
        "",
    ];
    for value in awkward {
        let params = serde_json::json!({
            "AccessKeyId": KEY_ID,
            "Action": "RemoveBackendServers",
            "Format": "JSON",
            "Timestamp": "2026-01-02T03:04:05Z",
            "SignatureNonce": "0b4f4d6e-2b7c-4f3a-9a57-3a2d6f0c9e11",
            "Version": "2014-05-15",
            "BackendServers": value,
        });
        for method in ["POST", "GET"] {
            let lines = sdk(&python, &["sign", &params.to_string(), method, SECRET], &[]);
            let sdk_params = lines[0]["params"].as_object().unwrap();
            let pairs: Vec<(&str, &str)> =
                sdk_params.iter().map(|(k, v)| (k.as_str(), v.as_str().unwrap())).collect();
            let string_to_sign =
                slbctl::signing::string_to_sign(method, &slbctl::signing::canonical_query(pairs));
            assert_eq!(string_to_sign, lines[0]["string_to_sign"], "value {value:?}");
            assert_eq!(
                slbctl::signing::signature(SECRET, &string_to_sign),
                lines[0]["signature"],
                "value {value:?}"
            );
        }
    }
}

const CREDENTIALS_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/interop/credentials_client.py");

/// Run the official credential provider script; its one JSON line.
fn provider(python: &PathBuf, args: &[&str]) -> serde_json::Value {
    let out = Command::new(python).arg(CREDENTIALS_SCRIPT).args(args).env_clear().output().unwrap();
    assert!(out.status.success(), "credentials script failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// The official `alibabacloud-credentials` providers obtain credentials from the fake
/// STS (over TLS, as they insist on https), the fake metadata server and the fake
/// credentials URI; the keys they get are the ones the fake SLB accepts. Then slbctl
/// does the same against the same fakes.
#[test]
fn the_official_credential_providers_accept_the_fakes_and_so_does_slbctl() {
    let Some(python) = python() else { return };
    const ROLE: &str = "acs:ram::123456789012:role/deploy";
    const OIDC_PROVIDER: &str = "acs:ram::123456789012:oidc-provider/ack";
    let home = tempfile::tempdir().unwrap();
    let ca = tls::TestCa::new("interop ca");
    let ca_path = home.path().join("ca.pem");
    std::fs::write(&ca_path, ca.pem()).unwrap();
    let sts = FakeSlb::start_tls(ca.server_config(tls::Flaw::None));
    sts.add_key(KEY_ID, SECRET, None);
    sts.add_role(ROLE, true);
    sts.add_oidc_provider(OIDC_PROVIDER, "oidc-token-for-interop");
    sts.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b"]);
    let token_file = home.path().join("token");
    std::fs::write(&token_file, "oidc-token-for-interop").unwrap();
    let plain = FakeSlb::start();
    plain.attach_instance_role("web-role");
    let sts_host = sts.addr().to_string();
    let ca_arg = ca_path.to_str().unwrap();

    let got = provider(&python, &["ram_role_arn", &sts_host, ca_arg, KEY_ID, SECRET, ROLE]);
    assert_eq!(got["ok"], true, "RamRoleArn: {got}");
    assert!(got["access_key_id"].as_str().unwrap().starts_with("STS.fake") && got["has_token"] == true);
    assert_eq!(sts.requests_of("AssumeRole")[0].method, "GET", "the Python provider signs a GET");
    let got =
        provider(&python, &["oidc", &sts_host, ca_arg, ROLE, OIDC_PROVIDER, token_file.to_str().unwrap()]);
    assert_eq!(got["ok"], true, "OIDC: {got}");
    let got = provider(&python, &["ecs", &plain.addr().to_string(), "-"]);
    assert_eq!(got["ok"], true, "ECS RAM role: {got}");
    assert!(plain.service_calls().iter().any(|c| c.path == "/latest/api/token" && c.method == "PUT"));
    let got = provider(&python, &["uri", &format!("{}/credentials?user=interop", plain.url())]);
    assert_eq!(got["ok"], true, "URI: {got}");
    // A refusal is refused by the official provider too.
    let got = provider(&python, &["ram_role_arn", &sts_host, ca_arg, KEY_ID, "wrong-secret", ROLE]);
    assert_eq!(got["ok"], false, "a bad signature must fail: {got}");

    // slbctl against the same fakes: RamRoleArn and OIDC over TLS with the test CA.
    let slbctl_over_tls = |extra: &[(&str, &str)]| {
        let mut cmd = slbctl(home.path());
        cmd.env("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
            .env("SLBCTL_ENDPOINT", sts.url())
            .env("ALIBABA_CLOUD_STS_ENDPOINT", sts.url())
            .env("SLBCTL_CA_BUNDLE", &ca_path)
            .env("SLBCTL_NO_CREDENTIAL_CACHE", "1")
            .envs(extra.iter().copied());
        cmd.args(["backends", "list", "--lb", "lb-1"]).assert().success();
    };
    let ini = home.path().join("credentials.ini");
    std::fs::write(
        &ini,
        format!("[default]\ntype = ram_role_arn\naccess_key_id = {KEY_ID}\naccess_key_secret = {SECRET}\nrole_arn = {ROLE}\n"),
    )
    .unwrap();
    slbctl_over_tls(&[("ALIBABA_CLOUD_CREDENTIALS_FILE", ini.to_str().unwrap())]);
    slbctl_over_tls(&[
        ("ALIBABA_CLOUD_ROLE_ARN", ROLE),
        ("ALIBABA_CLOUD_OIDC_PROVIDER_ARN", OIDC_PROVIDER),
        ("ALIBABA_CLOUD_OIDC_TOKEN_FILE", token_file.to_str().unwrap()),
    ]);
    assert_eq!(sts.sts_successes("AssumeRole"), 2, "one by Python, one by slbctl");
    assert_eq!(sts.sts_successes("AssumeRoleWithOIDC"), 2);
    let described = sts.requests_of("DescribeLoadBalancerAttribute");
    assert!(
        described.iter().all(|r| r.error_code.is_none() && r.param("SecurityToken").is_some()),
        "{described:?}"
    );
}

/// The official SDK's request classes for the vServer-group, discovery and health
/// actions are accepted by the fake server and answered in the shapes slbctl reads.
#[test]
fn the_official_sdk_group_and_discovery_requests_are_accepted() {
    let Some(python) = python() else { return };
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-a"]);
    server.add_vserver_group("lb-1", "rsp-1", &["i-b:8080"], &["8080/http"]);
    server.add_master_slave_group("lb-1", "rsp-ms1", "i-a:80", "i-b:80");
    let servers = r#"[{"ServerId":"i-a","Port":8080,"Type":"ecs"}]"#;
    let lines = sdk(
        &python,
        &["group", &host_port(&server), "cn-hangzhou", "rsp-1", servers, "lb-1"],
        &[("AK", KEY_ID), ("SECRET", SECRET)],
    );
    for line in &lines {
        assert_eq!(line["ok"], true, "{line}");
    }
    let by_action = |name: &str| lines.iter().find(|l| l["action"] == name).unwrap()["body"].clone();
    assert_eq!(
        by_action("DescribeVServerGroupAttribute")["BackendServers"]["BackendServer"][1]["Weight"],
        30
    );
    assert_eq!(
        by_action("DescribeVServerGroups")["VServerGroups"]["VServerGroup"][0]["VServerGroupId"],
        "rsp-1"
    );
    assert_eq!(by_action("DescribeLoadBalancers")["TotalCount"], 1);
    assert_eq!(
        by_action("DescribeMasterSlaveServerGroups")["MasterSlaveServerGroups"]["MasterSlaveServerGroup"][0]
            ["MasterSlaveServerGroupId"],
        "rsp-ms1"
    );
    assert_eq!(
        by_action("DescribeMasterSlaveServerGroupAttribute")["MasterSlaveBackendServers"]["MasterSlaveBackendServer"]
            [0]["ServerId"],
        "i-a"
    );
    assert_eq!(server.group_members("rsp-1"), ["i-b:8080=100"]);
    assert!(server.requests().iter().all(|r| r.error_code.is_none()), "{:#?}", server.requests());
}

/// The SDK request-class setters that reproduce an action's parameters: `Servers.N.F`
/// becomes `Servers: [{F: …}]`, `Name.N` becomes `Name: […]`; the common parameters
/// (the SDK adds its own) are left out.
fn sdk_params(params: &std::collections::BTreeMap<String, String>) -> serde_json::Value {
    use crate::support::fake_slb::COMMON_PARAMS;
    let mut out = serde_json::Map::new();
    let mut structs: std::collections::BTreeMap<
        String,
        std::collections::BTreeMap<usize, serde_json::Map<String, serde_json::Value>>,
    > = Default::default();
    let mut lists: std::collections::BTreeMap<String, std::collections::BTreeMap<usize, String>> =
        Default::default();
    for (name, value) in params {
        if COMMON_PARAMS.contains(&name.as_str()) || name == "Action" || name == "RegionId" {
            continue;
        }
        let parts: Vec<&str> = name.split('.').collect();
        match parts.as_slice() {
            [list, n, field] => {
                let n: usize = n.parse().unwrap();
                structs
                    .entry(list.to_string())
                    .or_default()
                    .entry(n)
                    .or_default()
                    .insert(field.to_string(), value.clone().into());
            }
            [list, n] => {
                lists.entry(list.to_string()).or_default().insert(n.parse().unwrap(), value.clone());
            }
            _ => {
                out.insert(name.clone(), value.clone().into());
            }
        }
    }
    for (name, items) in structs {
        out.insert(name, items.into_values().map(serde_json::Value::Object).collect());
    }
    for (name, items) in lists {
        out.insert(name, items.into_values().map(serde_json::Value::String).collect());
    }
    serde_json::Value::Object(out)
}

#[test]
fn the_official_alb_and_nlb_request_classes_send_what_slbctl_sends() {
    let Some(python) = python() else { return };
    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_server_group("alb", "sgp-web", &["alb-1"], &["i-a:80", "i-b:80"]);
    server.add_sg_listener("alb", "alb-1", "lsn-80", 80, "sgp-web");
    server.add_alb_rule("alb-1", "lsn-80", "rule-1", "sgp-web", false);
    server.add_server_group("nlb", "sgp-tcp", &["nlb-1"], &["i-a:443", "i-b:443"]);
    server.add_sg_listener("nlb", "nlb-1", "lsn-n@443", 443, "sgp-tcp");
    server.set_job_time(Some(std::time::Duration::from_millis(20)));
    let home = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        slbctl_against(home.path(), &server)
            .env("SLBCTL_ALB_ENDPOINT", server.url())
            .env("SLBCTL_NLB_ENDPOINT", server.url())
            .args(args)
            .assert()
            .success();
    };
    for lb in ["alb-1", "nlb-1"] {
        let port = if lb == "alb-1" { "80" } else { "443" };
        let member = format!("i-a:{port}");
        run(&["backends", "set-weight", "--lb", lb, "--weight", "20", &member]);
        run(&["backends", "remove", "--lb", lb, &member]);
        run(&["backends", "add", "--lb", lb, "--weight", "50", "--wait-healthy", &member]);
        run(&["groups", "list", "--lb", lb]);
    }
    // Each action slbctl made, replayed through the SDK's request class with the same
    // values; then the two requests the fake saw are compared.
    let actions: [(&str, &str); 16] = [
        ("alb", "RemoveServersFromServerGroup"),
        ("alb", "AddServersToServerGroup"),
        ("alb", "UpdateServerGroupServersAttribute"),
        ("alb", "ListServerGroupServers"),
        ("alb", "ListServerGroups"),
        ("alb", "ListListeners"),
        ("alb", "ListRules"),
        ("alb", "ListAsynJobs"),
        ("alb", "GetListenerHealthStatus"),
        ("nlb", "RemoveServersFromServerGroup"),
        ("nlb", "AddServersToServerGroup"),
        ("nlb", "UpdateServerGroupServersAttribute"),
        ("nlb", "ListServerGroupServers"),
        ("nlb", "ListServerGroups"),
        ("nlb", "ListListeners"),
        ("nlb", "GetJobStatus"),
    ];
    let version = |product: &str| if product == "alb" { "2020-06-16" } else { "2022-04-30" };
    let ours: Vec<_> = actions
        .iter()
        .map(|(product, action)| {
            server
                .requests_of(action)
                .into_iter()
                .find(|r| r.param("Version") == Some(version(product)))
                .unwrap_or_else(|| panic!("slbctl made no {product} {action}"))
        })
        .collect();
    let steps: Vec<serde_json::Value> = actions
        .iter()
        .zip(&ours)
        .map(|((product, action), r)| serde_json::json!({"product": product, "action": action, "params": sdk_params(&r.params)}))
        .collect();
    let before = server.requests().len();
    let lines = run_script(
        &python,
        SG_SCRIPT,
        &[&host_port(&server), "cn-hangzhou", &serde_json::Value::Array(steps).to_string()],
        &[("AK", KEY_ID), ("SECRET", SECRET)],
    );
    assert_eq!(lines.len(), actions.len());
    let theirs: Vec<_> = server.requests()[before..].to_vec();
    for (((product, action), ours), (line, theirs)) in
        actions.iter().zip(&ours).zip(lines.iter().zip(&theirs))
    {
        assert_eq!(line["ok"], true, "the SDK's {product} {action} was refused: {line}");
        let strip = |r: &crate::support::fake_slb::Recorded| -> std::collections::BTreeMap<String, String> {
            r.params
                .iter()
                .filter(|(k, _)| !crate::support::fake_slb::COMMON_PARAMS.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), v.to_ascii_lowercase()))
                .collect()
        };
        assert!(strip(ours).len() >= 3, "{product} {action}: too little to compare: {:?}", ours.params);
        if action.contains("Server") && action.ends_with("Group") {
            assert!(ours.param("Servers.1.ServerId").is_some(), "{action}: {:?}", ours.params);
        }
        assert_eq!(strip(ours), strip(theirs), "{product} {action}: names, list encoding and values");
        // Placement: where the old SDK and the API model (META) agree, slbctl agrees too;
        // ALB's add and update put Servers in the body per the model (the old SDK's
        // query-only classes also work, as the gateway merges both).
        let servers_in_body = *product == "alb"
            && matches!(*action, "AddServersToServerGroup" | "UpdateServerGroupServersAttribute");
        if servers_in_body {
            assert!(theirs.body.is_empty(), "{action}: {:?}", theirs.body);
            assert!(
                !ours.body.is_empty() && ours.body.iter().all(|b| b.starts_with("Servers.")),
                "{action}: {:?}",
                ours.body
            );
        } else {
            assert_eq!(ours.body, theirs.body, "{product} {action}: which parameters go in the body");
        }
    }
}
