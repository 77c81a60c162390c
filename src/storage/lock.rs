//! One writer per session: an exclusive lock on `lock` in the session folder,
//! held for as long as the console runs and released by the OS if it dies.
//! `std`'s `File::try_lock` is `flock` on Unix and `LockFileEx` on Windows. The
//! file is opened without following a link, so a `lock` planted as a link
//! cannot make flipover create or truncate a file elsewhere.
//!
//! A lock that is about to be let go is waited for briefly before refusing:
//! the console that just quit may still be exiting, and while any thread of a
//! process spawns a child, the child holds a copy of every descriptor (and so
//! of the lock) until its `exec` closes them.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::Path;

use super::StorageError;

pub struct SessionLock {
    _file: File,
}

impl SessionLock {
    pub fn acquire(dir: &Path) -> Result<Self, StorageError> {
        let path = dir.join("lock");
        let mut options = OpenOptions::new();
        options.read(true).write(true).create(true).truncate(false);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        no_follow(&mut options);
        let mut file = options
            .open(&path)
            .map_err(|e| StorageError::io(&path, e))?;
        match try_lock_patiently(&file) {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                let mut holder = String::new();
                let _ = file.read_to_string(&mut holder);
                return Err(StorageError::Locked {
                    session: dir
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    holder: holder.trim().to_string(),
                });
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(StorageError::io(&path, e)),
        }
        let note = format!("pid {}", std::process::id());
        let written: io::Result<()> = (|| {
            file.set_len(0)?;
            file.rewind()?;
            file.write_all(note.as_bytes())
        })();
        // The note is only a courtesy for the refusal message; the lock is what counts.
        drop(written);
        Ok(Self { _file: file })
    }
}

/// How long a held lock is waited for before the session is called open elsewhere.
const PATIENCE: std::time::Duration = std::time::Duration::from_millis(300);

fn try_lock_patiently(file: &File) -> Result<(), std::fs::TryLockError> {
    let start = std::time::Instant::now();
    loop {
        match file.try_lock() {
            Err(std::fs::TryLockError::WouldBlock) if start.elapsed() < PATIENCE => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

/// Whether another process holds the lock of the session in `dir`.
pub fn is_held(dir: &Path) -> bool {
    let mut options = OpenOptions::new();
    options.read(true);
    no_follow(&mut options);
    let Ok(file) = options.open(dir.join("lock")) else {
        return false;
    };
    matches!(
        file.try_lock_shared(),
        Err(std::fs::TryLockError::WouldBlock)
    )
}

/// Makes `options` refuse to open a symbolic link (the open fails instead).
fn no_follow(options: &mut OpenOptions) {
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(options, libc::O_NOFOLLOW);
    // FILE_FLAG_OPEN_REPARSE_POINT: open the link itself, not what it points
    // to; the lock then lives on the link and never touches its target.
    #[cfg(windows)]
    std::os::windows::fs::OpenOptionsExt::custom_flags(options, 0x0020_0000);
    #[cfg(not(any(unix, windows)))]
    let _ = options;
}
