//! `slbctl backends remove`: guards, optional drain, batched RemoveBackendServers, and
//! optional verification with a verdict per server.

use std::collections::HashSet;

use super::backend_group::clb::{self, ClbGroup};
use super::backend_group::drain;
use super::backend_group::guards::{self, Guards};
use super::backends;
use super::context::Context;
use super::members::{as_given, describe, describe_checked, expand, place, resolve_for_dry_run};
use super::selection::{selected_members, selection_words};
use super::server_group::{self, Route, route};
use super::{batch, dry_run, poll, rerun};
use crate::api::client::{Client, RawAnswer};
use crate::cli::{GlobalArgs, OutputFormat, RemoveArgs};
use crate::error::{Error, Result};
use crate::output;
use crate::slb::ids::parse_member;
use crate::slb::{BackendAction, BackendServerRef, BackendsResponse, Group};
use crate::text::{quote, sanitize};

/// What happened to one requested server, as `--verify` reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Removed,
    NotMember,
    StillPresent,
}

impl Verdict {
    /// The verdict's name in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Removed => "removed",
            Verdict::NotMember => "not_member",
            Verdict::StillPresent => "still_present",
        }
    }
}

/// The verdict of each id, from the backends before and after.
pub fn verdicts(
    ids: &[String],
    before: &BackendsResponse,
    after: &BackendsResponse,
) -> Vec<(String, Verdict)> {
    let (before, after) = (before.member_keys(), after.member_keys());
    ids.iter()
        .map(|id| {
            let verdict = if !before.contains(id.as_str()) {
                Verdict::NotMember
            } else if after.contains(id.as_str()) {
                Verdict::StillPresent
            } else {
                Verdict::Removed
            };
            (id.clone(), verdict)
        })
        .collect()
}

pub fn run(global: &GlobalArgs, args: &RemoveArgs) -> Result<()> {
    let selection = &match route(&args.selection)? {
        Route::ServerGroup(family) => return server_group::change::remove(global, args, family),
        Route::Clb(selection) => selection,
    };
    let (group, specs) = selected_members(selection, false)?;
    let context = Context::resolve(global)?;
    let region = context.region.value.as_str();
    let lb = selection.lb_id();
    let place = place(lb, &group);
    let place = place.as_str();
    // A bare ID in a vServer group means every port of it: the group is read first.
    let partial = group.is_vserver() && specs.iter().any(|s| !s.has_port());
    if selection.dry_run {
        if args.verify
            || args.strict
            || args.min_remaining.is_some()
            || args.min_healthy.is_some()
            || args.drain.is_some()
        {
            eprintln!(
                "slbctl: dry run: not shown: the reads of --verify/--strict/--min-remaining/--min-healthy, and \
                 the weight change of --drain"
            );
        }
        // A bare ID in a vServer group: its ports are read (a read changes nothing), so
        // the request shown is the one that would be sent.
        let servers = if partial {
            resolve_for_dry_run(context.client(global), (region, lb, &group), &specs, selection.clb_type())
        } else {
            as_given(&specs, selection.clb_type())
        };
        return dry_run::backend_action(&context, global, BackendAction::Remove, &group, &servers);
    }
    let client = context.client(global)?;
    let verify = args.verify || args.strict;

    // One read of the members before, shared by the guards, the drain, --verify and
    // finding the ports of a bare ID.
    let guarded = args.min_remaining.is_some() || args.min_healthy.is_some();
    // A vServer group is always read: it must be --lb's (exit 4 otherwise).
    let before = if verify || guarded || args.drain.is_some() || partial || group.is_vserver() {
        Some(describe_checked(&client, region, lb, &group)?.1)
    } else {
        None
    };
    let (servers, unmatched) = match &before {
        Some(before) if partial => expand(&specs, before, selection.clb_type()),
        _ => (as_given(&specs, selection.clb_type()), Vec::new()),
    };
    // Every member by its key; those asked for but not found stay for the verdicts.
    let sent: Vec<String> = servers.iter().map(BackendServerRef::key).collect();
    let ids: Vec<String> = sent.iter().cloned().chain(unmatched.iter().cloned()).collect();
    let guards = Guards { min_remaining: args.min_remaining, min_healthy: args.min_healthy };
    if let (true, Some(before)) = (guards.any(), &before) {
        let model = ClbGroup::of(global, &client, region, lb, &group);
        guards::check(&model, &clb::members_of(before), &ids.iter().cloned().collect(), guards)?;
    }
    let mut words = selection_words("remove", selection);
    if args.strict {
        words.push("--strict".into());
    } else if args.verify {
        words.push("--verify".into());
    }
    if let Some(min) = args.min_remaining {
        words.extend(["--min-remaining".to_owned(), min.to_string()]);
    }
    if let Some(min) = args.min_healthy {
        words.extend(["--min-healthy".to_owned(), min.to_string()]);
    }
    if let (Some(seconds), Some(before)) = (args.drain, &before) {
        // Should draining fail part-way, the whole command (with --drain) is what to
        // run again: weight 0 is idempotent, and nothing was removed yet.
        let mut again = words.clone();
        again.extend(["--drain".to_owned(), seconds.to_string()]);
        let rerun = rerun::command(global, &again, &ids);
        let sent: HashSet<String> = servers.iter().map(BackendServerRef::key).collect();
        let leaving: Vec<_> =
            clb::members_of(before).into_iter().filter(|m| sent.contains(&m.key())).collect();
        drain::drain(global, &ClbGroup::of(global, &client, region, lb, &group), &leaving, seconds, &rerun)?;
    }
    for id in &unmatched {
        output::warn(&format!("server {} is not a member of {place}", quote(id)));
    }
    let resume = |rest: &[String]| rerun::command(global, &words, rest);
    let outcome = if servers.is_empty() {
        None
    } else if guarded {
        // The guards hold at the moment of the change, not only at the start: busy
        // answers are waited out here, with the guards checked again before each try.
        let on = Target { global, client: &client, region, lb, group: &group };
        Some(guarded_removal(&on, &servers, &ids, guards, &resume)?)
    } else {
        Some(batch::run(
            global,
            &client,
            BackendAction::Remove,
            (region, lb),
            &group,
            &servers,
            Some(&resume),
        )?)
    };

    let Some(before) = before.filter(|_| verify) else {
        let Some(outcome) = outcome else {
            return Ok(());
        };
        warn_if_still_listed(&sent, &BackendsResponse::from_json(&outcome.last)?);
        // The API ignores ids that are not members, so this says what was asked and
        // what remains, not that each id was a member.
        let noun = if group.is_vserver() { "member" } else { "server" };
        let summary = format!("removal of {} accepted", output::count(sent.len(), noun));
        return backends::render_outcome(global, place, &outcome, &summary);
    };

    let (after_body, after) = catch_up(&client, (region, &group), &ids, &before, args.wait_timeout, global)?;
    let verdicts = verdicts(&ids, &before, &after);
    let request_ids = outcome.map(|o| o.request_ids).unwrap_or_default();
    render_verdicts(global, place, &verdicts, (&after_body, &after), &request_ids)?;
    let still: Vec<&str> = pick(&verdicts, Verdict::StillPresent);
    if !still.is_empty() {
        return Err(Error::Verification(format!(
            "{} of {place} still present after removal: {}",
            output::count(still.len(), "server"),
            still.join(" ")
        )));
    }
    let strangers: Vec<&str> = pick(&verdicts, Verdict::NotMember);
    if args.strict && !strangers.is_empty() {
        return Err(Error::Verification(format!(
            "{} not a member of {place} (--strict): {}",
            if strangers.len() == 1 {
                "1 server was".to_owned()
            } else {
                format!("{} servers were", strangers.len())
            },
            strangers.join(" ")
        )));
    }
    Ok(())
}

