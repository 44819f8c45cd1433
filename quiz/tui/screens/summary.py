"""The end of a round: score, accuracy, time, streak, tags, and what was missed."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from quiz.content.key import answer_text
from quiz.game.answers import response_text
from quiz.game.session import Session
from quiz.tui.text import joined, plain


class SummaryScreen(Screen):
    """Shown when a round finishes; exams get a full review of every question."""

    BINDINGS = [Binding("enter,escape", "home", "Back to the menu")]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        with VerticalScroll(id="summary-body"):
            yield Static(id="summary-stats")
            yield Static(id="summary-tags")
            yield Static(id="summary-review")
        yield Footer()

    def on_mount(self) -> None:
        round_ = self.session.round
        summary = round_.summary()
        self.query_one("#status", Static).update(plain(f"{round_.mode.title} · round complete"))
        minutes, seconds = divmod(round(summary.duration), 60)
        stats = joined(
            ("Score ", "bold"), f"{summary.score}\n",
            ("Accuracy ", "bold"), f"{summary.correct}/{summary.total} "
            f"({summary.accuracy:.0%})\n",
            ("Time ", "bold"), f"{minutes}m {seconds:02d}s\n",
            ("Best streak ", "bold"), f"{summary.best_streak}",
        )
        if round_.mode.name == "campaign":
            passed = summary.accuracy >= 0.6
            stats.append("\n")
            stats.append("✔ Chapter passed: the next chapter is unlocked." if passed else
                         "✘ Not passed yet: 60% unlocks the next chapter. Try again!",
                         style="bold")
        self.query_one("#summary-stats", Static).update(stats)
        table = Table(title="By tag", expand=False, show_edge=False)
        for column in ("tag", "right", "asked"):
            table.add_column(column)
        for tag, (right, asked) in sorted(summary.by_tag.items(),
                                          key=lambda item: (-item[1][1], item[0]))[:8]:
            table.add_row(plain(tag), str(right), str(asked))
        self.query_one("#summary-tags", Static).update(table)
        self.query_one("#summary-review", Static).update(self._review())

    def _review(self) -> Text:
        round_ = self.session.round
        full = round_.mode.name == "exam"
        pairs = [(d, o) for d, o in round_.pairs() if full or not o.correct]
        if not pairs:
            return plain("Nothing missed. Well done!")
        title = "Every question, reviewed" if full else "What you missed"
        lines = [joined((title, "bold underline"))]
        for dealt, outcome in pairs:
            question = dealt.question
            mark = "✔" if outcome.correct else "✘"
            lines.append(joined((f"{mark} ", "bold"), question.prompt))
            lines.append(joined("   You: ", response_text(question, outcome.response),
                                " · Right: ", answer_text(question)))
            if question.explanation:
                lines.append(joined("   ", question.explanation))
        return Text("\n").join(lines)

    def action_home(self) -> None:
        self.app.show_home()
