//! ALB (2020-06-16) and NLB (2022-04-30) server groups in the fake: groups with members
//! (id, type, port, weight, address, status), listeners and ALB rules that forward to
//! them, asynchronous jobs that take a configurable time (members show `Adding`,
//! `Removing`, `Configuring` until the job ends), busy groups while a job runs
//! (`IncorrectStatus.ServerGroup`; NLB spells it `IncorrectStatus.serverGroup`),
//! ClientToken replays (same token and parameters: the same job, not applied again;
//! other parameters: `IdempotenceSignatureMismatch`), failed jobs, jobs that never end,
//! jobs the service forgets, paging, and health that changes over polls.
//!
//! Where the real service's behaviour is unconfirmed (facts: alb-nlb.md), the fake can
//! behave either way: whether removing a non-member is an error
//! (`ResourceNotFound.BackendServer`, NLB's documented answer) or ignored.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::time::{Duration, Instant};

use super::{Failure, FakeSlb, State, lock, missing, request_id};

pub const ALB_VERSION: &str = "2020-06-16";

/// The parameters every signed call carries, which say nothing of what it asks.
pub const COMMON: &[&str] = &[
    "AccessKeyId",
    "Format",
    "SecurityToken",
    "Signature",
    "SignatureMethod",
    "SignatureNonce",
    "SignatureType",
    "SignatureVersion",
    "Timestamp",
    "Version",
];
pub const NLB_VERSION: &str = "2022-04-30";

#[derive(Debug, Clone)]
pub struct SgMember {
    pub server_id: String,
    pub server_type: String,
    pub port: u16,
    pub weight: u8,
    pub server_ip: Option<String>,
    pub description: String,
    pub status: String,
}

struct SGroup {
    family: &'static str,
    region: String,
    name: String,
    kind: String,
    lbs: Vec<String>,
    members: Vec<SgMember>,
    health_check: bool,
    drain_timeout: Option<u64>,
    any_port: bool,
    /// The job now running on the group, if any (the group is busy until it ends).
    running: Option<String>,
}

/// A job: what it does, and when it ends.
struct Job {
    group: String,
    ends: Option<Instant>,
    /// `Succeeded`, `Failed` or `Processing`.
    outcome: Option<(String, String)>,
    effect: Effect,
    settled: bool,
}

#[derive(Clone)]
enum Effect {
    Remove(Vec<(String, u16, Option<String>)>),
    Add(Vec<(String, u16, Option<String>)>),
    Weight(Vec<(String, u16, Option<String>, u8)>, Vec<(String, u16, Option<String>, u8)>),
}

struct SListener {
    id: String,
    family: &'static str,
    lb: String,
    port: u16,
    protocol: String,
    group: String,
}

struct SRule {
    id: String,
    listener: String,
    lb: String,
    group: String,
    mirror: bool,
}

#[derive(Default)]
pub struct ServerGroups {
    groups: BTreeMap<String, SGroup>,
    listeners: Vec<SListener>,
    rules: Vec<SRule>,
    jobs: HashMap<String, Job>,
    /// ClientToken → (the request's parameters, the job it made).
    tokens: HashMap<String, (BTreeMap<String, String>, String)>,
    /// How long a job runs (None: forever).
    job_time: Option<Duration>,
    /// The outcomes of the next jobs: None succeeds, Some fails with (code, message).
    failing: VecDeque<Option<(String, String)>>,
    /// Jobs the job APIs do not know (as if expired).
    forget_jobs: bool,
    /// ListServerGroupServers answers pages of at most this many (default 100).
    page_size: Option<usize>,
    /// Removing a non-member: error `ResourceNotFound.BackendServer` (NLB's documented
    /// answer) instead of ignoring it; unconfirmed for ALB.
    strict_remove: bool,
    /// How a `ListServerGroupServers` without `ServerGroupId` is answered (what the real
    /// service does is unconfirmed): every group searched, nothing found, or refused.
    groupless: Groupless,
    /// Health scripts per (group, member key): statuses popped one a health call, the
    /// last one staying; `""` means normal (not listed).
    health: HashMap<(String, String), VecDeque<String>>,
}

