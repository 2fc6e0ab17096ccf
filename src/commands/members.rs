//! CLB group members as the commands read and name them: the current members of a
//! default group or vServer group, a load balancer's vServer groups, the members a
//! command's specs name (a bare ID: every port of it), and how messages name a group.
//! Shared by remove, add, set-weight, wait, list, groups and standby; uses no other
//! command module, so none of them depends on another through it.

use std::collections::HashSet;

use crate::api::client::{Client, RawAnswer};
use crate::error::{Error, Result};
use crate::slb::ids::{MemberSpec, ServerType};
use crate::slb::{self, BackendServerRef, BackendsResponse, Group, VServerGroupsResponse};

/// The current members of a group (DescribeLoadBalancerAttribute for the default group,
/// DescribeVServerGroupAttribute for a vServer group): the answer as it came (a JSON
/// tree is built from it only for `--output json`) and its members.
pub fn describe(client: &Client, region: &str, group: &Group) -> Result<(RawAnswer, BackendsResponse)> {
    let answer = client.call_raw(&group.describe_params(region))?;
    let parsed = BackendsResponse::from_slice(&answer.body)?;
    Ok((answer, parsed))
}

/// [`describe`], refusing a vServer group that is not `lb`'s (exit 4, naming the load
/// balancer it belongs to): the group's id alone decides where a change lands, so a
/// wrong `--lb` would act on another load balancer and report it as this one.
pub fn describe_checked(
    client: &Client,
    region: &str,
    lb: &str,
    group: &Group,
) -> Result<(RawAnswer, BackendsResponse)> {
    let (answer, members) = describe(client, region, group)?;
    if let (Group::VServer { group_id }, Some(owner)) = (group, members.load_balancer_id.as_deref()) {
        if owner != lb {
            return Err(Error::Verification(format!(
                "vServer group {group_id} belongs to {owner}, not {lb}; nothing was changed"
            )));
        }
    }
    Ok((answer, members))
}

/// For `--dry-run`: the members the specs name, with a bare ID's ports found by reading
/// the group (a read changes nothing), so the request shown is the one that would be
/// sent. When the group cannot be read (no credentials, the read refused), the specs
/// as given, with a warning that says why the ports are not resolved.
pub fn resolve_for_dry_run(
    client: Result<Client>,
    (region, lb, group): (&str, &str, &Group),
    specs: &[MemberSpec],
    server_type: Option<ServerType>,
) -> Vec<BackendServerRef> {
    let read = client.and_then(|client| describe_checked(&client, region, lb, group));
    match read {
        Ok((_, members)) => {
            let (found, unmatched) = expand(specs, &members, server_type);
            for id in unmatched {
                crate::output::warn(&format!(
                    "server {} is not a member of {}; not shown",
                    crate::text::quote(&id),
                    place(lb, group)
                ));
            }
            found
        }
        Err(e) => {
            crate::output::warn(&format!("ports not resolved: {e}"));
            as_given(specs, server_type)
        }
    }
}

/// A load balancer's vServer groups, with the listeners that use each.
pub fn vserver_groups(client: &Client, region: &str, lb: &str) -> Result<VServerGroupsResponse> {
    VServerGroupsResponse::from_slice(&client.call_raw(&slb::describe_vserver_groups(region, lb))?.body)
}

/// How messages name the group: `lb-1`, or `vServer group rsp-1 of lb-1`.
pub fn place(lb: &str, group: &Group) -> String {
    match group {
        Group::Default { .. } => lb.to_owned(),
        Group::VServer { group_id } => format!("vServer group {group_id} of {lb}"),
    }
}

/// The members to send, as given on the command line.
pub fn as_given(specs: &[MemberSpec], server_type: Option<ServerType>) -> Vec<BackendServerRef> {
    specs
        .iter()
        .map(|s| BackendServerRef::new(&s.server_id, server_type).at(s.port, s.server_ip.clone()))
        .collect()
}

/// The members of `group` that the specs name (a bare ID: every port of that server;
/// `ID:PORT` of an ENI: every address on that port), and the specs that name none.
pub fn expand(
    specs: &[MemberSpec],
    group: &BackendsResponse,
    server_type: Option<ServerType>,
) -> (Vec<BackendServerRef>, Vec<String>) {
    let mut found = Vec::new();
    let mut unmatched = Vec::new();
    let mut seen = HashSet::new();
    for spec in specs {
        let covered: Vec<&crate::slb::Backend> = group
            .backends()
            .iter()
            .filter(|b| spec.covers(&b.server_id, b.port, b.server_ip.as_deref()))
            .collect();
        if covered.is_empty() {
            match spec.port {
                // Complete: sent as it is (the service ignores a non-member).
                Some(_) => found.push(as_given(std::slice::from_ref(spec), server_type).remove(0)),
                None => unmatched.push(spec.server_id.clone()),
            }
            continue;
        }
        let ports: Vec<String> = covered.iter().filter_map(|b| b.port.map(|p| p.to_string())).collect();
        crate::verbose!("{}: port(s) {} in the group", spec.server_id, ports.join(", "));
        for member in covered {
            let listed = member.server_type.as_deref().and_then(ServerType::from_api);
            let explicit = server_type.or(listed);
            let member =
                BackendServerRef::new(&member.server_id, explicit).at(member.port, member.eni_address());
            if seen.insert(member.key()) {
                found.push(member);
            }
        }
    }
    (found, unmatched)
}

/// `PORT/PROTOCOL` of every listener in a `DescribeLoadBalancerAttribute` answer
/// (`ListenerPortsAndProtocol`, else the bare `ListenerPorts`).
pub fn listeners_of(answer: &serde_json::Value) -> Vec<String> {
    let with_protocol = answer
        .pointer("/ListenerPortsAndProtocol/ListenerPortAndProtocol")
        .and_then(|v| v.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|l| {
                    let port = l.get("ListenerPort")?.as_u64()?;
                    let protocol = l.get("ListenerProtocol")?.as_str()?;
                    Some(format!("{port}/{}", crate::text::sanitize(protocol, 16)))
                })
                .collect::<Vec<_>>()
        });
    with_protocol.unwrap_or_else(|| {
        answer
            .pointer("/ListenerPorts/ListenerPort")
            .and_then(|v| v.as_array())
            .map(|ports| ports.iter().filter_map(|p| p.as_u64()).map(|p| p.to_string()).collect())
            .unwrap_or_default()
    })
}
