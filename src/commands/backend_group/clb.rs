//! The model's CLB implementation: a load balancer's default server group or one of
//! its vServer groups ([`ClbGroup`]), and what CLB's answers mean for a group: members
//! from `DescribeLoadBalancerAttribute` / `DescribeVServerGroupAttribute`, health from
//! `DescribeHealthStatus` (normal on every listener that serves the member), and the
//! polls of a wait (healthy, drained, removed). Changes go through the batch runner, in
//! calls of 20, and are in effect when each call returns.

use std::collections::{HashMap, HashSet};

use super::{Accepted, BackendGroup, Change, Changed, Member, Resume, Wording, unless_gone};
use crate::api::client::Client;
use crate::cli::{GlobalArgs, Until, WaitTiming};
use crate::commands::batch;
use crate::commands::members::{describe, describe_checked, listeners_of, place};
use crate::commands::poll::{Goal, NeverMember, Standing, poll};
use crate::commands::selection::port_in_default_group;
use crate::error::{Error, Result};
use crate::slb::ids::{ServerType, parse_member, prepare_server_ids};
use crate::slb::server_groups::members::MemberType;
use crate::slb::{self, BackendAction, BackendServerRef, Group, HealthResponse, HealthRow};

/// A CLB group: the load balancer's default server group, or a vServer group of it.
pub struct ClbGroup<'a> {
    global: &'a GlobalArgs,
    client: &'a Client,
    region: String,
    lb: String,
    group: Group,
    /// `backends wait --listener`: health as one listener reports it.
    listener: Option<(u16, Option<String>)>,
}

impl<'a> ClbGroup<'a> {
    pub fn new(
        global: &'a GlobalArgs,
        client: &'a Client,
        region: &str,
        lb: &str,
        vserver_group: Option<&str>,
    ) -> ClbGroup<'a> {
        let group = match vserver_group {
            Some(id) => Group::VServer { group_id: id.to_owned() },
            None => Group::Default { load_balancer_id: lb.to_owned() },
        };
        ClbGroup::of(global, client, region, lb, &group)
    }

    /// The model of `group` (a CLB `slb::Group`) of `lb`.
    pub fn of(
        global: &'a GlobalArgs,
        client: &'a Client,
        region: &str,
        lb: &str,
        group: &Group,
    ) -> ClbGroup<'a> {
        ClbGroup {
            global,
            client,
            region: region.to_owned(),
            lb: lb.to_owned(),
            group: group.clone(),
            listener: None,
        }
    }

    /// Health as the listener `PORT[/PROTOCOL]` alone reports it; the listener must be
    /// one the load balancer has (exit 4 at once otherwise: the wait could never end).
    pub fn on_listener(mut self, listener: (u16, Option<String>)) -> Result<ClbGroup<'a>> {
        check_listener(self.client, &self.region, &self.lb, (listener.0, listener.1.as_deref()))?;
        self.listener = Some(listener);
        Ok(self)
    }

    fn listener(&self) -> Option<(u16, Option<&str>)> {
        self.listener.as_ref().map(|(port, protocol)| (*port, protocol.as_deref()))
    }
}

/// A CLB member as the model has it.
fn member_of(backend: &slb::Backend) -> Member {
    let kind = backend.server_type.as_deref().and_then(MemberType::from_api).unwrap_or(MemberType::Ecs);
    let mut member = Member::new(&backend.server_id, kind, backend.port, backend.eni_address());
    member.weight = backend.weight_text().parse().ok();
    member.description = backend.description.clone();
    member
}

/// A member as a CLB call names it, as the model has it.
pub fn member_of_ref(backend: &BackendServerRef) -> Member {
    let kind = MemberType::from_api(backend.server_type.name()).unwrap_or(MemberType::Ecs);
    let mut member = Member::new(&backend.server_id, kind, backend.port, backend.server_ip.clone());
    member.weight = backend.weight.as_deref().and_then(|w| w.parse().ok());
    member
}

/// Every member of a CLB answer, as the model has them.
pub fn members_of(answer: &slb::BackendsResponse) -> Vec<Member> {
    answer.backends().iter().map(member_of).collect()
}

