//! STS (2015-04-01): `AssumeRole`, signed with the source credentials by the same signer
//! as SLB calls, and `AssumeRoleWithOIDC`, anonymous with the token in a form body; the
//! STS endpoint rules; and local checks of what is sent, so a malformed role ARN or a
//! duration STS would refuse is a configuration error before any call.

use chrono::{DateTime, NaiveDateTime, Utc};
use reqwest::Url;

use super::{Credentials, Env, Network, TemporaryAnswer};
use crate::api::Product;
use crate::api::client::{Client, StaticKey, Transport};
use crate::api::endpoint;
use crate::api::request::AccessKey;
use crate::config::vars::{ENV_STS_ENDPOINT, ENV_STS_REGION, ENV_VPC_ENDPOINT_ENABLED};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::source::Source;
use crate::text::quote;

/// STS as the API client sees it; its endpoints follow [`endpoint`], not a region table.
pub const PRODUCT: Product =
    Product { code: "sts", api_version: "2015-04-01", central_regions: &[], busy_codes: &[] };

/// What STS allows at least, and what slbctl asks for unless told otherwise.
pub const MIN_DURATION_SECONDS: u64 = 900;
pub const DEFAULT_DURATION_SECONDS: u64 = 3600;

/// A role to assume, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub arn: String,
    /// As configured; None means `slbctl-<unix seconds>` at each fetch (and it does not
    /// enter the cache key, which must not change from run to run).
    pub session_name: Option<String>,
    pub external_id: Option<String>,
    pub duration_seconds: u64,
    pub policy: Option<String>,
}

impl Role {
    /// Check each value as STS would; `what` names where the ARN was configured.
    pub fn new(
        arn: &str,
        session_name: Option<String>,
        external_id: Option<String>,
        duration_seconds: Option<u64>,
        policy: Option<String>,
        what: &str,
    ) -> Result<Role> {
        check_arn(arn, ":role/", "acs:ram::ACCOUNT:role/NAME", what)?;
        let session_name = session_name.filter(|s| !s.is_empty());
        if let Some(name) = &session_name {
            let ok = (2..=64).contains(&name.len())
                && name.chars().all(|c| c.is_ascii_alphanumeric() || ".@_-".contains(c));
            if !ok {
                return Err(Error::config(format!(
                    "role session name {} ({what}) must be 2 to 64 characters of letters, digits and . @ _ -",
                    quote(name)
                )));
            }
        }
        let duration_seconds = duration_seconds.filter(|d| *d != 0).unwrap_or(DEFAULT_DURATION_SECONDS);
        if duration_seconds < MIN_DURATION_SECONDS {
            return Err(Error::config(format!(
                "DurationSeconds {duration_seconds} ({what}) is below the minimum of {MIN_DURATION_SECONDS} that STS accepts"
            )));
        }
        let external_id = external_id.filter(|s| !s.is_empty());
        if let Some(id) = &external_id {
            let ok = (2..=1224).contains(&id.len())
                && id.chars().all(|c| c.is_ascii_alphanumeric() || "_+=,.@:/-".contains(c));
            if !ok {
                return Err(Error::config(format!(
                    "external id {} ({what}) must be 2 to 1224 characters of letters, digits and _ + = , . @ : / -",
                    quote(id)
                )));
            }
        }
        let policy = policy.filter(|p| !p.is_empty());
        if policy.as_ref().is_some_and(|p| p.chars().count() > 2048) {
            return Err(Error::config(format!(
                "the session policy ({what}) is longer than the 2048 characters STS accepts"
            )));
        }
        Ok(Role { arn: arn.to_owned(), session_name, external_id, duration_seconds, policy })
    }

    /// The session name to send: the configured one, or `slbctl-<unix seconds>`.
    fn session_name_now(&self) -> String {
        self.session_name.clone().unwrap_or_else(|| format!("slbctl-{}", Utc::now().timestamp()))
    }

