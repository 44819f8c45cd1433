"""`quiz play` and `quiz history`: start the game, or print what has been played."""

from __future__ import annotations

import json
import os

import click


def run_play(banks: tuple[str, ...], mode: str | None, seed: int | None,
             data: str | None) -> int:
    """Load the banks and history, then hand over to the Textual app."""
    from quiz.game.library import load_library
    from quiz.game.session import Session
    from quiz.store.history import History, data_dir

    library = load_library(list(banks) or None, cache=data_dir(data) / "bank-cache")
    if not library.banks:
        for problem in library.problems:
            click.echo(problem, err=True)
        click.echo("no playable bank found" + (f" in {', '.join(banks)}" if banks else ""),
                   err=True)
        return 1
    history = History.open(data)
    notices = [n for n in [history.warning] if n]
    if library.problems:
        notices.append(f"{len(library.problems)} problem(s) kept some banks out; run "
                       "`quiz validate` on them to see where.")
    from quiz.tui.app import QuizApp

    app = QuizApp(Session(library, history, seed=seed), notices=notices, mode=mode)
    try:
        # The start-up benchmark runs without a terminal, like its baselines.
        app.run(headless=bool(os.environ.get("QUIZ_EXIT_WHEN_READY")))
    finally:
        app.session.interrupt()
        history.close()
    return 0


def run_history(data: str | None, limit: int, fmt: str) -> int:
    """Print recent rounds, newest first."""
    from quiz.store.history import History

    history = History.open(data)
    if history.warning:
        click.echo(history.warning, err=True)
    records = history.recent(limit)
    if fmt == "json":
        click.echo(json.dumps([{k: v for k, v in vars(r).items() if k != "state"}
                               for r in records], indent=2))
        return 0
    if not records:
        click.echo("No rounds played yet. Start one with `quiz play`.")
        return 0
    click.echo(f"{'id':>4}  {'when':<19}  {'mode':<9}  {'bank / chapter':<34}  "
               f"{'status':<11}  {'score':>6}  {'right':>7}  {'streak':>6}")
    for r in records:
        where = r.bank_id + (f" / {r.chapter_id}" if r.chapter_id else "")
        click.echo(f"{r.id:>4}  {r.started_at[:19].replace('T', ' '):<19}  {r.mode:<9}  "
                   f"{where[:34]:<34}  {r.status:<11}  {r.score:>6}  "
                   f"{f'{r.correct}/{r.answered}':>7}  {r.best_streak:>6}")
    return 0
