//! Health of ALB/NLB server-group members, from `GetListenerHealthStatus` of every
//! listener that forwards to the group (ALB: with its rules, `IncludeRule=true`; traffic
//! mirrors excluded). The API lists abnormal members only (`NonNormalServers`), so a
//! member is healthy when it is `Available`, its weight is above 0, the group's health
//! check is on, at least one listener forwards to the group, and it is absent from
//! `NonNormalServers` on every listener and rule. Initial, Unhealthy, Unused and
//! Unavailable are shown by name, with the reason code where one is given.
//!
//! Also the waits on a group: `healthy`, `removed` (absent from the member list; a
//! member still `Removing` is not yet removed) and `drained` (weight 0 on two polls in
//! a row), through `poll`.

use std::collections::{HashMap, HashSet};

use super::{Site, Usage, covered, read_members};
use crate::cli::{Until, WaitTiming};
use crate::commands::backend_group::HEALTH_CHECK_OFF;
use crate::commands::poll::{Goal, NeverMember, Standing, poll};
use crate::error::{Error, Result};
use crate::slb::server_groups::actions;
use crate::slb::server_groups::answers::{GroupHealth, HealthPage, Member, ServerGroup};
use crate::slb::server_groups::members::{MemberSpec, MemberType};

/// What the listeners say of one group.
pub struct GroupHealthView {
    /// Listeners (and rules) that forward to the group and report on it.
    pub reporters: usize,
    /// False when the group's health check is off (by its settings or any report).
    pub check_on: bool,
    /// Non-normal members: (server id, port, address) → `Unhealthy (CONNECT_TIMEOUT) on 80/HTTP`.
    bad: HashMap<(String, u16, Option<String>), Vec<String>>,
}

/// Read the group's health from every listener that forwards to it.
pub fn read(site: &Site, usage: &Usage, group: &ServerGroup) -> Result<GroupHealthView> {
    let id = group.server_group_id.as_str();
    let mut view =
        GroupHealthView { reporters: 0, check_on: group.health_check_enabled(), bad: HashMap::new() };
    for listener in usage.listeners_of(id) {
        let infos = super::all_pages(|token| {
            let call = actions::listener_health(site.family, &site.region, &listener.listener_id, token);
            let page = HealthPage::from_slice(&site.call(&call)?)?;
            let mut infos: Vec<(String, GroupHealth)> = Vec::new();
            for l in page.listener_health_status {
                infos.extend(l.server_group_infos.into_iter().map(|i| (listener.label(), i)));
            }
            for r in page.rule_health_status {
                let label = format!("rule {}", r.rule_id);
                infos.extend(r.server_group_infos.into_iter().map(|i| (label.clone(), i)));
            }
            Ok((infos, page.next_token))
        })?;
        for (reporter, info) in infos {
            if info.server_group_id != id
                || info.action_type.as_deref().is_some_and(|a| a.eq_ignore_ascii_case("TrafficMirror"))
            {
                continue;
            }
            view.reporters += 1;
            if info.health_check_enabled == Some(false) {
                view.check_on = false;
            }
            for server in info.non_normal_servers {
                let reason = server
                    .reason()
                    .map(|r| format!(" ({})", crate::text::sanitize(r, 60)))
                    .unwrap_or_default();
                let said = format!(
                    "{}{reason} on {}",
                    crate::text::sanitize(&server.status, 30),
                    crate::text::sanitize(&reporter, 80)
                );
                view.bad
                    .entry((server.server_id.clone(), server.port, server.server_ip.clone()))
                    .or_default()
                    .push(said);
            }
        }
    }
    Ok(view)
}

