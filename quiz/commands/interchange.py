"""`quiz import` and `quiz export`: GIFT and Aiken in, GIFT, Aiken, JSON and YAML out."""

from __future__ import annotations

from pathlib import Path

import click

from quiz.commands.output import USAGE, missing_inputs, output_refused, say, write_output

NATIVE_SUFFIXES = (".yaml", ".yml", ".json")
EXPORT_SUFFIXES = {".gift": "gift", ".aiken": "aiken", ".json": "json", ".yaml": "yaml",
                   ".yml": "yaml"}


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
    from quiz.content.dump import schema_reference, to_json, to_yaml
    from quiz.content.interchange.aiken import read_aiken
    from quiz.content.interchange.gift_read import read_gift
    from quiz.content.interchange.shared import bank_names, to_bank

    path, target = Path(source), Path(output)
    if missing_inputs([source]) or output_refused(target, force):
        return USAGE
    if fmt is None and path.suffix.lower() in NATIVE_SUFFIXES:
        say(f"quiz: {path} is already a Scenario Quiz bank ({path.suffix[1:].upper()}), so "
            "there is nothing to import: play or validate it as it is, or convert it with "
            "`quiz export`")
        return USAGE
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        say(f"quiz: {path} is not UTF-8 text (byte {error.start}); save it as UTF-8 and try "
            "again")
        return USAGE
    except OSError as error:
        say(f"quiz: cannot read {path}: {(error.strerror or str(error)).lower()}")
        return 1
    fmt = fmt or guess_format(path, text)
    converted = (read_gift if fmt == "gift" else read_aiken)(text, str(path))
    named_id, named_title = bank_names(converted, path.stem)
    bank = to_bank(converted, bank_id or named_id, title or named_title, str(path))
    for problem in sorted(converted.problems):
        click.echo(str(problem))
    if bank is None:
        say(f"quiz: nothing in {path} could be imported as {fmt.upper()}")
        return 1
    body = (to_json(bank) if target.suffix.lower() == ".json"
            else to_yaml(bank, schema=schema_reference(target)))
    if not write_output(target, body, force):
        return 1
    errors = [p for p in converted.problems if p.severity == "error"]
    skipped = sum(1 for p in errors if p.message.endswith("was not imported"))
    ignored = len(errors) - skipped
    say(f"Imported {len(bank.questions)} question(s) from {path} ({fmt.upper()}) into "
        f"{target}" + (f"; {skipped} could not be imported" if skipped else "")
        + (f"; {ignored} stray line(s) were ignored" if ignored else "")
        + (" (listed above)" if errors else ""))
    return 0


def export_format(fmt: str | None, output: str | None) -> str | None:
    """--format if given, else the format `-o`'s extension names (as import guesses)."""
    if fmt is not None:
        return fmt
    if output is not None:
        return EXPORT_SUFFIXES.get(Path(output).suffix.lower())
    return None


def run_export(source: str, fmt: str | None, output: str | None, force: bool) -> int:
    from quiz.content.dump import schema_reference, to_json, to_yaml
    from quiz.content.interchange.aiken import write_aiken
    from quiz.content.interchange.gift_write import write_gift
    from quiz.content.load import load_bank
    from quiz.content.problems import LoadError

    chosen = export_format(fmt, output)
    if chosen is None:
        say("quiz: choose a format with --format gift|aiken|json|yaml, or give -o a file "
            "ending in .gift, .aiken, .json or .yaml")
        return USAGE
    if missing_inputs([source]) or (output is not None and output_refused(output, force)):
        return USAGE
    try:
        bank = load_bank(source)
    except LoadError as error:
        click.echo(str(error), err=True)
        return 1
    problems = []
    if chosen == "gift":
        text, problems = write_gift(bank, source)
    elif chosen == "aiken":
        text, problems = write_aiken(bank, source)
    elif chosen == "json":
        text = to_json(bank)
    else:
        text = to_yaml(bank, schema=schema_reference(output) if output else None)
    for problem in _at_their_lines(problems, bank, source):
        click.echo(str(problem), err=True)
    if output:
        if not write_output(output, text, force):
            return 1
        say(f"Wrote {output}")
    else:
        click.echo(text, nl=False)
    return 0


def _at_their_lines(problems: list, bank, source: str) -> list:
    """A left-out question is reported at the line of its id in the bank file, so the author
    can find it; problems about the whole bank stay at the top."""
    import re
    from pathlib import Path

    from quiz.content.locate import compose, find_position
    from quiz.content.problems import Problem

    if not problems:
        return problems
    places = {question.id: location for location, question in _located(bank)}
    root = None
    located = []
    for problem in problems:
        named = re.match(r"question '([^']+)'", problem.message)
        if named and named.group(1) in places:
            if root is None:
                root = compose(Path(source).read_text(encoding="utf-8-sig"))
            line, col = find_position(root, places[named.group(1)] + ("id",))
            problem = Problem(problem.path, line, col, problem.message, problem.severity)
        located.append(problem)
    return located


def _located(bank):
    for index, question in enumerate(bank.questions):
        yield ("questions", index), question
    for s_index, scenario in enumerate(bank.scenarios):
        for index, question in enumerate(scenario.questions):
            yield ("scenarios", s_index, "questions", index), question