/// A model member as CLB's calls take it; a type CLB has not (Ip, Fc) is refused.
fn backend_ref(member: &Member, change: Change) -> Result<BackendServerRef> {
    let kind = match member.kind {
        MemberType::Ecs => ServerType::Ecs,
        MemberType::Eni => ServerType::Eni,
        MemberType::Eci => ServerType::Eci,
        other => {
            return Err(Error::usage(format!(
                "a CLB group cannot hold a member of type {}",
                other.api_name()
            )));
        }
    };
    let mut backend = BackendServerRef::new(&member.server_id, Some(kind)).at(member.port, member.ip.clone());
    backend.weight = match change {
        Change::Remove => None,
        Change::Add | Change::SetWeight => member.weight.map(|w| w.to_string()),
    };
    Ok(backend)
}

/// The members `texts` name, as CLB takes them: `ID`, `ID:PORT`, `ID:PORT@IP` (ports
/// only in a vServer group; a bare ID there means every port of it).
pub fn parse_members(texts: &[String], vserver: bool) -> Result<Vec<(String, Member)>> {
    let (ids, _) = prepare_server_ids(texts, true)?;
    let mut members = Vec::with_capacity(ids.len());
    for text in ids {
        let spec = parse_member(&text)?;
        if spec.port.is_some() && !vserver {
            return Err(port_in_default_group(&text));
        }
        let kind = MemberType::from_api(ServerType::infer(&spec.server_id).name()).unwrap_or(MemberType::Ecs);
        members.push((text, Member::new(&spec.server_id, kind, spec.port, spec.server_ip)));
    }
    Ok(members)
}

impl BackendGroup for ClbGroup<'_> {
    fn wording(&self) -> Wording {
        Wording { member: "backend", healthy: "normal on every listener" }
    }

    fn place(&self) -> String {
        place(&self.lb, &self.group)
    }

    fn id(&self) -> Option<String> {
        match &self.group {
            Group::VServer { group_id } => Some(group_id.clone()),
            Group::Default { .. } => None,
        }
    }

    fn members(&self) -> Result<Option<Vec<Member>>> {
        let read = describe_checked(self.client, &self.region, &self.lb, &self.group);
        Ok(unless_gone(read)?.map(|(_, members)| members_of(&members)))
    }

    fn change(
        &self,
        change: Change,
        members: &[Member],
        resume: Option<Resume>,
        accepted: &mut dyn FnMut(&Accepted, &[Member]) -> Result<()>,
    ) -> Result<Changed> {
        if members.is_empty() {
            return Ok(Changed::default());
        }
        let action = match change {
            Change::Remove => BackendAction::Remove,
            Change::Add => BackendAction::Add,
            Change::SetWeight => BackendAction::SetWeight,
        };
        let refs = members.iter().map(|m| backend_ref(m, change)).collect::<Result<Vec<_>>>()?;
        let at = (self.region.as_str(), self.lb.as_str());
        let outcome = batch::run(self.global, self.client, action, at, &self.group, &refs, resume)?;
        crate::verbose!("{} in {} call(s)", self.place(), outcome.calls);
        accepted(&Accepted { job_id: None }, members)?;
        Ok(Changed { request_ids: outcome.request_ids, job_ids: Vec::new() })
    }

    fn command_words(&self, command: &str) -> Vec<String> {
        let mut words: Vec<String> =
            ["backends", command, "--lb", self.lb.as_str()].iter().map(|w| w.to_string()).collect();
        if let Group::VServer { group_id } = &self.group {
            words.extend(["--vserver-group".to_owned(), group_id.clone()]);
        }
        words
    }

    fn health(&self, members: &[Member]) -> Result<Vec<Standing>> {
        let health = read_health(self.client, &self.region, &self.lb, self.listener())?;
        let keys: Vec<String> = members.iter().map(Member::key).collect();
        Ok(health_standings(&keys, health.rows()))
    }

    fn wait(&self, until: Until, members: &[Member], timing: &WaitTiming) -> Result<Vec<Standing>> {
        let keys: Vec<String> = members.iter().map(Member::key).collect();
        match until {
            Until::Healthy => self.until_healthy(&keys, timing),
            Until::Removed => self.until_removed(&keys, timing),
            Until::Drained => self.until_drained(&keys, timing),
        }
    }

    fn settle(&self, _job_id: &str) -> Result<()> {
        Ok(())
    }
}

