//! The fake SLB server on its own, for interop runs and benchmarks:
//!
//! ```text
//! cargo run --example fake_slb -- --port 0 --key ID:SECRET[:TOKEN] --lb LB_ID:REGION:SERVER,SERVER,...
//!     [--lb LB_ID:REGION:@N] [--role ROLE_ARN] [--tls CA_PEM_OUT]
//!     [--vserver-groups N] [--latency-ms MS] [--alb-group GROUP:LB:@N] [--job-ms MS]
//! ```
//!
//! `@N` creates N servers (`i-bench00000`…); `--role` lets STS callers assume a role;
//! `--tls` serves HTTPS with a fresh test CA, written to CA_PEM_OUT; `--vserver-groups N`
//! gives every load balancer N vServer groups of its
//! servers; `--latency-ms` delays every answer; `--alb-group` makes an ALB server group of
//! N members (`i-bench00000:80`…) used by a listener of LB, whose jobs take `--job-ms`
//! (default 200). It prints
//! `listening on http(s)://127.0.0.1:PORT` and serves until stdin closes, then says
//! how many requests it answered on how many connections.

#[path = "../tests/it/support/fake_slb.rs"]
#[allow(dead_code, unused_imports)] // the example serves; the test-only helpers stay unused here
mod fake_slb;
#[path = "../tests/it/support/tls.rs"]
#[allow(dead_code)]
mod tls;

use std::io::Read;

fn main() {
    let mut port = 0u16;
    let mut keys = Vec::new();
    let mut lbs = Vec::new();
    let mut roles = Vec::new();
    let mut tls_out = None;
    let mut latency = 0u64;
    let mut vserver_groups = 0usize;
    let mut alb_groups = Vec::new();
    let mut job_ms = 200u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_else(|| usage(&format!("{arg} needs a value")));
        match arg.as_str() {
            "--port" => port = value.parse().unwrap_or_else(|_| usage("--port takes a number")),
            "--key" => keys.push(value),
            "--lb" => lbs.push(value),
            "--role" => roles.push(value),
            "--tls" => tls_out = Some(value),
            "--latency-ms" => {
                latency = value.parse().unwrap_or_else(|_| usage("--latency-ms takes a number"))
            }
            "--vserver-groups" => {
                vserver_groups = value.parse().unwrap_or_else(|_| usage("--vserver-groups takes a number"))
            }
            "--alb-group" => alb_groups.push(value),
            "--job-ms" => job_ms = value.parse().unwrap_or_else(|_| usage("--job-ms takes a number")),
            other => usage(&format!("unknown argument {other}")),
        }
    }
    let server = match &tls_out {
        Some(path) => {
            let ca = tls::TestCa::new("fake_slb test ca");
            std::fs::write(path, ca.pem()).unwrap_or_else(|e| usage(&format!("cannot write {path}: {e}")));
            fake_slb::FakeSlb::start_tls(ca.server_config(tls::Flaw::None))
        }
        None => fake_slb::FakeSlb::start_on(port),
    };
    for role in &roles {
        server.add_role(role, true);
    }
    server.set_latency(std::time::Duration::from_millis(latency));
    for key in &keys {
        let parts: Vec<&str> = key.splitn(3, ':').collect();
        match parts.as_slice() {
            [id, secret] => server.add_key(id, secret, None),
            [id, secret, token] => server.add_key(id, secret, Some(token)),
            _ => usage("--key takes ID:SECRET[:TOKEN]"),
        }
    }
    for lb in &lbs {
        let parts: Vec<&str> = lb.splitn(3, ':').collect();
        let [id, region, servers] = parts.as_slice() else { usage("--lb takes ID:REGION:SERVER,...") };
        let generated: Vec<String> = match servers.strip_prefix('@') {
            Some(n) => {
                let n: usize = n.parse().unwrap_or_else(|_| usage("--lb ID:REGION:@N takes a number"));
                (0..n).map(|i| format!("i-bench{i:05}")).collect()
            }
            None => servers.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect(),
        };
        let servers: Vec<&str> = generated.iter().map(String::as_str).collect();
        server.add_lb(id, region, &servers);
        // N vServer groups on each load balancer, their members the same servers on 8080+n.
        for n in 0..vserver_groups {
            let members: Vec<String> = generated.iter().map(|s| format!("{s}:{}", 8080 + n)).collect();
            let members: Vec<&str> = members.iter().map(String::as_str).collect();
            server.add_vserver_group(id, &format!("rsp-{id}-{n}"), &members, &[]);
        }
    }
    server.set_job_time(Some(std::time::Duration::from_millis(job_ms)));
    for group in &alb_groups {
        let parts: Vec<&str> = group.splitn(3, ':').collect();
        let [id, lb, count] = parts.as_slice() else { usage("--alb-group takes GROUP:LB:@N") };
        let n: usize = count
            .strip_prefix('@')
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| usage("--alb-group GROUP:LB:@N takes a number"));
        let members: Vec<String> = (0..n).map(|i| format!("i-bench{i:05}:80")).collect();
        let members: Vec<&str> = members.iter().map(String::as_str).collect();
        server.add_server_group("alb", id, &[lb], &members);
        server.add_sg_listener("alb", lb, &format!("lsn-{lb}"), 80, id);
    }
    println!("listening on {}", server.url());
    // Serve until whoever started us closes our stdin (or we are killed).
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
    let seen = server.requests();
    let failed = seen.iter().filter(|r| r.error_code.is_some()).count();
    eprintln!(
        "fake_slb: {} request(s) on {} connection(s), {failed} answered with an error",
        seen.len(),
        server.connections()
    );
}

fn usage(message: &str) -> ! {
    eprintln!("fake_slb: {message}");
    eprintln!(
        "usage: fake_slb [--port N] [--key ID:SECRET[:TOKEN]]... [--vserver-groups N] [--lb ID:REGION:SERVER,...|@N]... [--role ARN]... [--tls CA_PEM_OUT] [--latency-ms MS] [--alb-group GROUP:LB:@N]... [--job-ms MS]"
    );
    std::process::exit(2);
}
