//! `slbctl config show` and `slbctl config list`: what slbctl would use, and why.

use serde_json::json;

use super::context::resolve_settings;
use crate::api::endpoint;
use crate::cli::{GlobalArgs, OutputFormat};
use crate::config::{self, Source, Sourced};
use crate::credentials;
use crate::error::Result;
use crate::output;
use crate::secret::mask_access_key_id;

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
    let creds = credentials::resolve(&settings, &|name| std::env::var(name).ok())?;
    let region = settings.region.as_ref();
    // The endpoint as a command would use it; a bad value is shown, not fatal, so that
    // this command can help find it.
    let endpoint: Option<Sourced<String>> = config::effective_endpoint(&settings).map(|e| {
        let shown = match endpoint::parse(&e.value) {
            Ok(url) => url.to_string(),
            Err(err) => format!("{} (invalid: {err})", e.value),
        };
        Sourced::new(shown, e.source)
    });
    let creds = creds.as_ref();
    let creds_source = creds.map(|c| &c.source);
    let present = |yes: bool| if yes { "set" } else { "not set" };
    let rows = [
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
        OutputFormat::Text => {
            rows.iter().map(|r| format!("{}\t{}\t{}\n", r.setting, r.value, r.source)).collect()
        }
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
    let profiles = config::list_profiles(global.config.as_deref(), None)?;
    let text = match global.output {
        OutputFormat::Json => output::json(&json!(profiles)),
        OutputFormat::Text => profiles
            .iter()
            .map(|p| {
                format!(
                    "{}\t{}\t{}\t{}\t{}\n",
                    p.name,
                    p.kind,
                    p.region.as_deref().unwrap_or("-"),
                    p.credentials,
                    if p.is_default { "default" } else { "-" }
                )
            })
            .collect(),
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
