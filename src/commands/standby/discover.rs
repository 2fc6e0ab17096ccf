//! Finding every CLB membership of some servers in a region (ALB and NLB are
//! `server_groups`'): the load balancers (every one,
//! a page of 100 at a time; those `--lb` names; or, with `--fast`, those
//! `DescribeLoadBalancers` finds by `ServerId`), then for each, its default group and
//! every vServer group, with a bounded number of calls in flight.
//!
//! Whether the `ServerId` filter also sees vServer-group members is UNCONFIRMED, so
//! the exhaustive walk is the default: it cannot miss a group.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::state::{Membership, group_label};
use crate::api::client::Client;
use crate::commands::backend_group::{Member, clb};
use crate::commands::members::{describe, vserver_groups};
use crate::error::{Error, Result};
use crate::output;
use crate::slb::{self, BackendsResponse, Group, LOAD_BALANCERS_PAGE_SIZE, LoadBalancersPage};

/// No region holds more load balancers than this many pages: a bound on a service that
/// keeps answering full pages.
const MAX_PAGES: u32 = 1000;

/// What discovery found: the servers' memberships, every member of every group (for
/// `--min-remaining` and `--min-healthy`) by (load balancer, group label), and the
/// master-slave server groups that hold a server, which standby does not handle.
#[derive(Default)]
pub struct Found {
    pub memberships: Vec<Membership>,
    pub group_members: HashMap<(String, String), Vec<Member>>,
    pub master_slave: Vec<MasterSlaveMembership>,
}

/// A server in a master-slave server group: it stays there, in rotation.
pub struct MasterSlaveMembership {
    pub load_balancer_id: String,
    pub group_id: String,
    pub server_id: String,
}

/// Where to look and how.
pub struct Scope<'a> {
    pub region: &'a str,
    pub servers: &'a [String],
    pub lbs: &'a [String],
    pub concurrency: usize,
    pub fast: bool,
    pub progress: bool,
}

pub fn discover(client: &Client, scope: &Scope) -> Result<Found> {
    let lbs = load_balancers(client, scope)?;
    crate::verbose!("standby: looking at {} load balancer(s)", lbs.len());
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(usize, Result<Found>)>> = Mutex::new(Vec::new());
    let bar = progress_bar(scope.progress, lbs.len());
    let wanted: HashSet<&str> = scope.servers.iter().map(String::as_str).collect();
    std::thread::scope(|threads| {
        for _ in 0..scope.concurrency.min(lbs.len()).max(1) {
            threads.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(lb) = lbs.get(index) else { break };
                    let found = scan(client, scope.region, lb, &wanted);
                    let failed = found.is_err();
                    results.lock().unwrap_or_else(|p| p.into_inner()).push((index, found));
                    if let Some(bar) = &bar {
                        bar.inc(1);
                    }
                    if failed {
                        // Stop handing out work; the others finish what they hold.
                        next.store(lbs.len(), Ordering::Relaxed);
                        break;
                    }
                }
            });
        }
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let mut results = results.into_inner().unwrap_or_else(|p| p.into_inner());
    results.sort_by_key(|(index, _)| *index);
    let mut all = Found::default();
    for (_, found) in results {
        let found = found?;
        all.memberships.extend(found.memberships);
        all.group_members.extend(found.group_members);
        all.master_slave.extend(found.master_slave);
    }
    Ok(all)
}

fn progress_bar(show: bool, total: usize) -> Option<indicatif::ProgressBar> {
    (show && total > 1 && output::stderr_is_terminal())
        .then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            if let Ok(style) =
                indicatif::ProgressStyle::with_template("discovery [{bar:30}] {pos}/{len} load balancers")
            {
                bar.set_style(style.progress_chars("=> "));
            }
            bar.tick();
            bar
        })
        .filter(|b| !b.is_hidden())
}

/// The load balancers to look at.
fn load_balancers(client: &Client, scope: &Scope) -> Result<Vec<String>> {
    if !scope.lbs.is_empty() {
        return Ok(scope.lbs.to_vec());
    }
    let mut found = BTreeSet::new();
    if scope.fast {
        for server in scope.servers {
            found.extend(all_pages(client, scope.region, Some(server))?);
        }
    } else {
        found.extend(all_pages(client, scope.region, None)?);
    }
    Ok(found.into_iter().collect())
}

