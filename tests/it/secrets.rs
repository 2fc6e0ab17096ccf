//! The secret and the STS token never appear in stdout or stderr, on any path.
//!
//! Every command and error path runs with recognizable secrets (see support::SECRET and
//! friends) and the output of each is searched for them.

use crate::support::fake_slb::{FakeSlb, Fault};
use crate::support::*;

fn sts_server() -> FakeSlb {
    let server = FakeSlb::start();
    server.add_key(STS_KEY_ID, STS_SECRET, Some(STS_TOKEN));
    server.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b", "i-c", "i-d", "i-e"]);
    server
}

/// A command with STS credentials in the environment, aimed at `endpoint`.
fn with_sts(home: &std::path::Path, endpoint: &str) -> assert_cmd::Command {
    let mut cmd = slbctl(home);
    cmd.envs(STS_ENV).env("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou").env("SLBCTL_ENDPOINT", endpoint);
    cmd
}

#[test]
fn no_path_prints_a_secret_or_token() {
    let home = tempfile::tempdir().unwrap();
    let server = sts_server();
    let url = server.url();
    let dead = {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        format!("http://127.0.0.1:{port}")
    };
    let remove = ["backends", "remove", "--lb", "lb-1"];
    let mut seen_codes = Vec::new();

    let mut run = |label: &str, mut cmd: assert_cmd::Command, setup: &dyn Fn()| {
        setup();
        let out = cmd.output().unwrap();
        assert_no_secrets(&out);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{label}: {stderr}");
        seen_codes.push((label.to_owned(), out.status.code()));
    };
    let none = || {};

    let mut c = with_sts(home.path(), &url);
    c.args(remove).arg("i-a");
    run("table success", c, &none);

    let mut c = with_sts(home.path(), &url);
    c.args(["--output", "json"]).args(remove).arg("i-b");
    run("json success", c, &none);

    let mut c = with_sts(home.path(), &url);
    c.args(["-vv"]).args(remove).arg("i-c");
    run("verbose success", c, &|| {
        server.inject(Fault::ApiError { status: 503, code: "ServiceUnavailable".into() }, 1)
    });

    let mut c = with_sts(home.path(), &url);
    c.args(["-vv"]).args(remove).args(["i-d", "--dry-run"]);
    run("dry run", c, &none);

    let mut c = with_sts(home.path(), &url);
    c.args(["-vv", "--output", "json"]).args(remove).args(["i-d", "--dry-run"]);
    run("dry run json", c, &none);

    let mut c = with_sts(home.path(), &url);
    c.args(["-vv", "backends", "remove", "--lb", "lb-unknown", "i-a"]);
    run("api error", c, &none);

    let mut c = with_sts(home.path(), &url);
    c.env("ALIBABA_CLOUD_SECURITY_TOKEN", format!("{STS_TOKEN}-but-wrong"))
        .args(["-vv"])
        .args(remove)
        .arg("i-e");
    run("token mismatch", c, &none);

    let mut c = with_sts(home.path(), &url);
    c.env("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIunknownkey123456").args(["-vv"]).args(remove).arg("i-e");
    run("unknown key", c, &none);

    let mut c = with_sts(home.path(), &dead);
    c.args(["-vv", "--retries", "1"]).args(remove).arg("i-e");
    run("connection refused", c, &none);

    let mut c = with_sts(home.path(), &url);
    c.args(["-vv", "--retries", "1", "--busy-timeout", "0"]).args(remove).arg("i-e");
    run("gave up", c, &|| server.inject(Fault::ApiError { status: 400, code: "Throttling".into() }, 2));

    let mut c = with_sts(home.path(), &url);
    c.args(["-vv", "--retries", "0"]).args(remove).arg("i-e");
    run("html answer", c, &|| server.inject(Fault::Html(502), 1));

    let mut c = with_sts(home.path(), &url);
    c.env_remove("ALIBABA_CLOUD_ACCESS_KEY_SECRET").args(remove).arg("i-e");
    run("half credentials", c, &none);

    let mut c = with_sts(home.path(), "http://slb.example.com");
    c.args(remove).arg("i-e");
    run("refused endpoint", c, &none);

    let config = home.path().join("c.toml");
    write_config(
        &config,
        &format!(
            "[profiles.default]\naccess_key_id = \"{STS_KEY_ID}\"\naccess_key_secret = \"{STS_SECRET}\"\nsecurity_token = \"{STS_TOKEN}\"\nregion = \"cn-hangzhou\"\nbogus = \"{STS_SECRET}\"\n"
        ),
    );
    let mut c = slbctl(home.path());
    c.args(["--config", config.to_str().unwrap(), "--endpoint", &url]).args(remove).arg("i-e");
    run("profile file with an unknown key", c, &none);

    let config2 = home.path().join("c2.toml");
    write_config(&config2, &format!("[profiles.default]\naccess_key_secret = \"{STS_SECRET}\n"));
    let mut c = slbctl(home.path());
    c.args(["--config", config2.to_str().unwrap(), "--endpoint", &url]).args(remove).arg("i-e");
    run("malformed profile file around a secret", c, &none);

    let codes: Vec<Option<i32>> = seen_codes.iter().map(|(_, c)| *c).collect();
    assert_eq!(
        codes,
        [
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(4),
            Some(4),
            Some(4),
            Some(5),
            Some(4),
            Some(5),
            Some(3),
            Some(2),
            Some(3),
            Some(3)
        ],
        "{seen_codes:?}"
    );
}
