//! The audit log (`--audit-log PATH`, `SLBCTL_AUDIT_LOG`, profile key `audit_log`):
//! every change call slbctl makes (not reads), as JSON lines, for change management's
//! "who changed which load balancer, when, and what did the service say".
//!
//! Per change call, a `sent` line before the first attempt and a `result` line after
//! the last, both with the run's `run_id` and the call's `ClientToken` where it has
//! one; a `job` line when an ALB/NLB job's final status is known; and one `end` line per
//! run with its exit code or the signal that ended it. Never a secret or token: the
//! access key id is masked, and only the action's own parameters are read.
//!
//! A new file is created 0600 (an existing one keeps its mode). Each line is one
//! `write` taken under an exclusive advisory lock (`flock`), so the lines of concurrent
//! slbctl processes never interleave or tear. A log that cannot be opened refuses the
//! command before anything is sent (exit 3); a line that cannot be written after a
//! change stops the run before the next change (exit 3), since an audit requirement
//! that fails silently is worse than none.
//!
//! May use the leaves only (and `serde_json`, `chrono`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use crate::error::{Error, Result};

/// Who makes this run's calls, for every line.
#[derive(Debug, Clone, Default)]
pub struct Caller {
    pub profile: Option<String>,
    pub credential_source: Option<String>,
}

/// The open log of this process.
pub struct AuditLog {
    path: PathBuf,
    file: Mutex<std::fs::File>,
    run_id: String,
    caller: Mutex<Caller>,
    /// Why a line could not be written, once that happened.
    broken: Mutex<Option<String>>,
}

static LOG: OnceLock<Arc<AuditLog>> = OnceLock::new();

/// Open the log at `path` (once a process; later calls give the same log). A log that
/// cannot be opened for appending is a configuration error: nothing is sent.
pub fn open(path: &Path, caller: Caller) -> Result<Arc<AuditLog>> {
    if let Some(log) = LOG.get() {
        return Ok(Arc::clone(log));
    }
    let mut options = std::fs::OpenOptions::new();
    options.append(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options.open(path).map_err(|e| {
        Error::Audit(format!(
            "cannot open the audit log {} for appending: {}; nothing was sent",
            path.display(),
            e.kind()
        ))
    })?;
    let log = Arc::new(AuditLog {
        path: path.to_path_buf(),
        file: Mutex::new(file),
        run_id: uuid::Uuid::new_v4().to_string(),
        caller: Mutex::new(caller),
        broken: Mutex::new(None),
    });
    Ok(Arc::clone(LOG.get_or_init(|| log)))
}

/// The log of this process, if one was opened.
pub fn current() -> Option<Arc<AuditLog>> {
    LOG.get().cloned()
}

/// The `end` line of the run: its exit code, or the signal that ended it.
pub fn finish(exit_code: u8) {
    if let Some(log) = current() {
        let _ = log.line(serde_json::json!({"event": "end", "exit_code": exit_code}));
    }
}

/// The `end` line of a run ended by a signal (called from the signal thread).
pub fn finish_by_signal(signal: i32) {
    if let Some(log) = current() {
        let _ = log.line(serde_json::json!({"event": "end", "signal": signal}));
    }
}

/// The `job` line: an ALB/NLB job's final status (`Succeeded`, `Failed`, `timeout`,
/// `unknown`).
pub fn job(job_id: &str, status: &str) {
    if let Some(log) = current() {
        let _ = log.line(serde_json::json!({"event": "job", "job_id": job_id, "status": status}));
    }
}

/// Whether the log failed to take a line (the run then ends with exit 3).
pub fn failure() -> Option<Error> {
    let log = current()?;
    let why = log.broken.lock().unwrap_or_else(|p| p.into_inner()).clone()?;
    Some(Error::Audit(format!(
        "the audit log {} could not be written ({why}); a change may be missing from it",
        log.path.display()
    )))
}

/// A change call as the log records it.
pub struct Change<'a> {
    pub product: &'a str,
    pub region: &'a str,
    pub access_key_id: &'a str,
    /// The action's parameters (query and form body alike; never the signed ones).
    pub params: Vec<(&'a str, &'a str)>,
}

impl Change<'_> {
    fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| *k == name).map(|(_, v)| *v)
    }

    /// The members with port and weight: CLB's `BackendServers` JSON, ALB/NLB's
    /// `Servers.N.*`.
    fn members(&self) -> serde_json::Value {
        if let Some(json) = self.param("BackendServers") {
            return serde_json::from_str::<serde_json::Value>(json).unwrap_or(serde_json::Value::Null);
        }
        let mut by_index: std::collections::BTreeMap<usize, serde_json::Map<String, serde_json::Value>> =
            Default::default();
        for (name, value) in &self.params {
            let Some(rest) = name.strip_prefix("Servers.") else { continue };
            let Some((n, field)) = rest.split_once('.') else { continue };
            let Ok(n) = n.parse::<usize>() else { continue };
            by_index
                .entry(n)
                .or_default()
                .insert(field.to_owned(), serde_json::Value::String((*value).to_owned()));
        }
        serde_json::Value::Array(by_index.into_values().map(serde_json::Value::Object).collect())
    }

    fn fields(&self) -> serde_json::Value {
        serde_json::json!({
            "product": self.product,
            "region": self.region,
            "access_key_id": crate::secret::mask_access_key_id(self.access_key_id),
            "action": self.param("Action"),
            "load_balancer_id": self.param("LoadBalancerId"),
            "group": self.param("VServerGroupId").or(self.param("ServerGroupId")),
            "client_token": self.param("ClientToken"),
            "members": self.members(),
        })
    }
}