/// The fake's answer to a group-less member query.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Groupless {
    /// Every group of the region is searched.
    #[default]
    Full,
    /// An empty list.
    Empty,
    /// `MissingParameter.ServerGroupId`.
    Refused,
}

fn member_key(id: &str, port: u16) -> String {
    format!("{id}:{port}")
}

fn infer(id: &str) -> &'static str {
    if id.starts_with("eni-") {
        "Eni"
    } else if id.starts_with("eci-") {
        "Eci"
    } else if id.starts_with("acs:") {
        "Fc"
    } else if id.parse::<std::net::IpAddr>().is_ok() {
        "Ip"
    } else {
        "Ecs"
    }
}

/// `ID:PORT[=WEIGHT]`, `[IPv6]:PORT`, or an ARN (no port).
fn parse_member(text: &str) -> SgMember {
    let (left, weight) = match text.rsplit_once('=') {
        Some((left, w)) => (left, w.parse().unwrap_or(100)),
        None => (text, 100),
    };
    let (id, port) = if left.starts_with("acs:") {
        (left.to_owned(), 0)
    } else if let Some(rest) = left.strip_prefix('[') {
        let (addr, port) = rest.split_once("]:").unwrap_or((rest.trim_end_matches(']'), "80"));
        (addr.to_owned(), port.parse().unwrap_or(80))
    } else {
        let (id, port) = left.rsplit_once(':').unwrap_or((left, "80"));
        (id.to_owned(), port.parse().unwrap_or(80))
    };
    SgMember {
        server_type: infer(&id).to_owned(),
        server_id: id,
        port,
        weight,
        server_ip: None,
        description: String::new(),
        status: "Available".into(),
    }
}

impl FakeSlb {
    /// An ALB (`family` "alb") or NLB ("nlb") server group of `lbs` in cn-hangzhou with
    /// members `ID:PORT[=WEIGHT]` (type inferred), type Instance (Ip if the first member
    /// is an address, Fc if a function).
    pub fn add_server_group(&self, family: &'static str, group: &str, lbs: &[&str], members: &[&str]) {
        let members: Vec<SgMember> = members.iter().map(|m| parse_member(m)).collect();
        let kind = match members.first().map(|m| m.server_type.as_str()) {
            Some("Ip") => "Ip",
            Some("Fc") => "Fc",
            _ => "Instance",
        };
        lock(&self.state).server_groups.groups.insert(
            group.to_owned(),
            SGroup {
                family,
                region: "cn-hangzhou".into(),
                name: format!("{group}-name"),
                kind: kind.into(),
                lbs: lbs.iter().map(|s| s.to_string()).collect(),
                members,
                health_check: true,
                drain_timeout: None,
                any_port: false,
                running: None,
            },
        );
    }

    /// A listener of `lb` forwarding to `group` (ALB: its default action).
    pub fn add_sg_listener(&self, family: &'static str, lb: &str, id: &str, port: u16, group: &str) {
        let protocol = if family == "alb" { "HTTP" } else { "TCP" };
        lock(&self.state).server_groups.listeners.push(SListener {
            id: id.into(),
            family,
            lb: lb.into(),
            port,
            protocol: protocol.into(),
            group: group.into(),
        });
    }

    /// An ALB forwarding rule of a listener: to `group`, or mirroring to it.
    pub fn add_alb_rule(&self, lb: &str, listener: &str, id: &str, group: &str, mirror: bool) {
        lock(&self.state).server_groups.rules.push(SRule {
            id: id.into(),
            listener: listener.into(),
            lb: lb.into(),
            group: group.into(),
            mirror,
        });
    }

    /// How long each job runs; None: jobs never end.
    pub fn set_job_time(&self, time: Option<Duration>) {
        lock(&self.state).server_groups.job_time = time;
    }

    /// The next job ends Failed with this code.
    pub fn fail_next_job(&self, code: &str, message: &str) {
        self.fail_next_job_after(0, code, message);
    }

    /// The job after the next `succeeding` ones ends Failed with this code.
    pub fn fail_next_job_after(&self, succeeding: usize, code: &str, message: &str) {
        let mut state = lock(&self.state);
        let failing = &mut state.server_groups.failing;
        failing.extend(std::iter::repeat_n(None, succeeding));
        failing.push_back(Some((code.into(), message.into())));
    }

