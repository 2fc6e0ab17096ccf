//! What CLB's backend commands share: the flow of `add` and `set-weight` (the same
//! action with a weight on every server), and rendering a finished action.

use super::backend_group::clb::{self, ClbGroup};
use super::backend_group::{BackendGroup, Member};
use super::batch::{self, BatchOutcome};
use super::context::Context;
use super::members::{as_given, describe_checked, expand, place, resolve_for_dry_run};
use super::selection::{selected_members, selection_words};
use super::{dry_run, render, rerun};
use crate::cli::{GlobalArgs, OutputFormat, ServerSelection, Until, WaitTiming};
use crate::error::{Error, Result};
use crate::output;
use crate::slb::{BackendAction, BackendServerRef, BackendsResponse};
use crate::text::quote;

/// Render a finished backend action: the backends after the last call, and a summary.
/// One call without `--batch` prints the API's answer itself for `--output json`;
/// batched runs print a report with every RequestId.
pub fn render_outcome(
    global: &GlobalArgs,
    load_balancer_id: &str,
    outcome: &BatchOutcome,
    summary: &str,
) -> Result<()> {
    let last = BackendsResponse::from_json(&outcome.last)?;
    let backends = last.backends();
    let request_ids = &outcome.request_ids;
    let text = match global.output {
        OutputFormat::Json if outcome.calls == 1 => output::json(&outcome.last),
        OutputFormat::Json => output::json(&serde_json::json!({
            "LoadBalancerId": load_balancer_id,
            "RequestIds": request_ids,
            "BackendServers": outcome.last.get("BackendServers"),
        })),
        OutputFormat::Text => render::backends_text(backends),
        OutputFormat::Table => render::backends_report(
            backends,
            &format!(
                "{load_balancer_id}: {summary}; {} in the group (RequestId {})",
                output::count(backends.len(), "backend"),
                request_ids.join(", ")
            ),
        ),
    };
    output::emit(global.quiet, &text)
}

/// How strictly add and set-weight judge what they were given: `strict`, a server they
/// did not act on (already a member for add, not a member for set-weight) is exit 4;
/// `verify`, the weights after the change are checked (exit 4 when one is not set).
#[derive(Debug, Clone, Copy, Default)]
pub struct Checks {
    pub strict: bool,
    pub verify: bool,
}