impl GroupHealthView {
    /// One member's state, and whether it is healthy.
    pub fn of(&self, member: &Member) -> (String, bool) {
        if !member.status.eq_ignore_ascii_case("Available") {
            return (crate::text::sanitize(&member.status, 30), false);
        }
        if member.weight == Some(0) {
            return ("weight 0 (takes no traffic)".to_owned(), false);
        }
        if !self.check_on {
            return (HEALTH_CHECK_OFF.to_owned(), false);
        }
        if self.reporters == 0 {
            return ("no listener forwards to its group".to_owned(), false);
        }
        // A function has no port: its rows match on the id alone.
        let port_matters = member.member_type() != Some(MemberType::Fc);
        let bad: Vec<&String> = self
            .bad
            .iter()
            .filter(|((id, port, ip), _)| {
                // An ENI's members are told apart by address; others by id and port.
                let same_address = match (ip, member.eni_address()) {
                    (Some(row), Some(mine)) => row == mine,
                    _ => true,
                };
                *id == member.server_id && (!port_matters || *port == member.port) && same_address
            })
            .flat_map(|(_, said)| said)
            .collect();
        match bad.as_slice() {
            [] => ("healthy".to_owned(), true),
            some => (some.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "), false),
        }
    }
}

/// Where `spec` stands for `until`, given the members now and the health view.
fn standing(
    until: Until,
    spec_key: &str,
    spec: &MemberSpec,
    members: &[Member],
    health: Option<&GroupHealthView>,
    zero_before: &HashSet<String>,
) -> Standing {
    let found = covered(spec, members);
    let (state, reached) = match until {
        Until::Removed => match found.as_slice() {
            [] => ("removed".to_owned(), true),
            some if some.iter().any(|m| m.status.eq_ignore_ascii_case("Removing")) => {
                ("Removing".to_owned(), false)
            }
            _ => ("member".to_owned(), false),
        },
        Until::Drained => match found.as_slice() {
            [] => ("not a member".to_owned(), false),
            some if some.iter().all(|m| m.weight == Some(0)) => {
                ("weight 0".to_owned(), zero_before.contains(spec_key))
            }
            some => {
                let weights: Vec<String> = some.iter().map(|m| m.weight_text()).collect();
                (format!("weight {}", weights.join("/")), false)
            }
        },
        Until::Healthy => match (found.as_slice(), health) {
            ([], _) => ("not a member".to_owned(), false),
            (some, Some(health)) => {
                let states: Vec<(String, bool)> = some.iter().map(|m| health.of(m)).collect();
                if states.iter().all(|(_, ok)| *ok) {
                    ("healthy".to_owned(), true)
                } else {
                    let bad: Vec<String> = states.into_iter().filter(|(_, ok)| !ok).map(|(s, _)| s).collect();
                    (bad.join("; "), false)
                }
            }
            (_, None) => ("unknown".to_owned(), false),
        },
    };
    Standing { id: spec_key.to_owned(), state, reached }
}

/// Wait until every spec reaches `until` in `group`. Healthy with the group's health
/// check off fails at once (exit 4): it could never happen.
pub fn wait(
    site: &Site,
    usage: &Usage,
    group: &ServerGroup,
    specs: &[(String, MemberSpec)],
    until: Until,
    timing: &WaitTiming,
) -> Result<Vec<Standing>> {
    let id = group.server_group_id.as_str();
    if until == Until::Healthy && !group.health_check_enabled() {
        return Err(health_check_off(site, group));
    }
    let name = match until {
        Until::Healthy => "healthy",
        Until::Removed => "removed",
        Until::Drained => "drained",
    };
    let short = match &site.lb {
        Some(lb) => format!("{lb}/{id}"),
        None => id.to_owned(),
    };
    let goal = Goal {
        place: &short,
        name,
        timeout_secs: timing.wait_timeout,
        interval: timing.interval,
        show: site.global.shows_progress(),
    };
    let mut zero_before: HashSet<String> = HashSet::new();
    let mut strangers = NeverMember::new(timing.wait_timeout);
    let place = site.place(group);
    poll(&goal, &mut || {
        let members = read_members(site, id)?;
        if until != Until::Removed {
            let missing: HashSet<String> = specs
                .iter()
                .filter(|(_, spec)| covered(spec, &members).is_empty())
                .map(|(key, _)| key.clone())
                .collect();
            strangers.check(missing, &place, members.len())?;
        }
        let health = match until {
            Until::Healthy => {
                let view = read(site, usage, group)?;
                if !view.check_on {
                    return Err(health_check_off(site, group));
                }
                Some(view)
            }
            _ => None,
        };
        let standings: Vec<Standing> = specs
            .iter()
            .map(|(key, spec)| standing(until, key, spec, &members, health.as_ref(), &zero_before))
            .collect();
        zero_before = standings.iter().filter(|s| s.state == "weight 0").map(|s| s.id.clone()).collect();
        Ok(standings)
    })
}

fn health_check_off(site: &Site, group: &ServerGroup) -> Error {
    Error::Verification(format!(
        "the health check of {} is off, so its members can never be reported healthy",
        site.place(group)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(id: &str, port: u16, weight: u8, status: &str) -> Member {
        serde_json::from_value(serde_json::json!({
            "ServerId": id, "ServerType": "Ecs", "Port": port, "Weight": weight, "Status": status
        }))
        .unwrap()
    }

    #[test]
    fn healthy_by_absence_and_only_when_serving() {
        let mut view = GroupHealthView { reporters: 2, check_on: true, bad: HashMap::new() };
        view.bad.insert(("i-b".into(), 80, None), vec!["Unhealthy (CONNECT_TIMEOUT) on 80/HTTP".into()]);
        assert_eq!(view.of(&member("i-a", 80, 100, "Available")), ("healthy".to_owned(), true));
        assert!(!view.of(&member("i-b", 80, 100, "Available")).1);
        assert!(view.of(&member("i-b", 81, 100, "Available")).1, "another port is another member");
        assert!(!view.of(&member("i-a", 80, 0, "Available")).1, "weight 0 serves nothing");
        assert_eq!(view.of(&member("i-a", 80, 100, "Adding")).0, "Adding");
        view.check_on = false;
        assert_eq!(view.of(&member("i-a", 80, 100, "Available")).0, "health check off");
        let nobody = GroupHealthView { reporters: 0, check_on: true, bad: HashMap::new() };
        assert!(!nobody.of(&member("i-a", 80, 100, "Available")).1);
    }
}
