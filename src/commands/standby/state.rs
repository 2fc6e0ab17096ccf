//! Standby state files: what `standby enter` took out, so `standby exit` can put it back
//! exactly as it was. One file per server under the user state directory
//! (`$XDG_STATE_HOME/slbctl/standby/<region>/<id>.json`, a data-directory fallback), or
//! one file for every server given (`--state-file`). Written 0600 and atomically before
//! anything changes and after each change, so a crash or Ctrl-C at any point leaves a
//! true record; a lock beside it keeps two runs for the same server from interleaving.
//!
//! Version 2 records, per membership, the product, the load balancer(s), the group, the
//! member (id, type, port, weight, address, description) and what slbctl did to it
//! (`Drained`: its weight may have been set to 0; `Removed`: taken out; `PendingJob`:
//! an ALB/NLB job was in flight). Version 1 files (CLB only) are read and rewritten as
//! version 2.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::commands::backend_group::Member;
use crate::commands::group_address::Address;
use crate::config::private_file;
use crate::error::{Error, Result};
use crate::slb::server_groups::members::MemberType;
use crate::slb::server_groups::{Family, LbProduct};
use crate::text::quote;

/// The format written now.
pub const VERSION: u32 = 2;

fn clb() -> String {
    "clb".to_owned()
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// One membership: a server in a group, with what putting it back needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Membership {
    /// `clb`, `alb` or `nlb` (version 1 files are CLB's).
    #[serde(default = "clb")]
    pub product: String,
    /// CLB: the load balancer; ALB/NLB: the first of the load balancers that use the group.
    pub load_balancer_id: String,
    /// ALB/NLB: every load balancer that uses the group.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub load_balancer_ids: Vec<String>,
    /// CLB: None for the load balancer's default server group.
    #[serde(rename = "VServerGroupId", default, skip_serializing_if = "Option::is_none")]
    pub vserver_group_id: Option<String>,
    /// ALB/NLB: the server group.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_group_id: Option<String>,
    pub server_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    pub weight: u32,
    /// CLB: `ecs`, `eni`, `eci`; ALB/NLB: `Ecs`, `Eni`, `Eci`, `Ip`, `Fc`.
    #[serde(rename = "Type")]
    pub server_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_ip: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_ip_enabled: Option<bool>,
    /// slbctl set (or was about to set) its weight to 0: `exit` restores the recorded
    /// weight where the member is still there at weight 0.
    #[serde(default, skip_serializing_if = "is_false")]
    pub drained: bool,
    /// Taken out by `standby enter` (and not yet put back).
    pub removed: bool,
    /// An ALB/NLB job that was in flight for this membership when the record was last
    /// written: its outcome is unknown until it is asked about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_job: Option<String>,
}

impl Membership {
    pub fn product(&self) -> LbProduct {
        match self.product.as_str() {
            "alb" => LbProduct::Alb,
            "nlb" => LbProduct::Nlb,
            _ => LbProduct::Clb,
        }
    }

    pub fn family(&self) -> Option<Family> {
        self.product().family()
    }

    /// The group's label in tables: `default`, the vServer group id, or the server group id.
    pub fn group_label(&self) -> &str {
        match (&self.server_group_id, &self.vserver_group_id) {
            (Some(id), _) | (None, Some(id)) => id,
            (None, None) => "default",
        }
    }

    /// Where the group is, for grouping and guards: (load balancer or `-`, group label).
    /// An ALB/NLB group is one whatever load balancers use it.
    pub fn group_key(&self) -> (String, String) {
        match self.family() {
            Some(_) => (String::new(), self.group_label().to_owned()),
            None => (self.load_balancer_id.clone(), self.group_label().to_owned()),
        }
    }

    /// The member's key within its group (the model's one rule for every product).
    pub fn member_key(&self) -> String {
        self.member().key()
    }

    /// The recorded member, as the backend-group model has it.
    pub fn member(&self) -> Member {
        let kind = MemberType::from_api(&self.server_type).unwrap_or(MemberType::Ecs);
        let mut member = Member::new(&self.server_id, kind, self.port, self.server_ip.clone());
        member.weight = Some(self.weight);
        member.description = self.description.clone();
        member.remote_ip_enabled = self.remote_ip_enabled;
        member
    }

