//! The real network path: HTTPS verified end to end with certificates made in the test,
//! custom CAs, a CONNECT proxy and NO_PROXY, and VPC endpoints.

use std::io::Read;
use std::net::TcpListener;

use crate::support::connect_proxy::ConnectProxy;
use crate::support::fake_slb::FakeSlb;
use crate::support::tls::{Flaw, TestCa};
use crate::support::*;
use predicates::prelude::*;

fn https_server(ca: &TestCa, flaw: Flaw) -> FakeSlb {
    let server = FakeSlb::start_tls(ca.server_config(flaw));
    server.add_key(KEY_ID, SECRET, None);
    server.add_lb("lb-1", "cn-hangzhou", &["i-a", "i-b"]);
    server
}

fn write_ca(dir: &std::path::Path, ca: &TestCa) -> std::path::PathBuf {
    let path = dir.join("ca.pem");
    std::fs::write(&path, ca.pem()).unwrap();
    path
}

#[test]
fn remove_over_https_succeeds_with_the_ca_given_in_any_of_three_ways() {
    let ca = TestCa::new("slbctl test CA");
    let server = https_server(&ca, Flaw::None);
    assert!(server.url().starts_with("https://127.0.0.1:"));
    let home = tempfile::tempdir().unwrap();
    let bundle = write_ca(home.path(), &ca);
    slbctl_against(home.path(), &server)
        .args(["--ca-bundle", bundle.to_str().unwrap(), "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success();
    slbctl_against(home.path(), &server)
        .env("SLBCTL_CA_BUNDLE", &bundle)
        .args(["backends", "remove", "--lb", "lb-1", "i-b"])
        .assert()
        .success();
    slbctl_against(home.path(), &server)
        .env("SSL_CERT_FILE", &bundle)
        .args(["backends", "list", "--lb", "lb-1"])
        .assert()
        .success();
    assert!(server.backends("lb-1").is_empty());
    assert_eq!(server.tls_failures(), 0);
}

#[test]
fn an_untrusted_certificate_fails_at_once_with_exit_5_naming_the_problem() {
    let ca = TestCa::new("slbctl test CA");
    let cases = [
        (Flaw::None, false, "unknown issuer"),
        (Flaw::WrongHost, true, "wrong host name"),
        (Flaw::Expired, true, "expired"),
    ];
    for (flaw, trust_ca, says) in cases {
        let server = https_server(&ca, flaw);
        let home = tempfile::tempdir().unwrap();
        let mut cmd = slbctl_against(home.path(), &server);
        if trust_ca {
            cmd.env("SLBCTL_CA_BUNDLE", write_ca(home.path(), &ca));
        }
        let out =
            cmd.args(["backends", "remove", "--lb", "lb-1", "i-a"]).assert().code(5).get_output().clone();
        let stderr = String::from_utf8(out.stderr).unwrap();
        let first = stderr.lines().next().unwrap();
        assert!(
            first.starts_with("slbctl: error: the TLS certificate of https://127.0.0.1:"),
            "{flaw:?}: {stderr}"
        );
        assert!(first.contains(says), "{flaw:?}: {stderr}");
        assert!(stderr.contains("hint: if a private CA"), "{stderr}");
        assert!(!stderr.contains("gave up"), "a certificate problem is not retried: {stderr}");
        assert_eq!(server.tls_failures_at_least(1), 1, "{flaw:?}: exactly one attempt");
        server.assert_requests(0);
        assert_eq!(server.backends("lb-1"), ["i-a", "i-b"]);
    }
}

#[test]
fn https_never_falls_back_to_plain_http() {
    // A plain TCP server: what arrives must be a TLS ClientHello, never an HTTP request.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let reader = std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut first = [0u8; 5];
        stream.read_exact(&mut first).unwrap();
        first
    });
    let home = tempfile::tempdir().unwrap();
    slbctl(home.path())
        .envs(KEY_ENV)
        .args(["--retries", "0", "--timeout", "2", "--region", "cn-hangzhou"])
        .args([
            "--endpoint",
            &format!("https://127.0.0.1:{port}"),
            "backends",
            "remove",
            "--lb",
            "lb-1",
            "i-a",
        ])
        .assert()
        .code(5);
    let first = reader.join().unwrap();
    assert_eq!(first[0], 0x16, "a TLS handshake record, not {:?}", String::from_utf8_lossy(&first));
}

