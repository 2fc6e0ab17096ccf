//! Where settings and credentials come from: flags, the environment, the profile file.
//!
//! Each value is resolved on its own, first found wins: flag (never for secrets) →
//! environment → selected profile. Credentials are resolved as a set (id, secret and
//! optional STS token come from one place), so a key id from one source is never paired
//! with a secret from another.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

use crate::error::{Error, Result, quote};
use crate::secret::Secret;

pub const ENV_ACCESS_KEY_ID: &str = "ALIBABA_CLOUD_ACCESS_KEY_ID";
pub const ENV_ACCESS_KEY_SECRET: &str = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
pub const ENV_SECURITY_TOKEN: &str = "ALIBABA_CLOUD_SECURITY_TOKEN";

/// The profile used when neither a flag, the environment nor the file names one.
pub const DEFAULT_PROFILE: &str = "default";

/// The TOML profile file, as written by users.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    pub default_profile: Option<String>,
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// One `[profiles.NAME]` table. Unknown keys are refused, so a typo such as
/// `acess_key_id` fails loudly instead of silently dropping a credential.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub access_key_id: Option<String>,
    pub access_key_secret: Option<Secret>,
    pub security_token: Option<Secret>,
    pub region: Option<String>,
    pub endpoint: Option<String>,
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret::new)
    }
}

/// Access key credentials, with where they were found (for messages and `-v`).
#[derive(Debug, Clone)]
pub struct Credentials {
    pub access_key_id: String,
    pub access_key_secret: Secret,
    pub security_token: Option<Secret>,
    pub source: Source,
}

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag,
    Env(&'static str),
    Profile { file: PathBuf, name: String },
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Flag => f.write_str("command line"),
            Source::Env(var) => write!(f, "environment variable {var}"),
            Source::Profile { file, name } => write!(f, "profile {name:?} in {}", file.display()),
        }
    }
}

/// What the command line contributes to resolution.
#[derive(Debug, Default)]
pub struct Overrides<'a> {
    pub profile: Option<&'a str>,
    pub config_path: Option<&'a Path>,
    pub region: Option<&'a str>,
    pub endpoint: Option<&'a str>,
}

/// Everything resolved, before validation of the individual values.
#[derive(Debug)]
pub struct Settings {
    pub region: Option<String>,
    pub endpoint: Option<String>,
    pub credentials: Option<Credentials>,
    /// The file that was (or would have been) read, for messages.
    pub config_path: Option<PathBuf>,
    /// Whether that file exists and was read.
    pub config_found: bool,
    /// The profile in use, if any.
    pub profile: Option<String>,
}

/// Resolve settings from the command line, the environment (through `env`, so tests
/// need not touch the process environment) and the profile file.
pub fn resolve(overrides: &Overrides, env: &dyn Fn(&str) -> Option<String>) -> Result<Settings> {
    let env = |name: &str| env(name).filter(|v| !v.is_empty());

    let (config_path, explicit_path) = match overrides.config_path {
        Some(p) => (Some(p.to_path_buf()), true),
        None => (default_config_path(), false),
    };
    let file = match &config_path {
        Some(path) => load_file(path, explicit_path)?,
        None => None,
    };
    let (profile_name, profile) =
        select_profile(overrides.profile, file.as_ref(), config_path.as_deref())?;
    let profile_source = |name: &str| Source::Profile {
        file: config_path.clone().unwrap_or_default(),
        name: name.to_owned(),
    };

    let credentials = match (env(ENV_ACCESS_KEY_ID), env(ENV_ACCESS_KEY_SECRET)) {
        (Some(id), Some(secret)) => Some(Credentials {
            access_key_id: id,
            access_key_secret: Secret::new(secret),
            security_token: env(ENV_SECURITY_TOKEN).map(Secret::new),
            source: Source::Env(ENV_ACCESS_KEY_ID),
        }),
        (Some(_), None) | (None, Some(_)) => {
            return Err(Error::config(format!(
                "{ENV_ACCESS_KEY_ID} and {ENV_ACCESS_KEY_SECRET} must be set together, but only one is set"
            )));
        }
        (None, None) => match (&profile_name, &profile) {
            (Some(name), Some(p)) => profile_credentials(p, profile_source(name))?,
            _ => None,
        },
    };

    Ok(Settings {
        region: overrides
            .region
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .or_else(|| profile.as_ref().and_then(|p| p.region.clone())),
        endpoint: overrides
            .endpoint
            .filter(|e| !e.is_empty())
            .map(str::to_owned)
            .or_else(|| profile.as_ref().and_then(|p| p.endpoint.clone())),
        credentials,
        config_found: file.is_some(),
        config_path,
        profile: profile_name,
    })
}