/// add and set-weight: the same flow with a weight on every server, then, with
/// `--wait-healthy`, a wait until they serve. The group is read first: add sends only
/// servers that are not members yet (a member keeps its weight, and the warning says
/// which), set-weight only servers that are members; the summary counts what was sent.
pub fn weighted_action(
    global: &GlobalArgs,
    selection: &ServerSelection,
    (action, weight): (BackendAction, u8),
    (command, summary): (&str, &str),
    wait_healthy: Option<&WaitTiming>,
    checks: Checks,
) -> Result<()> {
    // Adding needs the port of every member of a vServer group; setting weights can
    // take a bare ID (every port of it, found by reading the group first).
    let (group, specs) = selected_members(selection, action == BackendAction::Add)?;
    if wait_healthy.is_some() && weight == 0 {
        return Err(Error::usage("--wait-healthy waits for servers to serve, which weight 0 stops")
            .with_hint("to wait for connections to drain, use `backends wait --until drained`"));
    }
    let context = Context::resolve(global)?;
    let lb = selection.lb_id();
    let place = place(lb, &group);
    let partial = group.is_vserver() && specs.iter().any(|s| !s.has_port());
    if selection.dry_run {
        let servers = if partial {
            let at = (context.region.value.as_str(), lb, &group);
            resolve_for_dry_run(context.client(global), at, &specs, selection.clb_type())
        } else {
            as_given(&specs, selection.clb_type())
        };
        let servers: Vec<BackendServerRef> = servers.into_iter().map(|s| s.with_weight(weight)).collect();
        return dry_run::backend_action(&context, global, action, &group, &servers);
    }
    let client = context.client(global)?;
    let region = context.region.value.as_str();
    let (_, current) = describe_checked(&client, region, lb, &group)?;
    let (servers, unmatched) = if partial {
        expand(&specs, &current, selection.clb_type())
    } else {
        (as_given(&specs, selection.clb_type()), Vec::new())
    };
    let noun = if group.is_vserver() { "member" } else { "server" };
    let weights: std::collections::HashMap<String, String> =
        current.backends().iter().map(|b| (b.key(), b.weight_text())).collect();
    let mut skipped: Vec<String> = unmatched;
    let servers: Vec<BackendServerRef> = servers
        .into_iter()
        .filter(|s| {
            let key = s.key();
            match (action, weights.get(&key)) {
                (BackendAction::Add, Some(w)) => {
                    output::warn(&format!(
                        "server {} is already a member of {place} at weight {w}; weight unchanged: use set-weight",
                        quote(&key)
                    ));
                    skipped.push(key);
                    false
                }
                (BackendAction::Add, None) => true,
                (_, Some(_)) => true,
                (_, None) => {
                    skipped.push(key);
                    false
                }
            }
        })
        .map(|s| s.with_weight(weight))
        .collect();
    if action != BackendAction::Add {
        for key in &skipped {
            output::warn(&format!("server {} is not a member of {place}; not sent", quote(key)));
        }
    }
    let ids: Vec<String> = servers.iter().map(BackendServerRef::key).collect();
    let strict_failure = || {
        let what = if action == BackendAction::Add { "already a member" } else { "not a member" };
        Error::Verification(format!(
            "{} {what} of {place} (--strict): {}",
            output::count(skipped.len(), "server"),
            skipped.join(" ")
        ))
    };
    if servers.is_empty() {
        let done = if action == BackendAction::Add { "nothing added" } else { "no weight set" };
        let text = match global.output {
            OutputFormat::Json => output::json(&serde_json::json!({
                "LoadBalancerId": lb, "RequestIds": [], "BackendServers": {"BackendServer": current.backends().iter().map(|b| serde_json::json!({"ServerId": b.server_id, "Port": b.port, "Weight": b.weight_text()})).collect::<Vec<_>>()},
            })),
            OutputFormat::Text => render::backends_text(current.backends()),
            OutputFormat::Table => render::backends_report(
                current.backends(),
                &format!(
                    "{place}: {done}; {} in the group",
                    output::count(current.backends().len(), "backend")
                ),
            ),
        };
        output::emit(global.quiet, &text)?;
        return if checks.strict && !skipped.is_empty() { Err(strict_failure()) } else { Ok(()) };
    }
    let mut words = selection_words(command, selection);
    words.extend(["--weight".to_owned(), weight.to_string()]);
    if checks.strict {
        words.push("--strict".into());
    } else if checks.verify {
        words.push("--verify".into());
    }
    if let Some(timing) = wait_healthy {
        words.extend([
            "--wait-healthy".to_owned(),
            "--wait-timeout".to_owned(),
            timing.wait_timeout.to_string(),
        ]);
        if let Some(interval) = timing.interval {
            words.extend(["--interval".to_owned(), interval.to_string()]);
        }
    }
    let resume = |rest: &[String]| rerun::command(global, &words, rest);
    let outcome = batch::run(global, &client, action, (region, lb), &group, &servers, Some(&resume))?;
    render_outcome(global, &place, &outcome, &summary.replace("{count}", &output::count(ids.len(), noun)))?;
    if checks.verify || checks.strict {
        let after = BackendsResponse::from_json(&outcome.last)?;
        let now: std::collections::HashMap<String, String> =
            after.backends().iter().map(|b| (b.key(), b.weight_text())).collect();
        let wrong: Vec<String> = ids
            .iter()
            .filter(|k| now.get(*k).is_none_or(|w| *w != weight.to_string()))
            .map(|k| format!("{k}={}", now.get(k).map_or("absent", |w| w.as_str())))
            .collect();
        if !wrong.is_empty() {
            return Err(Error::Verification(format!(
                "{} of {place} not at weight {weight} after the change: {}",
                output::count(wrong.len(), noun),
                wrong.join(" ")
            )));
        }
    }
    if let Some(timing) = wait_healthy {
        let show = global.shows_progress();
        let members: Vec<Member> = servers.iter().map(clb::member_of_ref).collect();
        ClbGroup::of(global, &client, region, lb, &group).wait(Until::Healthy, &members, timing)?;
        if show {
            eprintln!("slbctl: {} healthy", output::count(ids.len(), noun));
        }
    }
    if checks.strict && !skipped.is_empty() {
        return Err(strict_failure());
    }
    Ok(())
}
