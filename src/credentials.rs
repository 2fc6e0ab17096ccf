//! Access key credentials as a set (id, secret, optional STS token) from one place:
//! the environment, an slbctl profile, or an aliyun CLI profile.

use crate::aliyun_config::{AliyunProfile, Mode};
use crate::config::{
    ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN, LEGACY_ACCESS_KEY_ID,
    LEGACY_ACCESS_KEY_SECRET, LEGACY_SECURITY_TOKEN, Source,
};
use crate::error::{Error, Result};
use crate::profile_file::Profile;
use crate::secret::Secret;

/// (id, secret, token) variable names, in the order they are tried.
const ENV_CREDENTIAL_FAMILIES: [(&str, &str, &str); 2] = [
    (ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN),
    (LEGACY_ACCESS_KEY_ID, LEGACY_ACCESS_KEY_SECRET, LEGACY_SECURITY_TOKEN),
];

/// Access key credentials, with where they were found.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub access_key_id: String,
    pub access_key_secret: Secret,
    pub security_token: Option<Secret>,
    pub source: Source,
}

impl Credentials {
    /// Where the secret came from: the same place as the id, or for the environment
    /// the matching secret variable.
    pub fn secret_source(&self) -> Source {
        self.env_sibling(|(_, secret, _)| secret)
    }

    /// Where the STS token came from (the same place as the id, or its variable).
    pub fn token_source(&self) -> Source {
        self.env_sibling(|(_, _, token)| token)
    }

    fn env_sibling(&self, pick: fn((&'static str, &'static str, &'static str)) -> &'static str) -> Source {
        match &self.source {
            Source::Env(id_var) => ENV_CREDENTIAL_FAMILIES
                .iter()
                .find(|family| family.0 == *id_var)
                .map_or_else(|| self.source.clone(), |family| Source::Env(pick(*family))),
            other => other.clone(),
        }
    }
}

/// Credentials from the environment: a complete pair of one spelling, or none. Half a
/// pair is an error naming both variables, never a silent fall-through to a file.
pub fn env_credentials(env: &dyn Fn(&str) -> Option<String>) -> Result<Option<Credentials>> {
    for (id_var, secret_var, token_var) in ENV_CREDENTIAL_FAMILIES {
        match (env(id_var), env(secret_var)) {
            (Some(id), Some(secret)) => {
                return Ok(Some(Credentials {
                    access_key_id: id,
                    access_key_secret: Secret::new(secret),
                    security_token: env(token_var).map(Secret::new),
                    source: Source::Env(id_var),
                }));
            }
            (Some(_), None) | (None, Some(_)) => {
                return Err(Error::config(format!(
                    "{id_var} and {secret_var} must be set together, but only one is set"
                )));
            }
            (None, None) => {}
        }
    }
    Ok(None)
}

pub fn profile_credentials(profile: &Profile, source: &Source) -> Result<Option<Credentials>> {
    let id = profile.access_key_id.clone().filter(|v| !v.is_empty());
    let secret = profile.access_key_secret.clone().filter(|v| !v.is_empty());
    match (id, secret) {
        (Some(access_key_id), Some(access_key_secret)) => Ok(Some(Credentials {
            access_key_id,
            access_key_secret,
            security_token: profile.security_token.clone().filter(|t| !t.is_empty()),
            source: source.clone(),
        })),
        (None, None) => Ok(None),
        (Some(_), None) => Err(Error::config(format!("{source} has access_key_id but no access_key_secret"))),
        (None, Some(_)) => Err(Error::config(format!("{source} has access_key_secret but no access_key_id"))),
    }
}

pub fn aliyun_credentials(profile: &AliyunProfile, source: &Source) -> Result<Option<Credentials>> {
    let Source::AliyunProfile { file, .. } = source else {
        return Ok(None);
    };
    let mode = profile.supported_mode(file)?;
    let id = profile.access_key_id.clone().filter(|v| !v.is_empty());
    let secret = profile.access_key_secret.clone().filter(|v| !v.is_empty());
    let token = profile.sts_token.clone().filter(|t| !t.is_empty());
    match (id, secret, mode) {
        (None, None, _) => Ok(None),
        (Some(access_key_id), Some(access_key_secret), Mode::AccessKey) => Ok(Some(Credentials {
            access_key_id,
            access_key_secret,
            security_token: None,
            source: source.clone(),
        })),
        (Some(access_key_id), Some(access_key_secret), Mode::StsToken) => match token {
            Some(token) => Ok(Some(Credentials {
                access_key_id,
                access_key_secret,
                security_token: Some(token),
                source: source.clone(),
            })),
            None => Err(Error::config(format!("{source} is in StsToken mode but has no sts_token"))),
        },
        _ => Err(Error::config(format!("{source} has only half of an access key pair"))),
    }
}
