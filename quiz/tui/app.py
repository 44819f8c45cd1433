"""The Textual application: screens, global keys, and the one place Textual meets the core."""

from __future__ import annotations

import os

from textual.app import App
from textual.binding import Binding

from quiz.game.session import Session
from quiz.tui.screens.dialogs import ConfirmQuit, HelpScreen
from quiz.tui.screens.home import HomeScreen


class QuizApp(App):
    """Scenario Quiz in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = "Scenario Quiz"
    BINDINGS = [
        Binding("ctrl+q", "request_quit", "Quit", priority=True),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(self, session: Session, *, notices: list[str] | None = None,
                 mode: str | None = None):
        super().__init__()
        self.session = session
        self.notices = notices or []
        self.preselected_mode = mode

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.session, mode=self.preselected_mode))
        if os.environ.get("QUIZ_EXIT_WHEN_READY"):
            # Used by `make bench-play` to time a cold start to the first usable screen.
            self.call_after_refresh(self.exit)
        for notice in self.notices:
            self.notify(notice, severity="warning", timeout=12)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_request_quit(self) -> None:
        if isinstance(self.screen, ConfirmQuit):
            return

        def decided(quit_now: bool | None) -> None:
            if quit_now:
                self.session.interrupt()
                self.exit()

        self.push_screen(ConfirmQuit(), decided)
