"""The end of a chapter: the player's decisions beside what the real actors did, with the
source and date of each, and the chapter's lessons."""

from __future__ import annotations

from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.game.session import Session
from quiz.model.questions import Decision
from quiz.tui.text import citation, hanging, joined, plain


def debrief_view(session: Session) -> Group:
    """Each decision played, then the lessons; pure rendering of the round's record."""
    chapter = session.library.chapter(session.bank_id, session.chapter_id)
    parts: list = [joined(("Debrief: your decisions and the record", "bold underline"))]
    decisions = [(d, o) for d, o in session.round.pairs() if isinstance(d.question, Decision)]
    if not decisions:
        parts.append(Text("This chapter asked for no decisions.", style="italic"))
    for dealt, outcome in decisions:
        question: Decision = dealt.question
        parts.append(Text())
        parts.append(hanging(Text("◆ ", style="bold"), plain(question.prompt)))
        yours = ("(no choice made)" if outcome.response is None
                 else question.options[outcome.response].text)
        parts.append(hanging(Text("   You chose: ", style="bold"), plain(yours)))
        actual = question.actual
        if actual is None:
            parts.append(hanging("   The record: ", Text(
                "a what-if: the sources record no such moment, so the consequences are "
                "judgement, not history.",
                style="italic")))
            continue
        option = question.options[actual]
        same = outcome.response == actual
        parts.append(hanging(Text("   The actor: ", style="bold"),
                             joined(option.text, ("  (the same as yours)" if same
                                                  else "  (not what you chose)", "italic"))))
        for source in option.sources or question.sources:
            parts.append(hanging("   Source: ", citation(source)))
        if question.explanation:
            parts.append(hanging("   ", question.explanation))
    if chapter.lessons:
        parts.append(Text())
        parts.append(joined(("What this chapter teaches", "bold underline")))
        parts.extend(hanging("• ", lesson) for lesson in chapter.lessons)
    return Group(*parts)


class DebriefScreen(Screen):
    """Shown when a campaign chapter ends, before the round's summary."""

    BINDINGS = [Binding("enter,space,escape", "summary", "Your results")]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        chapter = self.session.library.chapter(self.session.bank_id, self.session.chapter_id)
        yield Static(plain(f"Campaign · {chapter.title} · debrief"), id="status")
        with VerticalScroll(id="debrief-body"):
            yield Static(debrief_view(self.session), id="debrief-text")
        yield Static("Enter: your results · ↑↓ PgDn: scroll", id="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#debrief-body").focus()

    def action_summary(self) -> None:
        from quiz.tui.screens.summary import SummaryScreen

        self.app.switch_screen(SummaryScreen(self.session))
