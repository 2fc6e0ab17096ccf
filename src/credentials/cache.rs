//! The credential cache, which makes a deploy loop cheap: temporary credentials from
//! STS, the metadata server, a credentials URI or an external process are kept under
//! `$XDG_CACHE_HOME/slbctl/credentials/` (directory 0700, files 0600), one file per
//! source, named by a SHA-1 of everything that defines the session (never a secret:
//! a static source enters by its key id only). They are reused while more than 5
//! minutes remain.
//!
//! Files are written to a temporary name and renamed, so a concurrent reader never sees
//! a torn file; processes with an empty cache take an exclusive lock on `<key>.lock`, so
//! one of them calls STS and the others read its result. A corrupt file, or one owned by
//! another user or readable by group or others, is ignored (and replaced), never
//! trusted.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use sha1::{Digest, Sha1};

use super::Credentials;
use crate::config::private_file;
use crate::error::{Error, Result};
use crate::secret::Secret;
use crate::source::Source;

/// The cache directory: `<cache dir>/slbctl/credentials`.
pub fn default_dir() -> Option<PathBuf> {
    dirs::cache_dir().map(|d| d.join("slbctl").join("credentials"))
}

pub struct Cache {
    dir: PathBuf,
}

/// What a cache file holds. Secrets are written here on purpose: this is the
/// credential cache, readable by its owner only.
#[derive(serde::Serialize, serde::Deserialize)]
struct Entry {
    version: u32,
    access_key_id: String,
    access_key_secret: String,
    security_token: Option<String>,
    /// Unix seconds.
    expiration: i64,
    source: String,
}

/// A held lock; released when dropped.
pub struct Lock {
    _file: std::fs::File,
}

impl Cache {
    /// The cache in `dir`, created if need be; None (with a `-v` note) when it cannot
    /// be used safely.
    pub fn open(dir: PathBuf) -> Option<Cache> {
        match prepare(&dir) {
            Ok(()) => Some(Cache { dir }),
            Err(why) => {
                crate::verbose!("credential cache: not used ({why})");
                None
            }
        }
    }

    fn path(&self, key: &str, extension: &str) -> PathBuf {
        let digest = Sha1::digest(key.as_bytes());
        let name: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        self.dir.join(format!("{name}.{extension}"))
    }

    /// Cached credentials for `key` valid for more than `min_valid`, if any.
    pub fn load(&self, key: &str, min_valid: chrono::Duration) -> Option<Credentials> {
        let path = self.path(key, "json");
        let file = std::fs::File::open(&path).ok()?;
        if let Err(why) = trusted(&file) {
            crate::verbose!("credential cache: ignoring {} ({why})", path.display());
            return None;
        }
        let entry: Entry = match serde_json::from_reader(std::io::BufReader::new(file)) {
            Ok(entry) => entry,
            Err(_) => {
                crate::verbose!("credential cache: ignoring {} (not a cache entry)", path.display());
                return None;
            }
        };
        let expiration = DateTime::<Utc>::from_timestamp(entry.expiration, 0)?;
        if entry.version != 1 || expiration - Utc::now() <= min_valid {
            return None;
        }
        crate::verbose!(
            "credential cache: using {} (expires {})",
            path.display(),
            expiration.format("%Y-%m-%dT%H:%M:%SZ")
        );
        Some(Credentials {
            access_key_id: entry.access_key_id,
            access_key_secret: Secret::new(entry.access_key_secret),
            security_token: entry.security_token.map(Secret::new),
            source: Source::Derived(entry.source),
            expiration: Some(expiration),
        })
    }

    /// Keep `credentials` for `key` (only temporary ones: they say when they expire).
    /// A failure to write is a `-v` note: the run goes on without the cache.
    pub fn store(&self, key: &str, credentials: &Credentials) {
        let Some(expiration) = credentials.expiration else { return };
        let entry = Entry {
            version: 1,
            access_key_id: credentials.access_key_id.clone(),
            access_key_secret: credentials.access_key_secret.expose().to_owned(),
            security_token: credentials.security_token.as_ref().map(|t| t.expose().to_owned()),
            expiration: expiration.timestamp(),
            source: credentials.source.to_string(),
        };
        let path = self.path(key, "json");
        if let Err(e) = write_atomically(&path, &entry) {
            crate::verbose!("credential cache: cannot write {}: {e}", path.display());
        }
    }

