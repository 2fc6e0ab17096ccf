//! The credential chain: access key credentials as a set (id, secret, optional STS
//! token) from one place: the environment, then the selected slbctl profile, then the
//! selected aliyun CLI profile. A key id from one source is never paired with a secret
//! from another. Providers that fetch temporary credentials (STS, the ECS metadata
//! server, a credentials URI) belong here too, as files of this folder.
//!
//! May use `config` (the selected profiles, the variable names), `slb` and `api` (to
//! sign with what it finds, and to call STS), `output` and the leaves.

use crate::api::request::AccessKey;
use crate::config::Settings;
use crate::config::aliyun_config::{AliyunProfile, Mode};
use crate::config::profile_file::Profile;
use crate::config::vars::{
    ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET, ENV_SECURITY_TOKEN, LEGACY_ACCESS_KEY_ID,
    LEGACY_ACCESS_KEY_SECRET, LEGACY_SECURITY_TOKEN,
};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::source::Source;

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
    /// What the API client signs with.
    pub fn access_key(&self) -> AccessKey {
        AccessKey {
            id: self.access_key_id.clone(),
            secret: self.access_key_secret.clone(),
            security_token: self.security_token.clone(),
        }
    }

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

/// The first source of the chain that holds credentials, or None. A source that holds
/// half a key pair (or a profile mode slbctl cannot use) is an error, never skipped.
pub fn resolve(settings: &Settings, env: &dyn Fn(&str) -> Option<String>) -> Result<Option<Credentials>> {
    let env = |name: &str| env(name).filter(|v| !v.is_empty());
    if let Some(found) = env_credentials(&env)? {
        return Ok(Some(found));
    }
    if let Some((profile, source)) = &settings.selected.slbctl {
        if let Some(found) = profile_credentials(profile, source)? {
            return Ok(Some(found));
        }
    }
    match &settings.selected.aliyun {
        Some((profile, source)) => aliyun_credentials(profile, source),
        None => Ok(None),
    }
}

