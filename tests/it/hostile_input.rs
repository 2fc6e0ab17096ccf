//! Hostile and malformed input, table-driven: each case gets its documented exit code,
//! one clear `slbctl: error:` line (or clap's own usage error), nothing sent, no panic.
//!
//! NUL cannot be passed in argv or the environment (the OS refuses it); ids with NUL
//! are covered by the unit tests of `ids`.

use crate::support::fake_slb::FakeSlb;
use crate::support::*;

struct Case {
    name: &'static str,
    args: Vec<String>,
    /// Profile file contents, written to $HOME/c.toml and passed with --config.
    config: Option<&'static str>,
    code: i32,
    /// Text the error must contain.
    says: &'static str,
}

fn case(name: &'static str, args: &[&str], code: i32, says: &'static str) -> Case {
    Case { name, args: args.iter().map(|s| s.to_string()).collect(), config: None, code, says }
}

fn remove_ids(ids: &[&str]) -> Vec<String> {
    let mut args: Vec<String> =
        ["backends", "remove", "--lb", "lb-1"].iter().map(|s| s.to_string()).collect();
    args.extend(ids.iter().map(|s| s.to_string()));
    args
}

#[test]
fn hostile_input_is_refused_locally_with_its_exit_code() {
    let long_id = "i".repeat(10_000);
    let ids: &[(&str, &str, &str)] = &[
        ("empty id", "", "server id is empty"),
        ("space", "i-a b", "contains a space"),
        ("double quote", "i-\"a", "contains '\"'"),
        ("single quote", "i-'a", "contains '''"),
        ("comma list", "i-a,i-b", "contains ','"),
        ("newline", "i-a\ni-b", "contains the character \\n"),
        ("tab", "i-a\t", "contains the character \\t"),
        ("escape sequence", "i-\u{1b}[2J", "\\u{1b}"),
        ("non-ASCII", "i-ä", "\\u{e4}"),
        ("right-to-left override", "i-\u{202e}a", "\\u{202e}"),
        ("JSON injection", "i-a\",\"ServerId\":\"i-b", "contains '\"'"),
        ("JSON array", "[{\"ServerId\":\"i-b\"}]", "contains '['"),
        ("path", "../../etc/passwd", "contains '/'"),
        ("10,000 characters", &long_id, "too long"),
    ];
    let mut cases: Vec<Case> = ids
        .iter()
        .map(|(name, id, says)| Case { name, args: remove_ids(&[id]), config: None, code: 2, says })
        .collect();
    let mut lb_case = |name, lb: &str, says| {
        cases.push(Case {
            name,
            args: ["backends", "remove", "--lb", lb, "i-a"].iter().map(|s| s.to_string()).collect(),
            config: None,
            code: 2,
            says,
        })
    };
    lb_case("empty lb", "", "load balancer id is empty");
    lb_case("lb with space", "lb 1", "contains a space");
    lb_case("lb injection", "lb-1&Action=DeleteLoadBalancer", "contains '&'");
    let twenty_one: Vec<String> = (0..21).map(|n| format!("i-{n}")).collect();
    let refs: Vec<&str> = twenty_one.iter().map(String::as_str).collect();
    cases.push(Case {
        name: "21 servers",
        args: remove_ids(&refs),
        config: None,
        code: 2,
        says: "21 servers",
    });
    cases.extend([
        case(
            "unknown type",
            &["backends", "remove", "--lb", "lb-1", "--type", "vm", "i-a"],
            2,
            "invalid value 'vm'",
        ),
        case(
            "unknown output",
            &["--output", "yaml", "backends", "remove", "--lb", "lb-1", "i-a"],
            2,
            "invalid value 'yaml'",
        ),
        case("no servers", &["backends", "remove", "--lb", "lb-1"], 2, "<SERVER_ID>"),
        case("no --lb", &["backends", "remove", "i-a"], 2, "--lb"),
        case(
            "negative timeout",
            &["--timeout=-1", "backends", "remove", "--lb", "lb-1", "i-a"],
            2,
            "--timeout",
        ),
        case(
            "huge timeout",
            &["--timeout", "100000", "backends", "remove", "--lb", "lb-1", "i-a"],
            2,
            "--timeout",
        ),
        case(
            "huge retries",
            &["--retries", "1000", "backends", "remove", "--lb", "lb-1", "i-a"],
            2,
            "--retries",
        ),
        case(
            "region injection",
            &["--region", "cn-hangzhou.evil.example/", "backends", "remove", "--lb", "lb-1", "i-a"],
            2,
            "not a region id",
        ),
        case(
            "endpoint with path",
            &["--endpoint", "https://slb.aliyuncs.com/x", "backends", "remove", "--lb", "lb-1", "i-a"],
            2,
            "no path",
        ),
        case("unknown subcommand", &["backends", "obliterate"], 2, "unrecognized subcommand"),
    ]);
    let configs: &[(&str, &str, &str)] = &[
        ("unclosed table", "[profiles.default\n", "line 1"),
        ("bad string", "[profiles.default]\nregion = \"cn-\n", "line 2"),
        ("wrong type", "[profiles.default]\nregion = [1]\n", "line 2"),
        (
            "unknown key",
            "[profiles.default]\nregion = \"cn-hangzhou\"\nsecret = \"x\"\n",
            "unknown field `secret`",
        ),
        ("not UTF-8-ish binary", "\u{0}\u{1}\u{2}", "config file"),
        (
            "default_profile missing",
            "default_profile = \"nope\"\n",
            "default_profile \"nope\" is not a profile",
        ),
        (
            "region injection in profile",
            "[profiles.default]\nregion = \"a.b\"\naccess_key_id = \"LTAIxxxxxxxxxxxx\"\naccess_key_secret = \"s\"\n",
            "not a region id",
        ),
    ];
    for (name, text, says) in configs {
        cases.push(Case { name, args: remove_ids(&["i-a"]), config: Some(text), code: 3, says });
    }

    let server = FakeSlb::start();
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-a"]);
    for case in &cases {
        let home = tempfile::tempdir().unwrap();
        let mut cmd = slbctl(home.path());
        cmd.env("SLBCTL_ENDPOINT", server.url());
        match case.config {
            Some(text) => {
                let path = home.path().join("c.toml");
                write_config(&path, text);
                cmd.arg("--config").arg(&path);
            }
            None => {
                cmd.envs(KEY_ENV).env("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou");
            }
        }
        let out = cmd.args(&case.args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(case.code), "{}: {stderr}", case.name);
        assert!(out.stdout.is_empty(), "{}: stdout {:?}", case.name, String::from_utf8_lossy(&out.stdout));
        assert!(stderr.contains(case.says), "{}: expected {:?} in {stderr}", case.name, case.says);
        assert!(!stderr.contains("panicked"), "{}: {stderr}", case.name);
        if stderr.starts_with("slbctl: error: ") {
            let first = stderr.lines().next().unwrap();
            assert!(first.len() < 300, "{}: {first}", case.name);
            assert!(!first.chars().any(|c| c.is_control()), "{}: {first:?}", case.name);
            assert!(stderr.lines().skip(1).all(|l| l.starts_with("  hint: ")), "{}: {stderr}", case.name);
        } else {
            assert!(stderr.starts_with("error: "), "{}: neither ours nor clap's: {stderr}", case.name);
        }
    }
    server.assert_requests(0);
}
