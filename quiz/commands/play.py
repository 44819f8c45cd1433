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
        from quiz.game.names import counted
        from quiz.game.session import Session
        from quiz.store.history import History

        library = load_library(given or None, cache=folder / "bank-cache", known=preloaded)
        history = History.open(folder)
        history.settle_unfinished()  # rounds of a killed run read as interrupted, not playing
        notices = [n for n in [history.warning] if n]
        if library.problems:
            notices.append(f"{counted(len(library.problems), 'problem')} kept some banks out; "
                           "run `quiz validate` on them to see where.")
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
    """Print recent rounds, newest first, naming banks and chapters by their titles."""
    from quiz.game.bank_cache import cached_titles
    from quiz.game.library import load_library
    from quiz.game.modes import MODES
    from quiz.game.names import place_title, titles_of
    from quiz.safety.terminal import json_text, visible
    from quiz.store.history import History
    from quiz.store.paths import data_dir

    history = History.open(data)
    if history.warning:
        say(history.warning)
    records = history.recent(limit)
    history.close()
    # Titles from every bank played here (the bank cache) and the shipped banks; a bank
    # seen nowhere is named by its id.
    cache = data_dir(data) / "bank-cache"
    titles = titles_of(load_library(cache=cache)) if records else {}
    titles = {**titles, **cached_titles(cache)}
    if fmt == "json":
        click.echo(json_text([{**{k: v for k, v in vars(r).items() if k != "state"},
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
        # A history file is outside input too: a damaged or edited row could hold anything.
        click.echo(visible(f"{r.id:>4}  {r.started_at[:16].replace('T', ' '):<16}  "
                           f"{mode:<9}  {title:<32}  {r.status:<11}  {r.score:>6}  "
                           f"{f'{r.correct}/{r.answered}':>7}"))
    return 0
