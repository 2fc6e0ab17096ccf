//! A config.json profile's `process_command` (mode `External`): run it, let its stderr
//! through, and read credentials from its stdout, as the aliyun CLI does:
//! `{"mode":"StsToken","access_key_id":…,"access_key_secret":…,"sts_token":…}` (or
//! `"mode":"AK"` without a token), with an optional `expiration` (unix seconds or
//! `YYYY-MM-DDTHH:MM:SSZ`) that makes the credentials cacheable.
//!
//! The command line is split on whitespace and run without a shell, as the aliyun CLI
//! runs it. It is refused when `ALIBABA_CLOUD_DISABLE_EXTERNAL_PROCESS` is `1`/`true`,
//! and when the config.json it comes from is writable by group or others (that would
//! run someone else's code). It has 60 s; its stdout is never shown.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};

use super::Credentials;
use crate::config::vars::ENV_DISABLE_EXTERNAL_PROCESS;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::source::Source;
use crate::text::quote;

/// How long the command may take.
const TIME_LIMIT: Duration = Duration::from_secs(60);

/// A command from a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub command_line: String,
    /// The config.json it was read from (checked for write permissions before each run).
    pub file: PathBuf,
    pub profile: String,
}

impl Command {
    /// What defines the credentials, for the cache key.
    pub fn identity(&self) -> String {
        format!("{}\n{}\n{}", self.file.display(), self.profile, self.command_line)
    }
}

/// Whether external processes are disabled by the environment.
pub fn disabled(env: super::Env) -> bool {
    env(ENV_DISABLE_EXTERNAL_PROCESS).is_some_and(|v| v == "1" || v.eq_ignore_ascii_case("true"))
}

/// Refuse to run code from a file that others can change.
fn check_file(file: &Path) -> Result<()> {
    let writable = crate::config::private_file::writable_by_others(file)
        .map_err(|e| Error::config(format!("cannot read {}: {}", file.display(), e.kind())))?;
    if writable {
        return Err(Error::config(format!(
            "refusing to run the process_command of {}: the file is writable by group or others",
            file.display()
        ))
        .with_hint(format!("run: chmod 600 {}", file.display())));
    }
    Ok(())
}

/// Run the command and read its credentials.
pub fn fetch(command: &Command) -> Result<Credentials> {
    if disabled(&|name| std::env::var(name).ok().filter(|v| !v.is_empty())) {
        return Err(Error::config(format!(
            "profile {} runs a process_command, but {ENV_DISABLE_EXTERNAL_PROCESS} forbids external processes",
            quote(&command.profile)
        )));
    }
    check_file(&command.file)?;
    let mut words = command.command_line.split_whitespace();
    let program = words.next().ok_or_else(|| {
        Error::config(format!("profile {} has an empty process_command", quote(&command.profile)))
    })?;
    crate::verbose!("external process: running {} for profile {}", quote(program), command.profile);
    let mut child = std::process::Command::new(program)
        .args(words)
        .stdin(Stdio::inherit())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .map_err(|e| {
            Error::config(format!(
                "cannot run the process_command of profile {} ({}): {}",
                quote(&command.profile),
                quote(program),
                e.kind()
            ))
        })?;
    // Read stdout on a thread so a chatty command cannot block on a full pipe while we
    // wait for it with a time limit.
    let mut stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        if let Some(pipe) = stdout.as_mut() {
            let _ = pipe.take(1024 * 1024).read_to_end(&mut out);
        }
        out
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| Error::Other(e.into()))? {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(Error::config(format!(
                "the process_command of profile {} did not finish within {} s",
                quote(&command.profile),
                TIME_LIMIT.as_secs()
            )));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let out = reader.join().unwrap_or_default();
    if !status.success() {
        return Err(Error::config(format!(
            "the process_command of profile {} failed ({status})",
            quote(&command.profile)
        )));
    }
    parse(&out, &command.profile)
}

#[derive(serde::Deserialize)]
struct Output {
    #[serde(default)]
    mode: String,
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    sts_token: Option<String>,
    expiration: Option<serde_json::Value>,
}

fn parse(stdout: &[u8], profile: &str) -> Result<Credentials> {
    let not_json = || {
        Error::config(format!(
            "the process_command of profile {} printed something other than the credentials JSON (not shown: it may hold secrets)",
            quote(profile)
        ))
    };
    let output: Output = serde_json::from_slice(stdout).map_err(|_| not_json())?;
    let id = output.access_key_id.filter(|v| !v.is_empty());
    let secret = output.access_key_secret.filter(|v| !v.is_empty());
    let token = output.sts_token.filter(|v| !v.is_empty());
    let (Some(id), Some(secret)) = (id, secret) else {
        return Err(Error::config(format!(
            "the process_command of profile {} printed no access_key_id and access_key_secret",
            quote(profile)
        )));
    };
    let needs_token = output.mode.eq_ignore_ascii_case("StsToken");
    if !(needs_token || output.mode.eq_ignore_ascii_case("AK") || output.mode.is_empty()) {
        return Err(Error::config(format!(
            "the process_command of profile {} printed mode {}; AK and StsToken are understood",
            quote(profile),
            quote(&output.mode)
        )));
    }
    if needs_token && token.is_none() {
        return Err(Error::config(format!(
            "the process_command of profile {} printed mode StsToken without sts_token",
            quote(profile)
        )));
    }
    Ok(Credentials {
        access_key_id: id,
        access_key_secret: Secret::new(secret),
        security_token: token.map(Secret::new),
        source: Source::Derived(format!("process_command of profile {profile}")),
        expiration: output.expiration.as_ref().and_then(expiration),
    })
}

fn expiration(value: &serde_json::Value) -> Option<DateTime<Utc>> {
    match value {
        serde_json::Value::Number(n) => n.as_i64().and_then(|s| DateTime::from_timestamp(s, 0)),
        serde_json::Value::String(s) => super::sts::parse_expiration(s, "process_command").ok(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_cli_output_shape() {
        let c = parse(br#"{"mode":"StsToken","access_key_id":"STS.a","access_key_secret":"s","sts_token":"t","expiration":1900000000}"#, "p").unwrap();
        assert_eq!(c.security_token.unwrap().expose(), "t");
        assert_eq!(c.expiration.unwrap().timestamp(), 1_900_000_000);
        let c = parse(br#"{"mode":"AK","access_key_id":"LTAI","access_key_secret":"s"}"#, "p").unwrap();
        assert!(c.security_token.is_none() && c.expiration.is_none());
    }

    #[test]
    fn bad_output_is_never_quoted() {
        for out in [
            &b"secret-ish garbage"[..],
            br#"{"mode":"StsToken","access_key_id":"a","access_key_secret":"hidden"}"#,
        ] {
            let err = parse(out, "p").unwrap_err();
            assert_eq!(err.exit_code(), 3);
            assert!(!err.to_string().contains("hidden") && !err.to_string().contains("garbage"), "{err}");
        }
    }
}