/// Each member's health from DescribeHealthStatus rows: `normal` only when every row of
/// the server (on that backend port, for `ID:PORT`) is normal; no rows (no running
/// listener serves it) never counts.
fn health_standings(ids: &[String], rows: &[HealthRow]) -> Vec<Standing> {
    let mut by_server: HashMap<&str, Vec<&HealthRow>> = HashMap::new();
    for row in rows {
        by_server.entry(row.server_id.as_str()).or_default().push(row);
    }
    ids.iter()
        .map(|id| {
            let (server, port) = match parse_member(id) {
                Ok(spec) => (spec.server_id, spec.port),
                Err(_) => (id.clone(), None),
            };
            let rows: Vec<&HealthRow> = by_server
                .get(server.as_str())
                .map(|rows| rows.iter().copied().filter(|r| port.is_none_or(|p| r.port == Some(p))).collect())
                .unwrap_or_default();
            let (state, reached) = if rows.is_empty() {
                ("no health rows (no running listener serves it)", false)
            } else if rows.iter().all(|r| r.status == "normal") {
                ("normal", true)
            } else if rows.iter().any(|r| r.status == "abnormal") {
                ("abnormal", false)
            } else if rows.iter().all(|r| r.status == "unavailable") {
                ("unavailable", false)
            } else {
                ("not normal on every listener", false)
            };
            Standing { id: id.clone(), state: state.to_owned(), reached }
        })
        .collect()
}

/// The health of every member of the load balancer (all listeners).
fn read_health(
    client: &Client,
    region: &str,
    lb: &str,
    listener: Option<(u16, Option<&str>)>,
) -> Result<HealthResponse> {
    let answer = client.call_raw(&slb::describe_health_status(region, lb, listener))?;
    HealthResponse::from_slice(&answer.body)
}

/// How progress lines name a group: `lb-web`, or `lb-web/rsp-web`.
fn short_place(lb: &str, group: &Group) -> String {
    match group {
        Group::Default { .. } => lb.to_owned(),
        Group::VServer { group_id } => format!("{lb}/{group_id}"),
    }
}

/// The listener `--listener` names must be one the load balancer has: exit 4 at once,
/// listing its listeners, since a wait on it could never end.
fn check_listener(
    client: &Client,
    region: &str,
    lb: &str,
    (port, protocol): (u16, Option<&str>),
) -> Result<()> {
    let default = Group::Default { load_balancer_id: lb.to_owned() };
    let (answer, _) = describe(client, region, &default)?;
    let listeners = listeners_of(&answer.json()?);
    let wanted = match protocol {
        Some(p) => format!("{port}/{p}"),
        None => port.to_string(),
    };
    let found = listeners.iter().any(|l| {
        let (lport, lprotocol) = l.split_once('/').unwrap_or((l.as_str(), ""));
        lport == port.to_string() && protocol.is_none_or(|p| p.eq_ignore_ascii_case(lprotocol))
    });
    if found {
        return Ok(());
    }
    Err(Error::Verification(format!(
        "{lb} has no listener {wanted}; its listeners: {}",
        if listeners.is_empty() { "none".to_owned() } else { listeners.join(", ") }
    )))
}

