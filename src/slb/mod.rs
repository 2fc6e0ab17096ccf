//! The load-balancer products, as typed request parameters and answers. This file is
//! classic SLB/CLB (2014-05-15): its endpoint rules, actions and answers; `ids` checks
//! CLB server ids; `server_groups/` is ALB (2020-06-16) and NLB (2022-04-30), whose
//! backends are server groups with asynchronous jobs. Uses `api` (for the product
//! descriptions) and the leaves; knows nothing of flags, files or output.

pub(crate) mod ids;
pub(crate) mod server_groups;

use serde::{Deserialize, Serialize};

use crate::api::Product;
use crate::error::{Error, Result};
use ids::ServerType;

/// Classic SLB (CLB): API version 2014-05-15, endpoints `slb[-vpc].REGION.aliyuncs.com`,
/// with regions served by the central endpoint per the 2014-05-15 endpoint table.
pub const PRODUCT: Product = Product {
    code: "slb",
    api_version: "2014-05-15",
    central_regions: &[
        "cn-qingdao",
        "cn-beijing",
        "cn-hangzhou",
        "cn-shanghai",
        "cn-shenzhen",
        "cn-hongkong",
        "ap-southeast-1",
        "us-east-1",
        "us-west-1",
    ],
    // "The load balancer is busy with another change" (Terraform's `SlbIsBusy` plus the
    // vServer-group one): waited out within `--busy-timeout`, not `--retries`.
    busy_codes: &[
        "ServiceIsConfiguring",
        "BackendServer.configuring",
        "VServerGroupProcessing",
        "OperationBusy",
        "SystemBusy",
        "ServiceIsStopping",
    ],
};

/// An answer read straight from its bytes into its type, without a JSON tree in
/// between; one that does not fit is a response error (exit 5) naming `what`.
fn read_answer<T: serde::de::DeserializeOwned>(body: &[u8], what: &str) -> Result<T> {
    serde_json::from_slice(body).map_err(|e| unexpected_shape(what, &e))
}

fn unexpected_shape(what: &str, error: &serde_json::Error) -> Error {
    Error::Response(format!("{what} has an unexpected shape: {error}"))
}

/// The backend actions that take a `BackendServers` list (at most 20 per call).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackendAction {
    Remove,
    Add,
    SetWeight,
}

impl BackendAction {
    /// The action's name for the default server group.
    pub fn name(self) -> &'static str {
        match self {
            BackendAction::Remove => "RemoveBackendServers",
            BackendAction::Add => "AddBackendServers",
            BackendAction::SetWeight => "SetBackendServers",
        }
    }

    /// The action's name for a vServer group (SetVServerGroupAttribute sets weights).
    pub fn vserver_group_name(self) -> &'static str {
        match self {
            BackendAction::Remove => "RemoveVServerGroupBackendServers",
            BackendAction::Add => "AddVServerGroupBackendServers",
            BackendAction::SetWeight => "SetVServerGroupAttribute",
        }
    }
}

/// Where the backend actions act: a load balancer's default server group, whose
/// members are servers, or a vServer group, whose members are (server, port) pairs
/// (and, for an ENI with several addresses, the address too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Group {
    Default { load_balancer_id: String },
    VServer { group_id: String },
}

impl Group {
    pub fn is_vserver(&self) -> bool {
        matches!(self, Group::VServer { .. })
    }

    /// The parameter naming the group in a call.
    fn id_param(&self) -> (&'static str, String) {
        match self {
            Group::Default { load_balancer_id } => ("LoadBalancerId", load_balancer_id.clone()),
            Group::VServer { group_id } => ("VServerGroupId", group_id.clone()),
        }
    }

    /// The group's members: `DescribeLoadBalancerAttribute` for the default group,
    /// `DescribeVServerGroupAttribute` for a vServer group.
    pub fn describe_params(&self, region: &str) -> Vec<(&'static str, String)> {
        let action = match self {
            Group::Default { .. } => "DescribeLoadBalancerAttribute",
            Group::VServer { .. } => "DescribeVServerGroupAttribute",
        };
        vec![("Action", action.to_owned()), ("RegionId", region.to_owned()), self.id_param()]
    }
}

/// The key that identifies a member in messages, verdicts and sets: the server id in
/// the default group; `ID:PORT` in a vServer group, with `@IP` for an ENI (whose
/// members are told apart by address, as Alibaba's own controller does).
pub fn member_key(
    server_id: &str,
    port: Option<u16>,
    server_ip: Option<&str>,
    server_type: Option<&str>,
) -> String {
    match (port, server_ip) {
        (None, _) => server_id.to_owned(),
        (Some(port), Some(ip)) if server_type == Some("eni") => format!("{server_id}:{port}@{ip}"),
        (Some(port), _) => format!("{server_id}:{port}"),
    }
}

