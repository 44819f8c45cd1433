"""`quiz play` and `quiz history`: start the game, or print what has been played."""

from __future__ import annotations

import json
from pathlib import Path

import click

BANK_SUFFIXES = (".yaml", ".yml", ".json")


def _has_bank_files(paths: list[Path]) -> bool:
    return any(p.is_file() or any(f.suffix.lower() in BANK_SUFFIXES for f in p.rglob("*"))
               for p in paths)


def run_play(banks: tuple[str, ...], mode: str | None, seed: int | None,
             data: str | None) -> int:
    """Start the app at once on the saved menu; banks and history load behind it."""
    from quiz.store.paths import data_dir
    from quiz.tui.app import QuizApp

    folder = data_dir(data)
    given = [Path(b) for b in banks]
    if given and not _has_bank_files(given):
        click.echo(f"no bank files (.yaml, .yml, .json) in {', '.join(banks)}", err=True)
        return 1
    sources = [str(p.resolve()) for p in given]

    def load():
        from quiz.game.library import load_library
        from quiz.game.names import counted
        from quiz.game.session import Session
        from quiz.store.history import History

        library = load_library(given or None, cache=folder / "bank-cache")
        history = History.open(folder)
        history.settle_unfinished()  # rounds of a killed run read as interrupted, not playing
        notices = [n for n in [history.warning] if n]
        if library.problems:
            notices.append(f"{counted(len(library.problems), 'problem')} kept some banks out; "
                           "run `quiz validate` on them to see where.")
        if not library.banks:
            notices.append("No playable bank was found.")
        return Session(library, history, seed=seed), notices

    app = QuizApp(loader=load, sources=sources, data_folder=folder, mode=mode)
    try:
        app.run()
    finally:
        if app.session is not None:
            app.session.interrupt()
            app.session.history.close()
    return 0


def run_history(data: str | None, limit: int, fmt: str) -> int:
    """Print recent rounds, newest first, naming banks and chapters by their titles."""
    from quiz.game.bank_cache import cached_titles
    from quiz.game.library import load_library
    from quiz.game.modes import MODES
    from quiz.game.names import place_title, titles_of
    from quiz.store.history import History
    from quiz.store.paths import data_dir

    history = History.open(data)
    if history.warning:
        click.echo(history.warning, err=True)
    records = history.recent(limit)
    # Titles from every bank played here (the bank cache) and the shipped banks; a bank
    # seen nowhere is named by its id.
    cache = data_dir(data) / "bank-cache"
    titles = titles_of(load_library(cache=cache)) if records else {}
    titles = {**titles, **cached_titles(cache)}
    if fmt == "json":
        click.echo(json.dumps([{**{k: v for k, v in vars(r).items() if k != "state"},
                                "title": place_title(titles, r.bank_id, r.chapter_id)}
                               for r in records], indent=2))
        return 0
    if not records:
        click.echo("No rounds played yet. Start one with `quiz play`.")
        return 0
    click.echo(f"{'id':>4}  {'when':<16}  {'mode':<9}  {'bank or chapter':<32}  "
               f"{'status':<11}  {'score':>6}  {'right':>7}")
    for r in records:
        title = place_title(titles, r.bank_id, r.chapter_id)
        title = title if len(title) <= 32 else title[:31] + "…"
        mode = MODES[r.mode].title if r.mode in MODES else r.mode
        click.echo(f"{r.id:>4}  {r.started_at[:16].replace('T', ' '):<16}  {mode:<9}  "
                   f"{title:<32}  {r.status:<11}  {r.score:>6}  "
                   f"{f'{r.correct}/{r.answered}':>7}")
    return 0
