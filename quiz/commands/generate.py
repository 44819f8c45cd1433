"""`quiz generate`: load every timeline in a folder and write the generated bank."""

from __future__ import annotations

from pathlib import Path

import click

from quiz.content.atomic import write_text_atomic
from quiz.content.dump import to_json, to_yaml
from quiz.content.load import discover, load_timeline
from quiz.content.problems import LoadError


def merged_timeline(folder: str):
    """All timeline files under a folder as one timeline; one file is returned as it is."""
    from quiz.model.events import Timeline

    files = list(discover([folder]))
    if not files:
        raise click.ClickException(f"no timeline files (.yaml, .yml, .json) in {folder}")
    timelines = [load_timeline(path) for path in files]
    if len(timelines) == 1:
        return timelines[0]
    first = timelines[0]
    return Timeline(
        id=first.id, title=first.title, description=first.description,
        sources=[s for t in timelines for s in t.sources],
        actors=[a for t in timelines for a in t.actors],
        events=[e for t in timelines for e in t.events],
    )


def run_generate(seeds: str, seed: int, kinds: list[str], output: str | None) -> int:
    """Generate and write (or print) the bank; 1 with located errors if a seed file is bad."""
    from pydantic import ValidationError

    from quiz.content.generate import NothingToAsk, generate

    try:
        timeline = merged_timeline(seeds)
    except LoadError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        return 1
    except ValidationError as error:
        click.echo(f"{seeds}: the timeline files clash when merged: "
                   f"{error.errors()[0]['msg']}", err=True)
        return 1
    try:
        bank = generate(timeline, seed, kinds).bank
    except NothingToAsk as error:
        click.echo(f"{seeds}: {error}", err=True)
        return 1
    if output is None:
        click.echo(to_yaml(bank), nl=False)
        return 0
    path = Path(output)
    schema = Path("docs/bank.schema.json")
    relative = Path(*[".."] * (len(path.parent.parts))) / schema if path.parent.parts else schema
    text = to_json(bank) if path.suffix.lower() == ".json" else to_yaml(bank, schema=str(relative))
    write_text_atomic(path, text)
    click.echo(f"wrote {len(bank.questions)} questions to {path}", err=True)
    return 0
