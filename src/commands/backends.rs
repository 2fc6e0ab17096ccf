//! What CLB's backend commands share: the flow of `add` and `set-weight` (the same
//! action with a weight on every server), and rendering a finished action.

use super::batch::{self, BatchOutcome};
use super::context::Context;
use super::members::{as_given, describe, expand, place};
use super::selection::{selected_members, selection_words};
use super::{dry_run, render, rerun, wait};
use crate::cli::{GlobalArgs, OutputFormat, ServerSelection, WaitTiming};
use crate::error::Result;
use crate::output;
use crate::slb::{BackendAction, BackendServerRef, BackendsResponse};

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

/// add and set-weight: the same flow with a weight on every server, then, with
/// `--wait-healthy`, a wait until they serve.
pub fn weighted_action(
    global: &GlobalArgs,
    selection: &ServerSelection,
    (action, weight): (BackendAction, u8),
    command: &str,
    summary: &str,
    wait_healthy: Option<&WaitTiming>,
) -> Result<()> {
    // Adding needs the port of every member of a vServer group; setting weights can
    // take a bare ID (every port of it, found by reading the group first).
    let (group, specs) = selected_members(selection, action == BackendAction::Add)?;
    let context = Context::resolve(global)?;
    let place = place(selection.lb_id(), &group);
    let partial = group.is_vserver() && specs.iter().any(|s| !s.has_port());
    if selection.dry_run {
        if partial {
            eprintln!("slbctl: dry run: not shown: the read of the group that finds the ports of a bare ID");
        }
        let servers: Vec<BackendServerRef> =
            as_given(&specs, selection.clb_type()).into_iter().map(|s| s.with_weight(weight)).collect();
        return dry_run::backend_action(&context, global, action, &group, &servers);
    }
    let client = context.client(global)?;
    let (servers, unmatched) = if partial {
        expand(&specs, &describe(&client, &context.region.value, &group)?.1, selection.clb_type())
    } else {
        (as_given(&specs, selection.clb_type()), Vec::new())
    };
    if let Some(first) = unmatched.first() {
        return Err(crate::error::Error::usage(format!(
            "server {} has no port in {place}: it is not a member",
            crate::text::quote(first)
        )));
    }
    let servers: Vec<BackendServerRef> = servers.into_iter().map(|s| s.with_weight(weight)).collect();
    let ids: Vec<String> = servers.iter().map(BackendServerRef::key).collect();
    let mut words = selection_words(command, selection);
    words.extend(["--weight".to_owned(), weight.to_string()]);
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
    let outcome = batch::run(global, &client, action, &context.region.value, &group, &servers, &resume)?;
    let noun = if group.is_vserver() { "member" } else { "server" };
    render_outcome(global, &place, &outcome, &summary.replace("{count}", &output::count(ids.len(), noun)))?;
    if let Some(timing) = wait_healthy {
        let show = global.shows_progress();
        wait::until_healthy(&client, &context.region.value, selection.lb_id(), &ids, None, timing, show)?;
        if show {
            eprintln!("slbctl: {} healthy", output::count(ids.len(), "server"));
        }
    }
    Ok(())
}
