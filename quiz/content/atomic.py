"""Write files so a crash, a kill or a full disk never leaves a half-written file behind.

The text goes to an unnamed temporary file in the target's folder (Linux's O_TMPFILE: a
killed process leaves nothing at all), is flushed to disk, and only then gets its name,
replacing the old file in one step. Where O_TMPFILE is missing, a hidden named temporary
is used instead, removed on failure, and swept up by the next write if a kill left it.
Only regular files are ever replaced: a device such as /dev/null, a folder or a pipe is
refused, and an existing file keeps its permissions.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path


class WriteError(OSError):
    """A file could not be written; str() is one sentence for a person."""

    def __init__(self, message: str, errno_: int = 0):
        super().__init__(errno_, message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class TargetExists(WriteError):
    """The target exists and the write was asked not to replace it."""


_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "its folder does not exist",
    errno.ENOTDIR: "part of its path is not a folder",
    errno.ENAMETOOLONG: "the name is too long",
}


def write_text_atomic(path: Path | str, text: str, *, replace: bool = True) -> None:
    """Write `text` (UTF-8) to `path` all at once. With `replace=False`, refuse if the
    path exists, even if it appears while writing. Raises WriteError (an OSError)."""
    given = Path(path)
    target = Path(os.path.realpath(given))  # through symlinks: the link stays a link
    data = text.encode("utf-8")
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise _failure(given, error) from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        raise WriteError(f"cannot write {given}: it is {_kind(existing.st_mode)}, not a "
                         "regular file, and quiz only ever replaces regular files")
    if existing is not None and not replace:
        raise TargetExists(f"{given} already exists", errno.EEXIST)
    if not target.parent.is_dir():
        raise WriteError(f"cannot write {given}: the folder {target.parent} does not exist",
                         errno.ENOENT)
    _sweep_leftovers(target)
    try:
        _write(target, data, existing, replace)
    except FileExistsError:
        raise TargetExists(f"{given} already exists", errno.EEXIST) from None
    except OSError as error:
        raise _failure(given, error) from None


def _write(target: Path, data: bytes, existing: os.stat_result | None,
           replace: bool) -> None:
    mode = stat.S_IMODE(existing.st_mode) if existing else 0o666  # new files: umask applies
    try:
        handle = os.open(target.parent, os.O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, mode)
    except (AttributeError, OSError):  # no O_TMPFILE here, or not on this file system
        handle = None
    if handle is not None:
        try:
            _fill(handle, data, existing)
            if _publish_unnamed(handle, target, replace):
                return
        finally:
            os.close(handle)
    _write_named(target, data, existing, replace, mode)


def _publish_unnamed(handle: int, target: Path, replace: bool) -> bool:
    """Give the unnamed file its name: linked straight to the target when it must not be
    replaced, else to a hidden name that then moves over the target in one step. False if
    this system cannot link it (no /proc), so the caller falls back to a named file."""
    source = f"/proc/self/fd/{handle}"
    named = _temporary_name(target) if replace else str(target)
    try:
        os.link(source, named, follow_symlinks=True)
    except FileExistsError:
        raise
    except OSError as error:
        if error.errno in (errno.ENOENT, errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV):
            return False
        raise
    if replace:
        try:
            os.replace(named, target)
        except BaseException:
            Path(named).unlink(missing_ok=True)
            raise
    _sync_folder(target.parent)
    return True


def _write_named(target: Path, data: bytes, existing: os.stat_result | None, replace: bool,
                 mode: int) -> None:
    named: str | None = _temporary_name(target)
    handle = os.open(named, os.O_CREAT | os.O_EXCL | os.O_WRONLY | os.O_CLOEXEC, mode)
    try:
        try:
            _fill(handle, data, existing)
        finally:
            os.close(handle)
        if replace:
            os.replace(named, target)
        else:
            os.link(named, target)  # fails if the target appeared meanwhile
            os.unlink(named)
        named = None
        _sync_folder(target.parent)
    finally:
        if named is not None:  # failed or interrupted (Ctrl+C): leave nothing behind
            Path(named).unlink(missing_ok=True)


def _fill(handle: int, data: bytes, existing: os.stat_result | None) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view):]
    if existing is not None:
        os.fchmod(handle, stat.S_IMODE(existing.st_mode))
        with contextlib.suppress(OSError):  # only root may give a file away
            os.fchown(handle, existing.st_uid, existing.st_gid)
    os.fsync(handle)


def _temporary_name(target: Path) -> str:
    return str(target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"))


def _sweep_leftovers(target: Path) -> None:
    """Remove temporaries that killed writers (pid no longer running) left for this file."""
    prefix = f".{target.name}."
    try:
        with os.scandir(target.parent) as entries:
            names = [entry.name for entry in entries
                     if entry.name.startswith(prefix) and entry.name.endswith(".tmp")]
    except OSError:
        return
    for name in names:
        pid = name[len(prefix):].split(".")[0]
        if pid.isdigit() and not _running(int(pid)):
            Path(target.parent, name).unlink(missing_ok=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but is someone else's
    return True


def _sync_folder(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


def _kind(mode: int) -> str:
    kinds = [(stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a named pipe"),
             (stat.S_ISSOCK, "a socket")]
    return next((name for test, name in kinds if test(mode)), "a special file")


def _failure(path: Path, error: OSError) -> WriteError:
    if isinstance(error, WriteError):
        return error
    reason = _REASONS.get(error.errno or 0) or (error.strerror or str(error)).lower()
    return WriteError(f"cannot write {path}: {reason}", error.errno or 0)