    /// Where the membership's group is.
    pub fn address(&self) -> Address {
        match self.family() {
            Some(family) => Address::ServerGroup {
                family,
                server_group_id: self.group_label().to_owned(),
                load_balancer_ids: if self.load_balancer_ids.is_empty() {
                    vec![self.load_balancer_id.clone()]
                } else {
                    self.load_balancer_ids.clone()
                },
            },
            None => Address::Clb {
                load_balancer_id: self.load_balancer_id.clone(),
                vserver_group_id: self.vserver_group_id.clone(),
            },
        }
    }

    /// Identity within the region: product, group and member.
    pub fn identity(&self) -> (String, String, String, String) {
        let (lb, group) = self.group_key();
        (self.product.clone(), lb, group, self.member_key())
    }

    /// `lb-1/rsp-web` or `alb/sgp-1`, as messages name the group.
    pub fn place(&self) -> String {
        match self.family() {
            Some(f) => format!("{}/{}", f.label().to_lowercase(), self.group_label()),
            None => format!("{}/{}", self.load_balancer_id, self.group_label()),
        }
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
            version: VERSION,
            region: region.to_owned(),
            servers: servers.to_vec(),
            memberships: Vec::new(),
        }
    }
}

/// The root of the state directories (one folder per region below it).
pub fn root_dir() -> Result<PathBuf> {
    dirs::state_dir()
        .or_else(dirs::data_local_dir)
        .map(|d| d.join("slbctl").join("standby"))
        .ok_or_else(|| Error::config("no state directory is known for this user; pass --state-file PATH"))
}

/// The directory of a region's state files.
pub fn region_dir(region: &str) -> Result<PathBuf> {
    Ok(root_dir()?.join(region))
}

/// The file name of a server's record: its id (an address's `:` and `[]` become `_`, so
/// the name is one on every file system).
pub fn file_name(server: &str) -> String {
    let safe: String =
        server.chars().map(|c| if matches!(c, ':' | '[' | ']' | '/' | '\\') { '_' } else { c }).collect();
    format!("{safe}.json")
}

/// The regions (other than `region`) whose state folder holds a record for `server`.
pub fn regions_with_record(server: &str, region: &str) -> Vec<String> {
    let Ok(root) = root_dir() else { return Vec::new() };
    let mut regions: Vec<String> = std::fs::read_dir(&root)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().join(file_name(server)).exists())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|r| r != region)
                .collect()
        })
        .unwrap_or_default();
    regions.sort();
    regions
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
/// a configuration error (exit 3) naming it. A version 1 file is read as CLB's and is
/// rewritten as version 2 on the next save.
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
    let mut state: StateFile =
        serde_json::from_str(&text).map_err(|e| bad(format!("not a standby state file ({e})")))?;
    if !(1..=VERSION).contains(&state.version) {
        return Err(bad(format!("version {} is not one slbctl knows", state.version)));
    }
    state.version = VERSION;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_1_record_reads_as_clb() {
        let v1 = r#"{"LoadBalancerId":"lb-1","VServerGroupId":"rsp-1","ServerId":"i-a","Port":80,"Weight":40,"Type":"ecs","Removed":true}"#;
        let m: Membership = serde_json::from_str(v1).unwrap();
        assert_eq!(m.product(), LbProduct::Clb);
        assert_eq!(m.identity(), ("clb".into(), "lb-1".into(), "rsp-1".into(), "i-a:80".into()));
        let alb = Membership {
            product: "alb".into(),
            server_group_id: Some("sgp-1".into()),
            server_type: "Ecs".into(),
            ..m
        };
        assert_eq!(alb.identity(), ("alb".into(), String::new(), "sgp-1".into(), "i-a:80".into()));
        assert_eq!(alb.place(), "alb/sgp-1");
        assert_eq!(file_name("[2001:db8::1]"), "_2001_db8__1_.json");
    }
}
