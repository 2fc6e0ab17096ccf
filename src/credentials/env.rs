//! Credentials from the environment: access keys in any of the spellings the official
//! tools export, and OIDC role assumption configured by variables (ACK RRSA).

use std::path::PathBuf;

use super::{Credentials, Env, Provider, sts};
use crate::config::vars::*;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::source::Source;

/// (id, secret, token) variable names, in the order they are tried: the current
/// spelling, the older `ALICLOUD_*_ID` one, Terraform's, and `ALIBABACLOUD_*` (the
/// official GitHub Action exports the last three too).
const FAMILIES: [(&str, &str, &str); 4] = [
    (ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN),
    (LEGACY_ACCESS_KEY_ID, LEGACY_ACCESS_KEY_SECRET, LEGACY_SECURITY_TOKEN),
    (TERRAFORM_ACCESS_KEY, TERRAFORM_SECRET_KEY, LEGACY_SECURITY_TOKEN),
    (ALT_ACCESS_KEY_ID, ALT_ACCESS_KEY_SECRET, ALT_SECURITY_TOKEN),
];

/// A complete pair of one spelling, or none. Half a pair is an error naming both
/// variables, never a silent fall-through to a file (the official chain falls through).
pub fn credentials(env: Env) -> Result<Option<Credentials>> {
    for (id_var, secret_var, token_var) in FAMILIES {
        match (env(id_var), env(secret_var)) {
            (Some(id), Some(secret)) => {
                return Ok(Some(Credentials {
                    access_key_id: id,
                    access_key_secret: Secret::new(secret),
                    security_token: env(token_var).map(Secret::new),
                    source: Source::Env(id_var),
                    expiration: None,
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

/// Whether any credential or OIDC variable is set (for the `--profile` note).
pub fn any_set(env: Env) -> bool {
    FAMILIES.iter().any(|(id, secret, _)| env(id).is_some() || env(secret).is_some())
        || [ENV_ROLE_ARN, ENV_OIDC_PROVIDER_ARN, ENV_OIDC_TOKEN_FILE].iter().any(|v| env(v).is_some())
}

/// For credentials from the environment, the variable of the secret or the token that
/// goes with the id's; any other source is its own.
pub fn sibling(
    source: &Source,
    pick: fn((&'static str, &'static str, &'static str)) -> &'static str,
) -> Source {
    match source {
        Source::Env(id_var) => FAMILIES
            .iter()
            .find(|family| family.0 == *id_var)
            .map_or_else(|| source.clone(), |family| Source::Env(pick(*family))),
        other => other.clone(),
    }
}

/// OIDC role assumption when all three variables are set: `Ok(Err(why))` when it does
/// not apply (some unset), an error when a value is malformed.
pub fn oidc(env: Env, vpc: bool) -> Result<std::result::Result<Provider, String>> {
    let (Some(role_arn), Some(provider_arn), Some(token_file)) =
        (env(ENV_ROLE_ARN), env(ENV_OIDC_PROVIDER_ARN), env(ENV_OIDC_TOKEN_FILE))
    else {
        let unset: Vec<&str> = [ENV_ROLE_ARN, ENV_OIDC_PROVIDER_ARN, ENV_OIDC_TOKEN_FILE]
            .into_iter()
            .filter(|v| env(v).is_none())
            .collect();
        return Ok(Err(format!("{} not set", unset.join(", "))));
    };
    let role = sts::Role::new(&role_arn, env(ENV_ROLE_SESSION_NAME), None, None, None, ENV_ROLE_ARN)?;
    sts::check_provider_arn(&provider_arn, ENV_OIDC_PROVIDER_ARN)?;
    let endpoint = sts::endpoint(env, None, None, vpc)?;
    Ok(Ok(Provider::Oidc { role, provider_arn, token_file: PathBuf::from(token_file), endpoint }))
}
