//! What the backend commands share: reading the current backends, the flow of `add`
//! and `set-weight` (the same action with a weight on every server), and rendering a
//! finished action.

use super::batch::{self, BatchOutcome};
use super::context::Context;
use super::selection::{selected_ids, selection_words};
use super::{dry_run, render, rerun, wait};
use crate::api::client::{Client, RawAnswer};
use crate::cli::{GlobalArgs, OutputFormat, ServerSelection, WaitTiming};
use crate::error::Result;
use crate::output;
use crate::slb::{self, BackendAction, BackendServerRef, BackendsResponse};

/// The current backends of a load balancer (DescribeLoadBalancerAttribute): the answer
/// as it came (a JSON tree is built from it only for `--output json`) and its backends.
pub fn describe(
    client: &Client,
    region: &str,
    load_balancer_id: &str,
) -> Result<(RawAnswer, BackendsResponse)> {
    let answer = client.call_raw(&slb::describe_load_balancer_attribute(region, load_balancer_id))?;
    let parsed = BackendsResponse::from_slice(&answer.body)?;
    Ok((answer, parsed))
}

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
    let ids = selected_ids(selection)?;
    let context = Context::resolve(global)?;
    let servers: Vec<BackendServerRef> =
        ids.iter().map(|id| BackendServerRef::new(id, selection.server_type).with_weight(weight)).collect();
    if selection.dry_run {
        return dry_run::backend_action(&context, global, action, &selection.lb, &servers);
    }
    let client = context.client(global)?;
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
    let outcome =
        batch::run(global, &client, action, &context.region.value, &selection.lb, &servers, &resume)?;
    render_outcome(
        global,
        &selection.lb,
        &outcome,
        &summary.replace("{count}", &output::count(ids.len(), "server")),
    )?;
    if let Some(timing) = wait_healthy {
        let show = global.output != OutputFormat::Json;
        wait::until_healthy(&client, &context.region.value, &selection.lb, &ids, None, timing, show)?;
        if show {
            eprintln!("slbctl: {} healthy", output::count(ids.len(), "server"));
        }
    }
    Ok(())
}
