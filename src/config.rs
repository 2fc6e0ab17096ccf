//! Where settings and credentials come from, and the source of every value.
//!
//! Each value is resolved on its own, first found wins: command-line flag (never for
//! secrets) → environment → the selected slbctl profile → the selected `aliyun` CLI
//! profile. The environment beats files, as in the AWS CLI. Credentials are resolved
//! as a set (id, secret and optional STS token come from one place), so a key id from
//! one source is never paired with a secret from another.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::aliyun_config::{self, AliyunConfig, AliyunProfile, Mode};
pub use crate::credentials::Credentials;
use crate::credentials::{aliyun_credentials, env_credentials, profile_credentials};
use crate::endpoint::{self, EndpointType};
use crate::error::{Error, Result, quote};
use crate::profile_file::{self, ConfigFile, Profile};

pub const ENV_ACCESS_KEY_ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
pub const ENV_ACCESS_KEY_SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
pub const ENV_SECURITY_TOKEN: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";
pub const ENV_REGION: &str = "ALIBABA_CLOUD_REGION_ID";
pub const ENV_PROFILE: &str = "ALIBABA_CLOUD_PROFILE";
pub const ENV_IGNORE_PROFILE: &str = "ALIBABA_CLOUD_IGNORE_PROFILE";
pub const ENV_ENDPOINT_TYPE: &str = "ALIBABA_CLOUD_ENDPOINT_TYPE";
pub const ENV_CA_BUNDLE: &str = "SLBCTL_CA_BUNDLE";
/// The OpenSSL convention for an extra CA bundle, honoured as a fallback.
pub const ENV_SSL_CERT_FILE: &str = "SSL_CERT_FILE";

/// The older `ALICLOUD_*` spellings (Terraform's provider still documents them).
pub const LEGACY_ACCESS_KEY_ID: &str = "ALICLOUD_ACCESS_KEY_ID";
pub const LEGACY_ACCESS_KEY_SECRET: &str = "ALICLOUD_ACCESS_KEY_SECRET";
pub const LEGACY_SECURITY_TOKEN: &str = "ALICLOUD_SECURITY_TOKEN";
pub const LEGACY_REGION: &str = "ALICLOUD_REGION_ID";

/// The slbctl profile used when nothing names one.
pub const DEFAULT_PROFILE: &str = "default";

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A command-line flag, e.g. `--region`.
    Flag(&'static str),
    /// An environment variable.
    Env(&'static str),
    /// A profile of slbctl's TOML file.
    Profile { file: PathBuf, name: String },
    /// A profile of the aliyun CLI's config.json.
    AliyunProfile { file: PathBuf, name: String },
    /// A file's own choice of profile (`default_profile`, or aliyun's `current`).
    FileDefault { file: PathBuf, key: &'static str },
    /// Built in or derived (the profile name "default", an endpoint from the region).
    Derived(String),
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag(flag) => write!(f, "flag {flag}"),
            Source::Env(var) => write!(f, "environment variable {var}"),
            Source::Profile { file, name } => write!(f, "profile {name:?} in {}", file.display()),
            Source::AliyunProfile { file, name } => {
                write!(f, "aliyun CLI profile {name:?} in {}", file.display())
            }
            Source::FileDefault { file, key } => write!(f, "{key} in {}", file.display()),
            Source::Derived(why) => f.write_str(why),
        }
    }
}

/// A value with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sourced<T> {
    pub value: T,
    pub source: Source,
}

impl<T> Sourced<T> {
    pub fn new(value: T, source: Source) -> Self {
        Sourced { value, source }
    }
}

/// What the command line contributes (flags, and the environment variables clap reads
/// for them, each with its source).
#[derive(Debug, Default)]
pub struct Overrides<'a> {
    pub profile: Option<Sourced<&'a str>>,
    pub config_path: Option<&'a Path>,
    pub region: Option<Sourced<&'a str>>,
    pub endpoint: Option<Sourced<&'a str>>,
    pub endpoint_type: Option<Sourced<EndpointType>>,
    pub ca_bundle: Option<Sourced<&'a Path>>,
    /// The aliyun CLI file; None means `~/.aliyun/config.json`.
    pub aliyun_path: Option<&'a Path>,
}

/// A settings file slbctl looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileUse {
    pub path: PathBuf,
    /// "slbctl" or "aliyun".
    pub kind: &'static str,
    pub found: bool,
}

