//! What every API command needs once its input is checked: the settings resolved from
//! the command line, the environment and the files, a validated region and endpoint
//! (each with its source), and credentials or a clear error saying where they were
//! looked for.

use std::time::Duration;

use reqwest::Url;

use crate::api::audit::{self, Caller};
use crate::api::client::{CaBundle, CallPolicy, Client, KeySource, StaticKey, Transport};
use crate::api::endpoint;
use crate::cli::GlobalArgs;
use crate::config::vars::{
    ENV_AUDIT_LOG, ENV_CA_BUNDLE, ENV_DMI_DIR, ENV_ENDPOINT, ENV_ENDPOINT_TYPE, ENV_REGION,
    ENV_SLBCTL_PROFILE, LEGACY_REGION, TERRAFORM_REGION,
};
use crate::config::{self, Overrides, Settings, Source, Sourced};
use crate::credentials::Network;
use crate::credentials::cache::{self, Cache};
use crate::credentials::ecs;
use crate::credentials::session::Session;
use crate::credentials::{self, ChainInput, Chosen, Provider, Resolution};
use crate::error::{Error, Result};
use crate::slb::PRODUCT;
use crate::slb::server_groups::LbProduct;

pub struct Context {
    /// The product the command addresses (its endpoint, version and busy codes).
    pub product: LbProduct,
    pub settings: Settings,
    /// The credential chain's verdict; no credentials is an error only when a call is
    /// made.
    pub resolution: Resolution,
    pub region: Sourced<String>,
    pub endpoint: Sourced<Url>,
}

/// Walk the credential chain for these settings, with the process's environment.
pub fn resolve_credentials(settings: &Settings) -> Result<Resolution> {
    let env = |name: &str| std::env::var(name).ok();
    let dmi_dir = env(ENV_DMI_DIR).filter(|d| !d.is_empty()).unwrap_or_else(|| ecs::DMI_DIR.to_owned());
    credentials::resolve(&ChainInput {
        settings,
        env: &env,
        profile_by_flag: settings.profile.as_ref().is_some_and(|p| p.source == Source::Flag("--profile")),
        dmi_dir: dmi_dir.into(),
    })
}

