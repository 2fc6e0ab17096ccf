//! Health checks and eventual consistency in the fake SLB:
//!
//! - `DescribeHealthStatus`, in the documented shape: one row per listener and member
//!   (the default group's backend port is the listener's port), `normal`, `abnormal` or
//!   `unavailable` (a listener without health checks reports `unavailable`);
//! - each member's health follows a [`Script`]: normal, abnormal, unavailable, or
//!   abnormal for its first K health polls and normal after; members added later get
//!   the script set for newcomers;
//! - removed members stay listed by `DescribeLoadBalancerAttribute` for a configurable
//!   number of describes, so waits for removal are really exercised.

use std::collections::{BTreeMap, HashMap};

use super::{Failure, FakeSlb, Item, State, load_balancer, lock, request_id};

/// How a member's health checks go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Normal,
    Abnormal,
    Unavailable,
    /// Abnormal for the member's first K health polls, normal after.
    NormalAfter(usize),
    /// Normal on odd polls, abnormal on even ones.
    Flapping,
    /// No row at all: a member no running listener serves.
    NoRows,
}

pub struct Health {
    /// Per load balancer: (port, protocol, health check on).
    listeners: HashMap<String, Vec<(u16, String, bool)>>,
    scripts: HashMap<(String, String), Script>,
    polls: HashMap<(String, String), usize>,
    /// The script of members added by AddBackendServers.
    newcomers: Script,
    /// How many describes still list a removed member (0: none).
    pub describe_lag: usize,
}

impl Default for Health {
    fn default() -> Self {
        Health {
            listeners: HashMap::new(),
            scripts: HashMap::new(),
            polls: HashMap::new(),
            newcomers: Script::Normal,
            describe_lag: 0,
        }
    }
}

impl FakeSlb {
    /// Give `lb` this listener (replacing the default, 80/http with health checks).
    pub fn add_listener(&self, lb: &str, port: u16, protocol: &str, health_check: bool) {
        lock(&self.state).health.listeners.entry(lb.into()).or_default().push((
            port,
            protocol.into(),
            health_check,
        ));
    }

    pub fn set_health(&self, lb: &str, server: &str, script: Script) {
        let mut state = lock(&self.state);
        state.health.scripts.insert((lb.into(), server.into()), script);
        state.health.polls.remove(&(lb.into(), server.into()));
    }

    /// The health script of members added from now on.
    pub fn set_newcomer_health(&self, script: Script) {
        lock(&self.state).health.newcomers = script;
    }

    /// Removed members stay listed for this many describes.
    pub fn set_describe_lag(&self, describes: usize) {
        lock(&self.state).health.describe_lag = describes;
    }
}

/// Members added by AddBackendServers take the newcomers' script.
pub fn on_added(state: &mut State, params: &BTreeMap<String, String>, items: &[Item]) {
    let Some(lb) = params.get("LoadBalancerId") else { return };
    let script = state.health.newcomers;
    for item in items {
        let is_member =
            state.lbs.get(lb).is_some_and(|l| l.backends.iter().any(|b| b.server_id == item.server_id));
        if !is_member {
            let key = (lb.clone(), item.server_id.clone());
            state.health.scripts.insert(key.clone(), script);
            state.health.polls.remove(&key);
        }
    }
}

pub fn describe_health_status(
    state: &mut State,
    params: &BTreeMap<String, String>,
) -> Result<String, Failure> {
    let get = |name: &str| params.get(name).map(String::as_str).filter(|v| !v.is_empty());
    let port: Option<u16> = get("ListenerPort").map(|p| p.parse().unwrap_or(0));
    let protocol = get("ListenerProtocol").map(str::to_owned);
    let (port_filter, protocol_filter) = (port, protocol.clone());
    // RegionId is optional for this action; the fake's lookup wants it.
    let mut params = params.clone();
    let lb_id = get("LoadBalancerId").unwrap_or("").to_owned();
    if !params.contains_key("RegionId") {
        let region = state.lbs.get(&lb_id).map(|l| l.region.clone()).unwrap_or_default();
        params.insert("RegionId".into(), region);
    }
    let members: Vec<String> =
        load_balancer(state, &params)?.1.backends.iter().map(|b| b.server_id.clone()).collect();
    let listeners =
        state.health.listeners.get(&lb_id).cloned().unwrap_or_else(|| vec![(80, "http".into(), true)]);
    let chosen: Vec<&(u16, String, bool)> = listeners
        .iter()
        .filter(|(p, proto, _)| {
            port.is_none_or(|want| want == *p) && protocol.as_ref().is_none_or(|want| want == proto)
        })
        .collect();
    if port.is_some() && chosen.is_empty() {
        return Err((400, "InvalidParameter", "The specified listener does not exist.".into()));
    }
    if port.is_some() && protocol.is_none() && chosen.len() > 1 {
        return Err((
            400,
            "TooManyListeners",
            "More than 1 listener is found, please be more specified.".into(),
        ));
    }
    let mut rows = Vec::new();
    for server in &members {
        let key = (lb_id.clone(), server.clone());
        let polls = {
            let count = state.health.polls.entry(key.clone()).or_insert(0);
            *count += 1;
            *count
        };
        let script = state.health.scripts.get(&key).copied().unwrap_or(Script::Normal);
        if script == Script::NoRows {
            continue;
        }
        let status = match script {
            Script::NoRows | Script::Normal => "normal",
            Script::Abnormal => "abnormal",
            Script::Unavailable => "unavailable",
            Script::NormalAfter(k) if polls <= k => "abnormal",
            Script::NormalAfter(_) => "normal",
            Script::Flapping if polls % 2 == 1 => "normal",
            Script::Flapping => "abnormal",
        };
        for (port, protocol, checked) in &chosen {
            rows.push(serde_json::json!({
                "ListenerPort": port,
                "Protocol": protocol,
                "ServerId": server,
                "ServerIp": "172.16.0.1",
                "Port": port,
                "ServerHealthStatus": if *checked { status } else { "unavailable" },
            }));
        }
    }
    // vServer-group members, behind their groups' listeners, on their own ports.
    for (listener, protocol, server, port) in super::groups::health_members(state, &lb_id) {
        if port_filter.is_some_and(|want| want != listener)
            || protocol_filter.as_ref().is_some_and(|want| *want != protocol)
        {
            continue;
        }
        let key = (lb_id.clone(), server.clone());
        let script = state.health.scripts.get(&key).copied().unwrap_or(Script::Normal);
        let status = match script {
            Script::Abnormal => "abnormal",
            Script::Unavailable => "unavailable",
            _ => "normal",
        };
        rows.push(serde_json::json!({
            "ListenerPort": listener, "Protocol": protocol, "ServerId": server,
            "ServerIp": "172.16.0.1", "Port": port, "ServerHealthStatus": status,
        }));
    }
    Ok(serde_json::json!({"RequestId": request_id(), "BackendServers": {"BackendServer": rows}}).to_string())
}
