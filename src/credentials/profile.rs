//! The selected profile as a credential source: slbctl's TOML profile first, then the
//! aliyun CLI's config.json profile of the same name, in every mode that needs no
//! browser. `source_profile` chains are followed (a cycle is refused).

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, Utc};

use super::{Credentials, Env, Provider, ecs, external, sts, uri};
use crate::api::endpoint::EndpointType;
use crate::config::Settings;
use crate::config::aliyun_config::{AliyunConfig, AliyunProfile, Mode, given};
use crate::config::profile_file::{CredentialSource, Profile};
use crate::config::vars::ENV_CREDENTIALS_URI;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::source::Source;
use crate::text::quote;

/// The selected profile's provider and where it was configured; None when the selected
/// profiles hold no credentials.
pub fn provider(settings: &Settings, env: Env, vpc: bool) -> Result<Option<(Provider, String)>> {
    if let Some((profile, source)) = &settings.selected.slbctl {
        if let (Source::Profile { file, name }, Some((_, config))) = (source, &settings.loaded.slbctl) {
            let mut visiting = Vec::new();
            if let Some(provider) = from_toml(name, profile, &config.profiles, file, env, vpc, &mut visiting)?
            {
                return Ok(Some((provider, source.to_string())));
            }
        }
    }
    if let Some((profile, source)) = &settings.selected.aliyun {
        if let (Source::AliyunProfile { file, .. }, Some((_, config))) = (source, &settings.loaded.aliyun) {
            let mut visiting = Vec::new();
            if let Some(provider) = from_aliyun(profile, file, config, env, vpc, &mut visiting)? {
                let mode = profile.supported_mode(file)?.name();
                return Ok(Some((provider, format!("{source} (mode {mode})"))));
            }
        }
    }
    Ok(None)
}

/// Why the profiles gave nothing, for `-v` and the final error.
pub fn why_none(settings: &Settings) -> String {
    match &settings.profile {
        Some(name) => {
            format!("profile {} holds no credentials ({})", quote(&name.value), settings.looked_in())
        }
        None => format!("no profile selected ({})", settings.looked_in()),
    }
}

fn cycle_check(visiting: &mut Vec<String>, name: &str, file: &Path) -> Result<()> {
    if visiting.iter().any(|v| v == name) {
        visiting.push(name.to_owned());
        return Err(Error::config(format!(
            "source_profile chain in {} has a cycle: {}",
            file.display(),
            visiting.join(" → ")
        )));
    }
    visiting.push(name.to_owned());
    Ok(())
}

/// A key pair (and token) from a profile: both or neither; half a pair is an error.
fn key_pair(
    id: Option<&str>,
    secret: Option<&Secret>,
    token: Option<&Secret>,
    source: &Source,
) -> Result<Option<Credentials>> {
    let secret = secret.filter(|s| !s.is_empty());
    match (id.filter(|v| !v.is_empty()), secret) {
        (Some(id), Some(secret)) => Ok(Some(Credentials {
            access_key_id: id.to_owned(),
            access_key_secret: secret.clone(),
            security_token: token.filter(|t| !t.is_empty()).cloned(),
            source: source.clone(),
            expiration: None,
        })),
        (None, None) => Ok(None),
        (Some(_), None) => Err(Error::config(format!("{source} has access_key_id but no access_key_secret"))),
        (None, Some(_)) => Err(Error::config(format!("{source} has access_key_secret but no access_key_id"))),
    }
}