/// `<config dir>/slbctl/config.toml`: `~/.config/slbctl/config.toml` on Linux.
pub fn default_config_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("slbctl").join("config.toml"))
}

/// Read and parse the profile file. A missing file is an error only when the user named
/// it; the default location may well not exist.
fn load_file(path: &Path, explicit: bool) -> Result<Option<ConfigFile>> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => return Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::config(format!(
                "config file {} does not exist",
                path.display()
            )));
        }
        Err(e) => {
            return Err(Error::config(format!(
                "cannot read config file {}: {}",
                path.display(),
                io_reason(&e)
            )));
        }
    };
    parse_file(&text)
        .map(Some)
        .map_err(|e| Error::config(format!("config file {}: {e}", path.display())))
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::IsADirectory => "it is a directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::InvalidData => "it is not UTF-8 text".to_owned(),
        _ => e.to_string(),
    }
}

/// Parse the TOML text; the error is one line with the line and column.
pub fn parse_file(text: &str) -> std::result::Result<ConfigFile, String> {
    toml::from_str(text).map_err(|e| {
        let message = e.message().trim().replace('\n', " ");
        match e.span() {
            Some(span) => {
                let (line, column) = line_and_column(text, span.start);
                format!("line {line}, column {column}: {message}")
            }
            None => message,
        }
    })
}

/// 1-based line and column (in characters) of a byte offset.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Choose the profile: the one named on the command line or in `SLBCTL_PROFILE`, else the
/// file's `default_profile`, else one called "default" if it exists.
fn select_profile(
    requested: Option<&str>,
    file: Option<&ConfigFile>,
    path: Option<&Path>,
) -> Result<(Option<String>, Option<Profile>)> {
    let shown_path = || {
        path.map_or_else(
            || "(no config directory)".to_owned(),
            |p| p.display().to_string(),
        )
    };
    let requested = requested.filter(|r| !r.is_empty());
    let Some(file) = file else {
        return match requested {
            Some(name) => Err(Error::config(format!(
                "profile {} was asked for, but there is no config file at {}",
                quote(name),
                shown_path()
            ))),
            None => Ok((None, None)),
        };
    };
    let (name, must_exist) = match (requested, &file.default_profile) {
        (Some(name), _) => (name.to_owned(), true),
        (None, Some(name)) => (name.clone(), true),
        (None, None) => (DEFAULT_PROFILE.to_owned(), false),
    };
    match file.profiles.get(&name) {
        Some(profile) => Ok((Some(name), Some(profile.clone()))),
        None if must_exist => {
            let known: Vec<&str> = file.profiles.keys().map(String::as_str).collect();
            Err(Error::config(format!(
                "profile {} not found in {} (profiles there: {})",
                quote(&name),
                shown_path(),
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            )))
        }
        None => Ok((None, None)),
    }
}