    /// Every parameter that defines the session, for the cache key.
    pub fn identity(&self) -> String {
        format!(
            "{}\n{}\n{}\n{}\n{}",
            self.arn,
            self.session_name.as_deref().unwrap_or(""),
            self.external_id.as_deref().unwrap_or(""),
            self.duration_seconds,
            self.policy.as_deref().unwrap_or("")
        )
    }

    fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = vec![
            ("RoleArn", self.arn.clone()),
            ("RoleSessionName", self.session_name_now()),
            ("DurationSeconds", self.duration_seconds.to_string()),
        ];
        if let Some(policy) = &self.policy {
            params.push(("Policy", policy.clone()));
        }
        params
    }
}

/// `acs:ram::ACCOUNT:KIND/NAME`, printable ASCII only: it is sent, logged and shown.
fn check_arn(arn: &str, kind: &str, shape: &str, what: &str) -> Result<()> {
    let printable = !arn.is_empty() && arn.len() <= 1024 && arn.chars().all(|c| c.is_ascii_graphic());
    if !printable || !arn.starts_with("acs:ram::") || !arn.contains(kind) {
        return Err(Error::config(format!("{} ({what}) is not an ARN of the form {shape}", quote(arn))));
    }
    Ok(())
}

/// Check an OIDC provider ARN (`acs:ram::ACCOUNT:oidc-provider/NAME`).
pub fn check_provider_arn(arn: &str, what: &str) -> Result<()> {
    check_arn(arn, ":oidc-provider/", "acs:ram::ACCOUNT:oidc-provider/NAME", what)
}

/// The STS endpoint: `ALIBABA_CLOUD_STS_ENDPOINT` (a host or a URL) > the profile's
/// `sts_endpoint` > `sts[-vpc].REGION.aliyuncs.com` for the profile's `sts_region` or
/// `ALIBABA_CLOUD_STS_REGION` (`-vpc` inside a VPC) > `sts.aliyuncs.com`. Plain http
/// only to loopback, as for SLB endpoints.
pub fn endpoint(
    env: Env,
    profile_endpoint: Option<&str>,
    profile_region: Option<&str>,
    vpc: bool,
) -> Result<Url> {
    let blame = |what: &str, e: Error| Error::config(format!("STS endpoint from {what}: {e}"));
    if let Some(configured) = env(ENV_STS_ENDPOINT) {
        return endpoint::parse(&configured).map_err(|e| blame(ENV_STS_ENDPOINT, e));
    }
    if let Some(configured) = profile_endpoint.filter(|e| !e.is_empty()) {
        return endpoint::parse(configured).map_err(|e| blame("the profile's sts_endpoint", e));
    }
    let vpc = vpc || env(ENV_VPC_ENDPOINT_ENABLED).is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let region = profile_region.filter(|r| !r.is_empty()).map(str::to_owned).or_else(|| env(ENV_STS_REGION));
    let host = match region {
        Some(region) => {
            endpoint::validate_region(&region).map_err(|e| blame("the STS region", e))?;
            format!("https://sts{}.{region}.aliyuncs.com", if vpc { "-vpc" } else { "" })
        }
        None => "https://sts.aliyuncs.com".to_owned(),
    };
    endpoint::parse(&host).map_err(|e| blame("the STS region", e))
}

fn client(net: &Network, endpoint: &Url, key: Option<AccessKey>) -> Result<Client> {
    let env = |name: &str| std::env::var(name).ok();
    let transport = Transport::for_endpoint(endpoint, net.ca_bundle.as_ref(), &env)?;
    let client = match key {
        Some(key) => {
            Client::new(endpoint.clone(), &PRODUCT, Box::new(StaticKey(key)), net.sts_policy, transport)?
        }
        None => Client::anonymous(endpoint.clone(), &PRODUCT, net.sts_policy, transport)?,
    };
    Ok(client.with_sensitive_answers())
}

/// `AssumeRole` with `source` (its token, if any, is sent and signed).
pub fn assume_role(net: &Network, endpoint: &Url, role: &Role, source: AccessKey) -> Result<Credentials> {
    crate::verbose!("STS: AssumeRole {} at {}", role.arn, endpoint.origin().ascii_serialization());
    let mut params = vec![("Action", "AssumeRole".to_owned())];
    params.extend(role.params());
    if let Some(id) = &role.external_id {
        params.push(("ExternalId", id.clone()));
    }
    let answer =
        client(net, endpoint, Some(source))?.call(&params).map_err(|e| refused("AssumeRole", role, e))?;
    parse_answer(&answer, "AssumeRole")
}

