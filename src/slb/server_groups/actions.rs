//! The ALB/NLB calls slbctl makes, as query and form-body parameters, each where the
//! product's API model puts it (facts: alb-nlb.md 1d): ALB's change calls take
//! `Servers.N.*` in the body and the rest in the query (its remove, everything in the
//! query); NLB's server-group calls take everything in the body. `Action` and
//! `RegionId` are always in the query (the official SDKs add `RegionId` there).
//! Lists are flattened 1-based: `Servers.1.ServerId`, `ServerIds.1`.

use super::members::MemberType;
use super::{ALB_HEALTH_PAGE, Family, PAGE};

/// One call: its query parameters and its form-body parameters.
#[derive(Debug, Clone, Default)]
pub struct Call {
    pub query: Vec<(String, String)>,
    pub form: Vec<(String, String)>,
}

impl Call {
    fn new(action: &str, region: &str) -> Call {
        Call {
            query: vec![("Action".to_owned(), action.to_owned()), ("RegionId".to_owned(), region.to_owned())],
            form: Vec::new(),
        }
    }

    /// A parameter with a fixed name, in the query or the body.
    fn put(&mut self, in_body: bool, name: impl Into<String>, value: String) {
        if in_body {
            self.form.push((name.into(), value));
        } else {
            self.query.push((name.into(), value));
        }
    }

    /// The paging parameters of a listing: a full page, from `next_token`.
    fn page(&mut self, in_body: bool, next_token: Option<&str>) {
        self.put(in_body, "MaxResults", PAGE.to_string());
        if let Some(token) = next_token {
            self.put(in_body, "NextToken", token.to_owned());
        }
    }
}

/// The three changes of a group's members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Remove,
    Add,
    SetWeight,
}

impl Change {
    pub fn action_name(self) -> &'static str {
        match self {
            Change::Remove => "RemoveServersFromServerGroup",
            Change::Add => "AddServersToServerGroup",
            Change::SetWeight => "UpdateServerGroupServersAttribute",
        }
    }

    /// What the change did to a member, for summaries and partial-failure reports.
    pub fn verb(self) -> &'static str {
        match self {
            Change::Remove => "removed",
            Change::Add => "added",
            Change::SetWeight => "weighted",
        }
    }
}

/// A member to send: what names it (id, type, port, address), and what add and
/// set-weight give it. Fc members have no port and no weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Server {
    pub server_id: String,
    pub server_type: MemberType,
    pub port: Option<u16>,
    pub server_ip: Option<String>,
    pub weight: Option<u8>,
    pub description: Option<String>,
    pub remote_ip_enabled: Option<bool>,
}

impl Server {
    pub fn new(
        server_id: &str,
        server_type: MemberType,
        port: Option<u16>,
        server_ip: Option<String>,
    ) -> Server {
        Server {
            server_id: server_id.to_owned(),
            server_type,
            port,
            server_ip,
            weight: None,
            description: None,
            remote_ip_enabled: None,
        }
    }

    /// How messages and verdicts name the member: `ID:PORT`, `ID:PORT@IP` for an ENI's
    /// address, `ID` alone for a function.
    pub fn key(&self) -> String {
        member_key(&self.server_id, self.port, self.server_ip.as_deref(), self.server_type)
    }
}

/// See [`Server::key`].
pub fn member_key(
    server_id: &str,
    port: Option<u16>,
    server_ip: Option<&str>,
    server_type: MemberType,
) -> String {
    let id = if server_id.contains(':') && server_type == MemberType::Ip {
        format!("[{server_id}]")
    } else {
        server_id.to_owned()
    };
    match (port, server_ip) {
        _ if server_type == MemberType::Fc => id,
        (None, _) => id,
        (Some(port), Some(ip)) if server_type == MemberType::Eni => format!("{id}:{port}@{ip}"),
        (Some(port), _) => format!("{id}:{port}"),
    }
}

