//! Build-time facts for `slbctl --version`: the target triple, and the git commit the
//! binary was built from where one is known (`SLBCTL_GIT_COMMIT`, set by scripts/dist and
//! the release workflow, else `git rev-parse` in a checkout; a crates.io build has none).
//! No dependencies: it runs on every build.

use std::process::Command;

fn main() {
    let target = std::env::var("TARGET").unwrap_or_else(|_| "unknown".to_owned());
    println!("cargo:rustc-env=SLBCTL_TARGET={target}");
    println!("cargo:rerun-if-env-changed=SLBCTL_GIT_COMMIT");
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs/heads");
    let commit = std::env::var("SLBCTL_GIT_COMMIT").ok().filter(|c| !c.trim().is_empty()).or_else(|| {
        let out = Command::new("git").args(["rev-parse", "--short=12", "HEAD"]).output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
            .filter(|c| !c.is_empty())
    });
    let mut long = format!("{}\ntarget: {target}", std::env::var("CARGO_PKG_VERSION").unwrap_or_default());
    if let Some(commit) = commit {
        long.push_str(&format!("\ncommit: {}", commit.trim()));
    }
    // One line per fact; `cargo:rustc-env` takes one line, so the newlines are escaped
    // here and restored in the binary.
    println!("cargo:rustc-env=SLBCTL_LONG_VERSION={}", long.replace('\n', "\\n"));
}
