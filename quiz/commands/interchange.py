"""`quiz import` and `quiz export`: GIFT and Aiken in, GIFT, Aiken, JSON and YAML out."""

from __future__ import annotations

from pathlib import Path

import click

from quiz.content.atomic import write_text_atomic


def guess_format(path: Path, text: str) -> str:
    """By extension, else by content: Aiken files have `ANSWER:` lines and no braces."""
    if path.suffix.lower() == ".gift":
        return "gift"
    if path.suffix.lower() == ".aiken":
        return "aiken"
    aiken_like = any(line.strip().upper().startswith("ANSWER:") for line in text.splitlines())
    return "aiken" if aiken_like and "{" not in text else "gift"


def run_import(source: str, fmt: str | None, output: str, bank_id: str | None,
               title: str | None, force: bool) -> int:
    from quiz.content.dump import to_json, to_yaml
    from quiz.content.interchange.aiken import read_aiken
    from quiz.content.interchange.gift_read import read_gift
    from quiz.content.interchange.shared import slug, to_bank

    path, target = Path(source), Path(output)
    if target.exists() and not force:
        click.echo(f"quiz: {target} already exists; pass --force to replace it", err=True)
        return 2
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        click.echo(f"quiz: {path} is not UTF-8 text (byte {error.start}); save it as UTF-8 "
                   "and try again", err=True)
        return 2
    fmt = fmt or guess_format(path, text)
    converted = (read_gift if fmt == "gift" else read_aiken)(text, str(path))
    bank = to_bank(converted, bank_id or slug(path.stem, "imported"),
                   title or path.stem.replace("_", " ").replace("-", " ").strip() or "Imported",
                   str(path))
    for problem in sorted(converted.problems):
        click.echo(str(problem))
    if bank is None:
        click.echo(f"quiz: nothing in {path} could be imported as {fmt.upper()}", err=True)
        return 1
    body = to_json(bank) if target.suffix == ".json" else to_yaml(bank)
    write_text_atomic(target, body)
    skipped = sum(1 for p in converted.problems if p.severity == "error")
    click.echo(f"Imported {len(bank.questions)} question(s) from {path} ({fmt.upper()}) into "
               f"{target}" + (f"; {skipped} could not be imported (listed above)" if skipped
                              else ""), err=True)
    return 0


def run_export(source: str, fmt: str, output: str | None) -> int:
    from quiz.content.dump import to_json, to_yaml
    from quiz.content.interchange.aiken import write_aiken
    from quiz.content.interchange.gift_write import write_gift
    from quiz.content.load import load_bank
    from quiz.content.problems import LoadError

    try:
        bank = load_bank(source)
    except LoadError as error:
        click.echo(str(error), err=True)
        return 1
    problems = []
    if fmt == "gift":
        text, problems = write_gift(bank, source)
    elif fmt == "aiken":
        text, problems = write_aiken(bank, source)
    else:
        text = to_json(bank) if fmt == "json" else to_yaml(bank)
    for problem in problems:
        click.echo(str(problem), err=True)
    if output:
        write_text_atomic(output, text)
        click.echo(f"Wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    return 0
