//! The ECS instance's RAM role, from the metadata server: an IMDSv2 token first
//! (`PUT /latest/api/token`), IMDSv1 when none can be had (unless
//! `ALIBABA_CLOUD_IMDSV1_DISABLED=true`), the role discovered when not named, `Code`
//! must be `Success`. 1 s to connect and 1 s to read, no proxy.
//!
//! Unlike the official SDKs, slbctl asks the metadata server only where it is
//! configured or the machine says (DMI) it is an Alibaba Cloud ECS instance: probing it
//! everywhere costs a connect timeout on every laptop and CI runner.

use std::path::Path;
use std::time::Duration;

use reqwest::{Method, Url};

use super::{Credentials, Env, Network, TemporaryAnswer, imdsv1_allowed};
use crate::api::client::{CallPolicy, Fetcher, Transport};
use crate::config::vars::ENV_ECS_METADATA_ENDPOINT;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::source::Source;
use crate::text::{quote, sanitize};

/// The metadata server's address on every ECS instance (plain http by design).
pub const DEFAULT_ENDPOINT: &str = "http://100.100.100.200";
/// Where Linux exposes the machine's DMI strings.
pub const DMI_DIR: &str = "/sys/class/dmi/id";

const TOKEN_TTL_HEADER: &str = "X-aliyun-ecs-metadata-token-ttl-seconds";
const TOKEN_HEADER: &str = "X-aliyun-ecs-metadata-token";
/// The SDKs' token lifetime (the maximum the server allows).
const TOKEN_TTL_SECONDS: &str = "21600";

/// Where and how to ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    pub endpoint: Url,
    /// The role; discovered from the server when None.
    pub role_name: Option<String>,
    pub imdsv1_allowed: bool,
}

impl Metadata {
    /// The server (`SLBCTL_ECS_METADATA_ENDPOINT` or the default) and a role name.
    pub fn from_env(env: Env, role_name: Option<String>) -> Result<Metadata> {
        let configured = env(ENV_ECS_METADATA_ENDPOINT);
        let text = configured.clone().unwrap_or_else(|| DEFAULT_ENDPOINT.to_owned());
        let endpoint = Url::parse(&text)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
            .ok_or_else(|| {
                Error::config(format!("{ENV_ECS_METADATA_ENDPOINT} {} is not an http URL", quote(&text)))
            })?;
        let role_name = role_name.filter(|r| !r.is_empty());
        if let Some(name) = &role_name {
            check_role_name(name)?;
        }
        Ok(Metadata { endpoint, role_name, imdsv1_allowed: imdsv1_allowed(env) })
    }

    /// What defines the credentials, for the cache key.
    pub fn identity(&self) -> String {
        format!("{}\n{}", self.endpoint, self.role_name.as_deref().unwrap_or(""))
    }
}

/// A role name becomes part of a URL path: letters, digits and `-_.` only.
fn check_role_name(name: &str) -> Result<()> {
    let ok = name.len() <= 64 && name.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c));
    if ok { Ok(()) } else { Err(Error::config(format!("{} is not a RAM role name", quote(name)))) }
}

/// Why this machine counts as an Alibaba Cloud ECS instance (DMI `sys_vendor` or
/// `product_name` naming Alibaba Cloud), or None.
pub fn on_alibaba_cloud(dmi_dir: &Path) -> Option<String> {
    ["sys_vendor", "product_name"].into_iter().find_map(|name| {
        let path = dmi_dir.join(name);
        let text = std::fs::read_to_string(&path).ok()?;
        text.contains("Alibaba Cloud").then(|| format!("{} says {}", path.display(), quote(text.trim())))
    })
}

/// Fetch the role's credentials.
pub fn fetch(net: &Network, metadata: &Metadata) -> Result<Credentials> {
    let policy = CallPolicy {
        connect_timeout: Duration::from_secs(1),
        timeout: Duration::from_secs(2),
        retries: net.sts_policy.retries,
        busy_timeout: Duration::ZERO,
        throttle_unit: std::time::Duration::from_secs(1),
    };
    // The metadata server is link-local: never through a proxy.
    let fetcher = Fetcher::new(metadata.endpoint.scheme() == "https", policy, Transport::default())?;
    let url = |path: &str| {
        metadata.endpoint.join(path).map_err(|e| Error::config(format!("bad metadata server URL: {e}")))
    };
    let token = token(&fetcher, &url("/latest/api/token")?, metadata.imdsv1_allowed)?;
    let headers: Vec<(&str, &str)> =
        token.as_ref().map(|t| vec![(TOKEN_HEADER, t.expose())]).unwrap_or_default();
    let role = match &metadata.role_name {
        Some(role) => role.clone(),
        None => {
            let answer =
                fetcher.send(Method::GET, &url("/latest/meta-data/ram/security-credentials/")?, &headers)?;
            if answer.status != 200 {
                return Err(
                    refused(answer.status, "the role name").with_hint("attach a RAM role to the instance")
                );
            }
            let name = String::from_utf8_lossy(&answer.body).trim().to_owned();
            let name = name.lines().next().unwrap_or("").to_owned();
            if name.is_empty() {
                return Err(Error::config(
                    "the ECS metadata server names no RAM role: none is attached to this instance",
                ));
            }
            check_role_name(&name)?;
            crate::verbose!("ECS metadata: role {name}");
            name
        }
    };
    let answer = fetcher.send(
        Method::GET,
        &url(&format!("/latest/meta-data/ram/security-credentials/{role}"))?,
        &headers,
    )?;
    if answer.status != 200 {
        return Err(refused(answer.status, &format!("the credentials of role {role}")));
    }
    parse(&answer.body, &role)
}

