//! Where each setting comes from, with the source of every value: flags and variables
//! (handed in as [`Overrides`]), slbctl's TOML file (`profile_file`), the aliyun CLI's
//! config.json (`aliyun_config`), and the names of the variables (`vars`).
//!
//! Each value is resolved on its own, first found wins: command-line flag (never for
//! secrets) → environment → the selected slbctl profile → the selected `aliyun` CLI
//! profile. The environment beats files, as in the AWS CLI. Which profile is selected is
//! decided here; turning it into credentials is the `credentials` layer's job, above.
//!
//! May use `slb` (its endpoint rules), `api`, `output` (warnings) and the leaves; never
//! `cli`: the command line reaches this layer as plain values.

pub(crate) mod aliyun_config;
pub(crate) mod private_file;
pub(crate) mod profile_file;
pub(crate) mod vars;

use std::path::{Path, PathBuf};

use crate::api::endpoint::{self, EndpointType};
use crate::error::{Error, Result};
use crate::slb::PRODUCT;
use crate::slb::server_groups::{self, LbProduct};
pub(crate) use crate::source::{Source, Sourced};
use crate::text::quote;
use aliyun_config::{AliyunConfig, AliyunProfile};
use profile_file::{ConfigFile, Profile};
use vars::*;

/// The slbctl profile used when nothing names one.
pub const DEFAULT_PROFILE: &str = "default";

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
    pub audit_log: Option<Sourced<&'a Path>>,
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
    /// A configured CLB endpoint (flag, environment, profile); None means derive it.
    pub endpoint: Option<Sourced<String>>,
    /// Configured ALB and NLB endpoints: `--endpoint` (a flag, not `SLBCTL_ENDPOINT`,
    /// which stays CLB's), `SLBCTL_ALB_ENDPOINT`/`SLBCTL_NLB_ENDPOINT`, the profile's
    /// `alb_endpoint`/`nlb_endpoint`.
    pub alb_endpoint: Option<Sourced<String>>,
    pub nlb_endpoint: Option<Sourced<String>>,
    /// Public or VPC, for a derived endpoint.
    pub endpoint_type: Option<Sourced<EndpointType>>,
    /// Extra trusted CA certificates (PEM).
    pub ca_bundle: Option<Sourced<PathBuf>>,
    /// The audit log of change calls.
    pub audit_log: Option<Sourced<PathBuf>>,
    /// The profile selected in each file, which the credential chain reads.
    pub selected: SelectedProfiles,
    /// The profile files as loaded.
    pub loaded: Files,
    /// The profile asked for is in neither file: the error to report unless the INI
    /// credentials file has a section of that name.
    pub missing_profile: Option<Error>,
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