    /// Drop the entry for `key` (the service refused its credentials).
    pub fn forget(&self, key: &str) {
        let _ = std::fs::remove_file(self.path(key, "json"));
    }

    /// Wait for the exclusive lock of `key`; None when it cannot be taken (then the
    /// caller goes on unlocked: at worst two processes both call STS).
    pub fn lock(&self, key: &str) -> Option<Lock> {
        let path = self.path(key, "lock");
        let file = private_file::lock(&path, true).ok()??;
        Some(Lock { _file: file })
    }
}

/// Delete every cached credential: `slbctl config clear-cache`. Returns how many
/// entries there were.
pub fn clear(dir: &Path) -> Result<usize> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => {
            return Err(Error::config(format!(
                "cannot read the credential cache {}: {}",
                dir.display(),
                e.kind()
            )));
        }
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "json") {
            removed += 1;
        }
        std::fs::remove_file(&path)
            .map_err(|e| Error::config(format!("cannot delete {}: {}", path.display(), e.kind())))?;
    }
    Ok(removed)
}

fn write_atomically(path: &Path, entry: &Entry) -> std::io::Result<()> {
    let text = serde_json::to_vec(entry).map_err(std::io::Error::other)?;
    private_file::write_atomically(path, &text)
}

use private_file::{prepare_dir as prepare, trusted};

#[cfg(test)]
mod tests {
    use super::*;

    fn temporary(expires_in: i64) -> Credentials {
        Credentials {
            access_key_id: "STS.cached".into(),
            access_key_secret: Secret::new("cached-secret"),
            security_token: Some(Secret::new("cached-token")),
            source: Source::Derived("STS AssumeRole".into()),
            expiration: Some(Utc::now() + chrono::Duration::seconds(expires_in)),
        }
    }

    #[test]
    fn stores_and_loads_while_valid_long_enough() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path().join("c")).unwrap();
        cache.store("k", &temporary(3600));
        let loaded = cache.load("k", chrono::Duration::minutes(5)).unwrap();
        assert_eq!(loaded.access_key_secret.expose(), "cached-secret");
        assert!(cache.load("other", chrono::Duration::minutes(5)).is_none());
        cache.store("short", &temporary(200));
        assert!(cache.load("short", chrono::Duration::minutes(5)).is_none(), "fewer than 5 minutes left");
        cache.forget("k");
        assert!(cache.load("k", chrono::Duration::minutes(5)).is_none());
    }

    #[cfg(unix)]
    #[test]
    fn private_modes_and_distrust_of_loose_or_corrupt_files() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let cache_dir = dir.path().join("c");
        let cache = Cache::open(cache_dir.clone()).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&cache_dir), 0o700);
        cache.store("k", &temporary(3600));
        let file = cache.path("k", "json");
        assert_eq!(mode(&file), 0o600);
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(cache.load("k", chrono::Duration::minutes(5)).is_none(), "group-readable: ignored");
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
        std::fs::write(&file, "{not json").unwrap();
        assert!(cache.load("k", chrono::Duration::minutes(5)).is_none(), "corrupt: ignored");
        cache.store("k", &temporary(3600));
        assert!(cache.load("k", chrono::Duration::minutes(5)).is_some(), "replaced");
        // A loose directory is tightened.
        std::fs::set_permissions(&cache_dir, std::fs::Permissions::from_mode(0o755)).unwrap();
        Cache::open(cache_dir.clone()).unwrap();
        assert_eq!(mode(&cache_dir), 0o700);
        assert_eq!(clear(&cache_dir).unwrap(), 1);
        assert!(cache.load("k", chrono::Duration::minutes(5)).is_none());
    }

    #[test]
    fn file_names_are_hashes_not_keys() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::open(dir.path().to_path_buf()).unwrap();
        let name = cache.path("assume-role\nLTAIsource\nacs:ram::1:role/x", "json");
        let name = name.file_name().unwrap().to_string_lossy();
        assert_eq!(name.len(), 40 + 5);
        assert!(!name.contains("LTAI"));
    }
}
