//! The ALB/NLB answers slbctl reads, as typed shapes read straight from the bytes.
//! Success answers are flat JSON objects (no `{"X":{"X":[…]}}` wrappers as on CLB).
//! Where the two products spell a field differently (health and drain settings), both
//! spellings are read into one field here, so nothing above this module knows.

use serde::Deserialize;

use super::members::MemberType;
use crate::error::{Error, Result};

fn read<T: serde::de::DeserializeOwned>(body: &[u8], what: &str) -> Result<T> {
    serde_json::from_slice(body).map_err(|e| Error::Response(format!("{what} has an unexpected shape: {e}")))
}

/// A number the API may send as a number or a string (NLB's `TotalCount` is documented
/// as a string and sampled as a number).
fn lenient_u64<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<u64>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(value.and_then(|v| v.as_u64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))))
}

/// A switch the API sends as a boolean (`true`) or a string (ALB health's `"on"`).
fn lenient_bool<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Option<bool>, D::Error> {
    let value = Option::<serde_json::Value>::deserialize(d)?;
    Ok(value.and_then(|v| match v {
        serde_json::Value::Bool(b) => Some(b),
        serde_json::Value::String(s) => match s.to_ascii_lowercase().as_str() {
            "on" | "true" => Some(true),
            "off" | "false" => Some(false),
            _ => None,
        },
        _ => None,
    }))
}

/// One member of a server group (`ListServerGroupServers`).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Member {
    #[serde(default)]
    pub server_group_id: String,
    pub server_id: String,
    #[serde(default)]
    pub server_type: String,
    /// 0 for a function (no port) and for NLB any-port members.
    #[serde(default)]
    pub port: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub server_ip: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote_ip_enabled: Option<bool>,
    /// `Adding`, `Available`, `Configuring`, `Removing` (ALB's replace: `Replacing`).
    #[serde(default)]
    pub status: String,
}

impl Member {
    pub fn member_type(&self) -> Option<MemberType> {
        MemberType::from_api(&self.server_type)
    }

    /// The port as a member names it: none for a function.
    pub fn port_of_key(&self) -> Option<u16> {
        (self.member_type() != Some(MemberType::Fc)).then_some(self.port)
    }

    /// The address that tells an ENI's members apart; None for other types.
    pub fn eni_address(&self) -> Option<&str> {
        self.server_ip.as_deref().filter(|_| self.member_type() == Some(MemberType::Eni))
    }

    /// The member's key (see `actions::member_key`).
    pub fn key(&self) -> String {
        super::actions::member_key(
            &self.server_id,
            self.port_of_key(),
            self.eni_address(),
            self.member_type().unwrap_or(MemberType::Ecs),
        )
    }

    /// The weight as shown: the number, or empty for a function (which has none).
    pub fn weight_text(&self) -> String {
        self.weight.map(|w| w.to_string()).unwrap_or_default()
    }
}

/// One page of `ListServerGroupServers`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MembersPage {
    #[serde(default)]
    pub next_token: Option<String>,
    #[serde(default)]
    pub servers: Vec<Member>,
}

impl MembersPage {
    pub fn from_slice(body: &[u8]) -> Result<Self> {
        read(body, "the server group's members answer")
    }
}

