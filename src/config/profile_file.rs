//! slbctl's own profile file (TOML): reading it strictly, and updating one profile in
//! place for `slbctl configure` without losing other profiles or comments.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

use crate::error::{Error, Result};
use crate::output;
use crate::secret::Secret;

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
    /// The audit log of change calls (`--audit-log`).
    pub audit_log: Option<PathBuf>,
    /// The ALB endpoint (`endpoint` is CLB's).
    pub alb_endpoint: Option<String>,
    /// The NLB endpoint.
    pub nlb_endpoint: Option<String>,
    /// `public` or `vpc`.
    pub endpoint_type: Option<crate::api::endpoint::EndpointType>,

    // Temporary credentials (see the credentials layer for how they combine):
    /// Assume this RAM role (AssumeRole, or AssumeRoleWithOIDC with `oidc_*`).
    pub role_arn: Option<String>,
    /// The session name; by default `slbctl-<unix seconds>`.
    pub role_session_name: Option<String>,
    pub external_id: Option<String>,
    /// 900 or more; by default 3600.
    pub duration_seconds: Option<u64>,
    /// A JSON policy that narrows the role's permissions for the session.
    pub policy: Option<String>,
    /// Assume `role_arn` with the credentials of another slbctl profile.
    pub source_profile: Option<String>,
    /// `ecs_ram_role`: the instance's RAM role (alone, or as the source of `role_arn`).
    pub credential_source: Option<CredentialSource>,
    /// The instance role's name with `credential_source = "ecs_ram_role"`; discovered
    /// from the metadata server when absent.
    pub ram_role_name: Option<String>,
    pub oidc_provider_arn: Option<String>,
    pub oidc_token_file: Option<PathBuf>,
    /// Fetch credentials from this URL (the `ALIBABA_CLOUD_CREDENTIALS_URI` protocol).
    pub credentials_uri: Option<String>,
    /// The STS endpoint (a host or a URL); by default derived from `sts_region`.
    pub sts_endpoint: Option<String>,
    pub sts_region: Option<String>,
}

impl Profile {
    /// What kind of credentials the profile yields, as `config list` shows it.
    pub fn credential_kind(&self) -> &'static str {
        let has_keys = self.access_key_id.is_some() && self.access_key_secret.is_some();
        if self.credentials_uri.is_some() {
            "CredentialsURI"
        } else if self.oidc_provider_arn.is_some() || self.oidc_token_file.is_some() {
            "OIDC"
        } else if self.role_arn.is_some() {
            "RamRoleArn"
        } else if self.credential_source.is_some() {
            "EcsRamRole"
        } else if has_keys && self.security_token.is_some() {
            "StsToken"
        } else if has_keys {
            "AK"
        } else {
            "none"
        }
    }
}

/// Where a profile's source credentials come from, when not from its own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CredentialSource {
    /// The RAM role of the ECS instance slbctl runs on (metadata server).
    EcsRamRole,
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret::new)
    }
}

/// `<config dir>/slbctl/config.toml`: `~/.config/slbctl/config.toml` on Linux.
pub fn default_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("slbctl").join("config.toml"))
}

/// Read a settings file's text. A missing file is `None` unless the user named it;
/// any other problem is a configuration error naming the file. Warns (as ssh does) when
/// the file, which holds secrets, is open to group or others.
pub fn read_text(path: &Path, explicit: bool) -> Result<Option<String>> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            warn_if_open_to_others(path);
            Ok(Some(text))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Err(Error::config(format!("config file {} does not exist", path.display())))
        }
        Err(e) => {
            Err(Error::config(format!("cannot read config file {}: {}", path.display(), io_reason(&e))))
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::IsADirectory => "it is a directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::InvalidData => "it is not UTF-8 text".to_owned(),
        _ => e.to_string(),
    }
}

#[cfg(unix)]
fn warn_if_open_to_others(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.permissions().mode() & 0o077 != 0 {
            output::warn(&format!(
                "{} holds credentials but is accessible by group or others; run: chmod 600 {}",
                path.display(),
                path.display()
            ));
        }
    }
}

#[cfg(not(unix))]
fn warn_if_open_to_others(_path: &Path) {}

/// Read and parse the profile file at `path` (see [`read_text`] for a missing file).
pub fn load(path: &Path, explicit: bool) -> Result<Option<ConfigFile>> {
    let Some(text) = read_text(path, explicit)? else {
        return Ok(None);
    };
    parse(&text).map(Some).map_err(|e| Error::config(format!("config file {}: {e}", path.display())))
}

