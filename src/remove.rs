//! `slbctl backends remove`: validate, resolve, sign, send RemoveBackendServers, render.

use chrono::Utc;

use crate::cli::{GlobalArgs, OutputFormat, RemoveArgs};
use std::time::Duration;

use crate::client::{self, CallPolicy, Client};
use crate::config::{self, ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, Overrides, Settings};
use crate::endpoint;
use crate::error::{Error, Result, quote};
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

    let settings = config::resolve(
        &Overrides {
            profile: global.profile.as_deref(),
            config_path: global.config.as_deref(),
            region: global.region.as_deref(),
            endpoint: global.endpoint.as_deref(),
        },
        &|name| std::env::var(name).ok(),
    )?;
    let region = resolve_region(global, &settings)?;
    let endpoint = endpoint::resolve(settings.endpoint.as_deref(), &region).map_err(|e| {
        // A bad endpoint from the profile file is a configuration problem, not a usage one.
        if global.endpoint.is_some() {
            e
        } else {
            Error::config(e.to_string())
        }
    })?;

    crate::verbose!("region {region}, endpoint {endpoint}");

    let servers: Vec<BackendServerRef> = server_ids
        .iter()
        .map(|id| BackendServerRef::new(id, args.server_type))
        .collect();
    let params = slb::remove_backend_servers(&region, &args.lb, &servers)?;

    if args.dry_run {
        let nonce = uuid::Uuid::new_v4().to_string();
        let request = client::sign_request(
            &endpoint,
            &params,
            settings.credentials.as_ref(),
            Utc::now(),
            &nonce,
        );
        let text = match global.output {
            OutputFormat::Table => output::dry_run_text(&request),
            OutputFormat::Text => output::dry_run_tsv(&request),
            OutputFormat::Json => output::dry_run_json(&request),
        };
        emit(global, &text)?;
        eprintln!("slbctl: dry run: nothing was sent");
        return Ok(());
    }

    let credentials = settings
        .credentials
        .clone()
        .ok_or_else(|| no_credentials(&settings))?;
    crate::verbose!("credentials from {}", credentials.source);
    let policy = CallPolicy {
        connect_timeout: Duration::from_secs(global.connect_timeout),
        timeout: Duration::from_secs(global.timeout),
        retries: global.retries,
    };
    let client = Client::new(endpoint, credentials, policy)?;
    let body = client.call(&params)?;
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
    emit(global, &text)
}

/// Write a command's result to stdout, unless `--quiet`.
fn emit(global: &GlobalArgs, text: &str) -> Result<()> {
    if global.quiet {
        return Ok(());
    }
    output::print(text).map_err(write_error)
}

fn resolve_region(global: &GlobalArgs, settings: &Settings) -> Result<String> {
    let Some(region) = settings.region.clone() else {
        let mut err = Error::config("no region given");
        if let Some(path) = &settings.config_path {
            err = Error::config(format!(
                "no region given (looked at --region, ALIBABA_CLOUD_REGION_ID and {})",
                path.display()
            ));
        }
        return Err(
            err.with_hint("pass --region cn-hangzhou (for example), or set region in the profile")
        );
    };
    endpoint::validate_region(&region).map_err(|e| {
        if global.region.is_some() {
            e
        } else {
            Error::config(format!("{e} (from the profile file)"))
        }
    })?;
    Ok(region)
}

fn no_credentials(settings: &Settings) -> Error {
    let looked = match (&settings.config_path, &settings.profile) {
        (Some(path), _) if !settings.config_found => {
            format!(", and there is no config file at {}", path.display())
        }
        (Some(path), Some(profile)) => {
            format!(", nor in profile {} of {}", quote(profile), path.display())
        }
        (Some(path), None) => format!(", and {} has no default profile", path.display()),
        (None, _) => String::new(),
    };
    Error::config(format!("no credentials found in {ENV_ACCESS_KEY_ID}/{ENV_ACCESS_KEY_SECRET}{looked}"))
        .with_hint("export ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or add them to a profile")
}

fn write_error(e: std::io::Error) -> Error {
    Error::Other(anyhow::anyhow!("cannot write the output: {e}"))
}