    /// The job APIs stop knowing every job (as after expiry).
    pub fn forget_jobs(&self) {
        lock(&self.state).server_groups.forget_jobs = true;
    }

    /// How a group-less member query is answered.
    pub fn set_groupless_query(&self, mode: Groupless) {
        lock(&self.state).server_groups.groupless = mode;
    }

    /// Page size of member listings.
    pub fn set_member_page_size(&self, size: usize) {
        lock(&self.state).server_groups.page_size = Some(size);
    }

    /// Refuse to remove non-members (`ResourceNotFound.BackendServer`).
    pub fn set_strict_remove(&self, strict: bool) {
        lock(&self.state).server_groups.strict_remove = strict;
    }

    /// Group settings: health check on/off, connection drain, any-port.
    pub fn set_group_settings(&self, group: &str, health_check: bool, drain: Option<u64>, any_port: bool) {
        if let Some(g) = lock(&self.state).server_groups.groups.get_mut(group) {
            g.health_check = health_check;
            g.drain_timeout = drain;
            g.any_port = any_port;
        }
    }

    /// The health statuses one member shows, one per health call (`""`: normal).
    pub fn set_member_health(&self, group: &str, member: &str, statuses: &[&str]) {
        lock(&self.state)
            .server_groups
            .health
            .insert((group.into(), member.into()), statuses.iter().map(|s| s.to_string()).collect());
    }

    /// A group's members now, as `ID:PORT=WEIGHT` (after settling finished jobs).
    pub fn sg_members(&self, group: &str) -> Vec<String> {
        self.sg_member_states(group)
            .into_iter()
            .map(|m| m.rsplit_once('/').map_or(m.clone(), |(member, _)| member.to_owned()))
            .collect()
    }

