//! vServer groups in the fake SLB: members are (server, port[, address]) with a weight;
//! `DescribeVServerGroups` (with listeners), `DescribeVServerGroupAttribute`,
//! `AddVServerGroupBackendServers`, `RemoveVServerGroupBackendServers` and
//! `SetVServerGroupAttribute` (weights), in the documented shapes and with the
//! documented errors (20 members a call, an unknown group, a port out of range).

use std::collections::BTreeMap;

use super::{
    Failure, FakeSlb, Item, State, backend_servers, infer_type, load_balancer, lock, missing, request_id,
};

#[derive(Debug, Clone)]
struct Member {
    server_id: String,
    port: u16,
    weight: u32,
    server_type: String,
    server_ip: Option<String>,
}

struct VGroup {
    lb: String,
    region: String,
    name: String,
    members: Vec<Member>,
    /// Listeners that forward to the group: (port, protocol).
    listeners: Vec<(u16, String)>,
}

/// A master-slave server group: two members, one `Master` and one `Slave`. slbctl only
/// reads these (to say it does not handle them), so the fake only describes them.
struct MasterSlaveGroup {
    lb: String,
    region: String,
    /// (server id, port, "Master" or "Slave")
    members: Vec<(String, u16, &'static str)>,
}

#[derive(Default)]
pub struct Groups {
    groups: BTreeMap<String, VGroup>,
    master_slave: BTreeMap<String, MasterSlaveGroup>,
}

impl FakeSlb {
    /// A vServer group of `lb` with members `ID:PORT` (or `ID:PORT@IP`) at weight 100,
    /// used by listeners `PORT/PROTOCOL`.
    pub fn add_vserver_group(&self, lb: &str, group: &str, members: &[&str], listeners: &[&str]) {
        let mut state = lock(&self.state);
        let region = state.lbs.get(lb).map(|l| l.region.clone()).unwrap_or_else(|| "cn-hangzhou".into());
        let members = members.iter().map(|m| parse_member(m)).collect();
        let listeners = listeners
            .iter()
            .map(|l| {
                let (port, protocol) = l.split_once('/').unwrap_or((l, "http"));
                (port.parse().unwrap_or(80), protocol.to_owned())
            })
            .collect();
        let vgroup = VGroup { lb: lb.into(), region, name: format!("{group}-name"), members, listeners };
        state.groups.groups.insert(group.into(), vgroup);
    }

    /// A master-slave server group of `lb`: `master` and `slave` as `ID:PORT`.
    pub fn add_master_slave_group(&self, lb: &str, group: &str, master: &str, slave: &str) {
        let mut state = lock(&self.state);
        let region = state.lbs.get(lb).map(|l| l.region.clone()).unwrap_or_else(|| "cn-hangzhou".into());
        let members = [(master, "Master"), (slave, "Slave")]
            .into_iter()
            .map(|(m, role)| {
                let m = parse_member(m);
                (m.server_id, m.port, role)
            })
            .collect();
        state.groups.master_slave.insert(group.into(), MasterSlaveGroup { lb: lb.into(), region, members });
    }

    /// Delete a vServer group (as another operator might, meanwhile).
    pub fn delete_vserver_group(&self, group: &str) {
        lock(&self.state).groups.groups.remove(group);
    }

