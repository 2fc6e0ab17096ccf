//! The backend-group model's ALB/NLB implementation: one server group
//! ([`ServerGroupAt`]), reached through a `Site` of its family. Reads, jobs and health
//! are this folder's (which asks `slb::server_groups` how each product spells them);
//! this file says them in the model's terms: members from
//! `ListServerGroupServers`, each change in calls of the family's limit with a fresh
//! `ClientToken` and its job awaited, health from the listeners of the load balancers
//! that use the group.

use std::cell::OnceCell;

use super::jobs::{self, JobEnd};
use super::{Site, Usage, health, show};
use crate::cli::{Until, WaitTiming};
use crate::commands::backend_group::{Accepted, BackendGroup, Change, Member, Wording, unless_gone};
use crate::commands::poll::Standing;
use crate::error::Result;
use crate::slb::server_groups::Family;
use crate::slb::server_groups::actions::{self, Server};
use crate::slb::server_groups::answers::{self, JobAccepted, ServerGroup};
use crate::slb::server_groups::members::{self, MemberSpec, MemberType};

/// An ALB or NLB server group.
pub struct ServerGroupAt<'a> {
    site: &'a Site<'a>,
    group_id: String,
    /// The load balancers whose listeners count for health; none given: those the
    /// group's settings name.
    load_balancer_ids: Vec<String>,
    /// The group's settings, read once when first needed (None: it is gone).
    settings: OnceCell<Option<ServerGroup>>,
}

impl<'a> ServerGroupAt<'a> {
    pub fn new(site: &'a Site<'a>, group_id: &str, load_balancer_ids: &[String]) -> ServerGroupAt<'a> {
        ServerGroupAt {
            site,
            group_id: group_id.to_owned(),
            load_balancer_ids: load_balancer_ids.iter().filter(|lb| !lb.is_empty()).cloned().collect(),
            settings: OnceCell::new(),
        }
    }

    /// A group whose settings were just read (they are not read again).
    pub fn known(site: &'a Site<'a>, group: ServerGroup, load_balancer_ids: &[String]) -> ServerGroupAt<'a> {
        let at = ServerGroupAt::new(site, &group.server_group_id, load_balancer_ids);
        let _ = at.settings.set(Some(group));
        at
    }

    fn settings(&self) -> Result<Option<&ServerGroup>> {
        if self.settings.get().is_none() {
            let read = super::read_groups(self.site, std::slice::from_ref(&self.group_id))?;
            let _ = self.settings.set(read.into_iter().find(|g| g.server_group_id == self.group_id));
        }
        Ok(self.settings.get().and_then(Option::as_ref))
    }

    /// The listeners and rules that forward to the group: those of the load balancers
    /// given, else of every load balancer the group's settings name.
    fn usage(&self, group: &ServerGroup) -> Result<Usage> {
        let lbs = if self.load_balancer_ids.is_empty() {
            &group.related_load_balancer_ids
        } else {
            &self.load_balancer_ids
        };
        let mut usage = Usage { listeners: Vec::new(), rules: Vec::new() };
        for lb in lbs {
            let more = super::read_usage(self.site, lb)?;
            usage.listeners.extend(more.listeners);
            usage.rules.extend(more.rules);
        }
        Ok(usage)
    }
}

/// An ALB/NLB member as the model has it.
pub fn member_of(m: &answers::Member) -> Member {
    let kind = m.member_type().unwrap_or(MemberType::Ecs);
    let mut member = Member::new(&m.server_id, kind, m.port_of_key(), m.eni_address().map(str::to_owned));
    member.weight = m.weight.map(u32::from);
    member.status = m.status.clone();
    member.description = m.description.clone();
    member.remote_ip_enabled = m.remote_ip_enabled;
    member
}

/// A model member as the service lists it (for judging its health).
fn answer_of(m: &Member, group_id: &str) -> answers::Member {
    answers::Member {
        server_group_id: group_id.to_owned(),
        server_id: m.server_id.clone(),
        server_type: m.kind.api_name().to_owned(),
        port: m.port.unwrap_or(0),
        weight: m.weight.and_then(|w| u8::try_from(w).ok()),
        server_ip: m.ip.clone(),
        description: m.description.clone(),
        remote_ip_enabled: m.remote_ip_enabled,
        status: m.status.clone(),
    }
}