/// `AssumeRoleWithOIDC`: anonymous; the token (read now, never logged) goes in a form
/// body, since it can be many kilobytes.
pub fn assume_role_with_oidc(
    net: &Network,
    endpoint: &Url,
    role: &Role,
    provider_arn: &str,
    token_file: &std::path::Path,
) -> Result<Credentials> {
    let token = std::fs::read_to_string(token_file).map_err(|e| {
        Error::config(format!("cannot read the OIDC token file {}: {}", token_file.display(), e.kind()))
            .with_hint(
                "the token file is written by the platform (ACK RRSA, a CI job); check that it is mounted",
            )
    })?;
    let token = Secret::new(token.trim());
    if token.is_empty() {
        return Err(Error::config(format!("the OIDC token file {} is empty", token_file.display())));
    }
    crate::verbose!("STS: AssumeRoleWithOIDC {} at {}", role.arn, endpoint.origin().ascii_serialization());
    let mut form =
        vec![("OIDCProviderArn", provider_arn.to_owned()), ("OIDCToken", token.expose().to_owned())];
    form.extend(role.params());
    let answer = client(net, endpoint, None)?
        .call_with_form(&[("Action", "AssumeRoleWithOIDC".to_owned())], &form)
        .map_err(|e| refused("AssumeRoleWithOIDC", role, e))?;
    parse_answer(&answer, "AssumeRoleWithOIDC")
}

/// An STS error code is a configuration problem (exit 3) with a hint; anything else
/// (network, unreadable answer) keeps its kind.
fn refused(action: &str, role: &Role, error: Error) -> Error {
    let Error::Api(api) = error.last() else {
        return error;
    };
    let hint = match api.code.as_str() {
        code if code.contains("OIDCToken") => {
            "the OIDC token was refused (expired, or issued for another audience): check that the platform refreshes the token file"
        }
        code if code.contains("OIDCProvider") => {
            "check the OIDC provider ARN (acs:ram::ACCOUNT:oidc-provider/NAME) and that the provider exists in RAM"
        }
        "InvalidAccessKeyId.NotFound" | "InvalidAccessKeyId.Inactive" | "SignatureDoesNotMatch" => {
            "the source credentials used to call STS are not valid"
        }
        _ => {
            "check that the role exists, that its trust policy trusts the caller, and that the caller has the AliyunSTSAssumeRoleAccess permission"
        }
    };
    Error::config(format!("STS refused {action} of {}: {api}", role.arn)).with_hint(hint)
}

/// The `Credentials` of an STS answer. A malformed answer is a response error (exit 5),
/// described without quoting it: it may hold a secret.
pub fn parse_answer(answer: &serde_json::Value, action: &str) -> Result<Credentials> {
    let missing = || {
        Error::Response(format!(
            "the {action} answer lacks Credentials.AccessKeyId, AccessKeySecret, SecurityToken or Expiration (its content is not shown: it may hold credentials)"
        ))
    };
    // A `Credentials` object of another shape (a field not a string) counts as missing.
    let fields = answer
        .get("Credentials")
        .and_then(|c| <TemporaryAnswer as serde::Deserialize>::deserialize(c).ok())
        .ok_or_else(missing)?;
    fields.credentials(Source::Derived(format!("STS {action}")), action, missing)
}

