//! Finding a server's ALB and NLB memberships in a region. The certain way (the
//! default): every server group (`ListServerGroups`, paged), then each group's members
//! among the servers asked for (`ListServerGroupServers` with the group and
//! `ServerIds`), a bounded number of calls in flight. With `--fast`, one group-less
//! `ListServerGroupServers` with `ServerIds` (paged, 40 ids a call): what it searches is
//! unconfirmed (facts 6a), so it is not the default. Every port of a server in a group
//! is a membership; servers given with an address (`i-x@10.0.0.5`, or an address alone)
//! are also found where the address is registered (Ip groups).

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::state::Membership;
use crate::commands::server_group::{self, Site};
use crate::error::{Error, Result};
use crate::slb::server_groups::answers::{Member, ServerGroup};
use crate::slb::server_groups::members::MemberType;

/// A server asked for: its id, and the address it may be registered by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wanted {
    pub id: String,
    pub address: Option<String>,
}

/// What one product's discovery found: the memberships, and for each group that holds
/// one, the group and all its members (for the guards).
#[derive(Default)]
pub struct Found {
    pub memberships: Vec<Membership>,
    pub groups: HashMap<String, (ServerGroup, Vec<Member>)>,
}

/// The values a `ServerIds` filter needs: each id, and each address.
fn filter_values(wanted: &[Wanted]) -> Vec<String> {
    let mut values: Vec<String> = Vec::new();
    for w in wanted {
        for v in std::iter::once(&w.id).chain(w.address.iter()) {
            if !values.contains(v) {
                values.push(v.clone());
            }
        }
    }
    values
}

/// Whether a member is one of the servers asked for (by id, or an Ip member by address).
fn is_wanted(member: &Member, wanted: &[Wanted]) -> bool {
    wanted.iter().any(|w| {
        member.server_id == w.id
            || (member.member_type() == Some(MemberType::Ip)
                && w.address.as_deref() == Some(member.server_id.as_str()))
    })
}

/// The memberships of `wanted` in one product, refusing (exit 4, naming the product
/// and `--products`) when its reads are refused: a silent skip would leave the server
/// serving traffic there.
pub fn discover(site: &Site, wanted: &[Wanted], concurrency: usize, fast: bool) -> Result<Found> {
    let label = site.family.label();
    discover_unchecked(site, wanted, concurrency, fast).map_err(|e| match e.api() {
        Some(api) => Error::Verification(format!(
            "reading the {label} server groups failed ({api}); standby stops before any change, since {label} may still send the server traffic; if this account uses no {label}, leave it out with --products"
        )),
        None => e,
    })
}

fn discover_unchecked(site: &Site, wanted: &[Wanted], concurrency: usize, fast: bool) -> Result<Found> {
    let values = filter_values(wanted);
    // The groups that hold a server asked for, with those members.
    let mut hits: Vec<(ServerGroup, Vec<Member>)> = Vec::new();
    if fast {
        let rows = server_group::find_members(site, None, &values)?;
        let mut ids: Vec<String> =
            rows.iter().map(|m| m.server_group_id.clone()).filter(|g| !g.is_empty()).collect();
        ids.sort();
        ids.dedup();
        for group in server_group::read_groups(site, &ids)? {
            let held: Vec<Member> = rows
                .iter()
                .filter(|m| m.server_group_id == group.server_group_id && is_wanted(m, wanted))
                .cloned()
                .collect();
            hits.push((group, held));
        }
    } else {
        let groups = server_group::read_all_groups(site)?;
        crate::verbose!("standby: looking at {} {} server group(s)", groups.len(), site.family.label());
        let next = AtomicUsize::new(0);
        let results: Mutex<Vec<(usize, Result<Vec<Member>>)>> = Mutex::new(Vec::new());
        std::thread::scope(|threads| {
            for _ in 0..concurrency.min(groups.len()).max(1) {
                threads.spawn(|| {
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(group) = groups.get(index) else { break };
                        let found = server_group::find_members(site, Some(&group.server_group_id), &values);
                        let failed = found.is_err();
                        results.lock().unwrap_or_else(|p| p.into_inner()).push((index, found));
                        if failed {
                            next.store(groups.len(), Ordering::Relaxed);
                            break;
                        }
                    }
                });
            }
        });
        let mut results = results.into_inner().unwrap_or_else(|p| p.into_inner());
        results.sort_by_key(|(index, _)| *index);
        for (index, found) in results {
            let held: Vec<Member> = found?.into_iter().filter(|m| is_wanted(m, wanted)).collect();
            if !held.is_empty() {
                hits.push((groups[index].clone(), held));
            }
        }
    }
    let mut found = Found::default();
    for (group, held) in hits {
        let all = server_group::read_members(site, &group.server_group_id)?;
        for member in &held {
            found.memberships.push(membership(site, &group, member));
        }
        found.groups.insert(group.server_group_id.clone(), (group, all));
    }
    Ok(found)
}

/// A member as the state file records it.
pub fn membership(site: &Site, group: &ServerGroup, member: &Member) -> Membership {
    let lbs = group.related_load_balancer_ids.clone();
    Membership {
        product: site.family.lb_product().name().to_owned(),
        load_balancer_id: lbs.first().cloned().unwrap_or_default(),
        load_balancer_ids: lbs,
        vserver_group_id: None,
        server_group_id: Some(group.server_group_id.clone()),
        server_id: member.server_id.clone(),
        port: member.port_of_key(),
        weight: u32::from(member.weight.unwrap_or(100)),
        server_type: member.server_type.clone(),
        server_ip: member.server_ip.clone(),
        description: member.description.clone().filter(|d| !d.is_empty()),
        remote_ip_enabled: member.remote_ip_enabled,
        drained: false,
        removed: false,
        pending_job: None,
    }
}
