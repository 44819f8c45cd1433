"""The Textual application: screens, global keys, and the one place Textual meets the core."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from quiz.game.menu import MENU_FILE, Menu, build_menu
from quiz.tui.screens.dialogs import MIN_HEIGHT, MIN_WIDTH, ConfirmQuit, HelpScreen, TooSmall
from quiz.tui.screens.home import HomeScreen
from quiz.tui.text import PlainNotifications

Loader = Callable[[], tuple[object, list[str]]]
"""Builds the session (banks, history, review deck) and any notices to show."""


class QuizApp(PlainNotifications, App):
    """Scenario Quiz in the terminal.

    Given a ready session it starts on it. Given a loader instead, it paints the menu
    saved by the last run first, then loads the banks in a thread.
    """

    CSS_PATH = "app.tcss"
    TITLE = "Scenario Quiz"
    BINDINGS = [
        Binding("ctrl+q", "request_quit", "Quit", priority=True),
        # A priority key, so `?` opens help even from a number box (which cannot hold it);
        # F1 too, for a typed answer, which can.
        Binding("question_mark,f1", "help", "Help", priority=True),
    ]

    def __init__(self, session=None, *, loader: Loader | None = None,
                 sources: list[str] | None = None, data_folder: Path | None = None,
                 notices: list[str] | None = None, mode: str | None = None):
        super().__init__()
        if session is None and loader is None:
            raise ValueError("QuizApp needs a session or a loader")
        self.session = session
        self.loader = loader
        self.sources = sources or []
        self.data_folder = data_folder
        self.notices = notices or []
        self.preselected_mode = mode

    def on_mount(self) -> None:
        self._watch_hangup()
        stamp_file = os.environ.get("QUIZ_EXIT_WHEN_READY")
        if stamp_file:  # queued first: it marks the first paint, before any loading
            self.call_after_refresh(self._ready_for_benchmark, stamp_file)
        if self.session is not None:
            self.watch_history(self.session.history)
            self.push_screen(HomeScreen(self.current_menu(), self.session,
                                        self.preselected_mode))
            self._show_notices(self.notices)
        else:
            saved = (Menu.read(self.data_folder, self.sources) if self.data_folder else None)
            self.push_screen(HomeScreen(saved or Menu([], self.sources), None,
                                        self.preselected_mode))
            # Load only after the first paint, so the menu appears at once.
            self.call_after_refresh(self.run_worker, self._load_session, thread=True,
                                    exclusive=True, group="load")
        self.call_after_refresh(self._check_size)

    def _ready_for_benchmark(self, stamp_file: str) -> None:
        """`make bench-play` times a cold start to this first painted menu."""
        Path(stamp_file).write_text(repr(time.time()), encoding="utf-8")
        os._exit(0)  # the measurement is taken; skip waiting for the loading thread

    def _load_session(self) -> None:
        try:
            session, notices = self.loader()
        except Exception as error:  # noqa: BLE001 - shown to the player, never a traceback
            self.call_from_thread(self._load_failed, f"The banks could not be loaded: {error}")
            return
        self.call_from_thread(self._session_loaded, session, notices)

    def _load_failed(self, message: str) -> None:
        """Say so where "Loading the banks…" was, rather than leave it there for ever."""
        from textual.widgets import Static

        from quiz.tui.text import plain

        self.notify(message, severity="error", timeout=30)
        for screen in self.screen_stack:
            for info in screen.query("#home-info").results(Static):
                info.update(plain(message + " Press Ctrl+Q to quit."))

    def watch_history(self, history) -> None:
        """A failed write (a full disk) is shown once, as a notice; the game goes on."""
        history.on_write_failure = self._history_write_failed

    def _history_write_failed(self, message: str) -> None:
        if not self.is_running:
            return
        try:
            self.call_from_thread(self.notify, message, severity="error", timeout=20)
        except RuntimeError:  # already on the app's own thread
            self.notify(message, severity="error", timeout=20)

    def _session_loaded(self, session, notices: list[str]) -> None:
        self.session = session
        self.watch_history(session.history)
        menu = self.current_menu()
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.session_ready(session, menu)
        self._show_notices(self.notices + notices)

    def _show_notices(self, notices: list[str]) -> None:
        for notice in notices:
            self.notify(notice, severity="warning", timeout=12)

    def current_menu(self) -> Menu:
        """The menu as it stands, saved for the next start to paint at once."""
        menu = build_menu(self.session, self.sources)
        if self.data_folder is not None:
            try:
                from quiz.content.atomic import write_text_atomic

                self.data_folder.mkdir(parents=True, exist_ok=True)
                write_text_atomic(self.data_folder / MENU_FILE, menu.to_json())
            except OSError:
                pass  # a read-only data folder costs only the quick start
        return menu

    def show_home(self) -> None:
        self.switch_screen(HomeScreen(self.current_menu(), self.session))

    def show_progress(self) -> None:
        from quiz.tui.screens.progress import ProgressScreen

        if self.session is not None:
            self.push_screen(ProgressScreen(self.session))

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):  # the same key closes it
            self.screen.dismiss(None)
        elif not isinstance(self.screen, TooSmall):
            self.push_screen(HelpScreen())

    # ── Terminal size and hang-up ──────────────────────────────────────────
    def on_resize(self) -> None:
        self.call_after_refresh(self._check_size)

    def _check_size(self) -> None:
        """Say how big the terminal must be, instead of drawing clipped screens."""
        too_small = self.size.width < MIN_WIDTH or self.size.height < MIN_HEIGHT
        showing = isinstance(self.screen, TooSmall)
        if too_small and not showing:
            self.push_screen(TooSmall())
        elif showing and not too_small:
            self.pop_screen()

    def _watch_hangup(self) -> None:
        """Closing the terminal sends SIGHUP (and a shutdown SIGTERM): keep the round as
        interrupted, then leave, rather than dying with it marked as still playing."""
        try:
            loop = asyncio.get_running_loop()
            for number in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(number, self._hung_up)
        except (NotImplementedError, RuntimeError, ValueError, AttributeError):
            pass  # no signals here (Windows, or not the main thread, as in tests)

    def _hung_up(self) -> None:
        if self.session is not None:
            self.session.interrupt()
        self.exit(return_code=1)

    def action_request_quit(self) -> None:
        if isinstance(self.screen, ConfirmQuit):
            return

        def decided(quit_now: bool | None) -> None:
            if quit_now:
                if self.session is not None:
                    self.session.interrupt()
                self.exit()

        self.push_screen(ConfirmQuit(), decided)
