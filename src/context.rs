//! What every API command needs once its input is checked: the resolved settings, a
//! validated region and endpoint (each with its source), and credentials or a clear
//! error saying where they were looked for.

use std::time::Duration;

use chrono::Utc;
use reqwest::Url;

use crate::cli::{GlobalArgs, OutputFormat};
use crate::client::{self, CallPolicy, Client, Transport};
use crate::config::{self, Credentials, ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, Settings, Source, Sourced};
use crate::endpoint;
use crate::error::{Error, Result};
use crate::output;
use crate::proxy;

pub struct Context {
    pub settings: Settings,
    pub region: Sourced<String>,
    pub endpoint: Sourced<Url>,
}

/// A value from a file is a configuration problem; from a flag or variable, a usage one.
fn blame(source: &Source, error: Error) -> Error {
    match source {
        Source::Flag(_) | Source::Env(_) => error,
        other => Error::config(format!("{error} (from {other})")),
    }
}

impl Context {
    pub fn resolve(global: &GlobalArgs) -> Result<Context> {
        let settings = config::resolve_for(global)?;
        let Some(region) = settings.region.clone() else {
            return Err(Error::config(format!(
                "no region given (looked at --region, {}, ALICLOUD_REGION_ID and {})",
                config::ENV_REGION,
                settings.looked_in()
            ))
            .with_hint("pass --region cn-hangzhou (for example), or set region in the profile"));
        };
        endpoint::validate_region(&region.value).map_err(|e| blame(&region.source, e))?;
        let configured = config::effective_endpoint(&settings)
            .ok_or_else(|| Error::Other(anyhow::anyhow!("a region always yields an endpoint")))?;
        let endpoint = Sourced::new(
            endpoint::parse(&configured.value).map_err(|e| blame(&configured.source, e))?,
            configured.source,
        );
        crate::verbose!("region {} ({})", region.value, region.source);
        crate::verbose!("endpoint {} ({})", endpoint.value, endpoint.source);
        Ok(Context { settings, region, endpoint })
    }

    /// The credentials, or an error saying where they were looked for.
    pub fn credentials(&self) -> Result<Credentials> {
        let credentials = self.settings.credentials.clone().ok_or_else(|| {
            Error::config(format!(
                "no credentials found in {ENV_ACCESS_KEY_ID}/{ENV_ACCESS_KEY_SECRET} nor in a profile ({})",
                self.settings.looked_in()
            ))
            .with_hint("export ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or run `slbctl configure`")
        })?;
        crate::verbose!("credentials from {}", credentials.source);
        Ok(credentials)
    }

    /// `--dry-run`: sign (when credentials are present) and show the request with the
    /// replayable parts masked; send nothing.
    pub fn dry_run(&self, global: &GlobalArgs, action_params: &[(&'static str, String)]) -> Result<()> {
        let nonce = uuid::Uuid::new_v4().to_string();
        let request = client::sign_request(
            &self.endpoint.value,
            action_params,
            self.settings.credentials.as_ref(),
            Utc::now(),
            &nonce,
        );
        let text = match global.output {
            OutputFormat::Table => output::dry_run_text(&request, &self.endpoint.source),
            OutputFormat::Text => output::dry_run_tsv(&request),
            OutputFormat::Json => output::dry_run_json(&request, &self.endpoint.source),
        };
        output::emit(global.quiet, &text)?;
        eprintln!("slbctl: dry run: nothing was sent");
        Ok(())
    }

    /// A client for this endpoint with the command line's timeouts and retries.
    pub fn client(&self, global: &GlobalArgs) -> Result<Client> {
        let policy = CallPolicy {
            connect_timeout: Duration::from_secs(global.connect_timeout),
            timeout: Duration::from_secs(global.timeout),
            retries: global.retries,
        };
        let credentials = self.credentials()?;
        let transport = Transport {
            // Certificates matter only for https; http (loopback only) skips the read.
            extra_roots: if self.endpoint.value.scheme() == "https" {
                self.extra_roots()?
            } else {
                Vec::new()
            },
            proxy: proxy::for_endpoint(&self.endpoint.value, &|name| std::env::var(name).ok())?
                .map(|(url, _)| url),
        };
        Client::new(self.endpoint.value.clone(), credentials, policy, transport)
    }

    /// The CA certificates of `--ca-bundle` / `SLBCTL_CA_BUNDLE` / `SSL_CERT_FILE`.
    fn extra_roots(&self) -> Result<Vec<reqwest::Certificate>> {
        let Some(bundle) = &self.settings.ca_bundle else {
            return Ok(Vec::new());
        };
        let path = &bundle.value;
        let pem = std::fs::read(path).map_err(|e| {
            Error::config(format!(
                "cannot read the CA bundle {} ({}): {}",
                path.display(),
                bundle.source,
                e.kind()
            ))
        })?;
        let roots = reqwest::Certificate::from_pem_bundle(&pem).unwrap_or_default();
        if roots.is_empty() {
            return Err(Error::config(format!(
                "the CA bundle {} ({}) holds no PEM certificate",
                path.display(),
                bundle.source
            )));
        }
        crate::verbose!("trusting {} extra CA certificate(s) from {}", roots.len(), path.display());
        Ok(roots)
    }
}