/// A change of `servers` in `group`, with its idempotency token.
pub fn change(
    family: Family,
    change: Change,
    region: &str,
    group: &str,
    servers: &[Server],
    client_token: &str,
) -> Call {
    let mut call = Call::new(change.action_name(), region);
    // ALB: ServerGroupId and ClientToken in the query; Servers in the body, except for
    // remove, whose model has everything in the query. NLB: everything in the body.
    let (head_in_body, servers_in_body) = match (family, change) {
        (Family::Alb, Change::Remove) => (false, false),
        (Family::Alb, _) => (false, true),
        (Family::Nlb, _) => (true, true),
    };
    call.put(head_in_body, "ServerGroupId", group.to_owned());
    call.put(head_in_body, "ClientToken", client_token.to_owned());
    for (index, server) in servers.iter().enumerate() {
        let n = index + 1;
        let mut field =
            |name: &str, value: String| call.put(servers_in_body, format!("Servers.{n}.{name}"), value);
        field("ServerId", server.server_id.clone());
        field("ServerType", server.server_type.api_name().to_owned());
        if server.server_type != MemberType::Fc {
            if let Some(port) = server.port {
                field("Port", port.to_string());
            }
            if let Some(ip) = &server.server_ip {
                field("ServerIp", ip.clone());
            }
            if change != Change::Remove {
                if let Some(weight) = server.weight {
                    field("Weight", weight.to_string());
                }
            }
        }
        if change == Change::Add {
            if let Some(description) = server.description.as_ref().filter(|d| !d.is_empty()) {
                field("Description", description.clone());
            }
            if let (Some(enabled), MemberType::Ip) = (server.remote_ip_enabled, server.server_type) {
                if family == Family::Alb {
                    field("RemoteIpEnabled", enabled.to_string());
                }
            }
        }
    }
    call
}

/// `ListServerGroupServers` of one group, one page (NLB: in the body).
pub fn list_members(family: Family, region: &str, group: &str, next_token: Option<&str>) -> Call {
    let mut call = Call::new("ListServerGroupServers", region);
    let body = family == Family::Nlb;
    call.put(body, "ServerGroupId", group.to_owned());
    call.page(body, next_token);
    call
}

/// The most ids one `ListServerGroupServers` filter takes (NLB's documented limit; ALB
/// states none, and the same is used there).
pub const MAX_FILTER_IDS: usize = 40;

/// `ListServerGroupServers` narrowed to `server_ids` (at most [`MAX_FILTER_IDS`]), in
/// one group, or (`group` None) in every group of the region: what a group-less query
/// searches is unconfirmed (facts 6a), so standby makes it only with `--fast`.
pub fn find_members(
    family: Family,
    region: &str,
    group: Option<&str>,
    server_ids: &[String],
    next_token: Option<&str>,
) -> Call {
    let mut call = Call::new("ListServerGroupServers", region);
    let body = family == Family::Nlb;
    if let Some(group) = group {
        call.put(body, "ServerGroupId", group.to_owned());
    }
    for (index, id) in server_ids.iter().enumerate() {
        call.put(body, format!("ServerIds.{}", index + 1), id.clone());
    }
    call.page(body, next_token);
    call
}

/// `ListServerGroups` of the given ids (at most 20 a call on NLB; none: every group of
/// the region), one page.
pub fn list_groups(family: Family, region: &str, ids: &[String], next_token: Option<&str>) -> Call {
    let mut call = Call::new("ListServerGroups", region);
    let body = family == Family::Nlb;
    for (index, id) in ids.iter().enumerate() {
        call.put(body, format!("ServerGroupIds.{}", index + 1), id.clone());
    }
    call.page(body, next_token);
    call
}

/// `ListListeners` of one load balancer, one page (query on both products).
pub fn list_listeners(region: &str, load_balancer_id: &str, next_token: Option<&str>) -> Call {
    of_load_balancer("ListListeners", region, load_balancer_id, next_token)
}

/// ALB `ListRules` of one load balancer, one page.
pub fn list_rules(region: &str, load_balancer_id: &str, next_token: Option<&str>) -> Call {
    of_load_balancer("ListRules", region, load_balancer_id, next_token)
}

