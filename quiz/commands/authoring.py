"""`quiz lint`, `quiz new` and `quiz preview`."""

from __future__ import annotations

import os
from pathlib import Path

import click

from quiz.commands.output import (
    USAGE,
    missing_inputs,
    no_bank_files,
    output_refused,
    say,
    write_output,
)


def run_lint(paths: tuple[str, ...], strict: bool) -> int:
    from quiz.content.lint import lint_file
    from quiz.content.load import discover
    from quiz.content.problems import LoadError

    if missing_inputs(paths):
        return USAGE
    files = list(discover(paths))
    if not files:
        no_bank_files(", ".join(paths))
        return 1
    warnings = invalid = 0
    for path in files:
        try:
            found = lint_file(path)
        except LoadError as error:
            invalid += 1
            click.echo(str(error))  # located problems, each escaped
            continue
        warnings += len(found)
        for problem in found:
            click.echo(str(problem))
    failed = invalid > 0 or (strict and warnings > 0)
    click.echo(("FAILED: " if failed else "OK: ") + f"{len(files)} file(s), {warnings} "
               f"warning(s), {invalid} invalid", err=True)
    return 1 if failed else 0


def run_new(bank: str, title: str | None, force: bool) -> int:
    from quiz.content.scaffold import scaffold_text

    target = Path(bank)
    if target.suffix.lower() not in (".yaml", ".yml"):
        say("quiz: name the new bank with .yaml, e.g. my-bank.yaml")
        return USAGE
    if output_refused(target, force):
        return USAGE
    folder = Path(os.path.realpath(target)).parent
    if not folder.is_dir():  # never made for you: a typo would scatter folders about
        say(f"quiz: cannot write {target}: the folder {folder} does not exist")
        return 1
    if not write_output(target, scaffold_text(target, title), force):
        return 1
    say(f"Wrote {target}. Next: edit it, then `quiz preview {target}`.")
    return 0


def run_preview(bank: str) -> int:
    from quiz.tui.preview import PreviewApp

    if missing_inputs([bank]):
        return USAGE
    if os.path.isdir(bank):
        say(f"quiz: {bank} is a folder; name one bank file to preview")
        return USAGE
    app = PreviewApp(Path(bank))
    app.run()
    return 1 if app.return_code else 0  # Textual has printed what killed the app
