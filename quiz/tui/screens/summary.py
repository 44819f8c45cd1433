"""The end of a round: score, accuracy, time, streak, topics, and what was missed, cited."""

from __future__ import annotations

import math

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual_plotext import PlotextPlot

from quiz.game.answers import Forecast
from quiz.game.feedback import judge
from quiz.game.modes import PASS_MARK
from quiz.game.names import counted, tag_name, tag_names
from quiz.game.session import Session
from quiz.tui.text import hanging, joined, plain
from quiz.tui.views.calibration import calibration_text, draw_calibration
from quiz.tui.views.feedback import sources_block


class SummaryScreen(Screen):
    """Shown when a round finishes; exams get a full review of every question."""

    BINDINGS = [Binding("enter,escape", "home", "Back to the menu"),
                Binding("p", "progress", "Your progress"),
                Binding("c", "next_chapter", "Next chapter")]

    def __init__(self, session: Session):
        super().__init__()
        self.session = session

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        forecasts = self._forecasts()
        with VerticalScroll(id="summary-body"):
            yield Static(id="summary-stats")
            if forecasts:
                yield Static(calibration_text(forecasts), id="summary-calibration")
                yield PlotextPlot(id="calibration-chart")
            yield Static(id="summary-tags")
            yield Static(id="summary-review")
        yield Footer()

    def _forecasts(self) -> list[tuple[int, bool]]:
        """(confidence, right) for every forecast answered this round."""
        return [(o.response.confidence, o.correct) for d, o in self.session.round.pairs()
                if isinstance(o.response, Forecast)]

    def on_mount(self) -> None:
        round_ = self.session.round
        summary = round_.summary()
        place = self.session.title(self.session.bank_id, self.session.chapter_id)
        self.query_one("#status", Static).update(
            plain(f"{round_.mode.title} · {place} · round complete"))
        minutes, seconds = divmod(round(summary.duration), 60)
        stats = joined(
            ("Score ", "bold"), f"{summary.score}\n",
            ("Accuracy ", "bold"), f"{summary.correct}/{summary.total} "
            f"({summary.accuracy:.0%})\n",
            ("Time spent answering ", "bold"), f"{minutes}m {seconds:02d}s\n",
            ("Best streak ", "bold"), f"{summary.best_streak}",
        )
        if round_.mode.name == "campaign":
            stats.append("\n")
            stats.append(self._verdict(summary.correct, summary.total), style="bold")
            following = self._next_chapter()
            if following is not None and summary.total and (
                    summary.correct / summary.total >= PASS_MARK):
                stats.append(f"\nPress C to continue to {following.title}.", style="bold")
        self.query_one("#summary-stats", Static).update(stats)
        self.query_one("#summary-tags", Static).update(self._tags(summary.by_tag))
        self.query_one("#summary-review", Static).update(self._review())
        if self._forecasts():
            draw_calibration(self.query_one("#calibration-chart", PlotextPlot),
                             self._forecasts())

    @staticmethod
    def _verdict(correct: int, total: int) -> str:
        mark = correct / total if total else 0.0
        if mark >= PASS_MARK:
            return (f"✔ Chapter passed with {mark:.0%} (the pass mark is {PASS_MARK:.0%}): "
                    "the next chapter is open.")
        needed = math.ceil(PASS_MARK * total - 1e-9)  # the fewest right answers that pass
        return (f"✘ {mark:.0%}: not passed yet. The pass mark is {PASS_MARK:.0%}, "
                f"{needed} of {total} right. Try again!")

    def _tags(self, by_tag: dict[str, tuple[int, int]]) -> Table:
        names = tag_names(self.session.library)
        table = Table(title="By topic", expand=False, show_edge=False)
        for column, justify in (("topic", "left"), ("right", "right"), ("asked", "right")):
            table.add_column(column, justify=justify)
        for tag, (right, asked) in sorted(by_tag.items(),
                                          key=lambda item: (-item[1][1], item[0]))[:8]:
            table.add_row(plain(tag_name(tag, names)), str(right), str(asked))
        return table

    def _review(self):
        from rich.console import Group

        round_ = self.session.round
        full = round_.mode.name == "exam"
        pairs = [(d, o) for d, o in round_.pairs() if o.scored and (full or not o.correct)]
        if not pairs:
            return plain("Nothing missed. Well done!")
        title = "Every question, reviewed" if full else "What you missed"
        parts: list = [joined((f"{title} ({counted(len(pairs), 'question')})",
                               "bold underline"))]
        for dealt, outcome in pairs:
            question = dealt.question
            feedback = judge(dealt, outcome)
            mark = "✔ " if outcome.correct else "✘ "
            parts.append(Text())
            parts.append(hanging(Text(mark, style="bold"), plain(question.prompt)))
            yours, right = feedback.your_answer, feedback.right_answer
            if feedback.pairs and outcome.response is not None and not outcome.correct:
                # Only the pairs missed: the ones matched need no second look.
                missed = [pair for pair in feedback.pairs if not pair.right]
                yours = "; ".join(f"{pair.left} → {pair.given}" for pair in missed)
                right = "; ".join(f"{pair.left} → {pair.match}" for pair in missed)
                parts.append(hanging("   ", f"{feedback.matched} of {len(feedback.pairs)} "
                                     "pairs right; the others:"))
            parts.append(hanging("   You: ", yours))
            parts.append(hanging("   Right: ", right))
            if question.explanation:
                parts.append(hanging("   ", question.explanation))
            parts.extend(hanging("   ", line)
                         for line in sources_block(question.sources, key_hint=False))
        return Group(*parts)

    def _next_chapter(self):
        """The chapter after this one in its bank, if any."""
        session = self.session
        if session.bank_id is None or session.chapter_id is None:
            return None
        chapters = session.library.bank(session.bank_id).scenarios
        ids = [chapter.id for chapter in chapters]
        at = ids.index(session.chapter_id) if session.chapter_id in ids else -1
        return chapters[at + 1] if 0 <= at < len(chapters) - 1 else None

    def _can_continue(self) -> bool:
        """A passed campaign chapter with another after it."""
        round_ = self.session.round
        if round_ is None or round_.mode.name != "campaign" or self._next_chapter() is None:
            return False
        summary = round_.summary()
        return bool(summary.total) and summary.correct / summary.total >= PASS_MARK

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The footer offers C only where it leads somewhere.
        return self._can_continue() if action == "next_chapter" else True

    def action_next_chapter(self) -> None:
        """After a passed chapter: straight on to the next one's briefing."""
        if not self._can_continue():
            return
        following = self._next_chapter()
        from quiz.tui.screens.briefing import BriefingScreen

        self.session.start(self.session.bank_id, following.id, "campaign")
        self.app.switch_screen(BriefingScreen(self.session))

    def action_home(self) -> None:
        self.app.show_home()

    def action_progress(self) -> None:
        self.app.show_progress()
