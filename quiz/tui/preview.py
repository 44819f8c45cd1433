"""`quiz preview`: the player on one bank file, reloaded whenever the file is saved.
Validation problems are shown in place, with their lines, until the file is fixed."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.game.names import counted
from quiz.tui.app import QuizApp
from quiz.tui.screens.home import HomeScreen
from quiz.tui.text import joined, plain

POLL_SECONDS = 0.5


class ProblemsScreen(Screen):
    """What is wrong with the file, one located problem a line; fixing it reloads."""

    def __init__(self, path: Path, problems: list[str]):
        super().__init__()
        self.path, self.problems = path, problems

    def compose(self) -> ComposeResult:
        heading = joined((f"{self.path.name} cannot be played yet", "bold"),
                         f": {counted(len(self.problems), 'problem')}. Fix the file and save; this "
                         "view reloads by itself.")
        yield Static(heading, id="problems-heading")
        with VerticalScroll(id="problems"):
            yield Static(Text("\n").join(plain(p) for p in self.problems))
        yield Footer()


def file_stamp(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


class PreviewApp(QuizApp):
    TITLE = "Scenario Quiz · preview"

    def __init__(self, path: Path, *, poll: float = POLL_SECONDS):
        # Rounds played in a preview are the author's tests, not a learner's history.
        self.scratch = Path(tempfile.mkdtemp(prefix="quiz-preview-"))
        super().__init__(loader=lambda: (None, []))
        self.path, self.poll = path, poll
        self.stamp: tuple[int, int] | None = None
        self.history = None
        self.reloads = 0

    def on_mount(self, event) -> None:
        from quiz.store.history import History

        event.prevent_default()  # the game's own start-up (saved menu, loader) is not wanted

        self.history = History.open(self.scratch)
        self.watch_history(self.history)
        self.run_worker(self.reload(), exclusive=True, group="reload")
        self.set_interval(self.poll, self.check_file)

    def check_file(self) -> None:
        if file_stamp(self.path) != self.stamp:
            self.run_worker(self.reload(), exclusive=True, group="reload")

    async def reload(self) -> None:
        self.stamp = file_stamp(self.path)
        screen, message = self._load()
        if self.session is not None:
            self.session.interrupt()
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        await self.push_screen(screen)
        self.reloads += 1
        if message:
            self.notify(message, timeout=4)

    def _load(self) -> tuple[Screen, str | None]:
        from quiz.content.load import load_file
        from quiz.content.problems import LoadError
        from quiz.game.library import Library
        from quiz.game.session import Session

        try:
            loaded = load_file(self.path, "bank")
        except LoadError as error:
            self.session = None
            return ProblemsScreen(self.path, [str(p) for p in error.problems]), None
        except OSError as error:
            self.session = None
            return ProblemsScreen(self.path, [f"{self.path}: cannot be read "
                                              f"({error.strerror or error})"]), None
        bank = loaded.model
        self.session = Session(Library([bank]), self.history)
        count = sum(1 for _ in bank.all_questions())
        message = f"Reloaded {self.path.name}: {counted(count, 'question')}"
        if loaded.warnings:
            message += f", {counted(len(loaded.warnings), 'warning')} (quiz lint lists them)"
        return HomeScreen(self.current_menu(), self.session), (message if self.reloads else None)

    def on_unmount(self) -> None:
        if self.session is not None:
            self.session.interrupt()
        if self.history is not None:
            self.history.close()
        shutil.rmtree(self.scratch, ignore_errors=True)
