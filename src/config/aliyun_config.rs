//! The official `aliyun` CLI's profile file (`~/.aliyun/config.json`), read only.
//!
//! Operators who already use the official CLI have their credentials there; slbctl
//! reads every profile mode that needs no browser and never writes the file. Unknown
//! keys are expected (the CLI stores many), so this reader is lenient where ours is
//! strict.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::profile_file::{line_and_column, read_text};
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::text::quote;

#[derive(Debug, Default, Deserialize)]
pub struct AliyunConfig {
    #[serde(default)]
    pub current: Option<String>,
    #[serde(default)]
    pub profiles: Vec<AliyunProfile>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct AliyunProfile {
    pub name: String,
    #[serde(default)]
    pub mode: String,
    #[serde(default)]
    pub access_key_id: Option<String>,
    #[serde(default)]
    pub access_key_secret: Option<Secret>,
    #[serde(default)]
    pub sts_token: Option<Secret>,
    #[serde(default)]
    pub region_id: Option<String>,
    #[serde(default)]
    pub sts_region: Option<String>,
    #[serde(default)]
    pub sts_endpoint: Option<String>,
    #[serde(default)]
    pub ram_role_name: Option<String>,
    #[serde(default)]
    pub ram_role_arn: Option<String>,
    #[serde(default)]
    pub ram_session_name: Option<String>,
    #[serde(default)]
    pub external_id: Option<String>,
    #[serde(default)]
    pub source_profile: Option<String>,
    /// DurationSeconds; 0 means unset. The CLI writes a number.
    #[serde(default)]
    pub expired_seconds: Option<u64>,
    #[serde(default)]
    pub policy: Option<String>,
    #[serde(default)]
    pub enable_vpc: Option<bool>,
    #[serde(default)]
    pub process_command: Option<String>,
    #[serde(default)]
    pub credentials_uri: Option<String>,
    #[serde(default)]
    pub oidc_provider_arn: Option<String>,
    #[serde(default)]
    pub oidc_token_file: Option<String>,
    /// CloudSSO/OAuth: when the stored STS credentials expire (unix seconds).
    #[serde(default)]
    pub sts_expiration: Option<i64>,
    #[serde(default)]
    pub private_key: Option<Secret>,
    #[serde(default)]
    pub key_pair_name: Option<String>,
    #[serde(default)]
    pub cloud_sso_sign_in_url: Option<String>,
    #[serde(default)]
    pub bearer_token: Option<Secret>,
}

/// The credential modes of aliyun CLI profiles that slbctl uses (all that need no
/// browser); the names are the CLI's, matched case-insensitively.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    AccessKey,
    StsToken,
    RamRoleArn,
    EcsRamRole,
    ChainableRamRoleArn,
    Oidc,
    CredentialsUri,
    External,
    /// Only while the STS credentials the CLI stored are unexpired.
    CloudSso,
    /// Only while the STS credentials the CLI stored are unexpired.
    OAuth,
}

impl Mode {
    /// The CLI's name of the mode.
    pub fn name(self) -> &'static str {
        match self {
            Mode::AccessKey => "AK",
            Mode::StsToken => "StsToken",
            Mode::RamRoleArn => "RamRoleArn",
            Mode::EcsRamRole => "EcsRamRole",
            Mode::ChainableRamRoleArn => "ChainableRamRoleArn",
            Mode::Oidc => "OIDC",
            Mode::CredentialsUri => "CredentialsURI",
            Mode::External => "External",
            Mode::CloudSso => "CloudSSO",
            Mode::OAuth => "OAuth",
        }
    }

    const ALL: [Mode; 10] = [
        Mode::AccessKey,
        Mode::StsToken,
        Mode::RamRoleArn,
        Mode::EcsRamRole,
        Mode::ChainableRamRoleArn,
        Mode::Oidc,
        Mode::CredentialsUri,
        Mode::External,
        Mode::CloudSso,
        Mode::OAuth,
    ];
}

/// A configured value: None when absent or empty (the CLI writes empty strings).
pub fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().filter(|v| !v.is_empty())
}

impl AliyunProfile {
    /// The profile's mode; an empty mode is recognised from the keys present, as the CLI
    /// does (`AutoModeRecognition`). A mode slbctl cannot use is an error naming it.
    pub fn supported_mode(&self, file: &Path) -> Result<Mode> {
        let mode = if self.mode.is_empty() { self.recognised_mode() } else { self.mode.clone() };
        Mode::ALL.into_iter().find(|m| m.name().eq_ignore_ascii_case(&mode)).ok_or_else(|| {
            Error::config(format!(
                "profile {} in {} uses mode {}, which slbctl does not support (supported: {})",
                quote(&self.name),
                file.display(),
                quote(&mode),
                Mode::ALL.map(Mode::name).join(", ")
            ))
        })
    }

    fn recognised_mode(&self) -> String {
        let has_keys = given(&self.access_key_id).is_some()
            && self.access_key_secret.as_ref().is_some_and(|s| !s.is_empty());
        let mode = if has_keys {
            if self.sts_token.as_ref().is_some_and(|t| !t.is_empty()) {
                "StsToken"
            } else if given(&self.ram_role_arn).is_some() {
                "RamRoleArn"
            } else {
                "AK"
            }
        } else if self.private_key.is_some() && given(&self.key_pair_name).is_some() {
            "RsaKeyPair"
        } else if given(&self.ram_role_name).is_some() {
            "EcsRamRole"
        } else if given(&self.process_command).is_some() {
            "External"
        } else if given(&self.oidc_provider_arn).is_some()
            && given(&self.oidc_token_file).is_some()
            && given(&self.ram_role_arn).is_some()
        {
            "OIDC"
        } else if given(&self.cloud_sso_sign_in_url).is_some() {
            "CloudSSO"
        } else if self.bearer_token.is_some() {
            "BearerToken"
        } else {
            "AK"
        };
        mode.to_owned()
    }

