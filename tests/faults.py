"""Real faults for tests: a tiny (full) disk, a read-only file system, a write that fails.

Mounting needs root; where it is not allowed the tests that need it are skipped, and the
simulated faults (a patched os.write) still run everywhere."""

from __future__ import annotations

import contextlib
import errno
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def mounted_tmpfs(folder: Path, size: str = "64k") -> Iterator[Path]:
    """A tmpfs of `size` at `folder`, unmounted afterwards; skips the test without root."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True,
                   capture_output=True)


def fill_up(folder: Path) -> None:
    """Leave no free block on the file system holding `folder`."""
    with contextlib.suppress(OSError), open(folder / ".filler", "wb") as filler:
        while True:
            filler.write(b"\0" * 4096)
            filler.flush()


@contextlib.contextmanager
def failing_writes(monkeypatch, code: int = errno.ENOSPC) -> Iterator[None]:
    """os.write fails with `code` for every file but stdin, stdout and stderr."""
    real_write = os.write

    def write(handle: int, data) -> int:
        if handle > 2:
            raise OSError(code, os.strerror(code))
        return real_write(handle, data)

    with monkeypatch.context() as patch:
        patch.setattr(os, "write", write)
        yield
