"""What commands print, and one rule for the files they read and write: a missing input
is one message everywhere, and an existing output is replaced only with --force."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

import click

from quiz.safety.terminal import visible

BANK_FILES = "bank files (.yaml, .yml, .json)"
USAGE = 2
"""Exit code for a command line that names a missing input or an output it may not write."""


def say(text: str, *, err: bool = True, nl: bool = True) -> None:
    """Print text that may hold outside text (paths, names), with controls escaped."""
    click.echo(visible(text), err=err, nl=nl)


def missing_inputs(paths: Iterable[str | Path]) -> bool:
    """Print `quiz: PATH: no such file or folder` for each input that is not there."""
    missing = [path for path in paths if not os.path.exists(path)]
    for path in missing:
        say(f"quiz: {path}: no such file or folder")
    return bool(missing)


def no_bank_files(folder: str | Path) -> None:
    say(f"quiz: {folder}: no {BANK_FILES} in this folder")


def output_refused(path: str | Path, force: bool) -> bool:
    """True (after saying why) if `path` may not be written: it exists and --force was not
    given, or it is not a regular file (a folder, or a device such as /dev/null)."""
    try:
        info = os.stat(path)
    except OSError:
        return False  # not there (or a dangling link): writing will create it
    if not stat.S_ISREG(info.st_mode):
        say(f"quiz: {path} is not a regular file; name a file to write")
        return True
    if not force:
        say(f"quiz: {path} already exists; pass --force to replace it")
        return True
    return False


def write_output(path: str | Path, text: str, force: bool) -> bool:
    """Write atomically; False (after one sentence) if it could not be done."""
    from quiz.content.atomic import WriteError, write_text_atomic

    try:
        write_text_atomic(path, text, replace=force)
    except WriteError as error:
        say(f"quiz: {error}")
        return False
    return True
