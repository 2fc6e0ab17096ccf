//! What standby does to one group of memberships, whatever the product: read its live
//! members, drain them (weight 0), remove them, add them back, restore their weights,
//! and wait for them to be healthy. CLB groups go through the CLB backend actions in
//! calls of 20; ALB and NLB groups through their server-group calls (200 a call, ALB
//! weights 40), each call's job awaited. This is the only file of `standby` that knows
//! how each product does these things.

use std::collections::HashMap;

use super::state::Membership;
use crate::api::client::Client;
use crate::cli::{GlobalArgs, WaitTiming};
use crate::commands::server_group::jobs::{self, JobEnd};
use crate::commands::server_group::{self, Site, Usage};
use crate::commands::{batch, members, wait};
use crate::error::{Error, Result};
use crate::slb::ids::ServerType;
use crate::slb::server_groups::actions::{self, Change, Server};
use crate::slb::server_groups::answers::JobAccepted;
use crate::slb::server_groups::members::{MemberSpec, MemberType};
use crate::slb::server_groups::{Family, LbProduct};
use crate::slb::{BackendAction, BackendServerRef, Group};

/// The clients of the products a run touches.
pub struct Clients<'a> {
    pub global: &'a GlobalArgs,
    pub region: String,
    pub clb: Option<Client>,
    pub sites: Vec<Site<'a>>,
}

impl Clients<'_> {
    pub fn clb(&self) -> Result<&Client> {
        self.clb.as_ref().ok_or_else(|| Error::Other(anyhow::anyhow!("no CLB client for a CLB membership")))
    }

    pub fn site(&self, family: Family) -> Result<&Site<'_>> {
        self.sites.iter().find(|s| s.family == family).ok_or_else(|| {
            Error::Other(anyhow::anyhow!("no {} client for a {} membership", family.label(), family.label()))
        })
    }
}

/// What to do to a group's memberships.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Weight 0, members stay.
    Drain,
    Remove,
    /// Put back with the recorded weight and everything else recorded.
    Add,
    /// Set the recorded weight again.
    Restore,
}

/// A live member: its weight and (ALB/NLB) its status.
#[derive(Debug, Clone)]
pub struct Live {
    pub weight: Option<u32>,
    pub status: String,
}

/// Whether an error says the group (or its load balancer) no longer exists.
pub fn is_group_gone(error: &Error) -> bool {
    error.api().is_some_and(|api| {
        api.code == "InvalidLoadBalancerId.NotFound"
            || api.message.contains("VServerGroupId does not exist")
            || api.code.eq_ignore_ascii_case("ResourceNotFound.ServerGroup")
    })
}

fn clb_group(m: &Membership) -> Group {
    match &m.vserver_group_id {
        Some(id) => Group::VServer { group_id: id.clone() },
        None => Group::Default { load_balancer_id: m.load_balancer_id.clone() },
    }
}