fn pick(verdicts: &[(String, Verdict)], which: Verdict) -> Vec<&str> {
    verdicts.iter().filter(|(_, v)| *v == which).map(|(id, _)| id.as_str()).collect()
}

/// After a removal, the load balancer's description until it shows every removed
/// member gone (it is eventually consistent), for at most `timeout_secs`; then the last
/// description, whatever it shows: the verdicts say the rest.
fn catch_up(
    client: &Client,
    (region, group): (&str, &Group),
    ids: &[String],
    before: &BackendsResponse,
    timeout_secs: u64,
    global: &GlobalArgs,
) -> Result<(RawAnswer, BackendsResponse)> {
    let were_members = before.member_keys();
    let expected_gone: Vec<&String> = ids.iter().filter(|id| were_members.contains(id.as_str())).collect();
    let show = global.shows_progress();
    let goal = poll::Goal { name: "the removal shows", place: "", timeout_secs, interval: None, show };
    let mut last = None;
    let outcome = poll::poll(&goal, &mut || {
        let (answer, after) = describe(client, region, group)?;
        let members = after.member_keys();
        let standings = expected_gone
            .iter()
            .map(|id| {
                let listed = members.contains(id.as_str());
                let state = if listed { "still listed" } else { "removed" };
                poll::Standing { id: (*id).clone(), state: state.to_owned(), reached: !listed }
            })
            .collect();
        last = Some((answer, after));
        Ok(standings)
    });
    match outcome {
        Ok(_) | Err(Error::Timeout { .. }) => {}
        Err(other) => return Err(other),
    }
    last.ok_or_else(|| Error::Other(anyhow::anyhow!("no description was read")))
}

