//! `slbctl config show` and `slbctl config list`: what slbctl would use, and why.

use serde_json::json;

use super::context::{resolve_credentials, resolve_settings, session};
use crate::api::client::CaBundle;
use crate::api::endpoint;
use crate::cli::{GlobalArgs, OutputFormat};
use crate::config::{self, Source, Sourced};
use crate::credentials;
use crate::error::Result;
use crate::output;
use crate::secret::mask_access_key_id;
use crate::slb::server_groups::LbProduct;

/// One line of `config show`: a setting, its shown value, and where it came from.
struct Row {
    setting: &'static str,
    value: String,
    source: String,
}

fn row(setting: &'static str, value: impl Into<String>, source: Option<&Source>) -> Row {
    Row { setting, value: value.into(), source: source.map_or_else(|| "-".to_owned(), Source::to_string) }
}

pub fn show(global: &GlobalArgs) -> Result<()> {
    let settings = resolve_settings(global)?;
    let resolution = resolve_credentials(&settings)?;
    let region = settings.region.as_ref();
    // The endpoint as a command would use it; a bad value is shown, not fatal, so that
    // this command can help find it.
    let endpoint_of = |product| -> Option<Sourced<String>> {
        config::effective_endpoint_for(&settings, product).map(|e| {
            let shown = match endpoint::parse(&e.value) {
                Ok(url) => url.to_string(),
                Err(err) => format!("{} (invalid: {err})", e.value),
            };
            Sourced::new(shown, e.source)
        })
    };
    let endpoint = endpoint_of(LbProduct::Clb);
    let alb_endpoint = endpoint_of(LbProduct::Alb);
    let nlb_endpoint = endpoint_of(LbProduct::Nlb);
    // Temporary credentials are obtained (from the cache, or fetched and cached) so
    // that their expiry can be shown; a failure is shown, not fatal.
    let chosen = resolution.chosen.as_ref();
    let mut problem = None;
    let obtained: Option<(credentials::Credentials, bool)> =
        chosen.and_then(|chosen| match &chosen.provider {
            credentials::Provider::Static(c) => Some((c.clone(), false)),
            _ => {
                let ca_bundle = settings
                    .ca_bundle
                    .as_ref()
                    .map(|b| CaBundle { path: b.value.clone(), source: b.source.to_string() });
                match session(global, chosen, ca_bundle).credentials() {
                    Ok(found) => Some(found),
                    Err(e) => {
                        problem = Some(e.to_string());
                        None
                    }
                }
            }
        });
    let creds = obtained.as_ref().map(|(c, _)| c);
    let creds_source = creds.map(|c| &c.source);
    let present = |yes: bool| if yes { "set" } else { "not set" };
    let temporary = chosen.is_some_and(|c| !matches!(c.provider, credentials::Provider::Static(_)));
    let mut rows = vec![
        row(
            "profile",
            settings.profile.as_ref().map_or("none", |p| p.value.as_str()),
            settings.profile.as_ref().map(|p| &p.source),
        ),
        row("region", region.map_or("not set", |r| r.value.as_str()), region.map(|r| &r.source)),
        row(
            "endpoint",
            endpoint.as_ref().map_or("not set", |e| e.value.as_str()),
            endpoint.as_ref().map(|e| &e.source),
        ),
        row(
            "alb endpoint",
            alb_endpoint.as_ref().map_or("not set", |e| e.value.as_str()),
            alb_endpoint.as_ref().map(|e| &e.source),
        ),
        row(
            "nlb endpoint",
            nlb_endpoint.as_ref().map_or("not set", |e| e.value.as_str()),
            nlb_endpoint.as_ref().map(|e| &e.source),
        ),
        Row {
            setting: "credentials",
            value: chosen.map_or_else(|| "none found".to_owned(), |c| c.provider.kind()),
            source: chosen.map_or_else(|| "-".to_owned(), |c| c.origin.clone()),
        },
        row(
            "access_key_id",
            creds.map_or_else(|| "not set".to_owned(), |c| mask_access_key_id(&c.access_key_id)),
            creds_source,
        ),
        row("access_key_secret", present(creds.is_some()), creds.map(|c| c.secret_source()).as_ref()),
        row(
            "security_token",
            present(creds.is_some_and(|c| c.security_token.is_some())),
            creds.filter(|c| c.security_token.is_some()).map(|c| c.token_source()).as_ref(),
        ),
    ];
    if let Some(arn) = chosen.and_then(|c| c.provider.role_arn()) {
        rows.push(row("role", arn, None));
    }
    if temporary {
        let expiry = creds.and_then(|c| c.expiration).map(|e| e.format("%Y-%m-%dT%H:%M:%SZ").to_string());
        rows.push(row("expiration", expiry.unwrap_or_else(|| "unknown".to_owned()), None));
        let cached = match (&obtained, &problem) {
            (Some((_, true)), _) => "yes (from the credential cache)".to_owned(),
            (Some((_, false)), _) => "no (fetched now)".to_owned(),
            (None, Some(problem)) => format!("could not obtain them: {problem}"),
            (None, None) => "-".to_owned(),
        };
        rows.push(row("cached", cached, None));
    }

    let text = match global.output {
        OutputFormat::Json => {
            let mut object = serde_json::Map::new();
            for r in &rows {
                object.insert(r.setting.to_owned(), json!({"value": r.value, "source": r.source}));
            }
            let files: Vec<_> = settings
                .files
                .iter()
                .map(|f| json!({"path": f.path.display().to_string(), "kind": f.kind, "found": f.found}))
                .collect();
            object.insert("files".to_owned(), json!(files));
            object.insert("files_ignored".to_owned(), json!(settings.files_ignored));
            output::json(&serde_json::Value::Object(object))
        }
        OutputFormat::Text => output::text_rows(
            rows.iter().map(|r| vec![r.setting.to_owned(), r.value.clone(), r.source.clone()]),
        ),
        OutputFormat::Table => {
            let mut text = output::table(
                &["Setting", "Value", "Source"],
                rows.iter().map(|r| vec![r.setting.to_owned(), r.value.clone(), r.source.clone()]),
                output::stdout_is_terminal(),
            );
            text.push_str(&format!("Files: {}\n", settings.looked_in()));
            text
        }
    };
    output::emit(global.quiet, &text)
}

