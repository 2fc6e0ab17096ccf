//! The official INI credentials file: `ALIBABA_CLOUD_CREDENTIALS_FILE`, else
//! `~/.alibabacloud/credentials.ini` (the Python and Java SDKs' name), else
//! `~/.alibabacloud/credentials` (the Go SDK's). The section is the profile asked for,
//! or `default`; its `type` is `access_key`, `ram_role_arn`, `ecs_ram_role` or
//! `oidc_role_arn`, with the SDKs' key names.

use std::path::PathBuf;

use super::{Credentials, Env, Provider, ecs, sts};
use crate::config::vars::{ENV_CREDENTIALS_FILE, ENV_ECS_METADATA};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::source::Source;
use crate::text::quote;

/// The INI file to read: the variable's, else the first of the default names that exists.
fn path(env: Env) -> std::result::Result<PathBuf, String> {
    let candidates: Vec<PathBuf> = match env(ENV_CREDENTIALS_FILE) {
        Some(path) => vec![PathBuf::from(path)],
        None => match dirs::home_dir() {
            Some(home) => {
                let dir = home.join(".alibabacloud");
                vec![dir.join("credentials.ini"), dir.join("credentials")]
            }
            None => return Err("no home directory".to_owned()),
        },
    };
    candidates.iter().find(|p| p.is_file()).cloned().ok_or_else(|| {
        let names: Vec<String> = candidates.iter().map(|p| p.display().to_string()).collect();
        format!("{} absent", names.join(", "))
    })
}

/// Whether the INI file has a section of this name (an unreadable file has none).
pub fn has_section(env: Env, name: &str) -> bool {
    let Ok(path) = path(env) else { return false };
    ini::Ini::load_from_file(&path).is_ok_and(|ini| ini.section(Some(name)).is_some())
}

/// The provider of the section, with where it was found; `Ok(Err(why))` when the file
/// or the section is absent.
pub fn provider(
    env: Env,
    profile: Option<&str>,
    vpc: bool,
) -> Result<std::result::Result<(Provider, String), String>> {
    let path = match path(env) {
        Ok(path) => path,
        Err(why) => return Ok(Err(why)),
    };
    let path = &path;
    let text = std::fs::read_to_string(path).map_err(|e| {
        Error::config(format!("cannot read the credentials file {}: {}", path.display(), e.kind()))
    })?;
    let ini = ini::Ini::load_from_str(&text).map_err(|e| {
        Error::config(format!("the credentials file {} is not valid INI: {e}", path.display()))
    })?;
    let section = profile.unwrap_or("default");
    let Some(props) = ini.section(Some(section)) else {
        return Ok(Err(format!("no section [{section}] in {}", path.display())));
    };
    let place = format!("section [{section}] of {}", path.display());
    let get = |key: &str| props.get(key).map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    let need = |key: &str| {
        get(key).ok_or_else(|| {
            Error::config(format!(
                "{place} has type {} but no {key}",
                quote(&get("type").unwrap_or_default())
            ))
        })
    };
    let source = Source::Derived(place.clone());
    let keys = || -> Result<Credentials> {
        Ok(Credentials {
            access_key_id: need("access_key_id")?,
            access_key_secret: Secret::new(need("access_key_secret")?),
            security_token: None,
            source: source.clone(),
            expiration: None,
        })
    };
    // Both role types name the role alike and use the same STS endpoint rules.
    let role =
        || sts::Role::new(&need("role_arn")?, get("role_session_name"), None, None, get("policy"), &place);
    let sts_endpoint = || sts::endpoint(env, None, None, vpc);
    let provider = match get("type").as_deref() {
        Some("access_key") => Provider::Static(keys()?),
        Some("ram_role_arn") => {
            let role = role()?;
            let endpoint = sts_endpoint()?;
            Provider::AssumeRole { source: Box::new(Provider::Static(keys()?)), role, endpoint }
        }
        Some("ecs_ram_role") => {
            let role_name = get("role_name").or_else(|| env(ENV_ECS_METADATA));
            Provider::EcsRole(ecs::Metadata::from_env(env, role_name)?)
        }
        Some("oidc_role_arn") => {
            let role = role()?;
            let provider_arn = need("oidc_provider_arn")?;
            sts::check_provider_arn(&provider_arn, &place)?;
            let token_file = PathBuf::from(need("oidc_token_file_path")?);
            let endpoint = sts_endpoint()?;
            Provider::Oidc { role, provider_arn, token_file, endpoint }
        }
        other => {
            return Err(Error::config(format!(
                "{place} has type {}; slbctl understands access_key, ram_role_arn, ecs_ram_role and oidc_role_arn",
                quote(other.unwrap_or("(none)"))
            )));
        }
    };
    Ok(Ok((provider, place)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn with_file(text: &str) -> (tempfile::TempDir, impl Fn(&str) -> Option<String>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("credentials.ini");
        std::fs::write(&path, text).unwrap();
        let map: HashMap<String, String> =
            [(ENV_CREDENTIALS_FILE.to_owned(), path.display().to_string())].into();
        (dir, move |k: &str| map.get(k).cloned())
    }

    #[test]
    fn every_type_of_the_sdks() {
        let (_dir, env) = with_file(
            "[default]\ntype = access_key\naccess_key_id = foo  # inline comment\naccess_key_secret = bar\n\
             [project2]\ntype = ram_role_arn\naccess_key_id = foo\naccess_key_secret = bar\nrole_arn = acs:ram::1:role/r\nrole_session_name = s1\n\
             [ecs]\ntype = ecs_ram_role\nrole_name = web\n\
             [oidc]\ntype = oidc_role_arn\nrole_arn = acs:ram::1:role/r\noidc_provider_arn = acs:ram::1:oidc-provider/ack\noidc_token_file_path = /var/run/token\n",
        );
        let get = |section| provider(&env, section, false).unwrap().unwrap().0;
        match get(None) {
            Provider::Static(c) => {
                assert_eq!((c.access_key_id.as_str(), c.access_key_secret.expose()), ("foo", "bar"))
            }
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(get(Some("project2")), Provider::AssumeRole { role, .. } if role.session_name.as_deref() == Some("s1"))
        );
        assert!(matches!(get(Some("ecs")), Provider::EcsRole(m) if m.role_name.as_deref() == Some("web")));
        assert!(matches!(get(Some("oidc")), Provider::Oidc { .. }));
        assert!(provider(&env, Some("missing"), false).unwrap().is_err());
    }

    #[test]
    fn malformed_files_and_types_are_errors() {
        let (_dir, env) = with_file("[default\ntype = access_key\n");
        assert_eq!(provider(&env, None, false).unwrap_err().exit_code(), 3);
        let (_dir, env) = with_file("[default]\ntype = rsa_key_pair\n");
        assert!(provider(&env, None, false).unwrap_err().to_string().contains("rsa_key_pair"));
        let (_dir, env) = with_file("[default]\ntype = access_key\naccess_key_id = foo\n");
        assert!(provider(&env, None, false).unwrap_err().to_string().contains("no access_key_secret"));
    }
}
