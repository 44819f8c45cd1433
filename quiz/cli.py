"""The `quiz` command line: a click group whose commands are thin calls into the core."""

from __future__ import annotations

import sys

import click

from quiz import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quiz")
def main() -> None:
    """Scenario Quiz: learn from documented sources, one scenario moment at a time."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no summary line.")
def validate(paths: tuple[str, ...], strict: bool, quiet: bool) -> None:
    """Check bank and seed files (or folders of them) and report every problem by line."""
    from quiz.commands.validate import run_validate

    sys.exit(run_validate(paths, strict=strict, quiet=quiet))


@main.command()
@click.option("--kind", type=click.Choice(["bank", "timeline"]), default="bank",
              show_default=True, help="Which file format's schema to print.")
def schema(kind: str) -> None:
    """Print the JSON Schema of a bank (or timeline) file, for editors and other tools."""
    from quiz.commands.schema import schema_text

    click.echo(schema_text(kind), nl=False)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "markdown"]),
              default="text", show_default=True, help="Output format.")
def key(paths: tuple[str, ...], fmt: str) -> None:
    """Print the answer key of banks (or folders of banks): answer, explanation, sources."""
    from quiz.commands.key import run_key

    sys.exit(run_key(paths, fmt))


def _kinds(_ctx, _param, value: str | None) -> list[str]:
    from quiz.content.generate.core import DEFAULT_KINDS, KINDS

    if not value:
        return list(DEFAULT_KINDS)
    chosen = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [kind for kind in chosen if kind not in KINDS]
    if unknown:
        raise click.BadParameter(f"unknown kind {unknown[0]!r}; choose from {', '.join(KINDS)}")
    return chosen


@main.command()
@click.option("--seeds", default="seeds", show_default=True, type=click.Path(file_okay=False),
              help="Folder of timeline files.")
@click.option("--seed", default=0, show_default=True, type=int,
              help="Random seed: the same seed gives a byte-identical bank.")
@click.option("--types", "kinds", callback=_kinds, metavar="KIND,...",
              help="Question kinds to make (default all but predict): who, what, when, "
                   "where, how-many, cause, outlet, said, true-false, source, order, predict.")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the bank here (.yaml or .json) instead of printing it.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
def generate(seeds: str, seed: int, kinds: list[str], output: str | None, force: bool) -> None:
    """Generate cited scenario questions from the documented timeline."""
    from quiz.commands.generate import run_generate

    sys.exit(run_generate(seeds, seed, kinds, output, force))


from quiz.game.modes import MODES  # noqa: E402  (a small table, no heavy imports)

MODE_NAMES = list(MODES)


@main.command()
@click.argument("banks", nargs=-1, type=click.Path())
@click.option("--mode", type=click.Choice(MODE_NAMES), help="Mode to preselect on the menu.")
@click.option("--seed", type=int, help="Deal questions in a fixed order (for teaching and tests).")
@click.option("--data-dir", type=click.Path(file_okay=False),
              help="Where history is kept (default: $QUIZ_DATA_DIR or the user data folder).")
def play(banks: tuple[str, ...], mode: str | None, seed: int | None, data_dir: str | None):
    """Play in the terminal: the shipped banks, or the bank files and folders given."""
    from quiz.commands.play import run_play

    sys.exit(run_play(banks, mode, seed, data_dir))


@main.command()
@click.option("--data-dir", type=click.Path(file_okay=False),
              help="Where history is kept (default: $QUIZ_DATA_DIR or the user data folder).")
@click.option("--limit", default=50, show_default=True, help="How many rounds to show.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
def history(data_dir: str | None, limit: int, fmt: str) -> None:
    """Print the rounds you have played, newest first."""
    from quiz.commands.play import run_history

    sys.exit(run_history(data_dir, limit, fmt))


def _add_commands() -> None:
    from quiz.cli_authoring import COMMANDS as AUTHORING
    from quiz.cli_classroom import COMMANDS as CLASSROOM

    for command in AUTHORING + CLASSROOM:
        main.add_command(command)


_add_commands()