pub fn list(global: &GlobalArgs) -> Result<()> {
    let overrides = config::Overrides { config_path: global.config.as_deref(), ..Default::default() };
    let profiles = config::list_profiles(&overrides, &|name| std::env::var(name).ok())?;
    let text = match global.output {
        OutputFormat::Json => output::json(&json!(profiles)),
        OutputFormat::Text => output::text_rows(profiles.iter().map(|p| {
            vec![
                p.name.clone(),
                p.kind.to_string(),
                p.region.clone().unwrap_or_else(|| "-".into()),
                p.credentials.clone(),
                if p.is_default { "default" } else { "-" }.to_owned(),
            ]
        })),
        OutputFormat::Table => {
            if profiles.is_empty() {
                "No profiles found; create one with `slbctl configure`.\n".to_owned()
            } else {
                output::table(
                    &["Profile", "File", "Region", "Credentials", "Default"],
                    profiles.iter().map(|p| {
                        vec![
                            p.name.clone(),
                            format!("{} ({})", p.file.display(), p.kind),
                            p.region.clone().unwrap_or_else(|| "-".into()),
                            p.credentials.clone(),
                            if p.is_default { "*".into() } else { String::new() },
                        ]
                    }),
                    output::stdout_is_terminal(),
                )
            }
        }
    };
    output::emit(global.quiet, &text)
}

/// `config clear-cache`: delete every cached temporary credential.
pub fn clear_cache(global: &GlobalArgs) -> Result<()> {
    let Some(dir) = credentials::cache::default_dir() else {
        return output::emit(global.quiet, "No cache directory is known for this user; nothing to clear.\n");
    };
    let removed = credentials::cache::clear(&dir)?;
    let text = match global.output {
        OutputFormat::Json => output::json(&json!({"cache": dir.display().to_string(), "removed": removed})),
        _ => format!("Removed {} from {}\n", output::count(removed, "cached credential"), dir.display()),
    };
    output::emit(global.quiet, &text)
}
