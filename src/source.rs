//! Where a setting came from: a flag, a variable, a profile, or derived. A leaf, so that
//! every layer can carry a value with its source (`config show` and `-v` name it).

use std::fmt;
use std::path::PathBuf;

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
