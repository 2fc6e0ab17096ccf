//! The official `aliyun` CLI's profile file (`~/.aliyun/config.json`), read only.
//!
//! Operators who already use the official CLI have their credentials there; slbctl
//! reads AK and StsToken profiles from it and never writes it. Unknown keys are
//! expected (the CLI stores many), so this reader is lenient where ours is strict.

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
}

/// The credential modes slbctl can use from an aliyun profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    AccessKey,
    StsToken,
}

impl AliyunProfile {
    /// AK or StsToken (matched case-insensitively); any other mode is an error that
    /// names it, so the user knows why their profile is not used.
    pub fn supported_mode(&self, file: &Path) -> Result<Mode> {
        if self.mode.eq_ignore_ascii_case("AK") || self.mode.is_empty() {
            Ok(Mode::AccessKey)
        } else if self.mode.eq_ignore_ascii_case("StsToken") {
            Ok(Mode::StsToken)
        } else {
            Err(Error::config(format!(
                "profile {} in {} uses mode {}, which slbctl does not support yet (AK and StsToken are supported)",
                quote(&self.name),
                file.display(),
                quote(&self.mode)
            )))
        }
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
    fn other_modes_are_named_in_the_error() {
        let config = parse(SAMPLE).unwrap();
        let err =
            AliyunProfile::find(&config, "role").unwrap().supported_mode(Path::new("c.json")).unwrap_err();
        assert_eq!(err.exit_code(), 3);
        assert!(
            err.to_string().contains("uses mode \"RamRoleArn\", which slbctl does not support yet"),
            "{err}"
        );
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let err = parse("{\n  \"current\": \"a\",\n  \"profiles\": [,]\n}").unwrap_err();
        assert!(err.starts_with("line 3, column"), "{err}");
    }
}