/// A model member as a change call takes it: a function has no weight; only an addition
/// carries the description and remote-IP setting.
fn server_of(change: Change, m: &Member) -> Server {
    let mut server = Server::new(&m.server_id, m.kind, m.port, m.ip.clone());
    if m.kind != MemberType::Fc && change != Change::Remove {
        server.weight = m.weight.and_then(|w| u8::try_from(w).ok());
    }
    if change == Change::Add {
        server.description = m.description.clone();
        server.remote_ip_enabled = m.remote_ip_enabled;
    }
    server
}

/// A model member as a spec that names it (no port: every port of it).
fn spec_of(m: &Member) -> (String, MemberSpec) {
    let spec = MemberSpec {
        server_id: m.server_id.clone(),
        server_type: m.kind,
        port: m.port,
        server_ip: m.ip.clone(),
    };
    (m.key(), spec)
}

/// The members `texts` name, as `family` takes them (see `slb::server_groups::members`).
pub fn parse_members(texts: &[String], family: Family) -> Result<Vec<(String, Member)>> {
    texts
        .iter()
        .map(|text| {
            let spec = members::parse(text, family, None)?;
            Ok((text.clone(), Member::new(&spec.server_id, spec.server_type, spec.port, spec.server_ip)))
        })
        .collect()
}

impl BackendGroup for ServerGroupAt<'_> {
    fn wording(&self) -> Wording {
        Wording { member: "member", healthy: "healthy" }
    }

    fn place(&self) -> String {
        match self.settings.get().and_then(Option::as_ref) {
            Some(group) => self.site.place(group),
            None => match &self.site.lb {
                Some(lb) => format!("server group {} of {lb}", self.group_id),
                None => format!("{} server group {}", self.site.family.label(), self.group_id),
            },
        }
    }

    fn short_place(&self) -> String {
        match &self.site.lb {
            Some(lb) => format!("{lb}/{}", self.group_id),
            None => self.group_id.clone(),
        }
    }

    fn members(&self) -> Result<Option<Vec<Member>>> {
        let read = super::read_members(self.site, &self.group_id);
        Ok(unless_gone(read)?.map(|members| members.iter().map(member_of).collect()))
    }

    fn change(
        &self,
        change: Change,
        members: &[Member],
        accepted: &mut dyn FnMut(&Accepted, &[Member]) -> Result<()>,
    ) -> Result<()> {
        let site = self.site;
        let timeout = jobs::default_timeout(self.settings()?.and_then(ServerGroup::drain_timeout));
        let list_command = show::list_command(site, Some(&self.group_id));
        for chunk in members.chunks(site.family.members_per_call(change)) {
            let servers: Vec<Server> = chunk.iter().map(|m| server_of(change, m)).collect();
            let token = uuid::Uuid::new_v4().to_string();
            let call = actions::change(site.family, change, &site.region, &self.group_id, &servers, &token);
            let job_id = JobAccepted::from_slice(&site.call(&call)?)?.job_id;
            accepted(&Accepted { job_id: Some(job_id.clone()) }, chunk)?;
            if jobs::await_job(site, &job_id, timeout, &list_command)? == JobEnd::Unknown {
                // The members, read again by whoever asked, say what happened.
                crate::verbose!("job {job_id} is not known to the service; the members decide");
            }
        }
        Ok(())
    }

    fn health(&self, members: &[Member]) -> Result<Vec<Standing>> {
        let Some(group) = self.settings()? else {
            return Ok(members
                .iter()
                .map(|m| Standing { id: m.key(), state: "group gone".into(), reached: false })
                .collect());
        };
        let view = health::read(self.site, &self.usage(group)?, group)?;
        Ok(members
            .iter()
            .map(|m| {
                let (state, reached) = view.of(&answer_of(m, &self.group_id));
                Standing { id: m.key(), state, reached }
            })
            .collect())
    }

    fn wait(&self, until: Until, members: &[Member], timing: &WaitTiming) -> Result<Vec<Standing>> {
        let Some(group) = self.settings()? else {
            return Err(crate::error::Error::Verification(format!(
                "{} does not exist in region {}",
                self.place(),
                self.site.region
            )));
        };
        let usage = if until == Until::Healthy {
            self.usage(group)?
        } else {
            Usage { listeners: Vec::new(), rules: Vec::new() }
        };
        let specs: Vec<(String, MemberSpec)> = members.iter().map(spec_of).collect();
        health::wait(self.site, &usage, group, &specs, until, timing)
    }

    fn settle(&self, job_id: &str) -> Result<()> {
        let list_command = show::list_command(self.site, Some(&self.group_id));
        jobs::await_job(self.site, job_id, jobs::default_timeout(None), &list_command).map(|_| ())
    }
}