/// One element of the `BackendServers` parameter. The weight is sent as a string, as
/// in the API's own examples; removal sends none.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackendServerRef {
    #[serde(rename = "ServerId")]
    pub server_id: String,
    #[serde(rename = "Type")]
    pub server_type: ServerType,
    #[serde(rename = "Weight", skip_serializing_if = "Option::is_none")]
    pub weight: Option<String>,
    /// The backend port, in a vServer group.
    #[serde(rename = "Port", skip_serializing_if = "Option::is_none")]
    pub port: Option<u16>,
    /// The address of an ENI with several, in a vServer group.
    #[serde(rename = "ServerIp", skip_serializing_if = "Option::is_none")]
    pub server_ip: Option<String>,
}

impl BackendServerRef {
    /// `explicit` (from `--type`) wins; otherwise the type is inferred from the id.
    pub fn new(server_id: &str, explicit: Option<ServerType>) -> Self {
        BackendServerRef {
            server_id: server_id.to_owned(),
            server_type: explicit.unwrap_or_else(|| ServerType::infer(server_id)),
            weight: None,
            port: None,
            server_ip: None,
        }
    }

    /// A member of a vServer group: the server on a port (and address).
    pub fn at(mut self, port: Option<u16>, server_ip: Option<String>) -> Self {
        self.port = port;
        self.server_ip = server_ip;
        self
    }

    /// The member's key (see [`member_key`]).
    pub fn key(&self) -> String {
        member_key(&self.server_id, self.port, self.server_ip.as_deref(), Some(self.server_type.name()))
    }

    pub fn with_weight(mut self, weight: u8) -> Self {
        self.weight = Some(weight.to_string());
        self
    }
}

/// The parameters of one backend action. `BackendServers` is JSON, produced by
/// serde_json so that no id can break out of its string.
pub fn backend_action(
    action: BackendAction,
    region: &str,
    group: &Group,
    servers: &[BackendServerRef],
) -> Result<Vec<(&'static str, String)>> {
    let backend_servers = serde_json::to_string(servers)
        .map_err(|e| Error::Other(anyhow::anyhow!("cannot serialize BackendServers: {e}")))?;
    let name = if group.is_vserver() { action.vserver_group_name() } else { action.name() };
    Ok(vec![
        ("Action", name.to_owned()),
        ("RegionId", region.to_owned()),
        group.id_param(),
        ("BackendServers", backend_servers),
    ])
}

/// `DescribeLoadBalancers`, page `page` of 100 (both always set: without PageNumber,
/// some clients re-read page 1 forever), optionally only those holding `server_id`.
pub fn describe_load_balancers(
    region: &str,
    page: u32,
    server_id: Option<&str>,
) -> Vec<(&'static str, String)> {
    let mut params = vec![
        ("Action", "DescribeLoadBalancers".to_owned()),
        ("RegionId", region.to_owned()),
        ("PageNumber", page.to_string()),
        ("PageSize", LOAD_BALANCERS_PAGE_SIZE.to_string()),
    ];
    if let Some(id) = server_id {
        params.push(("ServerId", id.to_owned()));
    }
    params
}

/// The largest page `DescribeLoadBalancers` gives.
pub const LOAD_BALANCERS_PAGE_SIZE: u32 = 100;

