//! Standby state files: what `standby enter` took out, so `standby exit` can put it back
//! exactly as it was. One file per server under the user state directory
//! (`$XDG_STATE_HOME/slbctl/standby/<region>/<id>.json`, a data-directory fallback), or
//! one file for every server given (`--state-file`). Written 0600 and atomically before
//! anything changes and after each group is done, so a crash or Ctrl-C at any point
//! leaves a file that `exit` can use; a lock beside it keeps two runs for the same
//! server from interleaving.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::config::private_file;
use crate::error::{Error, Result};
use crate::slb::{Group, member_key};
use crate::text::quote;

/// One membership: a server in a group, with what re-adding it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Membership {
    pub load_balancer_id: String,
    /// None: the load balancer's default server group.
    #[serde(rename = "VServerGroupId", default, skip_serializing_if = "Option::is_none")]
    pub vserver_group_id: Option<String>,
    pub server_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    pub weight: u32,
    #[serde(rename = "Type")]
    pub server_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_ip: Option<String>,
    /// Taken out by `standby enter` (and not yet put back).
    pub removed: bool,
}

impl Membership {
    pub fn group(&self) -> Group {
        match &self.vserver_group_id {
            Some(id) => Group::VServer { group_id: id.clone() },
            None => Group::Default { load_balancer_id: self.load_balancer_id.clone() },
        }
    }

    /// The group's label in tables: `default` or the vServer group id.
    pub fn group_label(&self) -> &str {
        group_label(self.vserver_group_id.as_deref())
    }

    /// Identity within the region: load balancer, group and member.
    pub fn identity(&self) -> (String, String, String) {
        let ip = self.server_ip.as_deref().filter(|_| self.server_type == "eni");
        (
            self.load_balancer_id.clone(),
            self.group_label().to_owned(),
            member_key(&self.server_id, self.port, ip, Some(&self.server_type)),
        )
    }
}

/// A group's label (in tables and as the guards' key): `default` for a load balancer's
/// default group, else the vServer group id.
pub fn group_label(vserver_group_id: Option<&str>) -> &str {
    vserver_group_id.unwrap_or("default")
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct StateFile {
    pub version: u32,
    pub region: String,
    pub servers: Vec<String>,
    pub memberships: Vec<Membership>,
}

impl StateFile {
    pub fn new(region: &str, servers: &[String]) -> StateFile {
        StateFile {
            version: 1,
            region: region.to_owned(),
            servers: servers.to_vec(),
            memberships: Vec::new(),
        }
    }
}

/// The directory of a region's state files.
pub fn region_dir(region: &str) -> Result<PathBuf> {
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("slbctl").join("standby").join(region))
        .ok_or_else(|| Error::config("no state directory is known for this user; pass --state-file PATH"))
}

/// Every state file of a region.
pub fn all_in(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect()
        })
        .unwrap_or_default();
    paths.sort();
    paths
}

/// Read a state file: None when it does not exist. A file that is not a state file,
/// belongs to another region or other servers, or that group or others can write, is
/// a configuration error (exit 3) naming it.
pub fn load(path: &Path, region: &str, servers: Option<&[String]>) -> Result<Option<StateFile>> {
    let bad = |why: String| Error::config(format!("standby state file {}: {why}", path.display()));
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(bad(format!("cannot read it: {}", e.kind()))),
    };
    if private_file::writable_by_others(path).unwrap_or(false) {
        return Err(bad("writable by group or others; refusing to trust it".into())
            .with_hint(format!("run: chmod 600 {}", path.display())));
    }
    let state: StateFile =
        serde_json::from_str(&text).map_err(|e| bad(format!("not a standby state file ({e})")))?;
    if state.version != 1 {
        return Err(bad(format!("version {} is not one slbctl knows", state.version)));
    }
    if state.region != region {
        return Err(bad(format!("it is for region {}, not {}", quote(&state.region), quote(region))));
    }
    if let Some(servers) = servers {
        if let Some(stranger) = servers.iter().find(|s| !state.servers.contains(s)) {
            return Err(bad(format!("it does not record server {}", quote(stranger))));
        }
    }
    Ok(Some(state))
}

/// Write the state file (its directory 0700, the file 0600, atomically).
pub fn save(path: &Path, state: &StateFile) -> Result<()> {
    let fail =
        |e: String| Error::config(format!("cannot write the standby state file {}: {e}", path.display()));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        private_file::prepare_dir(dir).map_err(fail)?;
    }
    let text = serde_json::to_vec_pretty(state).map_err(|e| fail(e.to_string()))?;
    private_file::write_atomically(path, &text).map_err(|e| fail(e.kind().to_string()))
}

/// Remove the state file (everything is back).
pub fn remove(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::config(format!("cannot remove {}: {}", path.display(), e.kind()))),
    }
}

/// The lock of a state file (`<file>.lock`), or a usage error (exit 2) when another
/// `standby enter` or `exit` holds it: two runs for one server never interleave.
pub fn lock(path: &Path) -> Result<std::fs::File> {
    let lock_path = path.with_extension("lock");
    if let Some(dir) = lock_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        private_file::prepare_dir(dir)
            .map_err(|e| Error::config(format!("cannot create the state directory: {e}")))?;
    }
    match private_file::lock(&lock_path, false) {
        Ok(Some(file)) => Ok(file),
        Ok(None) => Err(Error::usage(format!(
            "another `slbctl standby` is working on {} (lock {})",
            path.display(),
            lock_path.display()
        ))),
        Err(e) => Err(Error::config(format!("cannot lock {}: {}", lock_path.display(), e.kind()))),
    }
}