/// Everything resolved, before the individual values are validated.
#[derive(Debug, Default)]
pub struct Settings {
    pub profile: Option<Sourced<String>>,
    pub region: Option<Sourced<String>>,
    /// A configured endpoint (flag, environment, profile); None means derive it.
    pub endpoint: Option<Sourced<String>>,
    /// Public or VPC, for a derived endpoint.
    pub endpoint_type: Option<Sourced<EndpointType>>,
    /// Extra trusted CA certificates (PEM).
    pub ca_bundle: Option<Sourced<PathBuf>>,
    pub credentials: Option<Credentials>,
    /// The files looked at, in order of precedence.
    pub files: Vec<FileUse>,
    /// True when ALIBABA_CLOUD_IGNORE_PROFILE skipped every file.
    pub files_ignored: bool,
}

impl Settings {
    /// Where the files were looked for, for error messages.
    pub fn looked_in(&self) -> String {
        if self.files_ignored {
            return format!("profile files skipped by {ENV_IGNORE_PROFILE}");
        }
        let described: Vec<String> = self
            .files
            .iter()
            .map(|f| format!("{}{}", f.path.display(), if f.found { "" } else { " (absent)" }))
            .collect();
        described.join(", ")
    }
}

/// Resolve settings for a parsed command line, from the process environment.
pub fn resolve_for(global: &crate::cli::GlobalArgs) -> Result<Settings> {
    use crate::cli::ArgSource;
    fn sourced<'a, T: ?Sized>(
        value: Option<&'a T>,
        source: ArgSource,
        flag: &'static str,
        var: &'static str,
    ) -> Option<Sourced<&'a T>> {
        let source = if source == ArgSource::Env { Source::Env(var) } else { Source::Flag(flag) };
        value.map(|v| Sourced::new(v, source))
    }
    let sources = &global.sources;
    let overrides = Overrides {
        profile: sourced(global.profile.as_deref(), sources.profile, "--profile", "SLBCTL_PROFILE"),
        config_path: global.config.as_deref(),
        region: sourced(global.region.as_deref(), sources.region, "--region", ENV_REGION),
        endpoint: sourced(global.endpoint.as_deref(), sources.endpoint, "--endpoint", "SLBCTL_ENDPOINT"),
        endpoint_type: sourced(
            global.endpoint_type.as_ref(),
            sources.endpoint_type,
            "--endpoint-type",
            ENV_ENDPOINT_TYPE,
        )
        .map(|t| Sourced::new(*t.value, t.source)),
        ca_bundle: sourced(global.ca_bundle.as_deref(), sources.ca_bundle, "--ca-bundle", ENV_CA_BUNDLE),
        aliyun_path: None,
    };
    resolve(&overrides, &|name| std::env::var(name).ok())
}

/// The endpoint a command would use, unparsed: the configured one, else the one derived
/// from the region (public or VPC). None without either.
pub fn effective_endpoint(settings: &Settings) -> Option<Sourced<String>> {
    if let Some(configured) = &settings.endpoint {
        return Some(configured.clone());
    }
    let region = settings.region.as_ref()?;
    let endpoint_type = settings.endpoint_type.as_ref().map(|t| t.value).unwrap_or_default();
    let why = match (&settings.endpoint_type, endpoint_type) {
        (Some(t), EndpointType::Vpc) => {
            format!("derived from region {} and endpoint type vpc ({})", region.value, t.source)
        }
        _ => format!("derived from region {}", region.value),
    };
    Some(Sourced::new(endpoint::for_region(&region.value, endpoint_type), Source::Derived(why)))
}

/// One profile as `slbctl config list` shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ProfileSummary {
    pub name: String,
    /// "slbctl" or "aliyun".
    pub kind: &'static str,
    pub file: PathBuf,
    pub region: Option<String>,
    /// "AK", "StsToken", "none", or the unsupported mode's name.
    pub credentials: String,
    /// Whether the file selects it when no profile is asked for.
    pub is_default: bool,
}