/// Parse the TOML text; the error is one line with the line and column.
pub fn parse(text: &str) -> std::result::Result<ConfigFile, String> {
    toml::from_str(text).map_err(|e| {
        let message = e.message().trim().replace('\n', " ");
        // serde lists every key a profile takes; name the unknown one and stop there.
        let message = match message.split_once(", expected one of") {
            Some((unknown, _)) if unknown.starts_with("unknown field") => {
                format!("{unknown} (README \"Credentials\" lists the keys a profile takes)")
            }
            _ => message,
        };
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
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The values `configure` writes into one profile.
pub struct ProfileUpdate<'a> {
    pub access_key_id: &'a str,
    pub access_key_secret: &'a Secret,
    pub region: &'a str,
}

/// Write or update `[profiles.NAME]` in the file at `path`, keeping every other profile,
/// key and comment. The directory is created with mode 0700 and the file is written
/// with mode 0600, through a temporary file and a rename so it is never half-written.
pub fn write_profile(path: &Path, name: &str, update: &ProfileUpdate) -> Result<()> {
    let existing = read_text(path, false)?.unwrap_or_default();
    // Refuse to rewrite a file we could not read back: better than dropping its content.
    parse(&existing).map_err(|e| Error::config(format!("config file {}: {e}", path.display())))?;
    let mut doc: toml_edit::DocumentMut =
        existing.parse().map_err(|e| Error::config(format!("config file {}: {e}", path.display())))?;
    let profiles = doc
        .entry("profiles")
        .or_insert_with(|| {
            let mut table = toml_edit::Table::new();
            table.set_implicit(true);
            toml_edit::Item::Table(table)
        })
        .as_table_mut()
        .ok_or_else(|| Error::config(format!("config file {}: `profiles` is not a table", path.display())))?;
    let profile = profiles
        .entry(name)
        .or_insert_with(|| toml_edit::Item::Table(toml_edit::Table::new()))
        .as_table_mut()
        .ok_or_else(|| {
            Error::config(format!("config file {}: profile {name:?} is not a table", path.display()))
        })?;
    profile["access_key_id"] = toml_edit::value(update.access_key_id);
    profile["access_key_secret"] = toml_edit::value(update.access_key_secret.expose());
    profile["region"] = toml_edit::value(update.region);
    write_private(path, doc.to_string().as_bytes())
}

/// Write `bytes` to `path` readable only by its owner.
fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let fail =
        |what: &str, e: std::io::Error| Error::config(format!("cannot {what} {}: {e}", path.display()));
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    create_private_dir(dir).map_err(|e| fail("create the directory of", e))?;
    let temp = dir.join(format!(
        ".{}.tmp-{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("config"),
        std::process::id()
    ));
    let result = (|| {
        let mut file = private_file_options().open(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result.map_err(|e| fail("write", e))
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

fn private_file_options() -> std::fs::OpenOptions {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_toml_names_line_and_column() {
        let err = parse("[profiles.a]\naccess_key_id = \n").unwrap_err();
        assert!(err.starts_with("line 2, column "), "{err}");
        assert!(!err.contains('\n'), "{err}");
    }

    #[test]
    fn typo_in_a_key_is_refused_by_name() {
        let err = parse("[profiles.a]\nacess_key_id = \"x\"\n").unwrap_err();
        assert!(err.contains("acess_key_id"), "{err}");
    }

    #[test]
    fn writing_a_profile_keeps_other_profiles_and_comments() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let before = "# my settings\ndefault_profile = \"prod\"\n\n[profiles.prod] # production\nregion = \"cn-hangzhou\"\nendpoint = \"https://slb-vpc.cn-hangzhou.aliyuncs.com\"\n\n[profiles.other]\nregion = \"us-west-1\"\n";
        std::fs::write(&path, before).unwrap();
        let secret = Secret::new("s3cret");
        let update =
            ProfileUpdate { access_key_id: "LTAInew", access_key_secret: &secret, region: "cn-beijing" };
        write_profile(&path, "prod", &update).unwrap();
        let after = std::fs::read_to_string(&path).unwrap();
        assert!(after.starts_with("# my settings\n"), "{after}");
        assert!(after.contains("[profiles.prod] # production"), "{after}");
        assert!(after.contains("endpoint = \"https://slb-vpc.cn-hangzhou.aliyuncs.com\""), "{after}");
        assert!(after.contains("[profiles.other]\nregion = \"us-west-1\""), "{after}");
        let parsed = parse(&after).unwrap();
        let prod = &parsed.profiles["prod"];
        assert_eq!(prod.access_key_id.as_deref(), Some("LTAInew"));
        assert_eq!(prod.access_key_secret.as_ref().unwrap().expose(), "s3cret");
        assert_eq!(prod.region.as_deref(), Some("cn-beijing"));
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_private_in_a_private_directory() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new").join("config.toml");
        let secret = Secret::new("x");
        let update =
            ProfileUpdate { access_key_id: "LTAIa", access_key_secret: &secret, region: "cn-hangzhou" };
        write_profile(&path, "default", &update).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
        let parsed = parse(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert!(parsed.profiles.contains_key("default"));
    }

    #[test]
    fn a_file_that_does_not_parse_is_not_rewritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "[profiles.a\n").unwrap();
        let secret = Secret::new("x");
        let update =
            ProfileUpdate { access_key_id: "LTAIa", access_key_secret: &secret, region: "cn-hangzhou" };
        assert!(write_profile(&path, "a", &update).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "[profiles.a\n");
    }
}
