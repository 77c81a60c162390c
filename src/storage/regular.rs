//! Reading a file that someone else may have put there: only a regular file,
//! its size checked before a byte is read and the read capped, so a FIFO
//! cannot hang flipover, a link to `/dev/zero` cannot fill the memory and a
//! link to a huge file is refused. Used for content, config and session files.

use std::fs::{File, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// Nothing at that path.
    #[error("does not exist")]
    NotFound,
    /// A folder, FIFO, socket or device: only regular files are read.
    #[error("is {0}, not a regular file")]
    NotRegular(&'static str),
    /// Larger than the limit for this kind of file.
    #[error("is {len} bytes; at most {max} are read")]
    TooLarge { len: u64, max: u64 },
    /// The system refused (permissions, I/O error).
    #[error("cannot be read: {0}")]
    Io(io::Error),
}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        if e.kind() == io::ErrorKind::NotFound {
            ReadError::NotFound
        } else {
            ReadError::Io(e)
        }
    }
}

/// What a non-regular file is, for the message.
fn kind_of(meta: &std::fs::Metadata) -> &'static str {
    let ft = meta.file_type();
    if ft.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return "a FIFO";
        }
        if ft.is_socket() {
            return "a socket";
        }
        if ft.is_char_device() || ft.is_block_device() {
            return "a device";
        }
    }
    "a special file"
}

/// The bytes of the regular file at `path` (a link is followed to a regular
/// file only), if it holds at most `max` bytes.
pub fn read(path: &Path, max: u64) -> Result<Vec<u8>, ReadError> {
    // Checked before opening: opening a FIFO for reading blocks until a writer
    // comes, and a device's size says nothing about what a read returns.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(&meta)));
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge {
            len: meta.len(),
            max,
        });
    }
    let file = open(path)?;
    // The path may have been swapped between the check and the open: check
    // what was opened, and never read more than `max` + 1 bytes whatever it says.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular(kind_of(&meta)));
    }
    let mut bytes = Vec::with_capacity(meta.len().min(max) as usize);
    file.take(max + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max {
        return Err(ReadError::TooLarge {
            len: bytes.len() as u64,
            max,
        });
    }
    Ok(bytes)
}

/// `read`, as UTF-8 text.
pub fn read_text(path: &Path, max: u64) -> Result<String, ReadError> {
    String::from_utf8(read(path, max)?)
        .map_err(|e| ReadError::Io(io::Error::new(io::ErrorKind::InvalidData, e.utf8_error())))
}

#[cfg(unix)]
fn open(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Non-blocking: a FIFO put in place after the check opens at once instead
    // of waiting for a writer (and then fails the regular-file check).
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_within_the_limit_is_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("a.toml");
        std::fs::write(&p, "x = 1").expect("write");
        assert_eq!(read(&p, 5).expect("read"), b"x = 1");
        assert!(matches!(
            read(&p, 4),
            Err(ReadError::TooLarge { len: 5, max: 4 })
        ));
        assert!(matches!(
            read(dir.path(), 4),
            Err(ReadError::NotRegular("a folder"))
        ));
        assert!(matches!(
            read(&dir.path().join("none"), 4),
            Err(ReadError::NotFound)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn devices_fifos_and_links_to_them_are_refused_at_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let zero = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("link");
        assert!(matches!(
            read(&zero, 1024),
            Err(ReadError::NotRegular("a device"))
        ));
        let fifo = dir.path().join("fifo.toml");
        let path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: `path` is a valid NUL-terminated string that outlives the call.
        if unsafe { libc::mkfifo(path.as_ptr(), 0o600) } == 0 {
            assert!(matches!(
                read(&fifo, 1024),
                Err(ReadError::NotRegular("a FIFO"))
            ));
        }
    }
}
