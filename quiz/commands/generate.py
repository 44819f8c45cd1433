"""`quiz generate`: load every timeline in a folder and write the generated bank."""

from __future__ import annotations

from pathlib import Path

import click

from quiz.commands.output import USAGE, missing_inputs, output_refused, say, write_output
from quiz.content.dump import schema_reference, to_json, to_yaml
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


def run_generate(seeds: str, seed: int, kinds: list[str], output: str | None,
                 force: bool = False) -> int:
    """Generate and write (or print) the bank; 1 with located errors if a seed file is bad."""
    from pydantic import ValidationError

    from quiz.content.generate import NothingToAsk, generate

    if missing_inputs([seeds]) or (output is not None and output_refused(output, force)):
        return USAGE
    try:
        timeline = merged_timeline(seeds)
    except LoadError as error:
        for problem in error.problems:
            click.echo(str(problem), err=True)
        return 1
    except ValidationError as error:
        say(f"{seeds}: the timeline files clash when merged: {error.errors()[0]['msg']}")
        return 1
    try:
        bank = generate(timeline, seed, kinds).bank
    except NothingToAsk as error:
        say(f"{seeds}: {error}")
        return 1
    if output is None:
        click.echo(to_yaml(bank), nl=False)
        return 0
    path = Path(output)
    text = (to_json(bank) if path.suffix.lower() == ".json"
            else to_yaml(bank, schema=schema_reference(path)))
    if not write_output(path, text, force):
        return 1
    say(f"wrote {len(bank.questions)} questions to {path}")
    return 0
