//! Waiting on the load balancer: `backends wait`, and the waits other commands make
//! (`--wait-healthy` after add and set-weight, `--verify` catching up after a removal),
//! and the health reading behind `--min-healthy`.
//!
//! The polling itself (schedule, timeout, progress line) is `poll`'s; this file knows
//! what CLB's answers mean. ALB/NLB waits are `server_group`'s.

use std::collections::{HashMap, HashSet};

use super::context::Context;
use super::input;
use super::members::{describe, describe_checked, listeners_of, place};
use super::poll::{self, Goal, NeverMember, Standing, poll};
use super::selection::{group_of, port_in_default_group};
use super::server_group::{self, product_of};
use crate::api::client::Client;
use crate::cli::{GlobalArgs, Until, WaitArgs, WaitTiming};
use crate::error::{Error, Result};
use crate::slb::ids::{parse_member, prepare_server_ids};
use crate::slb::{self, Group, HealthResponse, HealthRow};

/// Each member's health from DescribeHealthStatus rows: `normal` only when every row of
/// the server (on that backend port, for `ID:PORT`) is normal; no rows (no running
/// listener serves it) never counts.
pub fn health_standings(ids: &[String], rows: &[HealthRow]) -> Vec<Standing> {
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

/// A `--listener` value: `80` or `80/http`.
fn parse_listener(text: &str) -> Result<(u16, Option<String>)> {
    let (port, protocol) = match text.split_once('/') {
        Some((port, protocol)) => (port, Some(protocol.to_ascii_lowercase())),
        None => (text, None),
    };
    let port: u16 = port.parse().ok().filter(|p| *p > 0).ok_or_else(|| {
        Error::usage(format!(
            "--listener {} is not a port 1-65535 (or PORT/PROTOCOL)",
            crate::text::quote(text)
        ))
    })?;
    if let Some(protocol) = &protocol {
        if !["http", "https", "tcp", "udp"].contains(&protocol.as_str()) {
            return Err(Error::usage(format!(
                "--listener protocol {} is not http, https, tcp or udp",
                crate::text::quote(protocol)
            )));
        }
    }
    Ok((port, protocol))
}

/// The health of every member of the load balancer (all listeners).
pub fn read_health(
    client: &Client,
    region: &str,
    lb: &str,
    listener: Option<(u16, Option<&str>)>,
) -> Result<HealthResponse> {
    let answer = client.call_raw(&slb::describe_health_status(region, lb, listener))?;
    HealthResponse::from_slice(&answer.body)
}

/// Wait until `ids` (members of `group`) are healthy (after add or set-weight with
/// `--wait-healthy`, `standby exit --wait-healthy`, and `backends wait --until
/// healthy`). Each poll reads the group too: a member at weight 0 takes no traffic and
/// is never reported as serving, and a server that is not a member on any poll for
/// 15 s fails the wait (exit 4) instead of waiting out the timeout.
pub fn until_healthy(
    client: &Client,
    (region, lb, group): (&str, &str, &Group),
    ids: &[String],
    listener: Option<(u16, Option<&str>)>,
    timing: &WaitTiming,
    show: bool,
) -> Result<Vec<Standing>> {
    let short = short_place(lb, group);
    let goal = Goal {
        name: "healthy",
        place: &short,
        timeout_secs: timing.wait_timeout,
        interval: timing.interval,
        show,
    };
    let place = place(lb, group);
    let mut strangers = NeverMember::new(timing.wait_timeout);
    poll(&goal, &mut || {
        let (_, members) = describe_checked(client, region, lb, group)?;
        let weights: HashMap<String, String> =
            members.backends().iter().map(|b| (b.key(), b.weight_text())).collect();
        let servers: HashSet<&str> = members.backends().iter().map(|b| b.server_id.as_str()).collect();
        let is_member =
            |id: &String| weights.contains_key(id) || (!id.contains(':') && servers.contains(id.as_str()));
        let missing: HashSet<String> = ids.iter().filter(|id| !is_member(id)).cloned().collect();
        strangers.check(missing.clone(), &place, members.backends().len())?;
        let health = read_health(client, region, lb, listener)?;
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

/// How progress lines name a group: `lb-web`, or `lb-web/rsp-web`.
pub fn short_place(lb: &str, group: &Group) -> String {
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

/// `slbctl backends wait`.
pub fn run(global: &GlobalArgs, args: &WaitArgs) -> Result<()> {
    let product = product_of(args.lb.as_deref(), args.product)?;
    if let Some(family) = product.family() {
        if args.vserver_group.is_some() {
            return Err(Error::usage(format!(
                "--vserver-group is CLB's; {} has server groups",
                family.label()
            )));
        }
        return match args.until {
            None => server_group::jobs::wait_for_jobs(global, args, family),
            Some(until) => server_group::change::wait_until(global, args, family, until),
        };
    }
    let Some(until) = args.until else {
        return Err(
            Error::usage("--job is for ALB/NLB jobs; CLB changes have none").with_hint("pass --until")
        );
    };
    let Some(lb) = args.lb.as_deref() else {
        return Err(Error::usage("CLB commands need --lb"));
    };
    let vserver_group = args.vserver_group.as_ref().or(args.server_group.as_ref());
    let listener = args.listener.as_deref().map(parse_listener).transpose()?;
    let requested = input::server_ids(&args.servers, args.from_file.as_deref())?;
    let (ids, _) = prepare_server_ids(&requested, true)?;
    let context = Context::resolve(global)?;
    let client = context.client(global)?;
    let region = context.region.value.as_str();
    let timing = &args.timing;
    let show = global.shows_progress();
    let group = group_of(lb, vserver_group)?;
    if let Some(id) = ids.iter().find(|id| id.contains(':')).filter(|_| !group.is_vserver()) {
        return Err(port_in_default_group(id));
    }
    let short = short_place(lb, &group);
    let standings = match until {
        Until::Healthy => {
            let listener = listener.as_ref().map(|(port, protocol)| (*port, protocol.as_deref()));
            if let Some(listener) = listener {
                check_listener(&client, region, lb, listener)?;
            }
            until_healthy(&client, (region, lb, &group), &ids, listener, timing, show)?
        }
        Until::Removed => {
            let goal = Goal {
                name: "removed",
                place: &short,
                timeout_secs: timing.wait_timeout,
                interval: timing.interval,
                show,
            };
            poll(&goal, &mut || {
                let (_, members) = describe_checked(&client, region, lb, &group)?;
                // A bare ID in a vServer group: any of its ports still there counts.
                let servers: HashSet<&str> =
                    members.backends().iter().map(|b| b.server_id.as_str()).collect();
                let members = members.member_keys();
                Ok(ids
                    .iter()
                    .map(|id| {
                        let bare = group.is_vserver() && !id.contains(':');
                        let present =
                            if bare { servers.contains(id.as_str()) } else { members.contains(id.as_str()) };
                        let state = if present { "member" } else { "removed" };
                        Standing { id: id.clone(), state: state.to_owned(), reached: !present }
                    })
                    .collect())
            })?
        }
        Until::Drained => {
            // Weight 0 on two consecutive polls: one answer might predate the change.
            let goal = Goal {
                name: "drained",
                place: &short,
                timeout_secs: timing.wait_timeout,
                interval: timing.interval,
                show,
            };
            let mut zero_before: HashSet<String> = HashSet::new();
            let mut strangers = NeverMember::new(timing.wait_timeout);
            let place = place(lb, &group);
            poll(&goal, &mut || {
                let (_, members) = describe_checked(&client, region, lb, &group)?;
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
                zero_before =
                    standings.iter().filter(|s| s.state == "weight 0").map(|s| s.id.clone()).collect();
                Ok(standings)
            })?
        }
    };
    poll::render(global, lb, &standings)
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

    #[test]
    fn listeners_are_checked_locally() {
        assert_eq!(parse_listener("80").unwrap(), (80, None));
        assert_eq!(parse_listener("443/HTTPS").unwrap(), (443, Some("https".into())));
        for bad in ["0", "70000", "80/ftp", "x", "/http", ""] {
            assert_eq!(parse_listener(bad).unwrap_err().exit_code(), 2, "{bad}");
        }
    }
}