    /// The members of a vServer group as `ID:PORT[@IP]=WEIGHT`.
    pub fn group_members(&self, group: &str) -> Vec<String> {
        lock(&self.state)
            .groups
            .groups
            .get(group)
            .map(|g| g.members.iter().map(|m| format!("{}={}", key(m), m.weight)).collect())
            .unwrap_or_default()
    }
}

fn parse_member(text: &str) -> Member {
    let (left, server_ip) = match text.split_once('@') {
        Some((left, ip)) => (left, Some(ip.to_owned())),
        None => (text, None),
    };
    let (id, port) = left.split_once(':').unwrap_or((left, "80"));
    Member {
        server_id: id.into(),
        port: port.parse().unwrap_or(80),
        weight: 100,
        server_type: infer_type(id).into(),
        server_ip,
    }
}

fn key(m: &Member) -> String {
    match &m.server_ip {
        Some(ip) => format!("{}:{}@{ip}", m.server_id, m.port),
        None => format!("{}:{}", m.server_id, m.port),
    }
}

/// Whether an item names the member: same server and port, and address when given.
fn names(item: &Item, member: &Member) -> bool {
    item.server_id == member.server_id
        && item.port == Some(member.port)
        && item.server_ip.as_ref().is_none_or(|ip| Some(ip) == member.server_ip.as_ref())
}

/// Every (listener port, protocol, server, backend port) of the load balancer's vServer
/// groups, for health rows.
pub fn health_members(state: &State, lb: &str) -> Vec<(u16, String, String, u16)> {
    let mut rows = Vec::new();
    for group in state.groups.groups.values().filter(|g| g.lb == lb) {
        for (listener, protocol) in &group.listeners {
            for m in &group.members {
                rows.push((*listener, protocol.clone(), m.server_id.clone(), m.port));
            }
        }
    }
    rows
}

/// The load balancer a vServer group belongs to.
pub fn lb_of(state: &State, group: &str) -> Option<String> {
    state.groups.groups.get(group).map(|g| g.lb.clone())
}

/// `PORT/PROTOCOL` of the load balancer's listeners: the health module's (or 80/http)
/// and those of its vServer groups.
pub fn listener_list(state: &State, lb: &str) -> Vec<serde_json::Value> {
    let mut listeners: Vec<(u16, String)> = vec![(80, "http".into())];
    for group in state.groups.groups.values().filter(|g| g.lb == lb) {
        listeners.extend(group.listeners.iter().cloned());
    }
    listeners
        .iter()
        .map(|(port, protocol)| serde_json::json!({"ListenerPort": port, "ListenerProtocol": protocol}))
        .collect()
}

fn group_answer(id: &str, group: &VGroup, with_name: bool) -> String {
    let members: Vec<serde_json::Value> = group
        .members
        .iter()
        .map(|m| {
            serde_json::json!({
                "ServerId": m.server_id,
                "Port": m.port,
                "Weight": m.weight,
                "Type": m.server_type,
                "ServerIp": m.server_ip.clone().unwrap_or_else(|| "172.16.0.10".into()),
            })
        })
        .collect();
    let mut answer = serde_json::json!({
        "RequestId": request_id(),
        "VServerGroupId": id,
        "LoadBalancerId": group.lb,
        "BackendServers": {"BackendServer": members},
    });
    if with_name {
        answer["VServerGroupName"] = group.name.clone().into();
    }
    answer.to_string()
}

pub fn serve(state: &mut State, action: &str, params: &BTreeMap<String, String>) -> Result<String, Failure> {
    let get = |name: &str| params.get(name).map(String::as_str).filter(|v| !v.is_empty());
    let region = get("RegionId").ok_or_else(|| missing("RegionId"))?.to_owned();
    if action == "DescribeVServerGroups" {
        let (lb, _) = load_balancer(state, params)?;
        let lb = lb.as_str();
        let with_listeners = get("IncludeListener") == Some("true");
        let groups: Vec<serde_json::Value> = state
            .groups
            .groups
            .iter()
            .filter(|(_, g)| g.lb == lb)
            .map(|(id, g)| {
                let mut group = serde_json::json!({"VServerGroupId": id, "VServerGroupName": g.name});
                if with_listeners {
                    let listeners: Vec<serde_json::Value> = g
                        .listeners
                        .iter()
                        .map(|(port, protocol)| serde_json::json!({"Port": port, "Protocol": protocol}))
                        .collect();
                    group["AssociatedObjects"] = serde_json::json!({"Listeners": {"Listener": listeners}});
                }
                group
            })
            .collect();
        return Ok(serde_json::json!({"RequestId": request_id(), "VServerGroups": {"VServerGroup": groups}})
            .to_string());
    }
    if action == "DescribeMasterSlaveServerGroups" {
        let (lb, _) = load_balancer(state, params)?;
        let lb = lb.as_str();
        let groups: Vec<serde_json::Value> = state
            .groups
            .master_slave
            .iter()
            .filter(|(_, g)| g.lb == lb && g.region == region)
            .map(|(id, _)| {
                serde_json::json!({"MasterSlaveServerGroupId": id, "MasterSlaveServerGroupName": format!("{id}-name")})
            })
            .collect();
        return Ok(serde_json::json!({
            "RequestId": request_id(),
            "MasterSlaveServerGroups": {"MasterSlaveServerGroup": groups}
        })
        .to_string());
    }
    if action == "DescribeMasterSlaveServerGroupAttribute" {
        let id = get("MasterSlaveServerGroupId").ok_or_else(|| missing("MasterSlaveServerGroupId"))?;
        let group = state.groups.master_slave.get(id).filter(|g| g.region == region).ok_or_else(|| {
            (400, "InvalidParameter", "The specified MasterSlaveServerGroupId does not exist.".to_owned())
        })?;
        let members: Vec<serde_json::Value> = group
            .members
            .iter()
            .map(|(server, port, role)| {
                serde_json::json!({"ServerId": server, "Port": port, "Weight": 100, "ServerType": role, "Type": "ecs"})
            })
            .collect();
        return Ok(serde_json::json!({
            "RequestId": request_id(),
            "MasterSlaveServerGroupId": id,
            "MasterSlaveServerGroupName": format!("{id}-name"),
            "LoadBalancerId": group.lb,
            "MasterSlaveBackendServers": {"MasterSlaveBackendServer": members}
        })
        .to_string());
    }
    let group_id = get("VServerGroupId").ok_or_else(|| missing("VServerGroupId"))?.to_owned();
    let items = if action == "DescribeVServerGroupAttribute" { Vec::new() } else { backend_servers(params)? };
    let group = state.groups.groups.get_mut(&group_id).filter(|g| g.region == region).ok_or_else(|| {
        (400, "InvalidParameter", "The specified VServerGroupId does not exist.".to_owned())
    })?;
    if items.iter().any(|i| i.port.is_none()) {
        // Members of a vServer group are (server, port); the service's answer to a
        // missing port is UNCONFIRMED: the fake refuses, the safer reading.
        return Err((
            400,
            "InvalidParameter",
            "The specified BackendServers is invalid, as the Port value should be in [1, 65535].".into(),
        ));
    }
    match action {
        "DescribeVServerGroupAttribute" => Ok(group_answer(&group_id, group, true)),
        "AddVServerGroupBackendServers" => {
            for item in &items {
                let weight = item.weight.unwrap_or(100);
                match group.members.iter_mut().find(|m| names(item, m)) {
                    Some(existing) => existing.weight = weight,
                    None => group.members.push(Member {
                        server_id: item.server_id.clone(),
                        port: item.port.unwrap_or(80),
                        weight,
                        server_type: item
                            .server_type
                            .clone()
                            .unwrap_or_else(|| infer_type(&item.server_id).into()),
                        server_ip: item.server_ip.clone(),
                    }),
                }
            }
            Ok(group_answer(&group_id, group, false))
        }
        "RemoveVServerGroupBackendServers" => {
            // Members not in the group are ignored, as the documentation says.
            group.members.retain(|m| !items.iter().any(|i| names(i, m)));
            Ok(group_answer(&group_id, group, false))
        }
        "SetVServerGroupAttribute" => {
            if let Some(stranger) = items.iter().find(|i| !group.members.iter().any(|m| names(i, m))) {
                return Err((
                    400,
                    "InvalidParameter",
                    format!(
                        "The backend server {}:{} is not in the vServer group.",
                        stranger.server_id,
                        stranger.port.unwrap_or(0)
                    ),
                ));
            }
            for item in &items {
                for member in group.members.iter_mut().filter(|m| names(item, m)) {
                    if let Some(weight) = item.weight {
                        member.weight = weight;
                    }
                }
            }
            Ok(group_answer(&group_id, group, true))
        }
        other => Err((404, "InvalidAction.NotFound", format!("{other} is not served"))),
    }
}

/// `DescribeLoadBalancers`: the region's load balancers, a page at a time
/// (`PageNumber` and `PageSize` go together, 1–100), optionally only those whose
/// **default** group holds `ServerId`. Whether the real filter also sees vServer-group
/// members is UNCONFIRMED: the fake's does not, so the exhaustive discovery is what
/// finds them.
pub fn describe_load_balancers(
    state: &mut State,
    params: &BTreeMap<String, String>,
) -> Result<String, Failure> {
    let get = |name: &str| params.get(name).map(String::as_str).filter(|v| !v.is_empty());
    let region = get("RegionId").ok_or_else(|| missing("RegionId"))?;
    let page_size: usize = match (get("PageNumber"), get("PageSize")) {
        (None, Some(_)) => return Err((400, "InvalidParameter", "PageSize needs PageNumber.".into())),
        (_, Some(size)) => size
            .parse()
            .ok()
            .filter(|s| (1..=100).contains(s))
            .ok_or_else(|| (400, "InvalidParameter", "The specified PageSize is invalid.".to_owned()))?,
        (_, None) => 10,
    };
    let page: usize = get("PageNumber").and_then(|p| p.parse().ok()).filter(|p| *p >= 1).unwrap_or(1);
    let server = get("ServerId");
    let mut ids: Vec<&String> = state
        .lbs
        .iter()
        .filter(|(_, lb)| lb.region == region)
        .filter(|(_, lb)| server.is_none_or(|s| lb.backends.iter().any(|b| b.server_id == s)))
        .map(|(id, _)| id)
        .collect();
    ids.sort();
    let total = ids.len();
    let items: Vec<serde_json::Value> = ids
        .iter()
        .skip((page - 1) * page_size)
        .take(page_size)
        .map(|id| serde_json::json!({"LoadBalancerId": id, "LoadBalancerName": format!("{id}-name"), "RegionId": region, "LoadBalancerStatus": "active"}))
        .collect();
    Ok(serde_json::json!({
        "RequestId": request_id(),
        "PageNumber": page,
        "PageSize": page_size,
        "TotalCount": total,
        "LoadBalancers": {"LoadBalancer": items},
    })
    .to_string())
}