    pub fn find<'a>(config: &'a AliyunConfig, name: &str) -> Option<&'a AliyunProfile> {
        config.profiles.iter().find(|p| p.name == name)
    }
}

/// `~/.aliyun/config.json`.
pub fn default_path() -> Option<PathBuf> {
    dirs::home_dir().map(|h| h.join(".aliyun").join("config.json"))
}

/// Read the file if it exists; a malformed one is an error naming line and column.
pub fn load(path: &Path) -> Result<Option<AliyunConfig>> {
    let Some(text) = read_text(path, false)? else {
        return Ok(None);
    };
    parse(&text).map(Some).map_err(|e| Error::config(format!("aliyun CLI config {}: {e}", path.display())))
}

pub fn parse(text: &str) -> std::result::Result<AliyunConfig, String> {
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        // serde_json appends " at line L column C"; say it our way, first.
        let message = message.split(" at line ").next().unwrap_or(&message).to_owned();
        let (line, column) =
            if e.line() > 0 { (e.line(), e.column()) } else { line_and_column(text, text.len()) };
        format!("line {line}, column {column}: {message}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"{
  "current": "sts",
  "profiles": [
    {"name": "default", "mode": "AK", "access_key_id": "LTAIak", "access_key_secret": "ak-secret",
     "sts_token": "", "ram_role_name": "", "region_id": "cn-hangzhou", "output_format": "json", "language": "en"},
    {"name": "sts", "mode": "StsToken", "access_key_id": "STS.x", "access_key_secret": "sts-secret",
     "sts_token": "tok", "region_id": "cn-beijing"},
    {"name": "role", "mode": "RamRoleArn", "access_key_id": "LTAIr", "access_key_secret": "r",
     "ram_role_arn": "acs:ram::1:role/x", "region_id": "cn-shanghai"}
  ],
  "meta_path": ""
}"#;

    #[test]
    fn reads_profiles_and_ignores_unknown_keys() {
        let config = parse(SAMPLE).unwrap();
        assert_eq!(config.current.as_deref(), Some("sts"));
        let sts = AliyunProfile::find(&config, "sts").unwrap();
        assert_eq!(sts.sts_token.as_ref().unwrap().expose(), "tok");
        assert_eq!(sts.supported_mode(Path::new("c.json")).unwrap(), Mode::StsToken);
    }

    #[test]
    fn modes_are_matched_case_insensitively() {
        let mut p = AliyunProfile { name: "x".into(), mode: "ak".into(), ..Default::default() };
        assert_eq!(p.supported_mode(Path::new("c")).unwrap(), Mode::AccessKey);
        p.mode = "STSTOKEN".into();
        assert_eq!(p.supported_mode(Path::new("c")).unwrap(), Mode::StsToken);
    }

    #[test]
    fn every_mode_without_a_browser_is_supported_and_others_are_named() {
        let config = parse(SAMPLE).unwrap();
        let role = AliyunProfile::find(&config, "role").unwrap();
        assert_eq!(role.supported_mode(Path::new("c.json")).unwrap(), Mode::RamRoleArn);
        for (mode, expected) in [
            ("EcsRamRole", Mode::EcsRamRole),
            ("chainableramrolearn", Mode::ChainableRamRoleArn),
            ("OIDC", Mode::Oidc),
            ("CredentialsURI", Mode::CredentialsUri),
            ("External", Mode::External),
            ("CloudSSO", Mode::CloudSso),
            ("OAuth", Mode::OAuth),
        ] {
            let p = AliyunProfile { name: "x".into(), mode: mode.into(), ..Default::default() };
            assert_eq!(p.supported_mode(Path::new("c")).unwrap(), expected, "{mode}");
        }
        let bearer = AliyunProfile { name: "b".into(), mode: "BearerToken".into(), ..Default::default() };
        let err = bearer.supported_mode(Path::new("c.json")).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(
            err.to_string()
                .contains("uses mode \"BearerToken\", which slbctl does not support (supported: AK,"),
            "{err}"
        );
    }

    #[test]
    fn an_empty_mode_is_recognised_from_the_keys_as_the_cli_does() {
        let recognised = |json: &str| {
            let p: AliyunProfile = serde_json::from_str(json).unwrap();
            p.supported_mode(Path::new("c")).map(Mode::name).map_err(|e| e.to_string())
        };
        assert_eq!(recognised(r#"{"name":"a","access_key_id":"x","access_key_secret":"y"}"#), Ok("AK"));
        assert_eq!(
            recognised(r#"{"name":"a","access_key_id":"x","access_key_secret":"y","sts_token":"t"}"#),
            Ok("StsToken")
        );
        assert_eq!(
            recognised(r#"{"name":"a","access_key_id":"x","access_key_secret":"y","ram_role_arn":"r"}"#),
            Ok("RamRoleArn")
        );
        assert_eq!(recognised(r#"{"name":"a","ram_role_name":"r"}"#), Ok("EcsRamRole"));
        assert_eq!(recognised(r#"{"name":"a","process_command":"x"}"#), Ok("External"));
        assert_eq!(
            recognised(r#"{"name":"a","oidc_provider_arn":"p","oidc_token_file":"f","ram_role_arn":"r"}"#),
            Ok("OIDC")
        );
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let err = parse("{\n  \"current\": \"a\",\n  \"profiles\": [,]\n}").unwrap_err();
        assert!(err.starts_with("line 3, column"), "{err}");
    }
}