/// Every profile in both files (missing files contribute nothing).
pub fn list_profiles(config_path: Option<&Path>, aliyun_path: Option<&Path>) -> Result<Vec<ProfileSummary>> {
    let mut uses = Vec::new();
    let overrides = Overrides { config_path, aliyun_path, ..Default::default() };
    let files = load_files(&overrides, &mut uses)?;
    let mut summaries = Vec::new();
    if let Some((path, file)) = &files.slbctl {
        let default = file.default_profile.as_deref().unwrap_or(DEFAULT_PROFILE);
        for (name, profile) in &file.profiles {
            let has_keys = profile.access_key_id.is_some() && profile.access_key_secret.is_some();
            let credentials = match (has_keys, &profile.security_token) {
                (false, _) => "none",
                (true, Some(_)) => "StsToken",
                (true, None) => "AK",
            };
            summaries.push(ProfileSummary {
                name: name.clone(),
                kind: "slbctl",
                file: path.clone(),
                region: profile.region.clone(),
                credentials: credentials.to_owned(),
                is_default: name == default,
            });
        }
    }
    if let Some((path, file)) = &files.aliyun {
        let current = file.current.as_deref().filter(|c| !c.is_empty()).unwrap_or(DEFAULT_PROFILE);
        for profile in &file.profiles {
            let credentials = match profile.supported_mode(path) {
                Ok(Mode::AccessKey) => "AK".to_owned(),
                Ok(Mode::StsToken) => "StsToken".to_owned(),
                Err(_) => format!("{} (unsupported)", profile.mode),
            };
            summaries.push(ProfileSummary {
                name: profile.name.clone(),
                kind: "aliyun",
                file: path.clone(),
                region: profile.region_id.clone().filter(|r| !r.is_empty()),
                credentials,
                is_default: profile.name == current,
            });
        }
    }
    Ok(summaries)
}

/// Both profile files as loaded (either may be absent).
struct Files {
    slbctl: Option<(PathBuf, ConfigFile)>,
    aliyun: Option<(PathBuf, AliyunConfig)>,
}

/// Resolve settings from the command line, the environment (through `env`, so tests
/// need not touch the process environment) and the profile files.
pub fn resolve(overrides: &Overrides, env: &dyn Fn(&str) -> Option<String>) -> Result<Settings> {
    let env = |name: &str| env(name).filter(|v| !v.is_empty());
    let mut settings = Settings::default();

    let ignore = env(ENV_IGNORE_PROFILE).is_some_and(|v| v.eq_ignore_ascii_case("true"));
    settings.files_ignored = ignore;
    let files = if ignore {
        Files { slbctl: None, aliyun: None }
    } else {
        load_files(overrides, &mut settings.files)?
    };

    let requested = overrides
        .profile
        .as_ref()
        .filter(|p| !p.value.is_empty())
        .map(|p| Sourced::new(p.value.to_owned(), p.source.clone()))
        .or_else(|| env(ENV_PROFILE).map(|name| Sourced::new(name, Source::Env(ENV_PROFILE))));
    let chosen = choose_profiles(requested, &files, &settings)?;
    settings.profile = chosen.name.clone();
    let slbctl_profile = chosen.slbctl.as_ref();
    let aliyun_profile = chosen.aliyun.as_ref();

    settings.credentials = match env_credentials(&env)? {
        Some(creds) => Some(creds),
        None => match slbctl_profile.map(|(p, source)| profile_credentials(p, source)).transpose()?.flatten()
        {
            Some(creds) => Some(creds),
            None => aliyun_profile.map(|(p, source)| aliyun_credentials(p, source)).transpose()?.flatten(),
        },
    };

    settings.region = overrides
        .region
        .as_ref()
        .filter(|r| !r.value.is_empty())
        .map(|r| Sourced::new(r.value.to_owned(), r.source.clone()))
        .or_else(|| env(LEGACY_REGION).map(|r| Sourced::new(r, Source::Env(LEGACY_REGION))))
        .or_else(|| {
            slbctl_profile.and_then(|(p, source)| p.region.clone().map(|r| Sourced::new(r, source.clone())))
        })
        .or_else(|| {
            aliyun_profile.and_then(|(p, source)| {
                p.region_id.clone().filter(|r| !r.is_empty()).map(|r| Sourced::new(r, source.clone()))
            })
        });

    settings.endpoint = overrides
        .endpoint
        .as_ref()
        .filter(|e| !e.value.is_empty())
        .map(|e| Sourced::new(e.value.to_owned(), e.source.clone()))
        .or_else(|| {
            slbctl_profile.and_then(|(p, source)| p.endpoint.clone().map(|e| Sourced::new(e, source.clone())))
        });

    settings.endpoint_type = overrides.endpoint_type.clone().or_else(|| {
        slbctl_profile.and_then(|(p, source)| p.endpoint_type.map(|t| Sourced::new(t, source.clone())))
    });

    settings.ca_bundle =
        overrides.ca_bundle.as_ref().map(|c| Sourced::new(c.value.to_path_buf(), c.source.clone())).or_else(
            || env(ENV_SSL_CERT_FILE).map(|p| Sourced::new(PathBuf::from(p), Source::Env(ENV_SSL_CERT_FILE))),
        );

    Ok(settings)
}

