"""`quiz lint`, `quiz new` and `quiz preview`."""

from __future__ import annotations

from pathlib import Path

import click


def run_lint(paths: tuple[str, ...], strict: bool) -> int:
    from quiz.content.lint import lint_file
    from quiz.content.load import discover
    from quiz.content.problems import LoadError

    files = list(discover(paths))
    if not files:
        click.echo("quiz: no bank files (.yaml, .yml, .json) to lint", err=True)
        return 2
    warnings = invalid = 0
    for path in files:
        try:
            found = lint_file(path)
        except LoadError as error:
            invalid += 1
            click.echo(str(error))
            continue
        warnings += len(found)
        for problem in found:
            click.echo(str(problem))
    failed = invalid > 0 or (strict and warnings > 0)
    click.echo(("FAILED: " if failed else "OK: ") + f"{len(files)} file(s), {warnings} "
               f"warning(s), {invalid} invalid", err=True)
    return 1 if failed else 0


def run_new(bank: str, title: str | None) -> int:
    from quiz.content.scaffold import ScaffoldExists, scaffold

    target = Path(bank)
    if target.suffix.lower() not in (".yaml", ".yml"):
        click.echo("quiz: name the new bank with .yaml, e.g. my-bank.yaml", err=True)
        return 2
    try:
        scaffold(target, title)
    except ScaffoldExists as error:
        click.echo(f"quiz: {error}", err=True)
        return 2
    click.echo(f"Wrote {target}. Next: edit it, then `quiz preview {target}`.", err=True)
    return 0


def run_preview(bank: str) -> int:
    from quiz.tui.preview import PreviewApp

    app = PreviewApp(Path(bank))
    app.run()
    return 1 if app.return_code else 0  # Textual has printed what killed the app
