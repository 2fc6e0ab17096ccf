//! Files only their owner may read: the credential cache and the standby state files.
//! Directories are created 0700 (a looser one of ours is tightened), files 0600,
//! written through a temporary name and a rename so a reader never sees half a file;
//! a file another user owns, or that group or others can read, is not to be trusted;
//! and an exclusive lock file serializes processes. Also the platform's one test of
//! whether others can change a file (what slbctl will not run or trust).

use std::io::Write;
use std::path::Path;

/// Write `bytes` to `path` atomically (temporary file in the same directory, then a
/// rename), with mode 0600.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary =
        path.with_extension(format!("tmp.{}.{}", std::process::id(), uuid::Uuid::new_v4().simple()));
    let result = (|| {
        let mut file = open_private(&temporary, true)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// Take the exclusive lock of `path` (created 0600): waiting for it when `wait`, else
/// `Ok(None)` when another process holds it. The lock lasts while the file is open.
pub fn lock(path: &Path, wait: bool) -> std::io::Result<Option<std::fs::File>> {
    let file = open_private(path, false)?;
    Ok(lock_exclusive(&file, wait)?.then_some(file))
}

#[cfg(unix)]
mod platform {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
    use std::path::Path;

    fn euid() -> u32 {
        // SAFETY: geteuid has no preconditions and cannot fail.
        unsafe { libc::geteuid() }
    }

    /// Create the directory 0700 (and its parents), or check an existing one: ours,
    /// and tightened to 0700 if it was looser.
    pub fn prepare_dir(dir: &Path) -> Result<(), String> {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|e| format!("cannot create {}: {}", dir.display(), e.kind()))?;
        let meta = std::fs::symlink_metadata(dir).map_err(|e| format!("{}: {}", dir.display(), e.kind()))?;
        if !meta.is_dir() || meta.uid() != euid() {
            return Err(format!("{} is not a directory of this user", dir.display()));
        }
        if meta.mode() & 0o077 != 0 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
                .map_err(|e| format!("cannot make {} private: {}", dir.display(), e.kind()))?;
        }
        Ok(())
    }

    /// A file may be trusted when this user owns it and nobody else can read it.
    pub fn trusted(file: &std::fs::File) -> Result<(), String> {
        let meta = file.metadata().map_err(|e| e.kind().to_string())?;
        if meta.uid() != euid() {
            return Err("owned by another user".to_owned());
        }
        if meta.mode() & 0o077 != 0 {
            return Err("readable or writable by group or others".to_owned());
        }
        Ok(())
    }

    /// Whether group or others may write to the file.
    pub fn writable_by_others(path: &Path) -> std::io::Result<bool> {
        Ok(std::fs::metadata(path)?.permissions().mode() & 0o022 != 0)
    }

    pub fn open_private(path: &Path, create_new: bool) -> std::io::Result<std::fs::File> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).mode(0o600);
        if create_new {
            options.create_new(true);
        } else {
            options.create(true).truncate(false);
        }
        options.open(path)
    }

    /// An exclusive flock(2); `wait` blocks until it is free, else Ok(false) when
    /// another process holds it.
    pub fn lock_exclusive(file: &std::fs::File, wait: bool) -> std::io::Result<bool> {
        use std::os::fd::AsRawFd;
        let operation = if wait { libc::LOCK_EX } else { libc::LOCK_EX | libc::LOCK_NB };
        // SAFETY: the descriptor is open for the lifetime of `file`; flock has no
        // other precondition. The lock goes with the descriptor when it is closed.
        if unsafe { libc::flock(file.as_raw_fd(), operation) } == 0 {
            return Ok(true);
        }
        let error = std::io::Error::last_os_error();
        if error.kind() == std::io::ErrorKind::WouldBlock { Ok(false) } else { Err(error) }
    }
}

#[cfg(not(unix))]
mod platform {
    use std::path::Path;

    pub fn prepare_dir(dir: &Path) -> Result<(), String> {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {}", dir.display(), e.kind()))
    }

    pub fn trusted(_file: &std::fs::File) -> Result<(), String> {
        Ok(())
    }

    pub fn writable_by_others(_path: &Path) -> std::io::Result<bool> {
        Ok(false)
    }

    pub fn open_private(path: &Path, create_new: bool) -> std::io::Result<std::fs::File> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true);
        if create_new {
            options.create_new(true);
        } else {
            options.create(true).truncate(false);
        }
        options.open(path)
    }

    pub fn lock_exclusive(_file: &std::fs::File, _wait: bool) -> std::io::Result<bool> {
        Ok(true)
    }
}

use platform::lock_exclusive;
use platform::open_private;
pub use platform::{prepare_dir, trusted, writable_by_others};
