"""The classroom commands: serve, host, join and report."""

from __future__ import annotations

import sys

import click

DB_HELP = "The session file (default: classroom.db in the data folder)."


def _session_options(command):
    options = [
        click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
                     help="Port to listen on (0 picks a free one)."),
        click.option("--listen", "host", default="127.0.0.1", show_default=True,
                     help="Address to listen on; 0.0.0.0 lets other machines join."),
        click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP),
        click.option("--new", "fresh", is_flag=True,
                     help="Start a new session even if the file has an unfinished one."),
        click.option("--resume", is_flag=True,
                     help="Carry on with the file's unfinished session without asking, "
                          "even if it was started with other options or hours ago."),
        click.option("--chapter", help="Play only this chapter (scenario id) of the bank."),
        click.option("--count", type=click.IntRange(1), help="Play only the first N questions."),
        click.option("--seed", type=int, help="Shuffle the choices by this seed."),
        click.option("--time-limit", default=20.0, show_default=True,
                     type=click.FloatRange(3, 600),
                     help="Seconds per question, unless a question sets its own."),
        click.option("--admission", is_flag=True,
                     help="Newcomers wait in the lobby until the teacher lets them in."),
        click.option("--connections-per-address", default=150, show_default=True,
                     type=click.IntRange(1), help="Open connections allowed from one "
                     "address (a class behind one router shares an address)."),
        click.option("--joins-per-minute", default=120, show_default=True,
                     type=click.IntRange(1), help="New students allowed from one address "
                     "a minute."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@click.command()
@click.argument("bank", required=False, type=click.Path(exists=True, dir_okay=False))
@_session_options
@click.option("--json", "as_json", is_flag=True,
              help="Print the join details as one JSON line (for scripts).")
def serve(bank, as_json, **options):
    """Run a live session server without a dashboard; prints the join link, code and host
    token. Students open the link in a browser, or use `quiz join`.

    Started again on the same --db after a crash, it resumes the unfinished session."""
    from quiz.commands.classroom import run_serve

    sys.exit(run_serve(bank, as_json=as_json, **options))


@click.command()
@click.argument("bank", required=False, type=click.Path(exists=True, dir_okay=False))
@_session_options
@click.option("--attach", metavar="URL", help="Attach to a running server instead.")
@click.option("--code", help="With --attach: the session's join code.")
@click.option("--token", help="With --attach: the host token `quiz serve` printed.")
def host(bank, attach, code, token, **options):
    """Host a live session: starts the server and opens the teacher's dashboard."""
    from quiz.commands.classroom import run_host

    sys.exit(run_host(bank, attach=attach, code=code, token=token, **options))


@click.command()
@click.argument("url")
@click.option("--code", required=True, help="The join code on the teacher's screen.")
@click.option("--name", help="Your name as the class will see it, up to 40 characters (not "
              "needed to rejoin).")
@click.option("--data-dir", type=click.Path(file_okay=False),
              help="Where your rejoin token is kept (default: $QUIZ_DATA_DIR or the user "
                   "data folder).")
def join(url, code, name, data_dir):
    """Join a live session from your terminal, e.g. quiz join ws://10.0.0.5:8765 --code K7Q2ZD."""
    from quiz.commands.classroom import run_join

    sys.exit(run_join(url, code.strip().upper(), name, data_dir))


@click.command()
@click.option("--db", type=click.Path(dir_okay=False), help=DB_HELP)
@click.option("--session", "session", type=int, help="Session id (default: the newest).")
@click.option("--format", "fmt", type=click.Choice(["text", "csv", "json"]), default="text",
              show_default=True, help="Output format.")
def report(db, session, fmt):
    """Print a session's results: each student, and an item analysis of each question."""
    from quiz.commands.classroom import run_report

    sys.exit(run_report(db, session, fmt))


COMMANDS = [serve, host, join, report]