fn profile_credentials(profile: &Profile, source: Source) -> Result<Option<Credentials>> {
    let id = profile.access_key_id.clone().filter(|v| !v.is_empty());
    let secret = profile.access_key_secret.clone().filter(|v| !v.is_empty());
    match (id, secret) {
        (Some(access_key_id), Some(access_key_secret)) => Ok(Some(Credentials {
            access_key_id,
            access_key_secret,
            security_token: profile.security_token.clone().filter(|t| !t.is_empty()),
            source,
        })),
        (None, None) => Ok(None),
        (Some(_), None) => Err(Error::config(format!(
            "{source} has access_key_id but no access_key_secret"
        ))),
        (None, Some(_)) => Err(Error::config(format!(
            "{source} has access_key_secret but no access_key_id"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn write_config(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
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

    #[test]
    fn file_default_profile_is_used_when_none_is_requested() {
        let (_dir, path) = write_config(TWO_PROFILES);
        let o = Overrides {
            config_path: Some(&path),
            ..Default::default()
        };
        let s = resolve(&o, &env_of(&[])).unwrap();
        assert_eq!(s.profile.as_deref(), Some("prod"));
        assert_eq!(s.region.as_deref(), Some("cn-hangzhou"));
        let c = s.credentials.unwrap();
        assert_eq!(c.access_key_id, "LTAIprod");
        assert_eq!(c.access_key_secret.expose(), "prod-secret");
        assert!(c.security_token.is_none());
    }

    #[test]
    fn requested_profile_wins_and_brings_its_token_and_endpoint() {
        let (_dir, path) = write_config(TWO_PROFILES);
        let o = Overrides {
            config_path: Some(&path),
            profile: Some("dev"),
            ..Default::default()
        };
        let s = resolve(&o, &env_of(&[])).unwrap();
        assert_eq!(s.region.as_deref(), Some("cn-beijing"));
        assert_eq!(s.endpoint.as_deref(), Some("http://127.0.0.1:9"));
        assert_eq!(
            s.credentials.unwrap().security_token.unwrap().expose(),
            "dev-token"
        );
    }

    #[test]
    fn environment_credentials_beat_the_profile_but_flags_beat_profile_region() {
        let (_dir, path) = write_config(TWO_PROFILES);
        let o = Overrides {
            config_path: Some(&path),
            region: Some("us-west-1"),
            ..Default::default()
        };
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
        assert_eq!(s.region.as_deref(), Some("us-west-1"));
    }

    #[test]
    fn half_set_environment_credentials_are_an_error_naming_both_variables() {
        let err = resolve(
            &Overrides::default(),
            &env_of(&[(ENV_ACCESS_KEY_ID, "LTAIenv")]),
        )
        .unwrap_err();
        assert_eq!(err.exit_code(), 3);
        let msg = err.to_string();
        assert!(
            msg.contains(ENV_ACCESS_KEY_ID) && msg.contains(ENV_ACCESS_KEY_SECRET),
            "{msg}"
        );
    }

    #[test]
    fn empty_environment_values_count_as_unset() {
        let env = env_of(&[(ENV_ACCESS_KEY_ID, ""), (ENV_ACCESS_KEY_SECRET, "")]);
        let (_dir, path) = write_config("");
        let o = Overrides {
            config_path: Some(&path),
            ..Default::default()
        };
        assert!(resolve(&o, &env).unwrap().credentials.is_none());
    }

    #[test]
    fn unknown_requested_profile_lists_the_known_ones() {
        let (_dir, path) = write_config(TWO_PROFILES);
        let o = Overrides {
            config_path: Some(&path),
            profile: Some("staging"),
            ..Default::default()
        };
        let msg = resolve(&o, &env_of(&[])).unwrap_err().to_string();
        assert!(
            msg.contains("\"staging\" not found") && msg.contains("dev, prod"),
            "{msg}"
        );
    }

    #[test]
    fn missing_explicit_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nope.toml");
        let o = Overrides {
            config_path: Some(&path),
            ..Default::default()
        };
        let err = resolve(&o, &env_of(&[])).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(err.to_string().contains("does not exist"), "{err}");
    }

    #[test]
    fn a_directory_as_config_file_is_a_config_error() {
        let dir = tempfile::tempdir().unwrap();
        let o = Overrides {
            config_path: Some(dir.path()),
            ..Default::default()
        };
        let err = resolve(&o, &env_of(&[])).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(err.to_string().contains("directory"), "{err}");
    }

    #[test]
    fn malformed_toml_names_line_and_column() {
        let err = parse_file("[profiles.a]\naccess_key_id = \n").unwrap_err();
        assert!(err.starts_with("line 2, column "), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }

    #[test]
    fn typo_in_a_key_is_refused_by_name() {
        let err = parse_file("[profiles.a]\nacess_key_id = \"x\"\n").unwrap_err();
        assert!(err.contains("acess_key_id"), "{err}");
    }

    #[test]
    fn half_a_key_pair_in_a_profile_is_an_error() {
        let (_dir, path) = write_config("[profiles.default]\naccess_key_id = \"LTAIx\"\n");
        let o = Overrides {
            config_path: Some(&path),
            ..Default::default()
        };
        let err = resolve(&o, &env_of(&[])).unwrap_err();
        assert!(err.to_string().contains("no access_key_secret"), "{err}");
    }

    #[test]
    fn no_default_profile_and_none_requested_means_no_profile() {
        let (_dir, path) = write_config("[profiles.other]\nregion = \"cn-beijing\"\n");
        let o = Overrides {
            config_path: Some(&path),
            ..Default::default()
        };
        let s = resolve(&o, &env_of(&[])).unwrap();
        assert!(s.profile.is_none() && s.region.is_none() && s.credentials.is_none());
    }
}