/// The waits (see [`BackendGroup::wait`]); `ids` are member keys (a bare ID in a
/// vServer group: every port of that server).
impl ClbGroup<'_> {
    /// Poll `check` until every standing is reached, as `poll` does, naming the wait.
    fn poll_until(
        &self,
        name: &str,
        timing: &WaitTiming,
        check: &mut dyn FnMut() -> Result<Vec<Standing>>,
    ) -> Result<Vec<Standing>> {
        let short = short_place(&self.lb, &self.group);
        let goal = Goal {
            name,
            place: &short,
            timeout_secs: timing.wait_timeout,
            interval: timing.interval,
            show: self.global.shows_progress(),
        };
        poll(&goal, check)
    }

    fn describe(&self) -> Result<slb::BackendsResponse> {
        Ok(describe_checked(self.client, &self.region, &self.lb, &self.group)?.1)
    }

    /// Healthy: normal on every listener (or `--listener`'s). Each poll reads the group
    /// too: a member at weight 0 takes no traffic and is never reported as serving, and
    /// a server that is not a member on any poll for 15 s fails the wait (exit 4)
    /// instead of waiting out the timeout.
    fn until_healthy(&self, ids: &[String], timing: &WaitTiming) -> Result<Vec<Standing>> {
        let place = self.place();
        let mut strangers = NeverMember::new(timing.wait_timeout);
        self.poll_until("healthy", timing, &mut || {
            let members = self.describe()?;
            let weights: HashMap<String, String> =
                members.backends().iter().map(|b| (b.key(), b.weight_text())).collect();
            let servers: HashSet<&str> = members.backends().iter().map(|b| b.server_id.as_str()).collect();
            let is_member = |id: &String| {
                weights.contains_key(id) || (!id.contains(':') && servers.contains(id.as_str()))
            };
            let missing: HashSet<String> = ids.iter().filter(|id| !is_member(id)).cloned().collect();
            strangers.check(missing.clone(), &place, members.backends().len())?;
            let health = read_health(self.client, &self.region, &self.lb, self.listener())?;
            Ok(health_standings(ids, health.rows())
                .into_iter()
                .map(|s| {
                    if missing.contains(&s.id) {
                        Standing { id: s.id, state: "not a member".into(), reached: false }
                    } else if weights.get(&s.id).is_some_and(|w| w == "0") {
                        Standing { id: s.id, state: "weight 0 (takes no traffic)".into(), reached: false }
                    } else {
                        s
                    }
                })
                .collect())
        })
    }

    /// Removed: no longer listed (a bare ID in a vServer group: none of its ports).
    fn until_removed(&self, ids: &[String], timing: &WaitTiming) -> Result<Vec<Standing>> {
        let vserver = self.group.is_vserver();
        self.poll_until("removed", timing, &mut || {
            let members = self.describe()?;
            let servers: HashSet<&str> = members.backends().iter().map(|b| b.server_id.as_str()).collect();
            let members = members.member_keys();
            Ok(ids
                .iter()
                .map(|id| {
                    let bare = vserver && !id.contains(':');
                    let present =
                        if bare { servers.contains(id.as_str()) } else { members.contains(id.as_str()) };
                    let state = if present { "member" } else { "removed" };
                    Standing { id: id.clone(), state: state.to_owned(), reached: !present }
                })
                .collect())
        })
    }

    /// Drained: weight 0 on two consecutive polls (one answer might predate the change).
    fn until_drained(&self, ids: &[String], timing: &WaitTiming) -> Result<Vec<Standing>> {
        let mut zero_before: HashSet<String> = HashSet::new();
        let mut strangers = NeverMember::new(timing.wait_timeout);
        let place = self.place();
        self.poll_until("drained", timing, &mut || {
            let members = self.describe()?;
            let weights: HashMap<String, String> =
                members.backends().iter().map(|b| (b.key(), b.weight_text())).collect();
            let missing: HashSet<String> =
                ids.iter().filter(|id| !weights.contains_key(*id)).cloned().collect();
            strangers.check(missing, &place, members.backends().len())?;
            let standings: Vec<Standing> = ids
                .iter()
                .map(|id| match weights.get(id) {
                    None => Standing { id: id.clone(), state: "not a member".into(), reached: false },
                    Some(w) if w == "0" => Standing {
                        id: id.clone(),
                        state: "weight 0".into(),
                        reached: zero_before.contains(id),
                    },
                    Some(w) => Standing { id: id.clone(), state: format!("weight {w}"), reached: false },
                })
                .collect();
            zero_before = standings.iter().filter(|s| s.state == "weight 0").map(|s| s.id.clone()).collect();
            Ok(standings)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, port: u16, status: &str) -> HealthRow {
        HealthRow { server_id: id.into(), port: Some(port), status: status.into() }
    }

    #[test]
    fn a_member_with_a_port_is_judged_on_that_port_only() {
        let rows = [row("i-a", 8080, "normal"), row("i-a", 8081, "abnormal")];
        let ids: Vec<String> = ["i-a:8080", "i-a:8081", "i-a"].map(String::from).to_vec();
        let reached: Vec<bool> = health_standings(&ids, &rows).into_iter().map(|s| s.reached).collect();
        assert_eq!(reached, [true, false, false], "a bare id needs every row normal");
    }

    #[test]
    fn healthy_means_normal_on_every_listener() {
        let ids: Vec<String> = ["i-a", "i-b", "i-c", "i-d", "i-e"].map(String::from).to_vec();
        let rows = [
            row("i-a", 80, "normal"),
            row("i-a", 443, "normal"),
            row("i-b", 80, "normal"),
            row("i-b", 443, "abnormal"),
            row("i-c", 80, "unavailable"),
            row("i-d", 80, "normal"),
            row("i-d", 443, "unavailable"),
        ];
        let states: Vec<(String, bool)> =
            health_standings(&ids, &rows).into_iter().map(|s| (s.state, s.reached)).collect();
        assert_eq!(
            states,
            [
                ("normal".to_owned(), true),
                ("abnormal".to_owned(), false),
                ("unavailable".to_owned(), false),
                ("not normal on every listener".to_owned(), false),
                ("no health rows (no running listener serves it)".to_owned(), false),
            ]
        );
    }
}
