//! The credential chain: which source yields credentials, and how temporary ones are
//! fetched, cached and renewed. The first source that applies wins:
//!
//! 1. the environment (`env`): `ALIBABA_CLOUD_*`, `ALICLOUD_*`, `ALIBABACLOUD_*` keys;
//! 2. OIDC from the environment (`env`): `ALIBABA_CLOUD_ROLE_ARN`,
//!    `ALIBABA_CLOUD_OIDC_PROVIDER_ARN`, `ALIBABA_CLOUD_OIDC_TOKEN_FILE` → STS;
//! 3. the selected profile (`profile`): slbctl's TOML, then the aliyun CLI's config.json;
//! 4. the official INI file (`ini`);
//! 5. the ECS instance's RAM role (`ecs`), only when configured or on an ECS instance;
//! 6. `ALIBABA_CLOUD_CREDENTIALS_URI` (`uri`).
//!
//! A profile named by the `--profile` flag beats 1 and 2 (as in the AWS CLI). A source
//! that does not apply is skipped and named in `-v` and in the final error; one that
//! applies and fails stops the chain with its own error, so a broken configuration is
//! never papered over by a later source. Fetched credentials go through `cache` and are
//! served to the API client by a `session`; STS calls are in `sts`, a profile's
//! `process_command` in `external`.
//!
//! May use `config` (the selected profiles, the variable names), `slb`, `api` (to call
//! STS and sign with what it finds), `output` and the leaves.

pub(crate) mod cache;
pub(crate) mod ecs;
mod env;
mod external;
mod ini;
mod profile;
pub(crate) mod session;
pub(crate) mod sts;
mod uri;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use reqwest::Url;

use crate::api::client::{CaBundle, CallPolicy};
use crate::api::endpoint::EndpointType;
use crate::api::request::AccessKey;
use crate::config::Settings;
use crate::config::vars::{
    ENV_CREDENTIALS_URI, ENV_ECS_METADATA, ENV_ECS_METADATA_DISABLED, ENV_IMDSV1_DISABLED,
};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::source::Source;

/// How credential services are reached: STS and a credentials URI with this policy and
/// the CA bundle (and the proxies of the environment); the metadata server directly.
#[derive(Clone)]
pub struct Network {
    pub sts_policy: CallPolicy,
    pub ca_bundle: Option<CaBundle>,
}

/// The environment as the chain reads it (a closure, so tests need not touch the
/// process's environment). Empty values count as unset.
pub type Env<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Access key credentials, with where they were found and, for temporary ones, when
/// they stop working.
#[derive(Debug, Clone)]
pub struct Credentials {
    pub access_key_id: String,
    pub access_key_secret: Secret,
    pub security_token: Option<Secret>,
    pub source: Source,
    /// When temporary credentials expire (None: long-lived keys, or not said).
    pub expiration: Option<DateTime<Utc>>,
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
        env::sibling(&self.source, |(_, secret, _)| secret)
    }

    /// Where the STS token came from (the same place as the id, or its variable).
    pub fn token_source(&self) -> Source {
        env::sibling(&self.source, |(_, _, token)| token)
    }
}

/// The temporary credentials every credential service answers with: the ECS metadata
/// server and a credentials URI (the whole answer; each has its own rule for `Code`)
/// and STS (its `Credentials` object).
#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct TemporaryAnswer {
    code: Option<String>,
    access_key_id: Option<String>,
    access_key_secret: Option<String>,
    security_token: Option<String>,
    expiration: Option<String>,
}

impl TemporaryAnswer {
    /// The temporary credentials it holds, or `missing()` when a field is absent or
    /// empty.
    fn credentials(self, source: Source, what: &str, missing: impl FnOnce() -> Error) -> Result<Credentials> {
        let given = |field: Option<String>| field.filter(|v| !v.is_empty());
        let (Some(id), Some(secret), Some(token), Some(expiration)) = (
            given(self.access_key_id),
            given(self.access_key_secret),
            given(self.security_token),
            given(self.expiration),
        ) else {
            return Err(missing());
        };
        Ok(Credentials {
            access_key_id: id,
            access_key_secret: Secret::new(secret),
            security_token: Some(Secret::new(token)),
            source,
            expiration: Some(sts::parse_expiration(&expiration, what)?),
        })
    }
}

/// How credentials are obtained: as they are, or fetched (temporary).
#[derive(Debug, Clone)]
pub enum Provider {
    /// Keys as they are: the environment, a profile, the INI file, or the STS
    /// credentials the aliyun CLI stored after a CloudSSO/OAuth login.
    Static(Credentials),
    /// STS `AssumeRole`, signed with the source's credentials.
    AssumeRole { source: Box<Provider>, role: sts::Role, endpoint: Url },
    /// STS `AssumeRoleWithOIDC` with the token read from a file at each fetch.
    Oidc { role: sts::Role, provider_arn: String, token_file: PathBuf, endpoint: Url },
    /// The ECS instance's RAM role, from the metadata server.
    EcsRole(ecs::Metadata),
    /// `GET` a credentials URI.
    Uri(Url),
    /// A config.json profile's `process_command`.
    External(external::Command),
}