/// A group's live members by key; None when the group is gone.
pub fn live(clients: &Clients, sample: &Membership) -> Result<Option<HashMap<String, Live>>> {
    let read = match sample.family() {
        None => members::describe(clients.clb()?, &clients.region, &clb_group(sample)).map(|(_, members)| {
            members
                .backends()
                .iter()
                .map(|b| (b.key(), Live { weight: b.weight_text().parse().ok(), status: String::new() }))
                .collect()
        }),
        Some(family) => {
            server_group::read_members(clients.site(family)?, sample.group_label()).map(|members| {
                members
                    .iter()
                    .map(|m| (m.key(), Live { weight: m.weight.map(u32::from), status: m.status.clone() }))
                    .collect()
            })
        }
    };
    match read {
        Ok(live) => Ok(Some(live)),
        Err(e) if is_group_gone(&e) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The weight a membership is sent with for `op`.
fn weight_for(op: Op, m: &Membership) -> Option<u32> {
    match op {
        Op::Drain => Some(0),
        Op::Remove => None,
        Op::Add | Op::Restore => Some(m.weight),
    }
}

/// Apply `op` to one group's memberships (all of one group). ALB/NLB: `on_job` hears
/// each job (and the memberships it covers) before it is awaited, so the record can
/// say a job was in flight. A job the service forgot counts as done: the live state,
/// read again by the next run, is what decides.
pub fn apply(
    clients: &Clients,
    op: Op,
    members: &[Membership],
    on_job: &mut dyn FnMut(&str, &[Membership]) -> Result<()>,
) -> Result<()> {
    let Some(first) = members.first() else { return Ok(()) };
    match first.family() {
        None => {
            let action = match op {
                Op::Drain | Op::Restore => BackendAction::SetWeight,
                Op::Remove => BackendAction::Remove,
                Op::Add => BackendAction::Add,
            };
            let refs: Vec<BackendServerRef> = members
                .iter()
                .map(|m| {
                    let kind = ServerType::from_api(&m.server_type).unwrap_or(ServerType::Ecs);
                    let mut member =
                        BackendServerRef::new(&m.server_id, Some(kind)).at(m.port, m.server_ip.clone());
                    member.weight = weight_for(op, m).map(|w| w.to_string());
                    member
                })
                .collect();
            let resume = String::new();
            batch::run(
                clients.global,
                clients.clb()?,
                action,
                (&clients.region, &first.load_balancer_id),
                &clb_group(first),
                &refs,
                &|_| resume.clone(),
            )?;
            Ok(())
        }
        Some(family) => {
            let site = clients.site(family)?;
            let change = match op {
                Op::Drain | Op::Restore => Change::SetWeight,
                Op::Remove => Change::Remove,
                Op::Add => Change::Add,
            };
            let group = first.group_label().to_owned();
            let list_command = server_group::show::list_command(site, Some(&group));
            for chunk in members.chunks(family.members_per_call(change)) {
                let servers: Vec<Server> = chunk.iter().map(|m| server_of(op, m)).collect();
                let token = uuid::Uuid::new_v4().to_string();
                let call = actions::change(family, change, &site.region, &group, &servers, &token);
                let accepted = JobAccepted::from_slice(&site.call(&call)?)?;
                on_job(&accepted.job_id, chunk)?;
                if jobs::await_job(site, &accepted.job_id, jobs::default_timeout(None), &list_command)?
                    == JobEnd::Unknown
                {
                    crate::verbose!(
                        "job {} is not known to the service; the live state decides",
                        accepted.job_id
                    );
                }
            }
            Ok(())
        }
    }
}

/// A membership as an ALB/NLB call takes it.
fn server_of(op: Op, m: &Membership) -> Server {
    let kind = MemberType::from_api(&m.server_type).unwrap_or(MemberType::Ecs);
    let ip = m.server_ip.clone().filter(|_| kind == MemberType::Eni);
    let mut server = Server::new(&m.server_id, kind, m.port, ip);
    if kind != MemberType::Fc {
        server.weight = weight_for(op, m).and_then(|w| u8::try_from(w).ok());
    }
    if op == Op::Add {
        server.description = m.description.clone();
        server.remote_ip_enabled = m.remote_ip_enabled;
    }
    server
}

/// The listeners and rules that forward to an ALB/NLB group: those of every load
/// balancer the record names.
fn usage_of(site: &Site, m: &Membership) -> Result<Usage> {
    let mut usage = Usage { listeners: Vec::new(), rules: Vec::new() };
    let lbs: Vec<&String> = if m.load_balancer_ids.is_empty() {
        vec![&m.load_balancer_id]
    } else {
        m.load_balancer_ids.iter().collect()
    };
    for lb in lbs.into_iter().filter(|lb| !lb.is_empty()) {
        let more = server_group::read_usage(site, lb)?;
        usage.listeners.extend(more.listeners);
        usage.rules.extend(more.rules);
    }
    Ok(usage)
}

/// How many of a group's members that stay (`staying`: member keys) are healthy.
pub fn healthy_staying(clients: &Clients, sample: &Membership, staying: &[String]) -> Result<usize> {
    match sample.family() {
        None => {
            let health = wait::read_health(clients.clb()?, &clients.region, &sample.load_balancer_id, None)?;
            Ok(wait::health_standings(staying, health.rows()).iter().filter(|s| s.reached).count())
        }
        Some(family) => {
            let site = clients.site(family)?;
            let group = server_group::read_groups(site, &[sample.group_label().to_owned()])?;
            let Some(group) = group.first() else { return Ok(0) };
            let view = server_group::health::read(site, &usage_of(site, sample)?, group)?;
            let members = server_group::read_members(site, &group.server_group_id)?;
            let staying: Vec<&crate::slb::server_groups::answers::Member> =
                members.iter().filter(|m| staying.contains(&m.key())).collect();
            Ok(server_group::health::healthy_count(&view, &staying))
        }
    }
}

/// Wait until a group's memberships are healthy (standby exit --wait-healthy).
pub fn wait_healthy(clients: &Clients, members: &[Membership], timing: &WaitTiming) -> Result<()> {
    let Some(first) = members.first() else { return Ok(()) };
    let show = clients.global.shows_progress();
    match first.family() {
        None => {
            let ids: Vec<String> = members.iter().map(Membership::member_key).collect();
            let group = clb_group(first);
            wait::until_healthy(
                clients.clb()?,
                (&clients.region, &first.load_balancer_id, &group),
                &ids,
                None,
                timing,
                show,
            )?;
        }
        Some(family) => {
            let site = clients.site(family)?;
            let Some(group) =
                server_group::read_groups(site, &[first.group_label().to_owned()])?.into_iter().next()
            else {
                return Ok(());
            };
            let specs: Vec<(String, MemberSpec)> = members
                .iter()
                .map(|m| {
                    let kind = MemberType::from_api(&m.server_type).unwrap_or(MemberType::Ecs);
                    let ip = m.server_ip.clone().filter(|_| kind == MemberType::Eni);
                    (
                        m.member_key(),
                        MemberSpec {
                            server_id: m.server_id.clone(),
                            server_type: kind,
                            port: m.port,
                            server_ip: ip,
                        },
                    )
                })
                .collect();
            server_group::health::wait(
                site,
                &usage_of(site, first)?,
                &group,
                &specs,
                crate::cli::Until::Healthy,
                timing,
            )?;
        }
    }
    Ok(())
}

/// Wait for a job recorded as in flight by an earlier run; a job the service does not
/// know any more is left to the live state.
pub fn settle_pending(clients: &Clients, product: LbProduct, job: &str, group: &str) -> Result<()> {
    let Some(family) = product.family() else { return Ok(()) };
    let site = clients.site(family)?;
    let list_command = server_group::show::list_command(site, Some(group));
    match jobs::await_job(site, job, jobs::default_timeout(None), &list_command) {
        Ok(_) => Ok(()),
        // A failed job changed nothing: the live state says what is there.
        Err(Error::JobFailed { .. }) => Ok(()),
        Err(e) => Err(e),
    }
}