/// A listing of one load balancer's `action` (listeners, rules), one page, in the query.
fn of_load_balancer(action: &str, region: &str, load_balancer_id: &str, next_token: Option<&str>) -> Call {
    let mut call = Call::new(action, region);
    call.put(false, "LoadBalancerIds.1", load_balancer_id.to_owned());
    call.page(false, next_token);
    call
}

/// The state of one job: ALB `ListAsynJobs` with `JobIds.1`, NLB `GetJobStatus`.
pub fn job_status(family: Family, region: &str, job_id: &str) -> Call {
    match family {
        Family::Alb => {
            let mut call = Call::new("ListAsynJobs", region);
            call.put(false, "JobIds.1", job_id.to_owned());
            call
        }
        Family::Nlb => {
            let mut call = Call::new("GetJobStatus", region);
            call.put(false, "JobId", job_id.to_owned());
            call
        }
    }
}

/// `GetListenerHealthStatus` of one listener, one page (ALB with the rules' health).
pub fn listener_health(family: Family, region: &str, listener_id: &str, next_token: Option<&str>) -> Call {
    let mut call = Call::new("GetListenerHealthStatus", region);
    call.put(false, "ListenerId", listener_id.to_owned());
    if family == Family::Alb {
        call.put(false, "IncludeRule", "true".to_owned());
        call.put(false, "MaxResults", ALB_HEALTH_PAGE.to_string());
    }
    if let Some(token) = next_token {
        call.put(false, "NextToken", token.to_owned());
    }
    call
}

#[cfg(test)]
mod tests {
    use super::*;

    fn servers() -> Vec<Server> {
        let mut a = Server::new("i-a", MemberType::Ecs, Some(80), None);
        a.weight = Some(50);
        let fc = Server::new("acs:fc:cn-hangzhou:1:functions/f", MemberType::Fc, Some(9), None);
        vec![a, fc]
    }

    fn names(pairs: &[(impl AsRef<str>, String)]) -> Vec<String> {
        pairs.iter().map(|(k, _)| k.as_ref().to_owned()).collect()
    }

    #[test]
    fn alb_update_puts_servers_in_the_body_and_the_rest_in_the_query() {
        let call = change(Family::Alb, Change::SetWeight, "cn-hangzhou", "sgp-1", &servers(), "tok");
        assert_eq!(names(&call.query), ["Action", "RegionId", "ServerGroupId", "ClientToken"]);
        assert_eq!(
            names(&call.form),
            [
                "Servers.1.ServerId",
                "Servers.1.ServerType",
                "Servers.1.Port",
                "Servers.1.Weight",
                "Servers.2.ServerId",
                "Servers.2.ServerType"
            ]
        );
    }

    #[test]
    fn alb_remove_is_all_query_and_nlb_all_body() {
        let alb = change(Family::Alb, Change::Remove, "r", "sgp-1", &servers(), "tok");
        assert!(alb.form.is_empty());
        assert!(names(&alb.query).contains(&"Servers.1.Port".to_owned()));
        assert!(!names(&alb.query).contains(&"Servers.1.Weight".to_owned()), "no weight on remove");
        let nlb = change(Family::Nlb, Change::Add, "r", "sgp-1", &servers()[..1], "tok");
        assert_eq!(names(&nlb.query), ["Action", "RegionId"]);
        assert_eq!(names(&nlb.form)[..2], ["ServerGroupId".to_owned(), "ClientToken".to_owned()]);
    }

    #[test]
    fn keys_name_members_as_they_are_given() {
        assert_eq!(member_key("i-a", Some(80), None, MemberType::Ecs), "i-a:80");
        assert_eq!(member_key("eni-a", Some(80), Some("10.0.0.5"), MemberType::Eni), "eni-a:80@10.0.0.5");
        assert_eq!(member_key("2001:db8::1", Some(80), None, MemberType::Ip), "[2001:db8::1]:80");
        assert_eq!(member_key("acs:fc:x", Some(0), None, MemberType::Fc), "acs:fc:x");
    }
}