/// How a change call ended, for its `result` line.
pub struct Outcome<'a> {
    pub attempts: u32,
    pub request_id: Option<&'a str>,
    pub job_id: Option<&'a str>,
    /// `ok`, or the error code (the API's, or the error's kind).
    pub outcome: &'a str,
    /// The `ClientToken` of the last attempt, where a busy refusal made the client send
    /// a fresh one (the `sent` line has the first).
    pub client_token: Option<&'a str>,
}

impl AuditLog {
    /// The `sent` line, before the first attempt. Refused (nothing is sent) when an
    /// earlier line could not be written, or when this one cannot be.
    pub fn sent(&self, change: &Change) -> Result<()> {
        if let Some(why) = self.broken.lock().unwrap_or_else(|p| p.into_inner()).clone() {
            return Err(Error::Audit(format!(
                "the audit log {} could not be written after an earlier change ({why}); stopping before the next change",
                self.path.display()
            )));
        }
        let mut line = change.fields();
        line["event"] = "sent".into();
        self.line(line).map_err(|why| {
            Error::Audit(format!(
                "cannot write to the audit log {} ({why}); this change was not sent",
                self.path.display()
            ))
        })
    }

    /// The `result` line, after the last attempt. A failure to write it is recorded:
    /// the next change is refused, and the run ends with exit 3.
    pub fn result(&self, change: &Change, outcome: &Outcome) {
        let mut line = change.fields();
        line["event"] = "result".into();
        line["attempts"] = outcome.attempts.into();
        line["request_id"] = outcome.request_id.into();
        line["job_id"] = outcome.job_id.into();
        // The job's final status comes on its own `job` line, when it is known.
        line["job_status"] = outcome.job_id.map(|_| "unknown").into();
        line["outcome"] = outcome.outcome.into();
        if let Some(token) = outcome.client_token {
            line["client_token"] = token.into();
        }
        let _ = self.line(line);
    }

    /// Append one line under the lock, as one write.
    fn line(&self, mut fields: serde_json::Value) -> std::result::Result<(), String> {
        let caller = self.caller.lock().unwrap_or_else(|p| p.into_inner()).clone();
        fields["time"] = chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.3fZ").to_string().into();
        fields["run_id"] = self.run_id.clone().into();
        fields["slbctl_version"] = env!("CARGO_PKG_VERSION").into();
        fields["profile"] = caller.profile.into();
        fields["credential_source"] = caller.credential_source.into();
        let mut text = serde_json::to_string(&fields).map_err(|e| e.to_string())?;
        text.push('\n');
        let file = self.file.lock().unwrap_or_else(|p| p.into_inner());
        let written = locked(&file, || (&*file).write_all(text.as_bytes()).and_then(|_| (&*file).flush()));
        if let Err(e) = &written {
            *self.broken.lock().unwrap_or_else(|p| p.into_inner()) = Some(e.kind().to_string());
        }
        written.map_err(|e| e.kind().to_string())
    }
}

/// Run `write` holding an exclusive advisory lock on the file, so that a line of another
/// process never lands in the middle of this one.
#[cfg(unix)]
fn locked(file: &std::fs::File, write: impl FnOnce() -> std::io::Result<()>) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    // SAFETY: the descriptor is open for the lifetime of `file`.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } != 0 {
        return Err(std::io::Error::last_os_error());
    }
    let result = write();
    // SAFETY: as above; closing the descriptor would release it too.
    unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_UN) };
    result
}

#[cfg(not(unix))]
fn locked(_file: &std::fs::File, write: impl FnOnce() -> std::io::Result<()>) -> std::io::Result<()> {
    write()
}

/// Whether an action changes something (and so is audited): reads are `Describe*`,
/// `List*` and `Get*`; STS's `AssumeRole*` is not a change of a load balancer.
pub fn is_change(action: &str) -> bool {
    ["Add", "Remove", "Set", "Update", "Replace", "Create", "Delete"].iter().any(|p| action.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_come_from_either_encoding() {
        let clb = Change {
            product: "clb",
            region: "r",
            access_key_id: "LTAI5tAbCdEfGhIjWxyz",
            params: vec![
                ("Action", "RemoveBackendServers"),
                ("BackendServers", r#"[{"ServerId":"i-a","Port":80}]"#),
            ],
        };
        assert_eq!(clb.members()[0]["ServerId"], "i-a");
        assert_eq!(clb.fields()["access_key_id"], "LTAI****Wxyz");
        let alb = Change {
            product: "alb",
            region: "r",
            access_key_id: "x",
            params: vec![
                ("Servers.1.ServerId", "i-a"),
                ("Servers.1.Port", "80"),
                ("Servers.2.ServerId", "i-b"),
            ],
        };
        assert_eq!(alb.members().as_array().unwrap().len(), 2);
        assert!(
            is_change("UpdateServerGroupServersAttribute")
                && !is_change("ListAsynJobs")
                && !is_change("DescribeHealthStatus")
        );
    }
}