/// `YYYY-MM-DDTHH:MM:SSZ`, UTC, as every credential service writes it.
pub fn parse_expiration(text: &str, what: &str) -> Result<DateTime<Utc>> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%SZ").map(|t| t.and_utc()).map_err(|_| {
        Error::Response(format!(
            "the Expiration of the {what} answer is not a UTC time like 2025-01-02T03:04:05Z"
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn endpoint_rules_in_order() {
        let e = |vars: &[(&str, &str)], ep: Option<&str>, region: Option<&str>, vpc| {
            endpoint(&env_of(vars), ep, region, vpc).unwrap().to_string()
        };
        assert_eq!(e(&[], None, None, false), "https://sts.aliyuncs.com/");
        assert_eq!(e(&[], None, None, true), "https://sts.aliyuncs.com/", "no VPC endpoint without a region");
        assert_eq!(
            e(&[(ENV_STS_REGION, "cn-beijing")], None, None, false),
            "https://sts.cn-beijing.aliyuncs.com/"
        );
        assert_eq!(
            e(&[(ENV_STS_REGION, "cn-beijing")], None, Some("cn-shanghai"), true),
            "https://sts-vpc.cn-shanghai.aliyuncs.com/"
        );
        assert_eq!(
            e(&[(ENV_STS_REGION, "cn-beijing"), (ENV_VPC_ENDPOINT_ENABLED, "TRUE")], None, None, false),
            "https://sts-vpc.cn-beijing.aliyuncs.com/"
        );
        assert_eq!(e(&[], Some("sts.example.com"), Some("cn-beijing"), false), "https://sts.example.com/");
        assert_eq!(
            e(&[(ENV_STS_ENDPOINT, "http://127.0.0.1:9")], Some("sts.example.com"), None, false),
            "http://127.0.0.1:9/"
        );
        let err = endpoint(&env_of(&[(ENV_STS_ENDPOINT, "http://sts.example.com")]), None, None, false)
            .unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(err.to_string().contains(ENV_STS_ENDPOINT), "{err}");
    }

    #[test]
    fn role_values_are_checked_as_sts_would() {
        let role = |arn: &str, session: Option<&str>, duration: Option<u64>| {
            Role::new(arn, session.map(str::to_owned), None, duration, None, "test")
        };
        let ok = role("acs:ram::123456789012:role/deploy", Some("ci.job@1_x-y"), None).unwrap();
        assert_eq!(ok.duration_seconds, 3600);
        assert_eq!(role("acs:ram::1:role/x", None, Some(0)).unwrap().duration_seconds, 3600, "0 means unset");
        for (arn, session, duration) in [
            ("acs:ram::1:role/x\u{1b}[2J", None, None),
            ("arn:aws:iam::1:role/x", None, None),
            ("acs:ram::1:user/x", None, None),
            ("acs:ram::1:role/x", Some("a"), None),
            ("acs:ram::1:role/x", Some("has space"), None),
            ("acs:ram::1:role/x", None, Some(100)),
        ] {
            let err = role(arn, session, duration).unwrap_err();
            assert_eq!(err.exit_code(), 3, "{arn} {session:?} {duration:?}");
            assert!(!err.to_string().contains('\u{1b}'), "{err}");
        }
        assert!(
            role("acs:ram::1:role/x", None, Some(100))
                .unwrap_err()
                .to_string()
                .contains("DurationSeconds 100")
        );
    }

    #[test]
    fn the_default_session_name_stays_out_of_the_identity() {
        let role = Role::new("acs:ram::1:role/x", None, None, None, None, "t").unwrap();
        assert!(role.session_name_now().starts_with("slbctl-"));
        assert!(!role.identity().contains("slbctl-"));
    }

    #[test]
    fn answers_are_parsed_and_malformed_ones_never_quoted() {
        let ok = serde_json::json!({"RequestId": "R", "Credentials": {
            "AccessKeyId": "STS.id", "AccessKeySecret": "s3cr3t", "SecurityToken": "tok", "Expiration": "2030-01-02T03:04:05Z"}});
        let c = parse_answer(&ok, "AssumeRole").unwrap();
        assert_eq!(c.access_key_id, "STS.id");
        assert_eq!(c.expiration.unwrap().to_rfc3339(), "2030-01-02T03:04:05+00:00");
        let partial = serde_json::json!({"Credentials": {"AccessKeySecret": "s3cr3t"}});
        let err = parse_answer(&partial, "AssumeRole").unwrap_err();
        assert_eq!(err.exit_code(), 5);
        assert!(!err.to_string().contains("s3cr3t"));
    }
}
