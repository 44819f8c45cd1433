"""`quiz validate`: load every file, print located problems, return an exit code."""

from __future__ import annotations

import click

from quiz.commands.output import USAGE, missing_inputs, no_bank_files
from quiz.content.load import discover, load_file
from quiz.content.problems import LoadError


def run_validate(paths: tuple[str, ...], *, strict: bool, quiet: bool) -> int:
    """Validate files and folders; 0 when all are valid (and, with strict, warning-free)."""
    if missing_inputs(paths):
        return USAGE
    files, empty = [], []
    for given in paths:
        found = list(discover([given]))
        if not found:
            no_bank_files(given)
            empty.append(given)
        files.extend(found)
    if not files:
        return 1
    errors = warnings = valid = 0
    for path in files:
        try:
            loaded = load_file(path)
        except LoadError as error:
            errors += len(error.problems)
            for problem in error.problems:
                click.echo(str(problem))
            continue
        valid += 1
        warnings += len(loaded.warnings)
        for problem in loaded.warnings:
            click.echo(str(problem))
    failed = bool(empty) or errors > 0 or (strict and warnings > 0)
    if not quiet:
        summary = (f"{len(files)} file(s): {valid} valid, {errors} error(s), "
                   f"{warnings} warning(s)")
        click.echo(("FAILED: " if failed else "OK: ") + summary, err=True)
    return 1 if failed else 0
