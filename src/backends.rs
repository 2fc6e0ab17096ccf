//! `slbctl backends list | add | set-weight`, and what every backend command shares:
//! choosing the servers, reading the current backends, and rendering the result.

use clap::ValueEnum;

use crate::batch::{self, BatchOutcome};
use crate::cli::{AddArgs, GlobalArgs, ListArgs, OutputFormat, ServerSelection, SetWeightArgs};
use crate::client::Client;
use crate::context::Context;
use crate::error::{Result, quote};
use crate::ids::{batches, prepare_server_ids, validate_id};
use crate::input;
use crate::output;
use crate::slb::{self, BackendAction, BackendServerRef, BackendsResponse};

/// The ids a backend command works on: from arguments, a file or stdin; validated;
/// duplicates collapsed with a warning; at most 20 unless `--batch`.
pub fn selected_ids(selection: &ServerSelection) -> Result<Vec<String>> {
    // Input first: a bad id is reported before any file is read or anything is sent.
    validate_id("load balancer id", &selection.lb)?;
    let requested = input::server_ids(&selection.servers, selection.from_file.as_deref())?;
    let (ids, duplicates) = prepare_server_ids(&requested, selection.batch)?;
    for dup in &duplicates {
        output::warn(&format!("server {} is given more than once; using it once", quote(dup)));
    }
    Ok(ids)
}

/// The current backends of a load balancer (DescribeLoadBalancerAttribute).
pub fn describe(
    client: &Client,
    region: &str,
    load_balancer_id: &str,
) -> Result<(serde_json::Value, BackendsResponse)> {
    let body = client.call(&slb::describe_load_balancer_attribute(region, load_balancer_id))?;
    let parsed = BackendsResponse::from_json(&body)?;
    Ok((body, parsed))
}

/// `--dry-run` of a backend action: every call that would be sent, nothing sent.
pub fn dry_run(
    context: &Context,
    global: &GlobalArgs,
    action: BackendAction,
    load_balancer_id: &str,
    servers: &[BackendServerRef],
) -> Result<()> {
    for chunk in batches(servers) {
        let params = slb::backend_action(action, &context.region.value, load_balancer_id, chunk)?;
        context.dry_run(global, &params)?;
    }
    Ok(())
}

/// The words after `slbctl` that repeat a command's selection flags (for resuming).
pub fn selection_words(command: &str, selection: &ServerSelection) -> Vec<String> {
    let mut words: Vec<String> =
        ["backends", command, "--lb", &selection.lb].iter().map(|s| s.to_string()).collect();
    if let Some(t) = selection.server_type {
        words.push("--type".into());
        words.extend(t.to_possible_value().map(|v| v.get_name().to_owned()));
    }
    words
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
    let last = outcome.answers.last().map(BackendsResponse::from_json).transpose()?;
    let backends = last.as_ref().map(|r| r.backends()).unwrap_or_default();
    let request_ids = outcome.request_ids();
    let text = match global.output {
        OutputFormat::Json if outcome.answers.len() == 1 => output::json(&outcome.answers[0]),
        OutputFormat::Json => output::json(&serde_json::json!({
            "LoadBalancerId": load_balancer_id,
            "RequestIds": request_ids,
            "BackendServers": outcome.answers.last().and_then(|a| a.get("BackendServers")).cloned(),
        })),
        OutputFormat::Text => output::backends_text(backends),
        OutputFormat::Table => output::backends_report(
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

pub fn list(global: &GlobalArgs, args: &ListArgs) -> Result<()> {
    validate_id("load balancer id", &args.lb)?;
    let context = Context::resolve(global)?;
    let client = context.client(global)?;
    let (body, parsed) = describe(&client, &context.region.value, &args.lb)?;
    let text = match global.output {
        OutputFormat::Json => output::json(&body),
        OutputFormat::Text => output::backends_text(parsed.backends()),
        OutputFormat::Table => output::backends_report(
            parsed.backends(),
            &format!(
                "{}: {} (RequestId {})",
                args.lb,
                output::count(parsed.backends().len(), "backend"),
                parsed.request_id
            ),
        ),
    };
    output::emit(global.quiet, &text)
}

pub fn add(global: &GlobalArgs, args: &AddArgs) -> Result<()> {
    let summary = format!("{{count}} added at weight {}", args.weight);
    weighted_action(global, &args.selection, BackendAction::Add, args.weight, "add", &summary)
}

pub fn set_weight(global: &GlobalArgs, args: &SetWeightArgs) -> Result<()> {
    let summary = format!("weight of {{count}} set to {}", args.weight);
    weighted_action(global, &args.selection, BackendAction::SetWeight, args.weight, "set-weight", &summary)
}

/// add and set-weight: the same flow with a weight on every server.
fn weighted_action(
    global: &GlobalArgs,
    selection: &ServerSelection,
    action: BackendAction,
    weight: u8,
    command: &str,
    summary: &str,
) -> Result<()> {
    let ids = selected_ids(selection)?;
    let context = Context::resolve(global)?;
    let servers: Vec<BackendServerRef> =
        ids.iter().map(|id| BackendServerRef::new(id, selection.server_type).with_weight(weight)).collect();
    if selection.dry_run {
        return dry_run(&context, global, action, &selection.lb, &servers);
    }
    let client = context.client(global)?;
    let mut words = selection_words(command, selection);
    words.extend(["--weight".to_owned(), weight.to_string()]);
    let resume = |rest: &[String]| batch::resume_command(global, &words, rest);
    let outcome =
        batch::run(global, &client, action, &context.region.value, &selection.lb, &servers, &resume)?;
    render_outcome(
        global,
        &selection.lb,
        &outcome,
        &summary.replace("{count}", &output::count(ids.len(), "server")),
    )
}
