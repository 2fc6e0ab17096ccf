//! `slbctl backends remove`: validate, resolve, sign, send RemoveBackendServers, render.

use crate::cli::{GlobalArgs, OutputFormat, RemoveArgs};
use crate::context::Context;
use crate::error::{Result, quote};
use crate::ids::{prepare_server_ids, validate_id};
use crate::input;
use crate::output;
use crate::slb::{self, BackendServerRef, RemoveBackendServersResponse};

pub fn run(global: &GlobalArgs, args: &RemoveArgs) -> Result<()> {
    // Input first: a bad id is reported before any file is read or anything is sent.
    validate_id("load balancer id", &args.lb)?;
    let requested = input::server_ids(&args.servers, args.from_file.as_deref())?;
    let (server_ids, duplicates) = prepare_server_ids(&requested)?;
    for dup in &duplicates {
        output::warn(&format!(
            "server {} is given more than once; removing it once",
            quote(dup)
        ));
    }

    let context = Context::resolve(global)?;
    let region = &context.region.value;

    let servers: Vec<BackendServerRef> = server_ids
        .iter()
        .map(|id| BackendServerRef::new(id, args.server_type))
        .collect();
    let params = slb::remove_backend_servers(region, &args.lb, &servers)?;

    if args.dry_run {
        return context.dry_run(global, &params);
    }
    let body = context.client(global)?.call(&params)?;
    let response = RemoveBackendServersResponse::from_json(&body)?;
    for backend in &response.backend_servers.backend_server {
        if server_ids.contains(&backend.server_id) {
            output::warn(&format!(
                "server {} is still listed as a backend after the removal",
                quote(&backend.server_id)
            ));
        }
    }

    let text = match global.output {
        OutputFormat::Table => output::remove_table(
            &response,
            &args.lb,
            server_ids.len(),
            output::stdout_is_terminal(),
        ),
        OutputFormat::Text => output::backends_text(&response.backend_servers.backend_server),
        OutputFormat::Json => output::json(&body),
    };
    output::emit(global.quiet, &text)
}
