"""The authoring commands: import, export, lint, new and preview."""

from __future__ import annotations

import sys

import click


@click.command(name="import")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["gift", "aiken"]),
              help="The file's format (default: by extension, else by content).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The bank to write (.yaml or .json).")
@click.option("--id", "bank_id", help="The new bank's id (default: from the file name).")
@click.option("--title", help="The new bank's title (default: from the file name).")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
def import_(source, fmt, output, bank_id, title, force):
    """Convert a Moodle GIFT or Aiken file into a bank, reporting by line whatever
    cannot be held (essays, short answers, matching)."""
    from quiz.commands.interchange import run_import

    sys.exit(run_import(source, fmt, output, bank_id, title, force))


@click.command()
@click.argument("bank", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["gift", "aiken", "json", "yaml"]),
              help="The format to write (default: from OUTPUT's extension).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write here instead of printing.")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
def export(bank, fmt, output, force):
    """Convert a bank to GIFT or Aiken (for Moodle), or to JSON or YAML."""
    from quiz.commands.interchange import run_export

    sys.exit(run_export(bank, fmt, output, force))


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--strict", is_flag=True, help="Exit 1 if there is any warning.")
def lint(paths, strict):
    """Check item writing: answer-position bias, a conspicuously long key, 'all/none of
    the above', unemphasised negatives, near-duplicates, missing explanations or sources."""
    from quiz.commands.authoring import run_lint

    sys.exit(run_lint(paths, strict))


@click.command()
@click.argument("bank", type=click.Path(dir_okay=False))
@click.option("--title", help="The bank's title.")
@click.option("--force", is_flag=True, help="Replace BANK if it exists.")
def new(bank, title, force):
    """Start a bank file: the $schema line, metadata, and a commented example of each
    question type. An existing file is replaced only with --force."""
    from quiz.commands.authoring import run_new

    sys.exit(run_new(bank, title, force))


@click.command()
@click.argument("bank", type=click.Path())
def preview(bank):
    """Play a bank while you write it: it reloads whenever the file is saved, and shows
    validation problems with their lines instead of stopping."""
    from quiz.commands.authoring import run_preview

    sys.exit(run_preview(bank))


COMMANDS = [import_, export, lint, new, preview]