/// Every page of `DescribeLoadBalancers` (PageNumber and PageSize always set).
fn all_pages(client: &Client, region: &str, server: Option<&str>) -> Result<Vec<String>> {
    let mut ids = Vec::new();
    for page in 1..=MAX_PAGES {
        let answer = client.call_raw(&slb::describe_load_balancers(region, page, server))?;
        let listed = LoadBalancersPage::from_slice(&answer.body)?;
        ids.extend(listed.ids().map(str::to_owned));
        if listed.len() < LOAD_BALANCERS_PAGE_SIZE as usize || ids.len() as u64 >= listed.total_count {
            return Ok(ids);
        }
    }
    Err(Error::Response(format!("DescribeLoadBalancers still had pages after {MAX_PAGES}")))
}

/// One load balancer: its default group, every vServer group, and its master-slave
/// groups (read only to say which hold a server).
fn scan(client: &Client, region: &str, lb: &str, wanted: &HashSet<&str>) -> Result<Found> {
    let mut found = Found::default();
    let default = Group::Default { load_balancer_id: lb.to_owned() };
    record(&mut found, lb, None, &describe(client, region, &default)?.1, wanted);
    let groups = vserver_groups(client, region, lb)?;
    for group in groups.groups() {
        let vserver = Group::VServer { group_id: group.id.clone() };
        record(&mut found, lb, Some(&group.id), &describe(client, region, &vserver)?.1, wanted);
    }
    let master_slave = slb::MasterSlaveGroupsResponse::from_slice(
        &client.call_raw(&slb::describe_master_slave_groups(region, lb))?.body,
    )?;
    for group_id in master_slave.ids() {
        crate::verbose!(
            "standby: {lb} has master-slave server group {group_id}, which standby does not change"
        );
        let answer = client.call_raw(&slb::describe_master_slave_group_attribute(region, group_id))?;
        let members = slb::MasterSlaveMembersResponse::from_slice(&answer.body)?;
        let held: BTreeSet<&str> = members.server_ids().filter(|id| wanted.contains(id)).collect();
        found.master_slave.extend(held.into_iter().map(|server_id| MasterSlaveMembership {
            load_balancer_id: lb.to_owned(),
            group_id: group_id.to_owned(),
            server_id: server_id.to_owned(),
        }));
    }
    Ok(found)
}

/// One group's members: all of them, as the model has them (for the guards), and the
/// wanted servers' memberships, with port and ENI address in a vServer group.
fn record(
    found: &mut Found,
    lb: &str,
    vserver_group_id: Option<&str>,
    members: &BackendsResponse,
    wanted: &HashSet<&str>,
) {
    let label = group_label(vserver_group_id);
    found.group_members.insert((lb.to_owned(), label.to_owned()), clb::members_of(members));
    let in_vserver_group = vserver_group_id.is_some();
    for b in members.backends().iter().filter(|b| wanted.contains(b.server_id.as_str())) {
        found.memberships.push(Membership {
            product: "clb".to_owned(),
            load_balancer_id: lb.to_owned(),
            load_balancer_ids: Vec::new(),
            vserver_group_id: vserver_group_id.map(str::to_owned),
            server_group_id: None,
            server_id: b.server_id.clone(),
            port: b.port.filter(|_| in_vserver_group),
            weight: weight(&b.weight),
            server_type: b.server_type.clone().unwrap_or_else(|| "ecs".into()),
            server_ip: b.eni_address().filter(|_| in_vserver_group),
            description: None,
            remote_ip_enabled: None,
            drained: false,
            removed: false,
            pending_job: None,
        });
    }
}

/// A weight as the API sent it (a number, or a string of one); 100 when unreadable.
fn weight(value: &Option<serde_json::Value>) -> u32 {
    value
        .as_ref()
        .and_then(|w| w.as_u64().or_else(|| w.as_str().and_then(|s| s.parse().ok())))
        .map_or(100, |w| w.min(100) as u32)
}