impl Provider {
    /// What the provider does, for `config show` and `-v`: `AssumeRole`, `ECS RAM role`…
    pub fn kind(&self) -> String {
        match self {
            Provider::Static(c) if c.security_token.is_some() => "STS token".to_owned(),
            Provider::Static(_) => "access key".to_owned(),
            Provider::AssumeRole { source, .. } => match source.as_ref() {
                Provider::Static(_) => "AssumeRole".to_owned(),
                other => format!("AssumeRole with {}", other.kind()),
            },
            Provider::Oidc { .. } => "AssumeRoleWithOIDC".to_owned(),
            Provider::EcsRole(_) => "ECS RAM role".to_owned(),
            Provider::Uri(_) => "credentials URI".to_owned(),
            Provider::External(_) => "external process".to_owned(),
        }
    }

    /// The role assumed, if any.
    pub fn role_arn(&self) -> Option<&str> {
        match self {
            Provider::AssumeRole { role, .. } | Provider::Oidc { role, .. } => Some(&role.arn),
            Provider::EcsRole(m) => m.role_name.as_deref(),
            _ => None,
        }
    }
}

/// The source that won, and how to describe it.
#[derive(Debug, Clone)]
pub struct Chosen {
    pub provider: Provider,
    /// Where it was configured: `environment`, `profile "prod" in …`…
    pub origin: String,
}

/// The chain's verdict: the source that won (if any) and every source skipped on the
/// way, with why (for `-v` and the "no credentials" error).
#[derive(Debug, Default)]
pub struct Resolution {
    pub chosen: Option<Chosen>,
    pub skipped: Vec<(String, String)>,
}

impl Resolution {
    fn skip(&mut self, source: &str, why: impl Into<String>) {
        let why = why.into();
        crate::verbose!("credentials: {source}: skipped ({why})");
        self.skipped.push((source.to_owned(), why));
    }

    fn choose(&mut self, provider: Provider, origin: String) {
        let chosen = Chosen { provider, origin };
        crate::verbose!("credentials from {} ({})", chosen.origin, chosen.provider.kind());
        self.chosen = Some(chosen);
    }

    /// The sources tried and why none applied, one per line, for the final error.
    pub fn tried(&self) -> String {
        self.skipped.iter().map(|(source, why)| format!("  - {source}: {why}")).collect::<Vec<_>>().join("\n")
    }
}

/// What the chain needs besides the settings.
pub struct ChainInput<'a> {
    pub settings: &'a Settings,
    pub env: Env<'a>,
    /// Whether the profile was named by the `--profile` flag (it then beats credential
    /// variables; one named by a variable does not).
    pub profile_by_flag: bool,
    /// The directory read to tell whether this is an ECS instance (`/sys/class/dmi/id`).
    pub dmi_dir: PathBuf,
}

