//! `--dry-run`: validate, resolve and sign as for real, show every call that would be
//! sent with the replayable parts masked, and send nothing.

use chrono::Utc;

use super::context::Context;
use crate::api::request::{QueryAndForm, SignedRequest, sign_request_with_form};
use crate::cli::{GlobalArgs, OutputFormat};
use crate::credentials::Provider;
use crate::error::Result;
use crate::output;
use crate::slb::{self, BackendAction, BackendServerRef, Group, PRODUCT};
use crate::source::Source;

/// Every call of a backend action over `servers` (in calls of at most 20), shown.
pub fn backend_action(
    context: &Context,
    global: &GlobalArgs,
    action: BackendAction,
    group: &Group,
    servers: &[BackendServerRef],
) -> Result<()> {
    for chunk in slb::ids::batches(servers) {
        let params = slb::backend_action(action, &context.region.value, group, chunk)?;
        show(context, global, &params)?;
    }
    eprintln!("slbctl: dry run: nothing was sent");
    Ok(())
}

/// Sign one call (when credentials are present) and print it.
fn show(context: &Context, global: &GlobalArgs, action_params: &[(&'static str, String)]) -> Result<()> {
    show_call(context, global, PRODUCT.api_version, (action_params, &[]))
}

/// Sign one call of any product, with its form-body parameters, and print it; the body
/// parameters are shown apart (`(body)` in a table, `body` in JSON).
pub fn show_call<Q: AsRef<str>>(
    context: &Context,
    global: &GlobalArgs,
    api_version: &str,
    (action_params, form): QueryAndForm<'_, Q>,
) -> Result<()> {
    let nonce = uuid::Uuid::new_v4().to_string();
    // Long-lived keys sign the shown request; temporary ones are not fetched for a dry
    // run (that would be a call), so the request is shown unsigned.
    let (key, unsigned) = match context.resolution.chosen.as_ref().map(|c| &c.provider) {
        Some(Provider::Static(credentials)) => (Some(credentials.access_key()), ""),
        Some(_) => (None, "temporary credentials are not fetched for a dry run"),
        None => (None, "no credentials"),
    };
    let request = sign_request_with_form(
        &context.endpoint.value,
        api_version,
        (action_params, form),
        key.as_ref(),
        Utc::now(),
        &nonce,
    );
    let params = request.masked_params(unsigned);
    let mut text = match global.output {
        OutputFormat::Table => as_table(&request, &params, &context.endpoint.source),
        OutputFormat::Text => as_tsv(&request, params),
        OutputFormat::Json => {
            return output::emit(global.quiet, &as_json(&request, params, &context.endpoint.source));
        }
    };
    let width = request.form.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (name, value) in &request.form {
        text.push_str(&match global.output {
            OutputFormat::Text => format!("body:{name}\t{value}\n"),
            _ => format!("  {name:width$}  {value}  (body)\n"),
        });
    }
    output::emit(global.quiet, &text)
}

fn as_table(request: &SignedRequest, params: &[(String, String)], endpoint_source: &Source) -> String {
    let width = params.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    let mut text = format!("{} {}\n  # endpoint: {endpoint_source}\n", request.method, request.endpoint);
    for (name, value) in params {
        text.push_str(&format!("  {name:width$}  {value}\n"));
    }
    text
}

/// `--dry-run --output text`: `name<TAB>value` lines, method and URL first.
fn as_tsv(request: &SignedRequest, params: Vec<(String, String)>) -> String {
    let mut text = format!("method\t{}\nurl\t{}\n", request.method, request.endpoint);
    for (name, value) in params {
        text.push_str(&format!("{name}\t{value}\n"));
    }
    text
}

fn as_json(request: &SignedRequest, params: Vec<(String, String)>, endpoint_source: &Source) -> String {
    let params: serde_json::Map<String, serde_json::Value> =
        params.into_iter().map(|(k, v)| (k, serde_json::Value::String(v))).collect();
    output::json(&serde_json::json!({
        "dry_run": true,
        "method": request.method,
        "url": request.endpoint.as_str(),
        "endpoint_source": endpoint_source.to_string(),
        "signed": request.signed,
        "parameters": params,
        "body": request.form.iter().map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone()))).collect::<serde_json::Map<_, _>>(),
    }))
}