/// An IMDSv2 token, or None to go on with IMDSv1 (when allowed).
fn token(fetcher: &Fetcher, url: &Url, imdsv1_allowed: bool) -> Result<Option<Secret>> {
    let failure = match fetcher.send(Method::PUT, url, &[(TOKEN_TTL_HEADER, TOKEN_TTL_SECONDS)]) {
        Ok(answer) if answer.status == 200 && !answer.body.is_empty() => {
            return Ok(Some(Secret::new(String::from_utf8_lossy(&answer.body).trim())));
        }
        Ok(answer) => Error::config(format!(
            "the ECS metadata server answered HTTP {} to the IMDSv2 token request",
            answer.status
        )),
        Err(error) => error,
    };
    if imdsv1_allowed {
        crate::verbose!("ECS metadata: no IMDSv2 token ({failure}); going on with IMDSv1");
        Ok(None)
    } else {
        Err(failure.with_hint("IMDSv1 is disabled by ALIBABA_CLOUD_IMDSV1_DISABLED"))
    }
}

fn refused(status: u16, what: &str) -> Error {
    Error::config(format!("the ECS metadata server answered HTTP {status} when asked for {what}"))
}

/// The JSON answer: `Code` must be `Success`. Never quoted in an error.
fn parse(body: &[u8], role: &str) -> Result<Credentials> {
    let answer: TemporaryAnswer = serde_json::from_slice(body).map_err(|_| {
        Error::Response(
            "the ECS metadata server's answer is not the credentials JSON (its content is not shown)".into(),
        )
    })?;
    if answer.code.as_deref() != Some("Success") {
        return Err(Error::config(format!(
            "the ECS metadata server answered Code {} for role {role}, not Success",
            quote(&sanitize(answer.code.as_deref().unwrap_or("(none)"), 64))
        )));
    }
    answer.credentials(Source::Derived(format!("ECS RAM role {role}")), "ECS metadata", || {
        Error::Response("the ECS metadata server's answer lacks a credential field".into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dmi_names_alibaba_cloud() {
        let dir = tempfile::tempdir().unwrap();
        assert!(on_alibaba_cloud(dir.path()).is_none(), "no DMI files: not ECS");
        std::fs::write(dir.path().join("sys_vendor"), "QEMU\n").unwrap();
        assert!(on_alibaba_cloud(dir.path()).is_none());
        std::fs::write(dir.path().join("product_name"), "Alibaba Cloud ECS\n").unwrap();
        assert!(on_alibaba_cloud(dir.path()).unwrap().contains("Alibaba Cloud ECS"));
    }

    #[test]
    fn answers_need_code_success_and_are_never_quoted() {
        let ok = br#"{"Code":"Success","AccessKeyId":"STS.a","AccessKeySecret":"sec","SecurityToken":"tok","Expiration":"2030-01-01T00:00:00Z","LastUpdated":"2029-12-31T18:00:00Z"}"#;
        assert_eq!(parse(ok, "r").unwrap().access_key_id, "STS.a");
        let failed = br#"{"Code":"Failed","AccessKeyId":"STS.a","AccessKeySecret":"sec","SecurityToken":"tok","Expiration":"2030-01-01T00:00:00Z"}"#;
        assert_eq!(parse(failed, "r").unwrap_err().exit_code(), 3);
        let err = parse(br#"{"Code":"Success","AccessKeySecret":"sec"#, "r").unwrap_err();
        assert!(!err.to_string().contains("sec\""), "{err}");
    }

    #[test]
    fn role_names_cannot_reach_into_the_path() {
        assert!(check_role_name("deploy-role_1.x").is_ok());
        for bad in ["../latest", "a/b", "a?b", "a b"] {
            assert!(check_role_name(bad).is_err(), "{bad}");
        }
    }
}
