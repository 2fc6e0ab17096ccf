//! The fake SLB server on its own, for interop runs and benchmarks:
//!
//! ```text
//! cargo run --example fake_slb -- --port 0 --key ID:SECRET[:TOKEN] --lb LB_ID:REGION:SERVER,SERVER,...
//! ```
//!
//! It prints `listening on http://127.0.0.1:PORT` and serves until stdin closes.

#[path = "../tests/it/support/fake_slb.rs"]
#[allow(dead_code, unused_imports)] // the example serves; the test-only helpers stay unused here
mod fake_slb;

use std::io::Read;

fn main() {
    let mut port = 0u16;
    let mut keys = Vec::new();
    let mut lbs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_else(|| usage(&format!("{arg} needs a value")));
        match arg.as_str() {
            "--port" => port = value.parse().unwrap_or_else(|_| usage("--port takes a number")),
            "--key" => keys.push(value),
            "--lb" => lbs.push(value),
            other => usage(&format!("unknown argument {other}")),
        }
    }
    let server = fake_slb::FakeSlb::start_on(port);
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
        let servers: Vec<&str> = servers.split(',').filter(|s| !s.is_empty()).collect();
        server.add_lb(id, region, &servers);
    }
    println!("listening on {}", server.url());
    // Serve until whoever started us closes our stdin (or we are killed).
    let _ = std::io::stdin().read_to_end(&mut Vec::new());
    let seen = server.requests();
    let failed = seen.iter().filter(|r| r.error_code.is_some()).count();
    eprintln!("fake_slb: {} request(s), {failed} answered with an error", seen.len());
}

fn usage(message: &str) -> ! {
    eprintln!("fake_slb: {message}");
    eprintln!("usage: fake_slb [--port N] [--key ID:SECRET[:TOKEN]]... [--lb ID:REGION:SERVER,...]...");
    std::process::exit(2);
}
