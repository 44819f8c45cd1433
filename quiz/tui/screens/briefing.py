"""A chapter's briefing, read before its first question."""

from __future__ import annotations

import math

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.game.modes import PASS_MARK
from quiz.game.names import counted
from quiz.game.session import Session
from quiz.tui.text import joined, plain


class BriefingScreen(Screen):
    """Sets the scene for a campaign chapter."""

    BINDINGS = [Binding("enter,space", "begin", "Begin"),
                Binding("escape", "back", "Back")]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        chapter = self.session.library.chapter(self.session.bank_id, self.session.chapter_id)
        count = sum(1 for q in chapter.questions if q.type != "decision")  # marked ones
        decisions = len(chapter.questions) - count
        noun = "marked question" if decisions else "question"
        choices = (f" and {counted(decisions, 'decision')}, never marked; a decision can "
                   "change what comes next" if decisions else "")
        needed = math.ceil(PASS_MARK * count - 1e-9)
        yield Static(plain(f"Campaign · {chapter.title}"), id="status")
        with VerticalScroll(id="briefing-body"):
            yield Static(joined(("Briefing\n\n", "bold underline"), chapter.briefing,
                                f"\n\n{counted(count, noun)}{choices}. ",
                                (f"Pass mark {PASS_MARK:.0%}: get {needed} of {count} right "
                                 "to pass and open the next chapter.", "bold"),
                                "\n\nPress Enter to begin, Escape to go back."))
        yield Footer()

    def action_begin(self) -> None:
        from quiz.tui.screens.question import QuestionScreen

        self.app.switch_screen(QuestionScreen(self.session))

    def action_back(self) -> None:
        self.session.interrupt()
        self.app.show_home()