/// A server group's settings (`ListServerGroups`), ALB's and NLB's spellings merged.
#[derive(Debug, Clone, Deserialize, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ServerGroup {
    pub server_group_id: String,
    #[serde(default)]
    pub server_group_name: String,
    /// `Instance`, `Ip` or `Fc` (ALB only).
    #[serde(default)]
    pub server_group_type: String,
    #[serde(default)]
    pub server_group_status: String,
    #[serde(default)]
    pub protocol: String,
    #[serde(default, deserialize_with = "lenient_u64")]
    pub server_count: Option<u64>,
    #[serde(default)]
    pub related_load_balancer_ids: Vec<String>,
    /// NLB: multi-port forwarding; members then have port 0.
    #[serde(default)]
    pub any_port_enabled: bool,
    /// ALB: `HealthCheckConfig`.
    #[serde(default, skip_serializing)]
    health_check_config: Option<HealthCheck>,
    /// NLB: `HealthCheck`.
    #[serde(default, skip_serializing)]
    health_check: Option<HealthCheck>,
    /// ALB: `ConnectionDrainConfig`.
    #[serde(default, skip_serializing)]
    connection_drain_config: Option<Drain>,
    /// NLB: top-level `ConnectionDrainEnabled` / `ConnectionDrainTimeout`.
    #[serde(default, skip_serializing)]
    connection_drain_enabled: Option<bool>,
    #[serde(default, skip_serializing, deserialize_with = "lenient_u64")]
    connection_drain_timeout: Option<u64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct HealthCheck {
    #[serde(default, deserialize_with = "lenient_bool")]
    health_check_enabled: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Drain {
    #[serde(default)]
    connection_drain_enabled: bool,
    #[serde(default, deserialize_with = "lenient_u64")]
    connection_drain_timeout: Option<u64>,
}

impl ServerGroup {
    /// Whether the group's health check is on; an answer that does not say counts as
    /// on (the default of both products), so a wait does not refuse for nothing.
    pub fn health_check_enabled(&self) -> bool {
        self.health_check_config
            .as_ref()
            .or(self.health_check.as_ref())
            .and_then(|h| h.health_check_enabled)
            .unwrap_or(true)
    }

    /// The connection-drain timeout in seconds when draining is on.
    pub fn drain_timeout(&self) -> Option<u64> {
        match &self.connection_drain_config {
            Some(drain) if drain.connection_drain_enabled => {
                Some(drain.connection_drain_timeout.unwrap_or(300))
            }
            Some(_) => None,
            None if self.connection_drain_enabled == Some(true) => {
                Some(self.connection_drain_timeout.unwrap_or(300))
            }
            None => None,
        }
    }
}

/// One page of `ListServerGroups`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupsPage {
    #[serde(default)]
    pub next_token: Option<String>,
    #[serde(default)]
    pub server_groups: Vec<ServerGroup>,
}

impl GroupsPage {
    pub fn from_slice(body: &[u8]) -> Result<Self> {
        read(body, "the server groups answer")
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Tuple {
    #[serde(default)]
    server_group_id: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ForwardGroupConfig {
    #[serde(default)]
    server_group_tuples: Vec<Tuple>,
}

/// An action of an ALB listener or rule; only `ForwardGroup` sends traffic to a group
/// (a mirror copies it, so mirror groups are not counted as serving).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Action {
    #[serde(default, rename = "Type")]
    kind: String,
    #[serde(default)]
    forward_group_config: Option<ForwardGroupConfig>,
}

fn forwarded_groups(actions: &[Action]) -> Vec<String> {
    actions
        .iter()
        .filter(|a| a.kind.eq_ignore_ascii_case("ForwardGroup"))
        .filter_map(|a| a.forward_group_config.as_ref())
        .flat_map(|c| c.server_group_tuples.iter().map(|t| t.server_group_id.clone()))
        .filter(|id| !id.is_empty())
        .collect()
}

/// A listener (`ListListeners`): ALB's forward to the groups of its default actions,
/// NLB's to its one `ServerGroupId`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Listener {
    pub listener_id: String,
    #[serde(default)]
    pub listener_port: Option<u32>,
    #[serde(default)]
    pub listener_protocol: String,
    #[serde(default)]
    default_actions: Vec<Action>,
    #[serde(default)]
    server_group_id: Option<String>,
}

impl Listener {
    /// The groups this listener forwards to.
    pub fn groups(&self) -> Vec<String> {
        let mut groups = forwarded_groups(&self.default_actions);
        groups.extend(self.server_group_id.clone().filter(|id| !id.is_empty()));
        groups
    }

