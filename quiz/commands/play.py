"""`quiz play` and `quiz history`: start the game, or print what has been played."""

from __future__ import annotations

from pathlib import Path

import click

from quiz.commands.output import USAGE, missing_inputs, no_bank_files, say

BANK_SUFFIXES = (".yaml", ".yml", ".json")


def _has_bank_files(folder: Path) -> bool:
    return any(f.suffix.lower() in BANK_SUFFIXES for f in folder.rglob("*"))


def run_play(banks: tuple[str, ...], mode: str | None, seed: int | None,
             data: str | None) -> int:
    """Start the app at once on the saved menu; banks and history load behind it.

    A bank file named on the command line is checked first, so a wrong file (a README, a
    broken bank) fails here with the loader's located problems rather than as an empty
    game. Folders are searched behind the menu, and their bad files are listed there.
    """
    from quiz.store.paths import data_dir
    from quiz.tui.app import QuizApp

    if missing_inputs(banks):
        return USAGE
    folder = data_dir(data)
    given = [Path(b) for b in banks]
    for path in given:
        if path.is_dir() and not _has_bank_files(path):
            no_bank_files(path)
            return 1
    preloaded = _load_named_files([p for p in given if not p.is_dir()], folder)
    if preloaded is None:
        return 1
    sources = [str(p.resolve()) for p in given]
    app = QuizApp(loader=session_loader(given, folder, seed, preloaded), sources=sources,
                  data_folder=folder, mode=mode)
    try:
        app.run()
    finally:
        if app.session is not None:
            app.session.interrupt()
            app.session.history.close()
    return 1 if app.return_code else 0  # Textual has printed what killed the app


def session_loader(given: list[Path], folder: Path, seed: int | None,
                   preloaded: dict | None = None):
    """What the app runs behind its first paint: banks, history, and notices about both."""

    def load():
        from quiz.game.library import load_library
        from quiz.game.session import Session
        from quiz.store.history import History

        library = load_library(given or None, cache=folder / "bank-cache", known=preloaded)
        history = History.open(folder)
        notices = [n for n in [history.warning] if n]
        if library.problems:
            notices.append(f"{len(library.problems)} problem(s) kept some banks out; run "
                           "`quiz validate` on them to see where.")
        if not library.banks:
            notices.append("No playable bank was found.")
        return Session(library, history, seed=seed), notices

    return load


def _load_named_files(files: list[Path], folder: Path) -> dict[Path, object] | None:
    """Each named file's bank (through the cache), or None after printing its problems."""
    if not files:
        return {}
    from quiz.content.problems import LoadError
    from quiz.game.bank_cache import cached_load_bank

    loaded: dict[Path, object] = {}
    failed = False
    for path in files:
        try:
            loaded[path] = cached_load_bank(path, folder / "bank-cache")
        except LoadError as error:
            failed = True
            for problem in error.problems:
                click.echo(str(problem), err=True)
    return None if failed else loaded


def run_history(data: str | None, limit: int, fmt: str) -> int:
    """Print recent rounds, newest first."""
    from quiz.safety.terminal import json_text, visible
    from quiz.store.history import History

    history = History.open(data)
    if history.warning:
        say(history.warning)
    records = history.recent(limit)
    history.close()
    if fmt == "json":
        click.echo(json_text([{k: v for k, v in vars(r).items() if k != "state"}
                              for r in records], indent=2))
        return 0
    if not records:
        click.echo("No rounds played yet. Start one with `quiz play`.")
        return 0
    click.echo(f"{'id':>4}  {'when':<19}  {'mode':<9}  {'bank / chapter':<34}  "
               f"{'status':<11}  {'score':>6}  {'right':>7}  {'streak':>6}")
    for r in records:
        where = r.bank_id + (f" / {r.chapter_id}" if r.chapter_id else "")
        # A history file is outside input too: a damaged or edited row could hold anything.
        click.echo(visible(f"{r.id:>4}  {r.started_at[:19].replace('T', ' '):<19}  "
                           f"{r.mode:<9}  {where[:34]:<34}  {r.status:<11}  {r.score:>6}  "
                           f"{f'{r.correct}/{r.answered}':>7}  {r.best_streak:>6}"))
    return 0