/// Walk the chain. A source that applies but is broken is an error.
pub fn resolve(input: &ChainInput) -> Result<Resolution> {
    let env = |name: &str| (input.env)(name).filter(|v| !v.is_empty());
    let settings = input.settings;
    let vpc = settings.endpoint_type.as_ref().is_some_and(|t| t.value == EndpointType::Vpc);
    let mut found = Resolution::default();
    // A profile asked for that no profile file has must be a section of the INI file.
    if let (Some(missing), Some(name)) = (&settings.missing_profile, &settings.profile) {
        if !ini::has_section(&env, &name.value) {
            let error = Error::config(missing.to_string());
            return Err(match missing.hint() {
                Some(hint) => error.with_hint(hint),
                None => error,
            });
        }
    }

    // 1 and 2: the environment, unless --profile named a profile.
    if input.profile_by_flag {
        if env::any_set(&env) {
            found.skip("environment", "ignored: a profile was named with --profile");
        }
    } else {
        match env::credentials(&env)? {
            Some(credentials) => {
                let origin = credentials.source.to_string();
                found.choose(Provider::Static(credentials), origin);
                return Ok(found);
            }
            None => found.skip("environment", "no access key variables set"),
        }
        match env::oidc(&env, vpc)? {
            Ok(provider) => {
                found.choose(provider, format!("environment ({})", crate::config::vars::ENV_OIDC_TOKEN_FILE));
                return Ok(found);
            }
            Err(why) => found.skip("OIDC from the environment", why),
        }
    }

    // 3: the selected profile.
    if settings.files_ignored {
        found.skip("profiles", settings.looked_in());
    } else {
        match profile::provider(settings, &env, vpc)? {
            Some((provider, origin)) => {
                found.choose(provider, origin);
                return Ok(found);
            }
            None => found.skip("profiles", profile::why_none(settings)),
        }
    }

    // 4: the INI file.
    if settings.files_ignored {
        found.skip("credentials file", settings.looked_in());
    } else {
        let section = settings
            .profile
            .as_ref()
            .filter(|p| !matches!(p.source, Source::FileDefault { .. } | Source::Derived(_)));
        match ini::provider(&env, section.map(|p| p.value.as_str()), vpc)? {
            Ok((provider, origin)) => {
                found.choose(provider, origin);
                return Ok(found);
            }
            Err(why) => found.skip("credentials file", why),
        }
    }

    // 5: the ECS instance role: only where it is configured or this is an ECS instance.
    if env(ENV_ECS_METADATA_DISABLED).is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        found.skip("ECS instance role", format!("{ENV_ECS_METADATA_DISABLED}=true"));
    } else {
        let role_name = env(ENV_ECS_METADATA);
        let why = if role_name.is_some() {
            Some(format!("{ENV_ECS_METADATA} names the role"))
        } else {
            ecs::on_alibaba_cloud(&input.dmi_dir)
        };
        match why {
            Some(why) => {
                let metadata = ecs::Metadata::from_env(&env, role_name)?;
                found.choose(Provider::EcsRole(metadata), format!("the ECS metadata server ({why})"));
                return Ok(found);
            }
            None => found.skip(
                "ECS instance role",
                format!(
                    "not an Alibaba Cloud ECS instance (by {}) and {ENV_ECS_METADATA} not set",
                    input.dmi_dir.display()
                ),
            ),
        }
    }

    // 6: a credentials URI.
    match env(ENV_CREDENTIALS_URI) {
        Some(uri) => {
            let url = uri::parse(&uri, ENV_CREDENTIALS_URI)?;
            found.choose(Provider::Uri(url), format!("environment ({ENV_CREDENTIALS_URI})"));
        }
        None => found.skip("credentials URI", format!("{ENV_CREDENTIALS_URI} not set")),
    }
    Ok(found)
}

/// Whether IMDSv1 may be used when no IMDSv2 token can be had.
fn imdsv1_allowed(env: Env) -> bool {
    !env(ENV_IMDSV1_DISABLED).is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::testing::*;
    use crate::config::vars::*;
    use crate::config::{FileUse, Overrides, Sourced};

    /// The test environment never reaches the metadata server or a real INI file.
    fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
        let mut all: Vec<(&str, &str)> = vec![
            (ENV_ECS_METADATA_DISABLED, "true"),
            (ENV_CREDENTIALS_FILE, "/nonexistent/slbctl-test-credentials.ini"),
        ];
        all.extend_from_slice(vars);
        crate::config::testing::env_of(&all)
    }

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
        let dmi = tempfile::tempdir().unwrap();
        let input = ChainInput {
            settings: &settings,
            env,
            profile_by_flag: settings.profile.as_ref().is_some_and(|p| p.source == Source::Flag("--profile")),
            dmi_dir: dmi.path().to_path_buf(),
        };
        let resolution = super::resolve(&input)?;
        let credentials = resolution.chosen.map(|chosen| match chosen.provider {
            Provider::Static(credentials) => credentials,
            other => panic!("not static credentials: {other:?}"),
        });
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
        let o =
            Overrides { profile: Some(Sourced::new("bearer", Source::Flag("--profile"))), ..f.overrides() };
        let err = resolve(&o, &env_of(&[])).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(
            err.to_string().contains("uses mode \"BearerToken\", which slbctl does not support"),
            "{err}"
        );
        // ... but environment credentials make the mode of a profile chosen by a
        // variable irrelevant.
        let o = Overrides {
            profile: Some(Sourced::new("bearer", Source::Env(ENV_SLBCTL_PROFILE))),
            ..f.overrides()
        };
        let env = env_of(&[(ENV_ACCESS_KEY_ID, "LTAIenv"), (ENV_ACCESS_KEY_SECRET, "s")]);
        assert_eq!(resolve(&o, &env).unwrap().region.unwrap().value, "eu-west-1");
    }

    #[test]
    fn a_profile_named_by_the_flag_beats_credential_variables() {
        let f = fixture(no_slbctl_file(), Some(ALIYUN));
        let env = env_of(&[(ENV_ACCESS_KEY_ID, "LTAIenv"), (ENV_ACCESS_KEY_SECRET, "s")]);
        let by_flag =
            Overrides { profile: Some(Sourced::new("dev", Source::Flag("--profile"))), ..f.overrides() };
        assert_eq!(resolve(&by_flag, &env).unwrap().credentials.unwrap().access_key_id, "LTAIaliyundev");
        let by_variable = Overrides {
            profile: Some(Sourced::new("dev", Source::Env(ENV_SLBCTL_PROFILE))),
            ..f.overrides()
        };
        assert_eq!(resolve(&by_variable, &env).unwrap().credentials.unwrap().access_key_id, "LTAIenv");
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