/// slbctl's TOML profile.
fn from_toml(
    name: &str,
    profile: &Profile,
    all: &BTreeMap<String, Profile>,
    file: &Path,
    env: Env,
    vpc: bool,
    visiting: &mut Vec<String>,
) -> Result<Option<Provider>> {
    cycle_check(visiting, name, file)?;
    let source = Source::Profile { file: file.to_path_buf(), name: name.to_owned() };
    let place = source.to_string();
    let keys = key_pair(
        profile.access_key_id.as_deref(),
        profile.access_key_secret.as_ref(),
        profile.security_token.as_ref(),
        &source,
    )?;
    let vpc = vpc || profile.endpoint_type == Some(EndpointType::Vpc);
    let sts_endpoint =
        || sts::endpoint(env, profile.sts_endpoint.as_deref(), profile.sts_region.as_deref(), vpc);
    let ecs_role = || ecs::Metadata::from_env(env, profile.ram_role_name.clone()).map(Provider::EcsRole);
    if let Some(text) = &profile.credentials_uri {
        return Ok(Some(Provider::Uri(uri::parse(text, &place)?)));
    }
    let role = |arn: &str| {
        sts::Role::new(
            arn,
            profile.role_session_name.clone(),
            profile.external_id.clone(),
            profile.duration_seconds,
            profile.policy.clone(),
            &place,
        )
    };
    if profile.oidc_provider_arn.is_some() || profile.oidc_token_file.is_some() {
        let (Some(arn), Some(provider_arn), Some(token_file)) =
            (&profile.role_arn, &profile.oidc_provider_arn, &profile.oidc_token_file)
        else {
            return Err(Error::config(format!(
                "{place}: OIDC needs role_arn, oidc_provider_arn and oidc_token_file"
            )));
        };
        sts::check_provider_arn(provider_arn, &place)?;
        let role = role(arn)?;
        return Ok(Some(Provider::Oidc {
            role,
            provider_arn: provider_arn.clone(),
            token_file: token_file.clone(),
            endpoint: sts_endpoint()?,
        }));
    }
    if let Some(arn) = &profile.role_arn {
        let role = role(arn)?;
        let source = if let Some(other) = &profile.source_profile {
            let next = all.get(other).ok_or_else(|| {
                Error::config(format!(
                    "{place}: source_profile {} is not a profile in {}",
                    quote(other),
                    file.display()
                ))
            })?;
            from_toml(other, next, all, file, env, vpc, visiting)?.ok_or_else(|| {
                Error::config(format!("{place}: source_profile {} holds no credentials", quote(other)))
            })?
        } else if profile.credential_source == Some(CredentialSource::EcsRamRole) {
            ecs_role()?
        } else {
            Provider::Static(keys.ok_or_else(|| {
                Error::config(format!(
                    "{place}: role_arn needs source credentials: access_key_id and access_key_secret, source_profile, or credential_source = \"ecs_ram_role\""
                ))
            })?)
        };
        return Ok(Some(Provider::AssumeRole { source: Box::new(source), role, endpoint: sts_endpoint()? }));
    }
    if profile.credential_source == Some(CredentialSource::EcsRamRole) {
        return Ok(Some(ecs_role()?));
    }
    Ok(keys.map(Provider::Static))
}

