//! The one atomic write: a temporary file in the same directory, written, fsynced, renamed
//! over the file (retried while Windows refuses for a moment), the directory fsynced; the new
//! file keeps the old one's mode, group and ACL.

use super::{TEMP_RANDOM, retry, sync_dir, temp_prefix};
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// Replaces `path` with `bytes`: a temporary file in the same directory, fsync, rename,
/// fsync of the directory. The new file takes the permission bits and group of
/// `permissions_from` when that exists, and follows the umask otherwise.
pub fn write_atomically(path: &Path, bytes: &[u8], permissions_from: &Path) -> io::Result<()> {
    write_atomically_with(path, permissions_from, |out| out.write_all(bytes))
}

/// Like [`write_atomically`], for a file only its user may read (a draft): the temporary
/// file is created 0600, so the text is never readable by others, not even for a moment.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_in_mode(path, None, Some(0o600), |out| out.write_all(bytes))
}

/// Like [`write_atomically`], with the bytes written by `write` into a buffered writer on
/// the temporary file.
pub(super) fn write_atomically_with(
    path: &Path,
    permissions_from: &Path,
    write: impl FnOnce(&mut io::BufWriter<&File>) -> io::Result<()>,
) -> io::Result<()> {
    write_atomically_in_mode(path, Some(permissions_from), None, write)
}

/// The one atomic write: the new file takes the mode and group of `permissions_from` when
/// that exists, else is created with `mode` (unix; `None`: 0666 through the umask).
fn write_atomically_in_mode(
    path: &Path,
    permissions_from: Option<&Path>,
    mode: Option<u32>,
    write: impl FnOnce(&mut io::BufWriter<&File>) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let mut builder = tempfile::Builder::new();
    let prefix = temp_prefix(path);
    builder.prefix(&prefix).rand_bytes(TEMP_RANDOM).suffix(".tmp");
    #[cfg(unix)]
    {
        // tempfile's default is 0600, which would lock colleagues out of a shared store;
        // 0666 passes through the umask like any newly created file.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(mode.unwrap_or(0o666)));
    }
    #[cfg(not(unix))]
    let _ = mode;
    let temp = builder.tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::with_capacity(256 * 1024, temp.as_file());
        write(&mut out)?;
        out.flush()?;
    }
    if let Some(from) = permissions_from
        && let Ok(old) = fs::metadata(from)
    {
        temp.as_file().set_permissions(old.permissions())?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Keeping the group can fail for a user outside it; the mode is what matters then.
            let _ = std::os::unix::fs::fchown(temp.as_file(), None, Some(old.gid()));
        }
        // After the mode, which would otherwise rewrite the ACL's mask.
        copy_acl(from, temp.as_file())?;
    }
    temp.as_file().sync_all()?;
    // `persist` hands the temporary file back when it fails, for the next try.
    let mut temp = Some(temp);
    retry::RENAME.run(
        || {
            let file = temp.take().ok_or_else(|| io::Error::other("temporary file gone"))?;
            file.persist(path).map(drop).map_err(|e| {
                temp = Some(e.file);
                e.error
            })
        },
        std::thread::sleep,
    )?;
    sync_dir(dir)
}

/// Gives `to` the POSIX ACL of the file at `from` (`setfacl -m u:NAME:rw`), which a rename
/// would otherwise lose: a colleague granted access by name keeps it after every save. A
/// file without one, or a file system without ACLs, has nothing to copy.
#[cfg(target_os = "linux")]
fn copy_acl(from: &Path, to: &File) -> io::Result<()> {
    const ACL: &str = "system.posix_acl_access";
    let mut acl = vec![0u8; 64 * 1024];
    let Ok(len) = rustix::fs::getxattr(from, ACL, &mut acl[..]) else {
        return Ok(());
    };
    rustix::fs::fsetxattr(to, ACL, &acl[..len], rustix::fs::XattrFlags::empty()).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn copy_acl(_from: &Path, _to: &File) -> io::Result<()> {
    Ok(())
}