fn load_files(overrides: &Overrides, uses: &mut Vec<FileUse>) -> Result<Files> {
    let (slbctl_path, explicit) = match overrides.config_path {
        Some(p) => (Some(p.to_path_buf()), true),
        None => (profile_file::default_path(), false),
    };
    let slbctl = match slbctl_path {
        Some(path) => {
            let file = profile_file::load(&path, explicit)?;
            uses.push(FileUse { path: path.clone(), kind: "slbctl", found: file.is_some() });
            file.map(|f| (path, f))
        }
        None => None,
    };
    let aliyun_path = overrides.aliyun_path.map(Path::to_path_buf).or_else(aliyun_config::default_path);
    let aliyun = match aliyun_path {
        Some(path) => {
            let file = aliyun_config::load(&path)?;
            uses.push(FileUse { path: path.clone(), kind: "aliyun", found: file.is_some() });
            file.map(|f| (path, f))
        }
        None => None,
    };
    Ok(Files { slbctl, aliyun })
}

/// The selected profile of each file, with the source each value from it will carry.
struct Chosen {
    name: Option<Sourced<String>>,
    slbctl: Option<(Profile, Source)>,
    aliyun: Option<(AliyunProfile, Source)>,
}

/// Choose the profile: the one asked for (`--profile`, `SLBCTL_PROFILE`,
/// `ALIBABA_CLOUD_PROFILE`), looked up in both files and required in at least one;
/// otherwise each file's own default (`default_profile` or "default"; aliyun's
/// `current`).
fn choose_profiles(requested: Option<Sourced<String>>, files: &Files, settings: &Settings) -> Result<Chosen> {
    let slbctl_source =
        |path: &Path, name: &str| Source::Profile { file: path.to_path_buf(), name: name.to_owned() };
    let aliyun_source =
        |path: &Path, name: &str| Source::AliyunProfile { file: path.to_path_buf(), name: name.to_owned() };

    if let Some(requested) = requested {
        let name = requested.value.as_str();
        let slbctl = files
            .slbctl
            .as_ref()
            .and_then(|(path, file)| file.profiles.get(name).map(|p| (p.clone(), slbctl_source(path, name))));
        let aliyun = files.aliyun.as_ref().and_then(|(path, file)| {
            AliyunProfile::find(file, name).map(|p| (p.clone(), aliyun_source(path, name)))
        });
        if slbctl.is_none() && aliyun.is_none() {
            return Err(unknown_profile(name, files, settings));
        }
        return Ok(Chosen { name: Some(requested), slbctl, aliyun });
    }

    let mut name = None;
    let slbctl = match &files.slbctl {
        Some((path, file)) => match &file.default_profile {
            Some(default) => {
                let profile = file.profiles.get(default).ok_or_else(|| {
                    Error::config(format!(
                        "default_profile {} is not a profile in {} (profiles there: {})",
                        quote(default),
                        path.display(),
                        list(file.profiles.keys())
                    ))
                })?;
                name = Some(Sourced::new(
                    default.clone(),
                    Source::FileDefault { file: path.clone(), key: "default_profile" },
                ));
                Some((profile.clone(), slbctl_source(path, default)))
            }
            None => file.profiles.get(DEFAULT_PROFILE).map(|p| {
                name = Some(Sourced::new(
                    DEFAULT_PROFILE.to_owned(),
                    Source::Derived("the profile named \"default\"".into()),
                ));
                (p.clone(), slbctl_source(path, DEFAULT_PROFILE))
            }),
        },
        None => None,
    };
    let aliyun = files.aliyun.as_ref().and_then(|(path, file)| {
        let current = file.current.as_deref().filter(|c| !c.is_empty()).unwrap_or(DEFAULT_PROFILE);
        AliyunProfile::find(file, current).map(|p| {
            if name.is_none() {
                name = Some(Sourced::new(
                    current.to_owned(),
                    Source::FileDefault { file: path.clone(), key: "current" },
                ));
            }
            (p.clone(), aliyun_source(path, current))
        })
    });
    Ok(Chosen { name, slbctl, aliyun })
}

fn list<'a>(names: impl Iterator<Item = &'a String>) -> String {
    let names: Vec<&str> = names.map(String::as_str).collect();
    if names.is_empty() { "none".to_owned() } else { names.join(", ") }
}