    /// `80/HTTP`, or the id where no port is given.
    pub fn label(&self) -> String {
        match self.listener_port {
            Some(port) if !self.listener_protocol.is_empty() => format!("{port}/{}", self.listener_protocol),
            Some(port) => port.to_string(),
            None => self.listener_id.clone(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListenersPage {
    #[serde(default)]
    pub next_token: Option<String>,
    #[serde(default)]
    pub listeners: Vec<Listener>,
}

impl ListenersPage {
    pub fn from_slice(body: &[u8]) -> Result<Self> {
        read(body, "the listeners answer")
    }
}

/// An ALB forwarding rule (`ListRules`).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Rule {
    pub rule_id: String,
    #[serde(default)]
    pub listener_id: String,
    #[serde(default)]
    rule_actions: Vec<Action>,
}

impl Rule {
    /// The groups this rule forwards to (mirror targets excluded).
    pub fn groups(&self) -> Vec<String> {
        forwarded_groups(&self.rule_actions)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RulesPage {
    #[serde(default)]
    pub next_token: Option<String>,
    #[serde(default)]
    pub rules: Vec<Rule>,
}

impl RulesPage {
    pub fn from_slice(body: &[u8]) -> Result<Self> {
        read(body, "the rules answer")
    }
}

/// The answer to a change: the job that applies it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct JobAccepted {
    #[serde(default)]
    pub job_id: String,
}

impl JobAccepted {
    pub fn from_slice(body: &[u8]) -> Result<Self> {
        let accepted: JobAccepted = read(body, "the change's answer")?;
        if accepted.job_id.is_empty() {
            return Err(Error::Response("the change was accepted, but the answer names no JobId".into()));
        }
        Ok(accepted)
    }
}

/// Where a job stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JobState {
    Succeeded,
    Failed {
        code: String,
        message: String,
    },
    /// Still running (`Processing`, NLB's documented `processing`, or anything else).
    Running(String),
    /// The service does not know the job (not listed, or `ResourceNotFound.JobId`).
    Unknown,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct AlbJob {
    #[serde(default)]
    id: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    error_code: Option<String>,
    #[serde(default)]
    error_message: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct AlbJobs {
    #[serde(default)]
    jobs: Vec<AlbJob>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct NlbJob {
    #[serde(default)]
    status: String,
}

fn state_of(status: &str, code: Option<String>, message: Option<String>) -> JobState {
    // Compared without regard to case: NLB's model documents `processing`.
    if status.eq_ignore_ascii_case("Succeeded") {
        JobState::Succeeded
    } else if status.eq_ignore_ascii_case("Failed") {
        JobState::Failed { code: code.unwrap_or_default(), message: message.unwrap_or_default() }
    } else {
        JobState::Running(status.to_owned())
    }
}

/// Read a job's state from ALB's `ListAsynJobs` (the job with this id) or NLB's
/// `GetJobStatus`.
pub fn job_state(family: super::Family, job_id: &str, body: &[u8]) -> Result<JobState> {
    match family {
        super::Family::Alb => {
            let jobs: AlbJobs = read(body, "the jobs answer")?;
            Ok(match jobs.jobs.into_iter().find(|j| j.id == job_id) {
                Some(job) => state_of(&job.status, job.error_code, job.error_message),
                None => JobState::Unknown,
            })
        }
        super::Family::Nlb => {
            let job: NlbJob = read(body, "the job status answer")?;
            Ok(state_of(&job.status, None, None))
        }
    }
}

/// A member a listener's health check does not call normal.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct NonNormal {
    pub server_id: String,
    #[serde(default)]
    pub server_ip: Option<String>,
    #[serde(default)]
    pub port: u16,
    /// `Initial`, `Unhealthy`, `Unused`, `Unavailable`.
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    reason: Option<Reason>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Reason {
    #[serde(default)]
    reason_code: Option<String>,
}

impl NonNormal {
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_ref().and_then(|r| r.reason_code.as_deref()).filter(|r| !r.is_empty())
    }
}

/// One group's health as one listener or rule sees it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GroupHealth {
    pub server_group_id: String,
    /// ALB: `ForwardGroup` or `TrafficMirror`; NLB sends none.
    #[serde(default)]
    pub action_type: Option<String>,
    /// ALB spells it `HealthCheckEnabled` (`"on"`), NLB `HeathCheckEnabled` (sic, a bool).
    #[serde(default, alias = "HeathCheckEnabled", deserialize_with = "lenient_bool")]
    pub health_check_enabled: Option<bool>,
    #[serde(default)]
    pub non_normal_servers: Vec<NonNormal>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListenerHealth {
    #[serde(default)]
    pub server_group_infos: Vec<GroupHealth>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RuleHealth {
    #[serde(default)]
    pub rule_id: String,
    #[serde(default)]
    pub server_group_infos: Vec<GroupHealth>,
}

/// One page of `GetListenerHealthStatus`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HealthPage {
    #[serde(default)]
    pub next_token: Option<String>,
    #[serde(default)]
    pub listener_health_status: Vec<ListenerHealth>,
    #[serde(default)]
    pub rule_health_status: Vec<RuleHealth>,
}

impl HealthPage {
    pub fn from_slice(body: &[u8]) -> Result<Self> {
        read(body, "the listener health answer")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_spellings_of_health_and_drain_are_read() {
        let alb: ServerGroup = serde_json::from_str(
            r#"{"ServerGroupId":"sgp-a","HealthCheckConfig":{"HealthCheckEnabled":false},
                "ConnectionDrainConfig":{"ConnectionDrainEnabled":true,"ConnectionDrainTimeout":120}}"#,
        )
        .unwrap();
        assert!(!alb.health_check_enabled());
        assert_eq!(alb.drain_timeout(), Some(120));
        let nlb: ServerGroup = serde_json::from_str(
            r#"{"ServerGroupId":"sgp-n","HealthCheck":{"HealthCheckEnabled":true},
                "ConnectionDrainEnabled":true,"ConnectionDrainTimeout":"30","ServerCount":"2"}"#,
        )
        .unwrap();
        assert!(nlb.health_check_enabled());
        assert_eq!(nlb.drain_timeout(), Some(30));
        assert_eq!(nlb.server_count, Some(2));
        let health: GroupHealth =
            serde_json::from_str(r#"{"ServerGroupId":"sgp-n","HeathCheckEnabled":false}"#).unwrap();
        assert_eq!(health.health_check_enabled, Some(false));
        let health: GroupHealth =
            serde_json::from_str(r#"{"ServerGroupId":"sgp-a","HealthCheckEnabled":"on"}"#).unwrap();
        assert_eq!(health.health_check_enabled, Some(true));
    }

    #[test]
    fn job_states_in_any_case() {
        use super::super::Family;
        let alb = br#"{"Jobs":[{"Id":"j1","Status":"Failed","ErrorCode":"X","ErrorMessage":"m"}]}"#;
        assert_eq!(
            job_state(Family::Alb, "j1", alb).unwrap(),
            JobState::Failed { code: "X".into(), message: "m".into() }
        );
        assert_eq!(job_state(Family::Alb, "j2", alb).unwrap(), JobState::Unknown);
        assert_eq!(
            job_state(Family::Nlb, "j", br#"{"Status":"processing"}"#).unwrap(),
            JobState::Running("processing".into())
        );
        assert_eq!(job_state(Family::Nlb, "j", br#"{"Status":"succeeded"}"#).unwrap(), JobState::Succeeded);
    }

    #[test]
    fn mirror_actions_do_not_count_as_serving() {
        let rule: Rule = serde_json::from_str(
            r#"{"RuleId":"rule-1","RuleActions":[
                {"Type":"TrafficMirror","ForwardGroupConfig":{"ServerGroupTuples":[{"ServerGroupId":"sgp-m"}]}},
                {"Type":"ForwardGroup","ForwardGroupConfig":{"ServerGroupTuples":[{"ServerGroupId":"sgp-f"}]}}]}"#,
        )
        .unwrap();
        assert_eq!(rule.groups(), ["sgp-f"]);
    }
}