/// A session serving the chosen credentials: cached unless `--no-credential-cache`;
/// STS with 5 s to connect and 10 s per attempt unless `--connect-timeout`/`--timeout`
/// say otherwise.
pub fn session(global: &GlobalArgs, chosen: &Chosen, ca_bundle: Option<CaBundle>) -> Session {
    let seconds = |id: &str, given: u64, default: u64| {
        Duration::from_secs(if global.origin.is_given(id) { given } else { default })
    };
    let net = Network {
        sts_policy: CallPolicy {
            connect_timeout: seconds("connect_timeout", global.connect_timeout, 5),
            timeout: seconds("timeout", global.timeout, 10),
            retries: global.retries,
            // STS has no "busy" answers to wait out.
            busy_timeout: Duration::ZERO,
            throttle_unit: std::time::Duration::from_secs(1),
        },
        ca_bundle,
    };
    let cache = if global.no_credential_cache {
        crate::verbose!("credential cache: off (--no-credential-cache)");
        None
    } else {
        match cache::default_dir() {
            Some(dir) => Cache::open(dir),
            None => {
                crate::verbose!("credential cache: not used (no cache directory is known for this user)");
                None
            }
        }
    };
    Session::new(chosen.clone(), net, cache)
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
        audit_log: sourced(global, global.audit_log.as_deref(), "audit_log", "--audit-log", ENV_AUDIT_LOG),
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
        Context::resolve_for(global, LbProduct::Clb)
    }

    /// The context of a command that addresses `product`: its endpoint is that
    /// product's (see `config::effective_endpoint_for`).
    pub fn resolve_for(global: &GlobalArgs, product: LbProduct) -> Result<Context> {
        Context::resolve_with(global, product, true)
    }

    /// [`Context::resolve_for`] for a command that addresses several products
    /// (standby): the `--endpoint` flag is CLB's there, so ALB and NLB come from their
    /// own variables, profile keys or the region (`endpoint_flag` false).
    pub fn resolve_with(global: &GlobalArgs, product: LbProduct, endpoint_flag: bool) -> Result<Context> {
        let mut overrides = overrides(global);
        if !endpoint_flag && product != LbProduct::Clb {
            overrides.endpoint = overrides.endpoint.filter(|e| !matches!(e.source, Source::Flag(_)));
        }
        let settings = config::resolve(&overrides, &|name| std::env::var(name).ok())?;
        let resolution = resolve_credentials(&settings)?;
        let Some(region) = settings.region.clone() else {
            return Err(Error::config(format!(
                "no region given (looked at --region, {ENV_REGION}, {LEGACY_REGION}, {TERRAFORM_REGION} and {})",
                settings.looked_in()
            ))
            .with_hint("pass --region cn-hangzhou (for example), or set region in the profile"));
        };
        endpoint::validate_region(&region.value).map_err(|e| blame(&region.source, e))?;
        let configured = config::effective_endpoint_for(&settings, product)
            .ok_or_else(|| Error::Other(anyhow::anyhow!("a region always yields an endpoint")))?;
        let endpoint = Sourced::new(
            endpoint::parse(&configured.value).map_err(|e| blame(&configured.source, e))?,
            configured.source,
        );
        crate::verbose!("region {} ({})", region.value, region.source);
        crate::verbose!("endpoint {} ({})", endpoint.value, endpoint.source);
        Ok(Context { product, settings, resolution, region, endpoint })
    }

    /// The chosen credential source, or an error listing every source tried.
    pub fn credentials(&self) -> Result<&Chosen> {
        self.resolution.chosen.as_ref().ok_or_else(|| {
            Error::config(format!("no credentials found; tried:\n{}", self.resolution.tried()))
                .with_hint("export ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, run `slbctl configure`, or see README \"Credentials\"")
        })
    }

    /// The extra CA certificates of `--ca-bundle` / `SLBCTL_CA_BUNDLE` / `SSL_CERT_FILE`.
    pub fn ca_bundle(&self) -> Option<CaBundle> {
        self.settings
            .ca_bundle
            .as_ref()
            .map(|b| CaBundle { path: b.value.clone(), source: b.source.to_string() })
    }

    /// A client for this endpoint with the command line's timeouts and retries.
    pub fn client(&self, global: &GlobalArgs) -> Result<Client> {
        let policy = CallPolicy {
            connect_timeout: Duration::from_secs(global.connect_timeout),
            timeout: Duration::from_secs(global.timeout),
            retries: global.retries,
            busy_timeout: Duration::from_secs(global.busy_timeout),
            throttle_unit: super::poll::second(),
        };
        let key: Box<dyn KeySource> = match &self.credentials()?.provider {
            Provider::Static(credentials) => Box::new(StaticKey(credentials.access_key())),
            _ => Box::new(session(global, self.credentials()?, self.ca_bundle())),
        };
        let env = |name: &str| std::env::var(name).ok();
        let transport = Transport::for_endpoint(&self.endpoint.value, self.ca_bundle().as_ref(), &env)?;
        let product = match self.product.family() {
            Some(family) => family.product(),
            None => &PRODUCT,
        };
        let audit = match &self.settings.audit_log {
            Some(path) => {
                let caller = Caller {
                    profile: self.settings.profile.as_ref().map(|p| p.value.clone()),
                    credential_source: Some(self.credentials()?.origin.clone()),
                };
                Some(audit::open(&path.value, caller)?)
            }
            None => None,
        };
        Ok(Client::new(self.endpoint.value.clone(), product, key, policy, transport)?
            .with_key_origin(self.credentials()?.origin.clone())
            .with_audit(audit))
    }
}