/// The endpoint of `product` a command would use, unparsed: the configured one, else
/// the one derived from the region (public or VPC). None without either.
pub fn effective_endpoint_for(settings: &Settings, product: LbProduct) -> Option<Sourced<String>> {
    let (configured, description) = match product {
        LbProduct::Clb => (&settings.endpoint, &PRODUCT),
        LbProduct::Alb => (&settings.alb_endpoint, &server_groups::ALB),
        LbProduct::Nlb => (&settings.nlb_endpoint, &server_groups::NLB),
    };
    if let Some(configured) = configured {
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
    Some(Sourced::new(endpoint::for_region(description, &region.value, endpoint_type), Source::Derived(why)))
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
pub fn list_profiles(
    overrides: &Overrides,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Vec<ProfileSummary>> {
    let mut uses = Vec::new();
    let files = load_files(overrides, env, &mut uses)?;
    let mut summaries = Vec::new();
    if let Some((path, file)) = &files.slbctl {
        let default = file.default_profile.as_deref().unwrap_or(DEFAULT_PROFILE);
        for (name, profile) in &file.profiles {
            summaries.push(ProfileSummary {
                name: name.clone(),
                kind: "slbctl",
                file: path.clone(),
                region: profile.region.clone(),
                credentials: profile.credential_kind().to_owned(),
                is_default: name == default,
            });
        }
    }
    if let Some((path, file)) = &files.aliyun {
        let current = file.current.as_deref().filter(|c| !c.is_empty()).unwrap_or(DEFAULT_PROFILE);
        for profile in &file.profiles {
            let credentials = match profile.supported_mode(path) {
                Ok(mode) => mode.name().to_owned(),
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

/// Both profile files as loaded (either may be absent), for what reads more than the
/// selected profile (`source_profile` chains).
#[derive(Debug, Default)]
pub struct Files {
    pub slbctl: Option<(PathBuf, ConfigFile)>,
    pub aliyun: Option<(PathBuf, AliyunConfig)>,
}

/// Resolve settings from the command line, the environment (through `env`, so tests
/// need not touch the process environment) and the profile files.
pub fn resolve(overrides: &Overrides, env: &dyn Fn(&str) -> Option<String>) -> Result<Settings> {
    let env = |name: &str| env(name).filter(|v| !v.is_empty());
    let mut settings = Settings::default();

    let ignore = env(ENV_IGNORE_PROFILE).is_some_and(|v| v.eq_ignore_ascii_case("true"));
    settings.files_ignored = ignore;
    let files = if ignore { Files::default() } else { load_files(overrides, &env, &mut settings.files)? };

    let requested = overrides
        .profile
        .as_ref()
        .filter(|p| !p.value.is_empty())
        .map(|p| Sourced::new(p.value.to_owned(), p.source.clone()))
        .or_else(|| env(ENV_PROFILE).map(|name| Sourced::new(name, Source::Env(ENV_PROFILE))));
    let chosen = choose_profiles(requested, &files, &settings)?;
    settings.profile = chosen.name;
    settings.selected = chosen.selected;
    settings.missing_profile = chosen.missing;
    let slbctl_profile = settings.selected.slbctl.as_ref();
    let aliyun_profile = settings.selected.aliyun.as_ref();

    settings.region = overrides
        .region
        .as_ref()
        .filter(|r| !r.value.is_empty())
        .map(|r| Sourced::new(r.value.to_owned(), r.source.clone()))
        .or_else(|| env(LEGACY_REGION).map(|r| Sourced::new(r, Source::Env(LEGACY_REGION))))
        .or_else(|| env(TERRAFORM_REGION).map(|r| Sourced::new(r, Source::Env(TERRAFORM_REGION))))
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

    // The flag names the endpoint of whatever product the command addresses; the
    // variable SLBCTL_ENDPOINT (which clap reads for the same flag) is CLB's alone.
    let flag = overrides
        .endpoint
        .as_ref()
        .filter(|e| !e.value.is_empty() && matches!(e.source, Source::Flag(_)))
        .map(|e| Sourced::new(e.value.to_owned(), e.source.clone()));
    let product_endpoint = |var: &'static str, key: fn(&Profile) -> Option<String>| {
        flag.clone()
            .or_else(|| env(var).filter(|v| !v.is_empty()).map(|v| Sourced::new(v, Source::Env(var))))
            .or_else(|| {
                slbctl_profile.and_then(|(p, source)| key(p).map(|e| Sourced::new(e, source.clone())))
            })
    };
    settings.alb_endpoint = product_endpoint(ENV_ALB_ENDPOINT, |p| p.alb_endpoint.clone());
    settings.nlb_endpoint = product_endpoint(ENV_NLB_ENDPOINT, |p| p.nlb_endpoint.clone());

    settings.endpoint_type = overrides.endpoint_type.clone().or_else(|| {
        slbctl_profile.and_then(|(p, source)| p.endpoint_type.map(|t| Sourced::new(t, source.clone())))
    });

    settings.audit_log =
        overrides.audit_log.as_ref().map(|a| Sourced::new(a.value.to_path_buf(), a.source.clone())).or_else(
            || {
                slbctl_profile
                    .and_then(|(p, source)| p.audit_log.clone().map(|a| Sourced::new(a, source.clone())))
            },
        );

    settings.ca_bundle =
        overrides.ca_bundle.as_ref().map(|c| Sourced::new(c.value.to_path_buf(), c.source.clone())).or_else(
            || env(ENV_SSL_CERT_FILE).map(|p| Sourced::new(PathBuf::from(p), Source::Env(ENV_SSL_CERT_FILE))),
        );

    settings.loaded = files;
    Ok(settings)
}

/// Load slbctl's file (`--config`, else the default path) and the aliyun CLI's
/// (`ALIBABA_CLOUD_CONFIG_FILE`, else `~/.aliyun/config.json`; not read at all with
/// `ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true`, as the official SDKs skip it).
fn load_files(
    overrides: &Overrides,
    env: &dyn Fn(&str) -> Option<String>,
    uses: &mut Vec<FileUse>,
) -> Result<Files> {
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
    let disabled = env(ENV_CLI_PROFILE_DISABLED).is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let aliyun_path = overrides
        .aliyun_path
        .map(Path::to_path_buf)
        .or_else(|| env(ENV_ALIYUN_CONFIG_FILE).filter(|p| !p.is_empty()).map(PathBuf::from))
        .or_else(aliyun_config::default_path)
        .filter(|_| !disabled);
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
#[derive(Debug, Default)]
pub struct SelectedProfiles {
    pub slbctl: Option<(Profile, Source)>,
    pub aliyun: Option<(AliyunProfile, Source)>,
}

/// The chosen profile's name and what each file holds under it.
struct Chosen {
    name: Option<Sourced<String>>,
    selected: SelectedProfiles,
    missing: Option<Error>,
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
            // The official INI credentials file may still hold it: the credential chain
            // decides, and reports this if not.
            let missing = unknown_profile(name, files, settings);
            return Ok(Chosen {
                name: Some(requested),
                selected: SelectedProfiles::default(),
                missing: Some(missing),
            });
        }
        return Ok(Chosen {
            name: Some(requested),
            selected: SelectedProfiles { slbctl, aliyun },
            missing: None,
        });
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
    Ok(Chosen { name, selected: SelectedProfiles { slbctl, aliyun }, missing: None })
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
pub(crate) mod testing {
    //! Fixtures for tests of settings resolution, here and in the credentials layer.
    use super::*;
    use std::collections::HashMap;

    pub(crate) struct Fixture {
        pub(crate) _dir: tempfile::TempDir,
        pub(crate) slbctl: PathBuf,
        pub(crate) aliyun: PathBuf,
    }

    pub(crate) fn fixture(slbctl: Option<&str>, aliyun: Option<&str>) -> Fixture {
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
        pub(crate) fn overrides(&self) -> Overrides<'_> {
            Overrides {
                config_path: Some(&self.slbctl),
                aliyun_path: Some(&self.aliyun),
                ..Default::default()
            }
        }
    }

    /// An explicit --config that may not exist: write an empty file for "no slbctl file".
    pub(crate) fn no_slbctl_file() -> Option<&'static str> {
        Some("")
    }

    pub(crate) fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |k| map.get(k).cloned()
    }

    pub(crate) const TWO_PROFILES: &str = r#"
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

    pub(crate) const ALIYUN: &str = r#"{"current": "ak", "profiles": [
        {"name": "ak", "mode": "AK", "access_key_id": "LTAIaliyun", "access_key_secret": "aliyun-secret", "sts_token": "", "region_id": "us-west-1"},
        {"name": "sts", "mode": "StsToken", "access_key_id": "STS.aliyun", "access_key_secret": "sts-secret", "sts_token": "sts-token", "region_id": "eu-central-1"},
        {"name": "dev", "mode": "AK", "access_key_id": "LTAIaliyundev", "access_key_secret": "s", "region_id": "ap-south-1"},
        {"name": "role", "mode": "RamRoleArn", "access_key_id": "LTAIrole", "access_key_secret": "r", "region_id": "cn-shanghai"},
        {"name": "bearer", "mode": "BearerToken", "bearer_token": "b", "region_id": "eu-west-1"}
    ]}"#;
}

#[cfg(test)]
mod tests {
    use super::testing::*;
    use super::*;

    #[test]
    fn unknown_requested_profile_lists_the_known_ones_in_both_files() {
        let f = fixture(Some(TWO_PROFILES), Some(ALIYUN));
        let o =
            Overrides { profile: Some(Sourced::new("staging", Source::Flag("--profile"))), ..f.overrides() };
        let msg = resolve(&o, &env_of(&[])).unwrap().missing_profile.unwrap().to_string();
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
}