fn unknown_profile(name: &str, files: &Files, settings: &Settings) -> Error {
    let mut places = Vec::new();
    if let Some((path, file)) = &files.slbctl {
        places.push(format!("{} (profiles: {})", path.display(), list(file.profiles.keys())));
    }
    if let Some((path, file)) = &files.aliyun {
        let names: Vec<String> = file.profiles.iter().map(|p| p.name.clone()).collect();
        places.push(format!("{} (profiles: {})", path.display(), list(names.iter())));
    }
    if places.is_empty() {
        Error::config(format!(
            "profile {} was asked for, but there is no config file ({})",
            quote(name),
            settings.looked_in()
        ))
        .with_hint("create one with `slbctl configure --profile NAME`")
    } else {
        Error::config(format!("profile {} not found in {}", quote(name), places.join(" or ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    struct Fixture {
        _dir: tempfile::TempDir,
        slbctl: PathBuf,
        aliyun: PathBuf,
    }

    fn fixture(slbctl: Option<&str>, aliyun: Option<&str>) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let slbctl_path = dir.path().join("config.toml");
        let aliyun_path = dir.path().join("config.json");
        if let Some(text) = slbctl {
            std::fs::write(&slbctl_path, text).unwrap();
        }
        if let Some(text) = aliyun {
            std::fs::write(&aliyun_path, text).unwrap();
        }
        Fixture { _dir: dir, slbctl: slbctl_path, aliyun: aliyun_path }
    }

    impl Fixture {
        fn overrides(&self) -> Overrides<'_> {
            Overrides {
                config_path: Some(&self.slbctl),
                aliyun_path: Some(&self.aliyun),
                ..Default::default()
            }
        }
    }

    /// An explicit --config that may not exist: write an empty file for "no slbctl file".
    fn no_slbctl_file() -> Option<&'static str> {
        Some("")
    }

    fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| map.get(k).cloned()
    }

    const TWO_PROFILES: &str = r#"
default_profile = "prod"

[profiles.prod]
access_key_id = "LTAIprod"
access_key_secret = "prod-secret"
region = "cn-hangzhou"

[profiles.dev]
access_key_id = "LTAIdev"
access_key_secret = "dev-secret"
security_token = "dev-token"
region = "cn-beijing"
endpoint = "http://127.0.0.1:9"
"#;

    const ALIYUN: &str = r#"{"current": "ak", "profiles": [
        {"name": "ak", "mode": "AK", "access_key_id": "LTAIaliyun", "access_key_secret": "aliyun-secret", "sts_token": "", "region_id": "us-west-1"},
        {"name": "sts", "mode": "StsToken", "access_key_id": "STS.aliyun", "access_key_secret": "sts-secret", "sts_token": "sts-token", "region_id": "eu-central-1"},
        {"name": "dev", "mode": "AK", "access_key_id": "LTAIaliyundev", "access_key_secret": "s", "region_id": "ap-south-1"},
        {"name": "role", "mode": "RamRoleArn", "access_key_id": "LTAIrole", "access_key_secret": "r", "region_id": "cn-shanghai"}
    ]}"#;

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
    fn unknown_requested_profile_lists_the_known_ones_in_both_files() {
        let f = fixture(Some(TWO_PROFILES), Some(ALIYUN));
        let o =
            Overrides { profile: Some(Sourced::new("staging", Source::Flag("--profile"))), ..f.overrides() };
        let msg = resolve(&o, &env_of(&[])).unwrap_err().to_string();
        assert!(msg.contains("\"staging\" not found"), "{msg}");
        assert!(msg.contains("dev, prod") && msg.contains("ak, sts, dev, role"), "{msg}");
    }

    #[test]
    fn missing_explicit_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope.toml");
        let o = Overrides { config_path: Some(&path), aliyun_path: Some(&path), ..Default::default() };
        let err = resolve(&o, &env_of(&[])).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(err.to_string().contains("does not exist"), "{err}");
    }

    #[test]
    fn a_directory_as_config_file_is_a_config_error() {
        let dir = tempfile::tempdir().unwrap();
        let o = Overrides { config_path: Some(dir.path()), ..Default::default() };
        let err = resolve(&o, &env_of(&[])).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(err.to_string().contains("directory"), "{err}");
    }

    #[test]
    fn half_a_key_pair_in_a_profile_is_an_error() {
        let f = fixture(Some("[profiles.default]\naccess_key_id = \"LTAIx\"\n"), None);
        let err = resolve(&f.overrides(), &env_of(&[])).unwrap_err();
        assert!(err.to_string().contains("no access_key_secret"), "{err}");
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
}