    /// The members with their status: `ID:PORT=WEIGHT/STATUS`.
    pub fn sg_member_states(&self, group: &str) -> Vec<String> {
        let mut state = lock(&self.state);
        settle(&mut state.server_groups);
        state
            .server_groups
            .groups
            .get(group)
            .map(|g| {
                g.members
                    .iter()
                    .map(|m| format!("{}={}/{}", member_key(&m.server_id, m.port), m.weight, m.status))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Jobs made so far.
    pub fn job_count(&self) -> usize {
        lock(&self.state).server_groups.jobs.len()
    }
}

/// Apply every job whose time has come.
fn settle(sg: &mut ServerGroups) {
    let now = Instant::now();
    let due: Vec<String> = sg
        .jobs
        .iter()
        .filter(|(_, j)| !j.settled && j.ends.is_some_and(|e| e <= now))
        .map(|(id, _)| id.clone())
        .collect();
    for id in due {
        let Some(job) = sg.jobs.get_mut(&id) else { continue };
        job.settled = true;
        let failed = job.outcome.as_ref().is_some_and(|(s, _)| s == "Failed");
        let effect = job.effect.clone();
        let group_id = job.group.clone();
        let Some(group) = sg.groups.get_mut(&group_id) else { continue };
        group.running = None;
        let same = |m: &SgMember, (id, port, _ip): (&String, &u16, &Option<String>)| {
            m.server_id == *id && m.port == *port
        };
        match effect {
            Effect::Remove(list) => {
                if failed {
                    for m in group.members.iter_mut() {
                        if list.iter().any(|(i, p, ip)| same(m, (i, p, ip))) {
                            m.status = "Available".into();
                        }
                    }
                } else {
                    group.members.retain(|m| !list.iter().any(|(i, p, ip)| same(m, (i, p, ip))));
                }
            }
            Effect::Add(list) => {
                if failed {
                    group.members.retain(|m| !list.iter().any(|(i, p, ip)| same(m, (i, p, ip))));
                } else {
                    for m in group.members.iter_mut() {
                        if list.iter().any(|(i, p, ip)| same(m, (i, p, ip))) {
                            m.status = "Available".into();
                        }
                    }
                }
            }
            Effect::Weight(new, old) => {
                let list = if failed { old } else { new };
                for m in group.members.iter_mut() {
                    if let Some((_, _, _, w)) = list.iter().find(|(i, p, ip, _)| same(m, (i, p, ip))) {
                        m.weight = *w;
                        m.status = "Available".into();
                    }
                }
            }
        }
    }
}

/// The server list of a change: `Servers.N.*`, N from 1.
fn servers(params: &BTreeMap<String, String>) -> Result<Vec<BTreeMap<String, String>>, Failure> {
    let mut by_index: BTreeMap<usize, BTreeMap<String, String>> = BTreeMap::new();
    for (name, value) in params {
        if let Some(rest) = name.strip_prefix("Servers.") {
            let (n, field) =
                rest.split_once('.').ok_or_else(|| (400, "IllegalParam", format!("bad parameter {name}")))?;
            let n: usize = n.parse().map_err(|_| (400, "IllegalParam", format!("bad parameter {name}")))?;
            by_index.entry(n).or_default().insert(field.to_owned(), value.clone());
        }
    }
    let expected: Vec<usize> = (1..=by_index.len()).collect();
    if by_index.keys().copied().collect::<Vec<_>>() != expected {
        return Err((400, "IllegalParam", "Servers.N must be numbered from 1 without gaps".into()));
    }
    Ok(by_index.into_values().collect())
}

/// Serve one ALB or NLB action.
pub fn serve(
    state: &mut State,
    family: &'static str,
    params: &BTreeMap<String, String>,
) -> Result<String, Failure> {
    let get = |name: &str| params.get(name).map(String::as_str).filter(|v| !v.is_empty());
    let region = get("RegionId").ok_or_else(|| missing("RegionId"))?.to_owned();
    let sg = &mut state.server_groups;
    settle(sg);
    let action = get("Action").unwrap_or("");
    let not_found = || {
        let code =
            if family == "nlb" { "ResourceNotFound.serverGroup" } else { "ResourceNotFound.ServerGroup" };
        (404, code, "The specified resource of servergroup is not found.".to_owned())
    };
    match action {
        "ListServerGroupServers" => {
            let filter: Vec<&String> =
                params.iter().filter(|(k, _)| k.starts_with("ServerIds.")).map(|(_, v)| v).collect();
            if family == "nlb" && filter.len() > 40 {
                return Err((400, "IllegalParam.ServerIds", "at most 40 ServerIds".into()));
            }
            let rows: Vec<(String, SgMember)> = match get("ServerGroupId") {
                Some(id) => {
                    let group = sg
                        .groups
                        .get(id)
                        .filter(|g| g.region == region && g.family == family)
                        .ok_or_else(not_found)?;
                    group.members.iter().map(|m| (id.to_owned(), m.clone())).collect()
                }
                None => match sg.groupless {
                    Groupless::Refused => return Err(missing("ServerGroupId")),
                    Groupless::Empty => Vec::new(),
                    Groupless::Full => sg
                        .groups
                        .iter()
                        .filter(|(_, g)| g.region == region && g.family == family)
                        .flat_map(|(id, g)| g.members.iter().map(move |m| (id.clone(), m.clone())))
                        .collect(),
                },
            };
            let rows: Vec<(String, SgMember)> = rows
                .into_iter()
                .filter(|(_, m)| filter.is_empty() || filter.contains(&&m.server_id))
                .collect();
            let max: usize = get("MaxResults").and_then(|m| m.parse().ok()).unwrap_or(20);
            if !(1..=100).contains(&max) {
                return Err((400, "IllegalParam.MaxResults", "MaxResults must be 1 to 100".into()));
            }
            let size = max.min(sg.page_size.unwrap_or(100));
            let start: usize = get("NextToken")
                .map(|t| t.parse().map_err(|_| (400, "IllegalParam.NextToken", "bad NextToken".to_owned())))
                .transpose()?
                .unwrap_or(0);
            let page: Vec<serde_json::Value> = rows
                .iter()
                .skip(start)
                .take(size)
                .map(|(id, m)| {
                    let mut v = serde_json::json!({
                        "ServerGroupId": id, "ServerId": m.server_id, "ServerType": m.server_type,
                        "Port": m.port, "Weight": m.weight, "Description": m.description, "Status": m.status,
                    });
                    if m.server_type == "Fc" {
                        v.as_object_mut().map(|o| o.remove("Weight"));
                    }
                    if let Some(ip) = &m.server_ip {
                        v["ServerIp"] = ip.clone().into();
                    }
                    v
                })
                .collect();
            let next = if start + size < rows.len() { (start + size).to_string() } else { String::new() };
            Ok(serde_json::json!({
                "RequestId": request_id(), "MaxResults": max, "NextToken": next,
                "TotalCount": rows.len(), "Servers": page,
            })
            .to_string())
        }
        "ListServerGroups" => {
            let ids: Vec<&String> =
                params.iter().filter(|(k, _)| k.starts_with("ServerGroupIds.")).map(|(_, v)| v).collect();
            if family == "nlb" && ids.len() > 20 {
                return Err((400, "IllegalParam.ServerGroupIds", "at most 20".into()));
            }
            let groups: Vec<serde_json::Value> = sg
                .groups
                .iter()
                .filter(|(id, g)| {
                    g.region == region && g.family == family && (ids.is_empty() || ids.contains(id))
                })
                .map(|(id, g)| {
                    let mut v = serde_json::json!({
                        "ServerGroupId": id, "ServerGroupName": g.name, "ServerGroupType": g.kind,
                        "ServerGroupStatus": if g.running.is_some() { "Configuring" } else { "Available" },
                        "Protocol": if family == "alb" { "HTTP" } else { "TCP" },
                        "ServerCount": g.members.len(), "RelatedLoadBalancerIds": g.lbs,
                    });
                    if family == "alb" {
                        v["HealthCheckConfig"] = serde_json::json!({"HealthCheckEnabled": g.health_check});
                        v["ConnectionDrainConfig"] = serde_json::json!({
                            "ConnectionDrainEnabled": g.drain_timeout.is_some(),
                            "ConnectionDrainTimeout": g.drain_timeout.unwrap_or(300),
                        });
                    } else {
                        v["HealthCheck"] = serde_json::json!({"HealthCheckEnabled": g.health_check});
                        v["ConnectionDrainEnabled"] = g.drain_timeout.is_some().into();
                        v["ConnectionDrainTimeout"] = g.drain_timeout.unwrap_or(300).into();
                        v["AnyPortEnabled"] = g.any_port.into();
                        // NLB documents TotalCount-like numbers as strings in places.
                        v["ServerCount"] = g.members.len().to_string().into();
                    }
                    v
                })
                .collect();
            Ok(serde_json::json!({"RequestId": request_id(), "NextToken": "", "TotalCount": groups.len(), "ServerGroups": groups}).to_string())
        }
        "ListListeners" => {
            let lb = get("LoadBalancerIds.1").unwrap_or("");
            let listeners: Vec<serde_json::Value> = sg
                .listeners
                .iter()
                .filter(|l| l.family == family && (lb.is_empty() || l.lb == lb))
                .map(|l| {
                    let mut v = serde_json::json!({
                        "ListenerId": l.id, "LoadBalancerId": l.lb, "ListenerPort": l.port,
                        "ListenerProtocol": l.protocol, "ListenerStatus": "Running",
                    });
                    if family == "alb" {
                        v["DefaultActions"] = serde_json::json!([{"Type": "ForwardGroup",
                            "ForwardGroupConfig": {"ServerGroupTuples": [{"ServerGroupId": l.group}]}}]);
                    } else {
                        v["ServerGroupId"] = l.group.clone().into();
                    }
                    v
                })
                .collect();
            Ok(serde_json::json!({"RequestId": request_id(), "NextToken": "", "Listeners": listeners})
                .to_string())
        }
        "ListRules" if family == "alb" => {
            let lb = get("LoadBalancerIds.1").unwrap_or("");
            let rules: Vec<serde_json::Value> = sg
                .rules
                .iter()
                .filter(|r| lb.is_empty() || r.lb == lb)
                .map(|r| {
                    let action = if r.mirror {
                        serde_json::json!({"Type": "TrafficMirror", "TrafficMirrorConfig": {"MirrorGroupConfig": {"ServerGroupTuples": [{"ServerGroupId": r.group}]}}})
                    } else {
                        serde_json::json!({"Type": "ForwardGroup", "ForwardGroupConfig": {"ServerGroupTuples": [{"ServerGroupId": r.group}]}})
                    };
                    serde_json::json!({"RuleId": r.id, "ListenerId": r.listener, "LoadBalancerId": r.lb, "RuleActions": [action]})
                })
                .collect();
            Ok(serde_json::json!({"RequestId": request_id(), "NextToken": "", "Rules": rules}).to_string())
        }
        "ListAsynJobs" if family == "alb" => {
            let id = get("JobIds.1").unwrap_or("");
            let jobs: Vec<serde_json::Value> = sg
                .jobs
                .get(id)
                .filter(|_| !sg.forget_jobs)
                .map(|job| {
                    let (status, code, message) = job_status(job);
                    vec![serde_json::json!({"Id": id, "Status": status, "ErrorCode": code, "ErrorMessage": message, "ResourceType": "servergroup", "ResourceId": job.group})]
                })
                .unwrap_or_default();
            Ok(serde_json::json!({"RequestId": request_id(), "TotalCount": jobs.len(), "Jobs": jobs})
                .to_string())
        }
        "GetJobStatus" if family == "nlb" => {
            let id = get("JobId").ok_or_else(|| missing("JobId"))?;
            let job = sg
                .jobs
                .get(id)
                .filter(|_| !sg.forget_jobs)
                .ok_or_else(|| (404, "ResourceNotFound.JobId", "The job is not found.".to_owned()))?;
            // NLB's English model documents lower-case `processing`.
            let (status, _, _) = job_status(job);
            let status = if status == "Processing" { "processing" } else { status };
            Ok(serde_json::json!({"RequestId": request_id(), "Status": status}).to_string())
        }
        "GetListenerHealthStatus" => listener_health(sg, family, params),
        "AddServersToServerGroup" | "RemoveServersFromServerGroup" | "UpdateServerGroupServersAttribute" => {
            change(sg, family, &region, action, params)
        }
        _ => Err((
            404,
            "InvalidAction.NotFound",
            "Specified api is not found, please check your url and method.".into(),
        )),
    }
}

fn job_status(job: &Job) -> (&'static str, String, String) {
    if !job.settled {
        return ("Processing", String::new(), String::new());
    }
    match &job.outcome {
        Some((s, m)) if s == "Failed" => (
            "Failed",
            m.split_once('|').map_or(m.clone(), |(c, _)| c.to_owned()),
            m.split_once('|').map_or(String::new(), |(_, m)| m.to_owned()),
        ),
        _ => ("Succeeded", String::new(), String::new()),
    }
}

fn change(
    sg: &mut ServerGroups,
    family: &'static str,
    region: &str,
    action: &str,
    params: &BTreeMap<String, String>,
) -> Result<String, Failure> {
    let get = |name: &str| params.get(name).map(String::as_str).filter(|v| !v.is_empty());
    let id = get("ServerGroupId").ok_or_else(|| missing("ServerGroupId"))?.to_owned();
    let items = servers(params)?;
    if items.is_empty() {
        return Err(missing("Servers"));
    }
    let limit = if family == "alb" && action == "UpdateServerGroupServersAttribute" { 40 } else { 200 };
    if items.len() > limit {
        return Err((400, "QuotaExceeded.ServersNum", format!("at most {limit} servers in one call")));
    }
    // A replay of a token: the same job, nothing applied again.
    let fingerprint: BTreeMap<String, String> = params
        .iter()
        .filter(|(k, _)| !COMMON.contains(&k.as_str()) && *k != "ClientToken")
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let token = get("ClientToken").map(str::to_owned);
    if let Some((seen, job)) = token.as_ref().and_then(|t| sg.tokens.get(t)) {
        if *seen != fingerprint {
            return Err((
                400,
                "IdempotenceSignatureMismatch",
                "The idempotence token of request is same with the prev one, but the signature is different."
                    .into(),
            ));
        }
        return Ok(
            serde_json::json!({"RequestId": request_id(), "ServerGroupId": id, "JobId": job}).to_string()
        );
    }
    let strict_remove = sg.strict_remove;
    let job_time = sg.job_time;
    let failing = sg.failing.pop_front().flatten();
    let group =
        sg.groups.get_mut(&id).filter(|g| g.region == region && g.family == family).ok_or_else(|| {
            let code =
                if family == "nlb" { "ResourceNotFound.serverGroup" } else { "ResourceNotFound.ServerGroup" };
            (404, code, "The specified resource of servergroup is not found.".to_owned())
        })?;
    if group.running.is_some() {
        if let Some(f) = failing {
            sg.failing.push_front(Some(f));
        }
        let code =
            if family == "nlb" { "IncorrectStatus.serverGroup" } else { "IncorrectStatus.ServerGroup" };
        return Err((
            400,
            code,
            format!(
                "The status of servergroup [{id}] is incorrect. Please check if the server group is currently undergoing any other operations."
            ),
        ));
    }
    let mut parsed = Vec::new();
    for item in &items {
        let server_id = item.get("ServerId").cloned().ok_or_else(|| missing("Servers.N.ServerId"))?;
        let kind = item.get("ServerType").cloned().ok_or_else(|| missing("Servers.N.ServerType"))?;
        if !["Ecs", "Eni", "Eci", "Ip", "Fc"].contains(&kind.as_str()) || (kind == "Fc" && family == "nlb") {
            return Err((400, "IllegalParam.ServerType", format!("bad ServerType {kind}")));
        }
        let port: u16 = match item.get("Port") {
            Some(p) => p.parse().map_err(|_| (400, "IllegalParam.Port", format!("bad port {p}")))?,
            None if kind == "Fc" || family == "nlb" => 0,
            None => return Err(missing("Servers.N.Port")),
        };
        if family == "alb" && kind != "Fc" && port == 0 {
            return Err((400, "IllegalParam.Port", "port must be 1-65535".into()));
        }
        let weight: Option<u8> = item
            .get("Weight")
            .map(|w| w.parse().map_err(|_| (400, "IllegalParam.Weight", format!("bad weight {w}"))))
            .transpose()?;
        if weight.is_some_and(|w| w > 100) {
            return Err((400, "IllegalParam.Weight", "weight 0-100".into()));
        }
        parsed.push((
            server_id,
            kind,
            port,
            item.get("ServerIp").cloned(),
            weight,
            item.get("Description").cloned(),
        ));
    }
    let find = |members: &[SgMember], id: &str, port: u16| {
        members.iter().position(|m| m.server_id == id && m.port == port)
    };
    let effect = match action {
        "RemoveServersFromServerGroup" => {
            let mut list = Vec::new();
            for (sid, _, port, ip, _, _) in &parsed {
                match find(&group.members, sid, *port) {
                    Some(i) => {
                        group.members[i].status = "Removing".into();
                        list.push((sid.clone(), *port, ip.clone()));
                    }
                    None if strict_remove => {
                        return Err((
                            404,
                            "ResourceNotFound.BackendServer",
                            "The specified backend server resource was not found.".into(),
                        ));
                    }
                    None => {}
                }
            }
            Effect::Remove(list)
        }
        "AddServersToServerGroup" => {
            let mut list = Vec::new();
            for (sid, kind, port, ip, weight, description) in &parsed {
                if find(&group.members, sid, *port).is_some() {
                    return Err((
                        400,
                        "ResourceAlreadyAssociated.BackendServer",
                        format!("{sid}:{port} is already in the group"),
                    ));
                }
                let fits = match group.kind.as_str() {
                    "Ip" => kind == "Ip",
                    "Fc" => kind == "Fc",
                    _ => matches!(kind.as_str(), "Ecs" | "Eni" | "Eci"),
                };
                if !fits {
                    return Err((
                        400,
                        "Mismatch.ServerType",
                        format!("{kind} does not fit a {} group", group.kind),
                    ));
                }
                group.members.push(SgMember {
                    server_id: sid.clone(),
                    server_type: kind.clone(),
                    port: *port,
                    weight: weight.unwrap_or(100),
                    server_ip: ip.clone(),
                    description: description.clone().unwrap_or_default(),
                    status: "Adding".into(),
                });
                list.push((sid.clone(), *port, ip.clone()));
            }
            Effect::Add(list)
        }
        _ => {
            let (mut new, mut old) = (Vec::new(), Vec::new());
            for (sid, _, port, ip, weight, _) in &parsed {
                let i = find(&group.members, sid, *port).ok_or_else(|| {
                    (404, "ResourceNotFound.BackendServer", format!("{sid}:{port} is not in the group"))
                })?;
                let member = &mut group.members[i];
                old.push((sid.clone(), *port, ip.clone(), member.weight));
                new.push((sid.clone(), *port, ip.clone(), weight.unwrap_or(100)));
                member.status = "Configuring".into();
            }
            Effect::Weight(new, old)
        }
    };
    let job_id = uuid::Uuid::new_v4().to_string();
    group.running = Some(job_id.clone());
    let ends = job_time.map(|t| Instant::now() + t);
    let outcome = failing.map(|(code, message)| ("Failed".to_owned(), format!("{code}|{message}")));
    sg.jobs.insert(job_id.clone(), Job { group: id.clone(), ends, outcome, effect, settled: false });
    if let Some(token) = token {
        sg.tokens.insert(token, (fingerprint, job_id.clone()));
    }
    settle(sg);
    Ok(serde_json::json!({"RequestId": request_id(), "ServerGroupId": id, "JobId": job_id}).to_string())
}

fn listener_health(
    sg: &mut ServerGroups,
    family: &'static str,
    params: &BTreeMap<String, String>,
) -> Result<String, Failure> {
    let id = params.get("ListenerId").cloned().ok_or_else(|| missing("ListenerId"))?;
    let Some(listener) = sg.listeners.iter().find(|l| l.id == id && l.family == family) else {
        return Err((404, "ResourceNotFound.Listener", "The listener is not found.".into()));
    };
    let include_rules = params.get("IncludeRule").is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let mut groups: Vec<(String, Option<String>, &'static str)> =
        vec![(listener.group.clone(), None, "ForwardGroup")];
    if include_rules {
        for rule in sg.rules.iter().filter(|r| r.listener == id) {
            groups.push((
                rule.group.clone(),
                Some(rule.id.clone()),
                if rule.mirror { "TrafficMirror" } else { "ForwardGroup" },
            ));
        }
    }
    let port = listener.port;
    let protocol = listener.protocol.clone();
    let mut listener_infos = Vec::new();
    let mut rule_infos = Vec::new();
    for (group_id, rule, action) in groups {
        let Some(group) = sg.groups.get(&group_id) else { continue };
        let mut bad = Vec::new();
        for m in &group.members {
            let scripted = sg.health.get_mut(&(group_id.clone(), member_key(&m.server_id, m.port)));
            let status = match scripted {
                Some(script) if script.len() > 1 => script.pop_front().unwrap_or_default(),
                Some(script) => script.front().cloned().unwrap_or_default(),
                None if !group.health_check => "Unavailable".to_owned(),
                None if m.weight == 0 => "Unused".to_owned(),
                None if m.status == "Adding" => "Initial".to_owned(),
                None => String::new(),
            };
            if !status.is_empty() {
                let mut row = serde_json::json!({"ServerId": m.server_id, "Port": m.port, "Status": status});
                if status == "Unhealthy" {
                    row["Reason"] = serde_json::json!({"ReasonCode": "CONNECT_TIMEOUT"});
                }
                bad.push(row);
            }
        }
        let mut info = serde_json::json!({"ServerGroupId": group_id, "NonNormalServers": bad});
        if family == "alb" {
            info["HealthCheckEnabled"] = if group.health_check { "on" } else { "off" }.into();
            info["ActionType"] = action.into();
            info["ServerCount"] = group.members.len().into();
        } else {
            info["HeathCheckEnabled"] = group.health_check.into();
        }
        match rule {
            None => listener_infos.push(info),
            Some(rule) => rule_infos.push(serde_json::json!({"RuleId": rule, "ServerGroupInfos": [info]})),
        }
    }
    let mut answer = serde_json::json!({
        "RequestId": request_id(), "NextToken": "",
        "ListenerHealthStatus": [{"ListenerId": id, "ListenerPort": port, "ListenerProtocol": protocol, "ServerGroupInfos": listener_infos}],
    });
    if family == "alb" {
        answer["RuleHealthStatus"] = rule_infos.into();
    }
    Ok(answer.to_string())
}
