//! What every API command needs once its input is checked: the settings resolved from
//! the command line, the environment and the files, a validated region and endpoint
//! (each with its source), and credentials or a clear error saying where they were
//! looked for.

use std::time::Duration;

use reqwest::Url;

use crate::api::client::{CallPolicy, Client, Transport};
use crate::api::{endpoint, proxy};
use crate::cli::GlobalArgs;
use crate::config::vars::{
    ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_CA_BUNDLE, ENV_ENDPOINT, ENV_ENDPOINT_TYPE, ENV_REGION,
    ENV_SLBCTL_PROFILE, LEGACY_REGION,
};
use crate::config::{self, Overrides, Settings, Source, Sourced};
use crate::credentials::{self, Credentials};
use crate::error::{Error, Result};
use crate::slb::PRODUCT;

pub struct Context {
    pub settings: Settings,
    /// The first credentials of the chain; None is an error only when a call is made.
    pub credentials: Option<Credentials>,
    pub region: Sourced<String>,
    pub endpoint: Sourced<Url>,
}

/// Settings for a parsed command line, from the process environment and the files.
pub fn resolve_settings(global: &GlobalArgs) -> Result<Settings> {
    config::resolve(&overrides(global), &|name| std::env::var(name).ok())
}

/// The command line's contribution to the settings, each value with its source: the
/// flag, or the variable clap read for it.
fn overrides(global: &GlobalArgs) -> Overrides<'_> {
    fn sourced<'a, T: ?Sized>(
        global: &GlobalArgs,
        value: Option<&'a T>,
        id: &str,
        flag: &'static str,
        var: &'static str,
    ) -> Option<Sourced<&'a T>> {
        let source = if global.origin.is_env(id) { Source::Env(var) } else { Source::Flag(flag) };
        value.map(|v| Sourced::new(v, source))
    }
    Overrides {
        profile: sourced(global, global.profile.as_deref(), "profile", "--profile", ENV_SLBCTL_PROFILE),
        config_path: global.config.as_deref(),
        region: sourced(global, global.region.as_deref(), "region", "--region", ENV_REGION),
        endpoint: sourced(global, global.endpoint.as_deref(), "endpoint", "--endpoint", ENV_ENDPOINT),
        endpoint_type: sourced(
            global,
            global.endpoint_type.as_ref(),
            "endpoint_type",
            "--endpoint-type",
            ENV_ENDPOINT_TYPE,
        )
        .map(|t| Sourced::new(*t.value, t.source)),
        ca_bundle: sourced(global, global.ca_bundle.as_deref(), "ca_bundle", "--ca-bundle", ENV_CA_BUNDLE),
        aliyun_path: None,
    }
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
        let settings = resolve_settings(global)?;
        let credentials = credentials::resolve(&settings, &|name| std::env::var(name).ok())?;
        let Some(region) = settings.region.clone() else {
            return Err(Error::config(format!(
                "no region given (looked at --region, {ENV_REGION}, {LEGACY_REGION} and {})",
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
        Ok(Context { settings, credentials, region, endpoint })
    }

    /// The credentials, or an error saying where they were looked for.
    pub fn credentials(&self) -> Result<&Credentials> {
        let credentials = self.credentials.as_ref().ok_or_else(|| {
            Error::config(format!(
                "no credentials found in {ENV_ACCESS_KEY_ID}/{ENV_ACCESS_KEY_SECRET} nor in a profile ({})",
                self.settings.looked_in()
            ))
            .with_hint("export ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, or run `slbctl configure`")
        })?;
        crate::verbose!("credentials from {}", credentials.source);
        Ok(credentials)
    }

    /// A client for this endpoint with the command line's timeouts and retries.
    pub fn client(&self, global: &GlobalArgs) -> Result<Client> {
        let policy = CallPolicy {
            connect_timeout: Duration::from_secs(global.connect_timeout),
            timeout: Duration::from_secs(global.timeout),
            retries: global.retries,
        };
        let key = self.credentials()?.access_key();
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
        Client::new(self.endpoint.value.clone(), &PRODUCT, key, policy, transport)
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
