//! The README's runnable examples: every ```sh block whose first line is
//! `# example: NAME` runs under bash against the fake server, and must succeed.

use std::path::Path;
use std::process::Command;

use crate::support::fake_slb::FakeSlb;
use crate::support::*;

struct Example {
    name: String,
    script: String,
}

fn examples() -> Vec<Example> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let mut found = Vec::new();
    let mut lines = readme.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "```sh" {
            continue;
        }
        let block: Vec<&str> = lines.by_ref().take_while(|l| l.trim() != "```").collect();
        if let Some(name) = block.first().and_then(|l| l.strip_prefix("# example: ")) {
            found.push(Example { name: name.to_owned(), script: block.join("\n") });
        }
    }
    found
}

#[test]
fn readme_examples_run() {
    let examples = examples();
    assert!(examples.len() >= 4, "expected the README's examples, found {}", examples.len());
    let binary_dir = assert_cmd::cargo::cargo_bin("slbctl").parent().unwrap().to_path_buf();
    for example in examples {
        let server = FakeSlb::start();
        server.add_key(KEY_ID, SECRET, None);
        server.add_lb("lb-web", "cn-hangzhou", &["i-web1", "i-web2", "i-web3", "i-web4"]);
        server.add_vserver_group(
            "lb-web",
            "rsp-web",
            &["i-web1:8080", "i-web1:8081", "i-web2:8080"],
            &["8080/http"],
        );
        server.add_lb("lb-api", "cn-hangzhou", &["i-web1", "i-api1"]);
        server.add_server_group(
            "alb",
            "sgp-web",
            &["alb-web"],
            &["i-web1:8080", "i-web2:8080", "i-web3:8080"],
        );
        server.add_sg_listener("alb", "alb-web", "lsn-web", 80, "sgp-web");
        server.set_job_time(Some(std::time::Duration::from_millis(20)));
        let work = tempfile::tempdir().unwrap();
        let mut command = Command::new("bash");
        command
            .args(["-euo", "pipefail", "-c", &example.script])
            .current_dir(work.path())
            .env_clear()
            .envs(crate::support::SAFE_ENV)
            .env("PATH", format!("{}:/usr/local/bin:/usr/bin:/bin", binary_dir.display()))
            .env("HOME", work.path())
            .env("NO_COLOR", "1")
            .env("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
            .env("SLBCTL_ENDPOINT", server.url())
            .env("SLBCTL_ALB_ENDPOINT", server.url())
            .env("SLBCTL_NLB_ENDPOINT", server.url());
        if example.name.starts_with("credentials: ") {
            // What the platform provides: an OIDC token (GitLab), an instance RAM role
            // behind a metadata server and DMI strings naming Alibaba Cloud (ECS), and
            // STS; all of them the loopback fake.
            server.add_role("acs:ram::123456789012:role/deployer", true);
            server.add_oidc_provider("acs:ram::123456789012:oidc-provider/gitlab", "gitlab-id-token");
            server.attach_instance_role("ci-runner");
            let dmi = work.path().join("dmi");
            std::fs::create_dir_all(&dmi).unwrap();
            std::fs::write(dmi.join("sys_vendor"), "Alibaba Cloud\n").unwrap();
            command
                .env("ALIYUN_ID_TOKEN", "gitlab-id-token")
                .env("ALIBABA_CLOUD_STS_ENDPOINT", server.url())
                .env("ALIBABA_CLOUD_ECS_METADATA_DISABLED", "false")
                .env("SLBCTL_ECS_METADATA_ENDPOINT", server.url())
                .env("SLBCTL_DMI_DIR", &dmi);
        } else {
            command.envs(KEY_ENV);
        }
        let out = command.output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "example {:?} failed:\n{stdout}\n{stderr}", example.name);
        assert!(!server.requests().is_empty(), "example {:?} sent nothing", example.name);
        match example.name.as_str() {
            "rolling deploy step" => {
                // The example stops on its own (set -e, run here without bash's -e) when
                // the guard refuses: it must not deploy to a server still in rotation.
                use crate::support::fake_slb::Script;
                let again = FakeSlb::start();
                again.add_key(KEY_ID, SECRET, None);
                again.add_lb("lb-web", "cn-hangzhou", &["i-web1", "i-web2", "i-web3", "i-web4"]);
                again.set_health("lb-web", "i-web2", Script::Abnormal);
                again.set_health("lb-web", "i-web3", Script::Abnormal);
                let mut plain = Command::new("bash");
                plain
                    .arg("-c")
                    .arg(&example.script)
                    .current_dir(work.path())
                    .env_clear()
                    .envs(crate::support::SAFE_ENV)
                    .envs(KEY_ENV);
                plain
                    .env("PATH", format!("{}:/usr/local/bin:/usr/bin:/bin", binary_dir.display()))
                    .env("HOME", work.path())
                    .env("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou")
                    .env("SLBCTL_ENDPOINT", again.url());
                let refused = plain.output().unwrap();
                assert_eq!(refused.status.code(), Some(7), "{}", String::from_utf8_lossy(&refused.stderr));
                assert!(
                    !String::from_utf8_lossy(&refused.stdout).contains("deploying to"),
                    "deployed anyway"
                );
                assert!(
                    again.requests_of("SetBackendServers").is_empty()
                        && again.requests_of("RemoveBackendServers").is_empty()
                );
                assert!(stdout.contains("deploying to i-web1\ndeploying to i-web2\n"), "{stdout}");
                assert!(stdout.ends_with("i-web3\ni-web4\ni-web1\ni-web2\n"), "{stdout}");
                assert_eq!(server.requests_of("SetBackendServers").len(), 2, "each server drained");
                let health = server.requests_of("DescribeHealthStatus").len();
                // Per server: the guard at the start, right before the change and after
                // it, and the wait.
                assert_eq!(health, 8, "three guard reads and a wait for each server");
            }
            "ALB rolling deploy" => {
                let (first, second) =
                    (stdout.find("deploying to i-web1\n"), stdout.find("deploying to i-web2\n"));
                assert!(first.is_some() && first < second, "{stdout}");
                assert!(stdout.ends_with("i-web1 i-web2 i-web3 "), "every server back: {stdout}");
                assert_eq!(server.requests_of("UpdateServerGroupServersAttribute").len(), 2, "each drained");
                assert_eq!(server.requests_of("RemoveServersFromServerGroup").len(), 2);
                assert_eq!(server.requests_of("AddServersToServerGroup").len(), 2);
                assert!(server.requests_of("GetListenerHealthStatus").len() >= 4, "a guard and a wait each");
                assert!(stderr.contains("1 member healthy"), "{stderr}");
            }
            "remaining backends with jq" => assert_eq!(stdout, "i-web2\ni-web3\ni-web4\n"),
            "branch on exit codes" => {
                assert_eq!(stdout, "API said: InvalidLoadBalancerId.NotFound\n")
            }
            "ids on stdin and text output" => assert_eq!(
                stdout,
                "i-web3 (ecs) still serves at weight 100\ni-web4 (ecs) still serves at weight 100\n"
            ),
            "credentials: GitLab CI with OIDC" => {
                assert!(stdout.starts_with("i-web1\tecs\t100\n"), "{stdout}");
                assert_eq!(server.sts_successes("AssumeRoleWithOIDC"), 1);
            }
            "credentials: an ECS runner with an instance RAM role" => {
                assert!(stdout.contains("credentials\tECS RAM role\tthe ECS metadata server"), "{stdout}");
                assert!(stdout.contains("cached\tno (fetched now)"), "{stdout}");
                assert!(stdout.ends_with("i-web4\tecs\t100\n"), "{stdout}");
                let fetched =
                    server.service_calls().iter().filter(|c| c.path.ends_with("/ci-runner")).count();
                assert_eq!(fetched, 1, "the second command used the cache");
            }
            "patch a host with standby" => {
                assert!(stdout.contains("patching i-web1\n"), "{stdout}");
                // Back in the group (re-added members come last), at their weights.
                assert!(
                    stdout.ends_with("i-web2:8080\tecs\t100\ni-web1:8080\tecs\t100\ni-web1:8081\tecs\t100\n"),
                    "{stdout}"
                );
                // Four CLB memberships and the ALB group's: standby looks at every product.
                assert!(stdout.contains("5 memberships put back; out of standby"), "{stdout}");
                assert_eq!(
                    server.sg_members("sgp-web"),
                    ["i-web2:8080=100", "i-web3:8080=100", "i-web1:8080=100"]
                );
                assert_eq!(server.requests_of("RemoveVServerGroupBackendServers").len(), 1);
                let mut api = server.backends("lb-api");
                api.sort();
                assert_eq!(api, ["i-api1", "i-web1"], "back in every load balancer");
                assert!(!server.requests_of("DescribeHealthStatus").is_empty(), "--wait-healthy polled");
            }
            other => panic!("no expectation for README example {other:?}; add one here"),
        }
    }
}