/// One page of `DescribeLoadBalancers`.
#[derive(Debug, Clone, Deserialize)]
pub struct LoadBalancersPage {
    #[serde(rename = "TotalCount", default)]
    pub total_count: u64,
    #[serde(rename = "LoadBalancers", default)]
    load_balancers: LoadBalancerList,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct LoadBalancerList {
    #[serde(rename = "LoadBalancer", default)]
    load_balancer: Vec<LoadBalancerSummary>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LoadBalancerSummary {
    #[serde(rename = "LoadBalancerId")]
    pub id: String,
}

impl LoadBalancersPage {
    pub fn from_slice(body: &[u8]) -> Result<Self> {
        read_answer(body, "the load balancers answer")
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.load_balancers.load_balancer.iter().map(|l| l.id.as_str())
    }

    pub fn len(&self) -> usize {
        self.load_balancers.load_balancer.len()
    }
}

/// `DescribeVServerGroups` with the listeners that use each group.
pub fn describe_vserver_groups(region: &str, load_balancer_id: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Action", "DescribeVServerGroups".to_owned()),
        ("RegionId", region.to_owned()),
        ("LoadBalancerId", load_balancer_id.to_owned()),
        ("IncludeListener", "true".to_owned()),
    ]
}

/// The answer to `DescribeVServerGroups`.
#[derive(Debug, Clone, Deserialize)]
pub struct VServerGroupsResponse {
    #[serde(rename = "VServerGroups", default)]
    groups: VServerGroupList,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct VServerGroupList {
    #[serde(rename = "VServerGroup", default)]
    group: Vec<VServerGroup>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct VServerGroup {
    #[serde(rename = "VServerGroupId")]
    pub id: String,
    #[serde(rename = "VServerGroupName", default)]
    pub name: String,
    #[serde(rename = "AssociatedObjects", default)]
    associated: Associated,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct Associated {
    #[serde(rename = "Listeners", default)]
    listeners: ListenerList,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct ListenerList {
    #[serde(rename = "Listener", default)]
    listener: Vec<Listener>,
}

/// A listener that forwards to a group.
#[derive(Debug, Clone, Deserialize)]
pub struct Listener {
    #[serde(rename = "Port")]
    pub port: u16,
    #[serde(rename = "Protocol", default)]
    pub protocol: String,
}

impl VServerGroup {
    pub fn listeners(&self) -> &[Listener] {
        &self.associated.listeners.listener
    }
}

impl VServerGroupsResponse {
    pub fn from_slice(body: &[u8]) -> Result<Self> {
        read_answer(body, "the vServer groups answer")
    }

    pub fn groups(&self) -> &[VServerGroup] {
        &self.groups.group
    }
}

/// `DescribeMasterSlaveServerGroups` parameters: a load balancer's master-slave groups.
/// slbctl does not change these groups; it reads them only to say when a server it
/// takes out of rotation stays in one.
pub fn describe_master_slave_groups(region: &str, load_balancer_id: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Action", "DescribeMasterSlaveServerGroups".to_owned()),
        ("RegionId", region.to_owned()),
        ("LoadBalancerId", load_balancer_id.to_owned()),
    ]
}

/// `DescribeMasterSlaveServerGroupAttribute` parameters: one group's two members.
pub fn describe_master_slave_group_attribute(region: &str, group_id: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Action", "DescribeMasterSlaveServerGroupAttribute".to_owned()),
        ("RegionId", region.to_owned()),
        ("MasterSlaveServerGroupId", group_id.to_owned()),
    ]
}

/// The answer to `DescribeMasterSlaveServerGroups`: the group ids.
#[derive(Debug, Clone, Deserialize)]
pub struct MasterSlaveGroupsResponse {
    #[serde(rename = "MasterSlaveServerGroups", default)]
    groups: MasterSlaveGroupList,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct MasterSlaveGroupList {
    #[serde(rename = "MasterSlaveServerGroup", default)]
    group: Vec<MasterSlaveGroupId>,
}

#[derive(Debug, Clone, Deserialize)]
struct MasterSlaveGroupId {
    #[serde(rename = "MasterSlaveServerGroupId")]
    id: String,
}

/// The answer to `DescribeMasterSlaveServerGroupAttribute`: its members' server ids.
#[derive(Debug, Clone, Deserialize)]
pub struct MasterSlaveMembersResponse {
    #[serde(rename = "MasterSlaveBackendServers", default)]
    members: MasterSlaveMemberList,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct MasterSlaveMemberList {
    #[serde(rename = "MasterSlaveBackendServer", default)]
    member: Vec<MasterSlaveMember>,
}

#[derive(Debug, Clone, Deserialize)]
struct MasterSlaveMember {
    #[serde(rename = "ServerId")]
    server_id: String,
}

impl MasterSlaveGroupsResponse {
    pub fn from_slice(body: &[u8]) -> Result<Self> {
        read_answer(body, "the master-slave server groups answer")
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.groups.group.iter().map(|g| g.id.as_str())
    }
}

impl MasterSlaveMembersResponse {
    pub fn from_slice(body: &[u8]) -> Result<Self> {
        read_answer(body, "the master-slave server group answer")
    }

    pub fn server_ids(&self) -> impl Iterator<Item = &str> {
        self.members.member.iter().map(|m| m.server_id.as_str())
    }
}

/// `DescribeHealthStatus` parameters: every listener, or the one given (port, and the
/// protocol when several listeners share the port).
pub fn describe_health_status(
    region: &str,
    load_balancer_id: &str,
    listener: Option<(u16, Option<&str>)>,
) -> Vec<(&'static str, String)> {
    let mut params = vec![
        ("Action", "DescribeHealthStatus".to_owned()),
        ("RegionId", region.to_owned()),
        ("LoadBalancerId", load_balancer_id.to_owned()),
    ];
    if let Some((port, protocol)) = listener {
        params.push(("ListenerPort", port.to_string()));
        if let Some(protocol) = protocol {
            params.push(("ListenerProtocol", protocol.to_owned()));
        }
    }
    params
}

/// One row of `DescribeHealthStatus`: a backend's health on one listener and port.
#[derive(Debug, Clone, Deserialize)]
pub struct HealthRow {
    #[serde(rename = "ServerId")]
    pub server_id: String,
    /// The backend port (a vServer group member's port).
    #[serde(rename = "Port", default)]
    pub port: Option<u16>,
    /// `normal`, `abnormal` or `unavailable` (health check off or not finished).
    #[serde(rename = "ServerHealthStatus", default)]
    pub status: String,
}

/// The answer to `DescribeHealthStatus`.
#[derive(Debug, Clone, Deserialize)]
pub struct HealthResponse {
    #[serde(rename = "BackendServers", default)]
    backend_servers: HealthRows,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct HealthRows {
    #[serde(rename = "BackendServer", default)]
    backend_server: Vec<HealthRow>,
}

impl HealthResponse {
    pub fn from_slice(body: &[u8]) -> Result<Self> {
        read_answer(body, "the health answer")
    }

    pub fn rows(&self) -> &[HealthRow] {
        &self.backend_servers.backend_server
    }
}

/// One backend as the API reports it. Fields the API may leave out are optional; the
/// weight is kept as JSON because the API has sent it both as a number and a string.
#[derive(Debug, Clone, Deserialize)]
pub struct Backend {
    #[serde(rename = "ServerId")]
    pub server_id: String,
    #[serde(rename = "Type", default)]
    pub server_type: Option<String>,
    #[serde(rename = "Weight", default)]
    pub weight: Option<serde_json::Value>,
    #[serde(rename = "Description", default)]
    pub description: Option<String>,
    /// The backend port (vServer groups only).
    #[serde(rename = "Port", default)]
    pub port: Option<u16>,
    #[serde(rename = "ServerIp", default)]
    pub server_ip: Option<String>,
}

impl Backend {
    /// The member's key (see [`member_key`]).
    pub fn key(&self) -> String {
        member_key(&self.server_id, self.port, self.server_ip.as_deref(), self.server_type.as_deref())
    }

    /// The weight as the API wrote it, without quotes (`40` whether sent as a number
    /// or a string); empty when it sent none.
    pub fn weight_text(&self) -> String {
        self.weight.as_ref().map(|w| w.to_string().trim_matches('"').to_owned()).unwrap_or_default()
    }

    /// The address that tells this member apart: an ENI's `ServerIp`, None for others.
    pub fn eni_address(&self) -> Option<String> {
        self.server_ip.clone().filter(|_| self.server_type.as_deref() == Some("eni"))
    }
}

/// The answer to the backend actions and to `DescribeLoadBalancerAttribute`: the
/// backends of the default server group (after the change, for the actions).
#[derive(Debug, Clone, Deserialize)]
pub struct BackendsResponse {
    #[serde(rename = "RequestId")]
    pub request_id: String,
    /// The load balancer the group belongs to (the answers name it).
    #[serde(rename = "LoadBalancerId", default)]
    pub load_balancer_id: Option<String>,
    #[serde(rename = "BackendServers", default)]
    pub backend_servers: BackendServers,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct BackendServers {
    #[serde(rename = "BackendServer", default)]
    pub backend_server: Vec<Backend>,
}

impl BackendsResponse {
    /// Read the answer straight from its bytes, without a JSON tree in between.
    pub fn from_slice(body: &[u8]) -> Result<Self> {
        read_answer(body, "the answer")
    }

    pub fn from_json(body: &serde_json::Value) -> Result<Self> {
        Self::deserialize(body).map_err(|e| unexpected_shape("the answer", &e))
    }

    pub fn backends(&self) -> &[Backend] {
        &self.backend_servers.backend_server
    }

    /// The member keys, for membership checks in O(1): a batch may name thousands.
    pub fn member_keys(&self) -> std::collections::HashSet<String> {
        self.backends().iter().map(Backend::key).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::endpoint::{EndpointType, for_region, parse};
    use serde_json::json;

    #[test]
    fn the_resolution_table() {
        let public = |r| for_region(&PRODUCT, r, EndpointType::Public);
        let vpc = |r| for_region(&PRODUCT, r, EndpointType::Vpc);
        let central = [
            "cn-qingdao",
            "cn-beijing",
            "cn-hangzhou",
            "cn-shanghai",
            "cn-shenzhen",
            "cn-hongkong",
            "ap-southeast-1",
            "us-east-1",
            "us-west-1",
        ];
        assert_eq!(PRODUCT.central_regions, central);
        for region in central {
            assert_eq!(public(region), "https://slb.aliyuncs.com", "{region}");
            assert_eq!(vpc(region), format!("https://slb-vpc.{region}.aliyuncs.com"), "{region}");
            parse(&public(region)).unwrap();
            parse(&vpc(region)).unwrap();
        }
        // Every other region falls back to its regional endpoint.
        for region in ["eu-central-1", "cn-zhangjiakou", "ap-northeast-1", "me-east-1", "cn-wulanchabu"] {
            assert_eq!(public(region), format!("https://slb.{region}.aliyuncs.com"));
            assert_eq!(vpc(region), format!("https://slb-vpc.{region}.aliyuncs.com"));
        }
    }

    #[test]
    fn backend_servers_parameter_is_json_from_serde() {
        let servers = [
            BackendServerRef::new("i-a", None),
            BackendServerRef::new("eni-b", None),
            BackendServerRef::new("x\",\"ServerId\":\"i-evil", Some(ServerType::Eci)),
        ];
        let group = Group::Default { load_balancer_id: "lb-1".into() };
        let params = backend_action(BackendAction::Remove, "cn-hangzhou", &group, &servers).unwrap();
        let value = &params.iter().find(|(k, _)| *k == "BackendServers").unwrap().1;
        assert_eq!(
            value,
            r#"[{"ServerId":"i-a","Type":"ecs"},{"ServerId":"eni-b","Type":"eni"},{"ServerId":"x\",\"ServerId\":\"i-evil","Type":"eci"}]"#
        );
        let parsed: serde_json::Value = serde_json::from_str(value).unwrap();
        assert_eq!(parsed.as_array().unwrap().len(), 3);
    }

    #[test]
    fn vserver_group_members_carry_port_and_address() {
        let servers = [
            BackendServerRef::new("i-a", None).at(Some(8080), None).with_weight(50),
            BackendServerRef::new("eni-b", None).at(Some(80), Some("10.0.0.5".into())),
        ];
        let group = Group::VServer { group_id: "rsp-1".into() };
        let params = backend_action(BackendAction::SetWeight, "cn-hangzhou", &group, &servers).unwrap();
        let get = |k: &str| params.iter().find(|(n, _)| *n == k).map(|(_, v)| v.as_str());
        assert_eq!(get("Action"), Some("SetVServerGroupAttribute"));
        assert_eq!(get("VServerGroupId"), Some("rsp-1"));
        assert_eq!(get("LoadBalancerId"), None);
        assert_eq!(
            get("BackendServers"),
            Some(
                r#"[{"ServerId":"i-a","Type":"ecs","Weight":"50","Port":8080},{"ServerId":"eni-b","Type":"eni","Port":80,"ServerIp":"10.0.0.5"}]"#
            )
        );
        assert_eq!(servers[0].key(), "i-a:8080");
        assert_eq!(servers[1].key(), "eni-b:80@10.0.0.5");
    }

    #[test]
    fn parses_the_documented_answer() {
        let body = json!({
            "RequestId": "365F4154-92F6-4AE4-92F8-7FF34B540710",
            "LoadBalancerId": "lb-bp1o94dp5i6earr9g6d1z",
            "BackendServers": {"BackendServer": [
                {"ServerId": "i-bp1fq61enf4loa5i0r8i", "Weight": 100, "Type": "ecs", "Description": "web"}
            ]}
        });
        let r = BackendsResponse::from_json(&body).unwrap();
        assert_eq!(r.backend_servers.backend_server.len(), 1);
        assert_eq!(r.backend_servers.backend_server[0].description.as_deref(), Some("web"));
    }

    #[test]
    fn wrong_shape_is_a_response_error() {
        let err = BackendsResponse::from_json(&json!({"RequestId": 5})).unwrap_err();
        assert_eq!(err.exit_code(), 5);
        let err = BackendsResponse::from_json(&json!([1, 2])).unwrap_err();
        assert_eq!(err.exit_code(), 5);
    }
}