#[test]
fn a_bad_ca_bundle_is_a_config_error_naming_the_file() {
    let ca = TestCa::new("slbctl test CA");
    let server = https_server(&ca, Flaw::None);
    let home = tempfile::tempdir().unwrap();
    let empty = home.path().join("empty.pem");
    std::fs::write(&empty, "not a certificate\n").unwrap();
    for (path, says) in [
        (home.path().join("missing.pem"), "cannot read the CA bundle"),
        (empty, "holds no PEM certificate"),
        (home.path().to_path_buf(), "cannot read the CA bundle"),
    ] {
        slbctl_against(home.path(), &server)
            .args(["--ca-bundle", path.to_str().unwrap(), "backends", "remove", "--lb", "lb-1", "i-a"])
            .assert()
            .code(3)
            .stderr(predicate::str::contains(says))
            .stderr(predicate::str::contains(path.to_str().unwrap()));
    }
    server.assert_requests(0);
}

#[test]
fn https_proxy_is_used_and_named_and_no_proxy_bypasses_it() {
    let ca = TestCa::new("slbctl test CA");
    let server = https_server(&ca, Flaw::None);
    let proxy = ConnectProxy::start();
    let home = tempfile::tempdir().unwrap();
    let bundle = write_ca(home.path(), &ca);
    let proxied = proxy.url().replace("http://", "http://user:hunter2@");
    let out = slbctl_against(home.path(), &server)
        .env("SLBCTL_CA_BUNDLE", &bundle)
        .env("HTTPS_PROXY", &proxied)
        .args(["-v", "backends", "remove", "--lb", "lb-1", "i-a"])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "proxy: {}/ (from HTTPS_PROXY)",
            proxy.url().replace("http://", "http://user:****@")
        )))
        .get_output()
        .clone();
    assert!(!String::from_utf8_lossy(&out.stderr).contains("hunter2"));
    assert_eq!(proxy.targets(), [server.addr().to_string()]);

    slbctl_against(home.path(), &server)
        .env("SLBCTL_CA_BUNDLE", &bundle)
        .env("https_proxy", proxy.url())
        .env("NO_PROXY", "localhost,127.0.0.0/8")
        .args(["-v", "backends", "remove", "--lb", "lb-1", "i-b"])
        .assert()
        .success()
        .stderr(predicate::str::contains("proxy: none (127.0.0.1 is in NO_PROXY)"));
    assert_eq!(proxy.targets().len(), 1, "NO_PROXY bypassed the proxy");
    assert!(server.backends("lb-1").is_empty());
}

#[test]
fn vpc_endpoints_with_one_flag_or_variable_or_profile_key() {
    let home = tempfile::tempdir().unwrap();
    let dry = |cmd: &mut assert_cmd::Command| {
        let out = cmd
            .args(["--output", "json", "backends", "remove", "--lb", "lb-1", "i-a", "--dry-run"])
            .assert()
            .success()
            .get_output()
            .clone();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let v = dry(slbctl(home.path()).args(["--region", "cn-hangzhou", "--endpoint-type", "vpc"]));
    assert_eq!(v["url"], "https://slb-vpc.cn-hangzhou.aliyuncs.com/");
    assert_eq!(
        v["endpoint_source"],
        "derived from region cn-hangzhou and endpoint type vpc (flag --endpoint-type)"
    );
    let v =
        dry(slbctl(home.path()).env("ALIBABA_CLOUD_ENDPOINT_TYPE", "VPC").args(["--region", "eu-central-1"]));
    assert_eq!(v["url"], "https://slb-vpc.eu-central-1.aliyuncs.com/");
    let config = write_config(
        &home.path().join("c.toml"),
        "[profiles.default]\nregion = \"cn-beijing\"\nendpoint_type = \"vpc\"\n",
    );
    let v = dry(slbctl(home.path()).args(["--config", config.to_str().unwrap()]));
    assert_eq!(v["url"], "https://slb-vpc.cn-beijing.aliyuncs.com/");
    let v = dry(slbctl(home.path()).args(["--region", "cn-beijing", "--endpoint-type", "public"]));
    assert_eq!(v["url"], "https://slb.aliyuncs.com/");
    assert_eq!(v["endpoint_source"], "derived from region cn-beijing");
    // An explicit endpoint still wins, and says so.
    let v = dry(slbctl(home.path()).args([
        "--region",
        "cn-beijing",
        "--endpoint-type",
        "vpc",
        "--endpoint",
        "slb.example.com",
    ]));
    assert_eq!(v["url"], "https://slb.example.com/");
    assert_eq!(v["endpoint_source"], "flag --endpoint");
    slbctl(home.path())
        .args(["--region", "cn-beijing", "--endpoint-type", "intranet", "config", "show"])
        .assert()
        .code(2);
    slbctl(home.path())
        .args(["--region", "cn-beijing", "--endpoint-type", "vpc", "config", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("https://slb-vpc.cn-beijing.aliyuncs.com/"))
        .stdout(predicate::str::contains("endpoint type vpc (flag --endpoint-type)"));
}
