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
use crate::commands::backend_group::{
    Accepted, BackendGroup, Change, Changed, Member, Resume, Wording, unless_gone,
};
use crate::commands::poll::Standing;
use crate::commands::{poll, rerun};
use crate::error::{Error, Result};
use crate::slb::server_groups::Family;
use crate::slb::server_groups::actions::{self, Server};
use crate::slb::server_groups::answers::{self, JobAccepted, ServerGroup};
use crate::slb::server_groups::members::{self, MemberSpec, MemberType};
use crate::{interrupt, output};

/// An ALB or NLB server group.
pub struct ServerGroupAt<'a> {
    site: &'a Site<'a>,
    group_id: String,
    /// The load balancers whose listeners count for health; none given: those the
    /// group's settings name.
    load_balancer_ids: Vec<String>,
    /// The group's settings, read once when first needed (None: it is gone).
    settings: OnceCell<Option<ServerGroup>>,
    /// How long each job of a change is awaited; None: `jobs::default_timeout` of the
    /// group's drain setting.
    job_timeout: Option<u64>,
}

impl<'a> ServerGroupAt<'a> {
    pub fn new(site: &'a Site<'a>, group_id: &str, load_balancer_ids: &[String]) -> ServerGroupAt<'a> {
        ServerGroupAt {
            site,
            group_id: group_id.to_owned(),
            load_balancer_ids: load_balancer_ids.iter().filter(|lb| !lb.is_empty()).cloned().collect(),
            settings: OnceCell::new(),
            job_timeout: None,
        }
    }

    /// Await each job of a change for `secs` (`--job-timeout`).
    pub fn with_job_timeout(mut self, secs: u64) -> Self {
        self.job_timeout = Some(secs);
        self
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

    /// How long a job on the group is awaited: `--job-timeout`, else the default for
    /// the group's drain setting (a removal with draining lasts as long as the drain).
    fn job_timeout(&self) -> Result<u64> {
        match self.job_timeout {
            Some(secs) => Ok(secs),
            None => Ok(jobs::default_timeout(self.settings()?.and_then(ServerGroup::drain_timeout))),
        }
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

/// What the calls of a change did.
#[derive(Default)]
pub struct Sent {
    pub job_ids: Vec<String>,
    pub request_ids: Vec<String>,
    /// Jobs accepted but not awaited (`--no-wait`).
    pub pending: Vec<String>,
}

/// How a change is sent.
pub struct Sending<'r> {
    /// Return once the last call is accepted, its job not awaited.
    pub no_wait: bool,
    /// How long each job is awaited (exit 8 after).
    pub job_timeout: u64,
    /// The command that does the rest, for a failure after earlier calls succeeded
    /// ([`Error::Partial`]); None: the failure is returned as it is (the caller keeps
    /// its own record of what is left).
    pub resume: Option<Resume<'r>>,
    /// Say, should the run be interrupted while a job runs, how to wait for it; off for
    /// a caller whose own note says what to do then (standby).
    pub job_notes: bool,
}

impl ServerGroupAt<'_> {
    /// Send `servers` as calls within the product's limit, each with a fresh ClientToken,
    /// awaiting each job (with `no_wait`, all but the last with `--batch`, none without).
    /// `on_accepted` hears each job, with the range of `servers` its call covers, before it
    /// is awaited. A job the service no longer knows is judged by the members (exit 5
    /// when they do not show its change).
    pub fn send(
        &self,
        change: Change,
        servers: &[Server],
        how: &Sending,
        on_accepted: &mut dyn FnMut(&str, std::ops::Range<usize>) -> Result<()>,
    ) -> Result<Sent> {
        let site = self.site;
        let no_wait = how.no_wait;
        let group_id = self.group_id.as_str();
        let limit = site.family.members_per_call(change);
        let chunks: Vec<&[Server]> = servers.chunks(limit).collect();
        let total = chunks.len();
        let list_command = show::list_command(site, Some(group_id));
        let mut sent = Sent::default();
        for (index, chunk) in chunks.iter().enumerate() {
            let token = uuid::Uuid::new_v4().to_string();
            let call = actions::change(site.family, change, &site.region, group_id, chunk, &token);
            let outcome = (|| -> Result<()> {
                let answer = site.answer(&call).map_err(|e| e.unknown_outcome_if_lost(&list_command))?;
                let accepted = JobAccepted::from_slice(&answer.body)?;
                let request_id = answer.request_id;
                let start = chunks[..index].iter().map(|c| c.len()).sum::<usize>();
                on_accepted(&accepted.job_id, start..start + chunk.len())?;
                sent.job_ids.push(accepted.job_id.clone());
                sent.request_ids.push(request_id);
                if total > 1 && site.global.shows_progress() {
                    eprintln!(
                        "slbctl: call {}/{total}: {} {} accepted (job {})",
                        index + 1,
                        output::count(chunk.len(), "member"),
                        change.verb(),
                        accepted.job_id
                    );
                }
                if no_wait && index + 1 == total {
                    sent.pending.push(accepted.job_id);
                    return Ok(());
                }
                if how.job_notes {
                    interrupt::set_note(Some(format!(
                        "job {} ({} of {}) was accepted and may still be running; to wait for it: {}",
                        accepted.job_id,
                        change.action_name(),
                        output::count(chunk.len(), "member"),
                        rerun::command(site.global, &show::wait_job_words(site, &accepted.job_id), &[])
                    )));
                }
                let end = jobs::await_job(site, &accepted.job_id, how.job_timeout, &list_command);
                if how.job_notes {
                    interrupt::set_note(None);
                }
                if end? == JobEnd::Unknown {
                    self.confirm_applied(change, chunk, &accepted.job_id, how.job_timeout, &list_command)?;
                }
                Ok(())
            })();
            if let Err(failure) = outcome {
                let Some(resume) = how.resume.filter(|_| index > 0) else {
                    return Err(failure);
                };
                let keys = |chunks: &[&[Server]]| -> Vec<String> {
                    chunks.iter().flat_map(|c| c.iter().map(Server::key)).collect()
                };
                let not_done = keys(&chunks[index..]);
                return Err(Error::Partial {
                    verb: change.verb(),
                    failed_batch: index + 1,
                    batches: total,
                    failure: Box::new(failure),
                    done: keys(&chunks[..index]),
                    resume: resume(&not_done),
                    not_done,
                });
            }
        }
        Ok(sent)
    }

    /// The service no longer knows a job: the members say whether its change happened.
    /// Members still in a passing state (`Adding`, `Removing`, `Configuring`) are read
    /// again until they settle or `--job-timeout` passes; settled without the change, or
    /// never settled, the outcome is unknown (exit 5).
    fn confirm_applied(
        &self,
        change: Change,
        chunk: &[Server],
        job_id: &str,
        job_timeout: u64,
        list_command: &str,
    ) -> Result<()> {
        let unit = poll::second();
        let deadline = std::time::Instant::now() + unit * u32::try_from(job_timeout).unwrap_or(u32::MAX);
        let mut n = 0;
        loop {
            n += 1;
            let now = super::read_members(self.site, &self.group_id)?;
            let by_key = super::by_key(&now);
            let settled = |m: &answers::Member| m.status.eq_ignore_ascii_case("Available");
            let applied = chunk.iter().all(|s| match (change, by_key.get(&s.key())) {
                (Change::Remove, present) => present.is_none(),
                (Change::Add, Some(m)) => settled(m),
                (Change::SetWeight, Some(m)) => settled(m) && s.weight.is_none_or(|w| m.weight == Some(w)),
                (_, None) => false,
            });
            if applied {
                crate::verbose!("job {job_id} is not known to the service, but the members show its change");
                return Ok(());
            }
            let passing = chunk.iter().any(|s| by_key.get(&s.key()).is_some_and(|m| !settled(m)));
            if !passing || std::time::Instant::now() >= deadline {
                return Err(Error::OutcomeUnknown {
                    message: format!(
                        "the outcome of job {job_id} ({}) is unknown: the service no longer knows it and the members do not show its change; it may still be applied",
                        change.action_name()
                    ),
                    hint: format!("to see the group's state, run: {list_command}"),
                });
            }
            let pause = unit.mul_f64(jobs::pause_before(n).as_secs_f64());
            std::thread::sleep(pause.min(deadline.saturating_duration_since(std::time::Instant::now())));
        }
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

/// A member as a change call names it, as the model has it.
pub fn member_of_server(s: &Server) -> Member {
    let mut member = Member::new(&s.server_id, s.server_type, s.port, s.server_ip.clone());
    member.weight = s.weight.map(u32::from);
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
            None => self.site.place_of(&self.group_id, ""),
        }
    }

    fn id(&self) -> Option<String> {
        Some(self.group_id.clone())
    }

    fn members(&self) -> Result<Option<Vec<Member>>> {
        let read = super::read_members(self.site, &self.group_id);
        Ok(unless_gone(read)?.map(|members| members.iter().map(member_of).collect()))
    }

    fn change(
        &self,
        change: Change,
        members: &[Member],
        resume: Option<Resume>,
        accepted: &mut dyn FnMut(&Accepted, &[Member]) -> Result<()>,
    ) -> Result<Changed> {
        let job_timeout = self.job_timeout()?;
        let servers: Vec<Server> = members.iter().map(|m| server_of(change, m)).collect();
        let how = Sending { no_wait: false, job_timeout, resume, job_notes: resume.is_some() };
        let sent = self.send(change, &servers, &how, &mut |job, range| {
            accepted(&Accepted { job_id: Some(job.to_owned()) }, &members[range])
        })?;
        Ok(Changed { request_ids: sent.request_ids, job_ids: sent.job_ids })
    }

    fn command_words(&self, command: &str) -> Vec<String> {
        let mut words = self.site.command_words(command);
        words.extend(["--server-group".to_owned(), self.group_id.clone()]);
        words
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
            return Err(Error::Verification(format!(
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
        jobs::await_job(self.site, job_id, self.job_timeout()?, &list_command).map(|_| ())
    }
}