/// A guarded removal: the guards are checked again right before every attempt (after
/// each busy answer too, the waits jittered so racing deployers do not re-check in
/// step), and once more on the group after the change. Should another deployer's
/// change have broken them meanwhile, what this run removed is put back at its weight
/// and the run ends with exit 7, "changed, then undone"; if the put-back fails, exit 6
/// names what is missing and the command that restores it.
fn guarded_removal(
    on: &Target,
    servers: &[BackendServerRef],
    ids: &[String],
    guards: Guards,
    resume: &dyn Fn(&[String]) -> String,
) -> Result<batch::BatchOutcome> {
    let Target { global, client, region, lb, group } = *on;
    let model = ClbGroup::of(global, client, region, lb, group);
    let leaving: HashSet<String> = ids.iter().cloned().collect();
    let (outcome, before) = client.rechecking_when_busy("the guards", &mut || {
        let (_, now) = describe_checked(client, region, lb, group)?;
        guards::check(&model, &clb::members_of(&now), &leaving, guards)?;
        Ok((
            batch::run(global, client, BackendAction::Remove, (region, lb), group, servers, Some(resume))?,
            now,
        ))
    })?;
    // After the change: do the guards still hold, now that everyone's changes are in?
    let (_, after) = describe(client, region, group)?;
    let Some(broken) = guards::broken(&model, &clb::members_of(&after), guards)? else { return Ok(outcome) };
    // What this run removed: members before, gone now; put back as they were.
    let gone: HashSet<String> = servers.iter().map(BackendServerRef::key).collect();
    let still = after.member_keys();
    let removed: Vec<_> = clb::members_of(&before)
        .into_iter()
        .filter(|m| gone.contains(&m.key()) && !still.contains(&m.key()))
        .collect();
    Err(guards::undo(global, &model, &broken, &removed))
}

/// Where a step of the command acts.
struct Target<'a> {
    global: &'a GlobalArgs,
    client: &'a Client,
    region: &'a str,
    lb: &'a str,
    group: &'a Group,
}

fn warn_if_still_listed(ids: &[String], response: &BackendsResponse) {
    let removed: HashSet<&str> = ids.iter().map(String::as_str).collect();
    for backend in response.backends() {
        let key = backend.key();
        if removed.contains(key.as_str()) {
            output::warn(&format!("server {} is still listed as a backend after the removal", quote(&key)));
        }
    }
}

fn render_verdicts(
    global: &GlobalArgs,
    lb: &str,
    verdicts: &[(String, Verdict)],
    (after_body, after): (&RawAnswer, &BackendsResponse),
    request_ids: &[String],
) -> Result<()> {
    /// The `--output json` report, serialized straight to text: a batch may name
    /// thousands of servers, and a JSON tree of them would cost megabytes.
    #[derive(serde::Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct Report<'a> {
        load_balancer_id: &'a str,
        request_ids: &'a [String],
        verdicts: Vec<Row>,
        /// The group after removal as the API described it, every field kept.
        backend_servers: Option<serde_json::Value>,
    }
    #[derive(serde::Serialize)]
    #[serde(rename_all = "PascalCase")]
    struct Row {
        server_id: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        port: Option<u16>,
        #[serde(skip_serializing_if = "Option::is_none")]
        server_ip: Option<String>,
        verdict: &'static str,
    }
    let text = match global.output {
        OutputFormat::Json => output::json(&Report {
            load_balancer_id: lb,
            request_ids,
            verdicts: verdicts
                .iter()
                .map(|(key, v)| {
                    // Keys are `ID`, `ID:PORT` or `ID:PORT@IP`, as members are given.
                    let spec = parse_member(key).ok();
                    Row {
                        server_id: spec.as_ref().map_or_else(|| key.clone(), |s| s.server_id.clone()),
                        port: spec.as_ref().and_then(|s| s.port),
                        server_ip: spec.and_then(|s| s.server_ip),
                        verdict: v.as_str(),
                    }
                })
                .collect(),
            backend_servers: after_body.json()?.get_mut("BackendServers").map(serde_json::Value::take),
        }),
        OutputFormat::Text => {
            output::text_rows(verdicts.iter().map(|(id, v)| vec![id.clone(), v.as_str().to_owned()]))
        }
        OutputFormat::Table => {
            let mut text = output::table(
                &["ServerId", "Verdict"],
                verdicts.iter().map(|(id, v)| vec![id.clone(), v.as_str().to_owned()]),
                output::stdout_is_terminal(),
            );
            let count = |which| verdicts.iter().filter(|(_, v)| *v == which).count();
            text.push_str(&format!(
                "{}: {} removed, {} not a member, {} still present; {} backend{} remain{}\n",
                sanitize(lb, usize::MAX),
                count(Verdict::Removed),
                count(Verdict::NotMember),
                count(Verdict::StillPresent),
                after.backends().len(),
                if after.backends().len() == 1 { "" } else { "s" },
                if after.backends().len() == 1 { "s" } else { "" },
            ));
            text
        }
    };
    output::emit(global.quiet, &text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn backends(ids: &[&str]) -> BackendsResponse {
        let list: Vec<_> = ids.iter().map(|id| json!({"ServerId": id, "Weight": 100})).collect();
        BackendsResponse::from_json(&json!({"RequestId": "R", "BackendServers": {"BackendServer": list}}))
            .unwrap()
    }

    #[test]
    fn every_verdict() {
        let ids: Vec<String> = ["i-a", "i-typo", "i-stuck"].iter().map(|s| s.to_string()).collect();
        let v = verdicts(&ids, &backends(&["i-a", "i-stuck", "i-other"]), &backends(&["i-stuck", "i-other"]));
        assert_eq!(
            v.iter().map(|(_, v)| *v).collect::<Vec<_>>(),
            [Verdict::Removed, Verdict::NotMember, Verdict::StillPresent]
        );
    }
}
