"""Read an author's file safely: only regular files, never blocking on a FIFO or device,
and never more than the size limit."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from quiz.content.problems import LoadError, Problem


def read_bytes(path: Path, shown: str, max_bytes: int) -> bytes:
    """The file's bytes; only a regular file is opened for good (a FIFO would block)."""
    def refuse(message: str) -> LoadError:
        return LoadError([Problem(shown, 1, 1, message)])

    try:
        # O_NONBLOCK: opening a FIFO with no writer returns at once instead of hanging.
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        raise refuse(_folder_problem(path)) from None
    except OSError as error:
        raise refuse(f"cannot read the file: {_reason(error)}") from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise refuse(_folder_problem(path))
        if not stat.S_ISREG(info.st_mode):
            raise refuse(f"this is {_file_kind(info.st_mode)}, not a regular file; name a "
                         "bank file instead")
        if info.st_size > max_bytes:
            raise refuse(f"the file is {info.st_size / 2**20:.1f} MiB, over the "
                         f"{max_bytes / 2**20:.0f} MiB limit for one bank; split it into "
                         "several banks")
        os.set_blocking(handle, True)
        with os.fdopen(handle, "rb", closefd=False) as stream:
            return stream.read(max_bytes + 1)
    except OSError as error:
        raise refuse(f"cannot read the file: {_reason(error)}") from None
    finally:
        os.close(handle)


def _folder_problem(path: Path) -> str:
    try:
        os.scandir(path).close()
    except OSError as error:
        return (f"cannot open this folder ({_reason(error)}), so the bank files in it were "
                "not read")
    return "this is a folder, not a file"


def _reason(error: OSError) -> str:
    return error.strerror.lower() if error.strerror else str(error)


def _file_kind(mode: int) -> str:
    kinds = [(stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
             (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")]
    return next((name for test, name in kinds if test(mode)), "a special file")