/// An aliyun CLI config.json profile, by its mode.
fn from_aliyun(
    profile: &AliyunProfile,
    file: &Path,
    config: &AliyunConfig,
    env: Env,
    vpc: bool,
    visiting: &mut Vec<String>,
) -> Result<Option<Provider>> {
    cycle_check(visiting, &profile.name, file)?;
    let mode = profile.supported_mode(file)?;
    let source = Source::AliyunProfile { file: file.to_path_buf(), name: profile.name.clone() };
    let place = format!("{source} (mode {})", mode.name());
    let keys = || key_pair(given(&profile.access_key_id), profile.access_key_secret.as_ref(), None, &source);
    let need = |key: &str, value: &Option<String>| {
        given(value).map(str::to_owned).ok_or_else(|| Error::config(format!("{place} has no {key}")))
    };
    let vpc = vpc || profile.enable_vpc == Some(true);
    let sts_endpoint = || sts::endpoint(env, given(&profile.sts_endpoint), given(&profile.sts_region), vpc);
    let role = || {
        sts::Role::new(
            &need("ram_role_arn", &profile.ram_role_arn)?,
            given(&profile.ram_session_name).map(str::to_owned),
            given(&profile.external_id).map(str::to_owned),
            profile.expired_seconds,
            given(&profile.policy).map(str::to_owned),
            &place,
        )
    };
    let token = profile.sts_token.as_ref().filter(|t| !t.is_empty());
    let provider = match mode {
        Mode::AccessKey => keys()?.map(Provider::Static),
        Mode::StsToken => match keys()? {
            Some(mut credentials) => {
                let token = token.ok_or_else(|| {
                    Error::config(format!("{source} is in StsToken mode but has no sts_token"))
                })?;
                credentials.security_token = Some(token.clone());
                Some(Provider::Static(credentials))
            }
            None => None,
        },
        Mode::RamRoleArn => {
            let mut credentials =
                keys()?.ok_or_else(|| Error::config(format!("{place} has no access key pair")))?;
            // A profile holding STS keys (with their token) may assume a role too.
            credentials.security_token = token.cloned();
            Some(Provider::AssumeRole {
                source: Box::new(Provider::Static(credentials)),
                role: role()?,
                endpoint: sts_endpoint()?,
            })
        }
        Mode::EcsRamRole => Some(Provider::EcsRole(ecs::Metadata::from_env(
            env,
            given(&profile.ram_role_name).map(str::to_owned),
        )?)),
        Mode::ChainableRamRoleArn => {
            let other = need("source_profile", &profile.source_profile)?;
            let next = AliyunProfile::find(config, &other).ok_or_else(|| {
                Error::config(format!(
                    "{place}: source_profile {} is not a profile in {}",
                    quote(&other),
                    file.display()
                ))
            })?;
            let source = from_aliyun(next, file, config, env, vpc, visiting)?.ok_or_else(|| {
                Error::config(format!("{place}: source_profile {} holds no credentials", quote(&other)))
            })?;
            Some(Provider::AssumeRole { source: Box::new(source), role: role()?, endpoint: sts_endpoint()? })
        }
        Mode::Oidc => {
            let provider_arn = need("oidc_provider_arn", &profile.oidc_provider_arn)?;
            sts::check_provider_arn(&provider_arn, &place)?;
            let token_file = need("oidc_token_file", &profile.oidc_token_file)?;
            Some(Provider::Oidc {
                role: role()?,
                provider_arn,
                token_file: token_file.into(),
                endpoint: sts_endpoint()?,
            })
        }
        Mode::CredentialsUri => {
            if external::disabled(env) {
                return Err(Error::config(format!(
                    "{place}: a credentials URI, but {} forbids external credential sources",
                    crate::config::vars::ENV_DISABLE_EXTERNAL_PROCESS
                )));
            }
            let text =
                given(&profile.credentials_uri).map(str::to_owned).or_else(|| env(ENV_CREDENTIALS_URI));
            let text = text.ok_or_else(|| Error::config(format!("{place} has no credentials_uri")))?;
            Some(Provider::Uri(uri::parse(&text, &place)?))
        }
        Mode::External => {
            let command_line = need("process_command", &profile.process_command)?;
            if external::disabled(env) {
                return Err(Error::config(format!(
                    "{place}: a process_command, but {} forbids external processes",
                    crate::config::vars::ENV_DISABLE_EXTERNAL_PROCESS
                )));
            }
            Some(Provider::External(external::Command {
                command_line,
                file: file.to_path_buf(),
                profile: profile.name.clone(),
            }))
        }
        Mode::CloudSso | Mode::OAuth => Some(Provider::Static(stored_login(profile, &source, &place)?)),
    };
    Ok(provider)
}

/// The STS credentials the aliyun CLI stored after a CloudSSO or OAuth login, while
/// they are valid. slbctl has no login flow: renewing them is the CLI's job.
fn stored_login(profile: &AliyunProfile, source: &Source, place: &str) -> Result<Credentials> {
    let relogin = |why: &str| {
        Error::config(format!("{place}: {why}")).with_hint(format!(
            "log in again with the aliyun CLI: aliyun configure --profile {}",
            profile.name
        ))
    };
    let expiration = profile.sts_expiration.and_then(|s| DateTime::<Utc>::from_timestamp(s, 0));
    let Some(expiration) = expiration.filter(|e| *e > Utc::now()) else {
        return Err(relogin("the stored STS credentials have expired"));
    };
    let mut credentials = key_pair(
        given(&profile.access_key_id),
        profile.access_key_secret.as_ref(),
        profile.sts_token.as_ref(),
        source,
    )?
    .filter(|c| c.security_token.is_some())
    .ok_or_else(|| relogin("no stored STS credentials"))?;
    credentials.expiration = Some(expiration);
    Ok(credentials)
}