/// Credentials from the environment: a complete pair of one spelling, or none. Half a
/// pair is an error naming both variables, never a silent fall-through to a file.
fn env_credentials(env: &dyn Fn(&str) -> Option<String>) -> Result<Option<Credentials>> {
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

fn profile_credentials(profile: &Profile, source: &Source) -> Result<Option<Credentials>> {
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

fn aliyun_credentials(profile: &AliyunProfile, source: &Source) -> Result<Option<Credentials>> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::testing::*;
    use crate::config::vars::*;
    use crate::config::{FileUse, Overrides, Sourced};

    /// Settings and credentials as one command resolves them.
    #[derive(Debug)]
    struct All {
        profile: Option<Sourced<String>>,
        region: Option<Sourced<String>>,
        endpoint: Option<Sourced<String>>,
        credentials: Option<Credentials>,
        files: Vec<FileUse>,
        files_ignored: bool,
    }

    fn resolve(overrides: &Overrides, env: &dyn Fn(&str) -> Option<String>) -> Result<All> {
        let settings = crate::config::resolve(overrides, env)?;
        let credentials = super::resolve(&settings, env)?;
        let crate::config::Settings { profile, region, endpoint, files, files_ignored, .. } = settings;
        Ok(All { profile, region, endpoint, credentials, files, files_ignored })
    }

    #[test]
    fn file_default_profile_is_used_when_none_is_requested() {
        let f = fixture(Some(TWO_PROFILES), None);
        let s = resolve(&f.overrides(), &env_of(&[])).unwrap();
        assert_eq!(s.profile.as_ref().unwrap().value, "prod");
        assert!(matches!(s.profile.unwrap().source, Source::FileDefault { key: "default_profile", .. }));
        assert_eq!(s.region.unwrap().value, "cn-hangzhou");
        let c = s.credentials.unwrap();
        assert_eq!(c.access_key_id, "LTAIprod");
        assert_eq!(c.access_key_secret.expose(), "prod-secret");
        assert!(c.security_token.is_none());
    }

    #[test]
    fn requested_profile_wins_and_brings_its_token_and_endpoint() {
        let f = fixture(Some(TWO_PROFILES), None);
        let o = Overrides { profile: Some(Sourced::new("dev", Source::Flag("--profile"))), ..f.overrides() };
        let s = resolve(&o, &env_of(&[])).unwrap();
        assert_eq!(s.region.unwrap().value, "cn-beijing");
        assert_eq!(s.endpoint.unwrap().value, "http://127.0.0.1:9");
        assert_eq!(s.credentials.unwrap().security_token.unwrap().expose(), "dev-token");
    }

    #[test]
    fn environment_beats_files_and_flags_beat_everything() {
        let f = fixture(Some(TWO_PROFILES), Some(ALIYUN));
        let o =
            Overrides { region: Some(Sourced::new("us-east-1", Source::Flag("--region"))), ..f.overrides() };
        let env = env_of(&[
            (ENV_ACCESS_KEY_ID, "LTAIenv"),
            (ENV_ACCESS_KEY_SECRET, "env-secret"),
            (ENV_SECURITY_TOKEN, "tok"),
        ]);
        let s = resolve(&o, &env).unwrap();
        let c = s.credentials.unwrap();
        assert_eq!(c.access_key_id, "LTAIenv");
        assert_eq!(c.source, Source::Env(ENV_ACCESS_KEY_ID));
        assert_eq!(c.security_token.unwrap().expose(), "tok");
        assert_eq!(s.region.unwrap(), Sourced::new("us-east-1".to_owned(), Source::Flag("--region")));
    }

    #[test]
    fn legacy_alicloud_variables_are_a_fallback() {
        let f = fixture(no_slbctl_file(), None);
        let env = env_of(&[
            (LEGACY_ACCESS_KEY_ID, "LTAIold"),
            (LEGACY_ACCESS_KEY_SECRET, "old-secret"),
            (LEGACY_SECURITY_TOKEN, "old-token"),
            (LEGACY_REGION, "cn-qingdao"),
        ]);
        let s = resolve(&f.overrides(), &env).unwrap();
        let c = s.credentials.unwrap();
        assert_eq!(c.access_key_id, "LTAIold");
        assert_eq!(c.source, Source::Env(LEGACY_ACCESS_KEY_ID));
        assert_eq!(c.security_token.unwrap().expose(), "old-token");
        assert_eq!(s.region.unwrap().source, Source::Env(LEGACY_REGION));

        // The current spelling wins over the legacy one.
        let env = env_of(&[
            (ENV_ACCESS_KEY_ID, "LTAInew"),
            (ENV_ACCESS_KEY_SECRET, "new"),
            (LEGACY_ACCESS_KEY_ID, "LTAIold"),
            (LEGACY_ACCESS_KEY_SECRET, "old"),
        ]);
        assert_eq!(resolve(&f.overrides(), &env).unwrap().credentials.unwrap().access_key_id, "LTAInew");
    }

    #[test]
    fn half_set_environment_credentials_are_an_error_naming_both_variables() {
        let f = fixture(Some(TWO_PROFILES), None);
        for (id, secret) in
            [(ENV_ACCESS_KEY_ID, ENV_ACCESS_KEY_SECRET), (LEGACY_ACCESS_KEY_ID, LEGACY_ACCESS_KEY_SECRET)]
        {
            for only in [id, secret] {
                let err = resolve(&f.overrides(), &env_of(&[(only, "x")])).unwrap_err();
                assert_eq!(err.exit_code(), 3);
                let msg = err.to_string();
                assert!(msg.contains(id) && msg.contains(secret), "{msg}");
            }
        }
    }

    #[test]
    fn aliyun_cli_profile_is_the_last_resort() {
        let f = fixture(no_slbctl_file(), Some(ALIYUN));
        let s = resolve(&f.overrides(), &env_of(&[])).unwrap();
        let c = s.credentials.unwrap();
        assert_eq!(c.access_key_id, "LTAIaliyun");
        assert!(c.security_token.is_none(), "AK mode ignores an empty sts_token");
        assert!(matches!(c.source, Source::AliyunProfile { ref name, .. } if name == "ak"));
        assert_eq!(s.region.unwrap().value, "us-west-1");
        assert_eq!(s.profile.unwrap().value, "ak");
    }

    #[test]
    fn aliyun_sts_profile_brings_its_token() {
        let f = fixture(no_slbctl_file(), Some(ALIYUN));
        let env = env_of(&[(ENV_PROFILE, "sts")]);
        let s = resolve(&f.overrides(), &env).unwrap();
        let c = s.credentials.unwrap();
        assert_eq!(c.security_token.unwrap().expose(), "sts-token");
        assert_eq!(s.profile.unwrap().source, Source::Env(ENV_PROFILE));
    }

    #[test]
    fn slbctl_profile_beats_the_aliyun_profile_of_the_same_name_value_by_value() {
        let f = fixture(Some("[profiles.dev]\nregion = \"cn-beijing\"\n"), Some(ALIYUN));
        let o =
            Overrides { profile: Some(Sourced::new("dev", Source::Env("SLBCTL_PROFILE"))), ..f.overrides() };
        let s = resolve(&o, &env_of(&[])).unwrap();
        assert_eq!(s.region.unwrap().value, "cn-beijing");
        // No credentials in the slbctl profile: they come from the aliyun one.
        assert_eq!(s.credentials.unwrap().access_key_id, "LTAIaliyundev");
    }

    #[test]
    fn unsupported_aliyun_mode_is_named() {
        let f = fixture(no_slbctl_file(), Some(ALIYUN));
        let o = Overrides { profile: Some(Sourced::new("role", Source::Flag("--profile"))), ..f.overrides() };
        let err = resolve(&o, &env_of(&[])).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(
            err.to_string().contains("uses mode \"RamRoleArn\", which slbctl does not support yet"),
            "{err}"
        );
        // ... but environment credentials make the profile's mode irrelevant.
        let env = env_of(&[(ENV_ACCESS_KEY_ID, "LTAIenv"), (ENV_ACCESS_KEY_SECRET, "s")]);
        assert_eq!(resolve(&o, &env).unwrap().region.unwrap().value, "cn-shanghai");
    }

    #[test]
    fn ignore_profile_skips_both_files() {
        let f = fixture(Some(TWO_PROFILES), Some(ALIYUN));
        let s = resolve(&f.overrides(), &env_of(&[(ENV_IGNORE_PROFILE, "TRUE")])).unwrap();
        assert!(s.credentials.is_none() && s.region.is_none() && s.profile.is_none());
        assert!(s.files_ignored && s.files.is_empty());
        let s = resolve(&f.overrides(), &env_of(&[(ENV_IGNORE_PROFILE, "false")])).unwrap();
        assert!(s.credentials.is_some());
    }

    #[test]
    fn no_default_profile_and_none_requested_means_no_profile() {
        let f = fixture(Some("[profiles.other]\nregion = \"cn-beijing\"\n"), None);
        let s = resolve(&f.overrides(), &env_of(&[])).unwrap();
        assert!(s.profile.is_none() && s.region.is_none() && s.credentials.is_none());
        assert_eq!(s.files.len(), 2);
        assert!(s.files[0].found && !s.files[1].found);
    }

    #[test]
    fn empty_environment_values_count_as_unset() {
        let f = fixture(no_slbctl_file(), None);
        let env = env_of(&[(ENV_ACCESS_KEY_ID, ""), (ENV_ACCESS_KEY_SECRET, "")]);
        assert!(resolve(&f.overrides(), &env).unwrap().credentials.is_none());
    }

    #[test]
    fn half_a_key_pair_in_a_profile_is_an_error() {
        let f = fixture(Some("[profiles.default]\naccess_key_id = \"LTAIx\"\n"), None);
        let err = resolve(&f.overrides(), &env_of(&[])).unwrap_err();
        assert!(err.to_string().contains("no access_key_secret"), "{err}");
    }
}
